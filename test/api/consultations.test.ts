// Public consultation (công khai, lấy ý kiến): a district publishes the nominations it sent to its
// council for N working days on the work calendar; the public reads the list (without personal
// data) and sends feedback, rate-limited per address; officers read and handle it; the councils
// module asks which nominations are still under consultation and what was said about them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestEnv } from '../support/app';
import { createPerson, createUser, loginAs, smallWorld } from '../factories';
import { auditEvents, countRows } from '../support/achievements';
import { daysFromToday } from '../support/scoring';
import { todayInVietnam } from '../../src/server/modules/imports/xlsx';
import { isWorkingDay, vietnamHolidays } from '../../src/domain/nominations';
import { vnDate } from '../../src/server/lib/dates';
import { insertToCouncil } from '../support/councils';
import { loadWorkCalendar } from '../../src/server/modules/work-calendar/work-calendar.service';
import { clientHash } from '../../src/server/modules/consultations/feedback.service';
import { feedbackForNominations, openConsultationBlocks } from '../../src/server/modules/consultations/for-councils';
import type { ConsultationDto, FeedbackDto, PublicConsultationPage } from '../../src/contracts/consultations';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
const YEAR = Number(todayInVietnam().slice(0, 4));
const TODAY = todayInVietnam();

const db = () => env.database.db;
const as = (user: string) => loginAs(env.app, user);
const message = (res: { json: <T>() => T }) => res.json<{ message: string }>().message;

/** Nominations by subject: an, anh (CĐCS A), dang, tran (CĐCS B) sent to the district's council; draft stays a draft. */
const n = { an: 0, anh: 0, dang: 0, tran: 0, draft: 0 };

function publicPost(itemId: number, payload: Record<string, unknown>, remoteAddress = '198.51.100.1') {
  return env.app.inject({ method: 'POST', url: `/api/v1/public/consultation-items/${itemId}/feedback`, payload, remoteAddress });
}
const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
/** The first `count` working days from `start` (itself included), counted by hand: no weekend, none of `holidays`. */
function workingDaysFrom(start: string, count: number, holidays: Set<string>): string[] {
  const out: string[] = [];
  for (let d = start; out.length < count; d = nextDay(d)) {
    const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !holidays.has(d)) out.push(d);
  }
  return out;
}
const feedbackBody = (i: number) => ({ authorName: 'Lê Văn Dân', contact: 'dan@example.vn', body: `Tôi xác nhận thành tích của đồng chí là đúng (ý kiến ${i}).` });

beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(db());
  await createUser(db(), 'tinh.tdkt', [{ role: 'TDKT_OFFICER', org: w.orgs.tinh }]);
  const officer = await as('huyen.tdkt');
  const round = await officer.post('/api/v1/nomination-rounds', {
    orgId: w.orgs.huyen.id,
    year: YEAR,
    title: `Tổng kết thi đua năm ${YEAR}`,
    kind: 'ANNUAL',
    ceremonyDate: daysFromToday(90),
    awardCodes: ['LDTT', 'GK_CD_CAP_TREN'],
    parameters: { levels: [{ below: 1, appraisalWorkingDays: 5 }, { below: 0, appraisalWorkingDays: 10, councilWorkingDays: 2 }], decisionLeadWorkingDays: 5 },
  });
  expect(round.statusCode, round.body).toBe(201);
  const roundId = round.json<{ id: number }>().id;
  const propose = async (user: string, personId: number, awardCode = 'GK_CD_CAP_TREN') => {
    const res = await (await as(user)).post('/api/v1/nominations', { roundId, personId, awardCode, achievementSummary: 'Hoàn thành xuất sắc nhiệm vụ.' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: number }>().id;
  };
  n.an = await propose('cdcs.a', w.persons.an);
  n.anh = await propose('cdcs.a', w.persons.anh);
  n.dang = await propose('cdcs.b', w.persons.dang);
  n.tran = await propose('cdcs.b', w.persons.tran);
  n.draft = await propose('cdcs.a', w.persons.an, 'LDTT');
  // Appraised and sent to the district's council (the path itself is tested in nominations.test.ts).
  await db().execute(sql`
    update nomination set status = 'TO_COUNCIL', holder_org_id = ${w.orgs.huyen.id}, holder_path = ${w.orgs.huyen.path}, reached_path = ${w.orgs.huyen.path}
    where id = any(${sql.param([n.an, n.anh, n.dang, n.tran])}::bigint[])`);
});
afterAll(() => env.close());

let mainId: number; // an + anh, from today, 10 working days
let mainItems: ConsultationDto['items'];

describe('publishing a list', () => {
  it('publishes TO_COUNCIL nominations for 10 working days from today by default, with an audit event', async () => {
    const officer = await as('huyen.tdkt');
    const candidates = await officer.get(`/api/v1/consultations/candidates?orgId=${w.orgs.huyen.id}`);
    expect(candidates.statusCode, candidates.body).toBe(200);
    expect(candidates.json<{ items: { nominationId: number }[] }>().items.map((c) => c.nominationId).sort((a, b) => a - b)).toEqual([n.an, n.anh, n.dang, n.tran]);

    const res = await officer.post('/api/v1/consultations', {
      orgId: w.orgs.huyen.id,
      title: 'Lấy ý kiến nhân dân về danh sách đề nghị khen thưởng',
      items: [
        { nominationId: n.an, publicSummary: 'Giáo viên dạy giỏi cấp tỉnh; 3 sáng kiến được công nhận.' },
        { nominationId: n.anh, publicSummary: 'Chủ nhiệm lớp xuất sắc, 100% học sinh lên lớp.' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json<ConsultationDto>();
    mainId = c.id;
    mainItems = c.items;
    // The 10th working day starting today (today counts when it is worked).
    const cal = await loadWorkCalendar(db(), YEAR, YEAR + 1);
    let day = TODAY;
    const next = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    for (let worked = isWorkingDay(day, cal) ? 1 : 0; worked < 10; ) {
      day = next(day);
      if (isWorkingDay(day, cal)) worked++;
    }
    expect(c).toMatchObject({ startsOn: TODAY, endsOn: day, workingDays: 10, phase: 'OPEN', itemCount: 2, feedback: { NEW: 0, RELEVANT: 0, DISMISSED: 0 } });
    expect(c.abilities).toEqual(['consultation.feedback', 'consultation.withdraw']);
    expect(c.items.map((i) => [i.nominationId, i.subjectName, i.unitName, i.awardCode])).toEqual([
      [n.an, 'Nguyễn Văn An', 'Công đoàn cơ sở Trường THCS Phước Minh', 'GK_CD_CAP_TREN'],
      [n.anh, 'Nguyễn Thị Ánh', 'Công đoàn cơ sở Trường THCS Phước Minh', 'GK_CD_CAP_TREN'],
    ]);
    expect(c.items[0]!.awardName).toBe('Giấy khen của Ban Chấp hành công đoàn cấp trên trực tiếp cơ sở');
    const events = await auditEvents(db(), 'consultations.create', mainId);
    expect(events).toHaveLength(1);
    expect(events[0]!.after).toMatchObject({ startsOn: TODAY, endsOn: day, workingDays: 10 });
    // Readers of the subtree list it; the candidates no longer include the published nominations.
    const list = await (await as('xem')).get(`/api/v1/consultations?orgId=${w.orgs.huyen.id}`);
    expect(list.json<{ total: number; items: { id: number; abilities: string[] }[] }>()).toMatchObject({ total: 1, items: [{ id: mainId, abilities: [] }] });
    const after = (await officer.get(`/api/v1/consultations/candidates?orgId=${w.orgs.huyen.id}`)).json<{ items: { nominationId: number }[] }>();
    expect(after.items.map((x) => x.nominationId).sort((a, b) => a - b)).toEqual([n.dang, n.tran]);
  });

  it('refuses personal data in a summary, nominations not with the council or already under consultation, and too many days; nothing is stored', async () => {
    const officer = await as('huyen.tdkt');
    const before = await countRows(db(), 'consultation');
    const body = (items: { nominationId: number; publicSummary: string }[], over: Record<string, unknown> = {}) => ({ orgId: w.orgs.huyen.id, title: 'Danh sách', items, ...over });

    const cccd = await officer.post('/api/v1/consultations', body([{ nominationId: n.dang, publicSummary: 'Công nhân giỏi, CCCD 072090000003.' }]));
    expect(cccd.statusCode).toBe(400);
    expect(message(cccd)).toBe('Tóm tắt thành tích của Đặng Văn Bình có nội dung giống số căn cước công dân (12 chữ số): không được đăng thông tin cá nhân lên trang công khai. Hãy xóa nội dung đó rồi lưu lại.');
    expect(cccd.json<{ details: { fields: Record<string, string> } }>().details.fields).toHaveProperty(['items.0.publicSummary']);
    const grouped = await officer.post('/api/v1/consultations', body([{ nominationId: n.dang, publicSummary: 'Số định danh 072 090 000 003.' }]));
    expect(grouped.statusCode).toBe(400);
    const phone = await officer.post('/api/v1/consultations', body([{ nominationId: n.dang, publicSummary: 'Liên hệ 0912.345.678 để biết thêm.' }]));
    expect(phone.statusCode).toBe(400);
    expect(message(phone)).toContain('giống số điện thoại');
    for (const summary of ['Liên hệ +84 912 345 678.', 'Điện thoại 0283.822.1234.', 'Hộp thư an.nguyen@example.vn.']) {
      expect((await officer.post('/api/v1/consultations', body([{ nominationId: n.dang, publicSummary: summary }]))).statusCode, summary).toBe(400);
    }
    // Figures of an achievement are not personal data.
    const figures = await officer.post('/api/v1/consultations', body([{ nominationId: n.dang, publicSummary: 'Năm 2024 tiết kiệm 120000000 đồng, làm lợi 120.000.000.000 đồng và 84.000.000.000 đồng; 15 sáng kiến.' }]));
    expect(figures.statusCode, figures.body).toBe(201);
    const figuresId = figures.json<ConsultationDto>().id;

    const notCouncil = await officer.post('/api/v1/consultations', body([{ nominationId: n.draft, publicSummary: 'Lao động tiên tiến.' }]));
    expect(notCouncil.statusCode).toBe(400);
    expect(message(notCouncil)).toBe(`Có đề nghị không đưa được vào danh sách lấy ý kiến (chỉ đưa được đề nghị đơn vị đang giữ và đã chuyển Hội đồng Thi đua – Khen thưởng): #${n.draft}.`);
    const twice = await officer.post('/api/v1/consultations', body([{ nominationId: n.an, publicSummary: 'Lần hai.' }]));
    expect(twice.statusCode).toBe(409);
    expect(message(twice)).toBe('Đề nghị đang được lấy ý kiến trong một đợt khác chưa kết thúc: Nguyễn Văn An.');
    expect((await officer.post('/api/v1/consultations', body([{ nominationId: n.tran, publicSummary: 'x' }], { workingDays: 61 }))).statusCode).toBe(400);
    expect((await officer.post('/api/v1/consultations', body([{ nominationId: n.tran, publicSummary: 'a'.repeat(1001) }]))).statusCode).toBe(400);
    expect((await officer.post('/api/v1/consultations', body([{ nominationId: n.tran, publicSummary: 'x' }, { nominationId: n.tran, publicSummary: 'y' }]))).statusCode).toBe(400);
    // The one accepted above (figures) is the only new list.
    expect(await countRows(db(), 'consultation')).toBe(before + 1);
    expect((await officer.post(`/api/v1/consultations/${figuresId}/withdraw`, { reason: 'Chỉ để thử' })).statusCode).toBe(200);
  });

  it('only the TĐKT officers of the organisation (or an administrator above) publish: others are refused', async () => {
    const before = await countRows(db(), 'consultation');
    const body = (orgId: number) => ({ orgId, title: 'Danh sách', items: [{ nominationId: n.tran, publicSummary: 'Cán bộ công đoàn tích cực.' }] });
    // A CĐCS officer reads its own unit but publishes nothing; outside its unit it sees nothing.
    expect((await (await as('cdcs.a')).post('/api/v1/consultations', body(w.orgs.cdcsA.id))).statusCode).toBe(403);
    expect((await (await as('cdcs.a')).post('/api/v1/consultations', body(w.orgs.huyen.id))).statusCode).toBe(404);
    // The province's officer reads the district but is not its office; the district does not see the province.
    expect((await (await as('tinh.tdkt')).post('/api/v1/consultations', body(w.orgs.huyen.id))).statusCode).toBe(403);
    expect((await (await as('huyen.tdkt')).post('/api/v1/consultations', body(w.orgs.tinh.id))).statusCode).toBe(404);
    expect((await (await as('xem')).post('/api/v1/consultations', body(w.orgs.huyen.id))).statusCode).toBe(403);
    // Nominations held by the district cannot be published by the province (with its administrator's rights).
    const admin = await (await as('admin')).post('/api/v1/consultations', body(w.orgs.tinh.id));
    expect(admin.statusCode).toBe(400);
    expect(message(admin)).toContain(`#${n.tran}`);
    expect(await countRows(db(), 'consultation')).toBe(before);
    expect((await (await as('cdcs.a')).get(`/api/v1/consultations/${mainId}`)).statusCode).toBe(404);
  });

  it('counts the period on the work calendar over weekends and holidays', async () => {
    const officer = await as('huyen.tdkt');
    // A coming year's 30/4 and 1/5 (holidays) fall within five working days from 28/4 (a year where one of them is a weekday).
    const weekend = (d: string) => [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());
    let Y = YEAR + 1;
    while (weekend(`${Y}-04-30`) && weekend(`${Y}-05-01`)) Y++;
    const start = `${Y}-04-28`;
    const res = await officer.post('/api/v1/consultations', { orgId: w.orgs.huyen.id, title: 'Đợt tháng 4', startsOn: start, workingDays: 5, items: [{ nominationId: n.dang, publicSummary: 'Công nhân sản xuất giỏi.' }] });
    expect(res.statusCode, res.body).toBe(201);
    const holidays = new Set(vietnamHolidays(Y).map((h) => h.date));
    expect([...holidays]).toEqual(expect.arrayContaining([`${Y}-04-30`, `${Y}-05-01`]));
    const endsOn = workingDaysFrom(start, 5, holidays).at(-1)!;
    expect(endsOn).not.toBe(workingDaysFrom(start, 5, new Set()).at(-1));
    expect(res.json<ConsultationDto>()).toMatchObject({ startsOn: start, endsOn, phase: 'UPCOMING' });
    // Recorded as if published in April 2026 (the API refuses a past start): Tue 28/04/2026 … Wed 06/05/2026.
    const april = res.json<ConsultationDto>().id;
    await db().execute(sql`update consultation set starts_on = '2026-04-28', ends_on = '2026-05-06' where id = ${april}`);

    // Starting on a Saturday, the first day is the next working day.
    let saturday = `${Y}-05-02`;
    while (new Date(`${saturday}T00:00:00Z`).getUTCDay() !== 6) saturday = nextDay(saturday);
    const sat = await officer.post('/api/v1/consultations', { orgId: w.orgs.huyen.id, title: 'Đợt bắt đầu thứ bảy', startsOn: saturday, workingDays: 1, items: [{ nominationId: n.dang, publicSummary: 'Công nhân sản xuất giỏi.' }] });
    expect(sat.statusCode, sat.body).toBe(201);
    expect(sat.json<ConsultationDto>().endsOn).toBe(workingDaysFrom(saturday, 1, holidays)[0]);
    expect(sat.json<ConsultationDto>().endsOn > nextDay(saturday)).toBe(true);
    await db().execute(sql`update consultation set starts_on = '2026-05-02', ends_on = '2026-05-04' where id = ${sat.json<ConsultationDto>().id}`);
    // Feedback is refused once the period has ended.
    const itemId = res.json<ConsultationDto>().items[0]!.id;
    const late = await publicPost(itemId, feedbackBody(0), '198.51.100.50');
    expect(late.statusCode).toBe(409);
    expect(message(late)).toBe('Đợt lấy ý kiến này đã kết thúc ngày 06/05/2026: không nhận thêm ý kiến.');
  });

  it('refuses a start before today (Vietnam’s calendar) on the field, storing nothing; today and later days are accepted', async () => {
    const officer = await as('huyen.tdkt');
    const before = await countRows(db(), 'consultation');
    const audits = (await auditEvents(db(), 'consultations.create')).length;
    const body = (startsOn: string) => ({ orgId: w.orgs.huyen.id, title: 'Danh sách', startsOn, items: [{ nominationId: n.dang, publicSummary: 'Công nhân sản xuất giỏi.' }] });
    for (const startsOn of [daysFromToday(-1), '2026-01-02']) {
      const res = await officer.post('/api/v1/consultations', body(startsOn));
      expect(res.statusCode, startsOn).toBe(400);
      expect(message(res)).toBe(`Ngày bắt đầu lấy ý kiến không được trước hôm nay (${vnDate(TODAY)}): danh sách chỉ được tính là công khai kể từ ngày đăng. Hãy chọn hôm nay hoặc một ngày sau.`);
      expect(res.json<{ details: { fields: Record<string, string> } }>().details.fields).toEqual({ startsOn: `Không được trước hôm nay (${vnDate(TODAY)}).` });
    }
    expect(await countRows(db(), 'consultation')).toBe(before);
    expect(await auditEvents(db(), 'consultations.create')).toHaveLength(audits);

    for (const [startsOn, phase] of [[TODAY, 'OPEN'], [daysFromToday(3), 'UPCOMING']] as const) {
      const ok = await officer.post('/api/v1/consultations', body(startsOn));
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json<ConsultationDto>()).toMatchObject({ startsOn, phase });
      expect((await officer.post(`/api/v1/consultations/${ok.json<ConsultationDto>().id}/withdraw`, { reason: 'Chỉ để thử' })).statusCode).toBe(200);
    }
    expect(await countRows(db(), 'consultation')).toBe(before + 2);
  });

  it('refuses nominations the council is voting on or has decided, naming them; a pending agenda item or a vote without quorum does not prevent it', async () => {
    const officer = await as('huyen.tdkt');
    const names = ['Lê Văn Đang Bầu', 'Lê Văn Đã Bầu', 'Lê Thị Đã Đạt', 'Lê Thị Đã Trượt', 'Lê Văn Đã Khen', 'Lê Văn Chờ Họp', 'Lê Thị Thiếu Túc Số'] as const;
    const people = await Promise.all(names.map((fullName) => createPerson(db(), w.orgs.cdcsA, { fullName })));
    const [voting, closed, passed, failed, awarded, pending, noQuorum] = await insertToCouncil(
      db(),
      w.orgs.huyen,
      names.map((name, i) => ({ personId: people[i], unit: w.orgs.cdcsA, name, awardCode: 'GK_CD_CAP_TREN' })),
      YEAR + 1,
    );
    const council = await officer.post('/api/v1/councils', { orgId: w.orgs.huyen.id, name: 'Hội đồng Thi đua – Khen thưởng LĐLĐ huyện', termLabel: '2023–2028', termStartsOn: '2023-08-01' });
    expect(council.statusCode, council.body).toBe(201);
    const meeting = await officer.post('/api/v1/council-meetings', { councilId: council.json<{ id: number }>().id, title: 'Phiên họp xét khen thưởng', scheduledAt: `${daysFromToday(5)}T08:00:00+07:00` });
    expect(meeting.statusCode, meeting.body).toBe(201);
    const meetingId = meeting.json<{ id: number }>().id;
    const agenda = await officer.post(`/api/v1/council-meetings/${meetingId}/agenda`, { nominationIds: [voting, closed, pending, noQuorum] });
    expect(agenda.statusCode, agenda.body).toBe(200);
    // The meeting runs: one item is being voted on, one was decided (even were the nomination's status not updated), one had no quorum.
    await db().execute(sql`update council_meeting set status = 'OPEN', opened_at = now() where id = ${meetingId}`);
    await db().execute(sql`update meeting_item set status = 'VOTING', opened_at = now() where meeting_id = ${meetingId} and nomination_id = ${voting}`);
    await db().execute(sql`update meeting_item set status = 'CLOSED', result = 'PASSED', closed_at = now() where meeting_id = ${meetingId} and nomination_id = ${closed}`);
    await db().execute(sql`update meeting_item set status = 'CLOSED', result = 'NO_QUORUM', closed_at = now() where meeting_id = ${meetingId} and nomination_id = ${noQuorum}`);
    await db().execute(sql`update nomination set status = 'COUNCIL_PASSED' where id = ${passed}`);
    await db().execute(sql`update nomination set status = 'COUNCIL_FAILED' where id = ${failed}`);
    await db().execute(sql`update nomination set status = 'AWARDED' where id = ${awarded}`);

    // Not offered as candidates either.
    const candidates = (await officer.get(`/api/v1/consultations/candidates?orgId=${w.orgs.huyen.id}`)).json<{ items: { nominationId: number }[] }>();
    const offered = candidates.items.map((c) => c.nominationId);
    expect(offered).toEqual(expect.arrayContaining([pending, noQuorum]));
    for (const id of [voting, closed, passed, failed, awarded]) expect(offered).not.toContain(id);

    const before = { lists: await countRows(db(), 'consultation'), items: await countRows(db(), 'consultation_item') };
    const publish = (ids: number[]) =>
      officer.post('/api/v1/consultations', { orgId: w.orgs.huyen.id, title: 'Danh sách muộn', items: ids.map((nominationId) => ({ nominationId, publicSummary: 'Hoàn thành xuất sắc nhiệm vụ.' })) });
    const tooLate = (who: string) =>
      `Không thể lấy ý kiến về đề nghị Hội đồng Thi đua – Khen thưởng đang hoặc đã biểu quyết, hoặc đã có kết quả: ${who}. Việc lấy ý kiến phải kết thúc trước khi biểu quyết.`;
    for (const [id, name] of [[voting, names[0]], [closed, names[1]], [passed, names[2]], [failed, names[3]], [awarded, names[4]]] as const) {
      const res = await publish([id!]);
      expect(res.statusCode, name).toBe(409);
      expect(message(res)).toBe(tooLate(name));
    }
    // With a nomination that could be published: the whole list is refused.
    const mixed = await publish([pending!, voting!]);
    expect(mixed.statusCode).toBe(409);
    expect(message(mixed)).toBe(tooLate(names[0]));
    expect(await countRows(db(), 'consultation')).toBe(before.lists);
    expect(await countRows(db(), 'consultation_item')).toBe(before.items);

    // Still on a pending agenda item, or after a vote without quorum: the list is published.
    const ok = await publish([pending!, noQuorum!]);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json<ConsultationDto>().items.map((i) => i.subjectName)).toEqual([names[5], names[6]]);
    expect((await officer.post(`/api/v1/consultations/${ok.json<ConsultationDto>().id}/withdraw`, { reason: 'Chỉ để thử' })).statusCode).toBe(200);
  });
});

describe('the public page and feedback', () => {
  it('lists running and recently ended lists without personal data', async () => {
    const res = await env.app.inject({ method: 'GET', url: `/api/v1/public/orgs/${w.orgs.huyen.code}/consultations` });
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<PublicConsultationPage>();
    expect(page.org).toEqual({ code: 'DMC', name: 'Liên đoàn Lao động huyện DMC' });
    // The list of April ended more than 90 days ago and the withdrawn ones are not shown.
    expect(page.items.map((c) => c.id)).toEqual([mainId]);
    expect(Object.keys(page.items[0]!).sort()).toEqual(['endsOn', 'id', 'items', 'phase', 'startsOn', 'title', 'workingDays']);
    expect(page.items[0]!.items.map((i) => Object.keys(i).sort())).toEqual([
      ['awardName', 'id', 'publicSummary', 'subjectName', 'unitName'],
      ['awardName', 'id', 'publicSummary', 'subjectName', 'unitName'],
    ]);
    expect(page.items[0]!.items[0]).toMatchObject({ subjectName: 'Nguyễn Văn An', unitName: 'Công đoàn cơ sở Trường THCS Phước Minh' });
    for (const secret of ['072090000001', '072190000002', '1990-05-17', 'DV0000001', 'cccd', 'birth', 'phone', 'email', 'personId', 'nominationId']) expect(res.body).not.toContain(secret);
    expect((await env.app.inject({ method: 'GET', url: '/api/v1/public/orgs/KHONG-CO/consultations' })).statusCode).toBe(404);
  });

  it('accepts feedback while the period runs and refuses it once it has ended; bodies are stored and returned verbatim', async () => {
    const itemId = mainItems[0]!.id;
    const script = '<script>alert("x")</script><img src=x onerror=alert(1)> Đồng chí An thường xuyên đi muộn.';
    const ok = await publicPost(itemId, { authorName: 'Trần Văn Phản Ánh', contact: '0912 345 678', body: script }, '198.51.100.2');
    expect(ok.statusCode, ok.body).toBe(201);
    const fbId = ok.json<{ id: number }>().id;
    const stored = await db().execute<{ body: string; client_hash: string }>(sql`select body, client_hash from consultation_feedback where id = ${fbId}`);
    expect(stored.rows[0]!.body).toBe(script);
    expect(stored.rows[0]!.client_hash).toBe(clientHash(env.ctx.sessionKey, '198.51.100.2'));
    expect(stored.rows[0]!.client_hash).toMatch(/^[0-9a-f]{64}$/);
    const list = await (await as('huyen.tdkt')).get(`/api/v1/consultations/${mainId}/feedback`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.headers['content-type']).toContain('application/json');
    expect(list.json<{ items: FeedbackDto[] }>().items[0]).toMatchObject({ id: fbId, body: script, authorName: 'Trần Văn Phản Ánh', contact: '0912 345 678', status: 'NEW', nominationId: n.an, subjectName: 'Nguyễn Văn An' });
    const audited = await auditEvents(db(), 'consultations.feedback.receive', fbId);
    expect(audited).toHaveLength(1);
    expect(JSON.stringify(audited[0])).not.toContain('0912 345 678');

    // Another list: a comment arrives, then the period ends.
    const officer = await as('huyen.tdkt');
    const other = (await officer.post('/api/v1/consultations', { orgId: w.orgs.huyen.id, title: 'Danh sách bổ sung', items: [{ nominationId: n.tran, publicSummary: 'Chủ tịch công đoàn tích cực.' }] })).json<ConsultationDto>();
    const tranItem = other.items[0]!.id;
    expect((await publicPost(tranItem, feedbackBody(1), '198.51.100.3')).statusCode).toBe(201);
    await db().execute(sql`update consultation set starts_on = ${daysFromToday(-20)}, ends_on = ${daysFromToday(-1)} where id = ${other.id}`);
    const late = await publicPost(tranItem, feedbackBody(2), '198.51.100.3');
    expect(late.statusCode).toBe(409);
    expect(message(late)).toMatch(/^Đợt lấy ý kiến này đã kết thúc ngày \d\d\/\d\d\/\d{4}: không nhận thêm ý kiến\.$/);
    // Recently ended: still on the public page, marked as ended.
    const page = (await env.app.inject({ method: 'GET', url: `/api/v1/public/orgs/DMC/consultations` })).json<PublicConsultationPage>();
    expect(page.items.map((c) => [c.id, c.phase])).toEqual([
      [mainId, 'OPEN'],
      [other.id, 'ENDED'],
    ]);
    // Not started yet.
    await db().execute(sql`update consultation set starts_on = ${daysFromToday(3)}, ends_on = ${daysFromToday(20)} where id = ${other.id}`);
    const early = await publicPost(tranItem, feedbackBody(3), '198.51.100.3');
    expect(early.statusCode).toBe(409);
    expect(message(early)).toMatch(/^Đợt lấy ý kiến này bắt đầu từ ngày /);
    await db().execute(sql`update consultation set starts_on = ${daysFromToday(-20)}, ends_on = ${daysFromToday(-1)} where id = ${other.id}`);
  });

  it('refuses an oversized body, a missing contact and a short name, storing nothing', async () => {
    const itemId = mainItems[1]!.id;
    const before = await countRows(db(), 'consultation_feedback');
    const big = await publicPost(itemId, { ...feedbackBody(0), body: 'ý'.repeat(4001) }, '198.51.100.4');
    expect(big.statusCode).toBe(400);
    expect(big.json<{ details: { fields: Record<string, string> } }>().details.fields.body).toBe('Quá dài: tối đa 4000 ký tự.');
    const huge = await publicPost(itemId, { ...feedbackBody(0), body: 'x'.repeat(1_100_000) }, '198.51.100.4');
    expect(huge.statusCode).toBe(413);
    const noContact = await publicPost(itemId, { authorName: 'Lê Văn Dân', contact: 'không có', body: 'Ý kiến đủ dài để gửi.' }, '198.51.100.4');
    expect(noContact.statusCode).toBe(400);
    expect(noContact.json<{ details: { fields: Record<string, string> } }>().details.fields.contact).toBe('Cần ghi địa chỉ thư điện tử hoặc số điện thoại để cơ quan liên hệ lại với bạn.');
    expect((await publicPost(itemId, { ...feedbackBody(0), authorName: 'A' }, '198.51.100.4')).statusCode).toBe(400);
    expect((await publicPost(itemId, { ...feedbackBody(0), body: 'ngắn' }, '198.51.100.4')).statusCode).toBe(400);
    expect((await publicPost(999_999, feedbackBody(0), '198.51.100.4')).statusCode).toBe(404);
    expect(await countRows(db(), 'consultation_feedback')).toBe(before);
  });

  it('limits one address to 5 comments an hour and 20 a day (HTTP 429); other addresses are not affected', async () => {
    const itemId = mainItems[1]!.id;
    for (let i = 1; i <= 5; i++) {
      const res = await publicPost(itemId, feedbackBody(i), '203.0.113.7');
      expect(res.statusCode, res.body).toBe(201);
    }
    const sixth = await publicPost(itemId, feedbackBody(6), '203.0.113.7');
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(message(sixth)).toMatch(/^Bạn đã gửi 5 ý kiến trong một giờ qua\. Vui lòng thử lại sau \d+ phút\.$/);
    expect((await publicPost(itemId, feedbackBody(7), '203.0.113.8')).statusCode).toBe(201);
    // Twenty earlier today (more than an hour ago) from a third address: the daily limit.
    const hash = clientHash(env.ctx.sessionKey, '203.0.113.9');
    await db().execute(sql`
      insert into consultation_feedback (item_id, author_name, contact, body, client_hash, created_at)
      select ${itemId}, 'Người gửi', 'a@example.vn', 'Ý kiến gửi nhiều lần.', ${hash}, now() - interval '3 hours' from generate_series(1, 20)`);
    const daily = await publicPost(itemId, feedbackBody(8), '203.0.113.9');
    expect(daily.statusCode).toBe(429);
    expect(message(daily)).toBe('Bạn đã gửi 20 ý kiến trong 24 giờ qua. Vui lòng thử lại vào ngày mai.');
    const raw = await countRows(db(), 'consultation_feedback', sql`client_hash like '%203.0.113%'`);
    expect(raw).toBe(0);
  });
});

describe('handling feedback', () => {
  it('officers read names and contacts and record the handling with an audit event; readers and others cannot', async () => {
    const officer = await as('huyen.tdkt');
    const first = (await officer.get(`/api/v1/consultations/${mainId}/feedback?status=NEW&pageSize=1`)).json<{ items: FeedbackDto[]; total: number }>();
    expect(first.total).toBeGreaterThan(5);
    const fb = first.items[0]!;
    expect(fb.abilities).toEqual(['feedback.handle']);
    // A viewer of the district reads the list but not the senders; a CĐCS does not see it at all.
    expect((await (await as('xem')).get(`/api/v1/consultations/${mainId}`)).statusCode).toBe(200);
    expect((await (await as('xem')).get(`/api/v1/consultations/${mainId}/feedback`)).statusCode).toBe(403);
    expect((await (await as('cdcs.a')).get(`/api/v1/consultations/${mainId}/feedback`)).statusCode).toBe(404);
    expect((await (await as('xem')).post(`/api/v1/consultation-feedback/${fb.id}/handle`, { status: 'RELEVANT', handling: 'x' })).statusCode).toBe(403);
    expect((await officer.post(`/api/v1/consultation-feedback/${fb.id}/handle`, { status: 'RELEVANT', handling: '  ' })).statusCode).toBe(400);
    expect((await officer.post(`/api/v1/consultation-feedback/${fb.id}/handle`, { status: 'NEW', handling: 'x' })).statusCode).toBe(400);

    const handled = await officer.post(`/api/v1/consultation-feedback/${fb.id}/handle`, { status: 'RELEVANT', handling: 'Đã xác minh với nhà trường: phản ánh không đúng, đồng chí An có mặt đầy đủ.' });
    expect(handled.statusCode, handled.body).toBe(200);
    expect(handled.json<FeedbackDto>()).toMatchObject({ status: 'RELEVANT', handling: 'Đã xác minh với nhà trường: phản ánh không đúng, đồng chí An có mặt đầy đủ.', handledByName: 'Người dùng huyen.tdkt' });
    const events = await auditEvents(db(), 'consultations.feedback.handle', fb.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.before).toEqual({ status: 'NEW', handling: null });
    expect(events[0]!.after).toMatchObject({ status: 'RELEVANT' });

    const spam = (await officer.get(`/api/v1/consultations/${mainId}/feedback?status=NEW`)).json<{ items: FeedbackDto[] }>().items.at(-1)!;
    expect((await officer.post(`/api/v1/consultation-feedback/${spam.id}/handle`, { status: 'DISMISSED', handling: 'Trùng lặp.' })).statusCode).toBe(200);
    const detail = (await officer.get(`/api/v1/consultations/${mainId}`)).json<ConsultationDto>();
    expect(detail.feedback.RELEVANT).toBe(1);
    expect(detail.feedback.DISMISSED).toBe(1);
    expect(detail.items[0]!.feedback).toEqual({ NEW: 0, RELEVANT: 1, DISMISSED: 0 });
  });

  it('withdrawing needs a reason, takes the list off the public page and refuses further feedback', async () => {
    const officer = await as('huyen.tdkt');
    const c = (await officer.post('/api/v1/consultations', { orgId: w.orgs.huyen.id, title: 'Danh sách nhầm', items: [{ nominationId: n.dang, publicSummary: 'Công nhân giỏi.' }] })).json<ConsultationDto>();
    expect((await officer.post(`/api/v1/consultations/${c.id}/withdraw`, {})).statusCode).toBe(400);
    expect((await (await as('xem')).post(`/api/v1/consultations/${c.id}/withdraw`, { reason: 'Đăng nhầm danh sách' })).statusCode).toBe(403);
    const res = await officer.post(`/api/v1/consultations/${c.id}/withdraw`, { reason: 'Đăng nhầm danh sách' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ConsultationDto>()).toMatchObject({ phase: 'WITHDRAWN', withdrawnReason: 'Đăng nhầm danh sách', abilities: ['consultation.feedback'] });
    expect((await officer.post(`/api/v1/consultations/${c.id}/withdraw`, { reason: 'Đăng nhầm danh sách' })).statusCode).toBe(409);
    expect(await auditEvents(db(), 'consultations.withdraw', c.id)).toHaveLength(1);
    const refused = await publicPost(c.items[0]!.id, feedbackBody(9), '198.51.100.9');
    expect(refused.statusCode).toBe(409);
    expect(message(refused)).toBe('Đợt lấy ý kiến này đã bị thu hồi: không nhận ý kiến.');
    const page = (await env.app.inject({ method: 'GET', url: '/api/v1/public/orgs/DMC/consultations' })).json<PublicConsultationPage>();
    expect(page.items.map((x) => x.id)).not.toContain(c.id);
  });
});

describe('for the councils module', () => {
  it('says which nominations are still under consultation and returns their feedback with its handling', async () => {
    const main = (await (await as('huyen.tdkt')).get(`/api/v1/consultations/${mainId}`)).json<ConsultationDto>();
    const blocks = await openConsultationBlocks(db(), [n.an, n.anh, n.dang, n.tran, n.draft], TODAY);
    // dang: the April lists ended, the last one was withdrawn; tran: its list ended yesterday.
    expect([...blocks.entries()].sort(([a], [b]) => a - b)).toEqual([
      [n.an, { consultationId: mainId, endsOn: main.endsOn }],
      [n.anh, { consultationId: mainId, endsOn: main.endsOn }],
    ]);
    // The day after the end, nothing blocks.
    const after = new Date(Date.parse(`${main.endsOn}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect((await openConsultationBlocks(db(), [n.an, n.anh], after)).size).toBe(0);
    expect((await openConsultationBlocks(db(), [], TODAY)).size).toBe(0);

    const fb = await feedbackForNominations(db(), [n.an, n.anh, n.tran, n.draft]);
    expect([...fb.keys()].sort((a, b) => a - b)).toEqual([n.an, n.anh, n.tran]);
    expect(fb.get(n.an)!).toHaveLength(1);
    expect(fb.get(n.an)![0]).toMatchObject({ authorName: 'Trần Văn Phản Ánh', status: 'RELEVANT', handling: expect.stringContaining('Đã xác minh') });
    expect(fb.get(n.an)![0]!.body).toContain('<script>');
    const anh = fb.get(n.anh)!;
    expect(anh.filter((x) => x.status === 'DISMISSED').map((x) => x.handling)).toEqual(['Trùng lặp.']);
    expect(anh.every((x) => !('contact' in x))).toBe(true);
    expect(fb.get(n.tran)!.map((x) => x.status)).toEqual(['NEW']);
  });
});
