import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { acceptsReplications, canMove, canRevokeReplication, followUpState, MODEL_STAGES, movesFrom, PROGRESS_STAGES, type ModelStage, type ProgressStage, type StageFacts } from './stages';

const none: StageFacts = { fosteringPlan: null, recognisedOn: null, activeReplications: 0, reason: null, closedFrom: null };
const full: StageFacts = { fosteringPlan: 'Kế hoạch bồi dưỡng', recognisedOn: '2026-05-01', activeReplications: 2, reason: 'Lý do đầy đủ', closedFrom: null };

describe('canMove', () => {
  it.each([
    ['DISCOVERED', 'FOSTERING', none, 'models.stage.needsPlan'],
    ['DISCOVERED', 'FOSTERING', { ...none, fosteringPlan: '   ' }, 'models.stage.needsPlan'],
    ['DISCOVERED', 'FOSTERING', { ...none, fosteringPlan: 'Kèm cặp hằng tháng' }, null],
    ['FOSTERING', 'RECOGNISED', { ...none, fosteringPlan: 'x' }, 'models.stage.needsRecognisedOn'],
    ['FOSTERING', 'RECOGNISED', { ...none, fosteringPlan: 'x', recognisedOn: '2026-01-02' }, null],
    ['FOSTERING', 'RECOGNISED', { ...none, recognisedOn: '2026-01-02' }, 'models.stage.needsPlan'],
    ['RECOGNISED', 'REPLICATED', { ...full, activeReplications: 0 }, 'models.stage.needsReplication'],
    ['RECOGNISED', 'REPLICATED', full, null],
    ['FOSTERING', 'CLOSED', none, 'models.stage.needsReason'],
    ['REPLICATED', 'CLOSED', { ...full, reason: 'Đơn vị giải thể' }, null],
    ['DISCOVERED', 'CLOSED', { ...none, reason: 'Không còn phù hợp' }, null],
    // No skipping forward, no going back, no staying.
    ['DISCOVERED', 'RECOGNISED', full, 'models.stage.notAllowed'],
    ['DISCOVERED', 'REPLICATED', full, 'models.stage.notAllowed'],
    ['FOSTERING', 'REPLICATED', full, 'models.stage.notAllowed'],
    ['RECOGNISED', 'FOSTERING', full, 'models.stage.notAllowed'],
    ['REPLICATED', 'RECOGNISED', full, 'models.stage.notAllowed'],
    ['FOSTERING', 'DISCOVERED', full, 'models.stage.notAllowed'],
    ['FOSTERING', 'FOSTERING', full, 'models.stage.notAllowed'],
    ['CLOSED', 'CLOSED', full, 'models.stage.notAllowed'],
    // Reopening: only to the stage it was closed from, with a reason, and that stage's requirements.
    ['CLOSED', 'FOSTERING', { ...full, closedFrom: 'RECOGNISED' }, 'models.stage.reopenToPrevious'],
    ['CLOSED', 'RECOGNISED', { ...full, closedFrom: 'RECOGNISED', reason: null }, 'models.stage.needsReason'],
    ['CLOSED', 'RECOGNISED', { ...full, closedFrom: 'RECOGNISED' }, null],
    ['CLOSED', 'REPLICATED', { ...full, closedFrom: 'REPLICATED', activeReplications: 0 }, 'models.stage.needsReplication'],
    ['CLOSED', 'DISCOVERED', { ...none, closedFrom: 'DISCOVERED', reason: 'Mở lại để theo dõi' }, null],
  ] as const)('%s → %s %o: %s', (from, to, facts, expected) => {
    expect(canMove(from, to, facts)).toBe(expected);
  });

  it('offers the next stage and closing from every open stage, and only reopening from CLOSED', () => {
    expect(movesFrom('DISCOVERED')).toEqual(['FOSTERING', 'CLOSED']);
    expect(movesFrom('RECOGNISED')).toEqual(['REPLICATED', 'CLOSED']);
    expect(movesFrom('REPLICATED')).toEqual(['CLOSED']);
    expect(movesFrom('CLOSED')).toEqual([...PROGRESS_STAGES]);
  });
});

describe('replications and follow-ups', () => {
  it.each([
    ['DISCOVERED', false],
    ['FOSTERING', false],
    ['RECOGNISED', true],
    ['REPLICATED', true],
    ['CLOSED', false],
  ] as const)('replications accepted at %s: %s', (stage, ok) => expect(acceptsReplications(stage)).toBe(ok));

  it.each([
    ['REPLICATED', 1, false],
    ['REPLICATED', 2, true],
    ['RECOGNISED', 1, true],
    ['CLOSED', 3, false],
  ] as const)('revoke at %s with %i active: %s', (stage, n, ok) => expect(canRevokeReplication(stage, n)).toBe(ok));

  it.each([
    ['FOSTERING', '2026-05-01', '2026-05-02', 'OVERDUE'],
    ['FOSTERING', '2026-05-02', '2026-05-02', 'DUE_TODAY'],
    ['FOSTERING', '2026-05-03', '2026-05-02', 'SCHEDULED'],
    ['FOSTERING', null, '2026-05-02', 'NONE'],
    ['RECOGNISED', '2026-01-01', '2026-05-02', 'NONE'],
    ['DISCOVERED', '2026-01-01', '2026-05-02', 'NONE'],
  ] as const)('%s next %s today %s → %s', (stage, next, today, state) => expect(followUpState(stage, next, today)).toBe(state));
});

// A random life of an entry: moves asked in any order, facts changing in between (plan written,
// recognition recorded, replications added and revoked), reasons given or not.
const step = fc.record({
  to: fc.constantFrom(...MODEL_STAGES),
  plan: fc.boolean(),
  recognised: fc.boolean(),
  replications: fc.integer({ min: 0, max: 2 }),
  reason: fc.boolean(),
});

function live(steps: { to: ModelStage; plan: boolean; recognised: boolean; replications: number; reason: boolean }[]) {
  let stage: ModelStage = 'DISCOVERED';
  let closedFrom: ProgressStage | null = null;
  const visited: { stage: ModelStage; facts: StageFacts }[] = [];
  for (const s of steps) {
    const facts: StageFacts = { fosteringPlan: s.plan ? 'Kế hoạch' : null, recognisedOn: s.recognised ? '2026-03-01' : null, activeReplications: s.replications, reason: s.reason ? 'Lý do' : null, closedFrom };
    if (canMove(stage, s.to, facts) !== null) continue;
    if (s.to === 'CLOSED') closedFrom = stage as ProgressStage;
    stage = s.to;
    visited.push({ stage, facts });
  }
  return visited;
}

describe('properties', () => {
  it('no sequence of allowed moves reaches REPLICATED without an active replication, a recognition and a plan', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        for (const v of live(steps)) {
          if (v.stage === 'REPLICATED') expect(v.facts.activeReplications).toBeGreaterThan(0);
          if (v.stage === 'RECOGNISED' || v.stage === 'REPLICATED') expect(v.facts.recognisedOn).not.toBeNull();
          if (v.stage !== 'DISCOVERED' && v.stage !== 'CLOSED') expect(v.facts.fosteringPlan).not.toBeNull();
        }
      }),
    );
  });

  it('the forward stages are only ever entered in order: never back without passing through CLOSED', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let prev: ModelStage = 'DISCOVERED';
        for (const v of live(steps)) {
          if (prev !== 'CLOSED' && v.stage !== 'CLOSED') expect(PROGRESS_STAGES.indexOf(v.stage as ProgressStage)).toBe(PROGRESS_STAGES.indexOf(prev as ProgressStage) + 1);
          if (v.stage === 'CLOSED' || prev === 'CLOSED') expect(v.facts.reason).not.toBeNull();
          prev = v.stage;
        }
      }),
    );
  });

  it('a refused move always names a requirement the catalogue knows', () => {
    fc.assert(
      fc.property(fc.constantFrom(...MODEL_STAGES), step, fc.constantFrom(null, ...PROGRESS_STAGES), (from, s, closedFrom) => {
        const r = canMove(from, s.to, { fosteringPlan: s.plan ? 'x' : null, recognisedOn: s.recognised ? '2026-01-01' : null, activeReplications: s.replications, reason: s.reason ? 'y' : null, closedFrom });
        expect(r === null || r.startsWith('models.stage.')).toBe(true);
      }),
    );
  });
});
