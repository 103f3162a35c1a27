// Rules of an emulation movement (phong trào thi đua): its life cycle, the dates of its steps, the
// awards its launching organisation may offer, and who may decide awards under it ("cấp nào phát
// động thì cấp đó khen thưởng"). Pure functions: the server and the web client share them.

export const MOVEMENT_KINDS = ['REGULAR', 'ROUND', 'THEMATIC'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

export const MOVEMENT_STATUSES = ['DRAFT', 'LAUNCHED', 'IN_PROGRESS', 'MID_REVIEW', 'FINAL_REVIEW', 'CLOSED'] as const;
export type MovementStatus = (typeof MOVEMENT_STATUSES)[number];

/**
 * Allowed steps. Sơ kết (MID_REVIEW) is optional: a movement in progress may go straight to tổng
 * kết. A movement just launched must first be recorded as in progress before any review: a review
 * (even mid-term) looks back at work done, which a movement that has not started has not got.
 */
export const TRANSITIONS: Readonly<Record<MovementStatus, readonly MovementStatus[]>> = {
  DRAFT: ['LAUNCHED'],
  LAUNCHED: ['IN_PROGRESS'],
  IN_PROGRESS: ['MID_REVIEW', 'FINAL_REVIEW'],
  MID_REVIEW: ['FINAL_REVIEW'],
  FINAL_REVIEW: ['CLOSED'],
  CLOSED: [],
};

export const canTransition = (from: MovementStatus, to: MovementStatus): boolean => TRANSITIONS[from].includes(to);

/** Steps whose record must explain the result (sơ kết, tổng kết, closing). */
export const NOTE_REQUIRED: readonly MovementStatus[] = ['MID_REVIEW', 'FINAL_REVIEW', 'CLOSED'];

export interface RuleError {
  key: string;
  params?: Record<string, string | number>;
  field?: string;
}

export interface StepDateContext {
  to: MovementStatus;
  onDate: string;
  today: string;
  /** Date of the latest recorded step (launch, …); null for the launch itself. */
  previousDate: string | null;
  startsOn: string;
  endsOn: string;
}

/**
 * The date of a step: never in the future, never before the previous step; a launch cannot come
 * after the period has ended; sơ kết falls within the period; tổng kết and closing come once the
 * period has started (a year-end tổng kết is usually held a little before the period ends).
 */
export function checkStepDate(c: StepDateContext): RuleError | null {
  const field = 'onDate';
  if (c.onDate > c.today) return { key: 'movement.stepInFuture', field };
  if (c.previousDate !== null && c.onDate < c.previousDate) return { key: 'movement.stepBeforePrevious', params: { date: c.previousDate }, field };
  switch (c.to) {
    case 'LAUNCHED':
      if (c.onDate > c.endsOn) return { key: 'movement.launchAfterPeriod', params: { endsOn: c.endsOn }, field };
      return null;
    case 'MID_REVIEW':
      if (c.onDate < c.startsOn || c.onDate > c.endsOn) return { key: 'movement.midReviewOutsidePeriod', params: { startsOn: c.startsOn, endsOn: c.endsOn }, field };
      return null;
    case 'IN_PROGRESS':
    case 'FINAL_REVIEW':
    case 'CLOSED':
      if (c.onDate < c.startsOn) return { key: 'movement.stepBeforeStart', params: { startsOn: c.startsOn }, field };
      return null;
    case 'DRAFT':
      return { key: 'movement.badTransition', field: 'toStatus' };
  }
}

/**
 * How the organisation at `decidingPath` stands towards awards under a movement launched by the
 * organisation at `launchingPath` (materialised paths, `/1/5/` above `/1/5/23/`):
 * - DECIDE: it is the launching organisation, the only one that decides awards under the movement;
 * - PROPOSE_UP: awards reach it only as proposals going up — a unit below the launching
 *   organisation proposes to it, and the launching organisation proposes its best to an
 *   organisation above it;
 * - NONE: another branch of the tree; it has no part in this movement's awards.
 */
export type MovementAuthority = 'DECIDE' | 'PROPOSE_UP' | 'NONE';

export function movementAuthority(launchingPath: string, decidingPath: string): MovementAuthority {
  if (launchingPath === decidingPath) return 'DECIDE';
  if (decidingPath.startsWith(launchingPath) || launchingPath.startsWith(decidingPath)) return 'PROPOSE_UP';
  return 'NONE';
}

export interface OfferableAward {
  code: string;
  nameVi: string;
  grantingOrgKinds: readonly string[];
  active: boolean;
}

/**
 * Every offered award must be in the catalogue, in use, and grantable by the kind of the
 * launching organisation: it decides the awards at the end, so it can only offer its own.
 */
export function checkOfferedAwards(codes: readonly string[], catalogue: readonly OfferableAward[], launchingKind: string, launchingName: string): RuleError | null {
  const byCode = new Map(catalogue.map((a) => [a.code, a]));
  const seen = new Set<string>();
  for (const code of codes) {
    if (seen.has(code)) return { key: 'movement.duplicateAward', params: { code }, field: 'offeredAwards' };
    seen.add(code);
    const a = byCode.get(code);
    if (!a || !a.active) return { key: 'movement.unknownAward', params: { code }, field: 'offeredAwards' };
    if (!a.grantingOrgKinds.includes(launchingKind)) return { key: 'movement.awardNotGrantable', params: { award: a.nameVi, org: launchingName }, field: 'offeredAwards' };
  }
  return null;
}

/** The period must hold together and contain the movement's year. */
export function checkPeriod(year: number, startsOn: string, endsOn: string): RuleError | null {
  if (endsOn < startsOn) return { key: 'movement.periodReversed', field: 'endsOn' };
  if (Number(startsOn.slice(0, 4)) > year || Number(endsOn.slice(0, 4)) < year) return { key: 'movement.periodOutsideYear', params: { year }, field: 'startsOn' };
  return null;
}

/** The date column a step fills on the movement row. */
export const STEP_DATE_COLUMN: Partial<Record<MovementStatus, 'launched_on' | 'mid_review_on' | 'final_review_on' | 'closed_on'>> = {
  LAUNCHED: 'launched_on',
  MID_REVIEW: 'mid_review_on',
  FINAL_REVIEW: 'final_review_on',
  CLOSED: 'closed_on',
};
