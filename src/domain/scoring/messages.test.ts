import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scoring as en } from '../../contracts/messages/en/scoring';
import { scoring as vi } from '../../contracts/messages/vi/scoring';
import { classify, DEFAULT_CLASSIFICATION, validateClassificationParams } from './classify';
import { SCORING_MESSAGE_KEYS, type ScoringMessage } from './messages';
import { validateRankItems, validateTieBreaks } from './rank';
import { scoreSheet } from './score';
import { validateTemplate, type ScorecardTemplate } from './template';
import { CDCS_1294 } from './templates';
import { crit, sect, sheetArb, tpl } from './test-support';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

/** Calls that between them emit every key the scoring core has. */
function emitted(): ScoringMessage[] {
  const broken: ScorecardTemplate[] = [
    tpl([], 0, { code: '', version: 0, subject: 'PERSON', unitVariant: 'STATE' }),
    tpl(
      [
        sect('A', 'REGULAR', 10, [crit('A1', 5), crit('A1', 3, 0), crit('A3', -1), crit('A4', 1, 0.3)]),
        sect('A', 'BONUS', 2, [crit('B1', 1)]),
        sect('C', 'DEDUCTION', 0, []),
        sect('E', 'BONUS', 1, [crit('E1', 2, 1, { variants: ['ENTERPRISE'] })]),
      ],
      50,
      { unitVariant: 'STATE' },
    ),
    tpl([sect('A', 'REGULAR', 1, [crit('A1', 1, 1.5)])], 1),
  ];
  const out = broken.flatMap(validateTemplate);
  out.push(...scoreSheet(CDCS_1294, new Map<string, number | null>([['G1.1', 9], ['G1.2', -1], ['G1.3', 0.1], ['G1.4', null], ['ZZ', 1], ['G1.5E', 1]]), null).problems);
  out.push(...scoreSheet(broken[2]!, new Map(), 'STATE').problems);
  out.push(...validateClassificationParams({ ...DEFAULT_CLASSIFICATION, bands: { HTXSNV: 1, HTTNV: 2, HTNV: 3 }, minCriterionShare: 2 }));
  out.push(...classify({ total: 90, criteriaBelowShare: ['A'], disciplinedMembersAtOrAbove: 1 }).explanation);
  out.push(...classify({ total: 75, criteriaBelowShare: 2, disciplinedMembersAtOrAbove: 0 }, { ...DEFAULT_CLASSIFICATION, demoteOneLevelWhenConditionFails: true }).explanation);
  out.push(...classify({ total: 10, criteriaBelowShare: [], disciplinedMembersAtOrAbove: 0 }).explanation);
  out.push(...validateTieBreaks(['NAME', 'NAME', 'SECTION_TOTAL:X'], ['G1']));
  out.push(...validateRankItems([{ id: 'a' }, { id: 'a' }]));
  return out;
}

describe('scoring messages', () => {
  it('the vi and en files have exactly the keys the code declares', () => {
    expect(Object.keys(vi).sort()).toEqual([...SCORING_MESSAGE_KEYS].sort());
    expect(Object.keys(en).sort()).toEqual([...SCORING_MESSAGE_KEYS].sort());
  });

  it('every declared key is actually emitted by some call (no dead keys)', () => {
    expect([...new Set(emitted().map((m) => m.key))].sort()).toEqual([...SCORING_MESSAGE_KEYS].sort());
  });

  it('every emitted message fills every placeholder of its vi and en text', () => {
    for (const m of emitted()) {
      expect(vi[m.key], m.key).toBeTypeOf('string');
      for (const p of placeholders(vi[m.key])) expect(m.params, `${m.key} {${p}}`).toHaveProperty(p);
      expect(placeholders(en[m.key]).sort(), m.key).toEqual(placeholders(vi[m.key]).sort());
    }
  });

  it('property: random sheets emit only known keys with filled placeholders', () => {
    fc.assert(
      fc.property(sheetArb, fc.array(fc.tuple(fc.constantFrom('S1R.1', 'B.1', 'D.1', 'X'), fc.oneof(fc.double({ min: -5, max: 50, noNaN: true }), fc.constant(null))), { maxLength: 4 }), ({ t, entries }, noise) => {
        const e = new Map(entries);
        for (const [k, v] of noise) e.set(k, v);
        for (const m of scoreSheet(t, e).problems) {
          expect(SCORING_MESSAGE_KEYS).toContain(m.key);
          for (const p of placeholders(vi[m.key])) expect(m.params).toHaveProperty(p);
        }
      }),
    );
  });

  it('Vietnamese texts are NFC', () => {
    for (const text of Object.values(vi)) expect(text).toBe(text.normalize('NFC'));
  });
});
