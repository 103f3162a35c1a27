import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ITEM_DECISIONS,
  ITEM_STATES,
  SUBMISSION_ACTIONS,
  SUBMISSION_STATES,
  WORKFLOW_MESSAGE_KEYS,
  appraiserOpen,
  availableActions,
  isTerminal,
  itemDecisionSide,
  planItemDecision,
  planTransition,
  sideOf,
  type ItemDecision,
  type ItemState,
  type SubmissionAction,
  type SubmissionState,
  type WorkflowMessage,
} from './workflow';

const items = (...states: ItemState[]) => states.map((state, i) => ({ id: i + 1, state }));

/** The legal moves, written out independently of the implementation's table. */
const LEGAL: Record<string, SubmissionState> = {
  'DRAFT SUBMIT': 'SUBMITTED',
  'SUBMITTED WITHDRAW': 'WITHDRAWN',
  'SUBMITTED RECEIVE': 'RECEIVED',
  'RECEIVED START_APPRAISAL': 'UNDER_APPRAISAL',
  'RESUBMITTED START_APPRAISAL': 'UNDER_APPRAISAL',
  'UNDER_APPRAISAL RETURN': 'RETURNED',
  'RETURNED RESUBMIT': 'RESUBMITTED',
  'UNDER_APPRAISAL FINISH_APPRAISAL': 'APPRAISED',
  'APPRAISED SEND_TO_COUNCIL': 'TO_COUNCIL',
  'APPRAISED ESCALATE': 'ESCALATED',
};

/** Items that pass every guard of the action, so only the (state, action) pair decides. */
const GOOD_ITEMS: Record<SubmissionAction, ReturnType<typeof items>> = {
  SUBMIT: items('PENDING'),
  WITHDRAW: items('PENDING'),
  RECEIVE: items('PENDING'),
  START_APPRAISAL: items('PENDING', 'FIXED'),
  RETURN: items('ACCEPTED', 'RETURNED', 'REJECTED', 'WITHDRAWN'),
  RESUBMIT: items('FIXED', 'ACCEPTED', 'WITHDRAWN'),
  FINISH_APPRAISAL: items('ACCEPTED', 'REJECTED', 'WITHDRAWN'),
  SEND_TO_COUNCIL: items('ACCEPTED', 'REJECTED'),
  ESCALATE: items('ACCEPTED'),
};

const pairs = SUBMISSION_STATES.flatMap((s) => SUBMISSION_ACTIONS.map((a) => [s, a] as const));

describe('submission transitions: every (state, action) pair', () => {
  it('covers all 90 pairs with exactly 10 legal ones', () => {
    expect(pairs).toHaveLength(90);
    expect(pairs.filter(([s, a]) => LEGAL[`${s} ${a}`] !== undefined)).toHaveLength(10);
  });

  it.each(pairs)('%s + %s', (state, action) => {
    const expected = LEGAL[`${state} ${action}`];
    const plan = planTransition(state, action, GOOD_ITEMS[action]);
    if (expected === undefined) {
      expect(plan).toEqual({ ok: false, problems: [{ key: 'nominations.workflow.illegal', params: { state, action } }] });
    } else {
      expect(plan).toEqual({ ok: true, next: expected });
    }
    expect(availableActions(state).includes(action)).toBe(expected !== undefined);
  });
});

describe('guards on the items', () => {
  const refused = (state: SubmissionState, action: SubmissionAction, list: ReturnType<typeof items>): WorkflowMessage[] => {
    const plan = planTransition(state, action, list);
    return plan.ok ? [] : plan.problems;
  };

  it.each([
    ['DRAFT', 'SUBMIT', items(), [{ key: 'nominations.workflow.empty', params: {} }]],
    ['DRAFT', 'SUBMIT', items('WITHDRAWN', 'WITHDRAWN'), [{ key: 'nominations.workflow.empty', params: {} }]],
    ['UNDER_APPRAISAL', 'RETURN', items('PENDING', 'RETURNED', 'FIXED'), [{ key: 'nominations.workflow.undecided', params: { count: 2 } }]],
    ['UNDER_APPRAISAL', 'RETURN', items('ACCEPTED', 'REJECTED', 'WITHDRAWN'), [{ key: 'nominations.workflow.nothingToReturn', params: {} }]],
    [
      'UNDER_APPRAISAL',
      'RETURN',
      items('PENDING', 'ACCEPTED'),
      [
        { key: 'nominations.workflow.undecided', params: { count: 1 } },
        { key: 'nominations.workflow.nothingToReturn', params: {} },
      ],
    ],
    ['RETURNED', 'RESUBMIT', items('RETURNED', 'FIXED', 'RETURNED', 'ACCEPTED'), [{ key: 'nominations.workflow.notFixed', params: { count: 2 } }]],
    ['UNDER_APPRAISAL', 'FINISH_APPRAISAL', items('ACCEPTED', 'PENDING', 'RETURNED', 'FIXED', 'REJECTED', 'WITHDRAWN'), [{ key: 'nominations.workflow.undecided', params: { count: 3 } }]],
    ['APPRAISED', 'SEND_TO_COUNCIL', items('REJECTED', 'WITHDRAWN'), [{ key: 'nominations.workflow.noneAccepted', params: {} }]],
    ['APPRAISED', 'ESCALATE', items(), [{ key: 'nominations.workflow.noneAccepted', params: {} }]],
  ] as const)('%s + %s refused with %j', (state, action, list, problems) => {
    expect(refused(state, action, list)).toEqual(problems);
  });

  it('withdrawn items are ignored: a batch of only withdrawn items finishes appraisal vacuously but cannot go on', () => {
    expect(planTransition('UNDER_APPRAISAL', 'FINISH_APPRAISAL', items('WITHDRAWN'))).toEqual({ ok: true, next: 'APPRAISED' });
    expect(planTransition('APPRAISED', 'ESCALATE', items('WITHDRAWN')).ok).toBe(false);
  });

  it('an illegal pair reports only "illegal", not the guards', () => {
    expect(refused('DRAFT', 'FINISH_APPRAISAL', items('PENDING'))).toEqual([
      { key: 'nominations.workflow.illegal', params: { state: 'DRAFT', action: 'FINISH_APPRAISAL' } },
    ]);
  });

  it('FINISH_APPRAISAL passes exactly when every item still in the batch is accepted or rejected (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ITEM_STATES), { maxLength: 8 }), (states) => {
        const plan = planTransition('UNDER_APPRAISAL', 'FINISH_APPRAISAL', items(...states));
        const open = states.filter((s) => s === 'PENDING' || s === 'RETURNED' || s === 'FIXED').length;
        expect(plan.ok).toBe(open === 0);
        if (!plan.ok) expect(plan.problems).toEqual([{ key: 'nominations.workflow.undecided', params: { count: open } }]);
      }),
    );
  });
});

describe('sides and state classes', () => {
  it.each([
    ['SUBMIT', 'PROPOSER'],
    ['WITHDRAW', 'PROPOSER'],
    ['RESUBMIT', 'PROPOSER'],
    ['RECEIVE', 'APPRAISER'],
    ['START_APPRAISAL', 'APPRAISER'],
    ['RETURN', 'APPRAISER'],
    ['FINISH_APPRAISAL', 'APPRAISER'],
    ['SEND_TO_COUNCIL', 'APPRAISER'],
    ['ESCALATE', 'APPRAISER'],
  ] as const)('%s is done by the %s', (action, side) => {
    expect(sideOf(action)).toBe(side);
  });

  it.each([
    ['FIX', 'PROPOSER'],
    ['WITHDRAW', 'PROPOSER'],
    ['ACCEPT', 'APPRAISER'],
    ['RETURN', 'APPRAISER'],
    ['REJECT', 'APPRAISER'],
  ] as const)('item decision %s is made by the %s', (d, side) => {
    expect(itemDecisionSide(d)).toBe(side);
  });

  it.each([
    ['DRAFT', false, false],
    ['SUBMITTED', false, true],
    ['RECEIVED', false, true],
    ['UNDER_APPRAISAL', false, true],
    ['RETURNED', false, false],
    ['RESUBMITTED', false, true],
    ['APPRAISED', false, false],
    ['TO_COUNCIL', true, false],
    ['ESCALATED', true, false],
    ['WITHDRAWN', true, false],
  ] as const)('%s: terminal %s, in the appraiser inbox %s', (state, terminal, open) => {
    expect(isTerminal(state)).toBe(terminal);
    expect(appraiserOpen(state)).toBe(open);
    // Terminal states have no way out; every other state has at least one.
    expect(availableActions(state).length === 0).toBe(terminal);
  });
});

describe('item decisions', () => {
  /** Allowed (batch state, item state, decision) → next item state, written out by hand. */
  const ALLOWED: Record<string, ItemState> = {};
  for (const item of ['PENDING', 'FIXED', 'ACCEPTED', 'RETURNED', 'REJECTED'] as const) {
    ALLOWED[`UNDER_APPRAISAL ${item} ACCEPT`] = 'ACCEPTED';
    ALLOWED[`UNDER_APPRAISAL ${item} RETURN`] = 'RETURNED';
    ALLOWED[`UNDER_APPRAISAL ${item} REJECT`] = 'REJECTED';
    ALLOWED[`DRAFT ${item} WITHDRAW`] = 'WITHDRAWN';
  }
  ALLOWED['RETURNED RETURNED FIX'] = 'FIXED';
  ALLOWED['RETURNED RETURNED WITHDRAW'] = 'WITHDRAWN';

  const triples = SUBMISSION_STATES.flatMap((s) => ITEM_STATES.flatMap((i) => ITEM_DECISIONS.map((d) => [s, i, d] as const)));

  it('22 of the 300 combinations are allowed', () => {
    expect(triples).toHaveLength(300);
    expect(Object.keys(ALLOWED)).toHaveLength(22);
  });

  it.each(triples)('%s batch, %s item, %s', (state, itemState, decision) => {
    const expected = ALLOWED[`${state} ${itemState} ${decision}`];
    expect(planItemDecision(state, itemState, decision)).toEqual(
      expected === undefined
        ? { ok: false, problem: { key: 'nominations.workflow.itemIllegal', params: { state, itemState, decision } } }
        : { ok: true, next: expected },
    );
  });
});

describe('random runs from DRAFT (property)', () => {
  // 'legal' picks among the actions the current state allows, so walks get past the first states.
  type Step = { type: 'action'; action: SubmissionAction } | { type: 'legal'; pick: number } | { type: 'item'; index: number; decision: ItemDecision };
  const stepArb: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ type: fc.constant('action' as const), action: fc.constantFrom(...SUBMISSION_ACTIONS) }),
    fc.record({ type: fc.constant('legal' as const), pick: fc.nat({ max: 9 }) }),
    fc.record({ type: fc.constant('item' as const), index: fc.nat({ max: 5 }), decision: fc.constantFrom(...ITEM_DECISIONS) }),
  );

  it('stay inside the states, never leave a terminal state, never finish with undecided items', () => {
    // States reached over all runs: the walks must actually get deep for the property to mean much.
    const seen = new Set<SubmissionState>();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.array(stepArb, { minLength: 20, maxLength: 100, size: 'max' }), (n, steps) => {
        let state: SubmissionState = 'DRAFT';
        const list = items(...Array.from({ length: n }, (): ItemState => 'PENDING'));
        for (const step of steps) {
          const before = state;
          if (step.type !== 'item') {
            const legal = availableActions(state);
            const action = step.type === 'action' ? step.action : legal[step.pick % Math.max(1, legal.length)];
            if (action === undefined) continue;
            const snapshot = list.map((i) => i.state);
            const plan = planTransition(state, action, list);
            if (plan.ok) {
              expect(isTerminal(before)).toBe(false);
              if (action === 'FINISH_APPRAISAL') {
                expect(snapshot.filter((s) => s === 'PENDING' || s === 'RETURNED' || s === 'FIXED')).toEqual([]);
              }
              if (action === 'SUBMIT') expect(snapshot.some((s) => s !== 'WITHDRAWN')).toBe(true);
              state = plan.next;
            } else {
              expect(plan.problems.length).toBeGreaterThan(0);
            }
          } else {
            const item = list[step.index];
            if (!item) continue;
            const plan = planItemDecision(state, item.state, step.decision);
            if (plan.ok) {
              expect(isTerminal(state)).toBe(false);
              item.state = plan.next;
            }
          }
          expect(SUBMISSION_STATES).toContain(state);
          if (isTerminal(before)) expect(state).toBe(before);
          seen.add(state);
        }
      }),
      { numRuns: 500 },
    );
    expect([...seen].sort()).toEqual([...SUBMISSION_STATES].sort());
    // 500 random walks take about a second; a machine under load (CI beside a national benchmark) took over 5 s.
  }, 60_000);

  it('a withdrawn item never changes again', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SUBMISSION_STATES), fc.constantFrom(...ITEM_DECISIONS), (state, decision) => {
        expect(planItemDecision(state, 'WITHDRAWN', decision).ok).toBe(false);
      }),
    );
  });
});

describe('workflow message keys', () => {
  it('every declared key is emitted and every emitted key declared', () => {
    const emitted = new Set<string>();
    for (const [s, a] of pairs) {
      for (const list of [items(), items('PENDING', 'RETURNED'), items('RETURNED'), items('ACCEPTED')]) {
        const plan = planTransition(s, a, list);
        if (!plan.ok) for (const p of plan.problems) emitted.add(p.key);
      }
    }
    const bad = planItemDecision('DRAFT', 'PENDING', 'ACCEPT');
    if (!bad.ok) emitted.add(bad.problem.key);
    expect([...emitted].sort()).toEqual([...WORKFLOW_MESSAGE_KEYS].sort());
  });
});
