// A unit's answer to a request from its superior: the first plan it issues on the basis of the
// superior's plan, or the first registration it submits for the year or movement. Called in the
// transaction that creates the answer, so the compliance table can never disagree with it.
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';

export type ResponseSource =
  /** A plan issued by the unit, naming these plans among its basis documents. */
  | { kind: 'PLAN'; basisPlanIds: readonly number[] }
  /** A registration under a movement, or (movementId null) for the year's titles. */
  | { kind: 'REGISTRATION'; movementId: number | null; year: number };

/**
 * Marks the unit as having responded to every open request it is a target of that the answer
 * satisfies; later answers keep the first one. Returns the ids of the requests answered now.
 */
export async function recordResponse(tx: Tx, orgId: number, source: ResponseSource, answer: { type: 'plan' | 'registration'; id: number }): Promise<number[]> {
  let match;
  if (source.kind === 'PLAN') {
    if (source.basisPlanIds.length === 0) return [];
    match = sql`r.response_kind = 'PLAN' and r.source_type = 'plan' and r.source_id = any(${sql.param([...source.basisPlanIds])}::bigint[])`;
  } else if (source.movementId !== null) {
    match = sql`r.response_kind = 'REGISTRATION' and r.source_type = 'movement' and r.source_id = ${source.movementId}`;
  } else {
    match = sql`r.response_kind = 'REGISTRATION' and r.source_type = 'plan' and r.year = ${source.year}`;
  }
  const r = await tx.execute<{ request_id: number }>(sql`
    update request_target t set responded_at = now(), response_type = ${answer.type}, response_id = ${answer.id}
    from response_request r
    where r.id = t.request_id and t.org_id = ${orgId} and t.responded_at is null and r.status = 'OPEN' and ${match}
    returning t.request_id`);
  return r.rows.map((x) => Number(x.request_id));
}
