// Public consultation (công khai, lấy ý kiến; RULES §6.3): the TĐKT office of an organisation
// publishes the nominations it sent to its council, each with a short public summary, for N working
// days counted on the work calendar. The period, the list and its withdrawal live here; the feedback
// of the public is in feedback.service.ts, the public page in public.service.ts.
import { sql } from 'drizzle-orm';
import type { AuthActor } from '../../lib/actor';
import type { DbOrTx } from '../../db/client';
import type { AppContext } from '../../lib/context';
import type { Locale } from '../../../contracts/enums';
import {
  personalDataIn,
  type ConsultationCandidateDto,
  type ConsultationDto,
  type ConsultationListQuery,
  type ConsultationPhase,
  type ConsultationSummaryDto,
  type CreateConsultationInput,
  type FeedbackCounts,
} from '../../../contracts/consultations';
import { t } from '../../../contracts/messages';
import { audit } from '../../lib/audit';
import { conflict, forbidden, notFound, validation } from '../../lib/errors';
import { covers, orgPolicy } from '../../lib/policy';
import { findOrg, readableSubtrees } from '../organisations/organisations.repository';
import { todayInVietnam } from '../imports/xlsx';
import { vnDate } from '../../lib/dates';
import { ensureLawDays, loadWorkCalendar } from '../work-calendar/work-calendar.service';
import { awardNames } from '../nominations/rounds.service';
import { addWorkingDays, type WorkCalendar } from '../../../domain/nominations';

export type ConsultationRow = {
  id: number;
  org_id: number;
  org_name: string;
  org_code: string;
  org_path: string;
  title: string;
  meeting_id: number | null;
  starts_on: string;
  ends_on: string;
  working_days: number;
  status: 'OPEN' | 'WITHDRAWN';
  withdrawn_reason: string | null;
  created_at: string;
  item_count: number;
  fb_new: number;
  fb_relevant: number;
  fb_dismissed: number;
};

const SELECT_CONSULTATION = sql`
  select c.id, c.org_id, o.name as org_name, o.code as org_code, c.org_path, c.title, c.meeting_id, c.starts_on::text as starts_on,
         c.ends_on::text as ends_on, c.working_days, c.status, c.withdrawn_reason, c.created_at::text as created_at,
         (select count(*) from consultation_item i where i.consultation_id = c.id)::int as item_count,
         fb.fb_new, fb.fb_relevant, fb.fb_dismissed
  from consultation c
    join organisation o on o.id = c.org_id
    cross join lateral (
      select count(*) filter (where f.status = 'NEW')::int as fb_new, count(*) filter (where f.status = 'RELEVANT')::int as fb_relevant,
             count(*) filter (where f.status = 'DISMISSED')::int as fb_dismissed
      from consultation_item i join consultation_feedback f on f.item_id = i.id where i.consultation_id = c.id) fb`;

export async function findConsultation(db: DbOrTx, id: number, forUpdate = false): Promise<ConsultationRow | null> {
  const r = await db.execute<ConsultationRow>(sql`${SELECT_CONSULTATION} where c.id = ${id} ${forUpdate ? sql`for update of c` : sql``}`);
  return r.rows[0] ?? null;
}

// ── Policy ─────────────────────────────────────────────────────────────────────────────────────

export const consultationPolicy = {
  /** Readers of the organisation's subtree (officers, council members, viewers above or on it). */
  read: (a: AuthActor, orgPath: string) => orgPolicy.listMembers(a, { path: orgPath, status: 'ACTIVE' }),
  /** The TĐKT officers of the organisation itself, or an administrator above it: publish, withdraw, read and handle feedback. */
  manage: (a: AuthActor, orgPath: string) =>
    a.roles.some((r) => (r.role === 'TDKT_OFFICER' && r.orgPath === orgPath) || (r.role === 'SYSTEM_ADMIN' && covers(r.orgPath, orgPath))),
};

/** Readable, else 404 (out of scope looks like missing). */
export async function loadReadableConsultation(db: DbOrTx, actor: AuthActor, id: number, forUpdate = false): Promise<ConsultationRow> {
  const c = await findConsultation(db, id, forUpdate);
  if (!c || !consultationPolicy.read(actor, c.org_path)) throw notFound();
  return c;
}

/** Managed by the actor: 404 when not even readable, 403 when readable only. */
export async function loadManagedConsultation(db: DbOrTx, actor: AuthActor, id: number, forUpdate = false): Promise<ConsultationRow> {
  const c = await loadReadableConsultation(db, actor, id, forUpdate);
  if (!consultationPolicy.manage(actor, c.org_path)) throw forbidden();
  return c;
}

// ── Dates ──────────────────────────────────────────────────────────────────────────────────────

/**
 * The last day of a period of `workingDays` working days starting at `startsOn`: startsOn counts as
 * the first when it is a working day, else the period starts on the next working day.
 */
export function consultationEndsOn(startsOn: string, workingDays: number, calendar: WorkCalendar): string {
  const first = addWorkingDays(startsOn, 0, calendar);
  return addWorkingDays(first, workingDays - 1, calendar);
}

export function phaseOf(c: { status: string; starts_on: string; ends_on: string }, today: string): ConsultationPhase {
  if (c.status === 'WITHDRAWN') return 'WITHDRAWN';
  if (today < c.starts_on) return 'UPCOMING';
  return today > c.ends_on ? 'ENDED' : 'OPEN';
}

/** The work calendar of the start's year and the next (60 working days fit in it). */
async function calendarFrom(db: DbOrTx, actor: AuthActor, startsOn: string): Promise<WorkCalendar> {
  const year = Number(startsOn.slice(0, 4));
  await ensureLawDays(db, actor, [year, year + 1]);
  return loadWorkCalendar(db, year, year + 1);
}

// ── Presenting ─────────────────────────────────────────────────────────────────────────────────

const counts = (c: { fb_new: number; fb_relevant: number; fb_dismissed: number }): FeedbackCounts => ({
  NEW: Number(c.fb_new ?? 0),
  RELEVANT: Number(c.fb_relevant ?? 0),
  DISMISSED: Number(c.fb_dismissed ?? 0),
});

export function presentConsultation(actor: AuthActor, c: ConsultationRow, today: string): ConsultationSummaryDto {
  const manage = consultationPolicy.manage(actor, c.org_path);
  const abilities: string[] = [];
  if (manage) abilities.push('consultation.feedback');
  if (manage && c.status === 'OPEN') abilities.push('consultation.withdraw');
  return {
    id: Number(c.id),
    orgId: Number(c.org_id),
    orgName: c.org_name,
    orgCode: c.org_code,
    title: c.title,
    meetingId: c.meeting_id === null ? null : Number(c.meeting_id),
    startsOn: c.starts_on,
    endsOn: c.ends_on,
    workingDays: Number(c.working_days),
    phase: phaseOf(c, today),
    withdrawnReason: c.withdrawn_reason,
    itemCount: Number(c.item_count),
    feedback: counts(c),
    createdAt: c.created_at,
    abilities,
  };
}

/** The unit of a nomination's subject: the person's unit, or the parent of a collective. */
export const SUBJECT_UNIT_JOINS = sql`
  left join person p on p.id = n.person_id
  left join organisation so on so.id = n.subject_org_id
  left join organisation su on su.id = coalesce(p.org_id, so.parent_id)`;

export async function consultationDetail(app: AppContext, actor: AuthActor, locale: Locale, c: ConsultationRow): Promise<ConsultationDto> {
  const [rows, awards] = await Promise.all([
    app.db.execute<{ id: number; nomination_id: number; subject_name: string; unit_name: string; award_code: string; public_summary: string; fb_new: number; fb_relevant: number; fb_dismissed: number }>(sql`
      select i.id, i.nomination_id, n.subject_name, coalesce(su.name, '') as unit_name, n.award_code, i.public_summary,
             count(f.id) filter (where f.status = 'NEW')::int as fb_new, count(f.id) filter (where f.status = 'RELEVANT')::int as fb_relevant,
             count(f.id) filter (where f.status = 'DISMISSED')::int as fb_dismissed
      from consultation_item i
        join nomination n on n.id = i.nomination_id
        ${SUBJECT_UNIT_JOINS}
        left join consultation_feedback f on f.item_id = i.id
      where i.consultation_id = ${c.id}
      group by i.id, n.id, su.name
      order by i.id`),
    awardNames(app.db, locale),
  ]);
  return {
    ...presentConsultation(actor, c, todayInVietnam()),
    items: rows.rows.map((r) => ({
      id: Number(r.id),
      nominationId: Number(r.nomination_id),
      subjectName: r.subject_name,
      unitName: r.unit_name,
      awardCode: r.award_code,
      awardName: awards.get(r.award_code)?.name ?? r.award_code,
      publicSummary: r.public_summary,
      feedback: counts(r),
    })),
  };
}

// ── Use cases ──────────────────────────────────────────────────────────────────────────────────

export async function listConsultations(app: AppContext, actor: AuthActor, q: ConsultationListQuery) {
  const paths = await readableSubtrees(app.db, actor, q.orgId);
  if (paths.length === 0) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const where = sql`(${sql.join(
    paths.map((p) => sql`c.org_path like ${`${p}%`}`),
    sql` or `,
  )})`;
  const [rows, total] = await Promise.all([
    app.db.execute<ConsultationRow>(sql`${SELECT_CONSULTATION} where ${where} order by c.starts_on desc, c.id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`),
    app.db.execute<{ n: number }>(sql`select count(*)::int as n from consultation c where ${where}`),
  ]);
  const today = todayInVietnam();
  return { items: rows.rows.map((c) => presentConsultation(actor, c, today)), total: Number(total.rows[0]!.n), page: q.page, pageSize: q.pageSize };
}

/** An agenda item (alias `mi`) the council is voting on or has voted on; a vote without quorum decided nothing. */
const VOTED_ITEM = sql`(mi.status = 'VOTING' or (mi.status = 'CLOSED' and mi.result is distinct from 'NO_QUORUM'))`;

/** Nominations the organisation holds, sent to its council, in no consultation that has not ended, and not voted on. */
export async function listCandidates(app: AppContext, actor: AuthActor, locale: Locale, orgId: number): Promise<ConsultationCandidateDto[]> {
  const org = await findOrg(app.db, orgId);
  if (!org || !consultationPolicy.read(actor, org.path)) throw notFound();
  if (!consultationPolicy.manage(actor, org.path)) throw forbidden();
  const today = todayInVietnam();
  const [rows, awards] = await Promise.all([
    app.db.execute<{ id: number; subject_name: string; unit_name: string; award_code: string; round_title: string; achievement_summary: string | null }>(sql`
      select n.id, n.subject_name, coalesce(su.name, '') as unit_name, n.award_code, r.title as round_title, n.achievement_summary
      from nomination n
        join nomination_round r on r.id = n.round_id
        ${SUBJECT_UNIT_JOINS}
      where n.holder_org_id = ${orgId} and n.status = 'TO_COUNCIL'
        and not exists (select 1 from consultation_item i join consultation c on c.id = i.consultation_id
                        where i.nomination_id = n.id and c.status = 'OPEN' and c.ends_on >= ${today}::date)
        and not exists (select 1 from meeting_item mi join council_meeting m on m.id = mi.meeting_id
                        where mi.nomination_id = n.id and m.org_id = ${orgId} and ${VOTED_ITEM})
      order by r.id desc, n.subject_name_folded, n.id
      limit 1000`),
    awardNames(app.db, locale),
  ]);
  return rows.rows.map((n) => ({
    nominationId: Number(n.id),
    subjectName: n.subject_name,
    unitName: n.unit_name,
    awardCode: n.award_code,
    awardName: awards.get(n.award_code)?.name ?? n.award_code,
    roundTitle: n.round_title,
    achievementSummary: n.achievement_summary,
  }));
}

/** Nominations the council has decided on, or that were awarded: too late to ask the public. */
const DECIDED = new Set(['COUNCIL_PASSED', 'COUNCIL_FAILED', 'AWARDED']);

export async function createConsultation(app: AppContext, actor: AuthActor, input: CreateConsultationInput): Promise<number> {
  const org = await findOrg(app.db, input.orgId);
  if (!org || !consultationPolicy.read(actor, org.path)) throw notFound();
  if (!consultationPolicy.manage(actor, org.path)) throw forbidden();
  const today = todayInVietnam();
  const startsOn = input.startsOn ?? today;
  // A list published today cannot have been public before: a past start would shorten the period the public really had.
  if (startsOn < today) {
    const params = { today: vnDate(today) };
    throw validation('consultations.api.startsInPast', params, { field: 'startsOn', fields: { startsOn: t('vi', 'consultations.api.startsInPastField', params) } });
  }
  const ids = input.items.map((i) => i.nominationId);
  if (new Set(ids).size !== ids.length) throw validation('consultations.api.duplicateNomination', {}, { field: 'items' });
  const items = input.items.map((i) => ({ nominationId: i.nominationId, publicSummary: i.publicSummary.normalize('NFC') }));
  const title = input.title.normalize('NFC');
  const calendar = await calendarFrom(app.db, actor, startsOn);
  const endsOn = consultationEndsOn(startsOn, input.workingDays, calendar);

  return app.db.transaction(async (tx) => {
    // The nominations' agenda items of this organisation's council, share-locked before the nominations (the order in
    // which closing a vote locks them): opening a vote waits for this list to be stored and then sees it, and a vote
    // opened meanwhile is seen here as VOTING.
    const agenda = await tx.execute<{ nomination_id: number; status: string; result: string | null }>(sql`
      select i.nomination_id, i.status, i.result from meeting_item i join council_meeting m on m.id = i.meeting_id
      where i.nomination_id = any(${sql.param(ids)}::bigint[]) and m.org_id = ${org.id} and i.status <> 'WITHDRAWN'
      order by i.id for share of i`);
    // Locked so that two lists cannot take the same nomination at once.
    const rows = await tx.execute<{ id: number; status: string; holder_org_id: number; subject_name: string }>(sql`
      select n.id, n.status, n.holder_org_id, n.subject_name from nomination n where n.id = any(${sql.param(ids)}::bigint[]) order by n.id for update`);
    const byId = new Map(rows.rows.map((n) => [Number(n.id), n]));
    const held = (id: number) => byId.has(id) && Number(byId.get(id)!.holder_org_id) === Number(org.id);
    // Publishing after the council has voted (or while it votes) would ask the public about a decision already taken.
    const decided = ids.filter((id) => held(id) && DECIDED.has(byId.get(id)!.status));
    if (decided.length > 0) throw conflict('consultations.api.tooLate', { names: decided.map((id) => byId.get(id)!.subject_name).join(', ') }, { field: 'items' });
    const wrong = ids.filter((id) => {
      const n = byId.get(id);
      return !n || n.status !== 'TO_COUNCIL' || Number(n.holder_org_id) !== Number(org.id);
    });
    if (wrong.length > 0) {
      // A nomination the organisation does not hold is named by its number only: its subject is not the caller's to read.
      const names = wrong.map((id) => (byId.get(id) && Number(byId.get(id)!.holder_org_id) === Number(org.id) ? byId.get(id)!.subject_name : `#${id}`));
      throw validation('consultations.api.notAvailable', { names: names.join(', ') }, { field: 'items' });
    }
    // A vote without quorum (CLOSED, NO_QUORUM) decided nothing: the nomination waits for another meeting and may still be published.
    const voted = new Set(agenda.rows.filter((i) => i.status === 'VOTING' || (i.status === 'CLOSED' && i.result !== 'NO_QUORUM')).map((i) => Number(i.nomination_id)));
    const late = ids.filter((id) => voted.has(id));
    if (late.length > 0) throw conflict('consultations.api.tooLate', { names: late.map((id) => byId.get(id)!.subject_name).join(', ') }, { field: 'items' });
    for (const [index, item] of items.entries()) {
      const kind = personalDataIn(item.publicSummary);
      if (kind) {
        const name = byId.get(item.nominationId)!.subject_name;
        throw validation('consultations.api.summaryPersonal', { name, kind: t('vi', `consultations.api.kind.${kind}`) }, { fields: { [`items.${index}.publicSummary`]: t('vi', `consultations.api.kind.${kind}`) } });
      }
    }
    const running = await tx.execute<{ subject_name: string }>(sql`
      select distinct n.subject_name from consultation_item i
        join consultation c on c.id = i.consultation_id join nomination n on n.id = i.nomination_id
      where i.nomination_id = any(${sql.param(ids)}::bigint[]) and c.status = 'OPEN' and c.ends_on >= ${today}::date`);
    if (running.rows.length > 0) throw conflict('consultations.api.alreadyConsulted', { names: running.rows.map((r) => r.subject_name).join(', ') }, { field: 'items' });
    if (input.meetingId !== null) {
      const m = await tx.execute<{ id: number }>(sql`select id from council_meeting where id = ${input.meetingId} and org_id = ${org.id} and status in ('SCHEDULED','OPEN')`);
      if (m.rows.length === 0) throw validation('consultations.api.meetingInvalid', {}, { field: 'meetingId' });
    }
    const r = await tx.execute<{ id: number }>(sql`
      insert into consultation (org_id, org_path, title, meeting_id, starts_on, ends_on, working_days, created_by)
      values (${org.id}, ${org.path}, ${title}, ${input.meetingId}, ${startsOn}, ${endsOn}, ${input.workingDays}, ${actor.userId}) returning id`);
    const id = Number(r.rows[0]!.id);
    await tx.execute(sql`
      insert into consultation_item (consultation_id, nomination_id, public_summary)
      select ${id}, x.nomination_id, x.public_summary from jsonb_to_recordset(${JSON.stringify(items.map((i) => ({ nomination_id: i.nominationId, public_summary: i.publicSummary })))}::jsonb)
        as x(nomination_id bigint, public_summary text)`);
    await audit(tx, actor, [
      { action: 'consultations.create', entityType: 'consultation', entityId: id, orgId: Number(org.id), after: { title, startsOn, endsOn, workingDays: input.workingDays, meetingId: input.meetingId, items } },
    ]);
    return id;
  });
}

export async function withdrawConsultation(app: AppContext, actor: AuthActor, id: number, reason: string): Promise<void> {
  await app.db.transaction(async (tx) => {
    const c = await loadManagedConsultation(tx, actor, id, true);
    if (c.status === 'WITHDRAWN') throw conflict('consultations.api.alreadyWithdrawn');
    const why = reason.normalize('NFC');
    await tx.execute(sql`update consultation set status = 'WITHDRAWN', withdrawn_reason = ${why} where id = ${id}`);
    await audit(tx, actor, [{ action: 'consultations.withdraw', entityType: 'consultation', entityId: id, orgId: Number(c.org_id), before: { status: c.status }, after: { status: 'WITHDRAWN', reason: why } }]);
  });
}
