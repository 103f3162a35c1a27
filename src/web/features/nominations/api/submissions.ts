import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SubmissionActionPath, SubmissionDto, SubmissionStatus, SubmissionSummaryDto } from '../../../../contracts/nominations';
import { api, downloadUrl, type Page } from '../../../lib/api-client';
import { nominationKeys } from './keys';

export type { SubmissionDto, SubmissionSummaryDto };

export interface SubmissionListParams {
  box: 'INBOX' | 'SENT' | 'ALL';
  roundId?: number;
  status?: SubmissionStatus;
  overdue?: boolean;
  page: number;
  pageSize: number;
}

export function useSubmissions(params: SubmissionListParams, enabled = true) {
  return useQuery({
    queryKey: nominationKeys.submissionList(params),
    queryFn: ({ signal }) => api.get<Page<SubmissionSummaryDto>>('/submissions', { ...params }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useSubmission(id: number) {
  return useQuery({
    queryKey: nominationKeys.submission(id),
    queryFn: ({ signal }) => api.get<SubmissionDto>(`/submissions/${id}`, undefined, signal),
  });
}

export const proposalDocxUrl = (id: number) => downloadUrl(`/submissions/${id}/proposal.docx`);
export const listXlsxUrl = (id: number) => downloadUrl(`/submissions/${id}/list.xlsx`);

/** A change answers with the submission: the detail is replaced; lists and nominations are refreshed. */
function useSubmissionMutation<I, R extends SubmissionDto>(fn: (input: I) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (s) => {
      queryClient.setQueryData(nominationKeys.submission(s.id), s);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ['submissions', 'list'] }),
        queryClient.invalidateQueries({ queryKey: nominationKeys.nominations }),
        queryClient.invalidateQueries({ queryKey: nominationKeys.round(s.roundId) }),
      ]);
    },
  });
}

export const useCreateSubmission = () =>
  useSubmissionMutation((body: { roundId: number; fromOrgId: number; nominationIds: number[] }) => api.post<SubmissionDto>('/submissions', body));

export type SubmissionActionResult = SubmissionDto & { escalatedId: number | null };

export const useSubmissionAction = (id: number) =>
  useSubmissionMutation(({ action, version, reason }: { action: SubmissionActionPath; version: number; reason?: string }) =>
    api.post<SubmissionActionResult>(`/submissions/${id}/${action}`, reason === undefined ? { version } : { version, reason }),
  );

export type ItemDecision = 'ACCEPT' | 'RETURN' | 'REJECT' | 'FIX' | 'WITHDRAW';

export const useDecideItem = (id: number) =>
  useSubmissionMutation(({ nominationId, decision, reason }: { nominationId: number; decision: ItemDecision; reason?: string }) =>
    api.post<SubmissionDto>(`/submissions/${id}/items/${nominationId}`, reason === undefined ? { decision } : { decision, reason }),
  );

export function useRemindSubmission() {
  return useMutation({ mutationFn: (id: number) => api.post<{ emails: number }>(`/submissions/${id}/remind`, {}) });
}

/** The lines of a draft tờ trình (add or remove nominations of the sending unit). */
export const useSetSubmissionItems = (id: number) =>
  useSubmissionMutation(({ version, nominationIds }: { version: number; nominationIds: number[] }) => api.put<SubmissionDto>(`/submissions/${id}/items`, { version, nominationIds }));
