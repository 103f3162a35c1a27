// Dashboard figures for an organisation subtree and a year (issue 10, first slice): awards by title
// or form and level, the shares of individual awards going to non-leaders, direct workers and women
// (with the year before and a target), and people awarded several years in a row.
import { z } from 'zod';
import { id } from './common';

/**
 * Default targets (per cent) for the shares. The seed (../shared/seed/000_95a780f8ed2491e8.txt, "Chú
 * trọng nâng cao tỷ lệ khen thưởng … cho tập thể nhỏ, công nhân lao động, công chức, viên chức không
 * giữ chức vụ") asks only to raise these shares and RULES.md gives no figure: the values below are
 * placeholders an organisation overrides per request [uncertain].
 */
export const DASHBOARD_DEFAULT_TARGETS = { NON_LEADER: 70, DIRECT_WORKER: 30, WOMEN: 50, SMALL_COLLECTIVE: 30 } as const;
/** The first three are shares of individual awards; SMALL_COLLECTIVE is a share of collective awards. */
export const SHARE_KEYS = ['NON_LEADER', 'DIRECT_WORKER', 'WOMEN', 'SMALL_COLLECTIVE'] as const;
export type ShareKey = (typeof SHARE_KEYS)[number];
/** Streak lengths counted, and how many people the top list shows. */
export const STREAK_LENGTHS = [2, 3] as const;
export const STREAK_TOP = 20;

/** The funnel's stages, in order (see dashboard.base.ts for what marks each). */
export const FUNNEL_STAGES = ['REGISTERED', 'NOMINATED', 'APPRAISED', 'COUNCIL', 'DECIDED'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
/** Kinds of work counted as overdue (see dashboard.overdue.ts). */
export const OVERDUE_KINDS = ['RESPONSE', 'APPRAISAL', 'OPINION', 'SCORE_SHEET', 'RECOMMENDATION'] as const;
export type OverdueKind = (typeof OVERDUE_KINDS)[number];

const target = z.coerce.number().min(0).max(100);

export const dashboardQuery = z.object({
  orgId: id,
  year: z.coerce.number().int().min(2000).max(2100),
  /** Targets in per cent; DASHBOARD_DEFAULT_TARGETS when absent. */
  targetNonLeader: target.optional(),
  targetDirectWorker: target.optional(),
  targetWomen: target.optional(),
  targetSmallCollective: target.optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuery>;

const shareFigure = z.object({ numerator: z.number().int(), denominator: z.number().int(), percent: z.number().nullable() });

export const dashboardDto = z.object({
  org: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
  year: z.number().int(),
  awards: z.object({
    /** One row per award code with at least one record counted in the year; catalogue order. */
    items: z.array(
      z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string(), category: z.string(), level: z.string(), levelLabel: z.string() }).extend({
        individuals: z.number().int(),
        collectives: z.number().int(),
      }),
    ),
    totals: z.object({ individuals: z.number().int(), collectives: z.number().int() }),
  }),
  shares: z.array(
    z.object({
      key: z.enum(SHARE_KEYS),
      label: z.string(),
      current: shareFigure,
      previous: shareFigure,
      /** Percentage points against the year before; null when either year has no individual award. */
      changePoints: z.number().nullable(),
      target: z.number(),
      /** True when the target is the documented default, not one given in the request. */
      targetIsDefault: z.boolean(),
      meetsTarget: z.boolean().nullable(),
    }),
  ),
  streaks: z.object({
    counts: z.array(z.object({ years: z.number().int(), count: z.number().int() })),
    top: z.array(
      z.object({ personId: z.number().int(), fullName: z.string(), memberCode: z.string(), orgName: z.string().nullable(), years: z.number().int(), fromYear: z.number().int() }),
    ),
    /** The same for collectives (units awarded years in a row). */
    unitCounts: z.array(z.object({ years: z.number().int(), count: z.number().int() })),
    unitTop: z.array(z.object({ orgId: z.number().int(), name: z.string(), code: z.string(), years: z.number().int(), fromYear: z.number().int() })),
  }),
  funnel: z.array(
    z.object({
      stage: z.enum(FUNNEL_STAGES),
      label: z.string(),
      individuals: z.number().int(),
      collectives: z.number().int(),
      total: z.number().int(),
      /** Share of the stage before that reached this one (one decimal); null for the first or after zero. */
      percentOfPrevious: z.number().nullable(),
    }),
  ),
  overdue: z.object({
    /** The day counted against (Vietnam's calendar). */
    today: z.string(),
    kinds: z.array(z.object({ kind: z.enum(OVERDUE_KINDS), label: z.string() })),
    levels: z.array(
      z.object({ rank: z.number().int(), label: z.string(), counts: z.record(z.enum(OVERDUE_KINDS), z.number().int()), total: z.number().int() }),
    ),
    total: z.number().int(),
  }),
});
export type DashboardDto = z.infer<typeof dashboardDto>;
