// Records the eligibility engine reads (awards received, ratings, initiatives, discipline…), kept
// per person or per unit, and the timeline that shows them. A record is never deleted: it is
// revoked or superseded by a corrected one, with a reason.
import { z } from 'zod';
import { abilities, isoDate, reason } from './common';
import {
  ABSENCE_REASONS, DISCIPLINE_LEVELS, EDUCATION_LEVELS, INITIATIVE_SCOPES, PENDING_CASE_KINDS, RATINGS, RECORD_KINDS, RECORD_SOURCES,
  RECORD_STATUSES, UNION_WORK_CATEGORIES,
} from './enums';
import { importJob, importRowError } from './imports';
import { LIMITS } from './limits';

/** Years a record may refer to: from 1945 to next year (registrations are made ahead). */
export const RECORD_YEAR_MIN = 1945;
export const recordYearMax = (today: Date = new Date()) => today.getFullYear() + 1;

/** Kinds kept only for units. */
export const UNIT_ONLY_RECORD_KINDS = ['CLUSTER_LEAD', 'UNIT_STATS'] as const;
export const PERSON_RECORD_KINDS = RECORD_KINDS.filter((k) => !(UNIT_ONLY_RECORD_KINDS as readonly string[]).includes(k));

const year = z.number().int();
const text = (max: number = LIMITS.nameMax) => z.string().trim().min(1).max(max);
const optText = (max: number = LIMITS.nameMax) => z.string().trim().max(max).nullish();
const count = z.number().int().min(0).max(10_000_000);

/** The values of each kind of record (what a user enters; what a record shows). */
export const RECORD_FIELDS = {
  AWARD: {
    awardCode: text(LIMITS.codeMax),
    year,
    decisionNumber: optText(100),
    decisionDate: isoDate.nullish(),
    issuerName: optText(),
    issuerOrgId: z.number().int().positive().nullish(),
  },
  RATING: { year, rating: z.enum(RATINGS) },
  INITIATIVE: {
    title: text(LIMITS.textMax),
    recognisedBy: text(),
    recognisedOn: isoDate,
    scope: z.enum(INITIATIVE_SCOPES),
    applied: z.boolean().default(true),
    benefitValueVnd: z.number().int().min(0).max(1e15).nullish(),
    decisionNumber: optText(100),
  },
  RESEARCH: { title: text(LIMITS.textMax), acceptedOn: isoDate, scope: z.enum(INITIATIVE_SCOPES), applied: z.boolean().default(true) },
  DISCIPLINE: { level: z.enum(DISCIPLINE_LEVELS), validFrom: isoDate, validTo: isoDate.nullish(), decisionNumber: optText(100), issuerName: optText() },
  ABSENCE: { absenceReason: z.enum(ABSENCE_REASONS), validFrom: isoDate, validTo: isoDate },
  /** `caseKind`: the record's own `kind` field names the record kind. */
  PENDING_CASE: { caseKind: z.enum(PENDING_CASE_KINDS), openedOn: isoDate, closedOn: isoDate.nullish(), summary: text(LIMITS.textMax) },
  REGISTRATION: { year, awardCode: text(LIMITS.codeMax), registeredOn: isoDate },
  CLUSTER_LEAD: { year, clusterName: text(), level: z.enum(['UPPER', 'PROVINCE', 'CENTRAL']).default('PROVINCE') },
  UNIT_STATS: { year, members: count, completed: count, ldtt: count, cstdcs: count, disciplinedWarningOrAbove: count },
} as const;
export type RecordKindValue = keyof typeof RECORD_FIELDS;

const note = z.string().trim().max(LIMITS.textMax).nullish();

function variants<E extends z.ZodRawShape>(extra: E) {
  return [
    z.object({ kind: z.literal('AWARD'), ...RECORD_FIELDS.AWARD, note, ...extra }),
    z.object({ kind: z.literal('RATING'), ...RECORD_FIELDS.RATING, note, ...extra }),
    z.object({ kind: z.literal('INITIATIVE'), ...RECORD_FIELDS.INITIATIVE, note, ...extra }),
    z.object({ kind: z.literal('RESEARCH'), ...RECORD_FIELDS.RESEARCH, note, ...extra }),
    z.object({ kind: z.literal('DISCIPLINE'), ...RECORD_FIELDS.DISCIPLINE, note, ...extra }),
    z.object({ kind: z.literal('ABSENCE'), ...RECORD_FIELDS.ABSENCE, note, ...extra }),
    z.object({ kind: z.literal('PENDING_CASE'), ...RECORD_FIELDS.PENDING_CASE, note, ...extra }),
    z.object({ kind: z.literal('REGISTRATION'), ...RECORD_FIELDS.REGISTRATION, note, ...extra }),
    z.object({ kind: z.literal('CLUSTER_LEAD'), ...RECORD_FIELDS.CLUSTER_LEAD, note, ...extra }),
    z.object({ kind: z.literal('UNIT_STATS'), ...RECORD_FIELDS.UNIT_STATS, note, ...extra }),
  ] as const;
}

/** `POST /members/:id/records` and `POST /organisations/:id/records`. */
export const createRecordInput = z.discriminatedUnion('kind', variants({}));
export type CreateRecordInput = z.infer<typeof createRecordInput>;

/** `POST /records/:kind/:recordId/supersede`: the corrected values and why. */
export const supersedeRecordInput = z.discriminatedUnion('kind', variants({ reason }));
export type SupersedeRecordInput = z.infer<typeof supersedeRecordInput>;

export const revokeRecordInput = z.object({ reason });
export const closePendingCaseInput = z.object({ closedOn: isoDate, reason });

export const recordParams = z.object({ kind: z.enum(RECORD_KINDS), recordId: z.coerce.number().int().positive() });
export const pendingCaseParams = z.object({ recordId: z.coerce.number().int().positive() });

export const RECORD_SUBJECT_TYPES = ['PERSON', 'UNIT'] as const;

/** A kept record: the values of its kind (`values`) and what every record shares. */
export const recordDto = z.object({
  id: z.number().int(),
  kind: z.enum(RECORD_KINDS),
  subjectType: z.enum(RECORD_SUBJECT_TYPES),
  personId: z.number().int().nullable(),
  orgId: z.number().int().nullable(),
  status: z.enum(RECORD_STATUSES),
  source: z.enum(RECORD_SOURCES),
  note: z.string().nullable(),
  values: z.record(z.string(), z.unknown()),
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
  supersededBy: z.number().int().nullable(),
  createdAt: z.string(),
  abilities,
});
export type RecordDto = z.infer<typeof recordDto>;

export const timelineQuery = z.object({
  /** Also show revoked and superseded records. */
  includeHistory: z.enum(['true', 'false']).transform((v) => v === 'true').default(false),
});

export const timelineItem = recordDto.extend({
  /** Sort key: decision date, recognition date, start of a period, or 31/12 of the year. */
  date: isoDate,
  year: z.number().int(),
  /** Award name, rating label, initiative title… in the user's language. */
  label: z.string(),
});
export type TimelineItem = z.infer<typeof timelineItem>;

/** The person fields the eligibility rules read, shown beside the timeline. */
export const personRecordSummary = z.object({
  serviceStartDate: isoDate.nullable(),
  educationLevel: z.enum(EDUCATION_LEVELS).nullable(),
  unionWorkCategory: z.enum(UNION_WORK_CATEGORIES).nullable(),
  unionWorkYearsBefore: z.number().nullable(),
  /** union_work_years_before + the years of the offices recorded (overlaps counted once). */
  unionWorkYears: z.number(),
});

export const memberTimeline = z.object({ personId: z.number().int(), summary: personRecordSummary, items: z.array(timelineItem) });
export const orgTimeline = z.object({ orgId: z.number().int(), items: z.array(timelineItem) });

// ── XLSX import of records ─────────────────────────────────────────────────────────────────────

export const achievementImportError = importRowError.extend({ sheet: z.string().nullable() });
export type AchievementImportError = z.infer<typeof achievementImportError>;

export const achievementImportJob = importJob.extend({
  kind: z.literal('achievements'),
  errors: z.array(achievementImportError),
  /** Records to create (READY) or created (COMMITTED), per kind. */
  byKind: z.record(z.string(), z.number().int()),
});
export type AchievementImportJob = z.infer<typeof achievementImportJob>;
