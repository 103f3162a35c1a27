// Server messages of the dashboard figures (issue 10).
import type { dashboard as vi } from '../vi/dashboard';

export const dashboard: Record<keyof typeof vi, string> = {
  'dashboard.share.NON_LEADER': 'Workers holding no leadership position',
  'dashboard.share.DIRECT_WORKER': 'Direct production workers',
  'dashboard.share.WOMEN': 'Women',
};
