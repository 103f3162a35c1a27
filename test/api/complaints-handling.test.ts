// Complaints, the second part: assignment to a handler (with the e-mail notice and the "mine"
// filter), second-instance complaints within the statutory window, denunciation extensions, and
// the documents of the handling — each with its permission rules and audit events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestEnv } from '../support/app';
import { createOrg, createUser, loginAs, smallWorld, type OrgRef } from '../factories';
import { auditEvents, countRows } from '../support/achievements';
import { daysFromToday, multipartBody, pdfBytes, type Part } from '../support/scoring';
import { todayInVietnam } from '../../src/server/modules/imports/xlsx';
import { resolveComplaint } from '../../src/server/modules/complaints/complaints.service';
import type { AuthActor } from '../../src/server/lib/actor';
import type { ComplaintDto, PublicComplaintStatus } from '../../src/contracts/complaints';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
let other: OrgRef;
let second: number;

beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(env.database.db);
  other = await createOrg(env.database.db, { code: 'TBI', name: 'Liên đoàn Lao động huyện Tân Biên', kind: 'LDLD_HUYEN', parent: w.orgs.tinh });
  await createUser(env.database.db, 'tinh.tdkt', [{ role: 'TDKT_OFFICER', org: w.orgs.tinh }]);
  await createUser(env.database.db, 'tbi.tdkt', [{ role: 'TDKT_OFFICER', org: other }]);
  second = await createUser(env.database.db, 'huyen.tdkt2', [{ role: 'TDKT_OFFICER', org: w.orgs.huyen }]);
  await env.database.db.execute(sql`update app_user set email = 'thu.ky@ldld-dmc.vn' where id = ${second}`);
});
afterAll(() => env.close());

const db = () => env.database.db;
const as = (user: string) => loginAs(env.app, user);
const today = todayInVietnam();
const LETTER = { kind: 'COMPLAINT', name: 'Phạm Thị Hoa', contact: '0912 345 678', content: 'Tôi không đồng ý với việc xét danh hiệu Lao động tiên tiến năm nay vì thành tích được kê khai chưa đúng.' };
const message = (res: { json: <T>() => T }) => res.json<{ message: string }>().message;

async function letter(extra: Record<string, unknown> = {}): Promise<ComplaintDto> {
  const res = await (await as('huyen.tdkt')).post('/api/v1/complaints', { ...LETTER, orgId: w.orgs.huyen.id, receivedOn: today, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<ComplaintDto>();
}

async function step(c: ComplaintDto, verb: string, body: Record<string, unknown>, user = 'huyen.tdkt'): Promise<ComplaintDto> {
  const res = await (await as(user)).post(`/api/v1/complaints/${c.id}/${verb}`, { version: c.version, ...body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ComplaintDto>();
}

describe('assignment', () => {
  it('assigns an open letter to one of its handlers, who is e-mailed and finds it under "mine"; unassigning is recorded too', async () => {
    const c = await letter();
    const candidates = (await (await as('huyen.tdkt')).get(`/api/v1/complaints/${c.id}/assignees`)).json<{ items: { id: number; name: string }[] }>();
    expect(candidates.items.map((u) => u.id).sort()).toEqual([w.users.admin, w.users.huyenOfficer, second].sort());
    expect((await (await as('xem')).get(`/api/v1/complaints/${c.id}/assignees`)).statusCode).toBe(403);

    const assigned = await step(c, 'assign', { userId: second, note: 'Giao đồng chí thư ký xác minh.' });
    expect(assigned.assignee).toEqual({ id: second, name: 'Người dùng huyen.tdkt2' });
    expect(assigned.events.at(-1)).toMatchObject({ action: 'assign', note: 'Giao đồng chí thư ký xác minh.' });
    const mails = await db().execute<{ to_address: string; subject: string; body: string }>(sql`select to_address, subject, body from email_outbox where to_address = 'thu.ky@ldld-dmc.vn'`);
    expect(mails.rows).toHaveLength(1);
    expect(mails.rows[0]!.subject).toBe(`Đơn ${c.referenceCode} được giao cho bạn giải quyết`);
    expect(mails.rows[0]!.body).toContain(`/khieu-nai/${c.id}`);
    expect(mails.rows[0]!.body).not.toContain('Phạm Thị Hoa');
    expect(await auditEvents(db(), 'complaint.assign', c.id)).toHaveLength(1);

    const mine = (await (await as('huyen.tdkt2')).get('/api/v1/complaints?mine=true')).json<{ total: number; items: ComplaintDto[] }>();
    expect(mine.items.map((x) => x.id)).toEqual([c.id]);
    expect(mine.items[0]!.assignee).toEqual({ id: second, name: 'Người dùng huyen.tdkt2' });
    expect((await (await as('huyen.tdkt')).get('/api/v1/complaints?mine=true')).json<{ total: number }>().total).toBe(0);

    const unassigned = await step(assigned, 'assign', { userId: null });
    expect(unassigned.assignee).toBeNull();
    expect(unassigned.events.at(-1)!.action).toBe('unassign');
    expect((await (await as('huyen.tdkt2')).get('/api/v1/complaints?mine=true')).json<{ total: number }>().total).toBe(0);
  });

  it('refuses an assignee who does not handle the organisation, readers, outsiders, stale versions and closed letters', async () => {
    const c = await letter();
    const officer = await as('huyen.tdkt');
    const wrong = await officer.post(`/api/v1/complaints/${c.id}/assign`, { version: c.version, userId: w.users.cdcsA });
    expect(wrong.statusCode).toBe(400);
    expect(message(wrong)).toBe('Chỉ giao đơn được cho cán bộ thi đua, khen thưởng của đơn vị giải quyết hoặc quản trị viên cấp trên.');
    expect((await (await as('xem')).post(`/api/v1/complaints/${c.id}/assign`, { version: c.version, userId: second })).statusCode).toBe(403);
    expect((await (await as('tbi.tdkt')).post(`/api/v1/complaints/${c.id}/assign`, { version: c.version, userId: second })).statusCode).toBe(404);
    expect((await officer.post(`/api/v1/complaints/${c.id}/assign`, { version: c.version + 1, userId: second })).statusCode).toBe(409);
    const closed = await step(c, 'withdraw', { closedOn: today, reason: 'Người khiếu nại rút đơn.' });
    expect((await officer.post(`/api/v1/complaints/${c.id}/assign`, { version: closed.version, userId: second })).statusCode).toBe(409);
    expect(await auditEvents(db(), 'complaint.assign', c.id)).toHaveLength(0);
  });
});

describe('second instance', () => {
  it('is recorded by the organisation above within the window after the resolution, keeps the subject blocked, and shows on the status page by either code', async () => {
    const first = await letter({ personId: w.persons.dang });
    const accepted = await step(first, 'accept', { acceptedOn: today, complex: false, remote: false });
    const resolved = await step(accepted, 'resolve', { closedOn: today, outcome: 'DISMISSED', resolution: 'Thành tích kê khai đúng với hồ sơ; khiếu nại không có cơ sở.' });
    expect(resolved.secondInstanceWindow).toMatchObject({ opensOn: today, reason: 'RESOLVED' });
    expect(resolved.abilities).not.toContain('complaint.secondInstance');
    const above = (await (await as('tinh.tdkt')).get(`/api/v1/complaints/${first.id}`)).json<ComplaintDto>();
    expect(above.abilities).toContain('complaint.secondInstance');

    const input = { receivedOn: today, content: 'Tôi không đồng ý với quyết định giải quyết khiếu nại lần đầu của Liên đoàn Lao động huyện.', complex: true, remote: false };
    expect((await (await as('huyen.tdkt')).post(`/api/v1/complaints/${first.id}/second-instance`, input)).statusCode).toBe(403);
    expect((await (await as('xem')).post(`/api/v1/complaints/${first.id}/second-instance`, input)).statusCode).toBe(403);
    expect((await (await as('tbi.tdkt')).post(`/api/v1/complaints/${first.id}/second-instance`, input)).statusCode).toBe(404);
    expect((await (await as('tinh.tdkt')).post(`/api/v1/complaints/${first.id}/second-instance`, { ...input, receivedOn: '2099-01-01' })).statusCode).toBe(400);

    const res = await (await as('tinh.tdkt')).post(`/api/v1/complaints/${first.id}/second-instance`, input);
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json<ComplaintDto>();
    expect(s).toMatchObject({ instance: 2, previousId: first.id, orgId: w.orgs.tinh.id, status: 'RECEIVED', complex: true, blocksAward: true, subject: { personId: w.persons.dang } });
    expect(s.complainant).toEqual({ name: 'Phạm Thị Hoa', contact: '0912 345 678', address: null });
    expect(await countRows(db(), 'pending_case', sql`person_id = ${w.persons.dang} and closed_on is null`)).toBe(1);
    const sAccepted = await step(s, 'accept', { acceptedOn: today, complex: true, remote: false }, 'tinh.tdkt');
    expect(sAccepted.resolveBy).toMatchObject({ days: 60, source: 'Luật Khiếu nại 2011, Điều 37' });
    // The district's officers read the first instance, not the province's second one.
    expect((await (await as('huyen.tdkt')).get(`/api/v1/complaints/${s.id}`)).statusCode).toBe(404);

    const again = await (await as('tinh.tdkt')).post(`/api/v1/complaints/${first.id}/second-instance`, input);
    expect(again.statusCode).toBe(409);
    expect(message(again)).toBe('Đơn này đã có khiếu nại lần hai.');
    const firstNow = (await (await as('tinh.tdkt')).get(`/api/v1/complaints/${first.id}`)).json<ComplaintDto>();
    expect(firstNow.nextId).toBe(s.id);
    expect(firstNow.events.at(-1)).toMatchObject({ action: 'secondInstance', note: s.referenceCode });
    expect(await auditEvents(db(), 'complaint.secondInstance', first.id)).toHaveLength(1);

    for (const code of [first.referenceCode, s.referenceCode]) {
      const pub = (await env.app.inject({ method: 'GET', url: `/api/v1/public/complaints/${code}` })).json<PublicComplaintStatus>();
      expect(pub.referenceCode).toBe(code);
      expect(pub.instances.map((i) => [i.instance, i.referenceCode, i.status, i.orgName])).toEqual([
        [1, first.referenceCode, 'RESOLVED', 'Liên đoàn Lao động huyện DMC'],
        [2, s.referenceCode, 'ACCEPTED', 'Liên đoàn Lao động tỉnh Tây Ninh'],
      ]);
      expect(JSON.stringify(pub)).not.toContain('Phạm Thị Hoa');
    }
  });

  it('is refused outside the window with its dates, before a resolution or the deadline, and for denunciations', async () => {
    const old = await letter({ receivedOn: '2025-01-02' });
    const oldAccepted = await step(old, 'accept', { acceptedOn: '2025-01-03', complex: false, remote: false });
    await step(oldAccepted, 'resolve', { closedOn: '2025-01-10', outcome: 'DISMISSED', resolution: 'Khiếu nại không có cơ sở, giữ nguyên quyết định.' });
    const late = await (await as('tinh.tdkt')).post(`/api/v1/complaints/${old.id}/second-instance`, { receivedOn: today, content: 'Tôi tiếp tục khiếu nại quyết định giải quyết lần đầu.', complex: false, remote: false });
    expect(late.statusCode).toBe(400);
    expect(message(late)).toMatch(/^Chỉ khiếu nại lần hai được trong thời hạn từ ngày 10\/01\/2025 đến ngày \d{2}\/0[23]\/2025\.$/);

    const fresh = await letter();
    const notYet = await (await as('tinh.tdkt')).post(`/api/v1/complaints/${fresh.id}/second-instance`, { receivedOn: today, content: 'Tôi tiếp tục khiếu nại quyết định giải quyết lần đầu.', complex: false, remote: false });
    expect(notYet.statusCode).toBe(409);
    const acceptedFresh = await step(fresh, 'accept', { acceptedOn: today, complex: false, remote: false });
    expect(acceptedFresh.secondInstanceWindow).toMatchObject({ reason: 'OVERDUE' });
    expect(acceptedFresh.secondInstanceWindow!.opensOn > acceptedFresh.resolveBy!.deadline).toBe(true);
    expect((await (await as('tinh.tdkt')).post(`/api/v1/complaints/${fresh.id}/second-instance`, { receivedOn: today, content: 'Tôi tiếp tục khiếu nại quyết định giải quyết lần đầu.', complex: false, remote: false })).statusCode).toBe(400);

    const denunciation = await letter({ kind: 'DENUNCIATION' });
    const d = await (await as('tinh.tdkt')).post(`/api/v1/complaints/${denunciation.id}/second-instance`, { receivedOn: today, content: 'Tôi tiếp tục tố cáo hành vi vi phạm trong khen thưởng.', complex: false, remote: false });
    expect(d.statusCode).toBe(409);
    expect(await countRows(db(), 'complaint', sql`instance = 2 and previous_id in (${old.id}, ${fresh.id}, ${denunciation.id})`)).toBe(0);
  });

  it('opens the day after an unresolved first instance passes its deadline', async () => {
    const first = await letter({ receivedOn: daysFromToday(-45) });
    const accepted = await step(first, 'accept', { acceptedOn: daysFromToday(-44), complex: false, remote: false });
    expect(accepted.resolveBy!.state).toBe('OVERDUE');
    expect(accepted.secondInstanceWindow).toMatchObject({ reason: 'OVERDUE' });
    const res = await (await as('tinh.tdkt')).post(`/api/v1/complaints/${first.id}/second-instance`, { receivedOn: today, content: 'Quá thời hạn mà đơn khiếu nại lần đầu chưa được giải quyết.', complex: false, remote: true });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<ComplaintDto>()).toMatchObject({ instance: 2, remote: true });
  });
});

describe('denunciations', () => {
  it('have 30 days from acceptance, extended once for a complex case and twice for an especially complex one, with the reason', async () => {
    const d = await letter({ kind: 'DENUNCIATION' });
    const accepted = await step(d, 'accept', { acceptedOn: today, complex: false, remote: false });
    expect(accepted.resolveBy).toMatchObject({ days: 30, source: 'Luật Tố cáo 2018, Điều 30' });
    expect(accepted.abilities).toContain('complaint.extend');
    const officer = await as('huyen.tdkt');
    const plain = await officer.post(`/api/v1/complaints/${d.id}/extend`, { version: accepted.version, reason: 'Cần thêm thời gian xác minh.', especiallyComplex: false });
    expect(plain.statusCode).toBe(409);
    expect(message(plain)).toBe('Chỉ gia hạn được khi vụ việc phức tạp hoặc đặc biệt phức tạp.');
    expect((await (await as('xem')).post(`/api/v1/complaints/${d.id}/extend`, { version: accepted.version, reason: 'Cần thêm thời gian xác minh.', especiallyComplex: true })).statusCode).toBe(403);
    expect((await (await as('tbi.tdkt')).post(`/api/v1/complaints/${d.id}/extend`, { version: accepted.version, reason: 'Cần thêm thời gian xác minh.', especiallyComplex: true })).statusCode).toBe(404);
    expect((await officer.post(`/api/v1/complaints/${d.id}/extend`, { version: accepted.version, reason: 'Ngắn', especiallyComplex: true })).statusCode).toBe(400);

    const once = await step(accepted, 'extend', { reason: 'Vụ việc đặc biệt phức tạp, liên quan nhiều đơn vị.', especiallyComplex: true });
    expect(once).toMatchObject({ extensions: 1, resolveBy: { days: 60 } });
    expect(once.events.at(-1)).toMatchObject({ action: 'extend', note: 'Vụ việc đặc biệt phức tạp, liên quan nhiều đơn vị.' });
    const twice = await step(once, 'extend', { reason: 'Chờ kết quả giám định tài liệu.', especiallyComplex: true });
    expect(twice).toMatchObject({ extensions: 2, resolveBy: { days: 90 } });
    expect(twice.abilities).not.toContain('complaint.extend');
    const third = await officer.post(`/api/v1/complaints/${d.id}/extend`, { version: twice.version, reason: 'Chờ kết quả giám định tài liệu.', especiallyComplex: true });
    expect(third.statusCode).toBe(409);
    expect(message(third)).toBe('Vụ việc này chỉ được gia hạn tối đa 2 lần, đã gia hạn đủ.');
    expect(await auditEvents(db(), 'complaint.extend', d.id)).toHaveLength(2);
    // The status page follows the extended deadline.
    const pub = (await env.app.inject({ method: 'GET', url: `/api/v1/public/complaints/${d.referenceCode}` })).json<PublicComplaintStatus>();
    expect(pub.resolveBy).toBe(twice.resolveBy!.deadline);
  });

  it('a complex case is extended once; a complaint is not extended', async () => {
    const d = await letter({ kind: 'DENUNCIATION' });
    const accepted = await step(d, 'accept', { acceptedOn: today, complex: true, remote: false });
    const once = await step(accepted, 'extend', { reason: 'Vụ việc phức tạp, cần xác minh thêm.', especiallyComplex: false });
    expect(once.resolveBy!.days).toBe(60);
    expect((await (await as('huyen.tdkt')).post(`/api/v1/complaints/${d.id}/extend`, { version: once.version, reason: 'Vụ việc phức tạp, cần xác minh thêm.', especiallyComplex: false })).statusCode).toBe(409);
    const c = await step(await letter(), 'accept', { acceptedOn: today, complex: true, remote: false });
    const res = await (await as('huyen.tdkt')).post(`/api/v1/complaints/${c.id}/extend`, { version: c.version, reason: 'Vụ việc phức tạp, cần xác minh thêm.', especiallyComplex: true });
    expect(res.statusCode).toBe(409);
    expect(message(res)).toBe('Chỉ gia hạn được thời hạn giải quyết đơn tố cáo.');
  });
});

describe('documents of the handling', () => {
  const upload = async (user: string, id: number, parts: Part[]) => {
    const m = multipartBody(parts);
    return (await as(user)).request({ method: 'POST', url: `/api/v1/complaints/${id}/documents`, payload: m.payload, headers: m.headers });
  };
  const resolution = (text: string): Part[] => [
    { name: 'docType', value: 'RESOLUTION' },
    { name: 'title', value: 'Quyết định giải quyết khiếu nại số 12/QĐ-LĐLĐ' },
    { name: 'file', fileName: 'quyết-định.pdf', content: pdfBytes(text) },
  ];

  it('are attached by the handlers, read by readers in scope, and withdrawn with a reason (kept)', async () => {
    const c = await letter();
    const res = await upload('huyen.tdkt', c.id, resolution('qd-12'));
    expect(res.statusCode, res.body).toBe(201);
    const withDoc = res.json<ComplaintDto>();
    expect(withDoc.hasResolutionDocument).toBe(true);
    expect(withDoc.documents).toHaveLength(1);
    const doc = withDoc.documents[0]!;
    expect(doc).toMatchObject({ docType: 'RESOLUTION', title: 'Quyết định giải quyết khiếu nại số 12/QĐ-LĐLĐ', fileName: 'quyết-định.pdf', mimeType: 'application/pdf', status: 'ACTIVE', uploadedBy: 'Người dùng huyen.tdkt' });
    expect(withDoc.events.at(-1)).toMatchObject({ action: 'document' });
    expect(await auditEvents(db(), 'complaint.document', c.id)).toHaveLength(1);

    const file = await (await as('xem')).get(`/api/v1/complaint-documents/${doc.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.rawPayload.equals(pdfBytes('qd-12'))).toBe(true);
    expect((await (await as('tbi.tdkt')).get(`/api/v1/complaint-documents/${doc.id}/file`)).statusCode).toBe(404);
    expect((await (await as('cdcs.a')).get(`/api/v1/complaint-documents/${doc.id}/file`)).statusCode).toBe(404);

    const revoke = (user: string, reason: string) => as(user).then((u) => u.post(`/api/v1/complaint-documents/${doc.id}/revoke`, { reason }));
    expect((await revoke('xem', 'Tải nhầm tài liệu của đơn khác.')).statusCode).toBe(403);
    expect((await revoke('tbi.tdkt', 'Tải nhầm tài liệu của đơn khác.')).statusCode).toBe(404);
    expect((await revoke('huyen.tdkt', 'Nhầm')).statusCode).toBe(400);
    const revoked = await revoke('huyen.tdkt', 'Tải nhầm tài liệu của đơn khác.');
    expect(revoked.statusCode, revoked.body).toBe(200);
    const after = revoked.json<ComplaintDto>();
    expect(after.hasResolutionDocument).toBe(false);
    expect(after.documents[0]).toMatchObject({ status: 'REVOKED', revokedReason: 'Tải nhầm tài liệu của đơn khác.' });
    expect((await revoke('huyen.tdkt', 'Tải nhầm tài liệu của đơn khác.')).statusCode).toBe(409);
    expect(await auditEvents(db(), 'complaint.revokeDocument', c.id)).toHaveLength(1);
    // Kept: the file still downloads.
    expect((await (await as('huyen.tdkt')).get(`/api/v1/complaint-documents/${doc.id}/file`)).statusCode).toBe(200);
  });

  it('refuses other kinds of file, oversized files, unknown types, readers and outsiders, storing nothing', async () => {
    const c = await letter();
    const before = await countRows(db(), 'complaint_document');
    const bad = await upload('huyen.tdkt', c.id, [{ name: 'docType', value: 'OTHER' }, { name: 'title', value: 'Biên bản' }, { name: 'file', fileName: 'x.pdf', content: Buffer.from('<script>alert(1)</script>') }]);
    expect(bad.statusCode).toBe(415);
    const big = Buffer.concat([pdfBytes('big'), Buffer.alloc(10 * 1024 * 1024 + 10, 32)]);
    expect((await upload('huyen.tdkt', c.id, [{ name: 'docType', value: 'OTHER' }, { name: 'title', value: 'Biên bản' }, { name: 'file', fileName: 'x.pdf', content: big }])).statusCode).toBe(413);
    expect((await upload('huyen.tdkt', c.id, [{ name: 'docType', value: 'SECRET' }, { name: 'title', value: 'Biên bản' }, { name: 'file', fileName: 'x.pdf', content: pdfBytes('t') }])).statusCode).toBe(400);
    expect((await upload('xem', c.id, resolution('xem'))).statusCode).toBe(403);
    expect((await upload('tbi.tdkt', c.id, resolution('tbi'))).statusCode).toBe(404);
    expect(await countRows(db(), 'complaint_document')).toBe(before);
  });

  it('resolving needs a RESOLUTION document when the parameter says so (not by default)', async () => {
    const c = await step(await letter(), 'accept', { acceptedOn: today, complex: false, remote: false });
    const r = await db().execute<{ path: string }>(sql`select path from organisation where id = ${w.orgs.huyen.id}`);
    const actor: AuthActor = {
      userId: w.users.huyenOfficer, username: 'huyen.tdkt', displayName: 'Người dùng huyen.tdkt', locale: 'vi', personId: null, csrfToken: '', sessionHash: '',
      roles: [{ id: 0, role: 'TDKT_OFFICER', orgId: w.orgs.huyen.id, orgPath: r.rows[0]!.path, orgName: 'Liên đoàn Lao động huyện DMC' }],
    };
    const input = { version: c.version, closedOn: today, outcome: 'UPHELD', resolution: 'Khiếu nại đúng; điều chỉnh danh sách khen thưởng.' };
    await expect(resolveComplaint(env.ctx, actor, c.id, input, { requireResolutionDocument: true })).rejects.toMatchObject({ messageKey: 'complaints.api.resolutionDocumentRequired' });
    expect((await upload('huyen.tdkt', c.id, resolution('qd-13'))).statusCode).toBe(201);
    await resolveComplaint(env.ctx, actor, c.id, input, { requireResolutionDocument: true });
    const done = (await (await as('huyen.tdkt')).get(`/api/v1/complaints/${c.id}`)).json<ComplaintDto>();
    expect(done.status).toBe('RESOLVED');
    // Default: not required.
    const plain = await step(await letter(), 'accept', { acceptedOn: today, complex: false, remote: false });
    expect((await step(plain, 'resolve', { closedOn: today, outcome: 'DISMISSED', resolution: 'Khiếu nại không có cơ sở, giữ nguyên.' })).status).toBe('RESOLVED');
  });
});
