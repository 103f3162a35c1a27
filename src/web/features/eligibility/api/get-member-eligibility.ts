import { queryOptions, useQuery } from '@tanstack/react-query';
import type { EvaluationResult, PersonFacts } from '../../../../contracts/eligibility';
import { api } from '../../../lib/api-client';
import { eligibilityKeys } from './keys';

/** The answer from the member's stored records, explained. */
export function memberEligibilityQuery(id: number, target: string, year: number) {
  return queryOptions({
    queryKey: eligibilityKeys.member(id, target, year),
    queryFn: ({ signal }) => api.get<EvaluationResult>(`/eligibility/members/${id}`, { target, year }, signal),
  });
}

export function useMemberEligibility(id: number, target: string, year: number) {
  return useQuery(memberEligibilityQuery(id, target, year));
}

/** The member's records as the engine reads them; drafts are evaluated against these in the browser. */
export function useMemberFacts(id: number, year: number) {
  return useQuery({
    queryKey: eligibilityKeys.facts(id, year),
    queryFn: ({ signal }) => api.get<PersonFacts>(`/eligibility/members/${id}/facts`, { year }, signal),
  });
}
