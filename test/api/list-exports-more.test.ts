// "Xuất Excel" of the remaining lists (issue 10, second batch): the audit log, good-people proposals,
// emulation plans, ceremonies, consultations and compliance requests. As in list-exports.test.ts,
// each export's rows equal the list's rows for the same filter (all pages joined), with title, filter
// lines, header and typed cells; scope as the list; no role 403; signed out 401; a bad filter 400.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestEnv } from '../support/app';
import { createUser, loginAs, smallWorld, type Client } from '../factories';
import { insertToCouncil } from '../support/councils';
import { exported, listAll, type Value } from '../support/list-exports';
import { todayInVietnam } from '../../src/server/modules/imports/xlsx';
import { changedFields } from '../../src/server/modules/audit/audit-export';
import { t } from '../../src/contracts/messages';
import type { AuditItem } from '../../src/contracts/audit';
import type { ProposalSummaryDto } from '../../src/contracts/proposals';
import type { PlanDto } from '../../src/contracts/plans';
import type { CeremonySummaryDto } from '../../src/contracts/ceremonies';
import type { ConsultationSummaryDto } from '../../src/contracts/consultations';
import type { RequestDto } from '../../src/contracts/cascade';

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

const as = (user: string) => loginAs(env.app, user);
const vi = (key: string) => t('vi', key);
const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : null);

/** For each query, the export's rows are the list's rows (all pages joined) mapped by `expected`. */
async function sameAsList<T>(c: Client, list: string, queries: readonly string[], expected: (items: T[]) => Value[][]) {
  for (const q of queries) {
    const items = await listAll<T>(c, `/api/v1/${list}?${encodeURI(q)}`);
    const x = await exported(c, `/api/v1/${list}/export.xlsx?${encodeURI(q)}`);
    expect(x.rows, q).toEqual(expected(items));
  }
}

/** The export answers what the list answers (status and message) for this user and query. */
async function refusedLikeTheList(c: Client, list: string, query: string, status: number) {
  const [listRes, exportRes] = await Promise.all([c.get(`/api/v1/${list}?${query}`), c.get(`/api/v1/${list}/export.xlsx?${query}`)]);
  expect(listRes.statusCode).toBe(status);
  expect(exportRes.statusCode).toBe(status);
  expect(exportRes.json<{ message: string }>().message).toBe(listRes.json<{ message: string }>().message);
}

/** Signed out 401; a user without any role 403; a bad filter 400 with the list's own Vietnamese message. */
async function refusesLikeTheList(c: Client, list: string, badQuery: string) {
  expect((await env.app.inject({ method: 'GET', url: `/api/v1/${list}/export.xlsx` })).statusCode).toBe(401);
  const noRole = await (await as('khongvaitro')).get(`/api/v1/${list}/export.xlsx`);
  expect(noRole.statusCode).toBe(403);
  expect(noRole.json<{ message: string }>().message).toBe(vi('error.FORBIDDEN'));
  await refusedLikeTheList(c, list, badQuery, 400);
  expect((await c.get(`/api/v1/${list}/export.xlsx?${badQuery}`)).json<{ message: string }>().message).toBe(vi('error.VALIDATION'));
}

describe('audit log export', () => {
  beforeAll(async () => {
    // A few events at the district and at a grassroots unit, and one at the province.
    await createUser(env.database.db, 'qt.huyen', [{ role: 'SYSTEM_ADMIN', org: w.orgs.huyen }]);
    const draft = { summary: 'Hai mươi năm bám trường, đưa học trò vùng cao đến lớp.', body: 'Mỗi sáng đi bộ mười cây số đến trường.' };
    for (const [user, orgId, title] of [['huyen.tdkt', w.orgs.huyen.id, 'Thầy giáo Nguyễn Văn An: hai mươi năm gieo chữ'], ['cdcs.a', w.orgs.cdcsA.id, 'Cô giáo Nguyễn Thị Ánh: lớp học xanh']] as const) {
      const res = await (await as(user)).post('/api/v1/stories', { ...draft, subjectKind: 'PERSON', title, orgId, personId: w.persons.an });
      expect(res.statusCode, res.body).toBe(201);
    }
  });

  // The time of day in Vietnam (UTC+7, no daylight saving), worked out apart from the export's formatter.
  const vnClock = (iso: string) => new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString();
  const expected = (items: AuditItem[]) =>
    items.map((a) => [
      vnClock(a.occurredAt).slice(0, 10), vnClock(a.occurredAt).slice(11, 19), a.actorName ?? (a.actorId ? `#${a.actorId}` : vi('web.common.system')), a.actorId, a.orgName,
      a.action, a.entityType, a.entityId, changedFields(a.before, a.after) || null, a.id, a.hash,
    ]);

  it('has the log’s rows for the same filter, in its order, with title, filters, header and typed cells', async () => {
    const admin = await as('admin');
    const stories = (await listAll<AuditItem>(admin, `/api/v1/audit?entityType=story`));
    expect(stories.length).toBeGreaterThanOrEqual(2);
    const atA = stories.find((s) => s.orgId === w.orgs.cdcsA.id)!;
    await sameAsList(admin, 'audit', ['', `orgId=${w.orgs.huyen.id}`, 'entityType=story', `from=${today}&to=${today}`, `userId=${atA.actorId}`, 'from=2001-01-01&to=2001-12-31'], expected);
    const x = await exported(admin, `/api/v1/audit/export.xlsx?orgId=${w.orgs.cdcsA.id}&entityType=story&from=${today}`);
    expect(x.rows).toHaveLength(1);
    expect(x.rows[0]!.slice(2, 8)).toEqual([atA.actorName, atA.actorId, 'Công đoàn cơ sở Trường THCS Phước Minh', atA.action, 'story', atA.entityId]);
    expect(x.rows[0]![0]).toBe(today);
    expect(String(x.rows[0]![8])).toContain('title');
    expect(x.title).toBe('Nhật ký thao tác');
    expect(x.lines).toEqual(['Đơn vị: Công đoàn cơ sở Trường THCS Phước Minh', `Lọc theo – Từ ngày: ${vnToday}; Loại đối tượng: story`, `Số liệu lấy ngày ${vnToday}`]);
    expect(x.header).toEqual(['STT', 'Ngày', 'Giờ', 'Người thực hiện', 'Mã người dùng', 'Đơn vị', 'Thao tác', 'Loại đối tượng', 'Mã đối tượng', 'Trường thay đổi', 'Số sự kiện', 'Mã kiểm tra (hash)']);
    expect(x.dateColumns).toEqual(new Set([2]));
    expect(x.numFmts.get(2)).toBe('dd/mm/yyyy');
    expect(x.numFmts.get(5)).toBe('0');
    // Events without a unit are in the root administrator's file, as in the log.
    expect((await exported(admin, '/api/v1/audit/export.xlsx')).rows.some((r) => r[4] === null)).toBe(true);
  });

  it('keeps the log’s rules: a district administrator sees the district only; other roles and out of scope refused as the list; signed out 401; a bad filter 400', async () => {
    const district = await as('qt.huyen');
    await sameAsList(district, 'audit', ['', `orgId=${w.orgs.cdcsA.id}`], expected);
    const rows = (await exported(district, '/api/v1/audit/export.xlsx')).rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r[4] !== null && r[4] !== 'Liên đoàn Lao động tỉnh Tây Ninh')).toBe(true);
    await refusedLikeTheList(district, 'audit', `orgId=${w.orgs.tinh.id}`, 404);
    await refusedLikeTheList(await as('huyen.tdkt'), 'audit', '', 403);
    await refusesLikeTheList(await as('admin'), 'audit', 'from=2026-13-40');
  });

  it('names the changed fields: all of them on a creation, the differing ones on an edit', () => {
    expect(changedFields(null, { title: 'A', status: 'DRAFT' })).toBe('title, status');
    expect(changedFields({ title: 'A', status: 'DRAFT', n: [1] }, { title: 'A', status: 'PUBLISHED', n: [1] })).toBe('status');
    expect(changedFields(null, null)).toBe('');
  });
});

describe('good-people proposals export', () => {
  const story = 'Chị Cúc hiến máu tình nguyện mười lần và vận động cả tổ cùng tham gia.';
  beforeAll(async () => {
    const member = await as('doanvien');
    for (const subjectName of ['Trần Thị Cúc', 'Đặng Văn Bình']) {
      const res = await member.post('/api/v1/good-deeds', { subjectName, subjectUnit: 'Tổ Toán – Tin', proposerContact: '0912 345 678', story });
      expect(res.statusCode, res.body).toBe(201);
    }
    const officer = await as('cdcs.a');
    const [first] = await listAll<ProposalSummaryDto>(officer, '/api/v1/good-deeds?status=RECEIVED');
    const declined = await officer.post(`/api/v1/good-deeds/${first!.id}/decline`, { version: first!.version, reason: 'Không đủ thông tin để xác minh.' });
    expect(declined.statusCode, declined.body).toBe(200);
  });

  const expected = (items: ProposalSummaryDto[]) =>
    items.map((p) => [
      p.referenceCode, p.subjectName, p.subjectUnit, p.person?.name ?? null, p.orgName, p.proposer.name, p.proposer.contact, vi(`web.proposals.channel.${p.channel}`),
      day(p.receivedOn), vi(`web.proposals.status.${p.status}`), day(p.reviewedAt), p.reviewNote,
    ]);

  it('has the list’s rows for the same filter, in its order, with title, filters, header and typed cells', async () => {
    const officer = await as('cdcs.a');
    await sameAsList(officer, 'good-deeds', ['', 'status=DECLINED', `orgId=${w.orgs.cdcsA.id}&status=RECEIVED`, `orgId=${w.orgs.cdcsB.id}`], expected);
    const x = await exported(officer, `/api/v1/good-deeds/export.xlsx?orgId=${w.orgs.cdcsA.id}&status=DECLINED`);
    expect(x.rows).toHaveLength(1);
    expect(x.rows[0]!.slice(1, 3)).toEqual(['Đặng Văn Bình', 'Tổ Toán – Tin']);
    expect(x.rows[0]![6]).toBe('0912 345 678');
    expect(x.rows[0]![8]).toBe(today);
    expect(x.rows[0]!.slice(9)).toEqual([vi('web.proposals.status.DECLINED'), today, 'Không đủ thông tin để xác minh.']);
    expect(x.title).toBe('Danh sách đề xuất "Người tốt, việc tốt"');
    expect(x.lines).toEqual(['Đơn vị: Công đoàn cơ sở Trường THCS Phước Minh', `Lọc theo – Trạng thái: ${vi('web.proposals.status.DECLINED')}`, `Số liệu lấy ngày ${vnToday}`]);
    expect(x.header).toEqual(['STT', 'Mã đề xuất', 'Người được đề xuất', 'Đơn vị công tác', 'Đoàn viên trong hệ thống', 'Đơn vị tiếp nhận', 'Người đề xuất', 'Liên hệ người đề xuất', 'Kênh gửi', 'Ngày nhận', 'Trạng thái', 'Ngày xem xét', 'Ghi chú xem xét']);
    expect(x.dateColumns).toEqual(new Set([10, 12]));
    expect(x.numFmts.get(10)).toBe('dd/mm/yyyy');
    expect(JSON.stringify(x.rows)).not.toContain('hiến máu');
  });

  it('keeps the list’s scope and its hiding of the contact; no role 403; signed out 401; a bad filter 400', async () => {
    const viewer = await as('xem');
    await sameAsList(viewer, 'good-deeds', [''], expected);
    const seen = (await exported(viewer, '/api/v1/good-deeds/export.xlsx')).rows;
    expect(seen).toHaveLength(2);
    expect(seen.map((r) => r[6])).toEqual([null, null]);
    const b = await as('cdcs.b');
    expect((await exported(b, '/api/v1/good-deeds/export.xlsx')).rows).toEqual([]);
    expect(await listAll(b, '/api/v1/good-deeds')).toEqual([]);
    await refusesLikeTheList(await as('cdcs.a'), 'good-deeds', 'status=KHAC');
  });
});

/** A district plan drafted by its officer. */
async function draftPlan(title: string, year = 2024): Promise<PlanDto> {
  const res = await (await as('huyen.tdkt')).post('/api/v1/plans', {
    orgId: w.orgs.huyen.id, year, title, theme: 'Điều hành linh hoạt, chủ động kịp thời', place: 'Huyện DMC',
    basis: [{ text: 'Thực hiện Kế hoạch số 47/KH-LĐLĐ, ngày 28/02/2024 của Ban Thường vụ Liên đoàn Lao động tỉnh;' }],
    blocks: [{ kind: 'HEADING_1', text: 'I. MỤC ĐÍCH, YÊU CẦU' }, { kind: 'PARAGRAPH', text: 'Phát động các phong trào thi đua yêu nước.' }],
    signer: { onBehalf: 'TM. BAN THƯỜNG VỤ', position: 'PHÓ CHỦ TỊCH', name: 'Nguyễn Văn Bình' },
    recipients: [{ orgId: w.orgs.tinh.id, text: 'TT LĐLĐ tỉnh' }, { text: 'Lưu: VP' }],
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<PlanDto>();
}

async function issuePlan(plan: PlanDto, issuedOn: string, request?: Record<string, unknown>) {
  const res = await (await as('huyen.tdkt')).post(`/api/v1/plans/${plan.id}/issue`, { version: plan.version, issuedOn, request });
  expect(res.statusCode, res.body).toBe(200);
}

describe('plans export', () => {
  beforeAll(async () => {
    const drafts = [];
    for (const title of ['Kế hoạch thực hiện phong trào thi đua năm 2024', 'Kế hoạch tổ chức Tháng Công nhân năm 2024']) drafts.push(await draftPlan(title));
    await issuePlan(drafts[0]!, '2024-03-05');
  });

  const expected = (items: PlanDto[]) =>
    items.map((p) => [
      p.status === 'DRAFT' ? vi('web.plans.status.DRAFT') : p.numberLine.replace('Số: ', ''), day(p.issuedOn), p.title, p.theme, p.orgName, p.year, vi(`web.plans.status.${p.status}`),
      p.place, p.signer.name, p.signer.position, p.basis.length, p.recipients.map((r) => r.text).join('; '),
    ]);

  it('has the list’s rows for the same filter, in its order, with title, filters, header and typed cells', async () => {
    const officer = await as('huyen.tdkt');
    await sameAsList(officer, 'plans', ['', 'year=2024&status=ISSUED', 'status=DRAFT', `orgId=${w.orgs.huyen.id}`, 'year=2001'], expected);
    const x = await exported(officer, '/api/v1/plans/export.xlsx?year=2024&status=ISSUED');
    expect(x.rows).toEqual([['01/KH-LĐLĐ', '2024-03-05', 'Kế hoạch thực hiện phong trào thi đua năm 2024', 'Điều hành linh hoạt, chủ động kịp thời', 'Liên đoàn Lao động huyện DMC', 2024, 'Đã ban hành', 'Huyện DMC', 'Nguyễn Văn Bình', 'PHÓ CHỦ TỊCH', 1, 'TT LĐLĐ tỉnh; Lưu: VP']]);
    expect(x.title).toBe('Danh sách kế hoạch thi đua, khen thưởng');
    expect(x.lines).toEqual(['Đơn vị: tất cả đơn vị trong phạm vi của người xuất', 'Lọc theo – Năm: 2024; Trạng thái: Đã ban hành', `Số liệu lấy ngày ${vnToday}`]);
    expect(x.header).toEqual(['STT', 'Số, ký hiệu', 'Ngày ban hành', 'Trích yếu', 'Chủ đề', 'Đơn vị ban hành', 'Năm', 'Trạng thái', 'Địa danh', 'Người ký', 'Chức vụ người ký', 'Số căn cứ', 'Nơi nhận']);
    expect(x.dateColumns).toEqual(new Set([3]));
    expect(x.numFmts.get(3)).toBe('dd/mm/yyyy');
    expect(x.numFmts.get(7)).toBe('0');
    expect(JSON.stringify(x.rows)).not.toContain('Phát động');
  });

  it('keeps the list’s scope: a unit below reads its superior’s issued plans only; no role 403; signed out 401; a bad filter 400', async () => {
    const a = await as('cdcs.a');
    await sameAsList(a, 'plans', ['', `orgId=${w.orgs.huyen.id}`, `orgId=${w.orgs.huyen.id}&status=DRAFT`], expected);
    expect((await exported(a, `/api/v1/plans/export.xlsx?orgId=${w.orgs.huyen.id}`)).rows.map((r) => r[6])).toEqual(['Đã ban hành']);
    expect((await exported(a, `/api/v1/plans/export.xlsx?orgId=${w.orgs.huyen.id}&status=DRAFT`)).rows).toEqual([]);
    await refusesLikeTheList(await as('huyen.tdkt'), 'plans', 'year=1990');
  });
});

describe('ceremonies export', () => {
  beforeAll(async () => {
    const officer = await as('huyen.tdkt');
    const place = 'Hội trường Liên đoàn Lao động huyện';
    // 17:30 UTC is 00:30 the next day in Vietnam: the file gives the day of the ceremony there.
    for (const [title, heldAt] of [['Lễ tổng kết phong trào thi đua năm 2026', '2027-01-15T01:00:00.000Z'], ['Lễ trao Bằng khen đầu năm', '2027-01-14T17:30:00.000Z']]) {
      const res = await officer.post('/api/v1/ceremonies', { orgId: w.orgs.huyen.id, title, heldAt, place });
      expect(res.statusCode, res.body).toBe(201);
    }
    const [second] = (await listAll<CeremonySummaryDto>(officer, '/api/v1/ceremonies')).filter((c) => c.title === 'Lễ trao Bằng khen đầu năm');
    const cancelled = await officer.post(`/api/v1/ceremonies/${second!.id}/cancel`, { version: second!.version, reason: 'Gộp vào lễ tổng kết chung của huyện.' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
  });

  const vnClock = (iso: string) => new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString();
  const expected = (items: CeremonySummaryDto[]) =>
    items.map((c) => [
      c.title, vnClock(c.heldAt).slice(0, 10), vnClock(c.heldAt).slice(11, 16), c.place, c.orgName, vi(`web.ceremonies.status.${c.status}`),
      c.counts.total, c.counts.groups, c.counts.received, c.counts.proxy, c.counts.absent, c.counts.pending, c.counts.revoked, c.cancelledReason,
    ]);

  it('has the list’s rows for the same filter, in its order, with title, filters, header and typed cells', async () => {
    const officer = await as('huyen.tdkt');
    await sameAsList(officer, 'ceremonies', ['', 'status=CANCELLED', `orgId=${w.orgs.huyen.id}&status=PLANNED`, `orgId=${w.orgs.cdcsA.id}`], expected);
    const x = await exported(officer, `/api/v1/ceremonies/export.xlsx?orgId=${w.orgs.huyen.id}`);
    expect(x.rows.map((r) => r.slice(0, 3))).toEqual(
      expect.arrayContaining([['Lễ tổng kết phong trào thi đua năm 2026', '2027-01-15', '08:00'], ['Lễ trao Bằng khen đầu năm', '2027-01-15', '00:30']]),
    );
    const cancelled = await exported(officer, '/api/v1/ceremonies/export.xlsx?status=CANCELLED');
    expect(cancelled.rows.map((r) => [r[5], r[13]])).toEqual([['Đã hủy', 'Gộp vào lễ tổng kết chung của huyện.']]);
    expect(cancelled.title).toBe('Danh sách lễ trao tặng khen thưởng');
    expect(cancelled.lines).toEqual(['Đơn vị: tất cả đơn vị trong phạm vi của người xuất', 'Lọc theo – Trạng thái: Đã hủy', `Số liệu lấy ngày ${vnToday}`]);
    expect(cancelled.header).toEqual(['STT', 'Tên buổi lễ', 'Ngày tổ chức', 'Giờ bắt đầu', 'Địa điểm', 'Đơn vị tổ chức', 'Trạng thái', 'Số người nhận', 'Số đợt', 'Đã nhận', 'Nhận thay', 'Vắng', 'Chưa điểm danh', 'Đã thu hồi', 'Lý do hủy']);
    expect(cancelled.dateColumns).toEqual(new Set([3]));
    expect(cancelled.numFmts.get(3)).toBe('dd/mm/yyyy');
    expect(cancelled.numFmts.get(8)).toBe('0');
  });

  it('keeps the list’s scope; no role 403; signed out 401; a bad filter 400', async () => {
    await sameAsList(await as('xem'), 'ceremonies', [''], expected);
    const a = await as('cdcs.a');
    expect((await exported(a, '/api/v1/ceremonies/export.xlsx')).rows).toEqual([]);
    expect(await listAll(a, '/api/v1/ceremonies')).toEqual([]);
    await refusesLikeTheList(await as('huyen.tdkt'), 'ceremonies', 'status=KHAC');
  });
});

describe('consultations export', () => {
  beforeAll(async () => {
    const officer = await as('huyen.tdkt');
    const ids = await insertToCouncil(env.database.db, w.orgs.huyen, [
      { personId: w.persons.an, unit: w.orgs.cdcsA, name: 'Nguyễn Văn An', awardCode: 'LDTT' },
      { personId: w.persons.dang, unit: w.orgs.cdcsB, name: 'Đặng Văn Bình', awardCode: 'LDTT' },
    ], 2032);
    const published = [];
    for (const [title, nominationId] of [['Lấy ý kiến về danh sách đề nghị khen thưởng năm 2032', ids[0]!], ['Lấy ý kiến bổ sung', ids[1]!]] as const) {
      const res = await officer.post('/api/v1/consultations', { orgId: w.orgs.huyen.id, title, items: [{ nominationId, publicSummary: 'Giáo viên dạy giỏi cấp tỉnh; 3 sáng kiến được công nhận.' }] });
      expect(res.statusCode, res.body).toBe(201);
      published.push(res.json<{ id: number }>().id);
    }
    const withdrawn = await officer.post(`/api/v1/consultations/${published[1]}/withdraw`, { reason: 'Đăng nhầm danh sách.' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
  });

  const expected = (items: ConsultationSummaryDto[]) =>
    items.map((c) => [
      c.title, c.orgName, day(c.startsOn), day(c.endsOn), c.workingDays, vi(`web.consultations.phase.${c.phase}`), c.itemCount,
      c.feedback.NEW, c.feedback.RELEVANT, c.feedback.DISMISSED, c.withdrawnReason, day(c.createdAt),
    ]);

  it('has the list’s rows for the same filter, in its order, with title, filters, header and typed cells', async () => {
    const officer = await as('huyen.tdkt');
    await sameAsList(officer, 'consultations', ['', `orgId=${w.orgs.huyen.id}`, `orgId=${w.orgs.cdcsA.id}`], expected);
    const x = await exported(officer, `/api/v1/consultations/export.xlsx?orgId=${w.orgs.huyen.id}`);
    // Newest first, as the list.
    expect(x.rows.map((r) => [r[0], r[2], r[4], r[5], r[6], r[10]])).toEqual([
      ['Lấy ý kiến bổ sung', today, 10, 'Đã thu hồi', 1, 'Đăng nhầm danh sách.'],
      ['Lấy ý kiến về danh sách đề nghị khen thưởng năm 2032', today, 10, 'Đang lấy ý kiến', 1, null],
    ]);
    expect(x.title).toBe('Danh sách công khai, lấy ý kiến về khen thưởng');
    expect(x.lines).toEqual(['Đơn vị: Liên đoàn Lao động huyện DMC', 'Không lọc thêm', `Số liệu lấy ngày ${vnToday}`]);
    expect(x.header).toEqual(['STT', 'Tiêu đề', 'Đơn vị công khai', 'Ngày bắt đầu', 'Ngày kết thúc', 'Số ngày làm việc', 'Tình trạng', 'Số đề nghị', 'Ý kiến chưa xử lý', 'Ý kiến đã xử lý', 'Ý kiến không xem xét', 'Lý do thu hồi', 'Ngày đăng']);
    expect(x.dateColumns).toEqual(new Set([4, 5, 13]));
    expect(x.numFmts.get(4)).toBe('dd/mm/yyyy');
    expect(x.numFmts.get(6)).toBe('0');
  });

  it('keeps the list’s scope; no role 403; signed out 401; a bad filter 400', async () => {
    const a = await as('cdcs.a');
    await sameAsList(a, 'consultations', [''], expected);
    await refusesLikeTheList(await as('huyen.tdkt'), 'consultations', 'orgId=abc');
  });
});

describe('compliance requests export', () => {
  beforeAll(async () => {
    await issuePlan(await draftPlan('Kế hoạch hưởng ứng phong trào thi đua năm 2025', 2025), '2025-03-07', { responseKind: 'PLAN', deadline: '2099-04-15' });
    await issuePlan(await draftPlan('Kế hoạch đăng ký thi đua năm 2025', 2025), '2025-03-08', { responseKind: 'REGISTRATION', deadline: '2099-01-01', targetOrgIds: [w.orgs.cdcsB.id] });
  });

  const expected = (items: RequestDto[]) =>
    items.map((r) => [
      r.title, vi(`listExport.requests.source.${r.sourceType}`), r.issuerName, r.year, vi(`web.cascade.requests.kind.${r.responseKind}`), day(r.createdAt), day(r.deadline),
      r.summary.total, r.summary.onTime, r.summary.late, r.summary.missing, r.summary.pending,
    ]);

  it('has the list’s rows for the same filter, in its order, with title, filters, header and typed cells', async () => {
    const officer = await as('huyen.tdkt');
    await sameAsList(officer, 'requests', ['', 'year=2025', `orgId=${w.orgs.huyen.id}&year=2025`, 'year=2001'], expected);
    const x = await exported(officer, `/api/v1/requests/export.xlsx?orgId=${w.orgs.huyen.id}&year=2025`);
    expect(x.rows.map((r) => [r[0], r[1], r[4], r[6], r[7], r[11]])).toEqual([
      ['Kế hoạch đăng ký thi đua năm 2025', 'Kế hoạch', vi('web.cascade.requests.kind.REGISTRATION'), '2099-01-01', 1, 1],
      ['Kế hoạch hưởng ứng phong trào thi đua năm 2025', 'Kế hoạch', vi('web.cascade.requests.kind.PLAN'), '2099-04-15', 2, 2],
    ]);
    expect(x.title).toBe('Danh sách yêu cầu đơn vị trực thuộc thực hiện');
    expect(x.lines).toEqual(['Đơn vị: Liên đoàn Lao động huyện DMC', 'Lọc theo – Năm: 2025', `Số liệu lấy ngày ${vnToday}`]);
    expect(x.header).toEqual(['STT', 'Yêu cầu', 'Văn bản gốc', 'Đơn vị ban hành', 'Năm', 'Hình thức trả lời', 'Ngày yêu cầu', 'Hạn trả lời', 'Đơn vị phải thực hiện', 'Đúng hạn', 'Trễ hạn', 'Chưa nộp (quá hạn)', 'Chưa đến hạn']);
    expect(x.dateColumns).toEqual(new Set([7, 8]));
    expect(x.numFmts.get(8)).toBe('dd/mm/yyyy');
    expect(x.numFmts.get(9)).toBe('0');
  });

  it('keeps the list’s scope; no role 403; signed out 401; a bad filter 400', async () => {
    for (const user of ['cdcs.a', 'cdcs.b', 'xem']) await sameAsList(await as(user), 'requests', [''], expected);
    await refusesLikeTheList(await as('huyen.tdkt'), 'requests', 'year=1990');
  });
});
