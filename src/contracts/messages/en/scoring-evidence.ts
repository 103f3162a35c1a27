import type { scoringEvidence as vi } from '../vi/scoring-evidence';

export const scoringEvidence: Record<keyof typeof vi, string> = {
  'scoring.evidence.title': 'Evidence',
};
