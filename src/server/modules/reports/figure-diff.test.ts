import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { figureDifferences } from './figure-diff';
import { fitLabel, niceMax } from './charts';
import { vnChange, vnNumber, vnPercent } from './annual-summary-docx';

/** Figures' keys are plain names (the diff's path notation needs no quoting). */
const plainKeys = (v: unknown): boolean =>
  Array.isArray(v) ? v.every(plainKeys) : v !== null && typeof v === 'object' ? Object.entries(v).every(([k, x]) => /^[A-Za-z_]\w*$/.test(k) && plainKeys(x)) : true;
const json = fc
  .jsonValue({ maxDepth: 4 })
  .map((v) => JSON.parse(JSON.stringify(v)) as unknown)
  .filter(plainKeys);
/** Every leaf path of a value, in the diff's notation. */
function leaves(v: unknown, path = ''): string[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => leaves(x, `${path}[${i}]`));
  if (v !== null && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => leaves(x, path === '' ? k : `${path}.${k}`));
  return [path === '' ? '$' : path];
}
function setLeaf(v: unknown, path: string, value: unknown): unknown {
  if (path === '$') return value;
  const copy = structuredClone(v) as Record<string, unknown>;
  const parts = [...path.matchAll(/[^.[\]]+/g)].map((m) => m[0]);
  let at: Record<string, unknown> = copy;
  for (const p of parts.slice(0, -1)) at = at[p] as Record<string, unknown>;
  at[parts.at(-1)!] = value;
  return copy;
}

describe('figureDifferences', () => {
  it('finds nothing between a value and its copy with keys in another order', () => {
    fc.assert(
      fc.property(json, (v) => {
        const reordered = JSON.parse(JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).reverse()) : x))) as unknown;
        expect(figureDifferences(v, reordered)).toEqual([]);
      }),
    );
  });

  it('reports exactly the one leaf that was changed, with both values', () => {
    fc.assert(
      fc.property(
        json.filter((v) => leaves(v).length > 0),
        fc.nat(),
        (v, pick) => {
          const paths = leaves(v);
          const path = paths[pick % paths.length]!;
          const changed = setLeaf(v, path, 'changed-π');
          const diff = figureDifferences(v, changed);
          expect(diff).toHaveLength(1);
          expect(diff[0]!.path).toBe(path);
          expect(diff[0]!.rerun).toBe('changed-π');
        },
      ),
    );
  });

  it('lists missing and extra array elements whole', () => {
    expect(figureDifferences({ a: [1, 2] }, { a: [1, 2, { b: 3 }] })).toEqual([{ path: 'a[2]', stored: null, rerun: { b: 3 } }]);
    expect(figureDifferences({ a: [1, 2] }, { a: [1] })).toEqual([{ path: 'a[1]', stored: 2, rerun: null }]);
  });
});

describe('chart and number helpers', () => {
  it('niceMax is at least the value and 1, 2 or 5 times a power of ten', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 1e9, noNaN: true }), (v) => {
        const m = niceMax(v);
        expect(m).toBeGreaterThanOrEqual(v);
        const mantissa = m / 10 ** Math.floor(Math.log10(m) + 1e-9);
        expect([1, 2, 5, 10].some((x) => Math.abs(mantissa - x) < 1e-6)).toBe(true);
      }),
    );
  });

  it('fitLabel never exceeds its width and keeps short labels whole', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (s) => {
        const f = fitLabel(s);
        expect(f.length).toBeLessThanOrEqual(44);
        if (s.normalize('NFC').trim().length <= 44) expect(f).toBe(s.normalize('NFC').trim());
      }),
    );
    expect(fitLabel('Bằng khen của Ban Chấp hành Tổng Liên đoàn Lao động Việt Nam cho tập thể')).toBe('Bằng khen của Ban Chấp hành Tổng Liên đoàn…');
  });

  it('writes numbers the Vietnamese way', () => {
    expect([vnNumber(58.3), vnNumber(12000), vnPercent(null), vnPercent(25), vnChange(-75), vnChange(2.5), vnChange(null)]).toEqual([
      '58,3', '12.000', 'Chưa có số liệu', '25%', '−75', '+2,5', '–',
    ]);
  });
});
