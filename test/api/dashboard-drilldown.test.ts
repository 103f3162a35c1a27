// Drill-down from every dashboard figure to its records (issue 10): on a fixture inserted here
// (people with flags, a tổ công đoàn, award records active/revoked/superseded over several years in
// two districts, registrations, nominations with their events, overdue work of every kind), the
// number of records behind each figure of the dashboard response equals the figure — for every award
// × subject, share × part × period, streak length, funnel stage and overdue kind × level — and a few
// lists are recomputed here from the rows. Pagination, the workbooks read back, permissions and bad
// input (Vietnamese 400) too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestEnv } from '../support/app';
import { readSheet } from '../support/xlsx';
import { createOrg, createPerson, loginAs, smallWorld, type OrgRef } from '../factories';
import { FUNNEL_STAGES, OVERDUE_KINDS, SHARE_KEYS, type DashboardDto } from '../../src/contracts/dashboard';
import { SHARE_PARTS, SHARE_PERIODS, type DrilldownDto } from '../../src/contracts/dashboard-drilldown';
import { drilldownAll } from '../../src/server/modules/dashboard/drilldown.service';
import { AppError } from '../../src/server/lib/errors';
import { t } from '../../src/contracts/messages';

const Y = 2025;
const PAST = '2024-01-15'; // every "past" deadline: before today in any run of this test
const FUTURE = '2099-12-31';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
let other: OrgRef;
let otherCdcs: OrgRef;
const names = new Map<number, string>();

async function insert(q: ReturnType<typeof sql>): Promise<number> {
  const r = await env.database.db.execute<{ id: number }>(q);
  return Number(r.rows[0]?.id ?? 0);
}

beforeAll(async () => {
  env = await startTestApp();
  const db = env.database.db;
  w = await smallWorld(db);
  other = await createOrg(db, { code: 'TBI', name: 'Liên đoàn Lao động huyện Tân Biên', kind: 'LDLD_HUYEN', parent: w.orgs.tinh });
  otherCdcs = await createOrg(db, { code: 'TBI-A', name: 'Công đoàn cơ sở Trường Tiểu học Tân Lập', kind: 'CDCS', parent: other });
  const person = async (org: OrgRef, fullName: string, gender: 'MALE' | 'FEMALE', isLeader: boolean, isDirectWorker: boolean) => {
    const id = await createPerson(db, org, { fullName, gender, isLeader, isDirectWorker });
    names.set(id, fullName);
    return { id, org };
  };
  const hoa = await person(w.orgs.cdcsA, 'Lê Thị Hoa', 'FEMALE', false, true);
  const hung = await person(w.orgs.cdcsA, 'Phạm Văn Hùng', 'MALE', true, false);
  const lan = await person(w.orgs.toA, 'Võ Thị Lan', 'FEMALE', false, true);
  const minh = await person(w.orgs.cdcsB, 'Trương Văn Minh', 'MALE', false, true);
  const ngoc = await person(w.orgs.cdcsB, 'Huỳnh Thị Ngọc', 'FEMALE', true, false);
  const phuc = await person(w.orgs.cdcsB, 'Đỗ Văn Phúc', 'MALE', false, false);
  const an = await person(w.orgs.cdcsB, 'Âu Thị Ánh', 'FEMALE', false, false);
  const quyen = await person(otherCdcs, 'Lý Thị Quyên', 'FEMALE', false, true);
  let n = 0;
  const rec = async (subject: { personId?: number; orgId?: number }, scope: OrgRef, code: string, year: number, status = 'ACTIVE') =>
    insert(sql`insert into award_record (person_id, org_id, scope_path, award_code, year, status, revoked_at, revoked_reason, decision_number, decision_date)
      values (${subject.personId ?? null}, ${subject.orgId ?? null}, ${scope.path}, ${code}, ${year}, ${status},
              ${status === 'REVOKED' ? sql`now()` : sql`null`}, ${status === 'REVOKED' ? 'Thu hồi theo quyết định số 12/QĐ-LĐLĐ' : null},
              ${`${++n}/QĐ-LĐLĐ`}, ${`${year}-12-2${n % 9}`}) returning id`);
  const ind = (p: { id: number; org: OrgRef }, code: string, year: number, status = 'ACTIVE', scope = p.org) => rec({ personId: p.id }, scope, code, year, status);
  const col = (org: OrgRef, code: string, year: number, status = 'ACTIVE') => rec({ orgId: org.id }, org, code, year, status);
  await ind(hoa, 'LDTT', Y - 2); await ind(hoa, 'LDTT', Y - 1); await ind(hoa, 'CSTD_CS', Y); await ind(hoa, 'LDTT', Y);
  await ind(hung, 'LDTT', Y - 1); await ind(hung, 'LDTT', Y); await ind(hung, 'LDTT', Y - 2, 'ACTIVE', otherCdcs);
  await ind(lan, 'LDTT', Y - 3); await ind(lan, 'LDTT', Y - 2); await ind(lan, 'LDTT', Y);
  await ind(minh, 'LDTT', Y - 1); await ind(minh, 'LDTT', Y, 'REVOKED');
  await ind(ngoc, 'LDTT', Y - 1); await ind(ngoc, 'LDTT', Y, 'SUPERSEDED'); await ind(ngoc, 'DVCD_XS', Y);
  for (let y = Y - 4; y <= Y; y++) await ind(phuc, 'CSTD_CS', y);
  await ind(an, 'LDTT', Y);
  await ind(quyen, 'LDTT', Y - 2); await ind(quyen, 'LDTT', Y - 1); await ind(quyen, 'LDTT', Y);
  // Collectives: the tổ công đoàn (a small collective) three years in a row, CĐCS A twice, B revoked.
  for (let y = Y - 2; y <= Y; y++) await col(w.orgs.toA, 'TO_CD_VUNG_MANH', y);
  await col(w.orgs.cdcsA, 'TTLDTT', Y); await col(w.orgs.cdcsA, 'TTLDTT', Y - 1); await col(w.orgs.cdcsB, 'TTLDTT', Y - 1);
  await col(w.orgs.cdcsB, 'CDCS_HTXSNV', Y, 'REVOKED'); await col(otherCdcs, 'TTLDTT', Y);

  // Registrations of Y: approved, waiting, returned (not counted), revoked (not counted), other district, other year.
  const reg = (subject: { personId?: number; orgId?: number }, unit: OrgRef, code: string, year: number, review = 'SUBMITTED', status = 'ACTIVE') =>
    insert(sql`insert into emulation_registration (person_id, org_id, scope_path, status, year, award_code, registered_on, unit_id, review_status, review_reason)
      values (${subject.personId ?? null}, ${subject.orgId ?? null}, ${unit.path}, ${status}, ${year}, ${code}, ${`${year}-02-01`}, ${unit.id}, ${review},
              ${review === 'RETURNED' ? 'Thiếu báo cáo thành tích' : null}) returning id`);
  await reg({ personId: hoa.id }, w.orgs.cdcsA, 'CSTD_CS', Y, 'APPROVED');
  await reg({ personId: hung.id }, w.orgs.cdcsA, 'LDTT', Y);
  await reg({ personId: lan.id }, w.orgs.toA, 'LDTT', Y, 'RETURNED');
  await reg({ personId: phuc.id }, w.orgs.cdcsB, 'LDTT', Y, 'SUBMITTED', 'REVOKED');
  await reg({ orgId: w.orgs.toA.id }, w.orgs.toA, 'TO_CD_VUNG_MANH', Y, 'APPROVED');
  await reg({ personId: quyen.id }, otherCdcs, 'LDTT', Y);
  await reg({ personId: an.id }, w.orgs.cdcsB, 'LDTT', Y - 1);

  // Nominations of a round of Y (and one of Y − 1), with their events.
  const round = (org: OrgRef, year: number) =>
    insert(sql`insert into nomination_round (org_id, org_path, year, title, kind, ceremony_date, award_codes, parameters, schedule)
      values (${org.id}, ${org.path}, ${year}, ${`Tổng kết năm ${year}`}, 'ANNUAL', ${`${year}-12-20`}, '["LDTT","CSTD_CS"]'::jsonb, '{}'::jsonb, '[]'::jsonb) returning id`);
  const r1 = await round(w.orgs.huyen, Y);
  const r0 = await round(w.orgs.huyen, Y - 1);
  const r2 = await round(other, Y);
  const nom = async (roundId: number, subject: { personId?: number; orgId?: number }, name: string, unit: OrgRef, code: string, status: string, events: string[]) => {
    const id = await insert(sql`insert into nomination (round_id, proposer_org_id, proposer_path, person_id, subject_org_id, subject_path, subject_name, award_code,
        eligibility_status, eligibility_checked_at, status, holder_org_id, holder_path)
      values (${roundId}, ${unit.id}, ${unit.path}, ${subject.personId ?? null}, ${subject.orgId ?? null}, ${unit.path}, ${name}, ${code},
              'ELIGIBLE', now(), ${status}, ${unit.id}, ${unit.path}) returning id`);
    for (const kind of events) await insert(sql`insert into nomination_event (nomination_id, kind, occurred_at) values (${id}, ${kind}, ${`${Y}-06-01T03:00:00Z`}) returning id`);
    return id;
  };
  await nom(r1, { personId: hoa.id }, 'Lê Thị Hoa', w.orgs.cdcsA, 'CSTD_CS', 'AWARDED', ['SUBMITTED', 'APPRAISED', 'COUNCIL_PASSED', 'AWARDED']);
  await nom(r1, { personId: hung.id }, 'Phạm Văn Hùng', w.orgs.cdcsA, 'LDTT', 'COUNCIL_PASSED', ['SUBMITTED', 'APPRAISED', 'COUNCIL_PASSED']);
  await nom(r1, { personId: phuc.id }, 'Đỗ Văn Phúc', w.orgs.cdcsB, 'CSTD_CS', 'AWARDED', ['SUBMITTED', 'APPRAISED', 'COUNCIL_PASSED', 'AWARDED', 'REVOKED']);
  // Submitted twice (returned, resubmitted): one nomination at the stage.
  await nom(r1, { personId: an.id }, 'Âu Thị Ánh', w.orgs.cdcsB, 'LDTT', 'IN_REVIEW', ['SUBMITTED', 'RETURNED', 'SUBMITTED']);
  await nom(r1, { orgId: w.orgs.toA.id }, 'Tổ công đoàn Tổ Toán – Tin', w.orgs.toA, 'TO_CD_VUNG_MANH', 'ACCEPTED', ['SUBMITTED', 'APPRAISED']);
  const ngocNom = await nom(r1, { personId: ngoc.id }, 'Huỳnh Thị Ngọc', w.orgs.cdcsB, 'LDTT', 'DRAFT', []);
  await nom(r0, { personId: minh.id }, 'Trương Văn Minh', w.orgs.cdcsB, 'LDTT', 'AWARDED', ['SUBMITTED', 'APPRAISED', 'COUNCIL_PASSED', 'AWARDED']);
  const quyenNom = await nom(r2, { personId: quyen.id }, 'Lý Thị Quyên', otherCdcs, 'LDTT', 'IN_REVIEW', ['SUBMITTED']);

  // Overdue work of every kind at several levels, with items not overdue beside them.
  let source = 0;
  const request = async (issuer: OrgRef, title: string, deadline: string, targets: { org: OrgRef; responded?: boolean }[], status = 'OPEN') => {
    const id = await insert(sql`insert into response_request (issuer_org_id, issuer_path, source_type, source_id, response_kind, year, title, deadline, status)
      values (${issuer.id}, ${issuer.path}, 'plan', ${++source}, 'PLAN', ${Y}, ${title}, ${deadline}, ${status}) returning id`);
    for (const t of targets)
      await env.database.db.execute(sql`insert into request_target (request_id, org_id, org_path, responded_at, response_type)
        values (${id}, ${t.org.id}, ${t.org.path}, ${t.responded ? sql`now()` : sql`null`}, ${t.responded ? 'plan' : null})`);
  };
  await request(w.orgs.huyen, 'Ban hành kế hoạch thi đua năm 2025', PAST, [{ org: w.orgs.cdcsA }, { org: w.orgs.cdcsB, responded: true }, { org: w.orgs.toA }]);
  await request(w.orgs.huyen, 'Kế hoạch chưa đến hạn', FUTURE, [{ org: w.orgs.cdcsA }]);
  await request(w.orgs.huyen, 'Yêu cầu đã đóng', PAST, [{ org: w.orgs.cdcsB }], 'CLOSED');
  await request(other, 'Kế hoạch huyện Tân Biên', PAST, [{ org: otherCdcs }]);
  const submission = (from: OrgRef, to: OrgRef, title: string, status: string, dueOn: string) =>
    insert(sql`insert into submission (round_id, from_org_id, from_path, to_org_id, title, status, due_on)
      values (${r1}, ${from.id}, ${from.path}, ${to.id}, ${title}, ${status}, ${dueOn}) returning id`);
  await submission(w.orgs.cdcsA, w.orgs.huyen, 'Tờ trình đề nghị khen thưởng CĐCS A', 'SUBMITTED', PAST);
  await submission(w.orgs.cdcsB, w.orgs.huyen, 'Tờ trình đề nghị khen thưởng CĐCS B', 'UNDER_APPRAISAL', PAST);
  await submission(w.orgs.toA, w.orgs.cdcsA, 'Tờ trình của tổ Toán – Tin', 'RECEIVED', PAST);
  await submission(w.orgs.cdcsB, w.orgs.huyen, 'Tờ trình đã thẩm định', 'APPRAISED', PAST);
  await submission(w.orgs.cdcsA, w.orgs.huyen, 'Tờ trình còn hạn', 'SUBMITTED', FUTURE);
  const opinion = (nominationId: number, org: OrgRef, agency: string, dueOn: string, answered = false) =>
    insert(sql`insert into opinion_request (nomination_id, org_id, agency, question, due_on, outcome, answered_on)
      values (${nominationId}, ${org.id}, ${agency}, 'Có vi phạm không?', ${dueOn}, ${answered ? 'AGREE' : null}, ${answered ? PAST : null}) returning id`);
  await opinion(ngocNom, w.orgs.huyen, 'Cơ quan thuế', PAST);
  await opinion(ngocNom, w.orgs.huyen, 'Bảo hiểm xã hội', PAST, true);
  await opinion(quyenNom, other, 'Công an huyện', PAST);
  const template = await insert(sql`insert into scorecard_template (code, version, name_vi, subject, structure, status)
    values ('DD-T', 1, 'Bảng điểm thử', 'UNIT', '{}'::jsonb, 'PUBLISHED') returning id`);
  const scoring = await insert(sql`insert into scoring_round (org_id, org_path, year, title, template_id, deadline, classification, status)
    values (${w.orgs.huyen.id}, ${w.orgs.huyen.path}, ${Y}, 'Chấm điểm thi đua năm 2025', ${template}, ${PAST}, '{}'::jsonb, 'OPEN') returning id`);
  const sheet = (org: OrgRef, status: string, deadline: string | null = null) =>
    insert(sql`insert into score_sheet (round_id, org_id, scope_path, status, deadline) values (${scoring}, ${org.id}, ${org.path}, ${status}, ${deadline}) returning id`);
  await sheet(w.orgs.cdcsA, 'DRAFT'); await sheet(w.orgs.cdcsB, 'RETURNED'); await sheet(w.orgs.toA, 'SUBMITTED');
  await sheet(otherCdcs, 'DRAFT', FUTURE);
  const inspection = (target: OrgRef, topic: string) =>
    insert(sql`insert into inspection (org_id, org_path, target_org_id, target_path, year, kind, topic, planned_on)
      values (${w.orgs.tinh.id}, ${w.orgs.tinh.path}, ${target.id}, ${target.path}, ${Y}, 'INSPECTION', ${topic}, ${PAST}) returning id`);
  const recommend = (inspectionId: number, position: number, status: string, dueOn: string) =>
    insert(sql`insert into inspection_recommendation (inspection_id, position, text, due_on, status) values (${inspectionId}, ${position}, ${`Kiến nghị số ${position}`}, ${dueOn}, ${status}) returning id`);
  const i1 = await inspection(w.orgs.huyen, 'Kiểm tra công tác thi đua');
  await recommend(i1, 1, 'OPEN', PAST); await recommend(i1, 2, 'DONE', PAST); await recommend(i1, 3, 'OPEN', FUTURE);
  const i2 = await inspection(w.orgs.cdcsB, 'Kiểm tra khen thưởng đột xuất');
  await recommend(i2, 1, 'OPEN', PAST);
});
afterAll(() => env.close());

const as = (user: string) => loginAs(env.app, user);
type Client = Awaited<ReturnType<typeof as>>;

async function dashboard(c: Client, orgId: number, year = Y) {
  const res = await c.get(`/api/v1/dashboard?orgId=${orgId}&year=${year}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<DashboardDto>();
}
async function records(c: Client, orgId: number, figure: string, page = 1, pageSize = 100, year = Y) {
  const res = await c.get(`/api/v1/dashboard/records?orgId=${orgId}&year=${year}&${figure}&page=${page}&pageSize=${pageSize}`);
  expect(res.statusCode, `${figure}: ${res.body}`).toBe(200);
  return res.json<DrilldownDto>();
}
const total = async (c: Client, orgId: number, figure: string, year = Y) => (await records(c, orgId, figure, 1, 1, year)).total;

/** Every figure of the dashboard with the selector of its records. */
function figuresOf(d: DashboardDto): [string, number][] {
  const out: [string, number][] = [];
  for (const a of d.awards.items) {
    out.push([`figure=award&code=${a.code}&subject=INDIVIDUAL`, a.individuals]);
    out.push([`figure=award&code=${a.code}&subject=COLLECTIVE`, a.collectives]);
    out.push([`figure=award&code=${a.code}&subject=ANY`, a.individuals + a.collectives]);
  }
  for (const s of d.shares)
    for (const part of SHARE_PARTS)
      for (const period of SHARE_PERIODS) {
        const f = period === 'THIS' ? s.current : s.previous;
        out.push([`figure=share&key=${s.key}&part=${part}&period=${period}`, part === 'NUMERATOR' ? f.numerator : f.denominator]);
      }
  for (const c of d.streaks.counts) out.push([`figure=streak&subject=PERSON&minYears=${c.years}`, c.count]);
  for (const c of d.streaks.unitCounts) out.push([`figure=streak&subject=UNIT&minYears=${c.years}`, c.count]);
  for (const f of d.funnel) out.push([`figure=funnel&stage=${f.stage}`, f.total]);
  for (const kind of OVERDUE_KINDS) {
    out.push([`figure=overdue&kind=${kind}`, d.overdue.levels.reduce((a, l) => a + l.counts[kind], 0)]);
    for (const l of d.overdue.levels) out.push([`figure=overdue&kind=${kind}&rank=${l.rank}`, l.counts[kind]]);
  }
  return out;
}

describe('every figure drills down to exactly its records', () => {
  it.each([
    ['huyen.tdkt', 'huyen'],
    ['admin', 'tinh'],
    ['cdcs.a', 'cdcsA'],
    ['xem', 'cdcsB'],
  ] as const)('%s at %s: each drill-down total equals the figure', async (user, orgKey) => {
    const c = await as(user);
    for (const year of [Y, Y - 1]) {
      const d = await dashboard(c, w.orgs[orgKey].id, year);
      const figures = figuresOf(d);
      expect(figures.length).toBeGreaterThan(SHARE_KEYS.length * 4 + FUNNEL_STAGES.length);
      for (const [figure, expected] of figures) expect(await total(c, w.orgs[orgKey].id, figure, year), `${year} ${figure}`).toBe(expected);
    }
  });

  it('the fixture gives non-zero figures of every kind at the district', async () => {
    const d = await dashboard(await as('huyen.tdkt'), w.orgs.huyen.id);
    expect(d.awards.totals.individuals).toBeGreaterThan(0);
    expect(d.shares.find((s) => s.key === 'SMALL_COLLECTIVE')!.current).toMatchObject({ numerator: 1, denominator: 2 });
    expect(d.streaks.unitCounts).toEqual([{ years: 2, count: 2 }, { years: 3, count: 1 }]);
    expect(d.funnel.map((f) => f.total)).toEqual([3, 5, 4, 3, 1]);
    for (const kind of OVERDUE_KINDS) expect(d.overdue.levels.some((l) => l.counts[kind] > 0), kind).toBe(true);
  });

  it('lists recomputed from the fixture: names, order, columns', async () => {
    const c = await as('huyen.tdkt');
    const h = w.orgs.huyen.id;
    const ldtt = await records(c, h, 'figure=award&code=LDTT&subject=INDIVIDUAL');
    // Revoked (Minh) and superseded (Ngọc) records are out; grouped by unit (the scope path, then the
    // record): CĐCS A (Hoa, Hùng), its tổ công đoàn (Lan), then CĐCS B (Ánh).
    expect(ldtt.items.map((r) => ('subjectName' in r ? r.subjectName : ''))).toEqual(['Lê Thị Hoa', 'Phạm Văn Hùng', 'Võ Thị Lan', 'Âu Thị Ánh']);
    const ids = ldtt.items.map((r) => ('awardCode' in r && 'year' in r ? r.id : 0));
    const keys = await env.database.db.execute<{ id: string; scope_path: string }>(
      sql`select id, scope_path from award_record where id = any(${`{${ids.join(',')}}`}::bigint[])`,
    );
    const pathOf = new Map(keys.rows.map((k) => [Number(k.id), k.scope_path]));
    const byUnit = [...ids].sort((x, y) => (pathOf.get(x)! < pathOf.get(y)! ? -1 : pathOf.get(x)! > pathOf.get(y)! ? 1 : x - y));
    expect(ids).toEqual(byUnit);
    expect(ldtt.title).toBe('Khen thưởng “Lao động tiên tiến” (cá nhân) năm 2025');
    const first = ldtt.items.find((r) => 'subjectName' in r && r.subjectName === 'Âu Thị Ánh')!;
    expect(first).toMatchObject({ subject: 'INDIVIDUAL', awardCode: 'LDTT', year: Y, unitName: 'Công đoàn cơ sở Công ty TNHH Sợi Thế Kỷ', source: 'MANUAL', sourceLabel: 'Nhập tay' });
    expect('decisionNumber' in first && first.decisionNumber).toMatch(/\/QĐ-LĐLĐ$/);
    const women = await records(c, h, 'figure=share&key=WOMEN&part=NUMERATOR&period=THIS');
    expect(new Set(women.items.map((r) => ('subjectName' in r ? r.subjectName : '')))).toEqual(new Set(['Âu Thị Ánh', 'Lê Thị Hoa', 'Võ Thị Lan', 'Huỳnh Thị Ngọc']));
    const small = await records(c, h, 'figure=share&key=SMALL_COLLECTIVE&part=NUMERATOR&period=PREVIOUS');
    expect(small.items.map((r) => ('subjectName' in r ? r.subjectName : ''))).toEqual(['Tổ công đoàn Tổ Toán – Tin']);
    const streak = await records(c, h, 'figure=streak&subject=PERSON&minYears=3');
    expect(streak.items.map((r) => ('years' in r ? [r.subjectName, r.years, r.fromYear] : []))).toEqual([['Đỗ Văn Phúc', 5, Y - 4], ['Lê Thị Hoa', 3, Y - 2], ['Phạm Văn Hùng', 3, Y - 2]]);
    const units = await records(c, h, 'figure=streak&subject=UNIT&minYears=2');
    expect(units.items.map((r) => ('years' in r ? [r.subjectName, r.years] : []))).toEqual([['Tổ công đoàn Tổ Toán – Tin', 3], ['Công đoàn cơ sở Trường THCS Phước Minh', 2]]);
    const decided = await records(c, h, 'figure=funnel&stage=DECIDED');
    expect(decided.items).toEqual([expect.objectContaining({ kind: 'NOMINATION', subjectName: 'Lê Thị Hoa', status: 'AWARDED', link: expect.stringMatching(/^\/de-nghi\/ho-so\/\d+$/) })]);
    const registered = await records(c, h, 'figure=funnel&stage=REGISTERED');
    expect(registered.items.map((r) => ('statusLabel' in r ? [r.subjectName, r.statusLabel] : []))).toEqual([
      ['Lê Thị Hoa', 'Đã duyệt'], ['Phạm Văn Hùng', 'Chờ duyệt'], ['Tổ công đoàn Tổ Toán – Tin', 'Đã duyệt'],
    ]);
    const responses = await records(c, h, 'figure=overdue&kind=RESPONSE');
    expect(responses.items.map((r) => ('orgName' in r ? r.orgName : '')).sort()).toEqual(['Công đoàn cơ sở Trường THCS Phước Minh', 'Tổ công đoàn Tổ Toán – Tin']);
    const r0 = responses.items[0]!;
    expect(r0).toMatchObject({ title: 'Ban hành kế hoạch thi đua năm 2025', dueOn: PAST, link: expect.stringMatching(/^\/yeu-cau\/\d+$/) });
    expect('daysOverdue' in r0 && r0.daysOverdue).toBeGreaterThan(300);
    const appraisal = await records(c, h, 'figure=overdue&kind=APPRAISAL&rank=30');
    expect(appraisal.items.map((r) => ('title' in r ? r.title : '')).sort()).toEqual(['Tờ trình đề nghị khen thưởng CĐCS A', 'Tờ trình đề nghị khen thưởng CĐCS B']);
    expect(appraisal.title).toBe('Việc quá hạn – Tờ trình chưa thẩm định – Cấp trên trực tiếp cơ sở');
    const opinion = await records(c, h, 'figure=overdue&kind=OPINION');
    expect(opinion.items.map((r) => ('title' in r ? r.title : ''))).toEqual(['Ý kiến của Cơ quan thuế về Huỳnh Thị Ngọc']);
    const sheets = await records(c, h, 'figure=overdue&kind=SCORE_SHEET');
    expect(sheets.items.map((r) => ('link' in r ? r.link : '')).every((l) => /^\/cham-diem\/phieu\/\d+$/.test(l ?? ''))).toBe(true);
    expect(sheets.total).toBe(2);
    const recs = await records(c, h, 'figure=overdue&kind=RECOMMENDATION');
    expect(recs.items.map((r) => ('title' in r ? r.title : '')).sort()).toEqual(['Kiểm tra công tác thi đua: Kiến nghị số 1', 'Kiểm tra khen thưởng đột xuất: Kiến nghị số 1']);
  });

  it('pages: consecutive pages make the whole list once, in the same order', async () => {
    const c = await as('admin');
    const all = await records(c, w.orgs.tinh.id, 'figure=share&key=NON_LEADER&part=DENOMINATOR&period=THIS');
    expect(all.total).toBeGreaterThan(5);
    const pages: unknown[] = [];
    for (let p = 1; p <= Math.ceil(all.total / 3); p++) {
      const page = await records(c, w.orgs.tinh.id, 'figure=share&key=NON_LEADER&part=DENOMINATOR&period=THIS', p, 3);
      expect(page).toMatchObject({ page: p, pageSize: 3, total: all.total });
      pages.push(...page.items);
    }
    expect(pages).toEqual(all.items);
    expect((await records(c, w.orgs.tinh.id, 'figure=share&key=NON_LEADER&part=DENOMINATOR&period=THIS', 99, 3)).items).toEqual([]);
  });

  it('every list: its total is the number of its rows, and pages of 2 joined make the whole list', async () => {
    const c = await as('admin');
    const selectors = [
      'figure=award&code=LDTT&subject=INDIVIDUAL', 'figure=award&code=LDTT&subject=ANY', 'figure=share&key=WOMEN&part=NUMERATOR&period=THIS',
      'figure=share&key=SMALL_COLLECTIVE&part=DENOMINATOR&period=PREVIOUS', 'figure=streak&subject=PERSON&minYears=2', 'figure=streak&subject=UNIT&minYears=2',
      'figure=funnel&stage=REGISTERED', 'figure=funnel&stage=NOMINATED', 'figure=funnel&stage=DECIDED', 'figure=overdue&kind=RESPONSE',
    ];
    for (const org of [w.orgs.tinh.id, w.orgs.huyen.id]) {
      for (const q of selectors) {
        const all = await records(c, org, q, 1, 200);
        expect(all.items.length, q).toBe(all.total);
        const pages: unknown[] = [];
        for (let p = 1; p <= Math.ceil(all.total / 2); p++) pages.push(...(await records(c, org, q, p, 2)).items);
        expect(pages, q).toEqual(all.items);
      }
    }
  });
});

describe('exports', () => {
  it('records.xlsx: title in words, header, the same rows as the list, numbers and dates typed', async () => {
    const c = await as('huyen.tdkt');
    const q = `orgId=${w.orgs.huyen.id}&year=${Y}&figure=award&code=LDTT&subject=ANY`;
    const list = await records(c, w.orgs.huyen.id, 'figure=award&code=LDTT&subject=ANY');
    const res = await c.get(`/api/v1/dashboard/records.xlsx?${q}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('tong-quan-award-dmc-2025.xlsx');
    const rows = await readSheet(res.rawPayload);
    expect(rows[0]![0]).toBe('Khen thưởng “Lao động tiên tiến” (cá nhân và tập thể) năm 2025');
    expect(rows[1]![0]).toBe('Đơn vị: Liên đoàn Lao động huyện DMC – Năm 2025');
    expect(rows[3]).toEqual(['STT', 'Cá nhân, tập thể', 'Mã đoàn viên, mã đơn vị', 'Đối tượng', 'Đơn vị', 'Danh hiệu, hình thức', 'Năm', 'Số quyết định', 'Ngày quyết định', 'Nguồn']);
    const body = rows.slice(4);
    expect(body.map((r) => r[1])).toEqual(list.items.map((r) => ('subjectName' in r ? r.subjectName : '')));
    expect(body.map((r) => r[0])).toEqual(list.items.map((_, i) => String(i + 1)));
    expect(body.every((r) => r[6] === String(Y))).toBe(true);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(ws.getRow(4).getCell(2).font?.bold).toBe(true);
    expect(typeof ws.getRow(5).getCell(7).value).toBe('number');
    expect(ws.getRow(5).getCell(9).value).toBeInstanceOf(Date);
  });

  it('records.xlsx of overdue items and of a streak; dashboard.xlsx with one sheet per section', async () => {
    const c = await as('huyen.tdkt');
    const h = w.orgs.huyen.id;
    const overdue = await records(c, h, 'figure=overdue&kind=APPRAISAL');
    const rows = await readSheet((await c.get(`/api/v1/dashboard/records.xlsx?orgId=${h}&year=${Y}&figure=overdue&kind=APPRAISAL`)).rawPayload);
    expect(rows.slice(4).map((r) => r[1])).toEqual(overdue.items.map((r) => ('title' in r ? r.title : '')));
    const res = await c.get(`/api/v1/dashboard.xlsx?orgId=${h}&year=${Y}&targetWomen=40`);
    expect(res.statusCode, res.body).toBe(200);
    const d = await dashboard(c, h);
    const awards = await readSheet(res.rawPayload, 1);
    expect(awards.slice(3, -1).map((r) => [r[0], Number(r[2]), Number(r[3])])).toEqual(d.awards.items.map((a) => [a.nameVi, a.individuals, a.collectives]));
    const shares = await readSheet(res.rawPayload, 2);
    expect(shares.slice(3).map((r) => r[0])).toEqual(d.shares.map((s) => s.label));
    expect(shares.slice(3).find((r) => r[0] === 'Nữ')![8]).toBe('40');
    const funnel = await readSheet(res.rawPayload, 4);
    expect(funnel.slice(3).map((r) => Number(r[3]))).toEqual(d.funnel.map((f) => f.total));
    const overdueSheet = await readSheet(res.rawPayload, 5);
    expect(Number(overdueSheet.at(-1)!.at(-1))).toBe(d.overdue.total);
  });
});

describe('export cap', () => {
  it('a list longer than the cap is refused with a 400 saying how many rows it has; at the cap it is written', async () => {
    const actor = {
      userId: 1, username: 'huyen.tdkt', displayName: 'Cán bộ huyện', locale: 'vi' as const, personId: null, csrfToken: '', sessionHash: '',
      roles: [{ id: 1, role: 'TDKT_OFFICER' as const, orgId: w.orgs.huyen.id, orgPath: w.orgs.huyen.path, orgName: 'Liên đoàn Lao động huyện DMC' }],
    };
    const q = { orgId: w.orgs.huyen.id, year: Y, figure: { figure: 'award' as const, code: 'LDTT', subject: 'ANY' as const } };
    const all = await records(await as('huyen.tdkt'), w.orgs.huyen.id, 'figure=award&code=LDTT&subject=ANY');
    expect((await drilldownAll(env.database.db, actor, 'vi', q, all.total)).rows).toHaveLength(all.total);
    const err = await drilldownAll(env.database.db, actor, 'vi', q, all.total - 1).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    const e = err as AppError;
    expect(e.status).toBe(400);
    expect(t('vi', e.messageKey, e.params)).toBe(`Danh sách có ${all.total} dòng, nhiều hơn ${all.total - 1} dòng của một lần xuất. Hãy chọn đơn vị nhỏ hơn.`);
  });
});

describe('permissions and input', () => {
  it('out of scope or unknown → 404; no reading role → 403; signed out → 401', async () => {
    const fig = 'figure=award&code=LDTT&subject=ANY';
    const b = await as('cdcs.b');
    expect((await b.get(`/api/v1/dashboard/records?orgId=${w.orgs.cdcsA.id}&year=${Y}&${fig}`)).statusCode).toBe(404);
    expect((await b.get(`/api/v1/dashboard/records.xlsx?orgId=${w.orgs.huyen.id}&year=${Y}&${fig}`)).statusCode).toBe(404);
    expect((await (await as('huyen.tdkt')).get(`/api/v1/dashboard/records?orgId=${other.id}&year=${Y}&${fig}`)).statusCode).toBe(404);
    expect((await (await as('huyen.tdkt')).get(`/api/v1/dashboard.xlsx?orgId=${other.id}&year=${Y}`)).statusCode).toBe(404);
    expect((await (await as('admin')).get(`/api/v1/dashboard/records?orgId=999999&year=${Y}&${fig}`)).statusCode).toBe(404);
    const member = await as('doanvien');
    expect((await member.get(`/api/v1/dashboard/records?orgId=${w.orgs.cdcsA.id}&year=${Y}&${fig}`)).statusCode).toBe(403);
    expect((await member.get(`/api/v1/dashboard/records.xlsx?orgId=${w.orgs.cdcsA.id}&year=${Y}&${fig}`)).statusCode).toBe(403);
    expect((await member.get(`/api/v1/dashboard.xlsx?orgId=${w.orgs.cdcsA.id}&year=${Y}`)).statusCode).toBe(403);
    expect((await env.app.inject({ method: 'GET', url: `/api/v1/dashboard/records?orgId=${w.orgs.cdcsA.id}&year=${Y}&${fig}` })).statusCode).toBe(401);
    expect((await env.app.inject({ method: 'GET', url: `/api/v1/dashboard.xlsx?orgId=${w.orgs.cdcsA.id}&year=${Y}` })).statusCode).toBe(401);
  });

  it('bad selectors → 400 in Vietnamese', async () => {
    const h = await as('huyen.tdkt');
    const base = `orgId=${w.orgs.huyen.id}&year=${Y}`;
    for (const q of [
      base,
      `${base}&figure=bogus`,
      `${base}&figure=award`,
      `${base}&figure=award&code=KHONG_CO`,
      `${base}&figure=award&code=LDTT&subject=NOBODY`,
      `${base}&figure=share&key=WOMEN`,
      `${base}&figure=share&key=MEN&part=NUMERATOR`,
      `${base}&figure=streak&subject=PERSON&minYears=1`,
      `${base}&figure=funnel&stage=SIGNED`,
      `${base}&figure=overdue&kind=RESPONSE&rank=abc`,
      `${base}&figure=overdue&kind=RESPONSE&pageSize=100000`,
      `orgId=${w.orgs.huyen.id}&figure=funnel&stage=DECIDED`,
    ]) {
      const res = await h.get(`/api/v1/dashboard/records?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json<{ message: string }>().message, q).toMatch(/[ăâđêôơưáàảãạếềệọộ]/);
    }
    const unknown = await h.get(`/api/v1/dashboard/records.xlsx?${base}&figure=award&code=KHONG_CO`);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ message: string }>().message).toBe('Không có danh hiệu, hình thức khen thưởng mã “KHONG_CO”.');
  });
});
