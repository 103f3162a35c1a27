// Emulation registrations (đăng ký thi đua): at the start of a year or a movement, units register
// collective titles and members individual titles; the directly superior union approves or returns.
import { z } from 'zod';
import { abilities, isoDate, reason } from './common';
import { LIMITS } from './limits';

export const REVIEW_STATUSES = ['SUBMITTED', 'APPROVED', 'RETURNED'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const REGISTRATION_STATUSES = ['ACTIVE', 'REVOKED', 'SUPERSEDED'] as const;
export const REGISTRATION_SUBJECTS = ['UNIT', 'PERSON'] as const;
export const REVIEW_DECISIONS = ['APPROVE', 'RETURN'] as const;

/** Rows a single bulk registration or import may carry. */
export const REGISTRATION_MAX_ROWS = 5000;
export const REGISTRATION_IMPORT_MAX_BYTES = 5 * 1024 * 1024;

const year = z.number().int().min(2000).max(2100);
const awardCode = z.string().trim().min(1).max(LIMITS.codeMax);
const note = z.string().trim().max(LIMITS.textMax).nullable().optional();
const positive = z.number().int().positive();

export const createRegistrationInput = z
  .object({ orgId: positive.optional(), personId: positive.optional(), year, awardCode, movementId: positive.nullable().optional(), note })
  .refine((v) => (v.orgId === undefined) !== (v.personId === undefined), { message: 'registration.subjectMissing', path: ['orgId'] });
export type CreateRegistrationInput = z.infer<typeof createRegistrationInput>;

export const bulkRegistrationInput = z.object({
  unitId: positive,
  year,
  movementId: positive.nullable().optional(),
  unitAwardCodes: z.array(awardCode).max(20).default([]),
  members: z.array(z.object({ personId: positive, awardCode })).max(REGISTRATION_MAX_ROWS).default([]),
  note,
});
export type BulkRegistrationInput = z.infer<typeof bulkRegistrationInput>;

export const reviewRegistrationsInput = z
  .object({ ids: z.array(positive).min(1).max(LIMITS.pageSizeMax), decision: z.enum(REVIEW_DECISIONS), reason: z.string().trim().max(LIMITS.textMax).optional() })
  .refine((v) => v.decision !== 'RETURN' || (v.reason ?? '').length >= LIMITS.reasonMin, { message: 'registration.returnReason', path: ['reason'] });
export type ReviewRegistrationsInput = z.infer<typeof reviewRegistrationsInput>;

/** Corrects a registration not yet approved: the corrected one replaces it and waits for review again. */
export const correctRegistrationInput = z.object({ awardCode, note });
export type CorrectRegistrationInput = z.infer<typeof correctRegistrationInput>;

export const withdrawRegistrationInput = z.object({ reason });

/** One error of a bulk registration or an import: `row` is the sheet row (imports) or the list index + 1. */
export const registrationItemError = z.object({ row: z.number().int(), personId: z.number().int().nullable(), message: z.string() });
export type RegistrationItemError = z.infer<typeof registrationItemError>;

export const registrationDto = z.object({
  id: z.number().int(),
  subject: z.enum(REGISTRATION_SUBJECTS),
  personId: z.number().int().nullable(),
  orgId: z.number().int().nullable(),
  /** The person's full name or the unit's name. */
  subjectName: z.string(),
  memberCode: z.string().nullable(),
  unitId: z.number().int(),
  unitName: z.string(),
  year: z.number().int(),
  awardCode: z.string(),
  awardName: z.string(),
  movementId: z.number().int().nullable(),
  movementTitle: z.string().nullable(),
  registeredOn: isoDate,
  status: z.enum(REGISTRATION_STATUSES),
  reviewStatus: z.enum(REVIEW_STATUSES),
  reviewReason: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
  note: z.string().nullable(),
  abilities,
});
export type RegistrationDto = z.infer<typeof registrationDto>;

export const registrationListQuery = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  movementId: z.coerce.number().int().positive().optional(),
  reviewStatus: z.enum(REVIEW_STATUSES).optional(),
  awardCode: z.string().trim().max(LIMITS.codeMax).optional(),
  subject: z.enum(REGISTRATION_SUBJECTS).optional(),
  /** ACTIVE by default; withdrawn and replaced ones on request. */
  status: z.enum(REGISTRATION_STATUSES).default('ACTIVE'),
  q: z.string().trim().max(LIMITS.nameMax).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
});
export type RegistrationListQuery = z.infer<typeof registrationListQuery>;

export const registrationSummary = z.object({
  total: z.number().int(),
  byReview: z.record(z.enum(REVIEW_STATUSES), z.number().int()),
  byAward: z.array(z.object({ awardCode: z.string(), awardName: z.string(), submitted: z.number().int(), approved: z.number().int(), returned: z.number().int() })),
});

/** The awards a unit may register for itself and for its members in a year (or movement), for the form. */
export const registrationOptionsQuery = z.object({
  unitId: z.coerce.number().int().positive(),
  year: z.coerce.number().int().min(2000).max(2100),
  movementId: z.coerce.number().int().positive().optional(),
});
const awardOption = z.object({ code: z.string(), name: z.string() });
export const registrationOptions = z.object({
  unitId: z.number().int(),
  unitName: z.string(),
  unitAwards: z.array(awardOption),
  memberAwards: z.array(awardOption),
  members: z.array(z.object({ personId: z.number().int(), memberCode: z.string().nullable(), fullName: z.string(), unitName: z.string() })),
  canRegister: z.boolean(),
});
export type RegistrationOptions = z.infer<typeof registrationOptions>;

export const registrationTemplateQuery = z.object({ unitId: z.coerce.number().int().positive(), year: z.coerce.number().int().min(2000).max(2100), movementId: z.coerce.number().int().positive().optional() });

export const importRegistrationsResult = z.object({ created: z.number().int() });
export const bulkRegistrationResult = z.object({ created: z.number().int(), ids: z.array(z.number().int()) });
