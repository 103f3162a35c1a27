import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateRoundInput, RoundDto, SheetSummaryDto } from '../../../../contracts/scoring';
import { api, type Page } from '../../../lib/api-client';

export const roundKeys = {
  all: ['scoring-rounds'] as const,
  list: (filters: object) => ['scoring-rounds', 'list', filters] as const,
  detail: (id: number) => ['scoring-rounds', 'detail', id] as const,
  sheets: (id: number, filters: object) => ['scoring-rounds', 'sheets', id, filters] as const,
};

export interface RoundListParams {
  orgId?: number;
  year?: number;
  status?: RoundDto['status'];
  page: number;
  pageSize: number;
}

// agreed shape, see brief: the round's subject (template subject) and, on a sheet, the member scored
// and its effective deadline. Optional so that the code compiles before and after the server lands.
export type RoundView = RoundDto & { subject?: 'UNIT' | 'PERSON' };
export type SheetRow = SheetSummaryDto & { personId?: number | null; personName?: string | null; deadline?: string };

/** Body of "Tạo đợt chấm điểm"; `members` is an agreed shape (see brief): person ids for a PERSON template, null = every active member below the organiser. */
export interface CreateRoundBody {
  orgId: number;
  year: number;
  title: string;
  templateId: number;
  deadline: string;
  tieBreaks: string[];
  classification: CreateRoundInput['classification'];
  units: number[] | null;
  members?: number[] | null;
}

// agreed shape, see brief
export interface ExtendRoundBody {
  sheetIds: number[] | null;
  deadline: string;
  reason: string;
}

// agreed shape, see brief
export interface RemindResult {
  reminded: number;
  emails: number;
}

export function useRounds(params: RoundListParams) {
  return useQuery({
    queryKey: roundKeys.list(params),
    queryFn: ({ signal }) => api.get<Page<RoundView>>('/scoring-rounds', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRound(id: number) {
  return useQuery({
    queryKey: roundKeys.detail(id),
    queryFn: ({ signal }) => api.get<RoundView>(`/scoring-rounds/${id}`, undefined, signal),
  });
}

export function useRoundSheets(roundId: number, params: { status?: SheetSummaryDto['status']; page: number; pageSize: number }) {
  return useQuery({
    queryKey: roundKeys.sheets(roundId, params),
    queryFn: ({ signal }) => api.get<Page<SheetRow>>('/score-sheets', { roundId, ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

/** A change to a round answers with the round: the detail is replaced, lists and sheets refreshed. */
function useRoundMutation<I>(fn: (input: I) => Promise<RoundView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (round) => {
      queryClient.setQueryData(roundKeys.detail(round.id), round);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ['scoring-rounds', 'list'] }),
        queryClient.invalidateQueries({ queryKey: ['scoring-rounds', 'sheets', round.id] }),
      ]);
    },
  });
}

export const useCreateRound = () => useRoundMutation((body: CreateRoundBody) => api.post<RoundView>('/scoring-rounds', body));
export const useExtendRound = () => useRoundMutation(({ id, ...body }: ExtendRoundBody & { id: number }) => api.post<RoundView>(`/scoring-rounds/${id}/extend`, body));

export function useRemindRound() {
  return useMutation({ mutationFn: (id: number) => api.post<RemindResult>(`/scoring-rounds/${id}/remind`, {}) });
}
