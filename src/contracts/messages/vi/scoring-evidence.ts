// Messages: Evidence files of score sheets.
export const scoringEvidence = {
  'scoring.evidence.title': 'Minh chứng',
} as const;
