import { describe, expect, it } from 'vitest';
import { DEFAULT_CLASSIFICATION } from './classify';
import { evaluateGroup, type GroupSheet } from './group';
import { CDCS_1294 } from './templates';
import { applicableCriteria } from './template';

/** A CĐCS sheet where every criterion gets `share` of its maximum (rounded down to the step). */
function sheet(id: string, name: string, variant: 'STATE' | 'ENTERPRISE', share: number, extra: Partial<GroupSheet> = {}): GroupSheet {
  const entries = new Map<string, number>();
  for (const { criterion: c } of applicableCriteria(CDCS_1294, variant)) entries.set(c.code, Math.floor((c.maxPoints * share) / c.step) * c.step);
  return { id, name, variant, entries, ...extra };
}

describe('evaluateGroup', () => {
  it('scores, classifies and ranks a group in one call', () => {
    const g = evaluateGroup(CDCS_1294, [sheet('a', 'CĐCS A', 'STATE', 0.8), sheet('b', 'CĐCS B', 'ENTERPRISE', 1), sheet('c', 'CĐCS C', 'STATE', 1, { disciplinedMembersAtOrAbove: 1 }), sheet('d', 'CĐCS D', 'ENTERPRISE', 0.4)], DEFAULT_CLASSIFICATION, ['SECTION_TOTAL:G1', 'NAME']);
    const by = Object.fromEntries(g.sheets.map((s) => [s.id, [s.result.total, s.classification.level]]));
    expect(by).toEqual({ a: [79, 'HTTNV'], b: [100, 'HTXSNV'], c: [100, 'HTTNV'], d: [37.5, 'KHTNV'] });
    expect(g.ranking.entries.map((e) => `${e.id}:${e.position}`)).toEqual(['b:1', 'c:2', 'a:3', 'd:4']);
    expect(g.ranking.decisions[0]!.decidedBy).toBe('NAME');
    expect(g.sheets.find((s) => s.id === 'd')!.result.criteriaBelowShare.length).toBeGreaterThan(0);
  });
});
