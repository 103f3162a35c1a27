import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { MemberListItem } from '../../../../contracts/members';
import { api, type Page } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { memberListParams } from '../routes/search';

export type MemberListParams = ReturnType<typeof memberListParams>;

/**
 * `totalCapped`: more than `total` members match; the server stopped counting there.
 * `orderedByUnit`: such a broad search is listed by unit, then name, instead of by name.
 */
export type MemberPage = Page<MemberListItem> & { totalCapped: boolean; orderedByUnit: boolean };

export function listMembers(params: MemberListParams, signal?: AbortSignal): Promise<MemberPage> {
  return api.get<MemberPage>('/members', params, signal);
}

export function membersQuery(params: MemberListParams) {
  return queryOptions({
    queryKey: queryKeys.members.list(params),
    queryFn: ({ signal }) => listMembers(params, signal),
    // Keep showing the current page while the next one loads: no flashing empty table.
    placeholderData: keepPreviousData,
  });
}

export function useMembers(params: MemberListParams) {
  return useQuery(membersQuery(params));
}
