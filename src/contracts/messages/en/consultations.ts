import type { consultations as vi } from '../vi/consultations';

// Messages: public consultation — the API and the audit-facing texts.
export const consultations: Record<keyof typeof vi, string> = {
  'consultations.contactInvalid': 'Give an email address or a phone number so that the office can reply to you.',
  'consultations.api.summaryPersonal': 'The achievement summary of {name} contains what looks like {kind}: personal data may not be published. Remove it and save again.',
  'consultations.api.kind.CCCD': 'a citizen ID number (12 digits)',
  'consultations.api.kind.PHONE': 'a phone number',
  'consultations.api.kind.EMAIL': 'an email address',
  'consultations.api.duplicateNomination': 'Each nomination may appear on the list only once.',
  'consultations.api.notAvailable': 'Some nominations cannot be published (only nominations the organisation holds and has sent to its council): {names}.',
  'consultations.api.alreadyConsulted': 'Already in another consultation that has not ended: {names}.',
  'consultations.api.meetingInvalid': 'The chosen meeting does not belong to this organisation’s council or is over.',
  'consultations.api.startsInPast': 'The consultation cannot start before today ({today}): a list is public only from the day it is published. Choose today or a later day.',
  'consultations.api.startsInPastField': 'Cannot be before today ({today}).',
  'consultations.api.tooLate': 'Too late to consult the public on nominations the council is voting on, has voted on or has decided: {names}. The consultation must end before the vote.',
  'consultations.api.notStarted': 'This consultation starts on {startsOn}: feedback is not accepted yet.',
  'consultations.api.ended': 'This consultation ended on {endsOn}: no more feedback is accepted.',
  'consultations.api.withdrawn': 'This consultation was withdrawn: feedback is not accepted.',
  'consultations.api.alreadyWithdrawn': 'This consultation was already withdrawn.',
  'consultations.api.rateLimitedHour': 'You sent {max} comments in the last hour. Please try again in {minutes} minutes.',
  'consultations.api.rateLimitedDay': 'You sent {max} comments in the last 24 hours. Please try again tomorrow.',
};
