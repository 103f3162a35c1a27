import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PublishRoundInput, RoundResultsDto } from '../../../../contracts/scoring';
import type { ClusterDto } from '../../../../contracts/clusters';
import { api, downloadUrl, type Page } from '../../../lib/api-client';
import { roundKeys } from './rounds';

export const resultKeys = {
  results: (id: number, filters: object) => ['scoring-rounds', 'results', id, filters] as const,
  distribution: (id: number) => ['scoring-rounds', 'distribution', id] as const,
  clusters: (year: number, orgId: number) => ['scoring-rounds', 'clusters', year, orgId] as const,
};

export const LEVEL_KEYS = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV', 'NONE'] as const;
export type LevelKey = (typeof LEVEL_KEYS)[number];

// agreed shape, see brief (contract `roundDistributionDto`)
export interface DistributionGroup {
  clusterId: number | null;
  name: string;
  levels: Record<LevelKey, number>;
  bins: { from: number; to: number; count: number }[];
}
export interface RoundDistribution {
  groups: DistributionGroup[];
}

export interface ResultParams {
  clusterId?: number;
  page: number;
  pageSize: number;
}

export function useRoundResults(roundId: number, params: ResultParams) {
  return useQuery({
    queryKey: resultKeys.results(roundId, params),
    queryFn: ({ signal }) => api.get<RoundResultsDto>(`/scoring-rounds/${roundId}/results`, { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRoundDistribution(roundId: number) {
  return useQuery({
    queryKey: resultKeys.distribution(roundId),
    queryFn: ({ signal }) => api.get<RoundDistribution>(`/scoring-rounds/${roundId}/distribution`, undefined, signal),
    retry: false,
  });
}

/** Clusters and blocks of the round's year under its organiser: the groups results can be ranked in. */
export function useRoundClusters(year: number, orgId: number) {
  return useQuery({
    queryKey: resultKeys.clusters(year, orgId),
    queryFn: ({ signal }) => api.get<Page<ClusterDto>>('/clusters', { year, orgId, pageSize: 200 }, signal),
    staleTime: 60_000,
  });
}

/** Exactly the results table (of one cluster when chosen) as an Excel file. */
export function resultsXlsxUrl(roundId: number, clusterId: number | undefined): string {
  return downloadUrl(`/scoring-rounds/${roundId}/results.xlsx`, { clusterId });
}

export function usePublishRound() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: PublishRoundInput & { id: number }) => api.post<RoundResultsDto>(`/scoring-rounds/${id}/publish`, body),
    onSuccess: (results) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['scoring-rounds', 'results', results.roundId] }),
        queryClient.invalidateQueries({ queryKey: ['scoring-rounds', 'distribution', results.roundId] }),
        queryClient.invalidateQueries({ queryKey: roundKeys.detail(results.roundId) }),
        queryClient.invalidateQueries({ queryKey: ['scoring-rounds', 'list'] }),
      ]),
  });
}
