import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AddCouncilMemberInput, CouncilDto, CouncilSummaryDto, createCouncilInput, UpdateCouncilInput, WaitingNominationDto } from '../../../../contracts/councils';
import type { AwardItem } from '../../../../contracts/awards';
import { api, type Page } from '../../../lib/api-client';
import { councilKeys } from './keys';

export type { CouncilDto, CouncilSummaryDto };

export interface CouncilListParams {
  orgId?: number;
  status?: CouncilDto['status'];
  page: number;
  pageSize: number;
}

export function useCouncils(params: CouncilListParams) {
  return useQuery({
    queryKey: councilKeys.councilList(params),
    queryFn: ({ signal }) => api.get<Page<CouncilSummaryDto>>('/councils', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCouncil(id: number) {
  return useQuery({
    queryKey: councilKeys.council(id),
    queryFn: ({ signal }) => api.get<CouncilDto>(`/councils/${id}`, undefined, signal),
  });
}

export function useWaitingNominations(councilId: number, page: number, enabled = true) {
  return useQuery({
    queryKey: councilKeys.waiting(councilId, page),
    queryFn: ({ signal }) => api.get<Page<WaitingNominationDto>>(`/councils/${councilId}/waiting-nominations`, { page, pageSize: 50 }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Any change answers with the council: the detail is replaced and the lists are refreshed. */
function useCouncilMutation<I>(fn: (input: I) => Promise<CouncilDto>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (c) => {
      queryClient.setQueryData(councilKeys.council(c.id), c);
      return queryClient.invalidateQueries({ queryKey: ['councils', 'list'] });
    },
  });
}

export const useCreateCouncil = () => useCouncilMutation((body: z.input<typeof createCouncilInput>) => api.post<CouncilDto>('/councils', body));
export const useUpdateCouncil = (id: number) => useCouncilMutation((body: UpdateCouncilInput) => api.patch<CouncilDto>(`/councils/${id}`, body));
export const useAddCouncilMember = (id: number) => useCouncilMutation((body: AddCouncilMemberInput) => api.post<CouncilDto>(`/councils/${id}/members`, body));
export const useEndCouncilMember = (id: number) =>
  useCouncilMutation(({ memberId, reason }: { memberId: number; reason: string }) => api.post<CouncilDto>(`/councils/${id}/members/${memberId}/end`, { reason }));
export const useDeclareRelation = (id: number) =>
  useCouncilMutation(({ memberId, ...body }: { memberId: number; personId?: number; orgId?: number; relation: string }) =>
    api.post<CouncilDto>(`/councils/${id}/members/${memberId}/relations`, body),
  );

/** Ends the council's term early (a new council can then be set up for the organisation). */
export function useEndCouncil(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { reason: string }) => api.post<CouncilDto>(`/councils/${id}/end`, body),
    onSuccess: (c) => {
      queryClient.setQueryData(councilKeys.council(c.id), c);
      return queryClient.invalidateQueries({ queryKey: ['councils', 'list'] });
    },
  });
}

/** Active awards of the catalogue, to show and override the vote rule of each (one page of at most 200). */
export function useAwardOptions(enabled: boolean) {
  return useQuery({
    queryKey: ['councils', 'award-options'],
    queryFn: ({ signal }) => api.get<Page<AwardItem>>('/awards', { active: true, page: 1, pageSize: 200 }, signal),
    enabled,
    staleTime: 5 * 60_000,
  });
}
