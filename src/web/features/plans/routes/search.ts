import { z } from 'zod';
import { PLAN_STATUSES } from '../../../../contracts/plans';
import { LIMITS } from '../../../../contracts/limits';
import { searchEnum, searchId } from '../../../lib/search-params';

/** `/ke-hoach?year=2024&status=DRAFT&page=2`. */
export const planSearchSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  status: searchEnum(PLAN_STATUSES),
  page: searchId,
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).optional().catch(undefined),
});
export type PlanSearch = z.output<typeof planSearchSchema>;

export function planListParams(search: PlanSearch) {
  return { year: search.year, status: search.status, page: search.page ?? 1, pageSize: search.pageSize ?? 25 };
}
