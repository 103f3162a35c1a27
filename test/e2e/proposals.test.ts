// Browser end-to-end for "good person, good deed" proposals: a citizen on a 360 px phone proposes
// someone from the public form (checked before sending, then a reference code); the CĐCS officer on a
// desktop finds it in /de-xuat-nguoi-tot, reads the story as text, links the member and turns it into
// a story draft (a link to the story page); the viewer on a phone reads it without the proposer's
// contact and without review steps. axe on every page, no horizontal scroll at 360 px.
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
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
let proposalId = 0;
const pages: Page[] = [];
const CONTACT = 'tam.le@example.vn';
// Markup typed by the proposer must come back as text, never as HTML.
const STORY = 'Cô Ánh nhiều năm liền dạy kèm miễn phí cho học sinh nghèo vào buổi tối. <b>in đậm</b>';

beforeAll(async () => {
  env = await startTestApp({ serveWeb: true });
  const w = await smallWorld(env.database.db);
  orgCode = w.orgs.cdcsA.code;
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    for (const [i, p] of pages.entries()) await p.screenshot({ path: path.join(os.tmpdir(), `vd-e2e-proposals-${i}.png`), fullPage: true }).catch(() => undefined);
  }
});

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

const noNotifications = (page: Page) => expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 15_000 }).toBe(0);
const noHorizontalScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
const phone = () => browser.newContext({ locale: 'vi-VN', viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

describe('good deed proposals', () => {
  it('a citizen on a phone proposes someone and gets the reference code', async () => {
    const context = await phone();
    try {
      const page = await context.newPage();
      pages.push(page);
      await page.goto(`${base}/cong-khai/${orgCode}/de-xuat`);
      await page.getByTestId('public-proposal-submit').waitFor();
      await noHorizontalScroll(page);
      expect(await axeViolations(page)).toEqual([]);

      // Checked before anything is sent.
      await page.getByTestId('public-proposal-proposer-name').fill('Lê Văn Tâm');
      await page.getByTestId('public-proposal-contact').fill('không có');
      await page.getByTestId('public-proposal-subject').fill('Nguyễn Thị Ánh');
      await page.getByTestId('public-proposal-story').fill('ngắn');
      await page.getByTestId('public-proposal-submit').click();
      await page.getByText('Hãy ghi số điện thoại hoặc địa chỉ thư điện tử').waitFor();
      await page.getByText('Quá ngắn: cần ít nhất 20 ký tự.').waitFor();
      expect(await page.getByTestId('public-proposal-done').count()).toBe(0);
      // The field errors are read as easily as the rest (AA contrast), not in Mantine's pale red.
      expect(await axeViolations(page)).toEqual([]);

      await page.getByTestId('public-proposal-contact').fill(CONTACT);
      await page.getByTestId('public-proposal-unit').fill('Trường THCS Phước Minh');
      await page.getByTestId('public-proposal-story').fill(STORY);
      await page.getByTestId('public-proposal-submit').click();
      await page.getByTestId('public-proposal-done').waitFor();
      referenceCode = (await page.getByTestId('public-proposal-code').innerText()).trim();
      expect(referenceCode).toMatch(/^NTVT-\d{4}-[A-Z0-9]{8}$/);
      await noHorizontalScroll(page);
      expect(await axeViolations(page)).toEqual([]);
      // The status page (rendered by the server) shows where the proposal stands, nothing personal.
      await page.getByTestId('public-proposal-status-link').click();
      await page.waitForURL(`**/tra-cuu-de-xuat/${referenceCode}`);
      const statusText = await page.locator('main').innerText();
      expect(statusText).toContain(referenceCode);
      expect(statusText).toContain('Chờ xem xét');
      expect(statusText).not.toContain(CONTACT);
    } finally {
      await context.close();
    }
  });

  it('the CĐCS officer links the member and turns the proposal into a story draft', async () => {
    expect(referenceCode).not.toBe('');
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      pages.push(page);
      await logIn(page, base, 'cdcs.a');
      await page.getByRole('link', { name: 'Đề xuất người tốt, việc tốt' }).click();
      await page.waitForURL(/\/de-xuat-nguoi-tot$/);
      // Away from the menu: a hovered menu item is not what axe should judge.
      await page.mouse.move(900, 10);
      const row = page.getByTestId('proposal-row').filter({ hasText: 'Nguyễn Thị Ánh' });
      await row.waitFor();
      expect(await row.getByTestId('proposal-status').getAttribute('data-status')).toBe('RECEIVED');
      expect(await axeViolations(page)).toEqual([]);
      await row.getByTestId('proposal-open').click();
      await page.waitForURL(/\/de-xuat-nguoi-tot\/\d+$/);
      proposalId = Number(/\/(\d+)$/.exec(page.url())![1]);
      await page.getByTestId('proposal-story-text').waitFor();
      expect(await page.getByTestId('proposal-proposer').innerText()).toContain(CONTACT);
      expect(await page.getByTestId('proposal-story-text').innerText()).toContain('<b>in đậm</b>');
      expect(await page.getByTestId('proposal-story-text').locator('b').count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);

      // Link the member, found without diacritics.
      await page.getByTestId('proposal-link').click();
      const dialog = page.getByRole('dialog');
      await page.getByTestId('proposal-link-person').click();
      await page.getByTestId('proposal-link-person').fill('nguyen thi anh');
      await page.getByRole('listbox').getByRole('option', { name: /Nguyễn Thị Ánh/ }).first().click();
      await dialog.locator('button[type="submit"]').click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => page.getByTestId('proposal-person').innerText()).toContain('Nguyễn Thị Ánh');
      await noNotifications(page);

      // Into a story draft.
      await page.getByTestId('proposal-story').click();
      await dialog.getByText('người đề xuất được ghi nhận là người phát hiện', { exact: false }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await dialog.locator('button[type="submit"]').click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => page.getByTestId('proposal-status').first().getAttribute('data-status')).toBe('STORY');
      const story = (await env.database.db.execute<{ id: number; status: string; slug: string }>(sql`select id, status, slug from story where proposal_id = ${proposalId}`)).rows[0]!;
      expect(story).toMatchObject({ status: 'DRAFT', slug: `de-xuat-${referenceCode.toLowerCase()}` });
      expect(await page.getByTestId('proposal-story-link').getAttribute('href')).toBe(`/guong-dien-hinh/${story.id}`);
      for (const id of ['proposal-story', 'proposal-link', 'proposal-nominate', 'proposal-decline']) expect(await page.getByTestId(id).count()).toBe(0);
      await noNotifications(page);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the viewer on a phone reads the proposal without the proposer’s contact and without review steps', async () => {
    expect(proposalId).toBeGreaterThan(0);
    const context = await phone();
    try {
      const page = await context.newPage();
      pages.push(page);
      await logIn(page, base, 'xem');
      await page.goto(`${base}/de-xuat-nguoi-tot`);
      await page.getByTestId('proposal-row').filter({ hasText: 'Nguyễn Thị Ánh' }).waitFor();
      await noHorizontalScroll(page);
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${base}/de-xuat-nguoi-tot/${proposalId}`);
      await page.getByTestId('proposal-story-text').waitFor();
      expect(await page.locator('body').innerText()).not.toContain(CONTACT);
      for (const id of ['proposal-story', 'proposal-link', 'proposal-nominate', 'proposal-decline']) expect(await page.getByTestId(id).count()).toBe(0);
      await noHorizontalScroll(page);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
