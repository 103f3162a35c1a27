// Classification of a scored unit (xếp loại): HTXSNV > HTTNV > HTNV > KHTNV, from score bands and
// extra conditions. Every threshold is a parameter because the current values are not known.
import { msg, type ScoringMessage } from './messages';
import { toUnits } from './points';

export type ClassificationLevel = 'HTXSNV' | 'HTTNV' | 'HTNV' | 'KHTNV';
/** Best first. */
export const CLASSIFICATION_LEVELS: readonly ClassificationLevel[] = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'];

export interface ClassificationParams {
  /** Minimum total for each level; below bands.HTNV the level is KHTNV. */
  bands: { HTXSNV: number; HTTNV: number; HTNV: number };
  /** Extra condition: no REGULAR criterion strictly below this share of its maximum (null = no condition). */
  minCriterionShare: number | null;
  /** Extra condition: no member disciplined at this level or above (null = no condition). */
  noDisciplineAtOrAbove: 'CANH_CAO' | null;
  /**
   * What a failed extra condition does. false: it only withholds HTXSNV (a unit in the top band gets
   * HTTNV; lower bands are unaffected), as in the source of the placeholders ("khá: 70 – < 85, or ≥ 85
   * but missing a condition"). true: the band's level drops one step whatever the band.
   */
  demoteOneLevelWhenConditionFails: boolean;
}

/**
 * Placeholder parameters. 1294/HD-TLĐ (2019) keeps 4 levels but its score thresholds were not
 * retrieved, and no newer guidance was found (RULES.md §8.1, §14.6, open question §14.7.6). These are
 * the older, superseded "vững mạnh ≥ 85 / khá ≥ 70 / trung bình ≥ 50" values of a provincial
 * guidance, with its extra conditions (no criterion below 50 %, no member disciplined from cảnh cáo
 * up). They are uncertain and must be reviewed by each installation before use.
 */
export const DEFAULT_CLASSIFICATION: ClassificationParams = Object.freeze({
  bands: Object.freeze({ HTXSNV: 85, HTTNV: 70, HTNV: 50 }),
  minCriterionShare: 0.5,
  noDisciplineAtOrAbove: 'CANH_CAO',
  demoteOneLevelWhenConditionFails: false,
}) as ClassificationParams;

export interface ClassificationFacts {
  total: number;
  /** Codes (or the number) of criteria below minCriterionShare, e.g. SheetResult.criteriaBelowShare. */
  criteriaBelowShare: readonly string[] | number;
  /** Members disciplined at noDisciplineAtOrAbove or above in the period. */
  disciplinedMembersAtOrAbove: number;
}

export interface Classification {
  level: ClassificationLevel;
  /** Level from the score bands alone. */
  bandLevel: ClassificationLevel;
  conditionsMet: boolean;
  /** Why, in order: the band, each failed condition (or "conditions met"), the demotion. */
  explanation: ScoringMessage[];
}

/** Problems of a parameter set: bands must be strictly decreasing and ≥ 0, share in (0, 1]. */
export function validateClassificationParams(p: ClassificationParams): ScoringMessage[] {
  const out: ScoringMessage[] = [];
  const [a, b, c] = [toUnits(p.bands.HTXSNV), toUnits(p.bands.HTTNV), toUnits(p.bands.HTNV)];
  if (a === null || b === null || c === null || !(a > b && b > c && c >= 0)) out.push(msg('scoring.classify.paramsInvalid', { field: 'bands' }));
  if (p.minCriterionShare !== null && !(p.minCriterionShare > 0 && p.minCriterionShare <= 1)) out.push(msg('scoring.classify.paramsInvalid', { field: 'minCriterionShare' }));
  return out;
}

const lower = (l: ClassificationLevel): ClassificationLevel => CLASSIFICATION_LEVELS[Math.min(CLASSIFICATION_LEVELS.indexOf(l) + 1, 3)]!;

export function classify(facts: ClassificationFacts, params: ClassificationParams = DEFAULT_CLASSIFICATION): Classification {
  const total = toUnits(facts.total) ?? Math.round(facts.total * 100);
  const explanation: ScoringMessage[] = [];
  let bandLevel: ClassificationLevel = 'KHTNV';
  for (const level of ['HTXSNV', 'HTTNV', 'HTNV'] as const) {
    if (total >= Math.round(params.bands[level] * 100)) {
      bandLevel = level;
      explanation.push(msg('scoring.classify.band', { total: facts.total, min: params.bands[level], level }));
      break;
    }
  }
  if (bandLevel === 'KHTNV') explanation.push(msg('scoring.classify.belowAllBands', { total: facts.total, min: params.bands.HTNV, level: 'KHTNV' }));

  let conditionsMet = true;
  const below = typeof facts.criteriaBelowShare === 'number' ? facts.criteriaBelowShare : facts.criteriaBelowShare.length;
  if (params.minCriterionShare !== null && below > 0) {
    conditionsMet = false;
    const criteria = typeof facts.criteriaBelowShare === 'number' ? '' : facts.criteriaBelowShare.join(', ');
    explanation.push(msg('scoring.classify.criteriaBelowShare', { count: below, percent: Math.round(params.minCriterionShare * 1000) / 10, criteria }));
  }
  if (params.noDisciplineAtOrAbove !== null && facts.disciplinedMembersAtOrAbove > 0) {
    conditionsMet = false;
    explanation.push(msg('scoring.classify.disciplined', { count: facts.disciplinedMembersAtOrAbove, discipline: params.noDisciplineAtOrAbove }));
  }

  let level = bandLevel;
  if (!conditionsMet && bandLevel !== 'KHTNV') {
    if (params.demoteOneLevelWhenConditionFails) {
      level = lower(bandLevel);
      explanation.push(msg('scoring.classify.demoted', { from: bandLevel, to: level }));
    } else if (bandLevel === 'HTXSNV') {
      level = 'HTTNV';
      explanation.push(msg('scoring.classify.withheldTop', { from: bandLevel, to: level }));
    }
  } else if (conditionsMet && (params.minCriterionShare !== null || params.noDisciplineAtOrAbove !== null)) {
    explanation.push(msg('scoring.classify.conditionsMet'));
  }
  return { level, bandLevel, conditionsMet, explanation };
}

/** Compare levels: negative when a is better than b. */
export const compareLevels = (a: ClassificationLevel, b: ClassificationLevel): number => CLASSIFICATION_LEVELS.indexOf(a) - CLASSIFICATION_LEVELS.indexOf(b);
