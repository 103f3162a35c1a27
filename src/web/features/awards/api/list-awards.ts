import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AwardItem } from '../../../../contracts/awards';
import { api, type Page } from '../../../lib/api-client';
import type { awardListParams } from '../routes/search';
import { awardKeys } from './keys';

export type AwardListParams = ReturnType<typeof awardListParams>;

export function useAwards(params: AwardListParams) {
  return useQuery({
    queryKey: awardKeys.list(params),
    queryFn: ({ signal }) => api.get<Page<AwardItem>>('/awards', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}
