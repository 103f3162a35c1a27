// Accessibility of every page: axe-core (WCAG 2.1 A and AA) finds no violation, on a desktop and on
// a phone — the login page, the district officer's pages (organisations, members, records,
// eligibility, catalogue, plans, movements, the cascade, registration, clusters, the calendar) and
// the administrator's (users, audit log).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, logIn } from '../support/browser';
import { axeViolations } from '../support/axe';
import { startTestApp, type TestEnv } from '../support/app';
import { loginAs, smallWorld } from '../factories';
import type { PlanDto } from '../../src/contracts/plans';
import type { MovementDetailDto } from '../../src/contracts/movements';

let env: TestEnv;
let browser: Browser;
let base: string;
let planId: number;
let movementId: number;
let requestId: number;
let districtId: number;
let memberId: number;

beforeAll(async () => {
  env = await startTestApp({ serveWeb: true });
  const w = await smallWorld(env.database.db);
  districtId = w.orgs.huyen.id;
  memberId = w.persons.an;
  const officer = await loginAs(env.app, 'huyen.tdkt');
  const year = new Date().getFullYear();
  const plan = (await officer.post('/api/v1/plans', {
    orgId: w.orgs.huyen.id, year, title: 'Kế hoạch thi đua năm của Liên đoàn Lao động huyện', place: 'Huyện DMC',
    blocks: [{ kind: 'HEADING_1', text: 'I. MỤC ĐÍCH, YÊU CẦU' }, { kind: 'BULLET', text: 'Phát động phong trào thi đua.' }],
    signer: { onBehalf: 'TM. BAN THƯỜNG VỤ', position: 'PHÓ CHỦ TỊCH', name: 'Nguyễn Văn Bình' },
    recipients: [{ text: 'Các CĐCS', kind: 'SUBORDINATES' }, { text: 'Lưu: VP', kind: 'ARCHIVE' }],
  })).json<PlanDto>();
  planId = plan.id;
  const movement = (await officer.post('/api/v1/movements', {
    orgId: w.orgs.huyen.id, year, kind: 'THEMATIC', title: 'Thi đua lao động giỏi, lao động sáng tạo', content: 'Nội dung thi đua.',
    startsOn: `${year}-01-01`, endsOn: `${year}-12-31`,
    criteria: [{ text: 'Đoàn viên đăng ký thi đua', measure: 'Tỷ lệ', target: '≥ 90%' }], offeredAwards: ['GK_CD_CAP_TREN'],
  })).json<MovementDetailDto>();
  movementId = movement.id;
  const today = new Date().toISOString().slice(0, 10);
  const launched = await officer.post(`/api/v1/movements/${movementId}/launch`, { version: movement.version, launchedOn: today, request: { deadline: `${year + 1}-01-31`, targetOrgIds: null } });
  expect(launched.statusCode, launched.body).toBe(200);
  requestId = ((await officer.get('/api/v1/requests')).json<{ items: { id: number }[] }>()).items[0]!.id;
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

const PAGES = () => [
  ['/', null],
  ['/to-chuc', null],
  [`/to-chuc/${districtId}`, null],
  [`/to-chuc/${districtId}/ho-so`, null],
  ['/doan-vien', null],
  [`/doan-vien/${memberId}`, null],
  [`/doan-vien/${memberId}/ho-so`, null],
  [`/doan-vien/${memberId}/xet-dieu-kien`, null],
  ['/nhap-du-lieu', null],
  ['/xet-dieu-kien', null],
  ['/quy-tac-xet', null],
  ['/danh-muc-khen-thuong', null],
  ['/ke-hoach', 'plan-row'],
  [`/ke-hoach/${planId}`, 'plan-number-line'],
  ['/ke-hoach/moi', 'plan-editor'],
  ['/phong-trao', 'movement-row'],
  [`/phong-trao/${movementId}`, 'movement-stepper'],
  ['/phong-trao/moi', 'movement-form'],
  ['/yeu-cau', 'request-row'],
  [`/yeu-cau/${requestId}`, 'target-row'],
  ['/so-van-ban-di', null],
  ['/hop-thu', null],
  ['/dang-ky', null],
  ['/cum-thi-dua', null],
  ['/lich', 'calendar'],
  ['/dang-ky/moi', null],
  ['/cong-khai/DMC', null],
] as const;

describe('accessibility (axe, WCAG 2.1 AA)', () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 780 }]) {
    it(`finds no violation on the officer's pages at ${viewport.width} px`, async () => {
      const context = await browser.newContext({ locale: 'vi-VN', viewport });
      try {
        const page = await context.newPage();
        await logIn(page, base, 'huyen.tdkt');
        const found: Record<string, unknown> = {};
        for (const [path, testId] of PAGES()) {
          await page.goto(`${base}${path}`);
          if (testId) await page.getByTestId(testId).first().waitFor();
          else await page.locator('h1').first().waitFor();
          const v = await axeViolations(page);
          if (v.length > 0) found[path] = v;
        }
        expect(found).toEqual({});
      } finally {
        await context.close();
      }
    });
  }

  it('finds no violation on the login page and the administrator’s pages', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(`${base}/dang-nhap`);
      await page.getByTestId('login-username').waitFor();
      const found: Record<string, unknown> = {};
      const login = await axeViolations(page);
      if (login.length > 0) found['/dang-nhap'] = login;
      await logIn(page, base, 'admin');
      for (const path of ['/nguoi-dung', '/nhat-ky']) {
        await page.goto(`${base}${path}`);
        await page.locator('h1').first().waitFor();
        const v = await axeViolations(page);
        if (v.length > 0) found[path] = v;
      }
      expect(found).toEqual({});
    } finally {
      await context.close();
    }
  });
});
