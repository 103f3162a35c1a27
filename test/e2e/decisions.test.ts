// Browser end-to-end for award decisions: two nominations pass a real council meeting (through the
// API: council, seats, agenda, attendance, secret ballots, close); the district's TĐKT officer draws
// up the decision from that meeting on /quyet-dinh, sees the lines and the money, signs it today and
// gets number 01/QĐ-LĐLĐ, downloads the DOCX and the certificates PDF; the certificate serial's page
// /verify/<serial> opens without login and says "Hợp lệ" with the name; then revokes one line and
// sees the money to recover, also on the reward fund page, where a budget is set. axe on the pages.
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, logIn } from '../support/browser';
import { axeViolations } from '../support/axe';
import { startTestApp, type TestEnv } from '../support/app';
import { loginAs, smallWorld } from '../factories';
import { councilPeople, insertToCouncil } from '../support/councils';
import { todayInVietnam } from '../../src/server/modules/imports/xlsx';
import type { CouncilDto, MeetingDto, MeetingItemDto } from '../../src/contracts/councils';

let env: TestEnv;
let browser: Browser;
let base: string;
let meetingId: number;
const pages: Page[] = [];

beforeAll(async () => {
  env = await startTestApp({ serveWeb: true });
  const w = await smallWorld(env.database.db);
  const db = env.database.db;
  const seats = await councilPeople(db, w.orgs.huyen, 3, 'qd');
  await insertToCouncil(db, w.orgs.huyen, [
    { personId: w.persons.anh, unit: w.orgs.cdcsA, name: 'Nguyễn Thị Ánh', awardCode: 'LDTT' },
    { personId: w.persons.an, unit: w.orgs.cdcsA, name: 'Nguyễn Văn An', awardCode: 'LDTT' },
  ]);
  const officer = await loginAs(env.app, 'huyen.tdkt');
  const council = await officer.post('/api/v1/councils', { orgId: w.orgs.huyen.id, name: 'Hội đồng Thi đua – Khen thưởng LĐLĐ huyện DMC', termLabel: 'Nhiệm kỳ 2023–2028', termStartsOn: '2023-08-01', maxMembers: 3 });
  expect(council.statusCode, council.body).toBe(201);
  const councilId = council.json<CouncilDto>().id;
  const memberIds: number[] = [];
  for (const [i, s] of seats.entries()) {
    const res = await officer.post(`/api/v1/councils/${councilId}/members`, { personId: s.personId, role: i === 0 ? 'CHAIR' : 'MEMBER' });
    expect(res.statusCode, res.body).toBe(200);
    memberIds.push(res.json<CouncilDto>().members.find((m) => m.personId === s.personId)!.id);
  }
  const meeting = await officer.post('/api/v1/council-meetings', { councilId, title: 'Phiên họp xét khen thưởng cuối năm', scheduledAt: '2026-11-20T08:00:00+07:00', place: 'Hội trường LĐLĐ huyện' });
  expect(meeting.statusCode, meeting.body).toBe(201);
  meetingId = meeting.json<MeetingDto>().id;
  const steps = [
    () => officer.post(`/api/v1/council-meetings/${meetingId}/agenda`, { all: true }),
    () => officer.put(`/api/v1/council-meetings/${meetingId}/attendance`, { entries: memberIds.map((memberId) => ({ memberId, status: 'PRESENT' })) }),
    () => officer.post(`/api/v1/council-meetings/${meetingId}/open`, {}),
    () => officer.post(`/api/v1/council-meetings/${meetingId}/open-voting`, {}),
  ];
  for (const step of steps) {
    const res = await step();
    expect(res.statusCode, res.body).toBe(200);
  }
  for (const s of seats) {
    const member = await loginAs(env.app, s.username);
    const items = (await member.get(`/api/v1/council-meetings/${meetingId}/items`)).json<{ items: MeetingItemDto[] }>().items;
    expect(items).toHaveLength(2);
    const res = await member.post(`/api/v1/council-meetings/${meetingId}/ballots`, { votes: items.map((i) => ({ itemId: i.id, choice: 'YES' })) });
    expect(res.statusCode, res.body).toBe(201);
  }
  const closed = await officer.post(`/api/v1/council-meetings/${meetingId}/close`, {});
  // A small budget for this year's reward fund: signing goes beyond it and must be confirmed.
  const budget = await officer.put(`/api/v1/reward-funds/${w.orgs.huyen.id}/${todayInVietnam().slice(0, 4)}`, { amountVnd: 100_000 });
  expect(budget.statusCode, budget.body).toBe(200);
  expect(closed.statusCode, closed.body).toBe(200);
  const results = (await officer.get(`/api/v1/council-meetings/${meetingId}/items`)).json<{ items: MeetingItemDto[] }>().items;
  expect(results.map((i) => i.tally?.outcome)).toEqual(['PASSED', 'PASSED']);
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    for (const [i, p] of pages.entries()) await p.screenshot({ path: path.join(os.tmpdir(), `vd-e2e-decisions-${i}.png`), fullPage: true }).catch(() => undefined);
  }
});

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

const noNotifications = (page: Page) => expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 15_000 }).toBe(0);

describe('/quyet-dinh', () => {
  it('drafts a decision from the council meeting, edits and signs it over the fund, downloads it and its certificates; the serial verifies without login; revokes a line; the fund shows it', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      pages.push(page);
      await logIn(page, base, 'huyen.tdkt');
      // The closed meeting offers the way to its decision.
      await page.goto(`${base}/hoi-dong/hop/${meetingId}`);
      expect(await page.getByTestId('meeting-decision').getAttribute('href')).toMatch(new RegExp(`^/quyet-dinh\\?.*meetingId=${meetingId}`));
      await page.goto(`${base}/quyet-dinh`);
      await page.getByTestId('decision-create').click();
      await page.getByTestId('decision-create-meeting').click();
      await page.getByRole('listbox').getByRole('option', { name: /Phiên họp xét khen thưởng cuối năm/ }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Lập dự thảo' }).click();
      await page.waitForURL(/\/quyet-dinh\/\d+$/);

      await page.getByTestId('decision-status').waitFor();
      expect(await page.getByTestId('decision-status').getAttribute('data-status')).toBe('DRAFT');
      expect(await page.getByTestId('decision-number').innerText()).toBe('Dự thảo');
      const lines = page.getByTestId('decision-line');
      await expect.poll(() => lines.count()).toBe(2);
      const linesText = await page.getByTestId('decision-lines').innerText();
      for (const name of ['Nguyễn Thị Ánh', 'Nguyễn Văn An']) expect(linesText).toContain(name);
      const amounts = await page.getByTestId('decision-line-amount').allInnerTexts();
      for (const a of amounts) expect(a).toMatch(/^[1-9]\d{0,2}(\.\d{3})+ đ$/);
      expect(await page.getByTestId('decision-total').innerText()).toMatch(/\d{1,3}(\.\d{3})+ đ$/);
      expect(await page.getByTestId('decision-fund').getAttribute('data-over')).toBe('true');
      await noNotifications(page); // a notification's close button has no name (Mantine)
      expect(await axeViolations(page)).toEqual([]);

      await page.getByTestId('decision-edit').click();
      await page.getByTestId('decision-edit-subject').fill('Về việc khen thưởng Lao động tiên tiến năm 2026');
      await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
      await expect.poll(() => page.getByTestId('decision-subject').innerText()).toBe('Về việc khen thưởng Lao động tiên tiến năm 2026');

      await noNotifications(page);
      await page.getByTestId('decision-sign').click();
      await page.getByTestId('decision-sign-name').fill('Nguyễn Thị Thúy');
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Ký ban hành', exact: true }).click();
      await dialog.getByRole('button', { name: 'Xác nhận: Ký ban hành' }).click();
      // Over the fund: the server refuses, the dialog says why and asks once more.
      await dialog.getByTestId('decision-over-budget').waitFor();
      expect(await page.getByTestId('decision-status').getAttribute('data-status')).toBe('DRAFT');
      await dialog.getByRole('button', { name: 'Xác nhận: Vẫn ký' }).click();
      // Signing renders and archives the issued copy: slow on a loaded machine.
      await expect.poll(() => page.getByTestId('decision-status').getAttribute('data-status'), { timeout: 15_000 }).toBe('SIGNED');
      expect(await page.getByTestId('decision-number').innerText()).toContain('01/QĐ-LĐLĐ');

      const docxHref = await page.getByTestId('decision-docx').getAttribute('href');
      const docx = await page.request.get(`${base}${docxHref}`);
      expect(docx.status()).toBe(200);
      expect(docx.headers()['content-type']).toContain('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect((await docx.body()).subarray(0, 2).toString()).toBe('PK');
      const pdfHref = await page.getByTestId('decision-certificates').first().getAttribute('href');
      expect(pdfHref).toContain('awardCode=LDTT');
      const pdf = await page.request.get(`${base}${pdfHref}`);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toContain('application/pdf');
      expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
      // The whole decision in one PDF: every line, all awards, one page each.
      const all = page.getByTestId('decision-certificates-all');
      expect(await all.innerText()).toContain('In tất cả giấy khen (2)');
      const allHref = await all.getAttribute('href');
      expect(allHref).not.toContain('awardCode');
      const allPdf = await page.request.get(`${base}${allHref}`);
      expect(allPdf.status()).toBe(200);
      expect(allPdf.headers()['content-type']).toContain('application/pdf');
      expect(allPdf.headers()['content-disposition']).toContain('attachment');
      const allBody = await allPdf.body();
      expect(allBody.subarray(0, 5).toString()).toBe('%PDF-');
      expect(allBody.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(2);
      await noNotifications(page);
      expect(await axeViolations(page)).toEqual([]);

      const serialLink = page.getByTestId('decision-line').filter({ hasText: 'Nguyễn Thị Ánh' }).getByTestId('decision-line-serial');
      const verifyHref = await serialLink.getAttribute('href');
      expect(verifyHref).toMatch(/^\/verify\/[A-Za-z0-9-]+$/);

      const anonymous = await browser.newContext({ locale: 'vi-VN' });
      try {
        const publicPage = await anonymous.newPage();
        pages.push(publicPage);
        await publicPage.goto(`${base}${verifyHref}`);
        const result = publicPage.getByTestId('verify-result');
        await result.waitFor();
        expect(await result.getAttribute('data-status')).toBe('VALID');
        const text = await result.innerText();
        expect(text).toContain('Hợp lệ');
        expect(text).toContain('Nguyễn Thị Ánh');
        expect(text).toContain('01/QĐ-LĐLĐ');
      } finally {
        await anonymous.close();
      }

      // Điều 93: one line revoked, with the ground; its money is to be recovered.
      await noNotifications(page);
      await page.getByTestId('decision-revoke').click();
      const revokeDialog = page.getByRole('dialog');
      await revokeDialog.getByTestId('decision-revoke-all').click();
      await revokeDialog.getByRole('checkbox', { name: /Nguyễn Thị Ánh/ }).check();
      await revokeDialog.getByRole('textbox', { name: /Lý do/ }).fill('Thành tích kê khai không trung thực.');
      await revokeDialog.getByRole('textbox', { name: /Quyết định thu hồi/ }).fill('Quyết định số 02/QĐ-LĐLĐ về việc thu hồi khen thưởng');
      await revokeDialog.getByRole('button', { name: 'Thu hồi', exact: true }).click();
      await revokeDialog.getByRole('button', { name: 'Xác nhận: Thu hồi' }).click();
      await expect.poll(() => page.getByTestId('decision-line-revoked').count()).toBe(1);
      expect(await page.getByTestId('decision-line').filter({ has: page.getByTestId('decision-line-revoked') }).innerText()).toContain('Nguyễn Thị Ánh');
      expect(await page.getByTestId('decision-to-recover').innerText()).toMatch(/^Tiền thưởng phải thu hồi: \d{1,3}(\.\d{3})+ đ$/);
      expect(await page.getByTestId('decision-status').getAttribute('data-status')).toBe('SIGNED');
      // Part of the money is paid back: recorded with its receipt; the line shows "Đã thu hồi x / y đ".
      const digits = (text: string) => Number(text.replace(/[^\d-]/g, ''));
      const owed = digits(await page.getByTestId('decision-to-recover').innerText());
      await noNotifications(page);
      await page.getByTestId('recovery-record').click();
      const recoveryDialog = page.getByRole('dialog');
      await recoveryDialog.getByTestId('recovery-amount').fill(String(owed + 1));
      await recoveryDialog.getByTestId('recovery-document').fill('PT-01');
      await recoveryDialog.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
      // More than is owed: refused in the dialog, nothing recorded.
      await recoveryDialog.getByText(/Nhập số tiền từ 1 đến/).waitFor();
      await recoveryDialog.getByTestId('recovery-amount').fill('100000');
      await recoveryDialog.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
      await expect.poll(() => page.getByTestId('recovery-row').count(), { timeout: 15_000 }).toBe(1);
      expect(await page.getByTestId('recovery-row').innerText()).toContain('PT-01');
      expect(await page.getByTestId('decision-line-recovered').innerText()).toBe(`Đã thu hồi 100.000 / ${(await page.getByTestId('decision-line').filter({ hasText: 'Nguyễn Thị Ánh' }).getByTestId('decision-line-amount').innerText()).replace(/ đ$/, '')} đ`);
      await expect.poll(async () => digits(await page.getByTestId('decision-to-recover').innerText()), { timeout: 15_000 }).toBe(owed - 100_000);
      expect(await axeViolations(page)).toEqual([]);
      const total = (await page.getByTestId('decision-total').innerText()).replace(/^.*: /, '');
      const toRecover = (await page.getByTestId('decision-to-recover').innerText()).replace(/^.*: /, '');

      // The reward fund: the signed decision in the ledger; a budget set through the dialog.
      await page.goto(`${base}/quyet-dinh`);
      expect(await page.getByTestId('decision-row').innerText()).toContain('01/QĐ-LĐLĐ');
      await page.getByTestId('decision-fund-link').click();
      await page.getByTestId('fund-ledger-row').waitFor();
      expect(await page.getByTestId('fund-ledger-row').innerText()).toContain('01/QĐ-LĐLĐ');
      expect(await page.getByTestId('fund-paid').innerText()).toBe(total);
      expect(await page.getByTestId('fund-to-recover').innerText()).toBe(toRecover);
      expect(await page.getByTestId('fund-budget').innerText()).toBe('100.000 đ');
      expect(await page.getByTestId('fund-balance').innerText()).toMatch(/^-\d/);
      // The money paid back is in the fund: balance = budget − paid + recovered.
      expect(await page.getByTestId('fund-recovered').innerText()).toBe('100.000 đ');
      expect(digits(await page.getByTestId('fund-balance').innerText())).toBe(100_000 - digits(total) + 100_000);
      expect(await page.getByTestId('fund-recovery-row').innerText()).toContain('PT-01');
      await page.getByTestId('fund-set-budget').click();
      await page.getByTestId('fund-amount').fill('50000000');
      await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
      await expect.poll(() => page.getByTestId('fund-budget').innerText()).toBe('50.000.000 đ');
      const ledgerHref = await page.getByTestId('fund-download').getAttribute('href');
      const ledger = await page.request.get(`${base}${ledgerHref}`);
      expect(ledger.status()).toBe(200);
      expect(ledger.headers()['content-type']).toContain('spreadsheetml');
      await noNotifications(page);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
