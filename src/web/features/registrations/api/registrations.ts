import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BulkRegistrationInput, CreateRegistrationInput, RegistrationDto, RegistrationOptions, ReviewRegistrationsInput,
} from '../../../../contracts/registrations';
import { api, downloadUrl, uploadWithProgress, type Page } from '../../../lib/api-client';
import type { registrationListParams } from '../routes/search';

export type RegistrationListParams = ReturnType<typeof registrationListParams>;
export type RegistrationSummary = {
  total: number;
  byReview: Record<'SUBMITTED' | 'APPROVED' | 'RETURNED', number>;
  byAward: { awardCode: string; awardName: string; submitted: number; approved: number; returned: number }[];
};

export const registrationKeys = {
  all: ['registrations'] as const,
  list: (filters: object) => ['registrations', 'list', filters] as const,
  summary: (filters: object) => ['registrations', 'summary', filters] as const,
  options: (q: object) => ['registrations', 'options', q] as const,
};

export function useRegistrations(params: RegistrationListParams) {
  return useQuery({
    queryKey: registrationKeys.list(params),
    queryFn: ({ signal }) => api.get<Page<RegistrationDto>>('/registrations', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRegistrationSummary(params: RegistrationListParams) {
  const { page: _p, pageSize: _s, ...filter } = params;
  return useQuery({
    queryKey: registrationKeys.summary(filter),
    queryFn: ({ signal }) => api.get<RegistrationSummary>('/registrations/summary', { ...filter }, signal),
    placeholderData: keepPreviousData,
  });
}

export function registrationExportUrl(params: RegistrationListParams): string {
  const { page: _p, pageSize: _s, ...filter } = params;
  return downloadUrl('/registrations/export.xlsx', filter);
}

export function registrationTemplateUrl(unitId: number, year: number, movementId?: number): string {
  return downloadUrl('/registrations/template.xlsx', { unitId, year, movementId });
}

export function useRegistrationOptions(q: { unitId: number | null; year: number; movementId?: number }) {
  return useQuery({
    queryKey: registrationKeys.options(q),
    queryFn: ({ signal }) => api.get<RegistrationOptions>('/registrations/options', { unitId: q.unitId, year: q.year, movementId: q.movementId }, signal),
    enabled: q.unitId !== null,
  });
}

function useInvalidating<TIn, TOut>(fn: (input: TIn) => Promise<TOut>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: registrationKeys.all }) });
}

export const useCreateRegistration = () => useInvalidating((body: CreateRegistrationInput) => api.post<RegistrationDto>('/registrations', body));
export const useBulkRegister = () => useInvalidating((body: BulkRegistrationInput) => api.post<{ created: number; ids: number[] }>('/registrations/bulk', body));
export const useReviewRegistrations = () => useInvalidating((body: ReviewRegistrationsInput) => api.post<{ updated: number }>('/registrations/review', body));
export const useWithdrawRegistration = () => useInvalidating(({ id, reason }: { id: number; reason: string }) => api.post<RegistrationDto>(`/registrations/${id}/withdraw`, { reason }));
export const useCorrectRegistration = () => useInvalidating(({ id, awardCode }: { id: number; awardCode: string }) => api.patch<RegistrationDto>(`/registrations/${id}`, { awardCode }));
export const useImportRegistrations = () =>
  useInvalidating(({ file, unitId, year, movementId }: { file: File; unitId: number; year: number; movementId?: number }) => {
    const form = new FormData();
    form.append('file', file);
    return uploadWithProgress<{ created: number }>('/registrations/import', form, { unitId, year, movementId }, () => undefined);
  });
