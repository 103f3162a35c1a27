import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CertificateKind, OrgTemplatesDto, SaveTemplateInput, TemplateHistoryDto, TemplateSettingsInput } from '../../../../contracts/certificate-templates';
import { API_BASE, api, ApiError, downloadUrl, normaliseStrings, type Page } from '../../../lib/api-client';

export type { CertificateKind, OrgTemplatesDto, TemplateHistoryDto, TemplateSettingsInput };

export const certificateTemplateKeys = {
  all: ['certificate-templates'] as const,
  org: (orgId: number) => ['certificate-templates', orgId] as const,
  history: (orgId: number, kind: CertificateKind, page: number) => ['certificate-templates', orgId, kind, 'history', page] as const,
};

export function useOrgTemplates(orgId: number | undefined) {
  return useQuery({
    queryKey: certificateTemplateKeys.org(orgId ?? 0),
    queryFn: ({ signal }) => api.get<OrgTemplatesDto>(`/certificate-templates/${orgId ?? 0}`, undefined, signal),
    enabled: orgId !== undefined,
  });
}

export function useTemplateHistory(orgId: number, kind: CertificateKind, page: number, pageSize: number) {
  return useQuery({
    queryKey: certificateTemplateKeys.history(orgId, kind, page),
    queryFn: ({ signal }) => api.get<Page<TemplateHistoryDto>>(`/certificate-templates/${orgId}/${kind}/history`, { page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Save (or reset with empty settings): the answer replaces the cached templates; the history refreshes. */
export function useSaveTemplate(orgId: number, kind: CertificateKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveTemplateInput) => api.put<OrgTemplatesDto>(`/certificate-templates/${orgId}/${kind}`, input),
    onSuccess: (d) => {
      queryClient.setQueryData(certificateTemplateKeys.org(orgId), d);
      return queryClient.invalidateQueries({ queryKey: certificateTemplateKeys.org(orgId) });
    },
  });
}

/** The saved template's sample certificate, as a plain link (the browser downloads it with the cookie). */
export const savedPreviewUrl = (orgId: number, kind: CertificateKind) => downloadUrl(`/certificate-templates/${orgId}/${kind}/preview.pdf`);

/**
 * A sample certificate printed with draft settings. The answer is a PDF, not JSON, so this posts
 * with fetch itself and answers a Blob (the page shows it through an object URL).
 */
export function usePreviewDraft(orgId: number, kind: CertificateKind, csrfToken: string) {
  return useMutation({
    mutationFn: async (settings: TemplateSettingsInput): Promise<Blob> => {
      const response = await fetch(`${API_BASE}/certificate-templates/${orgId}/${kind}/preview`, {
        method: 'POST',
        headers: { accept: 'application/pdf, application/json', 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify(normaliseStrings({ settings })),
        credentials: 'same-origin',
      }).catch(() => {
        throw new ApiError(0, 'NETWORK', '');
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { code?: string; message?: string; details?: unknown } | null;
        throw new ApiError(response.status, (body?.code as ApiError['code'] | undefined) ?? 'BAD_RESPONSE', body?.message ?? '', body?.details);
      }
      return response.blob();
    },
  });
}
