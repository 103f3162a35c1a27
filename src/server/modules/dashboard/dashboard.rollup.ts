// The dashboard's live figures from the rollups (migration 0022), for national scale: the same rows
// as baseSource gives for the records as they stand now. dash_award_rollup holds the awards in force
// per subtree (path prefix), year and award code with the fairness counts; dash_subject_run each
// subject's run of consecutive years; dash_streak_count how many subjects of a subtree and year have
// a run of each length. All three are maintained by statement-level triggers on award_record and
// rebuilt by `vinhdanh rollups rebuild` (dashboard.rollup-rebuild.ts). The funnel comes from its own
// rollup (migration 0023, dashboard.rollup-funnel.ts).
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { STREAK_LENGTHS, STREAK_TOP } from '../../../contracts/dashboard';
import { rollupFunnel } from './dashboard.rollup-funnel';
import { type AwardCountRow, type FigureScope, type FigureSource, type ShareCountRow, type StreakRow } from './dashboard.base';

function live(s: FigureScope): void {
  if (s.asOf !== undefined) throw new Error('rollupSource answers for the records as they stand now only (asOf must be undefined)');
}

export async function rollupAwardCounts(db: DbOrTx, s: FigureScope): Promise<AwardCountRow[]> {
  live(s);
  const r = await db.execute<AwardCountRow>(sql`
    select award_code as code, individuals::bigint as individuals, collectives::bigint as collectives from dash_award_rollup
    where prefix = ${s.path} and year = ${s.year} and individuals + collectives > 0`);
  return r.rows;
}

export async function rollupShareCounts(db: DbOrTx, s: FigureScope): Promise<ShareCountRow[]> {
  live(s);
  const r = await db.execute<ShareCountRow>(sql`
    select year, sum(individuals) as total, sum(non_leader) as non_leader, sum(direct_worker) as direct_worker, sum(women) as women,
           sum(collectives) as collectives, sum(small) as small
    from dash_award_rollup where prefix = ${s.path} and year in (${s.year}, ${s.year - 1})
    group by year having sum(individuals) + sum(collectives) > 0`);
  return r.rows;
}

/**
 * The shortest run length that still holds the top STREAK_TOP subjects: runs longer than it are
 * fewer than STREAK_TOP, runs of at least it are STREAK_TOP or more (or it is the first counted
 * length). `byRun` maps run length → subjects.
 */
export function topThreshold(byRun: ReadonlyMap<number, number>, top = STREAK_TOP, min: number = STREAK_LENGTHS[0]): number {
  const runs = [...byRun.keys()].filter((r) => r >= min).sort((a, b) => b - a);
  let sum = 0;
  for (const run of runs) {
    sum += byRun.get(run) ?? 0;
    if (sum >= top) return run;
  }
  return min;
}

export async function rollupStreaks(db: DbOrTx, s: FigureScope): Promise<StreakRow> {
  live(s);
  const counts = await db.execute<{ kind: 'P' | 'U'; run: number; subjects: number }>(sql`
    select c.kind, c.run, c.subjects from dash_streak_count c where c.prefix = ${s.path} and c.year = ${s.year} and c.subjects > 0`);
  const byKind = { P: new Map<number, number>(), U: new Map<number, number>() };
  for (const r of counts.rows) byKind[r.kind].set(Number(r.run), Number(r.subjects));
  const countsOf = (m: Map<number, number>) =>
    STREAK_LENGTHS.map((l) => ({ years: l, count: [...m].filter(([run]) => run >= l).reduce((a, [, n]) => a + n, 0) }));

  const [people, units] = await Promise.all([topRuns(db, s, 'P', byKind.P), topRuns(db, s, 'U', byKind.U)]);
  return { counts: countsOf(byKind.P), top: people as StreakRow['top'], unit_counts: countsOf(byKind.U), unit_top: units as StreakRow['unit_top'] };
}

/**
 * Which way to find the top list: walking the year's runs of the threshold length in name order
 * (dash_subject_run_top_idx) and keeping the subtree's until STREAK_TOP are found costs about
 * `longer + STREAK_TOP × atThreshold(tree) / atThreshold(subtree)` index rows; reading the subtree's
 * awards of the year costs `awards` rows. The cheaper wins (both give the same rows).
 */
export function walkByName(c: { awards: number; treeLonger: number; treeAtThreshold: number; subtreeAtThreshold: number }, top = STREAK_TOP): boolean {
  if (c.subtreeAtThreshold === 0) return false;
  return c.treeLonger + (top * c.treeAtThreshold) / c.subtreeAtThreshold < c.awards;
}

/**
 * The longest runs (at least the threshold) of the subtree's people or units holding an award of
 * the year, ordered as baseStreaks orders them (years desc, name in Vietnamese order, id).
 */
async function topRuns(db: DbOrTx, s: FigureScope, kind: 'P' | 'U', byRun: Map<number, number>): Promise<unknown[]> {
  const min = topThreshold(byRun);
  // The runs of the whole tree the subtree belongs to: the counts of its top-level prefix.
  const root = `/${s.path.split('/')[1]}/`;
  const sizes = await db.execute<{ awards: number; longer: number; at: number }>(sql`
    select (select coalesce(sum(${kind === 'P' ? sql`individuals` : sql`collectives`}), 0)::int from dash_award_rollup where prefix = ${s.path} and year = ${s.year}) as awards,
           (select coalesce(sum(subjects), 0)::int from dash_streak_count where prefix = ${root} and year = ${s.year} and kind = ${kind} and run > ${min}) as longer,
           (select coalesce(sum(subjects), 0)::int from dash_streak_count where prefix = ${root} and year = ${s.year} and kind = ${kind} and run = ${min}) as at`);
  const z = sizes.rows[0]!;
  const prefix = `${s.path}%`;
  const side = kind === 'P' ? sql`u.subject > 0` : sql`u.subject < 0`;
  const held =
    kind === 'P'
      ? sql`exists (select 1 from award_record r where r.person_id = u.subject and r.year = ${s.year} and r.status = 'ACTIVE' and r.scope_path like ${prefix})`
      : sql`exists (select 1 from award_record r where r.org_id = -u.subject and r.year = ${s.year} and r.status = 'ACTIVE' and r.scope_path like ${prefix})`;
  // Ties on the name go by id: the person id, or the unit id (minus the subject).
  const tie = kind === 'P' ? sql`u.subject` : sql`-u.subject`;
  const walk = walkByName({ awards: Number(z.awards), treeLonger: Number(z.longer), treeAtThreshold: Number(z.at), subtreeAtThreshold: byRun.get(min) ?? 0 });
  const candidates = walk
    ? sql`(select u.subject, u.run, u.name from dash_subject_run u where u.year = ${s.year} and u.run > ${min} and ${side} and ${held})
          union all
          (select u.subject, u.run, u.name from dash_subject_run u where u.year = ${s.year} and u.run = ${min} and ${side} and ${held}
           order by u.name collate "vi-x-icu", ${tie} limit ${STREAK_TOP})`
    : sql`select u.subject, u.run, u.name from dash_subject_run u
          where u.year = ${s.year} and u.run >= ${min} and u.subject in (
            select ${kind === 'P' ? sql`r.person_id` : sql`-r.org_id`} from award_record r
            where r.status = 'ACTIVE' and r.scope_path like ${prefix} and r.year = ${s.year} and ${kind === 'P' ? sql`r.person_id` : sql`r.org_id`} is not null)`;
  const best = sql`select u.subject, u.run from (${candidates}) u order by u.run desc, u.name collate "vi-x-icu", ${tie} limit ${STREAK_TOP}`;
  const r = await db.execute<{ top: unknown[] }>(
    kind === 'P'
      ? sql`select coalesce(json_agg(x order by x.years desc, x.full_name collate "vi-x-icu", x.person_id), '[]'::json) as top from (
              select c.subject as person_id, p.full_name, p.member_code, o.name as org_name, c.run::int as years, (${s.year} - c.run + 1)::int as from_year
              from (${best}) c join person p on p.id = c.subject left join organisation o on o.id = p.org_id) x`
      : sql`select coalesce(json_agg(x order by x.years desc, x.name collate "vi-x-icu", x.org_id), '[]'::json) as top from (
              select -c.subject as org_id, o.name, o.code, c.run::int as years, (${s.year} - c.run + 1)::int as from_year
              from (${best}) c join organisation o on o.id = -c.subject) x`,
  );
  return r.rows[0]!.top;
}

export const rollupSource: FigureSource = {
  awardCounts: rollupAwardCounts,
  shareCounts: rollupShareCounts,
  streaks: rollupStreaks,
  funnel: rollupFunnel,
};
