// Small seeded pseudo-random generator for the demo world. Deterministic: the same seed always
// yields the same sequence, on every platform (only 32-bit integer arithmetic is used).

/** A list of values with relative weights, prepared for repeated O(log n) picks. */
export interface WeightedTable<T> {
  readonly values: readonly T[];
  /** Cumulative weights, strictly increasing; the last one is the total. */
  readonly cumulative: readonly number[];
}

export function weightedTable<T>(entries: ReadonlyArray<readonly [T, number]>): WeightedTable<T> {
  const values: T[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const [value, weight] of entries) {
    if (!(weight > 0)) continue;
    total += weight;
    values.push(value);
    cumulative.push(total);
  }
  if (values.length === 0) throw new Error('weightedTable: no entry with a positive weight');
  return { values, cumulative };
}

/** Element `index` of `items`, failing loudly instead of returning undefined. */
export function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`index ${index} out of range (length ${items.length})`);
  return item;
}

/** mulberry32 — tiny, fast and good enough for synthetic data (not for anything secret). */
export class Rng {
  private state: number;

  constructor(seed: number) {
    // Normalise any JS number (negative, fractional, huge) to an unsigned 32-bit state.
    this.state = Math.trunc(seed) >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return at(items, Math.floor(this.next() * items.length));
  }

  weighted<T>(table: WeightedTable<T>): T {
    const total = at(table.cumulative, table.cumulative.length - 1);
    const r = this.next() * total;
    let lo = 0;
    let hi = table.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (r < at(table.cumulative, mid)) hi = mid;
      else lo = mid + 1;
    }
    return at(table.values, lo);
  }

  /** `count` distinct items chosen uniformly (fewer if the list is shorter). */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = items.slice();
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i++) {
      const j = this.int(i, copy.length - 1);
      const tmp = at(copy, i);
      copy[i] = at(copy, j);
      copy[j] = tmp;
    }
    return copy.slice(0, n);
  }

  /** A string of `length` random decimal digits (leading zeros allowed). */
  digits(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += String(this.int(0, 9));
    return out;
  }
}
