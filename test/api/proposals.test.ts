// "Good person, good deed" proposals: the public form (reference code, status page without anything
// personal, contact required, invisible characters stripped, 1 MB, rate limit under parallel
// requests, text kept verbatim), a member's proposal from the portal, the officers' review into a
// story draft with the proposer credited, into a nomination, or declined; and the permission rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { startTestApp, type TestEnv } from '../support/app';
import { createPerson, createUser, loginAs, smallWorld } from '../factories';
import { auditEvents, countRows } from '../support/achievements';
import { insertToCouncil } from '../support/councils';
import { todayInVietnam } from '../../src/server/modules/imports/xlsx';
import { MEMBER_PROPOSAL_LIMITS, PROPOSAL_LIMITS, publicProposalInput, type ProposalDto, type ProposalSummaryDto, type PublicProposalStatus } from '../../src/contracts/proposals';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;

beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(env.database.db);
});
afterAll(() => env.close());

const db = () => env.database.db;
const as = (user: string) => loginAs(env.app, user);
const today = todayInVietnam();
const anon = (method: 'GET' | 'POST', url: string, payload?: unknown, ip = '203.0.113.7') => env.app.inject({ method, url: `/api/v1${url}`, payload: payload as object, remoteAddress: ip });
const STORY = 'Cô giáo Ánh nhiều năm liền dạy kèm miễn phí cho học sinh nghèo vào các buổi tối, và góp tiền mua xe đạp cho các em ở xa.';
const FORM = { proposerName: 'Lê Văn Tâm', proposerContact: 'tam.le@example.vn', subjectName: 'Nguyễn Thị Ánh', subjectUnit: 'Trường THCS Phước Minh', story: STORY };
const send = (body: unknown, ip?: string, org = w.orgs.cdcsA.code) => anon('POST', `/public/orgs/${org}/good-deeds`, body, ip);
const message = (res: { json: <T>() => T }) => res.json<{ message: string }>().message;

let publicRef = '';

describe('the public form’s contract', () => {
  // eslint-disable-next-line no-control-regex
  const INVISIBLE = /[\u0000-\u0009\u000b-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;
  const hidden = fc.constantFrom('\u200b', '\u200e', '\u202e', '\u2066', '\ufeff', '\u0007');
  const sprinkled = (min: number, max: number) =>
    fc.array(fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }), hidden), { minLength: min, maxLength: max }).map((parts) => parts.join(''));

  it.each([
    ['a story of 19 visible characters', { story: 'x'.repeat(19) }, false],
    ['a story of 20 visible characters', { story: 'x'.repeat(20) }, true],
    ['a story of 3,000 characters', { story: 'x'.repeat(3000) }, true],
    ['a story of 3,001 characters', { story: 'x'.repeat(3001) }, false],
    ['20 characters only with zero-width padding', { story: `${'x'.repeat(19)}\u200b\u200b` }, false],
    ['a contact that is neither phone nor email', { proposerContact: 'gọi tôi' }, false],
    ['an email contact', { proposerContact: 'tam@example.vn' }, true],
    ['a name of digits only', { subjectName: '12345' }, false],
    ['no unit', { subjectUnit: undefined }, true],
  ])('%s', (_what, patch, ok) => {
    expect(publicProposalInput.safeParse({ ...FORM, ...patch }).success).toBe(ok);
  });

  it('whatever is sent, what passes has no invisible or bidirectional character and fits the limits', () => {
    fc.assert(
      fc.property(sprinkled(1, 40), sprinkled(0, 900), (name, story) => {
        const r = publicProposalInput.safeParse({ ...FORM, subjectName: name, story });
        if (!r.success) return;
        for (const v of [r.data.subjectName, r.data.story]) expect(INVISIBLE.test(v)).toBe(false);
        expect(r.data.story.length).toBeGreaterThanOrEqual(PROPOSAL_LIMITS.storyMin);
        expect(r.data.story.length).toBeLessThanOrEqual(PROPOSAL_LIMITS.storyMax);
        expect(r.data.story).toBe(r.data.story.normalize('NFC'));
      }),
      { numRuns: 300 },
    );
  });
});
let publicId = 0;

describe('the public form', () => {
  it('answers a reference code; keeps the text verbatim, strips invisible characters; the status page shows the status only', async () => {
    const res = await send({ ...FORM, subjectName: 'Nguyễn\u200b Thị Ánh\u202e', story: `${STORY} <script>alert(1)</script>` });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json<{ referenceCode: string; receivedOn: string }>();
    expect(r.referenceCode).toMatch(/^NTVT-\d{4}-[A-HJ-NP-Z2-9]{8}$/);
    expect(r.receivedOn).toBe(today);
    publicRef = r.referenceCode;
    const stored = (await db().execute<{ id: number; subject_name: string; story: string; client_hash: string; channel: string; org_id: number }>(sql`
      select id, subject_name, story, client_hash, channel, org_id from good_deed_proposal where reference_code = ${publicRef}`)).rows[0]!;
    publicId = Number(stored.id);
    expect(stored).toMatchObject({ subject_name: 'Nguyễn Thị Ánh', channel: 'PUBLIC', org_id: w.orgs.cdcsA.id });
    expect(stored.story.endsWith('<script>alert(1)</script>')).toBe(true);
    expect(stored.client_hash).not.toContain('203.0.113.7');
    // The officer reads exactly what was sent (the pages escape it).
    const seen = (await (await as('cdcs.a')).get(`/api/v1/good-deeds/${publicId}`)).json<ProposalDto>();
    expect(seen.story).toBe(`${STORY} <script>alert(1)</script>`);
    // The audit event names the proposal, never the proposer.
    const events = await auditEvents(db(), 'proposal.receive', publicId);
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain('Lê Văn Tâm');

    const status = await anon('GET', `/public/good-deeds/${publicRef.toLowerCase()}`);
    expect(status.statusCode).toBe(200);
    expect(status.json<PublicProposalStatus>()).toEqual({ referenceCode: publicRef, orgName: 'Công đoàn cơ sở Trường THCS Phước Minh', receivedOn: today, status: 'RECEIVED' });
    expect(status.body).not.toContain('Tâm');
    expect(status.body).not.toContain('Ánh');
    expect((await anon('GET', '/public/good-deeds/NTVT-2026-ZZZZZZZZ')).statusCode).toBe(404);
  });

  it('refuses bad input with a Vietnamese message and changes nothing', async () => {
    const before = await countRows(db(), 'good_deed_proposal');
    const badContact = await send({ ...FORM, proposerContact: 'không có' }, '198.51.100.1');
    expect(badContact.statusCode).toBe(400);
    expect(JSON.stringify(badContact.json())).toContain('Hãy ghi số điện thoại hoặc địa chỉ thư điện tử');
    for (const bad of [{ story: 'Quá ngắn.' }, { story: 'Một việc tốt. '.repeat(250) }, { proposerName: '\u200b\u200b\u200b' }, { subjectName: '' }, { story: undefined }]) {
      expect((await send({ ...FORM, ...bad }, '198.51.100.1')).statusCode).toBe(400);
    }
    expect((await send(FORM, '198.51.100.1', 'KHONG-CO')).statusCode).toBe(404);
    const huge = await send({ ...FORM, story: 'x'.repeat(2 * 1024 * 1024) }, '198.51.100.1');
    expect(huge.statusCode).toBe(413);
    expect(message(huge)).toMatch(/quá lớn|MB/);
    expect(await countRows(db(), 'good_deed_proposal')).toBe(before);
  });

  it('takes three an hour from one address even when sent in parallel; other addresses are not held back', async () => {
    const before = await countRows(db(), 'good_deed_proposal');
    const results = await Promise.all(Array.from({ length: 6 }, () => send(FORM, '192.0.2.44')));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 201, 201, 429, 429, 429]);
    const refused = results.find((r) => r.statusCode === 429)!;
    expect(message(refused)).toMatch(/^Mỗi địa chỉ chỉ gửi được 3 đề xuất trong một giờ\. Hãy thử lại sau \d+ phút\.$/);
    expect((await send(FORM, '192.0.2.45')).statusCode).toBe(201);
    expect(await countRows(db(), 'good_deed_proposal')).toBe(before + 4);
  });
});

let memberProposal: ProposalDto;

describe('a member proposes from the portal', () => {
  it('goes to their CĐCS with their name from their record; a user without a person cannot', async () => {
    const member = await as('doanvien');
    const noContact = await member.post('/api/v1/good-deeds', { subjectName: 'Đặng Văn Bình', story: STORY });
    expect(noContact.statusCode).toBe(400);
    expect(message(noContact)).toBe('Hãy ghi số điện thoại hoặc địa chỉ thư điện tử: hồ sơ của bạn chưa có.');
    await db().execute(sql`update person set phone = '0912345678' where id = ${w.persons.an}`);
    const res = await member.post('/api/v1/good-deeds', { subjectName: 'Đặng Văn Bình', subjectUnit: 'Tổ Toán – Tin', story: STORY });
    expect(res.statusCode, res.body).toBe(201);
    memberProposal = res.json<ProposalDto>();
    expect(memberProposal).toMatchObject({ channel: 'MEMBER', orgId: w.orgs.cdcsA.id, status: 'RECEIVED', proposer: { name: 'Nguyễn Văn An', personId: w.persons.an }, abilities: [] });
    expect(memberProposal.referenceCode).toMatch(/^NTVT-/);
    const row = (await db().execute<{ proposer_contact: string; client_hash: string | null }>(sql`select proposer_contact, client_hash from good_deed_proposal where id = ${memberProposal.id}`)).rows[0]!;
    expect(row.proposer_contact).toBe('0912345678');
    // Counted by who the member is (a salted hash of the person), never by address.
    expect(row.client_hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await (await as('xem')).post('/api/v1/good-deeds', { subjectName: 'Đặng Văn Bình', proposerContact: '0912345678', story: STORY })).statusCode).toBe(403);
  });

  it('a member neither lists nor reads nor reviews the organisation’s proposals', async () => {
    const member = await as('doanvien');
    expect((await member.get('/api/v1/good-deeds')).statusCode).toBe(403);
    expect((await member.get(`/api/v1/good-deeds/${publicId}`)).statusCode).toBe(404);
    expect((await member.post(`/api/v1/good-deeds/${publicId}/decline`, { version: 1, reason: 'Không đủ thông tin để xác minh.' })).statusCode).toBe(404);
  });
});

describe('review', () => {
  it('lists for the organisations in scope; the contact only for managers; another CĐCS gets 404', async () => {
    const officer = await as('cdcs.a');
    const page = (await officer.get(`/api/v1/good-deeds?orgId=${w.orgs.cdcsA.id}&status=RECEIVED&page=1&pageSize=2`)).json<{ items: ProposalSummaryDto[]; total: number }>();
    expect(page.total).toBe(6);
    expect(page.items).toHaveLength(2);
    expect(page.items[0]!.proposer.contact).not.toBeNull();
    expect(page.items[0]).not.toHaveProperty('story');
    const viewer = (await (await as('xem')).get(`/api/v1/good-deeds/${publicId}`)).json<ProposalDto>();
    expect(viewer.proposer).toEqual({ name: 'Lê Văn Tâm', contact: null, personId: null });
    expect(viewer.abilities).toEqual([]);
    const b = await as('cdcs.b');
    expect((await b.get(`/api/v1/good-deeds/${publicId}`)).statusCode).toBe(404);
    expect((await b.get('/api/v1/good-deeds')).json<{ total: number }>().total).toBe(0);
    expect((await b.post(`/api/v1/good-deeds/${publicId}/story`, { version: 1 })).statusCode).toBe(404);
  });

  it('a viewer cannot review (403); a stale version is refused (409); a person outside the CĐCS cannot be linked', async () => {
    expect((await (await as('xem')).post(`/api/v1/good-deeds/${publicId}/story`, { version: 1 })).statusCode).toBe(403);
    const officer = await as('cdcs.a');
    expect((await officer.post(`/api/v1/good-deeds/${publicId}/story`, { version: 7 })).statusCode).toBe(409);
    const outside = await officer.post(`/api/v1/good-deeds/${publicId}/link`, { version: 1, personId: w.persons.dang });
    expect(outside.statusCode).toBe(400);
    expect(message(outside)).toBe('Đoàn viên được chọn không thuộc đơn vị nhận đề xuất.');
    expect(await countRows(db(), 'story')).toBe(0);
  });

  it('links the member and turns the proposal into a story draft crediting the public proposer by name', async () => {
    const officer = await as('cdcs.a');
    const linked = await officer.post(`/api/v1/good-deeds/${publicId}/link`, { version: 1, personId: w.persons.anh });
    expect(linked.statusCode, linked.body).toBe(200);
    const l = linked.json<ProposalDto>();
    expect(l.person).toEqual({ id: w.persons.anh, name: 'Nguyễn Thị Ánh' });
    const res = await officer.post(`/api/v1/good-deeds/${publicId}/story`, { version: l.version });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json<ProposalDto>();
    expect(p).toMatchObject({ status: 'STORY', abilities: [] });
    const story = (await db().execute<Record<string, unknown>>(sql`
      select org_id, subject_kind, person_id, subject_name, subject_unit, title, slug, summary, body, proposal_id, status from story where id = ${p.storyId}`)).rows[0]!;
    expect(story).toEqual({
      org_id: w.orgs.cdcsA.id, subject_kind: 'PERSON', person_id: w.persons.anh, subject_name: 'Nguyễn Thị Ánh', subject_unit: 'Trường THCS Phước Minh', title: 'Nguyễn Thị Ánh',
      slug: `de-xuat-${publicRef.toLowerCase()}`, summary: `${STORY} <script>alert(1)</script>`.slice(0, 300), body: `${STORY} <script>alert(1)</script>`, proposal_id: publicId, status: 'DRAFT',
    });
    const credits = await db().execute(sql`select person_id, name, role, status from story_credit where story_id = ${p.storyId}`);
    expect(credits.rows).toEqual([{ person_id: null, name: 'Lê Văn Tâm', role: 'DISCOVERED', status: 'ACTIVE' }]);
    expect(await auditEvents(db(), 'proposal.story', publicId)).toHaveLength(1);
    expect(await auditEvents(db(), 'story.create', p.storyId!)).toHaveLength(1);
    // Reviewed once: no second story, no decline afterwards.
    expect((await officer.post(`/api/v1/good-deeds/${publicId}/story`, { version: p.version })).statusCode).toBe(409);
    expect((await officer.post(`/api/v1/good-deeds/${publicId}/decline`, { version: p.version, reason: 'Không đủ thông tin để xác minh.' })).statusCode).toBe(409);
    expect(await countRows(db(), 'story')).toBe(1);
    expect((await anon('GET', `/public/good-deeds/${publicRef}`)).json<PublicProposalStatus>().status).toBe('STORY');
  });

  it('a member’s proposal made into a story credits the member by their person', async () => {
    const officer = await as('huyen.tdkt');
    const res = await officer.post(`/api/v1/good-deeds/${memberProposal.id}/story`, { version: memberProposal.version });
    expect(res.statusCode, res.body).toBe(200);
    const credits = await db().execute(sql`select person_id, name, role from story_credit where story_id = ${res.json<ProposalDto>().storyId}`);
    expect(credits.rows).toEqual([{ person_id: w.persons.an, name: null, role: 'DISCOVERED' }]);
  });

  it('joins an existing nomination in scope (of the linked person only), or declines with a reason', async () => {
    const officer = await as('cdcs.a');
    const [other, outside, mine] = await insertToCouncil(db(), w.orgs.huyen, [
      { personId: w.persons.an, unit: w.orgs.cdcsA, name: 'Nguyễn Văn An', awardCode: 'LDTT' },
      { personId: w.persons.dang, unit: w.orgs.cdcsB, name: 'Đặng Văn Bình', awardCode: 'LDTT' },
      { personId: w.persons.anh, unit: w.orgs.cdcsA, name: 'Nguyễn Thị Ánh', awardCode: 'CSTD_CS' },
    ]);
    const list = (await officer.get(`/api/v1/good-deeds?status=RECEIVED&pageSize=10`)).json<{ items: ProposalSummaryDto[] }>();
    const [first, second] = list.items;
    const linked = (await officer.post(`/api/v1/good-deeds/${first!.id}/link`, { version: first!.version, personId: w.persons.anh })).json<ProposalDto>();
    const wrongPerson = await officer.post(`/api/v1/good-deeds/${first!.id}/nominate`, { version: linked.version, nominationId: other });
    expect(wrongPerson.statusCode).toBe(400);
    expect(message(wrongPerson)).toMatch(/là của người khác/);
    expect((await officer.post(`/api/v1/good-deeds/${first!.id}/nominate`, { version: linked.version, nominationId: outside })).statusCode).toBe(400);
    const ok = await officer.post(`/api/v1/good-deeds/${first!.id}/nominate`, { version: linked.version, nominationId: mine });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<ProposalDto>()).toMatchObject({ status: 'NOMINATED', nominationId: mine, person: { id: w.persons.anh } });
    expect(await auditEvents(db(), 'proposal.nominate', first!.id)).toHaveLength(1);

    expect((await officer.post(`/api/v1/good-deeds/${second!.id}/decline`, { version: second!.version, reason: 'ngắn' })).statusCode).toBe(400);
    const declined = await officer.post(`/api/v1/good-deeds/${second!.id}/decline`, { version: second!.version, reason: 'Trùng với đề xuất đã nhận trước đó.' });
    expect(declined.statusCode).toBe(200);
    expect(declined.json<ProposalDto>()).toMatchObject({ status: 'DECLINED', reviewNote: 'Trùng với đề xuất đã nhận trước đó.' });
    expect(await auditEvents(db(), 'proposal.decline', second!.id)).toHaveLength(1);
  });
});

// Last: the extra proposals would change the counts the review tests expect.
describe('a member’s limit', () => {
  it('a member sends at most MEMBER_PROPOSAL_LIMITS.perHour an hour; the next is refused in Vietnamese and nothing is stored', async () => {
    const personId = await createPerson(db(), w.orgs.toA, { fullName: 'Phạm Thị Thu' });
    await db().execute(sql`update person set email = 'thu.pham@example.vn' where id = ${personId}`);
    await createUser(db(), 'thanhvien.gioihan', [{ role: 'MEMBER', org: w.orgs.cdcsA }], personId);
    const member = await as('thanhvien.gioihan');
    const sent = await Promise.all(Array.from({ length: MEMBER_PROPOSAL_LIMITS.perHour + 2 }, () => member.post('/api/v1/good-deeds', { subjectName: 'Đặng Văn Bình', story: STORY })));
    expect(sent.filter((r) => r.statusCode === 201)).toHaveLength(MEMBER_PROPOSAL_LIMITS.perHour);
    const refused = sent.filter((r) => r.statusCode === 429);
    expect(refused).toHaveLength(2);
    expect(message(refused[0]!)).toMatch(/^Bạn đã gửi/);
    expect(await countRows(db(), 'good_deed_proposal', sql`proposer_person_id = ${personId}`)).toBe(MEMBER_PROPOSAL_LIMITS.perHour);
  });
});
