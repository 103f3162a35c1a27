// Award ceremonies: planned from signed decisions of the organisation and its ancestors, recipients
// limited to its subtree, grouped and ordered with presenters, attendance (a proxy needs a name, a
// revoked line cannot be received), optimistic versions, permissions, printouts and the workbook.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { readSheet } from '../support/xlsx';
import { startTestApp, type TestEnv } from '../support/app';
import { createOrg, createPerson, createUser, loginAs, smallWorld, type OrgRef } from '../factories';
import { auditEvents } from '../support/achievements';
import { insertToCouncil, type Nominee } from '../support/councils';
import type { DecisionDto } from '../../src/contracts/decisions';
import type { CeremonyDto, CeremonySummaryDto } from '../../src/contracts/ceremonies';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
let otherDistrict: OrgRef;
let otherPerson: number;
/** Decisions: the district's (signed), the province's (signed, one line elsewhere), a draft, a sibling district's. */
const d = { district: 0, province: 0, draft: 0, sibling: 0, revoked: 0 };

const db = () => env.database.db;
const as = (user: string) => loginAs(env.app, user);
const message = (res: { json: <T>() => T }) => res.json<{ message: string }>().message;
const docText = async (buf: Buffer) => (await (await JSZip.loadAsync(buf)).file('word/document.xml')!.async('string')).replace(/<w:tab\/>/g, ' ').replace(/<[^>]+>/g, '');

/** A decision of `org` from nominations passed by its council, signed on 01/10/2026 unless `draft`. */
async function decision(org: OrgRef, officer: string, nominees: Nominee[], draft = false): Promise<number> {
  const ids = await insertToCouncil(db(), org, nominees, 2026);
  await db().execute(sql`update nomination set status = 'COUNCIL_PASSED' where id = any(${sql.param(ids)}::bigint[])`);
  const client = await as(officer);
  const res = await client.post('/api/v1/decisions', { orgId: org.id, nominationIds: ids });
  expect(res.statusCode, res.body).toBe(201);
  const created = res.json<DecisionDto>();
  if (draft) return created.id;
  const signed = await client.post(`/api/v1/decisions/${created.id}/sign`, { version: created.version, signedOn: '2026-10-01' });
  expect(signed.statusCode, signed.body).toBe(200);
  return created.id;
}

beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(env.database.db);
  otherDistrict = await createOrg(db(), { code: 'TBI', name: 'Liên đoàn Lao động huyện Tân Biên', kind: 'LDLD_HUYEN', parent: w.orgs.tinh });
  const otherUnit = await createOrg(db(), { code: 'TBI-A', name: 'Công đoàn cơ sở Trường THPT Tân Biên', kind: 'CDCS', parent: otherDistrict });
  otherPerson = await createPerson(db(), otherUnit, { fullName: 'Lê Văn Đông' });
  await createUser(db(), 'tinh.tdkt', [{ role: 'TDKT_OFFICER', org: w.orgs.tinh }]);
  await createUser(db(), 'tbi.tdkt', [{ role: 'TDKT_OFFICER', org: otherDistrict }]);
  d.district = await decision(w.orgs.huyen, 'huyen.tdkt', [
    { personId: w.persons.an, unit: w.orgs.cdcsA, name: 'Nguyễn Văn An', awardCode: 'CSTD_CS' },
    { personId: w.persons.anh, unit: w.orgs.cdcsA, name: 'Nguyễn Thị Ánh', awardCode: 'LDTT' },
    { personId: w.persons.tran, unit: w.orgs.cdcsB, name: 'Trần Thị Cúc', awardCode: 'LDTT' },
    { org: w.orgs.cdcsB, unit: w.orgs.cdcsB, name: 'Công đoàn cơ sở Công ty TNHH Sợi Thế Kỷ', awardCode: 'TTLDTT' },
  ]);
  d.province = await decision(w.orgs.tinh, 'tinh.tdkt', [
    { personId: w.persons.dang, unit: w.orgs.cdcsB, name: 'Đặng Văn Bình', awardCode: 'BK_LDLD' },
    { personId: otherPerson, unit: otherUnit, name: 'Lê Văn Đông', awardCode: 'BK_LDLD' },
  ]);
  d.draft = await decision(w.orgs.huyen, 'huyen.tdkt', [{ personId: w.persons.dang, unit: w.orgs.cdcsB, name: 'Đặng Văn Bình', awardCode: 'CSTD_CS' }], true);
  d.sibling = await decision(otherDistrict, 'tbi.tdkt', [{ personId: otherPerson, unit: otherUnit, name: 'Lê Văn Đông', awardCode: 'LDTT' }]);
  d.revoked = await decision(w.orgs.huyen, 'huyen.tdkt', [{ personId: w.persons.tran, unit: w.orgs.cdcsB, name: 'Trần Thị Cúc', awardCode: 'CSTD_CS' }]);
  const revoked = await (await as('huyen.tdkt')).post(`/api/v1/decisions/${d.revoked}/revoke`, { reason: 'Quyết định ban hành sai đối tượng.', revokingDecision: 'Quyết định số 03/QĐ-LĐLĐ', revokedOn: '2026-10-02' });
  expect(revoked.statusCode, revoked.body).toBe(200);
});
afterAll(() => env.close());

const plan = (extra: Record<string, unknown> = {}) => ({
  orgId: w.orgs.huyen.id,
  title: 'Lễ tổng kết phong trào thi đua và trao tặng khen thưởng năm 2026',
  heldAt: '2027-01-15T01:00:00.000Z',
  place: 'Hội trường Liên đoàn Lao động huyện',
  ...extra,
});

let ceremony: CeremonyDto;
const byName = (c: CeremonyDto, name: string) => c.recipients.find((r) => r.subjectName === name)!;

describe('planning', () => {
  it('plans from the district’s and the province’s signed decisions: only the subtree’s lines, grouped by award then unit', async () => {
    const officer = await as('huyen.tdkt');
    const options = await officer.get(`/api/v1/ceremonies/decision-options?orgId=${w.orgs.huyen.id}`);
    expect(options.statusCode).toBe(200);
    // The province's decision is offered (with its one line in the district); the draft and the sibling's are not.
    expect(options.json<{ id: number; lineCount: number }[]>().map((o) => [o.id, o.lineCount]).sort()).toEqual([[d.district, 4], [d.province, 1]].sort());
    const res = await officer.post('/api/v1/ceremonies', plan({ decisionIds: [d.district, d.province], groupSize: 1 }));
    expect(res.statusCode, res.body).toBe(201);
    ceremony = res.json<CeremonyDto>();
    expect(ceremony).toMatchObject({ status: 'PLANNED', orgName: 'Liên đoàn Lao động huyện DMC', abilities: ['ceremony.update', 'ceremony.attendance', 'ceremony.hold', 'ceremony.cancel'] });
    expect(ceremony.programme).toHaveLength(6);
    expect(ceremony.programme[0]!.item).toBe('Tuyên bố lý do, giới thiệu đại biểu');
    // Lê Văn Đông (another district) is on the province's decision but not called at this ceremony.
    expect(ceremony.recipients.map((r) => r.subjectName).sort()).toEqual(['Công đoàn cơ sở Công ty TNHH Sợi Thế Kỷ', 'Nguyễn Thị Ánh', 'Nguyễn Văn An', 'Trần Thị Cúc', 'Đặng Văn Bình'].sort());
    expect(ceremony.decisions.map((x) => x.id).sort()).toEqual([d.district, d.province].sort());
    // Groups never mix awards; within an award, by unit (Công đoàn cơ sở Công ty … before Trường …).
    const groups = new Map<number, Set<string>>();
    for (const r of ceremony.recipients) groups.set(r.groupNo, (groups.get(r.groupNo) ?? new Set()).add(r.awardCode));
    expect([...groups.values()].every((s) => s.size === 1)).toBe(true);
    const ldtt = ceremony.recipients.filter((r) => r.awardCode === 'LDTT').map((r) => r.subjectName);
    expect(ldtt).toEqual(['Trần Thị Cúc', 'Nguyễn Thị Ánh']);
    expect(ceremony.recipients.map((r) => r.position)).toEqual([1, 2, 3, 4, 5]);
    expect(ceremony.counts).toMatchObject({ total: 5, pending: 5, groups: 5 });
    expect(await auditEvents(db(), 'ceremony.create', ceremony.id)).toHaveLength(1);
  });

  it('refuses a draft, a revoked decision and one of another district with a clear message, and changes nothing', async () => {
    const officer = await as('huyen.tdkt');
    const draft = await officer.put(`/api/v1/ceremonies/${ceremony.id}/decisions`, { version: ceremony.version, decisionIds: [d.district, d.draft] });
    expect(draft.statusCode).toBe(400);
    expect(message(draft)).toMatch(/^Chỉ trao tặng theo quyết định đã ký và còn hiệu lực; quyết định sau là dự thảo hoặc đã bị thu hồi: #\d+\.$/);
    const revoked = await officer.put(`/api/v1/ceremonies/${ceremony.id}/decisions`, { version: ceremony.version, decisionIds: [d.revoked] });
    expect(revoked.statusCode).toBe(400);
    expect(message(revoked)).toMatch(/dự thảo hoặc đã bị thu hồi: 02\/QĐ-LĐLĐ\.$/);
    const sibling = await officer.put(`/api/v1/ceremonies/${ceremony.id}/decisions`, { version: ceremony.version, decisionIds: [d.sibling] });
    expect(sibling.statusCode).toBe(400);
    expect(message(sibling)).toMatch(/^Quyết định sau không do đơn vị tổ chức lễ hoặc cấp trên của đơn vị ban hành: 01\/QĐ-LĐLĐ\.$/);
    const create = await officer.post('/api/v1/ceremonies', plan({ decisionIds: [d.draft] }));
    expect(create.statusCode).toBe(400);
    const now = (await officer.get(`/api/v1/ceremonies/${ceremony.id}`)).json<CeremonyDto>();
    expect(now.version).toBe(ceremony.version);
    expect(now.recipients).toHaveLength(5);
  });

  it('removing and adding back a decision keeps the recorded attendance of the lines that stay', async () => {
    const officer = await as('huyen.tdkt');
    const an = byName(ceremony, 'Nguyễn Văn An');
    let res = await officer.post(`/api/v1/ceremonies/${ceremony.id}/attendance`, { version: ceremony.version, entries: [{ id: an.id, attendance: 'RECEIVED' }] });
    expect(res.statusCode, res.body).toBe(200);
    const recordedVersion = res.json<CeremonyDto>().version;
    // The decision with An's recorded attendance cannot leave: the record of who received stays.
    const keep = await officer.put(`/api/v1/ceremonies/${ceremony.id}/decisions`, { version: recordedVersion, decisionIds: [d.province] });
    expect(keep.statusCode).toBe(409);
    expect(keep.json<{ message: string }>().message).toBe('Không bỏ được quyết định đã có người nhận được ghi điểm danh: Nguyễn Văn An.');
    res = await officer.put(`/api/v1/ceremonies/${ceremony.id}/decisions`, { version: recordedVersion, decisionIds: [d.district] });
    expect(res.statusCode, res.body).toBe(200);
    let c = res.json<CeremonyDto>();
    expect(c.recipients.map((r) => r.subjectName)).not.toContain('Đặng Văn Bình');
    expect(byName(c, 'Nguyễn Văn An')).toMatchObject({ id: an.id, attendance: 'RECEIVED', groupNo: an.groupNo });
    res = await officer.put(`/api/v1/ceremonies/${ceremony.id}/decisions`, { version: c.version, decisionIds: [d.district, d.province] });
    c = res.json<CeremonyDto>();
    // Back in a new group after the existing ones, not yet recorded.
    const others = c.recipients.filter((r) => r.subjectName !== 'Đặng Văn Bình');
    expect(byName(c, 'Đặng Văn Bình')).toMatchObject({ attendance: 'PENDING', groupNo: Math.max(...others.map((r) => r.groupNo)) + 1, position: Math.max(...others.map((r) => r.position)) + 1 });
    expect(byName(c, 'Nguyễn Văn An').attendance).toBe('RECEIVED');
    expect(await auditEvents(db(), 'ceremony.decisions', ceremony.id)).toHaveLength(2);
    ceremony = c;
  });

  it('arranges the call order by hand and by group size, with a presenter per group kept across regrouping', async () => {
    const officer = await as('huyen.tdkt');
    const reversed = [...ceremony.recipients].reverse().map((r, i) => ({ id: r.id, groupNo: i < 3 ? 1 : 2 }));
    let res = await officer.put(`/api/v1/ceremonies/${ceremony.id}/recipients`, {
      version: ceremony.version,
      order: reversed,
      presenters: [{ groupNo: 1, presenter: 'Đồng chí Chủ tịch LĐLĐ huyện' }, { groupNo: 2, presenter: 'Đồng chí Phó Chủ tịch LĐLĐ huyện' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    let c = res.json<CeremonyDto>();
    expect(c.recipients.map((r) => r.id)).toEqual(reversed.map((r) => r.id));
    expect(c.recipients.map((r) => [r.groupNo, r.presenter])).toEqual([
      [1, 'Đồng chí Chủ tịch LĐLĐ huyện'], [1, 'Đồng chí Chủ tịch LĐLĐ huyện'], [1, 'Đồng chí Chủ tịch LĐLĐ huyện'],
      [2, 'Đồng chí Phó Chủ tịch LĐLĐ huyện'], [2, 'Đồng chí Phó Chủ tịch LĐLĐ huyện'],
    ]);
    const incomplete = await officer.put(`/api/v1/ceremonies/${ceremony.id}/recipients`, { version: c.version, order: reversed.slice(1) });
    expect(incomplete.statusCode).toBe(400);
    res = await officer.put(`/api/v1/ceremonies/${ceremony.id}/recipients`, { version: c.version, groupSize: 10 });
    c = res.json<CeremonyDto>();
    // One group per award: CSTD_CS, LDTT (two people), TTLDTT, BK_LDLD.
    expect(c.counts.groups).toBe(4);
    expect(c.recipients.filter((r) => r.groupNo === 1).every((r) => r.presenter === 'Đồng chí Chủ tịch LĐLĐ huyện')).toBe(true);
    expect(c.recipients.filter((r) => r.groupNo === 3).every((r) => r.presenter === null)).toBe(true);
    expect(c.recipients.map((r) => r.position)).toEqual([1, 2, 3, 4, 5]);
    expect(await auditEvents(db(), 'ceremony.arrange', ceremony.id)).toHaveLength(2);
    ceremony = c;
  });

  it('edits the programme with the version it read; a stale version is refused (409)', async () => {
    const officer = await as('huyen.tdkt');
    const programme = [
      { at: '07:30', item: 'Đón tiếp đại biểu', by: 'Ban tổ chức' },
      { at: '08:00', item: 'Văn nghệ chào mừng', by: null },
      { at: '08:15', item: 'Trao tặng khen thưởng', by: 'Lãnh đạo LĐLĐ huyện' },
    ];
    const res = await officer.patch(`/api/v1/ceremonies/${ceremony.id}`, { version: ceremony.version, programme });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<CeremonyDto>().programme).toEqual(programme);
    const stale = await officer.patch(`/api/v1/ceremonies/${ceremony.id}`, { version: ceremony.version, place: 'Nơi khác' });
    expect(stale.statusCode).toBe(409);
    const badTime = await officer.patch(`/api/v1/ceremonies/${ceremony.id}`, { version: res.json<CeremonyDto>().version, programme: [{ at: '25:00', item: 'Sai giờ', by: null }] });
    expect(badTime.statusCode).toBe(400);
    ceremony = res.json<CeremonyDto>();
    expect(await auditEvents(db(), 'ceremony.update', ceremony.id)).toHaveLength(1);
  });
});

describe('permissions', () => {
  it('a CĐCS officer and a viewer cannot plan; another district does not see the ceremony; the district officer can (positive control)', async () => {
    const cdcs = await as('cdcs.a');
    expect((await cdcs.post('/api/v1/ceremonies', plan())).statusCode).toBe(404);
    expect((await cdcs.post('/api/v1/ceremonies', plan({ orgId: w.orgs.cdcsA.id }))).statusCode).toBe(403);
    expect((await cdcs.get(`/api/v1/ceremonies/${ceremony.id}`)).statusCode).toBe(404);
    const viewer = await as('xem');
    expect((await viewer.post('/api/v1/ceremonies', plan())).statusCode).toBe(403);
    const seen = await viewer.get(`/api/v1/ceremonies/${ceremony.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json<CeremonyDto>().abilities).toEqual([]);
    expect((await viewer.patch(`/api/v1/ceremonies/${ceremony.id}`, { version: ceremony.version, title: 'Khác' })).statusCode).toBe(403);
    expect((await viewer.post(`/api/v1/ceremonies/${ceremony.id}/attendance`, { version: ceremony.version, entries: [{ id: ceremony.recipients[0]!.id, attendance: 'ABSENT' }] })).statusCode).toBe(403);
    expect((await viewer.get(`/api/v1/ceremonies/${ceremony.id}/recipients.docx`)).statusCode).toBe(200);
    const other = await as('tbi.tdkt');
    expect((await other.get(`/api/v1/ceremonies/${ceremony.id}`)).statusCode).toBe(404);
    expect((await other.get(`/api/v1/ceremonies/${ceremony.id}/programme.docx`)).statusCode).toBe(404);
    expect((await other.post(`/api/v1/ceremonies/${ceremony.id}/held`, { version: ceremony.version })).statusCode).toBe(404);
    expect((await other.get('/api/v1/ceremonies')).json<{ total: number }>().total).toBe(0);
    expect((await other.get(`/api/v1/ceremonies/decision-options?orgId=${w.orgs.huyen.id}`)).statusCode).toBe(404);
    const list = await (await as('huyen.tdkt')).get(`/api/v1/ceremonies?orgId=${w.orgs.huyen.id}`);
    expect(list.json<{ items: CeremonySummaryDto[] }>().items.map((c) => c.id)).toEqual([ceremony.id]);
  });
});

describe('attendance', () => {
  it('records in person, by proxy (a name required) and absent in bulk; a line revoked after planning shows revoked and cannot be received', async () => {
    const officer = await as('huyen.tdkt');
    const anh = byName(ceremony, 'Nguyễn Thị Ánh');
    const unit = byName(ceremony, 'Công đoàn cơ sở Công ty TNHH Sợi Thế Kỷ');
    const dang = byName(ceremony, 'Đặng Văn Bình');
    const noName = await officer.post(`/api/v1/ceremonies/${ceremony.id}/attendance`, { version: ceremony.version, entries: [{ id: anh.id, attendance: 'PROXY', receivedBy: ' ' }] });
    expect(noName.statusCode).toBe(400);
    expect(noName.json<{ details: { fields: Record<string, string> } }>().details.fields['entries.0.receivedBy']).toBe('Nhận thay thì phải ghi họ tên người nhận thay.');
    const res = await officer.post(`/api/v1/ceremonies/${ceremony.id}/attendance`, {
      version: ceremony.version,
      entries: [
        { id: anh.id, attendance: 'PROXY', receivedBy: 'Phạm Thị Hoa' },
        { id: unit.id, attendance: 'RECEIVED' },
        { id: dang.id, attendance: 'ABSENT', receivedBy: 'bỏ qua' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    let c = res.json<CeremonyDto>();
    expect(byName(c, 'Nguyễn Thị Ánh')).toMatchObject({ attendance: 'PROXY', receivedBy: 'Phạm Thị Hoa' });
    expect(byName(c, 'Đặng Văn Bình')).toMatchObject({ attendance: 'ABSENT', receivedBy: null });
    expect(byName(c, 'Công đoàn cơ sở Công ty TNHH Sợi Thế Kỷ').recordedAt).not.toBeNull();
    expect(c.counts).toMatchObject({ total: 5, received: 2, proxy: 1, absent: 1, pending: 1 });
    const events = await auditEvents(db(), 'ceremony.attendance', ceremony.id);
    expect(events.at(-1)!.after).toEqual(expect.arrayContaining([expect.objectContaining({ id: anh.id, attendance: 'PROXY', receivedBy: 'Phạm Thị Hoa' })]));

    // The district revokes Trần Thị Cúc's line (Điều 93) after planning.
    const decision = (await officer.get(`/api/v1/decisions/${d.district}`)).json<DecisionDto>();
    const line = decision.items.find((i) => i.subjectName === 'Trần Thị Cúc')!;
    const revoke = await officer.post(`/api/v1/decisions/${d.district}/revoke`, { itemIds: [line.id], reason: 'Phát hiện kê khai không trung thực thành tích.', revokingDecision: 'Quyết định số 05/QĐ-LĐLĐ', revokedOn: '2026-10-15' });
    expect(revoke.statusCode, revoke.body).toBe(200);
    c = (await officer.get(`/api/v1/ceremonies/${ceremony.id}`)).json<CeremonyDto>();
    expect(byName(c, 'Trần Thị Cúc').lineStatus).toBe('REVOKED');
    expect(c.counts).toMatchObject({ total: 4, revoked: 1, pending: 0 });
    const refused = await officer.post(`/api/v1/ceremonies/${ceremony.id}/attendance`, { version: c.version, entries: [{ id: byName(c, 'Trần Thị Cúc').id, attendance: 'RECEIVED' }] });
    expect(refused.statusCode).toBe(409);
    expect(message(refused)).toBe('Khen thưởng đã bị thu hồi, không ghi nhận đã nhận được: Trần Thị Cúc.');
    const proxyRefused = await officer.post(`/api/v1/ceremonies/${ceremony.id}/attendance`, { version: c.version, entries: [{ id: byName(c, 'Trần Thị Cúc').id, attendance: 'PROXY', receivedBy: 'Ai đó' }] });
    expect(proxyRefused.statusCode).toBe(409);
    // Another ceremony's recipient is refused.
    const stranger = await officer.post(`/api/v1/ceremonies/${ceremony.id}/attendance`, { version: c.version, entries: [{ id: 999_999, attendance: 'ABSENT' }] });
    expect(stranger.statusCode).toBe(400);
    ceremony = c;
  });
});

describe('printouts', () => {
  it('prints the recipients list by group with presenters and a signature column, without the revoked line', async () => {
    const res = await (await as('huyen.tdkt')).get(`/api/v1/ceremonies/${ceremony.id}/recipients.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const text = await docText(res.rawPayload);
    expect(text).toContain('DANH SÁCH NHẬN KHEN THƯỞNG');
    expect(text).toContain('Lễ tổng kết phong trào thi đua và trao tặng khen thưởng năm 2026');
    expect(text).toContain('08:00, ngày 15/01/2027');
    expect(text).toContain('DMC, ngày 15 tháng 01 năm 2027');
    expect(text).toContain('Người trao: Đồng chí Chủ tịch LĐLĐ huyện');
    expect(text).toContain('Ký nhận');
    for (const name of ['Nguyễn Văn An', 'Nguyễn Thị Ánh', 'Đặng Văn Bình', 'Bằng khen của Ban Chấp hành Liên đoàn Lao động tỉnh']) expect(text).toContain(name);
    expect(text).not.toContain('Trần Thị Cúc');
    expect(text).toContain('Tổng số: 04 người nhận');
  });

  it('prints the running order, then the call order by group', async () => {
    const res = await (await as('xem')).get(`/api/v1/ceremonies/${ceremony.id}/programme.docx`);
    expect(res.statusCode).toBe(200);
    const text = await docText(res.rawPayload);
    expect(text).toContain('CHƯƠNG TRÌNH BUỔI LỄ');
    expect(text).toMatch(/07:30.*Đón tiếp đại biểu.*Ban tổ chức.*08:15.*Trao tặng khen thưởng/);
    expect(text.indexOf('THỨ TỰ MỜI LÊN NHẬN KHEN THƯỞNG')).toBeGreaterThan(text.indexOf('Trao tặng khen thưởng'));
    expect(text).toMatch(/Đợt 01 \(\d+ người\) — Người trao: Đồng chí Chủ tịch LĐLĐ huyện/);
  });

  it('exports the recipients with their attendance as XLSX', async () => {
    const res = await (await as('huyen.tdkt')).get(`/api/v1/ceremonies/${ceremony.id}/recipients.xlsx`);
    expect(res.statusCode).toBe(200);
    const rows = await readSheet(res.rawPayload);
    expect(rows[0]![0]).toBe('Danh sách nhận khen thưởng — Lễ tổng kết phong trào thi đua và trao tặng khen thưởng năm 2026');
    const header = rows.findIndex((r) => r[0] === 'STT');
    expect(rows[header]).toEqual(['STT', 'Đợt', 'Người trao', 'Cá nhân, tập thể', 'Đơn vị', 'Hình thức khen thưởng', 'Quyết định', 'Điểm danh', 'Người nhận thay', 'Thời điểm ghi nhận']);
    const lines = rows.slice(header + 1);
    expect(lines).toHaveLength(5);
    const row = (name: string) => lines.find((r) => r[3] === name)!;
    expect(row('Nguyễn Thị Ánh').slice(7, 9)).toEqual(['Người nhận thay', 'Phạm Thị Hoa']);
    expect(row('Đặng Văn Bình')[7]).toBe('Vắng');
    expect(row('Nguyễn Văn An')[7]).toBe('Đã nhận');
    expect(row('Trần Thị Cúc')[7]).toBe('Đã thu hồi');
  });
});

describe('held and cancelled', () => {
  it('marks the ceremony held (attendance still correctable, nothing else), and cancels another with a reason', async () => {
    const officer = await as('huyen.tdkt');
    const held = await officer.post(`/api/v1/ceremonies/${ceremony.id}/held`, { version: ceremony.version });
    expect(held.statusCode, held.body).toBe(200);
    const c = held.json<CeremonyDto>();
    expect(c).toMatchObject({ status: 'HELD', abilities: ['ceremony.attendance'] });
    expect((await officer.patch(`/api/v1/ceremonies/${ceremony.id}`, { version: c.version, title: 'Khác' })).statusCode).toBe(409);
    expect((await officer.put(`/api/v1/ceremonies/${ceremony.id}/decisions`, { version: c.version, decisionIds: [d.district] })).statusCode).toBe(409);
    const fix = await officer.post(`/api/v1/ceremonies/${ceremony.id}/attendance`, { version: c.version, entries: [{ id: byName(c, 'Đặng Văn Bình').id, attendance: 'RECEIVED' }] });
    expect(fix.statusCode, fix.body).toBe(200);
    expect(await auditEvents(db(), 'ceremony.held', ceremony.id)).toHaveLength(1);

    const empty = (await officer.post('/api/v1/ceremonies', plan({ title: 'Lễ trao tặng bổ sung' }))).json<CeremonyDto>();
    expect(empty.recipients).toEqual([]);
    expect((await officer.post(`/api/v1/ceremonies/${empty.id}/held`, { version: empty.version })).statusCode).toBe(409);
    expect((await officer.post(`/api/v1/ceremonies/${empty.id}/cancel`, { version: empty.version, reason: '' })).statusCode).toBe(400);
    const cancelled = await officer.post(`/api/v1/ceremonies/${empty.id}/cancel`, { version: empty.version, reason: 'Gộp vào lễ tổng kết chung của huyện.' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json<CeremonyDto>()).toMatchObject({ status: 'CANCELLED', cancelledReason: 'Gộp vào lễ tổng kết chung của huyện.', abilities: [] });
    const after = cancelled.json<CeremonyDto>();
    const refused = await officer.post(`/api/v1/ceremonies/${empty.id}/attendance`, { version: after.version, entries: [{ id: ceremony.recipients[0]!.id, attendance: 'ABSENT' }] });
    expect(refused.statusCode).toBe(409);
    expect(message(refused)).toBe('Buổi lễ đã bị hủy, không thay đổi được.');
    expect(await auditEvents(db(), 'ceremony.cancel', empty.id)).toHaveLength(1);
    const rows = await db().execute<{ n: number }>(sql`select count(*)::int as n from ceremony`);
    expect(Number(rows.rows[0]!.n)).toBe(2);
  });
});
