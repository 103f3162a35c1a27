import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { MemberListQuery } from '../../../contracts/members';
import type { EducationLevel, UnionWorkCategory } from '../../../contracts/enums';

export type MemberRow = {
  id: number;
  member_code: string;
  full_name: string;
  gender: 'MALE' | 'FEMALE';
  birth_date: string | null;
  cccd: string | null;
  position: string | null;
  is_leader: boolean;
  is_direct_worker: boolean;
  phone: string | null;
  email: string | null;
  ethnicity: string | null;
  joined_union_on: string | null;
  service_start_date: string | null;
  education_level: EducationLevel | null;
  union_work_category: UnionWorkCategory | null;
  union_work_years_before: number | null;
  status: 'ACTIVE' | 'LEFT';
  org_id: number | null;
  org_path: string | null;
  org_name: string | null;
  org_code: string | null;
  version: number;
};

const COLUMNS = sql`p.id, p.member_code, p.full_name, p.gender, p.birth_date, p.cccd, p.position, p.is_leader, p.is_direct_worker,
  p.phone, p.email, p.ethnicity, p.joined_union_on, p.service_start_date, p.education_level, p.union_work_category,
  p.union_work_years_before::float8 as union_work_years_before, p.status, p.org_id, p.org_path, o.name as org_name, o.code as org_code, p.version`;

const SORTS: Record<MemberListQuery['sort'], SQL> = {
  name: sql`p.full_name collate "vi-x-icu", p.id`,
  '-name': sql`p.full_name collate "vi-x-icu" desc, p.id desc`,
  code: sql`p.member_code, p.id`,
  '-code': sql`p.member_code desc, p.id desc`,
  birthDate: sql`p.birth_date nulls last, p.id`,
  '-birthDate': sql`p.birth_date desc nulls last, p.id desc`,
  unit: sql`o.name collate "vi-x-icu", p.full_name collate "vi-x-icu", p.id`,
  '-unit': sql`o.name collate "vi-x-icu" desc, p.full_name collate "vi-x-icu", p.id`,
};

export interface MemberFilter extends Omit<MemberListQuery, 'page' | 'pageSize' | 'sort' | 'orgId'> {
  /** Subtree paths the list is limited to (the actor's scope, narrowed by the chosen unit). */
  paths: string[];
}

/** WHERE clause shared by the list, the count and the export, so they always agree. */
export function memberWhere(f: MemberFilter): SQL {
  const parts: SQL[] = [sql`(${sql.join(f.paths.map((p) => sql`p.org_path like ${p + '%'}`), sql` or `)})`];
  parts.push(sql`p.status = ${f.status}`);
  if (f.gender) parts.push(sql`p.gender = ${f.gender}`);
  if (f.isLeader !== undefined) parts.push(sql`p.is_leader = ${f.isLeader}`);
  if (f.isDirectWorker !== undefined) parts.push(sql`p.is_direct_worker = ${f.isDirectWorker}`);
  if (f.q) {
    const q = f.q.normalize('NFC');
    const digits = q.replace(/\s/g, '');
    const byCccd = /^\d{12}$/.test(digits) ? sql` or p.cccd = ${digits}` : sql``;
    parts.push(sql`(p.name_folded like '%' || vd_fold(${q}) || '%' or p.member_code ilike ${q + '%'}${byCccd})`);
  }
  return sql.join(parts, sql` and `);
}

/** Past this many members a list without a search reports "more than N" instead of counting every row. */
export const LIST_COUNT_CAP = 10_000;
/** A search sorts up to this many matches exactly by name; past it, it reports "more than N". */
export const SEARCH_SORT_CAP = 1_000;

/**
 * One page of members and the total. Without a search the page is read by walking the
 * Vietnamese-ordered name index and the count stops at LIST_COUNT_CAP. With a search, the
 * matches are counted first (up to SEARCH_SORT_CAP): that many are fetched and sorted exactly; beyond it
 * a name-ordered page would have to walk the name index past every non-matching name (a family
 * name such as "nguyen" matches a third of all members, but late in the alphabet), so the page is
 * ordered by unit, then name, through the unit-path index, and says so (`orderedByUnit`).
 */
export async function listMembers(db: DbOrTx, f: MemberFilter, sort: MemberListQuery['sort'], limit: number, offset: number) {
  if (f.paths.length === 0) return { rows: [] as MemberRow[], total: 0, totalCapped: false, orderedByUnit: false };
  const where = memberWhere(f);
  const countCapped = (cap: number) =>
    db.execute<{ n: number }>(sql`select count(*)::int as n from (select 1 from person p where ${where} limit ${cap + 1}) m`);
  const pageOf = (from: SQL, filter: SQL, order: SQL) =>
    db.execute<MemberRow>(sql`select ${COLUMNS} from ${from} left join organisation o on o.id = p.org_id
      where ${filter} order by ${order} limit ${limit} offset ${offset}`);
  if (!f.q) {
    const [rows, counted] = await Promise.all([pageOf(sql`person p`, where, SORTS[sort]), countCapped(LIST_COUNT_CAP)]);
    const n = Number(counted.rows[0]!.n);
    return { rows: rows.rows, total: Math.min(n, LIST_COUNT_CAP), totalCapped: n > LIST_COUNT_CAP, orderedByUnit: false };
  }
  const n = Number((await countCapped(SEARCH_SORT_CAP)).rows[0]!.n);
  const capped = n > SEARCH_SORT_CAP;
  const byUnit = capped && (sort === 'name' || sort === '-name');
  const rows = !capped
    ? // `offset 0` keeps the planner from pushing the sort into a name-index walk.
      await pageOf(sql`(select * from person p where ${where} offset 0) p`, sql`true`, SORTS[sort])
    : byUnit
      ? await pageOf(sql`person p`, where, sort === 'name' ? UNIT_THEN_NAME : UNIT_THEN_NAME_DESC)
      : await pageOf(sql`person p`, where, SORTS[sort]);
  return { rows: rows.rows, total: Math.min(n, SEARCH_SORT_CAP), totalCapped: capped, orderedByUnit: byUnit };
}

// `~<~` is the ordering of the text_pattern_ops index on org_path, so the walk uses that index.
const UNIT_THEN_NAME = sql`p.org_path using ~<~, p.full_name collate "vi-x-icu", p.id`;
const UNIT_THEN_NAME_DESC = sql`p.org_path using ~<~, p.full_name collate "vi-x-icu" desc, p.id desc`;

/** Streams the filtered list in keyset pages (for exports of any size). */
export async function* iterateMembers(db: DbOrTx, f: MemberFilter, batch = 5000): AsyncGenerator<MemberRow> {
  if (f.paths.length === 0) return;
  const where = memberWhere(f);
  let after: { name: string; id: number } | null = null;
  for (;;) {
    const cursor: SQL = after ? sql`and (p.full_name collate "vi-x-icu", p.id) > (${after.name} collate "vi-x-icu", ${after.id})` : sql``;
    const page = await db.execute<MemberRow>(sql`select ${COLUMNS} from person p left join organisation o on o.id = p.org_id
      where ${where} ${cursor} order by p.full_name collate "vi-x-icu", p.id limit ${batch}`);
    for (const r of page.rows) yield r;
    if (page.rows.length < batch) return;
    const last = page.rows[page.rows.length - 1]!;
    after = { name: last.full_name, id: Number(last.id) };
  }
}

export async function findMember(db: DbOrTx, id: number, forUpdate = false): Promise<MemberRow | null> {
  const r = await db.execute<MemberRow>(sql`select ${COLUMNS} from person p left join organisation o on o.id = p.org_id
    where p.id = ${id} ${forUpdate ? sql`for update of p` : sql``}`);
  return r.rows[0] ?? null;
}
