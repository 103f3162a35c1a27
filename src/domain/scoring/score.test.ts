import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromUnits, toUnits } from './points';
import { scoreSheet, type SheetEntries } from './score';
import { CDCS_1294 } from './templates';
import { allCriteria, crit, sect, sheetArb, tpl, validPointsArb } from './test-support';

// A: 10 (6 + 4), B: 5 (3 + 3, bonus capped at 2), D: deduction capped at 3 (2 + 2). Total 12.
const T = tpl(
  [
    sect('A', 'REGULAR', 10, [crit('A1', 6), crit('A2', 4, 0.5)]),
    sect('B', 'BONUS', 2, [crit('B1', 1.5), crit('B2', 1.5)]),
    sect('D', 'DEDUCTION', 3, [crit('D1', 2, 1), crit('D2', 2, 1)]),
  ],
  12,
);
const sheet = (o: Record<string, number | null>): SheetEntries => new Map(Object.entries({ A1: 0, A2: 0, B1: 0, B2: 0, D1: 0, D2: 0, ...o }));
const sections = (e: SheetEntries) => Object.fromEntries(scoreSheet(T, e).sections.map((s) => [s.code, s.points]));

describe('scoreSheet', () => {
  it.each<[string, Record<string, number | null>, number, Record<string, number>]>([
    ['all zero', {}, 0, { A: 0, B: 0, D: 0 }],
    ['full regular', { A1: 6, A2: 4 }, 10, { A: 10, B: 0, D: 0 }],
    ['bonus capped at the section max', { A1: 6, A2: 4, B1: 1.5, B2: 1.5 }, 12, { A: 10, B: 2, D: 0 }],
    ['deduction subtracted and capped', { A1: 6, A2: 4, D1: 2, D2: 2 }, 7, { A: 10, B: 0, D: 3 }],
    ['total never below zero', { A1: 1, D1: 2, D2: 2 }, 0, { A: 1, B: 0, D: 3 }],
    ['quarter points add exactly', { A1: 5.75, A2: 3.5, B1: 0.25 }, 9.5, { A: 9.25, B: 0.25, D: 0 }],
  ])('%s', (_name, entries, total, secs) => {
    const r = scoreSheet(T, sheet(entries));
    expect(r.total).toBe(total);
    expect(sections(sheet(entries))).toEqual(secs);
    expect(r.problems).toEqual([]);
    expect(r.complete).toBe(true);
  });

  it('splits regular, bonus and deduction totals', () => {
    const r = scoreSheet(T, sheet({ A1: 6, A2: 3, B1: 1.5, D1: 1 }));
    expect([r.regularTotal, r.bonusTotal, r.deductionTotal, r.total, r.maxTotal]).toEqual([9, 1.5, 1, 9.5, 12]);
    expect(r.sections.find((s) => s.code === 'B')).toEqual({ code: 'B', kind: 'BONUS', maxPoints: 2, rawPoints: 1.5, points: 1.5 });
  });

  it.each<[string, Record<string, number | null>, string, Record<string, number | string>]>([
    ['above max', { A1: 6.25 }, 'scoring.sheet.aboveMax', { criterion: 'A1', points: 6.25, max: 6 }],
    ['negative', { A1: -1 }, 'scoring.sheet.negative', { criterion: 'A1', points: -1 }],
    ['off the step', { A2: 0.25 }, 'scoring.sheet.offStep', { criterion: 'A2', points: 0.25, step: 0.5 }],
    ['three decimals', { A1: 0.125 }, 'scoring.sheet.offStep', { criterion: 'A1', points: 0.125, step: 0.25 }],
    ['NaN', { A1: Number.NaN }, 'scoring.sheet.offStep', { criterion: 'A1', points: Number.NaN, step: 0.25 }],
    ['missing (null)', { A1: null }, 'scoring.sheet.missing', { criterion: 'A1' }],
    ['unknown code', { Z9: 1 }, 'scoring.sheet.unknownCriterion', { criterion: 'Z9' }],
  ])('rejects an entry %s, counts it as 0 and marks the sheet incomplete', (_name, entries, key, params) => {
    const r = scoreSheet(T, sheet({ A1: 6, A2: 4, ...entries }));
    expect(r.problems).toEqual([{ key, params }]);
    expect(r.complete).toBe(false);
    const changed = Object.keys(entries)[0]!;
    const c = r.criteria.find((x) => x.code === changed);
    if (c) {
      expect(c.points).toBeNull();
      expect(c.problem?.key).toBe(key);
      expect(r.total).toBe(10 - (changed === 'A1' ? 6 : 4));
    } else expect(r.total).toBe(10);
  });

  it('treats an absent entry as missing', () => {
    const r = scoreSheet(T, new Map([['A1', 6]]));
    expect(r.problems.map((p) => p.params.criterion)).toEqual(['A2', 'B1', 'B2', 'D1', 'D2']);
  });

  it('caps a REGULAR section declared CAPPED ("choose any of these, up to 10")', () => {
    const t = tpl([sect('A', 'REGULAR', 10, [crit('A1', 6), crit('A2', 6)], { criteriaSum: 'CAPPED' })], 10);
    const r = scoreSheet(t, new Map([['A1', 6], ['A2', 5.5]]));
    expect(r.sections[0]).toEqual({ code: 'A', kind: 'REGULAR', maxPoints: 10, rawPoints: 11.5, points: 10 });
    expect([r.regularTotal, r.total]).toEqual([10, 10]);
  });

  it('a step of 0.1 accepts 0.3 (no floating drift)', () => {
    const t = tpl([sect('A', 'REGULAR', 1, [crit('A1', 1, 0.1)])], 1);
    const r = scoreSheet(t, new Map([['A1', 0.1 + 0.2]]));
    expect(r.problems).toEqual([]);
    expect(r.total).toBe(0.3);
  });

  describe('criteria below a share of their maximum', () => {
    it.each<[number | null | undefined, Record<string, number | null>, string[]]>([
      [undefined, { A1: 3, A2: 2 }, []], // exactly 50 % is not below
      [undefined, { A1: 2.75, A2: 2 }, ['A1']],
      [undefined, { A1: 6, A2: null }, ['A2']], // missing counts as 0
      [0.6, { A1: 3.5, A2: 2.5 }, ['A1']],
      [null, { A1: 0, A2: 0 }, []],
    ])('share %s, %j → %j', (share, entries, expected) => {
      const opts = share === undefined ? {} : { belowShare: share };
      expect(scoreSheet(T, sheet(entries), null, opts).criteriaBelowShare).toEqual(expected);
    });

    it('bonus and deduction criteria are never listed', () => {
      expect(scoreSheet(T, sheet({ A1: 6, A2: 4 })).criteriaBelowShare).toEqual([]);
    });
  });

  describe('unit-type variants (CĐCS 1294)', () => {
    const fullFor = (v: 'STATE' | 'ENTERPRISE') =>
      new Map(
        CDCS_1294.sections.flatMap((s) => s.criteria.filter((c) => !c.variants || c.variants.includes(v)).map((c) => [c.code, c.maxPoints] as [string, number])),
      );

    it.each(['STATE', 'ENTERPRISE'] as const)('a full %s sheet scores 100', (v) => {
      const r = scoreSheet(CDCS_1294, fullFor(v), v);
      expect(r.problems).toEqual([]);
      expect(r.total).toBe(100);
      expect(r.sections.map((s) => s.points)).toEqual([40, 40, 15, 5]);
      expect(r.sections.find((s) => s.code === 'B')!.rawPoints).toBe(6);
    });

    it('an enterprise criterion on a state sheet is refused and not counted', () => {
      const e = fullFor('STATE');
      e.set('G1.6E', 5);
      const r = scoreSheet(CDCS_1294, e, 'STATE');
      expect(r.problems).toEqual([{ key: 'scoring.sheet.notApplicable', params: { criterion: 'G1.6E', variant: 'STATE' } }]);
      expect(r.total).toBe(100);
    });

    it('without a unit type, the sheet asks for one', () => {
      const r = scoreSheet(CDCS_1294, fullFor('STATE'), null);
      expect(r.problems[0]).toEqual({ key: 'scoring.sheet.variantRequired', params: { template: 'CDCS_1294' } });
      expect(r.complete).toBe(false);
    });
  });

  it('flags a template that does not validate', () => {
    const bad = tpl([sect('A', 'REGULAR', 10, [crit('A1', 6)])], 10);
    expect(scoreSheet(bad, new Map([['A1', 6]])).problems.map((p) => p.key)).toEqual(['scoring.sheet.templateInvalid']);
  });
});

describe('scoreSheet properties', () => {
  it('totals never exceed the maxima, never go below 0, and equal the exact capped sum', () => {
    fc.assert(
      fc.property(sheetArb, ({ t, entries }) => {
        const r = scoreSheet(t, entries);
        expect(r.problems).toEqual([]);
        expect(r.total).toBeLessThanOrEqual(t.totalPoints);
        expect(r.total).toBeGreaterThanOrEqual(0);
        let expected = 0;
        for (const s of r.sections) {
          expect(s.points).toBeLessThanOrEqual(s.maxPoints);
          const raw = s.kind === 'DEDUCTION' ? -1 : 1;
          expected += raw * Math.min(toUnits(s.rawPoints)!, toUnits(s.maxPoints)!);
        }
        expect(r.total).toBe(fromUnits(Math.max(0, Math.min(toUnits(t.totalPoints)!, expected))));
      }),
    );
  });

  it('changing a bonus or deduction entry never changes any REGULAR section total', () => {
    fc.assert(
      fc.property(
        sheetArb.filter(({ t }) => t.sections.some((s) => s.kind !== 'REGULAR')),
        fc.nat(),
        fc.oneof(fc.double({ min: -10, max: 100, noNaN: true }), fc.constant(null)),
        ({ t, entries }, pick, value) => {
          const extra = allCriteria(t).filter((x) => x.section.kind !== 'REGULAR');
          const target = extra[pick % extra.length]!.criterion.code;
          const before = scoreSheet(t, entries).sections.filter((s) => s.kind === 'REGULAR');
          const after = scoreSheet(t, new Map(entries).set(target, value)).sections.filter((s) => s.kind === 'REGULAR');
          expect(after).toEqual(before);
        },
      ),
    );
  });

  it('the total is monotone: non-decreasing in regular and bonus entries, non-increasing in deductions', () => {
    fc.assert(
      fc.property(
        sheetArb.chain(({ t, entries }) => {
          const all = allCriteria(t);
          return fc.integer({ min: 0, max: all.length - 1 }).chain((i) => validPointsArb(all[i]!.criterion).map((p) => ({ t, entries, target: all[i]!, p })));
        }),
        ({ t, entries, target, p }) => {
          const old = entries.get(target.criterion.code)!;
          const [lo, hi] = p < old ? [p, old] : [old, p];
          const low = scoreSheet(t, new Map(entries).set(target.criterion.code, lo)).total;
          const high = scoreSheet(t, new Map(entries).set(target.criterion.code, hi)).total;
          if (target.section.kind === 'DEDUCTION') expect(high).toBeLessThanOrEqual(low);
          else expect(high).toBeGreaterThanOrEqual(low);
        },
      ),
    );
  });

  it('the order of the entries is irrelevant (also with unknown codes)', () => {
    fc.assert(
      fc.property(
        sheetArb.chain(({ t, entries }) => {
          const all: [string, number | null][] = [...entries, ['X1', 1], ['X0', 2], ['G9', null]];
          return fc.shuffledSubarray(all, { minLength: all.length }).map((shuffled) => ({ t, all, shuffled }));
        }),
        ({ t, all, shuffled }) => {
          expect(scoreSheet(t, new Map(shuffled))).toEqual(scoreSheet(t, new Map(all)));
        },
      ),
    );
  });
});
