import { z } from 'zod';
import { LIMITS } from '../../../../contracts/limits';
import { searchId, searchIsoDate, searchText } from '../../../lib/search-params';

export const auditSearchSchema = z.object({
  orgId: searchId,
  userId: searchId,
  from: searchIsoDate,
  to: searchIsoDate,
  entityType: searchText(60),
  page: searchId,
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).optional().catch(undefined),
});
export type AuditSearch = z.output<typeof auditSearchSchema>;

export function auditListParams(search: AuditSearch) {
  return { ...search, page: search.page ?? 1, pageSize: search.pageSize ?? LIMITS.pageSizeDefault };
}
