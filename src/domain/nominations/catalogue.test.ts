import { describe, expect, it } from 'vitest';
import { nominations as en } from '../../contracts/messages/en/nominations';
import { nominations as vi } from '../../contracts/messages/vi/nominations';
import { NOMINATIONS_MESSAGE_KEYS } from './messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

/** The params each key is emitted with (see the msg(...) calls): a text may use only these. */
const PARAMS: Record<(typeof NOMINATIONS_MESSAGE_KEYS)[number], string[]> = {
  'nominations.date.invalid': ['value'],
  'nominations.days.invalid': ['value'],
  'nominations.calendar.weekendInvalid': ['value'],
  'nominations.calendar.noWorkingDays': [],
  'nominations.holidays.yearNotCovered': ['year', 'from', 'to'],
  'nominations.schedule.noLevels': [],
  'nominations.schedule.levelMissing': ['position'],
  'nominations.schedule.duplicateLevel': ['level'],
  'nominations.schedule.durationInvalid': ['field', 'value', 'min', 'max'],
  'nominations.schedule.levelDurationInvalid': ['field', 'value', 'min', 'max', 'level'],
  'nominations.schedule.dateInvalid': ['field', 'value'],
  'nominations.schedule.calendarInvalid': [],
  'nominations.schedule.startsInPast': ['level', 'date', 'today'],
  'nominations.schedule.deadlinePassed': ['level', 'date', 'today'],
};

describe('the catalogue of the nominations core', () => {
  it('has a Vietnamese and an English text for exactly the keys the core emits', () => {
    expect(Object.keys(vi).sort()).toEqual([...NOMINATIONS_MESSAGE_KEYS].sort());
    expect(Object.keys(en).sort()).toEqual([...NOMINATIONS_MESSAGE_KEYS].sort());
  });

  it.each(NOMINATIONS_MESSAGE_KEYS.map((k) => [k]))('%s: both languages use the same placeholders, all of them params the core sends', (key) => {
    expect(placeholders(en[key])).toEqual(placeholders(vi[key]));
    for (const p of placeholders(vi[key])) expect(PARAMS[key]).toContain(p);
  });
});
