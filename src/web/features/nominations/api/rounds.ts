import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { createNominationRoundInput, NominationRoundDto } from '../../../../contracts/nominations';
import type { AwardItem } from '../../../../contracts/awards';
import { api, type Page } from '../../../lib/api-client';
import { nominationKeys } from './keys';

export type { NominationRoundDto };

export interface RoundListParams {
  year?: number;
  status?: NominationRoundDto['status'];
  page: number;
  pageSize: number;
}

export function useNominationRounds(params: RoundListParams) {
  return useQuery({
    queryKey: nominationKeys.roundList(params),
    queryFn: ({ signal }) => api.get<Page<NominationRoundDto>>('/nomination-rounds', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useNominationRound(id: number) {
  return useQuery({
    queryKey: nominationKeys.round(id),
    queryFn: ({ signal }) => api.get<NominationRoundDto>(`/nomination-rounds/${id}`, undefined, signal),
  });
}

export function useCreateNominationRound() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof createNominationRoundInput>) => api.post<NominationRoundDto>('/nomination-rounds', body),
    onSuccess: (round) => {
      queryClient.setQueryData(nominationKeys.round(round.id), round);
      return queryClient.invalidateQueries({ queryKey: ['nomination-rounds', 'list'] });
    },
  });
}

/** Active awards of the catalogue, for choosing what a round considers (one page of at most 200). */
export function useActiveAwards(enabled: boolean) {
  return useQuery({
    queryKey: ['nomination-rounds', 'award-options'],
    queryFn: ({ signal }) => api.get<Page<AwardItem>>('/awards', { active: true, page: 1, pageSize: 200 }, signal),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** Closes (or cancels) a round with a reason; nothing moves in it afterwards. */
export function useCloseNominationRound(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; reason: string; cancel: boolean }) => api.post<NominationRoundDto>(`/nomination-rounds/${id}/close`, body),
    onSuccess: (round) => {
      queryClient.setQueryData(nominationKeys.round(round.id), round);
      return queryClient.invalidateQueries({ queryKey: ['nomination-rounds', 'list'] });
    },
  });
}
