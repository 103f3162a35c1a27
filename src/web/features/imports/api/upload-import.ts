import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportJob } from '../../../../contracts/imports';
import { uploadWithProgress } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function uploadImport(orgId: number, file: File, onProgress: (fraction: number) => void): Promise<ImportJob> {
  const form = new FormData();
  form.append('file', file, file.name);
  return uploadWithProgress<ImportJob>('/imports/members', form, { orgId }, onProgress);
}

/** Upload the file; the server answers at once with a job that is then checked in the background. */
export function useUploadImport() {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState(0);
  const mutation = useMutation({
    mutationFn: ({ orgId, file }: { orgId: number; file: File }) => {
      setProgress(0);
      return uploadImport(orgId, file, setProgress);
    },
    onSuccess: (job) => queryClient.setQueryData(queryKeys.imports.detail(job.id), job),
  });
  return { ...mutation, progress };
}
