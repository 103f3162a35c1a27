// One call for a whole group (a cluster, a district, a province): score every sheet, classify it and
// rank the group. This is what the server and the benchmark (5,000 units × 40 criteria ≤ 1 s) call.
import { classify, DEFAULT_CLASSIFICATION, type Classification, type ClassificationParams } from './classify';
import { rank, rankItemFromSheet, type Ranking, type TieBreak } from './rank';
import { scoreSheet, type SheetEntries, type SheetResult } from './score';
import type { ScorecardTemplate, UnitVariant } from './template';

export interface GroupSheet {
  id: string;
  name: string;
  variant: UnitVariant | null;
  entries: SheetEntries;
  /** Members disciplined at the classification's level or above (0 when unknown). */
  disciplinedMembersAtOrAbove?: number;
}

export interface GroupResult {
  sheets: { id: string; result: SheetResult; classification: Classification }[];
  ranking: Ranking;
}

export function evaluateGroup(t: ScorecardTemplate, sheets: readonly GroupSheet[], params: ClassificationParams = DEFAULT_CLASSIFICATION, tieBreaks: readonly TieBreak[] = []): GroupResult {
  const scored = sheets.map((s) => {
    const result = scoreSheet(t, s.entries, s.variant, { belowShare: params.minCriterionShare });
    const classification = classify({ total: result.total, criteriaBelowShare: result.criteriaBelowShare, disciplinedMembersAtOrAbove: s.disciplinedMembersAtOrAbove ?? 0 }, params);
    return { id: s.id, result, classification };
  });
  const ranking = rank(
    scored.map((x, i) => rankItemFromSheet(x.id, sheets[i]!.name, x.result)),
    tieBreaks,
  );
  return { sheets: scored, ranking };
}
