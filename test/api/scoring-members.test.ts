// Member rounds (issue 5): a round against the DOAN_VIEN (PERSON) template scores union members.
// Sheets carry the person and the member's unit as scope; the member self-scores (the unit's
// officers may do it on their behalf); the organiser's managers verify; publication writes the
// member's performance rating (superseding an active one). Negative tests for every rule.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestEnv } from '../support/app';
import { createPerson, createUser, loginAs, smallWorld, type Client } from '../factories';
import { auditEvents, countRows } from '../support/achievements';
import { readSheet } from '../support/xlsx';
import type { RoundDto, RoundResultsDto, SheetDto, SheetSummaryDto } from '../../src/contracts/scoring';
import { daysFromToday, shippedTemplateId } from '../support/scoring';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
let leftPerson: number;
beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(env.database.db);
  // Another member of CĐCS A with an account, and a member who has left.
  await createUser(env.database.db, 'doanvien.anh', [{ role: 'MEMBER', org: w.orgs.cdcsA }], w.persons.anh);
  leftPerson = await createPerson(env.database.db, w.orgs.cdcsB, { fullName: 'Lê Văn Đã Nghỉ' });
  await env.database.db.execute(sql`update person set status = 'LEFT' where id = ${leftPerson}`);
});
afterAll(() => env.close());

type Err = { code: string; message: string };
const count = (table: string, where = sql`true`) => countRows(env.database.db, table, where);

async function openMemberRound(c: Client, extra: Record<string, unknown> = {}) {
  return c.post('/api/v1/scoring-rounds', {
    orgId: w.orgs.huyen.id,
    year: 2025,
    title: 'Đánh giá đoàn viên năm 2025',
    templateId: await shippedTemplateId(env.database.db, 'DOAN_VIEN'),
    deadline: daysFromToday(20),
    ...extra,
  });
}

async function sheetOfPerson(roundId: number, personId: number): Promise<number> {
  const r = await env.database.db.execute<{ id: number }>(sql`select id from score_sheet where round_id = ${roundId} and person_id = ${personId}`);
  return Number(r.rows[0]!.id);
}

const full = (s: SheetDto) => s.criteria.map((c) => ({ criterionCode: c.code, points: c.sectionKind === 'DEDUCTION' ? 0 : c.maxPoints }));

describe('opening a member round', () => {
  it('null members = every active member in the organiser subtree; sheets carry the person and the unit scope', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const res = await openMemberRound(c);
    expect(res.statusCode).toBe(200);
    const r = res.json<RoundDto>();
    expect(r).toMatchObject({ subject: 'PERSON', templateCode: 'DOAN_VIEN', counts: { DRAFT: 4 } });
    const rows = await env.database.db.execute<{ person_id: number; org_id: number | null; scope_path: string; deadline: string | null }>(
      sql`select person_id, org_id, scope_path, deadline from score_sheet where round_id = ${r.id} order by person_id`,
    );
    expect(rows.rows.map((x) => [Number(x.person_id), x.org_id, x.scope_path, x.deadline])).toEqual([
      [w.persons.an, null, w.orgs.cdcsA.path, null],
      [w.persons.anh, null, w.orgs.cdcsA.path, null],
      [w.persons.dang, null, w.orgs.cdcsB.path, null],
      [w.persons.tran, null, w.orgs.cdcsB.path, null],
    ]);
    const list = (await c.get(`/api/v1/score-sheets?roundId=${r.id}`)).json<{ items: SheetSummaryDto[] }>();
    expect(list.items.map((s) => s.personName)).toEqual(['Đặng Văn Bình', 'Nguyễn Thị Ánh', 'Nguyễn Văn An', 'Trần Thị Cúc']);
    expect(list.items[0]).toMatchObject({ orgId: null, orgName: null, personId: w.persons.dang, deadline: daysFromToday(20) });
  });

  it('a list must name active members inside the organiser subtree; nothing saved otherwise', async () => {
    const cdcs = await loginAs(env.app, 'cdcs.a');
    const before = [await count('scoring_round'), await count('score_sheet')];
    const outside = await openMemberRound(cdcs, { orgId: w.orgs.cdcsA.id, members: [w.persons.an, w.persons.dang] });
    expect(outside.statusCode).toBe(400);
    expect(outside.json<Err>().message).toBe(
      'Đoàn viên Đặng Văn Bình không sinh hoạt tại Công đoàn cơ sở Trường THCS Phước Minh hoặc đơn vị trực thuộc, nên không đưa vào đợt chấm này được.',
    );
    const officer = await loginAs(env.app, 'huyen.tdkt');
    const left = await openMemberRound(officer, { members: [leftPerson] });
    expect(left.statusCode).toBe(400);
    expect(left.json<Err>().message).toBe('Đoàn viên Lê Văn Đã Nghỉ không còn sinh hoạt công đoàn, không đưa vào đợt chấm được.');
    const unknown = await openMemberRound(officer, { members: [999999] });
    expect(unknown.json<Err>().message).toBe('Không có đoàn viên mã số 999999.');
    // Only managers of the organiser open rounds.
    for (const user of ['cdcs.b', 'xem', 'doanvien']) expect((await openMemberRound(await loginAs(env.app, user), { orgId: w.orgs.cdcsA.id })).statusCode, user).toBe(404);
    expect([await count('scoring_round'), await count('score_sheet')]).toEqual(before);
    // A CĐCS scores its own members.
    const own = await openMemberRound(cdcs, { orgId: w.orgs.cdcsA.id, members: [w.persons.an, w.persons.anh] });
    expect(own.statusCode).toBe(200);
    expect(own.json<RoundDto>().counts.DRAFT).toBe(2);
  });
});

describe('self-scoring and verification of a member sheet', () => {
  let roundId: number;
  let sheetAn: number;
  let sheetAnh: number;
  beforeAll(async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    roundId = (await openMemberRound(c, { title: 'Đợt chấm đoàn viên thử', members: [w.persons.an, w.persons.anh, w.persons.dang] })).json<RoundDto>().id;
    sheetAn = await sheetOfPerson(roundId, w.persons.an);
    sheetAnh = await sheetOfPerson(roundId, w.persons.anh);
  });

  it('the member reads and self-scores his own sheet; another member and another CĐCS get 404', async () => {
    const me = await loginAs(env.app, 'doanvien');
    const res = await me.get(`/api/v1/score-sheets/${sheetAn}`);
    expect(res.statusCode).toBe(200);
    const sheet = res.json<SheetDto>();
    expect(sheet).toMatchObject({ personId: w.persons.an, personName: 'Nguyễn Văn An', orgId: null, abilities: ['sheet.selfScore', 'sheet.submit'] });
    // The member sees the round (only his sheet counted) and lists only his sheet.
    expect((await me.get(`/api/v1/scoring-rounds/${roundId}`)).json<RoundDto>()).toMatchObject({ subject: 'PERSON', counts: { DRAFT: 1 }, abilities: [] });
    expect((await me.get(`/api/v1/score-sheets?roundId=${roundId}`)).json<{ items: SheetSummaryDto[] }>().items.map((s) => s.id)).toEqual([sheetAn]);
    expect((await me.get('/api/v1/scoring-rounds')).json<{ items: RoundDto[] }>().items.map((x) => x.id)).toContain(roundId);
    // A member not scored in a round does not see it.
    const other = await loginAs(env.app, 'doanvien.anh');
    const cdcsOnly = (await openMemberRound(await loginAs(env.app, 'cdcs.a'), { orgId: w.orgs.cdcsA.id, title: 'Chỉ An', members: [w.persons.an] })).json<RoundDto>();
    expect((await other.get('/api/v1/scoring-rounds')).json<{ items: RoundDto[] }>().items.map((x) => x.id)).not.toContain(cdcsOnly.id);
    expect((await other.get(`/api/v1/scoring-rounds/${cdcsOnly.id}`)).statusCode).toBe(404);
    // Not someone else's sheet.
    expect((await me.get(`/api/v1/score-sheets/${sheetAnh}`)).statusCode).toBe(404);
    expect((await other.get(`/api/v1/score-sheets/${sheetAn}`)).statusCode).toBe(404);
    expect((await other.put(`/api/v1/score-sheets/${sheetAn}/entries`, { version: sheet.version, entries: [{ criterionCode: 'CH.1', points: 1 }] })).statusCode).toBe(404);
    expect((await other.post(`/api/v1/score-sheets/${sheetAn}/submit`, { version: sheet.version })).statusCode).toBe(404);
    const cdcsB = await loginAs(env.app, 'cdcs.b');
    expect((await cdcsB.get(`/api/v1/score-sheets/${sheetAn}`)).statusCode).toBe(404);
    // A viewer of the district reads but does not write.
    const viewer = await loginAs(env.app, 'xem');
    expect((await viewer.get(`/api/v1/score-sheets/${sheetAn}`)).json<SheetDto>().abilities).toEqual([]);

    const saved = await me.put(`/api/v1/score-sheets/${sheetAn}/entries`, { version: sheet.version, entries: full(sheet) });
    expect(saved.statusCode).toBe(200);
    const submitted = await me.post(`/api/v1/score-sheets/${sheetAn}/submit`, { version: saved.json<SheetDto>().version });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json<SheetDto>()).toMatchObject({ status: 'SUBMITTED', abilities: [] });
    expect((await auditEvents(env.database.db, 'scoring.sheet.submit', sheetAn)).length).toBe(1);
  });

  it("the member's unit officers may self-score on the member's behalf; they cannot verify", async () => {
    const cdcs = await loginAs(env.app, 'cdcs.a');
    const sheet = (await cdcs.get(`/api/v1/score-sheets/${sheetAnh}`)).json<SheetDto>();
    expect(sheet.abilities).toEqual(['sheet.selfScore', 'sheet.submit']);
    const saved = await cdcs.put(`/api/v1/score-sheets/${sheetAnh}/entries`, { version: sheet.version, entries: full(sheet) });
    expect(saved.statusCode).toBe(200);
    expect((await cdcs.post(`/api/v1/score-sheets/${sheetAnh}/submit`, { version: saved.json<SheetDto>().version })).statusCode).toBe(200);
    const now = (await cdcs.get(`/api/v1/score-sheets/${sheetAnh}`)).json<SheetDto>();
    expect((await cdcs.post(`/api/v1/score-sheets/${sheetAnh}/approve`, { version: now.version })).statusCode).toBe(404);
    // The member cannot verify or approve his own sheet.
    const me = await loginAs(env.app, 'doanvien');
    const mine = (await me.get(`/api/v1/score-sheets/${sheetAn}`)).json<SheetDto>();
    expect((await me.post(`/api/v1/score-sheets/${sheetAn}/approve`, { version: mine.version })).statusCode).toBe(404);
  });

  it('the organiser verifies and publishes: each member gets a SCORING rating superseding an active one', async () => {
    // A manual rating of Nguyễn Văn An for 2025 already exists.
    const manual = await env.database.db.execute<{ id: number }>(sql`
      insert into performance_rating (person_id, scope_path, year, rating, source) values (${w.persons.an}, ${w.orgs.cdcsA.path}, 2025, 'HTNV', 'MANUAL') returning id`);
    const manualId = Number(manual.rows[0]!.id);
    const officer = await loginAs(env.app, 'huyen.tdkt');
    for (const id of [sheetAn, sheetAnh]) {
      const s = (await officer.get(`/api/v1/score-sheets/${id}`)).json<SheetDto>();
      expect(s.abilities).toEqual(['sheet.verify', 'sheet.return', 'sheet.approve']);
      const approved = await officer.post(`/api/v1/score-sheets/${id}/approve`, { version: s.version });
      expect(approved.statusCode).toBe(200);
      expect(approved.json<SheetDto>()).toMatchObject({ status: 'VERIFIED', classification: 'HTXSNV' });
    }
    const results = (await officer.get(`/api/v1/scoring-rounds/${roundId}/results`)).json<RoundResultsDto>();
    expect(results.items.map((x) => [x.personName, x.rank, x.orgId])).toEqual(
      expect.arrayContaining([
        ['Nguyễn Thị Ánh', 1, null],
        ['Nguyễn Văn An', 1, null],
      ]),
    );
    expect(results.items.at(-1)).toMatchObject({ personName: 'Đặng Văn Bình', rank: null });
    const published = await officer.post(`/api/v1/scoring-rounds/${roundId}/publish`, { version: results.roundVersion, excludeUnverified: true, reason: 'Đoàn viên chưa tự chấm' });
    expect(published.statusCode).toBe(200);
    const ratings = await env.database.db.execute<{ id: number; person_id: number; org_id: number | null; status: string; source: string; rating: string; scope_path: string; superseded_by: number | null }>(sql`
      select id, person_id, org_id, status, source, rating, scope_path, superseded_by from performance_rating where person_id is not null and year = 2025 order by id`);
    const active = ratings.rows.filter((x) => x.status === 'ACTIVE');
    expect(active.map((x) => [Number(x.person_id), x.org_id, x.source, x.rating, x.scope_path]).sort()).toEqual(
      [
        [w.persons.an, null, 'SCORING', 'HTXSNV', w.orgs.cdcsA.path],
        [w.persons.anh, null, 'SCORING', 'HTXSNV', w.orgs.cdcsA.path],
      ].sort(),
    );
    const old = ratings.rows.find((x) => Number(x.id) === manualId)!;
    const newAn = active.find((x) => Number(x.person_id) === w.persons.an)!;
    expect([old.status, Number(old.superseded_by)]).toEqual(['SUPERSEDED', Number(newAn.id)]);
    const link = await env.database.db.execute<{ rating_record_id: number }>(sql`select rating_record_id from score_sheet where id = ${sheetAn}`);
    expect(Number(link.rows[0]!.rating_record_id)).toBe(Number(newAn.id));
    // The export names the members.
    const xlsx = await officer.get(`/api/v1/scoring-rounds/${roundId}/results.xlsx`);
    const table = await readSheet(xlsx.rawPayload);
    expect(table[2]![1]).toBe('Đoàn viên');
    expect(table.slice(3).map((r) => r[1]).sort()).toEqual(['Nguyễn Thị Ánh', 'Nguyễn Văn An', 'Đặng Văn Bình'].sort());
    // Once published the member sees the results, and so does the CĐCS of a scored member.
    expect((await (await loginAs(env.app, 'doanvien')).get(`/api/v1/scoring-rounds/${roundId}/results`)).statusCode).toBe(200);
    expect((await (await loginAs(env.app, 'cdcs.b')).get(`/api/v1/scoring-rounds/${roundId}/results`)).statusCode).toBe(200);
  });
});
