// Nomination rounds (đợt xét): a federation opens a round with the awards it will consider; the
// deadlines of each level below it are planned backwards from the ceremony on the work calendar
// (src/domain/nominations/schedule.ts) and kept with the round, so that later calendar edits do not
// silently move a deadline people were told.
import { sql } from 'drizzle-orm';
import type { AuthActor } from '../../lib/actor';
import type { DbOrTx } from '../../db/client';
import type { AppContext } from '../../lib/context';
import type { Locale } from '../../../contracts/enums';
import type { CreateNominationRoundInput, NominationRoundDto, RoundParameters } from '../../../contracts/nominations';
import { vnDate } from '../../lib/dates';
import { audit, type Actor } from '../../lib/audit';
import { t } from '../../../contracts/messages';
import { conflict, notFound, validation } from '../../lib/errors';
import { covers, MANAGE_ROLES, orgPolicy, READ_ROLES } from '../../lib/policy';
import { findOrg } from '../organisations/organisations.repository';
import { todayInVietnam } from '../imports/xlsx';
import { ensureLawDays, loadWorkCalendar } from '../work-calendar/work-calendar.service';
import { planRoundSchedule, type NominationsMessage, type WorkCalendar } from '../../../domain/nominations';

export type LevelScheduleRow = NominationRoundDto['schedule'][number];

export type NominationRoundRow = {
  id: number;
  org_id: number;
  org_name: string;
  org_path: string;
  org_depth: number;
  org_status: string;
  year: number;
  title: string;
  kind: NominationRoundDto['kind'];
  movement_id: number | null;
  ceremony_date: string;
  award_codes: string[];
  parameters: RoundParameters & { decisionOn?: string };
  schedule: { decisionOn: string; levels: LevelScheduleRow[] };
  status: NominationRoundDto['status'];
  closed_reason: string | null;
  version: number;
};

const SELECT_ROUND = sql`
  select r.id, r.org_id, o.name as org_name, r.org_path, o.depth as org_depth, o.status as org_status, r.year, r.title, r.kind,
         r.movement_id, r.ceremony_date::text as ceremony_date, r.award_codes, r.parameters, r.schedule, r.status, r.closed_reason, r.version
  from nomination_round r join organisation o on o.id = r.org_id`;

export async function findNominationRound(db: DbOrTx, id: number, forUpdate = false): Promise<NominationRoundRow | null> {
  const r = await db.execute<NominationRoundRow>(sql`${SELECT_ROUND} where r.id = ${id} ${forUpdate ? sql`for update of r` : sql``}`);
  return r.rows[0] ?? null;
}

const rolePaths = (a: AuthActor, roles: readonly string[]) => a.roles.filter((r) => roles.includes(r.role)).map((r) => r.orgPath);

export const nominationRoundPolicy = {
  /** Everyone with a reading role inside the organiser's subtree (they propose) or above it. */
  read: (a: AuthActor, r: Pick<NominationRoundRow, 'org_path'>) => rolePaths(a, READ_ROLES).some((p) => covers(p, r.org_path) || covers(r.org_path, p)),
  manage: (a: AuthActor, r: Pick<NominationRoundRow, 'org_path' | 'org_status'>) => orgPolicy.createChild(a, { path: r.org_path, status: r.org_status }),
  /** Proposing needs a managing role inside the subtree (or on the organiser itself). */
  propose: (a: AuthActor, r: Pick<NominationRoundRow, 'org_path' | 'status'>) => r.status === 'OPEN' && rolePaths(a, MANAGE_ROLES).some((p) => covers(r.org_path, p)),
};

export async function loadReadableRound(db: DbOrTx, actor: AuthActor, id: number): Promise<NominationRoundRow> {
  const r = await findNominationRound(db, id);
  if (!r || !nominationRoundPolicy.read(actor, r)) throw notFound();
  return r;
}

/** The work calendar from this year to the ceremony's (law days generated on first use). */
export async function calendarUntil(db: DbOrTx, actor: Actor, lastDate: string): Promise<WorkCalendar> {
  const from = Number(todayInVietnam().slice(0, 4));
  const to = Math.max(from, Number(lastDate.slice(0, 4)));
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  await ensureLawDays(db, actor, years);
  return loadWorkCalendar(db, from, to);
}

const problemText = (locale: Locale, p: NominationsMessage) => t(locale, p.key, p.params);

/** Plans the levels' deadlines; refuses input the schedule cannot honour (with every problem). */
export function planSchedule(
  input: { ceremonyDate: string; parameters: RoundParameters },
  labels: Map<number, string>,
  calendar: WorkCalendar,
  today: string,
): { decisionOn: string; levels: LevelScheduleRow[] } {
  const levels = [...input.parameters.levels].sort((a, b) => b.below - a.below);
  const belows = new Set(levels.map((l) => l.below));
  if (belows.size !== levels.length) throw validation('nominations.api.levelsDuplicate', {}, { field: 'parameters.levels' });
  if (!belows.has(0)) throw validation('nominations.api.levelsNoOrganiser', {}, { field: 'parameters.levels' });
  const plan = planRoundSchedule({
    ceremonyDate: input.ceremonyDate,
    levels: levels.map((l) => ({ level: String(l.below), appraisalWorkingDays: l.appraisalWorkingDays, councilWorkingDays: l.councilWorkingDays })),
    decisionLeadWorkingDays: input.parameters.decisionLeadWorkingDays,
    publicPostingWorkingDays: input.parameters.publicPostingWorkingDays,
    calendar,
    today,
  });
  if (!plan.ok || plan.problems.some((p) => p.key === 'nominations.schedule.startsInPast')) {
    // The core names levels by their depth below the organiser; people read the kind of unit.
    const named = (p: NominationsMessage): NominationsMessage =>
      ({
        ...p,
        params: Object.fromEntries(
          Object.entries(p.params).map(([k, v]) => [k, k === 'level' ? (labels.get(Number(v)) ?? String(v)) : typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? vnDate(v) : v]),
        ),
      });
    const problems = plan.problems.map((p) => problemText('vi', named(p)));
    throw validation('nominations.api.scheduleImpossible', { problems: problems.join(' ') }, { field: 'ceremonyDate', problems });
  }
  return {
    decisionOn: plan.decisionOn,
    levels: plan.levels.map((l) => ({
      below: Number(l.level),
      label: labels.get(Number(l.level)) ?? t('vi', 'nominations.level.generic', { below: l.level }),
      dossiersDueAt: l.dossiersDueAt,
      appraisalEndsOn: l.appraisalEndsOn,
      publicPostingStartsOn: l.publicPostingStartsOn,
      councilOn: l.councilOn,
      forwardBy: l.forwardBy,
    })),
  };
}

/** The most common kind of unit at each depth below the organiser ("Công đoàn cơ sở"). */
async function levelLabels(db: DbOrTx, orgPath: string, orgDepth: number, belows: number[]): Promise<Map<number, string>> {
  const r = await db.execute<{ below: number; name: string }>(sql`
    select distinct on (o.depth) (o.depth - ${orgDepth})::int as below, k.name_vi as name
    from organisation o join org_kind k on k.code = o.kind
    where o.path like ${`${orgPath}%`} and o.status = 'ACTIVE' and o.depth - ${orgDepth} = any(${sql.param(belows)}::int[])
    group by o.depth, k.name_vi order by o.depth, count(*) desc, k.name_vi`);
  return new Map(r.rows.map((x) => [Number(x.below), x.name]));
}

export async function createNominationRound(app: AppContext, actor: AuthActor, input: CreateNominationRoundInput): Promise<number> {
  const org = await findOrg(app.db, input.orgId);
  if (!org || !orgPolicy.read(actor, org)) throw notFound();
  if (!orgPolicy.createChild(actor, org)) throw notFound();
  const codes = [...new Set(input.awardCodes)];
  const known = await app.db.execute<{ code: string }>(sql`select code from award_type where code = any(${sql.param(codes)}::text[]) and active`);
  const missing = codes.filter((c) => !known.rows.some((k) => k.code === c));
  if (missing.length > 0) throw validation('nominations.api.unknownAwards', { codes: missing.join(', ') }, { field: 'awardCodes' });
  if (input.movementId !== null) {
    const m = await app.db.execute<{ org_path: string }>(sql`select o.path as org_path from movement m join organisation o on o.id = m.org_id where m.id = ${input.movementId}`);
    if (!m.rows[0] || !covers(m.rows[0].org_path, org.path)) throw validation('nominations.api.movementOutOfScope', {}, { field: 'movementId' });
  }
  const calendar = await calendarUntil(app.db, actor, input.ceremonyDate);
  const labels = await levelLabels(app.db, org.path, Number(org.depth), input.parameters.levels.map((l) => l.below));
  const schedule = planSchedule(input, labels, calendar, todayInVietnam());
  const title = input.title.normalize('NFC');
  return app.db.transaction(async (tx) => {
    const r = await tx.execute<{ id: number }>(sql`
      insert into nomination_round (org_id, org_path, year, title, kind, movement_id, ceremony_date, award_codes, parameters, schedule, created_by)
      values (${org.id}, ${org.path}, ${input.year}, ${title}, ${input.kind}, ${input.movementId}, ${input.ceremonyDate}, ${JSON.stringify(codes)}::jsonb,
              ${JSON.stringify(input.parameters)}::jsonb, ${JSON.stringify(schedule)}::jsonb, ${actor.userId})
      returning id`);
    const id = Number(r.rows[0]!.id);
    await audit(tx, actor, [
      { action: 'nominations.round.create', entityType: 'nomination_round', entityId: id, orgId: Number(org.id), after: { title, year: input.year, kind: input.kind, awardCodes: codes, ceremonyDate: input.ceremonyDate, schedule } },
    ]);
    return id;
  });
}

export async function closeNominationRound(app: AppContext, actor: AuthActor, id: number, input: { version: number; reason: string; cancel: boolean }): Promise<void> {
  await app.db.transaction(async (tx) => {
    const r = await findNominationRound(tx, id, true);
    if (!r || !nominationRoundPolicy.read(actor, r) || !nominationRoundPolicy.manage(actor, r)) throw notFound();
    if (r.status !== 'OPEN') throw conflict('nominations.api.roundNotOpen');
    if (Number(r.version) !== input.version) throw conflict('error.STALE');
    const status = input.cancel ? 'CANCELLED' : 'CLOSED';
    await tx.execute(sql`update nomination_round set status = ${status}, closed_reason = ${input.reason}, version = version + 1, updated_at = now() where id = ${id}`);
    await audit(tx, actor, [{ action: `nominations.round.${input.cancel ? 'cancel' : 'close'}`, entityType: 'nomination_round', entityId: id, orgId: Number(r.org_id), before: { status: r.status }, after: { status, reason: input.reason } }]);
  });
}

/** The deadline of the reader's own level: the deepest level at which they hold a role in the round. */
function myDeadline(actor: AuthActor, r: NominationRoundRow): NominationRoundDto['myDeadline'] {
  const depths = actor.roles.filter((g) => covers(r.org_path, g.orgPath)).map((g) => g.orgPath.split('/').filter(Boolean).length - r.org_path.split('/').filter(Boolean).length);
  if (depths.length === 0) return null;
  const levels = r.schedule.levels;
  const deepest = Math.max(...depths);
  // A unit deeper than the planned levels sends by the bottom level's deadline.
  const own = levels.find((l) => l.below === deepest) ?? (deepest > levels[0]!.below ? levels[0]! : null);
  if (!own) return null;
  return { below: own.below, sendBy: own.forwardBy, appraiseBy: own.below === levels[0]!.below && deepest >= own.below ? null : own.appraisalEndsOn };
}

export function presentNominationRound(actor: AuthActor, r: NominationRoundRow, awards: Map<string, { name: string; subject: string; kind: string }>, counts: { nominations: number; submissions: number }): NominationRoundDto {
  const abilities: string[] = [];
  if (nominationRoundPolicy.propose(actor, r)) abilities.push('nomination.create', 'submission.create');
  if (r.status === 'OPEN' && nominationRoundPolicy.manage(actor, r)) abilities.push('round.close');
  return {
    id: Number(r.id),
    orgId: Number(r.org_id),
    orgName: r.org_name,
    year: Number(r.year),
    title: r.title,
    kind: r.kind,
    movementId: r.movement_id === null ? null : Number(r.movement_id),
    ceremonyDate: r.ceremony_date,
    decisionOn: r.schedule.decisionOn,
    awards: r.award_codes.map((code) => ({ code, name: awards.get(code)?.name ?? code, subject: awards.get(code)?.subject ?? '', kind: awards.get(code)?.kind ?? '' })),
    parameters: r.parameters,
    schedule: r.schedule.levels,
    myDeadline: myDeadline(actor, r),
    status: r.status,
    closedReason: r.closed_reason,
    version: Number(r.version),
    counts,
    abilities,
  };
}

export async function awardNames(db: DbOrTx, locale: Locale): Promise<Map<string, { name: string; subject: string; kind: string; category: string; level: string; grantingOrgKinds: string[] }>> {
  const r = await db.execute<{ code: string; name_vi: string; name_en: string; subject: string; kind: string; category: string; level: string; granting_org_kinds: string[] }>(
    sql`select code, name_vi, name_en, subject, kind, category, level, granting_org_kinds from award_type`,
  );
  return new Map(
    r.rows.map((a) => [a.code, { name: locale === 'en' ? a.name_en : a.name_vi, subject: a.subject, kind: a.kind, category: a.category, level: a.level, grantingOrgKinds: a.granting_org_kinds }]),
  );
}

/** Nominations and submissions the reader can see, per round (one query each for a page). */
export async function roundCounts(db: DbOrTx, actor: AuthActor, ids: number[]): Promise<Map<number, { nominations: number; submissions: number }>> {
  const out = new Map(ids.map((id) => [id, { nominations: 0, submissions: 0 }]));
  if (ids.length === 0) return out;
  const n = await db.execute<{ round_id: number; n: number }>(sql`
    select n.round_id, count(*)::int as n from nomination n
    where n.round_id = any(${sql.param(ids)}::bigint[]) and ${nominationReadScope(actor, 'n')} group by n.round_id`);
  for (const row of n.rows) out.get(Number(row.round_id))!.nominations = Number(row.n);
  const s = await db.execute<{ round_id: number; n: number }>(sql`
    select s.round_id, count(*)::int as n from submission s join organisation t on t.id = s.to_org_id
    where s.round_id = any(${sql.param(ids)}::bigint[]) and ${submissionReadScope(actor, 's', 't')} group by s.round_id`);
  for (const row of s.rows) out.get(Number(row.round_id))!.submissions = Number(row.n);
  return out;
}

export async function listNominationRounds(app: AppContext, actor: AuthActor, locale: Locale, q: { year?: number; status?: string; page: number; pageSize: number }) {
  const paths = rolePaths(actor, READ_ROLES);
  if (paths.length === 0) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const scope = sql.join(
    paths.map((p) => sql`(r.org_path like ${`${p}%`} or ${p} like r.org_path || '%')`),
    sql` or `,
  );
  const where = sql`(${scope}) ${q.year ? sql`and r.year = ${q.year}` : sql``} ${q.status ? sql`and r.status = ${q.status}` : sql``}`;
  const [rows, total] = await Promise.all([
    app.db.execute<NominationRoundRow>(sql`${SELECT_ROUND} where ${where} order by r.year desc, r.ceremony_date desc, r.id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`),
    app.db.execute<{ n: number }>(sql`select count(*)::int as n from nomination_round r where ${where}`),
  ]);
  const awards = await awardNames(app.db, locale);
  const counts = await roundCounts(app.db, actor, rows.rows.map((r) => Number(r.id)));
  return {
    items: rows.rows.map((r) => presentNominationRound(actor, r, awards, counts.get(Number(r.id))!)),
    total: Number(total.rows[0]!.n),
    page: q.page,
    pageSize: q.pageSize,
  };
}

// ── Read scopes shared by nominations and submissions ─────────────────────────────────────────

/**
 * Nominations a reader sees: those proposed by a unit on which they hold a reading role (their own
 * unit's list), and, once sent up, those of every unit below their organisation. A CĐCS never sees
 * another CĐCS's nominations, and a superior never sees a unit's drafts.
 */
export function nominationReadScope(a: AuthActor, alias: string) {
  const paths = rolePaths(a, READ_ROLES);
  if (paths.length === 0) return sql`false`;
  const n = sql.raw(alias);
  const parts = paths.map((p) => sql`(${n}.proposer_path = ${p} or (${n}.reached_path is not null and ${n}.proposer_path like ${`${p}%`}))`);
  return sql`(${sql.join(parts, sql` or `)})`;
}

/** Submissions a reader sees: sent by their units (or below), or sent to their organisation or below, once submitted. */
export function submissionReadScope(a: AuthActor, s: string, to: string) {
  const paths = rolePaths(a, READ_ROLES);
  if (paths.length === 0) return sql`false`;
  const sa = sql.raw(s);
  const ta = sql.raw(to);
  const parts = paths.map((p) => sql`(${sa}.from_path = ${p} or (${sa}.status <> 'DRAFT' and (${sa}.from_path like ${`${p}%`} or ${ta}.path like ${`${p}%`})))`);
  return sql`(${sql.join(parts, sql` or `)})`;
}
