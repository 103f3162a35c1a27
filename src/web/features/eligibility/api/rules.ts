import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { RulePackDto, setParameterBody } from '../../../../contracts/eligibility';
import { api } from '../../../lib/api-client';
import { eligibilityKeys } from './keys';

/** One administrator change of a rule parameter, as the history lists it. */
export interface ParameterChangeEntry {
  id: number;
  packId: string;
  key: string;
  value: unknown;
  effectiveFrom: string;
  reason: string;
  createdBy: number | null;
  createdAt: string;
}

export function useRules(date: string) {
  return useQuery({
    queryKey: eligibilityKeys.rules(date),
    queryFn: ({ signal }) => api.get<RulePackDto[]>('/eligibility/rules', { date }, signal),
  });
}

export const parameterChangesQuery = queryOptions({
  queryKey: eligibilityKeys.parameters,
  queryFn: ({ signal }) => api.get<ParameterChangeEntry[]>('/eligibility/parameters', undefined, signal),
  staleTime: 60 * 1000,
});

export function useParameterChanges() {
  return useQuery(parameterChangesQuery);
}

export type SetParameterInput = z.input<typeof setParameterBody>;

/** A change applies from its date on; every answer, rule listing and history is refreshed. */
export function useSetParameter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SetParameterInput) => api.post<{ ok: true }>('/eligibility/parameters', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: eligibilityKeys.all }),
  });
}
