import { z } from 'zod';
import { COUNCIL_STATUSES, ITEM_STATUSES } from '../../../../contracts/councils';
import { searchEnum, searchId } from '../../../lib/search-params';

/** `/hoi-dong?orgId=3&status=ACTIVE&page=2`. */
export const councilSearchSchema = z.object({
  orgId: searchId,
  status: searchEnum(COUNCIL_STATUSES),
  page: searchId,
});
export type CouncilSearch = z.output<typeof councilSearchSchema>;

/** `/hoi-dong/4?tab=rules&page=2` (page of the meetings). */
export const councilPageSearchSchema = z.object({
  tab: z.enum(['members', 'rules', 'meetings']).optional().catch(undefined),
  page: searchId,
});
export type CouncilPageSearch = z.output<typeof councilPageSearchSchema>;

/** `/hoi-dong/hop/9?status=VOTING&page=3` (items of the agenda). */
export const meetingPageSearchSchema = z.object({
  status: searchEnum(ITEM_STATUSES),
  page: searchId,
});
export type MeetingPageSearch = z.output<typeof meetingPageSearchSchema>;

/** `/bo-phieu?page=2` and `/bo-phieu/9?page=2`. */
export const ballotSearchSchema = z.object({ page: searchId });
export type BallotSearch = z.output<typeof ballotSearchSchema>;
