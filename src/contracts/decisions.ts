// Decisions (issue 8): quyết định khen thưởng drafted from council results or directly, numbered and
// locked at signing, with the money per awardee (coefficient × base salary on the decision date).
import { z } from 'zod';
import { abilities, isoDate, pageQuery } from './common';

export const DECISION_STATUSES = ['DRAFT', 'SIGNED', 'REVOKED'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];
/** Document type code of a decision in its symbol ("QĐ-LĐLĐ") and in the register. */
export const DECISION_DOC_TYPE = 'QĐ';
export const DECISION_ROUNDINGS = ['NONE', 'UP_TO_THOUSAND', 'UP_TO_TEN_THOUSAND'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const signer = z.object({ onBehalf: text(120), title: text(120), name: z.string().trim().max(120).nullable() });

export const createDecisionInput = z
  .object({
    orgId: z.number().int().positive(),
    /** Give effect to a council meeting's results: its passed nominations not yet in a decision. */
    meetingId: z.number().int().positive().optional(),
    /** Or name the nominations: passed by the council, or simplified-procedure ones held by the organisation. */
    nominationIds: z.array(z.number().int().positive()).min(1).max(5000).optional(),
    subject: text(500).optional(),
    year: z.number().int().min(2000).max(2100).optional(),
    rounding: z.enum(DECISION_ROUNDINGS).default('NONE'),
  })
  .refine((v) => (v.meetingId === undefined) !== (v.nominationIds === undefined), 'ONE_SOURCE');
export type CreateDecisionInput = z.infer<typeof createDecisionInput>;

export const updateDecisionInput = z.object({
  version: z.number().int().positive(),
  subject: text(500).optional(),
  place: text(100).optional(),
  basis: z.array(text(1000)).min(1).max(20).optional(),
  execution: text(2000).optional(),
  signer: signer.optional(),
  recipients: z.array(text(300)).min(1).max(30).optional(),
  rounding: z.enum(DECISION_ROUNDINGS).optional(),
  /** Achievement text per award code, printed in Điều 1. */
  achievements: z.record(z.string().regex(/^[A-Z0-9_]{2,40}$/), text(1000)).optional(),
});
export type UpdateDecisionInput = z.infer<typeof updateDecisionInput>;

export const signDecisionInput = z.object({
  version: z.number().int().positive(),
  /** The date of signature: the number is taken for its year; not in the future. */
  signedOn: isoDate,
  signerName: z.string().trim().min(1).max(120).optional(),
  /** Required when the decision's money exceeds what is left in the year's reward fund. */
  overBudgetConfirmed: z.boolean().optional(),
  /** Publish on the organisation's public pages (/cong-khai/:code) with its issued copy. */
  publish: z.boolean().optional(),
});

export const decisionListQuery = pageQuery.extend({
  orgId: z.coerce.number().int().positive().optional(),
  status: z.enum(DECISION_STATUSES).optional(),
});

export const decisionCandidatesQuery = pageQuery.extend({
  orgId: z.coerce.number().int().positive(),
  q: z.string().trim().max(100).optional(),
});

/** A nomination the organisation holds, ready for its decision (passed by the council, or simplified procedure). */
export const decisionCandidateDto = z.object({
  id: z.number(),
  subjectName: z.string(),
  unitName: z.string().nullable(),
  awardCode: z.string(),
  awardName: z.string(),
  procedure: z.enum(['NORMAL', 'SIMPLIFIED']),
  status: z.string(),
  year: z.number(),
});
export type DecisionCandidateDto = z.infer<typeof decisionCandidateDto>;

/** Money paid back on a revoked line (Điều 93), into the issuing organisation's fund of the year of `recoveredOn`. */
export const recoveryDto = z.object({
  id: z.number(),
  amountVnd: z.number(),
  recoveredOn: z.string(),
  document: z.string().nullable(),
  note: z.string().nullable(),
  status: z.enum(['ACTIVE', 'REVOKED']),
  revokedReason: z.string().nullable(),
  createdAt: z.string(),
});
export type RecoveryDto = z.infer<typeof recoveryDto>;

export const decisionItemDto = z.object({
  id: z.number(),
  position: z.number(),
  nominationId: z.number().nullable(),
  personId: z.number().nullable(),
  subjectOrgId: z.number().nullable(),
  subjectName: z.string(),
  unitName: z.string().nullable(),
  awardCode: z.string(),
  awardName: z.string(),
  subjectKind: z.enum(['INDIVIDUAL', 'COLLECTIVE']),
  achievement: z.string(),
  coefficient: z.number().nullable(),
  /** Fixed at signing; before it, what the money would be if signed today. */
  amountVnd: z.number().nullable(),
  awardRecordId: z.number().nullable(),
  /** The certificate's serial (issued at signing), printed with a QR code to /verify/<serial>. */
  certificateSerial: z.string().nullable(),
  status: z.enum(['ACTIVE', 'REVOKED']),
  revokedReason: z.string().nullable(),
  revokedBy: z.string().nullable(),
  revokedOn: z.string().nullable(),
  /** Money paid back on a revoked line (active recoveries), and what is still to recover. */
  recoveredVnd: z.number(),
  toRecoverVnd: z.number(),
  /** The recoveries recorded on the line (a wrong entry stays, revoked with its reason). */
  recoveries: z.array(recoveryDto),
});
export type DecisionItemDto = z.infer<typeof decisionItemDto>;

/** The signed scan of a decision (bản có chữ ký, đóng dấu); a new upload supersedes the previous one. */
export const decisionScanDto = z.object({
  id: z.number(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  status: z.enum(['ACTIVE', 'SUPERSEDED', 'REVOKED']),
  uploadedAt: z.string(),
  uploadedByName: z.string().nullable(),
});
export type DecisionScanDto = z.infer<typeof decisionScanDto>;

export const decisionDto = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  status: z.enum(DECISION_STATUSES),
  meetingId: z.number().nullable(),
  year: z.number(),
  subject: z.string(),
  place: z.string(),
  basis: z.array(z.string()),
  execution: z.string(),
  signer: signer,
  recipients: z.array(z.string()),
  rounding: z.enum(DECISION_ROUNDINGS),
  signedOn: z.string().nullable(),
  number: z.number().nullable(),
  symbol: z.string().nullable(),
  /** "05/QĐ-LĐLĐ" once signed. */
  numberText: z.string().nullable(),
  baseSalaryVnd: z.number().nullable(),
  baseSalarySource: z.string().nullable(),
  totalVnd: z.number().nullable(),
  /** For a draft: the reward fund of the year of signing (today) and what would be left after it. */
  fund: z.object({ year: z.number(), budgetVnd: z.number().nullable(), paidVnd: z.number(), balanceAfterVnd: z.number().nullable(), overBudget: z.boolean() }).nullable(),
  /** Money paid on lines revoked since: to be recovered (Điều 93). */
  toRecoverVnd: z.number(),
  revokedReason: z.string().nullable(),
  revokedBy: z.string().nullable(),
  /** When the issued copy went on the organisation's public pages; null when not published. */
  publishedAt: z.string().nullable(),
  items: z.array(decisionItemDto),
  /** Signed scans, the active one first. */
  scans: z.array(decisionScanDto),
  version: z.number(),
  abilities,
});
export type DecisionDto = z.infer<typeof decisionDto>;

export const decisionSummaryDto = decisionDto.omit({ items: true, scans: true, basis: true, recipients: true, execution: true, toRecoverVnd: true, fund: true }).extend({ itemCount: z.number() });
export type DecisionSummaryDto = z.infer<typeof decisionSummaryDto>;

/** Điều 93: revoke some lines or the whole decision, with the ground and the revoking decision. */
export const revokeDecisionInput = z.object({
  /** Lines to revoke; omitted = every active line (the decision as a whole). */
  itemIds: z.array(z.number().int().positive()).min(1).max(5000).optional(),
  reason: z.string().trim().min(10).max(2000),
  /** "Quyết định số 12/QĐ-LĐLĐ ngày 01/03/2027 về việc thu hồi …" */
  revokingDecision: z.string().trim().min(3).max(300),
  revokedOn: isoDate,
});
export type RevokeDecisionInput = z.infer<typeof revokeDecisionInput>;


export const recordRecoveryInput = z.object({
  amountVnd: z.number().int().positive().max(1_000_000_000_000),
  /** Not in the future, not before the line's revocation. */
  recoveredOn: isoDate,
  /** The receipt (phiếu thu) number. */
  document: z.string().trim().max(100).optional().nullable(),
  note: z.string().trim().max(500).optional().nullable(),
});
export type RecordRecoveryInput = z.infer<typeof recordRecoveryInput>;
export const revokeRecoveryInput = z.object({ reason: z.string().trim().min(10).max(2000) });
export const decisionItemParams = z.object({ id: z.coerce.number().int().positive(), itemId: z.coerce.number().int().positive() });
export const recoveryParams = decisionItemParams.extend({ rid: z.coerce.number().int().positive() });
/** The intended date of signature of a draft: its money and the fund warning of that year (today by default). */
export const decisionQuery = z.object({ signedOn: isoDate.optional() });

// ── Reward fund (quỹ thi đua – khen thưởng) ──────────────────────────────────────────────────────

export const fundParams = z.object({ orgId: z.coerce.number().int().positive(), year: z.coerce.number().int().min(2000).max(2100) });
export const setFundBudgetInput = z.object({ amountVnd: z.number().int().min(0).max(1_000_000_000_000), note: z.string().trim().max(500).optional().nullable() });

export const fundDto = z.object({
  orgId: z.number(),
  orgName: z.string(),
  year: z.number(),
  /** null when no budget was set for the year. */
  budgetVnd: z.number().nullable(),
  /** Money of the decisions signed in the year (revoked lines included: paid, then to recover). */
  paidVnd: z.number(),
  /** Revoked money of the year's decisions not yet paid back. */
  toRecoverVnd: z.number(),
  /** Money paid back into the fund in the year (active recoveries dated in it). */
  recoveredVnd: z.number(),
  /** budget − paid + recovered. */
  balanceVnd: z.number().nullable(),
  ledger: z.array(z.object({ decisionId: z.number(), numberText: z.string(), signedOn: z.string(), subject: z.string(), amountVnd: z.number(), toRecoverVnd: z.number(), recoveredVnd: z.number() })),
  /** The recoveries dated in the year. */
  recoveries: z.array(z.object({ id: z.number(), decisionId: z.number(), numberText: z.string(), subjectName: z.string(), amountVnd: z.number(), recoveredOn: z.string(), document: z.string().nullable() })),
  abilities,
});
export type FundDto = z.infer<typeof fundDto>;

// ── Reward rates (mức tiền thưởng of awards without a State coefficient) ─────────────────────────

export const rateParams = z.object({ orgId: z.coerce.number().int().positive(), awardCode: z.string().regex(/^[A-Z0-9_]{2,40}$/) });
export const rateListQuery = z.object({ orgId: z.coerce.number().int().positive(), date: isoDate.optional() });

/** A coefficient of the base salary or a fixed amount (exactly one), from a date. */
export const setRewardRateInput = z
  .object({
    coefficient: z.number().min(0).max(100).multipleOf(0.01).optional(),
    amountVnd: z.number().int().min(0).max(1_000_000_000).optional(),
    effectiveFrom: isoDate,
    note: z.string().trim().max(500).optional().nullable(),
  })
  .refine((v) => (v.coefficient === undefined) !== (v.amountVnd === undefined), { message: 'decisions.rates.oneOf', path: ['amountVnd'] });
export type SetRewardRateInput = z.infer<typeof setRewardRateInput>;

const rateValue = { coefficient: z.number().nullable(), amountVnd: z.number().nullable() };
export const rewardRateDto = z.object({
  awardCode: z.string(),
  awardName: z.string(),
  subjectKind: z.enum(['INDIVIDUAL', 'COLLECTIVE']),
  ...rateValue,
  /** From when the rate in force applies, and which organisation set it (this one or an ancestor); null: no money. */
  effectiveFrom: z.string().nullable(),
  sourceOrgName: z.string().nullable(),
  own: z.boolean(),
  /** This organisation's rates from later dates. */
  upcoming: z.array(z.object({ ...rateValue, effectiveFrom: z.string() })),
});
export type RewardRateDto = z.infer<typeof rewardRateDto>;
export const rewardRateList = z.object({ items: z.array(rewardRateDto), abilities });

// ── Certificates ────────────────────────────────────────────────────────────────────────────────

export const certificatesQuery = z.object({ awardCode: z.string().regex(/^[A-Z0-9_]{2,40}$/).optional() });
export const serialParams = z.object({ serial: z.string().trim().min(3).max(60).regex(/^[A-Za-z0-9-]+$/) });

/** The public verification of a certificate: only the name, award, decision and issuer — or revoked. */
export const verificationDto = z.object({
  serial: z.string(),
  status: z.enum(['VALID', 'REVOKED']),
  recipientName: z.string(),
  awardName: z.string(),
  decisionNumber: z.string(),
  decisionDate: z.string(),
  issuerName: z.string(),
  revokedOn: z.string().nullable(),
});
export type VerificationDto = z.infer<typeof verificationDto>;
