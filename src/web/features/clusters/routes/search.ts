import { z } from 'zod';
import { CLUSTER_KINDS } from '../../../../contracts/clusters';
import { LIMITS } from '../../../../contracts/limits';
import { searchEnum, searchId } from '../../../lib/search-params';

/** `/cum-thi-dua?orgId=2&year=2024&kind=CLUSTER&page=2`. */
export const clusterSearchSchema = z.object({
  orgId: searchId,
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  kind: searchEnum(CLUSTER_KINDS),
  page: searchId,
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).optional().catch(undefined),
});
export type ClusterSearch = z.output<typeof clusterSearchSchema>;

export function clusterListParams(search: ClusterSearch) {
  return { orgId: search.orgId, year: search.year, kind: search.kind, page: search.page ?? 1, pageSize: search.pageSize ?? 25 };
}
