import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NominationDto, NominationSummaryDto, NominationStatus, UpdateNominationInput, WhatIfDto } from '../../../../contracts/nominations';
import type { EligibilityStatus } from '../../../../contracts/enums';
import { api, type Page } from '../../../lib/api-client';
import { nominationKeys } from './keys';

export type { NominationDto, NominationSummaryDto, WhatIfDto };

export interface NominationListParams {
  roundId?: number;
  orgId?: number;
  status?: NominationStatus;
  eligibility?: EligibilityStatus;
  awardCode?: string;
  q?: string;
  unsubmitted?: boolean;
  page: number;
  pageSize: number;
}

export function useNominations(params: NominationListParams, enabled = true) {
  return useQuery({
    queryKey: nominationKeys.nominationList(params),
    queryFn: ({ signal }) => api.get<Page<NominationSummaryDto>>('/nominations', { ...params }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useNomination(id: number) {
  return useQuery({
    queryKey: nominationKeys.nomination(id),
    queryFn: ({ signal }) => api.get<NominationDto>(`/nominations/${id}`, undefined, signal),
  });
}

export function useWhatIf(roundId: number, orgId: number | null) {
  return useQuery({
    queryKey: nominationKeys.whatIf(roundId, orgId ?? 0),
    queryFn: ({ signal }) => api.get<WhatIfDto>('/nominations/what-if', { roundId, orgId }, signal),
    enabled: orgId !== null,
  });
}

/** Any change answers with the nomination: the detail is replaced; lists, rounds and submissions are refreshed. */
export function useNominationMutation<I>(fn: (input: I) => Promise<NominationDto>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (n) => {
      queryClient.setQueryData(nominationKeys.nomination(n.id), n);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ['nominations', 'list'] }),
        queryClient.invalidateQueries({ queryKey: ['nominations', 'what-if'] }),
        queryClient.invalidateQueries({ queryKey: nominationKeys.round(n.roundId) }),
        queryClient.invalidateQueries({ queryKey: nominationKeys.submissions }),
      ]);
    },
  });
}

export interface CreateNominationBody {
  roundId: number;
  personId?: number;
  subjectOrgId?: number;
  awardCode: string;
  procedure: 'NORMAL' | 'SIMPLIFIED';
  achievementSummary: string | null;
  justification: string | null;
}

export const useCreateNomination = () => useNominationMutation((body: CreateNominationBody) => api.post<NominationDto>('/nominations', body));
export const useUpdateNomination = (id: number) => useNominationMutation((body: UpdateNominationInput) => api.patch<NominationDto>(`/nominations/${id}`, body));
export const useWithdrawNomination = (id: number) => useNominationMutation((body: { version: number; reason: string }) => api.post<NominationDto>(`/nominations/${id}/withdraw`, body));
export const useReevaluateNomination = (id: number) => useNominationMutation(() => api.post<NominationDto>(`/nominations/${id}/reevaluate`, {}));
export const useRequestOpinion = (id: number) =>
  useNominationMutation((body: { agency: string; question: string; dueOn?: string }) => api.post<NominationDto>(`/nominations/${id}/opinions`, body));
export const useAnswerOpinion = () =>
  useNominationMutation(({ opinionId, ...body }: { opinionId: number; outcome: 'AGREE' | 'OBJECT'; answer: string; answeredOn: string }) =>
    api.post<NominationDto>(`/opinion-requests/${opinionId}/answer`, body),
  );
