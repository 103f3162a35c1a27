// Dashboard figures beyond the awards themselves (issue 10): the funnel registration → decision from
// registrations and nomination events, overdue work per level, the subject as it was when awarded
// (a later promotion does not rewrite the shares), and every figure as the records stood at a moment
// (what frozen reports re-run through). Each expected figure is written out from the fixture below.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestEnv } from '../support/app';
import { createOrg, createPerson, loginAs, smallWorld, type OrgRef } from '../factories';
import type { DashboardDto } from '../../src/contracts/dashboard';
import { dashboardFigures } from '../../src/server/modules/dashboard/dashboard.service';
import type { AuthActor } from '../../src/server/lib/actor';

const Y = 2025;
const PAST = '2020-01-15';
const FUTURE = '2999-01-15';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
let other: OrgRef;
let admin: AuthActor;
const ids: Record<string, number> = {};

const db = () => env.database.db;
const one = async (q: ReturnType<typeof sql>) => Number((await db().execute<{ id: number }>(q)).rows[0]!.id);

async function award(subject: { personId?: number; orgId?: number }, scope: OrgRef, code: string, year: number) {
  return one(sql`insert into award_record (person_id, org_id, scope_path, award_code, year)
                 values (${subject.personId ?? null}, ${subject.orgId ?? null}, ${scope.path}, ${code}, ${year}) returning id`);
}

async function registration(subject: { personId?: number; orgId?: number }, unit: OrgRef, status = 'ACTIVE', review = 'SUBMITTED') {
  return one(sql`insert into emulation_registration (person_id, org_id, scope_path, year, award_code, registered_on, unit_id, status, review_status, review_reason, revoked_at)
                 values (${subject.personId ?? null}, ${subject.orgId ?? null}, ${unit.path}, ${Y}, ${subject.personId ? 'LDTT' : 'TTLDTT'}, '2025-02-01', ${unit.id},
                         ${status}, ${review}, ${review === 'RETURNED' ? 'Thiếu bản đăng ký có chữ ký' : null}, ${status === 'REVOKED' ? sql`now()` : sql`null`}) returning id`);
}

async function nomination(round: number, subject: { personId?: number; org?: OrgRef }, unit: OrgRef, name: string, events: string[]) {
  const id = await one(sql`
    insert into nomination (round_id, proposer_org_id, proposer_path, person_id, subject_org_id, subject_path, subject_name, award_code,
                            eligibility_status, eligibility_checked_at, status, holder_org_id, holder_path)
    values (${round}, ${unit.id}, ${unit.path}, ${subject.personId ?? null}, ${subject.org?.id ?? null}, ${(subject.org ?? unit).path}, ${name},
            ${subject.personId ? 'LDTT' : 'TTLDTT'}, 'ELIGIBLE', now(), 'IN_REVIEW', ${unit.id}, ${unit.path}) returning id`);
  for (const kind of events) await db().execute(sql`insert into nomination_event (nomination_id, kind) values (${id}, ${kind})`);
  return id;
}

async function round(holder: OrgRef, year: number) {
  return one(sql`insert into nomination_round (org_id, org_path, year, title, kind, ceremony_date, award_codes, parameters, schedule)
                 values (${holder.id}, ${holder.path}, ${year}, ${`Tổng kết năm ${year}`}, 'ANNUAL', ${`${year}-12-30`}, '["LDTT","TTLDTT"]'::jsonb, '{"levels":[]}'::jsonb, '[]'::jsonb)
                 returning id`);
}

beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(db());
  other = await createOrg(db(), { code: 'TBI', name: 'Liên đoàn Lao động huyện Tân Biên', kind: 'LDLD_HUYEN', parent: w.orgs.tinh });
  const otherCdcs = await createOrg(db(), { code: 'TBI-A', name: 'Công đoàn cơ sở Trường Tiểu học Tân Lập', kind: 'CDCS', parent: other });
  ids.hoa = await createPerson(db(), w.orgs.cdcsA, { fullName: 'Lê Thị Hoa', gender: 'FEMALE', isDirectWorker: true });
  ids.lan = await createPerson(db(), w.orgs.toA, { fullName: 'Võ Thị Lan', gender: 'FEMALE' });
  ids.minh = await createPerson(db(), w.orgs.cdcsB, { fullName: 'Trương Văn Minh', gender: 'MALE', isDirectWorker: true });
  ids.quyen = await createPerson(db(), otherCdcs, { fullName: 'Lý Thị Quyên', gender: 'FEMALE' });

  // Registrations: counted — Hoa and CĐCS A; not — Lan's (returned), Minh's (revoked), Quyên's (other district).
  await registration({ personId: ids.hoa }, w.orgs.cdcsA);
  await registration({ orgId: w.orgs.cdcsA.id }, w.orgs.cdcsA);
  await registration({ personId: ids.lan }, w.orgs.toA, 'ACTIVE', 'RETURNED');
  await registration({ personId: ids.minh }, w.orgs.cdcsB, 'REVOKED');
  await registration({ personId: ids.quyen }, otherCdcs);

  // Nominations of the year's round; each reached the stages of its events.
  const r = await round(w.orgs.huyen, Y);
  ids.nHoa = await nomination(r, { personId: ids.hoa }, w.orgs.cdcsA, 'Lê Thị Hoa', ['CREATED', 'SUBMITTED', 'RECEIVED', 'APPRAISED', 'TO_COUNCIL', 'COUNCIL_PASSED', 'AWARDED']);
  await nomination(r, { personId: ids.lan }, w.orgs.toA, 'Võ Thị Lan', ['CREATED', 'SUBMITTED', 'APPRAISED', 'TO_COUNCIL', 'COUNCIL_FAILED']);
  // Submitted twice (withdrawn in between): one nomination.
  await nomination(r, { personId: ids.minh }, w.orgs.cdcsB, 'Trương Văn Minh', ['CREATED', 'SUBMITTED', 'SUBMISSION_WITHDRAWN', 'SUBMITTED']);
  // Awarded, then the decision was revoked: not in DECIDED.
  await nomination(r, { org: w.orgs.cdcsA }, w.orgs.cdcsA, 'Công đoàn cơ sở Trường THCS Phước Minh', ['CREATED', 'SUBMITTED', 'APPRAISED', 'COUNCIL_PASSED', 'AWARDED', 'REVOKED']);
  // A draft never sent: nowhere in the funnel.
  await nomination(r, { org: w.orgs.toA }, w.orgs.toA, 'Tổ công đoàn Tổ Toán – Tin', ['CREATED']);
  // The other district's and last year's rounds.
  await nomination(await round(other, Y), { personId: ids.quyen }, otherCdcs, 'Lý Thị Quyên', ['CREATED', 'SUBMITTED', 'APPRAISED', 'COUNCIL_PASSED', 'AWARDED']);
  await nomination(await round(w.orgs.huyen, Y - 1), { personId: ids.minh }, w.orgs.cdcsB, 'Trương Văn Minh', ['CREATED', 'SUBMITTED', 'APPRAISED']);

  // Overdue work. RESPONSE: CĐCS A has not responded by a past deadline; CĐCS B has; a later deadline, a closed request.
  const request = async (deadline: string, status = 'OPEN') =>
    one(sql`insert into response_request (issuer_org_id, issuer_path, source_type, source_id, response_kind, year, title, deadline, status)
            values (${w.orgs.huyen.id}, ${w.orgs.huyen.path}, 'plan', ${Math.floor(Math.random() * 1e9)}, 'PLAN', ${Y}, 'Hưởng ứng kế hoạch thi đua', ${deadline}, ${status}) returning id`);
  const target = (req: number, org: OrgRef, responded: boolean) =>
    db().execute(sql`insert into request_target (request_id, org_id, org_path, responded_at, response_type)
                     values (${req}, ${org.id}, ${org.path}, ${responded ? sql`now()` : sql`null`}, ${responded ? 'PLAN' : null})`);
  const late = await request(PAST);
  await target(late, w.orgs.cdcsA, false);
  await target(late, w.orgs.cdcsB, true);
  await target(await request(FUTURE), w.orgs.cdcsB, false);
  await target(await request(PAST, 'CLOSED'), w.orgs.cdcsB, false);
  // APPRAISAL: the district holds a received submission past its appraisal date (and one appraised); the province one from the district.
  const submission = (from: OrgRef, to: OrgRef, status: string, due: string) =>
    db().execute(sql`insert into submission (round_id, from_org_id, from_path, to_org_id, title, status, due_on)
                     values (${r}, ${from.id}, ${from.path}, ${to.id}, 'Tờ trình đề nghị khen thưởng', ${status}, ${due})`);
  await submission(w.orgs.cdcsA, w.orgs.huyen, 'RECEIVED', PAST);
  await submission(w.orgs.cdcsB, w.orgs.huyen, 'APPRAISED', PAST);
  await submission(w.orgs.cdcsB, w.orgs.huyen, 'UNDER_APPRAISAL', FUTURE);
  await submission(w.orgs.huyen, w.orgs.tinh, 'SUBMITTED', PAST);
  // OPINION: the district waits for the tax office past the date; another was answered.
  const opinion = (outcome: string | null) =>
    db().execute(sql`insert into opinion_request (nomination_id, org_id, agency, question, due_on, outcome, answer, answered_on)
                     values (${ids.nHoa}, ${w.orgs.huyen.id}, 'Chi cục Thuế', 'Việc chấp hành nghĩa vụ thuế', ${PAST}, ${outcome},
                             ${outcome ? 'Không vi phạm' : null}, ${outcome ? PAST : null})`);
  await opinion(null);
  await opinion('AGREE');
  // SCORE_SHEET: CĐCS B's sheet still a draft after the deadline of an open round; CĐCS A's verified.
  const template = await one(sql`insert into scorecard_template (code, version, name_vi, subject, structure, status)
                                 values ('TEST-BCD', 1, 'Bảng chấm điểm thử', 'UNIT', '{"sections":[]}'::jsonb, 'PUBLISHED') returning id`);
  const scoring = await one(sql`insert into scoring_round (org_id, org_path, year, title, template_id, deadline, classification, status)
                                values (${w.orgs.huyen.id}, ${w.orgs.huyen.path}, ${Y}, 'Chấm điểm thi đua năm 2025', ${template}, ${PAST}, '{}'::jsonb, 'OPEN') returning id`);
  for (const [org, status] of [[w.orgs.cdcsB, 'DRAFT'], [w.orgs.cdcsA, 'VERIFIED']] as const) {
    await db().execute(sql`insert into score_sheet (round_id, org_id, scope_path, status) values (${scoring}, ${org.id}, ${org.path}, ${status})`);
  }
  // RECOMMENDATION: the tổ công đoàn has not done an inspection's recommendation; another is done.
  const inspection = await one(sql`insert into inspection (org_id, org_path, target_org_id, target_path, year, kind, topic, planned_on)
                                   values (${w.orgs.huyen.id}, ${w.orgs.huyen.path}, ${w.orgs.toA.id}, ${w.orgs.toA.path}, ${Y}, 'INSPECTION', 'Công tác thi đua', ${PAST}) returning id`);
  for (const [position, status] of [[1, 'OPEN'], [2, 'DONE']] as const) {
    await db().execute(sql`insert into inspection_recommendation (inspection_id, position, text, due_on, status, done_on)
                           values (${inspection}, ${position}, 'Lập sổ theo dõi khen thưởng', ${PAST}, ${status}, ${status === 'DONE' ? PAST : null})`);
  }

  const adminRow = (await db().execute<{ id: number }>(sql`select id from app_user where username = 'admin'`)).rows[0]!;
  admin = {
    userId: Number(adminRow.id), username: 'admin', displayName: 'Quản trị', locale: 'vi', personId: null, csrfToken: '', sessionHash: '',
    roles: [{ id: 0, role: 'SYSTEM_ADMIN', orgId: w.orgs.tld.id, orgPath: w.orgs.tld.path, orgName: 'Tổng Liên đoàn Lao động Việt Nam' }],
  };
});
afterAll(() => env.close());

async function figures(user: string, org: OrgRef, year = Y) {
  const res = await (await loginAs(env.app, user)).get(`/api/v1/dashboard?orgId=${org.id}&year=${year}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<DashboardDto>();
}
const funnel = (d: DashboardDto) => Object.fromEntries(d.funnel.map((s) => [s.stage, [s.individuals, s.collectives]]));
const overdue = (d: DashboardDto) => Object.fromEntries(d.overdue.levels.map((l) => [l.rank, Object.fromEntries(Object.entries(l.counts).filter(([, n]) => n > 0))]));

describe('funnel', () => {
  it('counts registrations in force and the nominations of the year that reached each stage, in the subtree only', async () => {
    const d = await figures('huyen.tdkt', w.orgs.huyen);
    expect(funnel(d)).toEqual({ REGISTERED: [1, 1], NOMINATED: [3, 1], APPRAISED: [2, 1], COUNCIL: [1, 1], DECIDED: [1, 0] });
    expect(d.funnel.map((s) => [s.stage, s.total, s.percentOfPrevious])).toEqual([
      ['REGISTERED', 2, null], ['NOMINATED', 4, null], ['APPRAISED', 3, 75], ['COUNCIL', 2, 66.7], ['DECIDED', 1, 50],
    ]);
    expect(d.funnel[0]!.label).toBe('Đăng ký thi đua');
    // The province adds the other district's registration and nomination.
    expect(funnel(await figures('admin', w.orgs.tinh))).toEqual({ REGISTERED: [2, 1], NOMINATED: [4, 1], APPRAISED: [3, 1], COUNCIL: [2, 1], DECIDED: [2, 0] });
    // A CĐCS sees its own subjects; the year before has only Minh's old nomination.
    expect(funnel(await figures('cdcs.a', w.orgs.cdcsA))).toEqual({ REGISTERED: [1, 1], NOMINATED: [2, 1], APPRAISED: [2, 1], COUNCIL: [1, 1], DECIDED: [1, 0] });
    expect(funnel(await figures('huyen.tdkt', w.orgs.huyen, Y - 1))).toEqual({ REGISTERED: [0, 0], NOMINATED: [1, 0], APPRAISED: [1, 0], COUNCIL: [0, 0], DECIDED: [0, 0] });
  });
});

describe('overdue items per level', () => {
  it('counts work past its deadline against the organisation that has to act, by its level', async () => {
    const d = await figures('huyen.tdkt', w.orgs.huyen);
    expect(overdue(d)).toEqual({ 30: { APPRAISAL: 1, OPINION: 1 }, 40: { RESPONSE: 1, SCORE_SHEET: 1 }, 60: { RECOMMENDATION: 1 } });
    expect(d.overdue.total).toBe(5);
    expect(d.overdue.levels.map((l) => l.label)).toEqual(['Cấp trên trực tiếp cơ sở', 'Công đoàn cơ sở', 'Tổ công đoàn']);
    expect(d.overdue.kinds.map((k) => k.kind)).toEqual(['RESPONSE', 'APPRAISAL', 'OPINION', 'SCORE_SHEET', 'RECOMMENDATION']);
    // The province also holds the district's submission.
    expect(overdue(await figures('admin', w.orgs.tinh))).toEqual({ 20: { APPRAISAL: 1 }, 30: { APPRAISAL: 1, OPINION: 1 }, 40: { RESPONSE: 1, SCORE_SHEET: 1 }, 60: { RECOMMENDATION: 1 } });
    // A CĐCS sees its own late work (with its tổ's), not the district's.
    expect(overdue(await figures('cdcs.a', w.orgs.cdcsA))).toEqual({ 40: { RESPONSE: 1 }, 60: { RECOMMENDATION: 1 } });
    // Once CĐCS A responds, it is no longer late.
    await db().execute(sql`update request_target set responded_at = now(), response_type = 'PLAN' where org_id = ${w.orgs.cdcsA.id}`);
    expect(overdue(await figures('cdcs.a', w.orgs.cdcsA))).toEqual({ 60: { RECOMMENDATION: 1 } });
  });
});

describe('the subject as it was when awarded', () => {
  it('a promotion after the award does not change the shares; an award after it counts the new position', async () => {
    const p = await createPerson(db(), w.orgs.cdcsB, { fullName: 'Đặng Thị Mai', gender: 'FEMALE', isDirectWorker: true });
    const share = async (key: string) => (await figures('huyen.tdkt', w.orgs.huyen, Y + 2)).shares.find((s) => s.key === key)!.current;
    await award({ personId: p }, w.orgs.cdcsB, 'LDTT', Y + 2);
    expect(await share('NON_LEADER')).toEqual({ numerator: 1, denominator: 1, percent: 100 });
    expect(await share('DIRECT_WORKER')).toEqual({ numerator: 1, denominator: 1, percent: 100 });
    await db().execute(sql`update person set is_leader = true, is_direct_worker = false, position = 'Chủ tịch công đoàn' where id = ${p}`);
    expect(await share('NON_LEADER')).toEqual({ numerator: 1, denominator: 1, percent: 100 });
    await award({ personId: p }, w.orgs.cdcsB, 'CSTD_CS', Y + 2);
    expect(await share('NON_LEADER')).toEqual({ numerator: 1, denominator: 2, percent: 50 });
    expect(await share('DIRECT_WORKER')).toEqual({ numerator: 1, denominator: 2, percent: 50 });
    expect(await share('WOMEN')).toEqual({ numerator: 2, denominator: 2, percent: 100 });
    // Collectives: the tổ công đoàn is small, the CĐCS is not; the kind's flag is data.
    await award({ orgId: w.orgs.toA.id }, w.orgs.toA, 'TO_CD_VUNG_MANH', Y + 2);
    await award({ orgId: w.orgs.cdcsA.id }, w.orgs.cdcsA, 'TTLDTT', Y + 2);
    expect(await share('SMALL_COLLECTIVE')).toEqual({ numerator: 1, denominator: 2, percent: 50 });
    const flags = await db().execute<{ subject_small: boolean }>(sql`select subject_small from award_record where org_id is not null and year = ${Y + 2} order by id`);
    expect(flags.rows.map((r) => r.subject_small)).toEqual([true, false]);
  });
});

describe('as of a moment', () => {
  it('figures as of a moment ignore what was recorded later and count what was revoked or replaced later', async () => {
    const y = Y + 5;
    const a = await award({ personId: ids.hoa }, w.orgs.cdcsA, 'LDTT', y);
    const b = await award({ personId: ids.minh }, w.orgs.cdcsB, 'LDTT', y);
    const c = await award({ personId: ids.lan }, w.orgs.toA, 'LDTT', y - 1);
    await award({ personId: ids.lan }, w.orgs.toA, 'LDTT', y);
    await award({ orgId: w.orgs.toA.id }, w.orgs.toA, 'TO_CD_VUNG_MANH', y);
    const before = await figures('huyen.tdkt', w.orgs.huyen, y);
    const moment = (await db().execute<{ t: string }>(sql`select to_json(clock_timestamp())#>>'{}' as t`)).rows[0]!.t;

    // After the moment: a new award, a revocation, a correction (supersede) and a revoked last-year award breaking Lan's streak.
    await award({ personId: ids.quyen }, w.orgs.cdcsB, 'CSTD_CS', y);
    await db().execute(sql`update award_record set status = 'REVOKED', revoked_at = clock_timestamp(), revoked_reason = 'Quyết định thu hồi số 3/QĐ-LĐLĐ' where id in (${a}, ${c})`);
    const corrected = await award({ personId: ids.minh }, w.orgs.cdcsB, 'CSTD_CS', y);
    await db().execute(sql`update award_record set status = 'SUPERSEDED', superseded_by = ${corrected}, revoked_reason = 'Sửa danh hiệu' where id = ${b}`);

    const live = await figures('huyen.tdkt', w.orgs.huyen, y);
    expect(live.awards.items).not.toEqual(before.awards.items);
    expect(Object.fromEntries(live.awards.items.map((i) => [i.code, [i.individuals, i.collectives]]))).toEqual({ CSTD_CS: [2, 0], LDTT: [1, 0], TO_CD_VUNG_MANH: [0, 1] });
    expect(live.streaks.counts.find((c) => c.years === 2)!.count).toBe(0);

    const then = await dashboardFigures(db(), admin, 'vi', { orgId: w.orgs.huyen.id, year: y }, { asOf: moment });
    expect(then.awards).toEqual(before.awards);
    expect(then.shares).toEqual(before.shares);
    expect(then.streaks).toEqual(before.streaks);
    expect(then.funnel).toEqual(before.funnel);
    // Overdue work has no history: left out of figures as of a moment.
    expect(then.overdue.levels).toEqual([]);

    // A moment before anything was recorded: nothing at all.
    const empty = await dashboardFigures(db(), admin, 'vi', { orgId: w.orgs.huyen.id, year: Y }, { asOf: '2000-01-01T00:00:00Z' });
    expect(empty.awards.totals).toEqual({ individuals: 0, collectives: 0 });
    expect(empty.funnel.every((s) => s.total === 0)).toBe(true);
  });
});
