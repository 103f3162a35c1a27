// Browser end-to-end for the cascade: the district issues a plan asking every CĐCS to respond; a
// CĐCS officer sees it in the inbox (badge, bold unread, opening marks it read); the district follows
// compliance on /yeu-cau/:id (summary cards filter, reminders), sees the read receipt in the outgoing
// register; the website recipient publishes the plan on /cong-khai/DMC without login; phones get cards.
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium, logIn } from '../support/browser';
import { startTestApp, type TestEnv } from '../support/app';
import { loginAs, smallWorld } from '../factories';
import type { PlanDto } from '../../src/contracts/plans';

const TITLE = 'Kế hoạch thực hiện phong trào thi đua năm 2024';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let base: string;
let requestId: number;
let draftId: number;

async function signIn(p: Page, username: string) {
  await logIn(p, base, username);
}

function planBody(title: string) {
  return {
    orgId: w.orgs.huyen.id,
    year: 2024,
    title,
    place: 'Huyện DMC',
    blocks: [{ kind: 'PARAGRAPH', text: 'Các công đoàn cơ sở xây dựng kế hoạch của đơn vị.' }],
    signer: { onBehalf: 'TM. BAN THƯỜNG VỤ', position: 'PHÓ CHỦ TỊCH', name: 'Nguyễn Văn Bình' },
    recipients: [
      { orgId: w.orgs.tinh.id, text: 'TT LĐLĐ tỉnh', kind: 'ORG' },
      { text: 'Các CĐCS', kind: 'SUBORDINATES' },
      { text: 'Website LĐLĐ huyện', kind: 'WEBSITE' },
      { text: 'Lưu: VP', kind: 'ARCHIVE' },
    ],
  };
}

beforeAll(async () => {
  env = await startTestApp({ serveWeb: true });
  w = await smallWorld(env.database.db);
  const officer = await loginAs(env.app, 'huyen.tdkt');
  const p = (await officer.post('/api/v1/plans', planBody(TITLE))).json<PlanDto>();
  const issued = await officer.post(`/api/v1/plans/${p.id}/issue`, { version: p.version, issuedOn: '2024-03-05', request: { responseKind: 'PLAN', deadline: '2099-04-15' } });
  expect(issued.statusCode).toBe(200);
  requestId = Number((await env.database.db.execute<{ id: number }>(sql`select id from response_request where source_id = ${p.id}`)).rows[0]!.id);
  draftId = (await officer.post('/api/v1/plans', planBody('Kế hoạch tổ chức Tháng Công nhân năm 2024'))).json<PlanDto>().id;
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
  context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && page) await page.screenshot({ path: path.join(os.tmpdir(), `vd-e2e-${ctx.task.name.slice(0, 30).replace(/\W+/g, '-')}.png`), fullPage: true });
});

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

describe('hộp thư, yêu cầu, sổ văn bản đi', () => {
  it('a CĐCS officer sees the unread badge and the items in bold; opening one marks it read', async () => {
    const cdcs = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    try {
      const p = await cdcs.newPage();
      await signIn(p, 'cdcs.a');
      await expect.poll(() => p.getByTestId('inbox-badge').first().textContent()).toBe('2');
      await p.getByRole('link', { name: /Hộp thư/ }).first().click();
      await p.waitForURL((u) => u.pathname === '/hop-thu');
      const rows = p.getByTestId('inbox-row');
      await expect.poll(() => rows.count()).toBe(2);
      expect(await p.locator('[data-testid="inbox-open"][data-unread="true"]').count()).toBe(2);
      // Kind filter in the URL.
      await p.getByTestId('inbox-kind').click();
      await p.getByRole('option', { name: 'Văn bản', exact: true }).click();
      await p.waitForURL((u) => u.searchParams.get('kind') === 'DOCUMENT');
      await expect.poll(() => rows.count()).toBe(1);
      await rows.first().getByTestId('inbox-open').click();
      await p.waitForURL((u) => u.pathname.startsWith('/ke-hoach/'));
      await expect
        .poll(async () => Number((await env.database.db.execute<{ n: number }>(sql`select count(*)::int as n from inbox_item where org_id = ${w.orgs.cdcsA.id} and read_at is not null`)).rows[0]!.n))
        .toBe(1);
      await p.goto(`${base}/hop-thu`);
      await expect.poll(() => p.locator('[data-testid="inbox-open"][data-unread="true"]').count()).toBe(1);
      await expect.poll(() => p.getByTestId('inbox-badge').first().textContent()).toBe('1');
    } finally {
      await cdcs.close();
    }
  });

  it('the district follows compliance: summary cards filter the table, reminders go to the chosen unit', async () => {
    await signIn(page, 'huyen.tdkt');
    await page.goto(`${base}/yeu-cau`);
    await page.getByTestId('request-row').filter({ hasText: TITLE }).getByTestId('request-open').click();
    await page.waitForURL((u) => u.pathname === `/yeu-cau/${requestId}`);
    await expect.poll(() => page.getByTestId('summary-total').textContent()).toContain('2');
    expect(await page.getByTestId('summary-pending').textContent()).toContain('2');
    await page.getByTestId('summary-pending').click();
    await page.waitForURL((u) => u.searchParams.get('status') === 'PENDING');
    await expect.poll(() => page.getByTestId('target-row').count()).toBe(2);
    await page.getByTestId('target-row').filter({ hasText: 'Sợi Thế Kỷ' }).getByTestId('target-select').check();
    await page.getByTestId('remind-button').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Nhắc nhở', exact: true }).click();
    await expect.poll(() => page.getByText('Đã nhắc 1 đơn vị').count()).toBeGreaterThan(0);
    const reminded = await env.database.db.execute<{ org_id: number; reminder_count: number }>(sql`select org_id, reminder_count from request_target where request_id = ${requestId} and reminder_count > 0`);
    expect(reminded.rows.map((r) => Number(r.org_id))).toEqual([w.orgs.cdcsB.id]);
    expect(await page.getByTestId('export-button').getAttribute('href')).toBe(`/api/v1/requests/${requestId}/targets/export.xlsx?status=PENDING`);
  });

  it('the outgoing register shows the read receipt of each recipient', async () => {
    await page.goto(`${base}/so-van-ban-di`);
    const row = page.getByTestId('outgoing-row').filter({ hasText: TITLE });
    await row.waitFor();
    expect(await row.getByTestId('outgoing-deliveries').textContent()).toBe('1/3');
    await row.getByTestId('outgoing-deliveries').click();
    const rows = page.getByTestId('delivery-row');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await page.locator('[data-testid="delivery-row"][data-read="true"]').textContent()).toContain('Người dùng cdcs.a');
  });

  it('the published plan is on the public page without login', async () => {
    const anonymous = await browser.newContext({ locale: 'vi-VN', viewport: { width: 360, height: 800 } });
    try {
      const p = await anonymous.newPage();
      await p.goto(`${base}/cong-khai/DMC`);
      const doc = p.getByTestId('public-document');
      await doc.waitFor();
      expect(await doc.textContent()).toContain('01/KH-LĐLĐ');
      expect(await doc.getByRole('link').getAttribute('href')).toMatch(/^\/api\/v1\/public\/documents\/\d+\/document\.docx$/);
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    } finally {
      await anonymous.close();
    }
  });

  it('on a phone the compliance table becomes cards', async () => {
    const phone = await browser.newContext({ locale: 'vi-VN', viewport: { width: 360, height: 800 } });
    try {
      const p = await phone.newPage();
      await signIn(p, 'huyen.tdkt');
      await p.goto(`${base}/yeu-cau/${requestId}`);
      await expect.poll(() => p.getByTestId('target-row').count()).toBe(2);
      expect(await p.locator('table[data-testid="target-table"]').count()).toBe(0);
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    } finally {
      await phone.close();
    }
  });

  it('the issue dialog asks the chosen units to respond by a deadline', async () => {
    await page.goto(`${base}/ke-hoach/${draftId}`);
    await page.getByTestId('plan-issue').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('plan-issue-date').fill('06/03/2024');
    await dialog.getByTestId('plan-issue-date').press('Tab');
    await dialog.getByTestId('issue-request').check();
    await dialog.getByTestId('issue-request-deadline').fill('30/04/2099');
    await dialog.getByTestId('issue-request-deadline').press('Tab');
    await dialog.getByTestId('issue-request-chosen').check();
    // Nothing chosen yet: refused in the dialog.
    await dialog.getByRole('button', { name: 'Ban hành', exact: true }).click();
    await expect.poll(() => dialog.getByText('Chọn ít nhất một đơn vị.').count()).toBe(1);
    await dialog.getByTestId('issue-request-target').click();
    await dialog.getByTestId('issue-request-target').fill('Sợi');
    await page.getByRole('option', { name: /Sợi Thế Kỷ/ }).click();
    await expect.poll(() => dialog.getByTestId('issue-request-target-row').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Ban hành', exact: true }).click();
    await expect.poll(() => page.getByTestId('plan-number-line').first().textContent()).toMatch(/^Số: 02\/KH-/);
    const targets = await env.database.db.execute<{ org_id: number; deadline: string }>(sql`
      select t.org_id, r.deadline::text as deadline from request_target t join response_request r on r.id = t.request_id where r.source_id = ${draftId}`);
    expect(targets.rows.map((r) => [Number(r.org_id), r.deadline])).toEqual([[w.orgs.cdcsB.id, '2099-04-30']]);
  });
});
