// Inspection and supervision (kiểm tra, giám sát) of how subordinate units run emulation movements
// and commendation (issue 9, item 6): a plan of inspections, findings and a conclusion, and
// recommendations followed up against their deadlines.
import { z } from 'zod';
import { abilities, isoDate, pageQuery } from './common';

export const INSPECTION_KINDS = ['INSPECTION', 'SUPERVISION'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];
export const INSPECTION_STATUSES = ['PLANNED', 'DONE', 'CANCELLED'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];
export const RECOMMENDATION_STATUSES = ['OPEN', 'DONE', 'WITHDRAWN'] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

export const INSPECTION_LIMITS = { topicMax: 500, textMax: 10_000, recommendationMax: 1000, reasonMin: 10, reasonMax: 2000, recommendationsMax: 50 } as const;

const topic = z.string().trim().min(5).max(INSPECTION_LIMITS.topicMax);
const longText = z.string().trim().min(10).max(INSPECTION_LIMITS.textMax);
const reason = z.string().trim().min(INSPECTION_LIMITS.reasonMin).max(INSPECTION_LIMITS.reasonMax);
const versioned = { version: z.number().int().positive() };

export const createInspectionInput = z.object({
  /** The inspecting organisation. */
  orgId: z.number().int().positive(),
  /** A unit strictly below it. */
  targetOrgId: z.number().int().positive(),
  kind: z.enum(INSPECTION_KINDS),
  topic,
  plannedOn: isoDate,
});
export type CreateInspectionInput = z.infer<typeof createInspectionInput>;

export const updateInspectionInput = z.object({ ...versioned, topic: topic.optional(), plannedOn: isoDate.optional() });

export const recommendationInput = z.object({ text: z.string().trim().min(5).max(INSPECTION_LIMITS.recommendationMax), dueOn: isoDate });

/** Recorded after the visit: when, what was found, the conclusion and the recommendations with deadlines. */
export const conductInspectionInput = z.object({
  ...versioned,
  conductedOn: isoDate,
  findings: longText,
  conclusion: longText,
  recommendations: z.array(recommendationInput).max(INSPECTION_LIMITS.recommendationsMax),
});
export type ConductInspectionInput = z.infer<typeof conductInspectionInput>;

export const cancelInspectionInput = z.object({ ...versioned, reason });
export const recommendationDoneInput = z.object({ doneOn: isoDate, note: reason });
export const recommendationWithdrawInput = z.object({ reason });

export const inspectionListQuery = pageQuery.extend({
  orgId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(INSPECTION_STATUSES).optional(),
});

export const recommendationListQuery = pageQuery.extend({
  orgId: z.coerce.number().int().positive().optional(),
  /** Only open recommendations past their deadline. */
  overdue: z.enum(['true', 'false']).optional(),
});

export const recommendationDto = z.object({
  id: z.number(),
  inspectionId: z.number(),
  position: z.number(),
  text: z.string(),
  dueOn: z.string(),
  status: z.enum(RECOMMENDATION_STATUSES),
  /** OPEN and past its deadline today. */
  overdue: z.boolean(),
  daysLeft: z.number().nullable(),
  doneOn: z.string().nullable(),
  note: z.string().nullable(),
  targetOrgName: z.string(),
  abilities,
});
export type RecommendationDto = z.infer<typeof recommendationDto>;

export const inspectionDto = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  targetOrgId: z.number(),
  targetOrgName: z.string(),
  year: z.number(),
  kind: z.enum(INSPECTION_KINDS),
  topic: z.string(),
  plannedOn: z.string(),
  status: z.enum(INSPECTION_STATUSES),
  conductedOn: z.string().nullable(),
  findings: z.string().nullable(),
  conclusion: z.string().nullable(),
  cancelledReason: z.string().nullable(),
  recommendations: z.array(recommendationDto),
  /** Counts for lists: open, of which overdue, and done. */
  counts: z.object({ open: z.number(), overdue: z.number(), done: z.number() }),
  version: z.number(),
  abilities,
});
export type InspectionDto = z.infer<typeof inspectionDto>;
export const inspectionSummaryDto = inspectionDto.omit({ recommendations: true, findings: true, conclusion: true });
export type InspectionSummaryDto = z.infer<typeof inspectionSummaryDto>;
