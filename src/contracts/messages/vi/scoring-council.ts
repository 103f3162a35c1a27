// Messages: Council scoring mode: API errors and web page.
export const scoringCouncil = {
  'scoring.council.title': 'Chấm điểm theo hội đồng',
} as const;
