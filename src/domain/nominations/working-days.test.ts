import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { vietnamCalendar } from './holidays';
import { NominationsError } from './messages';
import { calendarArb, nearDateArb, weekendsOnly } from './test-support';
import {
  addCalendarDays,
  addWorkingDays,
  dayOfWeek,
  isIsoDate,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  subtractWorkingDays,
  validateCalendar,
  workingDaysBetween,
  type WorkCalendar,
} from './working-days';

const cal2025 = vietnamCalendar([2025]);

function thrownKey(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof NominationsError) return e.key;
    throw e;
  }
  return undefined;
}

describe('dates', () => {
  it.each([
    ['2025-01-01', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['2025-1-01', false],
    ['2025-01-01T00:00:00Z', false],
    ['', false],
  ])('isIsoDate(%s) = %s', (value, ok) => expect(isIsoDate(value)).toBe(ok));

  it.each([
    ['2025-01-01', 3],
    ['2025-04-26', 6],
    ['2025-05-04', 0],
    ['1969-12-31', 3],
  ])('%s is weekday %i', (date, dow) => expect(dayOfWeek(date)).toBe(dow));

  it('calendar days cross months, leap days and years', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addCalendarDays('2025-03-01', -1)).toBe('2025-02-28');
  });
});

describe('working days on the 2025 calendar (30/4 Wed and 1/5 Thu are holidays)', () => {
  it.each([
    // [function, date, n, expected]
    ['add', '2025-04-29', 0, '2025-04-29'],
    ['add', '2025-04-29', 1, '2025-05-02'],
    ['add', '2025-04-29', 2, '2025-05-05'],
    ['add', '2025-04-26', 0, '2025-04-28'], // Saturday → next working day
    ['add', '2025-04-26', 1, '2025-04-28'],
    ['add', '2025-01-27', 1, '2025-02-03'], // across Tết (28/1–1/2) and a weekend
    ['subtract', '2025-05-05', 1, '2025-05-02'],
    ['subtract', '2025-05-02', 1, '2025-04-29'],
    ['subtract', '2025-05-04', 0, '2025-05-02'], // Sunday → previous working day
    ['subtract', '2025-04-08', 1, '2025-04-04'], // Giỗ Tổ 7/4 is a Monday holiday
  ] as const)('%s(%s, %i) = %s', (fn, date, n, expected) => {
    expect((fn === 'add' ? addWorkingDays : subtractWorkingDays)(date, n, cal2025)).toBe(expected);
  });

  it('next, previous, between and isWorkingDay', () => {
    expect(nextWorkingDay('2025-04-29', cal2025)).toBe('2025-05-02');
    expect(nextWorkingDay('2025-04-26', cal2025)).toBe('2025-04-28');
    expect(previousWorkingDay('2025-05-02', cal2025)).toBe('2025-04-29');
    expect(workingDaysBetween('2025-04-25', '2025-05-05', cal2025)).toBe(4); // 28, 29 Apr; 2, 5 May
    expect(workingDaysBetween('2025-05-05', '2025-04-25', cal2025)).toBe(-4);
    expect(workingDaysBetween('2025-05-05', '2025-05-05', cal2025)).toBe(0);
    expect(isWorkingDay('2025-04-30', cal2025)).toBe(false);
    expect(isWorkingDay('2025-05-02', cal2025)).toBe(true);
  });

  it('a Saturday declared worked (làm bù) counts; a date both declared off and worked is off', () => {
    const swapped: WorkCalendar = { ...cal2025, workingOverrides: new Set(['2025-04-26']) };
    expect(isWorkingDay('2025-04-26', swapped)).toBe(true);
    expect(addWorkingDays('2025-04-25', 1, swapped)).toBe('2025-04-26');
    const both: WorkCalendar = { ...cal2025, workingOverrides: new Set(['2025-04-30']) };
    expect(isWorkingDay('2025-04-30', both)).toBe(false);
  });

  it('another weekend (Friday and Saturday) is honoured', () => {
    const cal: WorkCalendar = { weekendDays: [5, 6], holidays: new Set() };
    expect(addWorkingDays('2025-04-24', 1, cal)).toBe('2025-04-27'); // Thu → Sun
  });

  it('bad input throws a NominationsError with a message key', () => {
    expect(thrownKey(() => addWorkingDays('2025-02-30', 1, cal2025))).toBe('nominations.date.invalid');
    expect(thrownKey(() => addWorkingDays('2025-02-03', -1, cal2025))).toBe('nominations.days.invalid');
    expect(thrownKey(() => subtractWorkingDays('2025-02-03', 1.5, cal2025))).toBe('nominations.days.invalid');
    expect(thrownKey(() => isWorkingDay('2025-02-03', { weekendDays: [0, 1, 2, 3, 4, 5, 6], holidays: new Set() }))).toBe('nominations.calendar.noWorkingDays');
    expect(thrownKey(() => workingDaysBetween('2025-02-03', '2025-02-04', { weekendDays: [7], holidays: new Set() }))).toBe('nominations.calendar.weekendInvalid');
    expect(validateCalendar({ weekendDays: [0, 6], holidays: new Set(['2025-02-30']) }).map((p) => p.key)).toEqual(['nominations.date.invalid']);
    expect(validateCalendar(cal2025)).toEqual([]);
  });
});

describe('working-day properties (random calendars)', () => {
  const n = fc.integer({ min: 0, max: 40 });

  it('results are working days, and next/previous skip no working day', () => {
    fc.assert(
      fc.property(calendarArb, nearDateArb, n, (cal, d, k) => {
        for (const r of [addWorkingDays(d, k, cal), subtractWorkingDays(d, k, cal), nextWorkingDay(d, cal), previousWorkingDay(d, cal)]) {
          expect(isWorkingDay(r, cal)).toBe(true);
        }
        expect(workingDaysBetween(d, nextWorkingDay(d, cal), cal)).toBe(1);
        expect(workingDaysBetween(previousWorkingDay(d, cal), d, cal)).toBe(isWorkingDay(d, cal) ? 1 : 0);
      }),
    );
  });

  it('add and subtract round-trip from a working day; between counts exactly n', () => {
    fc.assert(
      fc.property(calendarArb, nearDateArb, n, (cal, start, k) => {
        const d = addWorkingDays(start, 0, cal);
        expect(subtractWorkingDays(addWorkingDays(d, k, cal), k, cal)).toBe(d);
        expect(addWorkingDays(subtractWorkingDays(d, k, cal), k, cal)).toBe(d);
        expect(workingDaysBetween(d, addWorkingDays(d, k, cal), cal)).toBe(k);
        expect(workingDaysBetween(subtractWorkingDays(d, k, cal), d, cal)).toBe(k);
      }),
    );
  });

  it('monotonic in n (strictly from n = 1) and never before/after the start', () => {
    fc.assert(
      fc.property(calendarArb, nearDateArb, n, (cal, d, k) => {
        const a0 = addWorkingDays(d, k, cal);
        const a1 = addWorkingDays(d, k + 1, cal);
        const s0 = subtractWorkingDays(d, k, cal);
        const s1 = subtractWorkingDays(d, k + 1, cal);
        expect(a0 <= a1 && s1 <= s0).toBe(true);
        if (k >= 1) expect(a0 < a1 && s1 < s0).toBe(true);
        expect(a0 >= d && s0 <= d).toBe(true);
      }),
    );
  });

  it('between is antisymmetric and additive', () => {
    fc.assert(
      fc.property(calendarArb, nearDateArb, nearDateArb, nearDateArb, (cal, a, b, c) => {
        expect(workingDaysBetween(a, b, cal)).toBe(0 - workingDaysBetween(b, a, cal));
        expect(workingDaysBetween(a, b, cal) + workingDaysBetween(b, c, cal)).toBe(workingDaysBetween(a, c, cal));
      }),
    );
  });

  it('with weekends only, 5 working days are one calendar week from a weekday', () => {
    fc.assert(
      fc.property(nearDateArb, (start) => {
        const d = addWorkingDays(start, 0, weekendsOnly);
        expect(addWorkingDays(d, 5, weekendsOnly)).toBe(addCalendarDays(d, 7));
      }),
    );
  });
});
