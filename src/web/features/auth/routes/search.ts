import { z } from 'zod';

/** Where to go after signing in (checked again with `safeRedirect` before use). */
export const loginSearchSchema = z.object({ redirect: z.string().max(2000).optional().catch(undefined) });

/** The reset token from the e-mailed link (/dat-lai-mat-khau?token=…). */
export const resetPasswordSearchSchema = z.object({ token: z.string().max(200).optional().catch(undefined) });
