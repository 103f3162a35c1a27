import type { z } from 'zod';
import type { leaveMemberInput, MemberDetail } from '../../../../contracts/members';
import { api } from '../../../lib/api-client';
import { useMemberMutation } from './use-member-mutation';

export type LeaveMemberInput = z.input<typeof leaveMemberInput>;

export function leaveMember({ id, ...input }: LeaveMemberInput & { id: number }): Promise<MemberDetail> {
  return api.post<MemberDetail>(`/members/${id}/leave`, input);
}

export function useLeaveMember() {
  return useMemberMutation(leaveMember);
}
