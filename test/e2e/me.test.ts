// Browser end-to-end for the member portal: the member `doanvien` signs in on a 360 px phone and lands
// on /cua-toi, sees the award of a signed decision with its certificate, downloads the PDF and opens
// the verification page, sees their registration, and proposes a good person (the proposal appears
// with its status); on a desktop the same page has the menu item "Hồ sơ của tôi". axe on every page.
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
import { todayInVietnam } from '../../src/server/modules/imports/xlsx';
import type { DecisionDto } from '../../src/contracts/decisions';

let env: TestEnv;
let browser: Browser;
let base: string;
let serial = '';
const pages: Page[] = [];
const YEAR = Number(todayInVietnam().slice(0, 4));

beforeAll(async () => {
  env = await startTestApp({ serveWeb: true });
  const w = await smallWorld(env.database.db);
  const db = env.database.db;
  // A signed district decision awarding An (the member) and Bình (the drafting and signing are tested in decisions tests).
  const ids = await insertToCouncil(db, w.orgs.huyen, [
    { personId: w.persons.an, unit: w.orgs.cdcsA, name: 'Nguyễn Văn An', awardCode: 'LDTT' },
    { personId: w.persons.dang, unit: w.orgs.cdcsB, name: 'Đặng Văn Bình', awardCode: 'LDTT' },
  ]);
  await db.execute(sql`update nomination set status = 'COUNCIL_PASSED' where id = any(${sql.param(ids)}::bigint[])`);
  const officer = await loginAs(env.app, 'huyen.tdkt');
  const d = (await officer.post('/api/v1/decisions', { orgId: w.orgs.huyen.id, nominationIds: ids })).json<DecisionDto>();
  const signed = await officer.post(`/api/v1/decisions/${d.id}/sign`, { version: d.version, signedOn: todayInVietnam(), signerName: 'Nguyễn Thị Thúy', overBudgetConfirmed: true });
  if (signed.statusCode !== 200) throw new Error(signed.body);
  serial = (await db.execute<{ serial: string }>(sql`select c.serial from certificate c join decision_item i on i.id = c.decision_item_id where i.person_id = ${w.persons.an}`)).rows[0]!.serial;
  const reg = await (await loginAs(env.app, 'cdcs.a')).post('/api/v1/registrations', { personId: w.persons.an, year: YEAR + 1, awardCode: 'LDTT' });
  if (reg.statusCode !== 200) throw new Error(reg.body);
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    for (const [i, p] of pages.entries()) await p.screenshot({ path: path.join(os.tmpdir(), `vd-e2e-me-${i}.png`), fullPage: true }).catch(() => undefined);
  }
});

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

const noNotifications = (page: Page) => expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 15_000 }).toBe(0);
const noHorizontalScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

describe('the member portal', () => {
  it('the member on a phone lands on /cua-toi, downloads their certificate, verifies it and proposes a good person', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    try {
      const page = await context.newPage();
      pages.push(page);
      await logIn(page, base, 'doanvien');
      await page.waitForURL(/\/cua-toi$/);
      const award = page.getByTestId('me-award-row').filter({ hasText: 'Lao động tiên tiến' });
      await award.waitFor();
      expect(await award.innerText()).toContain(serial);
      expect(await page.getByTestId('me-awards').innerText()).not.toContain('Đặng Văn Bình');
      await page.getByTestId('me-registration-row').first().waitFor();
      expect(await page.getByTestId('me-registration-row').count()).toBe(1);
      expect(await page.getByTestId('me-membership-row').innerText()).toContain('Đang sinh hoạt');
      await page.getByTestId('record-item').first().waitFor();
      await noHorizontalScroll(page);
      expect(await axeViolations(page)).toEqual([]);

      // "Tải giấy khen": the member's own certificate as a PDF.
      const href = await award.getByTestId('me-certificate-download').getAttribute('href');
      expect(href).toBe(`/api/v1/me/certificates/${serial}.pdf`);
      const pdf = await page.request.get(`${base}${href}`);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

      // Propose a good person: checked before sending, then listed with its status.
      await page.getByTestId('me-propose').click();
      const dialog = page.getByRole('dialog');
      await page.getByTestId('member-proposal-subject').fill('Trần Thị Cúc');
      await page.getByTestId('member-proposal-contact').fill('an@example.vn');
      await page.getByTestId('member-proposal-story').fill('ngắn');
      await dialog.locator('button[type="submit"]').click();
      await dialog.getByText('Quá ngắn: cần ít nhất 20 ký tự.').waitFor();
      await page.getByTestId('member-proposal-story').fill('Chị Cúc hiến máu tình nguyện mười lần và vận động cả tổ cùng tham gia.');
      expect(await axeViolations(page)).toEqual([]);
      await dialog.locator('button[type="submit"]').click();
      await dialog.waitFor({ state: 'detached' });
      const row = page.getByTestId('me-proposal-row').filter({ hasText: 'Trần Thị Cúc' });
      await row.waitFor();
      expect(await row.getByTestId('me-proposal-status').getAttribute('data-status')).toBe('RECEIVED');
      await noNotifications(page);
      await noHorizontalScroll(page);
      expect(await axeViolations(page)).toEqual([]);

      // "Xác minh": the public verification page of the serial.
      await award.getByTestId('me-certificate-verify').click();
      await page.waitForURL(new RegExp(`/verify/${serial}$`));
      await page.getByText('Nguyễn Văn An').first().waitFor();
    } finally {
      await context.close();
    }
  });

  it('on a desktop the menu has "Hồ sơ của tôi"; a user without a member record sees the empty state', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      pages.push(page);
      await logIn(page, base, 'doanvien');
      await page.waitForURL(/\/cua-toi$/);
      await page.getByRole('link', { name: 'Hồ sơ của tôi' }).waitFor();
      await page.getByTestId('me-award-row').first().waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await context.clearCookies();
      await logIn(page, base, 'xem');
      expect(await page.getByRole('link', { name: 'Hồ sơ của tôi' }).count()).toBe(0);
      await page.goto(`${base}/cua-toi`);
      await page.getByTestId('me-no-person').waitFor();
      expect(await page.getByTestId('me-propose').count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
