// Browser end-to-end for registrations (đăng ký thi đua): a CĐCS officer registers the unit and two
// members in one form; the district officer approves one and returns the other with a reason; the
// CĐCS officer sees the reason in the list. The list also works as cards on a 360 px phone.
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, logIn } from '../support/browser';
import { startTestApp, type TestEnv } from '../support/app';
import { smallWorld } from '../factories';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { todayInVietnam } from '../../src/server/modules/imports/xlsx';

const YEAR = Number(todayInVietnam().slice(0, 4));
const REASON = 'Chưa có bản đăng ký có chữ ký của đoàn viên';

let env: TestEnv;
let browser: Browser;
let base: string;
let page: Page;
let w: Awaited<ReturnType<typeof smallWorld>>;

async function signIn(username: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true, locale: 'vi-VN', viewport });
  page = await context.newPage();
  await logIn(page, base, username);
  return page;
}

beforeAll(async () => {
  env = await startTestApp({ serveWeb: true });
  w = await smallWorld(env.database.db);
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

describe('đăng ký thi đua', () => {
  it('a CĐCS officer registers the unit and two members; the district approves one and returns one; the CĐCS sees the reason', async () => {
    const cdcs = await signIn('cdcs.a');
    await cdcs.getByRole('link', { name: 'Đăng ký thi đua', exact: true }).click();
    await cdcs.waitForURL((u) => u.pathname === '/dang-ky');
    await cdcs.getByTestId('registration-create').click();
    await cdcs.waitForURL((u) => u.pathname === '/dang-ky/moi');
    await cdcs.getByRole('heading', { name: `Đăng ký thi đua năm ${YEAR}` }).waitFor();
    await cdcs.locator('[data-testid="registration-unit-award"][data-code="TTLDTT"]').check();
    for (const code of ['DV0000001', 'DV0000002']) {
      await cdcs.locator(`[data-testid="registration-member"][data-member-code="${code}"]`).getByTestId('registration-member-check').check();
    }
    // Filter by name without diacritics keeps the choices made.
    await cdcs.getByTestId('registration-member-filter').fill('anh');
    await expect.poll(() => cdcs.getByTestId('registration-member').count()).toBe(1);
    await cdcs.getByTestId('registration-member-filter').fill('');
    await cdcs.getByTestId('registration-submit').click();
    await cdcs.waitForURL((u) => u.pathname === '/dang-ky');
    await expect.poll(() => cdcs.getByTestId('registration-row').count()).toBe(3);
    const names = await cdcs.getByTestId('registration-name').allTextContents();
    expect(names.sort()).toEqual(['Công đoàn cơ sở Trường THCS Phước Minh', 'Nguyễn Thị Ánh', 'Nguyễn Văn An'].sort());
    // The CĐCS cannot approve its own registrations.
    expect(await cdcs.getByTestId('registration-select').count()).toBe(0);

    const district = await signIn('huyen.tdkt');
    await district.goto(`${base}/dang-ky?year=${YEAR}&reviewStatus=SUBMITTED&subject=PERSON`);
    const an = district.getByTestId('registration-row').filter({ hasText: 'Nguyễn Văn An' });
    const anh = district.getByTestId('registration-row').filter({ hasText: 'Nguyễn Thị Ánh' });
    await an.waitFor();
    await an.getByTestId('registration-select').check();
    await district.getByTestId('registration-approve').click();
    await expect.poll(() => district.getByTestId('registration-row').count()).toBe(1);
    await anh.getByTestId('registration-select').check();
    await district.getByTestId('registration-return').click();
    const dialog = district.getByRole('dialog');
    await dialog.getByLabel('Lý do').fill(REASON);
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await dialog.getByRole('button', { name: 'Trả lại' }).click(); // confirm
    await expect.poll(() => district.getByTestId('registration-row').count()).toBe(0);

    const again = await signIn('cdcs.a');
    await again.goto(`${base}/dang-ky?year=${YEAR}`);
    const returned = again.getByTestId('registration-row').filter({ hasText: 'Nguyễn Thị Ánh' });
    await returned.waitFor();
    expect(await returned.getByTestId('registration-status').getAttribute('data-status')).toBe('RETURNED');
    expect(await returned.getByTestId('registration-reason').textContent()).toBe(REASON);
    // The unit corrects the returned registration: it waits for review again.
    await returned.getByTestId('registration-correct').click();
    const dialog2 = again.getByRole('dialog');
    await dialog2.getByTestId('registration-correct-award').click();
    await again.getByRole('option', { name: 'Chiến sĩ thi đua cơ sở', exact: true }).click();
    await dialog2.getByRole('button', { name: 'Lưu' }).click();
    const corrected = again.getByTestId('registration-row').filter({ hasText: 'Nguyễn Thị Ánh' });
    await expect.poll(async () => corrected.getByTestId('registration-status').getAttribute('data-status')).toBe('SUBMITTED');
    expect(await corrected.textContent()).toContain('Chiến sĩ thi đua cơ sở');
    const approved = again.getByTestId('registration-row').filter({ hasText: 'Nguyễn Văn An' });
    expect(await approved.getByTestId('registration-status').textContent()).toBe('Đã duyệt');
    expect(await approved.getByTestId('registration-withdraw').count()).toBe(0);
  });

  it('works as cards on a 360 px phone and exports exactly the filter', async () => {
    const phone = await signIn('cdcs.a', { width: 360, height: 740 });
    await phone.goto(`${base}/dang-ky?year=${YEAR}&reviewStatus=APPROVED`);
    await expect.poll(() => phone.getByTestId('registration-row').count()).toBe(1);
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    const href = await phone.getByTestId('registration-export').getAttribute('href');
    expect(href).toContain('reviewStatus=APPROVED');
    expect(href).toContain(`year=${YEAR}`);
    void w;
  });

  it('a member registers themself and sees only their own registrations', async () => {
    const m = await signIn('doanvien');
    await m.goto(`${base}/dang-ky`);
    await m.getByTestId('registration-create').click();
    await m.waitForURL((u) => u.pathname === '/dang-ky/moi');
    await m.getByTestId('registration-self-award').click();
    await m.getByRole('option', { name: 'Chiến sĩ thi đua cơ sở', exact: true }).click();
    await m.getByTestId('registration-self-submit').click();
    await m.waitForURL((u) => u.pathname === '/dang-ky');
    await expect.poll(() => m.getByTestId('registration-row').count()).toBe(2);
    expect(new Set(await m.getByTestId('registration-name').allTextContents())).toEqual(new Set(['Nguyễn Văn An']));
    expect(await m.getByTestId('registration-select').count()).toBe(0);
  });

  it('an uploaded file with a bad row shows the row\'s error and saves nothing', async () => {
    const count = async () => Number((await env.database.db.execute<{ n: number }>(sql`select count(*)::int as n from emulation_registration`)).rows[0]!.n);
    const before = await count();
    const p = await signIn('cdcs.b');
    await p.goto(`${base}/dang-ky/moi?year=${YEAR + 1}`);
    await p.getByTestId('registration-template').waitFor();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Đăng ký thi đua');
    ws.addRow(['Danh sách']);
    ws.addRow([]);
    ws.addRow([]);
    ws.addRow(['STT', 'Mã đoàn viên', 'Họ và tên', 'Đơn vị', 'Danh hiệu đăng ký']);
    ws.addRow([1, 'DV0000003', 'Đặng Văn Bình', '', 'LDTT – Lao động tiên tiến']);
    ws.addRow([2, 'DV0000004', 'Trần Thị Cúc', '', 'Danh hiệu không có']);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    await p.locator('input[type="file"]').setInputFiles({ name: 'dang-ky.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
    await p.getByTestId('registration-upload').click();
    const error = p.getByTestId('registration-error');
    await error.waitFor();
    expect(await error.allTextContents()).toEqual(['Dòng 6: không có danh hiệu "Danh hiệu không có". Chọn trong danh sách của cột Danh hiệu đăng ký.']);
    expect(await count()).toBe(before);
  });
});
