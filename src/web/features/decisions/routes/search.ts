import { z } from 'zod';
import { DECISION_STATUSES } from '../../../../contracts/decisions';
import { searchEnum, searchId } from '../../../lib/search-params';

/** `/quyet-dinh?orgId=3&status=SIGNED&page=2&meetingId=9` (meetingId opens the "Lập quyết định" dialog on that meeting). */
export const decisionSearchSchema = z.object({
  orgId: searchId,
  status: searchEnum(DECISION_STATUSES),
  page: searchId,
  meetingId: searchId,
});
export type DecisionSearch = z.output<typeof decisionSearchSchema>;

/** `/quy-thi-dua?orgId=3&year=2026` (the year defaults to the current one). */
export const fundSearchSchema = z.object({
  orgId: searchId,
  year: searchId,
});
export type FundSearch = z.output<typeof fundSearchSchema>;
