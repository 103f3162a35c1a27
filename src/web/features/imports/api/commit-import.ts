import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportJob } from '../../../../contracts/imports';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function commitImport(id: number): Promise<ImportJob> {
  return api.post<ImportJob>(`/imports/${id}/commit`);
}

/** Write a checked file; the job then reports COMMITTING until it is COMMITTED (or FAILED). */
export function useCommitImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: commitImport,
    onSuccess: (job) => queryClient.setQueryData(queryKeys.imports.detail(job.id), job),
  });
}
