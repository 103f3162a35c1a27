// Register of exemplary models and exemplary people (mô hình, điển hình tiên tiến — issue 9, item 3):
// discovered → being fostered → recognised → replicated (or closed with a reason), the unit
// responsible and its fostering plan, fostering check-ins with a next date, the units that
// replicated it, and the officers credited with discovering, fostering or publicising it.
import { z } from 'zod';
import { abilities, isoDate, pageQuery, reason } from './common';
import { FOLLOW_UP_STATES, MODEL_STAGES } from '../domain/models/stages';
import { STORY_STATUSES } from '../domain/stories/workflow';

export { MODEL_STAGES, PROGRESS_STAGES, FOLLOW_UP_STATES, type ModelStage, type FollowUpState } from '../domain/models/stages';
export const MODEL_KINDS = ['MODEL', 'PERSON', 'COLLECTIVE'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];
/** WROTE belongs to stories; a model credits who discovered, fostered or publicised it. */
export const MODEL_CREDIT_ROLES = ['DISCOVERED', 'FOSTERED', 'PUBLICISED'] as const;
export type ModelCreditRole = (typeof MODEL_CREDIT_ROLES)[number];

export const MODEL_LIMITS = {
  nameMin: 3,
  nameMax: 200,
  descriptionMin: 10,
  descriptionMax: 5000,
  planMax: 5000,
  fieldMax: 120,
  noteMax: 2000,
  creditNameMax: 120,
} as const;

const id = z.number().int().positive();
const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v.normalize('NFC') : null));

/** The details of an entry (also what an update sends back, whole). */
const details = {
  kind: z.enum(MODEL_KINDS),
  name: text(MODEL_LIMITS.nameMin, MODEL_LIMITS.nameMax),
  description: text(MODEL_LIMITS.descriptionMin, MODEL_LIMITS.descriptionMax),
  /** The exemplary person (kind PERSON), a member in the keeping organisation's subtree. */
  personId: id.nullish(),
  /** The exemplary collective (kind COLLECTIVE), or the unit where a model is applied. */
  subjectOrgId: id.nullish(),
  /** The unit responsible for fostering it, in the keeping organisation's subtree. */
  responsibleOrgId: id,
  movementId: id.nullish(),
  /** Field of work (lĩnh vực), free text: "sản xuất", "an toàn lao động"… */
  field: optionalText(MODEL_LIMITS.fieldMax),
  discoveredOn: isoDate,
  fosteringPlan: optionalText(MODEL_LIMITS.planMax),
};

export const createModelInput = z.object({ orgId: id, ...details });
export type CreateModelInput = z.infer<typeof createModelInput>;
export const updateModelInput = z.object({ version: id, ...details });
export type UpdateModelInput = z.infer<typeof updateModelInput>;

/** A stage move; what the target stage needs comes with it (the plan, the recognition, a reason). */
export const moveModelInput = z.object({
  version: id,
  to: z.enum(MODEL_STAGES),
  note: optionalText(MODEL_LIMITS.noteMax),
  fosteringPlan: optionalText(MODEL_LIMITS.planMax),
  /** The first check-in date when fostering starts. */
  nextOn: isoDate.nullish(),
  recognisedOn: isoDate.nullish(),
  decisionId: id.nullish(),
  /** Required to close and to reopen. */
  reason: reason.nullish(),
});
export type MoveModelInput = z.infer<typeof moveModelInput>;

export const followUpInput = z.object({ note: text(5, MODEL_LIMITS.noteMax), nextOn: isoDate.nullish() });
export const replicationInput = z.object({ orgId: id, startedOn: isoDate, note: optionalText(MODEL_LIMITS.noteMax) });
export const revokeInput = z.object({ reason });
export const creditInput = z
  .object({ personId: id.nullish(), name: optionalText(MODEL_LIMITS.creditNameMax), role: z.enum(MODEL_CREDIT_ROLES), note: optionalText(MODEL_LIMITS.noteMax) })
  .refine((c) => (c.personId ? 1 : 0) + (c.name ? 1 : 0) === 1, { message: 'models.api.creditWho', path: ['name'] });

/** A replication or a credit of an entry (`/models/:id/replications/:itemId/revoke`). */
export const itemParams = z.object({ id: z.coerce.number().int().positive(), itemId: z.coerce.number().int().positive() });

export const modelListQuery = pageQuery.extend({
  orgId: z.coerce.number().int().positive().optional(),
  stage: z.enum(MODEL_STAGES).optional(),
  kind: z.enum(MODEL_KINDS).optional(),
  q: z.string().trim().max(100).optional(),
  /** Only entries being fostered whose next check-in date has passed. */
  overdue: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});
export type ModelListQuery = z.infer<typeof modelListQuery>;

const followUp = z.object({ nextOn: z.string().nullable(), state: z.enum(FOLLOW_UP_STATES) });

export const modelDto = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  kind: z.enum(MODEL_KINDS),
  name: z.string(),
  description: z.string(),
  personId: z.number().nullable(),
  subjectOrgId: z.number().nullable(),
  /** The exemplary person's or unit's name. */
  subjectName: z.string().nullable(),
  responsibleOrgId: z.number(),
  responsibleOrgName: z.string(),
  movementId: z.number().nullable(),
  movementTitle: z.string().nullable(),
  field: z.string().nullable(),
  stage: z.enum(MODEL_STAGES),
  discoveredOn: z.string(),
  fosteringPlan: z.string().nullable(),
  recognisedOn: z.string().nullable(),
  decisionId: z.number().nullable(),
  decisionNumber: z.string().nullable(),
  closedReason: z.string().nullable(),
  closedOn: z.string().nullable(),
  /** For a closed entry: the stage a reopening returns it to. */
  closedFrom: z.enum(MODEL_STAGES).nullable(),
  /** The day each forward stage was reached (its latest entry). */
  stageDates: z.object({ DISCOVERED: z.string(), FOSTERING: z.string().nullable(), RECOGNISED: z.string().nullable(), REPLICATED: z.string().nullable() }),
  followUp,
  activeReplications: z.number(),
  events: z.array(z.object({ id: z.number(), action: z.string(), fromStage: z.string().nullable(), toStage: z.string().nullable(), note: z.string().nullable(), nextOn: z.string().nullable(), actorName: z.string().nullable(), at: z.string() })),
  replications: z.array(z.object({ id: z.number(), orgId: z.number(), orgName: z.string(), startedOn: z.string(), note: z.string().nullable(), status: z.enum(['ACTIVE', 'REVOKED']), revokedReason: z.string().nullable() })),
  credits: z.array(z.object({ id: z.number(), personId: z.number().nullable(), name: z.string(), role: z.enum(MODEL_CREDIT_ROLES), note: z.string().nullable(), status: z.enum(['ACTIVE', 'REVOKED']), revokedReason: z.string().nullable() })),
  /** Stories written about the entry that the reader reads (newest change first). */
  stories: z.array(z.object({ id: z.number(), title: z.string(), status: z.enum(STORY_STATUSES), orgName: z.string() })),
  version: z.number(),
  abilities,
});
export type ModelDto = z.infer<typeof modelDto>;
export const modelSummaryDto = modelDto.omit({ description: true, fosteringPlan: true, events: true, replications: true, credits: true, stories: true, stageDates: true, closedFrom: true });
export type ModelSummaryDto = z.infer<typeof modelSummaryDto>;

export const modelPage = z.object({
  items: z.array(modelSummaryDto),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Entries per stage (and overdue ones) under the other filters, for the stage tabs. */
  counts: z.object({ DISCOVERED: z.number(), FOSTERING: z.number(), RECOGNISED: z.number(), REPLICATED: z.number(), CLOSED: z.number(), overdue: z.number() }),
});
export type ModelPage = z.infer<typeof modelPage>;
