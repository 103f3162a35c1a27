// Nominations (issue 6): rounds (đợt xét), nominations (đề nghị khen thưởng) with their eligibility
// snapshot and dossier (hồ sơ), submissions (tờ trình) between levels and their appraisal (thẩm định),
// and opinions of related agencies. The rules live in src/domain/nominations; these are the shapes
// that cross the API.
import { z } from 'zod';
import { abilities, isoDate, pageQuery, reason } from './common';
import { ELIGIBILITY_STATUSES } from './enums';
import { LIMITS } from './limits';
import { evaluationResult } from './eligibility';

export const ROUND_KINDS = ['ANNUAL', 'THEMATIC', 'AD_HOC'] as const;
export type NominationRoundKind = (typeof ROUND_KINDS)[number];
export const NOMINATION_ROUND_STATUSES = ['OPEN', 'CLOSED', 'CANCELLED'] as const;
export const NOMINATION_STATUSES = ['DRAFT', 'IN_REVIEW', 'RETURNED', 'ACCEPTED', 'REJECTED', 'WITHDRAWN', 'TO_COUNCIL', 'COUNCIL_PASSED', 'COUNCIL_FAILED', 'AWARDED'] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];
export const PROCEDURE_KINDS = ['NORMAL', 'SIMPLIFIED'] as const;
export const SUBMISSION_STATUSES = ['DRAFT', 'SUBMITTED', 'RECEIVED', 'UNDER_APPRAISAL', 'RETURNED', 'RESUBMITTED', 'APPRAISED', 'TO_COUNCIL', 'ESCALATED', 'WITHDRAWN'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];
export const ITEM_STATES = ['PENDING', 'ACCEPTED', 'RETURNED', 'FIXED', 'REJECTED', 'WITHDRAWN'] as const;
export const DOC_KINDS = [
  'TO_TRINH',
  'BAO_CAO_THANH_TICH',
  'TOM_TAT_THANH_TICH',
  'BIEN_BAN_BINH_XET',
  'BIEN_BAN_HOI_DONG',
  'XAC_NHAN_SANG_KIEN',
  'XAC_NHAN_THANH_TICH',
  'Y_KIEN_CO_QUAN',
  'KHAC',
] as const;
export type DocKind = (typeof DOC_KINDS)[number];
export const DOC_STATUSES = ['ACTIVE', 'SUPERSEDED', 'REVOKED'] as const;
export const OPINION_OUTCOMES = ['AGREE', 'OBJECT'] as const;
export const SUBMISSION_ACTIONS = ['submit', 'withdraw', 'receive', 'start', 'return', 'resubmit', 'finish', 'to-council', 'escalate'] as const;
export type SubmissionActionPath = (typeof SUBMISSION_ACTIONS)[number];
export const ITEM_DECISIONS = ['ACCEPT', 'RETURN', 'REJECT', 'FIX', 'WITHDRAW'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const workingDays = z.number().int().min(0).max(250);

// ── Rounds ─────────────────────────────────────────────────────────────────────────────────────

/** Durations of one level, bottom first: the level is the organisation depth below the organiser (0 = organiser). */
export const roundLevelInput = z.object({
  /** 0 = the organiser, 1 = the units directly below it, 2 = below those … */
  below: z.number().int().min(0).max(6),
  appraisalWorkingDays: workingDays.refine((n) => n >= 1),
  councilWorkingDays: workingDays.default(0),
});

export const roundParameters = z.object({
  /** Bottom first; the last is the organiser (below = 0). */
  levels: z.array(roundLevelInput).min(1).max(6),
  decisionLeadWorkingDays: workingDays.default(5),
  publicPostingWorkingDays: workingDays.default(0),
  /**
   * Appraisal time of a simplified-procedure submission (đột xuất, cống hiến, niên hạn, đối ngoại) at
   * every level: the shorter path. No legal figure was found (RULES §6.4): a documented default.
   */
  simplifiedAppraisalWorkingDays: workingDays.refine((n) => n >= 1).default(5),
  /** Working days a consulted agency has to answer (RULES §6.4: 10). */
  opinionWorkingDays: workingDays.default(10),
  /** Shares the organiser wants among persons proposed (what-if warnings), e.g. 0.5; null = none. */
  minNonLeaderShare: z.number().min(0).max(1).nullable().default(null),
  minDirectWorkerShare: z.number().min(0).max(1).nullable().default(null),
});
export type RoundParameters = z.infer<typeof roundParameters>;

export const createNominationRoundInput = z.object({
  orgId: z.number().int().positive(),
  year: z.number().int().min(2000).max(2100),
  title: text(LIMITS.nameMax * 2),
  kind: z.enum(ROUND_KINDS),
  movementId: z.number().int().positive().nullable().default(null),
  ceremonyDate: isoDate,
  awardCodes: z.array(z.string().trim().min(1).max(LIMITS.codeMax)).min(1).max(40),
  parameters: roundParameters,
});
export type CreateNominationRoundInput = z.infer<typeof createNominationRoundInput>;

export const closeNominationRoundInput = z.object({ version: z.number().int().positive(), reason, cancel: z.boolean().default(false) });

export const levelScheduleDto = z.object({
  below: z.number().int(),
  /** Name of the typical kind of unit at this level ("Công đoàn cơ sở"). */
  label: z.string(),
  dossiersDueAt: isoDate,
  appraisalEndsOn: isoDate,
  publicPostingStartsOn: isoDate.nullable(),
  councilOn: isoDate,
  forwardBy: isoDate,
});

export const nominationRoundDto = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  year: z.number().int(),
  title: z.string(),
  kind: z.enum(ROUND_KINDS),
  movementId: z.number().int().nullable(),
  ceremonyDate: isoDate,
  decisionOn: isoDate,
  awards: z.array(z.object({ code: z.string(), name: z.string(), subject: z.string(), kind: z.string() })),
  parameters: roundParameters,
  schedule: z.array(levelScheduleDto),
  /** The deadline of the reader's own level: when its dossiers are due (for proposers, the day to send). */
  myDeadline: z.object({ below: z.number().int(), sendBy: isoDate, appraiseBy: isoDate.nullable() }).nullable(),
  status: z.enum(NOMINATION_ROUND_STATUSES),
  closedReason: z.string().nullable(),
  version: z.number().int(),
  counts: z.object({ nominations: z.number().int(), submissions: z.number().int() }),
  abilities,
});
export type NominationRoundDto = z.infer<typeof nominationRoundDto>;

export const nominationRoundListQuery = pageQuery.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(NOMINATION_ROUND_STATUSES).optional(),
});

// ── Nominations ────────────────────────────────────────────────────────────────────────────────

export const createNominationInput = z
  .object({
    roundId: z.number().int().positive(),
    /** The proposing unit; defaults to the person's unit (or the unit's parent for a collective). */
    proposerOrgId: z.number().int().positive().optional(),
    personId: z.number().int().positive().optional(),
    subjectOrgId: z.number().int().positive().optional(),
    awardCode: text(LIMITS.codeMax),
    procedure: z.enum(PROCEDURE_KINDS).default('NORMAL'),
    achievementSummary: z.string().trim().max(20_000).nullable().default(null),
    achievementRefs: z.array(z.string().trim().min(1).max(80)).max(50).default([]),
    justification: z.string().trim().max(LIMITS.textMax).nullable().default(null),
  })
  .refine((v) => (v.personId === undefined) !== (v.subjectOrgId === undefined), { message: 'nominations.api.subjectOne', path: ['personId'] });
export type CreateNominationInput = z.infer<typeof createNominationInput>;

export const updateNominationInput = z.object({
  version: z.number().int().positive(),
  awardCode: text(LIMITS.codeMax).optional(),
  procedure: z.enum(PROCEDURE_KINDS).optional(),
  achievementSummary: z.string().trim().max(20_000).nullable().optional(),
  achievementRefs: z.array(z.string().trim().min(1).max(80)).max(50).optional(),
  justification: z.string().trim().max(LIMITS.textMax).nullable().optional(),
});
export type UpdateNominationInput = z.infer<typeof updateNominationInput>;

export const withdrawNominationInput = z.object({ version: z.number().int().positive(), reason });

export const conflictDto = z.object({ code: z.string(), otherNominationId: z.number().int().nullable(), text: z.string() });

export const checklistItemDto = z.object({
  kind: z.enum(DOC_KINDS),
  label: z.string(),
  required: z.boolean(),
  /** SUBMISSION: provided by the tờ trình of the batch, generated by Vinh Danh. */
  scope: z.enum(['NOMINATION', 'SUBMISSION']),
  copies: z.number().int(),
  present: z.number().int(),
});

export const nominationSummaryDto = z.object({
  id: z.number().int(),
  roundId: z.number().int(),
  proposerOrgId: z.number().int(),
  proposerOrgName: z.string(),
  subjectKind: z.enum(['PERSON', 'UNIT']),
  personId: z.number().int().nullable(),
  subjectOrgId: z.number().int().nullable(),
  subjectName: z.string(),
  subjectUnitName: z.string(),
  awardCode: z.string(),
  awardName: z.string(),
  procedure: z.enum(PROCEDURE_KINDS),
  eligibilityStatus: z.enum(ELIGIBILITY_STATUSES),
  hasJustification: z.boolean(),
  status: z.enum(NOMINATION_STATUSES),
  holderOrgId: z.number().int(),
  holderOrgName: z.string(),
  submissionId: z.number().int().nullable(),
  missingDocuments: z.number().int(),
  conflicts: z.number().int(),
  isLeader: z.boolean().nullable(),
  isDirectWorker: z.boolean().nullable(),
  updatedAt: z.string(),
});
export type NominationSummaryDto = z.infer<typeof nominationSummaryDto>;

export const nominationEventDto = z.object({
  kind: z.string(),
  text: z.string(),
  reason: z.string().nullable(),
  orgName: z.string().nullable(),
  actorName: z.string().nullable(),
  occurredAt: z.string(),
});

export const nominationDocumentDto = z.object({
  id: z.number().int(),
  kind: z.enum(DOC_KINDS),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  status: z.enum(DOC_STATUSES),
  revokedReason: z.string().nullable(),
  supersedesId: z.number().int().nullable(),
  uploadedByName: z.string().nullable(),
  uploadedAt: z.string(),
  downloadUrl: z.string(),
  abilities,
});
export type NominationDocumentDto = z.infer<typeof nominationDocumentDto>;

export const opinionDto = z.object({
  id: z.number().int(),
  agency: z.string(),
  question: z.string(),
  dueOn: isoDate,
  requestedAt: z.string(),
  requestedByName: z.string().nullable(),
  /** WAITING until answered; NO_ANSWER once the due day has passed without an answer. */
  state: z.enum(['WAITING', 'ANSWERED', 'NO_ANSWER']),
  outcome: z.enum(OPINION_OUTCOMES).nullable(),
  answer: z.string().nullable(),
  answeredOn: isoDate.nullable(),
  abilities,
});
export type OpinionDto = z.infer<typeof opinionDto>;

export const nominationDto = nominationSummaryDto.extend({
  version: z.number().int(),
  year: z.number().int(),
  roundTitle: z.string(),
  achievementSummary: z.string().nullable(),
  achievementRefs: z.array(z.string()),
  justification: z.string().nullable(),
  eligibility: evaluationResult,
  eligibilityCheckedAt: z.string(),
  checklist: z.array(checklistItemDto),
  missing: z.array(z.string()),
  documents: z.array(nominationDocumentDto),
  conflictList: z.array(conflictDto),
  events: z.array(nominationEventDto),
  opinions: z.array(opinionDto),
  /** The reader is the nominee or in the nominee's unit: they may read but not appraise it. */
  recused: z.boolean(),
  abilities,
});
export type NominationDto = z.infer<typeof nominationDto>;

export const nominationListQuery = pageQuery.extend({
  roundId: z.coerce.number().int().positive().optional(),
  /** Nominations proposed by units in this subtree. */
  orgId: z.coerce.number().int().positive().optional(),
  status: z.enum(NOMINATION_STATUSES).optional(),
  eligibility: z.enum(ELIGIBILITY_STATUSES).optional(),
  awardCode: z.string().trim().max(LIMITS.codeMax).optional(),
  /** Diacritic-insensitive search in the subject's name. */
  q: z.string().trim().max(100).optional(),
  /** Only those not yet in any submission (to build a batch). */
  unsubmitted: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type NominationListQuery = z.infer<typeof nominationListQuery>;

// ── Dossier ────────────────────────────────────────────────────────────────────────────────────

export const documentUploadFields = z.object({
  kind: z.enum(DOC_KINDS),
  supersedesId: z.coerce.number().int().positive().optional(),
});
export const revokeDocumentInput = z.object({ reason });

// ── Opinions of related agencies ───────────────────────────────────────────────────────────────

export const requestOpinionInput = z.object({
  agency: text(LIMITS.nameMax),
  question: text(LIMITS.textMax),
  /** Defaults to the round's opinionWorkingDays after today. */
  dueOn: isoDate.optional(),
});
export const answerOpinionInput = z.object({
  outcome: z.enum(OPINION_OUTCOMES),
  answer: text(LIMITS.textMax),
  answeredOn: isoDate,
});

// ── Submissions (tờ trình) ─────────────────────────────────────────────────────────────────────

export const createSubmissionInput = z.object({
  roundId: z.number().int().positive(),
  /** The sending unit; its parent receives the submission. */
  fromOrgId: z.number().int().positive(),
  title: text(LIMITS.nameMax * 2).optional(),
  note: z.string().trim().max(LIMITS.textMax).nullable().default(null),
  nominationIds: z.array(z.number().int().positive()).min(1).max(2000),
});
export type CreateSubmissionInput = z.infer<typeof createSubmissionInput>;

export const submissionActionParams = z.object({ id: z.coerce.number().int().positive(), action: z.enum(SUBMISSION_ACTIONS) });
export const submissionActionInput = z.object({ version: z.number().int().positive(), reason: z.string().trim().max(LIMITS.textMax).optional() });

export const itemDecisionInput = z.object({
  decision: z.enum(ITEM_DECISIONS),
  /** Required for RETURN, REJECT and WITHDRAW. */
  reason: z.string().trim().max(LIMITS.textMax).optional(),
});

export const submissionItemDto = z.object({
  id: z.number().int(),
  position: z.number().int(),
  state: z.enum(ITEM_STATES),
  reason: z.string().nullable(),
  nomination: nominationSummaryDto,
  recused: z.boolean(),
  /** Opinions asked and still waiting. */
  opinionsWaiting: z.number().int(),
});

export const submissionSummaryDto = z.object({
  id: z.number().int(),
  roundId: z.number().int(),
  roundTitle: z.string(),
  fromOrgId: z.number().int(),
  fromOrgName: z.string(),
  toOrgId: z.number().int(),
  toOrgName: z.string(),
  title: z.string(),
  procedure: z.enum(PROCEDURE_KINDS),
  status: z.enum(SUBMISSION_STATUSES),
  items: z.number().int(),
  itemsReturned: z.number().int(),
  dueOn: isoDate.nullable(),
  /** Working days left before dueOn (negative when overdue); null without a due day. */
  workingDaysLeft: z.number().int().nullable(),
  overdue: z.boolean(),
  submittedAt: z.string().nullable(),
  escalatedFromId: z.number().int().nullable(),
});
export type SubmissionSummaryDto = z.infer<typeof submissionSummaryDto>;

export const submissionDto = submissionSummaryDto.extend({
  version: z.number().int(),
  note: z.string().nullable(),
  returnReason: z.string().nullable(),
  receivedAt: z.string().nullable(),
  appraisedAt: z.string().nullable(),
  lines: z.array(submissionItemDto),
  /** Problems that stop submitting (missing documents, unjustified not-eligible nominations). */
  problems: z.array(z.string()),
  abilities,
});
export type SubmissionDto = z.infer<typeof submissionDto>;

export const submissionListQuery = pageQuery.extend({
  roundId: z.coerce.number().int().positive().optional(),
  /** INBOX: submissions to the reader's organisations waiting for appraisal; SENT: from them. */
  box: z.enum(['INBOX', 'SENT', 'ALL']).default('ALL'),
  status: z.enum(SUBMISSION_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type SubmissionListQuery = z.infer<typeof submissionListQuery>;

// ── What-if ────────────────────────────────────────────────────────────────────────────────────

export const whatIfQuery = z.object({
  roundId: z.coerce.number().int().positive(),
  orgId: z.coerce.number().int().positive(),
  /** Only these nominations (a batch being built); default every active one of the unit. */
  ids: z
    .string()
    .regex(/^\d+(,\d+)*$/)
    .transform((s) => s.split(',').map(Number))
    .optional(),
});

export const whatIfDto = z.object({
  total: z.number().int(),
  persons: z.number().int(),
  units: z.number().int(),
  leaders: z.number().int(),
  nonLeaders: z.number().int(),
  directWorkers: z.number().int(),
  women: z.number().int(),
  notEligible: z.number().int(),
  nonLeaderShare: z.number().nullable(),
  directWorkerShare: z.number().nullable(),
  womenShare: z.number().nullable(),
  byAward: z.array(z.object({ awardCode: z.string(), awardName: z.string(), proposed: z.number().int(), allowed: z.number().int().nullable(), over: z.number().int() })),
  warnings: z.array(z.string()),
});
export type WhatIfDto = z.infer<typeof whatIfDto>;
