import { z } from 'zod';
import { orgYearSearch } from '../../../lib/org-year-search';

/** `/bao-cao?orgId=3&year=2025&page=2`; absent → the reader's top unit, the current year, page 1. */
export const reportsSearchSchema = z.object({
  ...orgYearSearch,
  page: z.coerce.number().int().min(1).optional().catch(undefined),
});
export type ReportsSearch = z.output<typeof reportsSearchSchema>;
