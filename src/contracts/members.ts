import { z } from 'zod';
import { isoDate, pageQuery, reason, abilities } from './common';
import { EDUCATION_LEVELS, GENDERS, MEMBER_STATUSES, MEMBERSHIP_END_REASONS, OFFICER_TITLES, UNION_WORK_CATEGORIES } from './enums';
import { CCCD_PATTERN, LIMITS } from './limits';

const boolParam = z.enum(['true', 'false']).transform((v) => v === 'true');

export const memberListQuery = pageQuery.extend({
  /** Unit whose whole subtree is listed; defaults to the user's own scope. */
  orgId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(100).optional(),
  gender: z.enum(GENDERS).optional(),
  isLeader: boolParam.optional(),
  isDirectWorker: boolParam.optional(),
  status: z.enum(MEMBER_STATUSES).default('ACTIVE'),
  sort: z.enum(['name', '-name', 'code', '-code', 'birthDate', '-birthDate', 'unit', '-unit']).default('name'),
});
export type MemberListQuery = z.infer<typeof memberListQuery>;

export const memberListItem = z.object({
  id: z.number().int(),
  memberCode: z.string(),
  fullName: z.string(),
  gender: z.enum(GENDERS),
  birthDate: isoDate.nullable(),
  position: z.string().nullable(),
  isLeader: z.boolean(),
  isDirectWorker: z.boolean(),
  status: z.enum(MEMBER_STATUSES),
  orgId: z.number().int().nullable(),
  orgName: z.string().nullable(),
  abilities,
});
export type MemberListItem = z.infer<typeof memberListItem>;

export const membershipPeriod = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  orgStatus: z.string(),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  endReason: z.enum(MEMBERSHIP_END_REASONS).nullable(),
  note: z.string().nullable(),
});

export const memberDetail = memberListItem.extend({
  /** CCCD is personal data: only returned to users who may edit the member. */
  cccd: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  ethnicity: z.string().nullable(),
  joinedUnionOn: isoDate.nullable(),
  /** Date recruited at the current employer. */
  serviceStartDate: isoDate.nullable(),
  educationLevel: z.enum(EDUCATION_LEVELS).nullable(),
  unionWorkCategory: z.enum(UNION_WORK_CATEGORIES).nullable(),
  /** Years of union work before the offices recorded in Vinh Danh. */
  unionWorkYearsBefore: z.number().nullable(),
  memberships: z.array(membershipPeriod),
  offices: z.array(z.object({ orgId: z.number().int(), orgName: z.string(), title: z.enum(OFFICER_TITLES), validFrom: isoDate, validTo: isoDate.nullable() })),
});
export type MemberDetail = z.infer<typeof memberDetail>;

const personFields = {
  fullName: z.string().trim().min(2).max(LIMITS.nameMax),
  gender: z.enum(GENDERS),
  birthDate: isoDate.nullish(),
  cccd: z.string().trim().regex(CCCD_PATTERN).nullish(),
  position: z.string().trim().max(LIMITS.nameMax).nullish(),
  isLeader: z.boolean().default(false),
  isDirectWorker: z.boolean().default(false),
  phone: z.string().trim().max(20).nullish(),
  email: z.email().max(200).nullish(),
  ethnicity: z.string().trim().max(50).nullish(),
  joinedUnionOn: isoDate.nullish(),
  serviceStartDate: isoDate.nullish(),
  educationLevel: z.enum(EDUCATION_LEVELS).nullish(),
  unionWorkCategory: z.enum(UNION_WORK_CATEGORIES).nullish(),
  unionWorkYearsBefore: z.number().min(0).max(99.9).multipleOf(0.1).nullish(),
};

export const createMemberInput = z.object({
  ...personFields,
  memberCode: z.string().trim().max(LIMITS.codeMax).optional(),
  orgId: z.number().int().positive(),
});
export const updateMemberInput = z.object(personFields).partial();
export const transferMemberInput = z.object({ toOrgId: z.number().int().positive(), effectiveOn: isoDate, note: z.string().max(LIMITS.textMax).optional() });
export const leaveMemberInput = z.object({ effectiveOn: isoDate, reason });
