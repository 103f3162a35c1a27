import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_COMPLAINT_TIME_LIMITS, COMPLAINT_STEPS, daysAllowed, deadlineOf, deadlineState, denunciationDeadline, filedInTime, inWindow, maxDenunciationExtensions, secondInstanceWindow, type ComplaintStep,
} from './time-limits';
import { addCalendarDays, isWorkingDay, toDayNumber, workingDaysBetween, type WorkCalendar } from '../nominations/working-days';

// Weekends plus the 2027 days off around 30/4 – 1/5 (with the compensatory Monday).
const cal: WorkCalendar = { weekendDays: [0, 6], holidays: new Set(['2027-04-30', '2027-05-01', '2027-05-03']) };
const normal = { complex: false, remote: false };

describe('days allowed (Luật Khiếu nại 2011, RULES §9)', () => {
  it.each([
    ['FILING', false, false, 90],
    ['FILING', true, true, 90],
    ['FIRST_INSTANCE', false, false, 30],
    ['FIRST_INSTANCE', true, false, 45],
    ['FIRST_INSTANCE', false, true, 45],
    ['FIRST_INSTANCE', true, true, 60],
    ['APPEAL_WINDOW', false, false, 30],
    ['APPEAL_WINDOW', false, true, 45],
    ['SECOND_INSTANCE', false, false, 45],
    ['SECOND_INSTANCE', true, false, 60],
    ['SECOND_INSTANCE', false, true, 60],
    ['SECOND_INSTANCE', true, true, 70],
  ] as const)('%s complex=%s remote=%s → %i days', (step, complex, remote, days) => {
    expect(daysAllowed(step, { complex, remote })).toBe(days);
  });
});

describe('deadlineOf', () => {
  it.each([
    // step, from, flags, excluded, deadline, rolled
    ['FIRST_INSTANCE', '2027-03-01', normal, 0, '2027-03-31', false],
    ['FIRST_INSTANCE', '2027-03-01', { complex: true, remote: false }, 0, '2027-04-15', false],
    // 60 days end on 30/4, a holiday: the period ends on the next working day (Tue 4/5).
    ['FIRST_INSTANCE', '2027-03-01', { complex: true, remote: true }, 0, '2027-05-04', true],
    ['SECOND_INSTANCE', '2027-03-01', { complex: true, remote: true }, 0, '2027-05-10', false],
    // 90 days end on a Saturday: Monday.
    ['FILING', '2027-01-10', normal, 0, '2027-04-12', true],
    // Five days lost to illness are added.
    ['FILING', '2027-01-10', normal, 5, '2027-04-15', false],
  ] as const)('%s from %s %o (+%i excluded) → %s', (step, from, flags, excluded, deadline, rolled) => {
    const d = deadlineOf(step as ComplaintStep, from, flags, cal, DEFAULT_COMPLAINT_TIME_LIMITS, excluded);
    expect(d.deadline).toBe(deadline);
    expect(d.rolled).toBe(rolled);
    expect(d.source).toMatch(/^Luật Khiếu nại 2011/);
  });

  it('counts working days when the parameter says so, and can leave the last day where it falls', () => {
    const working = { ...DEFAULT_COMPLAINT_TIME_LIMITS, dayKind: 'WORKING' as const };
    const d = deadlineOf('FIRST_INSTANCE', '2027-03-01', normal, cal, working);
    expect(workingDaysBetween('2027-03-01', d.deadline, cal)).toBe(30);
    const noRoll = deadlineOf('FILING', '2027-01-10', normal, cal, { ...DEFAULT_COMPLAINT_TIME_LIMITS, rollToWorkingDay: false });
    expect(noRoll).toMatchObject({ deadline: '2027-04-10', rolled: false });
  });

  it('refuses a negative or fractional number of excluded days', () => {
    expect(() => deadlineOf('FILING', '2027-01-10', normal, cal, DEFAULT_COMPLAINT_TIME_LIMITS, -1)).toThrow(RangeError);
    expect(() => deadlineOf('FILING', '2027-01-10', normal, cal, DEFAULT_COMPLAINT_TIME_LIMITS, 1.5)).toThrow(RangeError);
  });

  const date = fc.integer({ min: toDayNumber('2020-01-01'), max: toDayNumber('2035-12-31') }).map((n) => addCalendarDays('1970-01-01', n));
  const flags = fc.record({ complex: fc.boolean(), remote: fc.boolean() });

  it('never ends before the days allowed, ends on a working day, and is later for complex or remote cases', () => {
    fc.assert(
      fc.property(fc.constantFrom(...COMPLAINT_STEPS), date, flags, fc.integer({ min: 0, max: 30 }), (step, from, f, excluded) => {
        const d = deadlineOf(step, from, f, cal, DEFAULT_COMPLAINT_TIME_LIMITS, excluded);
        expect(toDayNumber(d.nominal) - toDayNumber(from)).toBe(daysAllowed(step, f) + excluded);
        expect(toDayNumber(d.deadline)).toBeGreaterThanOrEqual(toDayNumber(d.nominal));
        expect(isWorkingDay(d.deadline, cal)).toBe(true);
        const plain = deadlineOf(step, from, normal, cal, DEFAULT_COMPLAINT_TIME_LIMITS, excluded);
        expect(toDayNumber(d.deadline)).toBeGreaterThanOrEqual(toDayNumber(plain.deadline));
      }),
    );
  });
});

describe('deadlineState and filing in time', () => {
  it.each([
    ['2027-03-31', '2027-03-01', 30, 'ON_TIME'],
    ['2027-03-31', '2027-03-26', 5, 'DUE_SOON'],
    ['2027-03-31', '2027-03-31', 0, 'DUE_SOON'],
    ['2027-03-31', '2027-04-01', -1, 'OVERDUE'],
  ] as const)('deadline %s on %s → %i days left, %s', (deadline, today, daysLeft, state) => {
    expect(deadlineState(deadline, today)).toEqual({ daysLeft, state });
  });

  it('accepts a complaint up to the (rolled) filing deadline and not a day later', () => {
    expect(filedInTime('2027-01-10', '2027-04-12', cal)).toBe(true);
    expect(filedInTime('2027-01-10', '2027-04-13', cal)).toBe(false);
    // One excluded day ends on Sunday 11/4, rolled to Monday 12/4 again; three reach Tuesday 13/4.
    expect(filedInTime('2027-01-10', '2027-04-13', cal, DEFAULT_COMPLAINT_TIME_LIMITS, 1)).toBe(false);
    expect(filedInTime('2027-01-10', '2027-04-13', cal, DEFAULT_COMPLAINT_TIME_LIMITS, 3)).toBe(true);
  });
});

describe('denunciations (Luật Tố cáo 2018, Điều 30 — [uncertain] parameters)', () => {
  it.each([
    // complex, especially complex → extensions allowed
    [false, false, 0],
    [true, false, 1],
    [false, true, 2],
    [true, true, 2],
  ] as const)('complex=%s especiallyComplex=%s → %i extensions', (complex, especially, n) => {
    expect(maxDenunciationExtensions(complex, especially)).toBe(n);
  });

  it.each([
    ['2027-03-01', 0, 30, '2027-03-31', false],
    // 60 days end on 30/4, a holiday: Tuesday 4/5.
    ['2027-03-01', 1, 60, '2027-05-04', true],
    // 90 days end on Sunday 30/5: Monday.
    ['2027-03-01', 2, 90, '2027-05-31', true],
  ] as const)('accepted %s with %i extensions → %i days, %s', (from, ext, days, deadline, rolled) => {
    const d = denunciationDeadline(from, ext, cal);
    expect(d).toMatchObject({ days, deadline, rolled, extensions: ext, source: 'Luật Tố cáo 2018, Điều 30' });
  });

  it('takes its figures from the parameters and refuses a negative number of extensions', () => {
    const limits = { ...DEFAULT_COMPLAINT_TIME_LIMITS, denunciation: { days: 20, extensionDays: 10, extensionsComplex: 2, extensionsEspeciallyComplex: 3 } };
    expect(denunciationDeadline('2027-03-01', 1, cal, limits).days).toBe(30);
    expect(maxDenunciationExtensions(true, false, limits)).toBe(2);
    expect(() => denunciationDeadline('2027-03-01', -1, cal)).toThrow(RangeError);
  });

  const date = fc.integer({ min: toDayNumber('2020-01-01'), max: toDayNumber('2035-12-31') }).map((n) => addCalendarDays('1970-01-01', n));
  it('each extension moves the deadline later, by at least the extension days from the nominal end, onto a working day', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 3 }), (from, ext) => {
        const a = denunciationDeadline(from, ext, cal);
        const b = denunciationDeadline(from, ext + 1, cal);
        expect(toDayNumber(b.nominal) - toDayNumber(a.nominal)).toBe(30);
        expect(toDayNumber(b.deadline)).toBeGreaterThan(toDayNumber(a.deadline));
        expect(isWorkingDay(b.deadline, cal)).toBe(true);
      }),
    );
  });
});

describe('the window to second instance (Luật Khiếu nại 2011, Điều 33)', () => {
  it.each([
    // status, accepted, closed, flags, opens, closes, reason
    ['RESOLVED', '2027-01-04', '2027-02-01', normal, '2027-02-01', '2027-03-03', 'RESOLVED'],
    // Remote: 45 days from the resolution.
    ['RESOLVED', '2027-01-04', '2027-02-01', { complex: false, remote: true }, '2027-02-01', '2027-03-18', 'RESOLVED'],
    // Unresolved: the first-instance deadline (3/2) passes; the window opens the next day for 30 days.
    ['ACCEPTED', '2027-01-04', null, normal, '2027-02-04', '2027-03-05', 'OVERDUE'],
  ] as const)('%s accepted %s closed %s %o → %s … %s', (status, acceptedOn, closedOn, flags, opensOn, closesOn, reason) => {
    expect(secondInstanceWindow({ status, acceptedOn, closedOn }, flags, cal)).toEqual({ opensOn, closesOn, reason });
  });

  it.each(['RECEIVED', 'NOT_ACCEPTED', 'WITHDRAWN'])('none after a complaint %s', (status) => {
    expect(secondInstanceWindow({ status, acceptedOn: '2027-01-04', closedOn: '2027-02-01' }, normal, cal)).toBeNull();
  });

  const date = fc.integer({ min: toDayNumber('2020-01-01'), max: toDayNumber('2035-12-31') }).map((n) => addCalendarDays('1970-01-01', n));
  it('opens no earlier than the resolution or the day after the deadline, lasts at least the window days, and inWindow agrees with its bounds', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 200 }), fc.record({ complex: fc.boolean(), remote: fc.boolean() }), fc.boolean(), fc.integer({ min: -5, max: 80 }), (acceptedOn, after, flags, resolved, offset) => {
        const closedOn = addCalendarDays(acceptedOn, after);
        const w = secondInstanceWindow({ status: resolved ? 'RESOLVED' : 'ACCEPTED', acceptedOn, closedOn: resolved ? closedOn : null }, flags, cal)!;
        const start = resolved ? closedOn : deadlineOf('FIRST_INSTANCE', acceptedOn, flags, cal).deadline;
        expect(toDayNumber(w.closesOn) - toDayNumber(start)).toBeGreaterThanOrEqual(daysAllowed('APPEAL_WINDOW', flags));
        expect(w.opensOn <= w.closesOn).toBe(true);
        const day = addCalendarDays(w.opensOn, offset);
        expect(inWindow(w, day)).toBe(day >= w.opensOn && toDayNumber(day) <= toDayNumber(w.closesOn));
        if (!resolved) expect(toDayNumber(w.opensOn)).toBe(toDayNumber(start) + 1);
      }),
    );
  });
});
