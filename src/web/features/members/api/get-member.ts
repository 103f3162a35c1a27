import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MemberDetail } from '../../../../contracts/members';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function getMember(id: number, signal?: AbortSignal): Promise<MemberDetail> {
  return api.get<MemberDetail>(`/members/${id}`, undefined, signal);
}

export function memberQuery(id: number) {
  return queryOptions({ queryKey: queryKeys.members.detail(id), queryFn: ({ signal }) => getMember(id, signal) });
}

export function useMember(id: number) {
  return useQuery(memberQuery(id));
}
