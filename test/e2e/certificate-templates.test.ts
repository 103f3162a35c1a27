// Browser end-to-end for certificate templates: the district's TĐKT officer opens /mau-giay-khen
// (its own organisation and Giấy khen by default), changes the title and the colour, previews the
// draft as a PDF in the page, saves after confirming, and sees the saved template and its history;
// the server then prints that title. axe on the page; on a 360 px phone the page does not scroll
// sideways and the preview is a download link, not an embedded PDF.
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { launchChromium, logIn } from '../support/browser';
import { axeViolations } from '../support/axe';
import { startTestApp, type TestEnv } from '../support/app';
import { smallWorld } from '../factories';

let env: TestEnv;
let browser: Browser;
let base: string;
let w: Awaited<ReturnType<typeof smallWorld>>;
const pages: Page[] = [];

beforeAll(async () => {
  env = await startTestApp({ serveWeb: true });
  w = await smallWorld(env.database.db);
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    for (const [i, p] of pages.entries()) await p.screenshot({ path: path.join(os.tmpdir(), `vd-e2e-certificate-templates-${i}.png`), fullPage: true }).catch(() => undefined);
  }
});

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

const noNotifications = (page: Page) => expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 15_000 }).toBe(0);

describe('/mau-giay-khen', () => {
  it('changes the Giấy khen title and colour, previews the draft, saves it after confirming, and keeps the history', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      pages.push(page);
      await logIn(page, base, 'huyen.tdkt');
      // The officer finds the page in the menu.
      expect(await page.getByRole('link', { name: 'Mẫu giấy khen' }).getAttribute('href')).toBe('/mau-giay-khen');
      await page.goto(`${base}/mau-giay-khen`);
      await page.getByTestId('ct-title').waitFor();
      expect(await page.getByTestId('ct-saved').innerText()).toBe('Đơn vị đang dùng mẫu mặc định.');
      expect(await page.getByTestId('ct-title').getAttribute('placeholder')).toBe('GIẤY KHEN');
      expect(await page.getByTestId('ct-save').isDisabled()).toBe(true);
      expect(await axeViolations(page)).toEqual([]);

      await page.getByTestId('ct-title').fill('Giấy khen Lao động giỏi');
      await page.getByTestId('ct-accentColor').click();
      await page.getByRole('listbox').getByRole('option', { name: 'Xanh lam' }).click();
      await page.getByTestId('ct-unsaved').waitFor();

      // The draft's preview: a PDF in the page and a link to download it, nothing saved yet.
      await page.getByTestId('ct-preview').click();
      const frame = page.getByTestId('ct-preview-frame');
      await frame.waitFor();
      const src = await frame.getAttribute('src');
      expect(src).toMatch(/^blob:/);
      const bytes = await page.evaluate(async (u) => {
        const b = await (await fetch(u)).arrayBuffer();
        return { head: new TextDecoder().decode(new Uint8Array(b).slice(0, 5)), size: b.byteLength };
      }, src!);
      expect(bytes.head).toBe('%PDF-');
      expect(bytes.size).toBeGreaterThan(10_000);
      expect(await page.getByTestId('ct-preview-download').getAttribute('href')).toBe(src);
      expect(await env.database.db.execute(sql`select count(*)::int as n from certificate_template`).then((r) => Number(r.rows[0]!.n))).toBe(0);
      expect(await axeViolations(page)).toEqual([]);

      await page.getByTestId('ct-save').click();
      const dialog = page.getByRole('dialog');
      expect(await dialog.innerText()).toContain('Mẫu đang dùng được giữ lại trong lịch sử.');
      await dialog.getByRole('button', { name: 'Lưu', exact: true }).click();
      await expect.poll(() => page.getByTestId('ct-saved').innerText()).toMatch(/^Lưu lần cuối: .*Người dùng huyen\.tdkt$/);
      expect(await page.getByTestId('ct-title').inputValue()).toBe('Giấy khen Lao động giỏi');
      expect(await page.getByTestId('ct-save').isDisabled()).toBe(true);
      const rows = page.getByTestId('ct-history-row');
      await expect.poll(() => rows.count()).toBe(1);
      const row = await rows.first().innerText();
      expect(row).toContain('Đang dùng');
      expect(row).toContain('Tiêu đề');
      expect(row).toContain('Màu chủ đạo');
      const stored = await env.database.db.execute<{ settings: Record<string, unknown>; status: string }>(sql`select settings, status from certificate_template where org_id = ${w.orgs.huyen.id} and kind = 'GIAY_KHEN'`);
      expect(stored.rows).toEqual([{ status: 'ACTIVE', settings: { title: 'Giấy khen Lao động giỏi', accentColor: '#1f4e8c' } }]);

      // Bằng khen is a separate template, still the default.
      await page.getByTestId('ct-kind').getByText('Bằng khen').click();
      await expect.poll(() => page.getByTestId('ct-title').getAttribute('placeholder')).toBe('BẰNG KHEN');
      expect(await page.getByTestId('ct-title').inputValue()).toBe('');
      await noNotifications(page);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('works on a 360 px phone without sideways scrolling; the preview is a download link there', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    try {
      const page = await context.newPage();
      pages.push(page);
      await logIn(page, base, 'huyen.tdkt');
      await page.goto(`${base}/mau-giay-khen`);
      await page.getByTestId('ct-title').waitFor();
      await page.getByTestId('ct-history-row').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await page.getByTestId('ct-verb').fill('Khen thưởng');
      await page.getByTestId('ct-preview').click();
      await page.getByTestId('ct-preview-download').waitFor();
      expect(await page.getByTestId('ct-preview-frame').count()).toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
