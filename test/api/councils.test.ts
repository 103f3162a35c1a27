// The council (Hội đồng Thi đua – Khen thưởng): terms and seats, a meeting from agenda to sealed
// results, recusal, the secret ballot and its secrecy, written votes, paper counts, thresholds,
// public consultation blocking a vote, tamper evidence (API and `vinhdanh ballots verify`), minutes.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { startTestApp, type TestEnv } from '../support/app';
import { createOrg, createPerson, createUser, loginAs, smallWorld, type Client } from '../factories';
import { auditEvents, countRows } from '../support/achievements';
import { councilPeople, insertPastConsultation, insertToCouncil, type Seat } from '../support/councils';
import type { CouncilDto, MeetingDto, MeetingItemDto, ReceiptDto, VerifyDto } from '../../src/contracts/councils';

type Page<T> = { items: T[]; total: number };
const execFileP = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
let seats: Seat[]; // c1 … c8 (people of the district federation)
let anhUser: string;
let councilId: number;
let meetingId: number;
const memberIdOf = new Map<number, number>(); // personId → council member id
const items = new Map<string, MeetingItemDto>(); // by subject name

beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(env.database.db);
  seats = await councilPeople(env.database.db, w.orgs.huyen, 8, 'c');
  anhUser = 'anh.hd';
  await createUser(env.database.db, anhUser, [{ role: 'COUNCIL_MEMBER', org: w.orgs.huyen }], w.persons.anh);
});
afterAll(() => env.close());

const db = () => env.database.db;
const as = (user: string) => loginAs(env.app, user);
const message = (res: { json: <T>() => T }) => res.json<{ message: string }>().message;

async function refreshItems(c: Client) {
  const page = (await c.get(`/api/v1/council-meetings/${meetingId}/items?pageSize=100`)).json<Page<MeetingItemDto>>();
  for (const i of page.items) items.set(i.subjectName, i);
  return page.items;
}
const item = (name: string) => {
  const i = items.get(name);
  if (!i) throw new Error(`no item ${name}`);
  return i;
};

async function cli(args: string[]) {
  try {
    const r = await execFileP(process.execPath, [path.join(ROOT, 'bin/vinhdanh.js'), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: env.url, DATA_DIR: env.ctx.config.dataDir },
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('council and seats', () => {
  it('is constituted by the district’s own TĐKT officer, once per organisation; others are refused', async () => {
    const body = { orgId: w.orgs.huyen.id, name: 'Hội đồng Thi đua – Khen thưởng LĐLĐ huyện DMC', termLabel: 'Nhiệm kỳ 2023–2028', termStartsOn: '2023-08-01', standingOffice: 'Ban Tổ chức' };
    for (const user of ['cdcs.a', 'xem']) {
      const res = await (await as(user)).post('/api/v1/councils', body);
      expect([403, 404], `${user}: ${res.body}`).toContain(res.statusCode);
    }
    const before = await countRows(db(), 'council');
    const bad = await (await as('huyen.tdkt')).post('/api/v1/councils', { ...body, termEndsOn: '2020-01-01' });
    expect(bad.statusCode).toBe(400);
    expect(message(bad)).toBe('Ngày kết thúc nhiệm kỳ phải sau ngày bắt đầu.');
    expect(await countRows(db(), 'council')).toBe(before);

    const res = await (await as('huyen.tdkt')).post('/api/v1/councils', body);
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json<CouncilDto>();
    councilId = c.id;
    expect(c).toMatchObject({ maxMembers: 9, status: 'ACTIVE', members: [], abilities: expect.arrayContaining(['council.members', 'council.meetings']) });
    expect(await auditEvents(db(), 'council.create', councilId)).toHaveLength(1);
    const again = await (await as('huyen.tdkt')).post('/api/v1/councils', body);
    expect(again.statusCode).toBe(409);
    expect(message(again)).toMatch(/đã có Hội đồng Thi đua – Khen thưởng đang hoạt động/);
  });

  it('seats at most nine members with one chair, only people of the organisation’s subtree', async () => {
    const officer = await as('huyen.tdkt');
    const roles = ['CHAIR', 'VICE_CHAIR', 'STANDING', 'MEMBER', 'MEMBER', 'MEMBER', 'MEMBER', 'MEMBER'] as const;
    for (const [i, s] of seats.entries()) {
      const res = await officer.post(`/api/v1/councils/${councilId}/members`, { personId: s.personId, role: roles[i], title: i === 0 ? 'Chủ tịch LĐLĐ huyện' : null });
      expect(res.statusCode, res.body).toBe(200);
    }
    const chair = await officer.post(`/api/v1/councils/${councilId}/members`, { personId: w.persons.anh, role: 'CHAIR' });
    expect(chair.statusCode).toBe(409);
    expect(message(chair)).toMatch(/đã có Chủ tịch/);
    const outsider = await createPerson(db(), w.orgs.tinh, { fullName: 'Người Ở Tỉnh' });
    const outside = await officer.post(`/api/v1/councils/${councilId}/members`, { personId: outsider, role: 'MEMBER' });
    expect(outside.statusCode).toBe(400);
    const ok = await officer.post(`/api/v1/councils/${councilId}/members`, { personId: w.persons.anh, role: 'MEMBER' });
    expect(ok.statusCode, ok.body).toBe(200);
    const c = ok.json<CouncilDto>();
    expect(c.members).toHaveLength(9);
    expect(c.members[0]).toMatchObject({ role: 'CHAIR', title: 'Chủ tịch LĐLĐ huyện', hasAccount: true });
    for (const m of c.members) memberIdOf.set(m.personId, m.id);
    const list = (await officer.get('/api/v1/councils')).json<Page<{ id: number; memberCount: number; orgName: string }>>();
    expect(list.items).toEqual([expect.objectContaining({ id: councilId, memberCount: 9, orgName: 'Liên đoàn Lao động huyện DMC' })]);
    expect((await (await as('cdcs.a')).get('/api/v1/councils')).json<Page<unknown>>().total).toBe(0);
    expect((await (await as('c3')).get('/api/v1/councils')).json<Page<{ id: number }>>().items.map((x) => x.id)).toEqual([councilId]);
    const extra = await createPerson(db(), w.orgs.huyen, { fullName: 'Người Thứ Mười' });
    const full = await officer.post(`/api/v1/councils/${councilId}/members`, { personId: extra, role: 'MEMBER' });
    expect(full.statusCode).toBe(409);
    expect(message(full)).toBe('Hội đồng đã đủ 9 thành viên theo quy định.');
    // A member cannot be seated by a CĐCS officer, nor by a viewer.
    expect((await (await as('cdcs.a')).post(`/api/v1/councils/${councilId}/members`, { personId: extra, role: 'MEMBER' })).statusCode).toBe(404);
    expect((await (await as('xem')).post(`/api/v1/councils/${councilId}/members`, { personId: extra, role: 'MEMBER' })).statusCode).toBe(403);
  });

  it('lets a member declare a relation (for themselves only); the standing office may record it', async () => {
    const c7 = seats[6]!;
    const other = await (await as('c1')).post(`/api/v1/councils/${councilId}/members/${memberIdOf.get(c7.personId)}/relations`, { personId: w.persons.dang, relation: 'Anh rể' });
    expect(other.statusCode).toBe(403);
    const res = await (await as('c7')).post(`/api/v1/councils/${councilId}/members/${memberIdOf.get(c7.personId)}/relations`, { personId: w.persons.dang, relation: 'Anh rể' });
    expect(res.statusCode, res.body).toBe(200);
    const seat = res.json<CouncilDto>().members.find((m) => m.personId === c7.personId)!;
    expect(seat.relations).toEqual([{ id: expect.any(Number), subjectName: 'Đặng Văn Bình', relation: 'Anh rể' }]);
  });
});

describe('a meeting', () => {
  let nominationIds: number[];

  it('builds its agenda from the nominations sent to the council, with automatic recusals', async () => {
    nominationIds = await insertToCouncil(db(), w.orgs.huyen, [
      { personId: w.persons.an, unit: w.orgs.cdcsA, name: 'Nguyễn Văn An', awardCode: 'GK_CD_CAP_TREN' },
      { personId: w.persons.dang, unit: w.orgs.cdcsB, name: 'Đặng Văn Bình', awardCode: 'CSTD_BO_TINH' },
      { personId: w.persons.tran, unit: w.orgs.cdcsB, name: 'Trần Thị Cúc', awardCode: 'CSTD_BO_TINH' },
      { org: w.orgs.cdcsB, unit: w.orgs.cdcsB, name: 'Công đoàn cơ sở Công ty TNHH Sợi Thế Kỷ', awardCode: 'GK_CD_CAP_TREN_TT' },
      { personId: w.persons.an, unit: w.orgs.cdcsA, name: 'Nguyễn Văn An (toàn quốc)', awardCode: 'CSTD_TQ' },
    ]);
    const officer = await as('huyen.tdkt');
    const waiting = (await officer.get(`/api/v1/councils/${councilId}/waiting-nominations`)).json<Page<{ id: number }>>();
    expect(waiting.items.map((x) => x.id).sort((a, b) => a - b)).toEqual(nominationIds);

    const created = await officer.post('/api/v1/council-meetings', { councilId, title: 'Phiên họp xét khen thưởng cuối năm', scheduledAt: '2026-12-10T08:00:00+07:00', place: 'Hội trường LĐLĐ huyện', secretaryName: 'Lê Thư Ký' });
    expect(created.statusCode, created.body).toBe(201);
    meetingId = created.json<MeetingDto>().id;
    expect((await (await as('c1')).post(`/api/v1/council-meetings/${meetingId}/agenda`, { all: true })).statusCode).toBe(403);
    const res = await officer.post(`/api/v1/council-meetings/${meetingId}/agenda`, { all: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<MeetingDto>().itemCounts).toMatchObject({ total: 5, pending: 5 });
    expect((await officer.get(`/api/v1/councils/${councilId}/waiting-nominations`)).json<Page<unknown>>().total).toBe(0);
    await refreshItems(officer);
    // Ánh works in An's grassroots union; c7 declared a relation with Bình.
    expect(item('Nguyễn Văn An').recusals).toEqual([{ memberId: memberIdOf.get(w.persons.anh), fullName: 'Nguyễn Thị Ánh', reason: 'SAME_UNIT', note: null }]);
    expect(item('Đặng Văn Bình').recusals.map((r) => [r.fullName, r.reason])).toEqual([[`Thành viên c 07`, 'DECLARED']]);
    expect(item('Trần Thị Cúc').recusals).toEqual([]);
    expect(item('Đặng Văn Bình').rule).toMatchObject({ approval: { num: 9, den: 10 }, denominator: 'ALL_MEMBERS', writtenVotesFromAbsent: true, uncertain: false });
    expect(item('Đặng Văn Bình').rule.text).toBe('tán thành từ 90 % tổng số thành viên Hội đồng trở lên; túc số 2/3 tổng số thành viên; bỏ phiếu kín; thành viên vắng mặt gửi phiếu bằng văn bản');
    expect(item('Nguyễn Văn An (toàn quốc)').rule.consultationWorkingDays).toBe(10);
  });

  it('opens only once every member’s attendance is recorded', async () => {
    const officer = await as('huyen.tdkt');
    const early = await officer.post(`/api/v1/council-meetings/${meetingId}/open`, {});
    expect(early.statusCode).toBe(400);
    expect(message(early)).toMatch(/^Chưa ghi nhận có mặt hay vắng mặt của: .*Thành viên c 01/);
    const entries = [...memberIdOf.entries()].map(([personId, memberId]) => ({
      memberId,
      status: personId === seats[7]!.personId ? 'ABSENT' : 'PRESENT',
      absenceReason: personId === seats[7]!.personId ? 'Đi công tác' : null,
    }));
    const att = await officer.put(`/api/v1/council-meetings/${meetingId}/attendance`, { entries });
    expect(att.statusCode, att.body).toBe(200);
    expect(att.json<MeetingDto>().quorum).toEqual({ present: 8, total: 9, needed: 6, met: true });
    const open = await officer.post(`/api/v1/council-meetings/${meetingId}/open`, {});
    expect(open.statusCode, open.body).toBe(200);
    expect(open.json<MeetingDto>().abilities).toEqual(expect.arrayContaining(['meeting.voting', 'meeting.close']));
  });

  it('refuses to open a vote a consultation must precede, or a show of hands where the rule is secret', async () => {
    const officer = await as('huyen.tdkt');
    const national = item('Nguyễn Văn An (toàn quốc)');
    const res = await officer.post(`/api/v1/council-meetings/${meetingId}/open-voting`, { itemIds: [national.id] });
    expect(res.statusCode).toBe(409);
    expect(message(res)).toBe('Chưa thể biểu quyết vì việc công khai lấy ý kiến chưa kết thúc hoặc chưa được thực hiện đủ thời gian: Nguyễn Văn An (toàn quốc).');
    const w1 = await officer.post(`/api/v1/meeting-items/${national.id}/withdraw`, { reason: 'Chờ công khai lấy ý kiến 10 ngày làm việc' });
    expect(w1.statusCode, w1.body).toBe(200);
    const unit = item('Công đoàn cơ sở Công ty TNHH Sợi Thế Kỷ');
    expect((await officer.post(`/api/v1/meeting-items/${unit.id}/method`, { method: 'SHOW_OF_HANDS' })).statusCode).toBe(200);
    const hands = await officer.post(`/api/v1/council-meetings/${meetingId}/open-voting`, { itemIds: [unit.id] });
    expect(hands.statusCode).toBe(409);
    expect(message(hands)).toMatch(/^Quy định yêu cầu bỏ phiếu kín/);
    expect((await officer.post(`/api/v1/meeting-items/${unit.id}/method`, { method: 'SECRET_PAPER' })).statusCode).toBe(200);
    const opened = await officer.post(`/api/v1/council-meetings/${meetingId}/open-voting`, {});
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json<MeetingDto>().itemCounts).toMatchObject({ voting: 4, pending: 0 });
  });

  const receipts = new Map<string, ReceiptDto>();

  it('takes one secret ballot per present, non-recused member and item, and refuses everyone else', async () => {
    const an = item('Nguyễn Văn An');
    const binh = item('Đặng Văn Bình');
    const cuc = item('Trần Thị Cúc');
    const vote = (user: string, votes: { itemId: number; choice: string }[]) => as(user).then((c) => c.post(`/api/v1/council-meetings/${meetingId}/ballots`, { votes }));
    // Outside the council: an officer, a viewer.
    for (const user of ['huyen.tdkt', 'xem']) {
      const res = await vote(user, [{ itemId: cuc.id, choice: 'YES' }]);
      expect([403, 404]).toContain(res.statusCode);
    }
    // Absent member: written votes only.
    const absent = await vote('c8', [{ itemId: cuc.id, choice: 'YES' }]);
    expect(absent.statusCode).toBe(409);
    expect(message(absent)).toMatch(/^Chỉ thành viên có mặt tại cuộc họp mới bỏ phiếu trực tuyến/);
    // Recused: Ánh on An.
    expect((await vote(anhUser, [{ itemId: an.id, choice: 'YES' }])).statusCode).toBe(403);
    // Paper-ballot item cannot be voted online.
    expect((await vote('c1', [{ itemId: item('Công đoàn cơ sở Công ty TNHH Sợi Thế Kỷ').id, choice: 'YES' }])).statusCode).toBe(409);

    const plan: Record<string, [string, string, string]> = {
      // user: An, Bình, Cúc
      c1: ['YES', 'YES', 'YES'], c2: ['YES', 'YES', 'YES'], c3: ['YES', 'YES', 'YES'], c4: ['YES', 'YES', 'YES'],
      c5: ['YES', 'YES', 'YES'], c6: ['NO', 'YES', 'YES'], c7: ['ABSTAIN', '-', 'YES'],
    };
    for (const [user, [a, b, c]] of Object.entries(plan)) {
      const votes = [{ itemId: an.id, choice: a }, { itemId: cuc.id, choice: c }, ...(b === '-' ? [] : [{ itemId: binh.id, choice: b }])];
      const res = await vote(user, votes);
      expect(res.statusCode, `${user}: ${res.body}`).toBe(201);
      const r = res.json<ReceiptDto>();
      expect(r.receipt).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      receipts.set(user, r);
    }
    // The meetings list tells each member what is left for them: c8 (absent) and Ánh have not voted yet.
    const pending = async (user: string) => (await (await as(user)).get('/api/v1/council-meetings?mine=true')).json<Page<{ id: number; pendingVotes: number; myMemberId: number | null }>>().items;
    expect((await pending('c1')).find((x) => x.id === meetingId)).toMatchObject({ pendingVotes: 0, myMemberId: memberIdOf.get(seats[0]!.personId) });
    expect((await pending(anhUser)).find((x) => x.id === meetingId)).toMatchObject({ pendingVotes: 2 });
    expect(await pending('huyen.tdkt')).toEqual([]);
    // c7 declared a relation with Bình: recused.
    expect((await vote('c7', [{ itemId: binh.id, choice: 'YES' }])).statusCode).toBe(403);
    const anh = await vote(anhUser, [{ itemId: binh.id, choice: 'YES' }, { itemId: cuc.id, choice: 'YES' }]);
    expect(anh.statusCode, anh.body).toBe(201);

    // Voting twice on one item refuses the whole submission and changes nothing.
    const ballots = await countRows(db(), 'ballot');
    const twice = await vote('c1', [{ itemId: cuc.id, choice: 'NO' }]);
    expect(twice.statusCode).toBe(409);
    expect(message(twice)).toMatch(/^Bạn đã bỏ phiếu cho nội dung này/);
    expect(await countRows(db(), 'ballot')).toBe(ballots);

    const officer = await as('huyen.tdkt');
    await refreshItems(officer);
    expect(item('Trần Thị Cúc').votedCount).toBe(8);
    expect(item('Nguyễn Văn An').votedCount).toBe(7);
    const mine = (await (await as('c1')).get(`/api/v1/council-meetings/${meetingId}/items?pageSize=100`)).json<Page<MeetingItemDto>>();
    expect(mine.items.find((i) => i.subjectName === 'Trần Thị Cúc')!.mine).toEqual({ canVote: false, voted: true, recused: false });
    const c8 = (await (await as('c8')).get(`/api/v1/council-meetings/${meetingId}/items?pageSize=100`)).json<Page<MeetingItemDto>>();
    expect(c8.items.find((i) => i.subjectName === 'Trần Thị Cúc')!.mine).toEqual({ canVote: false, voted: false, recused: false });
  });

  it('records the written vote of the absent member only where the rule allows it', async () => {
    const officer = await as('huyen.tdkt');
    const c8 = memberIdOf.get(seats[7]!.personId)!;
    const notAllowed = await officer.post(`/api/v1/meeting-items/${item('Nguyễn Văn An').id}/written-votes`, { memberId: c8, choice: 'YES' });
    expect(notAllowed.statusCode).toBe(409);
    expect(message(notAllowed)).toMatch(/không cho phép thành viên vắng mặt gửi phiếu bằng văn bản/);
    const present = await officer.post(`/api/v1/meeting-items/${item('Đặng Văn Bình').id}/written-votes`, { memberId: memberIdOf.get(seats[0]!.personId), choice: 'YES' });
    expect(present.statusCode).toBe(409);
    expect((await (await as('c1')).post(`/api/v1/meeting-items/${item('Đặng Văn Bình').id}/written-votes`, { memberId: c8, choice: 'YES' })).statusCode).toBe(403);
    const ok = await officer.post(`/api/v1/meeting-items/${item('Đặng Văn Bình').id}/written-votes`, { memberId: c8, choice: 'YES' });
    expect(ok.statusCode, ok.body).toBe(201);
    receipts.set('c8-written', ok.json<ReceiptDto>());
  });

  it('closes by counts for the paper ballot (checked against who may vote) and seals online votes from the ballots', async () => {
    const officer = await as('huyen.tdkt');
    const unit = item('Công đoàn cơ sở Công ty TNHH Sợi Thế Kỷ');
    const closeEarly = await officer.post(`/api/v1/council-meetings/${meetingId}/close`, {});
    expect(closeEarly.statusCode).toBe(409);
    expect(message(closeEarly)).toBe('Chưa nhập kết quả kiểm phiếu giấy hoặc biểu quyết giơ tay của: Công đoàn cơ sở Công ty TNHH Sợi Thế Kỷ.');
    const tooMany = await officer.post(`/api/v1/meeting-items/${unit.id}/counts`, { yes: 7, no: 2, abstain: 0 });
    expect(tooMany.statusCode).toBe(400);
    expect(message(tooMany)).toBe('Tổng số phiếu (9) vượt quá số thành viên được biểu quyết (8).');
    // A member who is not a vote counter cannot enter counts; once named a counter, they can.
    expect((await (await as('c2')).post(`/api/v1/meeting-items/${unit.id}/counts`, { yes: 6, no: 2, abstain: 0 })).statusCode).toBe(403);
    const m = (await officer.get(`/api/v1/council-meetings/${meetingId}`)).json<MeetingDto>();
    const named = await officer.patch(`/api/v1/council-meetings/${meetingId}`, { version: m.version, counterMemberIds: [memberIdOf.get(seats[1]!.personId), memberIdOf.get(seats[2]!.personId)] });
    expect(named.statusCode, named.body).toBe(200);
    const counted = await (await as('c2')).post(`/api/v1/meeting-items/${unit.id}/counts`, { yes: 4, no: 3, abstain: 0, invalid: 1 });
    expect(counted.statusCode, counted.body).toBe(200);

    const closed = await officer.post(`/api/v1/council-meetings/${meetingId}/close`, {});
    expect(closed.statusCode, closed.body).toBe(200);
    const meeting = closed.json<MeetingDto>();
    expect(meeting.status).toBe('CLOSED');
    expect(meeting.tallyHead).toMatch(/^[0-9a-f]{64}$/);
    await refreshItems(officer);
    // An: 5 YES of 9 members less Ánh (recused) = 8 → 62,5 % > 50 %.
    expect(item('Nguyễn Văn An').tally).toMatchObject({ counts: { yes: 5, no: 1, abstain: 1, invalid: 0 }, denominator: 8, outcome: 'PASSED', explanation: '5/8 = 62,5 % > 50 %: đạt' });
    // Bình: 7 present YES + 1 written of 9 less c7 (recused) = 8/8.
    expect(item('Đặng Văn Bình').tally).toMatchObject({ written: 1, denominator: 8, outcome: 'PASSED', explanation: '8/8 = 100 % ≥ 90 %: đạt' });
    // Cúc: the 8 present all YES, the absent member sent nothing: 8/9 < 90 %.
    expect(item('Trần Thị Cúc').tally).toMatchObject({ counts: { yes: 8, no: 0, abstain: 0, invalid: 0 }, denominator: 9, outcome: 'FAILED', explanation: '8/9 = 88,9 % < 90 %: không đạt' });
    // The paper count: 4/9 ≤ 50 %.
    expect(item('Công đoàn cơ sở Công ty TNHH Sợi Thế Kỷ').tally).toMatchObject({ counts: { yes: 4, no: 3, abstain: 0, invalid: 1 }, outcome: 'FAILED', explanation: '4/9 = 44,4 % ≤ 50 %: không đạt' });
    const statuses = await db().execute<{ subject_name: string; status: string }>(sql`select subject_name, status from nomination where id = any(${sql.param(nominationIds)}::bigint[]) order by id`);
    expect(Object.fromEntries(statuses.rows.map((r) => [r.subject_name, r.status]))).toEqual({
      'Nguyễn Văn An': 'COUNCIL_PASSED',
      'Đặng Văn Bình': 'COUNCIL_PASSED',
      'Trần Thị Cúc': 'COUNCIL_FAILED',
      'Công đoàn cơ sở Công ty TNHH Sợi Thế Kỷ': 'COUNCIL_FAILED',
      'Nguyễn Văn An (toàn quốc)': 'TO_COUNCIL',
    });
    const events = await db().execute<{ kind: string; n: number }>(sql`select kind, count(*)::int as n from nomination_event where nomination_id = any(${sql.param(nominationIds)}::bigint[]) group by kind order by kind`);
    expect(events.rows.map((e) => [e.kind, Number(e.n)])).toEqual([['COUNCIL_FAILED', 2], ['COUNCIL_PASSED', 2]]);
  });

  it('refuses votes and counts after closing', async () => {
    const res = await (await as('c8')).post(`/api/v1/council-meetings/${meetingId}/ballots`, { votes: [{ itemId: item('Trần Thị Cúc').id, choice: 'YES' }] });
    expect(res.statusCode).toBe(409);
    expect(message(res)).toBe('Cuộc họp đã kết thúc; kết quả không thay đổi được.');
    const counts = await (await as('huyen.tdkt')).post(`/api/v1/meeting-items/${item('Trần Thị Cúc').id}/counts`, { yes: 9, no: 0, abstain: 0 });
    expect(counts.statusCode).toBe(409);
  });

  it('lets each voter find their ballots in the count with their receipt, and nobody else’s', async () => {
    const c1 = await as('c1');
    const r = receipts.get('c1')!;
    const check = await c1.post(`/api/v1/council-meetings/${meetingId}/receipts/check`, { receipt: r.receipt.toLowerCase() });
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json<{ found: boolean; items: { subjectName: string; sealed: boolean }[] }>()).toMatchObject({
      found: true,
      items: expect.arrayContaining([expect.objectContaining({ subjectName: 'Trần Thị Cúc', sealed: true })]),
    });
    expect(check.json<{ items: unknown[] }>().items).toHaveLength(3);
    const none = await c1.post(`/api/v1/council-meetings/${meetingId}/receipts/check`, { receipt: 'AAAA-BBBB-CCCC' });
    expect(none.json()).toEqual({ found: false, items: [] });
  });

  it('keeps ballots secret: nothing stored, returned or audited links a ballot to its voter', async () => {
    const cols = await db().execute<{ table_name: string; column_name: string }>(sql`
      select table_name, column_name from information_schema.columns where table_name in ('ballot', 'ballot_voter') order by table_name, ordinal_position`);
    const byTable = (t: string) => cols.rows.filter((c) => c.table_name === t).map((c) => c.column_name);
    // No voter, person, user or time on a ballot; no choice, receipt, time or order on who voted.
    expect(byTable('ballot')).toEqual(['id', 'item_id', 'choice', 'channel', 'receipt_hash', 'hash']);
    expect(byTable('ballot_voter')).toEqual(['item_id', 'member_id', 'channel']);
    // Ballot keys are random, not sequential; a join on anything but the item gives nothing.
    const ids = await db().execute<{ id: string }>(sql`select id from ballot`);
    expect(new Set(ids.rows.map((r) => r.id)).size).toBe(ids.rows.length);
    expect(ids.rows.every((r) => /^[A-Za-z0-9_-]{22}$/.test(r.id))).toBe(true);
    const tries = await db().execute<{ n: number }>(sql`
      select count(*)::int as n from ballot b join ballot_voter v on v.item_id = b.item_id and (b.id = v.member_id::text or b.receipt_hash = v.member_id::text or b.hash = v.member_id::text)`);
    expect(Number(tries.rows[0]!.n)).toBe(0);
    // The audit trail says who voted on how many items, never how.
    const events = await db().execute<{ action: string; after: unknown }>(sql`select action, after from audit_event where action like 'council.ballot%'`);
    expect(events.rows.length).toBe(9);
    for (const e of events.rows) expect(JSON.stringify(e.after)).not.toMatch(/YES|NO|ABSTAIN|choice/);
    // No API answer about the meeting carries a voter's choice.
    const officer = await as('huyen.tdkt');
    for (const url of [`/api/v1/council-meetings/${meetingId}`, `/api/v1/council-meetings/${meetingId}/items?pageSize=100`, `/api/v1/council-meetings/${meetingId}/verify`]) {
      const body = (await officer.get(url)).body;
      expect(body).not.toMatch(/"choice"/);
      expect(body).not.toMatch(/"memberId":\d+,"choice"/);
    }
  });

  it('verifies the tallies, and detects a changed, a removed or an added ballot (API and command line)', async () => {
    const officer = await as('huyen.tdkt');
    const ok = (await officer.get(`/api/v1/council-meetings/${meetingId}/verify`)).json<VerifyDto>();
    expect(ok).toEqual({ ok: true, items: 5, ballots: 23, problems: [] });
    const cliOk = await cli(['ballots', 'verify', String(meetingId)]);
    expect(cliOk.code, cliOk.stderr).toBe(0);
    expect(cliOk.stdout).toMatch(/^OK: meeting \d+, 5 items, 23 ballots/);

    const cuc = item('Trần Thị Cúc').id;
    await db().execute(sql`alter table ballot disable trigger ballot_append_only`);
    try {
      // The trigger is what normally refuses this.
      await db().execute(sql`update ballot set choice = 'NO' where id = (select id from ballot where item_id = ${cuc} order by hash limit 1)`);
      const changed = (await officer.get(`/api/v1/council-meetings/${meetingId}/verify`)).json<VerifyDto>();
      expect(changed.ok).toBe(false);
      expect(changed.problems.map((p) => p.problem).sort()).toEqual(['BALLOTS_CHANGED', 'BALLOT_MODIFIED', 'COUNT_MISMATCH']);
      expect(changed.problems.find((p) => p.problem === 'BALLOT_MODIFIED')!.detail).toMatch(/^Một phiếu bầu đã bị sửa/);
      const cliBad = await cli(['ballots', 'verify', String(meetingId)]);
      expect(cliBad.code).toBe(3);
      expect(cliBad.stderr).toMatch(/TAMPERED: meeting \d+, 3 problem\(s\)/);
      await db().execute(sql`update ballot set choice = 'YES' where item_id = ${cuc} and choice = 'NO'`);
      expect((await officer.get(`/api/v1/council-meetings/${meetingId}/verify`)).json<VerifyDto>().ok).toBe(true);

      const removed = await db().execute<{ id: string; item_id: number; choice: string; channel: string; receipt_hash: string; hash: string }>(
        sql`delete from ballot where id = (select id from ballot where item_id = ${cuc} order by hash limit 1) returning *`,
      );
      const deleted = (await officer.get(`/api/v1/council-meetings/${meetingId}/verify`)).json<VerifyDto>();
      expect(deleted.problems.map((p) => p.problem).sort()).toEqual(['BALLOTS_CHANGED', 'COUNT_MISMATCH', 'VOTERS_MISMATCH']);
      const b = removed.rows[0]!;
      await db().execute(sql`insert into ballot (id, item_id, choice, channel, receipt_hash, hash) values (${b.id}, ${b.item_id}, ${b.choice}, ${b.channel}, ${b.receipt_hash}, ${b.hash})`);
      expect((await officer.get(`/api/v1/council-meetings/${meetingId}/verify`)).json<VerifyDto>().ok).toBe(true);
    } finally {
      await db().execute(sql`alter table ballot enable trigger ballot_append_only`);
    }
    // A ballot slipped in after the seal, with a well-formed hash, is caught by the sealed root and the voter count.
    await db().execute(sql`insert into ballot (id, item_id, choice, channel, receipt_hash, hash)
      values ('slipped-in-ballot-0000', ${cuc}, 'YES', 'ONLINE', 'x', encode(sha256(convert_to('x', 'UTF8')), 'hex'))`);
    const added = (await officer.get(`/api/v1/council-meetings/${meetingId}/verify`)).json<VerifyDto>();
    expect(added.ok).toBe(false);
    expect(added.problems.map((p) => p.problem)).toEqual(expect.arrayContaining(['BALLOTS_CHANGED', 'VOTERS_MISMATCH']));
    // And the database itself refuses to change or remove one.
    const refusal = (q: Promise<unknown>) => q.then(() => 'accepted', (e: Error & { cause?: Error }) => e.cause?.message ?? e.message);
    expect(await refusal(db().execute(sql`delete from ballot where id = 'slipped-in-ballot-0000'`))).toBe('ballot is append-only');
    expect(await refusal(db().execute(sql`update ballot_tally set body = '{}'::jsonb`))).toBe('ballot_tally is append-only');
    expect(await refusal(db().execute(sql`delete from ballot_voter`))).toBe('ballot_voter is append-only');
  });

  it('produces both minutes as DOCX with attendance, recusals and the working of each result', async () => {
    const officer = await as('huyen.tdkt');
    for (const [url, title] of [['minutes.docx', 'BIÊN BẢN HỌP'], ['count-minutes.docx', 'BIÊN BẢN KIỂM PHIẾU']] as const) {
      const res = await officer.request({ method: 'GET', url: `/api/v1/council-meetings/${meetingId}/${url}` });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain('wordprocessingml');
      const zip = await JSZip.loadAsync(res.rawPayload);
      const xml = await zip.file('word/document.xml')!.async('string');
      const text = xml.replace(/<w:tab\/>/g, ' ').replace(/<[^>]+>/g, '');
      expect(text).toContain(title);
      expect(text).toContain('8/9 = 88,9 % &lt; 90 %: không đạt');
      expect(text).toContain('Trần Thị Cúc');
      if (url === 'minutes.docx') {
        expect(text).toContain('Nguyễn Thị Ánh');
        expect(text).toContain('Đi công tác');
      }
    }
    // A viewer of the district reads the meeting but may not print the minutes.
    expect((await (await as('xem')).request({ method: 'GET', url: `/api/v1/council-meetings/${meetingId}/minutes.docx` })).statusCode).toBe(403);
    // The CĐCS does not even see the meeting.
    expect((await (await as('cdcs.a')).get(`/api/v1/council-meetings/${meetingId}`)).statusCode).toBe(404);
  });
});

describe('quorum', () => {
  it('refuses to open a vote without quorum and explains it', async () => {
    const other = await createOrg(db(), { code: 'DMC-Q', name: 'Công đoàn ngành Giáo dục huyện', kind: 'CD_NGANH_DP', parent: w.orgs.huyen });
    await createUser(db(), 'q.tdkt', [{ role: 'TDKT_OFFICER', org: other }]);
    const people = await councilPeople(db(), other, 3, 'q');
    const officer = await as('q.tdkt');
    const c = (await officer.post('/api/v1/councils', { orgId: other.id, name: 'Hội đồng ngành', termLabel: '2023–2028', termStartsOn: '2023-01-01', maxMembers: 3 })).json<CouncilDto>();
    const memberIds: number[] = [];
    for (const p of people) memberIds.push((await officer.post(`/api/v1/councils/${c.id}/members`, { personId: p.personId, role: 'MEMBER' })).json<CouncilDto>().members.find((m) => m.personId === p.personId)!.id);
    const [nom] = await insertToCouncil(db(), other, [{ personId: w.persons.an, unit: w.orgs.cdcsA, name: 'Nguyễn Văn An', awardCode: 'GK_CD_CAP_TREN' }]);
    const m = (await officer.post('/api/v1/council-meetings', { councilId: c.id, title: 'Họp', scheduledAt: '2026-12-11T08:00:00+07:00' })).json<MeetingDto>();
    expect((await officer.post(`/api/v1/council-meetings/${m.id}/agenda`, { nominationIds: [nom] })).statusCode).toBe(200);
    await officer.put(`/api/v1/council-meetings/${m.id}/attendance`, { entries: memberIds.map((id, i) => ({ memberId: id, status: i === 0 ? 'PRESENT' : 'ABSENT' })) });
    expect((await officer.post(`/api/v1/council-meetings/${m.id}/open`, {})).statusCode).toBe(200);
    const res = await officer.post(`/api/v1/council-meetings/${m.id}/open-voting`, {});
    expect(res.statusCode).toBe(409);
    expect(message(res)).toBe('Không đủ túc số: có mặt 1/3 thành viên, cần ít nhất 2.');
    const cancel = await officer.post(`/api/v1/council-meetings/${m.id}/cancel`, { reason: 'Không đủ túc số, hoãn sang tuần sau' });
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect(cancel.json<MeetingDto>()).toMatchObject({ status: 'CANCELLED', cancelledReason: 'Không đủ túc số, hoãn sang tuần sau' });
    // The nomination waits for the next meeting.
    expect((await officer.get(`/api/v1/councils/${c.id}/waiting-nominations`)).json<Page<{ id: number }>>().items.map((x) => x.id)).toEqual([nom]);
  });
});

describe('seats while a vote runs', () => {
  const frozen = 'Hội đồng đang có nội dung biểu quyết; chờ kết thúc biểu quyết rồi thay đổi thành viên.';

  /** A council of three (room for five) of a new sector union, a nomination on the agenda of an open meeting with everyone present. */
  async function sectorCouncil(code: string, prefix: string) {
    const org = await createOrg(db(), { code, name: `Công đoàn ngành ${code}`, kind: 'CD_NGANH_DP', parent: w.orgs.huyen });
    await createUser(db(), `${prefix}.tdkt`, [{ role: 'TDKT_OFFICER', org }]);
    const people = await councilPeople(db(), org, 5, prefix);
    const officer = await as(`${prefix}.tdkt`);
    const c = (await officer.post('/api/v1/councils', { orgId: org.id, name: `Hội đồng ngành ${code}`, termLabel: '2023–2028', termStartsOn: '2023-01-01', maxMembers: 5 })).json<CouncilDto>();
    const seat = (personId: number) => officer.post(`/api/v1/councils/${c.id}/members`, { personId, role: 'MEMBER' });
    let members: CouncilDto['members'] = [];
    for (const p of people.slice(0, 3)) {
      const res = await seat(p.personId);
      expect(res.statusCode, res.body).toBe(200);
      members = res.json<CouncilDto>().members;
    }
    const [nom] = await insertToCouncil(db(), org, [{ personId: w.persons.an, unit: w.orgs.cdcsA, name: `Nguyễn Văn An (${code})`, awardCode: 'GK_CD_CAP_TREN' }]);
    const m = (await officer.post('/api/v1/council-meetings', { councilId: c.id, title: 'Họp xét khen thưởng', scheduledAt: '2026-12-12T08:00:00+07:00' })).json<MeetingDto>();
    expect((await officer.post(`/api/v1/council-meetings/${m.id}/agenda`, { nominationIds: [nom] })).statusCode).toBe(200);
    await officer.put(`/api/v1/council-meetings/${m.id}/attendance`, { entries: members.map((x) => ({ memberId: x.id, status: 'PRESENT' })) });
    expect((await officer.post(`/api/v1/council-meetings/${m.id}/open`, {})).statusCode).toBe(200);
    const seatCount = () => countRows(db(), 'council_member', sql`council_id = ${c.id} and left_on is null`);
    return { officer, councilId: c.id, meetingId: m.id, people, members, seat, seatCount };
  }

  it('refuses to seat a member while an item is being voted on, changing nothing; seats them once the vote is closed', async () => {
    const s = await sectorCouncil('DMC-S', 'ghe');
    const opened = await s.officer.post(`/api/v1/council-meetings/${s.meetingId}/open-voting`, {});
    expect(opened.statusCode, opened.body).toBe(200);
    const audits = (await auditEvents(db(), 'council.member.add')).length;
    const refused = await s.seat(s.people[3]!.personId);
    expect(refused.statusCode).toBe(409);
    expect(message(refused)).toBe(frozen);
    expect(await s.seatCount()).toBe(3);
    expect(await auditEvents(db(), 'council.member.add')).toHaveLength(audits);
    // Ending a seat is refused the same way.
    const end = await s.officer.post(`/api/v1/councils/${s.councilId}/members/${s.members[0]!.id}/end`, { reason: 'Nghỉ hưu' });
    expect(end.statusCode).toBe(409);
    expect(message(end)).toBe(frozen);

    // Once the vote is closed, the seat is given.
    expect((await s.officer.post(`/api/v1/council-meetings/${s.meetingId}/close-voting`, {})).statusCode).toBe(200);
    const ok = await s.seat(s.people[3]!.personId);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await s.seatCount()).toBe(4);
    expect(await auditEvents(db(), 'council.member.add')).toHaveLength(audits + 1);
  });

  it('a seat given while a vote opens is either refused or counted by that vote', async () => {
    const s = await sectorCouncil('DMC-T', 'ghet');
    const [opened, added] = await Promise.all([s.officer.post(`/api/v1/council-meetings/${s.meetingId}/open-voting`, {}), s.seat(s.people[3]!.personId)]);
    expect(opened.statusCode, opened.body).toBe(200);
    expect([200, 409]).toContain(added.statusCode);
    const total = await db().execute<{ members_total: number }>(sql`select i.members_total from meeting_item i where i.meeting_id = ${s.meetingId}`);
    // The vote's members total is the council's seats: none was added behind its back.
    expect(Number(total.rows[0]!.members_total)).toBe(await s.seatCount());
    expect(await s.seatCount()).toBe(added.statusCode === 200 ? 4 : 3);
  });
});

describe('public consultation before the vote', () => {
  it('blocks the vote while a consultation runs or ran too short, and prints the feedback and its handling in the minutes', async () => {
    const officer = await as('huyen.tdkt');
    const [nom] = await insertToCouncil(db(), w.orgs.huyen, [{ personId: w.persons.tran, unit: w.orgs.cdcsB, name: 'Trần Thị Cúc (toàn quốc)', awardCode: 'CSTD_TQ' }], 2027);
    const consult = (startsOn: string, workingDays: number) =>
      officer.post('/api/v1/consultations', { orgId: w.orgs.huyen.id, title: 'Lấy ý kiến nhân dân', startsOn, workingDays, items: [{ nominationId: nom, publicSummary: 'Có 3 sáng kiến được công nhận cấp tỉnh.' }] });
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
    // Ended, but only 5 working days: the State-level title needs 10. Past lists are recorded directly (the API refuses a past start).
    await insertPastConsultation(db(), w.orgs.huyen, [nom!], { startsOn: daysAgo(40), endsOn: daysAgo(34), workingDays: 5 });

    const m = (await officer.post('/api/v1/council-meetings', { councilId, title: 'Phiên họp bổ sung', scheduledAt: '2026-12-20T08:00:00+07:00' })).json<MeetingDto>();
    expect((await officer.post(`/api/v1/council-meetings/${m.id}/agenda`, { nominationIds: [nom] })).statusCode).toBe(200);
    await officer.put(`/api/v1/council-meetings/${m.id}/attendance`, { entries: [...memberIdOf.values()].map((memberId) => ({ memberId, status: 'PRESENT' })) });
    expect((await officer.post(`/api/v1/council-meetings/${m.id}/open`, {})).statusCode).toBe(200);
    const tooShort = await officer.post(`/api/v1/council-meetings/${m.id}/open-voting`, {});
    expect(tooShort.statusCode).toBe(409);
    expect(message(tooShort)).toMatch(/: Trần Thị Cúc \(toàn quốc\)\.$/);

    // Running now: blocks too; a citizen writes in and the office handles it.
    const running = await consult(daysAgo(0), 10);
    expect(running.statusCode, running.body).toBe(201);
    const runningId = running.json<{ id: number; items: { id: number }[] }>().id;
    const itemId = running.json<{ items: { id: number }[] }>().items[0]!.id;
    expect((await officer.post(`/api/v1/council-meetings/${m.id}/open-voting`, {})).statusCode).toBe(409);
    const fb = await env.app.inject({ method: 'POST', url: `/api/v1/public/consultation-items/${itemId}/feedback`, remoteAddress: '203.0.113.9', payload: { authorName: 'Phạm Văn Dân', contact: 'dan@example.vn', body: 'Đề nghị làm rõ sáng kiến thứ ba đã được áp dụng ở đâu.' } });
    expect(fb.statusCode, fb.body).toBe(201);
    const feedbackId = fb.json<{ id: number }>().id;
    const handled = await officer.post(`/api/v1/consultation-feedback/${feedbackId}/handle`, { status: 'RELEVANT', handling: 'Đã xác minh: sáng kiến áp dụng tại 3 trường học; trả lời bằng văn bản.' });
    expect(handled.statusCode, handled.body).toBe(200);

    // The period is cut short for the test by withdrawing it, and a full 10-day posting that has ended is recorded.
    expect((await officer.post(`/api/v1/consultations/${runningId}/withdraw`, { reason: 'Đăng lại trên Cổng thông tin điện tử' })).statusCode).toBe(200);
    await insertPastConsultation(db(), w.orgs.huyen, [nom!], { startsOn: daysAgo(30), endsOn: daysAgo(17), workingDays: 10 });
    const opened = await officer.post(`/api/v1/council-meetings/${m.id}/open-voting`, {});
    expect(opened.statusCode, opened.body).toBe(200);
    for (const s of seats.slice(0, 7)) {
      const items = (await (await as(s.username)).get(`/api/v1/council-meetings/${m.id}/items`)).json<Page<MeetingItemDto>>();
      expect((await (await as(s.username)).post(`/api/v1/council-meetings/${m.id}/ballots`, { votes: [{ itemId: items.items[0]!.id, choice: 'YES' }] })).statusCode).toBe(201);
    }
    expect((await officer.post(`/api/v1/council-meetings/${m.id}/close`, {})).statusCode).toBe(200);
    const res = await officer.request({ method: 'GET', url: `/api/v1/council-meetings/${m.id}/minutes.docx` });
    const text = (await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('Phạm Văn Dân');
    expect(text).toContain('Đã xác minh: sáng kiến áp dụng tại 3 trường học; trả lời bằng văn bản.');
    // 7/9 < 90 %: the contact never reaches the minutes.
    expect(text).toContain('7/9 = 77,8 % &lt; 90 %: không đạt');
    expect(text).not.toContain('dan@example.vn');
  });
});

describe('concurrency', () => {
  it('takes one of two simultaneous ballots of a member, and never lets a ballot land after the seal', async () => {
    const officer = await as('huyen.tdkt');
    const [nom] = await insertToCouncil(db(), w.orgs.huyen, [{ personId: w.persons.dang, unit: w.orgs.cdcsB, name: 'Đặng Văn Bình (lần 2)', awardCode: 'GK_CD_CAP_TREN' }], 2028);
    const m = (await officer.post('/api/v1/council-meetings', { councilId, title: 'Phiên họp đồng thời', scheduledAt: '2026-12-21T08:00:00+07:00' })).json<MeetingDto>();
    await officer.post(`/api/v1/council-meetings/${m.id}/agenda`, { nominationIds: [nom] });
    await officer.put(`/api/v1/council-meetings/${m.id}/attendance`, { entries: [...memberIdOf.values()].map((memberId) => ({ memberId, status: 'PRESENT' })) });
    await officer.post(`/api/v1/council-meetings/${m.id}/open`, {});
    expect((await officer.post(`/api/v1/council-meetings/${m.id}/open-voting`, {})).statusCode).toBe(200);
    const itemId = (await officer.get(`/api/v1/council-meetings/${m.id}/items`)).json<Page<MeetingItemDto>>().items[0]!.id;
    const clients = await Promise.all(['c1', 'c1', 'c2', 'c3', 'c4', 'c5'].map((u) => as(u)));
    const vote = (c: Client, choice: string) => c.post(`/api/v1/council-meetings/${m.id}/ballots`, { votes: [{ itemId, choice }] });
    const twice = await Promise.all([vote(clients[0]!, 'YES'), vote(clients[1]!, 'NO')]);
    expect(twice.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    // Four members vote while the office closes the meeting: each ballot is either sealed or refused.
    const race = await Promise.all([...clients.slice(2).map((c) => vote(c, 'YES')), officer.post(`/api/v1/council-meetings/${m.id}/close`, {})]);
    expect(race[race.length - 1]!.statusCode).toBe(200);
    const accepted = race.slice(0, -1).filter((r) => r.statusCode === 201).length;
    expect(race.slice(0, -1).every((r) => r.statusCode === 201 || r.statusCode === 409)).toBe(true);
    const item = (await officer.get(`/api/v1/council-meetings/${m.id}/items`)).json<Page<MeetingItemDto>>().items[0]!;
    expect(item.tally!.counts.yes + item.tally!.counts.no).toBe(1 + accepted);
    expect((await officer.get(`/api/v1/council-meetings/${m.id}/verify`)).json<VerifyDto>()).toMatchObject({ ok: true, ballots: 1 + accepted });
  });
});
