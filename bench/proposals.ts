// Benchmark: "good person, good deed" proposals (issue 9, item 4). A district with 50 grassroots
// unions and BENCH_PROPOSALS (default 20,000) proposals inserted set-based (every status, from the
// public form and from members), then through the real application (buildApp, Fastify inject): the
// district officer's list (first page and a deep page), a CĐCS officer's list of what waits for
// review, one proposal, a proposal from the public form (rate limit checked under its lock) and
// turning a proposal into a story draft with the proposer's credit. BENCH_PROPOSALS_RUNS (default
// 30) each. No target in the issue; the lists aim at the 200 ms of the other lists.
import { sql } from 'drizzle-orm';
import { createUser, loginAs, type OrgRef } from '../test/factories';
import { benchDistrict } from './lib/district';
import { openBenchDatabase, runCleanups } from './lib/database';
import { benchApp } from './lib/http-app';
import { envInt, writeResult } from './lib/results';
import { summarize } from './lib/stats';

const PROPOSALS = envInt('BENCH_PROPOSALS', 20_000);
const RUNS = envInt('BENCH_PROPOSALS_RUNS', 30);
const UNITS = 50;
const TARGET_LIST_MS = 200;

type BenchDb = Parameters<typeof benchDistrict>[0];

async function seed(db: BenchDb): Promise<{ district: OrgRef; first: OrgRef }> {
  const { huyen: district, units: cdcs, people: members } = await benchDistrict(db, { units: UNITS, people: 200 });
  await createUser(db, 'bench.cdcs', [{ role: 'CDCS_OFFICER', org: cdcs[0]! }]);
  // Spread over two years and the 50 unions; a third from members; statuses in turn, the newest to review.
  await db.execute(sql`
    insert into good_deed_proposal (reference_code, org_id, org_path, channel, proposer_name, proposer_contact, proposer_person_id,
                                    subject_name, subject_unit, story, status, review_note, created_at)
    select 'NTVT-B-' || lpad(g::text, 8, '0'), o.id, o.path, case when g % 3 = 0 then 'MEMBER' else 'PUBLIC' end,
           'Người đề xuất ' || g, '09' || lpad((g % 100000000)::text, 8, '0'), case when g % 3 = 0 then (${sql.param(members)}::bigint[])[1 + g % 200] end,
           'Người được đề xuất ' || g, 'Tổ công đoàn số ' || (g % 7 + 1), 'Câu chuyện về một việc tốt số ' || g || ' đã giúp đỡ đồng nghiệp và người dân.',
           (array['RECEIVED','DECLINED','NOMINATED','RECEIVED'])[1 + g % 4], case when g % 4 = 1 then 'Chưa đủ thông tin để xác minh.' end,
           now() - make_interval(mins => g * 50)
    from generate_series(1, ${PROPOSALS}) g
    join organisation o on o.code = 'DMC-' || (1 + g % ${UNITS})`);
  await db.execute(sql`analyze good_deed_proposal`);
  return { district, first: cdcs[0]! };
}

async function main() {
  const startedAt = new Date();
  const bdb = await openBenchDatabase('proposals');
  const { db } = bdb;
  console.log(`proposals: ${bdb.postgres}, ${PROPOSALS} proposals, ${RUNS} runs per step`);
  const { first } = await seed(db);

  const { app, call, time } = await benchApp(bdb, 'proposals');
  const district = await loginAs(app, 'bench.huyen');
  const unit = await loginAs(app, 'bench.cdcs');
  const form = { proposerName: 'Lê Văn Tâm', proposerContact: '0912345678', subjectName: 'Nguyễn Thị Ánh', story: 'Cô Ánh nhiều năm dạy kèm miễn phí cho học sinh nghèo vào buổi tối.' };
  const deep = Math.floor(PROPOSALS / 100);

  await call(district, 'GET', '/good-deeds?pageSize=50'); // warm-up
  const steps = { firstPage: [] as number[], deepPage: [] as number[], unitToReview: [] as number[], detail: [] as number[], publicForm: [] as number[], story: [] as number[] };
  let listed = 0;
  for (let run = 0; run < RUNS; run++) {
    steps.firstPage.push(await time(async () => (listed = (await call(district, 'GET', '/good-deeds?pageSize=50')).json<{ total: number }>().total)));
    steps.deepPage.push(await time(() => call(district, 'GET', `/good-deeds?pageSize=50&page=${deep}`)));
    let target: { id: number; version: number } | undefined;
    steps.unitToReview.push(await time(async () => (target = (await call(unit, 'GET', `/good-deeds?orgId=${first.id}&status=RECEIVED&pageSize=50`)).json<{ items: { id: number; version: number }[] }>().items[0])));
    steps.detail.push(await time(() => call(unit, 'GET', `/good-deeds/${target!.id}`)));
    steps.publicForm.push(await time(() => call(null, 'POST', '/public/orgs/DMC-1/good-deeds', form, `198.51.${run}.7`)));
    steps.story.push(await time(() => call(unit, 'POST', `/good-deeds/${target!.id}/story`, { version: target!.version })));
  }
  const stats = {
    firstPage: summarize(steps.firstPage),
    deepPage: summarize(steps.deepPage),
    unitToReview: summarize(steps.unitToReview),
    detail: summarize(steps.detail),
    publicForm: summarize(steps.publicForm),
    story: summarize(steps.story),
  };
  const result = { proposals: PROPOSALS, listed, runs: RUNS, deepPageNumber: deep, ...stats, targetListMs: TARGET_LIST_MS };
  const met = result.firstPage.p95 <= TARGET_LIST_MS && result.deepPage.p95 <= TARGET_LIST_MS && result.unitToReview.p95 <= TARGET_LIST_MS;
  const file = writeResult('proposals', startedAt, { ...result, met }, bdb.postgres);
  console.log(`  district list p95 ${result.firstPage.p95.toFixed(0)} ms (page ${deep}: ${result.deepPage.p95.toFixed(0)} ms) over ${listed}; CĐCS to review p95 ${result.unitToReview.p95.toFixed(0)} ms; into a story p50 ${result.story.p50.toFixed(0)} ms`);
  console.log(`→ ${file}`);
  await runCleanups();
}

main().catch(async (err) => {
  console.error(err);
  await runCleanups();
  process.exit(1);
});
