// Every message key the scoring core can emit (template problems, sheet problems, classification
// explanations, ranking and council notes). The texts live in src/contracts/messages/{vi,en}/scoring.ts.
export const SCORING_MESSAGE_KEYS = [
  // Template validation
  'scoring.template.codeMissing',
  'scoring.template.versionInvalid',
  'scoring.template.noSections',
  'scoring.template.totalInvalid',
  'scoring.template.totalMismatch',
  'scoring.template.personWithVariant',
  'scoring.section.duplicateCode',
  'scoring.section.maxInvalid',
  'scoring.section.empty',
  'scoring.section.sumMismatch',
  'scoring.section.capUnreachable',
  'scoring.criterion.duplicateCode',
  'scoring.criterion.maxInvalid',
  'scoring.criterion.stepInvalid',
  'scoring.criterion.stepNotDividing',
  'scoring.criterion.maxAboveSection',
  'scoring.criterion.variantUnreachable',
  // Sheet scoring
  'scoring.sheet.aboveMax',
  'scoring.sheet.negative',
  'scoring.sheet.offStep',
  'scoring.sheet.missing',
  'scoring.sheet.unknownCriterion',
  'scoring.sheet.notApplicable',
  'scoring.sheet.variantRequired',
  'scoring.sheet.templateInvalid',
  // Classification
  'scoring.classify.paramsInvalid',
  'scoring.classify.band',
  'scoring.classify.belowAllBands',
  'scoring.classify.criteriaBelowShare',
  'scoring.classify.disciplined',
  'scoring.classify.conditionsMet',
  'scoring.classify.withheldTop',
  'scoring.classify.demoted',
  // Ranking
  'scoring.rank.duplicateTieBreak',
  'scoring.rank.unknownSection',
  'scoring.rank.duplicateItem',
] as const;

export type ScoringMessageKey = (typeof SCORING_MESSAGE_KEYS)[number];
export type MessageParams = Readonly<Record<string, string | number>>;

/** A problem or an explanation line: a message key and the values of its placeholders. */
export interface ScoringMessage<K extends ScoringMessageKey = ScoringMessageKey> {
  key: K;
  params: MessageParams;
}

export const msg = <K extends ScoringMessageKey>(key: K, params: MessageParams = {}): ScoringMessage<K> => ({ key, params });
