// Benchmark: inspection and supervision (issue 9). A district with 50 grassroots unions and
// BENCH_INSPECTIONS (default 5,000) inspections over ten years, each done one with 6
// recommendations (a fifth of them open, some past their deadline), inserted set-based; then through
// the real application (Fastify inject): the plan list (first page, counts per inspection from one
// lateral aggregate), the overdue recommendations, one inspection, recording a visit with 10
// recommendations, and marking one done. BENCH_INSPECTIONS_RUNS (default 30) each. No target in the
// issue; the lists aim at the 200 ms of the other lists.
import { sql } from 'drizzle-orm';
import { todayInVietnam } from '../src/server/modules/imports/xlsx';
import { loginAs } from '../test/factories';
import { benchDistrict } from './lib/district';
import { openBenchDatabase, runCleanups } from './lib/database';
import { benchApp } from './lib/http-app';
import { envInt, writeResult } from './lib/results';
import { summarize } from './lib/stats';

const INSPECTIONS = envInt('BENCH_INSPECTIONS', 5000);
const RUNS = envInt('BENCH_INSPECTIONS_RUNS', 30);
const UNITS = 50;
const TARGET_LIST_MS = 200;

async function main() {
  const startedAt = new Date();
  const bdb = await openBenchDatabase('inspections');
  const { db } = bdb;
  console.log(`inspections: ${bdb.postgres}, ${INSPECTIONS} inspections, ${RUNS} runs per step`);
  const { huyen, units } = await benchDistrict(db, { units: UNITS });
  const unitIds = units.map((u) => u.id);
  const unitPaths = units.map((u) => u.path);
  await db.execute(sql`
    insert into inspection (org_id, org_path, target_org_id, target_path, year, kind, topic, planned_on, status, conducted_on, findings, conclusion)
    select ${huyen.id}, ${huyen.path}, (${sql.param(unitIds)}::bigint[])[1 + g % ${UNITS}], (${sql.param(unitPaths)}::text[])[1 + g % ${UNITS}],
           extract(year from current_date - (g % 3650))::int, case when g % 4 = 0 then 'SUPERVISION' else 'INSPECTION' end,
           'Việc tổ chức phong trào thi đua, xét khen thưởng (đợt ' || g || ')', current_date - (g % 3650),
           case when g % 10 = 0 then 'PLANNED' else 'DONE' end,
           case when g % 10 = 0 then null else current_date - (g % 3650) end,
           case when g % 10 = 0 then null else 'Kết quả kiểm tra số ' || g end, case when g % 10 = 0 then null else 'Kết luận số ' || g end
    from generate_series(1, ${INSPECTIONS}) g`);
  await db.execute(sql`
    insert into inspection_recommendation (inspection_id, position, text, due_on, status, done_on, note)
    select i.id, k, 'Kiến nghị ' || k || ' của cuộc kiểm tra ' || i.id, i.conducted_on + (k * 15),
           case when (i.id + k) % 5 = 0 then 'OPEN' else 'DONE' end,
           case when (i.id + k) % 5 = 0 then null else i.conducted_on + (k * 10) end,
           case when (i.id + k) % 5 = 0 then null else 'Đã thực hiện' end
    from inspection i cross join generate_series(1, 6) k where i.status = 'DONE'`);
  await db.execute(sql`analyze inspection; analyze inspection_recommendation`);

  const { app, call, time } = await benchApp(bdb, 'inspections');
  const officer = await loginAs(app, 'bench.huyen');
  const today = todayInVietnam();
  await call(officer, 'GET', '/inspections?pageSize=50'); // warm-up
  const list: number[] = [];
  const overdue: number[] = [];
  const detail: number[] = [];
  const conduct: number[] = [];
  const done: number[] = [];
  let total = 0;
  let overdueTotal = 0;
  for (let run = 0; run < RUNS; run++) {
    list.push(await time(async () => (total = (await call(officer, 'GET', '/inspections?pageSize=50')).json<{ total: number }>().total)));
    overdue.push(await time(async () => (overdueTotal = (await call(officer, 'GET', '/inspection-recommendations?overdue=true&pageSize=50')).json<{ total: number }>().total)));
    const made = (await call(officer, 'POST', '/inspections', { orgId: huyen.id, targetOrgId: units[run % UNITS]!.id, kind: 'INSPECTION', topic: `Kiểm tra đột xuất ${run + 1}`, plannedOn: today })).json<{ id: number; version: number }>();
    const recommendations = Array.from({ length: 10 }, (_, k) => ({ text: `Kiến nghị ${k + 1}: bổ sung hồ sơ khen thưởng`, dueOn: today }));
    let recId = 0;
    conduct.push(
      await time(async () => {
        const r = await call(officer, 'POST', `/inspections/${made.id}/conduct`, { version: made.version, conductedOn: today, findings: 'Hồ sơ còn thiếu một số biên bản.', conclusion: 'Cơ bản đúng quy định.', recommendations });
        recId = r.json<{ recommendations: { id: number }[] }>().recommendations[0]!.id;
      }),
    );
    detail.push(await time(() => call(officer, 'GET', `/inspections/${made.id}`)));
    done.push(await time(() => call(officer, 'POST', `/inspection-recommendations/${recId}/done`, { doneOn: today, note: 'Đã bổ sung đầy đủ hồ sơ.' })));
  }
  const result = { inspections: INSPECTIONS, listed: total, overdue: overdueTotal, runs: RUNS, list: summarize(list), overdueList: summarize(overdue), detail: summarize(detail), conduct: summarize(conduct), done: summarize(done), targetListMs: TARGET_LIST_MS };
  const met = result.list.p95 <= TARGET_LIST_MS && result.overdueList.p95 <= TARGET_LIST_MS;
  const file = writeResult('inspections', startedAt, { ...result, met }, bdb.postgres);
  console.log(`  plan list p95 ${result.list.p95.toFixed(0)} ms over ${total}; overdue list p95 ${result.overdueList.p95.toFixed(0)} ms (${overdueTotal} overdue); record a visit p50 ${result.conduct.p50.toFixed(0)} ms`);
  console.log(`→ ${file}`);
  await runCleanups();
}

main().catch(async (err) => {
  console.error(err);
  await runCleanups();
  process.exit(1);
});
