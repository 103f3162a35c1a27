// The CSTĐCS quota: at most a share of the people recognised as Lao động tiên tiến in the deciding
// unit (ND 91/2017 Điều 9.3; unconfirmed after 2024, so it is a parameter). Checked per unit by the
// batch, never per candidate.
import type { ParamValue, Quota, QuotaRounding } from './types';

const QUOTAS: Readonly<Record<string, { baseTarget: string; shareKey: string; roundingKey: string }>> = {
  CSTD_CS: { baseTarget: 'LDTT', shareKey: 'CSTD_CS.quota.maxShare', roundingKey: 'CSTD_CS.quota.rounding' },
};

/** The quota of `target` under resolved `params`, or null when it has none (or it is switched off). */
export function quotaFor(target: string, params: Record<string, ParamValue>): Quota | null {
  const q = QUOTAS[target];
  if (!q) return null;
  const share = params[q.shareKey];
  if (typeof share !== 'number') return null;
  const rounding = params[q.roundingKey];
  return { baseTarget: q.baseTarget, maxShare: share, rounding: rounding === 'ROUND' || rounding === 'CEIL' ? rounding : 'FLOOR' };
}

/**
 * How many may be recognised out of `baseCount`. Pure rounding of baseCount × maxShare — FLOOR
 * gives 0 for a unit with fewer than 7 LĐTT at 15 %; no "at least one" floor is added.
 */
export function quotaAllowed(baseCount: number, q: { maxShare: number; rounding: QuotaRounding }): number {
  const exact = baseCount * q.maxShare;
  switch (q.rounding) {
    case 'CEIL':
      return Math.ceil(exact - 1e-9);
    case 'ROUND':
      return Math.round(exact);
    default:
      return Math.floor(exact + 1e-9);
  }
}
