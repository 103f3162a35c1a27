import { createContext, useContext } from 'react';
import { queryOptions } from '@tanstack/react-query';
import type { Me } from '../../contracts/auth';
import { api, ApiError, setCsrfToken } from './api-client';
import { queryKeys } from './query-keys';

/** The signed-in user, or `null` when the session cookie is missing or expired. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const meQueryOptions = queryOptions({
  queryKey: queryKeys.me,
  queryFn: fetchMe,
  staleTime: Infinity,
  retry: false,
});

const MeContext = createContext<Me | null>(null);
export const MeProvider = MeContext.Provider;

/** The signed-in user inside the authenticated layout (which only renders once `me` is known). */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe() used outside the authenticated layout');
  return me;
}

export function hasAbility(holder: { abilities: readonly string[] } | null | undefined, ability: string): boolean {
  return holder?.abilities.includes(ability) ?? false;
}
