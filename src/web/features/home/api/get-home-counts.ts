import { useQuery } from '@tanstack/react-query';
import type { MemberListItem } from '../../../../contracts/members';
import type { OrgSummary } from '../../../../contracts/organisations';
import { api, type Page } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** Active members in the user's scope: the total of a one-row page of the member list (capped by the server). */
export function useMemberCount() {
  return useQuery({
    queryKey: queryKeys.members.count,
    queryFn: ({ signal }) => api.get<Page<MemberListItem> & { totalCapped: boolean }>('/members', { pageSize: 1, status: 'ACTIVE' }, signal),
    select: (page) => ({ total: page.total, capped: page.totalCapped }),
  });
}

/** Units in the user's scope: the total of a one-row page of the unit search. */
export function useUnitCount() {
  return useQuery({
    queryKey: queryKeys.organisations.count,
    queryFn: ({ signal }) => api.get<Page<OrgSummary>>('/organisations', { pageSize: 1 }, signal),
    select: (page) => page.total,
  });
}
