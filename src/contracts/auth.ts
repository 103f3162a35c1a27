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
