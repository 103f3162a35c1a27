import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { MemberListItem } from '../../../../contracts/members';
import { api, type Page } from '../../../lib/api-client';

/** Active members matching `q` (diacritic-insensitive on the server), for choosing whom to propose. */
export function usePersonSearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['members', 'pick', q],
    queryFn: ({ signal }) => api.get<Page<MemberListItem>>('/members', { q, status: 'ACTIVE', page: 1, pageSize: 20 }, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}
