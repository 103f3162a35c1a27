import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ConsultationCandidateDto,
  ConsultationDto,
  ConsultationSummaryDto,
  CreateConsultationInput,
  FeedbackDto,
  FeedbackStatus,
  HandleFeedbackInput,
  PublicConsultationPage,
  PublicFeedbackInput,
  PublicFeedbackResult,
} from '../../../../contracts/consultations';
import { api, type Page } from '../../../lib/api-client';

const KEY = 'consultations';

export function useConsultations(params: { orgId?: number; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [KEY, 'list', params],
    queryFn: ({ signal }) => api.get<Page<ConsultationSummaryDto>>('/consultations', params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useConsultation(id: number) {
  return useQuery({ queryKey: [KEY, 'one', id], queryFn: ({ signal }) => api.get<ConsultationDto>(`/consultations/${id}`, undefined, signal) });
}

export function useCandidates(orgId: number | null) {
  return useQuery({
    queryKey: [KEY, 'candidates', orgId],
    queryFn: ({ signal }) => api.get<{ items: ConsultationCandidateDto[] }>('/consultations/candidates', { orgId }, signal),
    enabled: orgId !== null,
  });
}

export function useCreateConsultation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<CreateConsultationInput, 'meetingId' | 'workingDays'> & { workingDays?: number }) => api.post<ConsultationDto>('/consultations', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}

export function useWithdrawConsultation(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => api.post<ConsultationDto>(`/consultations/${id}/withdraw`, { reason }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}

export function useFeedback(consultationId: number, params: { status?: FeedbackStatus; page: number; pageSize: number }, enabled: boolean) {
  return useQuery({
    queryKey: [KEY, 'feedback', consultationId, params],
    queryFn: ({ signal }) => api.get<Page<FeedbackDto>>(`/consultations/${consultationId}/feedback`, params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useHandleFeedback() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: HandleFeedbackInput & { id: number }) => api.post<FeedbackDto>(`/consultation-feedback/${id}/handle`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}

// ── Public ─────────────────────────────────────────────────────────────────────────────────────

export function usePublicConsultations(orgCode: string, page: number) {
  return useQuery({
    queryKey: ['public-consultations', orgCode, page],
    queryFn: ({ signal }) => api.get<PublicConsultationPage>(`/public/orgs/${encodeURIComponent(orgCode)}/consultations`, { page }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSendFeedback(itemId: number) {
  return useMutation({ mutationFn: (input: PublicFeedbackInput) => api.post<PublicFeedbackResult>(`/public/consultation-items/${itemId}/feedback`, input) });
}
