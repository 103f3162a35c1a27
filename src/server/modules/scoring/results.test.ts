// Results of a round without a database: ranking over VERIFIED sheets with the declared tie-breaks,
// the rule that decided against the next unit, and the Vietnamese labels of the rules.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CDCS_1294, DEFAULT_CLASSIFICATION, applicableCriteria } from '../../../domain/scoring';
import { computeResults, ruleLabel } from './results.service';

const full = Object.fromEntries(applicableCriteria(CDCS_1294, 'STATE').map(({ criterion }) => [criterion.code, criterion.maxPoints]));
const round = { structure: CDCS_1294, tie_breaks: ['SECTION_TOTAL:G1'], classification: DEFAULT_CLASSIFICATION };
type Status = 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'VERIFIED';
const sheet = (id: number, name: string, status: Status, changes: Record<string, number> = {}) => ({
  id, org_id: id, org_name: name, org_path: `/1/${id}/`, status, variant: 'STATE' as const, self_total: 100, verified_total: null, classification: null,
  rank: null, rating_record_id: null, points: { ...full, ...changes },
});

describe('computeResults', () => {
  it.each([
    ['a declared tie-break separates equal totals', ['SECTION_TOTAL:G1'], [[2, 1, 'SECTION_TOTAL:G1'], [1, 2, null]]],
    ['without tie-breaks equal totals share the rank', [], [[1, 1, 'TIED'], [2, 1, null]]],
    ['NAME as the last resort makes ranks unique', ['NAME'], [[1, 1, 'NAME'], [2, 2, null]]],
  ])('%s', (_name, tieBreaks, expected) => {
    const rows = computeResults({ ...round, tie_breaks: tieBreaks }, [sheet(1, 'Công đoàn A', 'VERIFIED', { 'G1.1': 6 }), sheet(2, 'Công đoàn B', 'VERIFIED', { 'G2.1': 6 })]).rows;
    expect(rows.map((r) => [r.sheetId, r.rank, r.decidedBy])).toEqual(expected);
  });

  it('unverified sheets are listed after the ranked ones, without rank, total or classification', () => {
    const rows = computeResults(round, [sheet(1, 'Công đoàn A', 'SUBMITTED'), sheet(2, 'Công đoàn B', 'VERIFIED')]).rows;
    expect(rows.map((r) => [r.sheetId, r.rank, r.verifiedTotal, r.classification])).toEqual([[2, 1, null, null], [1, null, null, null]]);
  });

  it('property: ranks of verified sheets are 1-based, non-decreasing, and only ties share one', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ cut: fc.integer({ min: 0, max: 16 }), verified: fc.boolean() }), { maxLength: 12 }), (specs) => {
        const sheets = specs.map((s, i) => sheet(i + 1, `Công đoàn ${i}`, s.verified ? 'VERIFIED' : 'SUBMITTED', { 'G1.1': 8 - s.cut * 0.5 }));
        const rows = computeResults({ ...round, tie_breaks: [] }, sheets).rows;
        const ranked = rows.filter((r) => r.rank !== null);
        expect(ranked.length).toBe(specs.filter((s) => s.verified).length);
        ranked.forEach((r, i) => {
          if (i === 0) expect(r.rank).toBe(1);
          else expect(r.rank === ranked[i - 1]!.rank ? ranked[i - 1]!.decidedBy === 'TIED' : r.rank === i + 1).toBe(true);
        });
      }),
    );
  });
});

describe('ruleLabel', () => {
  it.each([
    ['TOTAL', 'Tổng điểm cao hơn'],
    ['SECTION_TOTAL:G1', 'Điểm nhóm G1 cao hơn'],
    ['REGULAR_TOTAL', 'Điểm các nhóm tiêu chí chính cao hơn'],
    ['BONUS_LOWER', 'Điểm thưởng thấp hơn'],
    ['FEWER_DEDUCTIONS', 'Ít điểm trừ hơn'],
    ['NAME', 'Thứ tự tên'],
    ['TIED', 'Bằng điểm (đồng hạng)'],
    [null, ''],
  ])('%s → %s', (rule, label) => expect(ruleLabel(rule)).toBe(label));
});
