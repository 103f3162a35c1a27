// Figure-by-figure comparison of two JSON values (a frozen report's stored figures and a re-run):
// every leaf that differs is reported with its path ("awards.items[2].individuals"); an array of a
// different length reports the missing or extra elements as whole values.
import { canonicalJson } from '../../lib/hash';

export interface Difference {
  path: string;
  stored: unknown;
  rerun: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const join = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);

export function figureDifferences(stored: unknown, rerun: unknown, path = ''): Difference[] {
  if (Array.isArray(stored) && Array.isArray(rerun)) {
    const out: Difference[] = [];
    for (let i = 0; i < Math.max(stored.length, rerun.length); i++) {
      const p = `${path}[${i}]`;
      if (i >= stored.length) out.push({ path: p, stored: null, rerun: rerun[i] });
      else if (i >= rerun.length) out.push({ path: p, stored: stored[i], rerun: null });
      else out.push(...figureDifferences(stored[i], rerun[i], p));
    }
    return out;
  }
  if (isObject(stored) && isObject(rerun)) {
    const keys = [...new Set([...Object.keys(stored), ...Object.keys(rerun)])].sort();
    return keys.flatMap((k) => figureDifferences(stored[k] ?? null, rerun[k] ?? null, join(path, k)));
  }
  return canonicalJson(stored) === canonicalJson(rerun) ? [] : [{ path: path === '' ? '$' : path, stored: stored ?? null, rerun: rerun ?? null }];
}

