import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChooseLeaderInput, ClusterDto, CovenantInput, CreateClusterInput, UpdateClusterInput } from '../../../../contracts/clusters';
import type { OrgSummary } from '../../../../contracts/organisations';
import { api, downloadUrl, type Page } from '../../../lib/api-client';
import type { clusterListParams } from '../routes/search';

export type ClusterListParams = ReturnType<typeof clusterListParams>;

export const clusterKeys = {
  all: ['clusters'] as const,
  list: (filters: object) => ['clusters', 'list', filters] as const,
  detail: (id: number) => ['clusters', 'detail', id] as const,
  units: (orgId: number) => ['clusters', 'units', orgId] as const,
};

export function useClusters(params: ClusterListParams) {
  return useQuery({
    queryKey: clusterKeys.list(params),
    queryFn: ({ signal }) => api.get<Page<ClusterDto>>('/clusters', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCluster(id: number) {
  return useQuery({
    queryKey: clusterKeys.detail(id),
    queryFn: ({ signal }) => api.get<ClusterDto>(`/clusters/${id}`, undefined, signal),
  });
}

/** Active direct sub-units of the organiser: the units a cluster is usually made of. */
export function useOrganiserUnits(orgId: number | null) {
  return useQuery({
    queryKey: clusterKeys.units(orgId ?? 0),
    queryFn: ({ signal }) => api.get<{ items: OrgSummary[] }>(`/organisations/${orgId}/children`, undefined, signal),
    enabled: orgId !== null,
    staleTime: 60_000,
  });
}

export function covenantDocxUrl(id: number): string {
  return downloadUrl(`/clusters/${id}/covenant.docx`);
}

/** Every change answers with the cluster: the detail is replaced and the lists refreshed. */
function useClusterMutation<I>(fn: (input: I) => Promise<ClusterDto>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (cluster) => {
      queryClient.setQueryData(clusterKeys.detail(cluster.id), cluster);
      return queryClient.invalidateQueries({ queryKey: ['clusters', 'list'] });
    },
  });
}

export const useCreateCluster = () => useClusterMutation((body: CreateClusterInput) => api.post<ClusterDto>('/clusters', body));
export const useUpdateCluster = () => useClusterMutation(({ id, ...body }: UpdateClusterInput & { id: number }) => api.patch<ClusterDto>(`/clusters/${id}`, body));
export const useNextYear = () => useClusterMutation((id: number) => api.post<ClusterDto>(`/clusters/${id}/next-year`));
export const useSaveCovenant = () => useClusterMutation(({ id, ...body }: CovenantInput & { id: number }) => api.put<ClusterDto>(`/clusters/${id}/covenant`, body));
export const useChooseLeader = () => useClusterMutation(({ id, ...body }: ChooseLeaderInput & { id: number }) => api.post<ClusterDto>(`/clusters/${id}/leader`, body));
