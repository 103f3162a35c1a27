import { describe, expect, it } from 'vitest';
import { AWARD_KINDS, AWARD_LEVELS, AWARD_SUBJECTS } from '../../contracts/enums';
import { AWARD_CODES, DEFAULT_AWARDS, findAward } from './awards';

describe('award catalogue', () => {
  it('codes are unique and well-formed', () => {
    expect(new Set(AWARD_CODES).size).toBe(AWARD_CODES.length);
    for (const code of AWARD_CODES) expect(code).toMatch(/^[A-Z0-9_]{2,40}$/);
  });

  it('every entry uses the closed sets and has both names', () => {
    for (const a of DEFAULT_AWARDS) {
      expect(AWARD_KINDS).toContain(a.kind);
      expect(AWARD_LEVELS).toContain(a.level);
      expect(AWARD_SUBJECTS).toContain(a.subject);
      expect(a.nameVi.length).toBeGreaterThan(0);
      expect(a.nameEn.length).toBeGreaterThan(0);
    }
  });

  it('sort orders are increasing', () => {
    const orders = DEFAULT_AWARDS.map((a) => a.sortOrder);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    expect(new Set(orders).size).toBe(orders.length);
  });

  it.each([
    ['LDTT', 0.3, 'INDIVIDUAL', 'MERIT'],
    ['CSTD_CS', 1.0, 'INDIVIDUAL', 'MERIT'],
    ['CSTD_BO_TINH', 3.0, 'INDIVIDUAL', 'MERIT'],
    ['CSTD_TQ', 4.5, 'INDIVIDUAL', 'MERIT'],
    ['TTLDTT', 0.8, 'COLLECTIVE', 'MERIT'],
    ['TTLDXS', 1.5, 'COLLECTIVE', 'MERIT'],
    ['CO_THI_DUA_CP', 12.0, 'COLLECTIVE', 'MERIT'],
    ['CO_THI_DUA_TLD', 8.0, 'COLLECTIVE', 'MERIT'],
    ['BK_CHUYEN_DE_TLD', 1.0, 'INDIVIDUAL', 'THEMATIC'],
    ['GK_DOT_XUAT', null, 'INDIVIDUAL', 'AD_HOC'],
    ['KNC_CD', null, 'INDIVIDUAL', 'DEDICATION'],
  ] as const)('%s: coefficient %s, %s, %s (RULES.md §3, §14.2)', (code, coefficient, subject, kind) => {
    const a = findAward(code);
    expect(a?.coefficient).toBe(coefficient);
    expect(a?.subject).toBe(subject);
    expect(a?.kind).toBe(kind);
  });

  it('confirmed State titles are not flagged uncertain; union flags are', () => {
    expect(findAward('LDTT')?.uncertain).toBe(false);
    expect(findAward('CO_THI_DUA_CP')?.uncertain).toBe(false);
    expect(findAward('CO_THI_DUA_TLD')?.uncertain).toBe(true);
  });

  it('findAward searches a given catalogue and answers undefined for unknown codes', () => {
    expect(findAward('NOPE')).toBeUndefined();
    expect(findAward('X', [{ ...DEFAULT_AWARDS[0]!, code: 'X' }])?.nameVi).toBe('Lao động tiên tiến');
  });
});
