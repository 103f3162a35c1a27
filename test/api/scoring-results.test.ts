// Scorecards (issue 5), results: ranking with declared tie-breaks, publication (ranks stored, SCORING
// performance ratings as eligibility facts, the round locked), amendments after publication, XLSX.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestEnv } from '../support/app';
import { createOrg, createUser, loginAs, smallWorld, type Client, type OrgRef } from '../factories';
import { auditEvents, countRows } from '../support/achievements';
import { readSheet } from '../support/xlsx';
import type { RoundDto, RoundResultsDto, SheetDto } from '../../src/contracts/scoring';
import type { EvaluationResult } from '../../src/contracts/eligibility';
import { attachRequiredEvidence, daysFromToday } from '../support/scoring';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
let cdcsC: OrgRef;
beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(env.database.db);
  cdcsC = await createOrg(env.database.db, { code: 'DMC-C', name: 'Công đoàn cơ sở Ủy ban nhân dân xã Bàu Năng', kind: 'CDCS', parent: w.orgs.huyen, sector: 'HCSN' });
  await createUser(env.database.db, 'cdcs.c', [{ role: 'CDCS_OFFICER', org: cdcsC }]);
});
afterAll(() => env.close());

const db = () => env.database.db;
const count = (table: string, where = sql`true`) => countRows(db(), table, where);
type Err = { code: string; message: string };

async function openRound(c: Client, year: number, units: number[], tieBreaks: string[]): Promise<number> {
  const t = await db().execute<{ id: number }>(sql`select id from scorecard_template where code = 'CDCS_1294' and org_id is null order by version limit 1`);
  const res = await c.post('/api/v1/scoring-rounds', {
    orgId: w.orgs.huyen.id, year, title: `Đánh giá, xếp loại công đoàn cơ sở năm ${year}`, templateId: Number(t.rows[0]!.id), deadline: daysFromToday(30), units, tieBreaks,
  });
  expect(res.statusCode).toBe(200);
  return res.json<RoundDto>().id;
}

async function sheetOf(roundId: number, orgId: number): Promise<number> {
  const r = await db().execute<{ id: number }>(sql`select id from score_sheet where round_id = ${roundId} and org_id = ${orgId}`);
  return Number(r.rows[0]!.id);
}

/** The unit scores every criterion at its maximum and submits. */
async function selfScoreAndSubmit(user: string, id: number): Promise<void> {
  const u = await loginAs(env.app, user);
  let sheet = (await u.get(`/api/v1/score-sheets/${id}`)).json<SheetDto>();
  sheet = (await u.put(`/api/v1/score-sheets/${id}/entries`, { version: sheet.version, entries: sheet.criteria.map((c) => ({ criterionCode: c.code, points: c.maxPoints })) })).json<SheetDto>();
  await attachRequiredEvidence(u, id);
  expect((await u.post(`/api/v1/score-sheets/${id}/submit`, { version: sheet.version })).statusCode).toBe(200);
}

/** The organiser changes some criteria (with a reason) and approves. */
async function verify(id: number, changes: Record<string, number>): Promise<SheetDto> {
  const c = await loginAs(env.app, 'huyen.tdkt');
  let sheet = (await c.get(`/api/v1/score-sheets/${id}`)).json<SheetDto>();
  if (Object.keys(changes).length > 0) {
    const res = await c.put(`/api/v1/score-sheets/${id}/verify-entries`, {
      version: sheet.version, entries: Object.entries(changes).map(([criterionCode, points]) => ({ criterionCode, points, reason: 'Hồ sơ minh chứng chưa đầy đủ' })),
    });
    expect(res.statusCode).toBe(200);
    sheet = res.json<SheetDto>();
  }
  const approved = await c.post(`/api/v1/score-sheets/${id}/approve`, { version: sheet.version });
  expect(approved.statusCode).toBe(200);
  return approved.json<SheetDto>();
}

async function results(c: Client, roundId: number, qs = ''): Promise<RoundResultsDto> {
  const res = await c.get(`/api/v1/scoring-rounds/${roundId}/results${qs}`);
  expect(res.statusCode).toBe(200);
  return res.json<RoundResultsDto>();
}

type Rating = { id: number; org_id: number; year: number; rating: string; status: string; source: string; superseded_by: number | null; scope_path: string };
async function ratings(orgId: number, year: number): Promise<Rating[]> {
  const r = await db().execute<Rating>(sql`select id, org_id, year, rating, status, source, superseded_by, scope_path from performance_rating where org_id = ${orgId} and year = ${year} order by id`);
  return r.rows.map((x) => ({ ...x, id: Number(x.id), org_id: Number(x.org_id), year: Number(x.year), superseded_by: x.superseded_by === null ? null : Number(x.superseded_by) }));
}

describe('results of a round: rank with declared tie-breaks, publish, amend', () => {
  let roundId: number;
  let sheetA: number;
  let sheetB: number;
  let sheetC: number;
  let manualRatingC: number;

  beforeAll(async () => {
    const officer = await loginAs(env.app, 'huyen.tdkt');
    roundId = await openRound(officer, 2025, [w.orgs.cdcsA.id, w.orgs.cdcsB.id, cdcsC.id], ['SECTION_TOTAL:G1', 'NAME']);
    [sheetA, sheetB, sheetC] = await Promise.all([sheetOf(roundId, w.orgs.cdcsA.id), sheetOf(roundId, w.orgs.cdcsB.id), sheetOf(roundId, cdcsC.id)]);
    await selfScoreAndSubmit('cdcs.a', sheetA);
    await selfScoreAndSubmit('cdcs.b', sheetB);
    await selfScoreAndSubmit('cdcs.c', sheetC);
    // A and B both end at 98: A lost 2 points in group G1, B in group G2 → B first by the G1 total.
    expect(await verify(sheetA, { 'G1.1': 6 })).toMatchObject({ verifiedTotal: 98, classification: 'HTXSNV' });
    expect(await verify(sheetB, { 'G2.1': 6 })).toMatchObject({ verifiedTotal: 98, classification: 'HTXSNV' });
    // C already has a rating for 2025 entered by hand: publication supersedes it.
    const m = await db().execute<{ id: number }>(sql`insert into performance_rating (org_id, scope_path, year, rating) values (${cdcsC.id}, ${cdcsC.path}, 2025, 'HTNV') returning id`);
    manualRatingC = Number(m.rows[0]!.id);
  });

  it('ranks the verified sheets live; the unverified one is listed unranked; the deciding rule is named', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const r = await results(c, roundId);
    expect(r).toMatchObject({ roundStatus: 'OPEN', total: 3, tieBreaks: ['SECTION_TOTAL:G1', 'NAME'], abilities: ['round.publish'] });
    expect(r.items.map((x) => [x.orgId, x.status, x.selfTotal, x.verifiedTotal, x.classification, x.rank, x.decidedBy])).toEqual([
      [w.orgs.cdcsB.id, 'VERIFIED', 100, 98, 'HTXSNV', 1, 'SECTION_TOTAL:G1'],
      [w.orgs.cdcsA.id, 'VERIFIED', 100, 98, 'HTXSNV', 2, null],
      [cdcsC.id, 'SUBMITTED', 100, null, null, null, null],
    ]);
    // Paged.
    const p2 = await results(c, roundId, '?page=2&pageSize=2');
    expect(p2.items.map((x) => x.orgId)).toEqual([cdcsC.id]);
    expect(p2.total).toBe(3);
    // Before publication a unit's officer does not see the round's results; the district viewer does.
    for (const user of ['cdcs.a', 'doanvien']) expect((await (await loginAs(env.app, user)).get(`/api/v1/scoring-rounds/${roundId}/results`)).statusCode).toBe(404);
    expect((await (await loginAs(env.app, 'cdcs.a')).get(`/api/v1/scoring-rounds/${roundId}/results.xlsx`)).statusCode).toBe(404);
    const xem = await results(await loginAs(env.app, 'xem'), roundId);
    expect(xem.abilities).toEqual([]);
  });

  it('publish is refused while a sheet is unverified (naming it), and excluding needs a reason; nothing changes', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const { roundVersion } = await results(c, roundId);
    const before = [await count('performance_rating'), await count('audit_event'), await count('score_sheet', sql`rank is not null`)];
    const refused = await c.post(`/api/v1/scoring-rounds/${roundId}/publish`, { version: roundVersion });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<Err>().message).toBe(
      'Chưa công bố được: còn 1 phiếu chưa thẩm định xong: Công đoàn cơ sở Ủy ban nhân dân xã Bàu Năng. Thẩm định xong, hoặc chọn công bố không gồm các đơn vị này và ghi lý do.',
    );
    const noReason = await c.post(`/api/v1/scoring-rounds/${roundId}/publish`, { version: roundVersion, excludeUnverified: true });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<Err>().message).toBe('Công bố không gồm các đơn vị chưa thẩm định thì phải ghi lý do.');
    expect([await count('performance_rating'), await count('audit_event'), await count('score_sheet', sql`rank is not null`)]).toEqual(before);
    const r = await db().execute<{ status: string; published_at: string | null }>(sql`select status, published_at from scoring_round where id = ${roundId}`);
    expect(r.rows[0]).toEqual({ status: 'OPEN', published_at: null });
  });

  it('only the organiser\'s managers publish: a CĐCS officer and a viewer get 404; a stale version 409', async () => {
    const { roundVersion } = await results(await loginAs(env.app, 'huyen.tdkt'), roundId);
    for (const user of ['cdcs.a', 'xem', 'doanvien']) {
      const u = await loginAs(env.app, user);
      expect((await u.post(`/api/v1/scoring-rounds/${roundId}/publish`, { version: roundVersion, excludeUnverified: true, reason: 'Thử công bố' })).statusCode).toBe(404);
    }
    const c = await loginAs(env.app, 'huyen.tdkt');
    expect((await c.post(`/api/v1/scoring-rounds/${roundId}/publish`, { version: roundVersion + 5 })).statusCode).toBe(409);
    expect(await count('performance_rating', sql`source = 'SCORING'`)).toBe(0);
  });

  it('publish stores ranks, writes SCORING ratings (superseding a manual one), locks the round; audited', async () => {
    expect(await verify(sheetC, {})).toMatchObject({ verifiedTotal: 100, classification: 'HTXSNV' });
    const c = await loginAs(env.app, 'huyen.tdkt');
    const { roundVersion, items } = await results(c, roundId);
    expect(items.map((x) => [x.orgId, x.rank, x.decidedBy])).toEqual([
      [cdcsC.id, 1, 'TOTAL'],
      [w.orgs.cdcsB.id, 2, 'SECTION_TOTAL:G1'],
      [w.orgs.cdcsA.id, 3, null],
    ]);
    const res = await c.post(`/api/v1/scoring-rounds/${roundId}/publish`, { version: roundVersion });
    expect(res.statusCode).toBe(200);
    const published = res.json<RoundResultsDto>();
    expect(published).toMatchObject({ roundStatus: 'PUBLISHED', abilities: ['round.amend'] });
    expect(published.publishedAt).not.toBeNull();

    const stored = await db().execute<{ org_id: number; rank: number; classification: string; rating_record_id: number }>(
      sql`select org_id, rank, classification, rating_record_id from score_sheet where round_id = ${roundId} order by rank`,
    );
    expect(stored.rows.map((x) => [Number(x.org_id), x.rank, x.classification])).toEqual([[cdcsC.id, 1, 'HTXSNV'], [w.orgs.cdcsB.id, 2, 'HTXSNV'], [w.orgs.cdcsA.id, 3, 'HTXSNV']]);

    const rc = await ratings(cdcsC.id, 2025);
    expect(rc).toHaveLength(2);
    expect(rc[0]).toMatchObject({ id: manualRatingC, status: 'SUPERSEDED', rating: 'HTNV', superseded_by: rc[1]!.id });
    expect(rc[1]).toMatchObject({ status: 'ACTIVE', source: 'SCORING', rating: 'HTXSNV', scope_path: cdcsC.path });
    expect(Number(stored.rows[0]!.rating_record_id)).toBe(rc[1]!.id);
    expect((await ratings(w.orgs.cdcsA.id, 2025)).map((x) => [x.status, x.source, x.rating])).toEqual([['ACTIVE', 'SCORING', 'HTXSNV']]);

    const ev = await auditEvents(db(), 'scoring.round.publish', roundId);
    expect(ev).toHaveLength(1);
    expect(ev[0]!.after).toMatchObject({ status: 'PUBLISHED', excluded: [], supersededRatings: [manualRatingC] });

    // Published: a unit's officer now sees the results of the round.
    const a = await results(await loginAs(env.app, 'cdcs.a'), roundId);
    expect(a.items.find((x) => x.orgId === w.orgs.cdcsA.id)).toMatchObject({ rank: 3 });
    // Publishing twice is refused.
    expect((await c.post(`/api/v1/scoring-rounds/${roundId}/publish`, { version: roundVersion + 1 })).statusCode).toBe(409);
  });

  it('the eligibility engine sees the SCORING rating as the unit\'s fact', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const active = (await ratings(cdcsC.id, 2025)).find((x) => x.status === 'ACTIVE')!;
    const res = await c.get(`/api/v1/eligibility/organisations/${cdcsC.id}?target=TTLDXS&year=2025`);
    expect(res.statusCode).toBe(200);
    const reason = res.json<EvaluationResult>().reasons.find((x) => x.ruleId === 'TTLDXS.rating')!;
    // The unit's rating rule is met by the published rating, cited as its evidence.
    expect(reason).toMatchObject({ outcome: 'PASS' });
    expect(reason.evidence.map(String)).toContain(String(active.id));
    const facts = await db().execute<{ n: number }>(sql`select count(*)::int as n from performance_rating where org_id = ${cdcsC.id} and year = 2025 and status = 'ACTIVE' and source = 'SCORING' and rating = 'HTXSNV'`);
    expect(Number(facts.rows[0]!.n)).toBe(1);
  });

  it('after publication every write to the round\'s sheets answers 409', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const sheet = (await c.get(`/api/v1/score-sheets/${sheetA}`)).json<SheetDto>();
    const before = await count('audit_event');
    expect((await c.put(`/api/v1/score-sheets/${sheetA}/verify-entries`, { version: sheet.version, entries: [{ criterionCode: 'G1.1', points: 5, reason: 'Sửa sau công bố' }] })).statusCode).toBe(409);
    expect((await c.post(`/api/v1/score-sheets/${sheetA}/return`, { version: sheet.version, reason: 'Trả lại sau công bố' })).statusCode).toBe(409);
    expect((await c.post(`/api/v1/score-sheets/${sheetA}/approve`, { version: sheet.version })).statusCode).toBe(409);
    const a = await loginAs(env.app, 'cdcs.a');
    expect((await a.put(`/api/v1/score-sheets/${sheetA}/entries`, { version: sheet.version, entries: [{ criterionCode: 'G1.1', points: 5 }] })).statusCode).toBe(409);
    expect((await a.post(`/api/v1/score-sheets/${sheetA}/submit`, { version: sheet.version })).statusCode).toBe(409);
    expect(await count('audit_event')).toBe(before);
  });

  it('amend: only the organiser\'s managers, with valid points; nothing saved otherwise', async () => {
    const sheet = (await (await loginAs(env.app, 'huyen.tdkt')).get(`/api/v1/score-sheets/${sheetC}`)).json<SheetDto>();
    const body = { version: sheet.version, reason: 'Đính chính theo kết quả phúc tra', points: [{ criterionCode: 'G2.1', points: 2, reason: 'Tỷ lệ phát triển đoàn viên chỉ đạt 25 % chỉ tiêu' }] };
    const before = [await count('score_amendment'), await count('audit_event'), await count('performance_rating')];
    for (const user of ['cdcs.c', 'xem', 'cdcs.a']) expect((await (await loginAs(env.app, user)).post(`/api/v1/score-sheets/${sheetC}/amend`, body)).statusCode).toBe(404);
    const c = await loginAs(env.app, 'huyen.tdkt');
    const bad = await c.post(`/api/v1/score-sheets/${sheetC}/amend`, { ...body, points: [{ criterionCode: 'G2.1', points: 2.3, reason: 'Sai bước điểm' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Err>().message).toMatch(/G2\.1/);
    const noReason = await c.post(`/api/v1/score-sheets/${sheetC}/amend`, { ...body, reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect([await count('score_amendment'), await count('audit_event'), await count('performance_rating')]).toEqual(before);
  });

  it('amend recomputes total, classification and ranks, supersedes the rating, keeps the amendment; audited', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const sheet = (await c.get(`/api/v1/score-sheets/${sheetC}`)).json<SheetDto>();
    const oldRating = (await ratings(cdcsC.id, 2025)).find((x) => x.status === 'ACTIVE')!;
    const res = await c.post(`/api/v1/score-sheets/${sheetC}/amend`, {
      version: sheet.version, reason: 'Đính chính theo kết quả phúc tra', points: [{ criterionCode: 'G2.1', points: 2, reason: 'Tỷ lệ phát triển đoàn viên chỉ đạt 25 % chỉ tiêu' }],
    });
    expect(res.statusCode).toBe(200);
    // 100 − 6 = 94, but G2.1 is below half of its maximum: HTXSNV is withheld → HTTNV.
    expect(res.json<SheetDto>()).toMatchObject({ verifiedTotal: 94, classification: 'HTTNV' });
    const r = await results(c, roundId);
    expect(r.items.map((x) => [x.orgId, x.verifiedTotal, x.classification, x.rank, x.decidedBy])).toEqual([
      [w.orgs.cdcsB.id, 98, 'HTXSNV', 1, 'SECTION_TOTAL:G1'],
      [w.orgs.cdcsA.id, 98, 'HTXSNV', 2, 'TOTAL'],
      [cdcsC.id, 94, 'HTTNV', 3, null],
    ]);
    const stored = await db().execute<{ org_id: number; rank: number }>(sql`select org_id, rank from score_sheet where round_id = ${roundId} order by rank`);
    expect(stored.rows.map((x) => [Number(x.org_id), x.rank])).toEqual([[w.orgs.cdcsB.id, 1], [w.orgs.cdcsA.id, 2], [cdcsC.id, 3]]);

    const rc = await ratings(cdcsC.id, 2025);
    const active = rc.filter((x) => x.status === 'ACTIVE');
    expect(active).toHaveLength(1);
    expect(active[0]).toMatchObject({ rating: 'HTTNV', source: 'SCORING' });
    expect(rc.find((x) => x.id === oldRating.id)).toMatchObject({ status: 'SUPERSEDED', superseded_by: active[0]!.id });
    expect(rc).toHaveLength(3);

    const am = await db().execute<{ before: Record<string, unknown>; after: Record<string, unknown>; reason: string }>(sql`select before, after, reason from score_amendment where sheet_id = ${sheetC}`);
    expect(am.rows).toHaveLength(1);
    expect(am.rows[0]).toMatchObject({
      reason: 'Đính chính theo kết quả phúc tra',
      before: { verifiedTotal: 100, classification: 'HTXSNV', rank: 1, ratingRecordId: oldRating.id, points: { 'G2.1': 8 } },
      after: { verifiedTotal: 94, classification: 'HTTNV', rank: 3, ratingRecordId: active[0]!.id },
    });
    expect((await auditEvents(db(), 'scoring.sheet.amend', sheetC))[0]!.after).toMatchObject({ classification: 'HTTNV', supersededRating: oldRating.id });
  });

  it('exports exactly the results table as XLSX', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const res = await c.get(`/api/v1/scoring-rounds/${roundId}/results.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await readSheet(res.rawPayload);
    expect(rows[0]).toEqual(['Kết quả chấm điểm: Đánh giá, xếp loại công đoàn cơ sở năm 2025']);
    expect(rows[1]![0]).toContain('đã công bố');
    expect(rows[2]).toEqual(['Hạng', 'Đơn vị', 'Trạng thái phiếu', 'Điểm tự chấm', 'Điểm thẩm định', 'Xếp loại', 'Xếp trên đơn vị kế tiếp nhờ']);
    expect(rows.slice(3)).toEqual([
      ['1', 'Công đoàn cơ sở Công ty TNHH Sợi Thế Kỷ', 'Đã thẩm định', '100', '98', 'Hoàn thành xuất sắc nhiệm vụ', 'Điểm nhóm G1 cao hơn'],
      ['2', 'Công đoàn cơ sở Trường THCS Phước Minh', 'Đã thẩm định', '100', '98', 'Hoàn thành xuất sắc nhiệm vụ', 'Tổng điểm cao hơn'],
      ['3', 'Công đoàn cơ sở Ủy ban nhân dân xã Bàu Năng', 'Đã thẩm định', '100', '94', 'Hoàn thành tốt nhiệm vụ', ''],
    ]);
    // Published to the members: a member of a scored unit may read (and download) the results.
    expect((await (await loginAs(env.app, 'doanvien')).get(`/api/v1/scoring-rounds/${roundId}/results.xlsx`)).statusCode).toBe(200);
  });
});

describe('publishing without the unverified units', () => {
  it('with a reason: those units are left out, named in the audit, and get no rating', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const roundId = await openRound(c, 2024, [w.orgs.cdcsA.id, w.orgs.cdcsB.id], []);
    const sheetA = await sheetOf(roundId, w.orgs.cdcsA.id);
    await selfScoreAndSubmit('cdcs.a', sheetA);
    await verify(sheetA, {});
    const { roundVersion } = await results(c, roundId);
    const res = await c.post(`/api/v1/scoring-rounds/${roundId}/publish`, { version: roundVersion, excludeUnverified: true, reason: 'Công đoàn cơ sở Công ty TNHH Sợi Thế Kỷ không nộp phiếu đúng hạn' });
    expect(res.statusCode).toBe(200);
    expect(res.json<RoundResultsDto>().items.map((x) => [x.orgId, x.rank, x.status])).toEqual([[w.orgs.cdcsA.id, 1, 'VERIFIED'], [w.orgs.cdcsB.id, null, 'DRAFT']]);
    expect((await ratings(w.orgs.cdcsA.id, 2024)).map((x) => [x.status, x.source])).toEqual([['ACTIVE', 'SCORING']]);
    expect(await ratings(w.orgs.cdcsB.id, 2024)).toEqual([]);
    const ev = await auditEvents(db(), 'scoring.round.publish', roundId);
    expect(ev[0]!.after).toMatchObject({
      excluded: [{ unit: 'Công đoàn cơ sở Công ty TNHH Sợi Thế Kỷ', status: 'DRAFT' }],
      exclusionReason: 'Công đoàn cơ sở Công ty TNHH Sợi Thế Kỷ không nộp phiếu đúng hạn',
    });
    // The left-out unit can no longer self-score: the round is locked.
    const b = await loginAs(env.app, 'cdcs.b');
    const sheetB = (await b.get(`/api/v1/score-sheets/${await sheetOf(roundId, w.orgs.cdcsB.id)}`)).json<SheetDto>();
    expect((await b.put(`/api/v1/score-sheets/${sheetB.id}/entries`, { version: sheetB.version, entries: [{ criterionCode: 'G1.1', points: 5 }] })).statusCode).toBe(409);
  });
});

describe('ranking within a cluster and the distribution', () => {
  let roundId: number;
  let cluster1: number;
  let cluster2: number;
  let otherYear: number;
  let noMembers: number;
  const totals = new Map<number, number>();
  const levels = new Map<number, string>();

  async function cluster(year: number, name: string, members: OrgRef[]): Promise<number> {
    const r = await db().execute<{ id: number }>(sql`
      insert into emulation_cluster (org_id, org_path, year, kind, name, level) values (${w.orgs.huyen.id}, ${w.orgs.huyen.path}, ${year}, 'CLUSTER', ${name}, 'UPPER') returning id`);
    const id = Number(r.rows[0]!.id);
    for (const [i, m] of members.entries()) await db().execute(sql`insert into emulation_cluster_member (cluster_id, org_id, rotation_order) values (${id}, ${m.id}, ${i + 1})`);
    return id;
  }

  beforeAll(async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    roundId = await openRound(c, 2027, [w.orgs.cdcsA.id, w.orgs.cdcsB.id, cdcsC.id], []);
    cluster1 = await cluster(2027, 'Cụm thi đua số 1', [w.orgs.cdcsA, w.orgs.cdcsB]);
    cluster2 = await cluster(2027, 'Cụm thi đua số 2', [cdcsC]);
    otherYear = await cluster(2026, 'Cụm thi đua năm trước', [w.orgs.cdcsA, w.orgs.cdcsB]);
    noMembers = await cluster(2027, 'Cụm không có đơn vị được chấm', [w.orgs.toA]);
    for (const [user, org] of [['cdcs.a', w.orgs.cdcsA], ['cdcs.b', w.orgs.cdcsB], ['cdcs.c', cdcsC]] as const) await selfScoreAndSubmit(user, await sheetOf(roundId, org.id));
    // A loses points, B keeps the maximum, C stays unverified.
    for (const [org, changes] of [[w.orgs.cdcsA, { 'G1.1': 2, 'G1.2': 0 }], [w.orgs.cdcsB, {}]] as const) {
      const s = await verify(await sheetOf(roundId, org.id), changes);
      totals.set(org.id, s.verifiedTotal!);
      levels.set(org.id, s.classification!);
    }
  });

  it('ranks within the cluster member units only; an unknown, other-year or unrelated cluster is 404', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const inCluster = await results(c, roundId, `?clusterId=${cluster1}`);
    // Independently: the verified members of cluster 1 sorted by verified total, descending.
    const expected = [w.orgs.cdcsA.id, w.orgs.cdcsB.id].sort((a, b) => totals.get(b)! - totals.get(a)!);
    expect(totals.get(w.orgs.cdcsA.id)).toBeLessThan(totals.get(w.orgs.cdcsB.id)!);
    expect(inCluster.items.map((x) => [x.orgId, x.rank])).toEqual([[expected[0], 1], [expected[1], 2]]);
    expect(inCluster.total).toBe(2);
    const second = await results(c, roundId, `?clusterId=${cluster2}`);
    expect(second.items.map((x) => [x.orgId, x.rank, x.status])).toEqual([[cdcsC.id, null, 'SUBMITTED']]);
    for (const id of [999999, otherYear, noMembers]) expect((await c.get(`/api/v1/scoring-rounds/${roundId}/results?clusterId=${id}`)).statusCode, String(id)).toBe(404);
    // Before publication a scored unit reads no results, with or without a cluster.
    expect((await (await loginAs(env.app, 'cdcs.a')).get(`/api/v1/scoring-rounds/${roundId}/results?clusterId=${cluster1}`)).statusCode).toBe(404);
    // The export honours the cluster.
    const xlsx = await c.get(`/api/v1/scoring-rounds/${roundId}/results.xlsx?clusterId=${cluster1}`);
    expect(xlsx.statusCode).toBe(200);
    const rows = await readSheet(xlsx.rawPayload);
    expect(rows.slice(3).map((r) => [r[0], r[1]])).toEqual(inCluster.items.map((x) => [String(x.rank), x.orgName]));
    expect((await c.get(`/api/v1/scoring-rounds/${roundId}/results.xlsx?clusterId=${otherYear}`)).statusCode).toBe(404);
  });

  it('distribution: the whole round first, then each cluster of the year with scored members; levels and 10-point bins', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const res = await c.get(`/api/v1/scoring-rounds/${roundId}/distribution`);
    expect(res.statusCode).toBe(200);
    const { groups } = res.json<{ groups: { clusterId: number | null; name: string; levels: Record<string, number>; bins: { from: number; to: number; count: number }[] }[] }>();
    const levelsOf = (orgs: number[], unverified: number) => {
      const out: Record<string, number> = { HTXSNV: 0, HTTNV: 0, HTNV: 0, KHTNV: 0, NONE: unverified };
      for (const o of orgs) out[levels.get(o)!]!++;
      return out;
    };
    const binsOf = (orgs: number[]) =>
      Array.from({ length: 10 }, (_, i) => ({ from: i * 10, to: i * 10 + 10, count: orgs.filter((o) => Math.min(Math.floor(totals.get(o)! / 10), 9) === i).length }));
    const verified = [w.orgs.cdcsA.id, w.orgs.cdcsB.id];
    expect(groups).toEqual([
      { clusterId: null, name: 'Toàn đợt chấm', levels: levelsOf(verified, 1), bins: binsOf(verified) },
      { clusterId: cluster1, name: 'Cụm thi đua số 1', levels: levelsOf(verified, 0), bins: binsOf(verified) },
      { clusterId: cluster2, name: 'Cụm thi đua số 2', levels: levelsOf([], 1), bins: binsOf([]) },
    ]);
    // B's maximum (100) is in the last bin.
    expect(groups[0]!.bins[9]!.count).toBeGreaterThanOrEqual(1);
    // Same readers as the results.
    expect((await (await loginAs(env.app, 'cdcs.b')).get(`/api/v1/scoring-rounds/${roundId}/distribution`)).statusCode).toBe(404);
  });
});
