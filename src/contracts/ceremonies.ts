// Award ceremonies (lễ trao tặng): presenting the awards of signed decisions — the programme (running
// order), the recipients in the order and groups (đợt) they go up in with who presents to them, and
// who received in person, by a representative, or was absent.
import { z } from 'zod';
import { abilities, pageQuery, reason } from './common';
import { LIMITS } from './limits';

export const CEREMONY_STATUSES = ['PLANNED', 'HELD', 'CANCELLED'] as const;
export type CeremonyStatus = (typeof CEREMONY_STATUSES)[number];
export const ATTENDANCES = ['PENDING', 'RECEIVED', 'PROXY', 'ABSENT'] as const;
export type Attendance = (typeof ATTENDANCES)[number];

export const CEREMONY_LIMITS = {
  titleMax: 300,
  placeMax: 300,
  programmeMax: 40,
  programmeItemMax: 500,
  presenterMax: 200,
  decisionsMax: 50,
  recipientsMax: 10_000,
  groupSizeDefault: 10,
  groupSizeMax: 200,
  groupMax: 2000,
} as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const ids = (max: number) => z.array(z.number().int().positive()).max(max);

export const programmeLine = z.object({
  /** "08:00" (optional). */
  at: z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/).nullable(),
  item: text(CEREMONY_LIMITS.programmeItemMax),
  /** Who does it ("Đồng chí Chủ tịch LĐLĐ huyện"). */
  by: z.string().trim().max(CEREMONY_LIMITS.presenterMax).nullable(),
});
export type ProgrammeLine = z.infer<typeof programmeLine>;

const groupSize = z.number().int().min(1).max(CEREMONY_LIMITS.groupSizeMax);

export const createCeremonyInput = z.object({
  orgId: z.number().int().positive(),
  title: text(CEREMONY_LIMITS.titleMax),
  heldAt: z.string().datetime({ offset: true }),
  place: text(CEREMONY_LIMITS.placeMax),
  /** Omitted: the usual running order of a ceremony. */
  programme: z.array(programmeLine).max(CEREMONY_LIMITS.programmeMax).optional(),
  note: optionalText(LIMITS.textMax),
  decisionIds: ids(CEREMONY_LIMITS.decisionsMax).default([]),
  groupSize: groupSize.default(CEREMONY_LIMITS.groupSizeDefault),
});
export type CreateCeremonyInput = z.input<typeof createCeremonyInput>;

export const updateCeremonyInput = z.object({
  version: z.number().int().positive(),
  title: text(CEREMONY_LIMITS.titleMax).optional(),
  heldAt: z.string().datetime({ offset: true }).optional(),
  place: text(CEREMONY_LIMITS.placeMax).optional(),
  programme: z.array(programmeLine).max(CEREMONY_LIMITS.programmeMax).optional(),
  note: optionalText(LIMITS.textMax),
});
export type UpdateCeremonyInput = z.infer<typeof updateCeremonyInput>;

export const setCeremonyDecisionsInput = z.object({
  version: z.number().int().positive(),
  decisionIds: ids(CEREMONY_LIMITS.decisionsMax),
  /** Size of the groups the new recipients are put in. */
  groupSize: groupSize.default(CEREMONY_LIMITS.groupSizeDefault),
});
export type SetCeremonyDecisionsInput = z.input<typeof setCeremonyDecisionsInput>;

/**
 * Arranging the call order: `groupSize` regroups everyone automatically (by award, then unit);
 * `order` gives every recipient's place and group by hand (the list order is the call order);
 * `presenters` sets who presents to each group.
 */
export const arrangeRecipientsInput = z.object({
  version: z.number().int().positive(),
  groupSize: groupSize.optional(),
  order: z
    .array(z.object({ id: z.number().int().positive(), groupNo: z.number().int().min(1).max(CEREMONY_LIMITS.groupMax) }))
    .min(1)
    .max(CEREMONY_LIMITS.recipientsMax)
    .optional(),
  presenters: z
    .array(z.object({ groupNo: z.number().int().min(1).max(CEREMONY_LIMITS.groupMax), presenter: z.string().trim().max(CEREMONY_LIMITS.presenterMax).nullable() }))
    .max(CEREMONY_LIMITS.groupMax)
    .optional(),
});
export type ArrangeRecipientsInput = z.infer<typeof arrangeRecipientsInput>;

export const attendanceEntry = z
  .object({
    id: z.number().int().positive(),
    attendance: z.enum(ATTENDANCES),
    /** The representative who received on the awardee's behalf (required for PROXY). */
    receivedBy: z.string().trim().max(LIMITS.nameMax).nullable().optional(),
  })
  .refine((e) => e.attendance !== 'PROXY' || (e.receivedBy ?? '').length > 0, { message: 'ceremonies.api.proxyName', path: ['receivedBy'] });

export const recordAttendanceInput = z.object({
  version: z.number().int().positive(),
  entries: z.array(attendanceEntry).min(1).max(CEREMONY_LIMITS.recipientsMax),
});
export type RecordAttendanceInput = z.infer<typeof recordAttendanceInput>;

export const versionInput = z.object({ version: z.number().int().positive() });
export const cancelCeremonyInput = z.object({ version: z.number().int().positive(), reason });

export const ceremonyListQuery = pageQuery.extend({
  orgId: z.coerce.number().int().positive().optional(),
  status: z.enum(CEREMONY_STATUSES).optional(),
});

export const decisionOptionsQuery = z.object({ orgId: z.coerce.number().int().positive(), q: z.string().trim().max(100).optional() });

/** A signed decision the organisation's ceremony may present (its own or an ancestor's, with lines in its subtree). */
export const ceremonyDecisionDto = z.object({
  id: z.number(),
  orgName: z.string(),
  numberText: z.string().nullable(),
  signedOn: z.string().nullable(),
  subject: z.string(),
  status: z.string(),
  /** Active lines whose subject is inside the ceremony organisation's subtree. */
  lineCount: z.number(),
});
export type CeremonyDecisionDto = z.infer<typeof ceremonyDecisionDto>;

export const ceremonyRecipientDto = z.object({
  id: z.number(),
  decisionItemId: z.number(),
  decisionId: z.number(),
  decisionNumber: z.string().nullable(),
  position: z.number(),
  groupNo: z.number(),
  presenter: z.string().nullable(),
  subjectName: z.string(),
  unitName: z.string().nullable(),
  awardCode: z.string(),
  awardName: z.string(),
  subjectKind: z.enum(['INDIVIDUAL', 'COLLECTIVE']),
  /** REVOKED: the line was revoked after planning; it cannot be received. */
  lineStatus: z.enum(['ACTIVE', 'REVOKED']),
  attendance: z.enum(ATTENDANCES),
  receivedBy: z.string().nullable(),
  recordedAt: z.string().nullable(),
});
export type CeremonyRecipientDto = z.infer<typeof ceremonyRecipientDto>;

export const ceremonyCounts = z.object({ total: z.number(), received: z.number(), proxy: z.number(), absent: z.number(), pending: z.number(), revoked: z.number(), groups: z.number() });
export type CeremonyCounts = z.infer<typeof ceremonyCounts>;

export const ceremonySummaryDto = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  title: z.string(),
  heldAt: z.string(),
  place: z.string(),
  status: z.enum(CEREMONY_STATUSES),
  cancelledReason: z.string().nullable(),
  counts: ceremonyCounts,
  version: z.number(),
  abilities,
});
export type CeremonySummaryDto = z.infer<typeof ceremonySummaryDto>;

export const ceremonyDto = ceremonySummaryDto.extend({
  programme: z.array(programmeLine),
  note: z.string().nullable(),
  decisions: z.array(ceremonyDecisionDto),
  recipients: z.array(ceremonyRecipientDto),
});
export type CeremonyDto = z.infer<typeof ceremonyDto>;
