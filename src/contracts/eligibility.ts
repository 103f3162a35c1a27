// The facts the eligibility engine reads, and the answer it gives. One JSON format serves the
// database loader, the what-if API (`POST /api/v1/eligibility/evaluate`), the CLI
// (`vinhdanh eligibility --facts FILE.json`) and the browser. See docs/eligibility.md.
import { z } from 'zod';
import { isoDate } from './common';
import {
  ABSENCE_REASONS,
  AWARD_KINDS,
  DISCIPLINE_LEVELS,
  EDUCATION_LEVELS,
  ELIGIBILITY_STATUSES,
  INITIATIVE_SCOPES,
  ORG_STATUSES,
  PENDING_CASE_KINDS,
  RATINGS,
  REASON_OUTCOMES,
  UNION_WORK_CATEGORIES,
} from './enums';

const year = z.number().int().min(1945).max(2100);
const ref = z.union([z.number().int(), z.string().max(80)]).optional().describe('Id of the record in Vinh Danh, if any');

export const awardFact = z
  .object({
    id: ref,
    code: z.string().min(1).max(40).describe('Award code from the catalogue, e.g. CSTD_CS'),
    year: year.describe('Year of the achievement the award recognises'),
    kind: z.enum(AWARD_KINDS).optional().describe('Defaults to the catalogue kind of the code'),
    decisionNumber: z.string().max(80).optional(),
    decisionDate: isoDate.optional(),
    issuer: z.string().max(200).optional(),
  })
  .describe('An award already received (revoked awards are not facts)');

export const ratingFact = z.object({ id: ref, year, rating: z.enum(RATINGS) }).describe('Yearly performance rating (xếp loại)');

export const initiativeFact = z
  .object({
    id: ref,
    title: z.string().max(500).optional(),
    recognisedOn: isoDate.describe('Date the competent body recognised it'),
    recognisedBy: z.string().max(200).optional(),
    scope: z.enum(INITIATIVE_SCOPES),
    applied: z.boolean().default(true).describe('Applied effectively (áp dụng hiệu quả)'),
    benefitValueVnd: z.number().int().min(0).optional().describe('Giá trị làm lợi, for Bằng Lao động sáng tạo'),
  })
  .describe('A recognised initiative (sáng kiến)');

export const researchFact = z
  .object({
    id: ref,
    title: z.string().max(500).optional(),
    acceptedOn: isoDate.describe('Date of acceptance (nghiệm thu)'),
    scope: z.enum(INITIATIVE_SCOPES),
    applied: z.boolean().default(true),
  })
  .describe('A scientific topic or project accepted and applied (đề tài khoa học)');

export const disciplineFact = z
  .object({ id: ref, level: z.enum(DISCIPLINE_LEVELS), from: isoDate, to: isoDate.optional().describe('End of the discipline period; open if absent') })
  .describe('A disciplinary measure and its period');

export const absenceFact = z.object({ id: ref, reason: z.enum(ABSENCE_REASONS), from: isoDate, to: isoDate }).describe('A long absence from work');

export const pendingCaseFact = z
  .object({ id: ref, kind: z.enum(PENDING_CASE_KINDS), openedOn: isoDate, closedOn: isoDate.optional() })
  .describe('Discipline, investigation, inspection, complaint or denunciation being handled');

export const registrationFact = z.object({ id: ref, year, code: z.string().min(1).max(40) }).describe('Emulation registration (đăng ký thi đua)');

export const unitStatsFact = z
  .object({
    year,
    members: z.number().int().min(0).describe('Members assessed that year'),
    completed: z.number().int().min(0).describe('Members rated HTNV or better'),
    ldtt: z.number().int().min(0).describe('Members who are Lao động tiên tiến that year'),
    cstdcs: z.number().int().min(0).describe('Members who are Chiến sĩ thi đua cơ sở that year'),
    disciplinedWarningOrAbove: z.number().int().min(0).describe('Members disciplined at cảnh cáo or above that year'),
  })
  .describe('Yearly figures of a collective, reported or computed from its members');

export const clusterLeadFact = z
  .object({ id: ref, year, cluster: z.string().max(200).optional(), level: z.enum(['UPPER', 'PROVINCE', 'CENTRAL']).default('PROVINCE') })
  .describe('The collective led its emulation cluster or block (dẫn đầu cụm, khối thi đua)');

const personFacts = z.object({
  subject: z.literal('INDIVIDUAL'),
  id: ref,
  name: z.string().max(200).optional(),
  serviceStartDate: isoDate.optional().describe('Date recruited (tuyển dụng) at the current employer'),
  isLeader: z.boolean().optional(),
  isDirectWorker: z.boolean().optional(),
  gender: z.enum(['MALE', 'FEMALE']).optional(),
  educationLevel: z.enum(EDUCATION_LEVELS).optional(),
  unionWorkCategory: z.enum(UNION_WORK_CATEGORIES).optional(),
  unionWorkYears: z.number().min(0).max(80).optional().describe('Years of union work, continuous or cumulative'),
  awards: z.array(awardFact).max(500).default([]),
  ratings: z.array(ratingFact).max(200).default([]),
  initiatives: z.array(initiativeFact).max(500).default([]),
  research: z.array(researchFact).max(200).default([]),
  disciplines: z.array(disciplineFact).max(100).default([]),
  absences: z.array(absenceFact).max(200).default([]),
  pendingCases: z.array(pendingCaseFact).max(100).default([]),
  registrations: z.array(registrationFact).max(200).default([]),
});

const unitFacts = z.object({
  subject: z.literal('COLLECTIVE'),
  id: ref,
  name: z.string().max(200).optional(),
  status: z.enum(ORG_STATUSES).default('ACTIVE'),
  endedOn: isoDate.optional().describe('Date the unit ended or merged (no award to a dissolved unit)'),
  awards: z.array(awardFact).max(500).default([]),
  ratings: z.array(ratingFact).max(200).default([]),
  disciplines: z.array(disciplineFact).max(100).default([]),
  pendingCases: z.array(pendingCaseFact).max(100).default([]),
  registrations: z.array(registrationFact).max(200).default([]),
  stats: z.array(unitStatsFact).max(100).default([]),
  clusterLeads: z.array(clusterLeadFact).max(100).default([]),
});

export const candidateFacts = z.discriminatedUnion('subject', [personFacts, unitFacts]);
export type CandidateFacts = z.infer<typeof candidateFacts>;
export type PersonFacts = z.infer<typeof personFacts>;
export type UnitFacts = z.infer<typeof unitFacts>;
export type AwardFact = z.infer<typeof awardFact>;
export type InitiativeFact = z.infer<typeof initiativeFact>;

/** A parameter override for a what-if: `{ "CSTD_CS.QUOTA.maxShareOfLdtt": 0.2 }`. */
export const parameterOverrides = z.record(z.string().max(120), z.union([z.number(), z.boolean(), z.string().max(200), z.null()]));

export const evaluateRequest = z.object({
  target: z.string().min(1).max(40).describe('Award code to evaluate, e.g. CSTD_CS'),
  year: year.describe('The year of achievement being considered'),
  referenceDate: isoDate.optional().describe('Date whose rules apply; defaults to 31 December of `year`'),
  candidate: candidateFacts,
  parameters: parameterOverrides.optional().describe('What-if overrides of rule parameters'),
});
export type EvaluateRequest = z.infer<typeof evaluateRequest>;

export const citation = z.object({ document: z.string(), article: z.string().nullable() });

export const reasonSchema = z.object({
  ruleId: z.string(),
  outcome: z.enum(REASON_OUTCOMES),
  /** Catalogue key and parameters; `text` is the rendered sentence in the requested language. */
  messageKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  text: z.string(),
  citation,
  verified: z.boolean(),
  /** Ids of the records the rule used. */
  evidence: z.array(z.union([z.number(), z.string()])),
});
export type ReasonDto = z.infer<typeof reasonSchema>;

export const evaluationResult = z.object({
  target: z.string(),
  year: z.number().int(),
  referenceDate: isoDate,
  status: z.enum(ELIGIBILITY_STATUSES),
  rulePacks: z.array(z.object({ id: z.string(), name: z.string() })),
  reasons: z.array(reasonSchema),
  parameters: z.record(z.string(), z.union([z.number(), z.boolean(), z.string(), z.null()])),
});
export type EvaluationResult = z.infer<typeof evaluationResult>;

// ── Stored candidates and batches ────────────────────────────────────────────────────────────────

export const candidateQuery = z.object({
  target: z.string().min(1).max(40),
  year: z.coerce.number().int().min(1945).max(2100),
  referenceDate: isoDate.optional(),
});

export const batchQuery = candidateQuery.extend({
  /** Unit whose subtree is evaluated; defaults to the user's own scope. */
  orgId: z.coerce.number().int().positive().optional(),
  status: z.enum(ELIGIBILITY_STATUSES).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type BatchQuery = z.infer<typeof batchQuery>;

export const batchItem = z.object({
  candidate: z.object({
    kind: z.enum(['PERSON', 'ORGANISATION']),
    id: z.number().int(),
    name: z.string(),
    code: z.string(),
    unitId: z.number().int().nullable(),
    unitName: z.string().nullable(),
  }),
  status: z.enum(ELIGIBILITY_STATUSES),
  /** The first failing or missing reason, rendered: what the list shows in one line. */
  summary: z.string(),
  reasons: z.array(reasonSchema),
});
export type BatchItem = z.infer<typeof batchItem>;

export const quotaLine = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  /** Candidates counted as Lao động tiên tiến in the deciding unit (the quota base). */
  base: z.number().int(),
  eligible: z.number().int(),
  allowed: z.number().int(),
  exceeded: z.boolean(),
});

export const batchResult = z.object({
  target: z.string(),
  year: z.number().int(),
  referenceDate: isoDate,
  items: z.array(batchItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  counts: z.object({ ELIGIBLE: z.number().int(), NOT_ELIGIBLE: z.number().int(), MISSING_EVIDENCE: z.number().int() }),
  /** Quota check per deciding unit, for targets that have a quota (CSTĐCS). */
  quota: z.array(quotaLine),
  evaluated: z.number().int(),
});
export type BatchResult = z.infer<typeof batchResult>;

export const ruleParamDto = z.object({
  key: z.string(),
  value: z.union([z.number(), z.boolean(), z.string(), z.null()]),
  defaultValue: z.union([z.number(), z.boolean(), z.string(), z.null()]),
  type: z.enum(['integer', 'number', 'share', 'boolean', 'enum', 'codes']),
  /** Effective date of the administrator's change in force, when the value is not the default. */
  changedFrom: isoDate.nullable(),
});

export const rulePackDto = z.object({
  id: z.string(),
  name: z.string(),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  sources: z.array(z.string()),
  rules: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      targets: z.array(z.string()),
      citation,
      verified: z.boolean(),
      params: z.array(ruleParamDto),
    }),
  ),
});
export type RulePackDto = z.infer<typeof rulePackDto>;

export const setParameterBody = z.object({
  packId: z.string().min(1).max(40),
  key: z.string().min(1).max(120),
  value: z.union([z.number(), z.boolean(), z.string().max(200), z.null()]),
  effectiveFrom: isoDate,
  reason: z.string().trim().min(5).max(2000),
});
