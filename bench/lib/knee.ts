// The knee of a load curve: the last step before which adding connections still paid off. Steps are
// in rising concurrency; the knee is the first step i after which throughput rises by no more than
// `minGain` (10 %) while p95 latency grows by at least `p95Growth` (1.5×): more load only queues.

export interface LoadStep {
  connections: number;
  requestsPerSecond: number;
  p95: number;
}

export interface KneeOptions {
  /** Throughput gain to the next step that still counts as rising (fraction; default 0.10). */
  minGain?: number;
  /** p95 ratio to the next step that counts as growing sharply (default 1.5). */
  p95Growth?: number;
}

export interface Knee {
  /** Index of the knee step in the input. */
  index: number;
  connections: number;
  /** Throughput gain to the next step (fraction) and p95 ratio next / knee. */
  gainAfter: number;
  p95RatioAfter: number;
}

/** The knee of `steps` (sorted by connections), or null when throughput kept rising or latency stayed flat. */
export function findKnee(steps: readonly LoadStep[], opts: KneeOptions = {}): Knee | null {
  const minGain = opts.minGain ?? 0.1;
  const p95Growth = opts.p95Growth ?? 1.5;
  for (let i = 0; i + 1 < steps.length; i++) {
    const a = steps[i]!;
    const b = steps[i + 1]!;
    if (!(a.requestsPerSecond > 0) || !(a.p95 > 0)) continue;
    const gainAfter = b.requestsPerSecond / a.requestsPerSecond - 1;
    const p95RatioAfter = b.p95 / a.p95;
    // A tolerance so that a gain of exactly minGain (110 / 100 − 1 = 0.10000000000000009) counts as not rising.
    if (gainAfter <= minGain + 1e-9 && p95RatioAfter >= p95Growth - 1e-9) return { index: i, connections: a.connections, gainAfter, p95RatioAfter };
  }
  return null;
}
