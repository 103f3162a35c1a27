// Scorecards (issue 5, item 5), council scoring mode: setup, marks hidden from the other scorers
// until one's own is submitted, z-scores and outliers, finalisation into verified totals, and the
// permission negatives.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestEnv } from '../support/app';
import { createOrg, createUser, loginAs, smallWorld, type Client, type OrgRef } from '../factories';
import { auditEvents } from '../support/achievements';
import type { RoundDto, RoundResultsDto } from '../../src/contracts/scoring';
import type { CouncilDto, CouncilMarkDto, CouncilResultsDto, CouncilSheetRowDto } from '../../src/contracts/scoring-council';
import { daysFromToday } from '../support/scoring';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
let cdcsC: OrgRef;
const ids = { x: 0, y: 0, z: 0, off: 0, outsider: 0 };
beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(env.database.db);
  cdcsC = await createOrg(env.database.db, { code: 'DMC-C', name: 'Công đoàn cơ sở Ủy ban nhân dân xã Bàu Năng', kind: 'CDCS', parent: w.orgs.huyen, sector: 'HCSN' });
  const goDau = await createOrg(env.database.db, { code: 'GDA', name: 'Liên đoàn Lao động huyện Gò Dầu', kind: 'LDLD_HUYEN', parent: w.orgs.tinh });
  ids.x = await createUser(env.database.db, 'hd.x', [{ role: 'COUNCIL_MEMBER', org: w.orgs.huyen }]);
  ids.y = await createUser(env.database.db, 'hd.y', [{ role: 'COUNCIL_MEMBER', org: w.orgs.tinh }]);
  ids.z = await createUser(env.database.db, 'hd.z', [{ role: 'VIEWER', org: w.orgs.huyen }]);
  ids.off = await createUser(env.database.db, 'hd.khoa', [{ role: 'COUNCIL_MEMBER', org: w.orgs.huyen }]);
  ids.outsider = await createUser(env.database.db, 'godau.xem', [{ role: 'VIEWER', org: goDau }]);
  await db().execute(sql`update app_user set display_name = 'Trần Thị Hòa' where username = 'hd.x'`);
  await db().execute(sql`update app_user set display_name = 'Lê Văn Đức' where username = 'hd.y'`);
  await db().execute(sql`update app_user set display_name = 'Nguyễn Minh Tâm' where username = 'hd.z'`);
  await db().execute(sql`update app_user set display_name = 'Phạm Khóa', disabled = true where username = 'hd.khoa'`);
});
afterAll(() => env.close());

const db = () => env.database.db;
type Err = { code: string; message: string; details?: { problems?: { criterion: string | null; message: string }[] } };

async function openRound(c: Client, year: number, units: number[]): Promise<number> {
  const t = await db().execute<{ id: number }>(sql`select id from scorecard_template where code = 'CDCS_1294' and org_id is null order by version limit 1`);
  const res = await c.post('/api/v1/scoring-rounds', {
    orgId: w.orgs.huyen.id, year, title: `Chấm điểm công đoàn cơ sở năm ${year} theo hội đồng`, templateId: Number(t.rows[0]!.id), deadline: daysFromToday(30), units, tieBreaks: [],
  });
  expect(res.statusCode).toBe(200);
  return res.json<RoundDto>().id;
}

async function sheetOf(roundId: number, orgId: number): Promise<number> {
  const r = await db().execute<{ id: number }>(sql`select id from score_sheet where round_id = ${roundId} and org_id = ${orgId}`);
  return Number(r.rows[0]!.id);
}

async function council(c: Client, roundId: number): Promise<CouncilDto> {
  const res = await c.get(`/api/v1/scoring-rounds/${roundId}/council`);
  expect(res.statusCode).toBe(200);
  return res.json<CouncilDto>();
}

/**
 * Entries worth `total` points: every criterion at its maximum (100 in all: 95 regular, bonus 6
 * capped at 5), then REGULAR criteria lowered — never below half their maximum, so that no criterion
 * fails the classification's 50 % condition — until `total` is reached.
 */
function entriesFor(mark: CouncilMarkDto, total: number): { criterionCode: string; points: number }[] {
  let cut = 100 - total;
  return mark.criteria.map((c) => {
    let points = c.maxPoints;
    if (c.sectionKind === 'REGULAR' && cut > 0) {
      const d = Math.min(cut, Math.floor(c.maxPoints / 2));
      points -= d;
      cut -= d;
    }
    return { criterionCode: c.code, points };
  });
}

async function mark(user: string, sheetId: number, total: number, submit = true): Promise<CouncilMarkDto> {
  const c = await loginAs(env.app, user);
  const before = (await c.get(`/api/v1/score-sheets/${sheetId}/council`)).json<CouncilMarkDto>();
  const saved = await c.put(`/api/v1/score-sheets/${sheetId}/council`, { entries: entriesFor(before, total) });
  expect(saved.statusCode).toBe(200);
  expect(saved.json<CouncilMarkDto>()).toMatchObject({ total, complete: true, submitted: false });
  if (!submit) return saved.json<CouncilMarkDto>();
  const res = await c.post(`/api/v1/score-sheets/${sheetId}/council/submit`);
  expect(res.statusCode).toBe(200);
  return res.json<CouncilMarkDto>();
}

describe('council scoring mode', () => {
  let roundId: number;
  let sheetA: number;
  let sheetB: number;
  let sheetC: number;

  beforeAll(async () => {
    roundId = await openRound(await loginAs(env.app, 'huyen.tdkt'), 2025, [w.orgs.cdcsA.id, w.orgs.cdcsB.id, cdcsC.id]);
    [sheetA, sheetB, sheetC] = await Promise.all([sheetOf(roundId, w.orgs.cdcsA.id), sheetOf(roundId, w.orgs.cdcsB.id), sheetOf(roundId, cdcsC.id)]);
  });

  it('lists candidates who read the organiser, searchable without diacritics; only managers may ask', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const res = await c.get(`/api/v1/scoring-rounds/${roundId}/council/candidates?q=hoa`);
    expect(res.statusCode).toBe(200);
    expect(res.json<{ items: { userId: number }[] }>().items.map((u) => u.userId)).toEqual([ids.x]);
    const all = (await c.get(`/api/v1/scoring-rounds/${roundId}/council/candidates?pageSize=200`)).json<{ items: { userId: number }[]; total: number }>();
    const got = all.items.map((u) => u.userId);
    // Readers of the district and the province; not the CĐCS officer (below the organiser), the disabled one, or Gò Dầu's viewer.
    expect(got).toEqual(expect.arrayContaining([ids.x, ids.y, ids.z, w.users.huyenOfficer, w.users.viewer]));
    for (const u of [w.users.cdcsA, ids.off, ids.outsider]) expect(got).not.toContain(u);
    expect((await (await loginAs(env.app, 'xem')).get(`/api/v1/scoring-rounds/${roundId}/council/candidates`)).statusCode).toBe(404);
  });

  it('refuses a bad setup in Vietnamese naming the user, and non-managers; nothing changes', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const { version } = await council(c, roundId);
    const put = (client: Client, body: unknown) => client.put(`/api/v1/scoring-rounds/${roundId}/council`, body);

    let res = await put(c, { version, scorerIds: [ids.x] });
    expect(res.statusCode).toBe(400);
    expect(res.json<Err>().message).toBe('Hội đồng chấm cần ít nhất 2 người chấm.');
    res = await put(c, { version, scorerIds: [ids.x, w.users.cdcsA] });
    expect(res.statusCode).toBe(400);
    expect(res.json<Err>().message).toBe('Người dùng cdcs.a không có quyền xem dữ liệu của Liên đoàn Lao động huyện DMC (hoặc cấp trên), nên không làm người chấm của đợt này được.');
    res = await put(c, { version, scorerIds: [ids.x, ids.off] });
    expect(res.statusCode).toBe(400);
    expect(res.json<Err>().message).toContain('Phạm Khóa');
    res = await put(c, { version, scorerIds: [ids.x, ids.x, ids.y] });
    expect(res.statusCode).toBe(400);
    res = await put(c, { version, scorerIds: [ids.x, 999999] });
    expect(res.json<Err>().message).toBe('Không có người dùng mã số 999999.');
    res = await put(c, { version: version + 7, scorerIds: [ids.x, ids.y] });
    expect(res.statusCode).toBe(409);

    // A CĐCS officer (reads only a scored unit), a district viewer (reads, does not manage), a viewer elsewhere.
    expect((await put(await loginAs(env.app, 'cdcs.a'), { version, scorerIds: [ids.x, ids.y] })).statusCode).toBe(404);
    expect((await put(await loginAs(env.app, 'xem'), { version, scorerIds: [ids.x, ids.y] })).statusCode).toBe(404);
    expect((await put(await loginAs(env.app, 'godau.xem'), { version, scorerIds: [ids.x, ids.y] })).statusCode).toBe(404);
    expect((await (await loginAs(env.app, 'godau.xem')).get(`/api/v1/scoring-rounds/${roundId}/council`)).statusCode).toBe(404);

    const after = await council(c, roundId);
    expect(after).toMatchObject({ mode: 'VERIFIED', version, scorers: [] });
    expect(await auditEvents(db(), 'scoring.council.setup', roundId)).toHaveLength(0);
  });

  it('sets the council: mode COUNCIL, version bumped, audited', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const { version } = await council(c, roundId);
    const res = await c.put(`/api/v1/scoring-rounds/${roundId}/council`, { version, scorerIds: [ids.x, ids.y, ids.z] });
    expect(res.statusCode).toBe(200);
    expect(res.json<CouncilDto>()).toMatchObject({
      mode: 'COUNCIL', version: version + 1, sheetCount: 3, isScorer: false, abilities: ['council.manage', 'council.results', 'council.finalize'],
      scorers: [{ userId: ids.y, displayName: 'Lê Văn Đức', submitted: 0 }, { userId: ids.z, displayName: 'Nguyễn Minh Tâm', submitted: 0 }, { userId: ids.x, displayName: 'Trần Thị Hòa', submitted: 0 }],
    });
    const events = await auditEvents(db(), 'scoring.council.setup', roundId);
    expect(events).toHaveLength(1);
    expect((await council(await loginAs(env.app, 'hd.x'), roundId)).abilities).toEqual(['council.score']);
    const rows = (await (await loginAs(env.app, 'hd.x')).get(`/api/v1/scoring-rounds/${roundId}/council/sheets?pageSize=2`)).json<{ items: CouncilSheetRowDto[]; total: number }>();
    expect(rows.total).toBe(3);
    expect(rows.items).toHaveLength(2);
    expect(rows.items[0]).toMatchObject({ myStatus: 'NONE', myTotal: null, submittedMarks: 0, selfTotal: null });
  });

  it('checks each point with the core; a draft may be partial; submit needs a complete mark and then locks it', async () => {
    const x = await loginAs(env.app, 'hd.x');
    let res = await x.put(`/api/v1/score-sheets/${sheetA}/council`, { entries: [{ criterionCode: 'G1.1', points: 99 }, { criterionCode: 'G2.1', points: 2.3 }] });
    expect(res.statusCode).toBe(400);
    const problems = res.json<Err>().details!.problems!;
    expect(problems.map((p) => p.criterion).sort()).toEqual(['G1.1', 'G2.1']);
    expect(problems.find((p) => p.criterion === 'G1.1')!.message).toContain('G1.1');
    res = await x.put(`/api/v1/score-sheets/${sheetA}/council`, { entries: [{ criterionCode: 'G1.1', points: 3 }] });
    expect(res.statusCode).toBe(200);
    expect(res.json<CouncilMarkDto>()).toMatchObject({ total: 3, complete: false, submitted: false, abilities: ['mark.save', 'mark.submit'] });
    res = await x.post(`/api/v1/score-sheets/${sheetA}/council/submit`);
    expect(res.statusCode).toBe(400);
    expect(res.json<Err>().message).toMatch(/^Chưa nộp được phiếu chấm/);
    await mark('hd.x', sheetA, 90);
    res = await x.put(`/api/v1/score-sheets/${sheetA}/council`, { entries: [{ criterionCode: 'G1.1', points: 3 }] });
    expect(res.statusCode).toBe(409);
    expect(res.json<Err>().message).toBe('Bạn đã nộp điểm chấm đơn vị này nên không sửa được nữa.');
    expect((await x.post(`/api/v1/score-sheets/${sheetA}/council/submit`)).statusCode).toBe(409);
    expect(await auditEvents(db(), 'scoring.council.submit', sheetA)).toHaveLength(1);
  });

  it('hides the other scorers’ marks until one’s own is submitted, then shows them', async () => {
    const y = await loginAs(env.app, 'hd.y');
    let res = await y.get(`/api/v1/score-sheets/${sheetA}/council`);
    expect(res.statusCode).toBe(200);
    const hidden = res.json<CouncilMarkDto>();
    expect(hidden).toMatchObject({ isScorer: true, submitted: false, othersSubmitted: 1, others: null });
    // Nothing of X's mark travels: neither her name nor her entries.
    expect(res.body).not.toContain('Trần Thị Hòa');
    expect(res.body).not.toContain('scorerId');
    // A draft of mine does not unlock it either.
    await mark('hd.y', sheetA, 90, false);
    expect((await y.get(`/api/v1/score-sheets/${sheetA}/council`)).json<CouncilMarkDto>().others).toBeNull();
    res = await y.post(`/api/v1/score-sheets/${sheetA}/council/submit`);
    expect(res.statusCode).toBe(200);
    const shown = res.json<CouncilMarkDto>();
    expect(shown.others).toHaveLength(1);
    expect(shown.others![0]).toMatchObject({ scorerId: ids.x, scorerName: 'Trần Thị Hòa', total: 90 });
    expect(Object.keys(shown.others![0]!.points).length).toBe(shown.criteria.length);
    // A manager who does not score sees every submitted mark, but cannot write one.
    const m = await loginAs(env.app, 'huyen.tdkt');
    const managerView = (await m.get(`/api/v1/score-sheets/${sheetA}/council`)).json<CouncilMarkDto>();
    expect(managerView).toMatchObject({ isScorer: false, othersSubmitted: 2, abilities: [] });
    expect(managerView.others!.map((o) => o.scorerId).sort()).toEqual([ids.x, ids.y].sort());
    expect((await m.put(`/api/v1/score-sheets/${sheetA}/council`, { entries: [{ criterionCode: 'G1.1', points: 3 }] })).statusCode).toBe(404);
  });

  it('denies non-scorers: a district viewer, a CĐCS officer, a reader outside the subtree', async () => {
    for (const user of ['xem', 'cdcs.a', 'godau.xem']) {
      const c = await loginAs(env.app, user);
      expect((await c.get(`/api/v1/score-sheets/${sheetA}/council`)).statusCode).toBe(404);
      expect((await c.put(`/api/v1/score-sheets/${sheetA}/council`, { entries: [{ criterionCode: 'G1.1', points: 3 }] })).statusCode).toBe(404);
      expect((await c.post(`/api/v1/score-sheets/${sheetA}/council/submit`)).statusCode).toBe(404);
      expect((await c.get(`/api/v1/scoring-rounds/${roundId}/council/sheets`)).statusCode).toBe(404);
      expect((await c.get(`/api/v1/scoring-rounds/${roundId}/council/results`)).statusCode).toBe(404);
      expect((await c.post(`/api/v1/scoring-rounds/${roundId}/council/finalize`, { version: 1 })).statusCode).toBe(404);
    }
  });

  it('a scorer who submitted stays in the council', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const { version } = await council(c, roundId);
    const res = await c.put(`/api/v1/scoring-rounds/${roundId}/council`, { version, scorerIds: [ids.y, ids.z] });
    expect(res.statusCode).toBe(400);
    expect(res.json<Err>().message).toBe('Trần Thị Hòa đã nộp điểm chấm nên không rút khỏi hội đồng được.');
  });

  it('computes z-scores per scorer and flags the outlier (hand-checked fixture)', async () => {
    // X: A 90, B 80, C 70 (mean 80, SD √(200/3)); Y the same; Z: A 90, B 60, C 72 (mean 74, SD √152).
    await mark('hd.x', sheetB, 80);
    await mark('hd.x', sheetC, 70);
    await mark('hd.y', sheetB, 80);
    // Y has not marked every unit yet: the combined results stay closed to her.
    const y = await loginAs(env.app, 'hd.y');
    const locked = await y.get(`/api/v1/scoring-rounds/${roundId}/council/results`);
    expect(locked.statusCode).toBe(409);
    expect(locked.json<Err>().message).toBe('Bạn xem được kết quả tổng hợp sau khi đã nộp điểm chấm cho tất cả các đơn vị.');
    await mark('hd.y', sheetC, 70);
    await mark('hd.z', sheetA, 90);
    await mark('hd.z', sheetB, 60);
    await mark('hd.z', sheetC, 72);

    const progress = await council(await loginAs(env.app, 'huyen.tdkt'), roundId);
    expect(progress.scorers.map((s) => s.submitted)).toEqual([3, 3, 3]);

    const res = await y.get(`/api/v1/scoring-rounds/${roundId}/council/results`);
    expect(res.statusCode).toBe(200);
    const r = res.json<CouncilResultsDto>();
    const sdXY = Math.sqrt(200 / 3);
    const sdZ = Math.sqrt(152);
    const stat = (id: number) => r.scorers.find((s) => s.userId === id)!;
    expect(stat(ids.x)).toMatchObject({ count: 3, mean: 80 });
    expect(stat(ids.x).sd).toBeCloseTo(sdXY, 3);
    expect(stat(ids.z).mean).toBe(74);
    expect(stat(ids.z).sd).toBeCloseTo(sdZ, 3);

    expect(r.total).toBe(3);
    expect(r.items.map((i) => [i.sheetId, i.count])).toEqual([[sheetA, 3], [sheetB, 3], [sheetC, 3]]);
    const [a, b, c] = r.items as [CouncilResultsDto['items'][number], CouncilResultsDto['items'][number], CouncilResultsDto['items'][number]];
    expect(a.rawMean).toBe(90);
    expect(b.rawMean).toBeCloseTo(220 / 3, 3);
    expect(c.rawMean).toBeCloseTo(212 / 3, 3);
    expect(a.zMean).toBeCloseTo((2 * (10 / sdXY) + 16 / sdZ) / 3, 3);
    expect(b.zMean).toBeCloseTo(-14 / sdZ / 3, 3);
    expect(c.zMean).toBeCloseTo((2 * (-10 / sdXY) - 2 / sdZ) / 3, 3);
    const zOf = (item: typeof b, id: number) => item.marks.find((m) => m.scorerId === id)!;
    expect(zOf(b, ids.z)).toMatchObject({ raw: 60, outlier: true, othersMean: 80 });
    expect(zOf(b, ids.z).z).toBeCloseTo(-14 / sdZ, 3);
    expect(zOf(b, ids.x)).toMatchObject({ raw: 80, z: 0, outlier: false, othersMean: 70 });
    // C: Z's 72 is exactly 2 points (k × the 1-point floor) from the others' 70: not an outlier.
    expect(zOf(c, ids.z)).toMatchObject({ outlier: false, othersMean: 70 });
    expect(r.items.flatMap((i) => i.marks).filter((m) => m.outlier)).toHaveLength(1);
    // Paged over units.
    const p2 = (await y.get(`/api/v1/scoring-rounds/${roundId}/council/results?page=2&pageSize=2`)).json<CouncilResultsDto>();
    expect(p2.items.map((i) => i.sheetId)).toEqual([sheetC]);
  });

  it('finalises: raw means become verified totals, classified; the results and publication follow', async () => {
    const m = await loginAs(env.app, 'huyen.tdkt');
    const { version } = await council(m, roundId);
    expect((await (await loginAs(env.app, 'hd.x')).post(`/api/v1/scoring-rounds/${roundId}/council/finalize`, { version })).statusCode).toBe(404);
    expect((await m.post(`/api/v1/scoring-rounds/${roundId}/council/finalize`, { version: version - 1 })).statusCode).toBe(409);
    const res = await m.post(`/api/v1/scoring-rounds/${roundId}/council/finalize`, { version });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ finalized: 3, roundVersion: version + 1 });
    expect(await auditEvents(db(), 'scoring.council.finalize', roundId)).toHaveLength(1);

    const results = (await m.get(`/api/v1/scoring-rounds/${roundId}/results`)).json<RoundResultsDto>();
    const byId = new Map(results.items.map((i) => [i.sheetId, i]));
    expect(byId.get(sheetA)).toMatchObject({ status: 'VERIFIED', verifiedTotal: 90, classification: 'HTXSNV' });
    expect(byId.get(sheetB)).toMatchObject({ status: 'VERIFIED', verifiedTotal: 73.33, classification: 'HTTNV' });
    expect(byId.get(sheetC)).toMatchObject({ status: 'VERIFIED', verifiedTotal: 70.67, classification: 'HTTNV' });
    // Ranked by the council's means (the sheets have no per-criterion entries of their own).
    expect(results.items.map((i) => [i.sheetId, i.rank, i.decidedBy])).toEqual([[sheetA, 1, 'TOTAL'], [sheetB, 2, 'TOTAL'], [sheetC, 3, null]]);

    // Finalised units take no more marks; nothing is left to finalise.
    const x = await loginAs(env.app, 'hd.x');
    expect((await x.put(`/api/v1/score-sheets/${sheetA}/council`, { entries: [{ criterionCode: 'G1.1', points: 3 }] })).statusCode).toBe(409);
    const again = await m.post(`/api/v1/scoring-rounds/${roundId}/council/finalize`, { version: version + 1 });
    expect(again.statusCode).toBe(409);

    // Publication works unchanged and writes the ratings from the council's classification.
    const pub = await m.post(`/api/v1/scoring-rounds/${roundId}/publish`, { version: results.roundVersion });
    expect(pub.statusCode).toBe(200);
    const ratings = await db().execute<{ org_id: number; rating: string }>(sql`select org_id, rating from performance_rating where year = 2025 and status = 'ACTIVE' and source = 'SCORING' order by org_id`);
    expect(ratings.rows.map((x) => [Number(x.org_id), x.rating])).toEqual(
      [[w.orgs.cdcsA.id, 'HTXSNV'], [w.orgs.cdcsB.id, 'HTTNV'], [cdcsC.id, 'HTTNV']].sort((p, q) => (p[0] as number) - (q[0] as number)),
    );
    // A council result is a mean of marks: it is not amended criterion by criterion.
    const sheet = (await m.get(`/api/v1/score-sheets/${sheetB}`)).json<{ version: number }>();
    const amend = await m.post(`/api/v1/score-sheets/${sheetB}/amend`, { version: sheet.version, points: [{ criterionCode: 'G1.1', points: 3, reason: 'Sửa sai sót khi tổng hợp' }], reason: 'Sửa sai sót khi tổng hợp' });
    expect(amend.statusCode).toBe(409);
    expect(amend.json().message).toMatch(/^Kết quả đợt chấm theo hội đồng/);
    // The round is closed for the council now.
    expect((await m.put(`/api/v1/scoring-rounds/${roundId}/council`, { version: results.roundVersion + 1, scorerIds: [ids.x, ids.y] })).statusCode).toBe(409);
  });

  it('refuses finalisation when no mark was submitted', async () => {
    const m = await loginAs(env.app, 'huyen.tdkt');
    const other = await openRound(m, 2026, [w.orgs.cdcsA.id, w.orgs.cdcsB.id]);
    let c = await council(m, other);
    await m.put(`/api/v1/scoring-rounds/${other}/council`, { version: c.version, scorerIds: [ids.x, ids.y] });
    c = await council(m, other);
    const res = await m.post(`/api/v1/scoring-rounds/${other}/council/finalize`, { version: c.version });
    expect(res.statusCode).toBe(409);
    expect(res.json<Err>().message).toBe('Chưa có điểm chấm nào được nộp cho đơn vị chưa chốt kết quả, nên chưa chốt được.');
  });
});
