// The life of a submission batch (tờ trình) sent from a proposing unit to the level above, and of
// the nominations in it (RULES.md §6.1 step 5: the TĐKT office of the receiving level appraises,
// returns faulty dossiers for correction, then sends the accepted ones to its council or escalates
// them to the level above). Pure: the server loads the batch and its items, asks `planTransition` or
// `planItemDecision`, and writes the answer with its audit event.
//
//   DRAFT            SUBMIT           → SUBMITTED
//   SUBMITTED        WITHDRAW         → WITHDRAWN      (only before the receiving level takes it in)
//   SUBMITTED        RECEIVE          → RECEIVED
//   RECEIVED         START_APPRAISAL  → UNDER_APPRAISAL
//   RESUBMITTED      START_APPRAISAL  → UNDER_APPRAISAL
//   UNDER_APPRAISAL  RETURN           → RETURNED       (faulty dossiers back to the proposer)
//   RETURNED         RESUBMIT         → RESUBMITTED
//   UNDER_APPRAISAL  FINISH_APPRAISAL → APPRAISED
//   APPRAISED        SEND_TO_COUNCIL  → TO_COUNCIL     (this level decides)
//   APPRAISED        ESCALATE         → ESCALATED      (this level proposes to the level above)
//
// Items: PENDING until the appraiser decides ACCEPTED, RETURNED or REJECTED; a RETURNED item is FIXED
// by the proposer while the batch is RETURNED. After RESUBMIT and START_APPRAISAL, FIXED items stay
// FIXED: they wait for a new decision, and neither RETURN nor FINISH_APPRAISAL passes until they get
// one. Items the appraiser already ACCEPTED or REJECTED keep that decision (it may still be changed).
// WITHDRAWN items are out of the batch and ignored by every guard.
import type { MessageParams } from './messages';

export const SUBMISSION_STATES = ['DRAFT', 'SUBMITTED', 'RECEIVED', 'UNDER_APPRAISAL', 'RETURNED', 'RESUBMITTED', 'APPRAISED', 'TO_COUNCIL', 'ESCALATED', 'WITHDRAWN'] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];

export const SUBMISSION_ACTIONS = ['SUBMIT', 'WITHDRAW', 'RECEIVE', 'START_APPRAISAL', 'RETURN', 'RESUBMIT', 'FINISH_APPRAISAL', 'SEND_TO_COUNCIL', 'ESCALATE'] as const;
export type SubmissionAction = (typeof SUBMISSION_ACTIONS)[number];

export const ITEM_STATES = ['PENDING', 'ACCEPTED', 'RETURNED', 'FIXED', 'REJECTED', 'WITHDRAWN'] as const;
export type ItemState = (typeof ITEM_STATES)[number];

export const ITEM_DECISIONS = ['ACCEPT', 'RETURN', 'REJECT', 'FIX', 'WITHDRAW'] as const;
export type ItemDecision = (typeof ITEM_DECISIONS)[number];

export const WORKFLOW_MESSAGE_KEYS = [
  'nominations.workflow.illegal',
  'nominations.workflow.empty',
  'nominations.workflow.undecided',
  'nominations.workflow.nothingToReturn',
  'nominations.workflow.notFixed',
  'nominations.workflow.noneAccepted',
  'nominations.workflow.itemIllegal',
] as const;
export type WorkflowMessageKey = (typeof WORKFLOW_MESSAGE_KEYS)[number];

export interface WorkflowMessage<K extends WorkflowMessageKey = WorkflowMessageKey> {
  key: K;
  params: MessageParams;
}

const wmsg = (key: WorkflowMessageKey, params: MessageParams = {}): WorkflowMessage => ({ key, params });

/** Who acts: the unit that sends the batch, or the level that receives and appraises it. */
export type Side = 'PROPOSER' | 'APPRAISER';

export function sideOf(action: SubmissionAction): Side {
  return action === 'SUBMIT' || action === 'WITHDRAW' || action === 'RESUBMIT' ? 'PROPOSER' : 'APPRAISER';
}

const TRANSITIONS: Readonly<Record<SubmissionState, Partial<Record<SubmissionAction, SubmissionState>>>> = {
  DRAFT: { SUBMIT: 'SUBMITTED' },
  // Withdrawal is only possible before the receiving level has taken the batch in.
  SUBMITTED: { WITHDRAW: 'WITHDRAWN', RECEIVE: 'RECEIVED' },
  RECEIVED: { START_APPRAISAL: 'UNDER_APPRAISAL' },
  UNDER_APPRAISAL: { RETURN: 'RETURNED', FINISH_APPRAISAL: 'APPRAISED' },
  RETURNED: { RESUBMIT: 'RESUBMITTED' },
  RESUBMITTED: { START_APPRAISAL: 'UNDER_APPRAISAL' },
  APPRAISED: { SEND_TO_COUNCIL: 'TO_COUNCIL', ESCALATE: 'ESCALATED' },
  TO_COUNCIL: {},
  ESCALATED: {},
  WITHDRAWN: {},
};

const TERMINAL: ReadonlySet<SubmissionState> = new Set(['WITHDRAWN', 'TO_COUNCIL', 'ESCALATED']);
const APPRAISER_OPEN: ReadonlySet<SubmissionState> = new Set(['SUBMITTED', 'RECEIVED', 'UNDER_APPRAISAL', 'RESUBMITTED']);

/** No action leaves these states. (APPRAISED with nothing accepted is a dead end too, but not "done".) */
export function isTerminal(state: SubmissionState): boolean {
  return TERMINAL.has(state);
}

/** States that sit in the appraiser's inbox, waiting for the receiving level. */
export function appraiserOpen(state: SubmissionState): boolean {
  return APPRAISER_OPEN.has(state);
}

/** Actions the state allows, before guards on the items; in SUBMISSION_ACTIONS order. */
export function availableActions(state: SubmissionState): SubmissionAction[] {
  return SUBMISSION_ACTIONS.filter((a) => TRANSITIONS[state][a] !== undefined);
}

export type TransitionPlan = { ok: true; next: SubmissionState } | { ok: false; problems: WorkflowMessage[] };

export function planTransition(state: SubmissionState, action: SubmissionAction, items: readonly { id: number; state: ItemState }[]): TransitionPlan {
  const next = TRANSITIONS[state][action];
  if (next === undefined) return { ok: false, problems: [wmsg('nominations.workflow.illegal', { state, action })] };

  const active = items.filter((i) => i.state !== 'WITHDRAWN');
  const count = (...states: ItemState[]) => active.filter((i) => states.includes(i.state)).length;
  const problems: WorkflowMessage[] = [];
  switch (action) {
    case 'SUBMIT':
      if (active.length === 0) problems.push(wmsg('nominations.workflow.empty'));
      break;
    case 'RETURN': {
      const undecided = count('PENDING', 'FIXED');
      if (undecided > 0) problems.push(wmsg('nominations.workflow.undecided', { count: undecided }));
      if (count('RETURNED') === 0) problems.push(wmsg('nominations.workflow.nothingToReturn'));
      break;
    }
    case 'RESUBMIT': {
      const stillReturned = count('RETURNED');
      if (stillReturned > 0) problems.push(wmsg('nominations.workflow.notFixed', { count: stillReturned }));
      break;
    }
    case 'FINISH_APPRAISAL': {
      // RETURNED counts as undecided here: finishing would drop those items silently; RETURN them first.
      const undecided = active.length - count('ACCEPTED', 'REJECTED');
      if (undecided > 0) problems.push(wmsg('nominations.workflow.undecided', { count: undecided }));
      break;
    }
    case 'SEND_TO_COUNCIL':
    case 'ESCALATE':
      if (count('ACCEPTED') === 0) problems.push(wmsg('nominations.workflow.noneAccepted'));
      break;
    default:
      break;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, next };
}

export type ItemDecisionPlan = { ok: true; next: ItemState } | { ok: false; problem: WorkflowMessage };

const APPRAISER_DECISION: Readonly<Partial<Record<ItemDecision, ItemState>>> = { ACCEPT: 'ACCEPTED', RETURN: 'RETURNED', REJECT: 'REJECTED' };
/** The appraiser may change their mind on any item still in the batch until FINISH_APPRAISAL. */
const APPRAISABLE: ReadonlySet<ItemState> = new Set(['PENDING', 'FIXED', 'ACCEPTED', 'RETURNED', 'REJECTED']);

/**
 * A decision on one item of a batch. ACCEPT/RETURN/REJECT: the appraiser, while UNDER_APPRAISAL. FIX:
 * the proposer, on a RETURNED item of a RETURNED batch. WITHDRAW: the proposer, any item of a DRAFT
 * batch or a RETURNED item of a RETURNED batch (an item already withdrawn cannot be withdrawn again).
 */
export function planItemDecision(submissionState: SubmissionState, itemState: ItemState, decision: ItemDecision): ItemDecisionPlan {
  const refuse: ItemDecisionPlan = { ok: false, problem: wmsg('nominations.workflow.itemIllegal', { state: submissionState, itemState, decision }) };
  switch (decision) {
    case 'ACCEPT':
    case 'RETURN':
    case 'REJECT': {
      const next = APPRAISER_DECISION[decision];
      return submissionState === 'UNDER_APPRAISAL' && APPRAISABLE.has(itemState) && next !== undefined ? { ok: true, next } : refuse;
    }
    case 'FIX':
      return submissionState === 'RETURNED' && itemState === 'RETURNED' ? { ok: true, next: 'FIXED' } : refuse;
    case 'WITHDRAW':
      return (submissionState === 'DRAFT' && itemState !== 'WITHDRAWN') || (submissionState === 'RETURNED' && itemState === 'RETURNED')
        ? { ok: true, next: 'WITHDRAWN' }
        : refuse;
    default:
      return refuse;
  }
}

/** Who makes an item decision (mirrors `sideOf`). */
export function itemDecisionSide(decision: ItemDecision): Side {
  return decision === 'FIX' || decision === 'WITHDRAW' ? 'PROPOSER' : 'APPRAISER';
}
