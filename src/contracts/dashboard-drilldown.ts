// Drill-down from a dashboard figure to the records behind it (issue 10): one figure selector per
// kind of figure, flat in the query string (`figure=award&code=LDTT&subject=INDIVIDUAL`), and the
// paged rows that figure counts. Every list selects exactly the set its figure counts.
import { z } from 'zod';
import { id, pageQuery } from './common';
import { FUNNEL_STAGES, OVERDUE_KINDS, SHARE_KEYS } from './dashboard';

/** The most rows one export writes; a longer list is refused with a Vietnamese 400. */
export const DRILLDOWN_EXPORT_MAX_ROWS = 100_000;

export const AWARD_SUBJECTS = ['INDIVIDUAL', 'COLLECTIVE', 'ANY'] as const;
export const SHARE_PARTS = ['NUMERATOR', 'DENOMINATOR'] as const;
/** THIS = the dashboard's year, PREVIOUS = the year before (the share's comparison). */
export const SHARE_PERIODS = ['THIS', 'PREVIOUS'] as const;
export const STREAK_SUBJECTS = ['PERSON', 'UNIT'] as const;

const scope = z.object({ orgId: id, year: z.coerce.number().int().min(2000).max(2100) });

/** Which figure: the discriminator `figure` and that figure's own keys. */
export const figureSelector = z.discriminatedUnion('figure', [
  z.object({ figure: z.literal('award'), code: z.string().trim().min(1).max(40), subject: z.enum(AWARD_SUBJECTS).default('ANY') }),
  z.object({ figure: z.literal('share'), key: z.enum(SHARE_KEYS), part: z.enum(SHARE_PARTS), period: z.enum(SHARE_PERIODS).default('THIS') }),
  z.object({ figure: z.literal('streak'), subject: z.enum(STREAK_SUBJECTS), minYears: z.coerce.number().int().min(2).max(100) }),
  z.object({ figure: z.literal('funnel'), stage: z.enum(FUNNEL_STAGES) }),
  z.object({ figure: z.literal('overdue'), kind: z.enum(OVERDUE_KINDS), rank: z.coerce.number().int().min(0).max(1000).optional() }),
]);
export type FigureSelector = z.infer<typeof figureSelector>;
export type FigureKind = FigureSelector['figure'];

export const drilldownExportQuery = z.intersection(scope, figureSelector);
export type DrilldownExportQuery = z.infer<typeof drilldownExportQuery>;
export const drilldownQuery = z.intersection(z.intersection(scope, pageQuery), figureSelector);
export type DrilldownQuery = z.infer<typeof drilldownQuery>;

/** An award record (award and share figures). */
export const awardRecordRow = z.object({
  id: z.number().int(),
  subject: z.enum(['INDIVIDUAL', 'COLLECTIVE']),
  personId: z.number().int().nullable(),
  orgId: z.number().int().nullable(),
  subjectName: z.string(),
  /** The member code of a person, the code of a unit. */
  subjectCode: z.string(),
  /** The unit that keeps the record. */
  unitName: z.string().nullable(),
  awardCode: z.string(),
  awardName: z.string(),
  year: z.number().int(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  source: z.string(),
  sourceLabel: z.string(),
});
export type AwardRecordRow = z.infer<typeof awardRecordRow>;

/** A person or a unit awarded years in a row up to the year. */
export const streakRow = z.object({
  subject: z.enum(['PERSON', 'UNIT']),
  personId: z.number().int().nullable(),
  orgId: z.number().int().nullable(),
  subjectName: z.string(),
  subjectCode: z.string(),
  /** The person's current unit; for a unit, its parent. */
  unitName: z.string().nullable(),
  years: z.number().int(),
  fromYear: z.number().int(),
});
export type StreakRowDto = z.infer<typeof streakRow>;

/** A registration (REGISTERED) or a nomination that reached the stage. */
export const funnelRow = z.object({
  kind: z.enum(['REGISTRATION', 'NOMINATION']),
  id: z.number().int(),
  subject: z.enum(['INDIVIDUAL', 'COLLECTIVE']),
  subjectName: z.string(),
  subjectCode: z.string().nullable(),
  unitName: z.string().nullable(),
  awardCode: z.string(),
  awardName: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  /** Registered on, or the day the nomination reached the stage. */
  date: z.string(),
  link: z.string().nullable(),
});
export type FunnelRowDto = z.infer<typeof funnelRow>;

/** A piece of work past its deadline. */
export const overdueRow = z.object({
  kind: z.enum(OVERDUE_KINDS),
  id: z.number().int(),
  title: z.string(),
  orgId: z.number().int(),
  orgName: z.string(),
  rank: z.number().int(),
  levelLabel: z.string(),
  dueOn: z.string(),
  daysOverdue: z.number().int(),
  link: z.string(),
});
export type OverdueRowDto = z.infer<typeof overdueRow>;

const paged = { total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), title: z.string() };

export const drilldownDto = z.discriminatedUnion('figure', [
  z.object({ figure: z.literal('award'), items: z.array(awardRecordRow), ...paged }),
  z.object({ figure: z.literal('share'), items: z.array(awardRecordRow), ...paged }),
  z.object({ figure: z.literal('streak'), items: z.array(streakRow), ...paged }),
  z.object({ figure: z.literal('funnel'), items: z.array(funnelRow), ...paged }),
  z.object({ figure: z.literal('overdue'), items: z.array(overdueRow), ...paged }),
]);
export type DrilldownDto = z.infer<typeof drilldownDto>;
