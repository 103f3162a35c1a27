// Complaints about commendation: the public form (reference code, status page without anything
// personal, contact required, rate limit), staff intake about a member that blocks awarding them
// while open, acceptance with the statutory deadline, resolution that lifts the block, the writer's
// identity hidden from readers who do not handle it, and the permission rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestEnv } from '../support/app';
import { createOrg, createPerson, loginAs, smallWorld } from '../factories';
import { auditEvents, countRows } from '../support/achievements';
import { todayInVietnam } from '../../src/server/modules/imports/xlsx';
import type { ComplaintDto, PublicComplaintStatus } from '../../src/contracts/complaints';
import type { EvaluationResult } from '../../src/contracts/eligibility';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
let otherPerson: number;

beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(env.database.db);
  const other = await createOrg(env.database.db, { code: 'TBI', name: 'Liên đoàn Lao động huyện Tân Biên', kind: 'LDLD_HUYEN', parent: w.orgs.tinh });
  otherPerson = await createPerson(env.database.db, other, { fullName: 'Lý Văn Khác', cccd: '072090009999', memberCode: 'DV0009999' });
});
afterAll(() => env.close());

const db = () => env.database.db;
const as = (user: string) => loginAs(env.app, user);
const today = todayInVietnam();
const anon = (method: 'GET' | 'POST', url: string, payload?: unknown, ip = '203.0.113.7') => env.app.inject({ method, url: `/api/v1${url}`, payload: payload as object, remoteAddress: ip });
const LETTER = { kind: 'COMPLAINT', name: 'Phạm Thị Hoa', contact: '0912 345 678', content: 'Tôi không đồng ý với việc xét danh hiệu Lao động tiên tiến năm nay vì thành tích được kê khai chưa đúng.' };

describe('the public form', () => {
  it('answers a reference code; the status page shows dates and status only; a bad contact or a flood changes nothing', async () => {
    const res = await anon('POST', `/public/orgs/${w.orgs.huyen.code}/complaints`, { ...LETTER, content: `${LETTER.content} <script>alert(1)</script>` });
    expect(res.statusCode, res.body).toBe(201);
    const { referenceCode, receivedOn } = res.json<{ referenceCode: string; receivedOn: string }>();
    expect(referenceCode).toMatch(/^KN-\d{4}-[A-HJ-NP-Z2-9]{8}$/);
    expect(receivedOn).toBe(today);
    const status = await anon('GET', `/public/complaints/${referenceCode}`);
    expect(status.statusCode).toBe(200);
    const s = status.json<PublicComplaintStatus>();
    expect(Object.keys(s).sort()).toEqual(['acceptedOn', 'closedOn', 'instance', 'instances', 'kind', 'orgName', 'outcome', 'receivedOn', 'referenceCode', 'resolveBy', 'status']);
    expect(s).toMatchObject({ status: 'RECEIVED', orgName: 'Liên đoàn Lao động huyện DMC', kind: 'COMPLAINT' });
    expect(status.body).not.toContain('Phạm Thị Hoa');
    expect((await anon('GET', '/public/complaints/KN-2026-ZZZZZZZZ')).statusCode).toBe(404);
    // Stored as text: the officer sees exactly what was sent (the pages escape it).
    const stored = await db().execute<{ content: string; client_hash: string }>(sql`select content, client_hash from complaint where reference_code = ${referenceCode}`);
    expect(stored.rows[0]!.content).toContain('<script>alert(1)</script>');
    expect(stored.rows[0]!.client_hash).not.toContain('203.0.113.7');

    const before = await countRows(db(), 'complaint');
    const badContact = await anon('POST', `/public/orgs/${w.orgs.huyen.code}/complaints`, { ...LETTER, contact: 'không có' });
    expect(badContact.statusCode).toBe(400);
    expect(JSON.stringify(badContact.json())).toContain('Hãy ghi số điện thoại hoặc địa chỉ thư điện tử');
    expect((await anon('POST', `/public/orgs/${w.orgs.huyen.code}/complaints`, { ...LETTER, content: 'ngắn' })).statusCode).toBe(400);
    expect((await anon('POST', '/public/orgs/KHONG-CO/complaints', LETTER)).statusCode).toBe(404);
    // Oversized: a content past the limit, and a body past the server's 1 MB.
    expect((await anon('POST', `/public/orgs/${w.orgs.huyen.code}/complaints`, { ...LETTER, content: 'Đơn dài. '.repeat(700) })).statusCode).toBe(400);
    const huge = await anon('POST', `/public/orgs/${w.orgs.huyen.code}/complaints`, { ...LETTER, content: 'x'.repeat(2 * 1024 * 1024) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json<{ message: string }>().message).toMatch(/quá lớn|MB/);
    // Unicode tricks are kept as text, but a name of zero-width characters only is not a name.
    expect((await anon('POST', `/public/orgs/${w.orgs.huyen.code}/complaints`, { ...LETTER, name: '\u200b\u200b\u200b' })).statusCode).toBe(400);
    expect(await countRows(db(), 'complaint')).toBe(before);

    // Three an hour per address: the next ones are refused with the wait, other addresses are not.
    for (let i = 0; i < 2; i++) expect((await anon('POST', `/public/orgs/${w.orgs.huyen.code}/complaints`, LETTER)).statusCode).toBe(201);
    const flood = await anon('POST', `/public/orgs/${w.orgs.huyen.code}/complaints`, LETTER);
    expect(flood.statusCode).toBe(429);
    expect(flood.json<{ message: string }>().message).toMatch(/^Mỗi địa chỉ chỉ gửi được 3 đơn trong một giờ\. Hãy thử lại sau \d+ phút\.$/);
    expect((await anon('POST', `/public/orgs/${w.orgs.huyen.code}/complaints`, LETTER, '198.51.100.9')).statusCode).toBe(201);
    expect(await countRows(db(), 'complaint')).toBe(before + 3);
  });
});

describe('handling', () => {
  let complaint: ComplaintDto;
  const ldtt = async () => (await (await as('huyen.tdkt')).get(`/api/v1/eligibility/members/${w.persons.an}?target=LDTT&year=${today.slice(0, 4)}`)).json<EvaluationResult>();
  const blocked = (r: EvaluationResult) => r.reasons.some((x) => x.outcome === 'FAIL' && /khiếu nại/.test(x.text));

  it('a letter about a member blocks awarding them while it is open', async () => {
    expect(blocked(await ldtt())).toBe(false);
    const officer = await as('huyen.tdkt');
    const res = await officer.post('/api/v1/complaints', { ...LETTER, orgId: w.orgs.huyen.id, receivedOn: today, learnedOn: today, personId: w.persons.an });
    expect(res.statusCode, res.body).toBe(201);
    complaint = res.json<ComplaintDto>();
    expect(complaint).toMatchObject({ status: 'RECEIVED', channel: 'STAFF', blocksAward: true, filedInTime: true, subject: { personId: w.persons.an, name: 'Nguyễn Văn An' } });
    expect(complaint.complainant).toEqual({ name: 'Phạm Thị Hoa', contact: '0912 345 678', address: null });
    const cases = await db().execute<{ kind: string; source: string; closed_on: string | null }>(sql`select kind, source, closed_on from pending_case where person_id = ${w.persons.an}`);
    expect(cases.rows).toEqual([{ kind: 'COMPLAINT', source: 'COMPLAINT', closed_on: null }]);
    expect(blocked(await ldtt())).toBe(true);
    // The audit event names the complaint, never the writer.
    const events = await auditEvents(db(), 'complaint.receive', complaint.id);
    expect(JSON.stringify(events)).not.toContain('Phạm Thị Hoa');
    expect(JSON.stringify(events)).not.toContain('0912');
  });

  it('shows the writer only to those who handle it; others in scope read, outsiders get 404, non-handlers change nothing', async () => {
    const viewer = (await (await as('xem')).get(`/api/v1/complaints/${complaint.id}`)).json<ComplaintDto>();
    expect(viewer.complainant).toBeNull();
    expect(viewer.abilities).toEqual([]);
    expect(JSON.stringify(viewer)).not.toContain('Phạm Thị Hoa');
    expect((await (await as('cdcs.a')).get(`/api/v1/complaints/${complaint.id}`)).statusCode).toBe(404);
    const list = (await (await as('cdcs.a')).get('/api/v1/complaints')).json<{ total: number }>();
    expect(list.total).toBe(0);
    const accept = { version: complaint.version, acceptedOn: today, complex: true, remote: true };
    expect((await (await as('xem')).post(`/api/v1/complaints/${complaint.id}/accept`, accept)).statusCode).toBe(403);
    expect((await (await as('cdcs.a')).post(`/api/v1/complaints/${complaint.id}/accept`, accept)).statusCode).toBe(404);
    expect((await (await as('huyen.tdkt')).post(`/api/v1/complaints/${complaint.id}/accept`, { ...accept, version: complaint.version + 1 })).statusCode).toBe(409);
    // A member of another district cannot be named.
    const outside = await (await as('huyen.tdkt')).post(`/api/v1/complaints/${complaint.id}/link`, { version: complaint.version, personId: otherPerson });
    expect(outside.statusCode).toBe(400);
    expect(outside.json<{ message: string }>().message).toBe('Đề nghị, quyết định, người hoặc đơn vị được chọn không thuộc phạm vi của đơn vị giải quyết.');
  });

  it('is accepted with the statutory deadline of a complex case in a remote area, then resolved: the block ends that day', async () => {
    const officer = await as('huyen.tdkt');
    const accepted = await officer.post(`/api/v1/complaints/${complaint.id}/accept`, { version: complaint.version, acceptedOn: today, complex: true, remote: true });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const a = accepted.json<ComplaintDto>();
    expect(a.status).toBe('ACCEPTED');
    expect(a.resolveBy).toMatchObject({ days: 60, source: 'Luật Khiếu nại 2011, Điều 28', state: 'ON_TIME' });
    expect(a.resolveBy!.daysLeft).toBeGreaterThanOrEqual(60);
    expect(a.abilities).toEqual(['complaint.link', 'complaint.resolve', 'complaint.withdraw', 'complaint.assign', 'complaint.document']);
    const publicView = (await anon('GET', `/public/complaints/${a.referenceCode}`)).json<PublicComplaintStatus>();
    expect(publicView).toMatchObject({ status: 'ACCEPTED', acceptedOn: today, resolveBy: a.resolveBy!.deadline });
    expect(blocked(await ldtt())).toBe(true);

    const tooShort = await officer.post(`/api/v1/complaints/${complaint.id}/resolve`, { version: a.version, closedOn: today, outcome: 'DISMISSED', resolution: 'Không' });
    expect(tooShort.statusCode).toBe(400);
    const resolved = await officer.post(`/api/v1/complaints/${complaint.id}/resolve`, { version: a.version, closedOn: today, outcome: 'DISMISSED', resolution: 'Thành tích kê khai đúng với hồ sơ; khiếu nại không có cơ sở.' });
    expect(resolved.statusCode, resolved.body).toBe(200);
    const r = resolved.json<ComplaintDto>();
    expect(r).toMatchObject({ status: 'RESOLVED', outcome: 'DISMISSED', closedOn: today, blocksAward: false, resolveBy: null, abilities: ['complaint.document'] });
    expect(r.events.map((e) => e.action)).toEqual(['receive', 'accept', 'resolve']);
    const cases = await db().execute<{ closed_on: string | null }>(sql`select closed_on::text as closed_on from pending_case where person_id = ${w.persons.an}`);
    expect(cases.rows).toEqual([{ closed_on: today }]);
    // Closed: nothing more changes it.
    expect((await officer.post(`/api/v1/complaints/${complaint.id}/withdraw`, { version: r.version, closedOn: today, reason: 'Người khiếu nại rút đơn.' })).statusCode).toBe(409);
    expect(await auditEvents(db(), 'complaint.resolve', complaint.id)).toHaveLength(1);
  });

  it('a petition blocks nobody, and a letter closed without acceptance keeps its reason', async () => {
    const officer = await as('huyen.tdkt');
    const petition = (await officer.post('/api/v1/complaints', { ...LETTER, kind: 'PETITION', orgId: w.orgs.huyen.id, receivedOn: today, personId: w.persons.anh })).json<ComplaintDto>();
    expect(petition.blocksAward).toBe(false);
    expect(await countRows(db(), 'pending_case', sql`person_id = ${w.persons.anh}`)).toBe(0);
    const closed = await officer.post(`/api/v1/complaints/${petition.id}/not-accept`, { version: petition.version, closedOn: today, reason: 'Đơn không thuộc thẩm quyền giải quyết của đơn vị.' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json<ComplaintDto>()).toMatchObject({ status: 'NOT_ACCEPTED', resolution: 'Đơn không thuộc thẩm quyền giải quyết của đơn vị.' });
    const future = await officer.post('/api/v1/complaints', { ...LETTER, orgId: w.orgs.huyen.id, receivedOn: '2099-01-01' });
    expect(future.statusCode).toBe(400);
  });
});
