// Browser end-to-end for the statistical forms page (/bieu-mau-thong-ke): the district's TĐKT officer
// opens the built-in results form and sees the figures computed here from the records this file
// inserts, downloads the .xlsx (read back: the same figures, the total as a formula), copies the form
// to the district, sees a duplicate row key refused on its field, edits a row's text and saves, and starts a blank form; and the preview shows it; axe on desktop and on a
// 360 px phone with no horizontal scroll.
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { launchChromium, logIn } from '../support/browser';
import { axeViolations } from '../support/axe';
import { startTestApp, type TestEnv } from '../support/app';
import { createPerson, smallWorld } from '../factories';
import { todayInVietnam } from '../../src/server/modules/imports/xlsx';

const Y = Number(todayInVietnam().slice(0, 4)); // the page opens on the current year
let env: TestEnv;
let browser: Browser;
let base: string;
const pages: Page[] = [];
interface Rec { personId: number | null; orgId: number | null; scopePath: string; code: string; year: number; status: 'ACTIVE' | 'REVOKED' }
const records: Rec[] = [];
let ldttName = '';

beforeAll(async () => {
  env = await startTestApp({ serveWeb: true });
  const db = env.database.db;
  const w = await smallWorld(db);
  const hoa = await createPerson(db, w.orgs.cdcsA, { fullName: 'Lê Thị Hoa', gender: 'FEMALE', isLeader: false, isDirectWorker: true });
  const hung = await createPerson(db, w.orgs.cdcsB, { fullName: 'Phạm Văn Hùng', gender: 'MALE', isLeader: false, isDirectWorker: true });
  records.push(
    { personId: hoa, orgId: null, scopePath: w.orgs.cdcsA.path, code: 'LDTT', year: Y, status: 'ACTIVE' },
    { personId: hung, orgId: null, scopePath: w.orgs.cdcsB.path, code: 'LDTT', year: Y, status: 'ACTIVE' },
    { personId: hung, orgId: null, scopePath: w.orgs.cdcsB.path, code: 'CSTD_CS', year: Y, status: 'REVOKED' },
    { personId: null, orgId: w.orgs.cdcsA.id, scopePath: w.orgs.cdcsA.path, code: 'TTLDTT', year: Y, status: 'ACTIVE' },
  );
  for (const r of records) {
    await db.execute(sql`insert into award_record (person_id, org_id, scope_path, award_code, year, status, revoked_at, revoked_reason)
      values (${r.personId}, ${r.orgId}, ${r.scopePath}, ${r.code}, ${r.year}, ${r.status},
              ${r.status === 'REVOKED' ? sql`now()` : sql`null`}, ${r.status === 'REVOKED' ? 'Thu hồi theo quyết định số 12/QĐ-LĐLĐ' : null})`);
  }
  ldttName = (await db.execute<{ name_vi: string }>(sql`select name_vi from award_type where code = 'LDTT'`)).rows[0]!.name_vi;
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    for (const [i, p] of pages.entries()) await p.screenshot({ path: path.join(os.tmpdir(), `vd-e2e-report-templates-${i}.png`), fullPage: true }).catch(() => undefined);
  }
});

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

const active = () => records.filter((r) => r.status === 'ACTIVE' && r.year === Y);
const individuals = (code?: string) => active().filter((r) => r.personId !== null && (code === undefined || r.code === code)).length;
const collectives = () => active().filter((r) => r.orgId !== null).length;

async function openPage(page: Page) {
  await logIn(page, base, 'huyen.tdkt');
  await page.goto(`${base}/bieu-mau-thong-ke`);
  await page.getByTestId('rt-item-BM01-KT').click();
  await expect.poll(() => page.getByTestId('cell-LDTT-0').first().textContent(), { timeout: 30_000 }).toBe(String(individuals('LDTT')));
}

describe('statistical forms page', () => {
  it('shows the built-in form with the figures, downloads it, copies it, edits a row and saves', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    pages.push(page);
    await openPage(page);
    expect(await page.getByRole('link', { name: 'Biểu mẫu thống kê', exact: true }).getAttribute('aria-current')).toBe('page');
    expect(await page.getByTestId('cell-TONG-0').textContent()).toBe(String(individuals()));
    expect(await page.getByTestId('cell-TONG-1').textContent()).toBe(String(collectives()));
    expect(await page.getByTestId('cell-TONG-2').textContent()).toBe(String(individuals() + collectives()));
    expect(await page.getByTestId('stat-grid').textContent()).toContain(ldttName);
    expect(await axeViolations(page)).toEqual([]);

    // The .xlsx: the total row is a formula whose cached value is the total.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('rt-download').click()]);
    const file = path.join(os.tmpdir(), `vd-e2e-rt-${process.pid}.xlsx`);
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await fs.readFile(file)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    let total: unknown = null;
    let ldtt: unknown = null;
    ws.eachRow((r) => {
      if (r.getCell(2).value === 'Tổng số') total = r.getCell(5).value;
      if (r.getCell(2).value === ldttName && ldtt === null) ldtt = r.getCell(3).value;
    });
    expect(total).toMatchObject({ result: individuals() + collectives() });
    expect(ldtt).toBe(individuals('LDTT'));
    await fs.rm(file, { force: true });

    // Copy to the district, then edit the total row's text.
    await page.getByTestId('rt-copy').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Mã biểu mẫu').fill('BM01-DMC');
    await dialog.getByRole('button', { name: 'Sao chép' }).click();
    await page.getByTestId('rt-edit').click();
    await page.getByTestId('layout-editor').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const first = page.getByTestId('row-editor-0');
    // A duplicate row key is refused on its field, in Vietnamese; nothing is saved.
    const second = page.getByTestId('row-editor-1');
    const key = await second.getByLabel('Mã dòng').inputValue();
    await second.getByLabel('Mã dòng').fill('TONG');
    await page.getByTestId('save-template').click();
    await expect.poll(() => second.textContent(), { timeout: 15_000 }).toContain('Mã dòng bị trùng với một dòng phía trên');
    await second.getByLabel('Mã dòng').fill(key);
    await first.getByLabel('Nội dung dòng').fill('Tổng cộng toàn huyện');
    await page.getByTestId('save-template').click();
    await expect.poll(() => page.locator('.mantine-Notification-root').textContent(), { timeout: 15_000 }).toContain('Đã lưu biểu mẫu');
    await page.getByTestId('rt-panel').waitFor();
    await expect.poll(() => page.getByTestId('stat-grid').textContent(), { timeout: 15_000 }).toContain('Tổng cộng toàn huyện');
    expect(await page.getByTestId('rt-list').textContent()).toContain('BM01-DMC');
    await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 15_000 }).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // A blank form: one row counting every award of the year.
    await page.getByTestId('rt-new').click();
    await dialog.getByLabel('Mã biểu mẫu').fill('BM-MOI');
    await dialog.getByLabel('Tên biểu mẫu').fill('Biểu tổng hợp nhanh');
    await dialog.getByRole('button', { name: 'Tạo biểu' }).click();
    await expect.poll(() => page.getByTestId('rt-panel').textContent(), { timeout: 15_000 }).toContain('Biểu tổng hợp nhanh');
    await expect.poll(() => page.getByTestId('cell-R1-0').textContent(), { timeout: 15_000 }).toBe(String(individuals() + collectives()));
    await context.close();
  });

  it('the form and the editor fit a 360 px phone without horizontal scroll and are axe clean', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    pages.push(page);
    await openPage(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await axeViolations(page)).toEqual([]);
    // The district's copy (made above) opens in the editor, which fits the phone too.
    await page.getByTestId('rt-item-BM01-DMC').click();
    await page.getByTestId('rt-edit').click();
    await page.getByTestId('row-editor-0').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
