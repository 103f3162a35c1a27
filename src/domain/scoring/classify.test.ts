import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CLASSIFICATION_LEVELS, classify, compareLevels, DEFAULT_CLASSIFICATION, validateClassificationParams, type ClassificationLevel, type ClassificationParams } from './classify';

const P = DEFAULT_CLASSIFICATION;
const DEMOTE: ClassificationParams = { ...P, demoteOneLevelWhenConditionFails: true };
const NO_CONDITIONS: ClassificationParams = { ...P, minCriterionShare: null, noDisciplineAtOrAbove: null };

describe('classify', () => {
  it('defaults are the placeholder 85 / 70 / 50 bands with both extra conditions', () => {
    expect(P).toEqual({ bands: { HTXSNV: 85, HTTNV: 70, HTNV: 50 }, minCriterionShare: 0.5, noDisciplineAtOrAbove: 'CANH_CAO', demoteOneLevelWhenConditionFails: false });
    expect(Object.isFrozen(P) && Object.isFrozen(P.bands)).toBe(true);
  });

  it.each<[string, number, number, number, ClassificationParams, ClassificationLevel, ClassificationLevel]>([
    ['100 points', 100, 0, 0, P, 'HTXSNV', 'HTXSNV'],
    ['exactly 85', 85, 0, 0, P, 'HTXSNV', 'HTXSNV'],
    ['84.75', 84.75, 0, 0, P, 'HTTNV', 'HTTNV'],
    ['exactly 70', 70, 0, 0, P, 'HTTNV', 'HTTNV'],
    ['69.99', 69.99, 0, 0, P, 'HTNV', 'HTNV'],
    ['exactly 50', 50, 0, 0, P, 'HTNV', 'HTNV'],
    ['49.75', 49.75, 0, 0, P, 'KHTNV', 'KHTNV'],
    ['0', 0, 0, 0, P, 'KHTNV', 'KHTNV'],
    ['87.5 with a criterion below 50 % → HTTNV', 87.5, 1, 0, P, 'HTXSNV', 'HTTNV'],
    ['90 with a member disciplined → HTTNV', 90, 0, 1, P, 'HTXSNV', 'HTTNV'],
    ['75 with a criterion below 50 %: lower bands are unaffected by default', 75, 2, 0, P, 'HTTNV', 'HTTNV'],
    ['75 with a criterion below 50 %, demotion on → HTNV', 75, 2, 0, DEMOTE, 'HTTNV', 'HTNV'],
    ['55 disciplined, demotion on → KHTNV', 55, 0, 3, DEMOTE, 'HTNV', 'KHTNV'],
    ['40 disciplined, demotion on: KHTNV stays', 40, 0, 3, DEMOTE, 'KHTNV', 'KHTNV'],
    ['conditions switched off', 87.5, 4, 2, NO_CONDITIONS, 'HTXSNV', 'HTXSNV'],
    ['other bands (≥ 90 / 75 / 60)', 89.75, 0, 0, { ...P, bands: { HTXSNV: 90, HTTNV: 75, HTNV: 60 } }, 'HTTNV', 'HTTNV'],
  ])('%s', (_name, total, below, disciplined, params, band, level) => {
    const r = classify({ total, criteriaBelowShare: below, disciplinedMembersAtOrAbove: disciplined }, params);
    expect(r.bandLevel).toBe(band);
    expect(r.level).toBe(level);
    expect(r.conditionsMet).toBe(params === NO_CONDITIONS || (below === 0 && disciplined === 0));
  });

  it('explains "87,5 ≥ 85 but a criterion is below 50 % → HTTNV"', () => {
    const r = classify({ total: 87.5, criteriaBelowShare: ['G1.3'], disciplinedMembersAtOrAbove: 0 });
    expect(r.explanation).toEqual([
      { key: 'scoring.classify.band', params: { total: 87.5, min: 85, level: 'HTXSNV' } },
      { key: 'scoring.classify.criteriaBelowShare', params: { count: 1, percent: 50, criteria: 'G1.3' } },
      { key: 'scoring.classify.withheldTop', params: { from: 'HTXSNV', to: 'HTTNV' } },
    ]);
  });

  it('explains a demotion and both failed conditions', () => {
    const r = classify({ total: 72, criteriaBelowShare: ['A', 'B'], disciplinedMembersAtOrAbove: 1 }, DEMOTE);
    expect(r.explanation.map((e) => e.key)).toEqual(['scoring.classify.band', 'scoring.classify.criteriaBelowShare', 'scoring.classify.disciplined', 'scoring.classify.demoted']);
    expect(r.explanation[3]!.params).toEqual({ from: 'HTTNV', to: 'HTNV' });
  });

  it('says when the conditions are met, and nothing about conditions when there are none', () => {
    expect(classify({ total: 90, criteriaBelowShare: [], disciplinedMembersAtOrAbove: 0 }).explanation.map((e) => e.key)).toEqual(['scoring.classify.band', 'scoring.classify.conditionsMet']);
    expect(classify({ total: 30, criteriaBelowShare: 0, disciplinedMembersAtOrAbove: 0 }, NO_CONDITIONS).explanation).toEqual([
      { key: 'scoring.classify.belowAllBands', params: { total: 30, min: 50, level: 'KHTNV' } },
    ]);
  });

  it('compares bands in hundredths: 850 × 0.1 summed in floating point (84.999…) is 85', () => {
    const drifted = Array<number>(850).fill(0.1).reduce((s, x) => s + x, 0);
    expect(drifted).toBeLessThan(85);
    expect(classify({ total: drifted, criteriaBelowShare: 0, disciplinedMembersAtOrAbove: 0 }).level).toBe('HTXSNV');
  });

  it.each<[string, ClassificationParams, string[]]>([
    ['defaults', P, []],
    ['bands not decreasing', { ...P, bands: { HTXSNV: 70, HTTNV: 70, HTNV: 50 } }, ['bands']],
    ['negative band', { ...P, bands: { HTXSNV: 85, HTTNV: 70, HTNV: -1 } }, ['bands']],
    ['share 0', { ...P, minCriterionShare: 0 }, ['minCriterionShare']],
    ['share above 1', { ...P, minCriterionShare: 1.5 }, ['minCriterionShare']],
  ])('validateClassificationParams: %s', (_name, params, fields) => {
    expect(validateClassificationParams(params).map((p) => p.params.field)).toEqual(fields);
  });

  const paramsArb = fc
    .tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 4000 }), fc.boolean(), fc.boolean(), fc.boolean())
    .map(([c, d1, d2, share, disc, demote]): ClassificationParams => ({
      bands: { HTNV: c / 100, HTTNV: (c + d1) / 100, HTXSNV: (c + d1 + d2) / 100 },
      minCriterionShare: share ? 0.5 : null,
      noDisciplineAtOrAbove: disc ? 'CANH_CAO' : null,
      demoteOneLevelWhenConditionFails: demote,
    }));
  const factsArb = fc.record({ total: fc.integer({ min: 0, max: 10000 }).map((u) => u / 100), criteriaBelowShare: fc.nat(5), disciplinedMembersAtOrAbove: fc.nat(3) });

  it('property: the level is monotone in the total and never better than the band; failing facts never help', () => {
    fc.assert(
      fc.property(paramsArb, factsArb, fc.integer({ min: 0, max: 2000 }), (params, facts, extra) => {
        expect(validateClassificationParams(params)).toEqual([]);
        const r = classify(facts, params);
        const higher = classify({ ...facts, total: facts.total + extra / 100 }, params);
        expect(compareLevels(higher.level, r.level)).toBeLessThanOrEqual(0);
        expect(compareLevels(r.level, r.bandLevel)).toBeGreaterThanOrEqual(0);
        expect(compareLevels(r.level, r.bandLevel)).toBeLessThanOrEqual(1);
        const clean = classify({ ...facts, criteriaBelowShare: 0, disciplinedMembersAtOrAbove: 0 }, params);
        expect(clean.level).toBe(clean.bandLevel);
        expect(compareLevels(clean.level, r.level)).toBeLessThanOrEqual(0);
        expect(CLASSIFICATION_LEVELS).toContain(r.level);
      }),
    );
  });
});
