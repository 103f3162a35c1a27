import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../../../contracts/auth';
import { api, setCsrfToken } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export interface LoginInput {
  username: string;
  password: string;
}

export function login(input: LoginInput): Promise<Me> {
  return api.post<Me>('/auth/login', input);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      queryClient.setQueryData(queryKeys.me, me);
    },
  });
}
