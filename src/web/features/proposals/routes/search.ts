import { z } from 'zod';
import { PROPOSAL_STATUSES } from '../../../../contracts/proposals';
import { searchEnum, searchId } from '../../../lib/search-params';

/** `/de-xuat-nguoi-tot?orgId=3&status=RECEIVED&page=2`. */
export const proposalSearchSchema = z.object({
  orgId: searchId,
  status: searchEnum(PROPOSAL_STATUSES),
  page: searchId,
});
export type ProposalSearch = z.output<typeof proposalSearchSchema>;
