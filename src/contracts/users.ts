import { z } from 'zod';
import { pageQuery, abilities, reason } from './common';
import { LIMITS } from './limits';
import { LOCALES, ROLES } from './enums';
import { roleAssignment } from './auth';

export const userListQuery = pageQuery.extend({ q: z.string().trim().max(100).optional() });

export const userItem = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  roles: z.array(roleAssignment),
  abilities,
});
export type UserItem = z.infer<typeof userItem>;

export const password = z.string().min(LIMITS.passwordMin).max(200);

export const createUserInput = z.object({
  username: z.string().trim().toLowerCase().min(3).max(LIMITS.usernameMax).regex(/^[a-z0-9._-]+$/),
  displayName: z.string().trim().min(2).max(LIMITS.nameMax),
  email: z.email().nullish(),
  password,
  locale: z.enum(LOCALES).default('vi'),
  personId: z.number().int().positive().nullish(),
});
export const updateUserInput = z.object({
  displayName: z.string().trim().min(2).max(LIMITS.nameMax).optional(),
  email: z.email().nullish(),
  disabled: z.boolean().optional(),
  password: password.optional(),
});
export const assignRoleInput = z.object({ role: z.enum(ROLES), orgId: z.number().int().positive() });
export const revokeRoleInput = z.object({ reason });
