// Pure arithmetic of the dashboard (issue 10): shares with one decimal, the change against the year
// before and against a target, and streaks of consecutive award years. The server computes the same
// streaks in SQL (gaps and islands); these functions are the reference the tests compare against.

/** A share in per cent with one decimal, rounded half up; null when there is nothing to divide by. */
export function percent(numerator: number, denominator: number): number | null {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || numerator < 0 || denominator < 0 || numerator > denominator) {
    throw new RangeError(`percent(${numerator}, ${denominator}): counts are whole, 0 ≤ numerator ≤ denominator`);
  }
  if (denominator === 0) return null;
  // Integer arithmetic: per-mille rounded half up, then one decimal (no 0.1 + 0.2 surprises).
  return Math.floor((2000 * numerator + denominator) / (2 * denominator)) / 10;
}

export interface ShareFigure {
  numerator: number;
  denominator: number;
  percent: number | null;
}

export const shareFigure = (numerator: number, denominator: number): ShareFigure => ({ numerator, denominator, percent: percent(numerator, denominator) });

/** Percentage points between two shares, one decimal; null when either is unknown. */
export function changePoints(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null) return null;
  return Math.round((current - previous) * 10) / 10;
}

/** Whether a share reaches its target (per cent); unknown without awards to count. */
export const meetsTarget = (share: number | null, target: number): boolean | null => (share === null ? null : share >= target);

/**
 * Length of the run of consecutive years that ends at `year` (0 when `year` itself is missing).
 * Duplicates (two awards in one year) count once.
 */
export function streakEnding(years: readonly number[], year: number): number {
  const set = new Set(years);
  let n = 0;
  while (set.has(year - n)) n++;
  return n;
}

/** How many subjects have a streak of at least each of `lengths` years. */
export function streakCounts(streaks: readonly number[], lengths: readonly number[]): { years: number; count: number }[] {
  return lengths.map((years) => ({ years, count: streaks.filter((s) => s >= years).length }));
}
