// Arbitraries shared by the nominations tests.
import fc from 'fast-check';
import { fromDayNumber, toDayNumber, type WorkCalendar } from './working-days';

/** A date in a narrow window (early 2025), so random holidays and overrides actually hit the walks. */
export const nearDateArb = fc.integer({ min: toDayNumber('2025-01-01'), max: toDayNumber('2025-03-31') }).map(fromDayNumber);

/** Any usable calendar: at least one weekday worked, random holidays and working overrides. */
export const calendarArb: fc.Arbitrary<WorkCalendar> = fc
  .record({
    weekendDays: fc.subarray([0, 1, 2, 3, 4, 5, 6], { maxLength: 6 }),
    holidays: fc.array(nearDateArb, { maxLength: 30 }),
    overrides: fc.array(nearDateArb, { maxLength: 10 }),
  })
  .map(({ weekendDays, holidays, overrides }) => ({ weekendDays, holidays: new Set(holidays), workingOverrides: new Set(overrides) }));

export const weekendsOnly: WorkCalendar = { weekendDays: [0, 6], holidays: new Set() };
