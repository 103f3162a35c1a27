import { z } from 'zod';
import { searchId } from '../../../lib/search-params';

/** `/lich?year=2024&orgId=5`. */
export const calendarSearchSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  /** The unit whose subtree's events are shown (all units in scope when absent). */
  orgId: searchId,
});
export type CalendarSearch = z.output<typeof calendarSearchSchema>;
