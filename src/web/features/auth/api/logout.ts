import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { api, setCsrfToken } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function logout(): Promise<void> {
  return api.post<void>('/auth/logout');
}

/** Ends the session and forgets every cached record of the previous user. */
export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: logout,
    onSettled: async () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(queryKeys.me, null);
      await navigate({ to: '/dang-nhap' });
    },
  });
}
