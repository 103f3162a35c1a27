import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateReportTemplateInput, PreviewDto, ReportTemplateDto, ReportTemplateListDto, StatFormLayoutInput, UpdateReportTemplateInput,
} from '../../../../contracts/report-templates';
import type { AwardItem } from '../../../../contracts/awards';
import { LIMITS } from '../../../../contracts/limits';
import { api, downloadUrl, type Page } from '../../../lib/api-client';

export type { PreviewDto, ReportTemplateDto, ReportTemplateListDto, StatFormLayoutInput };

export const reportTemplateKeys = {
  all: ['report-templates'] as const,
  list: (orgId: number, status: string) => ['report-templates', 'list', orgId, status] as const,
  one: (id: number) => ['report-templates', 'one', id] as const,
  preview: (params: object) => ['report-templates', 'preview', params] as const,
  awards: ['report-templates', 'awards'] as const,
};

/** Templates an organisation can use (`GET /report-templates`): built-ins, its own and its superiors'. */
export function useTemplateList(orgId: number | undefined, status: 'ACTIVE' | 'RETIRED') {
  return useQuery({
    queryKey: reportTemplateKeys.list(orgId ?? 0, status),
    queryFn: ({ signal }) => api.get<ReportTemplateListDto>('/report-templates', { orgId, status }, signal),
    enabled: orgId !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useTemplate(id: number | undefined) {
  return useQuery({
    queryKey: reportTemplateKeys.one(id ?? 0),
    queryFn: ({ signal }) => api.get<ReportTemplateDto>(`/report-templates/${id}`, undefined, signal),
    enabled: id !== undefined,
  });
}

/** The grid of a layout (saved or draft) for an organisation and year; nothing is saved. */
export function usePreview(params: { orgId: number | undefined; year: number; layout: StatFormLayoutInput | undefined }) {
  return useQuery({
    queryKey: reportTemplateKeys.preview(params),
    queryFn: () => api.post<PreviewDto>('/report-templates/preview', params),
    enabled: params.orgId !== undefined && params.layout !== undefined,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** The award catalogue for the row selector (active titles and forms). */
export function useAwardChoices() {
  return useQuery({
    queryKey: reportTemplateKeys.awards,
    queryFn: ({ signal }) => api.get<Page<AwardItem>>('/awards', { active: true, pageSize: LIMITS.pageSizeMax }, signal),
    staleTime: 10 * 60_000,
  });
}

export function useCreateTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateReportTemplateInput) => api.post<ReportTemplateDto>('/report-templates', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportTemplateKeys.all }),
  });
}

export function useUpdateTemplate(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateReportTemplateInput) => api.put<ReportTemplateDto>(`/report-templates/${id}`, input),
    onSuccess: (d) => {
      queryClient.setQueryData(reportTemplateKeys.one(id), d);
      return queryClient.invalidateQueries({ queryKey: reportTemplateKeys.all });
    },
  });
}

export function useRetireTemplate(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number; reason: string }) => api.post<ReportTemplateDto>(`/report-templates/${id}/retire`, input),
    onSuccess: (d) => {
      queryClient.setQueryData(reportTemplateKeys.one(id), d);
      return queryClient.invalidateQueries({ queryKey: reportTemplateKeys.all });
    },
  });
}

/** The filled form as .xlsx (a plain link: the browser downloads it with the session cookie). */
export const renderUrl = (id: number, orgId: number, year: number) => downloadUrl(`/report-templates/${id}/render.xlsx`, { orgId, year });
