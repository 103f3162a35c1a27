// Plans (kế hoạch): a structured document an organisation drafts, then issues with a number
// assigned at issue (Nghị định 30/2020: numbered per issuing organisation, year and document type).
import { z } from 'zod';
import { isoDate, abilities } from './common';
import { LIMITS } from './limits';
import { requestSpec } from './cascade';

/** Body blocks, in order: I. headings, 1. sub-headings, paragraphs, "- " bullets, quoted themes. */
export const PLAN_BLOCK_KINDS = ['HEADING_1', 'HEADING_2', 'PARAGRAPH', 'BULLET', 'QUOTE'] as const;
export type PlanBlockKind = (typeof PLAN_BLOCK_KINDS)[number];

export const PLAN_STATUSES = ['DRAFT', 'ISSUED'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

const line = z.string().trim().min(1).max(LIMITS.textMax);

export const planBlock = z.object({ kind: z.enum(PLAN_BLOCK_KINDS), text: z.string().trim().min(1).max(4000) });
export type PlanBlock = z.infer<typeof planBlock>;

/** A document the plan implements: another plan in Vinh Danh, or a free-text reference. */
export const planBasis = z.object({ planId: z.number().int().positive().nullable().default(null), text: line });

/** "TM. BAN THƯỜNG VỤ" / "PHÓ CHỦ TỊCH" / name of the signer. */
export const planSigner = z.object({
  onBehalf: z.string().trim().max(200).nullable().default(null),
  position: z.string().trim().min(1).max(200),
  name: z.string().trim().min(1).max(LIMITS.nameMax),
});

/**
 * How a recipient (Nơi nhận) is reached when the plan is issued: ORG — one unit in Vinh Danh (its
 * inbox); SUBORDINATES — every grassroots union below the issuer ("Các CĐCS"); WEBSITE — the
 * issuer's public pages; ARCHIVE — the archive copy ("Lưu: VP"); OTHER — printed only.
 */
export const RECIPIENT_KINDS = ['ORG', 'SUBORDINATES', 'WEBSITE', 'ARCHIVE', 'OTHER'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

/** Nơi nhận: a line of the recipients block and how it is delivered. ORG needs orgId; a unit given with kind OTHER is treated as ORG. */
export const planRecipient = z
  .object({ orgId: z.number().int().positive().nullable().default(null), text: line, kind: z.enum(RECIPIENT_KINDS).default('OTHER') })
  .refine((r) => r.kind !== 'ORG' || r.orgId !== null, { message: 'plan.recipientOrgMissing', path: ['orgId'] });

const planFields = {
  title: z.string().trim().min(5).max(500),
  theme: z.string().trim().max(1000).nullable().default(null),
  place: z.string().trim().min(1).max(200),
  /** The opening paragraph after the basis ("Ban Thường vụ … xây dựng kế hoạch …"). */
  intro: z.string().trim().max(4000).nullable().default(null),
  basis: z.array(planBasis).max(50).default([]),
  blocks: z.array(planBlock).min(1).max(2000),
  signer: planSigner,
  recipients: z.array(planRecipient).max(200).default([]),
};

export const createPlanInput = z.object({ orgId: z.number().int().positive(), year: z.number().int().min(2000).max(2100), ...planFields });
export type CreatePlanInput = z.infer<typeof createPlanInput>;

export const updatePlanInput = z.object({ version: z.number().int().positive(), ...planFields });
export type UpdatePlanInput = z.infer<typeof updatePlanInput>;

/**
 * Issuing may ask the subordinate units to respond (their own plan, or registrations) by a deadline.
 * The number is assigned (the next of the organisation for the year and type) unless one is given:
 * a number already taken in the office's paper register, which must not be used in Vinh Danh yet.
 */
export const issuePlanInput = z.object({
  version: z.number().int().positive(),
  issuedOn: isoDate,
  number: z.number().int().min(1).max(99999).nullable().default(null),
  request: requestSpec.nullable().default(null),
});
export type IssuePlanInput = z.infer<typeof issuePlanInput>;

export const planDto = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  year: z.number().int(),
  status: z.enum(PLAN_STATUSES),
  /** Assigned at issue; null while a draft. */
  number: z.number().int().nullable(),
  /** Ký hiệu, e.g. "KH-LĐLĐ". */
  symbol: z.string(),
  /** "Số: 12/KH-LĐLĐ" (a draft shows "Số:     /KH-LĐLĐ", as the paper draft does). */
  numberLine: z.string(),
  issuedOn: isoDate.nullable(),
  title: z.string(),
  theme: z.string().nullable(),
  place: z.string(),
  intro: z.string().nullable(),
  basis: z.array(planBasis),
  blocks: z.array(planBlock),
  signer: planSigner,
  recipients: z.array(planRecipient),
  version: z.number().int(),
  abilities,
});
export type PlanDto = z.infer<typeof planDto>;

export const planListQuery = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(PLAN_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
});
