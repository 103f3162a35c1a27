import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AmendSheetInput, RoundDto, SelfEntriesInput, SheetDto, VerifyEntriesInput } from '../../../../contracts/scoring';
import { api } from '../../../lib/api-client';

/** The sheet as the page reads it. */
export type SheetView = SheetDto;
export type SheetCriterion = SheetView['criteria'][number];

export const sheetKeys = {
  detail: (id: number) => ['score-sheets', 'detail', id] as const,
  round: (id: number) => ['score-sheets', 'round', id] as const,
};

export function useSheet(id: number) {
  return useQuery({
    queryKey: sheetKeys.detail(id),
    queryFn: ({ signal }) => api.get<SheetView>(`/score-sheets/${id}`, undefined, signal),
  });
}

/** The round of the sheet: its status (published or not), classification bands and abilities. */
export function useSheetRound(roundId: number | undefined) {
  return useQuery({
    queryKey: sheetKeys.round(roundId ?? 0),
    queryFn: ({ signal }) => api.get<RoundDto>(`/scoring-rounds/${roundId}`, undefined, signal),
    enabled: roundId !== undefined,
  });
}

/** Every change answers with the sheet: the detail is replaced, lists and results refreshed. */
function useSheetMutation<I>(fn: (input: I) => Promise<SheetView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (sheet) => {
      queryClient.setQueryData(sheetKeys.detail(sheet.id), sheet);
      return queryClient.invalidateQueries({ queryKey: ['scoring'] });
    },
  });
}

type WithId<T> = T & { id: number };

export const useSaveSelfEntries = () => useSheetMutation(({ id, ...body }: WithId<SelfEntriesInput>) => api.put<SheetView>(`/score-sheets/${id}/entries`, body));
export const useSubmitSheet = () => useSheetMutation(({ id, version }: { id: number; version: number }) => api.post<SheetView>(`/score-sheets/${id}/submit`, { version }));
export const useVerifyEntries = () => useSheetMutation(({ id, ...body }: WithId<VerifyEntriesInput>) => api.put<SheetView>(`/score-sheets/${id}/verify-entries`, body));
export const useReturnSheet = () => useSheetMutation(({ id, ...body }: { id: number; version: number; reason: string }) => api.post<SheetView>(`/score-sheets/${id}/return`, body));
export const useApproveSheet = () => useSheetMutation(({ id, version }: { id: number; version: number }) => api.post<SheetView>(`/score-sheets/${id}/approve`, { version }));
export const useAmendSheet = () => useSheetMutation(({ id, ...body }: WithId<AmendSheetInput>) => api.post<SheetView>(`/score-sheets/${id}/amend`, body));
