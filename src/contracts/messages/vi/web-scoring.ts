// Messages: Web pages of scorecards: rounds, results, templates.
export const webScoring = {
  'web.scoring.nav': 'Chấm điểm thi đua',
  'web.scoring.templates.nav': 'Mẫu phiếu chấm điểm',
} as const;
