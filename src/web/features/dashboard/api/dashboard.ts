import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DashboardDto } from '../../../../contracts/dashboard';
import { api } from '../../../lib/api-client';

export type { DashboardDto };

/** Query keys of the dashboard feature. */
export const dashboardKeys = {
  all: ['dashboard'] as const,
  figures: (params: object) => ['dashboard', 'figures', params] as const,
};

/** The figures of an organisation subtree for a year (`GET /dashboard`); waits until a unit is chosen. */
export function useDashboard(params: { orgId: number | undefined; year: number }) {
  return useQuery({
    queryKey: dashboardKeys.figures(params),
    queryFn: ({ signal }) => api.get<DashboardDto>('/dashboard', { orgId: params.orgId, year: params.year }, signal),
    enabled: params.orgId !== undefined,
    placeholderData: keepPreviousData,
  });
}
