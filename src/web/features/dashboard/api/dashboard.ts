import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DashboardDto } from '../../../../contracts/dashboard';
import type { DrilldownDto, FigureSelector } from '../../../../contracts/dashboard-drilldown';
import { api, downloadUrl } from '../../../lib/api-client';
import type { DashboardTargets } from '../routes/search';

export type { DashboardDto, DrilldownDto, FigureSelector };

/** Query keys of the dashboard feature. */
export const dashboardKeys = {
  all: ['dashboard'] as const,
  figures: (params: object) => ['dashboard', 'figures', params] as const,
  records: (params: object) => ['dashboard', 'records', params] as const,
};

type Scope = { orgId: number | undefined; year: number };

/** The figures of an organisation subtree for a year (`GET /dashboard`); waits until a unit is chosen. */
export function useDashboard(params: Scope & { targets: DashboardTargets }) {
  return useQuery({
    queryKey: dashboardKeys.figures(params),
    queryFn: ({ signal }) => api.get<DashboardDto>('/dashboard', { orgId: params.orgId, year: params.year, ...params.targets }, signal),
    enabled: params.orgId !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** The selector as flat query parameters (`figure=award&code=LDTT&subject=INDIVIDUAL`). */
export const selectorQuery = (figure: FigureSelector): Record<string, string | number | undefined> => ({ ...figure });

/** A page of the records behind one figure (`GET /dashboard/records`). */
export function useDrilldown(params: Scope & { figure: FigureSelector | undefined; page: number; pageSize: number }) {
  return useQuery({
    queryKey: dashboardKeys.records(params),
    queryFn: ({ signal }) =>
      api.get<DrilldownDto>('/dashboard/records', { orgId: params.orgId, year: params.year, page: params.page, pageSize: params.pageSize, ...selectorQuery(params.figure!) }, signal),
    enabled: params.orgId !== undefined && params.figure !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** The workbook of one figure's records. */
export const recordsExportUrl = (orgId: number, year: number, figure: FigureSelector) => downloadUrl('/dashboard/records.xlsx', { orgId, year, ...selectorQuery(figure) });
/** The workbook of the whole dashboard. */
export const dashboardExportUrl = (orgId: number, year: number, targets: DashboardTargets) => downloadUrl('/dashboard.xlsx', { orgId, year, ...targets });
