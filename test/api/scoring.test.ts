// Scorecards (issue 5): shipped templates as reference data, template versions (revise → edit →
// publish, never edited once published), scoring rounds, self-scoring, submission, verification.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestEnv } from '../support/app';
import { loginAs, smallWorld, type Client } from '../factories';
import { auditEvents, countRows } from '../support/achievements';
import { seedReferenceData } from '../../src/server/db/reference-data';
import { CDCS_1294, DOAN_VIEN, TO_CONG_DOAN, DEFAULT_CLASSIFICATION } from '../../src/domain/scoring';
import type { RoundDto, SheetDto, SheetSummaryDto, TemplateDto, TemplateSummaryDto } from '../../src/contracts/scoring';
import { attachRequiredEvidence, daysFromToday, shippedTemplateId } from '../support/scoring';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(env.database.db);
});
afterAll(() => env.close());

const count = (table: string, where = sql`true`) => countRows(env.database.db, table, where);
type Err = { code: string; message: string; details?: { problems?: { key: string; criterion: string | null; message: string }[] } };

async function openRound(c: Client, extra: Record<string, unknown> = {}) {
  return c.post('/api/v1/scoring-rounds', {
    orgId: w.orgs.huyen.id,
    year: 2025,
    title: 'Đánh giá, xếp loại công đoàn cơ sở năm 2025',
    templateId: await shippedTemplateId(env.database.db, 'CDCS_1294'),
    deadline: daysFromToday(30),
    ...extra,
  });
}

async function sheetOf(roundId: number, orgId: number): Promise<number> {
  const r = await env.database.db.execute<{ id: number }>(sql`select id from score_sheet where round_id = ${roundId} and org_id = ${orgId}`);
  return Number(r.rows[0]!.id);
}

/** Every applicable criterion at its maximum, except those given. */
function fullEntries(sheet: SheetDto, except: Record<string, number> = {}) {
  return sheet.criteria.map((c) => ({ criterionCode: c.code, points: except[c.code] ?? c.maxPoints }));
}

describe('shipped templates', () => {
  it('are in scorecard_template after migration: published, owned by no one, with the template as structure', async () => {
    const rows = await env.database.db.execute<{ code: string; version: number; status: string; org_id: number | null; subject: string; structure: unknown }>(
      sql`select code, version, status, org_id, subject, structure from scorecard_template order by code`,
    );
    expect(rows.rows.map((r) => [r.code, Number(r.version), r.status, r.org_id, r.subject])).toEqual([
      ['CDCS_1294', 1, 'PUBLISHED', null, 'UNIT'],
      ['DOAN_VIEN', 1, 'PUBLISHED', null, 'PERSON'],
      ['TO_CONG_DOAN', 1, 'PUBLISHED', null, 'UNIT'],
    ]);
    expect(rows.rows.find((r) => r.code === 'CDCS_1294')!.structure).toEqual(JSON.parse(JSON.stringify(CDCS_1294)));
    expect(rows.rows.find((r) => r.code === 'DOAN_VIEN')!.structure).toEqual(JSON.parse(JSON.stringify(DOAN_VIEN)));
  });

  it('seeding again changes nothing; a new version in the code adds a row', async () => {
    const before = await env.database.db.execute<{ id: number; structure: unknown }>(sql`select id, structure from scorecard_template order by id`);
    await seedReferenceData(env.database.db);
    const after = await env.database.db.execute<{ id: number; structure: unknown }>(sql`select id, structure from scorecard_template order by id`);
    expect(after.rows).toEqual(before.rows);
    // As if the code had moved on from version 0: the missing (code, version) is inserted.
    await env.database.db.execute(sql`update scorecard_template set version = 0 where code = 'TO_CONG_DOAN'`);
    await seedReferenceData(env.database.db);
    const versions = await env.database.db.execute<{ version: number; status: string }>(sql`select version, status from scorecard_template where code = 'TO_CONG_DOAN' order by version`);
    expect(versions.rows.map((r) => [Number(r.version), r.status])).toEqual([[0, 'PUBLISHED'], [1, 'PUBLISHED']]);
    await env.database.db.execute(sql`delete from scorecard_template where code = 'TO_CONG_DOAN' and version = 0`);
  });

  it('are listed and readable by every signed-in reader, with their validation and abilities', async () => {
    const c = await loginAs(env.app, 'cdcs.a');
    const list = await c.get('/api/v1/scorecard-templates?subject=UNIT');
    expect(list.statusCode).toBe(200);
    const page = list.json<{ items: TemplateSummaryDto[]; total: number }>();
    expect(page.items.map((t) => t.code)).toEqual(['CDCS_1294', 'TO_CONG_DOAN']);
    expect(page.total).toBe(2);
    const one = await c.get(`/api/v1/scorecard-templates/${await shippedTemplateId(env.database.db, 'TO_CONG_DOAN')}`);
    expect(one.statusCode).toBe(200);
    const t = one.json<TemplateDto>();
    expect(t).toMatchObject({ code: 'TO_CONG_DOAN', status: 'PUBLISHED', orgId: null, problems: [], abilities: [] });
    expect(t.structure.sections.map((s) => s.code)).toEqual(TO_CONG_DOAN.sections.map((s) => s.code));
    const officer = await loginAs(env.app, 'huyen.tdkt');
    expect((await officer.get(`/api/v1/scorecard-templates/${t.id}`)).json<TemplateDto>().abilities).toEqual(['template.revise']);
  });
});

describe('template versions', () => {
  it('revise → edit → publish: a new draft version owned by the organisation, audited, then frozen', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const revised = await c.post(`/api/v1/scorecard-templates/${await shippedTemplateId(env.database.db, 'TO_CONG_DOAN')}/revise`, { orgId: w.orgs.huyen.id });
    expect(revised.statusCode).toBe(200);
    const draft = revised.json<TemplateDto>();
    expect(draft).toMatchObject({ code: 'TO_CONG_DOAN', version: 2, status: 'DRAFT', orgId: w.orgs.huyen.id, problems: [] });
    expect(draft.abilities).toEqual(['template.revise', 'template.update', 'template.publish', 'template.retire']);
    expect(draft.structure.version).toBe(2);

    // Move 0.5 point between two bonus criteria: still valid.
    const { code: _c, version: _v, subject: _s, ...content } = draft.structure;
    const edited = {
      ...content,
      nameVi: 'Chấm điểm, xếp loại tổ công đoàn (huyện DMC, 2025)',
      sections: content.sections.map((s, i) => (i === 0 ? { ...s, title: 'Tiêu chuẩn chung của tổ công đoàn' } : s)),
    };
    const patched = await c.patch(`/api/v1/scorecard-templates/${draft.id}`, edited);
    expect(patched.statusCode).toBe(200);
    expect(patched.json<TemplateDto>()).toMatchObject({ nameVi: 'Chấm điểm, xếp loại tổ công đoàn (huyện DMC, 2025)', version: 2 });
    expect(patched.json<TemplateDto>().structure.sections[0]!.title).toBe('Tiêu chuẩn chung của tổ công đoàn');

    const published = await c.post(`/api/v1/scorecard-templates/${draft.id}/publish`);
    expect(published.statusCode).toBe(200);
    expect(published.json<TemplateDto>()).toMatchObject({ status: 'PUBLISHED', abilities: ['template.revise', 'template.retire'] });
    expect((await auditEvents(env.database.db, 'scoring.template.revise', draft.id)).length).toBe(1);
    expect((await auditEvents(env.database.db, 'scoring.template.update', draft.id)).length).toBe(1);
    expect((await auditEvents(env.database.db, 'scoring.template.publish', draft.id)).length).toBe(1);

    // A second revision takes the next number of the code.
    const again = await c.post(`/api/v1/scorecard-templates/${draft.id}/revise`, { orgId: w.orgs.huyen.id });
    expect(again.json<TemplateDto>()).toMatchObject({ version: 3, supersedesId: draft.id });
  });

  it('a published version is never edited in place: 409 with a Vietnamese message, nothing changed', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const id = await shippedTemplateId(env.database.db, 'CDCS_1294');
    const { code: _c, version: _v, subject: _s, ...content } = JSON.parse(JSON.stringify(CDCS_1294)) as typeof CDCS_1294;
    const before = await env.database.db.execute(sql`select structure from scorecard_template where id = ${id}`);
    const res = await c.patch(`/api/v1/scorecard-templates/${id}`, { ...content, nameVi: 'Tên mới' });
    expect(res.statusCode).toBe(409);
    expect(res.json<Err>().message).toMatch(/đã ban hành nên không được sửa trực tiếp/);
    const publish = await c.post(`/api/v1/scorecard-templates/${id}/publish`);
    expect(publish.statusCode).toBe(409);
    expect((await env.database.db.execute(sql`select structure from scorecard_template where id = ${id}`)).rows).toEqual(before.rows);
  });

  it('an invalid structure is refused with the problems in Vietnamese; nothing saved, and an invalid draft cannot be published', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const draft = (await c.post(`/api/v1/scorecard-templates/${await shippedTemplateId(env.database.db, 'CDCS_1294')}/revise`, { orgId: w.orgs.huyen.id })).json<TemplateDto>();
    const { code: _c, version: _v, subject: _s, ...content } = draft.structure;
    const broken = {
      ...content,
      sections: content.sections.map((s) => (s.code === 'G2' ? { ...s, criteria: s.criteria.map((k) => (k.code === 'G2.1' ? { ...k, maxPoints: 9, step: 2 } : k)) } : s)),
    };
    const res = await c.patch(`/api/v1/scorecard-templates/${draft.id}`, broken);
    expect(res.statusCode).toBe(400);
    const err = res.json<Err>();
    expect(err.message).toMatch(/^Chưa lưu được, cần sửa 3 lỗi/);
    expect(err.details!.problems!.map((p) => p.key)).toEqual(['scoring.criterion.stepNotDividing', 'scoring.section.sumMismatch', 'scoring.section.sumMismatch']);
    expect(err.details!.problems!.map((p) => p.message)).toEqual([
      'Điểm tối đa 9 của tiêu chí G2.1 không chia hết cho bước điểm 2.',
      'Mục G2 (cơ quan nhà nước, đơn vị sự nghiệp): tổng điểm tối đa của các tiêu chí là 41, phải bằng điểm tối đa của mục là 40.',
      'Mục G2 (doanh nghiệp): tổng điểm tối đa của các tiêu chí là 41, phải bằng điểm tối đa của mục là 40.',
    ]);
    const stored = await env.database.db.execute<{ structure: typeof CDCS_1294 }>(sql`select structure from scorecard_template where id = ${draft.id}`);
    expect(stored.rows[0]!.structure).toEqual(draft.structure);
    expect((await auditEvents(env.database.db, 'scoring.template.update', draft.id)).length).toBe(0);

    // A draft made invalid behind the API's back (as an older version could have stored it) is not published.
    await env.database.db.execute(sql`update scorecard_template set structure = jsonb_set(structure, '{totalPoints}', '90') where id = ${draft.id}`);
    const pub = await c.post(`/api/v1/scorecard-templates/${draft.id}/publish`);
    expect(pub.statusCode).toBe(400);
    expect(pub.json<Err>().message).toMatch(/khác tổng điểm của mẫu \(90\)/);
    expect((await env.database.db.execute<{ status: string }>(sql`select status from scorecard_template where id = ${draft.id}`)).rows[0]!.status).toBe('DRAFT');
  });

  it('only authors over an organisation revise for it; drafts are hidden outside the owner; others cannot edit', async () => {
    const officer = await loginAs(env.app, 'huyen.tdkt');
    const draft = (await officer.post(`/api/v1/scorecard-templates/${await shippedTemplateId(env.database.db, 'DOAN_VIEN')}/revise`, { orgId: w.orgs.huyen.id })).json<TemplateDto>();
    const { code: _c, version: _v, subject: _s, ...content } = draft.structure;
    const before = await count('scorecard_template');
    for (const user of ['cdcs.a', 'xem', 'doanvien']) {
      const c = await loginAs(env.app, user);
      expect((await c.post(`/api/v1/scorecard-templates/${draft.id}/revise`, { orgId: w.orgs.huyen.id })).statusCode, user).toBe(404);
      expect((await c.patch(`/api/v1/scorecard-templates/${draft.id}`, content)).statusCode, user).toBe(404);
      expect((await c.post(`/api/v1/scorecard-templates/${draft.id}/publish`)).statusCode, user).toBe(404);
    }
    // The CĐCS officer manages its own unit but does not author templates.
    const cdcs = await loginAs(env.app, 'cdcs.a');
    expect((await cdcs.post(`/api/v1/scorecard-templates/${await shippedTemplateId(env.database.db, 'DOAN_VIEN')}/revise`, { orgId: w.orgs.cdcsA.id })).statusCode).toBe(404);
    // An officer cannot give a template to an organisation above it.
    expect((await officer.post(`/api/v1/scorecard-templates/${await shippedTemplateId(env.database.db, 'DOAN_VIEN')}/revise`, { orgId: w.orgs.tinh.id })).statusCode).toBe(404);
    expect(await count('scorecard_template')).toBe(before);
    const drafts = (await (await loginAs(env.app, 'cdcs.b')).get('/api/v1/scorecard-templates?status=DRAFT')).json<{ total: number }>();
    expect(drafts.total).toBe(0);
    expect((await (await loginAs(env.app, 'xem')).get('/api/v1/scorecard-templates?status=DRAFT')).json<{ total: number }>().total).toBeGreaterThan(0);
  });

  it('retiring needs a reason and stops new rounds from using the version', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const draft = (await c.post(`/api/v1/scorecard-templates/${await shippedTemplateId(env.database.db, 'TO_CONG_DOAN')}/revise`, { orgId: w.orgs.huyen.id })).json<TemplateDto>();
    expect((await c.post(`/api/v1/scorecard-templates/${draft.id}/publish`)).statusCode).toBe(200);
    expect((await c.post(`/api/v1/scorecard-templates/${draft.id}/retire`, { reason: '' })).statusCode).toBe(400);
    const retired = await c.post(`/api/v1/scorecard-templates/${draft.id}/retire`, { reason: 'Thay bằng mẫu năm sau' });
    expect(retired.json<TemplateDto>()).toMatchObject({ status: 'RETIRED' });
    const before = await count('scoring_round');
    const round = await openRound(c, { templateId: draft.id, units: [w.orgs.toA.id] });
    expect(round.statusCode).toBe(400);
    expect(round.json<Err>().message).toMatch(/chưa được ban hành hoặc đã ngừng sử dụng/);
    expect(await count('scoring_round')).toBe(before);
  });
});

describe('rounds', () => {
  it('opens a round for every active CĐCS below the organiser, with the unit type from the sector', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const res = await openRound(c);
    expect(res.statusCode).toBe(200);
    const r = res.json<RoundDto>();
    expect(r).toMatchObject({ orgId: w.orgs.huyen.id, status: 'OPEN', templateCode: 'CDCS_1294', counts: { DRAFT: 2, SUBMITTED: 0, RETURNED: 0, VERIFIED: 0 }, abilities: ['round.verify'] });
    expect(r.classification).toEqual(DEFAULT_CLASSIFICATION);
    const sheets = await env.database.db.execute<{ org_id: number; variant: string; status: string }>(sql`select org_id, variant, status from score_sheet where round_id = ${r.id} order by org_id`);
    expect(sheets.rows.map((s) => [Number(s.org_id), s.variant, s.status])).toEqual([
      [w.orgs.cdcsA.id, 'STATE', 'DRAFT'],
      [w.orgs.cdcsB.id, 'ENTERPRISE', 'DRAFT'],
    ]);
    expect((await auditEvents(env.database.db, 'scoring.round.create', r.id))[0]!.after).toMatchObject({ sheets: 2 });
    // The CĐCS sees the round, and only its own sheet in the counts and lists.
    const cdcs = await loginAs(env.app, 'cdcs.a');
    expect((await cdcs.get(`/api/v1/scoring-rounds/${r.id}`)).json<RoundDto>()).toMatchObject({ counts: { DRAFT: 1 }, abilities: [] });
    const mine = (await cdcs.get(`/api/v1/score-sheets?roundId=${r.id}`)).json<{ items: SheetSummaryDto[] }>();
    expect(mine.items.map((s) => s.orgId)).toEqual([w.orgs.cdcsA.id]);
    const rounds = (await cdcs.get('/api/v1/scoring-rounds')).json<{ items: RoundDto[] }>();
    expect(rounds.items.map((x) => x.id)).toContain(r.id);
  });

  it('refuses a unit outside the subtree (naming it), a past deadline, bad parameters; nothing saved', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const before = [await count('scoring_round'), await count('score_sheet'), await count('audit_event')];
    const outside = await openRound(c, { units: [w.orgs.cdcsA.id, w.orgs.tinh.id] });
    expect(outside.statusCode).toBe(400);
    expect(outside.json<Err>().message).toBe('Liên đoàn Lao động tỉnh Tây Ninh không trực thuộc Liên đoàn Lao động huyện DMC, nên không đưa vào đợt chấm này được.');
    const self = await openRound(c, { units: [w.orgs.huyen.id] });
    expect(self.statusCode).toBe(400);
    const past = await openRound(c, { deadline: '2020-01-01' });
    expect(past.statusCode).toBe(400);
    expect(past.json<Err>().message).toBe('Hạn chấm 01/01/2020 đã qua. Chọn hạn từ hôm nay trở đi.');
    const bands = await openRound(c, { classification: { ...DEFAULT_CLASSIFICATION, bands: { HTXSNV: 70, HTTNV: 85, HTNV: 50 } } });
    expect(bands.statusCode).toBe(400);
    expect(bands.json<Err>().message).toMatch(/Tham số xếp loại “bands” không hợp lệ/);
    const ties = await openRound(c, { tieBreaks: ['SECTION_TOTAL:G9', 'NAME', 'NAME'] });
    expect(ties.statusCode).toBe(400);
    expect(ties.json<Err>().details!.problems!.map((p) => p.key)).toEqual(['scoring.rank.unknownSection', 'scoring.rank.duplicateTieBreak']);
    // A member template scores members, not units; a unit template takes no members.
    const person = await openRound(c, { templateId: await shippedTemplateId(env.database.db, 'DOAN_VIEN'), units: [w.orgs.cdcsA.id] });
    expect(person.statusCode).toBe(400);
    expect(person.json<Err>().message).toBe('Mẫu DOAN_VIEN dùng để chấm đoàn viên, nên chọn đoàn viên (không chọn đơn vị) cho đợt chấm này.');
    const unitWithMembers = await openRound(c, { members: [w.persons.an] });
    expect(unitWithMembers.statusCode).toBe(400);
    // A template with unit-type criteria needs every unit's sector.
    await env.database.db.execute(sql`update organisation set sector = 'KHAC' where id = ${w.orgs.cdcsB.id}`);
    const unknownType = await openRound(c);
    await env.database.db.execute(sql`update organisation set sector = 'FDI' where id = ${w.orgs.cdcsB.id}`);
    expect(unknownType.statusCode).toBe(400);
    expect(unknownType.json<Err>().message).toMatch(/^Công đoàn cơ sở Công ty TNHH Sợi Thế Kỷ chưa có khu vực/);
    expect([await count('scoring_round'), await count('score_sheet'), await count('audit_event')]).toEqual(before);
  });

  it('only managers of the organiser open rounds: a CĐCS, a viewer and a member cannot', async () => {
    const before = [await count('scoring_round'), await count('score_sheet')];
    for (const user of ['cdcs.a', 'xem', 'doanvien']) {
      const c = await loginAs(env.app, user);
      expect((await openRound(c)).statusCode, user).toBe(404);
    }
    // Its own unit: nothing below it to score.
    const cdcs = await loginAs(env.app, 'cdcs.a');
    const own = await openRound(cdcs, { orgId: w.orgs.cdcsA.id });
    expect(own.statusCode).toBe(400);
    expect(own.json<Err>().message).toBe('Không có đơn vị nào để chấm: dưới Công đoàn cơ sở Trường THCS Phước Minh chưa có công đoàn cơ sở hoặc nghiệp đoàn cơ sở đang hoạt động.');
    expect([await count('scoring_round'), await count('score_sheet')]).toEqual(before);
    // Another CĐCS does not see a round it is not scored in.
    const officer = await loginAs(env.app, 'huyen.tdkt');
    const r = (await openRound(officer, { units: [w.orgs.cdcsA.id] })).json<RoundDto>();
    expect((await (await loginAs(env.app, 'cdcs.b')).get(`/api/v1/scoring-rounds/${r.id}`)).statusCode).toBe(404);
  });
});

describe('tổ công đoàn rounds', () => {
  it('without units, the template decides the kinds scored: TO_CONG_DOAN scores the tổ công đoàn (TO_CD) below the organiser', async () => {
    expect(TO_CONG_DOAN.unitKinds).toEqual(['TO_CD']);
    expect(CDCS_1294.unitKinds).toEqual(['CDCS', 'NGHIEP_DOAN']);
    const cdcs = await loginAs(env.app, 'cdcs.a');
    const own = await openRound(cdcs, { orgId: w.orgs.cdcsA.id, title: 'Đánh giá tổ công đoàn năm 2025', templateId: await shippedTemplateId(env.database.db, 'TO_CONG_DOAN') });
    expect(own.statusCode).toBe(200);
    const r = own.json<RoundDto>();
    expect(r).toMatchObject({ subject: 'UNIT', templateCode: 'TO_CONG_DOAN', counts: { DRAFT: 1 }, abilities: ['round.verify'] });
    const sheets = await env.database.db.execute<{ org_id: number }>(sql`select org_id from score_sheet where round_id = ${r.id}`);
    expect(sheets.rows.map((x) => Number(x.org_id))).toEqual([w.orgs.toA.id]);
    // From the district: the tổ công đoàn of every CĐCS below it, not the CĐCS themselves.
    const officer = await loginAs(env.app, 'huyen.tdkt');
    const district = (await openRound(officer, { title: 'Đánh giá tổ công đoàn toàn huyện', templateId: await shippedTemplateId(env.database.db, 'TO_CONG_DOAN') })).json<RoundDto>();
    const rows = await env.database.db.execute<{ org_id: number }>(sql`select org_id from score_sheet where round_id = ${district.id}`);
    expect(rows.rows.map((x) => Number(x.org_id))).toEqual([w.orgs.toA.id]);
    // CĐCS B has no tổ công đoàn.
    const none = await openRound(await loginAs(env.app, 'cdcs.b'), { orgId: w.orgs.cdcsB.id, templateId: await shippedTemplateId(env.database.db, 'TO_CONG_DOAN') });
    expect(none.statusCode).toBe(400);
    expect(none.json<Err>().message).toBe('Không có đơn vị nào để chấm: dưới Công đoàn cơ sở Công ty TNHH Sợi Thế Kỷ chưa có tổ công đoàn đang hoạt động.');
  });

  it('templateContent accepts unitKinds on a draft', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const draft = (await c.post(`/api/v1/scorecard-templates/${await shippedTemplateId(env.database.db, 'TO_CONG_DOAN')}/revise`, { orgId: w.orgs.huyen.id })).json<TemplateDto>();
    expect(draft.structure.unitKinds).toEqual(['TO_CD']);
    const { code: _c, version: _v, subject: _s, ...content } = draft.structure;
    const patched = await c.patch(`/api/v1/scorecard-templates/${draft.id}`, { ...content, unitKinds: ['TO_CD', 'CD_BO_PHAN'] });
    expect(patched.statusCode).toBe(200);
    expect(patched.json<TemplateDto>().structure.unitKinds).toEqual(['TO_CD', 'CD_BO_PHAN']);
  });
});

describe('self-scoring and submission', () => {
  let roundId: number;
  let sheetA: number;
  beforeAll(async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    roundId = (await openRound(c, { title: 'Đợt chấm thử tự chấm' })).json<RoundDto>().id;
    sheetA = await sheetOf(roundId, w.orgs.cdcsA.id);
  });

  it('shows the criteria of the unit type, saves partial entries with notes, audits old and new values', async () => {
    const c = await loginAs(env.app, 'cdcs.a');
    const sheet = (await c.get(`/api/v1/score-sheets/${sheetA}`)).json<SheetDto>();
    expect(sheet).toMatchObject({ status: 'DRAFT', variant: 'STATE', abilities: ['sheet.selfScore', 'sheet.submit'], verified: null });
    const codes = sheet.criteria.map((x) => x.code);
    expect(codes).toContain('G1.5S');
    expect(codes).not.toContain('G1.5E');
    const first = await c.put(`/api/v1/score-sheets/${sheetA}/entries`, { version: sheet.version, entries: [{ criterionCode: 'G1.1', points: 7.5, note: 'Có biên bản giám sát quý I–IV' }] });
    expect(first.statusCode).toBe(200);
    const after = first.json<SheetDto>();
    expect(after.criteria.find((x) => x.code === 'G1.1')).toMatchObject({ selfPoints: 7.5, selfNote: 'Có biên bản giám sát quý I–IV' });
    expect(after.self).toMatchObject({ total: 7.5, complete: false });
    const second = await c.put(`/api/v1/score-sheets/${sheetA}/entries`, { version: after.version, entries: [{ criterionCode: 'G1.1', points: 8 }] });
    expect(second.statusCode).toBe(200);
    const events = (await auditEvents(env.database.db, 'scoring.sheet.selfScore', sheetA)).slice(0, 2);
    expect(events.map((e) => [e.before, e.after])).toEqual([
      [{ 'G1.1': null }, { 'G1.1': { points: 7.5, note: 'Có biên bản giám sát quý I–IV' } }],
      [{ 'G1.1': { points: 7.5, note: 'Có biên bản giám sát quý I–IV' } }, { 'G1.1': { points: 8, note: null } }],
    ]);
    const stale = await c.put(`/api/v1/score-sheets/${sheetA}/entries`, { version: after.version, entries: [{ criterionCode: 'G1.1', points: 6 }] });
    expect(stale.statusCode).toBe(409);
    // null clears an entry.
    const set = (await c.put(`/api/v1/score-sheets/${sheetA}/entries`, { version: second.json<SheetDto>().version, entries: [{ criterionCode: 'G1.2', points: 5 }] })).json<SheetDto>();
    expect(set.self.total).toBe(13);
    const cleared = (await c.put(`/api/v1/score-sheets/${sheetA}/entries`, { version: set.version, entries: [{ criterionCode: 'G1.2', points: null }] })).json<SheetDto>();
    expect(cleared.criteria.find((x) => x.code === 'G1.2')!.selfPoints).toBeNull();
    expect(cleared.self.total).toBe(8);
  });

  it('refuses bad points per criterion in Vietnamese (above max, off step, other unit type, unknown) and saves nothing', async () => {
    const c = await loginAs(env.app, 'cdcs.a');
    const sheet = (await c.get(`/api/v1/score-sheets/${sheetA}`)).json<SheetDto>();
    const before = [await count('score_entry'), await count('audit_event')];
    const res = await c.put(`/api/v1/score-sheets/${sheetA}/entries`, {
      version: sheet.version,
      entries: [
        { criterionCode: 'G1.2', points: 5 },
        { criterionCode: 'G1.3', points: 6.5 },
        { criterionCode: 'G1.4', points: 2.3 },
        { criterionCode: 'G1.5E', points: 1 },
        { criterionCode: 'Z9', points: 1 },
      ],
    });
    expect(res.statusCode).toBe(400);
    const err = res.json<Err>();
    expect(err.details!.problems!.map((p) => [p.criterion, p.key])).toEqual([
      ['G1.3', 'scoring.sheet.aboveMax'],
      ['G1.4', 'scoring.sheet.offStep'],
      ['G1.5E', 'scoring.sheet.notApplicable'],
      ['Z9', 'scoring.sheet.unknownCriterion'],
    ]);
    expect(err.details!.problems!.map((p) => p.message)).toEqual([
      'Tiêu chí G1.3: 6,5 điểm vượt quá điểm tối đa 6.',
      'Tiêu chí G1.4: 2,3 điểm không đúng bước điểm 0,25.',
      'Tiêu chí G1.5E không áp dụng cho loại đơn vị cơ quan nhà nước, đơn vị sự nghiệp.',
      'Mẫu không có tiêu chí mã Z9.',
    ]);
    expect(err.message).toMatch(/^Chưa lưu được, cần sửa 4 lỗi/);
    const dup = await c.put(`/api/v1/score-sheets/${sheetA}/entries`, { version: sheet.version, entries: [{ criterionCode: 'G1.2', points: 5 }, { criterionCode: 'G1.2', points: 4 }] });
    expect(dup.statusCode).toBe(400);
    expect([await count('score_entry'), await count('audit_event')]).toEqual(before);
    expect((await c.get(`/api/v1/score-sheets/${sheetA}`)).json<SheetDto>().version).toBe(sheet.version);
  });

  it('submitting an incomplete sheet lists the missing criteria; a complete one is stored and locked for the unit', async () => {
    const c = await loginAs(env.app, 'cdcs.a');
    let sheet = (await c.get(`/api/v1/score-sheets/${sheetA}`)).json<SheetDto>();
    const incomplete = await c.post(`/api/v1/score-sheets/${sheetA}/submit`, { version: sheet.version });
    expect(incomplete.statusCode).toBe(400);
    const err = incomplete.json<Err>();
    expect(err.message).toMatch(/^Chưa nộp được phiếu chấm/);
    expect(err.details!.problems!.every((p) => p.key === 'scoring.sheet.missing')).toBe(true);
    expect(err.details!.problems!.map((p) => p.criterion)).toEqual(sheet.criteria.filter((x) => x.code !== 'G1.1').map((x) => x.code));
    expect(err.details!.problems![0]!.message).toBe('Tiêu chí G1.2 chưa được chấm điểm.');
    expect((await env.database.db.execute<{ status: string }>(sql`select status from score_sheet where id = ${sheetA}`)).rows[0]!.status).toBe('DRAFT');

    // All at the maximum except G2.1 at 3 (below half: withholds the top level later).
    sheet = (await c.put(`/api/v1/score-sheets/${sheetA}/entries`, { version: sheet.version, entries: fullEntries(sheet, { 'G2.1': 3 }) })).json<SheetDto>();
    expect(sheet.self).toMatchObject({ total: 95, complete: true, problems: [] });
    await attachRequiredEvidence(c, sheetA);
    const submitted = await c.post(`/api/v1/score-sheets/${sheetA}/submit`, { version: sheet.version });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json<SheetDto>()).toMatchObject({ status: 'SUBMITTED', selfTotal: 95, abilities: [] });
    expect((await auditEvents(env.database.db, 'scoring.sheet.submit', sheetA))[0]!.after).toEqual({ status: 'SUBMITTED', selfTotal: 95 });

    const locked = await c.put(`/api/v1/score-sheets/${sheetA}/entries`, { version: submitted.json<SheetDto>().version, entries: [{ criterionCode: 'G2.1', points: 8 }] });
    expect(locked.statusCode).toBe(409);
    expect(locked.json<Err>().message).toMatch(/Phiếu chấm đã nộp nên đã khóa/);
    expect((await env.database.db.execute<{ p: number }>(sql`select self_points::float8 as p from score_entry where sheet_id = ${sheetA} and criterion_code = 'G2.1'`)).rows[0]!.p).toBe(3);
  });

  it('another CĐCS gets 404; viewers and members cannot write; the organiser does not self-score', async () => {
    const sheetB = await sheetOf(roundId, w.orgs.cdcsB.id);
    const before = await count('score_entry');
    const b = await loginAs(env.app, 'cdcs.b');
    expect((await b.get(`/api/v1/score-sheets/${sheetA}`)).statusCode).toBe(404);
    expect((await b.put(`/api/v1/score-sheets/${sheetA}/entries`, { version: 1, entries: [{ criterionCode: 'G1.1', points: 1 }] })).statusCode).toBe(404);
    const xem = await loginAs(env.app, 'xem');
    const seen = await xem.get(`/api/v1/score-sheets/${sheetB}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json<SheetDto>().abilities).toEqual([]);
    const version = seen.json<SheetDto>().version;
    expect((await xem.put(`/api/v1/score-sheets/${sheetB}/entries`, { version, entries: [{ criterionCode: 'G1.1', points: 1 }] })).statusCode).toBe(404);
    expect((await xem.post(`/api/v1/score-sheets/${sheetB}/submit`, { version })).statusCode).toBe(404);
    const member = await loginAs(env.app, 'doanvien');
    expect((await member.get(`/api/v1/score-sheets/${sheetA}`)).statusCode).toBe(404);
    const officer = await loginAs(env.app, 'huyen.tdkt');
    expect((await officer.put(`/api/v1/score-sheets/${sheetB}/entries`, { version, entries: [{ criterionCode: 'G1.1', points: 1 }] })).statusCode).toBe(404);
    expect(await count('score_entry')).toBe(before);
  });

  it('after the deadline a draft is locked (409)', async () => {
    const sheetB = await sheetOf(roundId, w.orgs.cdcsB.id);
    const b = await loginAs(env.app, 'cdcs.b');
    const sheet = (await b.get(`/api/v1/score-sheets/${sheetB}`)).json<SheetDto>();
    await env.database.db.execute(sql`update scoring_round set deadline = '2024-12-31' where id = ${roundId}`);
    try {
      const res = await b.put(`/api/v1/score-sheets/${sheetB}/entries`, { version: sheet.version, entries: [{ criterionCode: 'G1.1', points: 1 }] });
      expect(res.statusCode).toBe(409);
      expect(res.json<Err>().message).toBe('Đã quá hạn chấm (31/12/2024). Liên hệ đơn vị tổ chức nếu cần gia hạn.');
      expect((await b.get(`/api/v1/score-sheets/${sheetB}`)).json<SheetDto>().abilities).toEqual([]);
    } finally {
      await env.database.db.execute(sql`update scoring_round set deadline = ${daysFromToday(30)} where id = ${roundId}`);
    }
  });
});

describe('verification', () => {
  let sheetId: number;
  async function submittedSheet(): Promise<number> {
    const officer = await loginAs(env.app, 'huyen.tdkt');
    const roundId = (await openRound(officer, { title: 'Đợt chấm thử thẩm định', units: [w.orgs.cdcsB.id] })).json<RoundDto>().id;
    const id = await sheetOf(roundId, w.orgs.cdcsB.id);
    const b = await loginAs(env.app, 'cdcs.b');
    let sheet = (await b.get(`/api/v1/score-sheets/${id}`)).json<SheetDto>();
    sheet = (await b.put(`/api/v1/score-sheets/${id}/entries`, { version: sheet.version, entries: fullEntries(sheet) })).json<SheetDto>();
    await attachRequiredEvidence(b, id);
    expect((await b.post(`/api/v1/score-sheets/${id}/submit`, { version: sheet.version })).statusCode).toBe(200);
    return id;
  }
  beforeAll(async () => {
    sheetId = await submittedSheet();
  });

  it('a change from the self-score needs a reason; with one it is saved and audited', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const sheet = (await c.get(`/api/v1/score-sheets/${sheetId}`)).json<SheetDto>();
    expect(sheet.abilities).toEqual(['sheet.verify', 'sheet.return', 'sheet.approve']);
    const before = await count('audit_event');
    const noReason = await c.put(`/api/v1/score-sheets/${sheetId}/verify-entries`, { version: sheet.version, entries: [{ criterionCode: 'G1.5E', points: 2 }, { criterionCode: 'G1.1', points: 8 }] });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<Err>().details!.problems!.map((p) => p.message)).toEqual(['Tiêu chí G1.5E: điểm thẩm định 2 khác điểm tự chấm 4, cần ghi lý do.']);
    expect(await count('audit_event')).toBe(before);
    const ok = await c.put(`/api/v1/score-sheets/${sheetId}/verify-entries`, {
      version: sheet.version,
      entries: [{ criterionCode: 'G1.5E', points: 2, reason: 'Chỉ có biên bản đối thoại 6 tháng đầu năm' }],
    });
    expect(ok.statusCode).toBe(200);
    const v = ok.json<SheetDto>();
    expect(v.criteria.find((x) => x.code === 'G1.5E')).toMatchObject({ selfPoints: 4, verifiedPoints: 2, verifyReason: 'Chỉ có biên bản đối thoại 6 tháng đầu năm' });
    expect(v.verified).toMatchObject({ total: 98, complete: true });
    expect((await auditEvents(env.database.db, 'scoring.sheet.verify', sheetId))[0]).toMatchObject({
      before: { 'G1.5E': { self: 4, verified: null, reason: null } },
      after: { 'G1.5E': { verified: 2, reason: 'Chỉ có biên bản đối thoại 6 tháng đầu năm' } },
    });
    // The unit cannot verify its own sheet.
    const b = await loginAs(env.app, 'cdcs.b');
    expect((await b.put(`/api/v1/score-sheets/${sheetId}/verify-entries`, { version: v.version, entries: [{ criterionCode: 'G1.1', points: 8 }] })).statusCode).toBe(404);
  });

  it('return for clarification reopens the sheet for the unit; approve stores the verified total and the classification', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    let sheet = (await c.get(`/api/v1/score-sheets/${sheetId}`)).json<SheetDto>();
    const returned = await c.post(`/api/v1/score-sheets/${sheetId}/return`, { version: sheet.version, reason: 'Bổ sung biên bản đối thoại 6 tháng cuối năm' });
    expect(returned.json<SheetDto>()).toMatchObject({ status: 'RETURNED', returnReason: 'Bổ sung biên bản đối thoại 6 tháng cuối năm' });
    expect((await c.post(`/api/v1/score-sheets/${sheetId}/approve`, { version: returned.json<SheetDto>().version })).statusCode).toBe(409);

    const b = await loginAs(env.app, 'cdcs.b');
    sheet = (await b.get(`/api/v1/score-sheets/${sheetId}`)).json<SheetDto>();
    expect(sheet.abilities).toEqual(['sheet.selfScore', 'sheet.submit']);
    sheet = (await b.put(`/api/v1/score-sheets/${sheetId}/entries`, { version: sheet.version, entries: [{ criterionCode: 'G1.6E', points: 4, note: 'Thỏa ước hết hiệu lực tháng 10' }] })).json<SheetDto>();
    await attachRequiredEvidence(b, sheetId);
    expect((await b.post(`/api/v1/score-sheets/${sheetId}/submit`, { version: sheet.version })).json<SheetDto>()).toMatchObject({ status: 'SUBMITTED', selfTotal: 99 });

    sheet = (await c.get(`/api/v1/score-sheets/${sheetId}`)).json<SheetDto>();
    const approved = await c.post(`/api/v1/score-sheets/${sheetId}/approve`, { version: sheet.version });
    expect(approved.statusCode).toBe(200);
    // 99 − 2 (G1.5E verified at 2) = 97 ≥ 85 and no criterion below half: HTXSNV.
    expect(approved.json<SheetDto>()).toMatchObject({ status: 'VERIFIED', selfTotal: 99, verifiedTotal: 97, classification: 'HTXSNV', abilities: [] });
    expect((await auditEvents(env.database.db, 'scoring.sheet.approve', sheetId))[0]!.after).toMatchObject({ verifiedTotal: 97, classification: 'HTXSNV' });
  });

  it('a criterion below half withholds the top level; a viewer cannot verify', async () => {
    const id = await submittedSheet();
    const c = await loginAs(env.app, 'huyen.tdkt');
    let sheet = (await c.get(`/api/v1/score-sheets/${id}`)).json<SheetDto>();
    const xem = await loginAs(env.app, 'xem');
    expect((await xem.post(`/api/v1/score-sheets/${id}/approve`, { version: sheet.version })).statusCode).toBe(404);
    expect((await xem.post(`/api/v1/score-sheets/${id}/return`, { version: sheet.version, reason: 'Thử trả lại' })).statusCode).toBe(404);
    sheet = (await c.put(`/api/v1/score-sheets/${id}/verify-entries`, { version: sheet.version, entries: [{ criterionCode: 'G2.1', points: 3, reason: 'Tỷ lệ đoàn viên chỉ đạt 40 % chỉ tiêu' }] })).json<SheetDto>();
    const approved = (await c.post(`/api/v1/score-sheets/${id}/approve`, { version: sheet.version })).json<SheetDto>();
    expect(approved).toMatchObject({ verifiedTotal: 95, classification: 'HTTNV' });
  });
  it('a member disciplined from cảnh cáo up in the round year withholds the top level; only submitted sheets are verified', async () => {
    const id = await submittedSheet();
    await env.database.db.execute(sql`
      insert into discipline (person_id, scope_path, level, valid_from) values (${w.persons.dang}, ${w.orgs.cdcsB.path}, 'CANH_CAO', '2025-03-01'),
        (${w.persons.tran}, ${w.orgs.cdcsB.path}, 'KHIEN_TRACH', '2025-04-01')`);
    const c = await loginAs(env.app, 'huyen.tdkt');
    const sheet = (await c.get(`/api/v1/score-sheets/${id}`)).json<SheetDto>();
    const approved = (await c.post(`/api/v1/score-sheets/${id}/approve`, { version: sheet.version })).json<SheetDto>();
    expect(approved).toMatchObject({ verifiedTotal: 100, classification: 'HTTNV' });
    expect((await auditEvents(env.database.db, 'scoring.sheet.approve', id))[0]!.after).toMatchObject({ bandLevel: 'HTXSNV', conditionsMet: false, disciplinedMembers: 1 });
    // Verified: nothing more to verify, return or approve.
    expect((await c.put(`/api/v1/score-sheets/${id}/verify-entries`, { version: approved.version, entries: [{ criterionCode: 'G1.1', points: 8 }] })).statusCode).toBe(409);
    expect((await c.post(`/api/v1/score-sheets/${id}/return`, { version: approved.version, reason: 'Thử trả lại' })).statusCode).toBe(409);
  });

  it('a returned sheet stays editable by the unit after the deadline', async () => {
    const id = await submittedSheet();
    const c = await loginAs(env.app, 'huyen.tdkt');
    const sheet = (await c.get(`/api/v1/score-sheets/${id}`)).json<SheetDto>();
    const returned = (await c.post(`/api/v1/score-sheets/${id}/return`, { version: sheet.version, reason: 'Bổ sung minh chứng tiêu chí G2.5' })).json<SheetDto>();
    const roundId = returned.roundId;
    await env.database.db.execute(sql`update scoring_round set deadline = '2024-12-31' where id = ${roundId}`);
    const b = await loginAs(env.app, 'cdcs.b');
    const res = await b.put(`/api/v1/score-sheets/${id}/entries`, { version: returned.version, entries: [{ criterionCode: 'G2.5', points: 7.5, note: 'Đã bổ sung chứng từ' }] });
    expect(res.statusCode).toBe(200);
    await attachRequiredEvidence(b, id);
    expect((await b.post(`/api/v1/score-sheets/${id}/submit`, { version: res.json<SheetDto>().version })).json<SheetDto>()).toMatchObject({ status: 'SUBMITTED', selfTotal: 99.5 });
  });
});
