import { queryOptions } from '@tanstack/react-query';
import type { OrgDetail, OrgKindDto, OrgSummary } from '../../contracts/organisations';
import { api, type Page } from './api-client';
import { queryKeys } from './query-keys';

// Organisation reads needed outside the organisations feature (pickers, scope checks, home counts).

export function orgDetailQuery(id: number) {
  return queryOptions({
    queryKey: queryKeys.organisations.detail(id),
    queryFn: ({ signal }) => api.get<OrgDetail>(`/organisations/${id}`, undefined, signal),
  });
}

export function orgSearchQuery(q: string, page = 1, pageSize = 20) {
  return queryOptions({
    queryKey: queryKeys.organisations.search(q, page, pageSize),
    queryFn: ({ signal }) => api.get<Page<OrgSummary>>('/organisations', { q, page, pageSize }, signal),
    staleTime: 30_000,
  });
}

export const orgKindsQuery = queryOptions({
  queryKey: queryKeys.orgKinds,
  queryFn: ({ signal }) => api.get<OrgKindDto[]>('/org-kinds', undefined, signal),
  staleTime: 60 * 60 * 1000,
});
