import { z } from 'zod';
import { orgYearSearch } from '../../../lib/org-year-search';
import { searchId } from '../../../lib/search-params';

/** `/bieu-mau-thong-ke?orgId=3&year=2025&templateId=7&status=RETIRED`; absent → the reader's top unit, the current year, active forms. */
export const reportTemplateSearchSchema = z.object({
  ...orgYearSearch,
  templateId: searchId,
  status: z.enum(['ACTIVE', 'RETIRED']).optional().catch(undefined),
});
export type ReportTemplateSearch = z.output<typeof reportTemplateSearchSchema>;
