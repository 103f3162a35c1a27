// The knee computation of bench/load-mix.ts (bench/lib/knee.ts): a pure function, tested here because
// the unit project only collects tests under src/.
import { describe, expect, it } from 'vitest';
import { findKnee, type LoadStep } from '../../bench/lib/knee';

const curve = (...xs: [number, number, number][]): LoadStep[] => xs.map(([connections, requestsPerSecond, p95]) => ({ connections, requestsPerSecond, p95 }));

describe('findKnee', () => {
  it.each([
    ['throughput keeps rising by more than 10 %', curve([1, 100, 10], [2, 190, 11], [4, 350, 14], [8, 600, 20]), null],
    ['flat throughput, flat latency (no queueing yet)', curve([1, 100, 10], [2, 105, 11], [4, 108, 12]), null],
    ['plateau with p95 growing sharply: the knee is the step before', curve([1, 100, 10], [2, 190, 11], [4, 350, 14], [8, 370, 30], [16, 372, 60]), 4],
    ['a gain of exactly 10 % no longer counts as rising', curve([1, 100, 10], [2, 110, 15]), 1],
    ['a gain just over 10 % still counts', curve([1, 100, 10], [2, 110.5, 15]), null],
    ['p95 ratio exactly 1.5 counts as sharp', curve([1, 100, 10], [2, 100, 15]), 1],
    ['p95 ratio just under 1.5 does not', curve([1, 100, 10], [2, 100, 14.9]), null],
    ['throughput falling under overload', curve([1, 100, 10], [4, 300, 13], [16, 250, 80]), 4],
    ['only the first knee is reported', curve([1, 100, 10], [2, 100, 20], [4, 100, 40]), 1],
    ['a single step has no knee', curve([1, 100, 10]), null],
    ['no steps', [], null],
  ])('%s', (_label, steps, connections) => {
    expect(findKnee(steps)?.connections ?? null).toBe(connections);
  });

  it('reports the gain and the p95 ratio after the knee, and honours other thresholds', () => {
    const steps = curve([1, 100, 10], [2, 180, 12], [4, 190, 24]);
    expect(findKnee(steps)).toEqual({ index: 1, connections: 2, gainAfter: 190 / 180 - 1, p95RatioAfter: 2 });
    expect(findKnee(steps, { minGain: 0.9 })).toMatchObject({ connections: 2 });
    expect(findKnee(steps, { minGain: 0.9, p95Growth: 1.1 })).toMatchObject({ connections: 1 });
    expect(findKnee(steps, { p95Growth: 3 })).toBeNull();
  });

  it('skips a step without throughput or latency rather than dividing by zero', () => {
    expect(findKnee(curve([1, 0, 0], [2, 0, 0], [4, 100, 10], [8, 100, 20]))).toMatchObject({ connections: 4 });
  });
});
