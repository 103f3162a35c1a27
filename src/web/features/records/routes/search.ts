import { z } from 'zod';
import { searchBool } from '../../../lib/search-params';

/** `…/ho-so?history=true` also shows revoked and superseded records. */
export const recordsSearchSchema = z.object({ history: searchBool });
export type RecordsSearch = z.output<typeof recordsSearchSchema>;
