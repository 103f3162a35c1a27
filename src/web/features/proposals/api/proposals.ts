import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  declineProposalInput, linkProposalPersonInput, MemberProposalInput, proposalNominationInput, ProposalDto, ProposalStatus, ProposalSummaryDto, PublicProposalInput, PublicProposalResult,
} from '../../../../contracts/proposals';
import { ApiError, api, type Page } from '../../../lib/api-client';

export type { ProposalDto, ProposalStatus, ProposalSummaryDto };

/** Query keys of the proposals feature: a change to one proposal refreshes the lists and the member's portal. */
export const proposalKeys = {
  all: ['proposals'] as const,
  list: (filters: object) => ['proposals', 'list', filters] as const,
  detail: (id: number) => ['proposals', 'detail', id] as const,
};

export interface ProposalListParams {
  orgId?: number;
  status?: ProposalStatus;
  page: number;
  pageSize: number;
}

export function useProposals(params: ProposalListParams) {
  return useQuery({
    queryKey: proposalKeys.list(params),
    queryFn: ({ signal }) => api.get<Page<ProposalSummaryDto>>('/good-deeds', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useProposal(id: number) {
  return useQuery({
    queryKey: proposalKeys.detail(id),
    queryFn: ({ signal }) => api.get<ProposalDto>(`/good-deeds/${id}`, undefined, signal),
  });
}

/** A review step: the answer replaces the cached proposal and the lists are refreshed; a 409 reloads it. */
function useReview<I>(id: number, fn: (input: I) => Promise<ProposalDto>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onError: (e) => (e instanceof ApiError && e.status === 409 ? queryClient.invalidateQueries({ queryKey: proposalKeys.detail(id) }) : undefined),
    onSuccess: (p) => {
      queryClient.setQueryData(proposalKeys.detail(p.id), p);
      return queryClient.invalidateQueries({ queryKey: proposalKeys.all, predicate: (q) => q.queryKey[1] === 'list' });
    },
  });
}

export const useLinkProposal = (id: number) => useReview(id, (input: z.input<typeof linkProposalPersonInput>) => api.post<ProposalDto>(`/good-deeds/${id}/link`, input));
export const useProposalStory = (id: number) => useReview(id, (input: { version: number }) => api.post<ProposalDto>(`/good-deeds/${id}/story`, input));
export const useProposalNomination = (id: number) => useReview(id, (input: z.input<typeof proposalNominationInput>) => api.post<ProposalDto>(`/good-deeds/${id}/nominate`, input));
export const useDeclineProposal = (id: number) => useReview(id, (input: z.input<typeof declineProposalInput>) => api.post<ProposalDto>(`/good-deeds/${id}/decline`, input));

/** A logged-in member's proposal (their portal is refreshed). */
export function useSendMemberProposal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MemberProposalInput) => api.post<ProposalDto>('/good-deeds', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me', 'record'] }),
  });
}

/** The public form (no login): answers the reference code. */
export function useSendPublicProposal(orgCode: string) {
  return useMutation({
    mutationFn: (input: PublicProposalInput) => api.post<PublicProposalResult>(`/public/orgs/${encodeURIComponent(orgCode)}/good-deeds`, input),
  });
}
