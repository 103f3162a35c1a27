// Award catalogue (danh hiệu thi đua, hình thức khen thưởng) and base salary steps (mức lương cơ sở).
import { z } from 'zod';
import { abilities, isoDate, pageQuery, reason } from './common';
import { AWARD_CATEGORIES, AWARD_KINDS, AWARD_LEVELS, AWARD_SUBJECTS } from './enums';
import { LIMITS } from './limits';

const boolParam = z.enum(['true', 'false']).transform((v) => v === 'true');

export const AWARD_CODE_PATTERN = /^[A-Z0-9][A-Z0-9_]*$/;
export const awardCodeParams = z.object({ code: z.string().trim().min(1).max(LIMITS.codeMax).refine((s) => !s.includes('\u0000')) });

export const awardListQuery = pageQuery.extend({
  category: z.enum(AWARD_CATEGORIES).optional(),
  subject: z.enum(AWARD_SUBJECTS).optional(),
  kind: z.enum(AWARD_KINDS).optional(),
  level: z.enum(AWARD_LEVELS).optional(),
  active: boolParam.optional(),
  /** Diacritic-insensitive search in the Vietnamese name, or a code prefix. */
  q: z.string().trim().max(100).optional(),
});
export type AwardListQuery = z.infer<typeof awardListQuery>;

export const awardItem = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  category: z.enum(AWARD_CATEGORIES),
  subject: z.enum(AWARD_SUBJECTS),
  kind: z.enum(AWARD_KINDS),
  level: z.enum(AWARD_LEVELS),
  grantingOrgKinds: z.array(z.string()),
  coefficient: z.number().nullable(),
  uncertain: z.boolean(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  description: z.string().nullable(),
  version: z.number().int(),
  /** coefficient × the base salary in force today (whole đồng, no rounding), or null. */
  rewardVnd: z.number().int().nullable(),
  abilities,
});
export type AwardItem = z.infer<typeof awardItem>;

const coefficient = z.number().min(0).max(9999.99).multipleOf(0.01).nullable();
const orgKindCodes = z.array(z.string().trim().min(1).max(LIMITS.codeMax)).max(30);

export const createAwardInput = z.object({
  code: z.string().trim().min(2).max(LIMITS.codeMax).regex(AWARD_CODE_PATTERN),
  nameVi: z.string().trim().min(2).max(LIMITS.nameMax),
  nameEn: z.string().trim().min(2).max(LIMITS.nameMax),
  category: z.enum(AWARD_CATEGORIES),
  subject: z.enum(AWARD_SUBJECTS),
  kind: z.enum(AWARD_KINDS),
  level: z.enum(AWARD_LEVELS),
  grantingOrgKinds: orgKindCodes.default([]),
  coefficient: coefficient.default(null),
  uncertain: z.boolean().default(false),
  sortOrder: z.number().int().min(0).max(100_000).default(0),
  description: z.string().trim().max(LIMITS.textMax).nullish(),
});

export const updateAwardInput = z.object({
  /** The version the user edited (optimistic locking). */
  version: z.number().int().positive(),
  nameVi: z.string().trim().min(2).max(LIMITS.nameMax).optional(),
  nameEn: z.string().trim().min(2).max(LIMITS.nameMax).optional(),
  description: z.string().trim().max(LIMITS.textMax).nullable().optional(),
  grantingOrgKinds: orgKindCodes.optional(),
  coefficient: coefficient.optional(),
  kind: z.enum(AWARD_KINDS).optional(),
  level: z.enum(AWARD_LEVELS).optional(),
  active: z.boolean().optional(),
});

export const BASE_SALARY_STATUSES = ['ACTIVE', 'SUPERSEDED'] as const;

export const baseSalaryItem = z.object({
  id: z.number().int(),
  effectiveFrom: isoDate,
  amountVnd: z.number().int(),
  source: z.string(),
  status: z.enum(BASE_SALARY_STATUSES),
  supersededBy: z.number().int().nullable(),
  reason: z.string().nullable(),
  createdAt: z.string(),
  /** The step in force today. */
  current: z.boolean(),
});
export type BaseSalaryItem = z.infer<typeof baseSalaryItem>;

export const createBaseSalaryInput = z.object({
  effectiveFrom: isoDate,
  amountVnd: z.number().int().positive().max(1_000_000_000),
  /** The legal text that sets it, e.g. "Nghị định 73/2024/NĐ-CP". */
  source: z.string().trim().min(3).max(LIMITS.nameMax),
});
export const supersedeBaseSalaryInput = createBaseSalaryInput.extend({ reason });
