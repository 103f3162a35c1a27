// Benchmark: dashboard figures (issue 10, first slice). A district with 50 grassroots unions and
// BENCH_DASHBOARD_PEOPLE (default 30,000) members (a share of women, leaders and direct workers),
// each with an individual award in most of BENCH_DASHBOARD_YEARS (default 10) years, plus the unions'
// collective awards — a few hundred thousand award records, inserted set-based, a tenth of them
// revoked. Then, through the real application (buildApp, Fastify inject), the dashboard of the
// district and of one union, BENCH_DASHBOARD_RUNS (default 30) times each.
// The target for a province is 200 ms p95 at national scale; this base-table version is
// measured against that figure for a district (no rollup tables yet, see docs/dashboard.md).
import { sql } from 'drizzle-orm';
import { loginAs } from '../test/factories';
import { benchDistrict } from './lib/district';
import { openBenchDatabase, runCleanups } from './lib/database';
import { benchApp } from './lib/http-app';
import { envInt, writeResult } from './lib/results';
import { summarize } from './lib/stats';

const SIZE = { people: envInt('BENCH_DASHBOARD_PEOPLE', 30_000), years: envInt('BENCH_DASHBOARD_YEARS', 10), runs: envInt('BENCH_DASHBOARD_RUNS', 30) };
const [PEOPLE, YEARS, RUNS] = [SIZE.people, SIZE.years, SIZE.runs];
const UNITS = 50;
const YEAR = 2025;
const TARGET_MS = 200;
const server = Boolean(process.env.BENCH_DATABASE_URL);

async function main() {
  const startedAt = new Date();
  const bdb = await openBenchDatabase(server ? 'dashboard_server' : 'dashboard_embedded');
  const { db } = bdb;
  console.log(`dashboard: ${bdb.postgres}; ${JSON.stringify(SIZE)}`);

  const { huyen, units } = await benchDistrict(db, { units: UNITS, people: 0 });
  const unitIds = units.map((u) => u.id);
  const unitPaths = units.map((u) => u.path);
  await db.execute(sql`
    insert into person (member_code, full_name, gender, is_leader, is_direct_worker, status, org_id, org_path)
    select 'BD' || lpad(g::text, 8, '0'), 'Đoàn viên ' || g, case when g % 5 < 2 then 'FEMALE' else 'MALE' end, g % 9 = 0, g % 3 = 0, 'ACTIVE',
           (${sql.param(unitIds)}::bigint[])[1 + g % ${UNITS}], (${sql.param(unitPaths)}::text[])[1 + g % ${UNITS}]
    from generate_series(1, ${PEOPLE}) g`);
  // An award in a year unless (person + year) % 4 = 0: streaks of every length; a tenth revoked.
  await db.execute(sql`
    insert into award_record (person_id, scope_path, award_code, year, status, revoked_at, revoked_reason)
    select p.id, p.org_path, case when (p.id + y) % 7 = 0 then 'CSTD_CS' else 'LDTT' end, y,
           case when (p.id * 7 + y) % 10 = 0 then 'REVOKED' else 'ACTIVE' end,
           case when (p.id * 7 + y) % 10 = 0 then now() end, case when (p.id * 7 + y) % 10 = 0 then 'Thu hồi (dữ liệu thử)' end
    from person p cross join generate_series(${YEAR - YEARS + 1}::int, ${YEAR}::int) y
    where p.member_code like 'BD%' and (p.id + y) % 4 <> 0`);
  await db.execute(sql`
    insert into award_record (org_id, scope_path, award_code, year)
    select o.id, o.path, case when y % 2 = 0 then 'TTLDTT' else 'CDCS_HTXSNV' end, y
    from organisation o cross join generate_series(${YEAR - YEARS + 1}::int, ${YEAR}::int) y where o.id = any(${sql.param(unitIds)}::bigint[])`);
  await db.execute(sql`analyze award_record`);
  await db.execute(sql`analyze person`);
  const records = Number((await db.execute<{ n: string }>(sql`select count(*) as n from award_record`)).rows[0]!.n);

  const { app, call, time } = await benchApp(bdb, 'dashboard');
  const officer = await loginAs(app, 'bench.huyen');
  const district: number[] = [];
  const unit: number[] = [];
  await call(officer, 'GET', `/dashboard?orgId=${huyen.id}&year=${YEAR}`); // warm-up
  let individuals = 0;
  for (let run = 0; run < RUNS; run++) {
    district.push(await time(async () => (individuals = (await call(officer, 'GET', `/dashboard?orgId=${huyen.id}&year=${YEAR}`)).json<{ awards: { totals: { individuals: number } } }>().awards.totals.individuals)));
    unit.push(await time(() => call(officer, 'GET', `/dashboard?orgId=${units[run % UNITS]!.id}&year=${YEAR}`)));
  }
  const result = { people: PEOPLE, years: YEARS, records, individuals, runs: RUNS, district: summarize(district), unit: summarize(unit), targetMs: TARGET_MS };
  const file = writeResult(server ? 'dashboard-server' : 'dashboard', startedAt, { ...result, met: result.district.p95 <= TARGET_MS }, bdb.postgres);
  console.log(`  district p50 ${result.district.p50.toFixed(0)} ms, p95 ${result.district.p95.toFixed(0)} ms over ${records} award records; one union p95 ${result.unit.p95.toFixed(0)} ms`);
  console.log(`→ ${file}`);
}

const failed = await main().then(
  () => false,
  (err: unknown) => (console.error(err), true),
);
await runCleanups();
if (failed) process.exit(1);
