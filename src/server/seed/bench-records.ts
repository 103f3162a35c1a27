// Award history for benchmark data: for every active member, `years` years of ratings, the titles
// those ratings earn (LĐTT, CSTĐCS), initiatives, and a few disciplines and pending cases. Pure SQL
// over generate_series: deterministic for a seed, set-based, no row passes through Node.
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';

export interface BenchRecordsOptions {
  /** Last year generated; history covers `years` years ending there. */
  lastYear: number;
  years: number;
  /** Awards are decided for years up to this one (default lastYear); later years are still open. */
  awardsThroughYear?: number;
  seed?: number;
  log?: (message: string) => void;
}

export interface BenchRecordsResult {
  ratings: number;
  awards: number;
  initiatives: number;
  disciplines: number;
  pendingCases: number;
  seconds: number;
}

export async function generateBenchRecords(db: Db, opts: BenchRecordsOptions): Promise<BenchRecordsResult> {
  return db.transaction((tx) => insertSyntheticRecords(tx, opts));
}

/** The same history inside the caller's transaction (the demo data uses it too). */
export async function insertSyntheticRecords(tx: Tx, opts: BenchRecordsOptions): Promise<BenchRecordsResult> {
  const t0 = performance.now();
  const seed = (opts.seed ?? 1) * 1000 + 500;
  const first = opts.lastYear - opts.years + 1;
  const log = opts.log ?? (() => {});
  // u(k): the k-th independent uniform value of a (person, year) pair.
  const u = (k: number) => sql.raw(`((hashint8extended(p.id * 10000 + g.y, ${seed + k}) & 2147483647)::float8 / 2147483648.0)`);
  const up = (k: number) => sql.raw(`((hashint8extended(p.id, ${seed + k}) & 2147483647)::float8 / 2147483648.0)`);
  {
    await tx.execute(sql`set local work_mem = '256MB'`);
    await tx.execute(sql`set local synchronous_commit = off`);
    await tx.execute(sql`
      update person p set service_start_date = (date '2000-01-01' + (${up(1)} * 9000)::int),
                          education_level = case when ${up(2)} < 0.3 then 'UNIVERSITY_OR_ABOVE' else 'COLLEGE_OR_BELOW' end
      where p.status = 'ACTIVE'`);
    // HTXSNV for about 18 % of person-years (state bodies cap it near 20 %), likelier for some people
    // every year; HTTNV for most, a few HTNV and KHTNV.
    const ratings = await tx.execute(sql`
      insert into performance_rating (person_id, scope_path, year, rating, source)
      select p.id, p.org_path, g.y,
             case when ${u(3)} < 0.06 + 0.24 * ${up(4)} then 'HTXSNV' when ${u(3)} < 0.88 then 'HTTNV' when ${u(3)} < 0.97 then 'HTNV' else 'KHTNV' end,
             'IMPORT'
      from person p cross join generate_series(${first}::int, ${opts.lastYear}::int) as g(y)
      where p.status = 'ACTIVE'`);
    log(`ratings: ${ratings.rowCount}`);
    // LĐTT for HTTNV or better; CSTĐCS for 60 % of HTXSNV years; decisions dated in January after.
    const awards = await tx.execute(sql`
      insert into award_record (person_id, scope_path, award_code, year, decision_number, decision_date, issuer_name, source)
      select r.person_id, r.scope_path, a.code, r.year, (r.year % 100) || '/QĐ-CĐCS', make_date(r.year + 1, 1, 15), 'BCH CĐCS', 'IMPORT'
      from performance_rating r
      cross join lateral (
        select 'LDTT' as code where r.rating in ('HTXSNV', 'HTTNV')
        union all
        select 'CSTD_CS' where r.rating = 'HTXSNV' and (hashint8extended(r.person_id * 10000 + r.year, ${seed + 5}) & 1023) < 614
      ) a
      where r.year <= ${opts.awardsThroughYear ?? opts.lastYear}`);
    log(`awards: ${awards.rowCount}`);
    const initiatives = await tx.execute(sql`
      insert into initiative (person_id, scope_path, title, recognised_by, recognised_on, scope, applied, benefit_value_vnd, source)
      select p.id, p.org_path, 'Sáng kiến ' || p.id || '-' || g.y, 'Hội đồng sáng kiến cơ sở', make_date(g.y, 11, 20),
             case when ${u(6)} < 0.85 then 'GRASSROOTS' when ${u(6)} < 0.98 then 'MINISTRY_PROVINCE' else 'NATIONAL' end,
             true, (${u(7)} * 150000000)::bigint, 'IMPORT'
      from person p cross join generate_series(${first}::int, ${opts.lastYear}::int) as g(y)
      where p.status = 'ACTIVE' and ${u(8)} < 0.12`);
    log(`initiatives: ${initiatives.rowCount}`);
    const disciplines = await tx.execute(sql`
      insert into discipline (person_id, scope_path, level, valid_from, valid_to, decision_number, source)
      select p.id, p.org_path, case when ${up(9)} < 0.7 then 'KHIEN_TRACH' else 'CANH_CAO' end,
             make_date(${first}::int + (${up(10)} * ${opts.years})::int, 3, 1), make_date(${first}::int + (${up(10)} * ${opts.years})::int + 1, 2, 28),
             'KL-' || p.id, 'IMPORT'
      from person p where p.status = 'ACTIVE' and ${up(11)} < 0.01`);
    const pending = await tx.execute(sql`
      insert into pending_case (person_id, scope_path, kind, opened_on, summary, source)
      select p.id, p.org_path, 'COMPLAINT', make_date(${opts.lastYear}::int, 10, 1), 'Đơn khiếu nại đang giải quyết', 'IMPORT'
      from person p where p.status = 'ACTIVE' and ${up(12)} < 0.005`);
    // Grassroots unions are rated too (the basis of collective titles).
    await tx.execute(sql`
      insert into performance_rating (org_id, scope_path, year, rating, source)
      select o.id, o.path, g.y,
             case when (hashint8extended(o.id * 10000 + g.y, ${seed + 13}) & 1023) < 300 then 'HTXSNV'
                  when (hashint8extended(o.id * 10000 + g.y, ${seed + 13}) & 1023) < 900 then 'HTTNV' else 'HTNV' end,
             'IMPORT'
      from organisation o cross join generate_series(${first}::int, ${opts.lastYear}::int) as g(y)
      where o.kind in ('CDCS', 'NGHIEP_DOAN') and o.status = 'ACTIVE'`);
    await tx.execute(sql`analyze performance_rating`);
    await tx.execute(sql`analyze award_record`);
    await tx.execute(sql`analyze initiative`);
    return {
      ratings: ratings.rowCount ?? 0,
      awards: awards.rowCount ?? 0,
      initiatives: initiatives.rowCount ?? 0,
      disciplines: disciplines.rowCount ?? 0,
      pendingCases: pending.rowCount ?? 0,
      seconds: Math.round((performance.now() - t0) / 100) / 10,
    };
  }
}
