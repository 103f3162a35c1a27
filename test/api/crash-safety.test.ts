// Crash safety (issue 11, item 1): the real server process is killed with SIGKILL while writes are in
// the middle of their transactions (fault-injection points, src/server/lib/failpoints.ts), then
// started again. Every operation is complete or absent, every acknowledged write is there, jobs the
// dead process left fail visibly, and the audit chain verifies.
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { cloneDatabase } from '../support/app';
import { connect, type Database } from '../../src/server/db/client';
import { loginAs, smallWorld, PASSWORD } from '../factories';
import { memberWorkbook, type MemberCells } from '../support/xlsx';
import { HttpClient, startServer, type ServerProcess } from '../support/server-process';
import { verifyAuditChain } from '../../src/server/lib/audit';
import { t } from '../../src/contracts/messages';
import { todayInVietnam } from '../../src/server/modules/imports/xlsx/validate-member-row';
import { insertToCouncil } from '../support/councils';
import { openVotingMeeting, type Setup } from '../support/voting-meeting';
import { buildApp } from '../../src/server/app';
import { createContext } from '../../src/server/bootstrap';
import { loadConfig } from '../../src/server/config';
import type { DecisionDto } from '../../src/contracts/decisions';
import type { VerifyDto } from '../../src/contracts/councils';

let clone: Awaited<ReturnType<typeof cloneDatabase>>;
let database: Database;
let w: Awaited<ReturnType<typeof smallWorld>>;
let meeting: Setup;
let earlierId: number;
const dataDir = path.join(os.tmpdir(), `vd-crash-${crypto.randomBytes(4).toString('hex')}`);
const sessionSecret = crypto.randomBytes(32).toString('hex');
const servers: ServerProcess[] = [];

beforeAll(async () => {
  clone = await cloneDatabase();
  database = connect(clone.url, 3);
  w = await smallWorld(database.db);
  // The council meeting is set up in process (through the API) before the server under test starts.
  const app = await buildApp(createContext(loadConfig({ DATA_DIR: dataDir, SESSION_SECRET: sessionSecret }), database));
  meeting = await openVotingMeeting({ db: database.db, app, w }, 'DMC-HD', 'hd', ['Nguyễn Văn An (sự cố)']);
  // A decision signed before the crash (number 01): its certificates are printed when the server is killed.
  const officer = await loginAs(app, 'huyen.tdkt');
  const ids = await insertToCouncil(database.db, w.orgs.huyen, [{ personId: w.persons.tran, unit: w.orgs.cdcsB, name: 'Trần Thị Cúc', awardCode: 'LDTT' }], 2026);
  await database.db.execute(sql`update nomination set status = 'COUNCIL_PASSED' where id = any(${sql.param(ids)}::bigint[])`);
  const draft = (await officer.post('/api/v1/decisions', { orgId: w.orgs.huyen.id, nominationIds: ids })).json<DecisionDto>();
  const signed = await officer.post(`/api/v1/decisions/${draft.id}/sign`, { version: draft.version, signedOn: todayInVietnam() });
  expect(signed.json<DecisionDto>()).toMatchObject({ status: 'SIGNED', number: 1 });
  earlierId = draft.id;
  await app.close();
});
afterAll(async () => {
  await Promise.allSettled(servers.map((s) => s.stop()));
  await database?.close();
  await clone?.drop();
  await rm(dataDir, { recursive: true, force: true });
});

async function server(failpoints: string[] = []) {
  const s = await startServer({ databaseUrl: clone.url, dataDir, sessionSecret, failpoints });
  servers.push(s);
  return s;
}

/** A draft decision of the district with two passed nominations. */
async function draftDecision(c: HttpClient, names: [string, number][]): Promise<DecisionDto> {
  const ids = await insertToCouncil(database.db, w.orgs.huyen, names.map(([name, personId]) => ({ personId, unit: w.orgs.cdcsA, name, awardCode: 'LDTT' })), 2026);
  await database.db.execute(sql`update nomination set status = 'COUNCIL_PASSED' where id = any(${sql.param(ids)}::bigint[])`);
  const res = await c.post('/api/v1/decisions', { orgId: w.orgs.huyen.id, nominationIds: ids });
  expect(res.status, res.text).toBe(201);
  return res.json() as DecisionDto;
}

const count = async (q: ReturnType<typeof sql>) => Number((await database.db.execute<{ n: number }>(q)).rows[0]!.n);

const rows = (n: number, prefix: string): MemberCells[] =>
  Array.from({ length: n }, (_, i) => ({
    fullName: `${prefix} Thị Hạnh ${i + 1}`, gender: 'Nữ', birthDate: '12/04/1988', cccd: `0721${prefix === 'Vũ' ? '8' : '9'}${String(i + 1).padStart(7, '0')}`,
    unitCode: 'DMC-A', position: 'Giáo viên', isLeader: 'Không', isDirectWorker: 'Không', joinedUnionOn: '01/09/2010',
  }));

async function uploadReady(c: HttpClient, file: Buffer): Promise<number> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), 'doan-vien.xlsx');
  const res = await c.request('POST', `/api/v1/imports/members?orgId=${w.orgs.huyen.id}`, form);
  expect(res.status, res.text).toBe(200);
  const id = (res.json() as { id: number }).id;
  return (await waitForImport(c, id, ['READY'])).id;
}

async function waitForImport(c: HttpClient, id: number, wanted: string[]): Promise<{ id: number; status: string; errors: { message: string }[] }> {
  for (let i = 0; i < 600; i++) {
    const job = (await c.get(`/api/v1/imports/${id}`)).json() as { id: number; status: string; errors: { message: string }[] };
    if (wanted.includes(job.status)) return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`import ${id} never reached ${wanted.join('/')}`);
}

describe('SIGKILL in the middle of writes', () => {
  it('leaves a signing, a ballot and a member import absent, a certificate print undone and a report job failed visibly; keeps every acknowledged write; numbers without gap; both chains verify', async () => {
    const first = await server(['import.commit.chunk', 'report.job.step', 'decision.sign.records', 'council.ballot.cast', 'certificates.render']);
    const c = await new HttpClient(first.base).login('huyen.tdkt', PASSWORD);
    const today = todayInVietnam();

    // Acknowledged writes before the crash.
    const acknowledged: string[] = [];
    for (const k of [1, 2, 3]) {
      const r = await c.post('/api/v1/organisations', { code: `DMC-A-K${k}`, name: `Tổ công đoàn Khối ${k}`, kind: 'TO_CD', parentId: w.orgs.cdcsA.id, effectiveOn: today });
      expect(r.status, r.text).toBe(200);
      acknowledged.push(`DMC-A-K${k}`);
    }
    const auditBefore = await count(sql`select count(*)::int as n from audit_event`);

    // A frozen report stops in the middle of computing its figures.
    const frozen = await c.post('/api/v1/reports/snapshots', { orgId: w.orgs.huyen.id, year: 2025, kind: 'DASHBOARD' });
    expect(frozen.status, frozen.text).toBe(200);
    const snapshotId = (frozen.json() as { id: number }).id;
    await first.waitForOutput('FAILPOINT report.job.step');
    // A batch print of the signed decision's certificates stops in the middle (it writes nothing).
    const printing = c.get(`/api/v1/decisions/${earlierId}/certificates.pdf`).catch(() => null);
    await first.waitForOutput('FAILPOINT certificates.render');
    // A decision stops while signing: number taken, award records and certificates written, not committed.
    const draft = await draftDecision(c, [['Nguyễn Văn An', w.persons.an], ['Nguyễn Thị Ánh', w.persons.anh]]);
    const signing = c.post(`/api/v1/decisions/${draft.id}/sign`, { version: draft.version, signedOn: today }).catch(() => null);
    await Promise.race([first.waitForOutput('FAILPOINT decision.sign.records'), signing.then((r) => Promise.reject(new Error(`signing answered: ${r?.status} ${r?.text}`)))]);
    // A member import stops inside its commit transaction, its people written, their audit events not yet.
    const jobId = await uploadReady(c, await memberWorkbook(rows(40, 'Vũ')));
    expect((await c.post(`/api/v1/imports/${jobId}/commit`)).status).toBe(200);
    await first.waitForOutput('FAILPOINT import.commit.chunk');
    // A council member's secret ballot stops after its voter row, envelope and audit event (holding the
    // audit chain's head until the transaction ends: it comes last).
    const voter = await new HttpClient(first.base).login(`${meeting.prefix}1`, PASSWORD);
    const casting = voter.post(`/api/v1/council-meetings/${meeting.meetingId}/ballots`, { votes: [{ itemId: meeting.items[0]!.id, choice: 'YES' }] }).catch(() => null);
    await first.waitForOutput('FAILPOINT council.ballot.cast');

    await first.kill();
    // The requests in flight never got an answer: nothing was acknowledged.
    expect(await signing).toBeNull();
    expect(await printing).toBeNull();
    expect(await casting).toBeNull();

    // While the server is down: nothing of the import's transaction is visible.
    expect(await count(sql`select count(*)::int as n from person where full_name like 'Vũ Thị Hạnh %'`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from audit_event where action like 'member.import.%'`)).toBe(0);

    const second = await server();
    const c2 = c.on(second.base);
    // The import the dead process was committing failed visibly and wrote nothing.
    const job = await waitForImport(c2, jobId, ['FAILED']);
    expect(job.errors[0]!.message).toBe(t('vi', 'import.interrupted'));
    expect(await count(sql`select count(*)::int as n from person where full_name like 'Vũ Thị Hạnh %'`)).toBe(0);
    // The report job failed visibly with the reason in Vietnamese; the report's own record (and its audit event) remain.
    const snap = (await c2.get(`/api/v1/reports/snapshots/${snapshotId}`)).json() as { status: string; progress: { failure: string | null }; figures: unknown };
    expect(snap).toMatchObject({ status: 'FAILED', progress: { failure: t('vi', 'reports.job.interrupted') }, figures: null });
    // The decision is still a draft: no number used, no award record, no certificate.
    const d = (await c2.get(`/api/v1/decisions/${draft.id}`)).json() as DecisionDto;
    expect(d).toMatchObject({ status: 'DRAFT', number: null });
    expect(await count(sql`select count(*)::int as n from decision_item where decision_id = ${draft.id} and award_record_id is not null`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from certificate where decision_id = ${draft.id}`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from decision where number is not null`)).toBe(1);
    // The interrupted print is simply printed again, the same bytes twice.
    const pdfA = await fetch(`${second.base}/api/v1/decisions/${earlierId}/certificates.pdf`, { headers: { cookie: c2.cookieHeader() } });
    const pdfB = await fetch(`${second.base}/api/v1/decisions/${earlierId}/certificates.pdf`, { headers: { cookie: c2.cookieHeader() } });
    expect(pdfA.status).toBe(200);
    const bytesA = Buffer.from(await pdfA.arrayBuffer());
    expect(bytesA.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytesA.equals(Buffer.from(await pdfB.arrayBuffer()))).toBe(true);
    // The ballot is absent as a whole: no voter row, no envelope.
    expect(await count(sql`select count(*)::int as n from ballot_voter`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from ballot_envelope`)).toBe(0);
    // Every acknowledged write is there; the audit chain verifies; only the acknowledged report creation was added.
    const units = await database.db.execute<{ code: string }>(sql`select code from organisation where code like 'DMC-A-K%' order by code`);
    expect(units.rows.map((u) => u.code)).toEqual(acknowledged);
    expect(await count(sql`select count(*)::int as n from audit_event`)).toBe(auditBefore + 2); // the report and the draft decision
    expect((await verifyAuditChain(database.db)).ok).toBe(true);

    // The same work succeeds after the restart: the decision gets number 02 (no gap), the ballot counts.
    const signed = await c2.post(`/api/v1/decisions/${draft.id}/sign`, { version: d.version, signedOn: today });
    expect(signed.status, signed.text).toBe(200);
    expect(signed.json()).toMatchObject({ status: 'SIGNED', number: 2 });
    const second2 = await draftDecision(c2, [['Nguyễn Văn An', w.persons.an]]);
    expect((await c2.post(`/api/v1/decisions/${second2.id}/sign`, { version: second2.version, signedOn: today })).json()).toMatchObject({ number: 3 });
    const voter2 = voter.on(second.base);
    expect((await voter2.post(`/api/v1/council-meetings/${meeting.meetingId}/ballots`, { votes: [{ itemId: meeting.items[0]!.id, choice: 'YES' }] })).status).toBe(201);
    const officer = await new HttpClient(second.base).login(`${meeting.prefix}.tdkt`, PASSWORD);
    for (const seat of [2, 3, 4]) {
      const v = await new HttpClient(second.base).login(`${meeting.prefix}${seat}`, PASSWORD);
      expect((await v.post(`/api/v1/council-meetings/${meeting.meetingId}/ballots`, { votes: [{ itemId: meeting.items[0]!.id, choice: 'NO' }] })).status).toBe(201);
    }
    const closed = await officer.post(`/api/v1/council-meetings/${meeting.meetingId}/close`, {});
    expect(closed.status, closed.text).toBe(200);
    const verify = (await officer.get(`/api/v1/council-meetings/${meeting.meetingId}/verify`)).json() as VerifyDto;
    expect(verify).toMatchObject({ ok: true, ballots: 4, problems: [] });
    expect(await count(sql`select count(*)::int as n from ballot where choice = 'YES'`)).toBe(1);
    const again = await uploadReady(c2, await memberWorkbook(rows(40, 'Vũ')));
    expect((await c2.post(`/api/v1/imports/${again}/commit`)).status).toBe(200);
    expect((await waitForImport(c2, again, ['COMMITTED', 'FAILED'])).status).toBe('COMMITTED');
    expect(await count(sql`select count(*)::int as n from person where full_name like 'Vũ Thị Hạnh %'`)).toBe(40);
    const refrozen = (await c2.post('/api/v1/reports/snapshots', { orgId: w.orgs.huyen.id, year: 2025, kind: 'DASHBOARD' })).json() as { id: number };
    let status = '';
    for (let i = 0; i < 300 && status !== 'ACTIVE'; i++) {
      status = ((await c2.get(`/api/v1/reports/snapshots/${refrozen.id}`)).json() as { status: string }).status;
      if (status !== 'ACTIVE') await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe('ACTIVE');
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
    await second.stop();
  }, 240_000);
});
