import { z } from 'zod';
import { INSPECTION_STATUSES } from '../../../../contracts/inspections';
import { searchEnum, searchId } from '../../../lib/search-params';

/** `/kiem-tra?orgId=3&year=2026&status=PLANNED&page=2`, `?tab=overdue` for the overdue recommendations. */
export const inspectionSearchSchema = z.object({
  tab: searchEnum(['overdue'] as const),
  orgId: searchId,
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  status: searchEnum(INSPECTION_STATUSES),
  page: searchId,
});
export type InspectionSearch = z.output<typeof inspectionSearchSchema>;
