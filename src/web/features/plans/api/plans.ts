import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreatePlanInput, PlanDto, UpdatePlanInput } from '../../../../contracts/plans';
import { api, downloadUrl, type Page } from '../../../lib/api-client';
import type { planListParams } from '../routes/search';

export type PlanListParams = ReturnType<typeof planListParams>;

export const planKeys = {
  all: ['plans'] as const,
  list: (filters: object) => ['plans', 'list', filters] as const,
  detail: (id: number) => ['plans', 'detail', id] as const,
};

export function usePlans(params: PlanListParams) {
  return useQuery({
    queryKey: planKeys.list(params),
    queryFn: ({ signal }) => api.get<Page<PlanDto>>('/plans', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePlan(id: number) {
  return useQuery({
    queryKey: planKeys.detail(id),
    queryFn: ({ signal }) => api.get<PlanDto>(`/plans/${id}`, undefined, signal),
  });
}

export function planDocumentUrl(id: number): string {
  return downloadUrl(`/plans/${id}/document.docx`);
}

export function planPdfUrl(id: number): string {
  return downloadUrl(`/plans/${id}/document.pdf`);
}

/** Issued plans of one organisation (the superior's plans a new plan may implement). */
export function useIssuedPlansOf(orgId: number | null) {
  return useQuery({
    queryKey: planKeys.list({ orgId, status: 'ISSUED', pageSize: 100 }),
    queryFn: ({ signal }) => api.get<Page<PlanDto>>('/plans', { orgId, status: 'ISSUED', pageSize: 100 }, signal),
    enabled: orgId !== null,
    staleTime: 60_000,
  });
}

/** Save a plan: create a draft, or edit one at the version it was loaded with. */
export function useSavePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: null; body: CreatePlanInput } | { id: number; body: UpdatePlanInput }) =>
      input.id === null ? api.post<PlanDto>('/plans', input.body) : api.patch<PlanDto>(`/plans/${input.id}`, input.body),
    onSuccess: (plan) => {
      queryClient.setQueryData(planKeys.detail(plan.id), plan);
      return queryClient.invalidateQueries({ queryKey: ['plans', 'list'] });
    },
  });
}

/** Issue a draft: the server assigns the number; the plan and every list are refreshed. */
export function useIssuePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: { id: number; version: number; issuedOn: string }) => api.post<PlanDto>(`/plans/${id}/issue`, input),
    onSuccess: (plan) => {
      queryClient.setQueryData(planKeys.detail(plan.id), plan);
      return queryClient.invalidateQueries({ queryKey: ['plans', 'list'] });
    },
  });
}
