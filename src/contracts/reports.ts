// Reports (issue 10, part 2): the annual commendation summary as a Word document drawn from the
// dashboard figures, and frozen reports — the figures as the records stood at a moment, stored with a
// fingerprint so that a later re-run proves (or disproves) that nothing behind them changed.
import { z } from 'zod';
import { abilities, id, pageQuery, pageOf, reason } from './common';
import { dashboardDto, dashboardQuery, SHARE_KEYS } from './dashboard';

export const SNAPSHOT_KINDS = ['DASHBOARD', 'ANNUAL_SUMMARY'] as const;
export type SnapshotKind = (typeof SNAPSHOT_KINDS)[number];
/** COMPUTING → ACTIVE (or FAILED); ACTIVE → WITHDRAWN. */
export const SNAPSHOT_STATUSES = ['COMPUTING', 'FAILED', 'ACTIVE', 'WITHDRAWN'] as const;
export const RERUN_STATUSES = ['COMPUTING', 'FAILED', 'DONE'] as const;

export const REPORT_LIMITS = {
  /** One narrative paragraph block (đánh giá chung, tồn tại hạn chế, phương hướng). */
  narrativeMax: 8000,
  titleMax: 300,
  signerMax: 120,
  /** How many differences a re-run lists (the count is always exact). */
  differencesMax: 500,
  /** A computing job silent for this long is shown as interrupted (it may be asked for again). */
  jobStaleMinutes: 10,
} as const;

/** Control and invisible characters (new lines and tabs kept) are dropped; the text is NFC and trimmed. */
// eslint-disable-next-line no-control-regex
const HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const cleanText = (max: number) =>
  z
    .string()
    .max(max * 2)
    .transform((s) => s.replace(/\r\n?/g, '\n').replace(HIDDEN, '').normalize('NFC').trim())
    .pipe(z.string().max(max));
const optionalText = (max: number) =>
  cleanText(max)
    .optional()
    .transform((s) => (s ? s : undefined));

export const NARRATIVE_KEYS = ['assessment', 'shortcomings', 'directions'] as const;
export type NarrativeKey = (typeof NARRATIVE_KEYS)[number];
/** The paragraphs the user types; each optional, new lines separate paragraphs. */
export const narrative = z.object({
  assessment: optionalText(REPORT_LIMITS.narrativeMax),
  shortcomings: optionalText(REPORT_LIMITS.narrativeMax),
  directions: optionalText(REPORT_LIMITS.narrativeMax),
});
export type Narrative = z.infer<typeof narrative>;

/** Targets in per cent, one per share; absent ones take DASHBOARD_DEFAULT_TARGETS. */
export const shareTargets = z.object(Object.fromEntries(SHARE_KEYS.map((k) => [k, z.number().min(0).max(100).optional()])) as Record<
  (typeof SHARE_KEYS)[number],
  z.ZodOptional<z.ZodNumber>
>);
export type ShareTargets = z.infer<typeof shareTargets>;

/** The signer block; empty fields print the organisation's usual wording. */
export const signer = z.object({
  position: optionalText(REPORT_LIMITS.signerMax),
  name: optionalText(REPORT_LIMITS.signerMax),
});

/** GET: the dashboard query (organisation, year, targets) and nothing typed. */
export const annualSummaryQuery = dashboardQuery;
/** POST: the same with the narrative and the signer. */
export const annualSummaryBody = z.object({
  orgId: id,
  year: z.number().int().min(2000).max(2100),
  targets: shareTargets.optional(),
  narrative: narrative.optional(),
  signer: signer.optional(),
});
export type AnnualSummaryBody = z.infer<typeof annualSummaryBody>;

/** Freezing: what the annual summary takes, the kind, and the moment. */
export const createSnapshotInput = annualSummaryBody.extend({
  kind: z.enum(SNAPSHOT_KINDS),
  /** The moment the records are taken as they stood; default now; never in the future. */
  asOf: z.iso.datetime({ offset: true }).optional(),
  title: optionalText(REPORT_LIMITS.titleMax),
});
export type CreateSnapshotInput = z.infer<typeof createSnapshotInput>;

export const snapshotListQuery = pageQuery.extend({
  orgId: id,
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const withdrawSnapshotInput = z.object({ reason });

/** What a snapshot stores as its parameters (besides organisation, year and moment). */
export const snapshotParams = z.object({
  locale: z.enum(['vi', 'en']),
  targets: shareTargets,
  narrative: narrative.optional(),
  signer: signer.optional(),
  /** The issuing organisation's header as it was when frozen (a later rename does not change the document). */
  header: z.object({ name: z.string(), parentName: z.string().nullable(), abbreviation: z.string(), place: z.string() }),
});
export type SnapshotParams = z.infer<typeof snapshotParams>;

/** How far a background computation got: steps done of the steps to do, and why it failed. */
const jobProgress = z.object({
  done: z.number().int(),
  total: z.number().int(),
  /** The failure in words (the user's language), or null. */
  failure: z.string().nullable(),
  computedAt: z.string().nullable(),
});

export const figureDifference = z.object({ path: z.string(), stored: z.unknown(), rerun: z.unknown() });
export type FigureDifference = z.infer<typeof figureDifference>;
export const rerunResult = z.object({
  identical: z.boolean(),
  storedSha256: z.string(),
  rerunSha256: z.string(),
  /** sha-256 of the figures as they are stored now (differs from storedSha256 if someone edited them). */
  currentStoredSha256: z.string(),
  differenceCount: z.number().int(),
  differences: z.array(figureDifference),
});
export type RerunResult = z.infer<typeof rerunResult>;

/** A re-run of a frozen report, computed in the background; `result` once DONE. */
export const rerunDto = z.object({
  id: z.number().int(),
  snapshotId: z.number().int(),
  status: z.enum(RERUN_STATUSES),
  progress: jobProgress,
  requestedBy: z.string().nullable(),
  createdAt: z.string(),
  result: rerunResult.nullable(),
});
export type RerunDto = z.infer<typeof rerunDto>;
export const rerunParams = z.object({ id, rerunId: id });
/** Which statistical form to fill with a frozen report's figures. */
export const snapshotStatFormQuery = z.object({ templateId: id });

const snapshotSummary = z.object({
  id: z.number().int(),
  org: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
  kind: z.enum(SNAPSHOT_KINDS),
  year: z.number().int(),
  asOf: z.string(),
  title: z.string(),
  /** Null until the figures are computed. */
  figuresSha256: z.string().nullable(),
  status: z.enum(SNAPSHOT_STATUSES),
  progress: jobProgress,
  /** The latest re-run (without its differences), or null. */
  lastRerun: rerunDto.omit({ result: true }).extend({ identical: z.boolean().nullable(), differenceCount: z.number().int().nullable() }).nullable(),
  withdrawnReason: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  abilities,
});
export const snapshotListItem = snapshotSummary;
export type SnapshotListItem = z.infer<typeof snapshotListItem>;
export const snapshotPage = pageOf(snapshotListItem);
export type SnapshotPage = z.infer<typeof snapshotPage>;

export const snapshotDto = snapshotSummary.extend({ params: snapshotParams, figures: dashboardDto.nullable() });
export type SnapshotDto = z.infer<typeof snapshotDto>;
