// Browser end-to-end for movements: a district officer drafts a movement through the form (criteria,
// an award the district grants), launches it asking every CĐCS to register, sees the stepper and
// the live figures; the CĐCS officer sees it without launch actions; the year's calendar on a phone
// lists the movement and its registration deadline.
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium, logIn } from '../support/browser';
import { startTestApp, type TestEnv } from '../support/app';
import { smallWorld } from '../factories';

const TITLE = 'Thi đua lập thành tích chào mừng Ngày thành lập Công đoàn Việt Nam';

let env: TestEnv;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let base: string;
let movementId: number;

async function signIn(p: Page, username: string) {
  await logIn(p, base, username);
}

beforeAll(async () => {
  env = await startTestApp({ serveWeb: true });
  await smallWorld(env.database.db);
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
  context = await browser.newContext({ acceptDownloads: true, locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && page) await page.screenshot({ path: path.join(os.tmpdir(), `vd-e2e-${ctx.task.name.slice(0, 30).replace(/\W+/g, '-')}.png`), fullPage: true });
});

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

describe('phong trào thi đua', () => {
  it('an officer drafts a movement with criteria and an award, then launches it asking every CĐCS to register', async () => {
    await signIn(page, 'huyen.tdkt');
    await page.getByRole('link', { name: 'Phong trào thi đua', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/phong-trao');
    await page.getByTestId('movement-create').click();
    await page.waitForURL((u) => u.pathname === '/phong-trao/moi');
    await page.getByTestId('movement-title').fill(TITLE);
    await page.getByTestId('movement-criterion-text').fill('Công trình, phần việc chào mừng');
    await page.getByTestId('movement-criterion-measure').fill('Số công trình mỗi CĐCS');
    await page.getByTestId('movement-criterion-target').fill('≥ 1');
    // Only the awards the district grants are offered ("cấp nào phát động thì cấp đó khen thưởng").
    await page.getByTestId('movement-awards').click();
    expect(await page.getByRole('option', { name: 'Bằng khen của Ban Chấp hành Liên đoàn Lao động tỉnh', exact: true }).count()).toBe(0);
    await page.getByRole('option', { name: 'Giấy khen của Ban Chấp hành công đoàn cấp trên trực tiếp cơ sở (tập thể)', exact: true }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('movement-save').click();
    await page.waitForURL((u) => /^\/phong-trao\/\d+$/.test(u.pathname));
    movementId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.getByTestId('movement-stepper').waitFor();
    expect(await page.getByTestId('movement-status').first().getAttribute('data-status')).toBe('DRAFT');
    expect(await page.getByTestId('movement-criteria').textContent()).toContain('Số công trình mỗi CĐCS');
    expect(await page.getByTestId('movement-awards-list').textContent()).toContain('(tập thể)');
    // The draft is edited at the version it was loaded with.
    await page.getByTestId('movement-edit').click();
    await page.waitForURL((u) => u.pathname === `/phong-trao/${movementId}/sua`);
    await page.getByTestId('movement-kind').click();
    await page.getByRole('option', { name: 'Thi đua theo đợt', exact: true }).click();
    await page.getByTestId('movement-save').click();
    await page.waitForURL((u) => u.pathname === `/phong-trao/${movementId}`);
    await expect.poll(() => page.getByText('Thi đua theo đợt', { exact: true }).count()).toBeGreaterThan(0);

    await page.getByTestId('movement-launch').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('movement-launch-deadline').waitFor();
    expect(await dialog.getByTestId('movement-launch-all').isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Phát động', exact: true }).click();
    await expect.poll(() => page.getByTestId('movement-status').first().getAttribute('data-status')).toBe('LAUNCHED');
    const figures = page.getByTestId('movement-figures');
    await figures.waitFor();
    expect(await figures.textContent()).toMatch(/2\s*Được giao/);
    expect(await page.getByTestId('movement-step-row').first().getAttribute('data-step')).toBe('LAUNCHED');
    expect(await page.getByTestId('movement-step').getAttribute('data-step')).toBe('IN_PROGRESS');
    const targets = await env.database.db.execute<{ n: number }>(sql`
      select count(*)::int as n from request_target t join response_request r on r.id = t.request_id where r.source_type = 'movement' and r.source_id = ${movementId}`);
    expect(Number(targets.rows[0]!.n)).toBe(2);
    expect(await page.getByTestId('movement-download').getAttribute('href')).toBe(`/api/v1/movements/${movementId}/summary.docx`);
    // The next step is recorded from its dialog.
    await page.getByTestId('movement-step').click();
    await dialog.getByTestId('movement-step-date').waitFor();
    await dialog.getByRole('button', { name: 'Bắt đầu thực hiện', exact: true }).click();
    await expect.poll(() => page.getByTestId('movement-status').first().getAttribute('data-status')).toBe('IN_PROGRESS');
    expect(await page.getByTestId('movement-step').evaluateAll((els) => els.map((e) => e.getAttribute('data-step')))).toEqual(['MID_REVIEW', 'FINAL_REVIEW']);
  });

  it('the CĐCS officer sees the launched movement without actions; the calendar on a phone lists it and its deadline', async () => {
    const phone = await browser.newContext({ locale: 'vi-VN', viewport: { width: 360, height: 800 } });
    try {
      const p = await phone.newPage();
      await signIn(p, 'cdcs.a');
      await p.goto(`${base}/phong-trao`);
      const row = p.getByTestId('movement-row').filter({ hasText: TITLE });
      await row.waitFor();
      expect(await p.locator('table[data-testid="movement-table"]').count()).toBe(0);
      await row.getByTestId('movement-open').click();
      await p.getByTestId('movement-stepper').waitFor();
      expect(await p.getByTestId('movement-launch').count()).toBe(0);
      expect(await p.getByTestId('movement-step').count()).toBe(0);
      expect(await p.getByTestId('movement-figures').count()).toBe(1);
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await p.goto(`${base}/lich`);
      await p.getByTestId('calendar').waitFor();
      expect(await p.getByTestId('calendar-month').count()).toBe(12);
      expect(await p.getByTestId('calendar-event').filter({ hasText: TITLE }).first().getAttribute('data-kind')).toBe('MOVEMENT_PERIOD');
      expect(await p.locator('[data-testid="calendar-event"][data-kind="DEADLINE"]').count()).toBe(1);
      expect(await p.locator('[data-testid="calendar-event"][data-kind="ANNIVERSARY"]').count()).toBeGreaterThan(10);
      // Nothing overflows the 360 px screen.
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    } finally {
      await phone.close();
    }
  });
});
