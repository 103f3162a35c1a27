import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DeliveryDto, OutgoingDocumentDto, PublicDocumentPage } from '../../../../contracts/cascade';
import { api, downloadUrl, type Page } from '../../../lib/api-client';

export interface OutgoingParams {
  year?: number;
  docType?: string;
  page: number;
  pageSize: number;
}

export function useOutgoing(params: OutgoingParams) {
  return useQuery({
    queryKey: ['outgoing', 'list', params],
    queryFn: ({ signal }) => api.get<Page<OutgoingDocumentDto>>('/outgoing-documents', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDeliveries(documentId: number | null) {
  return useQuery({
    queryKey: ['outgoing', 'deliveries', documentId],
    queryFn: ({ signal }) => api.get<{ items: DeliveryDto[]; total: number; read: number }>(`/outgoing-documents/${documentId}/deliveries`, undefined, signal),
    enabled: documentId !== null,
  });
}

export function outgoingExportUrl(params: Omit<OutgoingParams, 'page' | 'pageSize'>): string {
  return downloadUrl('/outgoing-documents/export.xlsx', { year: params.year, docType: params.docType });
}

export function usePublishedDocuments(code: string, page: number) {
  return useQuery({
    queryKey: ['public', 'documents', code, page],
    queryFn: ({ signal }) => api.get<PublicDocumentPage>(`/public/orgs/${encodeURIComponent(code)}/documents`, { page, pageSize: 25 }, signal),
    placeholderData: keepPreviousData,
  });
}

export function publicDocumentUrl(id: number): string {
  return downloadUrl(`/public/documents/${id}/document.docx`);
}
