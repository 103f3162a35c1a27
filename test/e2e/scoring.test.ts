// Browser end-to-end for scorecards (issue 5): a CĐCS chair self-scores every criterion of the
// shipped CĐCS template with a PDF of evidence for each scored criterion and submits; the district
// officer changes one criterion (a reason is required before anything is sent) and approves; once
// the round is published, the chair sees the verified total, the classification and the rank on a
// phone (that read-only state also passes axe); a manager then corrects the sheet by amendment.
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium, logIn } from '../support/browser';
import { axeViolations } from '../support/axe';
import { startTestApp, type TestEnv } from '../support/app';
import { loginAs, smallWorld } from '../factories';
import type { RoundDto, RoundResultsDto, SheetDto } from '../../src/contracts/scoring';
import { currentYearInVietnam, daysFromToday } from '../support/scoring';

let env: TestEnv;
let browser: Browser;
let base: string;
let w: Awaited<ReturnType<typeof smallWorld>>;
let sheetId: number;
let roundId: number;
let criteria: SheetDto['criteria'];
let bonusMax: number;
const contexts: BrowserContext[] = [];
let current: Page | null = null;

/** What the chair enters: every criterion at its maximum except these. */
const ENTERED: Record<string, number> = { 'G1.1': 7.5, 'G3.3': 4, 'B.1': 2, 'B.2': 1.5, 'B.3': 0 };
const CHANGED = { code: 'G2.2', points: 5, reason: 'Chưa có quyết định công nhận Ban Chấp hành sau đại hội' };
const NOTE = 'Có biên bản giám sát quý I–IV';
// The smallest file the server recognises as a PDF by its content.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');

const entered = (c: SheetDto['criteria'][number]) => ENTERED[c.code] ?? c.maxPoints;
/** Regular points plus the bonus, the bonus capped at its section's maximum (no deduction in this template). */
function total(points: (c: SheetDto['criteria'][number]) => number): number {
  const regular = criteria.filter((c) => c.sectionKind === 'REGULAR').reduce((s, c) => s + points(c), 0);
  const bonus = criteria.filter((c) => c.sectionKind === 'BONUS').reduce((s, c) => s + points(c), 0);
  return regular + Math.min(bonus, bonusMax);
}
const vi = (n: number) => String(n).replace('.', ',');

async function pageAs(username: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ locale: 'vi-VN', viewport });
  contexts.push(context);
  const page = await context.newPage();
  await logIn(page, base, username);
  current = page;
  return page;
}

beforeAll(async () => {
  env = await startTestApp({ serveWeb: true });
  w = await smallWorld(env.database.db);
  const officer = await loginAs(env.app, 'huyen.tdkt');
  const template = await env.database.db.execute<{ id: number }>(sql`select id from scorecard_template where code = 'CDCS_1294' and org_id is null order by version limit 1`);
  const created = await officer.post('/api/v1/scoring-rounds', {
    orgId: w.orgs.huyen.id,
    year: currentYearInVietnam(),
    title: 'Đánh giá, xếp loại công đoàn cơ sở năm nay',
    templateId: Number(template.rows[0]!.id),
    deadline: daysFromToday(30),
    units: [w.orgs.cdcsA.id],
  });
  expect(created.statusCode, created.body).toBe(200);
  roundId = created.json<RoundDto>().id;
  const sheet = await env.database.db.execute<{ id: number }>(sql`select id from score_sheet where round_id = ${roundId} and org_id = ${w.orgs.cdcsA.id}`);
  sheetId = Number(sheet.rows[0]!.id);
  const dto = (await officer.get(`/api/v1/score-sheets/${sheetId}`)).json<SheetDto>();
  criteria = dto.criteria;
  bonusMax = dto.self.sections.find((s) => s.kind === 'BONUS')!.maxPoints;
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && current) await current.screenshot({ path: path.join(os.tmpdir(), `vd-e2e-${ctx.task.name.slice(0, 30).replace(/\W+/g, '-')}.png`), fullPage: true });
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await env?.close();
});

describe('chấm điểm thi đua: tự chấm → thẩm định → công bố', () => {
  it('the chair scores every criterion, attaches evidence, saves and submits; the sheet is then locked', async () => {
    const page = await pageAs('cdcs.a');
    await page.goto(`${base}/cham-diem/phieu/${sheetId}`);
    const cards = page.getByTestId('sheet-criterion');
    await expect.poll(() => cards.count()).toBe(criteria.length);
    expect(await page.getByTestId('sheet-status').getAttribute('data-status')).toBe('DRAFT');
    expect(await page.getByTestId('sheet-days-left').textContent()).toBe('còn 30 ngày');

    // A text file dressed up as a PDF: refused by content, with the server's Vietnamese message, nothing attached.
    const first = page.locator(`[data-testid="sheet-criterion"][data-code="${criteria[0]!.code}"]`);
    await first.getByTestId('evidence-upload-input').setInputFiles({ name: 'bien-ban.pdf', mimeType: 'application/pdf', buffer: Buffer.from('không phải PDF') });
    await expect.poll(() => first.getByRole('alert').textContent()).toContain('Tệp không đúng định dạng');
    expect(await first.getByTestId('evidence-file').count()).toBe(0);

    for (const c of criteria) {
      const card = page.locator(`[data-testid="sheet-criterion"][data-code="${c.code}"]`);
      await card.getByTestId('sheet-points').fill(vi(entered(c)));
      if (c.code === 'G1.1') await card.getByTestId('sheet-note').fill(NOTE);
      if (entered(c) > 0) {
        await card.getByTestId('evidence-upload-input').setInputFiles({ name: `minh-chung-${c.code}.pdf`, mimeType: 'application/pdf', buffer: PDF });
        await card.getByTestId('evidence-file').first().waitFor();
      }
    }
    const g11 = page.locator('[data-testid="sheet-criterion"][data-code="G1.1"]');
    expect(await g11.getByTestId('evidence-download').textContent()).toContain('minh-chung-G1.1.pdf');
    expect(await page.getByTestId('sheet-unsaved').count()).toBe(1);

    await page.getByTestId('sheet-save').click();
    await expect.poll(() => page.getByTestId('sheet-unsaved').count()).toBe(0);
    const expected = total(entered);
    expect(await page.getByTestId('sheet-self-total').textContent()).toBe(`${vi(expected)}/100`);
    expect(await page.locator('[data-testid="sheet-section-total"][data-section="B"]').textContent()).toBe(`${vi(Math.min(3.5, bonusMax))}/${vi(bonusMax)}`);

    await page.getByTestId('sheet-submit').click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByTestId('sheet-submit-total').textContent()).toContain(`${vi(expected)}/100`);
    await dialog.getByRole('button', { name: 'Gửi phiếu', exact: true }).click();
    await expect.poll(() => page.getByTestId('sheet-status').getAttribute('data-status')).toBe('SUBMITTED');
    await page.getByTestId('sheet-locked').waitFor();
    expect(await page.getByTestId('sheet-points').count()).toBe(0);
    expect(await page.getByTestId('sheet-self-total').textContent()).toBe(`${vi(expected)}/100`);

    const stored = (await (await loginAs(env.app, 'cdcs.a')).get(`/api/v1/score-sheets/${sheetId}`)).json<SheetDto>();
    expect(stored).toMatchObject({ status: 'SUBMITTED', selfTotal: expected });
    expect(stored.criteria.find((c) => c.code === 'G1.1')).toMatchObject({ selfPoints: 7.5, selfNote: NOTE });
    const files = (await (await loginAs(env.app, 'cdcs.a')).get(`/api/v1/score-sheets/${sheetId}/evidence`)).json<{ items: { criterionCode: string }[] }>();
    expect(files.items.length).toBe(criteria.filter((c) => entered(c) > 0).length);
  });

  it('the officer changes one criterion (first refused without a reason, before sending) and approves', async () => {
    const page = await pageAs('huyen.tdkt');
    await page.goto(`${base}/cham-diem/phieu/${sheetId}`);
    const card = page.locator(`[data-testid="sheet-criterion"][data-code="${CHANGED.code}"]`);
    await card.getByTestId('sheet-verify-points').waitFor();
    expect(await card.getByTestId('sheet-self-points').textContent()).toBe('6 điểm');
    expect(await card.getByTestId('evidence-download').count()).toBe(1);

    await card.getByTestId('sheet-verify-points').fill(vi(CHANGED.points));
    await page.getByTestId('sheet-verify-save').click();
    await page.getByTestId('sheet-verify-errors').waitFor();
    expect(await card.textContent()).toContain('Điểm thẩm định khác điểm tự chấm (6): cần ghi lý do điều chỉnh.');
    const untouched = (await (await loginAs(env.app, 'huyen.tdkt')).get(`/api/v1/score-sheets/${sheetId}`)).json<SheetDto>();
    expect(untouched.verified).toBeNull();

    await card.getByTestId('sheet-verify-reason').fill(CHANGED.reason);
    await page.getByTestId('sheet-verify-save').click();
    await expect.poll(() => page.getByTestId('sheet-unsaved').count()).toBe(0);
    const verifiedOf = (c: SheetDto['criteria'][number]) => (c.code === CHANGED.code ? CHANGED.points : entered(c));
    const expected = total(verifiedOf);
    expect(await page.getByTestId('sheet-verified-total').textContent()).toBe(`${vi(expected)}/100`);
    expect(await page.getByTestId('sheet-expected-level').textContent()).toBe('Xếp loại dự kiến: Hoàn thành xuất sắc nhiệm vụ');

    await page.getByTestId('sheet-approve').click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByTestId('sheet-approve-total').textContent()).toContain(`${vi(expected)}/100`);
    await dialog.getByRole('button', { name: 'Duyệt', exact: true }).click();
    await expect.poll(() => page.getByTestId('sheet-status').getAttribute('data-status')).toBe('VERIFIED');
    expect(await page.getByTestId('sheet-classification').getAttribute('data-level')).toBe('HTXSNV');
    expect(await page.getByTestId('sheet-diff').count()).toBe(1);
    expect(await page.getByTestId('sheet-rank').textContent()).toBe('Chưa công bố');
  });

  it('after publication the chair sees the verified total, the classification, the rank and the change with its reason on a phone', async () => {
    const officer = await loginAs(env.app, 'huyen.tdkt');
    const results = (await officer.get(`/api/v1/scoring-rounds/${roundId}/results`)).json<RoundResultsDto>();
    const published = await officer.post(`/api/v1/scoring-rounds/${roundId}/publish`, { version: results.roundVersion });
    expect(published.statusCode, published.body).toBe(200);

    const page = await pageAs('cdcs.a', { width: 360, height: 780 });
    await page.goto(`${base}/cham-diem/phieu/${sheetId}`);
    await page.getByTestId('sheet-result').waitFor();
    const expected = total((c) => (c.code === CHANGED.code ? CHANGED.points : entered(c)));
    expect(await page.getByTestId('sheet-verified-total').textContent()).toBe(`${vi(expected)}/100`);
    expect(await page.getByTestId('sheet-self-total').textContent()).toBe(`${vi(total(entered))}/100`);
    expect(await page.getByTestId('sheet-classification').textContent()).toContain('Hoàn thành xuất sắc nhiệm vụ');
    await expect.poll(() => page.getByTestId('sheet-rank').textContent()).toBe('Hạng 1');
    const card = page.locator(`[data-testid="sheet-criterion"][data-code="${CHANGED.code}"]`);
    expect(await card.getByTestId('sheet-diff').textContent()).toBe('Điều chỉnh −1');
    expect(await card.getByTestId('sheet-verify-reason-text').textContent()).toBe(`Lý do: ${CHANGED.reason}`);
    expect(await page.getByTestId('sheet-amend').count()).toBe(0);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('a manager corrects the published sheet by amendment, with a reason per criterion and overall', async () => {
    const page = await pageAs('huyen.tdkt');
    await page.goto(`${base}/cham-diem/phieu/${sheetId}`);
    await page.getByTestId('sheet-amend').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('sheet-amend-criteria').click();
    await page.getByRole('option', { name: /^G3\.3\./ }).click();
    await dialog.getByTestId('sheet-amend-points').fill('5');
    await dialog.getByTestId('sheet-amend-line-reason').fill('Bổ sung kế hoạch hoạt động nữ công được nộp muộn');
    await dialog.locator('textarea').last().fill('Đính chính theo đơn kiến nghị của công đoàn cơ sở');
    await dialog.getByRole('button', { name: 'Đính chính', exact: true }).click();
    await dialog.getByRole('button', { name: 'Xác nhận: Đính chính', exact: true }).click();
    const expected = total((c) => (c.code === CHANGED.code ? CHANGED.points : c.code === 'G3.3' ? 5 : entered(c)));
    await expect.poll(() => page.getByTestId('sheet-verified-total').textContent()).toBe(`${vi(expected)}/100`);
    expect(await page.getByTestId('sheet-diff').count()).toBe(2);
    expect(await page.locator('[data-testid="sheet-criterion"][data-code="G3.3"]').getByTestId('sheet-diff').textContent()).toBe('Điều chỉnh +1');
    const stored = (await (await loginAs(env.app, 'cdcs.a')).get(`/api/v1/score-sheets/${sheetId}`)).json<SheetDto>();
    expect(stored).toMatchObject({ verifiedTotal: expected, classification: 'HTXSNV' });
  });
});
