// Server messages of complaints, denunciations and petitions about commendation (issue 9).
import type { complaints as vi } from '../vi/complaints';

export const complaints: Record<keyof typeof vi, string> = {
  'complaints.nameInvalid': 'Give the name of the person writing.',
  'complaints.contactInvalid': 'Give a phone number or an email address so that the office can reach you.',
  'complaints.case.complaint': 'Complaint being resolved',
  'complaints.case.denunciation': 'Denunciation being resolved',
  'complaints.case.relinked': 'The letter was moved to another person or unit.',
  'complaints.api.rateLimitedHour': 'At most {max} letters an hour from one address. Try again in {minutes} minutes.',
  'complaints.api.rateLimitedDay': 'At most {max} letters a day from one address. Try again tomorrow.',
  'complaints.api.learnedInFuture': 'The date you received or learnt of the decision cannot be after today.',
  'complaints.api.receivedInFuture': 'The date received cannot be after today.',
  'complaints.api.learnedAfterReceived': 'The date the decision was learnt of cannot be after the date received.',
  'complaints.api.oneSubject': 'A letter is about one person or one unit: choose one.',
  'complaints.api.linkOutside': 'The nomination, decision, person or unit chosen is outside the handling organisation.',
  'complaints.api.closed': 'The letter is closed and cannot change any more.',
  'complaints.api.notReceived': 'Only a newly received letter can be accepted.',
  'complaints.api.notAccepted': 'The letter has not been accepted, so it cannot be resolved yet.',
  'complaints.api.acceptedOnInvalid': 'The acceptance date must be between the date received and today.',
  'complaints.api.closedOnInvalid': 'The closing date must be between the date received (or accepted) and today.',
};
