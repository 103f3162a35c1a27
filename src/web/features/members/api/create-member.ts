import type { z } from 'zod';
import type { createMemberInput, MemberDetail } from '../../../../contracts/members';
import { api } from '../../../lib/api-client';
import { useMemberMutation } from './use-member-mutation';

export type CreateMemberInput = z.input<typeof createMemberInput>;

export function createMember(input: CreateMemberInput): Promise<MemberDetail> {
  return api.post<MemberDetail>('/members', input);
}

export function useCreateMember() {
  return useMemberMutation(createMember);
}
