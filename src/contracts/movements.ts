// Emulation movements (phong trào thi đua): launched by an organisation for a period, with
// concrete criteria and the awards it offers at the end; recorded step by step through their life.
import { z } from 'zod';
import { abilities, isoDate } from './common';
import { LIMITS } from './limits';
import { MOVEMENT_KINDS, MOVEMENT_STATUSES } from '../domain/movements/movement-rules';

export { MOVEMENT_KINDS, MOVEMENT_STATUSES };
export type { MovementKind, MovementStatus } from '../domain/movements/movement-rules';

/** A checkable criterion: what is measured and the target ("Tỷ lệ đoàn viên tham gia" ≥ "90%"). */
export const movementCriterion = z.object({
  text: z.string().trim().min(3).max(LIMITS.textMax),
  measure: z.string().trim().min(1).max(300),
  target: z.string().trim().min(1).max(200),
});
export type MovementCriterion = z.infer<typeof movementCriterion>;

const movementFields = {
  kind: z.enum(MOVEMENT_KINDS),
  title: z.string().trim().min(5).max(500),
  slogan: z.string().trim().max(1000).nullable().default(null),
  content: z.string().trim().max(20000).default(''),
  participants: z.string().trim().max(LIMITS.textMax).nullable().default(null),
  startsOn: isoDate,
  endsOn: isoDate,
  criteria: z.array(movementCriterion).max(100).default([]),
  offeredAwards: z.array(z.string().trim().min(1).max(LIMITS.codeMax)).max(30).default([]),
  planId: z.number().int().positive().nullable().default(null),
};

export const createMovementInput = z.object({ orgId: z.number().int().positive(), year: z.number().int().min(2000).max(2100), ...movementFields });
export type CreateMovementInput = z.infer<typeof createMovementInput>;

export const updateMovementInput = z.object({ version: z.number().int().positive(), year: z.number().int().min(2000).max(2100), ...movementFields });
export type UpdateMovementInput = z.infer<typeof updateMovementInput>;

export const launchMovementInput = z.object({
  version: z.number().int().positive(),
  launchedOn: isoDate,
  /** Ask units to register under the movement by a deadline; null targets = every CĐCS below. */
  request: z.object({ deadline: isoDate, targetOrgIds: z.array(z.number().int().positive()).min(1).max(5000).nullable().default(null) }).nullable().default(null),
});
export type LaunchMovementInput = z.infer<typeof launchMovementInput>;

/** Statuses reached by a recorded step after the launch. */
export const STEP_STATUSES = ['IN_PROGRESS', 'MID_REVIEW', 'FINAL_REVIEW', 'CLOSED'] as const;

export const movementStepInput = z.object({
  version: z.number().int().positive(),
  toStatus: z.enum(STEP_STATUSES),
  onDate: isoDate,
  note: z.string().trim().max(LIMITS.textMax).nullable().default(null),
});
export type MovementStepInput = z.infer<typeof movementStepInput>;

export const movementStepDto = z.object({
  id: z.number().int(),
  fromStatus: z.enum(MOVEMENT_STATUSES).nullable(),
  toStatus: z.enum(MOVEMENT_STATUSES),
  onDate: isoDate,
  note: z.string().nullable(),
  actorName: z.string().nullable(),
  createdAt: z.string(),
});
export type MovementStepDto = z.infer<typeof movementStepDto>;

/** Compliance with the registration request of a launched movement. */
export const movementFigures = z.object({
  requestId: z.number().int(),
  deadline: isoDate,
  asked: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
  /** Registrations under the movement, by award and review status. */
  registrations: z.array(z.object({ awardCode: z.string(), awardName: z.string(), submitted: z.number().int(), approved: z.number().int(), returned: z.number().int() })),
});
export type MovementFigures = z.infer<typeof movementFigures>;

export const offeredAwardDto = z.object({ code: z.string(), name: z.string() });

export const movementDto = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  year: z.number().int(),
  kind: z.enum(MOVEMENT_KINDS),
  status: z.enum(MOVEMENT_STATUSES),
  title: z.string(),
  slogan: z.string().nullable(),
  content: z.string(),
  participants: z.string().nullable(),
  startsOn: isoDate,
  endsOn: isoDate,
  criteria: z.array(movementCriterion),
  offeredAwards: z.array(offeredAwardDto),
  planId: z.number().int().nullable(),
  launchedOn: isoDate.nullable(),
  midReviewOn: isoDate.nullable(),
  finalReviewOn: isoDate.nullable(),
  closedOn: isoDate.nullable(),
  version: z.number().int(),
  abilities,
});
export type MovementDto = z.infer<typeof movementDto>;

export const movementDetailDto = movementDto.extend({
  steps: z.array(movementStepDto),
  /** Null until launched with a registration request. */
  figures: movementFigures.nullable(),
});
export type MovementDetailDto = z.infer<typeof movementDetailDto>;

export const movementListQuery = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(MOVEMENT_STATUSES).optional(),
  kind: z.enum(MOVEMENT_KINDS).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
});
export type MovementListQuery = z.infer<typeof movementListQuery>;
