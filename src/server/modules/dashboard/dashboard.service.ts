// Dashboard figures for an organisation subtree and a year (issue 10): awards by title or form and
// level, the fairness shares with the year before and the target, people awarded years in a row, the
// funnel registration → decision, and overdue work per level. Only records in force count (revoked
// and superseded rows are history). The counts come from a FigureSource (dashboard.base.ts: the base
// tables, at any moment); the arithmetic from src/domain/reports/figures.ts. Read-only: no audit event.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { AuthActor } from '../../lib/actor';
import type { Locale } from '../../../contracts/enums';
import { t, type MessageKey } from '../../../contracts/messages';
import {
  DASHBOARD_DEFAULT_TARGETS, FUNNEL_STAGES, OVERDUE_KINDS, SHARE_KEYS, type DashboardDto, type DashboardQuery, type OverdueKind, type ShareKey,
} from '../../../contracts/dashboard';
import { forbidden, notFound } from '../../lib/errors';
import { READ_ROLES, scopePaths } from '../../lib/policy';
import { readsCouncilOrg } from '../councils/councils.service';
import { todayInVietnam } from '../imports/xlsx/validate-member-row';
import { changePoints, meetsTarget, percent, shareFigure } from '../../../domain/reports/figures';
import { baseSource, type FigureSource, type ShareCountRow } from './dashboard.base';
import { overdueByLevel } from './dashboard.overdue';

type AwardTypeRow = { code: string; name_vi: string; name_en: string; category: string; level: string; sort_order: number };

/** Numerator and denominator columns of each share. */
const SHARE_COLUMNS: Record<ShareKey, { num: keyof ShareCountRow; den: keyof ShareCountRow }> = {
  NON_LEADER: { num: 'non_leader', den: 'total' },
  DIRECT_WORKER: { num: 'direct_worker', den: 'total' },
  WOMEN: { num: 'women', den: 'total' },
  SMALL_COLLECTIVE: { num: 'small', den: 'collectives' },
};
const TARGET_PARAM: Record<ShareKey, keyof DashboardQuery> = {
  NON_LEADER: 'targetNonLeader', DIRECT_WORKER: 'targetDirectWorker', WOMEN: 'targetWomen', SMALL_COLLECTIVE: 'targetSmallCollective',
};

/** Readers of the organisation (READ_ROLES on it or above); none of those roles at all → 403, out of scope or unknown → 404. */
export async function readableOrg(db: DbOrTx, actor: AuthActor, orgId: number) {
  if (scopePaths(actor, READ_ROLES).length === 0) throw forbidden();
  // Only what the figures need: findOrg also counts the members of the subtree (0.9 s at the national root).
  const r = await db.execute<{ id: number; code: string; name: string; path: string; status: string }>(sql`select id, code, name, path, status from organisation where id = ${orgId}`);
  const org = r.rows[0];
  if (!org || !readsCouncilOrg(actor, org.path)) throw notFound();
  return org;
}

export interface FigureOptions {
  /** The records as they stood at this moment (ISO timestamp); the overdue items are then left out. */
  asOf?: string;
  /** Counts for the live figures (default: the base tables). */
  live?: FigureSource;
  /** Called as each of the four counts (awards, shares, streaks, funnel) is done: a job's progress. */
  onCount?: (() => Promise<void>) | undefined;
}

const levelLabel = (locale: Locale, rank: number) =>
  t(locale, ([10, 20, 30, 40, 50, 60].includes(rank) ? `dashboard.level.${rank}` : 'dashboard.level.other') as MessageKey);

export async function dashboardFigures(db: DbOrTx, actor: AuthActor, locale: Locale, q: DashboardQuery, opts: FigureOptions = {}): Promise<DashboardDto> {
  const org = await readableOrg(db, actor, q.orgId);
  const source = opts.asOf === undefined ? (opts.live ?? baseSource) : baseSource;
  const scope = { path: org.path, year: q.year, asOf: opts.asOf };
  const today = todayInVietnam();
  const counted = async <T>(p: Promise<T>): Promise<T> => {
    const v = await p;
    await opts.onCount?.();
    return v;
  };
  const [catalogue, awards, shares, streaks, funnel, overdue] = await Promise.all([
    db.execute<AwardTypeRow>(sql`select code, name_vi, name_en, category, level, sort_order from award_type`),
    counted(source.awardCounts(db, scope)),
    counted(source.shareCounts(db, scope)),
    counted(source.streaks(db, scope)),
    counted(source.funnel(db, scope)),
    opts.asOf === undefined ? overdueByLevel(db, org.path, today) : Promise.resolve([]),
  ]);

  const types = new Map(catalogue.rows.map((r) => [r.code, r]));
  const items = awards
    .map((r) => ({ type: types.get(r.code)!, individuals: Number(r.individuals), collectives: Number(r.collectives) }))
    .filter((r) => r.individuals + r.collectives > 0)
    .sort((a, b) => a.type.sort_order - b.type.sort_order || (a.type.code < b.type.code ? -1 : 1))
    .map(({ type: a, individuals, collectives }) => ({
      code: a.code, nameVi: a.name_vi, nameEn: a.name_en, category: a.category, level: a.level, levelLabel: t(locale, `awardLevel.${a.level}` as MessageKey),
      individuals, collectives,
    }));

  const byYear = new Map(shares.map((r) => [Number(r.year), r]));
  const figure = (year: number, key: ShareKey) => {
    const r = byYear.get(year);
    const c = SHARE_COLUMNS[key];
    return shareFigure(r ? Number(r[c.num]) : 0, r ? Number(r[c.den]) : 0);
  };

  const stages = FUNNEL_STAGES.map((stage) => {
    const r = funnel.find((f) => f.stage === stage);
    const individuals = Number(r?.individuals ?? 0);
    const collectives = Number(r?.collectives ?? 0);
    return { stage, label: t(locale, `dashboard.funnel.${stage}`), individuals, collectives, total: individuals + collectives };
  });

  const ranks = [...new Set(overdue.map((r) => r.rank))].sort((a, b) => a - b);
  const levels = ranks.map((rank) => {
    const counts = Object.fromEntries(OVERDUE_KINDS.map((k) => [k, 0])) as Record<OverdueKind, number>;
    for (const r of overdue) if (r.rank === rank) counts[r.kind] = Number(r.count);
    return { rank, label: levelLabel(locale, rank), counts, total: OVERDUE_KINDS.reduce((a, k) => a + counts[k], 0) };
  });

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
      const given = q[TARGET_PARAM[key]] as number | undefined;
      const target = given ?? DASHBOARD_DEFAULT_TARGETS[key];
      return {
        key, label: t(locale, `dashboard.share.${key}`), current, previous, changePoints: changePoints(current.percent, previous.percent),
        target, targetIsDefault: given === undefined, meetsTarget: meetsTarget(current.percent, target),
      };
    }),
    streaks: {
      counts: streaks.counts.map((c) => ({ years: Number(c.years), count: Number(c.count) })),
      top: streaks.top.map((p) => ({ personId: Number(p.person_id), fullName: p.full_name, memberCode: p.member_code, orgName: p.org_name, years: p.years, fromYear: p.from_year })),
      unitCounts: streaks.unit_counts.map((c) => ({ years: Number(c.years), count: Number(c.count) })),
      unitTop: streaks.unit_top.map((u) => ({ orgId: Number(u.org_id), name: u.name, code: u.code, years: u.years, fromYear: u.from_year })),
    },
    funnel: stages.map((s, i) => {
      const prev = i === 0 ? 0 : stages[i - 1]!.total;
      return { ...s, percentOfPrevious: i === 0 || prev === 0 || s.total > prev ? null : percent(s.total, prev) };
    }),
    overdue: {
      today,
      kinds: OVERDUE_KINDS.map((kind) => ({ kind, label: t(locale, `dashboard.overdue.${kind}`) })),
      levels,
      total: levels.reduce((a, l) => a + l.total, 0),
    },
  };
}
