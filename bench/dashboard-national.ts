// Benchmark: the dashboard at national scale (issue 10). A national dataset from `bench-data`
// (TLĐ → 34 provinces → district-level unions → CĐCS → tổ công đoàn, members, and award records over
// 10 years — bench/../src/server/seed/bench-awards.ts), then for the national root and one province
// (the largest) each figure query and the whole dashboard call, from the rollups (rollupSource, the
// live figures) and from the plain SQL over the base tables (baseSource, the reference) — after
// checking that both give the same rows. Also the cost the triggers add to recording one award.
//
// Runs: BENCH_NATIONAL_RUNS (default 30, rollups), BENCH_NATIONAL_BASE_RUNS (default 5, the base
// tables: seconds each at full scale). Sizes and where (bench/lib/national.ts): embedded by default;
// BENCH_DATABASE_URL=postgres://… generates in a fresh database on that server;
// BENCH_NATIONAL_DB=postgres://…/vd_national measures an already generated database as is
// (`npx vinhdanh bench-data --members 11300000 --per-cdcs 90 --years 10 --awards 30000000`).
import { sql } from 'drizzle-orm';
import { baseSource, type FigureSource } from '../src/server/modules/dashboard/dashboard.base';
import { rollupSource } from '../src/server/modules/dashboard/dashboard.rollup';
import { dashboardFigures } from '../src/server/modules/dashboard/dashboard.service';
import { compareSources } from './lib/dashboard-compare';
import { runBench } from './lib/database';
import { adminActorAt, nationalScopes, openNationalDatabase } from './lib/national';
import { envInt, writeResult } from './lib/results';
import { measure, summarize, timed, type Summary } from './lib/stats';

const RUNS = envInt('BENCH_NATIONAL_RUNS', 30);
const BASE_RUNS = envInt('BENCH_NATIONAL_BASE_RUNS', 5);
const YEAR = 2025;
const TARGET = { national: 500, province: 200 };
const FIGURES = ['awardCounts', 'shareCounts', 'streaks', 'funnel'] as const;
const elapsed = async (work: () => Promise<unknown>) => (await timed(work)).ms;

async function main() {
  const startedAt = new Date();
  const { database, postgres, generation } = await openNationalDatabase('national', YEAR);
  const { db } = database;
  console.log(`dashboard-national: ${postgres}`);
  const size = (
    await db.execute<{ members: number; orgs: number; awards: number; active: number; year_awards: number; nominations: number; registrations: number }>(sql`
      select (select count(*)::int from person) as members, (select count(*)::int from organisation) as orgs,
             (select count(*)::int from award_record) as awards, (select count(*)::int from award_record where status = 'ACTIVE') as active,
             (select count(*)::int from award_record where year = ${YEAR}) as year_awards,
             (select count(*)::int from nomination) as nominations, (select count(*)::int from emulation_registration) as registrations`)
  ).rows[0]!;
  console.log(`  ${JSON.stringify(size)}`);
  const { root, province, district, cdcs } = await nationalScopes(db, YEAR);

  // Same rows first: a fast wrong answer is no answer.
  const tCheck = performance.now();
  const mismatches = await compareSources(db, rollupSource, [root.path, province.path, district.path, ...cdcs.map((c) => c.path)], [YEAR]);
  for (const x of mismatches.slice(0, 3)) console.error(`  MISMATCH ${x.figure} ${x.path} ${x.year}\n    base ${x.base.slice(0, 300)}\n    roll ${x.other.slice(0, 300)}`);
  console.log(`  rollups = base tables: ${mismatches.length === 0 ? 'yes' : `NO (${mismatches.length} mismatches)`} (${((performance.now() - tCheck) / 1000).toFixed(1)} s)`);

  const scopes = { national: { org: root, path: root.path }, province: { org: province, path: province.path } };
  const figures: Record<string, Record<string, { rollup: Summary; base: Summary }>> = {};
  const whole: Record<string, { rollup: Summary; base: Summary }> = {};
  for (const [key, sc] of Object.entries(scopes)) {
    figures[key] = {};
    const s = { path: sc.path, year: YEAR };
    for (const f of FIGURES) {
      const of = (src: FigureSource) => () => src[f](db, s);
      figures[key][f] = { rollup: await measure(RUNS, of(rollupSource)), base: await measure(BASE_RUNS, of(baseSource)) };
      console.log(`  ${key} ${f}: rollup p95 ${figures[key][f].rollup.p95.toFixed(1)} ms, base p95 ${figures[key][f].base.p95.toFixed(0)} ms`);
    }
    const actor = adminActorAt(sc.org);
    const call = (live: FigureSource) => () => dashboardFigures(db, actor, 'vi', { orgId: sc.org.id, year: YEAR }, { live });
    whole[key] = { rollup: await measure(RUNS, call(rollupSource)), base: await measure(BASE_RUNS, call(baseSource)) };
    console.log(`  ${key} whole dashboard: rollup p50 ${whole[key].rollup.p50.toFixed(0)} / p95 ${whole[key].rollup.p95.toFixed(0)} ms; base p95 ${whole[key].base.p95.toFixed(0)} ms`);
  }

  // What the triggers add to recording an award: one record inserted, then revoked, rolled back (without:
  // session_replication_role = replica, the snapshot columns given).
  const people = (await db.execute<{ id: number; org_path: string }>(sql`select id, org_path from person where id % 997 = 0 order by id limit ${RUNS}`)).rows;
  const maintain = async (withTriggers: boolean) => {
    const xs: number[] = [];
    for (const p of people) {
      xs.push(
        await elapsed(() =>
          db.transaction(async (tx) => {
            if (!withTriggers) await tx.execute(sql`set local session_replication_role = replica`);
            const r = await tx.execute<{ id: number }>(sql`
              insert into award_record (person_id, scope_path, award_code, year, subject_gender, subject_is_leader, subject_is_direct_worker)
              select id, ${p.org_path}, 'LDTT', ${YEAR}, gender, is_leader, is_direct_worker from person where id = ${p.id} returning id`);
            await tx.execute(sql`update award_record set status = 'REVOKED', revoked_at = now(), revoked_reason = 'Thử' where id = ${r.rows[0]!.id}`);
            tx.rollback();
          }).catch((e: unknown) => {
            if (!(e instanceof Error && e.message.includes('Rollback'))) throw e;
          }),
        ),
      );
    }
    return summarize(xs);
  };
  const signing = { withRollups: await maintain(true), withoutTriggers: await maintain(false) };
  console.log(`  one award recorded and revoked: p95 ${signing.withRollups.p95.toFixed(1)} ms with the rollup triggers, ${signing.withoutTriggers.p95.toFixed(1)} ms without`);

  const met = whole.national!.rollup.p95 <= TARGET.national && whole.province!.rollup.p95 <= TARGET.province && mismatches.length === 0;
  const result = {
    size, generation, year: YEAR, runs: RUNS, baseRuns: BASE_RUNS, province: province.name, provinceAwards: province.awards,
    mismatches: mismatches.length, figures, whole, signing, target: TARGET, met,
  };
  const file = writeResult('dashboard-national', startedAt, result, postgres);
  console.log(`→ ${file}`);
}

await runBench(main);
