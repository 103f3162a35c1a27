// Points are decimals with steps such as 0.25 or 0.1. All arithmetic is done on integer hundredths
// ("units") so that 0.1 + 0.2 and friends never leak into totals or comparisons.

export const POINT_SCALE = 100;

/** Points → integer hundredths, or null when the value is not finite or has more than 2 decimals. */
export function toUnits(points: number): number | null {
  if (!Number.isFinite(points)) return null;
  const scaled = points * POINT_SCALE;
  const units = Math.round(scaled);
  return Math.abs(units - scaled) <= 1e-6 * Math.max(1, Math.abs(scaled)) ? units : null;
}

/** Integer hundredths → points (exact for any value toUnits accepted). */
export const fromUnits = (units: number): number => units / POINT_SCALE;

/** Sum of point values without floating drift; values with more than 2 decimals are rounded. */
export function addPoints(...values: number[]): number {
  let units = 0;
  for (const v of values) units += Math.round(v * POINT_SCALE);
  return fromUnits(units);
}

/** True when `points` is a whole multiple of `step` (both with at most 2 decimals). */
export function isOnStep(points: number, step: number): boolean {
  const p = toUnits(points);
  const s = toUnits(step);
  return p !== null && s !== null && s > 0 && p % s === 0;
}

/** "87,5" in Vietnamese, "87.5" in English; never more than 2 decimals, no trailing zeros. */
export function formatPoints(points: number, locale: 'vi' | 'en' = 'vi'): string {
  return new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 2, useGrouping: false }).format(points);
}
