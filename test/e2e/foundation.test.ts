// Browser end-to-end: a district officer signs in, browses the tree, imports a member file with a
// bad row (error shown, nothing saved), fixes it, imports it, finds a member by an unaccented name
// and exports the list — against the production build served by the real server.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { launchChromium } from '../support/browser';
import { startTestApp, type TestEnv } from '../support/app';
import { PASSWORD, smallWorld } from '../factories';
import { memberWorkbook, readSheet, type MemberCells } from '../support/xlsx';


let env: TestEnv;
let browser: Browser;
let page: Page;
let base: string;
let tmp: string;

beforeAll(async () => {
  env = await startTestApp({ serveWeb: true });
  await smallWorld(env.database.db);
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
  const context = await browser.newContext({ acceptDownloads: true, locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'vd-e2e-'));
});

afterEach(async (ctx) => {
  // Keep a picture of the page when a step fails, to see what the user would have seen.
  if (ctx.task.result?.state === 'fail' && page) await page.screenshot({ path: path.join(os.tmpdir(), `vd-e2e-${ctx.task.name.slice(0, 30).replace(/\W+/g, '-')}.png`) });
});

afterAll(async () => {
  await browser?.close();
  await env?.close();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

const row = (o: MemberCells): MemberCells => ({ gender: 'Nữ', birthDate: '12/04/1988', unitCode: 'DMC-A', isLeader: 'Không', isDirectWorker: 'Không', ...o });
const personCount = async () => Number((await env.database.db.execute<{ n: number }>(sql`select count(*)::int as n from person`)).rows[0]!.n);

describe('the web bundle', () => {
  it('is React’s production build, even when built under the test runner', async () => {
    const html = await (await fetch(`${base}/`)).text();
    const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      const js = await (await fetch(new URL(src, base))).text();
      expect(js.length).toBeGreaterThan(1000);
      expect(js).not.toContain('jsxDEV');
    }
  });
});

describe('a district officer’s first day', () => {
  it('signs in (Vietnamese interface) and lands on the home page', async () => {
    await page.goto(`${base}/`);
    await page.getByTestId('login-username').fill('huyen.tdkt');
    await page.getByTestId('login-password').fill('sai mật khẩu');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByText('Tên đăng nhập hoặc mật khẩu không đúng.').count()).toBeGreaterThan(0);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/dang-nhap'));
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
  });

  it('browses the organisation tree down to a CĐCS', async () => {
    await page.goto(`${base}/to-chuc`);
    const tree = page.getByTestId('org-tree');
    await tree.getByText('Liên đoàn Lao động huyện DMC').first().waitFor();
    await tree.getByText('Liên đoàn Lao động huyện DMC').first().click();
    await page.getByText('Công đoàn cơ sở Trường THCS Phước Minh').first().waitFor();
    await page.getByText('Công đoàn cơ sở Trường THCS Phước Minh').first().click();
    await expect.poll(() => page.getByText('Công đoàn cơ sở Trường THCS Phước Minh').count()).toBeGreaterThan(0);
  });

  it('imports a member file: a bad row is reported and nothing is saved; the fixed file is imported', async () => {
    const before = await personCount();
    const bad = path.join(tmp, 'doan-vien-loi.xlsx');
    await fs.writeFile(bad, await memberWorkbook([
      row({ fullName: 'Phan Thị Hồng', cccd: '072188000201' }),
      row({ fullName: 'Lý Thị Mỹ Duyên', cccd: '0721880' }),
    ]));
    await page.goto(`${base}/nhap-du-lieu`);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByTestId('import-file-input').setInputFiles(bad);
    await page.getByTestId('import-upload').click();
    const errors = page.getByTestId('import-errors');
    await errors.waitFor({ timeout: 30_000 });
    expect(await errors.textContent()).toContain('12 chữ số');
    expect(await errors.textContent()).toContain('3');
    expect(await personCount()).toBe(before);

    const good = path.join(tmp, 'doan-vien.xlsx');
    await fs.writeFile(good, await memberWorkbook([
      row({ fullName: 'Phan Thị Hồng', cccd: '072188000201' }),
      row({ fullName: 'Lý Thị Mỹ Duyên', cccd: '072188000202' }),
    ]));
    await page.goto(`${base}/nhap-du-lieu`);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByTestId('import-file-input').setInputFiles(good);
    await page.getByTestId('import-upload').click();
    await page.getByTestId('import-commit').click({ timeout: 30_000 });
    await page.getByTestId('import-done').waitFor({ timeout: 30_000 });
    expect(await personCount()).toBe(before + 2);
  });

  it('finds a member by an unaccented name and exports the filtered list', async () => {
    await page.goto(`${base}/doan-vien`);
    await page.getByTestId('member-row').first().waitFor();
    expect(await page.getByTestId('member-row').count()).toBeGreaterThan(1);
    await page.getByTestId('member-search').fill('ly thi my duyen');
    await expect.poll(() => page.getByTestId('member-row').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId('member-row').first().textContent()).toContain('Lý Thị Mỹ Duyên');
    expect(page.url()).toContain('q=');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-button').click()]);
    const file = path.join(tmp, 'export.xlsx');
    await download.saveAs(file);
    const rows = await readSheet(await fs.readFile(file));
    const nameCol = rows[0]!.indexOf('Họ và tên*');
    expect(rows.slice(1).map((r) => r[nameCol])).toEqual(['Lý Thị Mỹ Duyên']);
  });
});
