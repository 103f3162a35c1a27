import { z } from 'zod';
import { LIMITS } from '../../../../contracts/limits';
import { ROUND_STATUSES, SHEET_STATUSES, TEMPLATE_STATUSES } from '../../../../contracts/scoring';
import { searchEnum, searchId } from '../../../lib/search-params';

/** `/cham-diem?orgId=2&year=2024&status=OPEN&page=2`. */
export const roundSearchSchema = z.object({
  orgId: searchId,
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  status: searchEnum(ROUND_STATUSES),
  page: searchId,
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).optional().catch(undefined),
});
export type RoundSearch = z.output<typeof roundSearchSchema>;

/** `/cham-diem/12?tab=results&status=SUBMITTED&clusterId=3&page=2`. */
export const roundPageSearchSchema = z.object({
  tab: z.enum(['sheets', 'results']).optional().catch(undefined),
  status: searchEnum(SHEET_STATUSES),
  clusterId: searchId,
  page: searchId,
});
export type RoundPageSearch = z.output<typeof roundPageSearchSchema>;

/** `/mau-cham-diem?status=PUBLISHED&page=2`. */
export const templateSearchSchema = z.object({
  status: searchEnum(TEMPLATE_STATUSES),
  page: searchId,
});
export type TemplateSearch = z.output<typeof templateSearchSchema>;
