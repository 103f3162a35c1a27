// The member portal: the logged-in member sees their own memberships, records, registrations,
// awards with certificates (downloaded one by one), proposals and credits — never another person's;
// a user without a person on record gets the empty state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestEnv } from '../support/app';
import { loginAs, smallWorld } from '../factories';
import { insertToCouncil } from '../support/councils';
import { todayInVietnam } from '../../src/server/modules/imports/xlsx';
import type { DecisionDto } from '../../src/contracts/decisions';
import type { MyRecord } from '../../src/contracts/me';
import type { ProposalDto } from '../../src/contracts/proposals';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
const YEAR = Number(todayInVietnam().slice(0, 4));
let serials: Map<number, string>;

beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(env.database.db);
  const db = env.database.db;
  // A signed district decision awarding An and Bình (the drafting and signing are tested in decisions.test.ts).
  const ids = await insertToCouncil(db, w.orgs.huyen, [
    { personId: w.persons.an, unit: w.orgs.cdcsA, name: 'Nguyễn Văn An', awardCode: 'LDTT' },
    { personId: w.persons.dang, unit: w.orgs.cdcsB, name: 'Đặng Văn Bình', awardCode: 'LDTT' },
  ]);
  await db.execute(sql`update nomination set status = 'COUNCIL_PASSED' where id = any(${sql.param(ids)}::bigint[])`);
  const officer = await loginAs(env.app, 'huyen.tdkt');
  const draft = await officer.post('/api/v1/decisions', { orgId: w.orgs.huyen.id, nominationIds: ids });
  if (draft.statusCode !== 201) throw new Error(draft.body);
  const d = draft.json<DecisionDto>();
  const signed = await officer.post(`/api/v1/decisions/${d.id}/sign`, { version: d.version, signedOn: todayInVietnam(), signerName: 'Nguyễn Thị Thúy', overBudgetConfirmed: true });
  if (signed.statusCode !== 200) throw new Error(signed.body);
  const c = await db.execute<{ person_id: number; serial: string }>(sql`select i.person_id, c.serial from certificate c join decision_item i on i.id = c.decision_item_id`);
  serials = new Map(c.rows.map((r) => [Number(r.person_id), r.serial]));
  // Registrations of each member by their CĐCS.
  for (const [user, personId] of [['cdcs.a', w.persons.an], ['cdcs.b', w.persons.dang]] as const) {
    const r = await (await loginAs(env.app, user)).post('/api/v1/registrations', { personId, year: YEAR + 1, awardCode: 'LDTT' });
    if (r.statusCode !== 200) throw new Error(r.body);
  }
});
afterAll(() => env.close());

const as = (user: string) => loginAs(env.app, user);

describe('my record', () => {
  it('shows the member’s own memberships, awards with the certificate, records and registrations — nobody else’s', async () => {
    const res = await (await as('doanvien')).get('/api/v1/me/record');
    expect(res.statusCode, res.body).toBe(200);
    const me = res.json<MyRecord>();
    expect(me.hasPerson).toBe(true);
    expect(me.person).toMatchObject({ id: w.persons.an, fullName: 'Nguyễn Văn An', memberCode: 'DV0000001', unitName: 'Công đoàn cơ sở Trường THCS Phước Minh' });
    expect(me.memberships.map((m) => m.orgId)).toEqual([w.orgs.cdcsA.id]);
    expect(me.awards).toHaveLength(1);
    const serial = serials.get(w.persons.an)!;
    expect(me.awards[0]).toMatchObject({ awardCode: 'LDTT', revoked: false, serial, issuerName: 'Liên đoàn Lao động huyện DMC', decisionDate: todayInVietnam() });
    expect(me.awards[0]!.verifyUrl).toMatch(new RegExp(`/verify/${serial}$`));
    expect(me.records.some((r) => r.kind === 'AWARD' && r.personId === w.persons.an)).toBe(true);
    expect(me.records.every((r) => r.personId === w.persons.an)).toBe(true);
    expect(me.registrations.map((r) => [r.personId, r.awardCode, r.year])).toEqual([[w.persons.an, 'LDTT', YEAR + 1]]);
    expect(res.body).not.toContain('Đặng Văn Bình');
    expect(res.body).not.toContain(serials.get(w.persons.dang)!);
  });

  it('lists the member’s proposals and the credit once an officer makes one a story', async () => {
    const member = await as('doanvien');
    const p = (await member.post('/api/v1/good-deeds', { subjectName: 'Trần Thị Cúc', proposerContact: 'an@example.vn', story: 'Chị Cúc hiến máu tình nguyện mười lần và vận động cả tổ cùng tham gia.' })).json<ProposalDto>();
    let me = (await member.get('/api/v1/me/record')).json<MyRecord>();
    expect(me.proposals).toEqual([{ id: p.id, referenceCode: p.referenceCode, subjectName: 'Trần Thị Cúc', receivedOn: todayInVietnam(), status: 'RECEIVED' }]);
    expect(me.credits).toEqual([]);
    const made = (await (await as('cdcs.a')).post(`/api/v1/good-deeds/${p.id}/story`, { version: p.version })).json<ProposalDto>();
    me = (await member.get('/api/v1/me/record')).json<MyRecord>();
    expect(me.proposals[0]!.status).toBe('STORY');
    expect(me.credits).toMatchObject([{ storyId: made.storyId, title: 'Trần Thị Cúc', role: 'DISCOVERED' }]);
  });

  it('a user without a person on record gets the empty state', async () => {
    const res = await (await as('xem')).get('/api/v1/me/record');
    expect(res.statusCode).toBe(200);
    expect(res.json<MyRecord>()).toMatchObject({ hasPerson: false, person: null, awards: [], records: [], registrations: [] });
  });
});

describe('certificate download', () => {
  it('renders the member’s own certificate as a PDF; another person’s, an unknown or a revoked one is 404', async () => {
    const member = await as('doanvien');
    const own = await member.get(`/api/v1/me/certificates/${serials.get(w.persons.an)}.pdf`);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect(own.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(String(own.headers['content-disposition'])).toContain(serials.get(w.persons.an)!);
    // Just this certificate: one page, the member's name and serial, nobody else's.
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const pdf = await getDocument({ data: new Uint8Array(own.rawPayload), isEvalSupported: false }).promise;
    expect(pdf.numPages).toBe(1);
    const text = (await (await pdf.getPage(1)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' ');
    await pdf.destroy();
    expect(text).toContain('Nguyễn Văn An');
    expect(text).toContain(serials.get(w.persons.an)!);
    expect(text).not.toContain('Đặng Văn Bình');
    expect((await member.get(`/api/v1/me/certificates/${serials.get(w.persons.dang)}.pdf`)).statusCode).toBe(404);
    expect((await member.get('/api/v1/me/certificates/DMC-2026-999999.pdf')).statusCode).toBe(404);
    // An officer without a person of their own cannot fetch members' certificates here either.
    expect((await (await as('huyen.tdkt')).get(`/api/v1/me/certificates/${serials.get(w.persons.an)}.pdf`)).statusCode).toBe(404);
    expect((await env.app.inject({ method: 'GET', url: `/api/v1/me/certificates/${serials.get(w.persons.an)}.pdf` })).statusCode).toBe(401);
    await env.database.db.execute(sql`update decision_item set status = 'REVOKED', revoked_on = current_date, revoked_reason = 'Thử thu hồi' where person_id = ${w.persons.an}`);
    expect((await member.get(`/api/v1/me/certificates/${serials.get(w.persons.an)}.pdf`)).statusCode).toBe(404);
    const me = (await member.get('/api/v1/me/record')).json<MyRecord>();
    expect(me.awards[0]).toMatchObject({ revoked: true });
  });
});
