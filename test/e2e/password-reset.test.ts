// Browser end-to-end for the self-service password reset: on a phone, "Quên mật khẩu?" on the sign-in
// page asks for a link (neutral answer), the link read from the outbox opens /dat-lai-mat-khau, a new
// password typed twice (shown, then hidden again) is set, and it signs in; the used link is refused.
// Every page passes axe and does not scroll sideways.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, logIn } from '../support/browser';
import { axeViolations } from '../support/axe';
import { startTestApp, type TestEnv } from '../support/app';
import { PASSWORD, smallWorld } from '../factories';

let env: TestEnv;
let browser: Browser;
let base: string;

beforeAll(async () => {
  env = await startTestApp({ serveWeb: true });
  await smallWorld(env.database.db);
  await env.database.db.execute(sql`update app_user set email = 'cdcs.a@example.vn' where username = 'cdcs.a'`);
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

const NEW_PASSWORD = 'Mật-khẩu-mới-trên-điện-thoại-1';
const noHorizontalScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

describe('password reset', () => {
  it('asks for a link from the sign-in page, sets a new password with it on a phone, and signs in', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    try {
      const page = await context.newPage();
      await page.goto(`${base}/dang-nhap`);
      await page.getByTestId('login-forgot').click();
      await page.waitForURL(/\/quen-mat-khau$/);
      await page.getByTestId('reset-identifier').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await noHorizontalScroll(page);

      await page.getByTestId('reset-identifier').fill('CDCS.A@example.vn');
      await page.getByTestId('reset-request-submit').click();
      const answer = page.getByTestId('reset-requested');
      await answer.waitFor();
      expect(await answer.innerText()).toContain('Nếu tài khoản tồn tại và có địa chỉ email, chúng tôi đã gửi hướng dẫn đặt lại mật khẩu');
      expect(await axeViolations(page)).toEqual([]);

      // The e-mail is written after the answer: wait for it in the outbox.
      await Promise.allSettled([...env.ctx.background]);
      const mails = await env.database.db.execute<{ body: string }>(sql`select body from email_outbox where to_address = 'cdcs.a@example.vn' order by id`);
      expect(mails.rows).toHaveLength(1);
      const link = /https?:\/\/\S+\/dat-lai-mat-khau\?token=([A-Za-z0-9_-]+)/.exec(mails.rows[0]!.body);
      expect(link).not.toBeNull();
      const resetUrl = `${base}/dat-lai-mat-khau?token=${link![1]!}`;

      await page.goto(resetUrl);
      await page.getByTestId('reset-password').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await noHorizontalScroll(page);

      // Two different passwords are refused on the page, nothing is sent.
      await page.getByTestId('reset-password').fill(NEW_PASSWORD);
      await page.getByTestId('reset-password-repeat').fill(`${NEW_PASSWORD}x`);
      await page.getByTestId('reset-confirm-submit').click();
      await page.getByText('Hai mật khẩu không khớp.').waitFor();
      expect(await axeViolations(page)).toEqual([]);

      // Show, then hide: both fields follow the toggle.
      const toggle = page.getByRole('button', { name: 'Hiện hoặc ẩn mật khẩu' }).first();
      await toggle.click();
      expect(await page.getByTestId('reset-password').getAttribute('type')).toBe('text');
      expect(await page.getByTestId('reset-password-repeat').getAttribute('type')).toBe('text');
      await toggle.click();
      expect(await page.getByTestId('reset-password').getAttribute('type')).toBe('password');

      await page.getByTestId('reset-password-repeat').fill(NEW_PASSWORD);
      await page.getByTestId('reset-confirm-submit').click();
      const done = page.getByTestId('reset-done');
      await done.waitFor();
      expect(await page.getByRole('heading', { name: 'Đã đặt lại mật khẩu' }).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);

      await page.getByTestId('reset-sign-in').click();
      await page.waitForURL(/\/dang-nhap/);
      // The old password no longer works; the new one does.
      await page.getByTestId('login-username').fill('cdcs.a');
      await page.getByTestId('login-password').fill(PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.getByRole('alert').waitFor();
      await logIn(page, base, 'cdcs.a', NEW_PASSWORD);
      expect(new URL(page.url()).pathname).not.toMatch(/^\/dang-nhap/);

      // The same link a second time: a clear refusal and a way to ask for a new one.
      const again = await context.newPage();
      await context.clearCookies();
      await again.goto(resetUrl);
      await again.getByTestId('reset-password').fill('Một-mật-khẩu-khác-2026');
      await again.getByTestId('reset-password-repeat').fill('Một-mật-khẩu-khác-2026');
      await again.getByTestId('reset-confirm-submit').click();
      const refused = again.getByTestId('reset-error');
      await refused.waitFor();
      expect(await refused.innerText()).toContain('không hợp lệ, đã hết hạn hoặc đã được sử dụng');
      expect(await again.getByRole('link', { name: 'Yêu cầu liên kết mới' }).count()).toBe(1);
      expect(await axeViolations(again)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
