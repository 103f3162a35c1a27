import { useQuery } from '@tanstack/react-query';
import type { AwardItem } from '../../../../contracts/awards';
import { api, type Page } from '../../../lib/api-client';
import { recordKeys } from './keys';

/** The whole catalogue (about thirty entries) for the award and registration pickers. */
export function useAwardOptions() {
  return useQuery({
    queryKey: recordKeys.awardOptions,
    queryFn: ({ signal }) => api.get<Page<AwardItem>>('/awards', { pageSize: 200 }, signal).then((page) => page.items),
    staleTime: 5 * 60 * 1000,
  });
}
