import type { z } from 'zod';
import type { renameOrgInput, OrgDetail } from '../../../../contracts/organisations';
import { api } from '../../../lib/api-client';
import { useOrgMutation } from './use-org-mutation';

export type RenameOrgInput = z.input<typeof renameOrgInput>;

export function renameOrg({ id, ...input }: RenameOrgInput & { id: number }): Promise<OrgDetail> {
  return api.post<OrgDetail>(`/organisations/${id}/rename`, input);
}

export function useRenameOrg() {
  return useOrgMutation(renameOrg);
}
