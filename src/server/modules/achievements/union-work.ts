import { sql, type SQL } from 'drizzle-orm';

/**
 * Years of union work of person `personId` as of `asOf`, in SQL: the years recorded before Vinh
 * Danh (`person.union_work_years_before`) plus the union offices held, overlapping periods counted
 * once, open periods up to `asOf`; one decimal. The timeline and eligibility both use it.
 */
export function unionWorkYearsSql(personId: SQL, yearsBefore: SQL, asOf: SQL): SQL {
  return sql`round((coalesce(${yearsBefore}, 0) + coalesce((
      select sum(upper(x) - lower(x)) from unnest((
        select range_agg(daterange(f.valid_from, least(coalesce(f.valid_to, ${asOf}), ${asOf}), '[]'))
        from officer f where f.person_id = ${personId} and f.valid_from <= ${asOf})) as x), 0) / 365.25)::numeric, 1)::float8`;
}
