// Public consultation (công khai, lấy ý kiến; issue 7 item 6, RULES §6.3): an organisation publishes
// the list of proposed awardees with a short achievement summary on its public page for N working
// days; the public sends feedback about each one; officers record how it was handled, and the
// council reads it in its minutes. These are the shapes that cross the API and the limits both the
// forms and the server apply.
import { z } from 'zod';
import { abilities, isoDate, pageQuery, reason } from './common';

export const CONSULTATION_LIMITS = {
  workingDaysDefault: 10,
  workingDaysMin: 1,
  workingDaysMax: 60,
  summaryMax: 1000,
  titleMax: 300,
  itemsMax: 500,
  authorNameMin: 2,
  authorNameMax: 120,
  contactMax: 200,
  bodyMin: 10,
  bodyMax: 4000,
  handlingMax: 4000,
  /** Feedback accepted from one client address per hour and per day. */
  perHour: 5,
  perDay: 20,
  /** How long an ended consultation stays on the public page. */
  publicDaysAfterEnd: 90,
} as const;

/** OPEN and WITHDRAWN are stored; UPCOMING and ENDED are read from the dates. */
export const CONSULTATION_PHASES = ['UPCOMING', 'OPEN', 'ENDED', 'WITHDRAWN'] as const;
export type ConsultationPhase = (typeof CONSULTATION_PHASES)[number];
export const FEEDBACK_STATUSES = ['NEW', 'RELEVANT', 'DISMISSED'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];
export const HANDLED_STATUSES = ['RELEVANT', 'DISMISSED'] as const;

// ── Personal data in a public summary ───────────────────────────────────────────────────────────

/**
 * Twelve digits in a row, possibly grouped by single spaces: looks like a CCCD. Digits grouped by
 * dots are amounts of money ("120.000.000.000 đồng"), not identity numbers.
 */
const CCCD_LIKE = /(?<![\d.,])\d(?: ?\d){11}(?![\d.,]?\d)/;
/**
 * A Vietnamese phone number: 0, 84 or +84, then a network digit (2 for landlines; 3, 5, 7, 8, 9 for
 * mobiles) and eight more digits (nine for a landline), possibly grouped ("0912.345.678",
 * "+84 912 345 678", "028.3822.1234").
 */
const PHONE_LIKE = /(?<![\d+.,])(?:\+84|84|0)[\s.-]?[235789](?:[\s.-]?\d){8,9}(?![\d.,]?\d)/;
const EMAIL_LIKE = /[^\s@]+@[^\s@]+\.[^\s@]+/;

/** What in a text to be published looks like personal data, if anything (the first kind found). */
export function personalDataIn(text: string): 'CCCD' | 'PHONE' | 'EMAIL' | null {
  if (CCCD_LIKE.test(text)) return 'CCCD';
  if (PHONE_LIKE.test(text)) return 'PHONE';
  if (EMAIL_LIKE.test(text)) return 'EMAIL';
  return null;
}

/** A contact the officers can answer: an email address or a Vietnamese phone number. */
export function isContact(value: string): boolean {
  const v = value.trim();
  if (z.email().safeParse(v).success) return true;
  return /^(?:\+84|84|0)[235789]\d{8,9}$/.test(v.replace(/[\s.()-]/g, ''));
}

// ── Officers ────────────────────────────────────────────────────────────────────────────────────

const text = (max: number) => z.string().trim().min(1).max(max);

export const consultationItemInput = z.object({
  nominationId: z.number().int().positive(),
  publicSummary: text(CONSULTATION_LIMITS.summaryMax),
});

export const createConsultationInput = z.object({
  orgId: z.number().int().positive(),
  title: text(CONSULTATION_LIMITS.titleMax),
  meetingId: z.number().int().positive().nullable().default(null),
  /** Default: today in Vietnam. */
  startsOn: isoDate.optional(),
  workingDays: z.number().int().min(CONSULTATION_LIMITS.workingDaysMin).max(CONSULTATION_LIMITS.workingDaysMax).default(CONSULTATION_LIMITS.workingDaysDefault),
  items: z.array(consultationItemInput).min(1).max(CONSULTATION_LIMITS.itemsMax),
});
export type CreateConsultationInput = z.infer<typeof createConsultationInput>;

export const consultationListQuery = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  ...pageQuery.shape,
});
export type ConsultationListQuery = z.infer<typeof consultationListQuery>;

export const withdrawConsultationInput = z.object({ reason });

export const feedbackCounts = z.object({ NEW: z.number().int(), RELEVANT: z.number().int(), DISMISSED: z.number().int() });
export type FeedbackCounts = z.infer<typeof feedbackCounts>;

export const consultationSummaryDto = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  orgCode: z.string(),
  title: z.string(),
  meetingId: z.number().int().nullable(),
  startsOn: isoDate,
  endsOn: isoDate,
  workingDays: z.number().int(),
  phase: z.enum(CONSULTATION_PHASES),
  withdrawnReason: z.string().nullable(),
  itemCount: z.number().int(),
  feedback: feedbackCounts,
  createdAt: z.string(),
  abilities,
});
export type ConsultationSummaryDto = z.infer<typeof consultationSummaryDto>;

export const consultationItemDto = z.object({
  id: z.number().int(),
  nominationId: z.number().int(),
  subjectName: z.string(),
  unitName: z.string(),
  awardCode: z.string(),
  awardName: z.string(),
  publicSummary: z.string(),
  feedback: feedbackCounts,
});
export type ConsultationItemDto = z.infer<typeof consultationItemDto>;

export const consultationDto = consultationSummaryDto.extend({ items: z.array(consultationItemDto) });
export type ConsultationDto = z.infer<typeof consultationDto>;

/** Nominations an organisation may publish: with its council (TO_COUNCIL) and in no running consultation. */
export const consultationCandidateDto = z.object({
  nominationId: z.number().int(),
  subjectName: z.string(),
  unitName: z.string(),
  awardCode: z.string(),
  awardName: z.string(),
  roundTitle: z.string(),
  /** The proposer's own summary, to start the public one from (the officer edits it). */
  achievementSummary: z.string().nullable(),
});
export type ConsultationCandidateDto = z.infer<typeof consultationCandidateDto>;
export const consultationCandidatesQuery = z.object({ orgId: z.coerce.number().int().positive() });

export const feedbackListQuery = z.object({
  status: z.enum(FEEDBACK_STATUSES).optional(),
  itemId: z.coerce.number().int().positive().optional(),
  ...pageQuery.shape,
});
export type FeedbackListQuery = z.infer<typeof feedbackListQuery>;

export const feedbackDto = z.object({
  id: z.number().int(),
  itemId: z.number().int(),
  nominationId: z.number().int(),
  subjectName: z.string(),
  authorName: z.string(),
  contact: z.string(),
  body: z.string(),
  status: z.enum(FEEDBACK_STATUSES),
  handling: z.string().nullable(),
  handledByName: z.string().nullable(),
  handledAt: z.string().nullable(),
  createdAt: z.string(),
  abilities,
});
export type FeedbackDto = z.infer<typeof feedbackDto>;

export const handleFeedbackInput = z.object({
  status: z.enum(HANDLED_STATUSES),
  handling: text(CONSULTATION_LIMITS.handlingMax),
});
export type HandleFeedbackInput = z.infer<typeof handleFeedbackInput>;

// ── Public ──────────────────────────────────────────────────────────────────────────────────────

/** What the public sees of a proposed awardee: never a CCCD, phone, email or birth date. */
export const publicConsultationItemDto = z.object({
  id: z.number().int(),
  subjectName: z.string(),
  unitName: z.string(),
  awardName: z.string(),
  publicSummary: z.string(),
});
export type PublicConsultationItemDto = z.infer<typeof publicConsultationItemDto>;

export const publicConsultationDto = z.object({
  id: z.number().int(),
  title: z.string(),
  startsOn: isoDate,
  endsOn: isoDate,
  workingDays: z.number().int(),
  phase: z.enum(CONSULTATION_PHASES),
  items: z.array(publicConsultationItemDto),
});
export type PublicConsultationDto = z.infer<typeof publicConsultationDto>;

export const publicConsultationPage = z.object({
  org: z.object({ code: z.string(), name: z.string() }),
  items: z.array(publicConsultationDto),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type PublicConsultationPage = z.infer<typeof publicConsultationPage>;

export const publicConsultationQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(20).default(10),
});

export const publicFeedbackInput = z.object({
  authorName: z.string().trim().min(CONSULTATION_LIMITS.authorNameMin).max(CONSULTATION_LIMITS.authorNameMax),
  contact: z.string().trim().min(1).max(CONSULTATION_LIMITS.contactMax).refine(isContact, 'consultations.contactInvalid'),
  body: z.string().trim().min(CONSULTATION_LIMITS.bodyMin).max(CONSULTATION_LIMITS.bodyMax),
});
export type PublicFeedbackInput = z.infer<typeof publicFeedbackInput>;

export const publicFeedbackResult = z.object({ id: z.number().int(), receivedAt: z.string() });
export type PublicFeedbackResult = z.infer<typeof publicFeedbackResult>;
