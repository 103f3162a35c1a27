// Cụm, khối thi đua: units grouped by an organising federation for a year, with a rotating head and
// deputy, a signed covenant (giao ước thi đua) and, at year end, the leader chosen by peer review
// (bình xét, suy tôn), which is the prerequisite for Cờ thi đua (Luật 2022 Điều 25, 26).
import { z } from 'zod';
import { abilities, isoDate, reason } from './common';
import { LIMITS } from './limits';

/** CLUSTER = cụm (by geography), BLOCK = khối (by sector). */
export const CLUSTER_KINDS = ['CLUSTER', 'BLOCK'] as const;
export type ClusterKind = (typeof CLUSTER_KINDS)[number];

/** Level for Cờ thi đua: CENTRAL (TLĐ), PROVINCE (LĐLĐ tỉnh, CĐ ngành TW), UPPER (CĐ cấp trên trực tiếp cơ sở). */
export const CLUSTER_LEVELS = ['UPPER', 'PROVINCE', 'CENTRAL'] as const;
export type ClusterLevelCode = (typeof CLUSTER_LEVELS)[number];

/** HEAD = cụm trưởng, DEPUTY = cụm phó. */
export const CLUSTER_ROLES = ['HEAD', 'DEPUTY', 'MEMBER'] as const;
export type ClusterRoleCode = (typeof CLUSTER_ROLES)[number];

export const CLUSTER_LIMITS = { membersMax: 200, paragraphsMax: 100, paragraphMax: 4000, orderMax: 999 } as const;

const year = z.number().int().min(2000).max(2100);
const name = z.string().trim().min(3).max(LIMITS.nameMax);

export const clusterMemberInput = z.object({
  orgId: z.number().int().positive(),
  role: z.enum(CLUSTER_ROLES).default('MEMBER'),
  rotationOrder: z.number().int().min(1).max(CLUSTER_LIMITS.orderMax),
});
export type ClusterMemberInput = z.infer<typeof clusterMemberInput>;

const members = z.array(clusterMemberInput).max(CLUSTER_LIMITS.membersMax);

export const createClusterInput = z.object({
  orgId: z.number().int().positive(),
  year,
  kind: z.enum(CLUSTER_KINDS),
  name,
  /** Defaults from the organiser's kind. */
  level: z.enum(CLUSTER_LEVELS).optional(),
  members,
});
export type CreateClusterInput = z.infer<typeof createClusterInput>;

export const updateClusterInput = z.object({ version: z.number().int().positive(), name, members });
export type UpdateClusterInput = z.infer<typeof updateClusterInput>;

export const covenantInput = z.object({
  version: z.number().int().positive(),
  paragraphs: z.array(z.string().trim().min(1).max(CLUSTER_LIMITS.paragraphMax)).min(1).max(CLUSTER_LIMITS.paragraphsMax),
  signedOn: isoDate,
});
export type CovenantInput = z.infer<typeof covenantInput>;

export const chooseLeaderInput = z.object({
  version: z.number().int().positive(),
  orgId: z.number().int().positive(),
  chosenOn: isoDate,
  note: z.string().trim().max(LIMITS.textMax).nullable().optional(),
  /** Required when a leader was already chosen: why the earlier choice is revoked. */
  reason: reason.optional(),
});
export type ChooseLeaderInput = z.infer<typeof chooseLeaderInput>;

export const clusterMemberDto = z.object({
  orgId: z.number().int(),
  name: z.string(),
  role: z.enum(CLUSTER_ROLES),
  rotationOrder: z.number().int(),
  /** false once the unit has ended or merged. */
  active: z.boolean(),
});
export type ClusterMemberDto = z.infer<typeof clusterMemberDto>;

export const clusterDto = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  year: z.number().int(),
  kind: z.enum(CLUSTER_KINDS),
  name: z.string(),
  level: z.enum(CLUSTER_LEVELS),
  members: z.array(clusterMemberDto),
  covenant: z.array(z.string()),
  covenantSignedOn: isoDate.nullable(),
  leader: z.object({ orgId: z.number().int(), name: z.string(), chosenOn: isoDate, recordId: z.number().int() }).nullable(),
  version: z.number().int(),
  abilities,
});
export type ClusterDto = z.infer<typeof clusterDto>;

export const clusterListQuery = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  kind: z.enum(CLUSTER_KINDS).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
});
export type ClusterListQuery = z.infer<typeof clusterListQuery>;
