import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MOVEMENT_STATUSES,
  TRANSITIONS,
  canTransition,
  checkOfferedAwards,
  checkPeriod,
  checkStepDate,
  movementAuthority,
  type MovementStatus,
} from './movement-rules';
import { DEFAULT_AWARDS } from '../catalogue/awards';

describe('life cycle', () => {
  it.each<[MovementStatus, MovementStatus, boolean]>([
    ['DRAFT', 'LAUNCHED', true],
    ['DRAFT', 'IN_PROGRESS', false],
    ['LAUNCHED', 'IN_PROGRESS', true],
    ['LAUNCHED', 'MID_REVIEW', false],
    ['LAUNCHED', 'FINAL_REVIEW', false],
    ['IN_PROGRESS', 'MID_REVIEW', true],
    ['IN_PROGRESS', 'FINAL_REVIEW', true],
    ['IN_PROGRESS', 'CLOSED', false],
    ['MID_REVIEW', 'FINAL_REVIEW', true],
    ['MID_REVIEW', 'IN_PROGRESS', false],
    ['FINAL_REVIEW', 'CLOSED', true],
    ['FINAL_REVIEW', 'MID_REVIEW', false],
    ['CLOSED', 'DRAFT', false],
  ])('%s → %s allowed: %s', (from, to, ok) => {
    expect(canTransition(from, to)).toBe(ok);
  });

  it('never goes backwards and always reaches CLOSED (property)', () => {
    const order = (s: MovementStatus) => MOVEMENT_STATUSES.indexOf(s);
    fc.assert(
      fc.property(fc.constantFrom(...MOVEMENT_STATUSES), fc.array(fc.nat(3), { maxLength: 10 }), (start, choices) => {
        let s = start;
        for (const c of choices) {
          const next = TRANSITIONS[s];
          if (next.length === 0) break;
          const to = next[c % next.length]!;
          expect(order(to)).toBeGreaterThan(order(s));
          s = to;
        }
        // From anywhere, following the first allowed step ends at CLOSED.
        let guard = 0;
        while (TRANSITIONS[s].length > 0 && guard++ < 10) s = TRANSITIONS[s][TRANSITIONS[s].length - 1]!;
        expect(s).toBe('CLOSED');
      }),
    );
  });
});

describe('step dates', () => {
  const base = { today: '2024-06-30', previousDate: '2024-03-01', startsOn: '2024-03-15', endsOn: '2024-12-31' };
  it.each<[MovementStatus, string, string | null]>([
    ['LAUNCHED', '2024-03-10', null],
    ['LAUNCHED', '2024-07-01', 'movement.stepInFuture'],
    ['IN_PROGRESS', '2024-02-28', 'movement.stepBeforePrevious'],
    ['IN_PROGRESS', '2024-03-10', 'movement.stepBeforeStart'],
    ['IN_PROGRESS', '2024-03-15', null],
    ['MID_REVIEW', '2024-06-15', null],
    ['FINAL_REVIEW', '2024-06-30', null],
    ['CLOSED', '2024-06-30', null],
  ])('%s on %s → %s', (to, onDate, key) => {
    expect(checkStepDate({ ...base, to, onDate })?.key ?? null).toBe(key);
  });

  it('a launch after the period has ended and a sơ kết outside it are refused', () => {
    const past = { today: '2025-06-30', previousDate: null, startsOn: '2024-01-01', endsOn: '2024-12-31' };
    expect(checkStepDate({ ...past, to: 'LAUNCHED', onDate: '2025-01-05' })?.key).toBe('movement.launchAfterPeriod');
    expect(checkStepDate({ ...past, to: 'MID_REVIEW', onDate: '2025-01-05' })?.key).toBe('movement.midReviewOutsidePeriod');
  });

  it('no accepted date is in the future or before the previous step (property)', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => new Date(Date.UTC(2020, 0, 1) + n * 86400000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.constantFrom<MovementStatus>('LAUNCHED', 'IN_PROGRESS', 'MID_REVIEW', 'FINAL_REVIEW', 'CLOSED'), day, day, day, day, day, (to, onDate, today, prev, a, b) => {
        const [startsOn, endsOn] = a <= b ? [a, b] : [b, a];
        if (checkStepDate({ to, onDate, today, previousDate: prev, startsOn, endsOn }) === null) {
          expect(onDate <= today).toBe(true);
          expect(onDate >= prev).toBe(true);
        }
      }),
    );
  });
});

describe('authority: cấp nào phát động thì cấp đó khen thưởng', () => {
  it.each([
    ['/1/5/', '/1/5/', 'DECIDE'],
    ['/1/5/', '/1/5/23/', 'PROPOSE_UP'],
    ['/1/5/', '/1/', 'PROPOSE_UP'],
    ['/1/5/', '/1/6/', 'NONE'],
    ['/1/5/', '/1/55/', 'NONE'],
  ])('launched by %s, %s → %s', (launching, deciding, expected) => {
    expect(movementAuthority(launching, deciding)).toBe(expected);
  });

  it('only the launching organisation decides (property)', () => {
    const path = fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 4 }).map((ids) => `/${ids.join('/')}/`);
    fc.assert(
      fc.property(path, path, (a, b) => {
        expect(movementAuthority(a, b) === 'DECIDE').toBe(a === b);
        expect(movementAuthority(a, b)).toBe(movementAuthority(b, a));
      }),
    );
  });
});

describe('offered awards', () => {
  const catalogue = DEFAULT_AWARDS.map((a) => ({ ...a, active: true }));
  it.each([
    [['GK_CD_CAP_TREN', 'GK_CD_CAP_TREN_TT'], 'LDLD_HUYEN', null],
    [['BK_LDLD'], 'LDLD_HUYEN', 'movement.awardNotGrantable'],
    [['BK_LDLD'], 'LDLD_TINH', null],
    [['GK_CDCS'], 'CDCS', null],
    [['GK_CD_CAP_TREN'], 'CDCS', 'movement.awardNotGrantable'],
    [['NO_SUCH'], 'LDLD_HUYEN', 'movement.unknownAward'],
    [['GK_CD_CAP_TREN', 'GK_CD_CAP_TREN'], 'LDLD_HUYEN', 'movement.duplicateAward'],
    [['BK_TTG'], 'TLD', 'movement.awardNotGrantable'],
  ])('%j offered by %s → %s', (codes, kind, key) => {
    expect(checkOfferedAwards(codes, catalogue, kind, 'Đơn vị')?.key ?? null).toBe(key);
  });

  it('an inactive catalogue entry cannot be offered', () => {
    expect(checkOfferedAwards(['GK_CDCS'], catalogue.map((a) => ({ ...a, active: a.code !== 'GK_CDCS' })), 'CDCS', 'X')?.key).toBe('movement.unknownAward');
  });
});

describe('period', () => {
  it.each([
    [2024, '2024-01-01', '2024-12-31', null],
    [2024, '2024-05-01', '2024-04-30', 'movement.periodReversed'],
    [2024, '2025-01-01', '2025-12-31', 'movement.periodOutsideYear'],
    [2024, '2021-01-01', '2025-12-31', null],
  ])('%i %s–%s → %s', (year, s, e, key) => {
    expect(checkPeriod(year, s, e)?.key ?? null).toBe(key);
  });
});
