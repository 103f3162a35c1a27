// Browser end-to-end for award ceremonies: the district's TĐKT officer plans a ceremony on
// /le-trao-tang from a signed decision, edits the programme and a group's presenter, downloads the
// running order (DOCX, read back); then on a 360 px phone records attendance — one in person, one by
// a representative, one absent — and marks the ceremony held. axe on the pages, no horizontal scroll.
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, logIn } from '../support/browser';
import { axeViolations } from '../support/axe';
import { startTestApp, type TestEnv } from '../support/app';
import { loginAs, smallWorld } from '../factories';
import { insertToCouncil } from '../support/councils';
import type { DecisionDto } from '../../src/contracts/decisions';
import type { CeremonyDto } from '../../src/contracts/ceremonies';

let env: TestEnv;
let browser: Browser;
let base: string;
let ceremonyId = 0;
const pages: Page[] = [];

beforeAll(async () => {
  env = await startTestApp({ serveWeb: true });
  const w = await smallWorld(env.database.db);
  const db = env.database.db;
  const ids = await insertToCouncil(db, w.orgs.huyen, [
    { personId: w.persons.an, unit: w.orgs.cdcsA, name: 'Nguyễn Văn An', awardCode: 'LDTT' },
    { personId: w.persons.anh, unit: w.orgs.cdcsA, name: 'Nguyễn Thị Ánh', awardCode: 'LDTT' },
    { personId: w.persons.dang, unit: w.orgs.cdcsB, name: 'Đặng Văn Bình', awardCode: 'LDTT' },
  ]);
  await db.execute(sql`update nomination set status = 'COUNCIL_PASSED' where id = any(${sql.param(ids)}::bigint[])`);
  const officer = await loginAs(env.app, 'huyen.tdkt');
  const draft = await officer.post('/api/v1/decisions', { orgId: w.orgs.huyen.id, nominationIds: ids });
  expect(draft.statusCode, draft.body).toBe(201);
  const d = draft.json<DecisionDto>();
  const signed = await officer.post(`/api/v1/decisions/${d.id}/sign`, { version: d.version, signedOn: '2026-10-01' });
  expect(signed.statusCode, signed.body).toBe(200);
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    for (const [i, p] of pages.entries()) await p.screenshot({ path: path.join(os.tmpdir(), `vd-e2e-ceremonies-${i}.png`), fullPage: true }).catch(() => undefined);
  }
});

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

const noNotifications = (page: Page) => expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 15_000 }).toBe(0);
const docText = async (buf: Buffer) => (await (await JSZip.loadAsync(buf)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');

describe('/le-trao-tang', () => {
  it('plans a ceremony from a signed decision, edits the programme and the presenter, downloads the running order', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      pages.push(page);
      await logIn(page, base, 'huyen.tdkt');
      await page.goto(`${base}/le-trao-tang`);
      await page.getByTestId('ceremony-create').click();
      const dialog = page.getByRole('dialog');
      await page.getByTestId('ceremony-create-place').fill('Hội trường Liên đoàn Lao động huyện');
      await page.getByTestId('ceremony-create-decisions').click();
      await page.getByRole('listbox').getByRole('option', { name: /01\/QĐ-LĐLĐ/ }).click();
      await dialog.getByRole('button', { name: 'Lên kế hoạch', exact: true }).click();
      await page.waitForURL(/\/le-trao-tang\/\d+$/);
      ceremonyId = Number(/\/(\d+)$/.exec(page.url())![1]);
      await page.getByTestId('ceremony-status').waitFor();
      expect(await page.getByTestId('ceremony-status').getAttribute('data-status')).toBe('PLANNED');
      await expect.poll(() => page.getByTestId('ceremony-recipient').count()).toBe(3);
      expect(await page.getByTestId('ceremony-decision').innerText()).toContain('01/QĐ-LĐLĐ');
      await noNotifications(page);
      expect(await axeViolations(page)).toEqual([]);

      // The programme: the usual running order, edited.
      await page.getByTestId('ceremony-programme-edit').click();
      await page.getByTestId('ceremony-programme-at').first().fill('08:00');
      await page.getByTestId('ceremony-programme-by').first().fill('Đồng chí Phó Chủ tịch LĐLĐ huyện');
      await page.getByTestId('ceremony-programme-add').click();
      await page.getByTestId('ceremony-programme-item').last().fill('Chụp ảnh lưu niệm');
      await page.getByTestId('ceremony-programme-save').click();
      await expect.poll(() => page.getByTestId('ceremony-programme-line').count()).toBe(7);
      expect(await page.getByTestId('ceremony-programme-line').first().innerText()).toContain('Đồng chí Phó Chủ tịch LĐLĐ huyện');

      // Who presents to the group.
      await page.getByTestId('ceremony-group-presenter').first().fill('Đồng chí Chủ tịch LĐLĐ huyện');
      await page.getByTestId('ceremony-presenters-save').click();
      await expect.poll(() => page.getByTestId('ceremony-presenters-save').count()).toBe(0);
      await noNotifications(page);
      expect(await axeViolations(page)).toEqual([]);

      const href = await page.getByTestId('ceremony-download-programme').getAttribute('href');
      const docx = await page.request.get(`${base}${href}`);
      expect(docx.status()).toBe(200);
      expect(docx.headers()['content-type']).toContain('wordprocessingml');
      const text = await docText(await docx.body());
      expect(text).toContain('CHƯƠNG TRÌNH BUỔI LỄ');
      expect(text).toContain('Chụp ảnh lưu niệm');
      expect(text).toContain('Người trao: Đồng chí Chủ tịch LĐLĐ huyện');
      for (const name of ['Nguyễn Văn An', 'Nguyễn Thị Ánh', 'Đặng Văn Bình']) expect(text).toContain(name);
    } finally {
      await context.close();
    }
  });

  it('records attendance on a phone — in person, by proxy, absent — and marks the ceremony held', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    try {
      const page = await context.newPage();
      pages.push(page);
      await logIn(page, base, 'huyen.tdkt');
      await page.goto(`${base}/le-trao-tang`);
      await page.getByTestId('ceremony-open').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByTestId('ceremony-open').first().click();
      await page.getByTestId('ceremony-group').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await page.getByTestId('ceremony-attendance-open').click();
      await page.getByTestId('ceremony-attendance-panel').waitFor();
      const row = (name: string) => page.getByTestId('ceremony-attendance-row').filter({ hasText: name });
      await row('Nguyễn Văn An').getByTestId('ceremony-mark-received').click();
      await row('Nguyễn Thị Ánh').getByTestId('ceremony-mark-proxy').click();
      await row('Đặng Văn Bình').getByTestId('ceremony-mark-absent').click();
      expect(await row('Nguyễn Văn An').getByTestId('ceremony-mark-received').getAttribute('aria-pressed')).toBe('true');
      // A proxy needs the representative's name.
      await page.getByTestId('ceremony-attendance-save').click();
      await row('Nguyễn Thị Ánh').getByText('Ghi họ tên người nhận thay.').waitFor();
      await row('Nguyễn Thị Ánh').getByTestId('ceremony-received-by').fill('Phạm Thị Hoa');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByTestId('ceremony-attendance-save').click();
      await expect.poll(() => row('Nguyễn Thị Ánh').getByTestId('ceremony-attendance').getAttribute('data-attendance')).toBe('PROXY');
      expect(await row('Nguyễn Văn An').getByTestId('ceremony-attendance').getAttribute('data-attendance')).toBe('RECEIVED');
      expect(await row('Đặng Văn Bình').getByTestId('ceremony-attendance').getAttribute('data-attendance')).toBe('ABSENT');
      expect(await page.getByTestId('ceremony-attendance-counts').innerText()).toBe('3 người nhận: 1 đã nhận, 1 nhận thay, 1 vắng, 0 chưa điểm danh');

      await noNotifications(page);
      await page.getByTestId('ceremony-attendance-close').click();
      await page.getByTestId('ceremony-held').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Đã tổ chức', exact: true }).click();
      await dialog.getByRole('button', { name: 'Xác nhận: Đã tổ chức' }).click();
      await expect.poll(() => page.getByTestId('ceremony-status').getAttribute('data-status')).toBe('HELD');
      expect(await page.getByTestId('ceremony-edit').count()).toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await noNotifications(page);
      expect(await axeViolations(page)).toEqual([]);

      const saved = (await (await loginAs(env.app, 'huyen.tdkt')).get(`/api/v1/ceremonies/${ceremonyId}`)).json<CeremonyDto>();
      expect(saved.recipients.map((r) => [r.subjectName, r.attendance, r.receivedBy]).sort()).toEqual(
        [
          ['Nguyễn Văn An', 'RECEIVED', null],
          ['Nguyễn Thị Ánh', 'PROXY', 'Phạm Thị Hoa'],
          ['Đặng Văn Bình', 'ABSENT', null],
        ].sort(),
      );
    } finally {
      await context.close();
    }
  });
});
