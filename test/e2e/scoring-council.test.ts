// Browser end-to-end for council scoring (/cham-diem/:id/hoi-dong): a scorer on a phone marks a unit
// (others' marks hidden until submitted, then shown), and the district officer reads the results
// with the outlier flagged and finalises; axe finds no violation on either view.
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, logIn } from '../support/browser';
import { axeViolations } from '../support/axe';
import { startTestApp, type TestEnv } from '../support/app';
import { createUser, loginAs, smallWorld } from '../factories';
import type { RoundDto, SheetSummaryDto, TemplateSummaryDto } from '../../src/contracts/scoring';
import type { CouncilDto, CouncilMarkDto } from '../../src/contracts/scoring-council';
import { currentYearInVietnam } from '../support/scoring';

let env: TestEnv;
let browser: Browser;
let page: Page;
let base: string;
let roundId: number;
let plainRoundId: number;
let criteriaOfB = 0;

/** Every criterion at its maximum, submitted. */
async function markAtMax(user: string, sheetId: number): Promise<void> {
  const c = await loginAs(env.app, user);
  const m = (await c.get(`/api/v1/score-sheets/${sheetId}/council`)).json<CouncilMarkDto>();
  expect((await c.put(`/api/v1/score-sheets/${sheetId}/council`, { entries: m.criteria.map((x) => ({ criterionCode: x.code, points: x.maxPoints })) })).statusCode).toBe(200);
  expect((await c.post(`/api/v1/score-sheets/${sheetId}/council/submit`)).statusCode).toBe(200);
}

beforeAll(async () => {
  env = await startTestApp({ serveWeb: true });
  const w = await smallWorld(env.database.db);
  for (const [u, name] of [['hd.a', 'Trần Thị Hòa'], ['hd.b', 'Lê Văn Đức'], ['hd.c', 'Nguyễn Minh Tâm']] as const) {
    await createUser(env.database.db, u, [{ role: 'COUNCIL_MEMBER', org: w.orgs.huyen }]);
    await env.database.db.execute(sql`update app_user set display_name = ${name} where username = ${u}`);
  }
  const officer = await loginAs(env.app, 'huyen.tdkt');
  const year = currentYearInVietnam();
  const templateId = (await officer.get('/api/v1/scorecard-templates?status=PUBLISHED&code=CDCS_1294')).json<{ items: TemplateSummaryDto[] }>().items[0]!.id;
  const round = await officer.post('/api/v1/scoring-rounds', { orgId: w.orgs.huyen.id, year, title: 'Chấm điểm công đoàn cơ sở theo hội đồng', templateId, deadline: `${year + 1}-01-31`, units: [w.orgs.cdcsA.id, w.orgs.cdcsB.id] });
  expect(round.statusCode, round.body).toBe(200);
  roundId = round.json<RoundDto>().id;
  const plain = await officer.post('/api/v1/scoring-rounds', { orgId: w.orgs.huyen.id, year, title: 'Chấm điểm chưa có hội đồng', templateId, deadline: `${year + 1}-01-31`, units: [w.orgs.cdcsA.id] });
  plainRoundId = plain.json<RoundDto>().id;
  const council = (await officer.get(`/api/v1/scoring-rounds/${roundId}/council`)).json<CouncilDto>();
  const ids = await env.database.db.execute<{ id: number }>(sql`select id from app_user where username in ('hd.a', 'hd.b', 'hd.c') order by username`);
  const setup = await officer.put(`/api/v1/scoring-rounds/${roundId}/council`, { version: council.version, scorerIds: ids.rows.map((r) => Number(r.id)) });
  expect(setup.statusCode, setup.body).toBe(200);
  const sheets = (await officer.get(`/api/v1/score-sheets?roundId=${roundId}`)).json<{ items: SheetSummaryDto[] }>().items;
  const sheetB = sheets.find((s) => s.orgId === w.orgs.cdcsB.id)!.id;
  for (const u of ['hd.b', 'hd.c']) for (const s of sheets) await markAtMax(u, s.id);
  criteriaOfB = (await (await loginAs(env.app, 'hd.a')).get(`/api/v1/score-sheets/${sheetB}/council`)).json<CouncilMarkDto>().criteria.length;
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && page) await page.screenshot({ path: path.join(os.tmpdir(), `vd-e2e-${ctx.task.name.slice(0, 30).replace(/\W+/g, '-')}.png`), fullPage: true });
});

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

describe('council scoring', () => {
  it('the officer chooses the scorers by searching names without diacritics', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    try {
      await logIn(page, base, 'huyen.tdkt');
      await page.goto(`${base}/cham-diem/${plainRoundId}/hoi-dong`);
      await page.getByTestId('council-setup').waitFor();
      expect(await page.getByTestId('council-mode').getAttribute('data-mode')).toBe('VERIFIED');
      const picker = page.getByTestId('council-scorers');
      for (const [q, name] of [['hoa', 'Trần Thị Hòa'], ['duc', 'Lê Văn Đức']] as const) {
        await picker.fill(q);
        await page.getByRole('option', { name: new RegExp(name) }).click();
      }
      // Close the list of options, which covers the button.
      await page.keyboard.press('Escape');
      await page.getByTestId('council-save').click();
      await page.getByTestId('council-saved').waitFor();
      expect(await page.getByTestId('council-mode').getAttribute('data-mode')).toBe('COUNCIL');
      expect(await page.getByTestId('council-progress-row').allTextContents()).toEqual([expect.stringContaining('Lê Văn Đức'), expect.stringContaining('Trần Thị Hòa')]);
    } finally {
      await context.close();
    }
  });

  it('a scorer on a phone marks a unit; the others’ marks appear only after submitting', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 360, height: 780 } });
    page = await context.newPage();
    try {
      await logIn(page, base, 'hd.a');
      await page.goto(`${base}/cham-diem/${roundId}/hoi-dong`);
      await page.getByTestId('council-sheet-row').first().waitFor();
      expect(await page.getByTestId('council-mark-status').allTextContents()).toEqual(['Chưa chấm', 'Chưa chấm']);
      expect(await axeViolations(page)).toEqual([]);

      // Sorted by name: the TNHH Sợi Thế Kỷ union (ENTERPRISE criteria) comes first.
      await page.getByTestId('council-sheet-open').first().click();
      const dialog = page.getByRole('dialog', { name: /^Chấm điểm: / });
      await dialog.getByTestId('council-others-hidden').waitFor();
      expect(await dialog.getByTestId('council-others-hidden').textContent()).toContain('2 người đã nộp');
      expect(await dialog.getByTestId('council-other').count()).toBe(0);
      const inputs = dialog.getByTestId('council-points');
      expect(await inputs.count()).toBe(criteriaOfB);
      for (let i = 0; i < criteriaOfB; i++) await inputs.nth(i).fill('1');
      // One point per criterion; the bonus section's 3 stay under its cap of 5.
      await expect.poll(() => dialog.getByTestId('council-total').textContent()).toContain(`${criteriaOfB}/100`);
      await dialog.getByTestId('council-mark-save').click();
      await dialog.getByText('Đã lưu nháp.').waitFor();
      await dialog.getByTestId('council-mark-submit').click();
      const confirm = page.getByRole('dialog', { name: 'Nộp điểm chấm' });
      await confirm.getByRole('button', { name: 'Nộp điểm', exact: true }).click();
      await dialog.getByTestId('council-mark-submitted').waitFor();
      expect(await dialog.getByTestId('council-other').allTextContents()).toEqual(['Lê Văn Đức: 100/100 điểm', 'Nguyễn Minh Tâm: 100/100 điểm']);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the officer sees raw means beside z means with the outlier explained, and finalises', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    try {
      await logIn(page, base, 'huyen.tdkt');
      await page.goto(`${base}/cham-diem/${roundId}/hoi-dong`);
      await page.getByTestId('council-results-row').first().waitFor();
      expect(await page.getByTestId('council-progress-row').count()).toBe(3);
      // The unit A only has the two 100s; B has Hòa's low mark, far from the others' 100: flagged.
      expect(await page.getByTestId('council-raw-mean').allTextContents()).toEqual(['100', String(Math.round(((200 + criteriaOfB) / 3) * 100) / 100).replace('.', ',')]);
      expect(await page.getByTestId('council-outlier').count()).toBe(1);
      await expect.poll(() => page.getByTestId('council-results').textContent()).toContain('cách điểm trung bình của các thành viên khác (100)');
      expect(await axeViolations(page)).toEqual([]);

      await page.getByTestId('council-finalize').click();
      const dialog = page.getByRole('dialog', { name: 'Chốt kết quả chấm theo hội đồng' });
      await dialog.getByRole('button', { name: 'Chốt kết quả', exact: true }).click();
      await dialog.getByText('Việc này không hoàn tác được.', { exact: false }).waitFor();
      await dialog.getByRole('button', { name: /Chốt kết quả/ }).click();
      await page.getByTestId('council-finalized').waitFor();
      expect(await page.getByTestId('council-finalized').textContent()).toBe('Đã chốt kết quả 2 đơn vị.');
    } finally {
      await context.close();
    }
  });
});
