// The member portal (issue 9, item 4): a logged-in member's own record — who they are, their
// memberships, achievements, registrations, awards with their certificates, and the good deeds they
// proposed or are credited for. Only ever the actor's own person.
import { z } from 'zod';
import { membershipPeriod } from './members';
import { timelineItem } from './achievements';
import { registrationDto } from './registrations';
import { PROPOSAL_STATUSES } from './proposals';

export const myAward = z.object({
  decisionItemId: z.number(),
  awardCode: z.string(),
  awardName: z.string(),
  achievement: z.string(),
  decisionNumber: z.string(),
  decisionDate: z.string(),
  issuerName: z.string(),
  revoked: z.boolean(),
  revokedOn: z.string().nullable(),
  /** The certificate's serial (null when none was issued for the line) and its public verification page. */
  serial: z.string().nullable(),
  verifyUrl: z.string().nullable(),
});
export type MyAward = z.infer<typeof myAward>;

export const myProposal = z.object({ id: z.number(), referenceCode: z.string(), subjectName: z.string(), receivedOn: z.string(), status: z.enum(PROPOSAL_STATUSES) });
export const myCredit = z.object({ storyId: z.number().nullable(), title: z.string().nullable(), role: z.string(), at: z.string() });

export const myRecord = z.object({
  /** False when the user is not linked to a member on record: the page shows the empty state. */
  hasPerson: z.boolean(),
  person: z.object({ id: z.number(), fullName: z.string(), memberCode: z.string().nullable(), unitName: z.string().nullable(), status: z.string() }).nullable(),
  memberships: z.array(membershipPeriod),
  records: z.array(timelineItem),
  registrations: z.array(registrationDto),
  awards: z.array(myAward),
  proposals: z.array(myProposal),
  credits: z.array(myCredit),
});
export type MyRecord = z.infer<typeof myRecord>;
