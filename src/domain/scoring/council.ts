// Council scoring mode (several scorers rate the same units): per-scorer normalisation, averages,
// outliers, and who may see whose marks.

export interface CouncilMark {
  scorerId: string;
  unitId: string;
  /** The scorer's raw total for the unit (a scored sheet's total). */
  total: number;
  /** Drafts are visible to their author only and take no part in the statistics. */
  submitted: boolean;
}

export interface CouncilOptions {
  /** A mark is an outlier when it is more than k standard deviations from the other scorers' mean. Default 2. */
  k?: number;
  /**
   * Floor on that standard deviation, in points (default 1): when the other scorers agree exactly
   * (SD 0) a difference of a quarter point must not count as "infinitely many SDs" away.
   */
  minSpread?: number;
}

export interface ScorerStats {
  scorerId: string;
  count: number;
  mean: number;
  /** Population standard deviation over the units the scorer marked. */
  sd: number;
}

export interface NormalisedMark {
  scorerId: string;
  raw: number;
  /** (raw − scorer's mean) / scorer's SD; 0 when the SD is 0. */
  z: number;
  outlier: boolean;
  /** Mean of the other scorers' raw marks for the unit; null with fewer than 2 others. */
  othersMean: number | null;
}

export interface UnitCouncilResult {
  unitId: string;
  count: number;
  rawMean: number;
  zMean: number;
  marks: NormalisedMark[];
}

export interface CouncilResult {
  scorers: ScorerStats[];
  units: UnitCouncilResult[];
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const sd = (xs: readonly number[], m = mean(xs)) => Math.sqrt(xs.reduce((s, x) => s + (x - m) * (x - m), 0) / xs.length);
const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Normalise submitted council marks. Outliers use a leave-one-out test: a mark is compared with the
 * mean and SD (floored at minSpread) of the OTHER scorers' marks for the same unit, so the outlier
 * cannot hide by pulling the mean towards itself. With fewer than 2 other marks nothing is flagged:
 * with two scorers there is no telling which one is off. Output is ordered by unit then scorer id.
 */
export function normaliseCouncil(marks: readonly CouncilMark[], options: CouncilOptions = {}): CouncilResult {
  const k = options.k ?? 2;
  const minSpread = options.minSpread ?? 1;
  const submitted = marks.filter((m) => m.submitted);
  const byScorer = new Map<string, number[]>();
  const byUnit = new Map<string, CouncilMark[]>();
  for (const m of submitted) {
    (byScorer.get(m.scorerId) ?? byScorer.set(m.scorerId, []).get(m.scorerId)!).push(m.total);
    (byUnit.get(m.unitId) ?? byUnit.set(m.unitId, []).get(m.unitId)!).push(m);
  }
  const stats = new Map<string, ScorerStats>();
  for (const [scorerId, xs] of byScorer) {
    const m = mean(xs);
    stats.set(scorerId, { scorerId, count: xs.length, mean: round(m), sd: round(sd(xs, m)) });
  }
  const exact = new Map([...byScorer].map(([id, xs]) => [id, { m: mean(xs), s: sd(xs) }]));

  const units: UnitCouncilResult[] = [...byUnit.keys()].sort().map((unitId) => {
    const ms = [...byUnit.get(unitId)!].sort((a, b) => (a.scorerId < b.scorerId ? -1 : a.scorerId > b.scorerId ? 1 : 0));
    const zs = ms.map((mark) => {
      const { m, s } = exact.get(mark.scorerId)!;
      return s === 0 ? 0 : (mark.total - m) / s;
    });
    const normalised = ms.map((mark, i): NormalisedMark => {
      const z = zs[i]!;
      const others = ms.filter((o) => o !== mark).map((o) => o.total);
      if (others.length < 2) return { scorerId: mark.scorerId, raw: mark.total, z: round(z), outlier: false, othersMean: null };
      const om = mean(others);
      const spread = Math.max(sd(others, om), minSpread);
      return { scorerId: mark.scorerId, raw: mark.total, z: round(z), outlier: Math.abs(mark.total - om) > k * spread, othersMean: round(om) };
    });
    return {
      unitId,
      count: ms.length,
      rawMean: round(mean(ms.map((x) => x.total))),
      zMean: round(mean(zs)),
      marks: normalised,
    };
  });
  return { scorers: [...stats.values()].sort((a, b) => (a.scorerId < b.scorerId ? -1 : 1)), units };
}

/**
 * The marks a council member may see: their own (drafts included), and the other scorers' SUBMITTED
 * marks for a unit only once their own mark for that unit is submitted. Someone who is not scoring a
 * unit sees nothing of it here (the secretariat's view after closing is a separate server decision).
 */
export function visibleMarks<M extends CouncilMark>(viewerId: string, marks: readonly M[]): M[] {
  const unlocked = new Set(marks.filter((m) => m.scorerId === viewerId && m.submitted).map((m) => m.unitId));
  return marks.filter((m) => m.scorerId === viewerId || (m.submitted && unlocked.has(m.unitId)));
}
