// Browser end-to-end for eligibility: a district officer checks who can be Chiến sĩ thi đua cơ sở
// in 2024 (statuses, reasons, status filter, quota, search, Excel export, a phone-sized screen),
// tries a draft HTXSNV rating on a member without asking the server, and an administrator changes
// a rule parameter from a future date and finds it in the history; the catalogue lists its titles.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { launchChromium, logIn } from '../support/browser';
import { startTestApp, type TestEnv } from '../support/app';
import { createPerson, smallWorld } from '../factories';
import { readSheet } from '../support/xlsx';
import type { Db } from '../../src/server/db/client';


let env: TestEnv;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let base: string;
let tmp: string;
let w: Awaited<ReturnType<typeof smallWorld>>;

async function rating(db: Db, personId: number, year: number, value: string) {
  await db.execute(sql`insert into performance_rating (person_id, scope_path, year, rating) select id, org_path, ${year}, ${value} from person where id = ${personId}`);
}
async function award(db: Db, personId: number, code: string, year: number) {
  await db.execute(sql`insert into award_record (person_id, scope_path, award_code, year, decision_number, decision_date, issuer_name)
    select id, org_path, ${code}, ${year}, ${`${year % 100}/QĐ-CĐCS`}, ${`${year + 1}-01-15`}, 'BCH CĐCS' from person where id = ${personId}`);
}
async function initiative(db: Db, personId: number, on: string) {
  await db.execute(sql`insert into initiative (person_id, scope_path, title, recognised_by, recognised_on, scope)
    select id, org_path, 'Sáng kiến đổi mới phương pháp dạy học', 'Hội đồng sáng kiến', ${on}, 'GRASSROOTS' from person where id = ${personId}`);
}
async function serviceStart(db: Db, personId: number, date: string) {
  await db.execute(sql`update person set service_start_date = ${date} where id = ${personId}`);
}
const count = async (table: string) => Number((await env.database.db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.raw(table)}`)).rows[0]!.n);

async function signIn(p: Page, username: string) {
  await logIn(p, base, username);
}

const rowOf = (name: string) => page.getByTestId('elig-row').filter({ hasText: name });

beforeAll(async () => {
  env = await startTestApp({ serveWeb: true });
  const db = env.database.db;
  w = await smallWorld(db);
  const { an, anh, dang, tran } = w.persons;
  // An: HTXSNV 2024 and long service → eligible. Ánh: recruited four months before the end of the
  // year → not eligible. Bình: no 2024 rating → missing evidence. Cúc: HTTNV + an initiative → eligible.
  await serviceStart(db, an, '2010-09-01');
  await rating(db, an, 2024, 'HTXSNV');
  await award(db, an, 'CSTD_CS', 2023);
  await serviceStart(db, anh, '2024-09-01');
  await rating(db, anh, 2024, 'HTXSNV');
  await serviceStart(db, dang, '2015-03-01');
  await serviceStart(db, tran, '2012-01-01');
  await rating(db, tran, 2024, 'HTTNV');
  await initiative(db, tran, '2024-10-20');
  // Seven Lao động tiên tiến in CĐCS A (quota base 8 → one CSTĐCS allowed); B has one eligible and no quota.
  for (let i = 0; i < 7; i++) {
    const id = await createPerson(db, w.orgs.cdcsA, { fullName: `Giáo Viên ${i + 1}` });
    await serviceStart(db, id, '2018-08-15');
    await rating(db, id, 2024, 'HTTNV');
  }
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
  context = await browser.newContext({ acceptDownloads: true, locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'vd-e2e-elig-'));
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && page) await page.screenshot({ path: path.join(os.tmpdir(), `vd-e2e-${ctx.task.name.slice(0, 30).replace(/\W+/g, '-')}.png`), fullPage: true });
});

afterAll(async () => {
  await browser?.close();
  await env?.close();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

describe('xét điều kiện khen thưởng', () => {
  it('lists the district’s members for CSTĐCS 2024 with their status and reason, in the officer’s own unit by default', async () => {
    await signIn(page, 'huyen.tdkt');
    await page.goto(`${base}/xet-dieu-kien?year=2024`);
    await expect.poll(() => page.getByTestId('elig-unit').inputValue()).toBe('Liên đoàn Lao động huyện DMC');
    // Choose the award in the picker (the page opens on Lao động tiên tiến).
    await page.getByTestId('elig-award').click();
    await page.getByRole('option', { name: 'Chiến sĩ thi đua cơ sở', exact: true }).click();
    await page.waitForURL((u) => u.searchParams.get('target') === 'CSTD_CS');
    // The previous award's answer stays on screen until the new one arrives: wait for the new one.
    await expect.poll(() => page.getByTestId('elig-summary').textContent(), { timeout: 15_000 }).toMatch(/^Chiến sĩ thi đua cơ sở năm 2024/);
    await expect.poll(() => page.getByTestId('elig-status-ELIGIBLE').textContent()).toBe('Đủ điều kiện (2)');
    expect(await page.getByTestId('elig-row').count()).toBe(11);
    expect(await page.getByTestId('elig-summary').textContent()).toContain('31/12/2024');
    expect(await page.getByTestId('elig-status-NOT_ELIGIBLE').textContent()).toBe('Không đủ điều kiện (8)');
    expect(await page.getByTestId('elig-status-MISSING_EVIDENCE').textContent()).toBe('Thiếu minh chứng (1)');
    expect(await rowOf('Nguyễn Văn An').getByTestId('elig-row-status').textContent()).toBe('Đủ điều kiện');
    expect(await rowOf('Đặng Văn Bình').getByTestId('elig-row-status').textContent()).toBe('Thiếu minh chứng');
    const anh = rowOf('Nguyễn Thị Ánh');
    expect(await anh.getByTestId('elig-row-status').textContent()).toBe('Không đủ điều kiện');
    expect(await anh.textContent()).toMatch(/tháng/);

    // The quota per grassroots union: B has one eligible and may propose none.
    const quota = page.getByTestId('elig-quota');
    const quotaB = quota.getByTestId('elig-quota-row').filter({ hasText: 'Công ty TNHH Sợi Thế Kỷ' });
    expect(await quotaB.textContent()).toContain('Vượt 1 người');
    expect(await quota.getByTestId('elig-quota-row').filter({ hasText: 'Trường THCS Phước Minh' }).textContent()).toContain('Trong giới hạn');
  });

  it('expands a row to every reason with its outcome and legal citation', async () => {
    const anh = rowOf('Nguyễn Thị Ánh');
    expect(await page.getByTestId('elig-reasons').count()).toBe(0);
    await anh.getByRole('button', { name: 'Xem chi tiết' }).click();
    const reasons = page.getByTestId('elig-reasons');
    await reasons.waitFor();
    const items = reasons.locator('[data-outcome]');
    expect(await items.count()).toBeGreaterThan(1);
    const failing = reasons.locator('[data-outcome="FAIL"]');
    expect(await failing.count()).toBeGreaterThan(0);
    expect(await failing.first().textContent()).toMatch(/tháng/);
    expect(await failing.first().getByRole('img', { name: 'Không đạt' }).count()).toBe(1);
    // Citations name the text and the article; rules not yet checked against the texts say so.
    expect(await reasons.textContent()).toMatch(/Luật Thi đua, khen thưởng[^]*?, Điều \d+/);
    expect(await reasons.getByText('chưa xác minh').count()).toBeGreaterThan(0);
    expect(await reasons.locator('[data-outcome="PASS"]').count()).toBeGreaterThan(0);
  });

  it('filters by status on the server and exports exactly the filtered list', async () => {
    await page.getByTestId('elig-status-ELIGIBLE').click();
    await page.waitForURL((u) => u.searchParams.get('status') === 'ELIGIBLE');
    await expect.poll(() => page.getByTestId('elig-row').count()).toBe(2);
    const names = (await page.getByTestId('elig-row').locator('a').allTextContents()).sort();
    expect(names).toEqual(['Nguyễn Văn An', 'Trần Thị Cúc']);
    expect(await page.getByTestId('elig-status-ELIGIBLE').getAttribute('aria-pressed')).toBe('true');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('elig-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = path.join(tmp, 'xet-dieu-kien.xlsx');
    await download.saveAs(file);
    const bytes = await fs.readFile(file);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const rows = await readSheet(bytes);
    expect(rows[0]![0]).toMatch(/Chiến sĩ thi đua cơ sở/);
    const people = rows.filter((r) => r.includes('Nguyễn Văn An') || r.includes('Trần Thị Cúc') || r.includes('Nguyễn Thị Ánh') || r.includes('Đặng Văn Bình'));
    expect(people.map((r) => r.find((c) => /^(Nguyễn|Trần|Đặng)/.test(c))).sort()).toEqual(['Nguyễn Văn An', 'Trần Thị Cúc']);
  });

  it('searches by name without diacritics', async () => {
    await page.getByTestId('elig-status-all').click();
    await expect.poll(() => page.getByTestId('elig-row').count()).toBe(11);
    await page.getByTestId('elig-search').fill('nguyen thi');
    await expect.poll(() => page.getByTestId('elig-row').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId('elig-row').first().textContent()).toContain('Nguyễn Thị Ánh');
    expect(new URL(page.url()).searchParams.get('q')).toBe('nguyen thi');
  });

  it('is readable on a 375 px phone: cards instead of a table, nothing wider than the screen', async () => {
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 375, height: 800 });
    await phone.goto(`${base}/xet-dieu-kien?target=CSTD_CS&year=2024&status=NOT_ELIGIBLE`);
    await expect.poll(() => phone.getByTestId('elig-row').count(), { timeout: 15_000 }).toBe(8);
    expect(await phone.getByTestId('elig-row').first().evaluate((el) => el.tagName)).not.toBe('TR');
    expect(await phone.getByTestId('elig-row').first().getAttribute('role')).toBe('listitem');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await phone.close();
  });
});

describe('thử với dữ liệu mới', () => {
  it('re-evaluates a draft HTXSNV rating in the browser, without a request and without saving', async () => {
    await page.goto(`${base}/doan-vien/${w.persons.dang}/xet-dieu-kien?target=CSTD_CS&year=2024`);
    await expect.poll(() => page.getByTestId('elig-member-status').textContent(), { timeout: 15_000 }).toBe('Thiếu minh chứng');
    const status = page.getByTestId('whatif-status');
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toBe('Thiếu minh chứng');
    await page.waitForLoadState('networkidle');
    const ratingsBefore = await count('performance_rating');

    const requests: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/')) requests.push(`${r.method()} ${r.url()}`);
    });
    await page.getByTestId('whatif-add-RATING').click();
    await page.getByTestId('whatif-rating').click();
    await page.getByRole('option', { name: 'HTXSNV – Hoàn thành xuất sắc nhiệm vụ' }).click();
    await expect.poll(() => status.textContent()).toBe('Đủ điều kiện');
    expect(await page.getByTestId('whatif-panel').textContent()).toContain('Kết quả nếu tính cả 1 dữ liệu nháp');

    // Downgrading the draft changes the answer again, still in the browser.
    await page.getByTestId('whatif-rating').click();
    await page.getByRole('option', { name: 'KHTNV – Không hoàn thành nhiệm vụ' }).click();
    await expect.poll(() => status.textContent()).toBe('Không đủ điều kiện');

    expect(requests).toEqual([]);
    expect(await page.getByTestId('elig-member-status').textContent()).toBe('Thiếu minh chứng');
    expect(await count('performance_rating')).toBe(ratingsBefore);
  });
});

describe('hồ sơ thi đua – khen thưởng', () => {
  it('shows a member’s records by year, adds an award through the form, revokes it with a reason and shows it greyed in the history', async () => {
    await page.goto(`${base}/doan-vien/${w.persons.an}`);
    await page.getByTestId('member-records-link').click();
    await page.waitForURL((u) => u.pathname === `/doan-vien/${w.persons.an}/ho-so`);
    const timeline = page.getByTestId('records-timeline');
    await timeline.getByRole('heading', { name: 'Năm 2024' }).waitFor({ timeout: 15_000 });
    const headings = await timeline.getByRole('heading').allTextContents();
    expect(headings).toEqual(['Năm 2024', 'Năm 2023']);
    expect(await page.getByTestId('record-item').count()).toBe(2);

    await page.getByTestId('records-add').click();
    await page.getByRole('menuitem', { name: 'Khen thưởng' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Lưu hồ sơ' }).click();
    expect(await dialog.textContent()).toContain('Trường này là bắt buộc.');
    await dialog.getByLabel('Danh hiệu, hình thức khen thưởng').click();
    await page.getByRole('option', { name: 'Lao động tiên tiến', exact: true }).click();
    await dialog.getByLabel('Năm thành tích').fill('2022');
    await dialog.getByLabel('Số quyết định').fill('12/QĐ-CĐCS');
    await dialog.getByRole('button', { name: 'Lưu hồ sơ' }).click();
    await dialog.waitFor({ state: 'detached' });
    await timeline.getByRole('heading', { name: 'Năm 2022' }).waitFor();
    const added = page.getByTestId('record-item').filter({ hasText: 'Số QĐ: 12/QĐ-CĐCS' });
    expect(await added.textContent()).toContain('Lao động tiên tiến');
    expect(Number((await env.database.db.execute<{ n: number }>(sql`select count(*)::int as n from award_record where person_id = ${w.persons.an} and award_code = 'LDTT' and year = 2022 and status = 'ACTIVE'`)).rows[0]!.n)).toBe(1);

    await added.getByRole('button', { name: 'Thu hồi Lao động tiên tiến' }).click();
    const revoke = page.getByRole('dialog');
    await revoke.getByLabel('Lý do').fill('Ghi nhầm năm thành tích');
    await revoke.getByRole('button', { name: 'Thu hồi', exact: true }).click();
    await revoke.getByRole('button', { name: 'Xác nhận: Thu hồi' }).click();
    await revoke.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('record-item').count()).toBe(2);

    await page.getByTestId('records-history').check();
    const revoked = page.locator('[data-testid="record-item"][data-status="REVOKED"]');
    await revoked.waitFor();
    expect(await revoked.textContent()).toContain('Lý do: Ghi nhầm năm thành tích');
    expect(await revoked.textContent()).toContain('Đã thu hồi');
  });
});

describe('quy tắc xét and the catalogue, as an administrator', () => {
  it('changes a rule parameter from a future date and finds it in the history', async () => {
    const admin = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const p = await admin.newPage();
    try {
      await signIn(p, 'admin');
      await p.goto(`${base}/quy-tac-xet`);
      const change = p.locator('[data-testid="rule-param-change"][data-param="CSTD_CS.quota.maxShare"]').first();
      await change.waitFor({ timeout: 15_000 });
      const row = p.getByTestId('rule-param').filter({ has: change });
      expect(await row.textContent()).toContain('15%');
      expect(await p.getByTestId('param-history').textContent()).toContain('Chưa có thay đổi nào.');

      await change.click();
      const dialog = p.getByRole('dialog');
      await dialog.getByTestId('param-value').fill('20');
      const effective = dialog.getByTestId('param-effective');
      await effective.fill('01/01/2099');
      await effective.press('Tab');
      await dialog.getByLabel('Lý do').fill('Nâng hạn mức theo hướng dẫn mới của LĐLĐ tỉnh');
      await dialog.getByRole('button', { name: 'Lưu thay đổi', exact: true }).click();
      await dialog.getByRole('button', { name: 'Xác nhận: Lưu thay đổi' }).click();
      await dialog.waitFor({ state: 'detached' });

      const history = p.getByTestId('param-history-row').filter({ hasText: 'CSTD_CS.quota.maxShare' });
      await history.waitFor();
      const text = await history.textContent();
      expect(text).toContain('01/01/2099');
      expect(text).toContain('20%');
      expect(text).toContain('Nâng hạn mức theo hướng dẫn mới của LĐLĐ tỉnh');
      // In force only from its date: today's value is unchanged.
      expect(await row.textContent()).toContain('15%');
      const stored = await env.database.db.execute<{ value: unknown; effective_from: string }>(sql`select value, effective_from::text from rule_parameter`);
      expect(stored.rows).toEqual([{ value: 0.2, effective_from: '2099-01-01' }]);
    } finally {
      await admin.close();
    }
  });

  it('lists Lao động tiên tiến in the catalogue with its reward at today’s base salary', async () => {
    await page.goto(`${base}/danh-muc-khen-thuong`);
    const ldtt = page.getByTestId('award-row').filter({ has: page.getByText('Lao động tiên tiến', { exact: true }) });
    await ldtt.waitFor({ timeout: 15_000 });
    const text = await ldtt.textContent();
    expect(text).toContain('LDTT');
    expect(text).toContain('Danh hiệu thi đua');
    // coefficient × the base salary in force today, with Vietnamese thousands separators.
    const r = await env.database.db.execute<{ reward: number }>(sql`
      select round(a.coefficient * (select amount_vnd from base_salary where status = 'ACTIVE' and effective_from <= current_date order by effective_from desc limit 1))::int as reward
      from award_type a where a.code = 'LDTT'`);
    const reward = Number(r.rows[0]!.reward);
    expect(reward).toBeGreaterThan(0);
    expect(text).toContain(`${String(reward).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`);
    await page.getByTestId('award-search').fill('lao dong tien tien');
    await expect.poll(() => page.getByTestId('award-row').count(), { timeout: 10_000 }).toBe(2);
    expect((await page.getByTestId('award-row').allTextContents()).join('|')).toContain('Tập thể lao động tiên tiến');
  });
});
