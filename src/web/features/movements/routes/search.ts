import { z } from 'zod';
import { MOVEMENT_KINDS, MOVEMENT_STATUSES } from '../../../../contracts/movements';
import { LIMITS } from '../../../../contracts/limits';
import { searchEnum, searchId } from '../../../lib/search-params';

/** `/phong-trao?orgId=3&year=2024&status=LAUNCHED&kind=ROUND&page=2`. */
export const movementSearchSchema = z.object({
  orgId: searchId,
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  status: searchEnum(MOVEMENT_STATUSES),
  kind: searchEnum(MOVEMENT_KINDS),
  page: searchId,
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).optional().catch(undefined),
});
export type MovementSearch = z.output<typeof movementSearchSchema>;

export function movementListParams(search: MovementSearch) {
  return { orgId: search.orgId, year: search.year, status: search.status, kind: search.kind, page: search.page ?? 1, pageSize: search.pageSize ?? 25 };
}
