import type { z } from 'zod';
import type { assignRoleInput } from '../../../../contracts/users';
import { api } from '../../../lib/api-client';
import { useUserMutation } from './use-user-mutation';

export type AssignRoleInput = z.input<typeof assignRoleInput>;

export function assignRole({ userId, ...input }: AssignRoleInput & { userId: number }): Promise<unknown> {
  return api.post<unknown>(`/users/${userId}/roles`, input);
}

export function useAssignRole() {
  return useUserMutation(assignRole);
}
