import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TemplateContent, TemplateDto, TemplateSummaryDto } from '../../../../contracts/scoring';
import { api, type Page } from '../../../lib/api-client';

export const templateKeys = {
  list: (filters: object) => ['scorecard-templates', 'list', filters] as const,
  detail: (id: number) => ['scorecard-templates', 'detail', id] as const,
};

export interface TemplateListParams {
  status?: TemplateSummaryDto['status'];
  subject?: TemplateSummaryDto['subject'];
  page: number;
  pageSize: number;
}

export function useTemplates(params: TemplateListParams, enabled = true) {
  return useQuery({
    queryKey: templateKeys.list(params),
    queryFn: ({ signal }) => api.get<Page<TemplateSummaryDto>>('/scorecard-templates', { ...params }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useTemplate(id: number | null) {
  return useQuery({
    queryKey: templateKeys.detail(id ?? 0),
    queryFn: ({ signal }) => api.get<TemplateDto>(`/scorecard-templates/${id}`, undefined, signal),
    enabled: id !== null,
  });
}

/** Every change answers with the template version: its detail is replaced and the lists refreshed. */
function useTemplateMutation<I>(fn: (input: I) => Promise<TemplateDto>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (tpl) => {
      queryClient.setQueryData(templateKeys.detail(tpl.id), tpl);
      return queryClient.invalidateQueries({ queryKey: ['scorecard-templates', 'list'] });
    },
  });
}

export const useReviseTemplate = () => useTemplateMutation(({ id, orgId }: { id: number; orgId: number }) => api.post<TemplateDto>(`/scorecard-templates/${id}/revise`, { orgId }));
export const useUpdateTemplate = () => useTemplateMutation(({ id, content, revision }: { id: number; content: TemplateContent; revision: number }) => api.patch<TemplateDto>(`/scorecard-templates/${id}`, { ...content, revision }));
export const usePublishTemplate = () => useTemplateMutation((id: number) => api.post<TemplateDto>(`/scorecard-templates/${id}/publish`));
export const useRetireTemplate = () => useTemplateMutation(({ id, reason }: { id: number; reason: string }) => api.post<TemplateDto>(`/scorecard-templates/${id}/retire`, { reason }));
