import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ImportJob } from '../../../../contracts/imports';
import type { ImportStatus } from '../../../../contracts/enums';
import { api, downloadUrl } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

const RUNNING: ImportStatus[] = ['UPLOADED', 'VALIDATING', 'COMMITTING'];

export function isRunning(status: ImportStatus | undefined): boolean {
  return status !== undefined && RUNNING.includes(status);
}

export function getImportJob(id: number, signal?: AbortSignal): Promise<ImportJob> {
  return api.get<ImportJob>(`/imports/${id}`, undefined, signal);
}

/** Polls every 500 ms while the server is still checking or writing the file. */
export function importJobQuery(id: number) {
  return queryOptions({
    queryKey: queryKeys.imports.detail(id),
    queryFn: ({ signal }) => getImportJob(id, signal),
    refetchInterval: (query) => (isRunning(query.state.data?.status) ? 500 : false),
    staleTime: 0,
  });
}

export function useImportJob(id: number | undefined) {
  return useQuery({ ...importJobQuery(id ?? 0), enabled: id !== undefined });
}

export const IMPORT_TEMPLATE_URL = downloadUrl('/imports/members/template.xlsx');
