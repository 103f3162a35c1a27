import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_BASE_SALARIES, MONEY_ROUNDINGS, baseSalaryOn, lineMoney, needsBaseSalary, rewardAmount } from './base-salary';

describe('baseSalaryOn', () => {
  it.each([
    ['2023-06-30', undefined],
    ['2023-07-01', 1_800_000],
    ['2024-06-30', 1_800_000],
    ['2024-07-01', 2_340_000],
    ['2026-01-01', 2_340_000],
    ['2026-06-30', 2_340_000],
    ['2026-07-01', 2_530_000],
    ['2030-01-01', 2_530_000],
  ])('%s → %s', (date, amount) => {
    expect(baseSalaryOn(date)?.amountVnd).toBe(amount);
  });

  it('does not depend on the order of the steps', () => {
    expect(baseSalaryOn('2024-07-01', [...DEFAULT_BASE_SALARIES].reverse())?.amountVnd).toBe(2_340_000);
  });

  it('names the decree of each step', () => {
    expect(baseSalaryOn('2024-07-01')?.source).toBe('Nghị định 73/2024/NĐ-CP');
  });
});

describe('rewardAmount', () => {
  it.each([
    // RULES.md §14.2 table at 2,340,000 and 2,530,000 (no rounding)
    [0.3, 2_340_000, 'NONE', 702_000],
    [1.0, 2_340_000, 'NONE', 2_340_000],
    [3.0, 2_340_000, 'NONE', 7_020_000],
    [4.5, 2_340_000, 'NONE', 10_530_000],
    [0.8, 2_340_000, 'NONE', 1_872_000],
    [1.5, 2_340_000, 'NONE', 3_510_000],
    [8.0, 2_340_000, 'NONE', 18_720_000],
    [12.0, 2_340_000, 'NONE', 28_080_000],
    [0.3, 2_530_000, 'NONE', 759_000],
    [0.8, 2_530_000, 'NONE', 2_024_000],
    [4.5, 2_530_000, 'NONE', 11_385_000],
    // At 1,800,000
    [1.5, 1_800_000, 'NONE', 2_700_000],
    [0.3, 1_800_000, 'NONE', 540_000],
    // Rounding up to the next ten thousand / thousand
    [0.3, 2_340_000, 'UP_TO_TEN_THOUSAND', 710_000],
    [0.8, 2_340_000, 'UP_TO_TEN_THOUSAND', 1_880_000],
    [1.0, 2_340_000, 'UP_TO_TEN_THOUSAND', 2_340_000],
    [0.3, 2_530_000, 'UP_TO_TEN_THOUSAND', 760_000],
    [0.3, 2_530_000, 'UP_TO_THOUSAND', 759_000],
    [0.35, 1_234_567, 'NONE', 432_099],
    [0.35, 1_234_567, 'UP_TO_THOUSAND', 433_000],
  ] as const)('%f × %i (%s) = %i', (coefficient, base, rounding, expected) => {
    expect(rewardAmount(coefficient, base, rounding)).toBe(expected);
  });

  it('works in hundredths so binary floating point cannot add a đồng', () => {
    // 0.07 × 1,800,000 is 126,000.00000000001 in binary floating point; a plain ceil gives 126,001.
    expect(Math.ceil(0.07 * 1_800_000)).toBe(126_001);
    expect(rewardAmount(0.07, 1_800_000, 'NONE')).toBe(126_000);
    expect(rewardAmount(0.54, 1_800_000, 'UP_TO_THOUSAND')).toBe(972_000);
  });
});

describe('lineMoney', () => {
  const rate = (coefficient: number | null, amountVnd: number | null) => ({ coefficient, amountVnd });
  it.each([
    // State coefficient wins over any rate the organisation set.
    [0.3, rate(5, null), 2_340_000, 'NONE', { coefficient: 0.3, amountVnd: 702_000 }],
    [0.3, rate(null, 9_999_999), 2_340_000, 'NONE', { coefficient: 0.3, amountVnd: 702_000 }],
    // No State coefficient: the organisation's coefficient, rounded like State money…
    [null, rate(0.15, null), 2_340_000, 'NONE', { coefficient: 0.15, amountVnd: 351_000 }],
    [null, rate(0.15, null), 2_340_000, 'UP_TO_TEN_THOUSAND', { coefficient: 0.15, amountVnd: 360_000 }],
    // …or its fixed amount, paid as set (no rounding, no base salary needed).
    [null, rate(null, 300_000), 2_340_000, 'UP_TO_TEN_THOUSAND', { coefficient: null, amountVnd: 300_000 }],
    [null, rate(null, 300_000), null, 'NONE', { coefficient: null, amountVnd: 300_000 }],
    // Nothing set, or a coefficient without a base salary: no money.
    [null, null, 2_340_000, 'NONE', { coefficient: null, amountVnd: null }],
    [0.3, null, null, 'NONE', { coefficient: 0.3, amountVnd: null }],
  ] as const)('state %s, rate %o, base %s, %s → %o', (state, r, base, rounding, expected) => {
    expect(lineMoney(state, r, base, rounding)).toEqual(expected);
  });

  it('never pays less than coefficient × base salary, and a fixed amount exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 1_000_000, max: 5_000_000 }), fc.constantFrom(...MONEY_ROUNDINGS), fc.integer({ min: 0, max: 50_000_000 }), (hundredths, base, rounding, fixed) => {
        const c = hundredths / 100;
        const byCoefficient = lineMoney(null, rate(c, null), base, rounding).amountVnd!;
        expect(byCoefficient).toBeGreaterThanOrEqual((hundredths * base) / 100);
        expect(needsBaseSalary(null, rate(c, null))).toBe(true);
        expect(lineMoney(null, rate(null, fixed), base, rounding).amountVnd).toBe(fixed);
        expect(needsBaseSalary(null, rate(null, fixed))).toBe(false);
      }),
    );
  });
});
