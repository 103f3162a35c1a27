// Exemplary stories (gương điển hình tiên tiến, người tốt việc tốt — issue 9, item 2): a story about a
// person or a collective, written, reviewed and published on the organisation's public site with
// the subject's consent and nothing personal in it; photos re-encoded without metadata; credits for
// those who discovered, wrote and publicised it.
import { z } from 'zod';
import { abilities, isoDate, pageQuery } from './common';
import { STORY_STATUSES } from '../domain/stories/workflow';
import { PERSONAL_DATA_KINDS } from '../domain/stories/personal-data';

export { STORY_STATUSES };
export type { StoryStatus } from '../domain/stories/workflow';
export const STORY_SUBJECT_KINDS = ['PERSON', 'COLLECTIVE'] as const;
export const CONSENT_METHODS = ['WRITTEN', 'ONLINE', 'VERBAL_WITNESSED'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];
/** FOSTERED belongs to exemplary models; a story credits discovery, writing and publicity. */
export const STORY_CREDIT_ROLES = ['DISCOVERED', 'WROTE', 'PUBLICISED'] as const;
export type StoryCreditRole = (typeof STORY_CREDIT_ROLES)[number];

export const STORY_LIMITS = {
  nameMax: 200,
  unitMax: 300,
  titleMin: 5,
  titleMax: 200,
  summaryMax: 400,
  bodyMax: 20_000,
  noteMax: 2000,
  reasonMin: 10,
  reasonMax: 2000,
  altMin: 5,
  altMax: 300,
  captionMax: 500,
  /** One uploaded photo, before it is re-encoded. */
  photoMaxBytes: 10 * 1024 * 1024,
  /** Active photos of one story. */
  photosMax: 12,
  /** The longer side of a kept photo, in pixels. */
  photoMaxSide: 1600,
} as const;

/** Zero-width, bidirectional-override and control characters (except new lines and tabs) carry nothing a reader should see. */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const text = (min: number, max: number) =>
  z
    .string()
    .max(max * 2)
    .transform((v) => v.replace(INVISIBLE, '').replace(/\r\n?/g, '\n').normalize('NFC').trim())
    .pipe(z.string().min(min).max(max));
const id = z.number().int().positive();
const versioned = { version: z.number().int().positive() };

/** A story's subject and text; a member or a unit on record fills the name and unit when those are left empty. */
export const storyFields = z.object({
  subjectKind: z.enum(STORY_SUBJECT_KINDS),
  personId: id.nullable().optional(),
  subjectOrgId: id.nullable().optional(),
  subjectName: text(0, STORY_LIMITS.nameMax).optional(),
  subjectUnit: text(0, STORY_LIMITS.unitMax).optional(),
  title: text(STORY_LIMITS.titleMin, STORY_LIMITS.titleMax),
  summary: text(1, STORY_LIMITS.summaryMax),
  body: text(1, STORY_LIMITS.bodyMax),
  movementId: id.nullable().optional(),
  decisionId: id.nullable().optional(),
  /** The entry of the model register the story is about (readable by the story's organisation). */
  modelId: id.nullable().optional(),
});
export const createStoryInput = storyFields.extend({ orgId: id });
export type CreateStoryInput = z.infer<typeof createStoryInput>;
export const updateStoryInput = storyFields.extend(versioned);
export type UpdateStoryInput = z.infer<typeof updateStoryInput>;

export const storyVersionInput = z.object(versioned);
export const storyReasonInput = z.object({ ...versioned, reason: text(STORY_LIMITS.reasonMin, STORY_LIMITS.reasonMax) });
export const storyConsentInput = z.object({ ...versioned, consentOn: isoDate, method: z.enum(CONSENT_METHODS), note: text(0, STORY_LIMITS.noteMax).optional() });

/** The text fields sent before the file in `POST /stories/:id/photos`. */
export const storyPhotoFields = z.object({ altText: text(STORY_LIMITS.altMin, STORY_LIMITS.altMax), caption: text(0, STORY_LIMITS.captionMax).optional() });
export const revokeInput = z.object({ reason: text(STORY_LIMITS.reasonMin, STORY_LIMITS.reasonMax) });

export const storyCreditInput = z.object({
  personId: id.optional(),
  name: text(2, STORY_LIMITS.nameMax).optional(),
  role: z.enum(STORY_CREDIT_ROLES),
  note: text(0, STORY_LIMITS.noteMax).optional(),
});
export type StoryCreditInput = z.infer<typeof storyCreditInput>;

export const storyListQuery = pageQuery.extend({
  orgId: z.coerce.number().int().positive().optional(),
  status: z.enum(STORY_STATUSES).optional(),
  q: z.string().trim().max(100).optional(),
});
export const storyCreditListQuery = pageQuery.extend({
  orgId: z.coerce.number().int().positive().optional(),
  personId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const personalDataFinding = z.object({
  kind: z.enum(PERSONAL_DATA_KINDS),
  /** Which part of the story: title, summary, body, photo caption or alt text. */
  field: z.string(),
  /** Partly hidden: enough to find it in the text. */
  excerpt: z.string(),
});
export type PersonalDataFindingDto = z.infer<typeof personalDataFinding>;

export const storyPhotoDto = z.object({
  id: z.number(),
  position: z.number(),
  altText: z.string(),
  caption: z.string().nullable(),
  width: z.number(),
  height: z.number(),
  sizeBytes: z.number(),
  status: z.enum(['ACTIVE', 'REVOKED']),
  revokedReason: z.string().nullable(),
  uploadedAt: z.string(),
});
export type StoryPhotoDto = z.infer<typeof storyPhotoDto>;

export const storyCreditDto = z.object({
  id: z.number(),
  storyId: z.number(),
  storyTitle: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  personId: z.number().nullable(),
  name: z.string(),
  role: z.enum(STORY_CREDIT_ROLES),
  note: z.string().nullable(),
  status: z.enum(['ACTIVE', 'REVOKED']),
  revokedReason: z.string().nullable(),
  createdAt: z.string(),
});
export type StoryCreditDto = z.infer<typeof storyCreditDto>;

/** What a credit is for in the credits list: a story or an entry of the model register. */
export const CREDIT_TARGETS = ['STORY', 'MODEL'] as const;
/** Every role a credit may carry (FOSTERED only on models, WROTE only on stories). */
export const CREDIT_ROLES = ['DISCOVERED', 'WROTE', 'PUBLICISED', 'FOSTERED'] as const;
/** One active credit in `GET /story-credits`: who, in what role, for which story or model, and its date. */
export const creditListItemDto = z.object({
  id: z.number(),
  target: z.object({ kind: z.enum(CREDIT_TARGETS), id: z.number(), title: z.string() }),
  /** The organisation keeping the story or the model. */
  orgId: z.number(),
  orgName: z.string(),
  personId: z.number().nullable(),
  name: z.string(),
  role: z.enum(CREDIT_ROLES),
  note: z.string().nullable(),
  /** The day the credit counts for: the story's publication (the credit's own day while unpublished), the credit's day for a model. */
  on: z.string(),
  createdAt: z.string(),
});
export type CreditListItemDto = z.infer<typeof creditListItemDto>;

export const storySummaryDto = z.object({
  id: z.number(),
  orgId: z.number(),
  orgCode: z.string(),
  orgName: z.string(),
  subjectKind: z.enum(STORY_SUBJECT_KINDS),
  subjectName: z.string(),
  subjectUnit: z.string().nullable(),
  title: z.string(),
  slug: z.string(),
  status: z.enum(STORY_STATUSES),
  consentRecorded: z.boolean(),
  photoCount: z.number(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type StorySummaryDto = z.infer<typeof storySummaryDto>;

export const storyDto = storySummaryDto.extend({
  personId: z.number().nullable(),
  subjectOrgId: z.number().nullable(),
  summary: z.string(),
  body: z.string(),
  movementId: z.number().nullable(),
  movementTitle: z.string().nullable(),
  decisionId: z.number().nullable(),
  decisionNumber: z.string().nullable(),
  modelId: z.number().nullable(),
  modelName: z.string().nullable(),
  consent: z.object({ on: z.string(), method: z.enum(CONSENT_METHODS), note: z.string().nullable(), recordedBy: z.string().nullable() }).nullable(),
  reviewNote: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  /** What would stop publication now (checked on every read for managers; empty for readers). */
  personalData: z.array(personalDataFinding),
  photos: z.array(storyPhotoDto),
  credits: z.array(storyCreditDto),
  version: z.number(),
  abilities,
});
export type StoryDto = z.infer<typeof storyDto>;

export const storyListResult = z.object({
  items: z.array(storySummaryDto),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Stories per status under the same organisation and search filter (for the status filter). */
  counts: z.record(z.string(), z.number()),
});
