// Council meetings: agenda from the nominations sent to the council, attendance and quorum,
// automatic recusal, voting (secret ballot online, written votes of absent members, paper ballot
// counts, show of hands), sealing the tallies into a chain, and the results on the nominations.
//
// Secrecy: `ballot_voter` says who has voted on an item; `ballot` holds anonymous choices with a
// random key and no time. Nothing stores, returns, logs or audits a link between the two. A ballot is
// cast as a sealed envelope (ballot-box.ts) written in the voter's transaction; the `ballot` rows are
// written only when the item is counted, all in the closing transaction and in random order, so that
// PostgreSQL's hidden transaction ids (`xmin`) and physical order link no choice to a voter.
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import type { Locale } from '../../../contracts/enums';
import type { CreateMeetingInput, MeetingDto, MeetingItemDto, MeetingSummaryDto, UpdateMeetingInput } from '../../../contracts/councils';
import { t } from '../../../contracts/messages';
import { audit } from '../../lib/audit';
import { failpoint } from '../../lib/failpoints';
import { randomToken } from '../../lib/hash';
import { conflict, forbidden, notFound, validation } from '../../lib/errors';
import { READ_ROLES, scopePaths } from '../../lib/policy';
import { todayInVietnam } from '../imports/xlsx/validate-member-row';
import { recordEvent } from '../nominations/nominations.service';
import { openConsultationBlocks } from '../consultations/for-councils';
import { evaluateVote, explainVote, needed, recusals as computeRecusals, resolveVoteRule, type CouncilSeat, type VoteCounts, type VoteRule } from '../../../domain/council';
import { ballotHash, ballotsRoot, CHAIN_GENESIS, newReceiptCode, plainJson, receiptHash, tallyHash, type TallyBody } from './ballot-chain';
import { ballotKey, openBallot, sealBallot, type BallotChannel, type BallotChoice } from './ballot-box';
import { findCouncil, managesCouncilOrg, presentRule, readsCouncilOrg, seatOf, type CouncilRow } from './councils.service';

const num = (v: unknown) => Number(v);

export type MeetingRow = {
  id: number;
  council_id: number;
  council_name: string;
  org_id: number;
  org_path: string;
  org_name: string;
  title: string;
  scheduled_at: string;
  place: string | null;
  status: 'SCHEDULED' | 'OPEN' | 'CLOSED' | 'CANCELLED';
  presiding_member_id: number | null;
  secretary_name: string | null;
  counter_member_ids: number[];
  notes: string | null;
  opened_at: string | null;
  closed_at: string | null;
  tally_head: string | null;
  cancelled_reason: string | null;
  version: number;
};

const SELECT_MEETING = sql`
  select m.id, m.council_id, c.name as council_name, m.org_id, m.org_path, o.name as org_name, m.title,
         to_json(m.scheduled_at)#>>'{}' as scheduled_at, m.place, m.status, m.presiding_member_id, m.secretary_name,
         m.counter_member_ids, m.notes, to_json(m.opened_at)#>>'{}' as opened_at, to_json(m.closed_at)#>>'{}' as closed_at,
         m.tally_head, m.cancelled_reason, m.version
  from council_meeting m join council c on c.id = m.council_id join organisation o on o.id = m.org_id`;

function normaliseMeeting(r: MeetingRow): MeetingRow {
  return {
    ...r, id: num(r.id), council_id: num(r.council_id), org_id: num(r.org_id), version: num(r.version),
    presiding_member_id: r.presiding_member_id === null ? null : num(r.presiding_member_id), counter_member_ids: r.counter_member_ids.map(num),
  };
}

export async function findMeeting(db: DbOrTx, id: number, forUpdate = false): Promise<MeetingRow | null> {
  const r = await db.execute<MeetingRow>(sql`${SELECT_MEETING} where m.id = ${id} ${forUpdate ? sql`for update of m` : sql``}`);
  return r.rows[0] ? normaliseMeeting(r.rows[0]) : null;
}

/** Readers of the organisation's subtree, and the council's members. */
export async function loadReadableMeeting(db: DbOrTx, actor: AuthActor, id: number, forUpdate = false): Promise<MeetingRow & { seat: number | null }> {
  const m = await findMeeting(db, id, forUpdate);
  if (!m) throw notFound();
  const seat = await seatOf(db, actor, m.council_id);
  if (!readsCouncilOrg(actor, m.org_path) && seat === null) throw notFound();
  return { ...m, seat };
}

async function loadManagedMeeting(db: DbOrTx, actor: AuthActor, id: number, forUpdate = false) {
  const m = await loadReadableMeeting(db, actor, id, forUpdate);
  if (!managesCouncilOrg(actor, m.org_path)) throw forbidden();
  return m;
}

const requireStatus = (m: MeetingRow, ...allowed: MeetingRow['status'][]) => {
  if (!allowed.includes(m.status)) throw conflict(`councils.api.meeting.${m.status}`);
};

// ── Seats, attendance, quorum ──────────────────────────────────────────────────────────────────

type SeatRow = {
  id: number;
  person_id: number;
  full_name: string;
  role: string;
  org_path: string | null;
  attendance: 'PRESENT' | 'ABSENT' | null;
  absence_reason: string | null;
};

async function seatsOf(db: DbOrTx, meetingId: number, councilId: number): Promise<SeatRow[]> {
  const r = await db.execute<SeatRow>(sql`
    select cm.id, cm.person_id, p.full_name, cm.role, p.org_path, a.status as attendance, a.absence_reason
    from council_member cm join person p on p.id = cm.person_id
    left join meeting_attendance a on a.meeting_id = ${meetingId} and a.member_id = cm.id
    where cm.council_id = ${councilId} and cm.left_on is null
    order by array_position(array['CHAIR','VICE_CHAIR','STANDING','MEMBER'], cm.role), p.full_name, cm.id`);
  return r.rows.map((s) => ({ ...s, id: num(s.id), person_id: num(s.person_id) }));
}

async function councilDefaultRule(c: CouncilRow | null): Promise<VoteRule> {
  return resolveVoteRule({ code: '', level: '' }, c?.vote_rules ?? null);
}

function quorumOf(rule: VoteRule, seats: SeatRow[]) {
  const total = seats.length;
  const present = seats.filter((s) => s.attendance === 'PRESENT').length;
  const need = needed(rule.quorum, total, false);
  return { present, total, needed: need, met: total > 0 && present >= need };
}

// ── Presenting ─────────────────────────────────────────────────────────────────────────────────

export function meetingAbilities(actor: AuthActor, m: MeetingRow & { seat: number | null }): string[] {
  const out: string[] = [];
  const manages = managesCouncilOrg(actor, m.org_path);
  if (manages) {
    if (m.status === 'SCHEDULED' || m.status === 'OPEN') out.push('meeting.update', 'meeting.agenda', 'meeting.attendance', 'meeting.cancel');
    if (m.status === 'SCHEDULED') out.push('meeting.open');
    if (m.status === 'OPEN') out.push('meeting.voting', 'meeting.close', 'meeting.count');
    out.push('meeting.verify', 'meeting.minutes');
  } else if (m.seat !== null) {
    if (m.status === 'OPEN' && m.counter_member_ids.includes(m.seat)) out.push('meeting.count');
    out.push('meeting.verify', 'meeting.minutes');
  }
  return out;
}

export async function presentMeeting(db: DbOrTx, actor: AuthActor, m: MeetingRow & { seat: number | null }): Promise<MeetingDto> {
  const [council, seats, counts] = await Promise.all([
    findCouncil(db, m.council_id),
    seatsOf(db, m.id, m.council_id),
    db.execute<{ total: number; pending: number; voting: number; closed: number; passed: number }>(sql`
      select count(*) filter (where status <> 'WITHDRAWN')::int as total, count(*) filter (where status = 'PENDING')::int as pending,
             count(*) filter (where status = 'VOTING')::int as voting, count(*) filter (where status = 'CLOSED')::int as closed,
             count(*) filter (where result = 'PASSED')::int as passed
      from meeting_item where meeting_id = ${m.id}`),
  ]);
  const rule = await councilDefaultRule(council);
  const c = counts.rows[0]!;
  return {
    id: m.id, councilId: m.council_id, councilName: m.council_name, orgId: m.org_id, orgName: m.org_name, title: m.title,
    scheduledAt: m.scheduled_at, place: m.place, status: m.status, presidingMemberId: m.presiding_member_id, secretaryName: m.secretary_name,
    counterMemberIds: m.counter_member_ids, notes: m.notes, openedAt: m.opened_at, closedAt: m.closed_at, tallyHead: m.tally_head,
    cancelledReason: m.cancelled_reason,
    attendance: seats.map((s) => ({ memberId: s.id, fullName: s.full_name, role: s.role as MeetingDto['attendance'][number]['role'], status: s.attendance, absenceReason: s.absence_reason })),
    quorum: quorumOf(rule, seats),
    itemCounts: { total: num(c.total), pending: num(c.pending), voting: num(c.voting), closed: num(c.closed), passed: num(c.passed) },
    myMemberId: m.seat,
    version: m.version,
    abilities: meetingAbilities(actor, m),
  };
}

export async function listMeetings(db: DbOrTx, actor: AuthActor, q: { councilId?: number; orgId?: number; mine?: 'true' | 'false'; status?: string; page: number; pageSize: number }) {
  const paths = scopePaths(actor, READ_ROLES);
  const seatScope = actor.personId !== null
    ? sql`exists (select 1 from council_member cm where cm.council_id = m.council_id and cm.person_id = ${actor.personId} and cm.left_on is null)`
    : sql`false`;
  const scope = q.mine === 'true' ? seatScope : sql`(${sql.join([...paths.map((p) => sql`m.org_path like ${`${p}%`}`), seatScope], sql` or `)})`;
  const where = sql.join([scope, q.councilId ? sql`m.council_id = ${q.councilId}` : sql`true`, q.orgId ? sql`m.org_id = ${q.orgId}` : sql`true`, q.status ? sql`m.status = ${q.status}` : sql`true`], sql` and `);
  const [rows, total] = await Promise.all([
    db.execute<MeetingRow & { seat: number | null; total: number; pending: number; voting: number; closed: number; passed: number; pending_votes: number }>(sql`
      select q.*, s.id as seat, ic.* from (
        ${SELECT_MEETING} where ${where}
        order by (m.status = 'OPEN') desc, m.scheduled_at desc, m.id desc
        limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}) q
      left join lateral (select cm.id from council_member cm where cm.council_id = q.council_id and cm.person_id = ${actor.personId ?? -1} and cm.left_on is null) s on true
      cross join lateral (
        select count(*) filter (where i.status <> 'WITHDRAWN')::int as total, count(*) filter (where i.status = 'PENDING')::int as pending,
               count(*) filter (where i.status = 'VOTING')::int as voting, count(*) filter (where i.status = 'CLOSED')::int as closed,
               count(*) filter (where i.result = 'PASSED')::int as passed,
               count(*) filter (where i.status = 'VOTING' and i.method = 'SECRET_ONLINE' and s.id is not null
                                 and not exists (select 1 from ballot_voter v where v.item_id = i.id and v.member_id = s.id)
                                 and not exists (select 1 from meeting_recusal r where r.item_id = i.id and r.member_id = s.id))::int as pending_votes
        from meeting_item i where i.meeting_id = q.id) ic
      order by (q.status = 'OPEN') desc, q.scheduled_at desc, q.id desc`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from council_meeting m where ${where}`),
  ]);
  const items: MeetingSummaryDto[] = rows.rows.map((raw) => {
    const m = { ...normaliseMeeting(raw), seat: raw.seat === null || raw.seat === undefined ? null : num(raw.seat) };
    return {
      id: m.id, councilId: m.council_id, councilName: m.council_name, orgId: m.org_id, orgName: m.org_name, title: m.title,
      scheduledAt: m.scheduled_at, place: m.place, status: m.status, presidingMemberId: m.presiding_member_id, secretaryName: m.secretary_name,
      openedAt: m.opened_at, closedAt: m.closed_at, tallyHead: m.tally_head, cancelledReason: m.cancelled_reason,
      quorum: { present: 0, total: 0, needed: 0, met: false },
      itemCounts: { total: num(raw.total), pending: num(raw.pending), voting: num(raw.voting), closed: num(raw.closed), passed: num(raw.passed) },
      myMemberId: m.seat, version: m.version, abilities: meetingAbilities(actor, m), pendingVotes: num(raw.pending_votes),
    };
  });
  return { items, total: num(total.rows[0]?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

type ItemRow = {
  id: number;
  nomination_id: number;
  position: number;
  subject_name: string;
  unit_name: string | null;
  award_code: string;
  award_name: string;
  award_level: string;
  eligibility_status: string;
  justification: string | null;
  method: MeetingItemDto['method'];
  status: MeetingItemDto['status'];
  rule: VoteRule | null;
  withdrawn_reason: string | null;
  voted_count: number;
  consultation_ends_on: string | null;
  recusals: { memberId: number; fullName: string; reason: MeetingItemDto['recusals'][number]['reason']; note: string | null }[];
  tally: { body: TallyBody; ballots_root: string; hash: string } | null;
  my_voted: boolean;
  my_recused: boolean;
};

export async function listMeetingItems(db: DbOrTx, actor: AuthActor, locale: Locale, meetingId: number, q: { status?: string; page: number; pageSize: number }) {
  const m = await loadReadableMeeting(db, actor, meetingId);
  const council = await findCouncil(db, m.council_id);
  const seat = m.seat ?? -1;
  const today = todayInVietnam();
  const where = sql`i.meeting_id = ${m.id} ${q.status ? sql`and i.status = ${q.status}` : sql``}`;
  const [rows, total, attendance] = await Promise.all([
    db.execute<ItemRow>(sql`
      select i.id, i.nomination_id, i.position, n.subject_name, o.name as unit_name, n.award_code,
             ${locale === 'en' ? sql`a.name_en` : sql`a.name_vi`} as award_name, a.level as award_level, n.eligibility_status, n.justification,
             i.method, i.status, i.rule, i.withdrawn_reason,
             (select count(*)::int from ballot_voter v where v.item_id = i.id) as voted_count,
             (select max(c.ends_on)::text from consultation_item ci join consultation c on c.id = ci.consultation_id
               where ci.nomination_id = i.nomination_id and c.status = 'OPEN' and c.ends_on >= ${today}::date) as consultation_ends_on,
             coalesce((select jsonb_agg(jsonb_build_object('memberId', r.member_id, 'fullName', p.full_name, 'reason', r.reason, 'note', r.note) order by p.full_name)
                       from meeting_recusal r join council_member cm on cm.id = r.member_id join person p on p.id = cm.person_id
                       where r.item_id = i.id), '[]'::jsonb) as recusals,
             (select jsonb_build_object('body', bt.body, 'ballots_root', bt.ballots_root, 'hash', bt.hash) from ballot_tally bt where bt.item_id = i.id) as tally,
             exists (select 1 from ballot_voter v where v.item_id = i.id and v.member_id = ${seat}) as my_voted,
             exists (select 1 from meeting_recusal r where r.item_id = i.id and r.member_id = ${seat}) as my_recused
      from meeting_item i join nomination n on n.id = i.nomination_id join award_type a on a.code = n.award_code
      left join organisation o on o.path = n.subject_path
      where ${where} order by i.position, i.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from meeting_item i where ${where}`),
    m.seat !== null
      ? db.execute<{ status: string }>(sql`select status from meeting_attendance where meeting_id = ${m.id} and member_id = ${m.seat}`)
      : Promise.resolve({ rows: [] as { status: string }[] }),
  ]);
  const present = attendance.rows[0]?.status === 'PRESENT';
  const items: MeetingItemDto[] = rows.rows.map((r) => {
    const rule = r.rule ?? resolveVoteRule({ code: r.award_code, level: r.award_level }, council?.vote_rules ?? null);
    const tally = r.tally
      ? (() => {
          const b = r.tally.body;
          const result = evaluateVote({ rule: b.rule as VoteRule, membersTotal: b.membersTotal, present: b.present, recused: b.recused, recusedPresent: b.recusedPresent, counts: b.counts, written: b.written });
          const ex = explainVote(b.rule as VoteRule, result, b.membersTotal, b.present, locale);
          return {
            counts: b.counts, written: b.written, membersTotal: b.membersTotal, present: b.present, recused: b.recused, denominator: b.denominator,
            outcome: b.outcome, explanation: t(locale, ex.key, ex.params), ballotsRoot: r.tally.ballots_root, hash: r.tally.hash,
          };
        })()
      : null;
    return {
      id: num(r.id), nominationId: num(r.nomination_id), position: num(r.position), subjectName: r.subject_name, unitName: r.unit_name,
      awardCode: r.award_code, awardName: r.award_name, eligibilityStatus: r.eligibility_status, justification: r.justification,
      method: r.method, status: r.status, rule: presentRule(rule, locale), consultationEndsOn: r.consultation_ends_on,
      recusals: r.recusals.map((x) => ({ ...x, memberId: num(x.memberId) })), votedCount: num(r.voted_count), withdrawnReason: r.withdrawn_reason, tally,
      mine: {
        canVote: m.status === 'OPEN' && m.seat !== null && present && r.status === 'VOTING' && r.method === 'SECRET_ONLINE' && !r.my_voted && !r.my_recused,
        voted: r.my_voted,
        recused: r.my_recused,
      },
    };
  });
  return { items, total: num(total.rows[0]?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

// ── Scheduling and agenda ──────────────────────────────────────────────────────────────────────

export async function createMeeting(app: AppContext, actor: AuthActor, input: CreateMeetingInput): Promise<number> {
  return app.db.transaction(async (tx) => {
    const c = await findCouncil(tx, input.councilId, true);
    if (!c || !readsCouncilOrg(actor, c.org_path)) throw notFound();
    if (!managesCouncilOrg(actor, c.org_path)) throw forbidden();
    if (c.status !== 'ACTIVE') throw conflict('councils.api.ended');
    if (input.presidingMemberId) await requireSeat(tx, c.id, input.presidingMemberId, 'presidingMemberId');
    const r = await tx.execute<{ id: number }>(sql`
      insert into council_meeting (council_id, org_id, org_path, title, scheduled_at, place, secretary_name, presiding_member_id, created_by)
      values (${c.id}, ${c.org_id}, ${c.org_path}, ${input.title.normalize('NFC')}, ${input.scheduledAt}, ${input.place ?? null},
              ${input.secretaryName ?? null}, ${input.presidingMemberId ?? null}, ${actor.userId}) returning id`);
    const id = num(r.rows[0]!.id);
    await audit(tx, actor, [{ action: 'council.meeting.create', entityType: 'council_meeting', entityId: id, orgId: c.org_id, after: input }]);
    return id;
  });
}

async function requireSeat(tx: DbOrTx, councilId: number, memberId: number, field: string) {
  const r = await tx.execute(sql`select 1 from council_member where id = ${memberId} and council_id = ${councilId} and left_on is null`);
  if (r.rows.length === 0) throw validation('councils.api.notAMember', {}, { field });
}

export async function updateMeeting(app: AppContext, actor: AuthActor, id: number, input: UpdateMeetingInput): Promise<void> {
  await app.db.transaction(async (tx) => {
    const m = await loadManagedMeeting(tx, actor, id, true);
    requireStatus(m, 'SCHEDULED', 'OPEN');
    if (m.version !== input.version) throw conflict('error.STALE');
    if (input.presidingMemberId) await requireSeat(tx, m.council_id, input.presidingMemberId, 'presidingMemberId');
    for (const c of input.counterMemberIds ?? []) await requireSeat(tx, m.council_id, c, 'counterMemberIds');
    await tx.execute(sql`
      update council_meeting set
        title = ${input.title?.normalize('NFC') ?? m.title},
        scheduled_at = ${input.scheduledAt ?? m.scheduled_at},
        place = ${input.place === undefined ? m.place : input.place},
        secretary_name = ${input.secretaryName === undefined ? m.secretary_name : input.secretaryName},
        presiding_member_id = ${input.presidingMemberId === undefined ? m.presiding_member_id : input.presidingMemberId},
        counter_member_ids = ${JSON.stringify(input.counterMemberIds ?? m.counter_member_ids)}::jsonb,
        notes = ${input.notes === undefined ? m.notes : input.notes},
        version = version + 1
      where id = ${id}`);
    await audit(tx, actor, [{ action: 'council.meeting.update', entityType: 'council_meeting', entityId: id, orgId: m.org_id, after: input }]);
  });
}

type NomineeRow = {
  id: number;
  person_id: number | null;
  subject_org_id: number | null;
  unit_id: number | null;
  subject_path: string;
};

/** Automatic recusals for items, computed set-based from the seats and the nominees (idempotent). */
export async function insertAutoRecusals(tx: Tx, councilId: number, councilPath: string, items: { itemId: number; nominationId: number }[]) {
  if (items.length === 0) return;
  const [seats, nominees] = await Promise.all([
    tx.execute<{ id: number; person_id: number; org_path: string | null; declared: { personId: number | null; orgId: number | null }[] }>(sql`
      select cm.id, cm.person_id, p.org_path,
             coalesce((select jsonb_agg(jsonb_build_object('personId', r.person_id, 'orgId', r.org_id)) from council_relation r
                       where r.member_id = cm.id and r.revoked_at is null), '[]'::jsonb) as declared
      from council_member cm join person p on p.id = cm.person_id where cm.council_id = ${councilId} and cm.left_on is null`),
    tx.execute<NomineeRow>(sql`
      select n.id, n.person_id, n.subject_org_id, coalesce(n.subject_org_id, p.org_id) as unit_id, n.subject_path
      from nomination n left join person p on p.id = n.person_id where n.id = any(${sql.param(items.map((i) => i.nominationId))}::bigint[])`),
  ]);
  const seatList: CouncilSeat[] = seats.rows.map((s) => ({
    memberId: num(s.id), personId: num(s.person_id), orgPath: s.org_path,
    declared: s.declared.map((d) => ({ personId: d.personId === null ? null : num(d.personId), orgId: d.orgId === null ? null : num(d.orgId) })),
  }));
  const byNomination = new Map(nominees.rows.map((n) => [num(n.id), n]));
  const rows: { item_id: number; member_id: number; reason: string }[] = [];
  for (const it of items) {
    const n = byNomination.get(it.nominationId);
    if (!n) continue;
    const found = computeRecusals(seatList, {
      personId: n.person_id === null ? null : num(n.person_id),
      subjectOrgId: n.subject_org_id === null ? null : num(n.subject_org_id),
      unitId: n.unit_id === null ? null : num(n.unit_id),
      subjectPath: n.subject_path,
      councilOrgPath: councilPath,
    });
    for (const r of found) rows.push({ item_id: it.itemId, member_id: r.memberId, reason: r.reason });
  }
  if (rows.length === 0) return;
  await tx.execute(sql`
    insert into meeting_recusal (item_id, member_id, reason)
    select r.item_id, r.member_id, r.reason from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(item_id bigint, member_id bigint, reason text)
    on conflict (item_id, member_id) do nothing`);
}

export async function addAgenda(app: AppContext, actor: AuthActor, id: number, input: { nominationIds?: number[]; all?: boolean; method?: string }): Promise<number> {
  return app.db.transaction(async (tx) => {
    const m = await loadManagedMeeting(tx, actor, id, true);
    requireStatus(m, 'SCHEDULED', 'OPEN');
    const wanted = input.all ? null : [...new Set(input.nominationIds ?? [])];
    const free = sql`n.status = 'TO_COUNCIL' and n.holder_org_id = ${m.org_id}
      and not exists (select 1 from meeting_item i join council_meeting cm on cm.id = i.meeting_id
                      where i.nomination_id = n.id and i.status in ('PENDING','VOTING') and cm.status in ('SCHEDULED','OPEN'))`;
    const rows = await tx.execute<{ id: number }>(sql`
      select n.id from nomination n join award_type a on a.code = n.award_code
      where ${free} ${wanted ? sql`and n.id = any(${sql.param(wanted)}::bigint[])` : sql``}
      order by a.sort_order, n.subject_name, n.id for update of n`);
    const ids = rows.rows.map((r) => num(r.id));
    if (wanted && ids.length !== wanted.length) {
      const missing = await tx.execute<{ subject_name: string }>(sql`
        select n.subject_name from nomination n where n.id = any(${sql.param(wanted.filter((w) => !ids.includes(w)))}::bigint[])`);
      throw validation('councils.api.notWaiting', { names: missing.rows.map((x) => x.subject_name).join(', ') || String(wanted.length - ids.length) }, { field: 'nominationIds' });
    }
    if (ids.length === 0) throw validation('councils.api.nothingWaiting', {}, { field: 'nominationIds' });
    const start = await tx.execute<{ p: number }>(sql`select coalesce(max(position), 0)::int as p from meeting_item where meeting_id = ${id}`);
    const inserted = await tx.execute<{ id: number; nomination_id: number }>(sql`
      insert into meeting_item (meeting_id, nomination_id, position, method)
      select ${id}, x.id, ${num(start.rows[0]!.p)} + x.ord, ${input.method ?? 'SECRET_ONLINE'}
      from unnest(${sql.param(ids)}::bigint[]) with ordinality as x(id, ord)
      returning id, nomination_id`);
    await insertAutoRecusals(tx, m.council_id, m.org_path, inserted.rows.map((r) => ({ itemId: num(r.id), nominationId: num(r.nomination_id) })));
    await tx.execute(sql`update council_meeting set version = version + 1 where id = ${id}`);
    await audit(tx, actor, [{ action: 'council.meeting.agenda', entityType: 'council_meeting', entityId: id, orgId: m.org_id, after: { nominationIds: ids, method: input.method ?? 'SECRET_ONLINE' } }]);
    return ids.length;
  });
}

export async function setAttendance(app: AppContext, actor: AuthActor, id: number, entries: { memberId: number; status: 'PRESENT' | 'ABSENT'; absenceReason?: string | null }[]): Promise<void> {
  await app.db.transaction(async (tx) => {
    const m = await loadManagedMeeting(tx, actor, id, true);
    requireStatus(m, 'SCHEDULED', 'OPEN');
    // Attendance is the base of the quorum and of who may vote: fixed while any vote is open.
    const voting = await tx.execute(sql`select 1 from meeting_item where meeting_id = ${id} and status = 'VOTING' limit 1`);
    if (voting.rows.length > 0) throw conflict('councils.api.attendanceWhileVoting');
    const seats = await seatsOf(tx, id, m.council_id);
    const seatIds = new Set(seats.map((s) => s.id));
    const outside = entries.filter((e) => !seatIds.has(e.memberId));
    if (outside.length > 0) throw validation('councils.api.notAMember', {}, { field: 'entries' });
    await tx.execute(sql`
      insert into meeting_attendance (meeting_id, member_id, status, absence_reason)
      select ${id}, e.member_id, e.status, e.absence_reason
      from jsonb_to_recordset(${JSON.stringify(entries.map((e) => ({ member_id: e.memberId, status: e.status, absence_reason: e.status === 'ABSENT' ? (e.absenceReason ?? null) : null })))}::jsonb)
           as e(member_id bigint, status text, absence_reason text)
      on conflict (meeting_id, member_id) do update set status = excluded.status, absence_reason = excluded.absence_reason`);
    await tx.execute(sql`update council_meeting set version = version + 1 where id = ${id}`);
    await audit(tx, actor, [{ action: 'council.meeting.attendance', entityType: 'council_meeting', entityId: id, orgId: m.org_id, after: { entries } }]);
  });
}

export async function openMeeting(app: AppContext, actor: AuthActor, id: number): Promise<void> {
  await app.db.transaction(async (tx) => {
    const m = await loadManagedMeeting(tx, actor, id, true);
    requireStatus(m, 'SCHEDULED');
    const seats = await seatsOf(tx, id, m.council_id);
    const unknown = seats.filter((s) => s.attendance === null);
    if (seats.length === 0) throw conflict('councils.api.noMembers');
    if (unknown.length > 0) throw validation('councils.api.attendanceMissing', { names: unknown.map((s) => s.full_name).join(', ') });
    await tx.execute(sql`update council_meeting set status = 'OPEN', opened_at = now(), version = version + 1 where id = ${id}`);
    await audit(tx, actor, [{ action: 'council.meeting.open', entityType: 'council_meeting', entityId: id, orgId: m.org_id }]);
  });
}

export async function cancelMeeting(app: AppContext, actor: AuthActor, id: number, reason: string): Promise<void> {
  await app.db.transaction(async (tx) => {
    const m = await loadManagedMeeting(tx, actor, id, true);
    requireStatus(m, 'SCHEDULED', 'OPEN');
    const sealed = await tx.execute(sql`select 1 from ballot_tally where meeting_id = ${id} limit 1`);
    if (sealed.rows.length > 0) throw conflict('councils.api.cancelAfterResults');
    const voting = await tx.execute(sql`select 1 from meeting_item i where i.meeting_id = ${id} and exists (select 1 from ballot_voter v where v.item_id = i.id) limit 1`);
    if (voting.rows.length > 0) throw conflict('councils.api.cancelAfterVotes');
    await tx.execute(sql`update council_meeting set status = 'CANCELLED', cancelled_reason = ${reason}, version = version + 1 where id = ${id}`);
    await audit(tx, actor, [{ action: 'council.meeting.cancel', entityType: 'council_meeting', entityId: id, orgId: m.org_id, after: { reason } }]);
  });
}

// ── Items ──────────────────────────────────────────────────────────────────────────────────────

type LiveItem = {
  id: number;
  meeting_id: number;
  nomination_id: number;
  status: string;
  method: string;
  subject_name: string;
  award_code: string;
  award_level: string;
  rule: VoteRule | null;
  members_total: number | null;
  present_count: number | null;
  recused_count: number | null;
};

async function itemsForUpdate(tx: Tx, meetingId: number, ids: number[] | null, status: string): Promise<LiveItem[]> {
  const r = await tx.execute<LiveItem>(sql`
    select i.id, i.meeting_id, i.nomination_id, i.status, i.method, n.subject_name, n.award_code, a.level as award_level, i.rule,
           i.members_total, i.present_count, i.recused_count
    from meeting_item i join nomination n on n.id = i.nomination_id join award_type a on a.code = n.award_code
    where i.meeting_id = ${meetingId} and i.status = ${status} ${ids ? sql`and i.id = any(${sql.param(ids)}::bigint[])` : sql``}
    order by i.position for update of i`);
  return r.rows.map((x) => ({ ...x, id: num(x.id), meeting_id: num(x.meeting_id), nomination_id: num(x.nomination_id) }));
}

async function loadItemMeeting(tx: Tx, actor: AuthActor, itemId: number) {
  const r = await tx.execute<{ meeting_id: number }>(sql`select meeting_id from meeting_item where id = ${itemId}`);
  if (!r.rows[0]) throw notFound();
  return loadReadableMeeting(tx, actor, num(r.rows[0].meeting_id), true);
}

export async function openVoting(app: AppContext, actor: AuthActor, id: number, itemIds: number[] | undefined): Promise<number> {
  return app.db.transaction(async (tx) => {
    const m = await loadManagedMeeting(tx, actor, id, true);
    requireStatus(m, 'OPEN');
    const items = await itemsForUpdate(tx, id, itemIds && itemIds.length > 0 ? itemIds : null, 'PENDING');
    if (itemIds && itemIds.length > 0 && items.length !== new Set(itemIds).size) throw conflict('councils.api.itemsNotPending');
    if (items.length === 0) throw conflict('councils.api.nothingToOpen');
    const council = await findCouncil(tx, m.council_id);
    const seats = await seatsOf(tx, id, m.council_id);
    const defaultRule = await councilDefaultRule(council);
    const q = quorumOf(defaultRule, seats);
    const today = todayInVietnam();
    const rules = new Map(items.map((i) => [i.id, resolveVoteRule({ code: i.award_code, level: i.award_level }, council?.vote_rules ?? null)]));
    // Quorum per rule (a council may ask more for some awards).
    const noQuorum = items.filter((i) => q.present < needed(rules.get(i.id)!.quorum, q.total, false));
    if (noQuorum.length > 0) throw conflict('councils.api.noQuorum', { present: q.present, total: q.total, needed: needed(rules.get(noQuorum[0]!.id)!.quorum, q.total, false) });
    const handsRefused = items.filter((i) => i.method === 'SHOW_OF_HANDS' && rules.get(i.id)!.secret);
    if (handsRefused.length > 0) throw conflict('councils.api.secretRequired', { names: handsRefused.map((i) => i.subject_name).join(', ') });
    // Public consultation: running ones block; where the rule asks for one, it must have ended.
    const nominationIds = items.map((i) => i.nomination_id);
    const [running, ended] = await Promise.all([
      openConsultationBlocks(tx, nominationIds, today),
      tx.execute<{ nomination_id: number; days: number }>(sql`
        select ci.nomination_id, max(c.working_days)::int as days
        from consultation_item ci join consultation c on c.id = ci.consultation_id
        where c.status = 'OPEN' and c.ends_on < ${today}::date and ci.nomination_id = any(${sql.param(nominationIds)}::bigint[])
        group by ci.nomination_id`),
    ]);
    const endedDays = new Map(ended.rows.map((c) => [num(c.nomination_id), num(c.days)]));
    const blocked = items.filter((i) => {
      const need = rules.get(i.id)!.consultationWorkingDays;
      return running.has(i.nomination_id) || (need > 0 && (endedDays.get(i.nomination_id) ?? 0) < need);
    });
    if (blocked.length > 0) throw conflict('councils.api.consultationPending', { names: blocked.map((i) => i.subject_name).join(', ') });
    await insertAutoRecusals(tx, m.council_id, m.org_path, items.map((i) => ({ itemId: i.id, nominationId: i.nomination_id })));
    const rec = await tx.execute<{ item_id: number; n: number }>(sql`
      select item_id, count(*)::int as n from meeting_recusal where item_id = any(${sql.param(items.map((i) => i.id))}::bigint[]) group by item_id`);
    const recused = new Map(rec.rows.map((r) => [num(r.item_id), num(r.n)]));
    const payload = items.map((i) => ({ id: i.id, rule: rules.get(i.id)!, recused: recused.get(i.id) ?? 0 }));
    await tx.execute(sql`
      update meeting_item i set status = 'VOTING', opened_at = now(), rule = x.rule, members_total = ${q.total}, present_count = ${q.present}, recused_count = x.recused
      from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) as x(id bigint, rule jsonb, recused int) where i.id = x.id`);
    await audit(tx, actor, [{ action: 'council.voting.open', entityType: 'council_meeting', entityId: id, orgId: m.org_id, after: { itemIds: items.map((i) => i.id), present: q.present, total: q.total } }]);
    return items.length;
  });
}

/** Secret ballots of a present, non-recused member on items open for online voting. One receipt. */
export async function castBallots(app: AppContext, actor: AuthActor, id: number, votes: { itemId: number; choice: string }[]): Promise<{ receipt: string; items: number[] }> {
  return app.db.transaction(async (tx) => {
    const m = await loadReadableMeeting(tx, actor, id);
    if (m.seat === null) throw forbidden();
    requireStatus(m, 'OPEN');
    const seat = m.seat;
    const att = await tx.execute<{ status: string }>(sql`select status from meeting_attendance where meeting_id = ${id} and member_id = ${seat}`);
    if (att.rows[0]?.status !== 'PRESENT') throw conflict('councils.api.notPresent');
    const ids = votes.map((v) => v.itemId);
    const items = await tx.execute<{ id: number; status: string; method: string; recused: boolean }>(sql`
      select i.id, i.status, i.method, exists (select 1 from meeting_recusal r where r.item_id = i.id and r.member_id = ${seat}) as recused
      from meeting_item i where i.meeting_id = ${id} and i.id = any(${sql.param(ids)}::bigint[])
      order by i.id for share of i`);
    // The share lock makes a concurrent close wait for this submission (and this one wait for a close):
    // no ballot can land after its item's tally was sealed.
    if (items.rows.length !== ids.length) throw notFound();
    if (items.rows.some((i) => i.status !== 'VOTING')) throw conflict('councils.api.itemNotVoting');
    if (items.rows.some((i) => i.method !== 'SECRET_ONLINE')) throw conflict('councils.api.notOnline');
    if (items.rows.some((i) => i.recused)) throw forbidden();
    const inserted = await tx.execute<{ item_id: number }>(sql`
      insert into ballot_voter (item_id, member_id, channel)
      select x, ${seat}, 'ONLINE' from unnest(${sql.param(ids)}::bigint[]) as x
      on conflict (item_id, member_id) do nothing returning item_id`);
    if (inserted.rows.length !== ids.length) throw conflict('councils.api.alreadyVoted');
    const receipt = newReceiptCode();
    await insertEnvelopes(tx, app.sessionKey, votes.map((v) => ({ itemId: v.itemId, choice: v.choice, channel: 'ONLINE' as const })), receipt);
    // The audit says that this user voted on these items, never how.
    await audit(tx, actor, [{ action: 'council.ballots.cast', entityType: 'council_meeting', entityId: id, orgId: m.org_id, after: { items: ids.length } }]);
    await failpoint('council.ballot.cast');
    return { receipt, items: ids };
  });
}

/**
 * The voter's sealed envelopes, one per item, each with a random key. No `ballot` row is written here:
 * rows written in this transaction carry its id (`xmin`), as the voter's `ballot_voter` row does.
 */
async function insertEnvelopes(tx: Tx, sessionKey: string, ballots: { itemId: number; choice: string; channel: BallotChannel }[], receipt: string) {
  const key = ballotKey(sessionKey);
  const rows = ballots
    .map((b) => ({ id: randomToken(16), item_id: b.itemId, sealed: sealBallot(key, b.itemId, { choice: b.choice as BallotChoice, channel: b.channel, receiptHash: receiptHash(receipt, b.itemId) }) }))
    .sort((a, b) => a.id.localeCompare(b.id));
  await tx.execute(sql`
    insert into ballot_envelope (id, item_id, sealed)
    select r.id, r.item_id, r.sealed from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(id text, item_id bigint, sealed text)`);
}

/** A written vote an absent member sent (where the rule allows), entered by the standing office. */
export async function recordWrittenVote(app: AppContext, actor: AuthActor, itemId: number, memberId: number, choice: string): Promise<{ receipt: string; items: number[] }> {
  return app.db.transaction(async (tx) => {
    const m = await loadItemMeeting(tx, actor, itemId);
    if (!managesCouncilOrg(actor, m.org_path)) throw forbidden();
    requireStatus(m, 'OPEN');
    const [item] = await itemsForUpdate(tx, m.id, [itemId], 'VOTING');
    if (!item) throw conflict('councils.api.itemNotVoting');
    if (item.method !== 'SECRET_ONLINE') throw conflict('councils.api.notOnline');
    if (!item.rule?.writtenVotesFromAbsent) throw conflict('councils.api.writtenNotAllowed');
    const a = await tx.execute<{ status: string | null; in_council: boolean; recused: boolean }>(sql`
      select (select status from meeting_attendance where meeting_id = ${m.id} and member_id = ${memberId}) as status,
             exists (select 1 from council_member where id = ${memberId} and council_id = ${m.council_id} and left_on is null) as in_council,
             exists (select 1 from meeting_recusal where item_id = ${itemId} and member_id = ${memberId}) as recused`);
    const info = a.rows[0]!;
    if (!info.in_council) throw validation('councils.api.notAMember', {}, { field: 'memberId' });
    if (info.status !== 'ABSENT') throw conflict('councils.api.writtenOnlyAbsent');
    if (info.recused) throw conflict('councils.api.recused');
    const ins = await tx.execute(sql`insert into ballot_voter (item_id, member_id, channel) values (${itemId}, ${memberId}, 'WRITTEN') on conflict do nothing returning item_id`);
    if (ins.rows.length === 0) throw conflict('councils.api.alreadyVoted');
    const receipt = newReceiptCode();
    await insertEnvelopes(tx, app.sessionKey, [{ itemId, choice, channel: 'WRITTEN' }], receipt);
    await audit(tx, actor, [{ action: 'council.ballot.written', entityType: 'meeting_item', entityId: itemId, orgId: m.org_id, after: { memberId } }]);
    return { receipt, items: [itemId] };
  });
}

export async function changeMethod(app: AppContext, actor: AuthActor, itemId: number, method: string): Promise<number> {
  return app.db.transaction(async (tx) => {
    const m = await loadItemMeeting(tx, actor, itemId);
    if (!managesCouncilOrg(actor, m.org_path)) throw forbidden();
    requireStatus(m, 'SCHEDULED', 'OPEN');
    const [item] = await itemsForUpdate(tx, m.id, [itemId], 'PENDING');
    if (!item) throw conflict('councils.api.itemsNotPending');
    await tx.execute(sql`update meeting_item set method = ${method} where id = ${itemId}`);
    await audit(tx, actor, [{ action: 'council.item.method', entityType: 'meeting_item', entityId: itemId, orgId: m.org_id, before: { method: item.method }, after: { method } }]);
    return m.id;
  });
}

export async function addManualRecusal(app: AppContext, actor: AuthActor, itemId: number, memberId: number, note: string): Promise<number> {
  return app.db.transaction(async (tx) => {
    const m = await loadItemMeeting(tx, actor, itemId);
    if (!managesCouncilOrg(actor, m.org_path)) throw forbidden();
    requireStatus(m, 'SCHEDULED', 'OPEN');
    await requireSeat(tx, m.council_id, memberId, 'memberId');
    const r = await tx.execute<{ status: string }>(sql`select status from meeting_item where id = ${itemId} for update`);
    const status = r.rows[0]!.status;
    if (status !== 'PENDING' && status !== 'VOTING') throw conflict('councils.api.itemClosed');
    const voted = await tx.execute(sql`select 1 from ballot_voter where item_id = ${itemId} and member_id = ${memberId}`);
    if (voted.rows.length > 0) throw conflict('councils.api.recuseAfterVote');
    const ins = await tx.execute(sql`insert into meeting_recusal (item_id, member_id, reason, note) values (${itemId}, ${memberId}, 'MANUAL', ${note}) on conflict do nothing returning item_id`);
    if (ins.rows.length === 0) throw conflict('councils.api.recused');
    if (status === 'VOTING') await tx.execute(sql`update meeting_item set recused_count = recused_count + 1 where id = ${itemId}`);
    await audit(tx, actor, [{ action: 'council.item.recusal', entityType: 'meeting_item', entityId: itemId, orgId: m.org_id, after: { memberId, note } }]);
    return m.id;
  });
}

export async function withdrawItem(app: AppContext, actor: AuthActor, itemId: number, reason: string): Promise<number> {
  return app.db.transaction(async (tx) => {
    const m = await loadItemMeeting(tx, actor, itemId);
    if (!managesCouncilOrg(actor, m.org_path)) throw forbidden();
    requireStatus(m, 'SCHEDULED', 'OPEN');
    const [item] = await itemsForUpdate(tx, m.id, [itemId], 'PENDING');
    if (!item) throw conflict('councils.api.itemsNotPending');
    await tx.execute(sql`update meeting_item set status = 'WITHDRAWN', withdrawn_reason = ${reason} where id = ${itemId}`);
    await audit(tx, actor, [{ action: 'council.item.withdraw', entityType: 'meeting_item', entityId: itemId, orgId: m.org_id, after: { reason } }]);
    return m.id;
  });
}

// ── Closing and sealing ────────────────────────────────────────────────────────────────────────

interface SealInput {
  item: LiveItem;
  counts: VoteCounts;
  written: number;
  ballotHashes: string[];
}

/** Seals the tallies of items (one chain per meeting) and applies the results, set-based. */
async function seal(tx: Tx, actor: AuthActor, m: MeetingRow, inputs: SealInput[]) {
  if (inputs.length === 0) return;
  const last = await tx.execute<{ seq: number; hash: string }>(sql`select seq, hash from ballot_tally where meeting_id = ${m.id} order by seq desc limit 1`);
  let seq = last.rows[0] ? num(last.rows[0].seq) : 0;
  let prev = last.rows[0]?.hash ?? CHAIN_GENESIS;
  const recPresent = await tx.execute<{ item_id: number; n: number }>(sql`
    select r.item_id, count(*)::int as n from meeting_recusal r
    join meeting_attendance a on a.meeting_id = ${m.id} and a.member_id = r.member_id and a.status = 'PRESENT'
    where r.item_id = any(${sql.param(inputs.map((i) => i.item.id))}::bigint[]) group by r.item_id`);
  const recusedPresent = new Map(recPresent.rows.map((r) => [num(r.item_id), num(r.n)]));
  const rows: { meeting_id: number; item_id: number; seq: number; body: TallyBody; ballots_root: string; prev_hash: string; hash: string }[] = [];
  const outcomes: { id: number; nomination_id: number; outcome: TallyBody['outcome'] }[] = [];
  for (const s of inputs) {
    const rule = s.item.rule!;
    const base = {
      rule, membersTotal: num(s.item.members_total), present: num(s.item.present_count), recused: num(s.item.recused_count),
      recusedPresent: recusedPresent.get(s.item.id) ?? 0, counts: s.counts, written: s.written,
    };
    const result = evaluateVote(base);
    const body: TallyBody = plainJson({
      method: s.item.method, counts: s.counts, written: s.written, membersTotal: base.membersTotal, present: base.present,
      recused: base.recused, recusedPresent: base.recusedPresent, denominator: result.denominator, outcome: result.outcome, rule, nominationId: s.item.nomination_id,
    });
    const root = ballotsRoot(s.ballotHashes);
    seq += 1;
    const hash = tallyHash(prev, m.id, s.item.id, seq, body, root);
    rows.push({ meeting_id: m.id, item_id: s.item.id, seq, body, ballots_root: root, prev_hash: prev, hash });
    outcomes.push({ id: s.item.id, nomination_id: s.item.nomination_id, outcome: result.outcome });
    prev = hash;
  }
  await tx.execute(sql`
    insert into ballot_tally (meeting_id, item_id, seq, body, ballots_root, prev_hash, hash, sealed_by)
    select r.meeting_id, r.item_id, r.seq, r.body, r.ballots_root, r.prev_hash, r.hash, ${actor.userId}
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(meeting_id bigint, item_id bigint, seq int, body jsonb, ballots_root text, prev_hash text, hash text)`);
  await tx.execute(sql`
    update meeting_item i set status = 'CLOSED', result = x.outcome, closed_at = now()
    from jsonb_to_recordset(${JSON.stringify(outcomes)}::jsonb) as x(id bigint, outcome text) where i.id = x.id`);
  const passed = outcomes.filter((o) => o.outcome === 'PASSED').map((o) => o.nomination_id);
  const failed = outcomes.filter((o) => o.outcome === 'FAILED').map((o) => o.nomination_id);
  // NO_QUORUM leaves the nomination waiting for another meeting.
  if (passed.length > 0) await tx.execute(sql`update nomination set status = 'COUNCIL_PASSED', updated_at = now(), version = version + 1 where id = any(${sql.param(passed)}::bigint[])`);
  if (failed.length > 0) await tx.execute(sql`update nomination set status = 'COUNCIL_FAILED', updated_at = now(), version = version + 1 where id = any(${sql.param(failed)}::bigint[])`);
  await recordEvent(tx, actor, passed, null, m.org_id, 'COUNCIL_PASSED', m.title);
  await recordEvent(tx, actor, failed, null, m.org_id, 'COUNCIL_FAILED', m.title);
  await audit(tx, actor, [{
    action: 'council.voting.close', entityType: 'council_meeting', entityId: m.id, orgId: m.org_id,
    after: { sealed: rows.length, passed: passed.length, failed: failed.length, head: prev },
  }]);
}

/** Running public consultations block closing an item as they block opening its vote. */
async function requireNoConsultation(tx: Tx, items: LiveItem[]) {
  if (items.length === 0) return;
  const running = await openConsultationBlocks(tx, items.map((i) => i.nomination_id), todayInVietnam());
  const blocked = items.filter((i) => running.has(i.nomination_id));
  if (blocked.length > 0) throw conflict('councils.api.consultationRunningAtClose', { names: blocked.map((i) => i.subject_name).join(', ') });
}

const shuffled = <T>(list: T[]): T[] => {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};

/**
 * Opens the ballot box of the items being closed: every envelope is opened (one per voter, or the
 * count is refused), the anonymous ballots are written together in random order, and the envelopes go.
 */
async function closeOnlineItems(tx: Tx, sessionKey: string, actor: AuthActor, m: MeetingRow, ids: number[] | null): Promise<number> {
  const items = await itemsForUpdate(tx, m.id, ids, 'VOTING');
  if (ids && items.length !== new Set(ids).size) throw conflict('councils.api.itemNotVoting');
  const manual = items.filter((i) => i.method !== 'SECRET_ONLINE');
  if (manual.length > 0) throw conflict('councils.api.countsMissing', { names: manual.map((i) => i.subject_name).join(', ') });
  if (items.length === 0) return 0;
  await requireNoConsultation(tx, items);
  const itemIds = items.map((i) => i.id);
  const [envelopes, voters, legacy] = await Promise.all([
    tx.execute<{ id: string; item_id: number; sealed: string }>(sql`
      select id, item_id, sealed from ballot_envelope where item_id = any(${sql.param(itemIds)}::bigint[]) for update`),
    tx.execute<{ item_id: number; n: number; written: number }>(sql`
      select item_id, count(*)::int as n, count(*) filter (where channel = 'WRITTEN')::int as written
      from ballot_voter where item_id = any(${sql.param(itemIds)}::bigint[]) group by item_id`),
    // Ballots cast before the ballot box existed were written directly.
    tx.execute<{ item_id: number; choice: string; hash: string }>(sql`
      select item_id, choice, hash from ballot where item_id = any(${sql.param(itemIds)}::bigint[])`),
  ]);
  const key = ballotKey(sessionKey);
  const voted = new Map(voters.rows.map((v) => [num(v.item_id), { n: num(v.n), written: num(v.written) }]));
  const byItem = new Map<number, { choice: string; hash: string }[]>();
  const add = (itemId: number, b: { choice: string; hash: string }) => byItem.set(itemId, [...(byItem.get(itemId) ?? []), b]);
  for (const x of legacy.rows) add(num(x.item_id), { choice: x.choice, hash: x.hash });
  const fresh: { id: string; item_id: number; choice: string; channel: string; receipt_hash: string; hash: string }[] = [];
  const opened = new Map<number, number>();
  for (const e of envelopes.rows) {
    const itemId = num(e.item_id);
    let content;
    try {
      content = openBallot(key, itemId, e.sealed);
    } catch {
      const item = items.find((i) => i.id === itemId)!;
      throw conflict('councils.api.envelopeUnreadable', { name: item.subject_name });
    }
    const hash = ballotHash(itemId, content.choice, 'SEALED', content.receiptHash);
    fresh.push({ id: randomToken(16), item_id: itemId, choice: content.choice, channel: 'SEALED', receipt_hash: content.receiptHash, hash });
    opened.set(itemId, (opened.get(itemId) ?? 0) + 1);
    add(itemId, { choice: content.choice, hash });
  }
  for (const item of items) {
    const ballots = byItem.get(item.id)?.length ?? 0;
    const expected = voted.get(item.id)?.n ?? 0;
    if (ballots !== expected) throw conflict('councils.api.ballotBoxMismatch', { name: item.subject_name, ballots, voters: expected });
  }
  if (fresh.length > 0) {
    await tx.execute(sql`
      insert into ballot (id, item_id, choice, channel, receipt_hash, hash)
      select r.id, r.item_id, r.choice, r.channel, r.receipt_hash, r.hash
      from jsonb_to_recordset(${JSON.stringify(shuffled(fresh))}::jsonb) as r(id text, item_id bigint, choice text, channel text, receipt_hash text, hash text)`);
    await tx.execute(sql`delete from ballot_envelope where item_id = any(${sql.param(itemIds)}::bigint[])`);
  }
  await seal(tx, actor, m, items.map((item) => {
    const list = byItem.get(item.id) ?? [];
    const count = (c: string) => list.filter((x) => x.choice === c).length;
    return {
      item, counts: { yes: count('YES'), no: count('NO'), abstain: count('ABSTAIN'), invalid: 0 },
      written: voted.get(item.id)?.written ?? 0, ballotHashes: list.map((x) => x.hash),
    };
  }));
  return items.length;
}

export async function closeVoting(app: AppContext, actor: AuthActor, id: number, itemIds: number[] | undefined): Promise<number> {
  return app.db.transaction(async (tx) => {
    const m = await loadManagedMeeting(tx, actor, id, true);
    requireStatus(m, 'OPEN');
    const n = await closeOnlineItems(tx, app.sessionKey, actor, m, itemIds && itemIds.length > 0 ? itemIds : null);
    if (n === 0) throw conflict('councils.api.nothingToClose');
    return n;
  });
}

/** Paper ballot or show-of-hands counts entered by the vote counters: the item closes with them. */
export async function enterCounts(app: AppContext, actor: AuthActor, itemId: number, input: { yes: number; no: number; abstain: number; invalid: number; written: number }): Promise<number> {
  return app.db.transaction(async (tx) => {
    const m = await loadItemMeeting(tx, actor, itemId);
    const counter = m.seat !== null && m.counter_member_ids.includes(m.seat);
    if (!managesCouncilOrg(actor, m.org_path) && !counter) throw forbidden();
    requireStatus(m, 'OPEN');
    await tx.execute(sql`select id from council_meeting where id = ${m.id} for update`);
    const [item] = await itemsForUpdate(tx, m.id, [itemId], 'VOTING');
    if (!item) throw conflict('councils.api.itemNotVoting');
    if (item.method === 'SECRET_ONLINE') throw conflict('councils.api.countsOnline');
    await requireNoConsultation(tx, [item]);
    if (input.invalid > 0 && item.method === 'SHOW_OF_HANDS') throw validation('councils.api.invalidHands', {}, { field: 'invalid' });
    const rule = item.rule!;
    if (input.written > 0 && !rule.writtenVotesFromAbsent) throw validation('councils.api.writtenNotAllowed', {}, { field: 'written' });
    const absent = num(item.members_total) - num(item.present_count);
    if (input.written > absent) throw validation('councils.api.writtenTooMany', { absent }, { field: 'written' });
    const recPresent = await tx.execute<{ n: number }>(sql`
      select count(*)::int as n from meeting_recusal r join meeting_attendance a on a.meeting_id = ${m.id} and a.member_id = r.member_id and a.status = 'PRESENT'
      where r.item_id = ${itemId}`);
    const eligible = num(item.present_count) - num(recPresent.rows[0]!.n) + input.written;
    const total = input.yes + input.no + input.abstain + input.invalid;
    if (total > eligible) throw validation('councils.api.countsTooMany', { total, eligible }, { field: 'yes' });
    await seal(tx, actor, m, [{ item, counts: { yes: input.yes, no: input.no, abstain: input.abstain, invalid: input.invalid }, written: input.written, ballotHashes: [] }]);
    return m.id;
  });
}

export async function closeMeeting(app: AppContext, actor: AuthActor, id: number): Promise<void> {
  await app.db.transaction(async (tx) => {
    const m = await loadManagedMeeting(tx, actor, id, true);
    requireStatus(m, 'OPEN');
    await closeOnlineItems(tx, app.sessionKey, actor, m, null);
    const head = await tx.execute<{ hash: string }>(sql`select hash from ballot_tally where meeting_id = ${id} order by seq desc limit 1`);
    const tallyHead = head.rows[0]?.hash ?? CHAIN_GENESIS;
    await tx.execute(sql`update council_meeting set status = 'CLOSED', closed_at = now(), tally_head = ${tallyHead}, version = version + 1 where id = ${id}`);
    await audit(tx, actor, [{ action: 'council.meeting.close', entityType: 'council_meeting', entityId: id, orgId: m.org_id, after: { tallyHead } }]);
  });
}

/**
 * Which items of a meeting hold ballots cast under a receipt code (the code itself is never stored):
 * counted items in `ballot`, items still being voted on by opening their envelopes.
 */
export async function checkReceipt(app: AppContext, actor: AuthActor, id: number, code: string) {
  const db = app.db;
  const m = await loadReadableMeeting(db, actor, id);
  const items = await db.execute<{ id: number; position: number; subject_name: string; status: string }>(sql`
    select i.id, i.position, n.subject_name, i.status from meeting_item i join nomination n on n.id = i.nomination_id where i.meeting_id = ${m.id}`);
  const hashes = new Map(items.rows.map((i) => [receiptHash(code, num(i.id)), i]));
  if (hashes.size === 0) return { found: false, items: [] };
  const votingIds = items.rows.filter((i) => i.status === 'VOTING').map((i) => num(i.id));
  const [found, envelopes] = await Promise.all([
    db.execute<{ receipt_hash: string }>(sql`select receipt_hash from ballot where receipt_hash = any(${sql.param([...hashes.keys()])}::text[])`),
    votingIds.length > 0
      ? db.execute<{ item_id: number; sealed: string }>(sql`select item_id, sealed from ballot_envelope where item_id = any(${sql.param(votingIds)}::bigint[])`)
      : Promise.resolve({ rows: [] as { item_id: number; sealed: string }[] }),
  ]);
  const matched = new Set(found.rows.map((f) => f.receipt_hash));
  if (envelopes.rows.length > 0) {
    const key = ballotKey(app.sessionKey);
    const wanted = new Map(votingIds.map((itemId) => [itemId, receiptHash(code, itemId)]));
    for (const e of envelopes.rows) {
      const itemId = num(e.item_id);
      try {
        const rh = openBallot(key, itemId, e.sealed).receiptHash;
        if (rh === wanted.get(itemId)) matched.add(rh);
      } catch {
        // An envelope that does not open is reported when the item is counted.
      }
    }
  }
  const list = [...matched]
    .map((h) => hashes.get(h))
    .filter((i) => i !== undefined)
    .map((i) => ({ itemId: num(i.id), position: num(i.position), subjectName: i.subject_name, sealed: i.status === 'CLOSED' }))
    .sort((a, b) => a.position - b.position);
  return { found: list.length > 0, items: list };
}
