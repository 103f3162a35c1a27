import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { changePoints, meetsTarget, percent, shareFigure, streakCounts, streakEnding } from './figures';

describe('percent with one decimal, half up', () => {
  it.each([
    [0, 0, null],
    [0, 7, 0],
    [7, 7, 100],
    [1, 3, 33.3],
    [2, 3, 66.7],
    [1, 8, 12.5],
    [1, 16, 6.3], // 6.25 → 6.3 (half up)
    [1, 40, 2.5],
    [1, 400, 0.3], // 0.25 → 0.3
    [1, 2000, 0.1], // 0.05 → 0.1
    [1, 2001, 0], // 0.0499… → 0
    [123, 1000, 12.3],
  ] as const)('%i / %i → %s', (n, d, p) => {
    expect(percent(n, d)).toBe(p);
  });

  it('refuses counts that are not a share', () => {
    expect(() => percent(3, 2)).toThrow(RangeError);
    expect(() => percent(-1, 2)).toThrow(RangeError);
    expect(() => percent(0.5, 2)).toThrow(RangeError);
  });

  it('stays within 0..100, is within 0.05 of the exact share, and grows with the numerator', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000_000 }), fc.integer({ min: 0, max: 5_000_000 }), (d, k) => {
        const n = k % (d + 1);
        const p = percent(n, d)!;
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(100);
        expect(Math.abs(p - (100 * n) / d)).toBeLessThanOrEqual(0.05 + 1e-9);
        expect(Math.round(p * 10)).toBeCloseTo(p * 10, 9);
        if (n < d) expect(percent(n + 1, d)!).toBeGreaterThanOrEqual(p);
      }),
    );
  });

  it('a share figure keeps its counts', () => {
    expect(shareFigure(2, 3)).toEqual({ numerator: 2, denominator: 3, percent: 66.7 });
    expect(shareFigure(0, 0)).toEqual({ numerator: 0, denominator: 0, percent: null });
  });
});

describe('change and target', () => {
  it.each([
    [66.7, 50, 16.7],
    [50, 66.7, -16.7],
    [12.3, 12.3, 0],
    [0.1, 0.3, -0.2],
    [null, 50, null],
    [50, null, null],
  ] as const)('%s vs %s → %s points', (c, p, x) => {
    expect(changePoints(c, p)).toBe(x);
  });
  it.each([
    [70, 70, true],
    [69.9, 70, false],
    [null, 70, null],
  ] as const)('share %s against target %i → %s', (s, t, ok) => {
    expect(meetsTarget(s, t)).toBe(ok);
  });
});

describe('streaks of consecutive years', () => {
  it.each([
    [[], 2026, 0],
    [[2025], 2026, 0],
    [[2026], 2026, 1],
    [[2024, 2025, 2026], 2026, 3],
    [[2026, 2024, 2025, 2025], 2026, 3],
    [[2022, 2023, 2025, 2026], 2026, 2],
    [[2023, 2024, 2025], 2026, 0],
    [[2024, 2025, 2026, 2027], 2026, 3],
  ] as const)('%j ending %i → %i', (ys, y, n) => {
    expect(streakEnding(ys, y)).toBe(n);
  });

  it('equals the longest suffix of years all present, whatever the order and duplicates', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 2010, max: 2030 }), { maxLength: 30 }), fc.integer({ min: 2010, max: 2030 }), (ys, y) => {
        const n = streakEnding([...ys].reverse().concat(ys), y);
        expect(streakEnding(ys, y)).toBe(n);
        for (let i = 0; i < n; i++) expect(ys).toContain(y - i);
        expect(ys).not.toContain(y - n);
      }),
    );
  });

  it('counts subjects with at least N years', () => {
    expect(streakCounts([0, 1, 2, 3, 5, 2], [2, 3])).toEqual([
      { years: 2, count: 4 },
      { years: 3, count: 2 },
    ]);
    fc.assert(
      fc.property(fc.array(fc.nat(12)), (s) => {
        const [two, three] = streakCounts(s, [2, 3]);
        expect(three!.count).toBeLessThanOrEqual(two!.count);
      }),
    );
  });
});
