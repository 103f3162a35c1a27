import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { LIMITS } from '../../../../contracts/limits';
import { api, downloadUrl, uploadWithProgress } from '../../../lib/api-client';
import { toMegabytes } from '../../../lib/format';
import type { EvidenceDto } from '../../../../contracts/scoring-evidence';
import { sheetKeys } from './sheets';

export type { EvidenceDto };

/** What the upload button offers; the server checks the content and the size (≤ 10 MB) itself. */
export const EVIDENCE_ACCEPT = '.pdf,.docx,.xlsx,.jpg,.jpeg,.png';
export const EVIDENCE_MAX_MB = toMegabytes(LIMITS.documentMaxBytes);

export const evidenceKeys = {
  list: (sheetId: number) => ['score-sheets', 'evidence', sheetId] as const,
};

/** Every file of the sheet, revoked ones included (they stay on record with their reason). */
export function useEvidence(sheetId: number) {
  return useQuery({
    queryKey: evidenceKeys.list(sheetId),
    queryFn: ({ signal }) => api.get<{ items: EvidenceDto[] }>(`/score-sheets/${sheetId}/evidence`, { includeRevoked: true }, signal),
    retry: false,
  });
}

export function evidenceFileUrl(id: number): string {
  return downloadUrl(`/score-evidence/${id}/file`);
}

function uploadEvidence(sheetId: number, criterionCode: string, file: File, supersedesId: number | null, onProgress: (fraction: number) => void) {
  const form = new FormData();
  // Text fields first: the server reads them before the file stream.
  form.append('criterionCode', criterionCode);
  if (supersedesId !== null) form.append('supersedesId', String(supersedesId));
  form.append('file', file, file.name);
  return uploadWithProgress<EvidenceDto>(`/score-sheets/${sheetId}/evidence`, form, {}, onProgress);
}

/** A new file (or a replacement of `supersedesId`): the list and the sheet's counts are refreshed. */
export function useUploadEvidence(sheetId: number) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState(0);
  const mutation = useMutation({
    mutationFn: ({ criterionCode, file, supersedesId }: { criterionCode: string; file: File; supersedesId: number | null }) => {
      setProgress(0);
      return uploadEvidence(sheetId, criterionCode, file, supersedesId, setProgress);
    },
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: evidenceKeys.list(sheetId) }), queryClient.invalidateQueries({ queryKey: sheetKeys.detail(sheetId) })]),
  });
  return { ...mutation, progress };
}

export function useRevokeEvidence(sheetId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) => api.post<EvidenceDto>(`/score-evidence/${id}/revoke`, { reason }),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: evidenceKeys.list(sheetId) }), queryClient.invalidateQueries({ queryKey: sheetKeys.detail(sheetId) })]),
  });
}
