import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CouncilCandidateDto, CouncilDto, CouncilFinalizeDto, CouncilMarkDto, CouncilMarkInput, CouncilResultsDto, CouncilSetupInput, CouncilSheetRowDto } from '../../../../contracts/scoring-council';
import { api, type Page } from '../../../lib/api-client';
import { roundKeys } from './rounds';

export const councilKeys = {
  all: (roundId: number) => ['scoring-council', roundId] as const,
  setup: (roundId: number) => ['scoring-council', roundId, 'setup'] as const,
  candidates: (roundId: number, q: string) => ['scoring-council', roundId, 'candidates', q] as const,
  sheets: (roundId: number, page: number) => ['scoring-council', roundId, 'sheets', page] as const,
  results: (roundId: number, page: number) => ['scoring-council', roundId, 'results', page] as const,
  mark: (sheetId: number) => ['scoring-council', 'mark', sheetId] as const,
};

export function useCouncil(roundId: number) {
  return useQuery({
    queryKey: councilKeys.setup(roundId),
    queryFn: ({ signal }) => api.get<CouncilDto>(`/scoring-rounds/${roundId}/council`, undefined, signal),
  });
}

/** Users who could score the round, searched by name on the server. */
export function useCouncilCandidates(roundId: number, q: string, enabled: boolean) {
  return useQuery({
    queryKey: councilKeys.candidates(roundId, q),
    queryFn: ({ signal }) => api.get<Page<CouncilCandidateDto>>(`/scoring-rounds/${roundId}/council/candidates`, { q: q || undefined, pageSize: 50 }, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useCouncilSheets(roundId: number, page: number, pageSize: number, enabled: boolean) {
  return useQuery({
    queryKey: councilKeys.sheets(roundId, page),
    queryFn: ({ signal }) => api.get<Page<CouncilSheetRowDto>>(`/scoring-rounds/${roundId}/council/sheets`, { page, pageSize }, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useCouncilResults(roundId: number, page: number, pageSize: number, enabled: boolean) {
  return useQuery({
    queryKey: councilKeys.results(roundId, page),
    queryFn: ({ signal }) => api.get<CouncilResultsDto>(`/scoring-rounds/${roundId}/council/results`, { page, pageSize }, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useCouncilMark(sheetId: number | null) {
  return useQuery({
    queryKey: councilKeys.mark(sheetId ?? 0),
    queryFn: ({ signal }) => api.get<CouncilMarkDto>(`/score-sheets/${sheetId}/council`, undefined, signal),
    enabled: sheetId !== null,
  });
}

export function useSetupCouncil(roundId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CouncilSetupInput) => api.put<CouncilDto>(`/scoring-rounds/${roundId}/council`, body),
    onSuccess: (council) => {
      queryClient.setQueryData(councilKeys.setup(roundId), council);
      void queryClient.invalidateQueries({ queryKey: roundKeys.detail(roundId) });
      return queryClient.invalidateQueries({ queryKey: councilKeys.all(roundId) });
    },
  });
}

/** A mark answers with the mark: the detail is replaced, the lists and progress refreshed. */
function useMarkMutation<I>(roundId: number, fn: (input: I) => Promise<CouncilMarkDto>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (mark) => {
      queryClient.setQueryData(councilKeys.mark(mark.sheetId), mark);
      return queryClient.invalidateQueries({ queryKey: councilKeys.all(roundId) });
    },
  });
}

export const useSaveMark = (roundId: number) => useMarkMutation(roundId, ({ sheetId, ...body }: CouncilMarkInput & { sheetId: number }) => api.put<CouncilMarkDto>(`/score-sheets/${sheetId}/council`, body));
export const useSubmitMark = (roundId: number) => useMarkMutation(roundId, ({ sheetId }: { sheetId: number }) => api.post<CouncilMarkDto>(`/score-sheets/${sheetId}/council/submit`));

export function useFinalizeCouncil(roundId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => api.post<CouncilFinalizeDto>(`/scoring-rounds/${roundId}/council/finalize`, { version }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: councilKeys.all(roundId) }),
        queryClient.invalidateQueries({ queryKey: ['scoring-council', 'mark'] }),
        queryClient.invalidateQueries({ queryKey: roundKeys.detail(roundId) }),
        queryClient.invalidateQueries({ queryKey: ['scoring-rounds', 'results', roundId] }),
      ]),
  });
}
