import type { z } from 'zod';
import type { createUserInput, UserItem } from '../../../../contracts/users';
import { api } from '../../../lib/api-client';
import { useUserMutation } from './use-user-mutation';

export type CreateUserInput = z.input<typeof createUserInput>;

export function createUser(input: CreateUserInput): Promise<UserItem> {
  return api.post<UserItem>('/users', input);
}

export function useCreateUser() {
  return useUserMutation(createUser);
}
