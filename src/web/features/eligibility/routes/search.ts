import { z } from 'zod';
import { ELIGIBILITY_STATUSES } from '../../../../contracts/enums';
import { LIMITS } from '../../../../contracts/limits';
import { searchEnum, searchId, searchIsoDate, searchText } from '../../../lib/search-params';
import { currentYear } from '../../../lib/format';

const searchYear = z.coerce.number().int().min(1945).max(2100).optional().catch(undefined);
const searchCode = z
  .preprocess((value) => (typeof value === 'string' ? value.trim().toUpperCase() || undefined : undefined), z.string().regex(/^[A-Z0-9_]{1,40}$/).optional())
  .catch(undefined);

/** The award looked at when none is chosen: the title every unit considers each year. */
export const DEFAULT_TARGET = 'LDTT';
export const DEFAULT_MEMBER_TARGET = 'CSTD_CS';

/** The year whose achievements are being considered: this year (evaluation happens at year end). */
export function defaultYear(now: Date = new Date()): number {
  return currentYear(now);
}

/** `/xet-dieu-kien?orgId=12&target=CSTD_CS&year=2024&status=ELIGIBLE&q=lan&page=2`. */
export const eligibilitySearchSchema = z.object({
  orgId: searchId,
  target: searchCode,
  year: searchYear,
  status: searchEnum(ELIGIBILITY_STATUSES),
  q: searchText(100),
  page: searchId,
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).optional().catch(undefined),
});
export type EligibilitySearch = z.output<typeof eligibilitySearchSchema>;

/** `/doan-vien/12/xet-dieu-kien?target=CSTD_CS&year=2024`. */
export const memberEligibilitySearchSchema = z.object({ target: searchCode, year: searchYear });
export type MemberEligibilitySearch = z.output<typeof memberEligibilitySearchSchema>;

/** `/quy-tac-xet?date=2025-07-01&target=CSTD_CS`: the packs in force on that date, the rules of one award. */
export const rulesSearchSchema = z.object({ date: searchIsoDate, target: searchCode });
export type RulesSearch = z.output<typeof rulesSearchSchema>;
