import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OutboxPage } from '../../../../contracts/mail';
import { api } from '../../../lib/api-client';
import type { outboxListParams } from '../routes/search';

export type OutboxListParams = ReturnType<typeof outboxListParams>;

export function useOutbox(params: OutboxListParams) {
  return useQuery({
    queryKey: ['email-outbox', params],
    queryFn: ({ signal }) => api.get<OutboxPage>('/email-outbox', params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSendOutbox() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ sent: number; failed: number; skipped: boolean }>('/email-outbox/send'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['email-outbox'] }),
  });
}
