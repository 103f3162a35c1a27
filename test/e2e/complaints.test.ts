// Browser end-to-end for complaints about commendation: a citizen on a 360 px phone sends a complaint
// from the public form, gets the reference code and follows it on the status page; the district's
// TĐKT officer finds it in /khieu-nai, links it to a member (the award is then blocked), accepts it as
// a complex case in a remote area (60 days), resolves it (the block is gone); the viewer reads it
// without the writer's name. axe on every page, no horizontal scroll at 360 px.
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, logIn } from '../support/browser';
import { axeViolations } from '../support/axe';
import { startTestApp, type TestEnv } from '../support/app';
import { smallWorld } from '../factories';

let env: TestEnv;
let browser: Browser;
let base: string;
let orgCode = '';
let referenceCode = '';
let complaintId = 0;
const pages: Page[] = [];
const WRITER = 'Phạm Thị Hoa';
// Markup typed by the writer must come back as text, never as HTML.
const CONTENT = 'Tôi không đồng ý với việc xét danh hiệu Lao động tiên tiến năm nay vì thành tích được kê khai chưa đúng. <b>in đậm</b>';

beforeAll(async () => {
  env = await startTestApp({ serveWeb: true });
  const w = await smallWorld(env.database.db);
  orgCode = w.orgs.huyen.code;
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    for (const [i, p] of pages.entries()) await p.screenshot({ path: path.join(os.tmpdir(), `vd-e2e-complaints-${i}.png`), fullPage: true }).catch(() => undefined);
  }
});

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

const noNotifications = (page: Page) => expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 15_000 }).toBe(0);
const noHorizontalScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
const phone = () => browser.newContext({ locale: 'vi-VN', viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

describe('complaints', () => {
  it('a citizen on a phone sends a complaint, gets the reference code and sees it received', async () => {
    const context = await phone();
    try {
      const page = await context.newPage();
      pages.push(page);
      await page.goto(`${base}/cong-khai/${orgCode}/gui-don`);
      await page.getByTestId('public-complaint-submit').waitFor();
      await page.getByText('Liên đoàn Lao động huyện DMC', { exact: false }).first().waitFor();
      await noHorizontalScroll(page);
      expect(await axeViolations(page)).toEqual([]);

      // Checked before anything is sent: a contact that is neither a phone number nor an email, too short a content.
      await page.getByTestId('public-complaint-name').fill(WRITER);
      await page.getByTestId('public-complaint-contact').fill('không có');
      await page.getByTestId('public-complaint-content').fill('ngắn');
      await page.getByTestId('public-complaint-submit').click();
      await page.getByText('Hãy ghi số điện thoại hoặc địa chỉ thư điện tử').waitFor();
      await page.getByText('Quá ngắn: cần ít nhất 20 ký tự.').waitFor();
      expect(await page.getByTestId('public-complaint-done').count()).toBe(0);

      await page.getByTestId('public-complaint-contact').fill('0912 345 678');
      await page.getByTestId('public-complaint-content').fill(CONTENT);
      await page.getByTestId('public-complaint-submit').click();
      await page.getByTestId('public-complaint-done').waitFor();
      referenceCode = (await page.getByTestId('public-complaint-code').innerText()).trim();
      expect(referenceCode).toMatch(/^KN-\d{4}-[A-Z0-9]{8}$/);
      await noHorizontalScroll(page);
      expect(await axeViolations(page)).toEqual([]);

      await page.getByTestId('public-complaint-status-link').click();
      await page.waitForURL(new RegExp(`/tra-cuu-don/${referenceCode}$`));
      await page.getByTestId('complaint-lookup-result').waitFor();
      expect(await page.getByTestId('complaint-lookup-status').innerText()).toBe('Đã nhận');
      expect(await page.getByTestId('complaint-lookup-result').innerText()).not.toContain(WRITER);
      await noHorizontalScroll(page);
      expect(await axeViolations(page)).toEqual([]);

      // The lookup form: an unknown code says so.
      await page.goto(`${base}/tra-cuu-don`);
      await page.getByTestId('complaint-lookup-code').fill('KN-2026-ZZZZZZZZ');
      await page.getByTestId('complaint-lookup-submit').click();
      await page.getByTestId('complaint-lookup-not-found').waitFor();
      await noHorizontalScroll(page);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the district officer links it to a member (award blocked), accepts it as complex and remote (60 days), resolves it (block gone)', async () => {
    expect(referenceCode).not.toBe('');
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      pages.push(page);
      await logIn(page, base, 'huyen.tdkt');
      await page.goto(`${base}/khieu-nai`);
      const row = page.getByTestId('complaint-row').filter({ hasText: referenceCode });
      await row.waitFor();
      expect(await row.getByTestId('complaint-status').getAttribute('data-status')).toBe('RECEIVED');
      expect(await row.getByTestId('complaint-deadline').getAttribute('data-state')).toBe('NONE');
      expect(await axeViolations(page)).toEqual([]);
      // The kind filter: no denunciation yet.
      await page.getByTestId('complaint-kind-filter').click();
      await page.getByRole('listbox').getByRole('option', { name: 'Tố cáo' }).click();
      await page.waitForURL(/kind=DENUNCIATION/);
      await expect.poll(() => page.getByTestId('complaint-row').count()).toBe(0);
      await page.goto(`${base}/khieu-nai?kind=COMPLAINT`);
      await row.getByTestId('complaint-open').click();
      await page.waitForURL(/\/khieu-nai\/\d+$/);
      complaintId = Number(/\/(\d+)$/.exec(page.url())![1]);
      await page.getByTestId('complaint-writer').waitFor();
      expect(await page.getByTestId('complaint-writer').innerText()).toContain(WRITER);
      // Text, not markup.
      expect(await page.getByTestId('complaint-content').innerText()).toContain('<b>in đậm</b>');
      expect(await page.getByTestId('complaint-content').locator('b').count()).toBe(0);
      expect(await page.getByTestId('complaint-blocks').count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);

      // Link to the member, found without diacritics.
      await page.getByTestId('complaint-link').click();
      const dialog = page.getByRole('dialog');
      await page.getByTestId('complaint-link-person').click();
      await page.getByTestId('complaint-link-person').fill('nguyen van an');
      await page.getByRole('listbox').getByRole('option', { name: /Nguyễn Văn An/ }).first().click();
      await dialog.locator('button[type="submit"]').click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByTestId('complaint-blocks').waitFor();
      expect(await page.getByTestId('complaint-subject').innerText()).toBe('Nguyễn Văn An');
      await noNotifications(page);

      // Accept: complex and remote → 60 days.
      await page.getByTestId('complaint-accept').click();
      expect(await page.getByTestId('complaint-accept-days').innerText()).toContain('30 ngày');
      await page.getByTestId('complaint-accept-complex').check();
      await page.getByTestId('complaint-accept-remote').check();
      expect(await page.getByTestId('complaint-accept-days').innerText()).toContain('60 ngày');
      expect(await axeViolations(page)).toEqual([]);
      await dialog.locator('button[type="submit"]').click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => page.getByTestId('complaint-status').first().getAttribute('data-status')).toBe('ACCEPTED');
      expect(await page.getByTestId('complaint-deadline-source').innerText()).toContain('Thời hạn 60 ngày kể từ ngày thụ lý (Luật Khiếu nại 2011, Điều 28)');
      expect(await page.getByTestId('complaint-deadline').first().getAttribute('data-state')).toBe('ON_TIME');
      expect(await page.getByTestId('complaint-blocks').count()).toBe(1);
      await noNotifications(page);
      expect(await axeViolations(page)).toEqual([]);

      // Resolve: outcome, resolution, then the confirmation.
      await page.getByTestId('complaint-resolve').click();
      await page.getByTestId('complaint-resolve-outcome').click();
      await page.getByRole('listbox').getByRole('option', { name: 'Sai, không có cơ sở' }).click();
      await page.getByTestId('complaint-resolve-text').fill('Thành tích kê khai đúng với hồ sơ; khiếu nại không có cơ sở.');
      await dialog.locator('button[type="submit"]').click();
      await dialog.getByRole('alert').filter({ hasText: 'không sửa được nữa' }).waitFor();
      await dialog.locator('button[type="submit"]').click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => page.getByTestId('complaint-status').first().getAttribute('data-status')).toBe('RESOLVED');
      expect(await page.getByTestId('complaint-blocks').count()).toBe(0);
      expect(await page.getByTestId('complaint-outcome').innerText()).toContain('Sai, không có cơ sở');
      expect(await page.getByTestId('complaint-event').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).toEqual(['receive', 'link', 'accept', 'resolve']);
      expect(await page.getByTestId('complaint-resolve').count()).toBe(0);
      await noNotifications(page);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the public form shows the server’s refusal when one address sends too many letters', async () => {
    const context = await phone();
    try {
      const page = await context.newPage();
      pages.push(page);
      await page.goto(`${base}/cong-khai/${orgCode}/gui-don`);
      // The first letter of this address was sent above; two more pass, the fourth in the hour is refused.
      for (let i = 0; i < 3; i++) {
        if (i > 0) await page.getByRole('button', { name: 'Gửi đơn khác' }).click();
        await page.getByTestId('public-complaint-kind').click();
        await page.getByRole('listbox').getByRole('option', { name: 'Kiến nghị' }).click();
        await page.getByTestId('public-complaint-name').fill('Trần Văn Bảy');
        await page.getByTestId('public-complaint-contact').fill('bay@example.vn');
        await page.getByTestId('public-complaint-content').fill('Đề nghị công bố danh sách đề nghị khen thưởng sớm hơn để người lao động góp ý.');
        await page.getByTestId('public-complaint-submit').click();
        if (i < 2) await page.getByTestId('public-complaint-done').waitFor();
      }
      await page.getByRole('alert').filter({ hasText: /^Mỗi địa chỉ chỉ gửi được 3 đơn trong một giờ\. Hãy thử lại sau \d+ phút\.$/ }).waitFor();
      expect(await page.getByTestId('public-complaint-done').count()).toBe(0);
      await noHorizontalScroll(page);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the viewer on a phone reads the complaint without the writer’s name and without handling steps', async () => {
    expect(complaintId).toBeGreaterThan(0);
    const context = await phone();
    try {
      const page = await context.newPage();
      pages.push(page);
      await logIn(page, base, 'xem');
      await page.goto(`${base}/khieu-nai`);
      await page.getByTestId('complaint-row').filter({ hasText: referenceCode }).waitFor();
      expect(await page.getByTestId('complaint-create').count()).toBe(0);
      await noHorizontalScroll(page);
      expect(await axeViolations(page)).toEqual([]);

      await page.goto(`${base}/khieu-nai/${complaintId}`);
      await page.getByTestId('complaint-writer-hidden').waitFor();
      expect(await page.getByTestId('complaint-writer').count()).toBe(0);
      expect(await page.locator('body').innerText()).not.toContain(WRITER);
      expect(await page.locator('body').innerText()).not.toContain('0912 345 678');
      for (const id of ['complaint-accept', 'complaint-resolve', 'complaint-link', 'complaint-not-accept', 'complaint-withdraw']) expect(await page.getByTestId(id).count()).toBe(0);
      await noHorizontalScroll(page);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
