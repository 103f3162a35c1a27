// Browser end-to-end for the "Xuất Excel" of the lists (issue 10): on the decision list filtered to
// signed decisions, the button carries the filter; the downloaded workbook has the title, the filter
// in words and exactly the signed decision (not the draft).
import os from 'node:os';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { launchChromium, logIn } from '../support/browser';
import { startTestApp, type TestEnv } from '../support/app';
import { readSheet } from '../support/xlsx';
import { insertToCouncil } from '../support/councils';
import { loginAs, smallWorld } from '../factories';
import type { DecisionDto } from '../../src/contracts/decisions';

let env: TestEnv;
let browser: Browser;
let base: string;
const pages: Page[] = [];
let signedNumber = '';

beforeAll(async () => {
  env = await startTestApp({ serveWeb: true });
  const db = env.database.db;
  const w = await smallWorld(db);
  const ids = await insertToCouncil(db, w.orgs.huyen, [
    { personId: w.persons.an, unit: w.orgs.cdcsA, name: 'Nguyễn Văn An', awardCode: 'LDTT' },
    { personId: w.persons.dang, unit: w.orgs.cdcsB, name: 'Đặng Văn Bình', awardCode: 'LDTT' },
  ]);
  await db.execute(sql`update nomination set status = 'COUNCIL_PASSED' where id = any(${sql.param(ids)}::bigint[])`);
  const officer = await loginAs(env.app, 'huyen.tdkt');
  const signed = (await officer.post('/api/v1/decisions', { orgId: w.orgs.huyen.id, nominationIds: [ids[0]] })).json<DecisionDto>();
  expect((await officer.post('/api/v1/decisions', { orgId: w.orgs.huyen.id, nominationIds: [ids[1]] })).statusCode).toBe(201);
  const res = await officer.post(`/api/v1/decisions/${signed.id}/sign`, { version: signed.version, signedOn: '2024-06-30', signerName: 'Nguyễn Thị Thúy', overBudgetConfirmed: true });
  expect(res.statusCode, res.body).toBe(200);
  signedNumber = res.json<DecisionDto>().numberText!;
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    for (const [i, p] of pages.entries()) await p.screenshot({ path: path.join(os.tmpdir(), `vd-e2e-list-exports-${i}.png`), fullPage: true }).catch(() => undefined);
  }
});

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

describe('list exports', () => {
  it('downloads the decision list with the page’s filter', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    pages.push(page);
    await logIn(page, base, 'huyen.tdkt');
    await page.goto(`${base}/quyet-dinh?status=SIGNED`);
    await expect.poll(() => page.getByTestId('decision-row').count(), { timeout: 30_000 }).toBe(1);
    const button = page.getByTestId('decision-export');
    expect(await button.textContent()).toContain('Xuất Excel');
    expect(await button.getAttribute('href')).toContain('status=SIGNED');
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(/^quyet-dinh-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const rows = await readSheet(await readFile((await download.path())!));
    expect(rows[0]).toEqual(['Danh sách quyết định khen thưởng']);
    expect(rows[2]).toEqual(['Lọc theo – Trạng thái: Đã ký']);
    expect(rows[4]!.slice(0, 3)).toEqual(['STT', 'Số quyết định', 'Ngày ký']);
    expect(rows.slice(5).map((r) => [r[0], r[1]])).toEqual([['1', signedNumber]]);
    expect(rows.some((r) => r[1] === 'Dự thảo (chưa có số)')).toBe(false);
    await context.close();
  });
});
