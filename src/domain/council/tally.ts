// The arithmetic of one vote: quorum, the denominator the rule counts on, the approval share, and a
// sentence that shows the working ("8/9 = 88,9 % < 90 %: không đạt"). Exact integer comparisons:
// 9 YES of 10 against 90 % passes, 8 of 9 does not, whatever floating point would say.
import type { Fraction, VoteRule } from './vote-rules';

export interface VoteCounts {
  yes: number;
  no: number;
  abstain: number;
  /** Spoilt paper ballots (phiếu không hợp lệ); always 0 online. */
  invalid: number;
}

export interface VoteInput {
  rule: VoteRule;
  /** Members in office when voting opened. */
  membersTotal: number;
  /** Members present at the meeting. */
  present: number;
  /** Members recused from this item, and how many of them are present. */
  recused: number;
  recusedPresent: number;
  counts: VoteCounts;
  /** How many of the counted votes are written votes from absent members. */
  written: number;
}

export type VoteOutcome = 'PASSED' | 'FAILED' | 'NO_QUORUM';

export interface VoteResult {
  outcome: VoteOutcome;
  quorumMet: boolean;
  /** Members present needed for the quorum. */
  quorumNeeded: number;
  denominator: number;
  yes: number;
  /** YES share in per mille of the denominator, rounded half up (for display only). */
  perMille: number;
}

/** Smallest integer n with n/total ≥ f (n/total > f when strict). */
export function needed(f: Fraction, total: number, strict: boolean): number {
  const exact = Math.floor((f.num * total) / f.den);
  const reaches = exact * f.den >= f.num * total;
  if (strict) return exact + 1;
  return reaches ? exact : exact + 1;
}

export function meetsShare(count: number, of: number, f: Fraction, strict: boolean): boolean {
  if (of <= 0) return false;
  return strict ? count * f.den > f.num * of : count * f.den >= f.num * of;
}

export function denominatorOf(input: Omit<VoteInput, 'counts'>): number {
  const { rule } = input;
  if (rule.denominator === 'ALL_MEMBERS') return input.membersTotal - (rule.recusedCounted ? 0 : input.recused);
  const presentVoters = input.present - (rule.recusedCounted ? 0 : input.recusedPresent);
  return presentVoters + (rule.writtenVotesFromAbsent ? input.written : 0);
}

export function evaluateVote(input: VoteInput): VoteResult {
  const { rule, counts } = input;
  const quorumNeeded = needed(rule.quorum, input.membersTotal, false);
  const quorumMet = input.membersTotal > 0 && input.present >= quorumNeeded;
  const denominator = Math.max(0, denominatorOf(input));
  const perMille = denominator > 0 ? Math.floor((counts.yes * 2000 + denominator) / (2 * denominator)) : 0;
  const base = { quorumMet, quorumNeeded, denominator, yes: counts.yes, perMille };
  if (!quorumMet) return { ...base, outcome: 'NO_QUORUM' };
  return { ...base, outcome: meetsShare(counts.yes, denominator, rule.approval, rule.strict) ? 'PASSED' : 'FAILED' };
}

export type Locale = 'vi' | 'en';

/** "88,9 %" in Vietnamese, "88.9%" in English. */
export function formatPerMille(perMille: number, locale: Locale): string {
  const whole = Math.floor(perMille / 10);
  const tenth = perMille % 10;
  const num = tenth === 0 ? String(whole) : `${whole}${locale === 'vi' ? ',' : '.'}${tenth}`;
  return locale === 'vi' ? `${num} %` : `${num}%`;
}

/** 9/10 → "90 %", 1/2 → "50 %", 2/3 → "2/3" (a share with no exact percentage stays a fraction). */
export function formatFraction(f: Fraction, locale: Locale): string {
  if ((f.num * 100) % f.den === 0) {
    const pct = (f.num * 100) / f.den;
    return locale === 'vi' ? `${pct} %` : `${pct}%`;
  }
  return `${f.num}/${f.den}`;
}

export interface Explanation {
  key: 'councils.explain.PASSED' | 'councils.explain.FAILED' | 'councils.explain.NO_QUORUM';
  params: Record<string, string | number>;
}

/** The working of a result as a catalogue key and its parameters. */
export function explainVote(rule: VoteRule, result: VoteResult, membersTotal: number, present: number, locale: Locale): Explanation {
  if (result.outcome === 'NO_QUORUM') {
    return {
      key: 'councils.explain.NO_QUORUM',
      params: { present, total: membersTotal, quorum: formatFraction(rule.quorum, locale), needed: result.quorumNeeded },
    };
  }
  const passed = result.outcome === 'PASSED';
  const op = rule.strict ? (passed ? '>' : '≤') : passed ? '≥' : '<';
  // Rounding must not make the sentence contradict itself ("90 % < 90 %"): near the threshold the
  // shown share is rounded towards the side the exact comparison fell on.
  const thresholdPm = (rule.approval.num * 1000) / rule.approval.den;
  let perMille = result.perMille;
  if (result.denominator > 0) {
    const exact = (result.yes * 1000) / result.denominator;
    if (!passed && perMille >= thresholdPm) perMille = Math.floor(exact);
    if (passed && (rule.strict ? perMille <= thresholdPm : perMille < thresholdPm)) perMille = Math.ceil(exact);
  }
  return {
    key: passed ? 'councils.explain.PASSED' : 'councils.explain.FAILED',
    params: {
      yes: result.yes,
      denominator: result.denominator,
      percent: formatPerMille(perMille, locale),
      op,
      threshold: formatFraction(rule.approval, locale),
    },
  };
}
