// Rollups against the plain SQL over the base tables: the same rows for every organisation and year
// given (counts compared as numbers, row order ignored where the base query gives none).
import type { DbOrTx } from '../../src/server/db/client';
import { baseSource, type FigureSource } from '../../src/server/modules/dashboard/dashboard.base';

const norm = (x: unknown) => JSON.stringify(x, (_k, v: unknown) => (typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v));
const canon = (x: unknown) => (Array.isArray(x) ? JSON.stringify(x.map(norm).sort()) : norm(x));

export interface Mismatch {
  figure: string;
  path: string;
  year: number;
  base: string;
  other: string;
}

export async function compareSources(db: DbOrTx, other: FigureSource, paths: readonly string[], years: readonly number[]): Promise<Mismatch[]> {
  const out: Mismatch[] = [];
  for (const path of paths)
    for (const year of years)
      for (const figure of ['awardCounts', 'shareCounts', 'streaks', 'funnel'] as const) {
        const s = { path, year };
        const [a, b] = [canon(await baseSource[figure](db, s)), canon(await other[figure](db, s))];
        if (a !== b) out.push({ figure, path, year, base: a, other: b });
      }
  return out;
}
