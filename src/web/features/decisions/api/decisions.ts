import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateDecisionInput, RecordRecoveryInput, RecoveryDto, RewardRateDto, SetRewardRateInput, DecisionCandidateDto, DecisionDto, DecisionScanDto, FundDto, DecisionItemDto, DecisionStatus, DecisionSummaryDto, RevokeDecisionInput, UpdateDecisionInput } from '../../../../contracts/decisions';
import { api, downloadUrl, uploadWithProgress, type Page } from '../../../lib/api-client';

export type { RecoveryDto, RewardRateDto, DecisionCandidateDto, DecisionDto, DecisionScanDto, DecisionItemDto, DecisionStatus, DecisionSummaryDto };

/** Query keys of the decisions feature: a change to one decision refreshes the lists too. */
export const decisionKeys = {
  all: ['decisions'] as const,
  list: (filters: object) => ['decisions', 'list', filters] as const,
  detail: (id: number) => ['decisions', 'detail', id] as const,
};

export interface DecisionListParams {
  orgId?: number;
  status?: DecisionStatus;
  page: number;
  pageSize: number;
}

export function useDecisions(params: DecisionListParams) {
  return useQuery({
    queryKey: decisionKeys.list(params),
    queryFn: ({ signal }) => api.get<Page<DecisionSummaryDto>>('/decisions', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Nominations the organisation holds that are ready for a decision (drafting by name). */
export function useDecisionCandidates(params: { orgId: number | null; q: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['decisions', 'candidates', params],
    queryFn: ({ signal }) => api.get<Page<DecisionCandidateDto>>('/decisions/candidates', { ...params, orgId: params.orgId ?? 0, q: params.q || undefined }, signal),
    enabled: params.orgId !== null,
    placeholderData: keepPreviousData,
  });
}

export function useDecision(id: number) {
  return useQuery({
    queryKey: decisionKeys.detail(id),
    queryFn: ({ signal }) => api.get<DecisionDto>(`/decisions/${id}`, undefined, signal),
  });
}

/** A change to a decision: the answer replaces the cached decision and the lists are refreshed. */
function useDecisionMutation<I>(fn: (input: I) => Promise<DecisionDto>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (d) => {
      queryClient.setQueryData(decisionKeys.detail(d.id), d);
      return queryClient.invalidateQueries({ queryKey: decisionKeys.all });
    },
  });
}

export const useCreateDecision = () => useDecisionMutation((input: Omit<CreateDecisionInput, 'rounding'> & { rounding?: CreateDecisionInput['rounding'] }) => api.post<DecisionDto>('/decisions', input));
export const useUpdateDecision = (id: number) => useDecisionMutation((input: UpdateDecisionInput) => api.patch<DecisionDto>(`/decisions/${id}`, input));

export interface SignInput {
  version: number;
  signedOn: string;
  signerName?: string;
  overBudgetConfirmed?: boolean;
  publish?: boolean;
}
export const useSignDecision = (id: number) => useDecisionMutation((input: SignInput) => api.post<DecisionDto>(`/decisions/${id}/sign`, input));
export const usePublishDecision = (id: number) => useDecisionMutation(() => api.post<DecisionDto>(`/decisions/${id}/publish`, {}));
export const useRevokeDecision = (id: number) => useDecisionMutation((input: RevokeDecisionInput) => api.post<DecisionDto>(`/decisions/${id}/revoke`, input));

/** A draft as if signed on a date: its money and the fund of that date's year (what signing will meet). */
export function useDecisionOn(id: number, signedOn: string | null) {
  return useQuery({
    queryKey: [...decisionKeys.detail(id), 'on', signedOn],
    queryFn: ({ signal }) => api.get<DecisionDto>(`/decisions/${id}`, { signedOn: signedOn ?? undefined }, signal),
    enabled: signedOn !== null,
    placeholderData: keepPreviousData,
  });
}

/** Money paid back on a revoked line: the fund pages are refreshed too. */
function useRecoveryMutation<I>(fn: (input: I) => Promise<DecisionDto>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (d) => {
      queryClient.setQueryData(decisionKeys.detail(d.id), d);
      return Promise.all([queryClient.invalidateQueries({ queryKey: decisionKeys.all }), queryClient.invalidateQueries({ queryKey: ['reward-funds'] })]);
    },
  });
}
export const useRecordRecovery = (id: number, itemId: number) =>
  useRecoveryMutation((input: RecordRecoveryInput) => api.post<DecisionDto>(`/decisions/${id}/items/${itemId}/recoveries`, input));
export const useRevokeRecovery = (id: number, itemId: number) =>
  useRecoveryMutation(({ recoveryId, reason }: { recoveryId: number; reason: string }) => api.post<DecisionDto>(`/decisions/${id}/items/${itemId}/recoveries/${recoveryId}/revoke`, { reason }));

/** What the scan button offers; the server checks the content (PDF, JPEG, PNG) and the size itself. */
export const SCAN_ACCEPT = '.pdf,.jpg,.jpeg,.png';

/** Attaches the signed scan (it supersedes the previous one); reports the upload's progress. */
export function useAttachScan(id: number) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState(0);
  const mutation = useMutation({
    mutationFn: (file: File) => {
      setProgress(0);
      const form = new FormData();
      form.append('file', file, file.name);
      return uploadWithProgress<DecisionDto>(`/decisions/${id}/scan`, form, {}, setProgress);
    },
    onSuccess: (d) => {
      queryClient.setQueryData(decisionKeys.detail(d.id), d);
      return queryClient.invalidateQueries({ queryKey: decisionKeys.all });
    },
  });
  return { ...mutation, progress };
}

export const scanUrl = (scanId: number) => downloadUrl(`/decision-scans/${scanId}/file`);
export const documentUrl = (id: number) => downloadUrl(`/decisions/${id}/document.docx`);
export const documentPdfUrl = (id: number) => downloadUrl(`/decisions/${id}/document.pdf`);
/** The certificates of one award, or of every award of the decision when none is named. */
export const certificatesUrl = (id: number, awardCode?: string) => downloadUrl(`/decisions/${id}/certificates.pdf`, { awardCode });

export type { FundDto } from '../../../../contracts/decisions';

export const fundKey = (orgId: number, year: number) => ['reward-funds', orgId, year] as const;

export function useFund(orgId: number | undefined, year: number) {
  return useQuery({
    queryKey: fundKey(orgId ?? 0, year),
    queryFn: ({ signal }) => api.get<FundDto>(`/reward-funds/${orgId ?? 0}/${year}`, undefined, signal),
    enabled: orgId !== undefined,
  });
}

export function useSetFundBudget(orgId: number, year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { amountVnd: number; note: string | null }) => api.put<FundDto>(`/reward-funds/${orgId}/${year}`, input),
    onSuccess: (f) => {
      queryClient.setQueryData(fundKey(orgId, year), f);
      // Drafts show the fund's balance after them.
      return queryClient.invalidateQueries({ queryKey: decisionKeys.all });
    },
  });
}

export const ledgerUrl = (orgId: number, year: number) => downloadUrl(`/reward-funds/${orgId}/${year}/ledger.xlsx`);

export const ratesKey = (orgId: number) => ['reward-rates', orgId] as const;
type RateList = { items: RewardRateDto[]; abilities: string[] };

/** The organisation's rates of awards without a State coefficient, today. */
export function useRewardRates(orgId: number) {
  return useQuery({ queryKey: ratesKey(orgId), queryFn: ({ signal }) => api.get<RateList>('/reward-rates', { orgId }, signal) });
}

export function useSetRewardRate(orgId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ awardCode, ...input }: SetRewardRateInput & { awardCode: string }) => api.put<RateList>(`/reward-rates/${orgId}/${awardCode}`, input),
    onSuccess: (list) => {
      queryClient.setQueryData(ratesKey(orgId), list);
      // Drafts show their money at today's rates; subtree organisations inherit.
      return Promise.all([queryClient.invalidateQueries({ queryKey: ['reward-rates'] }), queryClient.invalidateQueries({ queryKey: decisionKeys.all })]);
    },
  });
}
