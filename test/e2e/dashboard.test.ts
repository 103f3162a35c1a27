// Browser end-to-end for the dashboard page (/tong-quan): the district's TĐKT officer sees the award
// figures and a share computed here from the records this file inserts (a revoked record never
// counts), a person awarded two years in a row links to the member page, another year shows the empty
// state; axe on desktop and on a 360 px phone with no horizontal scroll. Then (issue 10, part 1) the
// small-collective share, unit streaks, the funnel and overdue work against the inserted rows; a target
// changed in the page stays in the URL; drill-down from an award figure and a share numerator (as many
// rows as the figure) and the export of that list, read back; axe on the drawer, desktop and phone.
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { launchChromium, logIn } from '../support/browser';
import { axeViolations } from '../support/axe';
import { startTestApp, type TestEnv } from '../support/app';
import { readSheet } from '../support/xlsx';
import { createPerson, smallWorld } from '../factories';
import { readFile } from 'node:fs/promises';
import { todayInVietnam } from '../../src/server/modules/imports/xlsx';

const Y = Number(todayInVietnam().slice(0, 4)); // the page opens on the current year
let env: TestEnv;
let browser: Browser;
let base: string;
const pages: Page[] = [];
interface Rec { personId: number | null; orgId: number | null; scopePath: string; code: string; year: number; status: 'ACTIVE' | 'REVOKED' }
const records: Rec[] = [];
const women = new Set<number>();
const names = new Map<string, string>();
let hoaId = 0;

beforeAll(async () => {
  env = await startTestApp({ serveWeb: true });
  const db = env.database.db;
  const w = await smallWorld(db);
  const person = async (org: typeof w.orgs.cdcsA, fullName: string, gender: 'MALE' | 'FEMALE') => {
    const id = await createPerson(db, org, { fullName, gender, isLeader: false, isDirectWorker: true });
    if (gender === 'FEMALE') women.add(id);
    return { id, path: org.path };
  };
  const hoa = await person(w.orgs.cdcsA, 'Lê Thị Hoa', 'FEMALE');
  const hung = await person(w.orgs.cdcsA, 'Phạm Văn Hùng', 'MALE');
  const lan = await person(w.orgs.toA, 'Võ Thị Lan', 'FEMALE');
  hoaId = hoa.id;
  const ind = (p: { id: number; path: string }, code: string, year: number, status: Rec['status'] = 'ACTIVE') => records.push({ personId: p.id, orgId: null, scopePath: p.path, code, year, status });
  ind(hoa, 'LDTT', Y - 1); ind(hoa, 'LDTT', Y); ind(hung, 'LDTT', Y); ind(lan, 'CSTD_CS', Y); ind(hung, 'CSTD_CS', Y, 'REVOKED');
  records.push({ personId: null, orgId: w.orgs.cdcsA.id, scopePath: w.orgs.cdcsA.path, code: 'TTLDTT', year: Y, status: 'ACTIVE' });
  // A tổ công đoàn (a small collective) awarded this year; CĐCS A also the year before (2 years in a row).
  records.push({ personId: null, orgId: w.orgs.toA.id, scopePath: w.orgs.toA.path, code: 'TO_CD_VUNG_MANH', year: Y, status: 'ACTIVE' });
  records.push({ personId: null, orgId: w.orgs.cdcsA.id, scopePath: w.orgs.cdcsA.path, code: 'TTLDTT', year: Y - 1, status: 'ACTIVE' });
  for (const r of records) {
    await db.execute(sql`insert into award_record (person_id, org_id, scope_path, award_code, year, status, revoked_at, revoked_reason)
      values (${r.personId}, ${r.orgId}, ${r.scopePath}, ${r.code}, ${r.year}, ${r.status},
              ${r.status === 'REVOKED' ? sql`now()` : sql`null`}, ${r.status === 'REVOKED' ? 'Thu hồi theo quyết định số 12/QĐ-LĐLĐ' : null})`);
  }
  // Funnel: Hoa registered (approved) and nominated, appraised; Lan registered, returned (not counted).
  await db.execute(sql`insert into emulation_registration (person_id, scope_path, year, award_code, registered_on, unit_id, review_status, review_reason)
    values (${hoa.id}, ${hoa.path}, ${Y}, 'LDTT', ${`${Y}-01-10`}, ${w.orgs.cdcsA.id}, 'APPROVED', null),
           (${lan.id}, ${lan.path}, ${Y}, 'LDTT', ${`${Y}-01-10`}, ${w.orgs.toA.id}, 'RETURNED', 'Thiếu báo cáo')`);
  const round = await db.execute<{ id: number }>(sql`insert into nomination_round (org_id, org_path, year, title, kind, ceremony_date, award_codes, parameters, schedule)
    values (${w.orgs.huyen.id}, ${w.orgs.huyen.path}, ${Y}, 'Tổng kết năm', 'ANNUAL', ${`${Y}-12-20`}, '["LDTT"]'::jsonb, '{}'::jsonb, '[]'::jsonb) returning id`);
  const nom = await db.execute<{ id: number }>(sql`insert into nomination (round_id, proposer_org_id, proposer_path, person_id, subject_path, subject_name, award_code,
      eligibility_status, eligibility_checked_at, status, holder_org_id, holder_path)
    values (${round.rows[0]!.id}, ${w.orgs.cdcsA.id}, ${w.orgs.cdcsA.path}, ${hoa.id}, ${hoa.path}, 'Lê Thị Hoa', 'LDTT', 'ELIGIBLE', now(), 'ACCEPTED',
            ${w.orgs.huyen.id}, ${w.orgs.huyen.path}) returning id`);
  await db.execute(sql`insert into nomination_event (nomination_id, kind) values (${nom.rows[0]!.id}, 'SUBMITTED'), (${nom.rows[0]!.id}, 'APPRAISED')`);
  // Overdue: a submission to the district waiting for appraisal since 2024.
  await db.execute(sql`insert into submission (round_id, from_org_id, from_path, to_org_id, title, status, due_on)
    values (${round.rows[0]!.id}, ${w.orgs.cdcsA.id}, ${w.orgs.cdcsA.path}, ${w.orgs.huyen.id}, 'Tờ trình đề nghị khen thưởng CĐCS A', 'SUBMITTED', '2024-01-15')`);
  const cat = await db.execute<{ code: string; name_vi: string }>(sql`select code, name_vi from award_type where code in ('LDTT', 'CSTD_CS', 'TTLDTT', 'TO_CD_VUNG_MANH')`);
  for (const c of cat.rows) names.set(c.code, c.name_vi);
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    for (const [i, p] of pages.entries()) await p.screenshot({ path: path.join(os.tmpdir(), `vd-e2e-dashboard-${i}.png`), fullPage: true }).catch(() => undefined);
  }
});

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

// The figures, computed from the inserted rows.
const ofYear = (year: number) => records.filter((r) => r.status === 'ACTIVE' && r.year === year);
const count = (code: string, kind: 'individuals' | 'collectives') => ofYear(Y).filter((r) => r.code === code && (kind === 'individuals' ? r.personId !== null : r.orgId !== null)).length;
const viPercent = (n: number, d: number) => `${String(Math.round((1000 * n) / d) / 10).replace('.', ',')} %`;
const womenShare = () => {
  const individual = ofYear(Y).filter((r) => r.personId !== null);
  return { n: individual.filter((r) => women.has(r.personId!)).length, d: individual.length };
};

async function openDashboard(page: Page) {
  await logIn(page, base, 'huyen.tdkt');
  await page.goto(`${base}/tong-quan`);
  await expect.poll(() => page.getByTestId('dashboard-figures').getAttribute('data-year'), { timeout: 30_000 }).toBe(String(Y));
}

describe('dashboard page', () => {
  it('shows the awards and shares of the district for this year, then the empty state for another year', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    pages.push(page);
    await openDashboard(page);
    expect(await page.getByRole('link', { name: 'Tổng quan thi đua', exact: true }).getAttribute('aria-current')).toBe('page');

    for (const code of ['LDTT', 'CSTD_CS', 'TTLDTT']) {
      const row = page.getByTestId('dashboard-award-row').filter({ hasText: new RegExp(`^${names.get(code)!}`) });
      const ind = count(code, 'individuals');
      const col = count(code, 'collectives');
      await expect.poll(() => row.getByTestId('dashboard-award-individuals').textContent()).toBe(String(ind));
      expect(await row.getByTestId('dashboard-award-collectives').textContent()).toBe(String(col));
      expect(await row.getByTestId('dashboard-award-total').textContent()).toBe(String(ind + col));
    }
    const total = page.getByTestId('dashboard-award-row').filter({ hasText: 'Tổng cộng' });
    expect(await total.getByTestId('dashboard-award-total').textContent()).toBe(String(ofYear(Y).length));

    const { n, d } = womenShare();
    const share = page.locator('[data-testid="dashboard-share"][data-share="WOMEN"]');
    expect(await share.getByTestId('dashboard-share-percent').textContent()).toBe(viPercent(n, d));
    expect(await share.getByTestId('dashboard-share-ratio').textContent()).toBe(`${n}/${d} khen thưởng cá nhân`);
    // The year before: Hoa alone, a woman → 100 %.
    const change = Math.round((Math.round((1000 * n) / d) / 10 - 100) * 10) / 10;
    expect(await share.getByTestId('dashboard-share-change').textContent()).toContain(String(change).replace('.', ','));
    const met = await share.getByTestId('dashboard-share-target').getAttribute('data-met');
    expect(met).toBe((100 * n) / d >= 50 ? 'met' : 'notMet');
    expect(await share.getByTestId('dashboard-share-target').textContent()).toBe(met === 'met' ? 'Đạt chỉ tiêu' : 'Chưa đạt chỉ tiêu');

    // Hoa: two years in a row, linked to her member page.
    expect(await page.locator('[data-testid="dashboard-streak-count"][data-years="2"]').textContent()).toContain('1 người');
    const streak = page.getByTestId('dashboard-streak-row').filter({ hasText: 'Lê Thị Hoa' });
    expect(await streak.getByTestId('dashboard-streak-years').textContent()).toBe('2');
    expect(await streak.getByTestId('dashboard-streak-person').getAttribute('href')).toBe(`/doan-vien/${hoaId}`);
    expect(await page.getByTestId('dashboard-chart').getAttribute('role')).toBe('img');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByTestId('dashboard-year').click();
    await page.getByRole('listbox').getByRole('option', { name: String(Y - 2), exact: true }).click();
    await expect.poll(() => page.getByTestId('dashboard-empty').textContent(), { timeout: 15_000 }).toContain(`Năm ${Y - 2} chưa có khen thưởng`);
    expect(new URL(page.url()).searchParams.get('year')).toBe(String(Y - 2));
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('fits a 360 px phone without horizontal scroll and is axe clean', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    pages.push(page);
    await openDashboard(page);
    await expect.poll(() => page.getByTestId('dashboard-award-row').count()).toBe(5);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await axeViolations(page)).toEqual([]);
    // The drill-down drawer on the phone: full screen, axe clean.
    await page.locator('[data-testid="dashboard-share"][data-share="WOMEN"] [data-testid="dashboard-share-numerator"][data-period="THIS"] button').click();
    await expect.poll(() => page.getByTestId('drilldown-row').count(), { timeout: 15_000 }).toBe(womenShare().n);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('new sections against the inserted rows; a target kept in the URL; drill-down and export', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    pages.push(page);
    await openDashboard(page);

    // Small collectives: the tổ of the two collective awards of the year.
    const collectives = ofYear(Y).filter((r) => r.orgId !== null);
    const small = page.locator('[data-testid="dashboard-share"][data-share="SMALL_COLLECTIVE"]');
    expect(await small.getByTestId('dashboard-share-ratio').textContent()).toBe(`1/${collectives.length} khen thưởng tập thể`);
    expect(await small.getByTestId('dashboard-share-percent').textContent()).toBe(viPercent(1, collectives.length));
    // CĐCS A: two years in a row.
    expect(await page.locator('[data-testid="dashboard-unit-streak-count"][data-years="2"]').textContent()).toContain('1 tập thể');
    expect(await page.getByTestId('dashboard-unit-streak-row').filter({ hasText: 'Công đoàn cơ sở Trường THCS Phước Minh' }).getByTestId('dashboard-unit-streak-years').textContent()).toBe('2');
    // Funnel: registered 1 (the returned one is out), nominated 1, appraised 1, council 0, decided 0.
    expect(await page.getByTestId('dashboard-funnel-total').allTextContents()).toEqual(['1', '1', '1', '0', '0']);
    expect(await page.getByTestId('dashboard-funnel-chart').getAttribute('role')).toBe('img');
    // Overdue: the district's submission, at its level, under appraisal.
    const level = page.getByTestId('dashboard-overdue-row').filter({ hasText: 'Cấp trên trực tiếp cơ sở' });
    expect(await level.locator('[data-testid="dashboard-overdue-cell"][data-kind="APPRAISAL"]').textContent()).toBe('1');
    expect(await level.locator('[data-testid="dashboard-overdue-cell"][data-kind="RESPONSE"]').textContent()).toBe('0');

    // A target set in the page: in the URL, applied, and kept by a reload.
    const { n, d } = womenShare();
    await page.locator('[data-testid="dashboard-target-input"][data-share="WOMEN"]').fill('95');
    await page.getByTestId('dashboard-targets-apply').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('targetWomen')).toBe('95');
    const womenCard = page.locator('[data-testid="dashboard-share"][data-share="WOMEN"]');
    await expect.poll(() => womenCard.getByTestId('dashboard-share-target-value').textContent()).toBe('Chỉ tiêu: 95 %');
    expect(await womenCard.getByTestId('dashboard-share-target').getAttribute('data-met')).toBe((100 * n) / d >= 95 ? 'met' : 'notMet');
    await page.reload();
    await expect.poll(() => womenCard.getByTestId('dashboard-share-target-value').textContent(), { timeout: 30_000 }).toBe('Chỉ tiêu: 95 %');
    expect(await page.locator('[data-testid="dashboard-target-input"][data-share="WOMEN"]').inputValue()).toBe('95 %');

    // Drill down from an award figure: Lao động tiên tiến, individuals.
    const ldtt = page.getByTestId('dashboard-award-row').filter({ hasText: new RegExp(`^${names.get('LDTT')!}`) });
    await ldtt.getByTestId('dashboard-award-individuals').getByRole('button').click();
    const drawer = page.getByTestId('drilldown');
    await expect.poll(() => drawer.getByTestId('drilldown-row').count(), { timeout: 15_000 }).toBe(count('LDTT', 'individuals'));
    expect(await page.getByTestId('drilldown-title').textContent()).toBe(`Khen thưởng “${names.get('LDTT')!}” (cá nhân) năm ${Y}`);
    expect(new URL(page.url()).searchParams.get('drill')).toContain('LDTT');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => drawer.count()).toBe(0);

    // And from a share numerator: the women awarded this year; then export that list.
    await womenCard.locator('[data-testid="dashboard-share-numerator"][data-period="THIS"] button').click();
    await expect.poll(() => drawer.getByTestId('drilldown-row').count(), { timeout: 15_000 }).toBe(n);
    const shown = (await drawer.getByTestId('drilldown-row').allTextContents()).join(' ');
    for (const name of ['Lê Thị Hoa', 'Võ Thị Lan']) expect(shown).toContain(name);
    const [download] = await Promise.all([page.waitForEvent('download'), drawer.getByTestId('drilldown-export').click()]);
    const rows = await readSheet(await readFile((await download.path())!));
    expect(rows[0]![0]).toBe(`Khen thưởng thuộc tỷ lệ “Nữ” năm ${Y} (tử số)`);
    expect(rows.slice(4)).toHaveLength(n);
    expect(new Set(rows.slice(4).map((r) => r[1]))).toEqual(new Set(['Lê Thị Hoa', 'Võ Thị Lan']));

    // The whole dashboard as a workbook.
    await page.keyboard.press('Escape');
    const [all] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dashboard-export').click()]);
    expect(all.suggestedFilename()).toBe(`tong-quan-dmc-${Y}.xlsx`);
    const awards = await readSheet(await readFile((await all.path())!));
    expect(awards.at(-1)!.slice(2, 4).map(Number)).toEqual([ofYear(Y).filter((r) => r.personId !== null).length, collectives.length]);
    await context.close();
  });
});
