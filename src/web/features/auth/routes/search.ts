import { z } from 'zod';

/** Where to go after signing in (checked again with `safeRedirect` before use). */
export const loginSearchSchema = z.object({ redirect: z.string().max(2000).optional().catch(undefined) });
