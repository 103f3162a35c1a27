// Browser end-to-end for the server-rendered public site: on a 360 px phone with JavaScript turned
// off, a visitor reads the organisation's home page, opens a story, sends the complaint form (first
// with a mistake, then right) and gets the reference code. axe (WCAG 2.1 A/AA) on every page as
// rendered without scripts. With JavaScript on, the single-page app still takes over /cong-khai/DMC.
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { axeViolations } from '../support/axe';
import { startTestApp, type TestEnv } from '../support/app';
import { smallWorld } from '../factories';
import { todayInVietnam } from '../../src/server/modules/imports/xlsx';

let env: TestEnv;
let browser: Browser;
let base: string;
let code = '';
let movementId = 0;
const pages: Page[] = [];
const YEAR = Number(todayInVietnam().slice(0, 4));

beforeAll(async () => {
  env = await startTestApp({ serveWeb: true });
  const w = await smallWorld(env.database.db);
  code = w.orgs.huyen.code;
  const db = env.database.db;
  const m = await db.execute<{ id: number }>(sql`
    insert into movement (org_id, org_path, year, kind, title, slogan, content, starts_on, ends_on, status, launched_on)
    values (${w.orgs.huyen.id}, ${w.orgs.huyen.path}, ${YEAR}, 'THEMATIC', 'Phong trào Giỏi việc nước, đảm việc nhà', 'Phụ nữ tích cực học tập, lao động sáng tạo', 'Nội dung phong trào.',
            ${`${YEAR}-01-01`}, ${`${YEAR}-12-31`}, 'LAUNCHED', ${`${YEAR}-01-05`}) returning id`);
  movementId = Number(m.rows[0]!.id);
  await db.execute(sql`
    insert into outgoing_document (org_id, year, doc_type, number, symbol, issued_on, title, entity_type, entity_id, published_at)
    values (${w.orgs.huyen.id}, ${YEAR}, 'QD', 7, 'QĐ-LĐLĐ', ${todayInVietnam()}, 'Quyết định khen thưởng tổng kết năm học', 'DECISION', 1, now())`);
  await db.execute(sql`
    insert into story (org_id, org_path, subject_kind, subject_name, subject_unit, title, slug, summary, body, status, consent_on, consent_method, published_at, movement_id)
    values (${w.orgs.huyen.id}, ${w.orgs.huyen.path}, 'PERSON', 'Trần Văn Bình', 'Tổ Toán – Tin, Trường THCS Phước Minh', 'Thầy giáo dạy thêm miễn phí cho học sinh nghèo', 'thay-giao-day-them',
            'Mười năm dạy thêm không lấy tiền cho học sinh khó khăn.', ${'Mỗi tối, thầy Bình mở lớp tại nhà.\n\nNhiều em đã đỗ vào trường chuyên.'}, 'PUBLISHED', ${todayInVietnam()}, 'WRITTEN', now(), ${movementId})`);
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    for (const [i, p] of pages.entries()) await p.screenshot({ path: path.join(os.tmpdir(), `vd-e2e-public-site-${i}.png`), fullPage: true }).catch(() => undefined);
  }
});

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

const PHONE = { locale: 'vi-VN', viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true };
const noHorizontalScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

/**
 * axe cannot run in a page whose scripts are off; this context runs scripts but blocks the web
 * client's bundles, so each page is exactly what a visitor without JavaScript gets.
 */
async function scriptlessAxeContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ ...PHONE, bypassCSP: true });
  await context.route('**/assets/**/*.js', (r) => r.abort());
  return context;
}

describe('the public site without JavaScript', () => {
  it('a visitor on a phone reads the home page, opens a story and sends a complaint', async () => {
    const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      pages.push(page);
      await page.goto(`${base}/cong-khai/${code}`);
      await page.getByRole('heading', { level: 1, name: 'Liên đoàn Lao động huyện DMC' }).waitFor();
      await page.getByRole('link', { name: 'Phong trào Giỏi việc nước, đảm việc nhà' }).waitFor();
      await page.getByText('Quyết định khen thưởng tổng kết năm học').waitFor();
      await noHorizontalScroll(page);

      await page.getByRole('link', { name: 'Thầy giáo dạy thêm miễn phí cho học sinh nghèo' }).click();
      await page.waitForURL(new RegExp(`/cong-khai/${code}/guong-dien-hinh/thay-giao-day-them$`));
      await page.getByRole('heading', { level: 1, name: 'Thầy giáo dạy thêm miễn phí cho học sinh nghèo' }).waitFor();
      await page.getByText('Nhiều em đã đỗ vào trường chuyên.').waitFor();
      await noHorizontalScroll(page);

      await page.getByRole('navigation', { name: 'Trang công khai của đơn vị' }).getByRole('link', { name: 'Gửi đơn' }).click();
      await page.waitForURL(new RegExp(`/cong-khai/${code}/gui-don$`));
      await page.getByLabel('Họ và tên người viết đơn').fill('Phạm Thị Hoa');
      await page.getByLabel('Số điện thoại hoặc thư điện tử').fill('không có');
      await page.getByLabel('Nội dung đơn').fill('Tôi không đồng ý với việc xét danh hiệu Lao động tiên tiến năm nay vì thành tích kê khai chưa đúng.');
      await page.getByRole('button', { name: 'Gửi đơn' }).click();
      await page.getByTestId('ps-complaint-form-errors').waitFor();
      await page.getByText('Hãy ghi số điện thoại hoặc địa chỉ thư điện tử').first().waitFor();
      expect(await page.getByLabel('Họ và tên người viết đơn').inputValue()).toBe('Phạm Thị Hoa');

      await page.getByLabel('Số điện thoại hoặc thư điện tử').fill('0912 345 678');
      await page.getByRole('button', { name: 'Gửi đơn' }).click();
      const referenceCode = (await page.getByTestId('ps-sent-code').innerText()).trim();
      expect(referenceCode).toMatch(/^KN-\d{4}-[A-Z0-9]{8}$/);
      await noHorizontalScroll(page);
      await page.getByRole('link', { name: 'Xem tình trạng đơn' }).click();
      await page.getByTestId('ps-lookup-status').filter({ hasText: 'Đã nhận' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('every page passes axe (WCAG 2.1 A and AA) as rendered without scripts', async () => {
    const context = await scriptlessAxeContext();
    try {
      const page = await context.newPage();
      pages.push(page);
      const urls = [
        `/cong-khai/${code}`,
        `/cong-khai/${code}/guong-dien-hinh`,
        `/cong-khai/${code}/guong-dien-hinh/thay-giao-day-them`,
        `/cong-khai/${code}/quyet-dinh`,
        `/cong-khai/${code}/phong-trao/${movementId}`,
        `/cong-khai/${code}/lay-y-kien`,
        `/cong-khai/${code}/gui-don`,
        `/cong-khai/${code}/de-xuat`,
        '/tra-cuu-don',
        '/verify/KHONG-CO-1',
        '/cong-khai/KHONG-CO',
      ];
      for (const url of urls) {
        await page.goto(`${base}${url}`);
        await page.locator('main h1').waitFor();
        expect(await page.locator('#root .ps, body > .ps').count(), url).toBe(1);
        await noHorizontalScroll(page);
        expect(await axeViolations(page), url).toEqual([]);
      }
      // The form sent back with its errors.
      await page.goto(`${base}/cong-khai/${code}/gui-don`);
      await page.getByLabel('Họ và tên người viết đơn').fill('Phạm Thị Hoa');
      await page.getByLabel('Số điện thoại hoặc thư điện tử').fill('không có');
      await page.getByLabel('Nội dung đơn').fill('Quá ngắn');
      await page.getByRole('button', { name: 'Gửi đơn' }).click();
      await page.getByTestId('ps-complaint-form-errors').waitFor();
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('with JavaScript', () => {
  it('the single-page app takes over the same address', async () => {
    const context = await browser.newContext(PHONE);
    try {
      const page = await context.newPage();
      pages.push(page);
      await page.goto(`${base}/cong-khai/${code}`);
      await page.getByTestId('public-documents').waitFor();
      await expect.poll(() => page.locator('.ps-main').count()).toBe(0);
      await page.getByText('Quyết định khen thưởng tổng kết năm học').first().waitFor();
    } finally {
      await context.close();
    }
  });
});
