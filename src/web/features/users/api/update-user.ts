import type { z } from 'zod';
import type { updateUserInput, UserItem } from '../../../../contracts/users';
import { api } from '../../../lib/api-client';
import { useUserMutation } from './use-user-mutation';

export type UpdateUserInput = z.input<typeof updateUserInput>;

export function updateUser({ id, ...input }: UpdateUserInput & { id: number }): Promise<UserItem> {
  return api.patch<UserItem>(`/users/${id}`, input);
}

export function useUpdateUser() {
  return useUserMutation(updateUser);
}
