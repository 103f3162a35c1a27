// The cascade: requests to respond with their compliance table and reminders, inboxes with read
// receipts, the outgoing register (sổ văn bản đi) and the documents published on public pages.
import { z } from 'zod';
import { isoDate, abilities, pageOf } from './common';
import { LIMITS } from './limits';

export const INBOX_KINDS = ['DOCUMENT', 'REQUEST', 'REMINDER', 'NOTICE'] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

/** ON_TIME: answered by the deadline (Vietnam date); LATE: after it; MISSING: deadline passed, no answer; PENDING: not yet due. */
export const TARGET_STATUSES = ['ON_TIME', 'LATE', 'MISSING', 'PENDING'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

export const RESPONSE_KINDS = ['PLAN', 'REGISTRATION'] as const;

const page = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
};
const boolParam = z.enum(['true', 'false']).transform((v) => v === 'true');
const timestamp = z.string();

// ── Inbox ────────────────────────────────────────────────────────────────────────────────────────

export const inboxQuery = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  kind: z.enum(INBOX_KINDS).optional(),
  unread: boolParam.optional(),
  ...page,
});
export type InboxQuery = z.infer<typeof inboxQuery>;

export const inboxItemDto = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  kind: z.enum(INBOX_KINDS),
  title: z.string(),
  body: z.string().nullable(),
  senderOrgName: z.string().nullable(),
  documentId: z.number().int().nullable(),
  requestId: z.number().int().nullable(),
  /** Web path the item opens. */
  link: z.string().nullable(),
  createdAt: timestamp,
  readAt: timestamp.nullable(),
  readByName: z.string().nullable(),
  /** A document item whose copy can be downloaded from the inbox. */
  hasDocument: z.boolean(),
});
export type InboxItemDto = z.infer<typeof inboxItemDto>;

export const inboxPage = pageOf(inboxItemDto).extend({ unread: z.number().int() });
export type InboxPage = z.infer<typeof inboxPage>;

export const inboxSummary = z.object({
  unread: z.number().int(),
  byKind: z.object({ DOCUMENT: z.number().int(), REQUEST: z.number().int(), REMINDER: z.number().int(), NOTICE: z.number().int() }),
});
export type InboxSummary = z.infer<typeof inboxSummary>;

// ── Outgoing register and published documents ────────────────────────────────────────────────────

export const outgoingQuery = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  docType: z.string().trim().min(1).max(20).optional(),
  ...page,
});
export type OutgoingQuery = z.infer<typeof outgoingQuery>;

export const outgoingDocumentDto = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  year: z.number().int(),
  docType: z.string(),
  number: z.number().int(),
  symbol: z.string(),
  /** "05/KH-LĐLĐ". */
  numberSymbol: z.string(),
  issuedOn: isoDate,
  title: z.string(),
  entityType: z.string(),
  entityId: z.number().int(),
  link: z.string().nullable(),
  publishedAt: timestamp.nullable(),
  archived: z.boolean(),
  deliveries: z.number().int(),
  read: z.number().int(),
});
export type OutgoingDocumentDto = z.infer<typeof outgoingDocumentDto>;

export const deliveryDto = z.object({
  inboxItemId: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  deliveredAt: timestamp,
  readAt: timestamp.nullable(),
  readByName: z.string().nullable(),
});
export type DeliveryDto = z.infer<typeof deliveryDto>;
export const deliveryList = z.object({ items: z.array(deliveryDto), total: z.number().int(), read: z.number().int() });

export const publicDocumentDto = z.object({
  id: z.number().int(),
  numberSymbol: z.string(),
  issuedOn: isoDate,
  title: z.string(),
  publishedAt: timestamp,
  hasDocument: z.boolean(),
  /** A decision revoked as a whole (Điều 93): still listed, marked revoked. */
  revoked: z.boolean(),
});
export type PublicDocumentDto = z.infer<typeof publicDocumentDto>;
export const publicDocumentPage = pageOf(publicDocumentDto).extend({ org: z.object({ code: z.string(), name: z.string() }) });
export type PublicDocumentPage = z.infer<typeof publicDocumentPage>;
export const publicOrgParams = z.object({ code: z.string().trim().min(1).max(50).refine((s) => !s.includes('\u0000')) });
export const publicPageQuery = z.object(page);

// ── Requests and compliance ──────────────────────────────────────────────────────────────────────

export const requestListQuery = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  ...page,
});
export type RequestListQuery = z.infer<typeof requestListQuery>;

export const complianceSummary = z.object({
  total: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
  pending: z.number().int(),
});
export type ComplianceSummary = z.infer<typeof complianceSummary>;

export const requestDto = z.object({
  id: z.number().int(),
  issuerOrgId: z.number().int(),
  issuerName: z.string(),
  sourceType: z.enum(['plan', 'movement']),
  sourceId: z.number().int(),
  responseKind: z.enum(RESPONSE_KINDS),
  year: z.number().int(),
  title: z.string(),
  deadline: isoDate,
  status: z.enum(['OPEN', 'CLOSED']),
  createdAt: timestamp,
  /** Web path of the source (the plan or the movement). */
  link: z.string(),
  /** Counts over the targets the actor may see (all of them for the issuer's readers). */
  summary: complianceSummary,
  abilities,
});
export type RequestDto = z.infer<typeof requestDto>;

export const targetQuery = z.object({
  status: z.enum(TARGET_STATUSES).optional(),
  q: z.string().trim().max(200).optional(),
  ...page,
});
export type TargetQuery = z.infer<typeof targetQuery>;

export const targetDto = z.object({
  orgId: z.number().int(),
  orgCode: z.string(),
  orgName: z.string(),
  status: z.enum(TARGET_STATUSES),
  respondedAt: timestamp.nullable(),
  responseType: z.enum(['plan', 'registration']).nullable(),
  responseId: z.number().int().nullable(),
  responseLink: z.string().nullable(),
  registrations: z.number().int(),
  reminderCount: z.number().int(),
  remindedAt: timestamp.nullable(),
});
export type TargetDto = z.infer<typeof targetDto>;

export const remindInput = z.object({ orgIds: z.array(z.number().int().positive()).min(1).max(10_000).optional() });
export type RemindInput = z.infer<typeof remindInput>;
export const remindResult = z.object({ reminded: z.number().int(), emails: z.number().int() });
export type RemindResult = z.infer<typeof remindResult>;

/** What the issue modal sends to ask subordinate units to respond. */
export const requestSpec = z.object({
  responseKind: z.enum(RESPONSE_KINDS),
  deadline: isoDate,
  /** null = every active grassroots union below the issuer. */
  targetOrgIds: z.array(z.number().int().positive()).min(1).max(10_000).nullable().default(null),
});
export type RequestSpec = z.infer<typeof requestSpec>;
