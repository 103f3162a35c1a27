// Benchmark: frozen reports at national scale (issue 10). Freezing and re-running compute the figures
// as of a moment from the base tables in a background job (docs/reports.md); the request answers at
// once. For the largest province and the national root: the request's time, the job's time to ACTIVE
// (its steps as the progress moved), a re-run's request and job time and that it is identical; then
// the pages that read a frozen report (the list, one report, the DOCX from its stored figures) and the
// freeze request for a grassroots union, each BENCH_REPORT_JOBS_RUNS (default 20) times.
// Where: the national dataset of bench/lib/national.ts (BENCH_NATIONAL_DB=postgres://…/vd_national to
// measure the generated national set as is). The reports it freezes stay (nothing is deleted).
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/server/config';
import { createContext } from '../src/server/bootstrap';
import type { AppContext } from '../src/server/lib/context';
import type { AuthActor } from '../src/server/lib/actor';
import { createSnapshot, getSnapshot, listSnapshots, requestRerun, snapshotAnnualSummary } from '../src/server/modules/reports/snapshots.service';
import { runBench } from './lib/database';
import { adminActorAt, nationalScopes, openNationalDatabase, type Scope } from './lib/national';
import { envInt, writeResult } from './lib/results';
import { measure, type Summary } from './lib/stats';

const RUNS = envInt('BENCH_REPORT_JOBS_RUNS', 20);
const YEAR = 2025;
const POLL_MS = 250;

type JobTimes = { requestMs: number; jobSeconds: number; steps: number[]; status: string };

/** Polls the job row until it leaves COMPUTING; the seconds since `start` at each step and at the end. */
async function follow(ctx: AppContext, table: 'report_snapshot' | 'report_rerun', id: number, start: number): Promise<Omit<JobTimes, 'requestMs'>> {
  const steps: number[] = [];
  for (;;) {
    const r = (await ctx.db.execute<{ status: string; done: number }>(sql`select status, progress_done as done from ${sql.raw(table)} where id = ${id}`)).rows[0]!;
    while (steps.length < r.done) steps.push(Math.round((performance.now() - start) / 100) / 10);
    if (r.status !== 'COMPUTING') return { jobSeconds: Math.round((performance.now() - start) / 100) / 10, steps, status: r.status };
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function freezeAndCheck(ctx: AppContext, actor: AuthActor, org: Scope) {
  let start = performance.now();
  const s = await createSnapshot(ctx, actor, 'vi', { orgId: org.id, year: YEAR, kind: 'ANNUAL_SUMMARY', title: `Bench ${new Date().toISOString()}` });
  const freeze: JobTimes = { requestMs: performance.now() - start, ...(await follow(ctx, 'report_snapshot', s.id, start)) };
  console.log(`  ${org.name}: freeze request ${freeze.requestMs.toFixed(0)} ms, job ${freeze.jobSeconds} s (${freeze.status}; steps at ${freeze.steps.join(', ')} s)`);
  start = performance.now();
  const r = await requestRerun(ctx, actor, 'vi', s.id);
  const rerun: JobTimes = { requestMs: performance.now() - start, ...(await follow(ctx, 'report_rerun', r.id, start)) };
  const identical = (await ctx.db.execute<{ identical: boolean | null }>(sql`select identical from report_rerun where id = ${r.id}`)).rows[0]!.identical;
  console.log(`  ${org.name}: re-run request ${rerun.requestMs.toFixed(0)} ms, job ${rerun.jobSeconds} s, identical: ${identical}`);
  return { snapshotId: s.id, freeze, rerun, identical };
}

async function main() {
  const startedAt = new Date();
  const { database, postgres } = await openNationalDatabase('report_jobs', YEAR);
  console.log(`report-jobs-national: ${postgres}`);
  const ctx = createContext(
    loadConfig({ DATA_DIR: path.join(os.tmpdir(), 'vd-bench-report-jobs'), SESSION_SECRET: crypto.randomBytes(32).toString('hex'), LOG_LEVEL: 'silent' }),
    database,
  );
  const { root, province, cdcs } = await nationalScopes(database.db, YEAR);

  const jobs: Record<string, Awaited<ReturnType<typeof freezeAndCheck>>> = {};
  for (const [key, org] of [['province', province], ['national', root]] as const) jobs[key] = await freezeAndCheck(ctx, adminActorAt(org), org);

  const pages: Record<string, Record<string, Summary>> = {};
  for (const [key, org] of [['province', province], ['national', root]] as const) {
    const actor = adminActorAt(org);
    const id = jobs[key]!.snapshotId;
    const p = {
      list: await measure(RUNS, () => listSnapshots(ctx.db, actor, 'vi', { orgId: org.id, year: YEAR, page: 1, pageSize: 10 })),
      get: await measure(RUNS, () => getSnapshot(ctx.db, actor, 'vi', id)),
      docx: await measure(RUNS, () => snapshotAnnualSummary(ctx.db, actor, id)),
    };
    pages[key] = p;
    console.log(`  ${key} pages p95: list ${p.list.p95.toFixed(0)} ms, report ${p.get.p95.toFixed(0)} ms, DOCX from stored figures ${p.docx.p95.toFixed(0)} ms`);
  }
  // The freeze request alone (its job is small for a grassroots union).
  const unit = cdcs[0]!;
  const request = await measure(RUNS, () => createSnapshot(ctx, adminActorAt(unit), 'vi', { orgId: unit.id, year: YEAR, kind: 'DASHBOARD', title: undefined }));
  console.log(`  freeze request (grassroots union) p95 ${request.p95.toFixed(0)} ms`);
  await Promise.allSettled([...ctx.background]);

  const file = writeResult('report-jobs-national', startedAt, { year: YEAR, runs: RUNS, settleMs: ctx.config.REPORT_SETTLE_MS, province: { name: province.name }, jobs, pages, request }, postgres);
  console.log(`  → ${file}`);
}

await runBench(main);
