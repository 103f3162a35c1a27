import type { webScoring as vi } from '../vi/web-scoring';

export const webScoring: Record<keyof typeof vi, string> = {
  'web.scoring.nav': 'Emulation scoring',
  'web.scoring.templates.nav': 'Scorecard templates',
};
