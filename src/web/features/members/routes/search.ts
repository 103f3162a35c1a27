import { z } from 'zod';
import { GENDERS, MEMBER_STATUSES } from '../../../../contracts/enums';
import { LIMITS } from '../../../../contracts/limits';
import { searchBool, searchEnum, searchId, searchText } from '../../../lib/search-params';

export const MEMBER_SORTS = ['name', '-name', 'code', '-code', 'birthDate', '-birthDate', 'unit', '-unit'] as const;
export const PAGE_SIZES = [25, 50, 100, 200] as const;

/** Filters of the member list, as they appear in the URL (`/doan-vien?orgId=12&q=lan&page=2`). */
export const memberSearchSchema = z.object({
  orgId: searchId,
  q: searchText(100),
  gender: searchEnum(GENDERS),
  isLeader: searchBool,
  isDirectWorker: searchBool,
  status: searchEnum(MEMBER_STATUSES),
  sort: searchEnum(MEMBER_SORTS),
  page: searchId,
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).optional().catch(undefined),
});
export type MemberSearch = z.output<typeof memberSearchSchema>;

/** The API query for a set of URL filters; defaults are the server's (active members, by name). */
export function memberListParams(search: MemberSearch) {
  return {
    orgId: search.orgId,
    q: search.q,
    gender: search.gender,
    isLeader: search.isLeader,
    isDirectWorker: search.isDirectWorker,
    status: search.status ?? 'ACTIVE',
    sort: search.sort ?? 'name',
    page: search.page ?? 1,
    pageSize: search.pageSize ?? LIMITS.pageSizeDefault,
  };
}

/** The export must contain exactly what is filtered — every filter and the sort, but not the page. */
export function memberExportParams(search: MemberSearch) {
  const { page: _page, pageSize: _pageSize, ...filters } = memberListParams(search);
  return filters;
}

/** Whether anything narrows the list beyond the defaults (to offer "clear filters"). */
export function hasMemberFilters(search: MemberSearch): boolean {
  return [search.orgId, search.q, search.gender, search.isLeader, search.isDirectWorker, search.status].some((v) => v !== undefined);
}
