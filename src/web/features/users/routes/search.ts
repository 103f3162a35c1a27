import { z } from 'zod';
import { LIMITS } from '../../../../contracts/limits';
import { searchId, searchText } from '../../../lib/search-params';

export const userSearchSchema = z.object({
  q: searchText(100),
  page: searchId,
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).optional().catch(undefined),
});
export type UserSearch = z.output<typeof userSearchSchema>;
