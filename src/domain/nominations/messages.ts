// Every message key the nominations core can emit (bad dates and calendars, holiday years outside the
// lunar table, schedule inputs that cannot be planned, plans that start in the past). The texts belong
// in the message catalogue (src/contracts/messages/{vi,en}); the functions here only return keys and
// the values of their placeholders.
export const NOMINATIONS_MESSAGE_KEYS = [
  'nominations.date.invalid',
  'nominations.days.invalid',
  'nominations.calendar.weekendInvalid',
  'nominations.calendar.noWorkingDays',
  'nominations.holidays.yearNotCovered',
  'nominations.schedule.noLevels',
  'nominations.schedule.levelMissing',
  'nominations.schedule.duplicateLevel',
  'nominations.schedule.durationInvalid',
  'nominations.schedule.levelDurationInvalid',
  'nominations.schedule.dateInvalid',
  'nominations.schedule.calendarInvalid',
  'nominations.schedule.startsInPast',
  'nominations.schedule.deadlinePassed',
] as const;

export type NominationsMessageKey = (typeof NOMINATIONS_MESSAGE_KEYS)[number];
export type MessageParams = Readonly<Record<string, string | number>>;

/** A problem: a message key and the values of its placeholders. */
export interface NominationsMessage<K extends NominationsMessageKey = NominationsMessageKey> {
  key: K;
  params: MessageParams;
}

export const msg = <K extends NominationsMessageKey>(key: K, params: MessageParams = {}): NominationsMessage<K> => ({ key, params });

/**
 * Thrown by the calendar functions on input the caller should have validated (a malformed date, an
 * impossible calendar, a year the lunar table does not cover). It carries a message key and params so
 * the server can map it to a Vietnamese error.
 */
export class NominationsError extends Error {
  readonly key: NominationsMessageKey;
  readonly params: MessageParams;

  constructor(message: NominationsMessage) {
    super(`${message.key} ${JSON.stringify(message.params)}`);
    this.name = 'NominationsError';
    this.key = message.key;
    this.params = message.params;
  }
}
