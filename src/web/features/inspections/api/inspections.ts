import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  cancelInspectionInput,
  ConductInspectionInput,
  CreateInspectionInput,
  InspectionDto,
  InspectionKind,
  InspectionStatus,
  InspectionSummaryDto,
  RecommendationDto,
  recommendationDoneInput,
  recommendationWithdrawInput,
  updateInspectionInput,
} from '../../../../contracts/inspections';
import { ApiError, api, type Page } from '../../../lib/api-client';

export type { InspectionDto, InspectionKind, InspectionStatus, InspectionSummaryDto, RecommendationDto };

/** Query keys of the inspections feature: a change to one inspection refreshes the lists too. */
export const inspectionKeys = {
  all: ['inspections'] as const,
  list: (filters: object) => ['inspections', 'list', filters] as const,
  recommendations: (filters: object) => ['inspections', 'recommendations', filters] as const,
  detail: (id: number) => ['inspections', 'detail', id] as const,
};

export interface InspectionListParams {
  orgId?: number;
  year?: number;
  status?: InspectionStatus;
  page: number;
  pageSize: number;
}

export function useInspections(params: InspectionListParams) {
  return useQuery({
    queryKey: inspectionKeys.list(params),
    queryFn: ({ signal }) => api.get<Page<InspectionSummaryDto>>('/inspections', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export interface RecommendationListParams {
  orgId?: number;
  overdue?: 'true' | 'false';
  page: number;
  pageSize: number;
}

export function useRecommendations(params: RecommendationListParams) {
  return useQuery({
    queryKey: inspectionKeys.recommendations(params),
    queryFn: ({ signal }) => api.get<Page<RecommendationDto>>('/inspection-recommendations', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useInspection(id: number) {
  return useQuery({
    queryKey: inspectionKeys.detail(id),
    queryFn: ({ signal }) => api.get<InspectionDto>(`/inspections/${id}`, undefined, signal),
  });
}

/** A change to an inspection: the answer replaces the cached inspection and the lists are refreshed. */
function useInspectionMutation<I>(fn: (input: I) => Promise<InspectionDto>, id?: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // Someone else changed it first (409): reload it, so that trying again uses its new version.
    onError: (e) => (id !== undefined && e instanceof ApiError && e.status === 409 ? queryClient.invalidateQueries({ queryKey: inspectionKeys.detail(id) }) : undefined),
    onSuccess: (inspection) => {
      queryClient.setQueryData(inspectionKeys.detail(inspection.id), inspection);
      return queryClient.invalidateQueries({ queryKey: inspectionKeys.all, predicate: (q) => q.queryKey[1] !== 'detail' });
    },
  });
}

/** A change to one recommendation: its inspection and every list are refreshed. */
function useRecommendationMutation<I>(fn: (input: I) => Promise<RecommendationDto>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inspectionKeys.all }),
  });
}

export const useCreateInspection = () => useInspectionMutation((input: CreateInspectionInput) => api.post<InspectionDto>('/inspections', input));
export const useUpdateInspection = (id: number) => useInspectionMutation((input: z.input<typeof updateInspectionInput>) => api.patch<InspectionDto>(`/inspections/${id}`, input), id);
export const useConductInspection = (id: number) => useInspectionMutation((input: ConductInspectionInput) => api.post<InspectionDto>(`/inspections/${id}/conduct`, input), id);
export const useCancelInspection = (id: number) => useInspectionMutation((input: z.input<typeof cancelInspectionInput>) => api.post<InspectionDto>(`/inspections/${id}/cancel`, input), id);
export const useRecommendationDone = (id: number) => useRecommendationMutation((input: z.input<typeof recommendationDoneInput>) => api.post<RecommendationDto>(`/inspection-recommendations/${id}/done`, input));
export const useRecommendationWithdraw = (id: number) => useRecommendationMutation((input: z.input<typeof recommendationWithdrawInput>) => api.post<RecommendationDto>(`/inspection-recommendations/${id}/withdraw`, input));
