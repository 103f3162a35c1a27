// Benchmark: the register of exemplary models (issue 9, item 3). A district with 50 grassroots unions
// and BENCH_MODELS (default 20,000) entries inserted set-based (every stage and kind, kept by the
// district or a union, fostered by a union; a check-in with a next date for the ones being fostered,
// a third of them overdue; replicating units for the replicated ones), then through the real
// application (buildApp, Fastify inject): the district officer's list (first page with the counts per
// stage, a deep page, the overdue filter, a search without diacritics), one entry with its timeline,
// and a check-in. BENCH_MODELS_RUNS (default 30) each. The lists aim at the 200 ms of the other lists.
import { sql } from 'drizzle-orm';
import { loginAs } from '../test/factories';
import { benchDistrict } from './lib/district';
import { openBenchDatabase, runCleanups } from './lib/database';
import { benchApp } from './lib/http-app';
import { envInt, writeResult } from './lib/results';
import { summarize } from './lib/stats';

const MODELS = envInt('BENCH_MODELS', 20_000);
const RUNS = envInt('BENCH_MODELS_RUNS', 30);
const UNITS = 50;
const TARGET_LIST_MS = 200;

async function main() {
  const startedAt = new Date();
  const label = process.env.BENCH_DATABASE_URL ? 'server' : 'embedded';
  const bdb = await openBenchDatabase(`models_${label}`);
  const { db } = bdb;
  console.log(`models: ${bdb.postgres}, ${MODELS} models, ${RUNS} runs per step`);

  const { huyen, units } = await benchDistrict(db, { units: UNITS });
  const ids = units.map((u) => u.id);
  const paths = units.map((u) => u.path);

  // Set-based: stages in turn; a fifth kept by the district, the rest by the union fostering it.
  await db.execute(sql`
    insert into exemplary_model (org_id, org_path, kind, name, description, subject_org_id, responsible_org_id, field, stage, discovered_on, fostering_plan, recognised_on, closed_reason, closed_on)
    select case when g % 5 = 0 then ${huyen.id} else u.id end, case when g % 5 = 0 then ${huyen.path} else u.path end,
           (array['MODEL','PERSON','COLLECTIVE'])[1 + g % 3], 'Mô hình tiêu biểu số ' || g, 'Mô tả cách làm hay của mô hình số ' || g || '.',
           u.id, u.id, (array['Sản xuất','An toàn lao động','Chăm lo đoàn viên','Văn hóa'])[1 + g % 4], s.stage, current_date - (g % 900) - 30,
           case when s.stage <> 'DISCOVERED' then 'Kế hoạch bồi dưỡng mô hình.' end,
           case when s.stage in ('RECOGNISED','REPLICATED') then current_date - (g % 900) end,
           case when s.stage = 'CLOSED' then 'Không còn phù hợp.' end, case when s.stage = 'CLOSED' then current_date end
    from generate_series(1, ${MODELS}) g
    cross join lateral (select (${sql.param(ids)}::bigint[])[1 + g % ${UNITS}] as id, (${sql.param(paths)}::text[])[1 + g % ${UNITS}] as path) u
    cross join lateral (select (array['DISCOVERED','FOSTERING','FOSTERING','RECOGNISED','REPLICATED','CLOSED'])[1 + g % 6] as stage) s`);
  await db.execute(sql`
    insert into exemplary_model_event (model_id, action, to_stage, at) select id, 'create', 'DISCOVERED', now() - interval '100 days' from exemplary_model`);
  await db.execute(sql`
    insert into exemplary_model_event (model_id, action, from_stage, to_stage, next_on, at)
    select id, 'stage', 'DISCOVERED', 'FOSTERING', current_date + 30 - ((id % 3) * 40)::int, now() - interval '90 days' from exemplary_model where stage <> 'DISCOVERED'`);
  await db.execute(sql`
    insert into exemplary_model_event (model_id, action, note, next_on, at)
    select id, 'followUp', 'Kiểm tra định kỳ.', current_date + 20 - ((id % 3) * 30)::int, now() - interval '30 days' from exemplary_model where stage = 'FOSTERING'`);
  await db.execute(sql`
    insert into exemplary_model_replication (model_id, org_id, started_on)
    select m.id, (${sql.param(ids)}::bigint[])[1 + (m.id + k) % ${UNITS}], current_date - 10 from exemplary_model m cross join generate_series(1, 2) k where m.stage = 'REPLICATED'`);
  await db.execute(sql`analyze exemplary_model; analyze exemplary_model_event; analyze exemplary_model_replication`);

  const { app, call, time } = await benchApp(bdb, 'models');
  const officer = await loginAs(app, 'bench.huyen');
  await call(officer, 'GET', '/models?pageSize=50'); // warm-up
  const firstPage: number[] = [];
  const deepPage: number[] = [];
  const overdue: number[] = [];
  const search: number[] = [];
  const detail: number[] = [];
  const followUp: number[] = [];
  let total = 0;
  let overdueTotal = 0;
  let found = 0;
  const fostering = await db.execute<{ id: number }>(sql`select id from exemplary_model where stage = 'FOSTERING' and org_id = ${huyen.id} order by id limit ${RUNS}`);
  for (let run = 0; run < RUNS; run++) {
    firstPage.push(await time(async () => (total = (await call(officer, 'GET', '/models?pageSize=50')).json<{ total: number }>().total)));
    deepPage.push(await time(() => call(officer, 'GET', `/models?pageSize=50&page=${Math.floor(MODELS / 100)}`)));
    overdue.push(await time(async () => (overdueTotal = (await call(officer, 'GET', '/models?pageSize=50&overdue=true')).json<{ total: number }>().total)));
    search.push(await time(async () => (found = (await call(officer, 'GET', `/models?pageSize=50&q=${encodeURIComponent('mo hinh tieu bieu so 12')}`)).json<{ total: number }>().total)));
    const id = Number(fostering.rows[run % fostering.rows.length]!.id);
    detail.push(await time(() => call(officer, 'GET', `/models/${id}`)));
    followUp.push(await time(() => call(officer, 'POST', `/models/${id}/follow-ups`, { note: 'Kiểm tra định kỳ trong bench.', nextOn: null })));
  }
  const result = {
    models: MODELS,
    listed: total,
    overdue: overdueTotal,
    found,
    runs: RUNS,
    firstPage: summarize(firstPage),
    deepPage: summarize(deepPage),
    overdueList: summarize(overdue),
    search: summarize(search),
    detail: summarize(detail),
    followUp: summarize(followUp),
    targetListMs: TARGET_LIST_MS,
  };
  const met = [result.firstPage, result.deepPage, result.overdueList, result.search].every((m) => m.p95 <= TARGET_LIST_MS);
  const file = writeResult(label === 'server' ? 'models-server' : 'models', startedAt, { ...result, met }, bdb.postgres);
  console.log(`  list p95 ${result.firstPage.p95.toFixed(0)} ms (deep ${result.deepPage.p95.toFixed(0)} ms, overdue ${result.overdueList.p95.toFixed(0)} ms, search ${result.search.p95.toFixed(0)} ms) over ${total} models`);
  console.log(`→ ${file}`);
  await runCleanups();
}

main().catch(async (err) => {
  console.error(err);
  await runCleanups();
  process.exit(1);
});
