import { describe, expect, it } from 'vitest';
import { vietnamHolidays } from './holidays';
import { NOMINATIONS_MESSAGE_KEYS, NominationsError, type NominationsMessage } from './messages';
import { planRoundSchedule } from './schedule';
import { addWorkingDays, validateCalendar } from './working-days';

const cal = { weekendDays: [0, 6], holidays: new Set<string>() };

function caught(fn: () => unknown): NominationsMessage {
  try {
    fn();
  } catch (e) {
    if (e instanceof NominationsError) return { key: e.key, params: e.params };
  }
  throw new Error('expected a NominationsError');
}

/** Calls that between them emit every key the nominations core has. */
function emitted(): NominationsMessage[] {
  const out: NominationsMessage[] = [
    caught(() => addWorkingDays('2025-02-30', 1, cal)),
    caught(() => addWorkingDays('2025-02-03', -1, cal)),
    caught(() => vietnamHolidays(2050)),
    ...validateCalendar({ weekendDays: [0, 1, 2, 3, 4, 5, 6, 9], holidays: new Set() }),
  ];
  const bad = planRoundSchedule({
    ceremonyDate: 'x',
    levels: [{ level: 'A', appraisalWorkingDays: 0 }, { level: 'A', appraisalWorkingDays: 1 }, { level: '', appraisalWorkingDays: 1 }],
    decisionLeadWorkingDays: -1,
    calendar: { weekendDays: [9], holidays: new Set() },
  });
  const empty = planRoundSchedule({ ceremonyDate: '2025-05-05', levels: [], decisionLeadWorkingDays: 0, calendar: cal });
  const late = planRoundSchedule({ ceremonyDate: '2025-05-05', levels: [{ level: 'A', appraisalWorkingDays: 1 }], decisionLeadWorkingDays: 0, calendar: cal, today: '2025-06-01' });
  out.push(...bad.problems, ...empty.problems, ...late.problems);
  return out;
}

describe('nominations messages', () => {
  it('every declared key is emitted by some call (no dead keys), and only declared keys are', () => {
    expect([...new Set(emitted().map((m) => m.key))].sort()).toEqual([...NOMINATIONS_MESSAGE_KEYS].sort());
  });

  it('params are plain strings and numbers', () => {
    for (const m of emitted()) for (const v of Object.values(m.params)) expect(['string', 'number']).toContain(typeof v);
  });

  it('the error names its key in the message', () => {
    const e = new NominationsError({ key: 'nominations.date.invalid', params: { value: 'x' } });
    expect([e.name, e.message, e instanceof Error]).toEqual(['NominationsError', 'nominations.date.invalid {"value":"x"}', true]);
  });
});
