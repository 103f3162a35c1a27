import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { annualSummaryBody, createSnapshotInput, RerunDto, RerunResult, SnapshotDto, SnapshotKind, SnapshotListItem } from '../../../../contracts/reports';
import { API_BASE, ApiError, api, downloadUrl, normaliseStrings, type Page } from '../../../lib/api-client';

export type { RerunDto, RerunResult, SnapshotDto, SnapshotKind, SnapshotListItem };

/** How often a page asks again while a report computes in the background. */
const POLL_MS = 1000;
/** What the web form sends (the server trims and normalises the texts). */
export type AnnualSummaryRequest = z.input<typeof annualSummaryBody>;

/** Query keys of the reports feature: freezing or withdrawing refreshes the lists. */
export const reportKeys = {
  all: ['reports'] as const,
  snapshots: (params: object) => ['reports', 'snapshots', params] as const,
};

/** Frozen reports of an organisation subtree and year, a page at a time. */
export function useSnapshots(params: { orgId: number | undefined; year: number; page: number; pageSize: number }) {
  return useQuery({
    queryKey: reportKeys.snapshots(params),
    queryFn: ({ signal }) => api.get<Page<SnapshotListItem>>('/reports/snapshots', { ...params }, signal),
    enabled: params.orgId !== undefined,
    placeholderData: keepPreviousData,
    // Asks again while a report or its latest re-run is computing.
    refetchInterval: (query) =>
      query.state.data?.items.some((s) => s.status === 'COMPUTING' || s.lastRerun?.status === 'COMPUTING') ? POLL_MS : false,
  });
}

/** A re-run of a frozen report, asked again until it is done. */
export function useRerun(snapshotId: number, rerunId: number) {
  return useQuery({
    queryKey: ['reports', 'reruns', snapshotId, rerunId] as const,
    queryFn: ({ signal }) => api.get<RerunDto>(`/reports/snapshots/${snapshotId}/reruns/${rerunId}`, {}, signal),
    refetchInterval: (query) => (query.state.data?.status === 'COMPUTING' ? POLL_MS : false),
  });
}

function useSnapshotMutation<I>(fn: (input: I) => Promise<SnapshotDto>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: reportKeys.all }) });
}

export const useFreezeSnapshot = () => useSnapshotMutation((input: z.input<typeof createSnapshotInput>) => api.post<SnapshotDto>('/reports/snapshots', input));
export const useWithdrawSnapshot = (id: number) => useSnapshotMutation((reason: string) => api.post<SnapshotDto>(`/reports/snapshots/${id}/withdraw`, { reason }));
export const useRerunSnapshot = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<RerunDto>(`/reports/snapshots/${id}/rerun`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportKeys.all }),
  });
};

/** The annual summary drawn from a frozen report's stored figures: a plain link keeps the cookie. */
export const snapshotDocxUrl = (id: number) => downloadUrl(`/reports/snapshots/${id}/annual-summary.docx`);

/**
 * The live annual summary with the typed narrative. The answer is a Word file, not JSON, so this posts
 * with fetch itself and answers a Blob the page saves through an object URL.
 */
export function useAnnualSummaryDocx(csrfToken: string) {
  return useMutation({
    mutationFn: async (body: AnnualSummaryRequest): Promise<{ blob: Blob; fileName: string }> => {
      const response = await fetch(`${API_BASE}/reports/annual-summary.docx`, {
        method: 'POST',
        headers: { accept: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document, application/json', 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify(normaliseStrings(body)),
        credentials: 'same-origin',
      }).catch(() => {
        throw new ApiError(0, 'NETWORK', '');
      });
      if (!response.ok) {
        const err = (await response.json().catch(() => null)) as { code?: string; message?: string; details?: unknown } | null;
        throw new ApiError(response.status, (err?.code as ApiError['code'] | undefined) ?? 'BAD_RESPONSE', err?.message ?? '', err?.details);
      }
      const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'bao-cao-tong-ket.docx';
      return { blob: await response.blob(), fileName };
    },
  });
}

/** Saves a Blob under a file name (a temporary link the browser follows). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
