import type { z } from 'zod';
import type { MemberDetail, updateMemberInput } from '../../../../contracts/members';
import { api } from '../../../lib/api-client';
import { useMemberMutation } from './use-member-mutation';

export type UpdateMemberInput = z.input<typeof updateMemberInput>;

export function updateMember({ id, ...input }: UpdateMemberInput & { id: number }): Promise<MemberDetail> {
  return api.patch<MemberDetail>(`/members/${id}`, input);
}

export function useUpdateMember() {
  return useMemberMutation(updateMember);
}
