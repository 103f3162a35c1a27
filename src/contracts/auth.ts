import { z } from 'zod';
import { LIMITS } from './limits';
import { LOCALES, ROLES } from './enums';

export const loginInput = z.object({
  username: z.string().trim().toLowerCase().min(1).max(LIMITS.usernameMax),
  password: z.string().min(1).max(200),
});

export const roleAssignment = z.object({
  id: z.number().int(),
  role: z.enum(ROLES),
  orgId: z.number().int(),
  orgName: z.string(),
});

export const me = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  locale: z.enum(LOCALES),
  personId: z.number().int().nullable(),
  roles: z.array(roleAssignment),
  /** Root organisations of the user's scope (the tree browser starts here). */
  scopeRoots: z.array(z.object({ id: z.number().int(), name: z.string() })),
  /** Send back in the `x-csrf-token` header on every state-changing request. */
  csrfToken: z.string(),
  /** Global actions (e.g. 'users.manage', 'audit.read'). */
  abilities: z.array(z.string()),
});
export type Me = z.infer<typeof me>;

export const setLocaleInput = z.object({ locale: z.enum(LOCALES) });

/** Self-service password reset: ask for a link by username or e-mail address. */
export const passwordResetRequestInput = z.object({
  usernameOrEmail: z.string().trim().min(1).max(200),
});
export const passwordResetRequestResult = z.object({ ok: z.literal(true), message: z.string() });

/** The token comes from the e-mailed link; the new password follows the users' password rule. */
export const passwordResetConfirmInput = z.object({
  token: z.string().trim().min(1).max(200),
  newPassword: z.string().min(LIMITS.passwordMin).max(200),
});
export const passwordResetConfirmResult = z.object({ ok: z.literal(true) });
