// Benchmark: reports (issue 10, part 2). A district with 40 grassroots unions and BENCH_REPORTS_PEOPLE
// (default 25,000) members awarded in most of BENCH_REPORTS_YEARS (default 10) years, plus the unions'
// collective awards — some 188,000 award records (bench/lib/district-awards.ts), each year's made a
// day further back in time, a tenth of them revoked. Then, through the real application (Fastify inject):
// the annual summary DOCX of the district with a typed narrative (figures, two charts rendered to PNG,
// the document packed), freezing the district's figures, and re-running the frozen report after new,
// revoked and superseded records (the figures at the frozen moment, compared figure by figure),
// BENCH_REPORTS_RUNS (default 15) times each.
import { sql } from 'drizzle-orm';
import { loginAs } from '../test/factories';
import { benchDistrict } from './lib/district';
import { fillDistrictAwards } from './lib/district-awards';
import { openBenchDatabase, runBench } from './lib/database';
import { benchApp } from './lib/http-app';
import { envInt, writeResult } from './lib/results';
import { summarize } from './lib/stats';

const SIZE = { people: envInt('BENCH_REPORTS_PEOPLE', 25_000), years: envInt('BENCH_REPORTS_YEARS', 10), runs: envInt('BENCH_REPORTS_RUNS', 15) };
const UNITS = 40;
const YEAR = 2025;
/** The issue gives no figure for documents; a summary a user waits for should come within 2 s [uncertain]. */
const TARGET_MS = 2000;

/** Reads a background job until it has left COMPUTING; a failed job fails the benchmark. */
async function untilComputed<T>(read: () => Promise<{ json<J>(): J }>): Promise<T> {
  for (;;) {
    const job = (await read()).json<T & { status: string }>();
    if (job.status === 'FAILED') throw new Error(`a report job failed: ${JSON.stringify(job).slice(0, 300)}`);
    if (job.status !== 'COMPUTING') return job;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function main() {
  const startedAt = new Date();
  const bdb = await openBenchDatabase('reports_embedded');
  const { db } = bdb;
  console.log(`reports: ${bdb.postgres}; ${JSON.stringify(SIZE)}`);

  const { huyen, units } = await benchDistrict(db, { units: UNITS, people: 0 });
  const records = await fillDistrictAwards(db, { units, people: SIZE.people, fromYear: YEAR - SIZE.years + 1, toYear: YEAR, codePrefix: 'RP', backdated: true });

  const { app, call, time } = await benchApp(bdb, 'reports', { REPORT_SETTLE_MS: '0' });
  const officer = await loginAs(app, 'bench.huyen');
  const narrative = {
    assessment: 'Phong trào thi đua yêu nước được triển khai sâu rộng đến từng công đoàn cơ sở.\nCác đơn vị đã chú trọng khen thưởng người lao động trực tiếp.',
    shortcomings: 'Một số đơn vị gửi hồ sơ đề nghị khen thưởng chậm so với thời hạn.',
    directions: 'Tiếp tục nâng cao tỷ lệ khen thưởng công nhân lao động trực tiếp.',
  };
  const summaryBody = { orgId: huyen.id, year: YEAR, narrative, signer: { name: 'Nguyễn Văn A' } };
  let bytes = 0;
  await call(officer, 'POST', '/reports/annual-summary.docx', summaryBody); // warm-up
  const docx: number[] = [];
  for (let run = 0; run < SIZE.runs; run++) docx.push(await time(async () => (bytes = (await call(officer, 'POST', '/reports/annual-summary.docx', summaryBody)).rawPayload.length)));

  // Freezing and re-running are background jobs: timed from the request until the result is stored
  // (the settle margin for late commits is set to 0 here, so the time is the computation's).
  const freeze: number[] = [];
  let snapshotId = 0;
  for (let run = 0; run < Math.min(5, SIZE.runs); run++) {
    freeze.push(await time(async () => {
      snapshotId = (await call(officer, 'POST', '/reports/snapshots', { orgId: huyen.id, year: YEAR, kind: 'ANNUAL_SUMMARY', narrative })).json<{ id: number }>().id;
      await untilComputed(() => call(officer, 'GET', `/reports/snapshots/${snapshotId}`));
    }));
  }
  // After freezing: a new award and a revoked one — the re-run must still match.
  await db.execute(sql`insert into award_record (person_id, scope_path, award_code, year) select id, org_path, 'CSTD_CS', ${YEAR} from person where member_code = 'RP00000001'`);
  await db.execute(sql`update award_record set status = 'REVOKED', revoked_at = now(), revoked_reason = 'Thu hồi sau khi chốt' where id = (select min(id) from award_record where status = 'ACTIVE' and year = ${YEAR})`);
  const rerun: number[] = [];
  let identical = true;
  for (let run = 0; run < SIZE.runs; run++) {
    rerun.push(await time(async () => {
      const rerunId = (await call(officer, 'POST', `/reports/snapshots/${snapshotId}/rerun`)).json<{ id: number }>().id;
      const done = await untilComputed<{ result: { identical: boolean } | null }>(() => call(officer, 'GET', `/reports/snapshots/${snapshotId}/reruns/${rerunId}`));
      identical &&= done.result?.identical === true;
    }));
  }
  const frozenDocx: number[] = [];
  for (let run = 0; run < SIZE.runs; run++) frozenDocx.push(await time(() => call(officer, 'GET', `/reports/snapshots/${snapshotId}/annual-summary.docx`)));
  if (!identical) throw new Error('a re-run of the frozen report did not match the stored figures');

  const result = {
    ...SIZE, records, bytes, identical, targetMs: TARGET_MS,
    docx: summarize(docx), freeze: summarize(freeze), rerun: summarize(rerun), frozenDocx: summarize(frozenDocx),
  };
  const file = writeResult('reports', startedAt, { ...result, met: result.docx.p95 <= TARGET_MS }, bdb.postgres);
  console.log(`  annual summary DOCX p50 ${result.docx.p50.toFixed(0)} ms, p95 ${result.docx.p95.toFixed(0)} ms (${bytes} bytes) over ${records} award records`);
  console.log(`  freeze p95 ${result.freeze.p95.toFixed(0)} ms; re-run p50 ${result.rerun.p50.toFixed(0)} ms, p95 ${result.rerun.p95.toFixed(0)} ms (identical: ${identical}); frozen DOCX p95 ${result.frozenDocx.p95.toFixed(0)} ms`);
  console.log(`→ ${file}`);
}

await runBench(main);
