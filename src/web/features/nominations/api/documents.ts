import { useState } from 'react';
import { LIMITS } from '../../../../contracts/limits';
import type { DocKind, NominationDto } from '../../../../contracts/nominations';
import { api, downloadUrl, uploadWithProgress } from '../../../lib/api-client';
import { toMegabytes } from '../../../lib/format';
import { useNominationMutation } from './nominations';

/** What the file input offers; the server checks the content and the size itself. */
export const DOCUMENT_ACCEPT = '.pdf,.docx,.xlsx,.jpg,.jpeg,.png';
export const DOCUMENT_MAX_MB = toMegabytes(LIMITS.documentMaxBytes);

/** The pre-filled báo cáo thành tích to edit in Word and upload back. */
export const achievementReportUrl = (nominationId: number) => downloadUrl(`/nominations/${nominationId}/achievement-report.docx`);
export const documentFileUrl = (documentId: number) => downloadUrl(`/nomination-documents/${documentId}/file`);

/** A new file of `kind`, or a replacement of `supersedesId`; progress for slow phone connections. */
export function useUploadDocument(nominationId: number) {
  const [progress, setProgress] = useState(0);
  const mutation = useNominationMutation(({ kind, file, supersedesId }: { kind: DocKind; file: File; supersedesId: number | null }) => {
    setProgress(0);
    const form = new FormData();
    // Text fields first: the server reads them before the file stream.
    form.append('kind', kind);
    if (supersedesId !== null) form.append('supersedesId', String(supersedesId));
    form.append('file', file, file.name);
    return uploadWithProgress<NominationDto>(`/nominations/${nominationId}/documents`, form, {}, setProgress);
  });
  return { ...mutation, progress };
}

export const useRevokeDocument = () => useNominationMutation(({ id, reason }: { id: number; reason: string }) => api.post<NominationDto>(`/nomination-documents/${id}/revoke`, { reason }));
