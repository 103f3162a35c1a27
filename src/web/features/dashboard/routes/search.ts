import { z } from 'zod';
import { searchId } from '../../../lib/search-params';

/** `/tong-quan?orgId=3&year=2025`; absent → the reader's top unit and the current year. */
export const dashboardSearchSchema = z.object({
  orgId: searchId,
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
});
export type DashboardSearch = z.output<typeof dashboardSearchSchema>;
