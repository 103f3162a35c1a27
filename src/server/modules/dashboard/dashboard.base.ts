// The dashboard's figures computed straight from the base tables (award_record, emulation_registration,
// nomination_event, …), set-based, for an organisation subtree (a path prefix) and a year — either as
// the records stand now, or as they stood at a moment (`asOf`): a record counts at that moment when it
// had been made by then and had not yet been revoked or replaced. These queries are the reference:
// frozen reports re-run through them, and the rollups (live figures at national scale) are tested
// against them.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { FUNNEL_STAGES, STREAK_LENGTHS, STREAK_TOP, type FunnelStage } from '../../../contracts/dashboard';

export interface FigureScope {
  /** Materialised path of the organisation: every record whose scope path starts with it counts. */
  path: string;
  year: number;
  /** ISO timestamp; absent = the records as they stand now. */
  asOf?: string | undefined;
}

type Count = number | string;
export type AwardCountRow = { code: string; individuals: Count; collectives: Count };
export type ShareCountRow = { year: number; total: Count; non_leader: Count; direct_worker: Count; women: Count; collectives: Count; small: Count };
export type StreakRow = {
  counts: { years: number; count: Count }[];
  top: { person_id: Count; full_name: string; member_code: string; org_name: string | null; years: number; from_year: number }[];
  unit_counts: { years: number; count: Count }[];
  unit_top: { org_id: Count; name: string; code: string; years: number; from_year: number }[];
};
export type FunnelRow = { stage: FunnelStage; individuals: Count; collectives: Count };

/**
 * Whether a kept record (award_record, emulation_registration: the shared record columns) was in force.
 * Now: status ACTIVE. At a moment: made by then, and neither revoked nor replaced by then (a replaced
 * row ends when the row replacing it was made; a revoked row without a time never counted).
 */
export function inForce(alias: string, asOf: string | undefined): SQL {
  const r = sql.raw(alias);
  if (asOf === undefined) return sql`${r}.status = 'ACTIVE'`;
  return sql`(${r}.created_at <= ${asOf}::timestamptz and (
    ${r}.status = 'ACTIVE'
    or (${r}.status = 'REVOKED' and ${r}.revoked_at > ${asOf}::timestamptz)
    or (${r}.status = 'SUPERSEDED' and exists (select 1 from ${sql.raw(tableOf(alias))} nx where nx.id = ${r}.superseded_by and nx.created_at > ${asOf}::timestamptz))))`;
}

const TABLE_OF_ALIAS: Record<string, string> = { r: 'award_record', g: 'emulation_registration' };
function tableOf(alias: string): string {
  const t = TABLE_OF_ALIAS[alias];
  if (!t) throw new Error(`inForce: unknown alias ${alias}`);
  return t;
}

const awardsInScope = (s: FigureScope) => sql`${inForce('r', s.asOf)} and r.scope_path like ${`${s.path}%`}`;

/** Awards of the year per award code: individuals and collectives. */
export async function baseAwardCounts(db: DbOrTx, s: FigureScope): Promise<AwardCountRow[]> {
  const r = await db.execute<AwardCountRow>(sql`
    select r.award_code as code, count(r.person_id) as individuals, count(r.org_id) as collectives
    from award_record r
    where ${awardsInScope(s)} and r.year = ${s.year}
    group by r.award_code`);
  return r.rows;
}

/**
 * The shares' counts for the year and the year before, from the subject as it was when each award was
 * recorded: individual awards in all, to non-leaders, direct workers and women; collective awards in
 * all and to small collectives.
 */
export async function baseShareCounts(db: DbOrTx, s: FigureScope): Promise<ShareCountRow[]> {
  const r = await db.execute<ShareCountRow>(sql`
    select r.year, count(r.person_id) as total,
           count(r.person_id) filter (where not r.subject_is_leader) as non_leader,
           count(r.person_id) filter (where r.subject_is_direct_worker) as direct_worker,
           count(r.person_id) filter (where r.subject_gender = 'FEMALE') as women,
           count(r.org_id) as collectives,
           count(r.org_id) filter (where r.subject_small) as small
    from award_record r
    where ${awardsInScope(s)} and r.year in (${s.year}, ${s.year - 1})
    group by r.year`);
  return r.rows;
}

/**
 * People and units awarded several years in a row up to the year. A run is the subject's own: every
 * year with an award in force counts wherever the record is kept (a member who moved district keeps
 * the years from before), and the subject counts in the subtree that holds its award of the year
 * itself. Gaps and islands: year − row_number() is constant along a run of consecutive years. Gives
 * how many people (units) have runs of each length in STREAK_LENGTHS, and the longest runs.
 */
export async function baseStreaks(db: DbOrTx, s: FigureScope): Promise<StreakRow> {
  const live = inForce('r', s.asOf);
  const r = await db.execute<StreakRow>(sql`
    with cur as (
      select distinct coalesce(r.person_id, -r.org_id) as subject from award_record r where ${awardsInScope(s)} and r.year = ${s.year}
    ), ys as (
      select cur.subject, r.year from cur join award_record r on r.person_id = cur.subject where cur.subject > 0 and ${live} and r.year <= ${s.year}
      union
      select cur.subject, r.year from cur join award_record r on r.org_id = -cur.subject where cur.subject < 0 and ${live} and r.year <= ${s.year}
    ), isl as (
      select subject, year, year - row_number() over (partition by subject order by year) as grp from ys
    ), runs as materialized (
      select subject, count(*)::int as years, min(year)::int as from_year from isl group by subject, grp having max(year) = ${s.year}
    )
    select
      (select json_agg(json_build_object('years', l, 'count', (select count(*) from runs where subject > 0 and years >= l)) order by l)
         from unnest(${sql.raw(`array[${STREAK_LENGTHS.join(',')}]`)}::int[]) l) as counts,
      (select coalesce(json_agg(x order by x.years desc, x.full_name collate "vi-x-icu", x.person_id), '[]'::json) from (
         select runs.subject as person_id, p.full_name, p.member_code, o.name as org_name, runs.years, runs.from_year
         from runs join person p on p.id = runs.subject left join organisation o on o.id = p.org_id
         where runs.subject > 0 and runs.years >= ${STREAK_LENGTHS[0]}
         order by runs.years desc, p.full_name collate "vi-x-icu", runs.subject limit ${STREAK_TOP}) x) as top,
      (select json_agg(json_build_object('years', l, 'count', (select count(*) from runs where subject < 0 and years >= l)) order by l)
         from unnest(${sql.raw(`array[${STREAK_LENGTHS.join(',')}]`)}::int[]) l) as unit_counts,
      (select coalesce(json_agg(x order by x.years desc, x.name collate "vi-x-icu", x.org_id), '[]'::json) from (
         select -runs.subject as org_id, o.name, o.code, runs.years, runs.from_year
         from runs join organisation o on o.id = -runs.subject
         where runs.subject < 0 and runs.years >= ${STREAK_LENGTHS[0]}
         order by runs.years desc, o.name collate "vi-x-icu", o.id limit ${STREAK_TOP}) x) as unit_top`);
  return r.rows[0]!;
}

/**
 * Event kinds that mark a nomination reaching each stage after registration. A stage counts the
 * nominations that reached it (by the moment, when one is given), whatever happened after: the funnel
 * shows how far proposals got. A decision revoked (Điều 93) takes its nominations out of DECIDED.
 */
export const FUNNEL_EVENT: Record<Exclude<FunnelStage, 'REGISTERED'>, string> = {
  NOMINATED: 'SUBMITTED',
  APPRAISED: 'APPRAISED',
  COUNCIL: 'COUNCIL_PASSED',
  DECIDED: 'AWARDED',
};

/**
 * The funnel registration → nomination → appraisal → council → decision for the year: registrations in
 * force (not returned), then nominations of the year's rounds about subjects in the subtree that
 * reached each stage.
 */
export async function baseFunnel(db: DbOrTx, s: FigureScope): Promise<FunnelRow[]> {
  const at = s.asOf === undefined ? sql`` : sql` and e.occurred_at <= ${s.asOf}::timestamptz`;
  const returned = s.asOf === undefined ? sql`g.review_status = 'RETURNED'` : sql`(g.review_status = 'RETURNED' and g.reviewed_at <= ${s.asOf}::timestamptz)`;
  const kinds = Object.values(FUNNEL_EVENT);
  const r = await db.execute<FunnelRow>(sql`
    with reached as (
      select n.id, n.person_id, e.kind
      from nomination n
      join nomination_round nr on nr.id = n.round_id and nr.year = ${s.year}
      join nomination_event e on e.nomination_id = n.id and e.kind in (${sql.join(kinds.map((k) => sql`${k}`), sql`, `)})${at}
      where n.subject_path like ${`${s.path}%`}
      group by n.id, n.person_id, e.kind
    ), revoked as (
      select distinct e.nomination_id as id from nomination_event e join reached x on x.id = e.nomination_id and x.kind = 'AWARDED'
      where e.kind = 'REVOKED'${at}
    )
    select 'REGISTERED' as stage, count(g.person_id) as individuals, count(g.org_id) as collectives
    from emulation_registration g
    where ${inForce('g', s.asOf)} and not ${returned} and g.year = ${s.year} and g.scope_path like ${`${s.path}%`}
    union all
    select k.stage, count(x.id) filter (where x.person_id is not null), count(x.id) filter (where x.person_id is null)
    from (values ${sql.join(
      Object.entries(FUNNEL_EVENT).map(([stage, kind]) => sql`(${stage}, ${kind})`),
      sql`, `,
    )}) as k(stage, kind)
    left join reached x on x.kind = k.kind and not (x.kind = 'AWARDED' and x.id in (select id from revoked))
    group by k.stage`);
  const byStage = new Map(r.rows.map((row) => [row.stage, row]));
  return FUNNEL_STAGES.map((stage) => byStage.get(stage) ?? { stage, individuals: 0, collectives: 0 });
}

/** Where the dashboard's counts come from: the base tables (any moment) or rollups (now only). */
export interface FigureSource {
  awardCounts(db: DbOrTx, s: FigureScope): Promise<AwardCountRow[]>;
  shareCounts(db: DbOrTx, s: FigureScope): Promise<ShareCountRow[]>;
  streaks(db: DbOrTx, s: FigureScope): Promise<StreakRow>;
  funnel(db: DbOrTx, s: FigureScope): Promise<FunnelRow[]>;
}

export const baseSource: FigureSource = { awardCounts: baseAwardCounts, shareCounts: baseShareCounts, streaks: baseStreaks, funnel: baseFunnel };
