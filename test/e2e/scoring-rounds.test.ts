// Browser end-to-end for scoring rounds: the district officer opens a round from the form (a shipped
// template, a deadline typed as dd/mm/yyyy, two declared tie-breaks), finds it in the list, sees one
// sheet per CĐCS, extends one sheet's deadline and reminds the units, opens the results tab and
// downloads the results as Excel; a CĐCS officer sees the round but not the create button; the
// template pages show a frozen published version.
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, logIn } from '../support/browser';
import { startTestApp, type TestEnv } from '../support/app';
import { loginAs, smallWorld } from '../factories';
import type { SheetDto, SheetSummaryDto, TemplateDto } from '../../src/contracts/scoring';
import type { ClusterDto } from '../../src/contracts/clusters';
import { attachRequiredEvidence, currentYearInVietnam, typedDateFromToday } from '../support/scoring';

const TITLE = 'Đánh giá, xếp loại công đoàn cơ sở năm 2026 – kiểm thử';
const A = 'Công đoàn cơ sở Trường THCS Phước Minh';
const B = 'Công đoàn cơ sở Công ty TNHH Sợi Thế Kỷ';

let env: TestEnv;
let browser: Browser;
let page: Page;
let base: string;
let roundId: number;
let w: Awaited<ReturnType<typeof smallWorld>>;

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

describe('đợt chấm điểm', () => {
  it('an officer creates a round through the form, finds it in the list, sees its sheets and exports its results', async () => {
    await logIn(page, base, 'huyen.tdkt');
    await page.goto(`${base}/cham-diem`);
    await page.getByTestId('round-create').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('round-form-title').fill(TITLE);
    await dialog.getByTestId('round-form-template').click();
    await page.getByRole('option', { name: /^CDCS_1294 · phiên bản 1/ }).click();
    await dialog.getByTestId('round-form-deadline').fill(typedDateFromToday(30));
    await dialog.getByTestId('round-form-deadline').press('Tab');

    // Tie-breaks: the template's sections appear once it is chosen; each rule can be added once.
    await dialog.getByTestId('round-tie-break-add').click();
    await page.getByRole('option', { name: /^Tổng điểm mục G1\./ }).click();
    await dialog.getByTestId('round-tie-break-add').click();
    await page.getByRole('option', { name: 'Ít điểm trừ hơn', exact: true }).click();
    const rules = dialog.getByTestId('round-tie-break');
    await expect.poll(() => rules.count()).toBe(2);
    await dialog.getByRole('button', { name: 'Đưa “Ít điểm trừ hơn” lên trên' }).click();
    expect(await rules.evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')))).toEqual(['FEWER_DEDUCTIONS', 'SECTION_TOTAL:G1']);

    // The bands are prefilled with the defaults, as parameters.
    await dialog.getByTestId('round-form-advanced').click();
    expect(await dialog.getByTestId('round-band-HTXSNV').inputValue()).toBe('85');
    // A deadline already past: the server's refusal is shown under the deadline field, nothing is created.
    await dialog.getByTestId('round-form-deadline').fill(typedDateFromToday(-3));
    await dialog.getByTestId('round-form-deadline').press('Tab');
    await dialog.getByRole('button', { name: 'Tạo đợt chấm điểm', exact: true }).click();
    const deadline = dialog.getByTestId('round-form-deadline');
    await expect.poll(() => deadline.getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
    const describedBy = (await deadline.getAttribute('aria-describedby'))!.split(' ');
    const described = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).textContent()));
    expect(described.join(' ')).toContain(`Hạn chấm ${typedDateFromToday(-3)} đã qua`);
    expect(await page.evaluate(() => window.location.pathname)).toBe('/cham-diem');
    await dialog.getByTestId('round-form-deadline').fill(typedDateFromToday(30));
    await dialog.getByTestId('round-form-deadline').press('Tab');
    await dialog.getByRole('button', { name: 'Tạo đợt chấm điểm', exact: true }).click();
    await page.waitForURL((u) => /^\/cham-diem\/\d+$/.test(u.pathname));
    const roundPath = new URL(page.url()).pathname;
    roundId = Number(roundPath.split('/').pop());

    // Sheets: one per CĐCS of the district, each linking to its sheet page.
    const sheets = page.getByTestId('sheet-row');
    await sheets.first().waitFor();
    await expect.poll(() => sheets.count()).toBe(2);
    expect(await sheets.filter({ hasText: A }).getByTestId('sheet-status').getAttribute('data-status')).toBe('DRAFT');
    expect(await sheets.filter({ hasText: B }).getByTestId('sheet-open').getAttribute('href')).toMatch(/^\/cham-diem\/phieu\/\d+$/);
    expect(await page.getByTestId('round-template').textContent()).toContain('CDCS_1294');
    expect(await page.getByTestId('round-council').count()).toBe(1);

    // A manager extends the deadline of the chosen sheet only, with a reason, and reminds the units.
    await sheets.filter({ hasText: A }).getByTestId('sheet-select').check();
    await page.getByTestId('round-extend').click();
    const extend = page.getByRole('dialog');
    expect(await extend.getByTestId('round-extend-scope').textContent()).toBe('Gia hạn cho 1 phiếu đã chọn.');
    await extend.getByTestId('round-extend-deadline').fill(typedDateFromToday(60));
    await extend.getByTestId('round-extend-deadline').press('Tab');
    await extend.getByLabel('Lý do').fill('Đơn vị đề nghị gia hạn do thay đổi nhân sự');
    await extend.getByRole('button', { name: 'Gia hạn', exact: true }).click();
    await extend.waitFor({ state: 'detached' });
    await expect.poll(() => sheets.filter({ hasText: A }).textContent()).toContain(typedDateFromToday(60));
    expect(await sheets.filter({ hasText: B }).textContent()).toContain(typedDateFromToday(30));
    await page.getByTestId('round-remind').click();
    await expect.poll(() => page.getByTestId('round-remind-result').textContent()).toMatch(/^Đã nhắc 2 đơn vị chưa nộp phiếu/);

    // The list shows the new round with its progress.
    await page.goto(`${base}/cham-diem`);
    const row = page.getByTestId('round-row').filter({ hasText: TITLE });
    await row.waitFor();
    expect(await row.getByTestId('round-status').getAttribute('data-status')).toBe('OPEN');
    expect(await row.getByTestId('round-progress').textContent()).toContain('0/2');
    await row.getByTestId('round-open').click();
    await page.waitForURL((u) => u.pathname === roundPath);

    // Results: nothing verified yet; the declared tie-breaks are stated; the export is the xlsx.
    await page.getByTestId('round-tab-results').click();
    await page.waitForURL((u) => u.searchParams.get('tab') === 'results');
    expect(await page.getByTestId('results-tie-breaks').textContent()).toContain('Ít điểm trừ hơn');
    const href = await page.getByTestId('results-export').getAttribute('href');
    expect(href).toBe(`/api/v1/scoring-rounds/${roundId}/results.xlsx`);
    const download = await page.evaluate(async (url) => {
      const res = await fetch(url, { credentials: 'same-origin' });
      const bytes = new Uint8Array(await res.arrayBuffer());
      return { status: res.status, type: res.headers.get('content-type'), zip: String.fromCharCode(bytes[0]!, bytes[1]!) };
    }, href!);
    expect(download).toEqual({ status: 200, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', zip: 'PK' });
    expect(await page.getByTestId('results-publish').count()).toBe(1);
  });

  it('a CĐCS officer sees the round of its unit but cannot create one', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 360, height: 780 } });
    try {
      const officer = await context.newPage();
      await logIn(officer, base, 'cdcs.a');
      await officer.goto(`${base}/cham-diem`);
      const row = officer.getByTestId('round-row').filter({ hasText: TITLE });
      await row.waitFor();
      expect(await officer.getByTestId('round-create').count()).toBe(0);
      await row.getByTestId('round-open').click();
      const sheets = officer.getByTestId('sheet-row');
      await sheets.first().waitFor();
      await expect.poll(() => sheets.count()).toBe(1);
      expect(await sheets.first().textContent()).toContain(A);
      expect(await officer.getByTestId('round-extend').count()).toBe(0);
      await officer.getByTestId('round-tab-results').click();
      await officer.getByTestId('results-not-yet').waitFor();
      const width = await officer.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(360);
    } finally {
      await context.close();
    }
  });

  it('the template pages list the shipped templates and show a published version as frozen', async () => {
    await page.goto(`${base}/mau-cham-diem?status=PUBLISHED`);
    const row = page.getByTestId('template-row').filter({ hasText: 'CDCS_1294' });
    await row.waitFor();
    await row.getByTestId('template-open').click();
    await page.getByTestId('template-frozen').waitFor();
    expect(await page.getByTestId('template-section').count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId('criterion-variant').first().getAttribute('data-variant')).toMatch(/^(STATE|ENTERPRISE)$/);
    expect(await page.getByTestId('template-edit').count()).toBe(0);
  });
  it('once every sheet is verified, the officer publishes the results and sees the ranking and its distribution', async () => {
    // Both units submit (all zero: no evidence needed) and the district approves them, through the API.
    const officer = await loginAs(env.app, 'huyen.tdkt');
    const sheets = (await officer.get(`/api/v1/score-sheets?roundId=${roundId}`)).json<{ items: SheetSummaryDto[] }>().items;
    for (const [username, sheet] of [['cdcs.a', sheets.find((x) => x.orgName === A)!], ['cdcs.b', sheets.find((x) => x.orgName === B)!]] as const) {
      const unit = await loginAs(env.app, username);
      const draft = (await unit.get(`/api/v1/score-sheets/${sheet.id}`)).json<SheetDto>();
      const scored = (await unit.put(`/api/v1/score-sheets/${sheet.id}/entries`, { version: draft.version, entries: draft.criteria.map((c) => ({ criterionCode: c.code, points: 0 })) })).json<SheetDto>();
      await attachRequiredEvidence(unit, sheet.id);
      const submitted = (await unit.post(`/api/v1/score-sheets/${sheet.id}/submit`, { version: scored.version })).json<SheetDto>();
      const approved = await officer.post(`/api/v1/score-sheets/${sheet.id}/approve`, { version: submitted.version });
      expect(approved.statusCode, approved.body).toBe(200);
    }

    await page.goto(`${base}/cham-diem/${roundId}?tab=results`);
    const rows = page.getByTestId('results-row');
    await rows.first().waitFor();
    await expect.poll(() => rows.count()).toBe(2);
    // Equal totals and equal tie-breaks: the two units share the first rank.
    expect(await rows.first().textContent()).toContain('Bằng điểm (đồng hạng)');
    expect(await rows.first().getByTestId('level').getAttribute('data-level')).toBe('KHTNV');
    await page.getByTestId('results-publish').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Công bố kết quả', exact: true }).click();
    await dialog.getByRole('button', { name: 'Xác nhận: Công bố kết quả', exact: true }).click();
    await page.getByTestId('results-published').waitFor();
    expect(await page.getByTestId('results-publish').count()).toBe(0);

    // The distribution: the whole round, 2 units not completed, both in the 0–10 bin; the numbers are in a table too.
    const whole = page.locator('[data-testid="distribution-group"][data-cluster=""]');
    await whole.waitFor();
    const tables = whole.getByTestId('distribution-table');
    expect(await tables.count()).toBe(2);
    expect(await tables.nth(0).locator('tr', { hasText: 'KHTNV' }).textContent()).toContain('2');
    expect(await tables.nth(1).locator('tr').nth(1).textContent()).toBe('0–102');

    // Ranking within a cluster of the round's year: the filter is in the URL and the export follows it.
    const cluster = await officer.post('/api/v1/clusters', {
      orgId: w.orgs.huyen.id, year: currentYearInVietnam(), kind: 'CLUSTER', name: 'Cụm thi đua số 2 – Doanh nghiệp',
      members: [{ orgId: w.orgs.cdcsB.id, role: 'HEAD', rotationOrder: 1 }, { orgId: w.orgs.cdcsA.id, role: 'DEPUTY', rotationOrder: 2 }],
    });
    expect(cluster.statusCode, cluster.body).toBe(200);
    const clusterId = cluster.json<ClusterDto>().id;
    await page.reload();
    await page.getByTestId('results-cluster').click();
    await page.getByRole('option', { name: 'Cụm thi đua số 2 – Doanh nghiệp', exact: true }).click();
    await page.waitForURL((u) => u.searchParams.get('clusterId') === String(clusterId));
    await expect.poll(() => page.getByTestId('results-export').getAttribute('href')).toBe(`/api/v1/scoring-rounds/${roundId}/results.xlsx?clusterId=${clusterId}`);
    await expect.poll(() => rows.count()).toBe(2);
    await page.locator(`[data-testid="distribution-group"][data-cluster="${clusterId}"]`).waitFor();
  });

  it('an officer drafts a new version of a template, edits a criterion and publishes it', async () => {
    const officer = await loginAs(env.app, 'huyen.tdkt');
    const shipped = (await officer.get('/api/v1/scorecard-templates?code=TO_CONG_DOAN&status=PUBLISHED')).json<{ items: TemplateDto[] }>().items[0]!;
    await page.goto(`${base}/mau-cham-diem/${shipped.id}`);
    await page.getByTestId('template-frozen').waitFor();
    await page.getByTestId('template-revise').click();
    const revise = page.getByRole('dialog');
    // The new version is owned by the officer's own federation unless another is chosen.
    await expect.poll(() => revise.getByTestId('template-revise-owner').inputValue(), { timeout: 10_000 }).toBe('Liên đoàn Lao động huyện DMC');
    await revise.getByRole('button', { name: 'Tạo phiên bản mới', exact: true }).click();
    await page.waitForURL((u) => u.pathname !== `/mau-cham-diem/${shipped.id}`);
    await page.getByTestId('template-draft-note').waitFor();
    expect(await page.getByTestId('template-status').getAttribute('data-status')).toBe('DRAFT');

    await page.getByTestId('template-edit').click();
    const text = page.getByTestId('template-edit-criterion-text').first();
    await text.fill('Tổ chức sinh hoạt tổ công đoàn định kỳ hằng tháng, có ghi biên bản');
    await page.getByTestId('template-edit-save').click();
    await page.getByTestId('template-structure').waitFor();
    expect(await page.getByTestId('template-criterion').first().textContent()).toContain('Tổ chức sinh hoạt tổ công đoàn định kỳ hằng tháng, có ghi biên bản');

    // The "saved" notice sits over the header's actions, and a pointer resting on it keeps it open.
    await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 15_000 }).toBe(0);
    await page.getByTestId('template-publish').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Công bố', exact: true }).click();
    await page.getByTestId('template-frozen').waitFor();
    expect(await page.getByTestId('template-status').getAttribute('data-status')).toBe('PUBLISHED');
    expect(await page.getByTestId('template-edit').count()).toBe(0);
  });
});
