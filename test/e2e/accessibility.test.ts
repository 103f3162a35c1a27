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
import type { RoundDto, SheetDto, SheetSummaryDto, TemplateSummaryDto } from '../../src/contracts/scoring';
import { attachRequiredEvidence, currentYearInVietnam } from '../support/scoring';

let env: TestEnv;
let browser: Browser;
let base: string;
let planId: number;
let movementId: number;
let requestId: number;
let districtId: number;
let memberId: number;
let roundId: number;
let templateId: number;
let selfSheetId: number;
let verifySheetId: number;

beforeAll(async () => {
  env = await startTestApp({ serveWeb: true });
  const w = await smallWorld(env.database.db);
  districtId = w.orgs.huyen.id;
  memberId = w.persons.an;
  const officer = await loginAs(env.app, 'huyen.tdkt');
  const year = currentYearInVietnam();
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
  templateId = ((await officer.get('/api/v1/scorecard-templates?status=PUBLISHED&code=CDCS_1294')).json<{ items: TemplateSummaryDto[] }>()).items[0]!.id;
  const round = await officer.post('/api/v1/scoring-rounds', { orgId: w.orgs.huyen.id, year, title: 'Đánh giá, xếp loại công đoàn cơ sở', templateId, deadline: `${year + 1}-01-31`, tieBreaks: ['REGULAR_TOTAL'] });
  expect(round.statusCode, round.body).toBe(200);
  roundId = round.json<RoundDto>().id;
  // A score sheet in both states of its page: CĐCS A still self-scoring, CĐCS B submitted (all zero) for verification.
  const sheetRound = (await officer.post('/api/v1/scoring-rounds', { orgId: w.orgs.huyen.id, year, title: 'Chấm thử phiếu', templateId, deadline: `${year + 1}-01-31`, units: [w.orgs.cdcsA.id, w.orgs.cdcsB.id] })).json<RoundDto>();
  const sheets = (await officer.get(`/api/v1/score-sheets?roundId=${sheetRound.id}`)).json<{ items: SheetSummaryDto[] }>().items;
  selfSheetId = sheets.find((x) => x.orgId === w.orgs.cdcsA.id)!.id;
  verifySheetId = sheets.find((x) => x.orgId === w.orgs.cdcsB.id)!.id;
  const unitB = await loginAs(env.app, 'cdcs.b');
  const draft = (await unitB.get(`/api/v1/score-sheets/${verifySheetId}`)).json<SheetDto>();
  const scored = (await unitB.put(`/api/v1/score-sheets/${verifySheetId}/entries`, { version: draft.version, entries: draft.criteria.map((c) => ({ criterionCode: c.code, points: 0 })) })).json<SheetDto>();
  await attachRequiredEvidence(unitB, verifySheetId);
  const submitted = await unitB.post(`/api/v1/score-sheets/${verifySheetId}/submit`, { version: scored.version });
  expect(submitted.statusCode, submitted.body).toBe(200);
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
  [`/cham-diem/${roundId}/hoi-dong`, 'council-setup'],
  [`/cham-diem/phieu/${verifySheetId}`, 'sheet-verify-points'],
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

  it('finds no violation on a score sheet being self-scored, on a desktop and on a phone', async () => {
    const found: Record<string, unknown> = {};
    for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 780 }]) {
      const context = await browser.newContext({ locale: 'vi-VN', viewport });
      try {
        const page = await context.newPage();
        await logIn(page, base, 'cdcs.a');
        await page.goto(`${base}/cham-diem/phieu/${selfSheetId}`);
        await page.getByTestId('sheet-points').first().waitFor();
        await page.getByTestId('evidence-upload').first().waitFor();
        const v = await axeViolations(page);
        if (v.length > 0) found[`${viewport.width}`] = v;
      } finally {
        await context.close();
      }
    }
    expect(found).toEqual({});
  });

  it('finds no violation on the scoring rounds, results and templates pages, on a desktop and on a phone', async () => {
    const pages = [
      ['/cham-diem', 'round-row'],
      [`/cham-diem/${roundId}`, 'sheet-row'],
      [`/cham-diem/${roundId}?tab=results`, 'results-table'],
      ['/mau-cham-diem', 'template-row'],
      [`/mau-cham-diem/${templateId}`, 'template-structure'],
    ] as const;
    const found: Record<string, unknown> = {};
    for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 780 }]) {
      const context = await browser.newContext({ locale: 'vi-VN', viewport });
      try {
        const page = await context.newPage();
        await logIn(page, base, 'huyen.tdkt');
        for (const [path, testId] of pages) {
          await page.goto(`${base}${path}`);
          await page.getByTestId(testId).first().waitFor();
          const v = await axeViolations(page);
          if (v.length > 0) found[`${path} @${viewport.width}`] = v;
        }
      } finally {
        await context.close();
      }
    }
    expect(found).toEqual({});
  });

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
