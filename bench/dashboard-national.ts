// Benchmark: the dashboard at national scale (issue 10). A national dataset from `bench-data`
// (TLĐ → 34 provinces → district-level unions → CĐCS → tổ công đoàn, members, and award records over
// 10 years — bench/../src/server/seed/bench-awards.ts), then for the national root and one province
// (the largest) each figure query and the whole dashboard call, from the rollups (rollupSource, the
// live figures) and from the plain SQL over the base tables (baseSource, the reference) — after
// checking that both give the same rows. Also the cost the triggers add to recording one award.
//
// Sizes: BENCH_NATIONAL_MEMBERS (default 200,000; the national set is 11,300,000),
// BENCH_NATIONAL_AWARDS (default members × 30/11.3, i.e. 30 million for the national set),
// BENCH_NATIONAL_PER_CDCS (default 90), BENCH_NATIONAL_RUNS (default 30, rollups),
// BENCH_NATIONAL_BASE_RUNS (default 5, the base tables: seconds each at full scale).
// Where: embedded by default; BENCH_DATABASE_URL=postgres://… generates in a fresh database on that
// server; BENCH_NATIONAL_DB=postgres://…/vd_national measures an already generated database as is
// (`npx vinhdanh bench-data --members 11300000 --per-cdcs 90 --years 10 --awards 30000000`).
import { sql } from 'drizzle-orm';
import { connect } from '../src/server/db/client';
import type { Db } from '../src/server/db/client';
import type { AuthActor } from '../src/server/lib/actor';
import { generateBenchData } from '../src/server/seed/bench-data';
import { generateBenchAwards, generateBenchFunnel } from '../src/server/seed/bench-awards';
import { baseSource, type FigureSource } from '../src/server/modules/dashboard/dashboard.base';
import { rollupSource } from '../src/server/modules/dashboard/dashboard.rollup';
import { dashboardFigures } from '../src/server/modules/dashboard/dashboard.service';
import { compareSources } from './lib/dashboard-compare';
import { onCleanup, openBenchDatabase, runCleanups } from './lib/database';
import { envInt, writeResult } from './lib/results';
import { summarize, type Summary } from './lib/stats';

const MEMBERS = envInt('BENCH_NATIONAL_MEMBERS', 200_000);
const AWARDS = envInt('BENCH_NATIONAL_AWARDS', Math.round((MEMBERS * 30) / 11.3));
const PER_CDCS = envInt('BENCH_NATIONAL_PER_CDCS', 90);
const RUNS = envInt('BENCH_NATIONAL_RUNS', 30);
const BASE_RUNS = envInt('BENCH_NATIONAL_BASE_RUNS', 5);
const YEAR = 2025;
const TARGET = { national: 500, province: 200 };
const FIGURES = ['awardCounts', 'shareCounts', 'streaks', 'funnel'] as const;

async function openDatabase(): Promise<{ db: Db; postgres: string; generated: boolean }> {
  const existing = process.env.BENCH_NATIONAL_DB;
  if (existing) {
    const database = connect(existing, 10);
    onCleanup(() => database.close());
    const v = await database.pool.query<{ server_version: string }>('show server_version');
    return { db: database.db, postgres: `PostgreSQL ${v.rows[0]!.server_version} (BENCH_NATIONAL_DB, generated beforehand)`, generated: false };
  }
  const bdb = await openBenchDatabase(process.env.BENCH_DATABASE_URL ? 'national_server' : 'national_embedded');
  return { db: bdb.db, postgres: bdb.postgres, generated: true };
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function measure(runs: number, fn: () => Promise<unknown>): Promise<Summary> {
  await fn(); // warm-up
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) xs.push(await time(fn));
  return summarize(xs);
}

function actorAt(org: { id: number; path: string; name: string }): AuthActor {
  return {
    userId: 0, username: 'bench', displayName: 'Bench', locale: 'vi', personId: null, csrfToken: '', sessionHash: '',
    roles: [{ id: 0, role: 'SYSTEM_ADMIN', orgId: org.id, orgPath: org.path, orgName: org.name }],
  };
}

async function main() {
  const startedAt = new Date();
  const { db, postgres, generated } = await openDatabase();
  console.log(`dashboard-national: ${postgres}`);
  let generation: Record<string, number> | null = null;
  if (generated) {
    const log = (m: string) => console.log(`  ${m}`);
    const m = await generateBenchData(db, { members: MEMBERS, perCdcs: PER_CDCS, log });
    const a = await generateBenchAwards(db, { awards: AWARDS, years: 10, lastYear: YEAR, log });
    const f = await generateBenchFunnel(db, { year: YEAR, log });
    generation = { membersSeconds: m.totalSeconds, awardsSeconds: a.totalSeconds, rollupSeconds: a.stages.rollups ?? 0, funnelSeconds: f.seconds };
  }
  const size = (
    await db.execute<{ members: number; orgs: number; awards: number; active: number; year_awards: number; nominations: number; registrations: number }>(sql`
      select (select count(*)::int from person) as members, (select count(*)::int from organisation) as orgs,
             (select count(*)::int from award_record) as awards, (select count(*)::int from award_record where status = 'ACTIVE') as active,
             (select count(*)::int from award_record where year = ${YEAR}) as year_awards,
             (select count(*)::int from nomination) as nominations, (select count(*)::int from emulation_registration) as registrations`)
  ).rows[0]!;
  console.log(`  ${JSON.stringify(size)}`);
  const root = (await db.execute<{ id: number; path: string; name: string }>(sql`select id, path, name from organisation where depth = 0 order by id limit 1`)).rows[0]!;
  const province = (
    await db.execute<{ id: number; path: string; name: string; awards: number }>(sql`
      select o.id, o.path, o.name, (select coalesce(sum(individuals + collectives), 0)::int from dash_award_rollup where prefix = o.path and year = ${YEAR}) as awards
      from organisation o where o.depth = 1 order by awards desc, o.id limit 1`)
  ).rows[0]!;
  const district = (await db.execute<{ path: string }>(sql`select path from organisation where depth = 2 and path like ${`${province.path}%`} order by id limit 1`)).rows[0]!;
  const cdcs = (await db.execute<{ path: string }>(sql`select path from organisation where depth = 3 and path like ${`${district.path}%`} order by id limit 2`)).rows;

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
    const actor = actorAt(sc.org);
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
        await time(() =>
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

const failed = await main().then(
  () => false,
  (err: unknown) => (console.error(err), true),
);
await runCleanups();
if (failed) process.exit(1);
