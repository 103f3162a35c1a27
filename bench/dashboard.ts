// Benchmark: dashboard figures (issue 10, first slice). A district with 50 grassroots unions and
// BENCH_DASHBOARD_PEOPLE (default 30,000) members (a share of women, leaders and direct workers),
// each with an individual award in most of BENCH_DASHBOARD_YEARS (default 10) years, plus the unions'
// collective awards — a few hundred thousand award records, inserted set-based, a tenth of them
// revoked. Then, through the real application (buildApp, Fastify inject), the dashboard of the
// district and of one union, BENCH_DASHBOARD_RUNS (default 30) times each.
// The target for a province is 200 ms p95 at national scale; the district is measured
// against that figure (the national scale: bench/dashboard-national.ts).
import { loginAs } from '../test/factories';
import { benchDistrict } from './lib/district';
import { fillDistrictAwards } from './lib/district-awards';
import { openBenchDatabase, runBench } from './lib/database';
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
  const records = await fillDistrictAwards(db, { units, people: PEOPLE, fromYear: YEAR - YEARS + 1, toYear: YEAR, codePrefix: 'BD', excellentMembers: false });

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

await runBench(main);
