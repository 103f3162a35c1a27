import { z } from 'zod';
import { searchId } from '../../../lib/search-params';

/**
 * The chosen unit and the running import live in the URL, so the user can leave the page while a
 * large file is checked and come back to it (UX principle 5).
 */
export const importSearchSchema = z.object({ orgId: searchId, job: searchId });
export type ImportSearch = z.output<typeof importSearchSchema>;
