import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RemindResult, RequestDto, TargetDto, TargetStatus } from '../../../../contracts/cascade';
import { api, downloadUrl, type Page } from '../../../lib/api-client';

export const requestKeys = {
  all: ['requests'] as const,
  list: (filters: object) => ['requests', 'list', filters] as const,
  detail: (id: number) => ['requests', 'detail', id] as const,
  targets: (id: number, filters: object) => ['requests', 'targets', id, filters] as const,
};

export function useRequests(params: { year?: number; page: number; pageSize: number }) {
  return useQuery({
    queryKey: requestKeys.list(params),
    queryFn: ({ signal }) => api.get<Page<RequestDto>>('/requests', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRequest(id: number) {
  return useQuery({ queryKey: requestKeys.detail(id), queryFn: ({ signal }) => api.get<RequestDto>(`/requests/${id}`, undefined, signal) });
}

export interface TargetParams {
  status?: TargetStatus;
  q?: string;
  page: number;
  pageSize: number;
}

export function useTargets(id: number, params: TargetParams) {
  return useQuery({
    queryKey: requestKeys.targets(id, params),
    queryFn: ({ signal }) => api.get<Page<TargetDto>>(`/requests/${id}/targets`, { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function targetsExportUrl(id: number, params: Omit<TargetParams, 'page' | 'pageSize'>): string {
  return downloadUrl(`/requests/${id}/targets/export.xlsx`, { status: params.status, q: params.q });
}

/** Remind the chosen units (all that have not responded when none is chosen). */
export function useRemind(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (orgIds: number[] | null) => api.post<RemindResult>(`/requests/${id}/remind`, orgIds ? { orgIds } : {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: requestKeys.all }),
  });
}
