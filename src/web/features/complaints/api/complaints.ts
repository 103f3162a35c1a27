import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  acceptComplaintInput,
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
import { ApiError, api, type Page } from '../../../lib/api-client';

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
  page: number;
  pageSize: number;
}

export function useComplaints(params: ComplaintListParams) {
  return useQuery({
    queryKey: complaintKeys.list(params),
    queryFn: ({ signal }) => api.get<Page<ComplaintSummaryDto>>('/complaints', { ...params }, signal),
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

