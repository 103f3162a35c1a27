import type { z } from 'zod';
import type { mergeOrgInput, OrgDetail } from '../../../../contracts/organisations';
import { api } from '../../../lib/api-client';
import { useOrgMutation } from './use-org-mutation';

export type MergeOrgInput = z.input<typeof mergeOrgInput>;

export function mergeOrg({ id, ...input }: MergeOrgInput & { id: number }): Promise<OrgDetail> {
  return api.post<OrgDetail>(`/organisations/${id}/merge`, input);
}

export function useMergeOrg() {
  return useOrgMutation(mergeOrg);
}
