// Browser end-to-end for the reports page (/bao-cao): the district's TĐKT officer downloads the annual
// summary with a typed assessment (a real Word file holding the figures and the text), freezes the
// figures, and a re-run says in words that they match; the frozen report's own DOCX downloads too;
// withdrawing asks for a reason and a confirmation and keeps the report;
// axe on desktop and on a 360 px phone with no horizontal scroll.
import os from 'node:os';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Download, type Page } from 'playwright-core';
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
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

beforeAll(async () => {
  env = await startTestApp({ serveWeb: true });
  const db = env.database.db;
  const w = await smallWorld(db);
  const hoa = await createPerson(db, w.orgs.cdcsA, { fullName: 'Lê Thị Hoa', gender: 'FEMALE', isLeader: false, isDirectWorker: true });
  const hung = await createPerson(db, w.orgs.cdcsB, { fullName: 'Phạm Văn Hùng', gender: 'MALE', isLeader: true, isDirectWorker: false });
  for (const [personId, scope, code] of [[hoa, w.orgs.cdcsA.path, 'LDTT'], [hung, w.orgs.cdcsB.path, 'CSTD_CS'], [hoa, w.orgs.cdcsA.path, 'CSTD_CS']] as const) {
    await db.execute(sql`insert into award_record (person_id, scope_path, award_code, year, created_at) values (${personId}, ${scope}, ${code}, ${Y}, now() - interval '1 hour')`);
  }
  await db.execute(sql`insert into award_record (org_id, scope_path, award_code, year, created_at) values (${w.orgs.cdcsA.id}, ${w.orgs.cdcsA.path}, 'TTLDTT', ${Y}, now() - interval '1 hour')`);
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    for (const [i, p] of pages.entries()) await p.screenshot({ path: path.join(os.tmpdir(), `vd-e2e-reports-${i}.png`), fullPage: true }).catch(() => undefined);
  }
});

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

async function documentText(download: Download): Promise<string> {
  const file = await download.path();
  const zip = await JSZip.loadAsync(await readFile(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  expect(zip.file(/^word\/media\/.+\.png$/)).toHaveLength(2);
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
}

async function openReports(page: Page) {
  await logIn(page, base, 'huyen.tdkt');
  await page.goto(`${base}/bao-cao`);
  await expect.poll(() => page.getByTestId('reports-snapshots').isVisible(), { timeout: 30_000 }).toBe(true);
}

describe('reports page', () => {
  it('downloads the annual summary, freezes the figures, and a re-run matches them', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    pages.push(page);
    await openReports(page);
    expect(await page.getByRole('link', { name: 'Báo cáo', exact: true }).getAttribute('aria-current')).toBe('page');
    await expect.poll(() => page.getByTestId('reports-snapshots').textContent(), { timeout: 15_000 }).toContain('Chưa có báo cáo nào được chốt');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByTestId('reports-narrative-assessment').fill('Phong trào thi đua yêu nước được hưởng ứng sâu rộng.');
    const [summary] = await Promise.all([page.waitForEvent('download'), page.getByTestId('reports-download-summary').click()]);
    expect(summary.suggestedFilename()).toMatch(/^bao-cao-tong-ket-tdkt-\d{4}-.+\.docx$/);
    const text = await documentText(summary);
    expect(text).toContain(`Tổng kết công tác thi đua, khen thưởng năm ${Y}`);
    expect(text).toContain('Phong trào thi đua yêu nước được hưởng ứng sâu rộng.');
    expect(text).toContain(`Trong năm ${Y}, toàn đơn vị có 3 lượt cá nhân và 1 lượt tập thể được khen thưởng.`);
    await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 10_000 }).toBe(0);

    await page.getByTestId('reports-freeze').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('reports-freeze-title').fill('Số liệu chốt cuối năm');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Chốt số liệu', exact: true }).click();
    const row = page.getByTestId('reports-snapshot-row').filter({ hasText: 'Số liệu chốt cuối năm' });
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    // Computed in the background: the list asks again until the figures are in.
    await expect.poll(() => row.getByTestId('reports-snapshot-status').textContent(), { timeout: 30_000 }).toBe('Đang dùng');

    await row.getByTestId('reports-rerun').click();
    const verdict = page.getByTestId('reports-rerun-result');
    await expect.poll(() => verdict.getAttribute('data-identical'), { timeout: 15_000 }).toBe('true');
    expect(await verdict.textContent()).toContain('Khớp hoàn toàn với số liệu đã chốt');
    // The check is kept: the row tells when the report was last checked and that it matched.
    await expect.poll(() => row.getByTestId('reports-last-rerun').textContent(), { timeout: 15_000 }).toMatch(/^Kiểm tra lần cuối \(.+\): khớp$/);

    const [frozen] = await Promise.all([page.waitForEvent('download'), row.getByTestId('reports-snapshot-docx').click()]);
    const frozenText = await documentText(frozen);
    expect(frozenText).toContain('Số liệu chốt đến');
    expect(frozenText).toContain('Phong trào thi đua yêu nước được hưởng ứng sâu rộng.');

    // A statistical form filled with the frozen figures, from the row's menu.
    await row.getByTestId('reports-snapshot-statforms').click();
    const form = page.getByTestId('reports-snapshot-statform').filter({ hasText: 'BM01-KT' });
    await expect.poll(() => form.count(), { timeout: 10_000 }).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    const [statForm] = await Promise.all([page.waitForEvent('download'), form.click()]);
    expect(statForm.suggestedFilename()).toMatch(/^BM01-KT - .+ - \d{4} - chot-\d+\.xlsx$/);
    expect(await axeViolations(page)).toEqual([]);

    // Withdrawn with a reason, after a confirmation; it stays in the list.
    await row.getByTestId('reports-withdraw').click();
    const withdraw = page.getByRole('dialog');
    await withdraw.getByRole('textbox').fill('Chốt nhầm thời điểm, sẽ chốt lại');
    await withdraw.locator('button[type="submit"]').click();
    expect(await withdraw.getByRole('alert').textContent()).toContain('sẽ được đánh dấu đã thu hồi');
    await withdraw.locator('button[type="submit"]').click();
    await expect.poll(() => row.getByTestId('reports-snapshot-status').textContent(), { timeout: 15_000 }).toBe('Đã thu hồi');
    expect(await row.textContent()).toContain('Lý do thu hồi: Chốt nhầm thời điểm, sẽ chốt lại');
    expect(await row.getByTestId('reports-withdraw').count()).toBe(0);
    await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 10_000 }).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('fits a 360 px phone without horizontal scroll and is axe clean', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    pages.push(page);
    await openReports(page);
    await expect.poll(() => page.getByTestId('reports-snapshot-row').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
