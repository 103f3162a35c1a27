import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateStoryInput, CreditListItemDto, PersonalDataFindingDto, StoryCreditDto, StoryCreditInput, storyConsentInput, StoryDto, StoryPhotoDto, StoryStatus, StorySummaryDto, UpdateStoryInput,
} from '../../../../contracts/stories';
import { ApiError, api, downloadUrl, uploadWithProgress, type Page } from '../../../lib/api-client';

export type { CreditListItemDto, PersonalDataFindingDto, StoryCreditDto, StoryDto, StoryPhotoDto, StoryStatus, StorySummaryDto };

/** Query keys of the stories feature: a change to one story refreshes the lists too. */
export const storyKeys = {
  all: ['stories'] as const,
  list: (filters: object) => ['stories', 'list', filters] as const,
  detail: (id: number) => ['stories', 'detail', id] as const,
};

export interface StoryListParams {
  orgId?: number;
  status?: StoryStatus;
  q?: string;
  page: number;
  pageSize: number;
}

export function useStories(params: StoryListParams) {
  return useQuery({
    queryKey: storyKeys.list(params),
    queryFn: ({ signal }) => api.get<Page<StorySummaryDto> & { counts: Record<string, number> }>('/stories', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Active credits on stories and models (`GET /story-credits`), for rewarding discoverers. */
export function useCreditList(params: { orgId?: number; year?: number; page: number; pageSize: number }) {
  return useQuery({
    queryKey: storyKeys.list({ credits: true, ...params }),
    queryFn: ({ signal }) => api.get<Page<CreditListItemDto>>('/story-credits', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useStory(id: number) {
  return useQuery({
    queryKey: storyKeys.detail(id),
    queryFn: ({ signal }) => api.get<StoryDto>(`/stories/${id}`, undefined, signal),
  });
}

/** A change to a story: the answer replaces the cached story and the lists are refreshed. */
function useStoryMutation<I>(fn: (input: I) => Promise<StoryDto>, id?: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // Someone else changed it first (409): reload it, so that trying again uses its new version.
    onError: (e) => (id !== undefined && e instanceof ApiError && e.status === 409 ? queryClient.invalidateQueries({ queryKey: storyKeys.detail(id) }) : undefined),
    onSuccess: (s) => {
      queryClient.setQueryData(storyKeys.detail(s.id), s);
      return queryClient.invalidateQueries({ queryKey: storyKeys.all, predicate: (q) => q.queryKey[1] === 'list' });
    },
  });
}

export const useCreateStory = () => useStoryMutation((input: CreateStoryInput) => api.post<StoryDto>('/stories', input));
export const useUpdateStory = (id: number) => useStoryMutation((input: UpdateStoryInput) => api.post<StoryDto>(`/stories/${id}/update`, input), id);
export const useStoryStep = (id: number, step: 'submit' | 'publish') => useStoryMutation((input: { version: number }) => api.post<StoryDto>(`/stories/${id}/${step}`, input), id);
export const useStoryReasonStep = (id: number, step: 'return' | 'withdraw') =>
  useStoryMutation((input: { version: number; reason: string }) => api.post<StoryDto>(`/stories/${id}/${step}`, input), id);
export const useRecordConsent = (id: number) => useStoryMutation((input: z.input<typeof storyConsentInput>) => api.post<StoryDto>(`/stories/${id}/consent`, input), id);
export const useAddCredit = (id: number) => useStoryMutation((input: StoryCreditInput) => api.post<StoryDto>(`/stories/${id}/credits`, input), id);
export const useRevokeCredit = (id: number) => useStoryMutation(({ creditId, reason }: { creditId: number; reason: string }) => api.post<StoryDto>(`/story-credits/${creditId}/revoke`, { reason }), id);
export const useRevokePhoto = (id: number) => useStoryMutation(({ photoId, reason }: { photoId: number; reason: string }) => api.post<StoryDto>(`/story-photos/${photoId}/revoke`, { reason }), id);

/** A photo with its alt text and caption; progress for slow phone connections. */
export function useUploadPhoto(storyId: number) {
  const [progress, setProgress] = useState(0);
  const mutation = useStoryMutation(({ file, altText, caption }: { file: File; altText: string; caption: string }) => {
    setProgress(0);
    const form = new FormData();
    // Text fields first: the server reads them before the file stream.
    form.append('altText', altText);
    if (caption) form.append('caption', caption);
    form.append('file', file, file.name);
    return uploadWithProgress<StoryDto>(`/stories/${storyId}/photos`, form, {}, setProgress);
  }, storyId);
  return { ...mutation, progress };
}

/** The address of a kept photo for staff (an <img> sends the session cookie). */
export const photoUrl = (photoId: number) => downloadUrl(`/story-photos/${photoId}`);
