import { z } from 'zod';
import { TARGET_STATUSES } from '../../../../contracts/cascade';
import { LIMITS } from '../../../../contracts/limits';
import { searchEnum, searchId, searchText } from '../../../lib/search-params';

const pageSize = z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).optional().catch(undefined);

/** `/yeu-cau?year=2024&page=2`. */
export const requestListSearchSchema = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined), page: searchId, pageSize });
export type RequestListSearch = z.output<typeof requestListSearchSchema>;

/** `/yeu-cau/12?status=MISSING&q=tram&page=2`. */
export const requestSearchSchema = z.object({ status: searchEnum(TARGET_STATUSES), q: searchText(200), page: searchId, pageSize });
export type RequestSearch = z.output<typeof requestSearchSchema>;
