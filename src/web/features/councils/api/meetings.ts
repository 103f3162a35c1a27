import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreateMeetingInput, MeetingDto, MeetingItemDto, MeetingStatus, MeetingSummaryDto, receiptCheckDto, UpdateMeetingInput, VerifyDto } from '../../../../contracts/councils';
import { LIMITS } from '../../../../contracts/limits';
import { api, downloadUrl, type Page } from '../../../lib/api-client';
import { councilKeys } from './keys';

export type { MeetingDto, MeetingItemDto, MeetingSummaryDto, VerifyDto };
export type ReceiptCheckDto = z.infer<typeof receiptCheckDto>;
export type ItemStatus = MeetingItemDto['status'];
export type VoteChoice = 'YES' | 'NO' | 'ABSTAIN';
export type VoteMethod = MeetingItemDto['method'];

/** While votes come in, counts are refreshed this often (ms). */
export const LIVE_REFRESH_MS = 4000;

export interface MeetingListParams {
  councilId?: number;
  orgId?: number;
  mine?: boolean;
  status?: MeetingStatus;
  page: number;
  pageSize: number;
}

export function useMeetings(params: MeetingListParams, enabled = true) {
  const { mine, ...rest } = params;
  return useQuery({
    queryKey: councilKeys.meetingList(params),
    queryFn: ({ signal }) => api.get<Page<MeetingSummaryDto>>('/council-meetings', { ...rest, mine: mine ? 'true' : undefined }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Whether votes are coming in (the counts then refresh by themselves). */
export const isLive = (m: Pick<MeetingDto, 'status' | 'itemCounts'> | undefined) => m?.status === 'OPEN' && m.itemCounts.voting > 0;

/** A meeting; refreshed every few seconds while votes come in, or (`waiting`) until it is over. */
export function useMeeting(id: number, waiting = false) {
  return useQuery({
    queryKey: councilKeys.meeting(id),
    queryFn: ({ signal }) => api.get<MeetingDto>(`/council-meetings/${id}`, undefined, signal),
    refetchInterval: (query) => {
      const m = query.state.data;
      const ongoing = m !== undefined && (m.status === 'SCHEDULED' || m.status === 'OPEN');
      return isLive(m) || (waiting && ongoing) ? LIVE_REFRESH_MS : false;
    },
  });
}

/**
 * Every item open for voting, for the ballot: a voter sees them all at once (a meeting may vote on
 * hundreds), fetched in pages of the largest size the server allows.
 */
export function useBallotItems(meetingId: number, live: boolean) {
  return useQuery({
    queryKey: councilKeys.itemList(meetingId, { ballot: true }),
    queryFn: async ({ signal }) => {
      const first = await api.get<Page<MeetingItemDto>>(`/council-meetings/${meetingId}/items`, { status: 'VOTING', page: 1, pageSize: LIMITS.pageSizeMax }, signal);
      const items = [...first.items];
      for (let page = 2; items.length < first.total && page <= Math.ceil(first.total / LIMITS.pageSizeMax); page++) {
        const next = await api.get<Page<MeetingItemDto>>(`/council-meetings/${meetingId}/items`, { status: 'VOTING', page, pageSize: LIMITS.pageSizeMax }, signal);
        items.push(...next.items);
      }
      return items;
    },
    refetchInterval: live ? LIVE_REFRESH_MS : false,
  });
}

export interface ItemListParams {
  status?: ItemStatus;
  page: number;
  pageSize: number;
}

export function useMeetingItems(meetingId: number, params: ItemListParams, live = false) {
  return useQuery({
    queryKey: councilKeys.itemList(meetingId, params),
    queryFn: ({ signal }) => api.get<Page<MeetingItemDto>>(`/council-meetings/${meetingId}/items`, { ...params }, signal),
    placeholderData: keepPreviousData,
    refetchInterval: live ? LIVE_REFRESH_MS : false,
  });
}

export function useVerifyMeeting(meetingId: number, enabled: boolean) {
  return useQuery({
    queryKey: councilKeys.verify(meetingId),
    queryFn: ({ signal }) => api.get<VerifyDto>(`/council-meetings/${meetingId}/verify`, undefined, signal),
    enabled,
    staleTime: 0,
  });
}

export const minutesUrl = (meetingId: number) => downloadUrl(`/council-meetings/${meetingId}/minutes.docx`);
export const countMinutesUrl = (meetingId: number) => downloadUrl(`/council-meetings/${meetingId}/count-minutes.docx`);

/** A change to the meeting or its items: the meeting, its items, its council's lists and the waiting list are refreshed. */
export function useMeetingMutation<I, R>(meetingId: number, fn: (input: I) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (result) => {
      if (result && typeof result === 'object' && 'attendance' in result && (result as unknown as MeetingDto).id === meetingId) {
        queryClient.setQueryData(councilKeys.meeting(meetingId), result);
      }
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: councilKeys.meeting(meetingId) }),
        queryClient.invalidateQueries({ queryKey: councilKeys.items(meetingId) }),
        queryClient.invalidateQueries({ queryKey: ['council-meetings', 'list'] }),
        queryClient.invalidateQueries({ queryKey: councilKeys.verify(meetingId) }),
        queryClient.invalidateQueries({ queryKey: ['councils', 'waiting'] }),
      ]);
    },
  });
}

export function useCreateMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateMeetingInput) => api.post<MeetingDto>('/council-meetings', body),
    onSuccess: (m) => {
      queryClient.setQueryData(councilKeys.meeting(m.id), m);
      return queryClient.invalidateQueries({ queryKey: ['council-meetings', 'list'] });
    },
  });
}

export const useUpdateMeeting = (id: number) => useMeetingMutation(id, (body: UpdateMeetingInput) => api.patch<MeetingDto>(`/council-meetings/${id}`, body));
export const useAddAgenda = (id: number) =>
  useMeetingMutation(id, (body: { all?: boolean; nominationIds?: number[]; method?: VoteMethod }) => api.post<MeetingDto>(`/council-meetings/${id}/agenda`, body));
export const useSetAttendance = (id: number) =>
  useMeetingMutation(id, (entries: { memberId: number; status: 'PRESENT' | 'ABSENT'; absenceReason?: string | null }[]) => api.put<MeetingDto>(`/council-meetings/${id}/attendance`, { entries }));

export type MeetingStep = 'open' | 'open-voting' | 'close-voting' | 'close';
export const useMeetingStep = (id: number) =>
  useMeetingMutation(id, ({ step, itemIds }: { step: MeetingStep; itemIds?: number[] }) =>
    api.post<MeetingDto>(`/council-meetings/${id}/${step}`, step === 'open-voting' || step === 'close-voting' ? (itemIds && itemIds.length > 0 ? { itemIds } : {}) : {}),
  );
export const useCancelMeeting = (id: number) => useMeetingMutation(id, (body: { reason: string }) => api.post<MeetingDto>(`/council-meetings/${id}/cancel`, body));

/** The voter's ballots on several items at once; the answer carries the receipt code, shown once. */
export const useCastBallots = (id: number) =>
  useMeetingMutation(id, (votes: { itemId: number; choice: VoteChoice }[]) => api.post<{ receipt: string; items: number[] }>(`/council-meetings/${id}/ballots`, { votes }));

export function useCheckReceipt(meetingId: number) {
  return useMutation({ mutationFn: (receipt: string) => api.post<ReceiptCheckDto>(`/council-meetings/${meetingId}/receipts/check`, { receipt }) });
}

// ── One agenda item ──────────────────────────────────────────────────────────────────────────

export const useItemMethod = (meetingId: number) =>
  useMeetingMutation(meetingId, ({ itemId, method }: { itemId: number; method: VoteMethod }) => api.post<unknown>(`/meeting-items/${itemId}/method`, { method }));
export const useItemRecusal = (meetingId: number) =>
  useMeetingMutation(meetingId, ({ itemId, memberId, note }: { itemId: number; memberId: number; note: string }) => api.post<unknown>(`/meeting-items/${itemId}/recusals`, { memberId, note }));
export const useWithdrawItem = (meetingId: number) =>
  useMeetingMutation(meetingId, ({ itemId, reason }: { itemId: number; reason: string }) => api.post<unknown>(`/meeting-items/${itemId}/withdraw`, { reason }));
export const useWrittenVote = (meetingId: number) =>
  useMeetingMutation(meetingId, ({ itemId, memberId, choice }: { itemId: number; memberId: number; choice: VoteChoice }) =>
    api.post<{ receipt: string; items: number[] }>(`/meeting-items/${itemId}/written-votes`, { memberId, choice }),
  );
export const useItemCounts = (meetingId: number) =>
  useMeetingMutation(meetingId, ({ itemId, ...counts }: { itemId: number; yes: number; no: number; abstain: number; invalid: number; written: number }) =>
    api.post<MeetingItemDto>(`/meeting-items/${itemId}/counts`, counts),
  );
