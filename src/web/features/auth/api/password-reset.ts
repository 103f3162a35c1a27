import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (usernameOrEmail: string) => api.post<{ ok: true; message: string }>('/auth/password-reset', { usernameOrEmail }),
  });
}

export function useConfirmPasswordReset() {
  return useMutation({
    mutationFn: (input: { token: string; newPassword: string }) => api.post<{ ok: true }>('/auth/password-reset/confirm', input),
  });
}
