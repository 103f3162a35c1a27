import { z } from 'zod';
import { LIMITS } from '../../../../contracts/limits';
import { searchId, searchText } from '../../../lib/search-params';

/** `/so-van-ban-di?year=2024&docType=KH&page=2`. */
export const outgoingSearchSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  docType: searchText(20),
  page: searchId,
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).optional().catch(undefined),
});
export type OutgoingSearch = z.output<typeof outgoingSearchSchema>;
