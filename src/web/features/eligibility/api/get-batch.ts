import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { BatchResult } from '../../../../contracts/eligibility';
import type { EligibilityStatus } from '../../../../contracts/enums';
import { api, downloadUrl } from '../../../lib/api-client';
import { eligibilityKeys } from './keys';

export interface BatchParams {
  orgId?: number;
  target: string;
  year: number;
  status?: EligibilityStatus;
  q?: string;
  page: number;
  pageSize: number;
}

export function getBatch(params: BatchParams, signal?: AbortSignal): Promise<BatchResult> {
  return api.get<BatchResult>('/eligibility/batch', { ...params }, signal);
}

export function batchQuery(params: BatchParams) {
  return queryOptions({
    queryKey: eligibilityKeys.batch(params),
    queryFn: ({ signal }) => getBatch(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useBatch(params: BatchParams) {
  return useQuery(batchQuery(params));
}

/** The workbook of exactly what is filtered (every page), downloaded by the browser itself. */
export function batchExportUrl({ page: _page, pageSize: _pageSize, ...filters }: BatchParams): string {
  return downloadUrl('/eligibility/batch.xlsx', { ...filters });
}
