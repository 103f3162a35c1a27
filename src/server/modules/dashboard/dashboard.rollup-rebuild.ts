// Recomputes the dashboard rollups (dash_award_rollup, dash_subject_run, dash_streak_count) from the
// award records in force, and the funnel rollup (dash_funnel_rollup, dash_nomination_reach) from the
// registrations and nomination events, set-based, in one transaction with an audit event: after a bulk
// load that ran with the rollup triggers disabled, or as a repair. Writers to award_record,
// emulation_registration and nomination_event wait meanwhile.
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { audit } from '../../lib/audit';

export interface RollupCounts {
  awardRows: number;
  runRows: number;
  streakRows: number;
  funnelRows: number;
}

async function countRows(tx: Db | Tx): Promise<RollupCounts> {
  const r = await tx.execute<{ a: number; r: number; s: number; f: number }>(sql`
    select (select count(*)::int from dash_award_rollup) as a, (select count(*)::int from dash_subject_run) as r, (select count(*)::int from dash_streak_count) as s,
           (select count(*)::int from dash_funnel_rollup) as f`);
  const row = r.rows[0]!;
  return { awardRows: Number(row.a), runRows: Number(row.r), streakRows: Number(row.s), funnelRows: Number(row.f) };
}

/** Rebuilds inside the caller's transaction (no audit): bench-data uses it at the end of its load. */
export async function rebuildRollupsIn(tx: Db | Tx): Promise<RollupCounts> {
  await tx.execute(sql`set local work_mem = '256MB'`);
  await tx.execute(sql`select vd_dash_rebuild()`);
  await tx.execute(sql`select vd_dash_funnel_rebuild()`);
  return countRows(tx);
}

export async function rebuildRollups(db: Db, actor: { userId: number | null }): Promise<RollupCounts & { seconds: number }> {
  const t0 = performance.now();
  const counts = await db.transaction(async (tx) => {
    const c = await rebuildRollupsIn(tx);
    await audit(tx, actor, [{ action: 'dashboard.rollups.rebuild', entityType: 'system', entityId: null, orgId: null, after: { ...c } }]);
    return c;
  });
  return { ...counts, seconds: Math.round((performance.now() - t0) / 10) / 100 };
}
