import { z } from 'zod';
import { searchId } from '../../../lib/search-params';

/** `/bao-cao?orgId=3&year=2025&page=2`; absent → the reader's top unit, the current year, page 1. */
export const reportsSearchSchema = z.object({
  orgId: searchId,
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
});
export type ReportsSearch = z.output<typeof reportsSearchSchema>;
