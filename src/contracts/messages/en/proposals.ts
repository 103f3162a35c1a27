// Server messages of "good person, good deed" proposals and the member portal (issue 9, item 4).
import type { proposals as vi } from '../vi/proposals';

export const proposals: Record<keyof typeof vi, string> = {
  'proposals.api.rateLimitedHour': 'At most {max} proposals an hour from one address. Try again in {minutes} minutes.',
  'proposals.api.rateLimitedDay': 'At most {max} proposals a day from one address. Try again tomorrow.',
  'proposals.api.memberRateLimitedHour': 'You have sent {max} proposals in the last hour. Send more in {minutes} minutes.',
  'proposals.api.memberRateLimitedDay': 'You have sent {max} proposals today. Send more tomorrow.',
  'proposals.api.noPerson': 'Your account is not linked to a member record.',
  'proposals.api.contactMissing': 'Give a phone number or an email address: your record has none.',
  'proposals.api.reviewed': 'The proposal has already been reviewed and cannot change any more.',
  'proposals.api.personOutside': 'The member chosen is outside the organisation that received the proposal.',
  'proposals.api.nominationOutside': 'The nomination chosen does not exist or is outside the organisation that received the proposal.',
  'proposals.api.nominationOtherPerson': 'The nomination chosen is someone else’s, not the proposed person’s.',
} as const;
