// Browser end-to-end for the dashboard page (/tong-quan): the district's TĐKT officer sees the award
// figures and a share computed here from the records this file inserts (a revoked record never
// counts), a person awarded two years in a row links to the member page, another year shows the empty
// state; axe on desktop and on a 360 px phone with no horizontal scroll.
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { launchChromium, logIn } from '../support/browser';
import { axeViolations } from '../support/axe';
import { startTestApp, type TestEnv } from '../support/app';
import { createPerson, smallWorld } from '../factories';
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
  for (const r of records) {
    await db.execute(sql`insert into award_record (person_id, org_id, scope_path, award_code, year, status, revoked_at, revoked_reason)
      values (${r.personId}, ${r.orgId}, ${r.scopePath}, ${r.code}, ${r.year}, ${r.status},
              ${r.status === 'REVOKED' ? sql`now()` : sql`null`}, ${r.status === 'REVOKED' ? 'Thu hồi theo quyết định số 12/QĐ-LĐLĐ' : null})`);
  }
  const cat = await db.execute<{ code: string; name_vi: string }>(sql`select code, name_vi from award_type where code in ('LDTT', 'CSTD_CS', 'TTLDTT')`);
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
    await expect.poll(() => page.getByTestId('dashboard-award-row').count()).toBe(4);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
