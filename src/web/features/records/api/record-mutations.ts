import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateRecordInput, RecordDto, SupersedeRecordInput } from '../../../../contracts/achievements';
import type { RecordKind } from '../../../../contracts/enums';
import { api } from '../../../lib/api-client';
import { ELIGIBILITY_PREFIX, recordKeys, type RecordSubjectRef } from './keys';

function useRecordMutation<TInput>(mutationFn: (input: TInput) => Promise<RecordDto>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: recordKeys.all }), queryClient.invalidateQueries({ queryKey: ELIGIBILITY_PREFIX })]),
  });
}

export function useCreateRecord(subject: RecordSubjectRef) {
  const base = subject.type === 'PERSON' ? `/members/${subject.id}` : `/organisations/${subject.id}`;
  return useRecordMutation((input: CreateRecordInput) => api.post<RecordDto>(`${base}/records`, input));
}

export function useSupersedeRecord() {
  return useRecordMutation(({ id, ...input }: SupersedeRecordInput & { id: number }) => api.post<RecordDto>(`/records/${input.kind}/${id}/supersede`, input));
}

export function useRevokeRecord() {
  return useRecordMutation(({ kind, id, reason }: { kind: RecordKind; id: number; reason: string }) => api.post<RecordDto>(`/records/${kind}/${id}/revoke`, { reason }));
}

export function useClosePendingCase() {
  return useRecordMutation(({ id, closedOn, reason }: { id: number; closedOn: string; reason: string }) => api.post<RecordDto>(`/records/PENDING_CASE/${id}/close`, { closedOn, reason }));
}
