import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rank, rankItemFromSheet, validateRankItems, validateTieBreaks, type RankItem, type TieBreak } from './rank';
import { scoreSheet } from './score';
import { crit, sect, tpl } from './test-support';

const item = (id: string, total: number, o: Partial<RankItem> = {}): RankItem => ({ id, name: id, total, regularTotal: total, bonusTotal: 0, deductionTotal: 0, sectionTotals: {}, ...o });
const ids = (items: RankItem[], tb: TieBreak[] = []) => rank(items, tb).entries.map((e) => `${e.id}:${e.position}`);

describe('rank', () => {
  it('orders by total, sharing ranks only when fully tied ("1, 2, 2, 4")', () => {
    const r = rank([item('a', 80), item('b', 95), item('c', 80), item('d', 70)]);
    expect(r.entries.map((e) => [e.id, e.position])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 2],
      ['d', 4],
    ]);
    expect(r.decisions).toEqual([
      { above: 'b', below: 'a', decidedBy: 'TOTAL' },
      { above: 'a', below: 'c', decidedBy: null },
      { above: 'c', below: 'd', decidedBy: 'TOTAL' },
    ]);
  });

  it('compares totals in hundredths (0.1 + 0.2 ties with 0.3)', () => {
    expect(ids([item('a', 0.1 + 0.2), item('b', 0.3)])).toEqual(['a:1', 'b:1']);
  });

  it.each<[string, RankItem[], TieBreak[], string[], (TieBreak | 'TOTAL' | null)[]]>([
    [
      'section total decides, then the next rule',
      [item('a', 90, { sectionTotals: { G1: 35 }, deductionTotal: 1 }), item('b', 90, { sectionTotals: { G1: 38 } }), item('c', 90, { sectionTotals: { G1: 35 } })],
      ['SECTION_TOTAL:G1', 'FEWER_DEDUCTIONS'],
      ['b:1', 'c:2', 'a:3'],
      ['SECTION_TOTAL:G1', 'FEWER_DEDUCTIONS'],
    ],
    ['a missing section counts as 0', [item('a', 90), item('b', 90, { sectionTotals: { G1: 1 } })], ['SECTION_TOTAL:G1'], ['b:1', 'a:2'], ['SECTION_TOTAL:G1']],
    ['lower bonus first', [item('a', 90, { bonusTotal: 5 }), item('b', 90, { bonusTotal: 2 })], ['BONUS_LOWER'], ['b:1', 'a:2'], ['BONUS_LOWER']],
    ['higher regular total first', [item('a', 90, { regularTotal: 86 }), item('b', 90, { regularTotal: 88 })], ['REGULAR_TOTAL'], ['b:1', 'a:2'], ['REGULAR_TOTAL']],
    [
      'name in Vietnamese order (Đ after D, Ă after A)',
      [item('x', 90, { name: 'Đồng Nai' }), item('y', 90, { name: 'Dầu Tiếng' }), item('z', 90, { name: 'Ăn Khê' }), item('w', 90, { name: 'An Phú' })],
      ['NAME'],
      ['w:1', 'z:2', 'y:3', 'x:4'],
      ['NAME', 'NAME', 'NAME'],
    ],
    ['rules exhausted: shared rank, input order kept', [item('a', 90, { bonusTotal: 1 }), item('b', 90, { bonusTotal: 1 }), item('c', 91)], ['BONUS_LOWER'], ['c:1', 'a:2', 'b:2'], ['TOTAL', null]],
    ['no tie-breaks declared', [item('a', 90, { bonusTotal: 5 }), item('b', 90)], [], ['a:1', 'b:1'], [null]],
  ])('%s', (_name, items, tb, expected, decided) => {
    const r = rank(items, tb);
    expect(r.entries.map((e) => `${e.id}:${e.position}`)).toEqual(expected);
    expect(r.decisions.map((d) => d.decidedBy)).toEqual(decided);
  });

  it('ranks scored sheets through rankItemFromSheet', () => {
    const t = tpl([sect('A', 'REGULAR', 10, [crit('A1', 10)]), sect('B', 'BONUS', 2, [crit('B1', 2)])], 12);
    const s1 = scoreSheet(t, new Map([['A1', 9], ['B1', 1]]));
    const s2 = scoreSheet(t, new Map([['A1', 8], ['B1', 2]]));
    expect(rankItemFromSheet('u1', 'U1', s1)).toEqual({ id: 'u1', name: 'U1', total: 10, regularTotal: 9, bonusTotal: 1, deductionTotal: 0, sectionTotals: { A: 9, B: 1 } });
    expect(ids([rankItemFromSheet('u2', 'U2', s2), rankItemFromSheet('u1', 'U1', s1)], ['SECTION_TOTAL:A'])).toEqual(['u1:1', 'u2:2']);
  });

  it.each<[TieBreak[], string[] | undefined, string[]]>([
    [['SECTION_TOTAL:G1', 'NAME'], ['G1', 'G2'], []],
    [['NAME', 'NAME'], undefined, ['scoring.rank.duplicateTieBreak']],
    [['SECTION_TOTAL:G9'], ['G1'], ['scoring.rank.unknownSection']],
    [['SECTION_TOTAL:G9'], undefined, []],
  ])('validateTieBreaks(%j, %j)', (tb, sections, keys) => {
    expect(validateTieBreaks(tb, sections).map((p) => p.key)).toEqual(keys);
  });

  it('validateRankItems flags a unit listed twice', () => {
    expect(validateRankItems([{ id: 'a' }, { id: 'b' }, { id: 'a' }])).toEqual([{ key: 'scoring.rank.duplicateItem', params: { id: 'a' } }]);
  });
});

describe('rank properties', () => {
  const TBS: TieBreak[] = ['SECTION_TOTAL:A', 'FEWER_DEDUCTIONS', 'BONUS_LOWER'];
  // Small value ranges so that ties are frequent.
  const itemsArb = fc
    .array(fc.record({ total: fc.integer({ min: 0, max: 6 }), a: fc.integer({ min: 0, max: 2 }), d: fc.integer({ min: 0, max: 1 }), b: fc.integer({ min: 0, max: 1 }) }), { maxLength: 25 })
    .map((xs) => xs.map((x, i) => item(`u${i}`, x.total * 0.25, { sectionTotals: { A: x.a }, deductionTotal: x.d, bonusTotal: x.b * 0.5 })));
  const withShuffle = itemsArb.chain((items) => fc.shuffledSubarray(items, { minLength: items.length }).map((shuffled) => ({ items, shuffled })));
  const key = (i: RankItem) => [i.total, i.sectionTotals.A, i.deductionTotal, i.bonusTotal].join('|');

  it('is a permutation, sorted by total descending, with positions "1, 2, 2, 4"', () => {
    fc.assert(
      fc.property(itemsArb, fc.subarray(TBS), (items, tb) => {
        const r = rank(items, tb);
        expect(r.entries.map((e) => e.id).sort()).toEqual(items.map((i) => i.id).sort());
        const byId = new Map(items.map((i) => [i.id, i]));
        r.entries.forEach((e, k) => {
          expect(e.inputIndex).toBe(Number(e.id.slice(1)));
          if (k === 0) return expect(e.position).toBe(1);
          const prev = r.entries[k - 1]!;
          expect(byId.get(prev.id)!.total).toBeGreaterThanOrEqual(byId.get(e.id)!.total);
          expect(e.position).toBe(r.decisions[k - 1]!.decidedBy === null ? prev.position : k + 1);
        });
        expect(r.decisions).toHaveLength(Math.max(0, items.length - 1));
      }),
    );
  });

  it('fully tied items keep their input order; the rest does not depend on the input order', () => {
    fc.assert(
      fc.property(withShuffle, fc.subarray(TBS), ({ items, shuffled }, tb) => {
        const a = rank(items, tb);
        const b = rank(shuffled, tb);
        // Same position for every unit whatever the input order.
        const pos = (r: typeof a) => Object.fromEntries(r.entries.map((e) => [e.id, e.position]));
        expect(pos(b)).toEqual(pos(a));
        // Within a group of equal positions, units appear in input order.
        for (const r of [a, b]) {
          for (let k = 1; k < r.entries.length; k++) {
            const [p, q] = [r.entries[k - 1]!, r.entries[k]!];
            if (p.position === q.position) expect(p.inputIndex).toBeLessThan(q.inputIndex);
          }
        }
        // With all tie-breaks, only identical items can share a rank.
        const full = rank(items, TBS);
        const byId = new Map(items.map((i) => [i.id, i]));
        for (let k = 1; k < full.entries.length; k++) {
          const [p, q] = [full.entries[k - 1]!, full.entries[k]!];
          if (p.position === q.position) expect(key(byId.get(p.id)!)).toBe(key(byId.get(q.id)!));
        }
      }),
    );
  });
});
