import type { z } from 'zod';
import type { moveOrgInput, OrgDetail } from '../../../../contracts/organisations';
import { api } from '../../../lib/api-client';
import { useOrgMutation } from './use-org-mutation';

export type MoveOrgInput = z.input<typeof moveOrgInput>;

export function moveOrg({ id, ...input }: MoveOrgInput & { id: number }): Promise<OrgDetail> {
  return api.post<OrgDetail>(`/organisations/${id}/move`, input);
}

export function useMoveOrg() {
  return useOrgMutation(moveOrg);
}
