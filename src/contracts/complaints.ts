// Complaints, denunciations and petitions about commendation (issue 9, item 5): intake from the
// public form and by staff, the statutory deadlines, handling, and the submitter's status page.
import { z } from 'zod';
import { abilities, isoDate, pageQuery } from './common';
import { isContact } from './consultations';

export const COMPLAINT_KINDS = ['COMPLAINT', 'DENUNCIATION', 'PETITION'] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];
export const COMPLAINT_STATUSES = ['RECEIVED', 'ACCEPTED', 'NOT_ACCEPTED', 'RESOLVED', 'WITHDRAWN'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const COMPLAINT_OUTCOMES = ['UPHELD', 'PARTLY_UPHELD', 'DISMISSED'] as const;

export const COMPLAINT_LIMITS = {
  nameMax: 120,
  contactMax: 120,
  addressMax: 300,
  contentMin: 20,
  contentMax: 5000,
  reasonMin: 10,
  reasonMax: 2000,
  /** Public form: per client address. */
  perHour: 3,
  perDay: 10,
} as const;

/** Zero-width, bidirectional-override and control characters (except new lines) carry nothing a reader should see. */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0009\u000b-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const visible = (min: number, max: number) =>
  z
    .string()
    .max(max * 2)
    .transform((v) => v.replace(INVISIBLE, '').normalize('NFC').trim())
    .pipe(z.string().min(min).max(max));
const name = visible(2, COMPLAINT_LIMITS.nameMax).refine((v) => /\p{L}/u.test(v), 'complaints.nameInvalid');
const contact = z.string().trim().min(1).max(COMPLAINT_LIMITS.contactMax).refine(isContact, 'complaints.contactInvalid');
const content = visible(COMPLAINT_LIMITS.contentMin, COMPLAINT_LIMITS.contentMax);
const reason = z.string().trim().min(COMPLAINT_LIMITS.reasonMin).max(COMPLAINT_LIMITS.reasonMax);
const id = z.number().int().positive();

/** From the public form (no login): who writes, how to reach them, what about. */
export const publicComplaintInput = z.object({
  kind: z.enum(COMPLAINT_KINDS),
  name,
  contact,
  address: visible(0, COMPLAINT_LIMITS.addressMax).optional(),
  /** When the writer received or learnt of the decision complained about (the 90-day limit runs from it). */
  learnedOn: isoDate.optional(),
  content,
});
export type PublicComplaintInput = z.infer<typeof publicComplaintInput>;

/** Entered by staff from a letter, a visit or a phone call, possibly already linked to what it is about. */
export const staffComplaintInput = publicComplaintInput.extend({
  orgId: id,
  receivedOn: isoDate,
  excludedDays: z.number().int().min(0).max(365).optional(),
  nominationId: id.optional(),
  decisionId: id.optional(),
  personId: id.optional(),
  subjectOrgId: id.optional(),
});
export type StaffComplaintInput = z.infer<typeof staffComplaintInput>;

const versioned = { version: z.number().int().positive() };

/** What the complaint is about: the nomination, the decision, and whom (a person or a unit). */
export const linkComplaintInput = z.object({ ...versioned, nominationId: id.nullable().optional(), decisionId: id.nullable().optional(), personId: id.nullable().optional(), subjectOrgId: id.nullable().optional() });
export const acceptComplaintInput = z.object({ ...versioned, acceptedOn: isoDate, complex: z.boolean(), remote: z.boolean(), excludedDays: z.number().int().min(0).max(365).optional() });
export const closeComplaintInput = z.object({ ...versioned, closedOn: isoDate, reason });
export const resolveComplaintInput = z.object({ ...versioned, closedOn: isoDate, outcome: z.enum(COMPLAINT_OUTCOMES), resolution: reason });

export const complaintListQuery = pageQuery.extend({
  orgId: z.coerce.number().int().positive().optional(),
  status: z.enum(COMPLAINT_STATUSES).optional(),
  kind: z.enum(COMPLAINT_KINDS).optional(),
  /** Only those assigned to the reader ("Của tôi"). */
  mine: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});

/** Assign to a handler (a user who manages the handling organisation), or null to unassign. */
export const assignComplaintInput = z.object({ ...versioned, userId: id.nullable(), note: z.string().trim().max(COMPLAINT_LIMITS.reasonMax).optional() });

/** A second-instance complaint, recorded by the staff of the organisation above the first handler. */
export const secondInstanceInput = z.object({ receivedOn: isoDate, content, complex: z.boolean(), remote: z.boolean() });

/** Extending a denunciation's time limit (Luật Tố cáo 2018, Điều 30): the reason; whether the case is especially complex. */
export const extendDenunciationInput = z.object({ ...versioned, reason, especiallyComplex: z.boolean() });

export const COMPLAINT_DOCUMENT_TYPES = ['ACCEPTANCE_NOTICE', 'RESOLUTION', 'DIALOGUE_MINUTES', 'VERIFICATION_REPORT', 'OTHER'] as const;
export type ComplaintDocumentType = (typeof COMPLAINT_DOCUMENT_TYPES)[number];
/** The multipart fields sent before the file. */
export const complaintDocumentFields = z.object({ docType: z.enum(COMPLAINT_DOCUMENT_TYPES), title: visible(2, 300) });
export const revokeComplaintDocumentInput = z.object({ reason });
export const complaintDocumentDto = z.object({
  id: z.number(),
  complaintId: z.number(),
  docType: z.enum(COMPLAINT_DOCUMENT_TYPES),
  title: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number(),
  status: z.enum(['ACTIVE', 'REVOKED']),
  revokedReason: z.string().nullable(),
  uploadedBy: z.string().nullable(),
  uploadedAt: z.string(),
});
export type ComplaintDocumentDto = z.infer<typeof complaintDocumentDto>;
export const complaintAssigneeDto = z.object({ id: z.number(), name: z.string() });
export type ComplaintAssigneeDto = z.infer<typeof complaintAssigneeDto>;

const deadline = z.object({ deadline: z.string(), days: z.number(), source: z.string(), daysLeft: z.number(), state: z.enum(['ON_TIME', 'DUE_SOON', 'OVERDUE']) });

export const complaintDto = z.object({
  id: z.number(),
  referenceCode: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  kind: z.enum(COMPLAINT_KINDS),
  channel: z.enum(['PUBLIC', 'STAFF']),
  /** The writer's identity: null for readers who do not handle it (a denouncer is protected). */
  complainant: z.object({ name: z.string(), contact: z.string(), address: z.string().nullable() }).nullable(),
  content: z.string(),
  nominationId: z.number().nullable(),
  decisionId: z.number().nullable(),
  decisionNumber: z.string().nullable(),
  subject: z.object({ personId: z.number().nullable(), orgId: z.number().nullable(), name: z.string() }).nullable(),
  learnedOn: z.string().nullable(),
  receivedOn: z.string(),
  excludedDays: z.number(),
  complex: z.boolean(),
  remote: z.boolean(),
  status: z.enum(COMPLAINT_STATUSES),
  /** Filed within the 90 days (null when the date the writer learnt of the decision is unknown). */
  filedInTime: z.boolean().nullable(),
  /** The first-instance deadline while it is being resolved. */
  resolveBy: deadline.nullable(),
  acceptedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  outcome: z.enum(COMPLAINT_OUTCOMES).nullable(),
  resolution: z.string().nullable(),
  /** Whether it keeps its subject from being awarded now (an open pending case). */
  blocksAward: z.boolean(),
  /** 1, or 2 for a second-instance complaint (previousId: the first-instance one; nextId: its second instance). */
  instance: z.number(),
  previousId: z.number().nullable(),
  nextId: z.number().nullable(),
  assignee: complaintAssigneeDto.nullable(),
  /** Extensions granted to a denunciation's time limit. */
  extensions: z.number(),
  /** When a first-instance complaint may go to second instance (null when it may not). */
  secondInstanceWindow: z.object({ opensOn: z.string(), closesOn: z.string(), reason: z.enum(['RESOLVED', 'OVERDUE']) }).nullable(),
  /** Whether an active RESOLUTION document is attached (resolving may require it). */
  hasResolutionDocument: z.boolean(),
  documents: z.array(complaintDocumentDto),
  events: z.array(z.object({ action: z.string(), note: z.string().nullable(), actorName: z.string().nullable(), at: z.string() })),
  version: z.number(),
  abilities,
});
export type ComplaintDto = z.infer<typeof complaintDto>;
export const complaintSummaryDto = complaintDto.omit({ events: true, content: true, complainant: true, resolution: true, documents: true });
export type ComplaintSummaryDto = z.infer<typeof complaintSummaryDto>;

export const publicComplaintResult = z.object({ referenceCode: z.string(), receivedOn: z.string() });
export const referenceParams = z.object({ code: z.string().trim().min(6).max(40).regex(/^[A-Z0-9-]+$/i) });

/** The submitter's status page: nothing personal, nothing about the content. */
const publicInstanceStatus = z.object({
  referenceCode: z.string(),
  kind: z.enum(COMPLAINT_KINDS),
  instance: z.number(),
  orgName: z.string(),
  receivedOn: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  acceptedOn: z.string().nullable(),
  resolveBy: z.string().nullable(),
  closedOn: z.string().nullable(),
  outcome: z.enum(COMPLAINT_OUTCOMES).nullable(),
});
/** The letter looked up, and every instance of the same matter (first, then second), by either code. */
export const publicComplaintStatus = publicInstanceStatus.extend({ instances: z.array(publicInstanceStatus) });
export type PublicComplaintStatus = z.infer<typeof publicComplaintStatus>;
