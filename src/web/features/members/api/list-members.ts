import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { MemberListItem } from '../../../../contracts/members';
import { api, type Page } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { memberListParams } from '../routes/search';

export type MemberListParams = ReturnType<typeof memberListParams>;

/** `totalCapped`: a search matched more than `total` members; the server stopped counting there. */
export type MemberPage = Page<MemberListItem> & { totalCapped: boolean };

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
