import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { BaseSalaryItem, createBaseSalaryInput, supersedeBaseSalaryInput } from '../../../../contracts/awards';
import { api } from '../../../lib/api-client';
import { awardKeys } from './keys';

interface BaseSalaryList {
  items: BaseSalaryItem[];
}

export function useBaseSalaries() {
  return useQuery({
    queryKey: awardKeys.baseSalaries,
    queryFn: ({ signal }) => api.get<BaseSalaryList>('/base-salaries', undefined, signal).then((r) => r.items),
  });
}

export type CreateBaseSalaryInput = z.input<typeof createBaseSalaryInput>;
export type SupersedeBaseSalaryInput = z.input<typeof supersedeBaseSalaryInput>;

/** The money column of the catalogue follows the base salary, so both are refreshed. */
function useBaseSalaryMutation<TInput>(mutationFn: (input: TInput) => Promise<BaseSalaryList>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (data) => {
      queryClient.setQueryData(awardKeys.baseSalaries, data.items);
      return queryClient.invalidateQueries({ queryKey: awardKeys.all });
    },
  });
}

export function useAddBaseSalary() {
  return useBaseSalaryMutation((input: CreateBaseSalaryInput) => api.post<BaseSalaryList>('/base-salaries', input));
}

export function useSupersedeBaseSalary() {
  return useBaseSalaryMutation(({ id, ...input }: SupersedeBaseSalaryInput & { id: number }) => api.post<BaseSalaryList>(`/base-salaries/${id}/supersede`, input));
}
