import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normaliseCouncil, visibleMarks, type CouncilMark } from './council';

const m = (scorerId: string, unitId: string, total: number, submitted = true): CouncilMark => ({ scorerId, unitId, total, submitted });

describe('normaliseCouncil', () => {
  // s1 is lenient (+10 on everything), s3 is harsh on u2.
  const marks = [m('s1', 'u1', 90), m('s2', 'u1', 80), m('s3', 'u1', 80), m('s1', 'u2', 70), m('s2', 'u2', 60), m('s3', 'u2', 40), m('s1', 'u3', 80), m('s2', 'u3', 70), m('s3', 'u3', 70)];

  it('per-scorer mean and population SD', () => {
    const r = normaliseCouncil(marks);
    expect(r.scorers).toEqual([
      { scorerId: 's1', count: 3, mean: 80, sd: 8.165 },
      { scorerId: 's2', count: 3, mean: 70, sd: 8.165 },
      { scorerId: 's3', count: 3, mean: 63.3333, sd: 16.9967 },
    ]);
  });

  it('z-scores remove a scorer\'s leniency: s1 and s2 give the same z to every unit', () => {
    const r = normaliseCouncil(marks);
    for (const u of r.units) {
      const z = Object.fromEntries(u.marks.map((x) => [x.scorerId, x.z]));
      expect(z.s1).toBe(z.s2);
    }
    const u1 = r.units.find((u) => u.unitId === 'u1')!;
    expect(u1.rawMean).toBe(83.3333);
    expect(u1.marks.map((x) => x.z)).toEqual([1.2247, 1.2247, 0.9806]);
    expect(u1.zMean).toBe(1.1434);
  });

  it('flags a raw mark far from the other scorers (leave-one-out), not the scorers it is compared with', () => {
    const r = normaliseCouncil(marks);
    const u2 = r.units.find((u) => u.unitId === 'u2')!;
    // s3: 40 vs others' mean 65, SD 5 → 5 SD away.
    expect(u2.marks.map((x) => [x.scorerId, x.outlier, x.othersMean])).toEqual([
      ['s1', false, 50],
      ['s2', false, 55],
      ['s3', true, 65],
    ]);
    // s1's +10 leniency is flagged on raw marks where the others agree (u1, u3); its z-scores show it is consistent.
    expect(r.units.flatMap((u) => u.marks.filter((x) => x.outlier).map((x) => `${u.unitId}/${x.scorerId}`))).toEqual(['u1/s1', 'u2/s3', 'u3/s1']);
  });

  it.each<[string, CouncilMark[], number | undefined, number | undefined, boolean[]]>([
    ['others agree exactly: the SD floor of 1 point stops a quarter point being flagged', [m('a', 'u', 80), m('b', 'u', 80), m('c', 'u', 80.25)], undefined, undefined, [false, false, false]],
    ['others agree exactly: 3 points away is flagged', [m('a', 'u', 80), m('b', 'u', 80), m('c', 'u', 83)], undefined, undefined, [false, false, true]],
    ['k = 4 tolerates 3 points', [m('a', 'u', 80), m('b', 'u', 80), m('c', 'u', 83)], 4, undefined, [false, false, false]],
    ['a larger floor tolerates more', [m('a', 'u', 80), m('b', 'u', 80), m('c', 'u', 83)], undefined, 2, [false, false, false]],
    ['two scorers: nothing can be flagged', [m('a', 'u', 100), m('b', 'u', 0)], undefined, undefined, [false, false]],
  ])('%s', (_name, ms, k, minSpread, flags) => {
    const opts = { ...(k === undefined ? {} : { k }), ...(minSpread === undefined ? {} : { minSpread }) };
    expect(normaliseCouncil(ms, opts).units[0]!.marks.map((x) => x.outlier)).toEqual(flags);
  });

  it('a scorer with a single mark (SD 0) gets z 0; drafts take no part', () => {
    const r = normaliseCouncil([m('a', 'u1', 70), m('b', 'u1', 90), m('b', 'u2', 50), m('a', 'u2', 10, false)]);
    expect(r.scorers.find((s) => s.scorerId === 'a')).toEqual({ scorerId: 'a', count: 1, mean: 70, sd: 0 });
    const u1 = r.units.find((u) => u.unitId === 'u1')!;
    expect(u1.marks.map((x) => [x.scorerId, x.z])).toEqual([
      ['a', 0],
      ['b', 1],
    ]);
    expect(r.units.find((u) => u.unitId === 'u2')!.count).toBe(1);
  });

  it('property: each scorer\'s z-scores have mean 0; averages lie between the extremes; the input order is irrelevant', () => {
    const marksArb = fc
      .uniqueArray(fc.record({ s: fc.integer({ min: 1, max: 5 }), u: fc.integer({ min: 1, max: 8 }), t: fc.integer({ min: 0, max: 400 }) }), { selector: (x) => `${x.s}/${x.u}`, maxLength: 40 })
      .map((xs) => xs.map((x) => m(`s${x.s}`, `u${x.u}`, x.t / 4)));
    fc.assert(
      fc.property(marksArb.chain((xs) => fc.shuffledSubarray(xs, { minLength: xs.length }).map((ys) => [xs, ys] as const)), ([xs, ys]) => {
        const r = normaliseCouncil(xs);
        expect(normaliseCouncil(ys)).toEqual(r);
        const zs = new Map<string, number[]>();
        for (const u of r.units) {
          const raws = u.marks.map((x) => x.raw);
          expect(u.rawMean).toBeGreaterThanOrEqual(Math.min(...raws) - 1e-4);
          expect(u.rawMean).toBeLessThanOrEqual(Math.max(...raws) + 1e-4);
          for (const x of u.marks) (zs.get(x.scorerId) ?? zs.set(x.scorerId, []).get(x.scorerId)!).push(x.z);
        }
        for (const z of zs.values()) expect(Math.abs(z.reduce((s, v) => s + v, 0))).toBeLessThan(1e-3 * z.length);
      }),
    );
  });
});

describe('visibleMarks', () => {
  const marks = [m('a', 'u1', 80), m('b', 'u1', 70), m('c', 'u1', 60, false), m('b', 'u2', 50), m('a', 'u2', 55, false), m('c', 'u3', 40)];
  const seen = (viewer: string) => visibleMarks(viewer, marks).map((x) => `${x.scorerId}/${x.unitId}`);

  it.each([
    ['a', ['a/u1', 'b/u1', 'a/u2']], // submitted on u1: sees b's submitted mark, not c's draft; u2 own draft only
    ['b', ['a/u1', 'b/u1', 'b/u2']], // submitted on u2, but a's u2 mark is a draft
    ['c', ['c/u1', 'c/u3']], // own draft on u1 does not unlock it
    ['outsider', []],
  ])('%s sees %j', (viewer, expected) => {
    expect(seen(viewer)).toEqual(expected);
  });

  it('property: never shows another scorer\'s mark on a unit the viewer has not submitted, nor anyone else\'s draft', () => {
    const arb = fc.array(fc.record({ s: fc.constantFrom('a', 'b', 'c'), u: fc.constantFrom('u1', 'u2'), sub: fc.boolean() }), { maxLength: 12 });
    fc.assert(
      fc.property(arb, fc.constantFrom('a', 'b', 'c'), (xs, viewer) => {
        const ms = xs.map((x) => m(x.s, x.u, 50, x.sub));
        const v = visibleMarks(viewer, ms);
        for (const x of ms) if (x.scorerId === viewer) expect(v).toContain(x);
        for (const x of v) {
          if (x.scorerId === viewer) continue;
          expect(x.submitted).toBe(true);
          expect(ms.some((o) => o.scorerId === viewer && o.unitId === x.unitId && o.submitted)).toBe(true);
        }
      }),
    );
  });
});
