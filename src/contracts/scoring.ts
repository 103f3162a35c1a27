// Scorecards (issue 5): templates (versioned; a published version is never edited), scoring rounds,
// and score sheets (self-scoring by the unit, verification by the organiser). The arithmetic and
// the template rules live in src/domain/scoring; these are the shapes that cross the API.
import { z } from 'zod';
import { abilities, isoDate, reason } from './common';
import { LIMITS } from './limits';

export const TEMPLATE_STATUSES = ['DRAFT', 'PUBLISHED', 'RETIRED'] as const;
export const TEMPLATE_SUBJECTS = ['UNIT', 'PERSON'] as const;
export const SECTION_KINDS = ['REGULAR', 'BONUS', 'DEDUCTION'] as const;
export const VARIANTS = ['STATE', 'ENTERPRISE'] as const;
export const SCORING_STAGES = ['SELF', 'GROUP', 'UPPER', 'COUNCIL'] as const;
export const ROUND_STATUSES = ['DRAFT', 'OPEN', 'CLOSED', 'PUBLISHED'] as const;
export const SHEET_STATUSES = ['DRAFT', 'SUBMITTED', 'RETURNED', 'VERIFIED'] as const;
export const LEVELS = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'] as const;

const points = z.number().finite().min(0).max(100000);
const text = (max: number) => z.string().trim().min(1).max(max);
const code = z.string().trim().min(1).max(LIMITS.codeMax);

export const criterionSchema = z.object({
  code,
  text: text(LIMITS.textMax),
  maxPoints: points,
  step: points,
  guidance: z.string().trim().max(4000).optional(),
  evidence: z.string().trim().max(LIMITS.textMax).optional(),
  evidenceRequired: z.boolean(),
  variants: z.array(z.enum(VARIANTS)).max(2).optional(),
});

export const sectionSchema = z.object({
  code,
  title: text(LIMITS.textMax),
  kind: z.enum(SECTION_KINDS),
  maxPoints: points,
  criteriaSum: z.enum(['EQUAL', 'CAPPED']).optional(),
  criteria: z.array(criterionSchema).max(300),
});

/** What an editor may change in a draft: everything but the code, version and subject. */
export const templateContent = z.object({
  nameVi: text(500),
  nameEn: z.string().trim().max(500).optional(),
  unitVariant: z.enum(VARIANTS).nullable().optional(),
  totalPoints: points,
  stages: z.array(z.enum(SCORING_STAGES)).max(4).optional(),
  source: z.string().trim().max(4000).optional(),
  /** Organisation kinds scored by default when a round names no units (e.g. ['CDCS','NGHIEP_DOAN'], ['TO_CD']). */
  unitKinds: z.array(z.string().trim().min(1).max(LIMITS.codeMax)).max(20).optional(),
  sections: z.array(sectionSchema).max(50),
});
export type TemplateContent = z.infer<typeof templateContent>;

/** PATCH of a draft: its content, and the revision it was read at (409 when someone saved since). */
export const updateTemplateInput = templateContent.extend({ revision: z.number().int().positive().optional() });
export type UpdateTemplateInput = z.infer<typeof updateTemplateInput>;

export const templateStructure = templateContent.extend({ code, version: z.number().int(), subject: z.enum(TEMPLATE_SUBJECTS) });

/** A problem found by the scoring core, rendered in the user's language. */
export const scoringProblem = z.object({ key: z.string(), criterion: z.string().nullable(), message: z.string() });
export type ScoringProblemDto = z.infer<typeof scoringProblem>;

export const templateSummaryDto = z.object({
  id: z.number().int(),
  code: z.string(),
  version: z.number().int(),
  nameVi: z.string(),
  nameEn: z.string().nullable(),
  subject: z.enum(TEMPLATE_SUBJECTS),
  status: z.enum(TEMPLATE_STATUSES),
  /** Owner; null for a template shipped with Vinh Danh. */
  orgId: z.number().int().nullable(),
  orgName: z.string().nullable(),
  supersedesId: z.number().int().nullable(),
  totalPoints: z.number(),
  criteriaCount: z.number().int(),
  publishedAt: z.string().nullable(),
  /** Increases with every save of a draft (optimistic concurrency for PATCH). */
  revision: z.number().int(),
  abilities,
});
export type TemplateSummaryDto = z.infer<typeof templateSummaryDto>;

export const templateDto = templateSummaryDto.extend({
  structure: templateStructure,
  /** What stops the version from being published ([] = valid). */
  problems: z.array(scoringProblem),
});
export type TemplateDto = z.infer<typeof templateDto>;

export const templateListQuery = z.object({
  subject: z.enum(TEMPLATE_SUBJECTS).optional(),
  status: z.enum(TEMPLATE_STATUSES).optional(),
  code: z.string().trim().max(LIMITS.codeMax).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
});

/** A new draft version of a template, owned by an organisation the actor manages. */
export const reviseTemplateInput = z.object({ orgId: z.number().int().positive() });
export const retireTemplateInput = z.object({ reason });

// ── Rounds ────────────────────────────────────────────────────────────────────────────────────

export const tieBreakSchema = z.union([
  z.enum(['REGULAR_TOTAL', 'BONUS_LOWER', 'FEWER_DEDUCTIONS', 'NAME']),
  z.string().regex(/^SECTION_TOTAL:[^\s]{1,40}$/) as unknown as z.ZodType<`SECTION_TOTAL:${string}`>,
]);

export const classificationParamsSchema = z.object({
  bands: z.object({ HTXSNV: points, HTTNV: points, HTNV: points }),
  minCriterionShare: z.number().finite().nullable(),
  noDisciplineAtOrAbove: z.literal('CANH_CAO').nullable(),
  demoteOneLevelWhenConditionFails: z.boolean(),
});

export const createRoundInput = z.object({
  orgId: z.number().int().positive(),
  year: z.number().int().min(2000).max(2100),
  title: text(500),
  templateId: z.number().int().positive(),
  deadline: isoDate,
  tieBreaks: z.array(tieBreakSchema).max(10).default([]),
  /** Default: DEFAULT_CLASSIFICATION of src/domain/scoring (placeholders, see docs/scoring.md). */
  classification: classificationParamsSchema.nullable().default(null),
  /** Units to score (unit templates); null = every active unit of the template's kinds below the organiser. */
  units: z.array(z.number().int().positive()).min(1).max(20000).nullable().default(null),
  /** Members (person ids) to score (person templates); null = every active member in the organiser's subtree. */
  members: z.array(z.number().int().positive()).min(1).max(50000).nullable().default(null),
});
export type CreateRoundInput = z.infer<typeof createRoundInput>;

export const sheetCounts = z.object({ DRAFT: z.number().int(), SUBMITTED: z.number().int(), RETURNED: z.number().int(), VERIFIED: z.number().int() });

export const roundDto = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  year: z.number().int(),
  title: z.string(),
  templateId: z.number().int(),
  templateCode: z.string(),
  templateVersion: z.number().int(),
  templateName: z.string(),
  /** Whom the round scores: units, or members (person template). */
  subject: z.enum(TEMPLATE_SUBJECTS),
  mode: z.enum(['VERIFIED', 'COUNCIL']),
  deadline: isoDate,
  tieBreaks: z.array(z.string()),
  classification: classificationParamsSchema,
  status: z.enum(ROUND_STATUSES),
  /** Sheets the user can read, by status. */
  counts: sheetCounts,
  abilities,
});
export type RoundDto = z.infer<typeof roundDto>;

export const roundListQuery = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(ROUND_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
});

// ── Sheets ────────────────────────────────────────────────────────────────────────────────────

export const sheetSummaryDto = z.object({
  id: z.number().int(),
  roundId: z.number().int(),
  orgId: z.number().int().nullable(),
  orgName: z.string().nullable(),
  /** The scored member (person rounds); null for a unit's sheet. */
  personId: z.number().int().nullable(),
  personName: z.string().nullable(),
  variant: z.enum(VARIANTS).nullable(),
  status: z.enum(SHEET_STATUSES),
  /** Effective deadline: the sheet's own extension, or the round's. */
  deadline: isoDate,
  selfTotal: z.number().nullable(),
  verifiedTotal: z.number().nullable(),
  classification: z.enum(LEVELS).nullable(),
  /** Rank in the round, once its results are published (null before). */
  rank: z.number().int().nullable(),
  submittedAt: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  version: z.number().int(),
  abilities,
});
export type SheetSummaryDto = z.infer<typeof sheetSummaryDto>;

export const sheetCriterionDto = z.object({
  sectionCode: z.string(),
  sectionTitle: z.string(),
  sectionKind: z.enum(SECTION_KINDS),
  code: z.string(),
  text: z.string(),
  maxPoints: z.number(),
  step: z.number(),
  guidance: z.string().nullable(),
  evidence: z.string().nullable(),
  evidenceRequired: z.boolean(),
  selfPoints: z.number().nullable(),
  selfNote: z.string().nullable(),
  verifiedPoints: z.number().nullable(),
  verifyReason: z.string().nullable(),
  /** Active evidence files attached to the criterion. */
  evidenceCount: z.number().int(),
});

export const sheetTotalsDto = z.object({
  total: z.number(),
  maxTotal: z.number(),
  regularTotal: z.number(),
  bonusTotal: z.number(),
  deductionTotal: z.number(),
  sections: z.array(z.object({ code: z.string(), kind: z.enum(SECTION_KINDS), maxPoints: z.number(), points: z.number() })),
  complete: z.boolean(),
  problems: z.array(scoringProblem),
});

export const sheetDto = sheetSummaryDto.extend({
  roundTitle: z.string(),
  roundYear: z.number().int(),
  organiserId: z.number().int(),
  organiserName: z.string(),
  templateId: z.number().int(),
  templateCode: z.string(),
  templateVersion: z.number().int(),
  criteria: z.array(sheetCriterionDto),
  self: sheetTotalsDto,
  /** The verifier's totals (unchanged criteria keep the self-score); null before verification starts. */
  verified: sheetTotalsDto.nullable(),
});
export type SheetDto = z.infer<typeof sheetDto>;

export const sheetListQuery = z.object({
  roundId: z.coerce.number().int().positive().optional(),
  status: z.enum(SHEET_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
});

export const selfEntriesInput = z.object({
  version: z.number().int().positive(),
  entries: z
    .array(z.object({ criterionCode: code, points: z.number().finite().nullable(), note: z.string().trim().max(LIMITS.textMax).nullable().optional() }))
    .min(1)
    .max(500),
});
export type SelfEntriesInput = z.infer<typeof selfEntriesInput>;

export const versionInput = z.object({ version: z.number().int().positive() });

export const verifyEntriesInput = z.object({
  version: z.number().int().positive(),
  entries: z
    .array(z.object({ criterionCode: code, points: z.number().finite(), reason: z.string().trim().max(LIMITS.textMax).nullable().optional() }))
    .min(1)
    .max(500),
});
export type VerifyEntriesInput = z.infer<typeof verifyEntriesInput>;

export const returnSheetInput = z.object({ version: z.number().int().positive(), reason });

// ── Results, publication, amendments ──────────────────────────────────────────────────────────

/** Why a unit ranks above the next one: the total, a declared tie-break, or null = tied (same rank). */
export const resultRowDto = z.object({
  sheetId: z.number().int(),
  orgId: z.number().int().nullable(),
  orgName: z.string().nullable(),
  personId: z.number().int().nullable(),
  personName: z.string().nullable(),
  status: z.enum(SHEET_STATUSES),
  selfTotal: z.number().nullable(),
  verifiedTotal: z.number().nullable(),
  classification: z.enum(LEVELS).nullable(),
  /** Only VERIFIED sheets are ranked. */
  rank: z.number().int().nullable(),
  decidedBy: z.string().nullable(),
  ratingRecordId: z.number().int().nullable(),
});
export type ResultRowDto = z.infer<typeof resultRowDto>;

export const roundResultsDto = z.object({
  roundId: z.number().int(),
  roundStatus: z.enum(ROUND_STATUSES),
  roundVersion: z.number().int(),
  publishedAt: z.string().nullable(),
  tieBreaks: z.array(z.string()),
  items: z.array(resultRowDto),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  abilities,
});
export type RoundResultsDto = z.infer<typeof roundResultsDto>;

export const resultsExportQuery = z.object({ clusterId: z.coerce.number().int().positive().optional() });

export const resultsQuery = z.object({
  /** Rank within this emulation cluster's member units only. */
  clusterId: z.coerce.number().int().positive().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
});

export const publishRoundInput = z.object({
  version: z.number().int().positive(),
  excludeUnverified: z.boolean().default(false),
  reason: z.string().trim().max(LIMITS.textMax).optional(),
});
export type PublishRoundInput = z.infer<typeof publishRoundInput>;

export const amendSheetInput = z.object({
  version: z.number().int().positive(),
  points: z.array(z.object({ criterionCode: code, points, reason })).min(1).max(300),
  reason,
});
export type AmendSheetInput = z.infer<typeof amendSheetInput>;

// ── Deadlines, reminders, distribution ────────────────────────────────────────────────────────

export const extendRoundInput = z.object({
  /** Sheets to extend; null = every sheet not yet submitted (then the round's deadline moves too). */
  sheetIds: z.array(z.number().int().positive()).min(1).max(50000).nullable(),
  deadline: isoDate,
  reason,
});
export type ExtendRoundInput = z.infer<typeof extendRoundInput>;

export const remindRoundInput = z.object({});
export const remindRoundDto = z.object({ reminded: z.number().int(), emails: z.number().int() });

export const distributionGroupDto = z.object({
  /** null = the whole round. */
  clusterId: z.number().int().nullable(),
  name: z.string(),
  levels: z.object({ HTXSNV: z.number().int(), HTTNV: z.number().int(), HTNV: z.number().int(), KHTNV: z.number().int(), NONE: z.number().int() }),
  /** Verified totals in 10-point bins 0–10 … 90–100. */
  bins: z.array(z.object({ from: z.number(), to: z.number(), count: z.number().int() })),
});
export const roundDistributionDto = z.object({ groups: z.array(distributionGroupDto) });
export type RoundDistributionDto = z.infer<typeof roundDistributionDto>;
