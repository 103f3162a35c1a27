import type { z } from 'zod';
import type { endOrgInput, OrgDetail } from '../../../../contracts/organisations';
import { api } from '../../../lib/api-client';
import { useOrgMutation } from './use-org-mutation';

export type EndOrgInput = z.input<typeof endOrgInput>;

export function endOrg({ id, ...input }: EndOrgInput & { id: number }): Promise<OrgDetail> {
  return api.post<OrgDetail>(`/organisations/${id}/end`, input);
}

export function useEndOrg() {
  return useOrgMutation(endOrg);
}
