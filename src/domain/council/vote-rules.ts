// How a council decides on one nomination: quorum, the approval share and what it is counted on,
// whether absent members may vote in writing, whether a public consultation must end first.
// RULES.md §7 and §14.8: only the old ND 91/2017 rule is confirmed (CSTĐ bộ/tỉnh and higher: secret
// ballot, ≥ 90 % of all members, absent members give their opinion in writing). Everything else is a
// documented default that each council overrides in its own vote rules (its quy chế).

/** An exact share: 9/10, 2/3, 1/2. Compared with integers, never with floating point. */
export interface Fraction {
  num: number;
  den: number;
}

export const VOTE_METHODS = ['SECRET_ONLINE', 'SECRET_PAPER', 'SHOW_OF_HANDS'] as const;
export type VoteMethod = (typeof VOTE_METHODS)[number];
export const DENOMINATORS = ['ALL_MEMBERS', 'PRESENT'] as const;
export type Denominator = (typeof DENOMINATORS)[number];

export interface VoteRule {
  /** Whether a secret ballot is required (then a show of hands is refused). */
  secret: boolean;
  /** Members present needed for a valid vote, as a share of the members in office. */
  quorum: Fraction;
  /** Share of YES votes required. */
  approval: Fraction;
  /** True: strictly more than the share ("quá 1/2"); false: at least the share ("từ 90 % trở lên"). */
  strict: boolean;
  /** What the share is counted on: all members in office, or members present (plus written votes). */
  denominator: Denominator;
  /** Absent members may send a written vote, counted like a ballot. */
  writtenVotesFromAbsent: boolean;
  /** Recused members stay in the denominator (false: they are taken out of it). */
  recusedCounted: boolean;
  /** Working days of public consultation that must have ended before the vote (0: none). */
  consultationWorkingDays: number;
  /** Where the value comes from, shown next to the result. */
  source: string;
  /** True when the value is a documented default rather than a confirmed rule. */
  uncertain: boolean;
}

export type VoteRuleOverride = Partial<Omit<VoteRule, 'source' | 'uncertain'>> & { source?: string };

export interface CouncilVoteRules {
  default?: VoteRuleOverride;
  awards?: Record<string, VoteRuleOverride>;
}

/** Titles for which the old ND 91/2017 Điều 45.8 rule is confirmed. */
export const HIGH_TITLE_CODES: readonly string[] = ['CSTD_BO_TINH', 'CSTD_TQ'];

export const DEFAULT_VOTE_RULE: VoteRule = {
  secret: true,
  quorum: { num: 2, den: 3 },
  approval: { num: 1, den: 2 },
  strict: true,
  denominator: 'ALL_MEMBERS',
  writtenVotesFromAbsent: false,
  recusedCounted: false,
  consultationWorkingDays: 0,
  source: 'councils.rule.source.default',
  uncertain: true,
};

export const HIGH_TITLE_RULE: VoteRule = {
  secret: true,
  quorum: { num: 2, den: 3 },
  approval: { num: 9, den: 10 },
  strict: false,
  denominator: 'ALL_MEMBERS',
  writtenVotesFromAbsent: true,
  recusedCounted: false,
  consultationWorkingDays: 0,
  source: 'councils.rule.source.nd91',
  uncertain: false,
};

export interface AwardLevelInfo {
  code: string;
  /** The catalogue level: STATE awards need a public consultation (ND 98/2023 Điều 46). */
  level: string;
}

/** The built-in rule for an award before the council's own overrides. */
export function builtInRule(award: AwardLevelInfo): VoteRule {
  const base = HIGH_TITLE_CODES.includes(award.code) ? HIGH_TITLE_RULE : DEFAULT_VOTE_RULE;
  return award.level === 'STATE' ? { ...base, consultationWorkingDays: 10, writtenVotesFromAbsent: true } : { ...base };
}

/** The effective rule: built-in, then the council's default, then its rule for the award. */
export function resolveVoteRule(award: AwardLevelInfo, rules: CouncilVoteRules | null | undefined): VoteRule {
  const base = builtInRule(award);
  const own = [rules?.default, rules?.awards?.[award.code]].filter((r): r is VoteRuleOverride => !!r);
  if (own.length === 0) return base;
  const merged = own.reduce<VoteRule>((acc, o) => ({ ...acc, ...o }), base);
  return { ...merged, source: own[own.length - 1]!.source ?? 'councils.rule.source.council', uncertain: false };
}

/** A fraction is usable when both parts are integers and 0 < num ≤ den. */
export function isValidFraction(f: Fraction): boolean {
  return Number.isInteger(f.num) && Number.isInteger(f.den) && f.den > 0 && f.num > 0 && f.num <= f.den;
}
