// Award records for a benchmark district, set-based: `people` members spread over the units (two in
// five women, one in nine a leader, one in three a direct worker), an individual award in most years
// (none when (person + year) % 4 = 0, so streaks of every length occur; a tenth revoked) and each
// unit's collective award every year. One statement per year: the award_record triggers (rollups)
// lock per row, and one statement for every year overflows the embedded server's lock table.
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client';

export interface DistrictAwardsOptions {
  units: { id: number; path: string }[];
  people: number;
  fromYear: number;
  toYear: number;
  /** Member codes are the prefix and an 8-digit number (1 … people); the awards select the members by it. */
  codePrefix: string;
  /** Also "Đoàn viên công đoàn xuất sắc" when (person + year) % 11 = 0 (default true; the dashboard benchmarks ran without it). */
  excellentMembers?: boolean;
  /** Each individual award carries a decision number and date (20 December of its year), as the drill-down lists show them. */
  decisions?: boolean;
  /** The records of year y made (toYear − y + 1) days ago and the revoked ones revoked an hour ago, so that a moment in the past sees only the older years. */
  backdated?: boolean;
}

function individualColumns(o: DistrictAwardsOptions, y: number) {
  const code = o.excellentMembers === false
    ? sql`case when (p.id + ${y}) % 7 = 0 then 'CSTD_CS' else 'LDTT' end`
    : sql`case when (p.id + ${y}) % 7 = 0 then 'CSTD_CS' when (p.id + ${y}) % 11 = 0 then 'DVCD_XS' else 'LDTT' end`;
  return {
    code,
    createdAt: o.backdated ? sql`now() - make_interval(days => ${o.toYear - y + 1})` : sql`now()`,
    revokedAt: o.backdated ? sql`now() - interval '1 hour'` : sql`now()`,
    decisionNumber: o.decisions ? sql`(p.id % 400) || '/QĐ-LĐLĐ'` : sql`null`,
    decisionDate: o.decisions ? sql`make_date(${y}, 12, 20)` : sql`null::date`,
  };
}

/** Fills the district and returns the number of award records in the database. */
export async function fillDistrictAwards(db: Db, o: DistrictAwardsOptions): Promise<number> {
  const unitIds = o.units.map((u) => u.id);
  const unitPaths = o.units.map((u) => u.path);
  const n = o.units.length;
  await db.execute(sql`
    insert into person (member_code, full_name, gender, is_leader, is_direct_worker, status, org_id, org_path)
    select ${o.codePrefix} || lpad(g::text, 8, '0'), 'Đoàn viên ' || g, case when g % 5 < 2 then 'FEMALE' else 'MALE' end, g % 9 = 0, g % 3 = 0, 'ACTIVE',
           (${sql.param(unitIds)}::bigint[])[1 + g % ${n}], (${sql.param(unitPaths)}::text[])[1 + g % ${n}]
    from generate_series(1, ${o.people}) g`);
  for (let y = o.fromYear; y <= o.toYear; y++) {
    const c = individualColumns(o, y);
    await db.execute(sql`
      insert into award_record (person_id, scope_path, award_code, year, status, revoked_at, revoked_reason, decision_number, decision_date, created_at)
      select p.id, p.org_path, ${c.code}, ${y}::int,
             case when (p.id * 7 + ${y}) % 10 = 0 then 'REVOKED' else 'ACTIVE' end,
             case when (p.id * 7 + ${y}) % 10 = 0 then ${c.revokedAt} end, case when (p.id * 7 + ${y}) % 10 = 0 then 'Thu hồi (dữ liệu thử)' end,
             ${c.decisionNumber}, ${c.decisionDate}, ${c.createdAt}
      from person p where p.member_code like ${o.codePrefix + '%'} and (p.id + ${y}) % 4 <> 0`);
  }
  await db.execute(sql`
    insert into award_record (org_id, scope_path, award_code, year)
    select o.id, o.path, case when y % 2 = 0 then 'TTLDTT' else 'CDCS_HTXSNV' end, y
    from organisation o cross join generate_series(${o.fromYear}::int, ${o.toYear}::int) y where o.id = any(${sql.param(unitIds)}::bigint[])`);
  await db.execute(sql`analyze award_record`);
  await db.execute(sql`analyze person`);
  return Number((await db.execute<{ n: string }>(sql`select count(*) as n from award_record`)).rows[0]!.n);
}
