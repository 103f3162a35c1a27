// Browser end-to-end for exemplary stories: on a 360 px phone the district's TĐKT officer writes a
// story about a member (name and unit from the records), uploads a photo with its description,
// records the subject's consent and sends it for review; on a desktop the story is refused for
// publication while a phone number is left in the text (the findings are listed), cleaned, published,
// and the public link and the public photo work; the list filters by status with counts and searches
// without diacritics. axe on every page and dialog, no horizontal scroll at 360 px.
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import sharp from 'sharp';
import { launchChromium, logIn } from '../support/browser';
import { axeViolations } from '../support/axe';
import { startTestApp, type TestEnv } from '../support/app';
import { loginAs, smallWorld } from '../factories';
import type { StoryDto } from '../../src/contracts/stories';

let env: TestEnv;
let browser: Browser;
let base: string;
let storyId = 0;
const pages: Page[] = [];
const TITLE = 'Anh Nguyễn Văn An: mười năm hiến máu cứu người';
const BODY = 'Mười năm qua anh An hiến máu 20 lần.\n\nAi cần liên hệ anh qua số 0912 345 678.';

beforeAll(async () => {
  env = await startTestApp({ serveWeb: true });
  await smallWorld(env.database.db);
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    for (const [i, p] of pages.entries()) await p.screenshot({ path: path.join(os.tmpdir(), `vd-e2e-stories-${i}.png`), fullPage: true }).catch(() => undefined);
  }
});

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

const noNotifications = (page: Page) => expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 15_000 }).toBe(0);
const noHorizontalScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
const dialog = (page: Page) => page.getByRole('dialog');

describe('exemplary stories', () => {
  it('on a phone, an officer writes a story, uploads a photo, records consent and sends it for review', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    try {
      const page = await context.newPage();
      pages.push(page);
      await logIn(page, base, 'huyen.tdkt');
      await page.goto(`${base}/guong-dien-hinh`);
      await page.getByTestId('story-create').waitFor();
      await noHorizontalScroll(page);
      expect(await axeViolations(page)).toEqual([]);

      await page.getByTestId('story-create').click();
      await dialog(page).waitFor();
      // Checked before anything is sent.
      await dialog(page).getByRole('button', { name: 'Tạo bản nháp' }).click();
      await dialog(page).getByText('Hãy chọn đoàn viên, đơn vị hoặc ghi tên.').waitFor();
      await page.getByTestId('story-person').click();
      await page.getByTestId('story-person').fill('nguyen van an');
      await page.getByRole('listbox').getByRole('option', { name: /Nguyễn Văn An/ }).first().click();
      await page.getByTestId('story-title').fill(TITLE);
      await page.getByTestId('story-summary').fill('Mười năm, hai mươi lần hiến máu tình nguyện.');
      await page.getByTestId('story-body').fill(BODY);
      expect(await axeViolations(page)).toEqual([]);
      await dialog(page).getByRole('button', { name: 'Tạo bản nháp' }).click();
      await page.waitForURL(/\/guong-dien-hinh\/\d+$/);
      storyId = Number(new URL(page.url()).pathname.split('/').pop());
      await page.getByTestId('story-status').waitFor();
      expect(await page.getByTestId('story-status').getAttribute('data-status')).toBe('DRAFT');
      // The phone number is flagged at once, and the missing consent.
      await page.getByTestId('story-blockers').waitFor();
      expect(await page.getByTestId('story-finding').getAttribute('data-kind')).toBe('PHONE');
      await page.getByTestId('story-blocker-consent').waitFor();
      await noNotifications(page);
      await noHorizontalScroll(page);
      expect(await axeViolations(page)).toEqual([]);

      // A photo from the phone's camera, with its description.
      await page.getByTestId('story-photo-add').click();
      await dialog(page).waitFor();
      const jpeg = await sharp({ create: { width: 2400, height: 1800, channels: 3, background: { r: 30, g: 140, b: 90 } } }).withExif({ IFD0: { Make: 'DienThoai' } }).jpeg().toBuffer();
      await dialog(page).locator('input[type="file"]').setInputFiles({ name: 'IMG_2024.jpg', mimeType: 'image/jpeg', buffer: jpeg });
      await page.getByTestId('story-photo-alt').fill('Anh An đang hiến máu tại điểm hiến máu của huyện');
      await page.getByTestId('story-photo-caption').fill('Ngày hội hiến máu năm nay');
      expect(await axeViolations(page)).toEqual([]);
      await dialog(page).getByRole('button', { name: 'Tải ảnh lên' }).click();
      await page.getByTestId('story-photo').first().waitFor();
      await page.getByText('1600 × 1200 điểm ảnh').waitFor();
      await noNotifications(page);

      // The subject's consent, given in writing today.
      await page.getByTestId('story-consent-record').click();
      await dialog(page).waitFor();
      await page.getByTestId('story-consent-note').fill('Giấy đồng ý lưu tại văn phòng.');
      expect(await axeViolations(page)).toEqual([]);
      await dialog(page).getByRole('button', { name: 'Ghi nhận sự đồng ý' }).click();
      await page.getByTestId('story-consent').waitFor();
      expect(await page.getByTestId('story-consent').innerText()).toContain('Bằng văn bản');
      await noNotifications(page);

      await page.getByTestId('story-submit').click();
      await expect.poll(() => page.getByTestId('story-status').getAttribute('data-status')).toBe('IN_REVIEW');
      await noNotifications(page);
      await noHorizontalScroll(page);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('on a desktop, publishing is refused while a phone number is left; once removed the story is published', async () => {
    expect(storyId).toBeGreaterThan(0);
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      pages.push(page);
      await logIn(page, base, 'huyen.tdkt');
      await page.goto(`${base}/guong-dien-hinh/${storyId}`);
      await page.getByTestId('story-publish').click();
      await dialog(page).waitFor();
      await dialog(page).getByTestId('story-finding').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await dialog(page).getByRole('button', { name: 'Đăng bài' }).click();
      await dialog(page).getByRole('button', { name: 'Xác nhận: Đăng bài' }).click();
      await dialog(page).getByText(/Chưa đăng được: bài viết còn thông tin cá nhân không được công khai — số điện thoại trong nội dung \(09•••••678\)/).waitFor();
      await dialog(page).getByRole('button', { name: 'Quay lại' }).click();
      await dialog(page).getByRole('button', { name: 'Hủy' }).click();
      await expect.poll(() => dialog(page).count()).toBe(0);

      await page.getByTestId('story-body').fill('Mười năm qua anh An hiến máu 20 lần.\n\nAnh là tấm gương sáng của đoàn viên huyện.');
      await page.getByTestId('story-save').click();
      await expect.poll(() => page.getByTestId('story-blockers').count()).toBe(0);
      await noNotifications(page);
      await page.getByTestId('story-publish').click();
      await dialog(page).getByRole('button', { name: 'Đăng bài' }).click();
      await dialog(page).getByRole('button', { name: 'Xác nhận: Đăng bài' }).click();
      await expect.poll(() => page.getByTestId('story-status').getAttribute('data-status')).toBe('PUBLISHED');
      const link = page.getByTestId('story-public-link');
      expect(await link.getAttribute('href')).toBe('/cong-khai/DMC/guong-dien-hinh/anh-nguyen-van-an-muoi-nam-hien-mau-cuu-nguoi');
      await noNotifications(page);
      expect(await axeViolations(page)).toEqual([]);

      // The photo is now public, without login.
      const story = (await (await loginAs(env.app, 'huyen.tdkt')).get(`/api/v1/stories/${storyId}`)).json<StoryDto>();
      const photo = await fetch(`${base}/api/v1/public/story-photos/${story.photos[0]!.id}`);
      expect(photo.status).toBe(200);
      const kept = await sharp(Buffer.from(await photo.arrayBuffer())).metadata();
      expect(kept.exif).toBeUndefined();

      // The list: counts per status, and a search without diacritics.
      await page.goto(`${base}/guong-dien-hinh`);
      await page.getByTestId('story-search').fill('hien mau cuu nguoi');
      await page.getByTestId('story-row').filter({ hasText: TITLE }).waitFor();
      await page.getByTestId('story-status-filter').click();
      await page.getByRole('listbox').getByRole('option', { name: 'Đã đăng (1)' }).click();
      await page.getByTestId('story-row').filter({ hasText: TITLE }).waitFor();
      await page.getByTestId('story-search').fill('khong co bai nao nhu vay');
      await page.getByText('Chưa có bài viết nào phù hợp.').waitFor();
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
