// Browser end-to-end for award nominations: a district round opened through the API; the CĐCS
// proposes Nguyễn Văn An in the UI, uploads the dossier, builds a tờ trình and sends it; the district
// officer receives it from /tham-dinh, starts the appraisal and returns the line with a reason; the
// CĐCS reads the reason, replaces the report, marks the line fixed and sends it again; the officer
// accepts and finishes. Each step is checked on the pages, then the nomination's history; the
// nomination page is checked at phone width and with axe.
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium, logIn } from '../support/browser';
import { axeViolations } from '../support/axe';
import { startTestApp, type TestEnv } from '../support/app';
import { loginAs, smallWorld } from '../factories';
import { currentYearInVietnam, daysFromToday, pdfBytes, typedDateFromToday } from '../support/scoring';
import type { NominationRoundDto } from '../../src/contracts/nominations';

const YEAR = currentYearInVietnam();
const TITLE = `Tổng kết thi đua năm ${YEAR} – kiểm thử giao diện`;
const AWARD = 'Giấy khen của Ban Chấp hành công đoàn cấp trên trực tiếp cơ sở';
const RETURN_REASON = 'Báo cáo thành tích chưa có xác nhận của thủ trưởng đơn vị.';

let env: TestEnv;
let browser: Browser;
let base: string;
let round: NominationRoundDto;
let unitContext: BrowserContext;
let officerContext: BrowserContext;
let unit: Page;
let officer: Page;
let nominationId: number;
let submissionId: number;
let world: Awaited<ReturnType<typeof smallWorld>>;

const pdf = (name: string, text: string) => ({ name, mimeType: 'application/pdf', buffer: pdfBytes(text) });

/** Notices sit over the header's buttons (top right) for 4 s: wait until they are gone. */
async function noNotices(page: Page) {
  await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 15_000 }).toBe(0);
}

async function statusOf(page: Page) {
  return page.getByTestId('submission-page').getAttribute('data-status');
}

/** Clicks a header action of the tờ trình and its dialog's button (and the confirmation, when asked). */
async function act(page: Page, action: string, label: string, opts: { reason?: string; confirm?: boolean } = {}) {
  await noNotices(page);
  await page.getByTestId(`submission-action-${action}`).click();
  const dialog = page.getByRole('dialog');
  if (opts.reason) await dialog.getByLabel('Lý do').fill(opts.reason);
  await dialog.getByRole('button', { name: label, exact: true }).click();
  if (opts.confirm) await dialog.getByRole('button', { name: `Xác nhận: ${label}`, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** Downloads a link's target with the page's session: status, content type and the first two bytes. */
async function fetchFile(page: Page, href: string) {
  return page.evaluate(async (url) => {
    const res = await fetch(url, { credentials: 'same-origin' });
    const bytes = new Uint8Array(await res.arrayBuffer());
    return { status: res.status, type: res.headers.get('content-type'), zip: bytes.length > 1 ? String.fromCharCode(bytes[0]!, bytes[1]!) : '' };
  }, href);
}

const line = (page: Page) => page.getByTestId('submission-line').filter({ hasText: 'Nguyễn Văn An' });

beforeAll(async () => {
  env = await startTestApp({ serveWeb: true });
  const w = await smallWorld(env.database.db);
  world = w;
  // This year An was rated only "hoàn thành nhiệm vụ": the engine finds him not eligible for a Giấy khen.
  await env.database.db.execute(sql`insert into performance_rating (person_id, scope_path, year, rating) values (${w.persons.an}, ${w.orgs.cdcsA.path}, ${YEAR}, 'HTNV')`);
  // The district's officer has an address: sending a tờ trình writes a mail to the outbox.
  await env.database.db.execute(sql`update app_user set email = 'huyen.tdkt@example.vn' where username = 'huyen.tdkt'`);
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
  const api = await loginAs(env.app, 'huyen.tdkt');
  const res = await api.post('/api/v1/nomination-rounds', {
    orgId: w.orgs.huyen.id,
    year: YEAR,
    title: TITLE,
    kind: 'ANNUAL',
    ceremonyDate: daysFromToday(90),
    awardCodes: ['GK_CD_CAP_TREN', 'GK_CD_CAP_TREN_TT', 'LDTT'],
    parameters: { levels: [{ below: 1, appraisalWorkingDays: 5 }, { below: 0, appraisalWorkingDays: 10 }] },
  });
  expect(res.statusCode, res.body).toBe(201);
  round = res.json<NominationRoundDto>();
  browser = await launchChromium();
  unitContext = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
  officerContext = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
  unit = await unitContext.newPage();
  officer = await officerContext.newPage();
  await logIn(unit, base, 'cdcs.a');
  await logIn(officer, base, 'huyen.tdkt');
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  for (const [who, page] of [['unit', unit], ['officer', officer]] as const) {
    if (page) await page.screenshot({ path: path.join(os.tmpdir(), `vd-e2e-nominations-${who}-${ctx.task.name.slice(0, 30).replace(/\W+/g, '-')}.png`), fullPage: true });
  }
});

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

describe('đề nghị khen thưởng', () => {
  it('the CĐCS proposes a member, completes the dossier, builds the tờ trình and sends it', async () => {
    // The round in the list, with the unit's own deadline in the schedule.
    await unit.goto(`${base}/de-nghi`);
    const row = unit.getByTestId('nround-row').filter({ hasText: TITLE });
    await row.waitFor();
    expect(await unit.getByTestId('nround-create').count()).toBe(0);
    await row.getByTestId('nround-open').click();
    await unit.waitForURL((u) => u.pathname === `/de-nghi/${round.id}`);
    const mine = unit.locator('[data-testid="nround-level"][data-mine="true"]');
    await mine.waitFor();
    expect(await mine.getAttribute('data-below')).toBe('1');
    const [d, m, y] = [round.schedule[1]!.dossiersDueAt.slice(8, 10), round.schedule[1]!.dossiersDueAt.slice(5, 7), round.schedule[1]!.dossiersDueAt.slice(0, 4)];
    expect(await unit.getByTestId('nround-my-deadline').textContent()).toContain(`${d}/${m}/${y}`);

    // "Thêm đề nghị": a person, an award for persons, a summary.
    await unit.getByTestId('nomination-add').click();
    const dialog = unit.getByRole('dialog');
    await dialog.getByTestId('nomination-form-person').click();
    await dialog.getByTestId('nomination-form-person').fill('Nguyễn Văn An');
    await unit.getByRole('listbox').getByRole('option', { name: /^Nguyễn Văn An/ }).click();
    await dialog.getByTestId('nomination-form-award').click();
    // Only the round's awards for persons are offered.
    const offered = await unit.getByRole('listbox').getByRole('option').allTextContents();
    expect(offered).toContain(AWARD);
    expect(offered).not.toContain(round.awards.find((a) => a.code === 'GK_CD_CAP_TREN_TT')!.name);
    await unit.getByRole('listbox').getByRole('option', { name: AWARD, exact: true }).click();
    await dialog.getByTestId('nomination-form-summary').fill('Hoàn thành xuất sắc nhiệm vụ năm học, có sáng kiến được công nhận.');
    await dialog.getByRole('button', { name: 'Thêm đề nghị', exact: true }).click();
    await unit.waitForURL((u) => /^\/de-nghi\/ho-so\/\d+$/.test(u.pathname));
    nominationId = Number(new URL(unit.url()).pathname.split('/').pop());
    await unit.getByTestId('nomination-page').waitFor();
    expect(await unit.getByTestId('nomination-page').getAttribute('data-status')).toBe('DRAFT');
    const template = await unit.getByTestId('dossier-report-template').getAttribute('href');
    expect(template).toBe(`/api/v1/nominations/${nominationId}/achievement-report.docx`);
    expect(await fetchFile(unit, template!)).toEqual({ status: 200, type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', zip: 'PK' });
    expect(await unit.getByTestId('nomination-reasons').locator('[data-outcome]').count()).toBeGreaterThan(0);

    // The two required papers, uploaded through the page.
    for (const [kind, name] of [['BAO_CAO_THANH_TICH', 'Báo cáo thành tích.pdf'], ['BIEN_BAN_BINH_XET', 'Biên bản bình xét.pdf']] as const) {
      const item = unit.locator(`[data-testid="dossier-item"][data-kind="${kind}"]`);
      expect(await item.getAttribute('data-missing')).toBe('true');
      await item.getByTestId('dossier-input').setInputFiles(pdf(name, `${kind}-v1`));
      await expect.poll(() => item.getAttribute('data-present'), { timeout: 15_000 }).toBe('1');
      expect(await item.getByTestId('dossier-download').textContent()).toContain(name);
    }
    // A file that is not what it claims is refused with the server's explanation, and nothing is kept.
    const other = unit.locator('[data-testid="dossier-item"][data-kind="BIEN_BAN_BINH_XET"]');
    await other.getByTestId('dossier-input').setInputFiles({ name: 'bien-ban.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00 this program cannot be run in DOS mode') });
    await expect.poll(() => other.getByRole('alert').textContent(), { timeout: 15_000 }).toContain('Chỉ nhận');
    expect(await other.getAttribute('data-present')).toBe('1');

    // A not-eligible nomination needs a justification before it can go up.
    expect(await unit.getByTestId('nomination-eligibility-status').getAttribute('data-status')).toBe('NOT_ELIGIBLE');
    await unit.getByTestId('nomination-justification-needed').waitFor();
    await unit.getByTestId('nomination-justification').fill('Có thành tích đột xuất trong phòng chống bão lụt năm nay.');
    await unit.getByTestId('nomination-justification-save').click();
    await expect.poll(() => unit.getByTestId('nomination-justification-needed').count(), { timeout: 10_000 }).toBe(0);

    // Back to the round: the dossier is complete; the draft is picked into a new tờ trình.
    await unit.goto(`${base}/de-nghi/${round.id}`);
    const nomination = unit.getByTestId('nomination-row').filter({ hasText: 'Nguyễn Văn An' });
    await nomination.waitFor();
    expect(await nomination.getByTestId('nomination-missing').getAttribute('data-count')).toBe('0');
    expect(await nomination.getByTestId('nomination-status').getAttribute('data-status')).toBe('DRAFT');
    expect(await nomination.getByTestId('nomination-eligibility').getAttribute('data-status')).toBe('NOT_ELIGIBLE');
    await unit.getByTestId('nwhatif-panel').waitFor();
    expect(await axeViolations(unit)).toEqual([]);
    await nomination.getByTestId('nomination-select').check();
    await unit.getByTestId('submission-build').click();
    await unit.waitForURL((u) => /^\/de-nghi\/to-trinh\/\d+$/.test(u.pathname));
    submissionId = Number(new URL(unit.url()).pathname.split('/').pop());
    await unit.getByTestId('submission-page').waitFor();
    expect(await statusOf(unit)).toBe('DRAFT');
    expect(await unit.getByTestId('submission-route').textContent()).toBe('Công đoàn cơ sở Trường THCS Phước Minh → Liên đoàn Lao động huyện DMC');
    expect(await unit.getByTestId('submission-problems').count()).toBe(0);
    expect(await unit.getByTestId('submission-download-docx').getAttribute('href')).toBe(`/api/v1/submissions/${submissionId}/proposal.docx`);
    expect(await unit.getByTestId('submission-download-xlsx').getAttribute('href')).toBe(`/api/v1/submissions/${submissionId}/list.xlsx`);
    expect(await fetchFile(unit, `/api/v1/submissions/${submissionId}/proposal.docx`)).toMatchObject({ status: 200, zip: 'PK' });
    expect(await fetchFile(unit, `/api/v1/submissions/${submissionId}/list.xlsx`)).toMatchObject({ status: 200, zip: 'PK' });
    expect(await unit.getByTestId('submission-action-receive').count()).toBe(0);

    await act(unit, 'submit', 'Gửi tờ trình');
    await expect.poll(() => statusOf(unit)).toBe('SUBMITTED');
    expect(await line(unit).getByTestId('nomination-status').getAttribute('data-status')).toBe('IN_REVIEW');
    expect(await unit.getByTestId('submission-action-submit').count()).toBe(0);
  });

  it('the district officer receives it from the appraisal inbox, starts and returns the line with a reason', async () => {
    await officer.goto(`${base}/tham-dinh`);
    const row = officer.getByTestId('appraisal-row').filter({ hasText: 'Công đoàn cơ sở Trường THCS Phước Minh' });
    await row.waitFor();
    expect(await row.getByTestId('submission-status').getAttribute('data-status')).toBe('SUBMITTED');
    await row.getByTestId('submission-open').click();
    await officer.waitForURL((u) => u.pathname === `/de-nghi/to-trinh/${submissionId}`);
    await officer.getByTestId('submission-page').waitFor();
    expect(await officer.getByTestId('submission-action-submit').count()).toBe(0);

    await act(officer, 'receive', 'Tiếp nhận');
    await expect.poll(() => statusOf(officer)).toBe('RECEIVED');
    // The district's own appraisal time (10 working days) runs from receipt.
    expect(await officer.getByTestId('submission-days-left').textContent()).toContain('Còn 10 ngày làm việc');

    await act(officer, 'start', 'Bắt đầu thẩm định');
    await expect.poll(() => statusOf(officer)).toBe('UNDER_APPRAISAL');

    await line(officer).getByTestId('line-return').click();
    const dialog = officer.getByRole('dialog');
    await dialog.getByLabel('Lý do').fill(RETURN_REASON);
    await dialog.getByRole('button', { name: 'Trả lại', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => line(officer).getByTestId('line-state').getAttribute('data-state')).toBe('RETURNED');
    expect(await line(officer).getByTestId('line-reason').textContent()).toBe(RETURN_REASON);

    await act(officer, 'return', 'Trả lại tờ trình', { reason: 'Đề nghị đơn vị bổ sung hồ sơ', confirm: true });
    await expect.poll(() => statusOf(officer)).toBe('RETURNED');
    expect(await officer.getByTestId('submission-actions').count()).toBe(0);
  });

  it('the CĐCS sees the reason, replaces the report, marks the line fixed and sends it again', async () => {
    await unit.goto(`${base}/de-nghi/to-trinh/${submissionId}`);
    await unit.getByTestId('submission-page').waitFor();
    expect(await statusOf(unit)).toBe('RETURNED');
    expect(await unit.getByTestId('submission-return-reason').textContent()).toContain('Đề nghị đơn vị bổ sung hồ sơ');
    expect(await line(unit).getByTestId('line-reason').textContent()).toBe(RETURN_REASON);
    await line(unit).getByTestId('line-open').click();
    await unit.waitForURL((u) => u.pathname === `/de-nghi/ho-so/${nominationId}`);
    await unit.getByTestId('nomination-page').waitFor();
    expect(await unit.getByTestId('nomination-page').getAttribute('data-status')).toBe('RETURNED');
    const returned = unit.locator('[data-testid="history-event"][data-kind="ITEM_RETURNED"]');
    expect(await returned.getByTestId('history-reason').textContent()).toBe(`Lý do: ${RETURN_REASON}`);

    const report = unit.locator('[data-testid="dossier-item"][data-kind="BAO_CAO_THANH_TICH"]');
    const [chooser] = await Promise.all([unit.waitForEvent('filechooser'), report.getByTestId('dossier-replace').click()]);
    await chooser.setFiles(pdf('Báo cáo có xác nhận.pdf', 'BAO_CAO_THANH_TICH-v2'));
    await expect.poll(() => report.locator('[data-testid="dossier-file"][data-status="SUPERSEDED"]').count(), { timeout: 15_000 }).toBe(1);
    expect(await report.locator('[data-testid="dossier-file"][data-status="ACTIVE"]').textContent()).toContain('Báo cáo có xác nhận.pdf');
    expect(await report.getAttribute('data-present')).toBe('1');

    await unit.getByTestId('nomination-submission-link').click();
    await unit.waitForURL((u) => u.pathname === `/de-nghi/to-trinh/${submissionId}`);
    await line(unit).getByTestId('line-fix').click();
    await expect.poll(() => line(unit).getByTestId('line-state').getAttribute('data-state')).toBe('FIXED');
    await act(unit, 'resubmit', 'Gửi lại');
    await expect.poll(() => statusOf(unit)).toBe('RESUBMITTED');
  });

  it('the officer starts again, accepts the line and finishes; the nomination shows its whole history', async () => {
    await officer.goto(`${base}/tham-dinh`);
    const row = officer.getByTestId('appraisal-row').filter({ hasText: 'Công đoàn cơ sở Trường THCS Phước Minh' });
    await row.waitFor();
    expect(await row.getByTestId('submission-status').getAttribute('data-status')).toBe('RESUBMITTED');
    await row.getByTestId('submission-open').click();
    await officer.waitForURL((u) => u.pathname === `/de-nghi/to-trinh/${submissionId}`);
    await officer.getByTestId('submission-page').waitFor();

    await act(officer, 'start', 'Bắt đầu thẩm định');
    await expect.poll(() => statusOf(officer)).toBe('UNDER_APPRAISAL');
    await line(officer).getByTestId('line-accept').click();
    await expect.poll(() => line(officer).getByTestId('line-state').getAttribute('data-state')).toBe('ACCEPTED');
    await act(officer, 'finish', 'Kết thúc thẩm định');
    await expect.poll(() => statusOf(officer)).toBe('APPRAISED');
    expect(await officer.getByTestId('submission-action-to-council').count()).toBe(1);
    expect(await line(officer).getByTestId('nomination-status').getAttribute('data-status')).toBe('ACCEPTED');
    await noNotices(officer);
    expect(await axeViolations(officer)).toEqual([]);

    await line(officer).getByTestId('line-open').click();
    await officer.waitForURL((u) => u.pathname === `/de-nghi/ho-so/${nominationId}`);
    const events = officer.getByTestId('history-event');
    await events.first().waitFor();
    expect(await events.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual(['CREATED', 'SUBMITTED', 'RECEIVED', 'ITEM_RETURNED', 'ITEM_FIXED', 'RESUBMITTED', 'ITEM_ACCEPTED', 'APPRAISED']);
    const returned = officer.locator('[data-testid="history-event"][data-kind="ITEM_RETURNED"]');
    expect(await returned.textContent()).toContain('Liên đoàn Lao động huyện DMC');
    // The appraiser reads the dossier but cannot change it.
    expect(await officer.getByTestId('dossier-upload').count()).toBe(0);
    expect(await officer.getByTestId('nomination-justification').count()).toBe(0);
    // …and reads the unit's justification next to the engine's verdict.
    expect(await officer.getByTestId('nomination-justification-text').textContent()).toContain('Có thành tích đột xuất trong phòng chống bão lụt năm nay.');
    expect(await officer.getByTestId('nomination-page').getAttribute('data-status')).toBe('ACCEPTED');
  });

  it('the nomination page fits a 360 px phone and passes axe', async () => {
    const phone = await browser.newContext({ locale: 'vi-VN', viewport: { width: 360, height: 780 } });
    try {
      const page = await phone.newPage();
      await logIn(page, base, 'cdcs.a');
      await page.goto(`${base}/de-nghi/ho-so/${nominationId}`);
      await page.getByTestId('nomination-page').waitFor();
      await page.getByTestId('nomination-history').waitFor();
      const width = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? Number.POSITIVE_INFINITY);
      expect(width).toBeLessThanOrEqual(360);
      expect(await axeViolations(page)).toEqual([]);
      // The round (schedule as cards) and the tờ trình (lines as cards) fit too.
      for (const [url, ready] of [[`/de-nghi/${round.id}`, 'nomination-row'], [`/de-nghi/to-trinh/${submissionId}`, 'submission-line']] as const) {
        await page.goto(`${base}${url}`);
        await page.getByTestId(ready).first().waitFor();
        expect(await page.evaluate(() => document.scrollingElement?.scrollWidth ?? Number.POSITIVE_INFINITY)).toBeLessThanOrEqual(360);
      }
    } finally {
      await phone.close();
    }
  });

  it('the district officer opens a round in the dialog; a ceremony too close is refused next to its field', async () => {
    await officer.goto(`${base}/de-nghi`);
    await noNotices(officer);
    await officer.getByTestId('nround-create').click();
    const dialog = officer.getByRole('dialog');
    await expect.poll(() => dialog.getByTestId('nround-form-org').inputValue(), { timeout: 10_000 }).toBe('Liên đoàn Lao động huyện DMC');
    await dialog.getByTestId('nround-form-title').fill(`Khen thưởng chuyên đề năm ${YEAR}`);
    await dialog.getByTestId('nround-form-kind').click();
    await officer.getByRole('listbox').getByRole('option', { name: 'Chuyên đề', exact: true }).click();
    await dialog.getByTestId('nround-form-awards').click();
    await dialog.getByTestId('nround-form-awards').fill('GK_CD_CAP_TREN');
    await officer.getByRole('listbox').getByRole('option', { name: /\(GK_CD_CAP_TREN\)$/ }).click();
    await dialog.getByTestId('nround-form-awards').press('Escape');
    expect(await dialog.getByTestId('nround-form-level').count()).toBe(2);

    const ceremony = dialog.getByTestId('nround-form-ceremony');
    await ceremony.fill(typedDateFromToday(7));
    await ceremony.press('Tab');
    await dialog.getByRole('button', { name: 'Mở đợt xét', exact: true }).click();
    await expect.poll(() => ceremony.getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
    const describedBy = ((await ceremony.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
    const described = await Promise.all(describedBy.map((id) => officer.locator(`[id="${id}"]`).textContent()));
    expect(described.join(' ')).toContain('Không lập được tiến độ đợt xét');
    expect(new URL(officer.url()).pathname).toBe('/de-nghi');

    await ceremony.fill(typedDateFromToday(120));
    await ceremony.press('Tab');
    await dialog.getByRole('button', { name: 'Mở đợt xét', exact: true }).click();
    await officer.waitForURL((u) => /^\/de-nghi\/\d+$/.test(u.pathname) && u.pathname !== `/de-nghi/${round.id}`);
    await officer.getByTestId('nround-schedule').waitFor();
    expect(await officer.getByTestId('nround-level').count()).toBe(2);

    // The organiser closes it with a reason, after a confirmation; nothing can be proposed any more.
    await noNotices(officer);
    await officer.getByTestId('nround-close').click();
    const closing = officer.getByRole('dialog');
    await closing.getByLabel('Lý do').fill('Đã lồng ghép vào đợt tổng kết năm');
    await closing.getByRole('button', { name: 'Kết thúc đợt xét', exact: true }).click();
    await closing.getByRole('button', { name: 'Xác nhận: Kết thúc đợt xét', exact: true }).click();
    await closing.waitFor({ state: 'detached' });
    await expect.poll(() => officer.getByTestId('nround-status').getAttribute('data-status')).toBe('CLOSED');
    expect(await officer.getByTestId('nround-close').count()).toBe(0);
    expect(await officer.getByTestId('nomination-add').count()).toBe(0);
  });

  it('the unit takes a line out of its draft tờ trình and puts it back', async () => {
    const api = await loginAs(env.app, 'cdcs.a');
    const ids: number[] = [];
    for (const awardCode of ['GK_CD_CAP_TREN', 'LDTT']) {
      const res = await api.post('/api/v1/nominations', { roundId: round.id, personId: world.persons.anh, awardCode });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json<{ id: number }>().id);
    }
    const created = await api.post('/api/v1/submissions', { roundId: round.id, fromOrgId: world.orgs.cdcsA.id, nominationIds: ids });
    expect(created.statusCode, created.body).toBe(201);
    const draftId = created.json<{ id: number }>().id;

    await unit.goto(`${base}/de-nghi/to-trinh/${draftId}`);
    const lines = unit.getByTestId('submission-line');
    await expect.poll(() => lines.count()).toBe(2);
    await lines.filter({ hasText: 'Lao động tiên tiến' }).getByTestId('line-remove').click();
    await expect.poll(() => lines.count()).toBe(1);
    // The last line cannot be taken out: a tờ trình is never empty.
    expect(await unit.getByTestId('line-remove').count()).toBe(0);

    await noNotices(unit);
    await unit.getByTestId('submission-add-lines').click();
    const dialog = unit.getByRole('dialog');
    const options = dialog.getByTestId('submission-add-option');
    await expect.poll(() => options.count()).toBe(1);
    await options.first().check();
    await dialog.getByRole('button', { name: 'Thêm 1 đề nghị', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => lines.count()).toBe(2);
    expect(await lines.filter({ hasText: 'Lao động tiên tiến' }).count()).toBe(1);
  });

  it('an administrator reads the mail the flow wrote in the outbox (no SMTP server here: it waits)', async () => {
    const ctx = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    try {
      const admin = await ctx.newPage();
      await logIn(admin, base, 'admin');
      await admin.goto(`${base}/thu-dien-tu`);
      await admin.getByTestId('outbox-no-smtp').waitFor();
      const rows = admin.getByTestId('outbox-row').filter({ hasText: 'huyen.tdkt@example.vn' });
      await expect.poll(() => rows.count(), { timeout: 15_000 }).toBeGreaterThan(0);
      expect(await admin.getByTestId('outbox-row').filter({ hasText: `Tờ trình mới: Tờ trình đề nghị khen thưởng năm ${YEAR}` }).count()).toBeGreaterThan(0);
      expect(await rows.first().getByTestId('outbox-status').getAttribute('data-status')).toBe('PENDING');
      expect(await axeViolations(admin)).toEqual([]);
      // The unit's officer has no such page.
      await unit.goto(`${base}/thu-dien-tu`);
      await unit.waitForURL((u) => u.pathname === '/');
    } finally {
      await ctx.close();
    }
  });
});
