// Council scoring mode (issue 5, item 5): several scorers rate the same units; a scorer sees the
// others' marks for a unit only once their own mark for it is submitted; results put each scorer's
// z-scores beside the raw averages and flag outliers. The statistics live in
// src/domain/scoring/council.ts; these are the shapes that cross the API.
import { z } from 'zod';
import { abilities } from './common';
import { LIMITS } from './limits';
import { ROUND_STATUSES, SECTION_KINDS, SHEET_STATUSES, VARIANTS, scoringProblem } from './scoring';

export const COUNCIL_MAX_SCORERS = 50;
/** Outlier threshold (standard deviations of the other scorers' marks), as in the core's default. */
export const COUNCIL_OUTLIER_K = 2;

const page = z.coerce.number().int().min(1).default(1);
const pageSize = z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault);

/** Sets mode COUNCIL and the scorers (≥ 2, checked by the server with a message naming the user). */
export const councilSetupInput = z.object({
  version: z.number().int().positive(),
  scorerIds: z.array(z.number().int().positive()).max(COUNCIL_MAX_SCORERS),
});
export type CouncilSetupInput = z.infer<typeof councilSetupInput>;

export const councilCandidatesQuery = z.object({ q: z.string().trim().max(LIMITS.nameMax).optional(), page, pageSize });

export const councilCandidateDto = z.object({ userId: z.number().int(), displayName: z.string(), username: z.string() });
export type CouncilCandidateDto = z.infer<typeof councilCandidateDto>;

export const councilScorerDto = z.object({
  userId: z.number().int(),
  displayName: z.string(),
  /** Marks this scorer has submitted (counts only: never the marks). */
  submitted: z.number().int(),
});

export const councilDto = z.object({
  roundId: z.number().int(),
  roundTitle: z.string(),
  roundStatus: z.enum(ROUND_STATUSES),
  organiserName: z.string(),
  mode: z.enum(['VERIFIED', 'COUNCIL']),
  /** The round's version, for setup and finalisation. */
  version: z.number().int(),
  sheetCount: z.number().int(),
  scorers: z.array(councilScorerDto),
  isScorer: z.boolean(),
  /** council.manage, council.score, council.results, council.finalize */
  abilities,
});
export type CouncilDto = z.infer<typeof councilDto>;

export const MARK_STATUSES = ['NONE', 'DRAFT', 'SUBMITTED'] as const;
export type MarkStatus = (typeof MARK_STATUSES)[number];

export const councilSheetsQuery = z.object({ page, pageSize });

export const councilSheetRowDto = z.object({
  sheetId: z.number().int(),
  orgName: z.string().nullable(),
  sheetStatus: z.enum(SHEET_STATUSES),
  /** The unit's own total, once it has submitted its self-score. */
  selfTotal: z.number().nullable(),
  /** My mark (null status NONE when I am not a scorer or have not started). */
  myStatus: z.enum(MARK_STATUSES),
  myTotal: z.number().nullable(),
  /** Submitted marks of all scorers (a count only). */
  submittedMarks: z.number().int(),
});
export type CouncilSheetRowDto = z.infer<typeof councilSheetRowDto>;

export const councilCriterionDto = z.object({
  sectionCode: z.string(),
  sectionTitle: z.string(),
  sectionKind: z.enum(SECTION_KINDS),
  /** The section's cap (a BONUS section's criteria may add up to more). */
  sectionMaxPoints: z.number(),
  code: z.string(),
  text: z.string(),
  maxPoints: z.number(),
  step: z.number(),
  guidance: z.string().nullable(),
});

export const councilOtherMarkDto = z.object({
  scorerId: z.number().int(),
  scorerName: z.string(),
  total: z.number(),
  points: z.record(z.string(), z.number().nullable()),
  submittedAt: z.string(),
});

export const councilMarkDto = z.object({
  sheetId: z.number().int(),
  roundId: z.number().int(),
  roundTitle: z.string(),
  orgName: z.string().nullable(),
  variant: z.enum(VARIANTS).nullable(),
  sheetStatus: z.enum(SHEET_STATUSES),
  criteria: z.array(councilCriterionDto),
  isScorer: z.boolean(),
  /** My entries (empty when I am not a scorer). */
  entries: z.array(z.object({ criterionCode: z.string(), points: z.number().nullable() })),
  total: z.number(),
  maxTotal: z.number(),
  complete: z.boolean(),
  problems: z.array(scoringProblem),
  submitted: z.boolean(),
  submittedAt: z.string().nullable(),
  /** Submitted marks of the other scorers. */
  othersSubmitted: z.number().int(),
  /** Their marks: null until mine is submitted (managers who are not scorers see them at once). */
  others: z.array(councilOtherMarkDto).nullable(),
  /** mark.save, mark.submit */
  abilities,
});
export type CouncilMarkDto = z.infer<typeof councilMarkDto>;

export const councilMarkInput = z.object({
  entries: z
    .array(z.object({ criterionCode: z.string().trim().min(1).max(LIMITS.codeMax), points: z.number().finite().nullable() }))
    .min(1)
    .max(500),
});
export type CouncilMarkInput = z.infer<typeof councilMarkInput>;

export const councilResultsQuery = z.object({ page, pageSize });

export const councilResultsDto = z.object({
  roundId: z.number().int(),
  roundVersion: z.number().int(),
  roundStatus: z.enum(ROUND_STATUSES),
  k: z.number(),
  scorers: z.array(z.object({ userId: z.number().int(), displayName: z.string(), count: z.number().int(), mean: z.number(), sd: z.number() })),
  items: z.array(
    z.object({
      sheetId: z.number().int(),
      orgName: z.string().nullable(),
      sheetStatus: z.enum(SHEET_STATUSES),
      count: z.number().int(),
      rawMean: z.number(),
      zMean: z.number(),
      marks: z.array(
        z.object({
          scorerId: z.number().int(),
          scorerName: z.string(),
          raw: z.number(),
          z: z.number(),
          outlier: z.boolean(),
          /** Mean of the other scorers' marks for this unit; null with fewer than 2 of them. */
          othersMean: z.number().nullable(),
        }),
      ),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  abilities,
});
export type CouncilResultsDto = z.infer<typeof councilResultsDto>;

export const councilFinalizeInput = z.object({ version: z.number().int().positive() });

export const councilFinalizeDto = z.object({ finalized: z.number().int(), roundVersion: z.number().int() });
export type CouncilFinalizeDto = z.infer<typeof councilFinalizeDto>;
