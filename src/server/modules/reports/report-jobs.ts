// Frozen reports and their re-runs are computed in the background: at national scale the figures as
// of a moment come from the base tables (about a minute at the root), so the request only records
// the job and answers at once; the page follows its progress. Both kinds of job first wait for the
// records up to the moment to settle, then compute through the same base queries, so that a report
// frozen now and re-run later gives the same numbers.
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { runInBackground, type AppContext } from '../../lib/context';
import type { MessageKey } from '../../../contracts/messages';
import { failpoint } from '../../lib/failpoints';

export type JobTable = 'report_snapshot' | 'report_rerun';

/** Settling, then the four counts of the figures (awards, shares, streaks, funnel). */
export const FIGURE_STEPS = 5;

export type JobFailure = Extract<MessageKey, 'reports.job.unsettled' | 'reports.job.error' | 'reports.job.interrupted'>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Records a step done (and a sign of life). */
export async function jobStep(db: Db, table: JobTable, id: number, done: number): Promise<void> {
  await db.execute(sql`update ${sql.raw(table)} set progress_done = greatest(progress_done, ${done}), heartbeat_at = now() where id = ${id} and status = 'COMPUTING'`);
}

async function failJob(db: Db, table: JobTable, id: number, failure: JobFailure): Promise<void> {
  await db.execute(sql`update ${sql.raw(table)} set status = 'FAILED', failure = ${failure}, heartbeat_at = now() where id = ${id} and status = 'COMPUTING'`);
}

/**
 * Waits until the records as they stood at `asOf` can no longer change. A write is stamped with its
 * transaction's start (or a moment the application took just before), and it becomes visible only
 * when it commits: a transaction begun before the moment may still commit rows stamped before it.
 * So: wait until the clock has passed the moment plus the margin and no other transaction of this
 * database begun by then is still open. False when that takes longer than `maxMs`.
 */
export async function settle(db: Db, asOf: string, o: { settleMs: number; maxMs: number; beat: () => Promise<void> }): Promise<boolean> {
  const horizon = new Date(new Date(asOf).getTime() + o.settleMs).toISOString();
  const deadline = Date.now() + o.maxMs;
  for (;;) {
    const r = await db.execute<{ open: number; wait_ms: number }>(sql`
      select (select count(*)::int from pg_stat_activity
              where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'
                and xact_start <= ${horizon}::timestamptz) as open,
             greatest(0, ceil(extract(epoch from (${horizon}::timestamptz - clock_timestamp())) * 1000))::int as wait_ms`);
    const { open, wait_ms: waitMs } = r.rows[0]!;
    if (open === 0 && waitMs === 0) return true;
    if (Date.now() >= deadline) return false;
    await o.beat();
    await sleep(Math.min(Math.max(waitMs, 50), 500));
  }
}

/**
 * Runs a report job in the background: settle, compute (calling `step` after each count), then
 * `finish` stores the result in a transaction with its audit event. Any failure is stored with a
 * reason; the job row is never removed.
 */
export function startReportJob<T>(
  app: AppContext,
  job: { table: JobTable; id: number; asOf: string },
  compute: (step: () => Promise<void>) => Promise<T>,
  finish: (tx: Tx, result: T) => Promise<void>,
): void {
  const { table, id, asOf } = job;
  runInBackground(app, async () => {
    try {
      const settled = await settle(app.db, asOf, {
        settleMs: app.config.REPORT_SETTLE_MS,
        maxMs: app.config.REPORT_SETTLE_MAX_MS,
        beat: () => jobStep(app.db, table, id, 0),
      });
      if (!settled) return await failJob(app.db, table, id, 'reports.job.unsettled');
      let done = 1;
      await jobStep(app.db, table, id, done);
      await failpoint('report.job.step');
      const result = await compute(() => jobStep(app.db, table, id, ++done));
      await app.db.transaction((tx) => finish(tx, result));
    } catch {
      await failJob(app.db, table, id, 'reports.job.error');
    }
  });
}

/**
 * At start-up (one application process): a report job the previous process left computing can no
 * longer finish, so it is marked failed with the reason shown on its row; the report can be frozen
 * again. Returns how many were marked.
 */
export async function failInterruptedReportJobs(db: Db): Promise<number> {
  const failure: JobFailure = 'reports.job.interrupted';
  const a = await db.execute(sql`update report_snapshot set status = 'FAILED', failure = ${failure}, heartbeat_at = now() where status = 'COMPUTING' returning id`);
  const b = await db.execute(sql`update report_rerun set status = 'FAILED', failure = ${failure}, heartbeat_at = now() where status = 'COMPUTING' returning id`);
  return a.rows.length + b.rows.length;
}

/** The job's status and failure as shown: a job silent for longer than `staleMinutes` is interrupted. */
export function jobState(alias: string, staleMinutes: number) {
  const a = sql.raw(alias);
  const stale = sql`(${a}.status = 'COMPUTING' and coalesce(${a}.heartbeat_at, ${a}.created_at) < now() - make_interval(mins => ${staleMinutes}))`;
  return {
    status: sql`case when ${stale} then 'FAILED' else ${a}.status end`,
    failure: sql`case when ${stale} then 'reports.job.interrupted' else ${a}.failure end`,
  };
}
