import type { z } from 'zod';
import type { revokeRoleInput } from '../../../../contracts/users';
import { api } from '../../../lib/api-client';
import { useUserMutation } from './use-user-mutation';

export type RevokeRoleInput = z.input<typeof revokeRoleInput>;

export function revokeRole({ userId, roleId, ...input }: RevokeRoleInput & { userId: number; roleId: number }): Promise<unknown> {
  return api.post<unknown>(`/users/${userId}/roles/${roleId}/revoke`, input);
}

export function useRevokeRole() {
  return useUserMutation(revokeRole);
}
