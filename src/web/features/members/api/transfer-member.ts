import type { z } from 'zod';
import type { MemberDetail, transferMemberInput } from '../../../../contracts/members';
import { api } from '../../../lib/api-client';
import { useMemberMutation } from './use-member-mutation';

export type TransferMemberInput = z.input<typeof transferMemberInput>;

export function transferMember({ id, ...input }: TransferMemberInput & { id: number }): Promise<MemberDetail> {
  return api.post<MemberDetail>(`/members/${id}/transfer`, input);
}

export function useTransferMember() {
  return useMemberMutation(transferMember);
}
