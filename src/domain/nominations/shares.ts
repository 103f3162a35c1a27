// What-if on a unit's list before it is submitted: how many per award against the quotas, and the
// shares the rules favour (RULES.md §5: priority for direct workers and non-leaders; women are shown
// because reports ask for them). Pure and advisory: it returns warnings, it never refuses.
//
// Unknown values (isLeader / isDirectWorker / gender null) never help a minimum share pass: a person
// whose leader flag is unknown is counted with the LEADERS, an unknown direct-worker flag counts as
// not a direct worker, an unknown gender as not a woman. So leaders + nonLeaders = persons always,
// and when a minimum is set the unknowns are reported, so the unit can fill them in.
import type { MessageParams } from './messages';

export const SHARES_MESSAGE_KEYS = [
  'nominations.shares.overQuota',
  'nominations.shares.nonLeaderShareLow',
  'nominations.shares.directWorkerShareLow',
  'nominations.shares.leaderUnknown',
  'nominations.shares.directWorkerUnknown',
  'nominations.shares.notEligible',
  'nominations.shares.minShareInvalid',
] as const;
export type SharesMessageKey = (typeof SHARES_MESSAGE_KEYS)[number];

export interface SharesWarning {
  messageKey: SharesMessageKey;
  params: MessageParams;
}

export interface ListLine {
  awardCode: string;
  subjectKind: 'PERSON' | 'UNIT';
  isLeader: boolean | null;
  isDirectWorker: boolean | null;
  gender: 'MALE' | 'FEMALE' | null;
  /** The eligibility engine's verdict for this line. */
  eligible: boolean;
}

export interface AwardUse {
  awardCode: string;
  proposed: number;
  allowed: number | null;
  /** proposed − allowed when positive, else 0 (0 also when there is no quota). */
  over: number;
}

export interface WhatIf {
  total: number;
  persons: number;
  units: number;
  /** Persons flagged leader or with the flag unknown (see the header). */
  leaders: number;
  nonLeaders: number;
  directWorkers: number;
  women: number;
  notEligible: number;
  /** Shares over persons, 4 decimals; null when the list has no person. */
  nonLeaderShare: number | null;
  directWorkerShare: number | null;
  womenShare: number | null;
  /** One row per award code, sorted by code. */
  byAward: AwardUse[];
  warnings: SharesWarning[];
}

export interface WhatIfOptions {
  /** The quota of an award for this list (null = none). */
  allowed?: (awardCode: string) => number | null;
  /** Minimum shares, as fractions in [0, 1]; null or absent = not checked. */
  minNonLeaderShare?: number | null;
  minDirectWorkerShare?: number | null;
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
/** Percent with one decimal, for messages ("33.3 %"). */
const percent = (x: number) => Math.round(x * 1000) / 10;

export function whatIf(lines: readonly ListLine[], opts: WhatIfOptions = {}): WhatIf {
  const people = lines.filter((l) => l.subjectKind === 'PERSON');
  const persons = people.length;
  const nonLeaders = people.filter((l) => l.isLeader === false).length;
  const directWorkers = people.filter((l) => l.isDirectWorker === true).length;
  const women = people.filter((l) => l.gender === 'FEMALE').length;
  const notEligible = lines.filter((l) => !l.eligible).length;
  const share = (n: number) => (persons === 0 ? null : n / persons);

  const counts = new Map<string, number>();
  for (const l of lines) counts.set(l.awardCode, (counts.get(l.awardCode) ?? 0) + 1);
  const byAward: AwardUse[] = [...counts]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([awardCode, proposed]) => {
      const allowed = opts.allowed?.(awardCode) ?? null;
      return { awardCode, proposed, allowed, over: allowed === null ? 0 : Math.max(0, proposed - allowed) };
    });

  const warnings: SharesWarning[] = [];
  for (const a of byAward) {
    if (a.over > 0) warnings.push({ messageKey: 'nominations.shares.overQuota', params: { awardCode: a.awardCode, proposed: a.proposed, allowed: a.allowed ?? 0, over: a.over } });
  }
  const checkMinimum = (
    field: string,
    min: number | null | undefined,
    count: number,
    lowKey: SharesMessageKey,
    unknown: number,
    unknownKey: SharesMessageKey,
  ) => {
    if (min === null || min === undefined) return;
    if (!Number.isFinite(min) || min < 0 || min > 1) {
      warnings.push({ messageKey: 'nominations.shares.minShareInvalid', params: { field, value: String(min) } });
      return;
    }
    const s = share(count);
    // Compared unrounded, so 0.39996 does not pass a 0.4 minimum by rounding.
    if (s !== null && s < min) warnings.push({ messageKey: lowKey, params: { share: percent(s), min: percent(min), count, persons } });
    if (unknown > 0) warnings.push({ messageKey: unknownKey, params: { count: unknown } });
  };
  checkMinimum('minNonLeaderShare', opts.minNonLeaderShare, nonLeaders, 'nominations.shares.nonLeaderShareLow', people.filter((l) => l.isLeader === null).length, 'nominations.shares.leaderUnknown');
  checkMinimum(
    'minDirectWorkerShare',
    opts.minDirectWorkerShare,
    directWorkers,
    'nominations.shares.directWorkerShareLow',
    people.filter((l) => l.isDirectWorker === null).length,
    'nominations.shares.directWorkerUnknown',
  );
  if (notEligible > 0) warnings.push({ messageKey: 'nominations.shares.notEligible', params: { count: notEligible } });

  const rounded = (n: number) => {
    const s = share(n);
    return s === null ? null : round4(s);
  };
  return {
    total: lines.length,
    persons,
    units: lines.length - persons,
    leaders: persons - nonLeaders,
    nonLeaders,
    directWorkers,
    women,
    notEligible,
    nonLeaderShare: rounded(nonLeaders),
    directWorkerShare: rounded(directWorkers),
    womenShare: rounded(women),
    byAward,
    warnings,
  };
}
