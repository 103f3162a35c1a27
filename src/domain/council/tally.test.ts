import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_VOTE_RULE, HIGH_TITLE_RULE, builtInRule, resolveVoteRule, type VoteRule } from './vote-rules';
import { denominatorOf, evaluateVote, explainVote, formatFraction, formatPerMille, meetsShare, needed, type VoteInput } from './tally';

const counts = (yes: number, no = 0, abstain = 0, invalid = 0) => ({ yes, no, abstain, invalid });
const input = (over: Partial<VoteInput> & { rule: VoteRule }): VoteInput => ({
  membersTotal: 9, present: 9, recused: 0, recusedPresent: 0, counts: counts(0), written: 0, ...over,
});
const explain = (i: VoteInput, locale: 'vi' | 'en' = 'vi') => {
  const r = evaluateVote(i);
  const e = explainVote(i.rule, r, i.membersTotal, i.present, locale);
  const text: Record<string, string> = {
    'councils.explain.PASSED': '{yes}/{denominator} = {percent} {op} {threshold}: đạt',
    'councils.explain.FAILED': '{yes}/{denominator} = {percent} {op} {threshold}: không đạt',
    'councils.explain.NO_QUORUM': 'Có mặt {present}/{total} < {quorum} (cần {needed}): không đủ túc số',
  };
  return text[e.key]!.replace(/\{(\w+)\}/g, (_, k: string) => String(e.params[k]));
};

describe('the high-title rule: ≥ 90 % of all members (ND 91/2017 Điều 45.8)', () => {
  const rule = HIGH_TITLE_RULE;
  it.each([
    // members, present, recused (present), yes, written, outcome, sentence
    [10, 10, 0, 9, 0, 'PASSED', '9/10 = 90 % ≥ 90 %: đạt'],
    [10, 10, 0, 8, 0, 'FAILED', '8/10 = 80 % < 90 %: không đạt'],
    [9, 8, 0, 8, 0, 'FAILED', '8/9 = 88,9 % < 90 %: không đạt'],
    [9, 8, 0, 8, 1, 'FAILED', '8/9 = 88,9 % < 90 %: không đạt'], // the written vote was NO or ABSTAIN: yes stays 8
    [9, 8, 0, 9, 1, 'PASSED', '9/9 = 100 % ≥ 90 %: đạt'], // the absent member's written YES counts
    [9, 9, 1, 8, 0, 'PASSED', '8/8 = 100 % ≥ 90 %: đạt'], // a recused member leaves the denominator
    [20, 20, 0, 18, 0, 'PASSED', '18/20 = 90 % ≥ 90 %: đạt'],
    [20, 20, 0, 17, 0, 'FAILED', '17/20 = 85 % < 90 %: không đạt'],
    [9, 5, 0, 5, 0, 'NO_QUORUM', 'Có mặt 5/9 < 2/3 (cần 6): không đủ túc số'],
    [9, 6, 0, 6, 0, 'FAILED', '6/9 = 66,7 % < 90 %: không đạt'],
  ] as const)('%i members, %i present, %i recused, %i YES, %i written → %s', (members, present, recused, yes, written, outcome, sentence) => {
    const i = input({ rule, membersTotal: members, present, recused, recusedPresent: recused, counts: counts(yes), written });
    expect(evaluateVote(i).outcome).toBe(outcome);
    expect(explain(i)).toBe(sentence);
  });
});

describe('the default rule: more than half of all members', () => {
  it.each([
    [9, 9, 5, 'PASSED', '5/9 = 55,6 % > 50 %: đạt'],
    [8, 8, 4, 'FAILED', '4/8 = 50 % ≤ 50 %: không đạt'], // exactly half is not more than half
    [8, 8, 5, 'PASSED', '5/8 = 62,5 % > 50 %: đạt'],
    [9, 6, 4, 'FAILED', '4/9 = 44,4 % ≤ 50 %: không đạt'], // absent members count against: the denominator is all members
  ] as const)('%i members, %i present, %i YES → %s', (members, present, yes, outcome, sentence) => {
    const i = input({ rule: DEFAULT_VOTE_RULE, membersTotal: members, present, counts: counts(yes) });
    expect(evaluateVote(i).outcome).toBe(outcome);
    expect(explain(i)).toBe(sentence);
  });

  it('counts on members present when a council chooses so, with written votes added', () => {
    const rule: VoteRule = { ...DEFAULT_VOTE_RULE, denominator: 'PRESENT', writtenVotesFromAbsent: true };
    // 6 present + 1 written, 1 of the present recused: 6 voters.
    const i = input({ rule, membersTotal: 9, present: 6, recused: 1, recusedPresent: 1, counts: counts(4, 2), written: 1 });
    expect(denominatorOf(i)).toBe(6);
    expect(explain(i)).toBe('4/6 = 66,7 % > 50 %: đạt');
    expect(denominatorOf({ ...i, rule: { ...rule, recusedCounted: true } })).toBe(7);
    expect(denominatorOf({ ...i, rule: { ...rule, writtenVotesFromAbsent: false } })).toBe(5);
  });
});

describe('rounding never contradicts the comparison', () => {
  it('shows the truncated share when rounding would reach a threshold that was missed', () => {
    // 899/1000 = 89,9 %; 1799/2000 = 89,95 % rounds to 90,0 % — but it is below 90 %.
    const i = input({ rule: HIGH_TITLE_RULE, membersTotal: 2000, present: 2000, counts: counts(1799) });
    expect(evaluateVote(i).outcome).toBe('FAILED');
    expect(explain(i)).toBe('1799/2000 = 89,9 % < 90 %: không đạt');
  });

  it('property: the shown share is on the same side of the threshold as the exact one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.nat(), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 }), fc.boolean(), (total, y, a, b, strict) => {
        const approval = { num: Math.min(a, b), den: Math.max(a, b) };
        const rule: VoteRule = { ...DEFAULT_VOTE_RULE, approval, strict, quorum: { num: 1, den: 1 } };
        const yes = y % (total + 1);
        const i = input({ rule, membersTotal: total, present: total, counts: counts(yes) });
        const r = evaluateVote(i);
        const e = explainVote(rule, r, total, total, 'en');
        const shown = Number(String(e.params.percent).replace('%', ''));
        const threshold = (approval.num * 100) / approval.den;
        if (r.outcome === 'PASSED') expect(shown >= threshold).toBe(true);
        else expect(shown <= threshold + 1e-9).toBe(true);
        if (!strict && r.outcome === 'FAILED') expect(shown < threshold || (approval.num * 100) % approval.den !== 0).toBe(true);
      }),
    );
  });
});

describe('integer arithmetic', () => {
  it('property: meetsShare agrees with the rational comparison, and needed() is the smallest passing count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }), fc.boolean(), (total, a, b, strict) => {
        const f = { num: Math.min(a, b), den: Math.max(a, b) };
        const n = needed(f, total, strict);
        if (n <= total) expect(meetsShare(n, total, f, strict)).toBe(true);
        if (n - 1 >= 0) expect(meetsShare(n - 1, total, f, strict)).toBe(false);
        for (const c of [n - 1, n, n + 1].filter((x) => x >= 0 && x <= total)) {
          const exact = strict ? c * f.den > f.num * total : c * f.den >= f.num * total;
          expect(meetsShare(c, total, f, strict)).toBe(exact);
        }
      }),
    );
  });

  it('property: more YES votes never turn a pass into a failure; quorum depends on attendance only', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 30 }), fc.nat(), fc.nat(), fc.nat(), (total, p, y, r) => {
        const present = p % (total + 1);
        const recused = r % (present + 1);
        const yes = y % (present - recused + 1);
        const base = input({ rule: HIGH_TITLE_RULE, membersTotal: total, present, recused, recusedPresent: recused, counts: counts(yes) });
        const a = evaluateVote(base);
        if (yes + 1 <= present - recused) {
          const b = evaluateVote({ ...base, counts: counts(yes + 1) });
          if (a.outcome === 'PASSED') expect(b.outcome).toBe('PASSED');
        }
        expect(a.quorumMet).toBe(present * 3 >= 2 * total);
      }),
    );
  });

  it('formats shares in each language', () => {
    expect(formatPerMille(889, 'vi')).toBe('88,9 %');
    expect(formatPerMille(889, 'en')).toBe('88.9%');
    expect(formatPerMille(1000, 'vi')).toBe('100 %');
    expect(formatFraction({ num: 9, den: 10 }, 'vi')).toBe('90 %');
    expect(formatFraction({ num: 2, den: 3 }, 'en')).toBe('2/3');
  });
});

describe('which rule applies', () => {
  it.each([
    ['CSTD_BO_TINH', 'CENTRAL', 9, 10, false, 0],
    ['CSTD_TQ', 'STATE', 9, 10, false, 10],
    ['HC_LD_3', 'STATE', 1, 2, true, 10],
    ['GK_CD_CAP_TREN', 'UPPER', 1, 2, true, 0],
    ['LDTT', 'GRASSROOTS', 1, 2, true, 0],
  ] as const)('%s (%s) → %i/%i, strict %s, %i consultation days', (code, level, num, den, strict, days) => {
    const r = builtInRule({ code, level });
    expect(r.approval).toEqual({ num, den });
    expect(r.strict).toBe(strict);
    expect(r.consultationWorkingDays).toBe(days);
  });

  it('applies the council’s default, then its rule for the award, and marks the source', () => {
    const rules = { default: { approval: { num: 2, den: 3 }, strict: false }, awards: { GK_CD_CAP_TREN: { denominator: 'PRESENT' as const, source: 'Quy chế 12/QC-HĐ' } } };
    expect(resolveVoteRule({ code: 'LDTT', level: 'GRASSROOTS' }, rules)).toMatchObject({ approval: { num: 2, den: 3 }, strict: false, denominator: 'ALL_MEMBERS', source: 'councils.rule.source.council', uncertain: false });
    expect(resolveVoteRule({ code: 'GK_CD_CAP_TREN', level: 'UPPER' }, rules)).toMatchObject({ approval: { num: 2, den: 3 }, denominator: 'PRESENT', source: 'Quy chế 12/QC-HĐ' });
    expect(resolveVoteRule({ code: 'LDTT', level: 'GRASSROOTS' }, null)).toEqual({ ...DEFAULT_VOTE_RULE });
  });
});
