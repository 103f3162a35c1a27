// Browser end-to-end for complaints about commendation: a citizen on a 360 px phone sends a complaint
// from the public form, gets the reference code and follows it on the status page; the district's
// TĐKT officer finds it in /khieu-nai, links it to a member (the award is then blocked), accepts it as
// a complex case in a remote area (60 days), resolves it (the block is gone); the viewer reads it
// without the writer's name. Then script injection from the public form stays text on the officer's
// and the status pages (no dialog fires); the officer assigns a letter to herself ("Của tôi"), links
// it to a unit, attaches and withdraws a document; the province's officer records a second-instance
// complaint and the status page shows both instances. axe on every page, no horizontal scroll at 360 px.
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { launchChromium, logIn } from '../support/browser';
import { axeViolations } from '../support/axe';
import { startTestApp, type TestEnv } from '../support/app';
import { createUser, loginAs, smallWorld } from '../factories';
import { pdfBytes } from '../support/scoring';
import { todayInVietnam } from '../../src/server/modules/imports/xlsx';
import type { ComplaintDto } from '../../src/contracts/complaints';

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
  await createUser(env.database.db, 'tinh.tdkt', [{ role: 'TDKT_OFFICER', org: w.orgs.tinh }]);
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
// The public pages send a strict Content-Security-Policy; axe is injected inline, so the test bypasses it.
const phone = () => browser.newContext({ locale: 'vi-VN', viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, bypassCSP: true });

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

  it('script injection sent from the public form is shown as text on the officer’s and the status pages: no dialog fires', async () => {
    const SCRIPT = '<script>alert("xss")</script><img src=x onerror=alert(1)>';
    const sent = await env.app.inject({
      method: 'POST',
      url: `/api/v1/public/orgs/${orgCode}/complaints`,
      remoteAddress: '198.51.100.77',
      payload: { kind: 'DENUNCIATION', name: `Lê Văn ${SCRIPT}`, contact: 'to.cao@example.vn', address: `Ấp 3 ${SCRIPT}`, content: `Tôi tố cáo việc kê khai khống thành tích. ${SCRIPT}` },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const code = sent.json<{ referenceCode: string }>().referenceCode;
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const dialogs: string[] = [];
    try {
      const page = await context.newPage();
      pages.push(page);
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(`${base}/tra-cuu-don/${code}`);
      await page.getByTestId('complaint-lookup-result').waitFor();
      await logIn(page, base, 'huyen.tdkt');
      await page.goto(`${base}/khieu-nai`);
      await page.getByTestId('complaint-row').filter({ hasText: code }).getByTestId('complaint-open').click();
      await page.getByTestId('complaint-content').waitFor();
      expect(await page.getByTestId('complaint-content').innerText()).toContain(SCRIPT);
      expect(await page.getByTestId('complaint-writer').innerText()).toContain(`Lê Văn ${SCRIPT}`);
      expect(await page.getByTestId('complaint-writer').innerText()).toContain(`Ấp 3 ${SCRIPT}`);
      expect(await page.locator('main img[src="x"], main script').count()).toBe(0);
      expect(dialogs).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the officer assigns a letter to herself, links it to a unit, attaches and withdraws a document; the province records a second instance shown on the status page', async () => {
    const today = todayInVietnam();
    const officer = await loginAs(env.app, 'huyen.tdkt');
    const letter = (await officer.post('/api/v1/complaints', { kind: 'COMPLAINT', name: 'Võ Thị Mai', contact: 'mai@example.vn', content: 'Tôi khiếu nại việc không đưa tập thể tổ vào danh sách đề nghị khen thưởng.', orgId: (await orgIdOf('DMC')), receivedOn: today })).json<ComplaintDto>();
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      pages.push(page);
      await logIn(page, base, 'huyen.tdkt');
      await page.goto(`${base}/khieu-nai/${letter.id}`);
      const dialog = page.getByRole('dialog');

      // Assign to herself, then find it under "Của tôi".
      await page.getByTestId('complaint-assign').click();
      await page.getByTestId('complaint-assign-user').click();
      await page.getByRole('listbox').getByRole('option', { name: 'Người dùng huyen.tdkt' }).click();
      expect(await axeViolations(page)).toEqual([]);
      await dialog.locator('button[type="submit"]').click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => page.getByTestId('complaint-assignee').innerText()).toContain('Người dùng huyen.tdkt');
      await noNotifications(page);

      // Link to a unit (not a person).
      await page.getByTestId('complaint-link').click();
      await dialog.locator('label', { hasText: 'Một đơn vị' }).click();
      await dialog.getByTestId('complaint-link-org').fill('Toán');
      await expect.poll(async () => (await page.getByRole('listbox').getByRole('option').allTextContents()).some((x) => x.includes('Tổ Toán')), { timeout: 15_000 }).toBe(true);
      await page.getByRole('listbox').getByRole('option', { name: /Tổ Toán/ }).first().click();
      expect(await axeViolations(page)).toEqual([]);
      await dialog.locator('button[type="submit"]').click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => page.getByTestId('complaint-subject').innerText()).toBe('Tổ công đoàn Tổ Toán – Tin');
      await page.getByTestId('complaint-blocks').waitFor();
      await noNotifications(page);

      // A document: attached, downloadable, then withdrawn with a reason (still listed).
      await page.getByTestId('complaint-document-upload').click();
      await page.getByTestId('complaint-document-type').click();
      await page.getByRole('listbox').getByRole('option', { name: 'Thông báo thụ lý' }).click();
      await page.getByTestId('complaint-document-title').fill('Thông báo thụ lý số 03/TB-LĐLĐ');
      await dialog.locator('input[type="file"]').setInputFiles({ name: 'thong-bao.pdf', mimeType: 'application/pdf', buffer: pdfBytes('tb-03') });
      expect(await axeViolations(page)).toEqual([]);
      await dialog.locator('button[type="submit"]').click();
      await dialog.waitFor({ state: 'detached' });
      const doc = page.getByTestId('complaint-document');
      await doc.waitFor();
      expect(await doc.getAttribute('data-status')).toBe('ACTIVE');
      expect(await doc.innerText()).toContain('Thông báo thụ lý số 03/TB-LĐLĐ');
      expect(await page.getByTestId('complaint-document-download').getAttribute('href')).toMatch(/\/api\/v1\/complaint-documents\/\d+\/file$/);
      await noNotifications(page);
      await page.getByTestId('complaint-document-revoke').click();
      await dialog.getByRole('textbox').fill('Tải nhầm bản chưa ký.');
      await dialog.locator('button[type="submit"]').click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => doc.getAttribute('data-status')).toBe('REVOKED');
      expect(await doc.innerText()).toContain('Đã thu hồi: Tải nhầm bản chưa ký.');
      await noNotifications(page);
      expect(await axeViolations(page)).toEqual([]);

      await page.goto(`${base}/khieu-nai`);
      await page.getByTestId('complaint-mine-filter').check();
      await page.waitForURL(/mine=true/);
      await expect.poll(() => page.getByTestId('complaint-row').count()).toBe(1);
      expect(await page.getByTestId('complaint-row').innerText()).toContain(letter.referenceCode);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }

    // Resolved at first instance; the province's officer records the second instance.
    const accepted = (await officer.post(`/api/v1/complaints/${letter.id}/accept`, { version: (await current(officer, letter.id)).version, acceptedOn: today, complex: false, remote: false })).json<ComplaintDto>();
    const resolved = await officer.post(`/api/v1/complaints/${letter.id}/resolve`, { version: accepted.version, closedOn: today, outcome: 'DISMISSED', resolution: 'Tập thể tổ chưa đủ tiêu chuẩn theo quy chế.' });
    expect(resolved.statusCode, resolved.body).toBe(200);
    const phoneContext = await phone();
    try {
      const page = await phoneContext.newPage();
      pages.push(page);
      await logIn(page, base, 'tinh.tdkt');
      await page.goto(`${base}/khieu-nai/${letter.id}`);
      await page.getByTestId('complaint-second-window-line').waitFor();
      await page.getByTestId('complaint-second-instance').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('complaint-second-window').waitFor();
      await page.getByTestId('complaint-second-content').fill('Tôi không đồng ý với quyết định giải quyết lần đầu của Liên đoàn Lao động huyện.');
      expect(await axeViolations(page)).toEqual([]);
      await dialog.locator('button[type="submit"]').click();
      await page.waitForURL((u) => !u.pathname.endsWith(`/khieu-nai/${letter.id}`));
      await page.getByTestId('complaint-instance').waitFor();
      await noHorizontalScroll(page);
      await noNotifications(page);
      expect(await axeViolations(page)).toEqual([]);

      await page.goto(`${base}/tra-cuu-don/${letter.referenceCode}`);
      await expect.poll(() => page.getByTestId('complaint-lookup-result').count()).toBe(2);
      expect(await page.getByTestId('complaint-lookup-status-1').innerText()).toBe('Đã giải quyết');
      expect(await page.getByTestId('complaint-lookup-status-2').innerText()).toBe('Đã nhận');
      expect(await page.getByTestId('complaint-lookup-result').nth(1).innerText()).toContain('Liên đoàn Lao động tỉnh Tây Ninh');
      await noHorizontalScroll(page);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await phoneContext.close();
    }
  });
});

async function orgIdOf(code: string): Promise<number> {
  const r = await env.database.db.execute<{ id: number }>(sql`select id from organisation where code = ${code}`);
  return Number(r.rows[0]!.id);
}

async function current(c: Awaited<ReturnType<typeof loginAs>>, id: number): Promise<ComplaintDto> {
  return (await c.get(`/api/v1/complaints/${id}`)).json<ComplaintDto>();
}
