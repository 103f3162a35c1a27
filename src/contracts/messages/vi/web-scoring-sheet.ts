// Messages: Web page of a score sheet: self-scoring with evidence, verification side by side.
export const webScoringSheet = {
  'web.scoring.sheet.title': 'Phiếu chấm điểm',
} as const;
