// The dashboard's funnel from its rollup (migration 0023): dash_funnel_rollup holds, per subtree (path
// prefix), year and stage, the registrations in force and not returned and the nominations of the
// year's rounds that reached each stage — the rows baseFunnel gives for the records as they stand now,
// read by primary key instead of scanning the year's registrations and events. Maintained by
// statement-level triggers on emulation_registration and nomination_event, rebuilt by
// `vinhdanh rollups rebuild` (dashboard.rollup-rebuild.ts).
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { FUNNEL_STAGES } from '../../../contracts/dashboard';
import type { FigureScope, FunnelRow } from './dashboard.base';

export async function rollupFunnel(db: DbOrTx, s: FigureScope): Promise<FunnelRow[]> {
  if (s.asOf !== undefined) throw new Error('rollupFunnel answers for the records as they stand now only (asOf must be undefined)');
  const stages = sql.join(
    FUNNEL_STAGES.map((stage) => sql`${stage}`),
    sql`, `,
  );
  // bigint like baseFunnel's counts (node-postgres gives them as strings), every stage in order.
  const r = await db.execute<FunnelRow>(sql`
    select k.stage, coalesce(f.individuals, 0)::bigint as individuals, coalesce(f.collectives, 0)::bigint as collectives
    from unnest(array[${stages}]::text[]) with ordinality as k(stage, ord)
    left join dash_funnel_rollup f on f.prefix = ${s.path} and f.year = ${s.year} and f.stage = k.stage
    order by k.ord`);
  return r.rows;
}
