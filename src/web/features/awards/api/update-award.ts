import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AwardItem, updateAwardInput } from '../../../../contracts/awards';
import { api } from '../../../lib/api-client';
import { awardKeys, ELIGIBILITY_PREFIX } from './keys';

export type UpdateAwardInput = z.input<typeof updateAwardInput>;

export function updateAward({ code, ...input }: UpdateAwardInput & { code: string }): Promise<AwardItem> {
  return api.patch<AwardItem>(`/awards/${encodeURIComponent(code)}`, input);
}

export function useUpdateAward() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAward,
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: awardKeys.all }), queryClient.invalidateQueries({ queryKey: ELIGIBILITY_PREFIX })]),
  });
}
