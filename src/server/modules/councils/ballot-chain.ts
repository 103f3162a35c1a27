// Tamper evidence for council votes. A ballot's hash covers its item, choice, channel and receipt
// hash; an item's ballots, sorted by hash (an order that says nothing about who voted when), are
// folded into a root; each sealed tally covers its body, that root and the previous tally's hash, so
// the tallies of a meeting form a chain whose head is stored on the meeting when it closes.
// `verifyMeeting` recomputes all of it from the rows: a ballot changed, removed or slipped in after the
// seal, a tally edited or a link broken, an outcome that does not follow from its counts and rule, a
// head that differs from the one the audit log recorded, or a ballot box left unopened is reported.
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { canonicalJson, sha256 } from '../../lib/hash';
import { evaluateVote, type VoteRule } from '../../../domain/council';

export const CHAIN_GENESIS = '0'.repeat(64);

/** 12 characters from an alphabet without look-alikes, shown as XXXX-XXXX-XXXX. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function newReceiptCode(): string {
  const bytes = crypto.randomBytes(12);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

export const normaliseReceipt = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** One code covers the ballots cast in one submission; each ballot gets its own hash of it. */
export const receiptHash = (code: string, itemId: number) => sha256(`vd-receipt\n${normaliseReceipt(code)}\n${itemId}`);

export const ballotHash = (itemId: number, choice: string, channel: string, receipt: string) => sha256(canonicalJson(['ballot', itemId, choice, channel, receipt]));

export function ballotsRoot(hashes: readonly string[]): string {
  return [...hashes].sort().reduce((prev, h) => sha256(`${prev}\n${h}`), CHAIN_GENESIS);
}

export interface TallyBody {
  method: string;
  counts: { yes: number; no: number; abstain: number; invalid: number };
  written: number;
  membersTotal: number;
  present: number;
  recused: number;
  recusedPresent: number;
  denominator: number;
  outcome: 'PASSED' | 'FAILED' | 'NO_QUORUM';
  rule: unknown;
  nominationId: number;
}

export const tallyHash = (prev: string, meetingId: number, itemId: number, seq: number, body: unknown, root: string) =>
  sha256(`${prev}\n${canonicalJson(['tally', meetingId, itemId, seq, body, root])}`);

/** JSON round trip: what jsonb gives back, so that verification hashes the same bytes. */
export const plainJson = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export interface ChainProblem {
  itemId: number | null;
  problem:
    | 'BALLOT_MODIFIED' | 'BALLOTS_CHANGED' | 'COUNT_MISMATCH' | 'VOTERS_MISMATCH' | 'TALLY_MODIFIED' | 'BROKEN_LINK' | 'HEAD_MISMATCH' | 'MISSING_TALLY'
    | 'HEAD_NOT_AUDITED' | 'CLOSE_HEAD_UNKNOWN' | 'OUTCOME_MISMATCH' | 'RESULT_MISMATCH' | 'ENVELOPES_LEFT';
  detail: string;
}

export interface MeetingVerification {
  ok: boolean;
  items: number;
  ballots: number;
  problems: ChainProblem[];
}

/**
 * Recomputes every ballot hash, root, count, outcome and tally link of a meeting and checks them
 * against the audit log (set-based reads).
 */
export async function verifyMeeting(db: DbOrTx, meetingId: number): Promise<MeetingVerification> {
  const [meeting, items, ballotRows, voterRows, tallies, events, envelopes] = await Promise.all([
    db.execute<{ status: string; tally_head: string | null }>(sql`select status, tally_head from council_meeting where id = ${meetingId}`),
    db.execute<{ id: number; status: string; method: string; result: string | null }>(sql`select id, status, method, result from meeting_item where meeting_id = ${meetingId}`),
    db.execute<{ item_id: number; choice: string; channel: string; receipt_hash: string; hash: string }>(sql`
      select b.item_id, b.choice, b.channel, b.receipt_hash, b.hash from ballot b join meeting_item i on i.id = b.item_id
      where i.meeting_id = ${meetingId}`),
    db.execute<{ item_id: number; n: number; written: number }>(sql`
      select v.item_id, count(*)::int as n, count(*) filter (where v.channel = 'WRITTEN')::int as written
      from ballot_voter v join meeting_item i on i.id = v.item_id
      where i.meeting_id = ${meetingId} group by v.item_id`),
    db.execute<{ item_id: number; seq: number; body: TallyBody; ballots_root: string; prev_hash: string; hash: string }>(sql`
      select item_id, seq, body, ballots_root, prev_hash, hash from ballot_tally where meeting_id = ${meetingId} order by seq`),
    db.execute<{ id: number; action: string; head: string | null }>(sql`
      select id, action, coalesce(after->>'tallyHead', after->>'head') as head from audit_event
      where entity_type = 'council_meeting' and entity_id = ${String(meetingId)} and action in ('council.voting.close', 'council.meeting.close')
      order by id`),
    db.execute<{ item_id: number; n: number }>(sql`
      select e.item_id, count(*)::int as n from ballot_envelope e join meeting_item i on i.id = e.item_id
      where i.meeting_id = ${meetingId} group by e.item_id`),
  ]);
  const problems: ChainProblem[] = [];
  const byItem = new Map<number, { choice: string; channel: string; hash: string }[]>();
  for (const b of ballotRows.rows) {
    const itemId = Number(b.item_id);
    const expected = ballotHash(itemId, b.choice, b.channel, b.receipt_hash);
    if (expected !== b.hash) problems.push({ itemId, problem: 'BALLOT_MODIFIED', detail: b.hash.slice(0, 16) });
    const list = byItem.get(itemId) ?? [];
    list.push({ choice: b.choice, channel: b.channel, hash: expected });
    byItem.set(itemId, list);
  }
  const voters = new Map(voterRows.rows.map((v) => [Number(v.item_id), Number(v.n)]));
  const writtenVoters = new Map(voterRows.rows.map((v) => [Number(v.item_id), Number(v.written)]));
  const itemById = new Map(items.rows.map((i) => [Number(i.id), i]));
  for (const i of items.rows) {
    const id = Number(i.id);
    const n = byItem.get(id)?.length ?? 0;
    if (i.method === 'SECRET_ONLINE' && n !== (voters.get(id) ?? 0)) {
      problems.push({ itemId: id, problem: 'VOTERS_MISMATCH', detail: `${voters.get(id) ?? 0} ≠ ${n}` });
    }
  }
  let prev = CHAIN_GENESIS;
  const sealed = new Set<number>();
  for (const tRow of tallies.rows) {
    const itemId = Number(tRow.item_id);
    sealed.add(itemId);
    if (tRow.prev_hash !== prev) problems.push({ itemId, problem: 'BROKEN_LINK', detail: `seq ${tRow.seq}` });
    const list = byItem.get(itemId) ?? [];
    const root = ballotsRoot(list.map((b) => b.hash));
    if (root !== tRow.ballots_root) problems.push({ itemId, problem: 'BALLOTS_CHANGED', detail: `seq ${tRow.seq}` });
    if (tRow.body.method === 'SECRET_ONLINE') {
      const count = (c: string) => list.filter((b) => b.choice === c).length;
      const c = tRow.body.counts;
      // Written votes are counted from who voted: a sealed ballot does not say how it came.
      if (c.yes !== count('YES') || c.no !== count('NO') || c.abstain !== count('ABSTAIN') || tRow.body.written !== (writtenVoters.get(itemId) ?? 0)) {
        problems.push({ itemId, problem: 'COUNT_MISMATCH', detail: `seq ${tRow.seq}` });
      }
    }
    const b = tRow.body;
    const recomputed = evaluateVote({
      rule: b.rule as VoteRule, membersTotal: b.membersTotal, present: b.present, recused: b.recused, recusedPresent: b.recusedPresent, counts: b.counts, written: b.written,
    });
    if (recomputed.outcome !== b.outcome || recomputed.denominator !== b.denominator) {
      problems.push({ itemId, problem: 'OUTCOME_MISMATCH', detail: `seq ${tRow.seq}: ${b.outcome} ≠ ${recomputed.outcome}` });
    }
    const item = itemById.get(itemId);
    if (item && item.result !== b.outcome) problems.push({ itemId, problem: 'RESULT_MISMATCH', detail: `${item.result ?? '-'} ≠ ${b.outcome}` });
    const h = tallyHash(tRow.prev_hash, meetingId, itemId, Number(tRow.seq), tRow.body, tRow.ballots_root);
    if (h !== tRow.hash) problems.push({ itemId, problem: 'TALLY_MODIFIED', detail: `seq ${tRow.seq}` });
    prev = tRow.hash;
  }
  const envelopesLeft = new Map(envelopes.rows.map((e) => [Number(e.item_id), Number(e.n)]));
  for (const i of items.rows) {
    const id = Number(i.id);
    if (i.status === 'CLOSED' && !sealed.has(id)) problems.push({ itemId: id, problem: 'MISSING_TALLY', detail: '' });
    if (i.status !== 'VOTING' && (envelopesLeft.get(id) ?? 0) > 0) problems.push({ itemId: id, problem: 'ENVELOPES_LEFT', detail: String(envelopesLeft.get(id)) });
  }
  const m = meeting.rows[0];
  if (m && m.status === 'CLOSED' && (m.tally_head ?? CHAIN_GENESIS) !== prev) problems.push({ itemId: null, problem: 'HEAD_MISMATCH', detail: prev.slice(0, 16) });
  // The audit log recorded the head after each count and when the meeting closed.
  const chain = new Set(tallies.rows.map((tRow) => tRow.hash));
  for (const e of events.rows) {
    if (e.action === 'council.voting.close' && (!e.head || !chain.has(e.head))) {
      problems.push({ itemId: null, problem: 'CLOSE_HEAD_UNKNOWN', detail: `audit ${e.id}: ${(e.head ?? '-').slice(0, 16)}` });
    }
  }
  if (m && m.status === 'CLOSED') {
    const closed = events.rows.filter((e) => e.action === 'council.meeting.close').at(-1);
    if (!closed || closed.head !== (m.tally_head ?? CHAIN_GENESIS)) {
      problems.push({ itemId: null, problem: 'HEAD_NOT_AUDITED', detail: closed ? `audit ${closed.id}: ${(closed.head ?? '-').slice(0, 16)}` : '' });
    }
  }
  return { ok: problems.length === 0, items: items.rows.length, ballots: ballotRows.rows.length, problems };
}
