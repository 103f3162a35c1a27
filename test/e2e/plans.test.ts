// Browser end-to-end for plans (kế hoạch): a district officer finds a draft plan in /ke-hoach, reads it
// laid out like the paper document, downloads the Word file and issues it with a date (the number
// "Số: 01/KH-…" appears); a viewer reads the same plan without the "Ban hành" button; phones get cards.
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium, logIn } from '../support/browser';
import { startTestApp, type TestEnv } from '../support/app';
import { loginAs, smallWorld } from '../factories';
import { typedDateFromToday } from '../support/scoring';
import type { PlanDto } from '../../src/contracts/plans';

const TITLE = 'Kế hoạch thực hiện phong trào thi đua năm 2024';

let env: TestEnv;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let base: string;
let planId: number;

async function signIn(p: Page, username: string) {
  await logIn(p, base, username);
}

beforeAll(async () => {
  env = await startTestApp({ serveWeb: true });
  const w = await smallWorld(env.database.db);
  // The draft is made through the API, as the district's officer would.
  const officer = await loginAs(env.app, 'huyen.tdkt');
  const res = await officer.post('/api/v1/plans', {
    orgId: w.orgs.huyen.id,
    year: 2024,
    title: TITLE,
    theme: null,
    place: 'Huyện DMC',
    intro: 'Ban Thường vụ Liên đoàn Lao động huyện xây dựng kế hoạch với các nội dung cụ thể như sau:',
    basis: [{ text: 'Thực hiện Kế hoạch số 47/KH-LĐLĐ, ngày 28/02/2024 của Ban Thường vụ Liên đoàn Lao động tỉnh;' }],
    blocks: [
      { kind: 'HEADING_1', text: 'I. MỤC ĐÍCH, YÊU CẦU' },
      { kind: 'HEADING_2', text: '1. Mục đích' },
      { kind: 'BULLET', text: 'Phát động và triển khai các phong trào thi đua yêu nước.' },
      { kind: 'PARAGRAPH', text: 'Các cấp công đoàn tổ chức thực hiện nghiêm túc.' },
      { kind: 'QUOTE', text: '“Điều hành linh hoạt, chủ động kịp thời”' },
    ],
    signer: { onBehalf: 'TM. BAN THƯỜNG VỤ', position: 'PHÓ CHỦ TỊCH', name: 'Nguyễn Văn Bình' },
    recipients: [{ orgId: w.orgs.tinh.id, text: 'TT LĐLĐ tỉnh' }, { text: 'Lưu: VP' }],
  });
  expect(res.statusCode).toBe(200);
  planId = res.json<PlanDto>().id;
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

describe('kế hoạch', () => {
  it('an officer finds the draft in the list, reads it like the paper document and downloads the Word file', async () => {
    await signIn(page, 'huyen.tdkt');
    await page.getByRole('link', { name: 'Kế hoạch', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/ke-hoach');
    const row = page.getByTestId('plan-row').filter({ hasText: TITLE });
    await row.waitFor();
    expect(await row.getByTestId('plan-status').textContent()).toBe('Dự thảo');
    expect(await row.textContent()).toContain('Liên đoàn Lao động huyện DMC');
    // Filters are applied on the server: no issued plan yet.
    await page.getByTestId('plan-status-filter').click();
    await page.getByRole('option', { name: 'Đã ban hành', exact: true }).click();
    await page.waitForURL((u) => u.searchParams.get('status') === 'ISSUED');
    await expect.poll(() => page.getByTestId('plan-row').count()).toBe(0);
    await page.goto(`${base}/ke-hoach?year=2024`);
    await page.getByTestId('plan-row').filter({ hasText: TITLE }).getByTestId('plan-open').click();
    await page.waitForURL((u) => u.pathname === `/ke-hoach/${planId}`);

    const doc = page.getByTestId('plan-document');
    await doc.waitFor();
    expect(await doc.textContent()).toContain('KẾ HOẠCH');
    expect(await doc.getByTestId('plan-number-line').textContent()).toMatch(/^Số:\s+\/KH-/);
    expect(await doc.locator('[data-kind="HEADING_1"]').textContent()).toBe('I. MỤC ĐÍCH, YÊU CẦU');
    expect(await doc.locator('[data-kind="BULLET"]').textContent()).toBe('- Phát động và triển khai các phong trào thi đua yêu nước.');
    expect(await doc.getByTestId('plan-signer').textContent()).toContain('Nguyễn Văn Bình');
    expect(await doc.getByTestId('plan-recipients').textContent()).toContain('Lưu: VP');

    const href = await page.getByTestId('plan-download').getAttribute('href');
    expect(href).toBe(`/api/v1/plans/${planId}/document.docx`);
    const answer = await page.evaluate(async (url) => {
      const res = await fetch(url);
      return { status: res.status, type: res.headers.get('content-type') ?? '', size: (await res.arrayBuffer()).byteLength };
    }, href!);
    expect(answer.status).toBe(200);
    expect(answer.type).toContain('wordprocessingml');
    expect(answer.size).toBeGreaterThan(1000);
  });

  it('a viewer reads the draft without the "Ban hành" button; a phone shows the list as cards', async () => {
    const viewerContext = await browser.newContext({ locale: 'vi-VN', viewport: { width: 375, height: 800 } });
    try {
      const viewer = await viewerContext.newPage();
      await signIn(viewer, 'xem');
      await viewer.goto(`${base}/ke-hoach`);
      const row = viewer.getByTestId('plan-row').filter({ hasText: TITLE });
      await row.waitFor();
      expect(await viewer.locator('table[data-testid="plan-table"]').count()).toBe(0);
      await row.getByTestId('plan-open').click();
      await viewer.getByTestId('plan-document').waitFor();
      expect(await viewer.getByTestId('plan-status').first().textContent()).toBe('Dự thảo');
      expect(await viewer.getByTestId('plan-download').count()).toBe(1);
      expect(await viewer.getByTestId('plan-issue').count()).toBe(0);
    } finally {
      await viewerContext.close();
    }
  });

  it('shows the server’s refusal in the dialog, then issues the plan and shows its number', async () => {
    await page.getByTestId('plan-issue').click();
    const dialog = page.getByRole('dialog');
    const date = dialog.getByTestId('plan-issue-date');
    // Today is the default.
    expect(await date.inputValue()).toBe(typedDateFromToday(0));
    // The server's refusal is shown in the dialog, in Vietnamese.
    await date.fill('01/01/2020');
    await date.press('Tab');
    await dialog.getByRole('button', { name: 'Ban hành', exact: true }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('Ngày ban hành quá sớm');
    await date.fill('15/03/2024');
    await date.press('Tab');
    await dialog.getByRole('button', { name: 'Ban hành', exact: true }).click();
    await expect.poll(() => page.getByTestId('plan-number-line').textContent()).toMatch(/^Số: 01\/KH-/);
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.getByTestId('plan-document').textContent()).toContain('ngày 15 tháng 03 năm 2024');
    expect(await page.getByTestId('plan-issue').count()).toBe(0);
    await page.goto(`${base}/ke-hoach`);
    const row = page.getByTestId('plan-row').filter({ hasText: TITLE });
    await expect.poll(() => row.getByTestId('plan-status').textContent()).toMatch(/^Số: 01\/KH-/);
    expect(await row.textContent()).toContain('15/03/2024');
  });
});
