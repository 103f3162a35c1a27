// Server messages of the dashboard figures (issue 10).
import type { dashboard as vi } from '../vi/dashboard';

export const dashboard: Record<keyof typeof vi, string> = {
  'dashboard.share.NON_LEADER': 'Workers holding no leadership position',
  'dashboard.share.DIRECT_WORKER': 'Direct production workers',
  'dashboard.share.WOMEN': 'Women',
  'dashboard.share.SMALL_COLLECTIVE': 'Small collectives (union sections, union groups)',
  'dashboard.funnel.REGISTERED': 'Emulation registrations',
  'dashboard.funnel.NOMINATED': 'Nominations submitted',
  'dashboard.funnel.APPRAISED': 'Passed appraisal',
  'dashboard.funnel.COUNCIL': 'Recommended by the council',
  'dashboard.funnel.DECIDED': 'Awarded by a decision',
  'dashboard.overdue.RESPONSE': 'No response or registration yet',
  'dashboard.overdue.APPRAISAL': 'Submissions not appraised',
  'dashboard.overdue.OPINION': 'Agency opinions not received',
  'dashboard.overdue.SCORE_SHEET': 'Score sheets not submitted',
  'dashboard.overdue.RECOMMENDATION': 'Inspection recommendations not done',
  'dashboard.level.10': 'Confederation',
  'dashboard.level.20': 'Province or central sector',
  'dashboard.level.30': 'Direct superior of grassroots unions',
  'dashboard.level.40': 'Grassroots unions',
  'dashboard.level.50': 'Union sections',
  'dashboard.level.60': 'Union groups',
  'dashboard.level.other': 'Other level',
};
