// The cascade end to end, as users do it: the district federation launches a movement asking every
// CĐCS to register by a deadline; a CĐCS officer finds the request in the inbox, opens the movement,
// registers members for the award it offers; the district sees that CĐCS on time and the other one
// still due in the compliance table.
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, logIn } from '../support/browser';
import { startTestApp, type TestEnv } from '../support/app';
import { loginAs, smallWorld } from '../factories';
import type { MovementDetailDto } from '../../src/contracts/movements';
import { currentYearInVietnam } from '../support/scoring';

const TITLE = 'Thi đua lao động giỏi, lao động sáng tạo chào mừng Ngày thành lập Công đoàn Việt Nam';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
let browser: Browser;
let base: string;
let movementId: number;
const pages: Page[] = [];

async function signIn(username: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
  const p = await context.newPage();
  pages.push(p);
  await logIn(p, base, username);
  return p;
}

beforeAll(async () => {
  env = await startTestApp({ serveWeb: true });
  w = await smallWorld(env.database.db);
  const year = currentYearInVietnam();
  const officer = await loginAs(env.app, 'huyen.tdkt');
  const res = await officer.post('/api/v1/movements', {
    orgId: w.orgs.huyen.id,
    year,
    kind: 'THEMATIC',
    title: TITLE,
    content: 'Các công đoàn cơ sở tổ chức cho đoàn viên đăng ký thi đua.',
    startsOn: `${year}-01-01`,
    endsOn: `${year}-12-31`,
    criteria: [{ text: 'Đoàn viên đăng ký thi đua', measure: 'Tỷ lệ đoàn viên đăng ký', target: '≥ 90%' }],
    offeredAwards: ['GK_CD_CAP_TREN'],
  });
  expect(res.statusCode, res.body).toBe(200);
  movementId = res.json<MovementDetailDto>().id;
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    for (const [i, p] of pages.entries()) await p.screenshot({ path: path.join(os.tmpdir(), `vd-e2e-cascade-flow-${i}.png`), fullPage: true }).catch(() => undefined);
  }
});

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

describe('phát động → đăng ký → theo dõi', () => {
  it('the district launches, a CĐCS registers from its inbox, the district sees it on time', async () => {
    // 1. The district launches the movement to every CĐCS (the default) with the default deadline.
    const district = await signIn('huyen.tdkt');
    await district.goto(`${base}/phong-trao/${movementId}`);
    await district.getByTestId('movement-launch').click();
    const dialog = district.getByRole('dialog');
    await dialog.getByTestId('movement-launch-deadline').waitFor();
    expect(await dialog.getByTestId('movement-launch-all').isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Phát động', exact: true }).click();
    await expect.poll(() => district.getByTestId('movement-status').first().getAttribute('data-status')).toBe('LAUNCHED');
    // The launcher itself is not asked to register.
    expect(await district.getByTestId('movement-register').count()).toBe(0);

    // 2. The CĐCS officer finds the request in the inbox and opens it.
    const cdcs = await signIn('cdcs.a');
    await cdcs.goto(`${base}/hop-thu`);
    const item = cdcs.getByTestId('inbox-row').filter({ hasText: TITLE });
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.getByTestId('inbox-open').getAttribute('data-unread')).toBe('true');
    await item.getByTestId('inbox-open').click();
    await cdcs.waitForURL((u) => u.pathname === `/phong-trao/${movementId}`);
    await cdcs.getByTestId('movement-register').click();
    await cdcs.waitForURL((u) => u.pathname === '/dang-ky/moi' && u.searchParams.get('movementId') === String(movementId));

    // 3. It registers two members for the award the movement offers.
    for (const code of ['DV0000001', 'DV0000002']) {
      await cdcs.locator(`[data-testid="registration-member"][data-member-code="${code}"]`).getByTestId('registration-member-check').check();
    }
    await cdcs.getByTestId('registration-submit').click();
    await cdcs.waitForURL((u) => u.pathname === '/dang-ky');
    await expect.poll(() => cdcs.getByTestId('registration-row').count()).toBe(2);

    // 4. The district's compliance table: CĐCS A on time with its two registrations, CĐCS B still due.
    await district.goto(`${base}/yeu-cau`);
    await district.getByTestId('request-row').filter({ hasText: TITLE }).getByTestId('request-open').click();
    await expect.poll(() => district.getByTestId('target-row').count()).toBe(2);
    const a = district.getByTestId('target-row').filter({ hasText: 'Trường THCS Phước Minh' });
    const b = district.getByTestId('target-row').filter({ hasText: 'Sợi Thế Kỷ' });
    expect(await a.getByTestId('target-status').getAttribute('data-status')).toBe('ON_TIME');
    expect(await b.getByTestId('target-status').getAttribute('data-status')).toBe('PENDING');
    expect(await district.getByTestId('summary-onTime').textContent()).toContain('1');
    await district.getByTestId('summary-onTime').click();
    await expect.poll(() => district.getByTestId('target-row').count()).toBe(1);
  });
});
