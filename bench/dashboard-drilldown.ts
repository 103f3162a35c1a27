// Benchmark: drill-down from a dashboard figure to its records, and the records' export (issue 10,
// part 1). The district of bench/dashboard.ts — 50 grassroots unions, BENCH_DRILLDOWN_PEOPLE (default
// 30,000) members each awarded in most of 10 years, a tenth revoked, plus the unions' collective
// awards (~225,000 award records) — then, through the real application (Fastify inject): a page of
// the records behind an award figure (first page and a deep page), a share numerator's page, and the
// XLSX export of every individual award of the year (~20,000 rows; BENCH_DRILLDOWN_EXPORT_RUNS runs).
import { loginAs } from '../test/factories';
import { benchDistrict } from './lib/district';
import { fillDistrictAwards } from './lib/district-awards';
import { openBenchDatabase, runBench } from './lib/database';
import { benchApp } from './lib/http-app';
import { envInt, writeResult } from './lib/results';
import { summarize } from './lib/stats';

const SIZE = {
  people: envInt('BENCH_DRILLDOWN_PEOPLE', 30_000),
  runs: envInt('BENCH_DRILLDOWN_RUNS', 30),
  exportRuns: envInt('BENCH_DRILLDOWN_EXPORT_RUNS', 5),
};
const UNITS = 50;
const YEARS = 10;
const YEAR = 2025;
const PAGE_SIZE = 25;

async function main() {
  const startedAt = new Date();
  const bdb = await openBenchDatabase('dashboard_drilldown');
  const { db } = bdb;
  console.log(`dashboard-drilldown: ${bdb.postgres}; ${JSON.stringify(SIZE)}`);

  const { huyen, units } = await benchDistrict(db, { units: UNITS, people: 0 });
  const records = await fillDistrictAwards(db, { units, people: SIZE.people, fromYear: YEAR - YEARS + 1, toYear: YEAR, codePrefix: 'BD', excellentMembers: false, decisions: true });

  const { app, call, time } = await benchApp(bdb, 'dashboard-drilldown');
  const officer = await loginAs(app, 'bench.huyen');
  const scope = `orgId=${huyen.id}&year=${YEAR}`;
  const award = `${scope}&figure=award&code=LDTT&subject=INDIVIDUAL`;
  const women = `${scope}&figure=share&key=WOMEN&part=NUMERATOR&period=THIS`;
  const everyone = `${scope}&figure=share&key=NON_LEADER&part=DENOMINATOR&period=THIS`;
  const first = (await call(officer, 'GET', `/dashboard/records?${award}&page=1&pageSize=${PAGE_SIZE}`)).json<{ total: number }>(); // warm-up
  const deepPage = Math.max(1, Math.floor(first.total / PAGE_SIZE / 2));
  const [firstPage, deep, share, exports]: [number[], number[], number[], number[]] = [[], [], [], []];
  for (let run = 0; run < SIZE.runs; run++) {
    firstPage.push(await time(() => call(officer, 'GET', `/dashboard/records?${award}&page=1&pageSize=${PAGE_SIZE}`)));
    deep.push(await time(() => call(officer, 'GET', `/dashboard/records?${award}&page=${deepPage}&pageSize=${PAGE_SIZE}`)));
    share.push(await time(() => call(officer, 'GET', `/dashboard/records?${women}&page=1&pageSize=${PAGE_SIZE}`)));
  }
  const exportTotal = (await call(officer, 'GET', `/dashboard/records?${everyone}&page=1&pageSize=1`)).json<{ total: number }>().total;
  let bytes = 0;
  for (let run = 0; run < SIZE.exportRuns; run++) exports.push(await time(async () => (bytes = (await call(officer, 'GET', `/dashboard/records.xlsx?${everyone}`)).rawPayload.length)));
  const result = {
    people: SIZE.people, years: YEARS, records, awardTotal: first.total, deepPage, exportRows: exportTotal, exportBytes: bytes, runs: SIZE.runs, exportRuns: SIZE.exportRuns,
    firstPage: summarize(firstPage), deep: summarize(deep), share: summarize(share), export: summarize(exports),
  };
  const file = writeResult('dashboard-drilldown', startedAt, result, bdb.postgres);
  console.log(`  page 1 p50 ${result.firstPage.p50.toFixed(0)} / p95 ${result.firstPage.p95.toFixed(0)} ms (${first.total} records); page ${deepPage} p95 ${result.deep.p95.toFixed(0)} ms; share p95 ${result.share.p95.toFixed(0)} ms; export of ${exportTotal} rows p50 ${result.export.p50.toFixed(0)} / p95 ${result.export.p95.toFixed(0)} ms (${bytes} bytes)`);
  console.log(`→ ${file}`);
}

await runBench(main);
