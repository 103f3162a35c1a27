// Submissions (tờ trình): a unit groups nominations into one submission to its superior, which
// receives it, appraises each nomination (accept, return with reasons, reject), and finishes by
// sending the accepted ones to its council or up to the next level (escalation creates the matching
// draft submission there, carrying the dossiers). The state machine is src/domain/nominations/workflow.ts;
// here it is applied with locks, permissions, deadlines on the work calendar, notices and audit.
import { sql } from 'drizzle-orm';
import type { AuthActor } from '../../lib/actor';
import type { DbOrTx, Tx } from '../../db/client';
import type { AppContext } from '../../lib/context';
import type { Locale } from '../../../contracts/enums';
import type { CreateSubmissionInput, SubmissionActionPath, SubmissionDto, SubmissionListQuery, SubmissionSummaryDto } from '../../../contracts/nominations';
import { vnDate } from '../../lib/dates';
import { audit } from '../../lib/audit';
import { runInBackground } from '../../lib/context';
import { sendOutbox } from '../../lib/mail';
import { t } from '../../../contracts/messages';
import { ruleText } from './rule-text';
import { AppError, conflict, forbidden, notFound, validation } from '../../lib/errors';
import { covers, MANAGE_ROLES } from '../../lib/policy';
import { findOrg } from '../organisations/organisations.repository';
import { todayInVietnam } from '../imports/xlsx';
import { addWorkingDays, workingDaysBetween, type WorkCalendar } from '../../../domain/nominations';
import { planItemDecision, planTransition, type ItemState, type SubmissionAction, type SubmissionState } from '../../../domain/nominations/workflow';
import { awardNames, calendarUntil, findNominationRound, loadReadableRound, nominationRoundPolicy, submissionReadScope, type NominationRoundRow } from './rounds.service';
import {
  actorUnitPath,
  isRecused,
  managesUnit,
  missingByNomination,
  presentSummaries,
  recordEvent,
  reevaluateRows,
  SELECT_NOMINATION,
  type NominationRow,
} from './nominations.service';

export type SubmissionRow = {
  id: number;
  round_id: number;
  round_title: string;
  round_org_id: number;
  round_org_depth: number;
  round_status: string;
  from_org_id: number;
  from_name: string;
  from_path: string;
  to_org_id: number;
  to_name: string;
  to_path: string;
  to_depth: number;
  title: string;
  note: string | null;
  procedure: 'NORMAL' | 'SIMPLIFIED';
  status: SubmissionState;
  escalated_from_id: number | null;
  due_on: string | null;
  submitted_at: string | null;
  received_at: string | null;
  appraised_at: string | null;
  return_reason: string | null;
  version: number;
  items: number;
  items_returned: number;
};

const SELECT_SUBMISSION = sql`
  select s.id, s.round_id, r.title as round_title, r.org_id as round_org_id, ro.depth as round_org_depth, r.status as round_status,
         s.from_org_id, f.name as from_name, s.from_path, s.to_org_id, tt.name as to_name, tt.path as to_path, tt.depth as to_depth,
         s.title, s.note, s.procedure, s.status, s.escalated_from_id, s.due_on::text as due_on, s.submitted_at::text as submitted_at,
         s.received_at::text as received_at, s.appraised_at::text as appraised_at, s.return_reason, s.version,
         (select count(*) from submission_item i where i.submission_id = s.id and i.state <> 'WITHDRAWN')::int as items,
         (select count(*) from submission_item i where i.submission_id = s.id and i.state = 'RETURNED')::int as items_returned
  from submission s
    join nomination_round r on r.id = s.round_id
    join organisation ro on ro.id = r.org_id
    join organisation f on f.id = s.from_org_id
    join organisation tt on tt.id = s.to_org_id`;

export async function findSubmission(db: DbOrTx, id: number, forUpdate = false): Promise<SubmissionRow | null> {
  const r = await db.execute<SubmissionRow>(sql`${SELECT_SUBMISSION} where s.id = ${id} ${forUpdate ? sql`for update of s` : sql``}`);
  return r.rows[0] ?? null;
}


export const submissionPolicy = {
  read: (a: AuthActor, s: Pick<SubmissionRow, 'from_path' | 'to_path' | 'status'>) =>
    a.roles.some((r) => r.role !== 'MEMBER' && (r.orgPath === s.from_path || (s.status !== 'DRAFT' && (covers(r.orgPath, s.from_path) || covers(r.orgPath, s.to_path))))),
  /** The sending unit's own officers (or an administrator above it). */
  propose: (a: AuthActor, s: Pick<SubmissionRow, 'from_path'>) => managesUnit(a, s.from_path),
  /** Thi đua – khen thưởng officers of the receiving organisation itself (or an administrator above it). */
  appraise: (a: AuthActor, s: Pick<SubmissionRow, 'to_path'>) =>
    a.roles.some((r) => (r.role === 'TDKT_OFFICER' && r.orgPath === s.to_path) || (r.role === 'SYSTEM_ADMIN' && covers(r.orgPath, s.to_path))),
};

export async function loadReadableSubmission(db: DbOrTx, actor: AuthActor, id: number, forUpdate = false): Promise<SubmissionRow> {
  const s = await findSubmission(db, id, forUpdate);
  if (!s || !submissionPolicy.read(actor, s)) throw notFound();
  return s;
}

async function itemsOf(db: DbOrTx, submissionId: number, forUpdate = false): Promise<{ id: number; nomination_id: number; state: ItemState; reason: string | null; position: number }[]> {
  const r = await db.execute<{ id: number; nomination_id: number; state: ItemState; reason: string | null; position: number }>(
    sql`select id, nomination_id, state, reason, position from submission_item where submission_id = ${submissionId} order by position ${forUpdate ? sql`for update` : sql``}`,
  );
  return r.rows.map((x) => ({ ...x, id: Number(x.id), nomination_id: Number(x.nomination_id), position: Number(x.position) }));
}

async function nominationRows(db: DbOrTx, ids: number[], forUpdate = false): Promise<NominationRow[]> {
  if (ids.length === 0) return [];
  const r = await db.execute<NominationRow>(sql`${SELECT_NOMINATION} where n.id = any(${sql.param(ids)}::bigint[]) order by n.id ${forUpdate ? sql`for update of n` : sql``}`);
  return r.rows;
}

// ── Create ─────────────────────────────────────────────────────────────────────────────────────

export async function createSubmission(app: AppContext, actor: AuthActor, input: CreateSubmissionInput): Promise<number> {
  const round = await loadReadableRound(app.db, actor, input.roundId);
  if (!nominationRoundPolicy.propose(actor, round)) throw round.status === 'OPEN' ? notFound() : conflict('nominations.api.roundNotOpen');
  const from = await findOrg(app.db, input.fromOrgId);
  if (!from || from.status !== 'ACTIVE' || !managesUnit(actor, from.path) || !covers(round.org_path, from.path) || from.path === round.org_path || from.parent_id === null) {
    throw validation('nominations.api.senderInvalid', {}, { field: 'fromOrgId' });
  }
  const ids = [...new Set(input.nominationIds)];
  return app.db.transaction(async (tx) => {
    const rows = await nominationRows(tx, ids, true);
    const wrong = rows.filter((n) => Number(n.round_id) !== Number(round.id) || n.holder_path !== from.path || n.status !== 'DRAFT' || n.submission_id !== null);
    if (rows.length !== ids.length || wrong.length > 0) {
      throw validation('nominations.api.notAvailable', { names: wrong.map((n) => n.subject_name).join(', ') || String(ids.length - rows.length) }, { field: 'nominationIds' });
    }
    const procedures = new Set(rows.map((n) => n.procedure));
    if (procedures.size > 1) throw validation('nominations.api.mixedProcedures', {}, { field: 'nominationIds' });
    const procedure = rows[0]!.procedure;
    const title = (input.title ?? t('vi', procedure === 'SIMPLIFIED' ? 'nominations.submission.defaultTitleSimplified' : 'nominations.submission.defaultTitle', { year: Number(round.year) })).normalize('NFC');
    const r = await tx.execute<{ id: number }>(sql`
      insert into submission (round_id, from_org_id, from_path, to_org_id, title, note, procedure, created_by)
      values (${round.id}, ${from.id}, ${from.path}, ${from.parent_id}, ${title}, ${input.note}, ${procedure}, ${actor.userId}) returning id`);
    const id = Number(r.rows[0]!.id);
    await tx.execute(sql`
      insert into submission_item (submission_id, nomination_id, position)
      select ${id}, x.id, x.ord from unnest(${sql.param(ids)}::bigint[]) with ordinality as x(id, ord)`);
    await tx.execute(sql`update nomination set submission_id = ${id}, updated_at = now(), version = version + 1 where id = any(${sql.param(ids)}::bigint[])`);
    await audit(tx, actor, [{ action: 'nominations.submission.create', entityType: 'submission', entityId: id, orgId: Number(from.id), after: { roundId: Number(round.id), toOrgId: Number(from.parent_id), nominationIds: ids, procedure } }]);
    return id;
  });
}

/** Adds or removes nominations of a draft submission. */
export async function setSubmissionItems(app: AppContext, actor: AuthActor, id: number, input: { version: number; nominationIds: number[] }): Promise<void> {
  await app.db.transaction(async (tx) => {
    const s = await loadReadableSubmission(tx, actor, id, true);
    if (!submissionPolicy.propose(actor, s)) throw forbidden();
    if (s.status !== 'DRAFT') throw conflict('nominations.api.notEditable');
    if (Number(s.version) !== input.version) throw conflict('error.STALE');
    const ids = [...new Set(input.nominationIds)];
    const current = await itemsOf(tx, id, true);
    const currentIds = current.map((i) => i.nomination_id);
    const added = ids.filter((x) => !currentIds.includes(x));
    const removed = currentIds.filter((x) => !ids.includes(x));
    const rows = await nominationRows(tx, added, true);
    const wrong = rows.filter((n) => Number(n.round_id) !== Number(s.round_id) || n.holder_path !== s.from_path || n.status !== 'DRAFT' || n.submission_id !== null || n.procedure !== s.procedure);
    if (rows.length !== added.length || wrong.length > 0) throw validation('nominations.api.notAvailable', { names: wrong.map((n) => n.subject_name).join(', ') }, { field: 'nominationIds' });
    if (removed.length > 0) {
      // Items of a draft are not law yet: a removed line leaves the draft (the nomination stays, unsent).
      await tx.execute(sql`delete from submission_item where submission_id = ${id} and nomination_id = any(${sql.param(removed)}::bigint[])`);
      await tx.execute(sql`update nomination set submission_id = null, updated_at = now(), version = version + 1 where id = any(${sql.param(removed)}::bigint[])`);
    }
    if (added.length > 0) {
      await tx.execute(sql`
        insert into submission_item (submission_id, nomination_id, position)
        select ${id}, x.id, ${current.length} + x.ord from unnest(${sql.param(added)}::bigint[]) with ordinality as x(id, ord)`);
      await tx.execute(sql`update nomination set submission_id = ${id}, updated_at = now(), version = version + 1 where id = any(${sql.param(added)}::bigint[])`);
    }
    await tx.execute(sql`update submission set version = version + 1, updated_at = now() where id = ${id}`);
    await audit(tx, actor, [{ action: 'nominations.submission.items', entityType: 'submission', entityId: id, orgId: Number(s.from_org_id), after: { added, removed } }]);
  });
}

// ── Transitions ───────────────────────────────────────────────────────────────────────────────

const ACTIONS: Record<SubmissionActionPath, SubmissionAction> = {
  submit: 'SUBMIT',
  withdraw: 'WITHDRAW',
  receive: 'RECEIVE',
  start: 'START_APPRAISAL',
  return: 'RETURN',
  resubmit: 'RESUBMIT',
  finish: 'FINISH_APPRAISAL',
  'to-council': 'SEND_TO_COUNCIL',
  escalate: 'ESCALATE',
};

const PROPOSER_ACTIONS: SubmissionAction[] = ['SUBMIT', 'WITHDRAW', 'RESUBMIT'];

/** Days the receiving level has to appraise: its level's parameter, the organiser's above the round. */
export function appraisalDaysFor(round: Pick<NominationRoundRow, 'parameters'> & { org_depth: number }, toDepth: number, procedure: 'NORMAL' | 'SIMPLIFIED' = 'NORMAL'): number {
  // Rounds saved before the parameter existed fall back to the documented default.
  if (procedure === 'SIMPLIFIED') return round.parameters.simplifiedAppraisalWorkingDays ?? 5;
  const below = Math.max(0, toDepth - round.org_depth);
  const levels = round.parameters.levels;
  return (levels.find((l) => l.below === below) ?? levels.find((l) => l.below === 0) ?? levels[0]!).appraisalWorkingDays;
}

/** Problems that stop a batch from going up: missing documents, unjustified not-eligible nominations. */
async function sendProblems(db: DbOrTx, rows: NominationRow[], locale: Locale): Promise<string[]> {
  const awards = await awardNames(db, locale);
  const missing = await missingByNomination(db, rows, awards);
  const problems: string[] = [];
  for (const n of rows) {
    const m = missing.get(Number(n.id)) ?? [];
    if (m.length > 0) problems.push(t(locale, 'nominations.problem.missingDocuments', { name: n.subject_name, award: awards.get(n.award_code)?.name ?? n.award_code, missing: m.map((c) => t(locale, c.labelKey)).join(', ') }));
    if (n.eligibility_status === 'NOT_ELIGIBLE' && !n.justification) problems.push(t(locale, 'nominations.problem.notEligible', { name: n.subject_name, award: awards.get(n.award_code)?.name ?? n.award_code }));
  }
  return problems;
}

export interface TransitionResult {
  outboxIds: number[];
  escalatedId: number | null;
}

export async function transitionSubmission(app: AppContext, actor: AuthActor, id: number, path: SubmissionActionPath, input: { version: number; reason?: string }): Promise<TransitionResult> {
  const action = ACTIONS[path];
  const result = await app.db.transaction(async (tx) => {
    const s = await loadReadableSubmission(tx, actor, id, true);
    const allowed = PROPOSER_ACTIONS.includes(action) ? submissionPolicy.propose(actor, s) : submissionPolicy.appraise(actor, s);
    if (!allowed) throw new AppError('FORBIDDEN', 'nominations.api.notYourSide');
    if (s.round_status !== 'OPEN') throw conflict('nominations.api.roundNotOpen');
    if (Number(s.version) !== input.version) throw conflict('error.STALE');
    const items = await itemsOf(tx, id, true);
    const plan = planTransition(s.status, action, items.map((i) => ({ id: i.id, state: i.state })));
    if (!plan.ok) {
      const problems = plan.problems.map((p) => ruleText('vi', p.key, p.params));
      throw conflict('nominations.api.transitionRefused', { problems: problems.join(' ') }, { problems });
    }
    if (action === 'RETURN' && !input.reason?.trim()) throw validation('nominations.api.reasonRequired', {}, { field: 'reason' });
    const live = items.filter((i) => i.state !== 'WITHDRAWN').map((i) => i.nomination_id);
    const rows = await nominationRows(tx, live, true);
    const round = (await findNominationRound(tx, Number(s.round_id)))!;
    const calendar = await calendarUntil(tx, actor, `${Number(todayInVietnam().slice(0, 4)) + 1}-12-31`);
    const outboxIds: number[] = [];
    let escalatedId: number | null = null;
    const set: Record<string, unknown> = {};
    let event: string = action;

    if (action === 'SUBMIT' || action === 'RESUBMIT') {
      // The engine runs again on today's records before the batch leaves the unit.
      await reevaluateRows(tx, actor, rows);
      const fresh = await nominationRows(tx, live);
      const problems = await sendProblems(tx, fresh, 'vi');
      if (problems.length > 0) throw validation('nominations.api.cannotSend', { problems: problems.join(' ') }, { problems });
      await tx.execute(sql`
        update nomination set status = 'IN_REVIEW', holder_org_id = ${s.to_org_id}, holder_path = ${s.to_path},
          reached_path = case when reached_path is null or length(${s.to_path}) < length(reached_path) then ${s.to_path} else reached_path end,
          updated_at = now(), version = version + 1
        where id = any(${sql.param(live)}::bigint[])`);
      await tx.execute(sql`update submission set submitted_at = now(), submitted_by = ${actor.userId} where id = ${id}`);
      await recordEvent(tx, actor, live, id, Number(s.from_org_id), action === 'SUBMIT' ? 'SUBMITTED' : 'RESUBMITTED', null);
      outboxIds.push(...(await notifyOrg(tx, app.config.APP_URL, Number(s.to_org_id), Number(s.from_org_id), 'nominations.notice.submitted', { title: s.title, from: s.from_name, count: live.length }, `/de-nghi/to-trinh/${id}`)));
      event = action === 'SUBMIT' ? 'SUBMITTED' : 'RESUBMITTED';
    } else if (action === 'WITHDRAW') {
      if (!input.reason?.trim()) throw validation('nominations.api.reasonRequired', {}, { field: 'reason' });
      await tx.execute(sql`update nomination set status = 'DRAFT', submission_id = null, holder_org_id = ${s.from_org_id}, holder_path = ${s.from_path}, updated_at = now(), version = version + 1 where id = any(${sql.param(live)}::bigint[])`);
      set.return_reason = input.reason;
      await recordEvent(tx, actor, live, id, Number(s.from_org_id), 'SUBMISSION_WITHDRAWN', input.reason);
    } else if (action === 'RECEIVE') {
      const today = todayInVietnam();
      const due = addWorkingDays(today, appraisalDaysFor({ ...round, org_depth: Number(s.round_org_depth) }, Number(s.to_depth), s.procedure), calendar);
      set.due_on = due;
      await tx.execute(sql`update submission set received_at = now(), received_by = ${actor.userId} where id = ${id}`);
      await recordEvent(tx, actor, live, id, Number(s.to_org_id), 'RECEIVED', null);
      outboxIds.push(...(await notifyOrg(tx, app.config.APP_URL, Number(s.from_org_id), Number(s.to_org_id), 'nominations.notice.received', { title: s.title, to: s.to_name, due: vnDate(due) }, `/de-nghi/to-trinh/${id}`)));
    } else if (action === 'START_APPRAISAL') {
      // A resubmission is appraised within the same number of working days from its return.
      if (s.status === 'RESUBMITTED') set.due_on = addWorkingDays(todayInVietnam(), appraisalDaysFor({ ...round, org_depth: Number(s.round_org_depth) }, Number(s.to_depth), s.procedure), calendar);
    } else if (action === 'RETURN') {
      const returned = items.filter((i) => i.state === 'RETURNED').map((i) => i.nomination_id);
      await tx.execute(sql`update nomination set status = 'RETURNED', holder_org_id = ${s.from_org_id}, holder_path = ${s.from_path}, updated_at = now(), version = version + 1 where id = any(${sql.param(returned)}::bigint[])`);
      set.return_reason = input.reason;
      outboxIds.push(...(await notifyOrg(tx, app.config.APP_URL, Number(s.from_org_id), Number(s.to_org_id), 'nominations.notice.returned', { title: s.title, to: s.to_name, count: returned.length, reason: input.reason ?? '' }, `/de-nghi/to-trinh/${id}`)));
    } else if (action === 'FINISH_APPRAISAL') {
      const accepted = items.filter((i) => i.state === 'ACCEPTED').map((i) => i.nomination_id);
      const rejected = items.filter((i) => i.state === 'REJECTED').map((i) => i.nomination_id);
      await tx.execute(sql`update nomination set status = 'ACCEPTED', updated_at = now(), version = version + 1 where id = any(${sql.param(accepted)}::bigint[])`);
      await tx.execute(sql`update nomination set status = 'REJECTED', updated_at = now(), version = version + 1 where id = any(${sql.param(rejected)}::bigint[])`);
      await tx.execute(sql`update submission set appraised_at = now(), appraised_by = ${actor.userId} where id = ${id}`);
      await recordEvent(tx, actor, accepted, id, Number(s.to_org_id), 'APPRAISED', null);
      outboxIds.push(...(await notifyOrg(tx, app.config.APP_URL, Number(s.from_org_id), Number(s.to_org_id), 'nominations.notice.appraised', { title: s.title, to: s.to_name, accepted: accepted.length, rejected: rejected.length }, `/de-nghi/to-trinh/${id}`)));
    } else if (action === 'SEND_TO_COUNCIL') {
      const accepted = items.filter((i) => i.state === 'ACCEPTED').map((i) => i.nomination_id);
      const awards = await awardNames(tx, 'vi');
      const to = (await findOrg(tx, Number(s.to_org_id)))!;
      const beyond = rows.filter((n) => accepted.includes(Number(n.id)) && !(awards.get(n.award_code)?.grantingOrgKinds ?? []).includes(to.kind));
      if (beyond.length > 0) {
        const problems = beyond.map((n) => t('vi', 'nominations.problem.notCompetent', { name: n.subject_name, award: awards.get(n.award_code)?.name ?? n.award_code, org: to.name }));
        throw conflict('nominations.api.transitionRefused', { problems: problems.join(' ') }, { problems });
      }
      await tx.execute(sql`update nomination set status = 'TO_COUNCIL', updated_at = now(), version = version + 1 where id = any(${sql.param(accepted)}::bigint[])`);
      await recordEvent(tx, actor, accepted, id, Number(s.to_org_id), 'TO_COUNCIL', null);
    } else if (action === 'ESCALATE') {
      const to = (await findOrg(tx, Number(s.to_org_id)))!;
      if (to.parent_id === null) throw conflict('nominations.api.noHigherLevel');
      const accepted = items.filter((i) => i.state === 'ACCEPTED').map((i) => i.nomination_id);
      const r = await tx.execute<{ id: number }>(sql`
        insert into submission (round_id, from_org_id, from_path, to_org_id, title, note, procedure, escalated_from_id, created_by)
        values (${s.round_id}, ${to.id}, ${to.path}, ${to.parent_id}, ${s.title}, null, ${s.procedure}, ${id}, ${actor.userId}) returning id`);
      escalatedId = Number(r.rows[0]!.id);
      await tx.execute(sql`
        insert into submission_item (submission_id, nomination_id, position)
        select ${escalatedId}, x.id, x.ord from unnest(${sql.param(accepted)}::bigint[]) with ordinality as x(id, ord)`);
      // At the new level the nomination is the appraising unit's draft: it may add its own documents.
      await tx.execute(sql`update nomination set status = 'DRAFT', submission_id = ${escalatedId}, updated_at = now(), version = version + 1 where id = any(${sql.param(accepted)}::bigint[])`);
      await recordEvent(tx, actor, accepted, id, Number(s.to_org_id), 'ESCALATED', null);
    }
    const next = plan.next;
    await tx.execute(sql`
      update submission set status = ${next}, version = version + 1, updated_at = now()
        ${set.due_on !== undefined ? sql`, due_on = ${set.due_on as string}` : sql``}
        ${set.return_reason !== undefined ? sql`, return_reason = ${set.return_reason as string}` : sql``}
      where id = ${id}`);
    await audit(tx, actor, [
      {
        action: `nominations.submission.${path}`,
        entityType: 'submission',
        entityId: id,
        orgId: Number(PROPOSER_ACTIONS.includes(action) ? s.from_org_id : s.to_org_id),
        before: { status: s.status },
        after: { status: next, event, reason: input.reason ?? null, dueOn: (set.due_on as string | undefined) ?? s.due_on, escalatedId },
      },
    ]);
    return { outboxIds, escalatedId };
  });
  if (result.outboxIds.length > 0) runInBackground(app, () => sendOutbox(app, result.outboxIds));
  return result;
}

/** An in-app notice to an organisation and an email to its managing users; returns outbox ids. */
export async function notifyOrg(tx: Tx, appUrl: string, orgId: number, senderOrgId: number, key: string, params: Record<string, string | number>, link: string): Promise<number[]> {
  const title = t('vi', `${key}.title`, params);
  const body = t('vi', `${key}.body`, params);
  const mail = `${body}\n\n${appUrl.replace(/\/$/, '')}${link}`;
  await tx.execute(sql`insert into inbox_item (org_id, kind, title, body, sender_org_id, link) values (${orgId}, 'NOTICE', ${title}, ${body}, ${senderOrgId}, ${link})`);
  const mails = await tx.execute<{ id: number }>(sql`
    insert into email_outbox (to_address, subject, body)
    select distinct u.email, ${title}, ${mail}
    from role_assignment ra join app_user u on u.id = ra.user_id
    where ra.org_id = ${orgId} and ra.revoked_at is null and ra.role = any(${sql.param([...MANAGE_ROLES])}::text[]) and u.email is not null and u.email <> '' and not u.disabled
    returning id`);
  return mails.rows.map((m) => Number(m.id));
}


// ── Item decisions ─────────────────────────────────────────────────────────────────────────────

export async function decideItem(app: AppContext, actor: AuthActor, submissionId: number, nominationId: number, input: { decision: 'ACCEPT' | 'RETURN' | 'REJECT' | 'FIX' | 'WITHDRAW'; reason?: string }): Promise<void> {
  await app.db.transaction(async (tx) => {
    const s = await loadReadableSubmission(tx, actor, submissionId, true);
    const proposerSide = input.decision === 'FIX' || input.decision === 'WITHDRAW';
    const allowed = proposerSide ? submissionPolicy.propose(actor, s) : submissionPolicy.appraise(actor, s);
    if (!allowed) throw new AppError('FORBIDDEN', 'nominations.api.notYourSide');
    const items = await itemsOf(tx, submissionId, true);
    const item = items.find((i) => i.nomination_id === nominationId);
    if (!item) throw notFound();
    const [n] = await nominationRows(tx, [nominationId], true);
    if (!proposerSide && isRecused(actor, await actorUnitPath(tx, actor), n!)) throw new AppError('FORBIDDEN', 'nominations.api.recused');
    const plan = planItemDecision(s.status, item.state, input.decision);
    if (!plan.ok) throw conflict('nominations.api.transitionRefused', { problems: ruleText('vi', plan.problem.key, plan.problem.params) });
    const reason = input.reason?.trim() || null;
    if ((input.decision === 'RETURN' || input.decision === 'REJECT' || input.decision === 'WITHDRAW') && !reason) throw validation('nominations.api.reasonRequired', {}, { field: 'reason' });
    if (input.decision === 'FIX') {
      // The unit corrected the nomination: it must be sendable again before it is marked fixed.
      const problems = await sendProblems(tx, [n!], 'vi');
      if (problems.length > 0) throw validation('nominations.api.cannotSend', { problems: problems.join(' ') }, { problems });
    }
    await tx.execute(sql`
      update submission_item set state = ${plan.next}, reason = ${input.decision === 'FIX' ? item.reason : reason}, decided_by = ${actor.userId}, decided_at = now()
      where id = ${item.id}`);
    if (input.decision === 'WITHDRAW') {
      await tx.execute(sql`update nomination set status = 'WITHDRAWN', withdrawn_reason = ${reason}, updated_at = now(), version = version + 1 where id = ${nominationId}`);
    }
    await tx.execute(sql`update submission set version = version + 1, updated_at = now() where id = ${submissionId}`);
    const kind = { ACCEPT: 'ITEM_ACCEPTED', RETURN: 'ITEM_RETURNED', REJECT: 'ITEM_REJECTED', FIX: 'ITEM_FIXED', WITHDRAW: 'WITHDRAWN' }[input.decision];
    await recordEvent(tx, actor, nominationId, submissionId, Number(proposerSide ? s.from_org_id : s.to_org_id), kind, reason);
    await audit(tx, actor, [
      { action: `nominations.item.${input.decision.toLowerCase()}`, entityType: 'nomination', entityId: nominationId, orgId: Number(proposerSide ? s.from_org_id : s.to_org_id), before: { state: item.state }, after: { state: plan.next, reason, submissionId } },
    ]);
  });
}

// ── Presenting and listing ────────────────────────────────────────────────────────────────────

function summaryOf(s: SubmissionRow, calendar: WorkCalendar | null, today: string): SubmissionSummaryDto {
  const waiting = ['SUBMITTED', 'RECEIVED', 'UNDER_APPRAISAL', 'RESUBMITTED'].includes(s.status);
  const left = s.due_on && waiting && calendar ? (s.due_on >= today ? workingDaysBetween(today, s.due_on, calendar) : -workingDaysBetween(s.due_on, today, calendar)) : null;
  return {
    id: Number(s.id),
    roundId: Number(s.round_id),
    roundTitle: s.round_title,
    fromOrgId: Number(s.from_org_id),
    fromOrgName: s.from_name,
    toOrgId: Number(s.to_org_id),
    toOrgName: s.to_name,
    title: s.title,
    procedure: s.procedure,
    status: s.status,
    items: Number(s.items),
    itemsReturned: Number(s.items_returned),
    dueOn: s.due_on,
    workingDaysLeft: left,
    overdue: waiting && s.due_on !== null && s.due_on < today,
    submittedAt: s.submitted_at,
    escalatedFromId: s.escalated_from_id === null ? null : Number(s.escalated_from_id),
  };
}

async function listCalendar(db: DbOrTx, actor: AuthActor): Promise<WorkCalendar> {
  const y = Number(todayInVietnam().slice(0, 4));
  return calendarUntil(db, actor, `${y + 1}-12-31`);
}

export async function presentSubmission(db: DbOrTx, actor: AuthActor, locale: Locale, s: SubmissionRow): Promise<SubmissionDto> {
  const items = await itemsOf(db, Number(s.id));
  const rows = await nominationRows(db, items.map((i) => i.nomination_id));
  const summaries = await presentSummaries(db, rows, locale);
  const byId = new Map(summaries.map((x) => [x.id, x]));
  const rowById = new Map(rows.map((x) => [Number(x.id), x]));
  const unitPath = await actorUnitPath(db, actor);
  const waiting = await db.execute<{ nomination_id: number; n: number }>(sql`
    select nomination_id, count(*)::int as n from opinion_request where nomination_id = any(${sql.param(items.map((i) => i.nomination_id))}::bigint[]) and outcome is null group by nomination_id`);
  const waitingBy = new Map(waiting.rows.map((w) => [Number(w.nomination_id), Number(w.n)]));
  const live = rows.filter((n) => items.find((i) => i.nomination_id === Number(n.id))?.state !== 'WITHDRAWN');
  const problems = s.status === 'DRAFT' || s.status === 'RETURNED' ? await sendProblems(db, live, locale) : [];
  const calendar = await listCalendar(db, actor);
  const abilities: string[] = [];
  const propose = submissionPolicy.propose(actor, s) && s.round_status === 'OPEN';
  const appraise = submissionPolicy.appraise(actor, s) && s.round_status === 'OPEN';
  const can = (action: SubmissionAction) => planTransition(s.status, action, items.map((i) => ({ id: i.id, state: i.state }))).ok;
  if (propose) {
    if (s.status === 'DRAFT') abilities.push('submission.edit');
    if (can('SUBMIT')) abilities.push('submission.submit');
    if (can('WITHDRAW')) abilities.push('submission.withdraw');
    if (can('RESUBMIT')) abilities.push('submission.resubmit');
    if (s.status === 'RETURNED') abilities.push('item.fix');
  }
  if (appraise) {
    if (can('RECEIVE')) abilities.push('submission.receive');
    if (can('START_APPRAISAL')) abilities.push('submission.start');
    if (can('RETURN')) abilities.push('submission.return');
    if (can('FINISH_APPRAISAL')) abilities.push('submission.finish');
    if (can('SEND_TO_COUNCIL')) abilities.push('submission.toCouncil');
    if (can('ESCALATE')) abilities.push('submission.escalate');
    if (s.status === 'UNDER_APPRAISAL') abilities.push('item.decide');
    if (['SUBMITTED', 'RECEIVED', 'UNDER_APPRAISAL', 'RESUBMITTED'].includes(s.status)) abilities.push('submission.remind');
  }
  return {
    ...summaryOf(s, calendar, todayInVietnam()),
    version: Number(s.version),
    note: s.note,
    returnReason: s.return_reason,
    receivedAt: s.received_at,
    appraisedAt: s.appraised_at,
    lines: items
      .filter((i) => byId.has(i.nomination_id))
      .map((i) => ({
        id: i.id,
        position: i.position,
        state: i.state,
        reason: i.reason,
        nomination: byId.get(i.nomination_id)!,
        recused: isRecused(actor, unitPath, rowById.get(i.nomination_id)!),
        opinionsWaiting: waitingBy.get(i.nomination_id) ?? 0,
      })),
    problems,
    abilities,
  };
}

export async function listSubmissions(app: AppContext, actor: AuthActor, q: SubmissionListQuery) {
  const where = [submissionReadScope(actor, 's', 'tt')];
  if (q.roundId) where.push(sql`s.round_id = ${q.roundId}`);
  if (q.status) where.push(sql`s.status = ${q.status}`);
  const mine = actor.roles.filter((r) => r.role !== 'MEMBER').map((r) => r.orgPath);
  if (q.box === 'INBOX') {
    // Sent to an organisation the reader appraises for, waiting for appraisal.
    const own = actor.roles.filter((r) => r.role === 'TDKT_OFFICER').map((r) => sql`tt.path = ${r.orgPath}`);
    const admin = actor.roles.filter((r) => r.role === 'SYSTEM_ADMIN').map((r) => sql`tt.path like ${`${r.orgPath}%`}`);
    const appr = [...own, ...admin];
    where.push(appr.length ? sql`(${sql.join(appr, sql` or `)})` : sql`false`);
    where.push(sql`s.status in ('SUBMITTED','RECEIVED','UNDER_APPRAISAL','RESUBMITTED')`);
  } else if (q.box === 'SENT') {
    where.push(mine.length ? sql`s.from_path = any(${sql.param(mine)}::text[])` : sql`false`);
  }
  if (q.overdue) where.push(sql`s.due_on < ${todayInVietnam()}::date and s.status in ('SUBMITTED','RECEIVED','UNDER_APPRAISAL','RESUBMITTED')`);
  const w = sql.join(where, sql` and `);
  const order = q.box === 'INBOX' ? sql`s.due_on asc nulls last, s.submitted_at, s.id` : sql`s.updated_at desc, s.id desc`;
  const [rows, total] = await Promise.all([
    app.db.execute<SubmissionRow>(sql`${SELECT_SUBMISSION} where ${w} order by ${order} limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`),
    app.db.execute<{ n: number }>(sql`select count(*)::int as n from submission s join organisation tt on tt.id = s.to_org_id where ${w}`),
  ]);
  const calendar = await listCalendar(app.db, actor);
  const today = todayInVietnam();
  return { items: rows.rows.map((s) => summaryOf(s, calendar, today)), total: Number(total.rows[0]!.n), page: q.page, pageSize: q.pageSize };
}

/** Reminds the receiving organisation of a submission waiting for appraisal (notice + email). */
export async function remindSubmission(app: AppContext, actor: AuthActor, id: number): Promise<{ emails: number }> {
  const outbox = await app.db.transaction(async (tx) => {
    const s = await loadReadableSubmission(tx, actor, id, true);
    if (!submissionPolicy.appraise(actor, s)) throw forbidden();
    if (!['SUBMITTED', 'RECEIVED', 'UNDER_APPRAISAL', 'RESUBMITTED'].includes(s.status)) throw conflict('nominations.api.nothingToRemind');
    const ids = await notifyOrg(tx, app.config.APP_URL, Number(s.to_org_id), Number(s.to_org_id), 'nominations.notice.remind', { title: s.title, from: s.from_name, due: s.due_on ? vnDate(s.due_on) : '—' }, `/de-nghi/to-trinh/${id}`);
    await tx.execute(sql`update submission set last_reminded_at = now() where id = ${id}`);
    await audit(tx, actor, [{ action: 'nominations.submission.remind', entityType: 'submission', entityId: id, orgId: Number(s.to_org_id), after: { emails: ids.length } }]);
    return ids;
  });
  if (outbox.length > 0) runInBackground(app, () => sendOutbox(app, outbox));
  return { emails: outbox.length };
}

/**
 * The daily job (`vinhdanh reminders`): submissions waiting for appraisal whose deadline falls within
 * `days` calendar days of `today` or has passed, not reminded today. One notice and email
 * per submission to the receiving organisation; the caller sends the outbox.
 */
export async function remindDueAppraisals(app: AppContext, today: string, days: number): Promise<{ reminded: number; emails: number }> {
  return app.db.transaction(async (tx) => {
    const due = await tx.execute<SubmissionRow>(sql`${SELECT_SUBMISSION}
      where s.status in ('SUBMITTED','RECEIVED','UNDER_APPRAISAL','RESUBMITTED') and s.due_on <= ${today}::date + ${days}::int
        and (s.last_reminded_at is null or (s.last_reminded_at at time zone 'Asia/Ho_Chi_Minh')::date < ${today}::date)
      order by s.id for update of s`);
    const ids: number[] = [];
    for (const s of due.rows) {
      const params = { title: s.title, from: s.from_name, due: s.due_on ? vnDate(s.due_on) : '—' };
      ids.push(...(await notifyOrg(tx, app.config.APP_URL, Number(s.to_org_id), Number(s.to_org_id), 'nominations.notice.remind', params, `/de-nghi/to-trinh/${s.id}`)));
    }
    if (due.rows.length > 0) {
      // Stamped with the job's day (never earlier than now), so that a second run for that day skips them.
      await tx.execute(sql`
        update submission set last_reminded_at = greatest(now(), ${today}::timestamp at time zone 'Asia/Ho_Chi_Minh')
        where id = any(${sql.param(due.rows.map((s) => Number(s.id)))}::bigint[])`);
      await audit(tx, { userId: null }, [{ action: 'nominations.submission.remindDue', entityType: 'submission', entityId: null, orgId: null, after: { ids: due.rows.map((s) => Number(s.id)), emails: ids.length, today, days } }]);
    }
    return { reminded: due.rows.length, emails: ids.length };
  });
}
