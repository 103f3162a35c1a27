import type { z } from 'zod';
import type { createOrgInput, OrgDetail } from '../../../../contracts/organisations';
import { api } from '../../../lib/api-client';
import { useOrgMutation } from './use-org-mutation';

export type CreateOrgInput = z.input<typeof createOrgInput>;

export function createOrg(input: CreateOrgInput): Promise<OrgDetail> {
  return api.post<OrgDetail>('/organisations', input);
}

export function useCreateOrg() {
  return useOrgMutation(createOrg);
}
