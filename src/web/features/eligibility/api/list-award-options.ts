import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AwardItem } from '../../../../contracts/awards';
import { api, type Page } from '../../../lib/api-client';
import { eligibilityKeys } from './keys';

/** The whole catalogue (about thirty entries), inactive ones included: the engine needs them all. */
export const awardOptionsQuery = queryOptions({
  queryKey: eligibilityKeys.awardOptions,
  queryFn: ({ signal }) => api.get<Page<AwardItem>>('/awards', { pageSize: 200 }, signal).then((page) => page.items),
  staleTime: 5 * 60 * 1000,
});

export function useAwardOptions() {
  return useQuery(awardOptionsQuery);
}
