import type { webScoringSheet as vi } from '../vi/web-scoring-sheet';

export const webScoringSheet: Record<keyof typeof vi, string> = {
  'web.scoring.sheet.title': 'Score sheet',
};
