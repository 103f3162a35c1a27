import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateMovementInput, LaunchMovementInput, MovementDetailDto, MovementDto, MovementStepInput, UpdateMovementInput } from '../../../../contracts/movements';
import type { AwardItem } from '../../../../contracts/awards';
import { api, downloadUrl, type Page } from '../../../lib/api-client';
import type { movementListParams } from '../routes/search';

export type MovementListParams = ReturnType<typeof movementListParams>;

export const movementKeys = {
  all: ['movements'] as const,
  list: (filters: object) => ['movements', 'list', filters] as const,
  detail: (id: number) => ['movements', 'detail', id] as const,
};

export function useMovements(params: MovementListParams) {
  return useQuery({
    queryKey: movementKeys.list(params),
    queryFn: ({ signal }) => api.get<Page<MovementDto>>('/movements', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMovement(id: number) {
  return useQuery({
    queryKey: movementKeys.detail(id),
    queryFn: ({ signal }) => api.get<MovementDetailDto>(`/movements/${id}`, undefined, signal),
  });
}

export function movementSummaryUrl(id: number): string {
  return downloadUrl(`/movements/${id}/summary.docx`);
}

/** Awards in use, for choosing what the launching organisation offers. */
export function useActiveAwards() {
  return useQuery({
    queryKey: ['movements', 'awards'],
    queryFn: ({ signal }) => api.get<Page<AwardItem>>('/awards', { active: true, pageSize: 200 }, signal),
    staleTime: 5 * 60_000,
  });
}

function useMovementMutation<I>(fn: (input: I) => Promise<MovementDetailDto>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (m) => {
      queryClient.setQueryData(movementKeys.detail(m.id), m);
      return Promise.all([queryClient.invalidateQueries({ queryKey: ['movements', 'list'] }), queryClient.invalidateQueries({ queryKey: ['calendar'] })]);
    },
  });
}

export const useCreateMovement = () => useMovementMutation((body: CreateMovementInput) => api.post<MovementDetailDto>('/movements', body));

export const useUpdateMovement = () =>
  useMovementMutation(({ id, ...body }: UpdateMovementInput & { id: number }) => api.patch<MovementDetailDto>(`/movements/${id}`, body));

export const useLaunchMovement = () =>
  useMovementMutation(({ id, ...body }: LaunchMovementInput & { id: number }) => api.post<MovementDetailDto>(`/movements/${id}/launch`, body));

export const useStepMovement = () =>
  useMovementMutation(({ id, ...body }: MovementStepInput & { id: number }) => api.post<MovementDetailDto>(`/movements/${id}/steps`, body));
