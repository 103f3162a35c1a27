// Stages of an exemplary model (mô hình) or exemplary person / collective (điển hình tiên tiến):
// discovered → being fostered → recognised → replicated, or closed with a reason at any open stage.
// The moves and what each one needs are data; `canMove` answers the message key of the first missing
// requirement (null when the move may happen). There is no going back: the only backward move is an
// explicit reopening of a CLOSED entry, with a reason, to the stage it was closed from — and that
// stage's own requirements must still hold (a model closed while replicated reopens as replicated only
// while a replicating unit is still active).

export const MODEL_STAGES = ['DISCOVERED', 'FOSTERING', 'RECOGNISED', 'REPLICATED', 'CLOSED'] as const;
export type ModelStage = (typeof MODEL_STAGES)[number];
/** The path forward, in order (CLOSED is off it). */
export const PROGRESS_STAGES = ['DISCOVERED', 'FOSTERING', 'RECOGNISED', 'REPLICATED'] as const;
export type ProgressStage = (typeof PROGRESS_STAGES)[number];

export type Requirement = 'fosteringPlan' | 'recognisedOn' | 'activeReplication' | 'reason';

/** What is known of the entry when a move is asked for (after the move's own inputs are applied). */
export interface StageFacts {
  fosteringPlan: string | null;
  recognisedOn: string | null;
  activeReplications: number;
  /** The reason given with the move (closing, reopening). */
  reason: string | null;
  /** For a CLOSED entry: the stage it was closed from. */
  closedFrom: ProgressStage | null;
}

export interface Transition {
  from: ModelStage;
  to: ModelStage;
  requires: readonly Requirement[];
  /** Reopening a closed entry: only to the stage it was closed from. */
  reopen?: true;
}

/** What each stage needs to hold (a stage reached by reopening needs it too). */
export const STAGE_REQUIREMENTS: Record<ProgressStage, readonly Requirement[]> = {
  DISCOVERED: [],
  FOSTERING: ['fosteringPlan'],
  RECOGNISED: ['fosteringPlan', 'recognisedOn'],
  REPLICATED: ['fosteringPlan', 'recognisedOn', 'activeReplication'],
};

export const TRANSITIONS: readonly Transition[] = [
  // Forward one step at a time; the stage reached must hold all it rests on (the plan stays required).
  { from: 'DISCOVERED', to: 'FOSTERING', requires: STAGE_REQUIREMENTS.FOSTERING },
  { from: 'FOSTERING', to: 'RECOGNISED', requires: STAGE_REQUIREMENTS.RECOGNISED },
  { from: 'RECOGNISED', to: 'REPLICATED', requires: STAGE_REQUIREMENTS.REPLICATED },
  ...PROGRESS_STAGES.map((from): Transition => ({ from, to: 'CLOSED', requires: ['reason'] })),
  ...PROGRESS_STAGES.map((to): Transition => ({ from: 'CLOSED', to, requires: ['reason', ...STAGE_REQUIREMENTS[to]], reopen: true })),
];

export const MISSING_MESSAGE: Record<Requirement, StageMessageKey> = {
  fosteringPlan: 'models.stage.needsPlan',
  recognisedOn: 'models.stage.needsRecognisedOn',
  activeReplication: 'models.stage.needsReplication',
  reason: 'models.stage.needsReason',
};

export type StageMessageKey =
  | 'models.stage.notAllowed'
  | 'models.stage.reopenToPrevious'
  | 'models.stage.needsPlan'
  | 'models.stage.needsRecognisedOn'
  | 'models.stage.needsReplication'
  | 'models.stage.needsReason';

const has = (s: string | null) => s !== null && s.trim().length > 0;

function holds(req: Requirement, f: StageFacts): boolean {
  switch (req) {
    case 'fosteringPlan':
      return has(f.fosteringPlan);
    case 'recognisedOn':
      return f.recognisedOn !== null;
    case 'activeReplication':
      return f.activeReplications > 0;
    case 'reason':
      return has(f.reason);
  }
}

/** Null when the move may happen; otherwise the message key of what stands in the way. */
export function canMove(from: ModelStage, to: ModelStage, facts: StageFacts): StageMessageKey | null {
  const tr = TRANSITIONS.find((x) => x.from === from && x.to === to);
  if (!tr) return 'models.stage.notAllowed';
  if (tr.reopen && facts.closedFrom !== to) return 'models.stage.reopenToPrevious';
  const missing = tr.requires.find((r) => !holds(r, facts));
  return missing ? MISSING_MESSAGE[missing] : null;
}

/** The moves out of a stage (what the page offers). */
export const movesFrom = (from: ModelStage): ModelStage[] => TRANSITIONS.filter((x) => x.from === from).map((x) => x.to);

/** Replicating units are recorded once the model is recognised (and while it is replicated). */
export const acceptsReplications = (stage: ModelStage) => stage === 'RECOGNISED' || stage === 'REPLICATED';

/**
 * A replication may be revoked unless it is the last active one of a REPLICATED entry (the stage
 * would lose what it rests on: close the entry instead).
 */
export const canRevokeReplication = (stage: ModelStage, activeReplications: number) => stage !== 'CLOSED' && !(stage === 'REPLICATED' && activeReplications <= 1);

export const FOLLOW_UP_STATES = ['NONE', 'SCHEDULED', 'DUE_TODAY', 'OVERDUE'] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];

/**
 * The follow-up of an entry being fostered: its latest check-in's next date against today (ISO
 * dates compare as strings). Only FOSTERING entries are followed up; the others are NONE.
 */
export function followUpState(stage: ModelStage, nextOn: string | null, today: string): FollowUpState {
  if (stage !== 'FOSTERING' || nextOn === null) return 'NONE';
  if (nextOn < today) return 'OVERDUE';
  return nextOn === today ? 'DUE_TODAY' : 'SCHEDULED';
}
