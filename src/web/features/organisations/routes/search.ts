import { z } from 'zod';
import { searchBool } from '../../../lib/search-params';

/** `/to-chuc?showInactive=true` also lists ended and merged units in the tree. */
export const orgTreeSearchSchema = z.object({ showInactive: searchBool });
export type OrgTreeSearch = z.output<typeof orgTreeSearchSchema>;
