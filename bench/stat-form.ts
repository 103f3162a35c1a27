// Benchmark: statistical forms (issue 10, part 2). A district of 50 grassroots unions with
// BENCH_STAT_FORM_PEOPLE (default 26,000) members, an individual award in most of 10 years and the
// unions' collective awards — about 200,000 award records, set-based, a tenth revoked. Then, through
// the real application (Fastify inject), the built-in "results" form rendered as .xlsx for the
// district (dashboard figures + evaluation + exceljs), the built-in shares form, and the preview
// grid (JSON) the editor asks for, BENCH_STAT_FORM_RUNS (default 20) times each.
import { loginAs } from '../test/factories';
import { benchDistrict } from './lib/district';
import { fillDistrictAwards } from './lib/district-awards';
import { openBenchDatabase, runBench } from './lib/database';
import { benchApp } from './lib/http-app';
import { envInt, writeResult } from './lib/results';
import { summarize } from './lib/stats';

const PEOPLE = envInt('BENCH_STAT_FORM_PEOPLE', 26_000);
const RUNS = envInt('BENCH_STAT_FORM_RUNS', 20);
const YEARS = 10;
const UNITS = 50;
const YEAR = 2025;
/** A form is a download the user waits for: one second is the page-interactive budget of UX.md. */
const TARGET_MS = 1000;

async function main() {
  const startedAt = new Date();
  const bdb = await openBenchDatabase('stat_form');
  const { db } = bdb;
  console.log(`stat-form: ${bdb.postgres}; people ${PEOPLE}, runs ${RUNS}`);
  const { huyen, units } = await benchDistrict(db, { units: UNITS, people: 0 });
  const records = await fillDistrictAwards(db, { units, people: PEOPLE, fromYear: YEAR - YEARS + 1, toYear: YEAR, codePrefix: 'SF' });

  const { app, call, time } = await benchApp(bdb, 'stat-form');
  const officer = await loginAs(app, 'bench.huyen');
  const list = (await call(officer, 'GET', `/report-templates?orgId=${huyen.id}`)).json<{ items: { id: number; code: string }[] }>();
  const results = list.items.find((i) => i.code === 'BM01-KT')!;
  const shares = list.items.find((i) => i.code === 'BM02-TL')!;
  const layout = (await call(officer, 'GET', `/report-templates/${results.id}`)).json<{ layout: unknown }>().layout;
  await call(officer, 'GET', `/report-templates/${results.id}/render.xlsx?orgId=${huyen.id}&year=${YEAR}`); // warm-up
  const xlsx: number[] = [];
  const sharesXlsx: number[] = [];
  const preview: number[] = [];
  let bytes = 0;
  for (let run = 0; run < RUNS; run++) {
    xlsx.push(await time(async () => (bytes = (await call(officer, 'GET', `/report-templates/${results.id}/render.xlsx?orgId=${huyen.id}&year=${YEAR}`)).rawPayload.length)));
    sharesXlsx.push(await time(() => call(officer, 'GET', `/report-templates/${shares.id}/render.xlsx?orgId=${huyen.id}&year=${YEAR}`)));
    preview.push(await time(() => call(officer, 'POST', '/report-templates/preview', { orgId: huyen.id, year: YEAR, layout })));
  }
  const result = { people: PEOPLE, years: YEARS, records, runs: RUNS, bytes, xlsx: summarize(xlsx), sharesXlsx: summarize(sharesXlsx), preview: summarize(preview), targetMs: TARGET_MS };
  const file = writeResult('stat-form', startedAt, { ...result, met: result.xlsx.p95 <= TARGET_MS }, bdb.postgres);
  console.log(`  results form .xlsx p50 ${result.xlsx.p50.toFixed(0)} ms, p95 ${result.xlsx.p95.toFixed(0)} ms over ${records} award records; shares p95 ${result.sharesXlsx.p95.toFixed(0)} ms; preview p95 ${result.preview.p95.toFixed(0)} ms`);
  console.log(`→ ${file}`);
}

await runBench(main);
