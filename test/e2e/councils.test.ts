// Browser end-to-end for the emulation-commendation council: the district officer sets up the
// council in the UI (8 members through the API, the 9th and a declared relation through the pages),
// overrides one award's vote rule, schedules a meeting, puts the two nominations sent to the council
// on the agenda, marks 8 members present and 1 absent, starts the meeting and opens voting; three
// members vote in their own browsers (one with "Tán thành tất cả"), five through the API; the
// officer watches the count rise without reloading, enters the paper count of a third nomination,
// closes the meeting, reads "Đạt" / "Không đạt" with the working, downloads both minutes and
// verifies the tally; a voter checks their receipt. The ballot page and the meeting room are checked
// with axe, the absent member's ballot at phone width, the meeting room for overflow at 360 px.
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium, logIn } from '../support/browser';
import { axeViolations } from '../support/axe';
import { startTestApp, type TestEnv } from '../support/app';
import { createPerson, createUser, loginAs, smallWorld, type Client } from '../factories';
import { currentYearInVietnam, daysFromToday, multipartBody, pdfBytes } from '../support/scoring';
import type { NominationDto, NominationRoundDto, SubmissionDto } from '../../src/contracts/nominations';
import type { CouncilDto, MeetingDto, MeetingItemDto } from '../../src/contracts/councils';

const YEAR = currentYearInVietnam();
const COUNCIL = 'Hội đồng Thi đua – Khen thưởng Liên đoàn Lao động huyện DMC';
const MEMBERS = [
  ['Trần Minh Hải', 'CHAIR'],
  ['Phạm Thị Hoa', 'VICE_CHAIR'],
  ['Lê Quốc Bảo', 'STANDING'],
  ['Ngô Thị Lan', 'MEMBER'],
  ['Đỗ Văn Hùng', 'MEMBER'],
  ['Bùi Thị Mai', 'MEMBER'],
  ['Hoàng Văn Nam', 'MEMBER'],
  ['Vũ Thị Oanh', 'MEMBER'],
  ['Đinh Văn Phúc', 'MEMBER'],
] as const;
const ABSENT = 'Đinh Văn Phúc';
/** A third nominee, voted on by paper ballot: the vote counters enter the count. */
const PAPER = 'Lý Thị Cẩm';

let env: TestEnv;
let browser: Browser;
let base: string;
let world: Awaited<ReturnType<typeof smallWorld>>;
let officerContext: BrowserContext;
let officer: Page;
const voterContexts: BrowserContext[] = [];
const voters: Page[] = [];
const personIds: number[] = [];
let councilId: number;
let meetingId: number;
let anItem: MeetingItemDto;
let anhItem: MeetingItemDto;
let receipt = '';

/** Notices sit over the header's buttons (top right) for 4 s: wait until they are gone. */
async function noNotices(page: Page) {
  await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 15_000 }).toBe(0);
}

/** Downloads a link's target with the page's session: status, content type and the first two bytes. */
async function fetchFile(page: Page, href: string) {
  return page.evaluate(async (url) => {
    const res = await fetch(url, { credentials: 'same-origin' });
    const bytes = new Uint8Array(await res.arrayBuffer());
    return { status: res.status, type: res.headers.get('content-type'), zip: bytes.length > 1 ? String.fromCharCode(bytes[0]!, bytes[1]!) : '' };
  }, href);
}

/** Picks an option of the open combobox by its visible text. */
async function pickOption(page: Page, name: string | RegExp) {
  await page.getByRole('listbox').getByRole('option', { name }).first().click();
}

const item = (page: Page, subject: string) => page.getByTestId('meeting-item').filter({ hasText: subject });
const ballotItem = (page: Page, subject: string) => page.getByTestId('ballot-item').filter({ hasText: subject });

/** Three nominations of CĐCS A (An, Ánh and Cẩm, Giấy khen cấp trên) appraised by the district and sent to its council. */
async function nominationsToCouncil(unit: Client, district: Client, cam: number): Promise<number[]> {
  const round = await district.post('/api/v1/nomination-rounds', {
    orgId: world.orgs.huyen.id,
    year: YEAR,
    title: `Tổng kết thi đua năm ${YEAR} – hội đồng`,
    kind: 'ANNUAL',
    ceremonyDate: daysFromToday(90),
    awardCodes: ['GK_CD_CAP_TREN', 'LDTT'],
    parameters: { levels: [{ below: 1, appraisalWorkingDays: 5 }, { below: 0, appraisalWorkingDays: 10, councilWorkingDays: 2 }] },
  });
  expect(round.statusCode, round.body).toBe(201);
  const roundId = round.json<NominationRoundDto>().id;
  const ids: number[] = [];
  for (const personId of [world.persons.an, world.persons.anh, cam]) {
    const res = await unit.post('/api/v1/nominations', { roundId, personId, awardCode: 'GK_CD_CAP_TREN', achievementSummary: 'Hoàn thành xuất sắc nhiệm vụ năm học.', justification: 'Có thành tích đột xuất trong phòng chống bão lụt.' });
    expect(res.statusCode, res.body).toBe(201);
    const n = res.json<NominationDto>();
    for (const doc of n.checklist.filter((x) => x.required && x.scope === 'NOMINATION' && x.present === 0)) {
      const m = multipartBody([{ name: 'kind', value: doc.kind }, { name: 'file', fileName: `${doc.kind}.pdf`, content: pdfBytes(`${n.id}:${doc.kind}`) }]);
      const up = await unit.request({ method: 'POST', url: `/api/v1/nominations/${n.id}/documents`, payload: m.payload, headers: m.headers });
      expect(up.statusCode, up.body).toBe(200);
    }
    ids.push(n.id);
  }
  let s = (await unit.post('/api/v1/submissions', { roundId, fromOrgId: world.orgs.cdcsA.id, nominationIds: ids })).json<SubmissionDto>();
  const step = async (c: Client, action: string) => {
    const res = await c.post(`/api/v1/submissions/${s.id}/${action}`, { version: s.version });
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    s = res.json<SubmissionDto>();
  };
  await step(unit, 'submit');
  await step(district, 'receive');
  await step(district, 'start');
  for (const id of ids) s = (await district.post(`/api/v1/submissions/${s.id}/items/${id}`, { decision: 'ACCEPT' })).json<SubmissionDto>();
  await step(district, 'finish');
  await step(district, 'to-council');
  expect(s.lines.map((l) => l.nomination.status)).toEqual(['TO_COUNCIL', 'TO_COUNCIL', 'TO_COUNCIL']);
  return ids;
}

beforeAll(async () => {
  env = await startTestApp({ serveWeb: true });
  world = await smallWorld(env.database.db);
  for (const [i, [fullName]] of MEMBERS.entries()) {
    const id = await createPerson(env.database.db, world.orgs.huyen, { fullName, memberCode: `HD000000${i + 1}` });
    personIds.push(id);
    await createUser(env.database.db, `hd.${i + 1}`, [{ role: 'COUNCIL_MEMBER', org: world.orgs.huyen }], id);
  }
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
  const cam = await createPerson(env.database.db, world.orgs.cdcsA, { fullName: PAPER, gender: 'FEMALE' });
  await nominationsToCouncil(await loginAs(env.app, 'cdcs.a'), await loginAs(env.app, 'huyen.tdkt'), cam);
  browser = await launchChromium();
  officerContext = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
  officer = await officerContext.newPage();
  await logIn(officer, base, 'huyen.tdkt');
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  for (const [who, page] of [['officer', officer], ...voters.map((p, i) => [`voter${i + 1}`, p] as const)] as const) {
    if (page) await page.screenshot({ path: path.join(os.tmpdir(), `vd-e2e-councils-${who}-${ctx.task.name.slice(0, 30).replace(/\W+/g, '-')}.png`), fullPage: true });
  }
});

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

describe('hội đồng thi đua – khen thưởng', () => {
  it('the officer sets up the council, seats its members, records a relation and the council’s own rule for an award', async () => {
    await officer.goto(`${base}/hoi-dong`);
    await officer.getByTestId('council-table').waitFor();
    await noNotices(officer);
    await officer.getByTestId('council-create').click();
    const dialog = officer.getByRole('dialog');
    // The officer's own organisation is proposed.
    await expect.poll(() => dialog.getByTestId('council-form-org').inputValue()).toBe('Liên đoàn Lao động huyện DMC');
    await dialog.getByTestId('council-form-name').fill(COUNCIL);
    await dialog.getByTestId('council-form-standing').fill('Ban Tuyên giáo – Thi đua');
    await dialog.getByTestId('council-form-regulation').fill('Quy chế số 12/QC-LĐLĐ ngày 05/02/2024');
    await dialog.getByRole('button', { name: 'Thành lập Hội đồng', exact: true }).click();
    await officer.waitForURL((u) => /^\/hoi-dong\/\d+$/.test(u.pathname));
    councilId = Number(new URL(officer.url()).pathname.split('/').pop());
    await officer.getByTestId('council-page').waitFor();
    expect(await officer.getByTestId('council-member-count').textContent()).toBe('0/9 thành viên');

    // Eight seats through the API, the ninth in the page with the person picker.
    const api = await loginAs(env.app, 'huyen.tdkt');
    for (const [i, [, role]] of MEMBERS.slice(0, 8).entries()) {
      const res = await api.post(`/api/v1/councils/${councilId}/members`, { personId: personIds[i], role });
      expect(res.statusCode, res.body).toBe(200);
    }
    await officer.reload();
    await officer.getByTestId('member-table').waitFor();
    expect(await officer.getByTestId('member-row').count()).toBe(8);
    await officer.getByTestId('member-add').click();
    await dialog.getByTestId('member-form-person').click();
    await dialog.getByTestId('member-form-person').fill(ABSENT);
    await pickOption(officer, new RegExp(`^${ABSENT}`));
    await dialog.getByRole('button', { name: 'Thêm thành viên', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => officer.getByTestId('member-row').count()).toBe(9);
    expect(await officer.getByTestId('council-member-count').textContent()).toBe('9/9 thành viên');
    expect(await officer.getByTestId('member-add').isDisabled()).toBe(true);
    const chair = officer.getByTestId('member-row').filter({ hasText: 'Trần Minh Hải' });
    expect(await chair.getByTestId('member-role').getAttribute('data-role')).toBe('CHAIR');

    // The ninth member declares being related to Nguyễn Văn An: they will not vote on his nomination.
    const ninth = officer.getByTestId('member-row').filter({ hasText: ABSENT });
    await ninth.getByTestId('member-relation').click();
    await dialog.getByTestId('relation-person').click();
    await dialog.getByTestId('relation-person').fill('Nguyễn Văn An');
    await pickOption(officer, /^Nguyễn Văn An/);
    await dialog.getByTestId('relation-text').fill('Anh rể');
    await dialog.getByRole('button', { name: 'Lưu kê khai', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => ninth.getByTestId('member-relations').textContent()).toBe('Nguyễn Văn An: Anh rể');

    // Vote rules in plain words; the council's own rule for CSTĐ cơ sở.
    await officer.getByTestId('council-tab-rules').click();
    const general = officer.locator('[data-testid="vote-rule"][data-code="GK_CD_CAP_TREN"]');
    await general.waitFor();
    expect(await general.getByTestId('vote-rule-text').textContent()).toBe('tán thành trên 50 % tổng số thành viên Hội đồng; túc số 2/3 tổng số thành viên; bỏ phiếu kín');
    const cstd = officer.locator('[data-testid="vote-rule"][data-code="CSTD_CS"]');
    expect(await cstd.getByTestId('vote-rule-own').count()).toBe(0);
    await cstd.getByTestId('vote-rule-edit').click();
    await dialog.getByTestId('rule-approval').click();
    await pickOption(officer, 'Từ 90 % trở lên');
    await dialog.getByTestId('rule-written').click();
    await pickOption(officer, 'Có');
    await dialog.getByTestId('rule-source').fill('Quy chế số 12/QC-LĐLĐ, Điều 8');
    await dialog.getByRole('button', { name: 'Lưu', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await cstd.getByTestId('vote-rule-own').waitFor();
    expect(await cstd.getByTestId('vote-rule-text').textContent()).toBe('tán thành từ 90 % tổng số thành viên Hội đồng trở lên; túc số 2/3 tổng số thành viên; bỏ phiếu kín; thành viên vắng mặt gửi phiếu bằng văn bản');
    const stored = (await api.get(`/api/v1/councils/${councilId}`)).json<CouncilDto>();
    expect(stored.voteRules).toEqual({ awards: { CSTD_CS: { approval: { num: 9, den: 10 }, strict: false, writtenVotesFromAbsent: true, source: 'Quy chế số 12/QC-LĐLĐ, Điều 8' } } });
  });

  it('schedules a meeting, puts the waiting nominations on the agenda, takes attendance and opens voting', async () => {
    await officer.getByTestId('council-tab-meetings').click();
    await officer.getByTestId('meeting-table').waitFor();
    await officer.getByTestId('meeting-create').click();
    const dialog = officer.getByRole('dialog');
    await dialog.getByTestId('meeting-form-place').fill('Hội trường Liên đoàn Lao động huyện');
    await dialog.getByTestId('meeting-form-secretary').fill('Nguyễn Thị Thu');
    expect(await dialog.getByTestId('meeting-form-presiding').inputValue()).toBe('Trần Minh Hải – Chủ tịch');
    await dialog.getByRole('button', { name: 'Lên lịch họp', exact: true }).click();
    await officer.waitForURL((u) => /^\/hoi-dong\/hop\/\d+$/.test(u.pathname));
    meetingId = Number(new URL(officer.url()).pathname.split('/').pop());
    await officer.getByTestId('meeting-page').waitFor();
    expect(await officer.getByTestId('meeting-page').getAttribute('data-status')).toBe('SCHEDULED');
    await officer.getByTestId('agenda-empty-items').waitFor();

    // The vote counters and a remark for the minutes.
    await noNotices(officer);
    await officer.getByTestId('meeting-edit').click();
    await dialog.getByTestId('meeting-form-counters').click({ force: true });
    await pickOption(officer, /^Lê Quốc Bảo/);
    await dialog.getByTestId('meeting-form-notes').fill('Hội đồng thống nhất biểu quyết theo thứ tự trong danh sách.');
    await dialog.getByRole('button', { name: 'Lưu thay đổi', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => officer.getByTestId('meeting-counters').textContent()).toBe('Ban kiểm phiếu: Lê Quốc Bảo');

    // Every nomination waiting for the council, at once.
    await noNotices(officer);
    await officer.getByTestId('agenda-add').click();
    await dialog.getByTestId('agenda-waiting').waitFor();
    expect(await dialog.getByTestId('agenda-waiting-row').count()).toBe(3);
    await dialog.getByRole('button', { name: 'Đưa 3 hồ sơ vào', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => officer.getByTestId('meeting-item').count()).toBe(3);
    // Cẩm's nomination is voted on paper.
    await item(officer, PAPER).getByTestId('item-method').click();
    await pickOption(officer, 'Bỏ phiếu kín bằng phiếu giấy');
    await expect.poll(() => item(officer, PAPER).getByTestId('item-method').inputValue()).toBe('Bỏ phiếu kín bằng phiếu giấy');
    // The declared relation is turned into a recusal with its reason.
    const recusal = item(officer, 'Nguyễn Văn An').getByTestId('item-recusal');
    expect(await recusal.getAttribute('data-reason')).toBe('DECLARED');
    expect(await recusal.textContent()).toContain(`${ABSENT}: có quan hệ đã kê khai`);
    expect(await item(officer, 'Nguyễn Thị Ánh').getByTestId('item-recusal').count()).toBe(0);
    expect(await item(officer, 'Nguyễn Thị Ánh').getByTestId('item-rule').textContent()).toContain('Quy định: ');

    // Not everybody is marked yet: the meeting cannot start.
    expect(await officer.getByTestId('meeting-open').isDisabled()).toBe(true);
    expect(await officer.getByTestId('meeting-open-blocked').textContent()).toBe('Còn 9 thành viên chưa điểm danh.');
    const absent = officer.getByTestId('attendance-row').filter({ hasText: ABSENT });
    await absent.getByTestId('attendance-absent').click();
    await expect.poll(() => absent.getAttribute('data-status')).toBe('ABSENT');
    await absent.getByTestId('attendance-reason').fill('Đi công tác tỉnh');
    // Leaving the field saves the reason.
    await absent.getByTestId('attendance-reason').press('Tab');
    const officerApi = await loginAs(env.app, 'huyen.tdkt');
    const absenceOf = async () => (await officerApi.get(`/api/v1/council-meetings/${meetingId}`)).json<MeetingDto>().attendance.find((a) => a.fullName === ABSENT);
    await expect.poll(absenceOf).toMatchObject({ status: 'ABSENT', absenceReason: 'Đi công tác tỉnh' });
    await officer.getByTestId('attendance-all-present').click();
    await expect.poll(() => officer.getByTestId('meeting-quorum').textContent()).toBe('Có mặt 8/9 – đủ túc số');
    expect(await officer.getByTestId('meeting-quorum').getAttribute('data-met')).toBe('true');
    expect(await axeViolations(officer)).toEqual([]);

    await officer.getByTestId('meeting-open').click();
    await expect.poll(() => officer.getByTestId('meeting-page').getAttribute('data-status')).toBe('OPEN');
    await officer.getByTestId('voting-open').click();
    await expect.poll(() => item(officer, 'Nguyễn Thị Ánh').getAttribute('data-status')).toBe('VOTING');
    expect(await item(officer, 'Nguyễn Văn An').getAttribute('data-status')).toBe('VOTING');
    expect(await item(officer, 'Nguyễn Thị Ánh').getByTestId('item-voted').textContent()).toBe('0/8 đã bỏ phiếu');
    expect(await item(officer, 'Nguyễn Văn An').getByTestId('item-voted').textContent()).toBe('0/8 đã bỏ phiếu');
    expect(await item(officer, PAPER).getByTestId('item-offline').textContent()).toContain('phiếu giấy');
    const items = (await (await loginAs(env.app, 'huyen.tdkt')).get(`/api/v1/council-meetings/${meetingId}/items`)).json<{ items: MeetingItemDto[] }>().items;
    anItem = items.find((i) => i.subjectName === 'Nguyễn Văn An')!;
    anhItem = items.find((i) => i.subjectName === 'Nguyễn Thị Ánh')!;
  });

  it('members vote by secret ballot: three in their browsers, five through the API; the room sees the count rise', async () => {
    for (let i = 1; i <= 3; i++) {
      const ctx = await browser.newContext({ locale: 'vi-VN', viewport: i === 3 ? { width: 390, height: 844 } : { width: 1280, height: 900 } });
      voterContexts.push(ctx);
      const page = await ctx.newPage();
      voters.push(page);
      await logIn(page, base, `hd.${i}`);
    }
    // The first finds the meeting from "Bỏ phiếu" and approves everything at once.
    const [first, second, third] = voters as [Page, Page, Page];
    expect(await third.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await first.getByRole('link', { name: 'Bỏ phiếu', exact: true }).click();
    const card = first.getByTestId('ballot-meeting').filter({ hasText: 'Phiên họp xét khen thưởng' });
    await card.waitFor();
    // Only the two online items wait for the member's ballot.
    expect(await card.getByTestId('ballot-pending').getAttribute('data-count')).toBe('2');
    await card.getByTestId('ballot-go').click();
    await first.waitForURL((u) => u.pathname === `/bo-phieu/${meetingId}`);
    await first.getByTestId('ballot-items').waitFor();
    expect(await first.getByTestId('ballot-item').count()).toBe(3);
    expect(await ballotItem(first, PAPER).getByTestId('ballot-cannot').textContent()).toContain('phiếu giấy');
    expect(await first.getByTestId('ballot-submit').isDisabled()).toBe(true);
    expect(await axeViolations(first)).toEqual([]);
    await first.getByTestId('ballot-approve-all').click();
    expect(await ballotItem(first, 'Nguyễn Văn An').getAttribute('data-choice')).toBe('YES');
    expect(await first.getByTestId('ballot-progress').textContent()).toBe('Đã chọn 2/2 hồ sơ');
    await first.getByTestId('ballot-submit').click();
    const dialog = first.getByRole('dialog');
    expect(await dialog.textContent()).toContain('Phiếu đã gửi không thay đổi được.');
    await dialog.getByRole('button', { name: 'Gửi phiếu', exact: true }).click();
    await first.getByTestId('receipt').waitFor();
    receipt = (await first.getByTestId('receipt-code').textContent()) ?? '';
    expect(receipt.length).toBeGreaterThanOrEqual(8);
    expect(await first.getByTestId('receipt').textContent()).toContain('Mã chỉ hiện một lần');
    await expect.poll(() => ballotItem(first, 'Nguyễn Văn An').getAttribute('data-state')).toBe('voted');
    expect(await ballotItem(first, 'Nguyễn Thị Ánh').getByTestId('ballot-voted').textContent()).toBe('Đã bỏ phiếu');
    expect(await first.getByTestId('ballot-submit').count()).toBe(0);

    // The second and third choose item by item (the third on a phone).
    for (const page of [second, third]) {
      await page.goto(`${base}/bo-phieu/${meetingId}`);
      await page.getByTestId('ballot-items').waitFor();
      for (const subject of ['Nguyễn Văn An', 'Nguyễn Thị Ánh']) await ballotItem(page, subject).getByRole('radio', { name: 'Tán thành', exact: true }).click();
      await page.getByTestId('ballot-submit').click();
      await page.getByRole('dialog').getByRole('button', { name: 'Gửi phiếu', exact: true }).click();
      await page.getByTestId('receipt-code').waitFor();
      await expect.poll(() => page.getByTestId('ballot-voted').count()).toBe(2);
    }

    // Five more through the API: An approved, Ánh rejected.
    for (let i = 4; i <= 8; i++) {
      const c = await loginAs(env.app, `hd.${i}`);
      const res = await c.post(`/api/v1/council-meetings/${meetingId}/ballots`, { votes: [{ itemId: anItem.id, choice: 'YES' }, { itemId: anhItem.id, choice: 'NO' }] });
      expect(res.statusCode, res.body).toBe(201);
      if (i === 4) expect((await c.post(`/api/v1/council-meetings/${meetingId}/ballots`, { votes: [{ itemId: anhItem.id, choice: 'YES' }] })).statusCode).toBe(409);
    }
    // The absent member cannot vote online, and their ballot page says why for each item.
    expect((await (await loginAs(env.app, 'hd.9')).post(`/api/v1/council-meetings/${meetingId}/ballots`, { votes: [{ itemId: anhItem.id, choice: 'YES' }] })).statusCode).not.toBe(201);
    const absentContext = await browser.newContext({ locale: 'vi-VN', viewport: { width: 360, height: 740 } });
    voterContexts.push(absentContext);
    const absent = await absentContext.newPage();
    await logIn(absent, base, 'hd.9');
    await absent.goto(`${base}/bo-phieu/${meetingId}`);
    await absent.getByTestId('ballot-items').waitFor();
    expect(await ballotItem(absent, 'Nguyễn Văn An').getByTestId('ballot-recused').textContent()).toBe('Bạn không tham gia biểu quyết hồ sơ này vì có quan hệ đã kê khai.');
    expect(await ballotItem(absent, 'Nguyễn Thị Ánh').getAttribute('data-state')).toBe('closed');
    expect(await absent.getByTestId('ballot-submit').count()).toBe(0);
    expect(await absent.getByRole('radio').count()).toBe(0);

    // The meeting room refreshes by itself while votes come in.
    await expect.poll(() => item(officer, 'Nguyễn Thị Ánh').getByTestId('item-voted').textContent(), { timeout: 20_000 }).toBe('8/8 đã bỏ phiếu');
    await expect.poll(() => item(officer, 'Nguyễn Văn An').getByTestId('item-voted').textContent(), { timeout: 20_000 }).toBe('8/8 đã bỏ phiếu');
  });

  it('the officer enters the paper count, closes the meeting, reads Đạt / Không đạt with the working, downloads the minutes and verifies the tally', async () => {
    const paper = item(officer, PAPER);
    await paper.getByTestId('item-counts-enter').click();
    const counts = officer.getByRole('dialog');
    await counts.getByTestId('counts-yes').fill('6');
    await counts.getByTestId('counts-no').fill('2');
    expect(await counts.getByTestId('counts-sum').textContent()).toBe('Tổng số phiếu: 8');
    await counts.getByRole('button', { name: 'Lưu kết quả', exact: true }).click();
    await counts.getByRole('button', { name: 'Xác nhận: Lưu kết quả', exact: true }).click();
    await counts.waitFor({ state: 'detached' });
    await expect.poll(() => paper.getAttribute('data-status')).toBe('CLOSED');
    expect(await paper.getByTestId('item-outcome').textContent()).toBe('Đạt');
    expect(await paper.getByTestId('item-explanation').textContent()).toBe('6/9 = 66,7 % > 50 %: đạt');

    await noNotices(officer);
    await officer.getByTestId('meeting-close').click();
    const dialog = officer.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Kết thúc cuộc họp', exact: true }).click();
    await dialog.getByRole('button', { name: 'Xác nhận: Kết thúc cuộc họp', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => officer.getByTestId('meeting-page').getAttribute('data-status')).toBe('CLOSED');

    const an = item(officer, 'Nguyễn Văn An');
    const anh = item(officer, 'Nguyễn Thị Ánh');
    await an.getByTestId('item-result').waitFor();
    expect(await an.getByTestId('item-outcome').textContent()).toBe('Đạt');
    expect(await an.getByTestId('item-outcome').getAttribute('data-outcome')).toBe('PASSED');
    expect(await an.getByTestId('item-explanation').textContent()).toMatch(/^8\/\d = [\d,]+ % > 50 %: đạt$/);
    expect(await an.getByTestId('item-counts').textContent()).toBe('Tán thành 8 · Không tán thành 0 · Không biểu quyết 0');
    expect(await anh.getByTestId('item-outcome').textContent()).toBe('Không đạt');
    expect(await anh.getByTestId('item-explanation').textContent()).toBe('3/9 = 33,3 % ≤ 50 %: không đạt');
    expect(await anh.getByTestId('item-counts').textContent()).toBe('Tán thành 3 · Không tán thành 5 · Không biểu quyết 0');
    expect(await officer.getByTestId('meeting-next').textContent()).toContain('2/3 hồ sơ đạt');
    expect(await axeViolations(officer)).toEqual([]);

    // Both minutes, as Word files.
    for (const [testId, file] of [['meeting-minutes', 'minutes.docx'], ['meeting-count-minutes', 'count-minutes.docx']] as const) {
      const href = await officer.getByTestId(testId).getAttribute('href');
      expect(href).toBe(`/api/v1/council-meetings/${meetingId}/${file}`);
      expect(await fetchFile(officer, href!)).toEqual({ status: 200, type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', zip: 'PK' });
    }

    // The tally recomputed from the ballots matches what was sealed.
    await officer.getByTestId('verify-run').click();
    await officer.getByTestId('verify-result').waitFor();
    expect(await officer.getByTestId('verify-result').getAttribute('data-ok')).toBe('true');
    expect(await officer.getByTestId('verify-result').textContent()).toContain('16 phiếu.');

    // The meeting room fits a phone: nothing wider than the screen.
    await officer.setViewportSize({ width: 360, height: 740 });
    await expect.poll(() => officer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await officer.setViewportSize({ width: 1280, height: 900 });

    // The council's list of meetings carries the outcome.
    await officer.goto(`${base}/hoi-dong/${councilId}?tab=meetings`);
    const row = officer.getByTestId('meeting-row').filter({ hasText: 'Phiên họp xét khen thưởng' });
    await row.waitFor();
    expect(await row.getByTestId('meeting-status').getAttribute('data-status')).toBe('CLOSED');
    expect(await row.getByTestId('meeting-items-count').textContent()).toBe('3 hồ sơ · đã biểu quyết 3 · đạt 2');
  });

  it('a voter checks that their receipt is in the count; a wrong code is not found', async () => {
    const first = voters[0]!;
    await first.goto(`${base}/bo-phieu/${meetingId}`);
    await first.getByTestId('ballot-over').waitFor();
    // The code is not shown again.
    expect(await first.getByTestId('receipt').count()).toBe(0);
    await first.getByTestId('receipt-check-input').fill(receipt);
    await first.getByTestId('receipt-check-submit').click();
    const result = first.getByTestId('receipt-check-result');
    await result.waitFor();
    expect(await result.getAttribute('data-found')).toBe('true');
    expect(await result.getByTestId('receipt-check-item').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Nguyễn Văn An: đã tính vào kết quả'), expect.stringContaining('Nguyễn Thị Ánh: đã tính vào kết quả')]),
    );
    await first.getByTestId('receipt-check-input').fill('KHONGCO-12345678');
    await first.getByTestId('receipt-check-submit').click();
    await expect.poll(() => result.getAttribute('data-found')).toBe('false');
    for (const ctx of voterContexts) await ctx.close();
    voters.length = 0;
  });

  it('a scheduled meeting is cancelled with a reason, and a seat ends with a reason; both stay on record', async () => {
    const api = await loginAs(env.app, 'huyen.tdkt');
    const created = await api.post('/api/v1/council-meetings', { councilId, title: 'Phiên họp bổ sung', scheduledAt: new Date(Date.now() + 7 * 86_400_000).toISOString() });
    expect(created.statusCode, created.body).toBe(201);
    const second = created.json<MeetingDto>();
    await officer.goto(`${base}/hoi-dong/hop/${second.id}`);
    await officer.getByTestId('meeting-page').waitFor();
    await noNotices(officer);
    await officer.getByTestId('meeting-cancel').click();
    const dialog = officer.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Hủy cuộc họp', exact: true }).click();
    // A reason is required before anything is sent.
    await expect.poll(() => dialog.getByLabel('Lý do').getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.getByRole('button', { name: 'Xác nhận: Hủy cuộc họp', exact: true }).count()).toBe(0);
    await dialog.getByLabel('Lý do').fill('Trùng lịch hội nghị của tỉnh');
    await dialog.getByRole('button', { name: 'Hủy cuộc họp', exact: true }).click();
    await dialog.getByRole('button', { name: 'Xác nhận: Hủy cuộc họp', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => officer.getByTestId('meeting-page').getAttribute('data-status')).toBe('CANCELLED');
    expect(await officer.getByTestId('meeting-cancelled-reason').textContent()).toBe('Lý do hủy: Trùng lịch hội nghị của tỉnh');
    expect(await officer.getByTestId('meeting-cancel').count()).toBe(0);

    await officer.goto(`${base}/hoi-dong/${councilId}`);
    const row = officer.getByTestId('member-row').filter({ hasText: 'Vũ Thị Oanh' });
    await row.getByTestId('member-end').click();
    await dialog.getByLabel('Lý do').fill('Nghỉ hưu theo chế độ');
    await dialog.getByRole('button', { name: 'Thôi làm thành viên', exact: true }).click();
    await dialog.getByRole('button', { name: 'Xác nhận: Thôi làm thành viên', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => officer.getByTestId('council-member-count').textContent()).toBe('8/9 thành viên');
    const left = officer.getByTestId('member-row').filter({ hasText: 'Vũ Thị Oanh' });
    expect(await left.getByTestId('member-left').textContent()).toMatch(/^Thôi từ \d\d\/\d\d\/\d{4}: Nghỉ hưu theo chế độ$/);
    expect(await left.getByTestId('member-end').count()).toBe(0);
  });
});
