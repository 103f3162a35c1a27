import { z } from 'zod';
import { isoDate, reason, abilities } from './common';
import { LIMITS, ORG_CODE_PATTERN } from './limits';
import { ORG_STATUSES, SECTORS, ORG_EVENT_KINDS, OFFICER_TITLES } from './enums';

export const orgKind = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  /** Lower rank = higher in the hierarchy. Ranks order kinds; depth is not fixed. */
  rank: z.number().int(),
  /** Whether members may belong directly to units of this kind. */
  holdsMembers: z.boolean(),
});
export type OrgKindDto = z.infer<typeof orgKind>;

export const orgSummary = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.string(),
  sector: z.enum(SECTORS).nullable(),
  parentId: z.number().int().nullable(),
  status: z.enum(ORG_STATUSES),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  childCount: z.number().int(),
  memberCount: z.number().int(),
  abilities,
});
export type OrgSummary = z.infer<typeof orgSummary>;

export const orgEvent = z.object({
  id: z.number().int(),
  kind: z.enum(ORG_EVENT_KINDS),
  effectiveOn: isoDate,
  reason: z.string().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
});

export const officer = z.object({
  personId: z.number().int(),
  fullName: z.string(),
  title: z.enum(OFFICER_TITLES),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
});

export const orgDetail = orgSummary.extend({
  /** Ancestors from the root down to the parent, for breadcrumbs. */
  ancestors: z.array(z.object({ id: z.number().int(), name: z.string(), kind: z.string() })),
  mergedInto: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  address: z.string().nullable(),
  officers: z.array(officer),
  history: z.array(orgEvent),
});
export type OrgDetail = z.infer<typeof orgDetail>;

export const orgChildrenQuery = z.object({
  /** Include ended and merged units (they keep their history). */
  includeInactive: z.coerce.boolean().default(false),
});

const orgName = z.string().trim().min(2).max(LIMITS.nameMax);

export const createOrgInput = z.object({
  code: z.string().trim().toUpperCase().max(LIMITS.codeMax).regex(ORG_CODE_PATTERN),
  name: orgName,
  shortName: z.string().trim().max(60).nullish(),
  kind: z.string().min(1),
  sector: z.enum(SECTORS).nullish(),
  parentId: z.number().int().positive(),
  address: z.string().trim().max(LIMITS.textMax).nullish(),
  effectiveOn: isoDate,
});
export const renameOrgInput = z.object({ name: orgName, shortName: z.string().trim().max(60).nullish(), effectiveOn: isoDate, reason: reason.optional() });
export const moveOrgInput = z.object({ newParentId: z.number().int().positive(), effectiveOn: isoDate, reason });
export const mergeOrgInput = z.object({ intoId: z.number().int().positive(), effectiveOn: isoDate, reason });
export const endOrgInput = z.object({ effectiveOn: isoDate, reason });
