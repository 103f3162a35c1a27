import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api-client';

/** Retrying cannot fix a refusal (4xx); it can fix a dropped connection or a restarting server. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 15_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
