import { z } from 'zod';
import { INBOX_KINDS } from '../../../../contracts/cascade';
import { LIMITS } from '../../../../contracts/limits';
import { searchBool, searchEnum, searchId } from '../../../lib/search-params';

/** `/hop-thu?kind=REQUEST&unread=true&page=2`. */
export const inboxSearchSchema = z.object({
  kind: searchEnum(INBOX_KINDS),
  unread: searchBool,
  page: searchId,
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).optional().catch(undefined),
});
export type InboxSearch = z.output<typeof inboxSearchSchema>;

export function inboxListParams(search: InboxSearch) {
  return { kind: search.kind, unread: search.unread === true ? 'true' : undefined, page: search.page ?? 1, pageSize: search.pageSize ?? 25 };
}
