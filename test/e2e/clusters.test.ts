// Browser end-to-end for cụm, khối thi đua: a district officer creates this year's cluster of two
// CĐCS from the navigation (head and deputy chosen), sees the roles, chooses the leader; a viewer on a
// phone sees the list as cards without the create button.
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, logIn } from '../support/browser';
import { startTestApp, type TestEnv } from '../support/app';
import { smallWorld } from '../factories';
import { currentYearInVietnam } from '../support/scoring';

const NAME = 'Cụm thi đua số 1 – Trường học';
const A = 'Công đoàn cơ sở Trường THCS Phước Minh';
const B = 'Công đoàn cơ sở Công ty TNHH Sợi Thế Kỷ';

let env: TestEnv;
let browser: Browser;
let page: Page;
let base: string;
let w: Awaited<ReturnType<typeof smallWorld>>;

async function signIn(p: Page, username: string) {
  await logIn(p, base, username);
}

beforeAll(async () => {
  env = await startTestApp({ serveWeb: true });
  w = await smallWorld(env.database.db);
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && page) await page.screenshot({ path: path.join(os.tmpdir(), `vd-e2e-${ctx.task.name.slice(0, 30).replace(/\W+/g, '-')}.png`), fullPage: true });
});

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

describe('cụm, khối thi đua', () => {
  it('an officer creates a cluster with a head and a deputy, then chooses its leader', async () => {
    await signIn(page, 'huyen.tdkt');
    await page.getByRole('link', { name: 'Cụm, khối thi đua', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/cum-thi-dua');
    await page.getByTestId('cluster-create').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('cluster-form-name').fill(NAME);
    const option = (org: number) => dialog.locator(`[data-testid="cluster-member-option"][data-org="${org}"]`);
    await option(w.orgs.cdcsA.id).waitFor();
    await option(w.orgs.cdcsA.id).getByRole('checkbox').check();
    await option(w.orgs.cdcsB.id).getByRole('checkbox').check();
    await option(w.orgs.cdcsA.id).getByTestId('cluster-member-role').click();
    await page.getByRole('option', { name: 'Cụm trưởng', exact: true }).click();
    await option(w.orgs.cdcsB.id).getByTestId('cluster-member-role').click();
    await page.getByRole('option', { name: 'Cụm phó', exact: true }).click();
    await dialog.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.waitForURL((u) => /^\/cum-thi-dua\/\d+$/.test(u.pathname));

    const members = page.getByTestId('cluster-member');
    await expect.poll(() => members.count()).toBe(2);
    expect(await members.filter({ hasText: A }).getByTestId('cluster-role').getAttribute('data-role')).toBe('HEAD');
    expect(await members.filter({ hasText: B }).getByTestId('cluster-role').getAttribute('data-role')).toBe('DEPUTY');
    expect(await page.getByTestId('cluster-leader').textContent()).toBe('Chưa suy tôn');
    expect(await page.getByTestId('cluster-covenant-download').getAttribute('href')).toMatch(/^\/api\/v1\/clusters\/\d+\/covenant\.docx$/);

    await page.getByTestId('cluster-choose-leader').click();
    const leader = page.getByRole('dialog');
    await leader.getByTestId('cluster-leader-unit').click();
    await page.getByRole('option', { name: A, exact: true }).click();
    await leader.getByRole('button', { name: 'Suy tôn đơn vị dẫn đầu', exact: true }).click();
    await expect.poll(() => page.getByTestId('cluster-leader').textContent()).toContain(A);
    expect(await page.getByTestId('cluster-choose-leader').textContent()).toBe('Thay đơn vị dẫn đầu');
  });

  it('a viewer on a phone sees the list as cards, read-only', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 360, height: 780 } });
    try {
      const viewer = await context.newPage();
      await signIn(viewer, 'xem');
      await viewer.goto(`${base}/cum-thi-dua?year=${currentYearInVietnam()}`);
      const row = viewer.getByTestId('cluster-row').filter({ hasText: NAME });
      await row.waitFor();
      expect(await viewer.locator('table[data-testid="cluster-table"]').count()).toBe(0);
      expect(await viewer.getByTestId('cluster-create').count()).toBe(0);
      await row.getByTestId('cluster-open').click();
      await viewer.getByTestId('cluster-members').waitFor();
      expect(await viewer.getByTestId('cluster-choose-leader').count()).toBe(0);
      expect(await viewer.getByTestId('cluster-edit').count()).toBe(0);
      const width = await viewer.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(360);
    } finally {
      await context.close();
    }
  });
});
