// "Xuất Excel" of the main lists (issue 10): each export takes the list's own filters, scope and
// order, so its rows equal the list's rows for the same filter (all pages joined); title and filter
// lines, header, typed dates and numbers; scope (out of scope: empty, as the list), no role 403, signed out 401,
// a bad filter 400 in Vietnamese, a list longer than the cap refused with its count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestEnv } from '../support/app';
import { createUser, loginAs, smallWorld, type Client } from '../factories';
import { insertToCouncil } from '../support/councils';
import { exported, listAll } from '../support/list-exports';
import { todayInVietnam } from '../../src/server/modules/imports/xlsx';
import { allRowsOf } from '../../src/server/lib/list-xlsx';
import { AppError } from '../../src/server/lib/errors';
import { t } from '../../src/contracts/messages';
import type { DecisionDto, DecisionSummaryDto } from '../../src/contracts/decisions';
import type { NominationSummaryDto } from '../../src/contracts/nominations';
import type { ComplaintSummaryDto } from '../../src/contracts/complaints';
import type { InspectionSummaryDto } from '../../src/contracts/inspections';
import type { StorySummaryDto } from '../../src/contracts/stories';
import type { ModelSummaryDto } from '../../src/contracts/models';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
const today = todayInVietnam();
const vnToday = `${today.slice(8, 10)}/${today.slice(5, 7)}/${today.slice(0, 4)}`;

beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(env.database.db);
  await createUser(env.database.db, 'khongvaitro', []);
});
afterAll(() => env.close());

const db = () => env.database.db;
const as = (user: string) => loginAs(env.app, user);
const vi = (key: string) => t('vi', key);

const day = (iso: string | null) => (iso === null ? null : iso.slice(0, 10));

/** A user without any role: the list answers an empty page, the export 403 (a file of nothing would mislead). */
async function noRoleIsForbidden(list: string) {
  const c = await as('khongvaitro');
  expect((await c.get(`/api/v1/${list}`)).statusCode).toBe(200);
  const res = await c.get(`/api/v1/${list}/export.xlsx`);
  expect(res.statusCode).toBe(403);
  expect(res.json<{ message: string }>().message).toBe(vi('error.FORBIDDEN'));
}

/** Signed out 401; a bad filter 400 with the list's own Vietnamese message. */
async function refusesLikeTheList(c: Client, list: string, badQuery: string) {
  expect((await env.app.inject({ method: 'GET', url: `/api/v1/${list}/export.xlsx` })).statusCode).toBe(401);
  const bad = await c.get(`/api/v1/${list}/export.xlsx?${badQuery}`);
  const listBad = await c.get(`/api/v1/${list}?${badQuery}`);
  expect(bad.statusCode).toBe(400);
  expect(listBad.statusCode).toBe(400);
  expect(bad.json<{ message: string }>().message).toBe(listBad.json<{ message: string }>().message);
  expect(bad.json<{ message: string }>().message).toBe(vi('error.VALIDATION'));
}

describe('decisions export', () => {
  let signedId: number;
  beforeAll(async () => {
    const officer = await as('huyen.tdkt');
    const ids = await insertToCouncil(db(), w.orgs.huyen, [
      { personId: w.persons.an, unit: w.orgs.cdcsA, name: 'Nguyễn Văn An', awardCode: 'LDTT' },
      { personId: w.persons.dang, unit: w.orgs.cdcsB, name: 'Đặng Văn Bình', awardCode: 'LDTT' },
      { personId: w.persons.tran, unit: w.orgs.cdcsB, name: 'Trần Thị Cúc', awardCode: 'LDTT' },
    ]);
    await db().execute(sql`update nomination set status = 'COUNCIL_PASSED' where id = any(${sql.param(ids)}::bigint[])`);
    const first = await officer.post('/api/v1/decisions', { orgId: w.orgs.huyen.id, nominationIds: [ids[0], ids[1]] });
    expect(first.statusCode, first.body).toBe(201);
    const second = await officer.post('/api/v1/decisions', { orgId: w.orgs.huyen.id, nominationIds: [ids[2]] });
    expect(second.statusCode, second.body).toBe(201);
    const d = first.json<DecisionDto>();
    const signed = await officer.post(`/api/v1/decisions/${d.id}/sign`, { version: d.version, signedOn: '2024-06-30', signerName: 'Nguyễn Thị Thúy', overBudgetConfirmed: true });
    expect(signed.statusCode, signed.body).toBe(200);
    signedId = d.id;
  });

  const expected = (items: DecisionSummaryDto[]) =>
    items.map((d) => [d.numberText ?? vi('listExport.decisions.draft'), day(d.signedOn), d.subject, d.orgName, d.year, d.itemCount, d.totalVnd, vi(`web.decisions.status.${d.status}`), d.signer.name, day(d.publishedAt), d.revokedReason]);

  it('has the list’s rows for the same filter, in its order, with title, filters, header and typed cells', async () => {
    const officer = await as('huyen.tdkt');
    for (const q of ['', `status=SIGNED&orgId=${w.orgs.huyen.id}`, 'status=DRAFT']) {
      const items = await listAll<DecisionSummaryDto>(officer, `/api/v1/decisions?${q}`);
      const x = await exported(officer, `/api/v1/decisions/export.xlsx?${q}`);
      expect(x.rows).toEqual(expected(items));
    }
    const x = await exported(officer, `/api/v1/decisions/export.xlsx?status=SIGNED&orgId=${w.orgs.huyen.id}`);
    expect(x.rows).toHaveLength(1);
    expect(x.rows[0]![1]).toBe('2024-06-30');
    expect(x.title).toBe('Danh sách quyết định khen thưởng');
    expect(x.lines).toEqual(['Đơn vị: Liên đoàn Lao động huyện DMC', 'Lọc theo – Trạng thái: Đã ký', `Số liệu lấy ngày ${vnToday}`]);
    expect(x.header).toEqual(['STT', 'Số quyết định', 'Ngày ký', 'Trích yếu', 'Cơ quan ban hành', 'Năm', 'Số dòng khen thưởng', 'Tổng tiền thưởng (đồng)', 'Trạng thái', 'Người ký', 'Ngày công khai', 'Lý do thu hồi']);
    expect(x.dateColumns).toEqual(new Set([3]));
    expect(x.numFmts.get(3)).toBe('dd/mm/yyyy');
    expect(x.numFmts.get(6)).toBe('0');
    expect(x.numFmts.get(8)).toBe('#,##0');
    expect(signedId).toBeGreaterThan(0);
    const none = await exported(officer, '/api/v1/decisions/export.xlsx');
    expect(none.lines[0]).toBe('Đơn vị: tất cả đơn vị trong phạm vi của người xuất');
    expect(none.lines[1]).toBe('Không lọc thêm');
  });

  it('keeps the list’s scope: a grassroots officer and out of scope, an empty file as the list; no role 403; signed out 401; a bad filter 400', async () => {
    const a = await as('cdcs.a');
    expect(await listAll<DecisionSummaryDto>(a, '/api/v1/decisions')).toEqual([]);
    expect((await exported(a, '/api/v1/decisions/export.xlsx')).rows).toEqual([]);
    await noRoleIsForbidden('decisions');
    await refusesLikeTheList(await as('huyen.tdkt'), 'decisions', 'status=KHAC');
  });
});

describe('nominations export', () => {
  let roundId: number;
  beforeAll(async () => {
    const ids = await insertToCouncil(db(), w.orgs.huyen, [
      { personId: w.persons.anh, unit: w.orgs.cdcsA, name: 'Nguyễn Thị Ánh', awardCode: 'LDTT' },
      { personId: w.persons.dang, unit: w.orgs.cdcsB, name: 'Đặng Văn Bình', awardCode: 'CSTD_CS' },
      { org: w.orgs.cdcsB, unit: w.orgs.cdcsB, name: 'Công đoàn cơ sở Công ty TNHH Sợi Thế Kỷ', awardCode: 'TTLDXS' },
    ], 2031);
    roundId = Number((await db().execute<{ round_id: number }>(sql`select round_id from nomination where id = ${ids[0]}`)).rows[0]!.round_id);
  });

  const expected = (items: NominationSummaryDto[]) =>
    items.map((n) => [
      n.subjectName, vi(n.subjectKind === 'PERSON' ? 'listExport.nominations.person' : 'listExport.nominations.unit'), n.subjectUnitName, n.awardName,
      vi(`web.nominations.procedure.${n.procedure}`), vi(`web.nominations.eligibility.${n.eligibilityStatus}`), vi(`web.nominations.status.${n.status}`),
      n.proposerOrgName, n.holderOrgName, n.missingDocuments, n.conflicts, day(n.updatedAt),
    ]);

  it('has the list’s rows for the same filter, with the round and filters in words', async () => {
    const officer = await as('huyen.tdkt');
    for (const q of [`roundId=${roundId}`, `roundId=${roundId}&orgId=${w.orgs.cdcsB.id}`, `roundId=${roundId}&q=nguyen`, '']) {
      const items = await listAll<NominationSummaryDto>(officer, `/api/v1/nominations?${q}`);
      const x = await exported(officer, `/api/v1/nominations/export.xlsx?${q}`);
      expect(x.rows).toEqual(expected(items));
    }
    const x = await exported(officer, `/api/v1/nominations/export.xlsx?roundId=${roundId}&orgId=${w.orgs.cdcsB.id}&status=TO_COUNCIL`);
    expect(x.rows.map((r) => r[0])).toEqual(['Công đoàn cơ sở Công ty TNHH Sợi Thế Kỷ', 'Đặng Văn Bình']);
    expect(x.title).toBe('Danh sách đề nghị khen thưởng');
    expect(x.lines[0]).toBe('Đơn vị: Công đoàn cơ sở Công ty TNHH Sợi Thế Kỷ');
    expect(x.lines[1]).toBe(`Lọc theo – Đợt: Tổng kết năm 2031; Trạng thái: ${vi('web.nominations.status.TO_COUNCIL')}`);
    expect(x.header.slice(0, 3)).toEqual(['STT', 'Đối tượng', 'Cá nhân/Tập thể']);
    expect(x.dateColumns).toEqual(new Set([13]));
  });

  it('keeps the list’s scope; no role 403; signed out 401; a bad filter 400', async () => {
    // CĐCS A sees its own unit's nominations only.
    const a = await as('cdcs.a');
    const items = await listAll<NominationSummaryDto>(a, `/api/v1/nominations?roundId=${roundId}`);
    const x = await exported(a, `/api/v1/nominations/export.xlsx?roundId=${roundId}`);
    expect(x.rows).toEqual(expected(items));
    expect(x.rows.map((r) => [r[0], r[7]])).toEqual([['Nguyễn Thị Ánh', 'Công đoàn cơ sở Trường THCS Phước Minh']]);
    await noRoleIsForbidden('nominations');
    await refusesLikeTheList(await as('huyen.tdkt'), 'nominations', 'eligibility=KHAC');
  });
});

describe('complaints export', () => {
  beforeAll(async () => {
    const officer = await as('huyen.tdkt');
    const letter = { name: 'Phạm Thị Hoa', contact: '0912 345 678', content: 'Tôi không đồng ý với việc xét danh hiệu Lao động tiên tiến năm nay vì thành tích được kê khai chưa đúng.' };
    for (const body of [
      { ...letter, kind: 'COMPLAINT', orgId: w.orgs.huyen.id, receivedOn: today, learnedOn: today, personId: w.persons.an },
      { ...letter, kind: 'PETITION', orgId: w.orgs.huyen.id, receivedOn: today, personId: w.persons.anh },
    ]) {
      const res = await officer.post('/api/v1/complaints', body);
      expect(res.statusCode, res.body).toBe(201);
    }
  });

  const expected = (items: ComplaintSummaryDto[]) =>
    items.map((c) => [
      c.referenceCode, vi(`web.complaints.kind.${c.kind}`), c.instance, c.orgName, c.subject?.name ?? null, c.decisionNumber, day(c.receivedOn), day(c.acceptedOn),
      day(c.resolveBy?.deadline ?? null), day(c.closedOn), vi(`web.complaints.status.${c.status}`), c.outcome ? vi(`web.complaints.outcome.${c.outcome}`) : null,
      c.assignee?.name ?? null, vi(`web.complaints.channel.${c.channel}`), vi(c.blocksAward ? 'listExport.yes' : 'listExport.no'),
    ]);

  it('has the list’s rows for the same filter, without identities or content', async () => {
    const officer = await as('huyen.tdkt');
    for (const q of ['', 'kind=PETITION', `orgId=${w.orgs.huyen.id}&status=RECEIVED`, 'mine=true']) {
      const items = await listAll<ComplaintSummaryDto>(officer, `/api/v1/complaints?${q}`);
      const x = await exported(officer, `/api/v1/complaints/export.xlsx?${q}`);
      expect(x.rows).toEqual(expected(items));
    }
    const x = await exported(officer, '/api/v1/complaints/export.xlsx?kind=PETITION');
    expect(x.rows).toHaveLength(1);
    expect(x.rows[0]![4]).toBe('Nguyễn Thị Ánh');
    expect(x.rows[0]![6]).toBe(today);
    expect(x.title).toBe('Danh sách khiếu nại, tố cáo, kiến nghị về thi đua, khen thưởng');
    expect(x.lines[1]).toBe(`Lọc theo – Loại: ${vi('web.complaints.kind.PETITION')}`);
    expect(JSON.stringify(x.rows)).not.toContain('Phạm Thị Hoa');
    expect(JSON.stringify(x.rows)).not.toContain('0912');
    expect(x.dateColumns.has(8)).toBe(true);
  });

  it('keeps the list’s scope; no role 403; signed out 401; a bad filter 400', async () => {
    const c = await as('cdcs.b');
    expect((await exported(c, '/api/v1/complaints/export.xlsx')).rows).toEqual(expected(await listAll(c, '/api/v1/complaints')));
    await noRoleIsForbidden('complaints');
    await refusesLikeTheList(await as('huyen.tdkt'), 'complaints', 'kind=KHAC');
  });
});

describe('inspections export', () => {
  beforeAll(async () => {
    const officer = await as('huyen.tdkt');
    for (const [target, topic] of [[w.orgs.cdcsA.id, 'Việc tổ chức phong trào thi đua năm 2026'], [w.orgs.cdcsB.id, 'Việc bình xét khen thưởng cuối năm']] as const) {
      const res = await officer.post('/api/v1/inspections', { kind: 'INSPECTION', topic, plannedOn: today, orgId: w.orgs.huyen.id, targetOrgId: target });
      expect(res.statusCode, res.body).toBe(201);
    }
  });

  const expected = (items: InspectionSummaryDto[]) =>
    items.map((i) => [
      vi(`web.inspections.kind.${i.kind}`), i.topic, i.orgName, i.targetOrgName, i.year, day(i.plannedOn), day(i.conductedOn), vi(`web.inspections.status.${i.status}`),
      i.counts.open, i.counts.overdue, i.counts.done, i.cancelledReason,
    ]);

  it('has the list’s rows for the same filter', async () => {
    const officer = await as('huyen.tdkt');
    const year = Number(today.slice(0, 4));
    for (const q of ['', `year=${year}&status=PLANNED`, `orgId=${w.orgs.cdcsB.id}`, 'year=2001']) {
      const items = await listAll<InspectionSummaryDto>(officer, `/api/v1/inspections?${q}`);
      const x = await exported(officer, `/api/v1/inspections/export.xlsx?${q}`);
      expect(x.rows).toEqual(expected(items));
    }
    const x = await exported(officer, `/api/v1/inspections/export.xlsx?orgId=${w.orgs.cdcsB.id}&year=${year}`);
    expect(x.rows.map((r) => [r[1], r[5]])).toEqual([['Việc bình xét khen thưởng cuối năm', today]]);
    expect(x.lines).toEqual(['Đơn vị: Công đoàn cơ sở Công ty TNHH Sợi Thế Kỷ', `Lọc theo – Năm: ${year}`, `Số liệu lấy ngày ${vnToday}`]);
    expect(x.title).toBe('Danh sách kiểm tra, giám sát công tác thi đua, khen thưởng');
    expect(x.dateColumns).toEqual(new Set([7]));
  });

  it('keeps the list’s scope (the inspected unit sees its own); no role 403; signed out 401; a bad filter 400', async () => {
    const c = await as('cdcs.a');
    const rows = (await exported(c, '/api/v1/inspections/export.xlsx')).rows;
    expect(rows).toEqual(expected(await listAll(c, '/api/v1/inspections')));
    expect(rows.map((r) => r[3])).toEqual(['Công đoàn cơ sở Trường THCS Phước Minh']);
    await noRoleIsForbidden('inspections');
    await refusesLikeTheList(await as('huyen.tdkt'), 'inspections', 'year=1990');
  });
});

describe('stories export', () => {
  beforeAll(async () => {
    const officer = await as('huyen.tdkt');
    const draft = { summary: 'Hai mươi năm bám trường, đưa hàng trăm học trò vùng cao đến lớp.', body: 'Mỗi sáng đi bộ mười cây số đến trường.' };
    for (const body of [
      { ...draft, subjectKind: 'PERSON', title: 'Thầy giáo Nguyễn Văn An: hai mươi năm gieo chữ', orgId: w.orgs.huyen.id, personId: w.persons.an },
      { ...draft, subjectKind: 'COLLECTIVE', title: 'Công đoàn Sợi Thế Kỷ: bữa cơm ca trọn vẹn', orgId: w.orgs.huyen.id, subjectOrgId: w.orgs.cdcsB.id },
    ]) {
      const res = await officer.post('/api/v1/stories', body);
      expect(res.statusCode, res.body).toBe(201);
    }
  });

  const expected = (items: StorySummaryDto[]) =>
    items.map((s) => [
      s.title, s.subjectName, vi(`web.stories.kind.${s.subjectKind}`), s.subjectUnit, s.orgName, vi(`web.stories.status.${s.status}`),
      vi(s.consentRecorded ? 'listExport.yes' : 'listExport.no'), s.photoCount, day(s.publishedAt), day(s.updatedAt),
    ]);

  it('has the list’s rows for the same filter; scope; no role 403; signed out 401; a bad filter 400', async () => {
    const officer = await as('huyen.tdkt');
    for (const q of ['', 'q=bua com', 'status=DRAFT', 'status=PUBLISHED']) {
      const items = await listAll<StorySummaryDto>(officer, `/api/v1/stories?${encodeURI(q)}`);
      const x = await exported(officer, `/api/v1/stories/export.xlsx?${encodeURI(q)}`);
      expect(x.rows).toEqual(expected(items));
    }
    const x = await exported(officer, `/api/v1/stories/export.xlsx?${encodeURI('q=bua com')}`);
    expect(x.rows.map((r) => r[0])).toEqual(['Công đoàn Sợi Thế Kỷ: bữa cơm ca trọn vẹn']);
    expect(x.title).toBe('Danh sách bài viết gương điển hình');
    expect(x.lines[1]).toBe('Lọc theo – Tìm: “bua com”');
    expect(x.dateColumns).toEqual(new Set([11]));
    const b = await as('cdcs.b');
    expect((await exported(b, '/api/v1/stories/export.xlsx')).rows).toEqual(expected(await listAll(b, '/api/v1/stories')));
    await noRoleIsForbidden('stories');
    await refusesLikeTheList(officer, 'stories', 'status=KHAC');
  });
});

describe('models export', () => {
  beforeAll(async () => {
    const officer = await as('cdcs.a');
    const base = { kind: 'PERSON', description: 'Tự làm đồ dùng dạy học từ vật liệu tái chế.', field: 'Giáo dục', discoveredOn: today, orgId: w.orgs.cdcsA.id, responsibleOrgId: w.orgs.cdcsA.id };
    for (const body of [
      { ...base, name: 'Thầy giáo Nguyễn Văn An – dạy học sáng tạo', personId: w.persons.an },
      { ...base, name: 'Cô giáo Nguyễn Thị Ánh – lớp học xanh', personId: w.persons.anh },
    ]) {
      const res = await officer.post('/api/v1/models', body);
      expect(res.statusCode, res.body).toBe(201);
    }
  });

  const expected = (items: ModelSummaryDto[]) =>
    items.map((m) => [
      m.name, vi(`web.models.kind.${m.kind}`), m.subjectName, m.field, m.orgName, m.responsibleOrgName, m.movementTitle, vi(`web.models.stage.${m.stage}`),
      day(m.discoveredOn), day(m.recognisedOn), m.decisionNumber, day(m.followUp.nextOn), m.activeReplications, day(m.closedOn), m.closedReason,
    ]);

  it('has the list’s rows for the same filter; scope; no role 403; signed out 401; a bad filter 400', async () => {
    const officer = await as('huyen.tdkt');
    for (const q of ['', 'q=lop hoc xanh', 'stage=DISCOVERED&kind=PERSON', `orgId=${w.orgs.cdcsA.id}&overdue=true`]) {
      const items = await listAll<ModelSummaryDto>(officer, `/api/v1/models?${encodeURI(q)}`);
      const x = await exported(officer, `/api/v1/models/export.xlsx?${encodeURI(q)}`);
      expect(x.rows).toEqual(expected(items));
    }
    const x = await exported(officer, `/api/v1/models/export.xlsx?stage=DISCOVERED&orgId=${w.orgs.cdcsA.id}`);
    // Newest discovery first, then the later entry first (the list's order).
    expect(x.rows.map((r) => [r[0], r[8]])).toEqual([['Cô giáo Nguyễn Thị Ánh – lớp học xanh', today], ['Thầy giáo Nguyễn Văn An – dạy học sáng tạo', today]]);
    expect(x.title).toBe('Danh sách mô hình, điển hình tiên tiến');
    expect(x.lines.slice(0, 2)).toEqual(['Đơn vị: Công đoàn cơ sở Trường THCS Phước Minh', `Lọc theo – Giai đoạn: ${vi('web.models.stage.DISCOVERED')}`]);
    const b = await as('cdcs.b');
    const rows = (await exported(b, '/api/v1/models/export.xlsx')).rows;
    expect(rows).toEqual(expected(await listAll(b, '/api/v1/models')));
    expect(rows).toEqual([]);
    await noRoleIsForbidden('models');
    await refusesLikeTheList(officer, 'models', 'stage=KHAC');
  });
});

const ADMIN = { roles: [{ role: 'SYSTEM_ADMIN' as const, orgId: 1, orgPath: '/1/', orgName: 'TLĐ' }] } as unknown as Parameters<typeof allRowsOf>[0];

describe('the row cap', () => {
  it('refuses a list longer than the cap with its count, in Vietnamese', async () => {
    const list = (paging: { page: number; pageSize: number }) => Promise.resolve({ items: Array.from({ length: Math.min(paging.pageSize, 1234) }, (_, i) => i), total: 1234 });
    await expect(allRowsOf(ADMIN, list, 1233)).rejects.toMatchObject({ code: 'VALIDATION', messageKey: 'listExport.tooMany', params: { count: '1.234', max: '1.233' } });
    await expect(allRowsOf(ADMIN, list, 1234)).resolves.toHaveLength(1234);
    const err = await allRowsOf(ADMIN, list, 10).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(t('vi', (err as AppError).messageKey, (err as AppError).params)).toBe('Danh sách có 1.234 dòng, nhiều hơn 10 dòng của một lần xuất. Hãy lọc bớt (theo đơn vị, trạng thái…) rồi xuất lại.');
  });
});
