// Browser end-to-end for the register of exemplary models: the grassroots union's officer registers
// a model at /mo-hinh, writes the fostering plan as fostering starts, records a check-in with the next
// date, has it recognised, adds a replicating unit and marks it replicated — the stepper shows each
// stage's date; then the district's officer on a 360 px phone finds it by stage and reads it without
// any writing step; the union's officer on a phone credits the reporter who publicised it. axe on
// every page, no horizontal scroll on the phone.
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, logIn } from '../support/browser';
import { axeViolations } from '../support/axe';
import { startTestApp, type TestEnv } from '../support/app';
import { sql } from 'drizzle-orm';
import { smallWorld } from '../factories';
import { todayInVietnam } from '../../src/server/modules/imports/xlsx/validate-member-row';

let env: TestEnv;
let browser: Browser;
let base: string;
let modelId = 0;
const pages: Page[] = [];
const NAME = 'Mô hình “Góc học tập xanh” cho con công nhân';
const PLAN = 'Tổ trưởng Tổ Toán – Tin kèm cặp; mỗi tháng họp rút kinh nghiệm; cuối học kỳ tổng kết.';
const today = todayInVietnam();
const vi = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const shift = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  env = await startTestApp({ serveWeb: true });
  const w = await smallWorld(env.database.db);
  // A signed decision of the union, offered by the recognising dialog.
  const year = Number(today.slice(0, 4));
  await env.database.db.execute(sql`
    insert into decision (org_id, org_path, status, year, subject, place, basis, execution, signer, recipients, signed_on, number_year, number, symbol)
    values (${w.orgs.cdcsA.id}, ${w.orgs.cdcsA.path}, 'SIGNED', ${year}, 'Về việc công nhận mô hình', 'Dương Minh Châu', '[]'::jsonb, 'Thi hành', ${JSON.stringify({ onBehalf: 'TM', title: 'Chủ tịch', name: null })}::jsonb,
            '[]'::jsonb, ${today}, ${year}, 5, 'QĐ-CĐCS')`);
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    for (const [i, p] of pages.entries()) await p.screenshot({ path: path.join(os.tmpdir(), `vd-e2e-models-${i}.png`), fullPage: true }).catch(() => undefined);
  }
});

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

const noNotifications = (page: Page) => expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 15_000 }).toBe(0);
const noHorizontalScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
const typeDate = async (page: Page, testId: string, iso: string) => {
  await page.getByRole('dialog').getByTestId(testId).fill(vi(iso));
  // Click the dialog's title: the value is taken and the calendar dropdown closes.
  await page.getByRole('dialog').locator('.mantine-Modal-title').click();
  await expect.poll(() => page.locator('.mantine-DateInput-calendarHeaderControl').count()).toBe(0);
};
const stageOf = (page: Page) => page.getByTestId('model-stage').first().getAttribute('data-stage');
/** Submit the open dialog and wait for it to close and its notification to go. */
async function submit(page: Page) {
  const dialog = page.getByRole('dialog');
  await dialog.locator('button[type="submit"]').click();
  await dialog.waitFor({ state: 'detached' });
  await noNotifications(page);
}

describe('/mo-hinh', () => {
  it('the union’s officer registers a model and takes it from discovered to replicated', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      pages.push(page);
      await logIn(page, base, 'cdcs.a');
      await page.goto(`${base}/mo-hinh`);
      await page.getByText('Chưa có mô hình, điển hình nào.').waitFor();
      expect(await axeViolations(page)).toEqual([]);

      // Register: the keeping and responsible unit default to the officer's union.
      await page.getByTestId('model-create').click();
      const dialog = page.getByRole('dialog');
      await expect.poll(() => dialog.getByTestId('model-form-org').inputValue(), { timeout: 10_000 }).toBe('Công đoàn cơ sở Trường THCS Phước Minh');
      await expect.poll(() => dialog.getByTestId('model-form-responsible').inputValue(), { timeout: 10_000 }).toBe('Công đoàn cơ sở Trường THCS Phước Minh');
      // Checked before sending: too short a description.
      await dialog.getByTestId('model-form-name').fill(NAME);
      await dialog.getByTestId('model-form-description').fill('Ngắn');
      await dialog.getByRole('button', { name: 'Thêm', exact: true }).click();
      await dialog.getByText('Quá ngắn: cần ít nhất 10 ký tự.').waitFor();
      await dialog.getByTestId('model-form-description').fill('Công đoàn vận động doanh nghiệp góp sách, bàn ghế để mở góc học tập cho con công nhân ở khu nhà trọ.');
      await dialog.getByTestId('model-form-field').fill('Chăm lo đoàn viên');
      expect(await axeViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Thêm', exact: true }).click();
      await page.waitForURL(/\/mo-hinh\/\d+$/);
      modelId = Number(/\/(\d+)$/.exec(page.url())![1]);
      await page.getByTestId('model-stepper').waitFor();
      expect(await stageOf(page)).toBe('DISCOVERED');
      expect(await page.getByTestId('model-plan-none').count()).toBe(1);
      await noNotifications(page);
      expect(await axeViolations(page)).toEqual([]);

      // Start fostering: the plan is required, the first check-in next week.
      await page.getByTestId('model-move').filter({ hasText: 'Bắt đầu bồi dưỡng' }).click();
      await dialog.locator('button[type="submit"]').click();
      await dialog.getByText('Bắt buộc').waitFor();
      await dialog.getByTestId('model-move-plan').fill(PLAN);
      await typeDate(page, 'model-move-next', shift(today, 7));
      expect(await axeViolations(page)).toEqual([]);
      await submit(page);
      await expect.poll(() => stageOf(page)).toBe('FOSTERING');
      expect(await page.getByTestId('model-plan').innerText()).toBe(PLAN);
      expect(await page.getByTestId('model-follow-up').getAttribute('data-state')).toBe('SCHEDULED');

      // A check-in moves the next date.
      await page.getByTestId('model-follow-up-add').click();
      await dialog.getByTestId('model-follow-up-note').fill('Đã có 40 cháu đến học; cần thêm đèn chiếu sáng.');
      await typeDate(page, 'model-follow-up-next', shift(today, 30));
      await submit(page);
      await expect.poll(() => page.getByTestId('model-follow-up').innerText()).toContain(vi(shift(today, 30)));

      // Recognised today; replication cannot be marked before a unit replicates it.
      await page.getByTestId('model-move').filter({ hasText: 'Công nhận' }).click();
      await dialog.getByTestId('model-move-decision').click();
      await page.getByRole('listbox').getByRole('option', { name: `05/QĐ-CĐCS (${today.slice(0, 4)})` }).click();
      expect(await axeViolations(page)).toEqual([]);
      await submit(page);
      await expect.poll(() => stageOf(page)).toBe('RECOGNISED');
      await page.getByText('05/QĐ-CĐCS', { exact: false }).first().waitFor();
      await page.getByTestId('model-move').filter({ hasText: 'Chuyển sang nhân rộng' }).click();
      await dialog.locator('button[type="submit"]').click();
      await dialog.getByText('Cần có ít nhất một đơn vị đang nhân rộng mô hình.').waitFor();
      await dialog.getByRole('button', { name: 'Hủy' }).click();
      await dialog.waitFor({ state: 'detached' });

      // Add the replicating unit, then mark it replicated.
      await page.getByTestId('model-replication-add').click();
      const unit = dialog.getByTestId('model-replication-org');
      await unit.fill('Toán');
      await expect.poll(async () => (await page.getByRole('listbox').getByRole('option').allTextContents()).some((x) => x.includes('Tổ Toán')), { timeout: 15_000 }).toBe(true);
      await page.getByRole('listbox').getByRole('option', { name: /Tổ Toán/ }).first().click();
      await dialog.getByTestId('model-replication-note').fill('Tổ mở góc học tập thứ hai.');
      expect(await axeViolations(page)).toEqual([]);
      await submit(page);
      await page.getByTestId('model-replication').filter({ hasText: 'Tổ công đoàn Tổ Toán – Tin' }).waitFor();
      await page.getByTestId('model-move').filter({ hasText: 'Chuyển sang nhân rộng' }).click();
      await submit(page);
      await expect.poll(() => stageOf(page)).toBe('REPLICATED');
      expect(await page.getByTestId('model-step').evaluateAll((els) => els.map((e) => e.textContent ?? ''))).toEqual(
        ['Mới phát hiện', 'Đang bồi dưỡng', 'Đã công nhận', 'Đã nhân rộng'].map((s) => expect.stringContaining(s)),
      );
      expect((await page.getByTestId('model-stepper').innerText()).split(vi(today)).length - 1).toBe(4);
      expect(await page.getByTestId('model-event').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).toEqual(['create', 'stage', 'followUp', 'stage', 'replicate', 'stage']);
      expect(await page.getByTestId('model-move').count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the district’s officer on a phone finds it among the replicated ones and reads it without writing steps', async () => {
    expect(modelId).toBeGreaterThan(0);
    const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    try {
      const page = await context.newPage();
      pages.push(page);
      await logIn(page, base, 'huyen.tdkt');
      await page.goto(`${base}/mo-hinh`);
      await page.getByTestId('model-row').first().waitFor();
      await page.getByTestId('model-stage-filter').click();
      await page.getByRole('listbox').getByRole('option', { name: 'Đã nhân rộng (1)' }).click();
      await page.waitForURL(/stage=REPLICATED/);
      await page.getByTestId('model-row').filter({ hasText: NAME }).waitFor();
      await noHorizontalScroll(page);
      expect(await axeViolations(page)).toEqual([]);

      await page.getByTestId('model-open').filter({ hasText: NAME }).click();
      await page.waitForURL(new RegExp(`/mo-hinh/${modelId}$`));
      await page.getByTestId('model-stepper').waitFor();
      expect(await page.getByTestId('model-plan').innerText()).toBe(PLAN);
      for (const id of ['model-move', 'model-close', 'model-edit', 'model-follow-up-add', 'model-replication-add', 'model-credit-add', 'model-replication-revoke']) expect(await page.getByTestId(id).count()).toBe(0);
      await noHorizontalScroll(page);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the union’s officer on a phone credits who publicised it', async () => {
    expect(modelId).toBeGreaterThan(0);
    const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    try {
      const page = await context.newPage();
      pages.push(page);
      await logIn(page, base, 'cdcs.a');
      await page.goto(`${base}/mo-hinh/${modelId}`);
      await page.getByTestId('model-credit-add').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('model-credit-role').click();
      await page.getByRole('listbox').getByRole('option', { name: 'Tuyên truyền' }).click();
      await dialog.getByTestId('model-credit-member').uncheck();
      await dialog.getByTestId('model-credit-name').fill('Phóng viên Lê Hoa');
      await dialog.getByTestId('model-credit-note').fill('Bài trên báo Lao Động.');
      await noHorizontalScroll(page);
      expect(await axeViolations(page)).toEqual([]);
      await submit(page);
      const credit = page.getByTestId('model-credit').filter({ hasText: 'Phóng viên Lê Hoa' });
      await credit.waitFor();
      expect(await credit.innerText()).toContain('Tuyên truyền');
      expect(await credit.getAttribute('data-status')).toBe('ACTIVE');
      await noHorizontalScroll(page);
      expect(await axeViolations(page)).toEqual([]);

      // The credit is listed with the stories' credits under "Ghi nhận người phát hiện", linked to the model.
      await page.goto(`${base}/guong-dien-hinh`);
      const row = page.getByTestId('credit-list-row').filter({ hasText: 'Phóng viên Lê Hoa' });
      await row.waitFor();
      expect(await row.innerText()).toContain('Tuyên truyền');
      await noHorizontalScroll(page);
      expect(await axeViolations(page)).toEqual([]);
      const target = row.getByTestId('credit-list-target');
      expect(await target.getAttribute('data-kind')).toBe('MODEL');
      await target.click();
      await page.waitForURL(new RegExp(`/mo-hinh/${modelId}$`));
      await page.getByTestId('model-stories').waitFor();
    } finally {
      await context.close();
    }
  });
});
