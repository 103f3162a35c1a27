import { z } from 'zod';
import { AWARD_CATEGORIES, AWARD_KINDS, AWARD_LEVELS, AWARD_SUBJECTS } from '../../../../contracts/enums';
import { LIMITS } from '../../../../contracts/limits';
import { searchBool, searchEnum, searchId, searchText } from '../../../lib/search-params';

/** `/danh-muc-khen-thuong?category=TITLE&subject=INDIVIDUAL&active=true&q=lao dong`. */
export const awardSearchSchema = z.object({
  q: searchText(100),
  category: searchEnum(AWARD_CATEGORIES),
  subject: searchEnum(AWARD_SUBJECTS),
  kind: searchEnum(AWARD_KINDS),
  level: searchEnum(AWARD_LEVELS),
  active: searchBool,
  page: searchId,
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).optional().catch(undefined),
});
export type AwardSearch = z.output<typeof awardSearchSchema>;

export function awardListParams(search: AwardSearch) {
  return {
    q: search.q,
    category: search.category,
    subject: search.subject,
    kind: search.kind,
    level: search.level,
    active: search.active,
    page: search.page ?? 1,
    pageSize: search.pageSize ?? 50,
  };
}

export function hasAwardFilters(search: AwardSearch): boolean {
  return [search.q, search.category, search.subject, search.kind, search.level, search.active].some((v) => v !== undefined);
}
