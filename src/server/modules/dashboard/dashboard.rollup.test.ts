import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { topThreshold, walkByName } from './dashboard.rollup';

describe('topThreshold', () => {
  it('is the shortest run still needed for the top list', () => {
    expect(topThreshold(new Map([[2, 100], [3, 30], [5, 15], [7, 4]]), 20)).toBe(3);
    expect(topThreshold(new Map([[2, 100], [3, 30], [5, 16], [7, 4]]), 20)).toBe(5);
    expect(topThreshold(new Map([[2, 3], [4, 1]]), 20)).toBe(2);
    expect(topThreshold(new Map(), 20)).toBe(2);
    expect(topThreshold(new Map([[10, 25]]), 20)).toBe(10);
  });

  it('keeps the top N: fewer than N runs are longer, at least N (or all) are as long or longer', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.integer({ min: 2, max: 12 }).map(String), fc.nat(40)), fc.integer({ min: 1, max: 30 }), (d, top) => {
        const m = new Map(Object.entries(d).map(([k, v]) => [Number(k), v]));
        const t = topThreshold(m, top);
        const atLeast = (l: number) => [...m].filter(([r]) => r >= l).reduce((a, [, n]) => a + n, 0);
        expect(atLeast(t + 1)).toBeLessThan(top);
        const total = atLeast(2);
        expect(atLeast(t)).toBeGreaterThanOrEqual(Math.min(top, total));
      }),
    );
  });
});

describe('walkByName', () => {
  it('walks the runs in name order when that reads fewer rows than the subtree’s awards', () => {
    // National root: 70,000 at the top length, all in the subtree → about 20 rows, not 2.9 million awards.
    expect(walkByName({ awards: 2_900_000, treeLonger: 0, treeAtThreshold: 70_000, subtreeAtThreshold: 70_000 }, 20)).toBe(true);
    // A province with a tenth of them: about 200 rows.
    expect(walkByName({ awards: 280_000, treeLonger: 0, treeAtThreshold: 70_000, subtreeAtThreshold: 7_000 }, 20)).toBe(true);
    // A grassroots union with 40 awards and 2 at the top length: its awards are fewer.
    expect(walkByName({ awards: 40, treeLonger: 0, treeAtThreshold: 70_000, subtreeAtThreshold: 2 }, 20)).toBe(false);
    expect(walkByName({ awards: 40, treeLonger: 0, treeAtThreshold: 10, subtreeAtThreshold: 0 }, 20)).toBe(false);
  });
});
