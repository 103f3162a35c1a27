// Browser end-to-end for inspection and supervision (kiểm tra, giám sát): the district's TĐKT officer
// plans an inspection of a grassroots union, records the result with two recommendations — one already
// past its deadline, one due next month — finds the overdue one on the overdue list, marks it done with
// a note and the overdue list empties; the viewer reads the inspection on a 360 px phone without any
// action. axe on every page.
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, logIn } from '../support/browser';
import { axeViolations } from '../support/axe';
import { startTestApp, type TestEnv } from '../support/app';
import { smallWorld } from '../factories';
import { todayInVietnam } from '../../src/server/modules/imports/xlsx/validate-member-row';

let env: TestEnv;
let browser: Browser;
let base: string;
let inspectionId = 0;
const pages: Page[] = [];
const TARGET = 'Công đoàn cơ sở Trường THCS Phước Minh';
const TOPIC = 'Việc tổ chức phong trào thi đua và xét khen thưởng năm 2026';
// Markup typed by the officer must come back as text, never as HTML.
const FINDINGS = 'Hồ sơ xét khen thưởng lưu chưa đầy đủ biên bản họp Hội đồng. <b>in đậm</b>';
const CONCLUSION = 'Đơn vị tổ chức phong trào đúng quy định, cần hoàn thiện hồ sơ lưu trữ.';
const REC_LATE = 'Bổ sung biên bản họp Hội đồng thi đua, khen thưởng';
const REC_LATER = 'Rà soát quy chế thi đua, khen thưởng của đơn vị';

/** `yyyy-mm-dd` shifted by whole days. */
const shift = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const vi = (iso: string) => iso.split('-').reverse().join('/');
const today = todayInVietnam();

beforeAll(async () => {
  env = await startTestApp({ serveWeb: true });
  await smallWorld(env.database.db);
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    for (const [i, p] of pages.entries()) await p.screenshot({ path: path.join(os.tmpdir(), `vd-e2e-inspections-${i}.png`), fullPage: true }).catch(() => undefined);
  }
});

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

const noNotifications = (page: Page) => expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 15_000 }).toBe(0);
const noHorizontalScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
const typeDate = async (page: Page, testId: string, iso: string, nth = 0) => {
  const input = page.getByRole('dialog').getByTestId(testId).nth(nth);
  await input.fill(vi(iso));
  // Click the dialog's title: the value is taken and the calendar dropdown closes.
  await page.getByRole('dialog').locator('.mantine-Modal-title').click();
  await expect.poll(() => page.locator('.mantine-DateInput-calendarHeaderControl').count()).toBe(0);
};

describe('/kiem-tra', () => {
  it('the district officer plans an inspection, records two recommendations, follows up the overdue one', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      pages.push(page);
      await logIn(page, base, 'huyen.tdkt');
      await page.goto(`${base}/kiem-tra`);
      await page.getByTestId('inspection-table').waitFor();
      await page.getByText('Chưa có cuộc kiểm tra, giám sát nào.').waitFor();
      expect(await axeViolations(page)).toEqual([]);

      // Plan it: the inspecting organisation is the officer's own, the target a unit below it.
      await page.getByTestId('inspection-create').click();
      const dialog = page.getByRole('dialog');
      await expect.poll(() => dialog.getByTestId('inspection-create-org').inputValue(), { timeout: 10_000 }).toBe('Liên đoàn Lao động huyện DMC');
      const target = dialog.getByTestId('inspection-create-target');
      await target.fill('Phước Minh');
      await expect
        .poll(async () => (await page.getByRole('listbox').getByRole('option').allTextContents()).map((text) => text.includes('Phước Minh')), { timeout: 15_000 })
        .toEqual([true]);
      await target.press('ArrowDown');
      await target.press('Enter');
      await expect.poll(() => target.inputValue()).toBe(TARGET);
      await dialog.getByTestId('inspection-create-topic').fill(TOPIC);
      await typeDate(page, 'inspection-create-date', shift(today, -3));
      expect(await axeViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Lập kế hoạch', exact: true }).click();
      await page.waitForURL(/\/kiem-tra\/\d+$/);
      inspectionId = Number(/\/(\d+)$/.exec(page.url())![1]);
      await page.getByTestId('inspection-status').waitFor();
      expect(await page.getByTestId('inspection-status').getAttribute('data-status')).toBe('PLANNED');
      expect(await page.getByTestId('inspection-topic').innerText()).toContain(TOPIC);
      await noNotifications(page);
      expect(await axeViolations(page)).toEqual([]);

      // Record the result: two recommendations, one due yesterday, one next month; a third added then removed.
      await page.getByTestId('inspection-conduct').click();
      await typeDate(page, 'inspection-conduct-date', shift(today, -2));
      await dialog.getByTestId('inspection-conduct-findings').fill(FINDINGS);
      await dialog.getByTestId('inspection-conduct-conclusion').fill(CONCLUSION);
      for (let k = 0; k < 3; k++) await dialog.getByTestId('inspection-conduct-rec-add').click();
      expect(await dialog.getByTestId('inspection-conduct-rec').count()).toBe(3);
      await dialog.getByTestId('inspection-conduct-rec-remove').nth(2).click();
      expect(await dialog.getByTestId('inspection-conduct-rec').count()).toBe(2);
      // Checked before anything is sent: an empty recommendation.
      await dialog.locator('button[type="submit"]').click();
      await dialog.getByText('Quá ngắn: cần ít nhất 5 ký tự.').first().waitFor();
      await dialog.getByTestId('inspection-conduct-rec-text').nth(0).fill(REC_LATE);
      await typeDate(page, 'inspection-conduct-rec-due', shift(today, -1), 0);
      await dialog.getByTestId('inspection-conduct-rec-text').nth(1).fill(REC_LATER);
      await typeDate(page, 'inspection-conduct-rec-due', shift(today, 30), 1);
      expect(await axeViolations(page)).toEqual([]);
      await dialog.locator('button[type="submit"]').click();
      await dialog.getByText('Ghi kết quả với 2 kiến nghị?', { exact: false }).waitFor();
      await dialog.locator('button[type="submit"]').click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => page.getByTestId('inspection-status').getAttribute('data-status')).toBe('DONE');
      await expect.poll(() => page.getByTestId('recommendation').count()).toBe(2);
      // Text, not markup.
      expect(await page.getByTestId('inspection-findings').innerText()).toContain('<b>in đậm</b>');
      expect(await page.getByTestId('inspection-findings').locator('b').count()).toBe(0);
      const late = page.getByTestId('recommendation').filter({ hasText: REC_LATE });
      const later = page.getByTestId('recommendation').filter({ hasText: REC_LATER });
      expect(await late.getAttribute('data-overdue')).toBe('true');
      expect(await late.getByTestId('recommendation-due').innerText()).toBe('Quá hạn 1 ngày');
      expect(await later.getAttribute('data-overdue')).toBe('false');
      expect(await later.getByTestId('recommendation-due').innerText()).toBe('Còn 30 ngày');
      expect(await page.getByTestId('inspection-conduct').count()).toBe(0);
      expect(await page.getByTestId('inspection-counts').getAttribute('data-overdue')).toBe('1');
      await noNotifications(page);
      expect(await axeViolations(page)).toEqual([]);

      // The plan lists it with its counts; the overdue list shows the late recommendation only.
      await page.goto(`${base}/kiem-tra`);
      const row = page.getByTestId('inspection-row').filter({ hasText: TARGET });
      await row.waitFor();
      expect(await row.getByTestId('inspection-status').getAttribute('data-status')).toBe('DONE');
      expect(await row.getByTestId('inspection-counts').getAttribute('data-open')).toBe('2');
      await row.getByTestId('inspection-overdue-count').waitFor();
      await page.getByTestId('inspection-tab-overdue').click();
      await page.waitForURL(/tab=overdue/);
      await expect.poll(() => page.getByTestId('overdue-row').count()).toBe(1);
      expect(await page.getByTestId('overdue-row').innerText()).toContain(REC_LATE);
      expect(await page.getByTestId('overdue-row').innerText()).toContain(TARGET);
      expect(await axeViolations(page)).toEqual([]);

      // Mark it done with a note: gone from the overdue list.
      await page.getByTestId('overdue-open').click();
      await page.waitForURL(new RegExp(`/kiem-tra/${inspectionId}$`));
      await late.getByTestId('recommendation-done').click();
      await typeDate(page, 'recommendation-done-date', today);
      await dialog.getByTestId('recommendation-done-note').fill('Đã bổ sung biên bản họp ngày 20/11 vào hồ sơ.');
      expect(await axeViolations(page)).toEqual([]);
      await dialog.locator('button[type="submit"]').click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => late.getAttribute('data-status')).toBe('DONE');
      expect(await late.getByTestId('recommendation-note').innerText()).toBe('Đã bổ sung biên bản họp ngày 20/11 vào hồ sơ.');
      expect(await late.getByTestId('recommendation-done').count()).toBe(0);
      expect(await late.getByTestId('recommendation-due').count()).toBe(0);
      expect(await later.getByTestId('recommendation-done').count()).toBe(1);
      await noNotifications(page);

      await page.goto(`${base}/kiem-tra?tab=overdue`);
      await page.getByText('Không có kiến nghị nào quá hạn.').waitFor();
      expect(await page.getByTestId('overdue-row').count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the viewer reads the inspection on a 360 px phone without any action', async () => {
    expect(inspectionId).toBeGreaterThan(0);
    const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    try {
      const page = await context.newPage();
      pages.push(page);
      await logIn(page, base, 'xem');
      await page.goto(`${base}/kiem-tra`);
      const row = page.getByTestId('inspection-row').filter({ hasText: TARGET });
      await row.waitFor();
      expect(await page.getByTestId('inspection-create').count()).toBe(0);
      await noHorizontalScroll(page);
      expect(await axeViolations(page)).toEqual([]);

      await page.goto(`${base}/kiem-tra/${inspectionId}`);
      await expect.poll(() => page.getByTestId('recommendation').count()).toBe(2);
      expect(await page.getByTestId('inspection-findings').innerText()).toContain('<b>in đậm</b>');
      for (const id of ['inspection-conduct', 'inspection-edit', 'inspection-cancel', 'recommendation-done', 'recommendation-withdraw']) expect(await page.getByTestId(id).count(), id).toBe(0);
      await noHorizontalScroll(page);
      expect(await axeViolations(page)).toEqual([]);

      await page.goto(`${base}/kiem-tra?tab=overdue`);
      await page.getByText('Không có kiến nghị nào quá hạn.').waitFor();
      await noHorizontalScroll(page);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
