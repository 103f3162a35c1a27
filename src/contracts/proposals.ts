// "Good person, good deed" proposals (người tốt, việc tốt — issue 9, item 4): anyone proposes a
// person with a short story and a contact; officers review it into a story draft or a nomination, or
// decline it with a reason. The proposer is credited as the one who discovered the model.
import { z } from 'zod';
import { abilities, pageQuery } from './common';
import { publicComplaintInput } from './complaints';

export const PROPOSAL_STATUSES = ['RECEIVED', 'STORY', 'NOMINATED', 'DECLINED'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export const PROPOSAL_CHANNELS = ['PUBLIC', 'MEMBER'] as const;

export const PROPOSAL_LIMITS = {
  storyMin: 20,
  storyMax: 3000,
  reasonMin: 10,
  reasonMax: 2000,
  /** Summary of a story draft made from a proposal: the first characters of the story. */
  summaryMax: 300,
  /** Public form: per client address. */
  perHour: 3,
  perDay: 10,
} as const;

/** A logged-in member's proposals, per member (a member is known, so the limit is looser than the public form's). */
export const MEMBER_PROPOSAL_LIMITS = { perHour: 5, perDay: 20 } as const;

// The same rules as the complaints form: invisible and bidirectional characters stripped, NFC, a name
// with at least one letter, a phone number or an email address.
const { name, contact, address: optionalLine, content } = publicComplaintInput.shape;
const story = content.pipe(z.string().min(PROPOSAL_LIMITS.storyMin).max(PROPOSAL_LIMITS.storyMax));
const id = z.number().int().positive();

/** From the public form (no login): who proposes, how to reach them, whom and what they did. */
export const publicProposalInput = z.object({
  proposerName: name,
  proposerContact: contact,
  subjectName: name,
  /** Where the person works or lives ("Tổ Toán – Tin, Trường THCS Phước Minh"). */
  subjectUnit: optionalLine,
  story,
});
export type PublicProposalInput = z.infer<typeof publicProposalInput>;

/** From a logged-in member: their own name and contact are taken from their record when left out. */
export const memberProposalInput = publicProposalInput.extend({ proposerName: name.optional(), proposerContact: contact.optional() });
export type MemberProposalInput = z.infer<typeof memberProposalInput>;

const versioned = { version: z.number().int().positive() };
export const linkProposalPersonInput = z.object({ ...versioned, personId: id.nullable() });
export const proposalStoryInput = z.object({ ...versioned });
export const proposalNominationInput = z.object({ ...versioned, nominationId: id });
export const declineProposalInput = z.object({ ...versioned, reason: z.string().trim().min(PROPOSAL_LIMITS.reasonMin).max(PROPOSAL_LIMITS.reasonMax) });

export const proposalListQuery = pageQuery.extend({
  orgId: z.coerce.number().int().positive().optional(),
  status: z.enum(PROPOSAL_STATUSES).optional(),
});

export const proposalDto = z.object({
  id: z.number(),
  referenceCode: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  channel: z.enum(PROPOSAL_CHANNELS),
  /** Who proposed it: the contact only for the managers of the organisation (null for other readers). */
  proposer: z.object({ name: z.string(), contact: z.string().nullable(), personId: z.number().nullable() }),
  subjectName: z.string(),
  subjectUnit: z.string().nullable(),
  /** The member on record the proposal is about, once an officer linked them. */
  person: z.object({ id: z.number(), name: z.string() }).nullable(),
  story: z.string(),
  status: z.enum(PROPOSAL_STATUSES),
  reviewNote: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  storyId: z.number().nullable(),
  nominationId: z.number().nullable(),
  receivedOn: z.string(),
  version: z.number(),
  abilities,
});
export type ProposalDto = z.infer<typeof proposalDto>;
export const proposalSummaryDto = proposalDto.omit({ story: true });
export type ProposalSummaryDto = z.infer<typeof proposalSummaryDto>;

export const publicProposalResult = z.object({ referenceCode: z.string(), receivedOn: z.string() });
export type PublicProposalResult = z.infer<typeof publicProposalResult>;

/** The proposer's status page: nothing personal, nothing of the story. */
export const publicProposalStatus = z.object({ referenceCode: z.string(), orgName: z.string(), receivedOn: z.string(), status: z.enum(PROPOSAL_STATUSES) });
export type PublicProposalStatus = z.infer<typeof publicProposalStatus>;
