// Browser end-to-end for a decision drafted by name: the district's officer picks nominations the
// district holds (one passed by its council, one under the simplified procedure) by typing a name
// without diacritics, rewrites the achievement of Điều 1, signs, downloads the PDF, publishes it on the
// district's public page, and — on a phone —
// attaches the signed scan, then replaces it; the first scan stays listed as superseded. Last, the
// district sets its own amount for its Giấy khen on the fund page.
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, logIn } from '../support/browser';
import { axeViolations } from '../support/axe';
import { startTestApp, type TestEnv } from '../support/app';
import { loginAs, smallWorld } from '../factories';
import { insertToCouncil } from '../support/councils';
import { pdfBytes } from '../support/scoring';
import type { DecisionDto } from '../../src/contracts/decisions';

let env: TestEnv;
let browser: Browser;
let base: string;
let huyenId: number;
const pages: Page[] = [];
const ACHIEVEMENT = 'Đã có thành tích xuất sắc trong phong trào thi đua "Xanh – Sạch – Đẹp, Bảo đảm an toàn vệ sinh lao động" năm 2026';

beforeAll(async () => {
  env = await startTestApp({ serveWeb: true });
  const w = await smallWorld(env.database.db);
  huyenId = w.orgs.huyen.id;
  const db = env.database.db;
  const [passed] = await insertToCouncil(db, w.orgs.huyen, [{ personId: w.persons.tran, unit: w.orgs.cdcsB, name: 'Trần Thị Ánh', awardCode: 'LDTT' }]);
  const [simplified] = await insertToCouncil(db, w.orgs.huyen, [{ personId: w.persons.dang, unit: w.orgs.cdcsB, name: 'Đặng Văn Bình', awardCode: 'LDTT' }], 2025);
  await db.execute(sql`update nomination set status = 'COUNCIL_PASSED' where id = ${passed}`);
  await db.execute(sql`update nomination set procedure = 'SIMPLIFIED', status = 'ACCEPTED' where id = ${simplified}`);
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    for (const [i, p] of pages.entries()) await p.screenshot({ path: path.join(os.tmpdir(), `vd-e2e-decision-draft-${i}.png`), fullPage: true }).catch(() => undefined);
  }
});

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

const noNotifications = (page: Page) => expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 15_000 }).toBe(0);

describe('/quyet-dinh drafted by name', () => {
  let decisionId: number;

  it('chooses the nominations by an unaccented name, rewrites the achievement, signs and downloads the PDF', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      pages.push(page);
      await logIn(page, base, 'huyen.tdkt');
      await page.goto(`${base}/quyet-dinh`);
      await page.getByTestId('decision-create').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('Chọn đề nghị', { exact: true }).click();
      await expect.poll(() => dialog.getByTestId('decision-candidate').count()).toBe(2);
      await dialog.getByTestId('decision-create-search').fill('tran thi anh');
      await expect.poll(() => dialog.getByTestId('decision-candidate').count()).toBe(1);
      await dialog.getByRole('checkbox', { name: /Trần Thị Ánh/ }).check();
      await dialog.getByTestId('decision-create-search').fill('');
      await expect.poll(() => dialog.getByTestId('decision-candidate').count()).toBe(2);
      await dialog.getByRole('checkbox', { name: /Đặng Văn Bình.*thủ tục đơn giản/ }).check();
      expect(await dialog.getByTestId('decision-create-chosen').innerText()).toBe('Đã chọn 2 đề nghị');
      await noNotifications(page);
      expect(await axeViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Lập dự thảo' }).click();
      await page.waitForURL(/\/quyet-dinh\/\d+$/);
      decisionId = Number(/\/quyet-dinh\/(\d+)$/.exec(page.url())![1]);
      await expect.poll(() => page.getByTestId('decision-line').count()).toBe(2);

      await noNotifications(page);
      await page.getByTestId('decision-edit').click();
      const achievement = page.getByRole('dialog').locator('[data-testid="decision-edit-achievement"][data-award="LDTT"]');
      expect(await achievement.inputValue()).toMatch(/^Đã có thành tích/);
      await achievement.fill(ACHIEVEMENT);
      await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
      await noNotifications(page);
      const stored = (await (await loginAs(env.app, 'huyen.tdkt')).get(`/api/v1/decisions/${decisionId}`)).json<DecisionDto>();
      expect(stored.items.map((i) => i.achievement)).toEqual([ACHIEVEMENT, ACHIEVEMENT]);

      await page.getByTestId('decision-sign').click();
      const sign = page.getByRole('dialog');
      await sign.getByRole('button', { name: 'Ký ban hành', exact: true }).click();
      await sign.getByRole('button', { name: 'Xác nhận: Ký ban hành' }).click();
      await expect.poll(() => page.getByTestId('decision-status').getAttribute('data-status')).toBe('SIGNED');
      const href = await page.getByTestId('decision-pdf').getAttribute('href');
      const pdf = await page.request.get(`${base}${href}`);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toContain('application/pdf');
      expect(pdf.headers()['content-disposition']).toMatch(/Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%2001-Q%C4%90-L%C4%90L%C4%90\.pdf/);
      expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

      // Published afterwards: it appears on the district's public page for anyone.
      await noNotifications(page);
      await page.getByTestId('decision-publish').click();
      await page.getByRole('dialog').getByRole('button', { name: 'Công khai', exact: true }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận: Công khai' }).click();
      await page.getByTestId('decision-published').waitFor();
      expect(await page.getByTestId('decision-publish').count()).toBe(0);
      const anonymous = await browser.newContext({ locale: 'vi-VN' });
      try {
        const publicPage = await anonymous.newPage();
        pages.push(publicPage);
        await publicPage.goto(`${base}/cong-khai/DMC`);
        await publicPage.getByTestId('public-document').first().waitFor();
        expect(await publicPage.getByTestId('public-documents').innerText()).toContain('01/QĐ-LĐLĐ');
      } finally {
        await anonymous.close();
      }
    } finally {
      await context.close();
    }
  });

  it('attaches the signed scan on a phone, then replaces it; both stay downloadable', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
    try {
      const page = await context.newPage();
      pages.push(page);
      await logIn(page, base, 'huyen.tdkt');
      await page.goto(`${base}/quyet-dinh/${decisionId}`);
      const block = page.getByTestId('decision-scan');
      await block.waitFor();
      expect(await block.innerText()).toContain('Chưa đính kèm bản quét');
      await page.getByTestId('decision-scan-input').setInputFiles({ name: 'QD-01-ban-ky.pdf', mimeType: 'application/pdf', buffer: pdfBytes('signed') });
      await expect.poll(() => page.getByTestId('decision-scan-file').count()).toBe(1);
      // A Word file sent as a scan is refused with the reason, and nothing is added.
      await page.getByTestId('decision-scan-input').setInputFiles({ name: 'khong-phai-ban-quet.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a scan at all') });
      await expect.poll(() => block.getByRole('alert').count()).toBe(1);
      expect(await block.getByRole('alert').innerText()).toContain('PDF, JPEG, PNG');
      await page.getByTestId('decision-scan-input').setInputFiles({ name: 'QD-01-ban-ky-ro-hon.pdf', mimeType: 'application/pdf', buffer: pdfBytes('sharper') });
      await expect.poll(() => page.getByTestId('decision-scan-file').count()).toBe(2);
      expect(await page.getByTestId('decision-scan-file').first().getAttribute('data-status')).toBe('ACTIVE');
      expect(await page.getByTestId('decision-scan-file').first().innerText()).toContain('QD-01-ban-ky-ro-hon.pdf');
      expect(await page.getByTestId('decision-scan-file').nth(1).getAttribute('data-status')).toBe('SUPERSEDED');
      const old = await page.request.get(`${base}${await page.getByTestId('decision-scan-file').nth(1).getByRole('link').getAttribute('href')}`);
      expect((await old.body()).equals(pdfBytes('signed'))).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await noNotifications(page);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('sets the district’s fixed amount for its Giấy khen on the fund page, after a confirmation', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      pages.push(page);
      await logIn(page, base, 'huyen.tdkt');
      await page.goto(`${base}/quy-thi-dua`);
      const row = page.getByTestId('rate-row').filter({ hasText: 'Giấy khen của Ban Chấp hành công đoàn cấp trên trực tiếp cơ sở' }).filter({ hasNotText: 'tập thể' });
      await row.waitFor();
      expect(await row.getByTestId('rate-value').innerText()).toBe('—');
      await row.getByTestId('rate-edit').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('Số tiền cố định', { exact: true }).click();
      await dialog.getByTestId('rate-value-input').fill('300000');
      await dialog.getByTestId('rate-note').fill('Quy chế chi tiêu nội bộ năm 2026');
      await dialog.getByRole('button', { name: 'Lưu' }).click();
      await dialog.getByRole('button', { name: 'Xác nhận: Lưu' }).click();
      await expect.poll(() => row.getByTestId('rate-value').innerText()).toBe('300.000 đ');
      expect(await row.innerText()).toContain('Của đơn vị, từ');
      await noNotifications(page);
      expect(await axeViolations(page)).toEqual([]);
      // A viewer of the district sees the rate without the button.
      const viewer = await browser.newContext({ locale: 'vi-VN' });
      try {
        const view = await viewer.newPage();
        pages.push(view);
        await logIn(view, base, 'xem');
        await view.goto(`${base}/quy-thi-dua?orgId=${huyenId}`);
        await view.getByTestId('rate-row').first().waitFor();
        expect(await view.getByTestId('rate-edit').count()).toBe(0);
      } finally {
        await viewer.close();
      }
    } finally {
      await context.close();
    }
  });
});
