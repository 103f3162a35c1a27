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
export const DASHBOARD_DEFAULT_TARGETS = { NON_LEADER: 70, DIRECT_WORKER: 30, WOMEN: 50 } as const;
export const SHARE_KEYS = ['NON_LEADER', 'DIRECT_WORKER', 'WOMEN'] as const;
export type ShareKey = (typeof SHARE_KEYS)[number];
/** Streak lengths counted, and how many people the top list shows. */
export const STREAK_LENGTHS = [2, 3] as const;
export const STREAK_TOP = 20;

const target = z.coerce.number().min(0).max(100);

export const dashboardQuery = z.object({
  orgId: id,
  year: z.coerce.number().int().min(2000).max(2100),
  /** Targets in per cent; DASHBOARD_DEFAULT_TARGETS when absent. */
  targetNonLeader: target.optional(),
  targetDirectWorker: target.optional(),
  targetWomen: target.optional(),
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
  }),
});
export type DashboardDto = z.infer<typeof dashboardDto>;
