import { z } from 'zod';
import { LIMITS } from '../../../../contracts/limits';
import { ELIGIBILITY_STATUSES } from '../../../../contracts/enums';
import { NOMINATION_ROUND_STATUSES, NOMINATION_STATUSES } from '../../../../contracts/nominations';
import { searchBool, searchEnum, searchId, searchText } from '../../../lib/search-params';

const pageSize = z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).optional().catch(undefined);

/** `/de-nghi?year=2026&status=OPEN&page=2`. */
export const nominationRoundSearchSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  status: searchEnum(NOMINATION_ROUND_STATUSES),
  page: searchId,
  pageSize,
});
export type NominationRoundSearch = z.output<typeof nominationRoundSearchSchema>;

/** `/de-nghi/12?tab=submissions&status=DRAFT&eligibility=NOT_ELIGIBLE&award=LDTT&q=an&page=2`. */
export const nominationRoundPageSearchSchema = z.object({
  tab: z.enum(['nominations', 'submissions']).optional().catch(undefined),
  status: searchEnum(NOMINATION_STATUSES),
  eligibility: searchEnum(ELIGIBILITY_STATUSES),
  award: searchText(LIMITS.codeMax),
  q: searchText(100),
  page: searchId,
});
export type NominationRoundPageSearch = z.output<typeof nominationRoundPageSearchSchema>;

/** `/tham-dinh?overdue=true&page=2`. */
export const appraisalSearchSchema = z.object({
  overdue: searchBool,
  page: searchId,
  pageSize,
});
export type AppraisalSearch = z.output<typeof appraisalSearchSchema>;
