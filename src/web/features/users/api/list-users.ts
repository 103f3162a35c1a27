import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { UserItem } from '../../../../contracts/users';
import { api, type Page } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export interface UserListParams {
  q: string | undefined;
  page: number;
  pageSize: number;
}

export function listUsers(params: UserListParams, signal?: AbortSignal): Promise<Page<UserItem>> {
  return api.get<Page<UserItem>>('/users', { ...params }, signal);
}

export function usersQuery(params: UserListParams) {
  return queryOptions({
    queryKey: queryKeys.users.list(params),
    queryFn: ({ signal }) => listUsers(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useUsers(params: UserListParams) {
  return useQuery(usersQuery(params));
}
