import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ArrangeRecipientsInput,
  Attendance,
  CeremonyDecisionDto,
  CeremonyDto,
  CeremonyRecipientDto,
  CeremonyStatus,
  CeremonySummaryDto,
  CreateCeremonyInput,
  ProgrammeLine,
  RecordAttendanceInput,
  SetCeremonyDecisionsInput,
  UpdateCeremonyInput,
} from '../../../../contracts/ceremonies';
import { ApiError, api, downloadUrl, type Page } from '../../../lib/api-client';

export type { Attendance, CeremonyDecisionDto, CeremonyDto, CeremonyRecipientDto, CeremonyStatus, CeremonySummaryDto, ProgrammeLine };

/** Query keys of the ceremonies feature: a change to one ceremony refreshes the lists too. */
export const ceremonyKeys = {
  all: ['ceremonies'] as const,
  list: (filters: object) => ['ceremonies', 'list', filters] as const,
  detail: (id: number) => ['ceremonies', 'detail', id] as const,
  options: (orgId: number) => ['ceremonies', 'decision-options', orgId] as const,
};

export interface CeremonyListParams {
  orgId?: number;
  status?: CeremonyStatus;
  page: number;
  pageSize: number;
}

export function useCeremonies(params: CeremonyListParams) {
  return useQuery({
    queryKey: ceremonyKeys.list(params),
    queryFn: ({ signal }) => api.get<Page<CeremonySummaryDto>>('/ceremonies', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCeremony(id: number) {
  return useQuery({
    queryKey: ceremonyKeys.detail(id),
    queryFn: ({ signal }) => api.get<CeremonyDto>(`/ceremonies/${id}`, undefined, signal),
  });
}

/** Signed decisions a ceremony of the organisation may present (its own and its superiors’, with recipients in it). */
export function useDecisionOptions(orgId: number | null) {
  return useQuery({
    queryKey: ceremonyKeys.options(orgId ?? 0),
    queryFn: ({ signal }) => api.get<CeremonyDecisionDto[]>('/ceremonies/decision-options', { orgId: orgId ?? 0 }, signal),
    enabled: orgId !== null,
  });
}

/** A change to a ceremony: the answer replaces the cached ceremony and the lists are refreshed. */
function useCeremonyMutation<I>(fn: (input: I) => Promise<CeremonyDto>, id?: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // Someone else changed the ceremony first (409): reload it, so that saving again uses its new version.
    onError: (e) => (id !== undefined && e instanceof ApiError && e.status === 409 ? queryClient.invalidateQueries({ queryKey: ceremonyKeys.detail(id) }) : undefined),
    onSuccess: (c) => {
      queryClient.setQueryData(ceremonyKeys.detail(c.id), c);
      return queryClient.invalidateQueries({ queryKey: ceremonyKeys.all, predicate: (q) => q.queryKey[1] === 'list' });
    },
  });
}

export const useCreateCeremony = () => useCeremonyMutation((input: CreateCeremonyInput) => api.post<CeremonyDto>('/ceremonies', input));
export const useUpdateCeremony = (id: number) => useCeremonyMutation((input: UpdateCeremonyInput) => api.patch<CeremonyDto>(`/ceremonies/${id}`, input), id);
export const useSetCeremonyDecisions = (id: number) => useCeremonyMutation((input: SetCeremonyDecisionsInput) => api.put<CeremonyDto>(`/ceremonies/${id}/decisions`, input), id);
export const useArrangeRecipients = (id: number) => useCeremonyMutation((input: ArrangeRecipientsInput) => api.put<CeremonyDto>(`/ceremonies/${id}/recipients`, input), id);
export const useRecordAttendance = (id: number) => useCeremonyMutation((input: RecordAttendanceInput) => api.post<CeremonyDto>(`/ceremonies/${id}/attendance`, input), id);
export const useMarkHeld = (id: number) => useCeremonyMutation((input: { version: number }) => api.post<CeremonyDto>(`/ceremonies/${id}/held`, input), id);
export const useCancelCeremony = (id: number) => useCeremonyMutation((input: { version: number; reason: string }) => api.post<CeremonyDto>(`/ceremonies/${id}/cancel`, input), id);

export const recipientsDocxUrl = (id: number) => downloadUrl(`/ceremonies/${id}/recipients.docx`);
export const programmeDocxUrl = (id: number) => downloadUrl(`/ceremonies/${id}/programme.docx`);
export const recipientsXlsxUrl = (id: number) => downloadUrl(`/ceremonies/${id}/recipients.xlsx`);

/** Recipients in call order, cut into their groups (đợt). */
export function groupsOf(recipients: CeremonyRecipientDto[]): { groupNo: number; presenter: string | null; recipients: CeremonyRecipientDto[] }[] {
  const out: { groupNo: number; presenter: string | null; recipients: CeremonyRecipientDto[] }[] = [];
  for (const r of recipients) {
    let g = out.at(-1);
    if (!g || g.groupNo !== r.groupNo) {
      g = { groupNo: r.groupNo, presenter: r.presenter, recipients: [] };
      out.push(g);
    }
    g.presenter ??= r.presenter;
    g.recipients.push(r);
  }
  return out;
}
