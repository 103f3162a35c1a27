import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { createModelInput, creditInput, followUpInput, ModelDto, ModelKind, ModelPage, ModelStage, ModelSummaryDto, moveModelInput, replicationInput, updateModelInput } from '../../../../contracts/models';
import { ApiError, api } from '../../../lib/api-client';

export type { ModelDto, ModelKind, ModelPage, ModelStage, ModelSummaryDto };

/** Query keys of the models feature: a change to one entry refreshes the lists too. */
export const modelKeys = {
  all: ['models'] as const,
  list: (filters: object) => ['models', 'list', filters] as const,
  detail: (id: number) => ['models', 'detail', id] as const,
};

export interface ModelListParams {
  orgId?: number;
  stage?: ModelStage;
  kind?: ModelKind;
  q?: string;
  overdue?: boolean;
  page: number;
  pageSize: number;
}

export function useModels(params: ModelListParams) {
  return useQuery({
    queryKey: modelKeys.list(params),
    queryFn: ({ signal }) => api.get<ModelPage>('/models', { ...params, overdue: params.overdue ? 'true' : undefined }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useModel(id: number) {
  return useQuery({
    queryKey: modelKeys.detail(id),
    queryFn: ({ signal }) => api.get<ModelDto>(`/models/${id}`, undefined, signal),
  });
}

/** A change to an entry: the answer replaces the cached entry and the lists are refreshed. */
function useModelMutation<I>(fn: (input: I) => Promise<ModelDto>, id?: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // Someone else changed it first (409): reload it, so that trying again uses its new version.
    onError: (e) => (id !== undefined && e instanceof ApiError && e.status === 409 ? queryClient.invalidateQueries({ queryKey: modelKeys.detail(id) }) : undefined),
    onSuccess: (m) => {
      queryClient.setQueryData(modelKeys.detail(m.id), m);
      return queryClient.invalidateQueries({ queryKey: modelKeys.all, predicate: (q) => q.queryKey[1] === 'list' });
    },
  });
}

export const useCreateModel = () => useModelMutation((input: z.input<typeof createModelInput>) => api.post<ModelDto>('/models', input));
export const useUpdateModel = (id: number) => useModelMutation((input: z.input<typeof updateModelInput>) => api.patch<ModelDto>(`/models/${id}`, input), id);
export const useMoveModel = (id: number) => useModelMutation((input: z.input<typeof moveModelInput>) => api.post<ModelDto>(`/models/${id}/stage`, input), id);
export const useFollowUp = (id: number) => useModelMutation((input: z.input<typeof followUpInput>) => api.post<ModelDto>(`/models/${id}/follow-ups`, input), id);
export const useAddReplication = (id: number) => useModelMutation((input: z.input<typeof replicationInput>) => api.post<ModelDto>(`/models/${id}/replications`, input), id);
export const useAddCredit = (id: number) => useModelMutation((input: z.input<typeof creditInput>) => api.post<ModelDto>(`/models/${id}/credits`, input), id);
export const useRevoke = (id: number) =>
  useModelMutation((input: { what: 'replications' | 'credits'; itemId: number; reason: string }) => api.post<ModelDto>(`/models/${id}/${input.what}/${input.itemId}/revoke`, { reason: input.reason }), id);
