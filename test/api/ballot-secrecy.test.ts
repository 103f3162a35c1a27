// The ballot box: a secret ballot is sealed in the voter's transaction and written as an anonymous
// `ballot` row only when its item is counted, so that nothing a plain SQL reader can see — the hidden
// transaction id (`xmin`), the physical order, the audit log, the receipt hash, the channel — links a
// choice to a voter. Also: the count refuses a ballot box that does not match who voted; the
// verification checks outcomes, results and the head recorded in the audit log; attendance is fixed
// while voting; a running public consultation blocks closing.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestEnv } from '../support/app';
import { loginAs, smallWorld } from '../factories';
import { auditEvents, countRows } from '../support/achievements';
import { insertPastConsultation } from '../support/councils';
import { openVotingMeeting, type Setup } from '../support/voting-meeting';
import { ballotHash, receiptHash, tallyHash, type TallyBody } from '../../src/server/modules/councils/ballot-chain';
import { ENVELOPE_LENGTH } from '../../src/server/modules/councils/ballot-box';
import type { MeetingDto, MeetingItemDto, ReceiptDto, VerifyDto } from '../../src/contracts/councils';

type Page<T> = { items: T[]; total: number };
const execFileP = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;

beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(env.database.db);
});
afterAll(() => env.close());

const db = () => env.database.db;
const as = (user: string) => loginAs(env.app, user);
const message = (res: { json: <T>() => T }) => res.json<{ message: string }>().message;

async function cli(args: string[]) {
  try {
    const r = await execFileP(process.execPath, [path.join(ROOT, 'bin/vinhdanh.js'), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: env.url, DATA_DIR: env.ctx.config.dataDir },
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const votingMeeting = (code: string, prefix: string, names: string[], opts: { paper?: number[]; openVoting?: boolean } = {}) =>
  openVotingMeeting({ db: db(), app: env.app, w }, code, prefix, names, opts);

const vote = (s: Setup, seat: number, votes: { itemId: number; choice: string }[]) =>
  as(`${s.prefix}${seat}`).then((c) => c.post(`/api/v1/council-meetings/${s.meetingId}/ballots`, { votes }));

const xminRows = async (table: 'ballot' | 'ballot_voter' | 'ballot_envelope', itemIds: number[]) =>
  (await db().execute<{ xmin: string; item_id: number }>(sql`select xmin::text as xmin, item_id from ${sql.raw(table)} where item_id = any(${sql.param(itemIds)}::bigint[])`)).rows;

describe('the ballot box', () => {
  let s: Setup;
  let ids: number[];
  const receipts = new Map<number, ReceiptDto>();

  it('keeps every choice sealed while voting: no ballot row, envelopes of one length, written in the voter’s transaction', async () => {
    s = await votingMeeting('DMC-BB', 'hp', ['Nguyễn Văn An (hòm phiếu)', 'Trần Thị Cúc (hòm phiếu)']);
    ids = s.items.map((i) => i.id);
    const [a, b] = ids as [number, number];
    const plan: [string, string][] = [['YES', 'NO'], ['NO', 'YES'], ['ABSTAIN', 'YES'], ['YES', 'YES']];
    for (const [i, [x, y]] of plan.entries()) {
      const res = await vote(s, i + 1, [{ itemId: a, choice: x }, { itemId: b, choice: y }]);
      expect(res.statusCode, res.body).toBe(201);
      receipts.set(i + 1, res.json<ReceiptDto>());
    }
    // The absent member's written vote, on one item only: the only WRITTEN voter of that item.
    const written = await s.officer.post(`/api/v1/meeting-items/${a}/written-votes`, { memberId: s.members[4], choice: 'NO' });
    expect(written.statusCode, written.body).toBe(201);

    expect(await countRows(db(), 'ballot', sql`item_id = any(${sql.param(ids)}::bigint[])`)).toBe(0);
    const envelopes = await db().execute<{ item_id: number; sealed: string }>(sql`select item_id, sealed from ballot_envelope where item_id = any(${sql.param(ids)}::bigint[])`);
    expect(envelopes.rows.filter((e) => Number(e.item_id) === a)).toHaveLength(5);
    expect(envelopes.rows.filter((e) => Number(e.item_id) === b)).toHaveLength(4);
    expect(new Set(envelopes.rows.map((e) => e.sealed.length))).toEqual(new Set([ENVELOPE_LENGTH]));
    for (const e of envelopes.rows) expect(Buffer.from(e.sealed, 'base64').toString('latin1')).not.toMatch(/YES|NO|ABSTAIN|WRITTEN|ONLINE/);
    // Nothing in the audit log says how anyone voted.
    const events = await db().execute<{ after: unknown }>(sql`select after from audit_event where action in ('council.ballots.cast', 'council.ballot.written') and (entity_id = ${String(s.meetingId)} or entity_id = ${String(a)})`);
    expect(events.rows).toHaveLength(5);
    for (const e of events.rows) expect(JSON.stringify(e.after)).not.toMatch(/YES|NO|ABSTAIN|choice/);
    // A voter finds their ballots in the box before the count.
    const check = await (await as(`${s.prefix}2`)).post(`/api/v1/council-meetings/${s.meetingId}/receipts/check`, { receipt: receipts.get(2)!.receipt });
    expect(check.json<{ found: boolean; items: { itemId: number; sealed: boolean }[] }>()).toEqual({
      found: true,
      items: [expect.objectContaining({ itemId: a, sealed: false }), expect.objectContaining({ itemId: b, sealed: false })],
    });
    const none = await (await as(`${s.prefix}2`)).post(`/api/v1/council-meetings/${s.meetingId}/receipts/check`, { receipt: 'AAAA-BBBB-CCCC' });
    expect(none.json()).toEqual({ found: false, items: [] });
  });

  it('counts from the opened box, and after the count no join links a ballot to its voter', async () => {
    const [a, b] = ids as [number, number];
    const closed = await s.officer.post(`/api/v1/council-meetings/${s.meetingId}/close`, {});
    expect(closed.statusCode, closed.body).toBe(200);
    const items = (await s.officer.get(`/api/v1/council-meetings/${s.meetingId}/items?pageSize=100`)).json<Page<MeetingItemDto>>().items;
    const byId = new Map(items.map((i) => [i.id, i]));
    expect(byId.get(a)!.tally).toMatchObject({ counts: { yes: 2, no: 2, abstain: 1, invalid: 0 }, written: 1 });
    expect(byId.get(b)!.tally).toMatchObject({ counts: { yes: 3, no: 1, abstain: 0, invalid: 0 }, written: 0 });
    expect(await countRows(db(), 'ballot_envelope', sql`item_id = any(${sql.param(ids)}::bigint[])`)).toBe(0);

    const ballots = await xminRows('ballot', ids);
    const voters = await xminRows('ballot_voter', ids);
    expect(ballots).toHaveLength(9);
    expect(voters).toHaveLength(9);
    // All ballots of the meeting were written by the one closing transaction, which wrote no voter.
    expect(new Set(ballots.map((x) => x.xmin)).size).toBe(1);
    const voterXmins = new Set(voters.map((v) => v.xmin));
    for (const v of voterXmins) expect(ballots.filter((x) => x.xmin === v)).toEqual([]);
    const joined = await db().execute<{ n: number }>(sql`
      select count(*)::int as n from ballot b join ballot_voter v on v.xmin = b.xmin and v.item_id = b.item_id where b.item_id = any(${sql.param(ids)}::bigint[])`);
    expect(Number(joined.rows[0]!.n)).toBe(0);
    // The audit events sharing the ballots' transaction are the closing ones, by the office.
    const sameTx = await db().execute<{ action: string }>(sql`
      select distinct a.action from audit_event a where a.xmin::text = ${ballots[0]!.xmin} order by a.action`);
    expect(sameTx.rows.map((r) => r.action)).toEqual(['council.meeting.close', 'council.voting.close']);
    const castXmins = await db().execute<{ xmin: string }>(sql`
      select a.xmin::text as xmin from audit_event a where a.action in ('council.ballots.cast', 'council.ballot.written') and (a.entity_id = ${String(s.meetingId)} or a.entity_id = ${String(a)})`);
    expect(castXmins.rows).toHaveLength(5);
    for (const e of castXmins.rows) {
      expect(voterXmins.has(e.xmin)).toBe(true); // the voter's own transaction …
      expect(ballots.some((x) => x.xmin === e.xmin)).toBe(false); // … holds no ballot
    }
    // The channel no longer tells the written vote apart; receipt hashes appear nowhere else.
    const channels = await db().execute<{ channel: string }>(sql`select distinct channel from ballot where item_id = any(${sql.param(ids)}::bigint[])`);
    expect(channels.rows.map((r) => r.channel)).toEqual(['SEALED']);
    const leaks = await db().execute<{ n: number }>(sql`
      select count(*)::int as n from ballot b, audit_event a where b.item_id = any(${sql.param(ids)}::bigint[])
        and (a.after::text like '%' || b.receipt_hash || '%' or a.after::text like '%' || b.id || '%' or a.after::text like '%' || b.hash || '%')`);
    expect(Number(leaks.rows[0]!.n)).toBe(0);
    // Physical order: every ballot of the meeting sits in the one closing transaction, so the order
    // (ctid) is the closing order of insertion, which is shuffled, not the order of voting.
    const physical = await db().execute<{ xmin: string }>(sql`select xmin::text as xmin from ballot where item_id = any(${sql.param(ids)}::bigint[]) order by ctid`);
    expect(new Set(physical.rows.map((r) => r.xmin))).toEqual(new Set([ballots[0]!.xmin]));

    // A voter still finds their ballots in the count.
    const check = await (await as(`${s.prefix}1`)).post(`/api/v1/council-meetings/${s.meetingId}/receipts/check`, { receipt: receipts.get(1)!.receipt });
    expect(check.json<{ items: { itemId: number; sealed: boolean }[] }>().items).toEqual([
      expect.objectContaining({ itemId: a, sealed: true }), expect.objectContaining({ itemId: b, sealed: true }),
    ]);
    expect((await s.officer.get(`/api/v1/council-meetings/${s.meetingId}/verify`)).json<VerifyDto>()).toEqual({ ok: true, items: 2, ballots: 9, problems: [] });
  });

  it('verification catches a rewritten outcome, an edited result, a head that differs from the audit log and a box left unopened', async () => {
    const verify = async () => (await s.officer.get(`/api/v1/council-meetings/${s.meetingId}/verify`)).json<VerifyDto>();
    const problems = async () => (await verify()).problems.map((p) => p.problem).sort();
    const cliOk = await cli(['ballots', 'verify', String(s.meetingId)]);
    expect(cliOk.code, cliOk.stderr).toBe(0);

    // The result on the agenda item edited.
    const [a] = ids as [number, number];
    const before = await db().execute<{ result: string }>(sql`select result from meeting_item where id = ${a}`);
    const original = before.rows[0]!.result;
    await db().execute(sql`update meeting_item set result = ${original === 'PASSED' ? 'FAILED' : 'PASSED'} where id = ${a}`);
    try {
      expect(await problems()).toEqual(['RESULT_MISMATCH']);
      expect((await verify()).problems[0]!.detail).toMatch(/^Kết quả ghi trên nội dung họp khác kết quả đã niêm phong/);
    } finally {
      await db().execute(sql`update meeting_item set result = ${original} where id = ${a}`);
    }

    // The last tally rewritten with another outcome and its chain recomputed, head and result too:
    // every hash matches, but the outcome does not follow from the counts and the audit log
    // recorded another head.
    const last = (await db().execute<{ id: number; item_id: number; seq: number; body: TallyBody; ballots_root: string; prev_hash: string; hash: string }>(sql`
      select id, item_id, seq, body, ballots_root, prev_hash, hash from ballot_tally where meeting_id = ${s.meetingId} order by seq desc limit 1`)).rows[0]!;
    const forged: TallyBody = { ...last.body, outcome: last.body.outcome === 'PASSED' ? 'FAILED' : 'PASSED' };
    const forgedHash = tallyHash(last.prev_hash, s.meetingId, Number(last.item_id), Number(last.seq), forged, last.ballots_root);
    const item = await db().execute<{ result: string }>(sql`select result from meeting_item where id = ${last.item_id}`);
    await db().execute(sql`alter table ballot_tally disable trigger ballot_tally_append_only`);
    try {
      await db().execute(sql`update ballot_tally set body = ${JSON.stringify(forged)}::jsonb, hash = ${forgedHash} where id = ${last.id}`);
      await db().execute(sql`update meeting_item set result = ${forged.outcome} where id = ${last.item_id}`);
      await db().execute(sql`update council_meeting set tally_head = ${forgedHash} where id = ${s.meetingId}`);
      expect(await problems()).toEqual(['CLOSE_HEAD_UNKNOWN', 'HEAD_NOT_AUDITED', 'OUTCOME_MISMATCH']);
      const bad = await cli(['ballots', 'verify', String(s.meetingId)]);
      expect(bad.code).toBe(3);
      expect(bad.stderr).toMatch(/TAMPERED: meeting \d+, 3 problem\(s\)/);
      expect(bad.stderr).toContain('Kết quả đã niêm phong không đúng với số phiếu và quy định biểu quyết');
      expect(bad.stderr).toContain('khác mã đã ghi trong nhật ký khi kết thúc cuộc họp');
      // Only the head on the meeting edited: both the chain and the audit log disagree.
      await db().execute(sql`update ballot_tally set body = ${JSON.stringify(last.body)}::jsonb, hash = ${last.hash} where id = ${last.id}`);
      await db().execute(sql`update meeting_item set result = ${item.rows[0]!.result} where id = ${last.item_id}`);
      expect(await problems()).toEqual(['HEAD_MISMATCH', 'HEAD_NOT_AUDITED']);
    } finally {
      await db().execute(sql`update ballot_tally set body = ${JSON.stringify(last.body)}::jsonb, hash = ${last.hash} where id = ${last.id}`);
      await db().execute(sql`alter table ballot_tally enable trigger ballot_tally_append_only`);
      await db().execute(sql`update meeting_item set result = ${item.rows[0]!.result} where id = ${last.item_id}`);
      await db().execute(sql`update council_meeting set tally_head = ${last.hash} where id = ${s.meetingId}`);
    }
    expect(await verify()).toMatchObject({ ok: true, problems: [] });

    // An envelope left in the box of a counted item.
    await db().execute(sql`insert into ballot_envelope (id, item_id, sealed) values ('left-behind-envelope-000', ${a}, ${'A'.repeat(ENVELOPE_LENGTH)})`);
    try {
      expect(await problems()).toEqual(['ENVELOPES_LEFT']);
    } finally {
      await db().execute(sql`delete from ballot_envelope where id = 'left-behind-envelope-000'`);
    }
    expect((await verify()).ok).toBe(true);
  });

  it('refuses to count a box that does not hold one envelope per voter, changing nothing', async () => {
    const t = await votingMeeting('DMC-BC', 'hq', ['Nguyễn Văn An (thiếu phiếu)']);
    const itemId = t.items[0]!.id;
    for (const seat of [1, 2, 3]) expect((await vote(t, seat, [{ itemId, choice: 'YES' }])).statusCode).toBe(201);
    await db().execute(sql`delete from ballot_envelope where id = (select id from ballot_envelope where item_id = ${itemId} order by id limit 1)`);
    const audits = await countRows(db(), 'audit_event');
    for (const url of ['close-voting', 'close']) {
      const res = await t.officer.post(`/api/v1/council-meetings/${t.meetingId}/${url}`, {});
      expect(res.statusCode, res.body).toBe(409);
      expect(message(res)).toBe('Hòm phiếu của nội dung “Nguyễn Văn An (thiếu phiếu)” không khớp số người đã bỏ phiếu (2/3): không thể kiểm phiếu.');
    }
    expect(await countRows(db(), 'ballot', sql`item_id = ${itemId}`)).toBe(0);
    expect(await countRows(db(), 'ballot_envelope', sql`item_id = ${itemId}`)).toBe(2);
    expect(await countRows(db(), 'ballot_tally', sql`item_id = ${itemId}`)).toBe(0);
    expect(await countRows(db(), 'audit_event')).toBe(audits);
    const m = (await t.officer.get(`/api/v1/council-meetings/${t.meetingId}`)).json<MeetingDto>();
    expect(m).toMatchObject({ status: 'OPEN', itemCounts: { voting: 1, closed: 0 } });
    // An envelope that does not open (another key, or altered) is refused too.
    await db().execute(sql`insert into ballot_envelope (id, item_id, sealed) values ('forged-envelope-0000000', ${itemId}, ${'A'.repeat(ENVELOPE_LENGTH)})`);
    const forged = await t.officer.post(`/api/v1/council-meetings/${t.meetingId}/close-voting`, {});
    expect(forged.statusCode).toBe(409);
    expect(message(forged)).toMatch(/^Hòm phiếu của nội dung “Nguyễn Văn An \(thiếu phiếu\)” có phiếu không mở được/);
    expect(await countRows(db(), 'ballot', sql`item_id = ${itemId}`)).toBe(0);
  });
});

describe('ballots stored before the ballot box', () => {
  it('are still counted with the opened envelopes, and verify', async () => {
    const t = await votingMeeting('DMC-BF', 'hl', ['Đặng Văn Bình (phiếu cũ)']);
    const itemId = t.items[0]!.id;
    // A ballot written the old way: voter and choice in one transaction, channel ONLINE.
    const rh = receiptHash('AAAA-BBBB-CCCC', itemId);
    await db().execute(sql`insert into ballot_voter (item_id, member_id, channel) values (${itemId}, ${t.members[0]}, 'ONLINE')`);
    await db().execute(sql`insert into ballot (id, item_id, choice, channel, receipt_hash, hash)
      values ('legacy-ballot-00000000', ${itemId}, 'NO', 'ONLINE', ${rh}, ${ballotHash(itemId, 'NO', 'ONLINE', rh)})`);
    for (const seat of [2, 3]) expect((await vote(t, seat, [{ itemId, choice: 'YES' }])).statusCode).toBe(201);
    const closed = await t.officer.post(`/api/v1/council-meetings/${t.meetingId}/close-voting`, {});
    expect(closed.statusCode, closed.body).toBe(200);
    const item = (await t.officer.get(`/api/v1/council-meetings/${t.meetingId}/items?pageSize=100`)).json<Page<MeetingItemDto>>().items[0]!;
    expect(item.tally).toMatchObject({ counts: { yes: 2, no: 1, abstain: 0, invalid: 0 }, written: 0 });
    const channels = await db().execute<{ channel: string; n: number }>(sql`select channel, count(*)::int as n from ballot where item_id = ${itemId} group by channel order by channel`);
    expect(channels.rows.map((r) => [r.channel, Number(r.n)])).toEqual([['ONLINE', 1], ['SEALED', 2]]);
    expect((await t.officer.get(`/api/v1/council-meetings/${t.meetingId}/verify`)).json<VerifyDto>()).toEqual({ ok: true, items: 1, ballots: 3, problems: [] });
    const check = await (await as(`${t.prefix}1`)).post(`/api/v1/council-meetings/${t.meetingId}/receipts/check`, { receipt: 'AAAA-BBBB-CCCC' });
    expect(check.json<{ items: { itemId: number; sealed: boolean }[] }>().items).toEqual([expect.objectContaining({ itemId, sealed: true })]);
  });
});

describe('while voting', () => {
  it('fixes attendance once voting has opened', async () => {
    const s = await votingMeeting('DMC-BD', 'hr', ['Trần Thị Cúc (điểm danh)']);
    const before = await db().execute<{ member_id: number; status: string }>(sql`select member_id, status from meeting_attendance where meeting_id = ${s.meetingId} order by member_id`);
    const audits = (await auditEvents(db(), 'council.meeting.attendance', s.meetingId)).length;
    const res = await s.officer.put(`/api/v1/council-meetings/${s.meetingId}/attendance`, { entries: [{ memberId: s.members[4], status: 'PRESENT' }] });
    expect(res.statusCode).toBe(409);
    expect(message(res)).toBe('Đã mở biểu quyết: danh sách có mặt, vắng mặt được giữ cố định cho đến khi kết thúc biểu quyết tất cả các nội dung.');
    const after = await db().execute<{ member_id: number; status: string }>(sql`select member_id, status from meeting_attendance where meeting_id = ${s.meetingId} order by member_id`);
    expect(after.rows).toEqual(before.rows);
    expect(await auditEvents(db(), 'council.meeting.attendance', s.meetingId)).toHaveLength(audits);
    // Once the vote is closed, attendance may be recorded again (for items still pending).
    expect((await s.officer.post(`/api/v1/council-meetings/${s.meetingId}/close-voting`, {})).statusCode).toBe(200);
    const ok = await s.officer.put(`/api/v1/council-meetings/${s.meetingId}/attendance`, { entries: [{ memberId: s.members[4], status: 'PRESENT' }] });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('refuses to close an item whose nomination is under a running public consultation', async () => {
    const s = await votingMeeting('DMC-BE', 'hs', ['Nguyễn Văn An (lấy ý kiến)', 'Trần Thị Cúc (lấy ý kiến)'], { paper: [1] });
    const [online, paper] = s.items as [MeetingItemDto, MeetingItemDto];
    expect(paper.method).toBe('SECRET_PAPER');
    expect((await vote(s, 1, [{ itemId: online.id, choice: 'YES' }])).statusCode).toBe(201);
    // The API refuses a consultation on a nomination being voted on; one can still be running (recorded
    // before this check existed, or started concurrently): it is recorded directly here.
    const day = (n: number) => new Date(Date.now() + n * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
    const consultationId = await insertPastConsultation(db(), s.org, s.nominations, { startsOn: day(0), endsOn: day(7), workingDays: 5 });
    const audits = await countRows(db(), 'audit_event');
    for (const url of ['close-voting', 'close']) {
      const res = await s.officer.post(`/api/v1/council-meetings/${s.meetingId}/${url}`, url === 'close' ? {} : { itemIds: [online.id] });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(409);
      const expected = url === 'close'
        ? 'Chưa nhập kết quả kiểm phiếu giấy hoặc biểu quyết giơ tay của: Trần Thị Cúc (lấy ý kiến).'
        : 'Chưa thể kết thúc biểu quyết vì việc công khai lấy ý kiến nhân dân đang diễn ra: Nguyễn Văn An (lấy ý kiến).';
      expect(message(res)).toBe(expected);
    }
    const counts = await s.officer.post(`/api/v1/meeting-items/${paper.id}/counts`, { yes: 3, no: 1, abstain: 0 });
    expect(counts.statusCode).toBe(409);
    expect(message(counts)).toBe('Chưa thể kết thúc biểu quyết vì việc công khai lấy ý kiến nhân dân đang diễn ra: Trần Thị Cúc (lấy ý kiến).');
    expect(await countRows(db(), 'ballot_tally', sql`meeting_id = ${s.meetingId}`)).toBe(0);
    expect(await countRows(db(), 'audit_event')).toBe(audits);
    expect(await countRows(db(), 'ballot_envelope', sql`item_id = ${online.id}`)).toBe(1);

    // Withdrawn, it no longer blocks.
    expect((await s.officer.post(`/api/v1/consultations/${consultationId}/withdraw`, { reason: 'Đăng lại trên Cổng thông tin điện tử' })).statusCode).toBe(200);
    expect((await s.officer.post(`/api/v1/meeting-items/${paper.id}/counts`, { yes: 3, no: 1, abstain: 0 })).statusCode).toBe(200);
    const closed = await s.officer.post(`/api/v1/council-meetings/${s.meetingId}/close`, {});
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await s.officer.get(`/api/v1/council-meetings/${s.meetingId}/verify`)).json<VerifyDto>()).toEqual({ ok: true, items: 2, ballots: 1, problems: [] });
  });
});
