import { queryOptions, useQuery } from '@tanstack/react-query';
import type { OrgSummary } from '../../../../contracts/organisations';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { compareVi } from '../../../lib/format';

export function getOrgChildren(id: number, includeInactive: boolean, signal?: AbortSignal): Promise<{ items: OrgSummary[] }> {
  return api.get<{ items: OrgSummary[] }>(`/organisations/${id}/children`, { includeInactive }, signal);
}

export function orgChildrenQuery(id: number, includeInactive: boolean) {
  return queryOptions({
    queryKey: queryKeys.organisations.children(id, includeInactive),
    queryFn: ({ signal }) => getOrgChildren(id, includeInactive, signal),
    // Active units first, each group in Vietnamese dictionary order.
    select: (data) =>
      [...data.items].sort((a, b) => Number(a.status !== 'ACTIVE') - Number(b.status !== 'ACTIVE') || compareVi(a.name, b.name)),
  });
}

/** Direct sub-units, fetched only when a tree node is opened. */
export function useOrgChildren(id: number, includeInactive: boolean, enabled = true) {
  return useQuery({ ...orgChildrenQuery(id, includeInactive), enabled });
}
