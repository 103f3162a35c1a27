// Dashboard figures for an organisation subtree and a year (issue 10, first slice). Three set-based
// queries over award_record, scoped by the record's scope_path (the unit that owned the record when
// it was made), counting only records in force (status ACTIVE: revoked and superseded rows are
// history). Read-only: nothing is written, so no audit event.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { AuthActor } from '../../lib/actor';
import type { Locale } from '../../../contracts/enums';
import { t } from '../../../contracts/messages';
import { DASHBOARD_DEFAULT_TARGETS, SHARE_KEYS, STREAK_LENGTHS, STREAK_TOP, type DashboardDto, type DashboardQuery, type ShareKey } from '../../../contracts/dashboard';
import { forbidden, notFound } from '../../lib/errors';
import { READ_ROLES, scopePaths } from '../../lib/policy';
import { readsCouncilOrg } from '../councils/councils.service';
import { findOrg } from '../organisations/organisations.repository';
import { changePoints, meetsTarget, shareFigure } from '../../../domain/reports/figures';

type Count = number | string;
type AwardRow = { code: string; name_vi: string; name_en: string; category: string; level: string; individuals: Count; collectives: Count };
type ShareRow = { year: number; total: Count; non_leader: Count; direct_worker: Count; women: Count };
type StreakRow = { counts: { years: number; count: Count }[]; top: { person_id: Count; full_name: string; member_code: string; org_name: string | null; years: number; from_year: number }[] };

const SHARE_COLUMN: Record<ShareKey, 'non_leader' | 'direct_worker' | 'women'> = { NON_LEADER: 'non_leader', DIRECT_WORKER: 'direct_worker', WOMEN: 'women' };

/** Readers of the organisation (READ_ROLES on it or above); none of those roles at all → 403, out of scope or unknown → 404. */
async function readableOrg(db: DbOrTx, actor: AuthActor, orgId: number) {
  if (scopePaths(actor, READ_ROLES).length === 0) throw forbidden();
  const org = await findOrg(db, orgId);
  if (!org || !readsCouncilOrg(actor, org.path)) throw notFound();
  return org;
}

export async function dashboardFigures(db: DbOrTx, actor: AuthActor, locale: Locale, q: DashboardQuery): Promise<DashboardDto> {
  const org = await readableOrg(db, actor, q.orgId);
  const inScope = sql`r.status = 'ACTIVE' and r.scope_path like ${`${org.path}%`}`;
  const [awards, shares, streaks] = await Promise.all([
    db.execute<AwardRow>(sql`
      select a.code, a.name_vi, a.name_en, a.category, a.level, count(r.person_id) as individuals, count(r.org_id) as collectives
      from award_record r join award_type a on a.code = r.award_code
      where ${inScope} and r.year = ${q.year}
      group by a.code order by min(a.sort_order), a.code`),
    db.execute<ShareRow>(sql`
      select r.year, count(*) as total, count(*) filter (where not p.is_leader) as non_leader,
             count(*) filter (where p.is_direct_worker) as direct_worker, count(*) filter (where p.gender = 'FEMALE') as women
      from award_record r join person p on p.id = r.person_id
      where ${inScope} and r.year in (${q.year}, ${q.year - 1})
      group by r.year`),
    // Gaps and islands: year − row_number() is constant along a run of consecutive years; only
    // people with an award in the year itself can have a run ending there.
    db.execute<StreakRow>(sql`
      with cur as (
        select distinct r.person_id from award_record r where ${inScope} and r.person_id is not null and r.year = ${q.year}
      ), ys as (
        select distinct r.person_id, r.year from award_record r join cur on cur.person_id = r.person_id where ${inScope} and r.year <= ${q.year}
      ), isl as (
        select person_id, year, year - row_number() over (partition by person_id order by year) as grp from ys
      ), runs as materialized (
        select person_id, count(*)::int as years, min(year)::int as from_year from isl group by person_id, grp having max(year) = ${q.year}
      )
      select
        (select json_agg(json_build_object('years', l, 'count', (select count(*) from runs where years >= l)) order by l)
           from unnest(${sql.raw(`array[${STREAK_LENGTHS.join(',')}]`)}::int[]) l) as counts,
        (select coalesce(json_agg(x order by x.years desc, x.full_name collate "vi-x-icu", x.person_id), '[]'::json) from (
           select runs.person_id, p.full_name, p.member_code, o.name as org_name, runs.years, runs.from_year
           from runs join person p on p.id = runs.person_id left join organisation o on o.id = p.org_id
           where runs.years >= ${STREAK_LENGTHS[0]}
           order by runs.years desc, p.full_name collate "vi-x-icu", runs.person_id limit ${STREAK_TOP}) x) as top`),
  ]);

  const byYear = new Map(shares.rows.map((r) => [Number(r.year), r]));
  const figure = (year: number, key: ShareKey) => {
    const r = byYear.get(year);
    return shareFigure(r ? Number(r[SHARE_COLUMN[key]]) : 0, r ? Number(r.total) : 0);
  };
  const given: Record<ShareKey, number | undefined> = { NON_LEADER: q.targetNonLeader, DIRECT_WORKER: q.targetDirectWorker, WOMEN: q.targetWomen };
  const items = awards.rows.map((r) => ({
    code: r.code, nameVi: r.name_vi, nameEn: r.name_en, category: r.category, level: r.level, levelLabel: t(locale, `awardLevel.${r.level}`),
    individuals: Number(r.individuals), collectives: Number(r.collectives),
  }));
  const s = streaks.rows[0]!;
  return {
    org: { id: Number(org.id), code: org.code, name: org.name },
    year: q.year,
    awards: {
      items,
      totals: { individuals: items.reduce((a, x) => a + x.individuals, 0), collectives: items.reduce((a, x) => a + x.collectives, 0) },
    },
    shares: SHARE_KEYS.map((key) => {
      const current = figure(q.year, key);
      const previous = figure(q.year - 1, key);
      const target = given[key] ?? DASHBOARD_DEFAULT_TARGETS[key];
      return {
        key, label: t(locale, `dashboard.share.${key}`), current, previous, changePoints: changePoints(current.percent, previous.percent),
        target, targetIsDefault: given[key] === undefined, meetsTarget: meetsTarget(current.percent, target),
      };
    }),
    streaks: {
      counts: s.counts.map((c) => ({ years: Number(c.years), count: Number(c.count) })),
      top: s.top.map((p) => ({ personId: Number(p.person_id), fullName: p.full_name, memberCode: p.member_code, orgName: p.org_name, years: p.years, fromYear: p.from_year })),
    },
  };
}
