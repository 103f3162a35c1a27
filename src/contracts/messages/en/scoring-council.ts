import type { scoringCouncil as vi } from '../vi/scoring-council';

export const scoringCouncil: Record<keyof typeof vi, string> = {
  'scoring.council.title': 'Council scoring',
};
