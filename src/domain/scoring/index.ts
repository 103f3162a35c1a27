// Scorecards (issue 5): templates, sheet arithmetic, classification, ranking and council mode. Pure
// functions only; the server and the web client call what is exported here.
export { SCORING_MESSAGE_KEYS, type ScoringMessageKey, type ScoringMessage, type MessageParams } from './messages';
export { POINT_SCALE, toUnits, fromUnits, addPoints, isOnStep, formatPoints } from './points';
export {
  UNIT_VARIANTS,
  validateTemplate,
  applicableCriteria,
  criterionApplies,
  hasVariantCriteria,
  variantsToCheck,
  templateKey,
  freezeTemplate,
  reviseTemplate,
  type Criterion,
  type Section,
  type SectionKind,
  type ScorecardTemplate,
  type ScoringStage,
  type TemplateProblem,
  type UnitVariant,
} from './template';
export { scoreSheet, type SheetEntries, type SheetResult, type SectionResult, type CriterionResult, type ScoreOptions } from './score';
export {
  classify,
  compareLevels,
  validateClassificationParams,
  CLASSIFICATION_LEVELS,
  DEFAULT_CLASSIFICATION,
  type Classification,
  type ClassificationFacts,
  type ClassificationLevel,
  type ClassificationParams,
} from './classify';
export { rank, rankItemFromSheet, validateTieBreaks, validateRankItems, type RankItem, type RankedEntry, type RankDecision, type Ranking, type TieBreak } from './rank';
export { normaliseCouncil, visibleMarks, type CouncilMark, type CouncilOptions, type CouncilResult, type NormalisedMark, type ScorerStats, type UnitCouncilResult } from './council';
export { evaluateGroup, type GroupSheet, type GroupResult } from './group';
export { CDCS_1294, TO_CONG_DOAN, DOAN_VIEN, SHIPPED_TEMPLATES } from './templates';
