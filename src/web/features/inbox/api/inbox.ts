import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InboxItemDto, InboxPage, InboxSummary } from '../../../../contracts/cascade';
import { api, downloadUrl } from '../../../lib/api-client';
import type { inboxListParams } from '../routes/search';

export const inboxKeys = {
  all: ['inbox'] as const,
  list: (filters: object) => ['inbox', 'list', filters] as const,
  summary: ['inbox', 'summary'] as const,
};

export function useInbox(params: ReturnType<typeof inboxListParams>) {
  return useQuery({
    queryKey: inboxKeys.list(params),
    queryFn: ({ signal }) => api.get<InboxPage>('/inbox', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Unread items per kind (navigation badge, home page); refreshed every minute. */
export function useInboxSummary() {
  return useQuery({
    queryKey: inboxKeys.summary,
    queryFn: ({ signal }) => api.get<InboxSummary>('/inbox/summary', undefined, signal),
    refetchInterval: 60_000,
    staleTime: 30_000,
  });
}

/** Opening an item marks it read (the first reader is the sender's read receipt). */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<InboxItemDto>(`/inbox/${id}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inboxKeys.all }),
  });
}

export function inboxDocumentUrl(id: number): string {
  return downloadUrl(`/inbox/${id}/document.docx`);
}
