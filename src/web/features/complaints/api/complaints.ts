import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { useState } from 'react';
import type {
  acceptComplaintInput,
  assignComplaintInput,
  ComplaintAssigneeDto,
  ComplaintDocumentType,
  extendDenunciationInput,
  secondInstanceInput,
  closeComplaintInput,
  ComplaintDto,
  ComplaintKind,
  ComplaintStatus,
  ComplaintSummaryDto,
  linkComplaintInput,
  PublicComplaintInput,
  PublicComplaintStatus,
  resolveComplaintInput,
  StaffComplaintInput,
} from '../../../../contracts/complaints';
import type { DecisionSummaryDto } from '../../../../contracts/decisions';
import type { NominationSummaryDto } from '../../../../contracts/nominations';
import { LIMITS } from '../../../../contracts/limits';
import { ApiError, api, downloadUrl, uploadWithProgress, type Page } from '../../../lib/api-client';
import { toMegabytes } from '../../../lib/format';

export type { ComplaintDto, ComplaintKind, ComplaintStatus, ComplaintSummaryDto, PublicComplaintStatus };

/** Query keys of the complaints feature: a change to one complaint refreshes the lists too. */
export const complaintKeys = {
  all: ['complaints'] as const,
  list: (filters: object) => ['complaints', 'list', filters] as const,
  detail: (id: number) => ['complaints', 'detail', id] as const,
  public: (code: string) => ['public-complaint', code] as const,
};

export interface ComplaintListParams {
  orgId?: number;
  status?: ComplaintStatus;
  kind?: ComplaintKind;
  /** Only those assigned to the reader. */
  mine?: boolean;
  page: number;
  pageSize: number;
}

export function useComplaints(params: ComplaintListParams) {
  return useQuery({
    queryKey: complaintKeys.list(params),
    queryFn: ({ signal }) => api.get<Page<ComplaintSummaryDto>>('/complaints', { ...params, mine: params.mine ? 'true' : undefined }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useComplaint(id: number) {
  return useQuery({
    queryKey: complaintKeys.detail(id),
    queryFn: ({ signal }) => api.get<ComplaintDto>(`/complaints/${id}`, undefined, signal),
  });
}

/** A change to a complaint: the answer replaces the cached complaint and the lists are refreshed. */
function useComplaintMutation<I>(fn: (input: I) => Promise<ComplaintDto>, id?: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // Someone else changed it first (409): reload it, so that trying again uses its new version.
    onError: (e) => (id !== undefined && e instanceof ApiError && e.status === 409 ? queryClient.invalidateQueries({ queryKey: complaintKeys.detail(id) }) : undefined),
    onSuccess: (c) => {
      queryClient.setQueryData(complaintKeys.detail(c.id), c);
      return queryClient.invalidateQueries({ queryKey: complaintKeys.all, predicate: (q) => q.queryKey[1] === 'list' });
    },
  });
}

export const useCreateComplaint = () => useComplaintMutation((input: StaffComplaintInput) => api.post<ComplaintDto>('/complaints', input));
export const useLinkComplaint = (id: number) => useComplaintMutation((input: z.input<typeof linkComplaintInput>) => api.post<ComplaintDto>(`/complaints/${id}/link`, input), id);
export const useAcceptComplaint = (id: number) => useComplaintMutation((input: z.input<typeof acceptComplaintInput>) => api.post<ComplaintDto>(`/complaints/${id}/accept`, input), id);
export const useResolveComplaint = (id: number) => useComplaintMutation((input: z.input<typeof resolveComplaintInput>) => api.post<ComplaintDto>(`/complaints/${id}/resolve`, input), id);
export const useNotAcceptComplaint = (id: number) => useComplaintMutation((input: z.input<typeof closeComplaintInput>) => api.post<ComplaintDto>(`/complaints/${id}/not-accept`, input), id);
export const useWithdrawComplaint = (id: number) => useComplaintMutation((input: z.input<typeof closeComplaintInput>) => api.post<ComplaintDto>(`/complaints/${id}/withdraw`, input), id);

export const useAssignComplaint = (id: number) => useComplaintMutation((input: z.input<typeof assignComplaintInput>) => api.post<ComplaintDto>(`/complaints/${id}/assign`, input), id);
export const useExtendDenunciation = (id: number) => useComplaintMutation((input: z.input<typeof extendDenunciationInput>) => api.post<ComplaintDto>(`/complaints/${id}/extend`, input), id);
export const useRecordSecondInstance = (id: number) => useComplaintMutation((input: z.input<typeof secondInstanceInput>) => api.post<ComplaintDto>(`/complaints/${id}/second-instance`, input));
export const useRevokeComplaintDocument = (complaintId: number) =>
  useComplaintMutation(({ documentId, reason }: { documentId: number; reason: string }) => api.post<ComplaintDto>(`/complaint-documents/${documentId}/revoke`, { reason }), complaintId);

/** Who may be assigned the letter (its handlers only). */
export function useComplaintAssignees(id: number) {
  return useQuery({
    queryKey: ['complaints', 'assignees', id] as const,
    queryFn: ({ signal }) => api.get<{ items: ComplaintAssigneeDto[] }>(`/complaints/${id}/assignees`, undefined, signal),
  });
}

/** What the file input offers; the server checks the content and the size itself. */
export const COMPLAINT_DOCUMENT_ACCEPT = '.pdf,.docx,.jpg,.jpeg,.png';
export const COMPLAINT_DOCUMENT_MAX_MB = toMegabytes(LIMITS.documentMaxBytes);
export const complaintDocumentUrl = (documentId: number) => downloadUrl(`/complaint-documents/${documentId}/file`);

/** A document of the handling, with progress for slow phone connections. */
export function useUploadComplaintDocument(id: number) {
  const [progress, setProgress] = useState(0);
  const mutation = useComplaintMutation(({ docType, title, file }: { docType: ComplaintDocumentType; title: string; file: File }) => {
    setProgress(0);
    const form = new FormData();
    // Text fields first: the server reads them before the file stream.
    form.append('docType', docType);
    form.append('title', title);
    form.append('file', file, file.name);
    return uploadWithProgress<ComplaintDto>(`/complaints/${id}/documents`, form, {}, setProgress);
  }, id);
  return { ...mutation, progress };
}

/** Nominations in scope to link a complaint to, searched by the subject's name. */
export function useNominationChoices(q: string) {
  return useQuery({
    queryKey: ['complaints', 'nomination-choices', q] as const,
    queryFn: ({ signal }) => api.get<Page<NominationSummaryDto>>('/nominations', { q: q || undefined, page: 1, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Signed decisions in scope to link a complaint to. */
export function useDecisionChoices() {
  return useQuery({
    queryKey: ['complaints', 'decision-choices'] as const,
    queryFn: ({ signal }) => api.get<Page<DecisionSummaryDto>>('/decisions', { status: 'SIGNED', page: 1, pageSize: 100 }, signal),
  });
}

/** The public form (no login): answers the reference code. */
export function useSendPublicComplaint(orgCode: string) {
  return useMutation({
    mutationFn: (input: PublicComplaintInput) => api.post<{ referenceCode: string; receivedOn: string }>(`/public/orgs/${encodeURIComponent(orgCode)}/complaints`, input),
  });
}

/** The status page by reference code (no login): dates, status and outcome only. */
export function usePublicComplaintStatus(code: string | null) {
  return useQuery({
    queryKey: complaintKeys.public(code ?? ''),
    queryFn: ({ signal }) => api.get<PublicComplaintStatus>(`/public/complaints/${encodeURIComponent(code ?? '')}`, undefined, signal),
    enabled: code !== null,
    retry: false,
  });
}

