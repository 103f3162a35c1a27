// Browser end-to-end for public consultation: the district's TĐKT officer publishes a nomination sent
// to its council on /lay-y-kien; a citizen on a phone reads /cong-khai/DMC/lay-y-kien without login
// and sends a comment (markup in it stays text); the officer sees the comment and records its handling.
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, logIn } from '../support/browser';
import { axeViolations } from '../support/axe';
import { startTestApp, type TestEnv } from '../support/app';
import { loginAs, smallWorld } from '../factories';
import { daysFromToday } from '../support/scoring';
import { todayInVietnam } from '../../src/server/modules/imports/xlsx';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
let browser: Browser;
let base: string;
const pages: Page[] = [];
const COMMENT = 'Tôi là phụ huynh, xác nhận <b>cô Ánh</b> tận tình với học sinh.';

beforeAll(async () => {
  env = await startTestApp({ serveWeb: true });
  w = await smallWorld(env.database.db);
  const officer = await loginAs(env.app, 'huyen.tdkt');
  const year = Number(todayInVietnam().slice(0, 4));
  const round = await officer.post('/api/v1/nomination-rounds', {
    orgId: w.orgs.huyen.id,
    year,
    title: `Tổng kết thi đua năm ${year}`,
    kind: 'ANNUAL',
    ceremonyDate: daysFromToday(90),
    awardCodes: ['GK_CD_CAP_TREN'],
    parameters: { levels: [{ below: 1, appraisalWorkingDays: 5 }, { below: 0, appraisalWorkingDays: 10, councilWorkingDays: 2 }], decisionLeadWorkingDays: 5 },
  });
  expect(round.statusCode, round.body).toBe(201);
  const unit = await loginAs(env.app, 'cdcs.a');
  const ids: number[] = [];
  for (const personId of [w.persons.anh, w.persons.an]) {
    const res = await unit.post('/api/v1/nominations', { roundId: round.json<{ id: number }>().id, personId, awardCode: 'GK_CD_CAP_TREN', achievementSummary: 'Giáo viên dạy giỏi, chủ nhiệm lớp xuất sắc.' });
    expect(res.statusCode, res.body).toBe(201);
    ids.push(res.json<{ id: number }>().id);
  }
  // Appraised and sent to the district's council (that path is covered by the nominations tests).
  await env.database.db.execute(sql`
    update nomination set status = 'TO_COUNCIL', holder_org_id = ${w.orgs.huyen.id}, holder_path = ${w.orgs.huyen.path}, reached_path = ${w.orgs.huyen.path}
    where id = any(${sql.param(ids)}::bigint[])`);
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    for (const [i, p] of pages.entries()) await p.screenshot({ path: path.join(os.tmpdir(), `vd-e2e-consultations-${i}.png`), fullPage: true }).catch(() => undefined);
  }
});

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

describe('lấy ý kiến công khai', () => {
  it('the officer publishes, a citizen comments from a phone, the officer handles the comment', async () => {
    // ── The district's officer publishes one of the two nominations ──────────────────────────
    const officerContext = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const officer = await officerContext.newPage();
    pages.push(officer);
    await logIn(officer, base, 'huyen.tdkt');
    await officer.getByRole('link', { name: 'Lấy ý kiến công khai' }).first().click();
    await officer.waitForURL((u) => u.pathname === '/lay-y-kien');
    await officer.getByTestId('consultation-create').click();
    const candidates = officer.getByTestId('consultation-candidate');
    await expect.poll(() => candidates.count()).toBe(2);
    const anh = candidates.filter({ hasText: 'Nguyễn Thị Ánh' });
    await anh.getByTestId('consultation-candidate-pick').click();
    const summary = anh.getByTestId('consultation-summary');
    expect(await summary.inputValue()).toBe('Giáo viên dạy giỏi, chủ nhiệm lớp xuất sắc.');
    // Personal data is caught before sending.
    await summary.fill('Giáo viên dạy giỏi, điện thoại 0912 345 678.');
    await officer.getByRole('button', { name: 'Đăng công khai' }).click();
    await officer.getByText('Có nội dung giống số điện thoại').waitFor();
    await summary.fill('Giáo viên dạy giỏi cấp huyện; chủ nhiệm lớp 9A đạt danh hiệu lớp xuất sắc.');
    await officer.getByRole('button', { name: 'Đăng công khai' }).click();
    await officer.waitForURL((u) => /^\/lay-y-kien\/\d+$/.test(u.pathname));
    await expect.poll(() => officer.getByTestId('consultation-item').count()).toBe(1);
    expect(await officer.getByTestId('consultation-phase').first().getAttribute('data-phase')).toBe('OPEN');
    await officer.getByText('Chưa có ý kiến nào.').waitFor();

    // ── A citizen on a phone, without login ──────────────────────────────────────────────────
    const phoneContext = await browser.newContext({ locale: 'vi-VN', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const phone = await phoneContext.newPage();
    pages.push(phone);
    await phone.goto(`${base}/cong-khai/DMC/lay-y-kien`);
    await phone.getByRole('heading', { level: 1, name: 'Lấy ý kiến nhân dân về danh sách đề nghị khen thưởng' }).waitFor();
    const items = phone.getByTestId('public-consultation-item');
    await expect.poll(() => items.count()).toBe(1);
    const item = items.first();
    expect(await item.textContent()).toContain('Nguyễn Thị Ánh');
    expect(await item.textContent()).toContain('Công đoàn cơ sở Trường THCS Phước Minh');
    expect(await item.textContent()).toContain('chủ nhiệm lớp 9A');
    // Nothing personal on the public page, and nothing wider than the phone.
    const text = (await phone.locator('body').textContent()) ?? '';
    for (const secret of ['072190000002', '17/05/1990', 'DV0000002']) expect(text).not.toContain(secret);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await item.getByTestId('public-feedback-open').click();
    await item.getByTestId('public-feedback-name').fill('Phạm Thị Hoa');
    await item.getByTestId('public-feedback-contact').fill('không có');
    await item.getByTestId('public-feedback-body').fill(COMMENT);
    await item.getByTestId('public-feedback-submit').click();
    await item.getByText('Cần ghi địa chỉ thư điện tử hoặc số điện thoại').waitFor();
    await item.getByTestId('public-feedback-contact').fill('hoa.pham@example.vn');
    expect(await axeViolations(phone)).toEqual([]);
    await item.getByTestId('public-feedback-submit').click();
    await item.getByTestId('public-feedback-done').waitFor();

    // ── The officer sees it as written, and handles it ───────────────────────────────────────
    await officer.reload();
    const row = officer.getByTestId('feedback-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.first().getByTestId('feedback-body').textContent()).toBe(COMMENT);
    expect(await officer.locator('b', { hasText: 'cô Ánh' }).count()).toBe(0);
    expect(await row.first().textContent()).toContain('hoa.pham@example.vn');
    expect(await axeViolations(officer)).toEqual([]);
    await row.first().getByTestId('feedback-handle').click();
    await officer.getByTestId('feedback-handling').fill('Đã xác minh với nhà trường: ý kiến đúng, báo cáo Hội đồng.');
    await officer.getByRole('button', { name: 'Lưu kết quả xử lý' }).click();
    await expect.poll(() => row.first().getByTestId('feedback-status').getAttribute('data-status')).toBe('RELEVANT');
    expect(await row.first().textContent()).toContain('Đã xác minh với nhà trường');
    await phoneContext.close();
    await officerContext.close();
  });
});
