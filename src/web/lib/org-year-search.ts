import { z } from 'zod';
import { currentYear } from './format';
import { searchId } from './search-params';
import { useMe } from './session';

/** Optional year in the URL (`?year=2025`); anything outside 2000–2100 is dropped. */
export const searchYear = z.coerce.number().int().min(2000).max(2100).optional().catch(undefined);

/**
 * The `?orgId=3&year=2025` pair of pages that show one unit for one year; spread it into the route's
 * schema so every such page reads the same parameters the same way.
 */
export const orgYearSearch = { orgId: searchId, year: searchYear };

export interface OrgYearSearch {
  orgId?: number;
  year?: number;
}

/** The unit and year the page shows: the URL's, else the reader's top unit and the current year in Vietnam. */
export function useOrgYear(search: OrgYearSearch): { orgId: number | undefined; year: number } {
  const me = useMe();
  return { orgId: search.orgId ?? me.scopeRoots[0]?.id, year: search.year ?? currentYear() };
}
