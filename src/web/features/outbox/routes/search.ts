import { z } from 'zod';
import { LIMITS } from '../../../../contracts/limits';
import { OUTBOX_STATUSES } from '../../../../contracts/mail';
import { searchId, searchText } from '../../../lib/search-params';

export const outboxSearchSchema = z.object({
  status: z.enum(OUTBOX_STATUSES).optional().catch(undefined),
  q: searchText(100),
  page: searchId,
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).optional().catch(undefined),
});
export type OutboxSearch = z.output<typeof outboxSearchSchema>;

export function outboxListParams(search: OutboxSearch) {
  return { ...search, page: search.page ?? 1, pageSize: search.pageSize ?? LIMITS.pageSizeDefault };
}
