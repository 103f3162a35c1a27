// Audit by construction: callers pass the transaction that makes the change, so the change and
// its audit events commit or roll back together. Events form a hash chain (each hash covers the
// previous one) anchored in audit_head, so an edited, removed or truncated event is detectable.
import { sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../db/client';
import { canonicalJson, sha256 } from './hash';

export interface AuditInput {
  action: string; // e.g. 'organisation.rename'
  entityType: string; // e.g. 'organisation'
  entityId: string | number | null;
  orgId: number | null; // the organisation whose subtree the event belongs to (for filtering)
  before?: unknown;
  after?: unknown;
}

export interface Actor {
  userId: number | null;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON round trip: what jsonb will give back, so that verification re-hashes the same bytes. */
const plain = (v: unknown): unknown => (v === undefined ? null : JSON.parse(JSON.stringify(v)));

export interface ChainFields {
  id: number;
  occurredAt: string; // ISO-8601 with milliseconds, UTC
  actorId: number | null;
  orgId: number | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export function eventHash(prevHash: string, e: ChainFields): string {
  return sha256(
    prevHash +
      '\n' +
      canonicalJson([e.id, e.occurredAt, e.actorId, e.orgId, e.action, e.entityType, e.entityId, e.before ?? null, e.after ?? null]),
  );
}

/** Appends events in the caller's transaction. Serialised by a transaction-scoped advisory lock. */
export async function audit(tx: Tx, actor: Actor, inputs: AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  await tx.execute(sql`select pg_advisory_xact_lock(7263001)`);
  const head = await tx.execute<{ last_hash: string; event_count: number }>(
    sql`select last_hash, event_count from audit_head where id = 1`,
  );
  let prev = head.rows[0]?.last_hash ?? GENESIS_HASH;
  const count = Number(head.rows[0]?.event_count ?? 0);
  const ids = await tx.execute<{ id: number }>(
    sql`select nextval(pg_get_serial_sequence('audit_event', 'id'))::bigint as id from generate_series(1, ${inputs.length})`,
  );
  const occurredAt = new Date().toISOString();
  const rows: (ChainFields & { prevHash: string; hash: string; orgPath: null })[] = [];
  inputs.forEach((input, i) => {
    const e: ChainFields = {
      id: Number(ids.rows[i]!.id),
      occurredAt,
      actorId: actor.userId,
      orgId: input.orgId,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId === null ? null : String(input.entityId),
      before: plain(input.before),
      after: plain(input.after),
    };
    const hash = eventHash(prev, e);
    rows.push({ ...e, prevHash: prev, hash, orgPath: null });
    prev = hash;
  });
  // One set-based insert; org_path is filled from the organisation table for subtree filtering.
  await tx.execute(sql`
    insert into audit_event (id, occurred_at, actor_id, org_id, org_path, action, entity_type, entity_id, before, after, prev_hash, hash)
    select r.id, r.occurred_at, r.actor_id, r.org_id, o.path, r.action, r.entity_type, r.entity_id, r.before, r.after, r.prev_hash, r.hash
    from jsonb_to_recordset(${JSON.stringify(
      rows.map((r) => ({
        id: r.id,
        occurred_at: r.occurredAt,
        actor_id: r.actorId,
        org_id: r.orgId,
        action: r.action,
        entity_type: r.entityType,
        entity_id: r.entityId,
        before: r.before,
        after: r.after,
        prev_hash: r.prevHash,
        hash: r.hash,
      })),
    )}::jsonb) as r(id bigint, occurred_at timestamptz, actor_id bigint, org_id bigint, action text, entity_type text,
                    entity_id text, before jsonb, after jsonb, prev_hash text, hash text)
    left join organisation o on o.id = r.org_id
    order by r.id`);
  const last = rows[rows.length - 1]!;
  await tx.execute(sql`
    insert into audit_head (id, last_id, last_hash, event_count) values (1, ${last.id}, ${last.hash}, ${count + rows.length})
    on conflict (id) do update set last_id = excluded.last_id, last_hash = excluded.last_hash, event_count = excluded.event_count`);
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  problems: { id: number | null; problem: 'HASH_MISMATCH' | 'BROKEN_LINK' | 'HEAD_MISMATCH' | 'COUNT_MISMATCH'; detail: string }[];
}

/** Re-computes every hash in id order, in pages, and compares the end of the chain with audit_head. */
export async function verifyAuditChain(db: DbOrTx, pageSize = 5000): Promise<VerifyResult> {
  const problems: VerifyResult['problems'] = [];
  let prev = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const page = await db.execute<{
      id: number; occurred_at: string; actor_id: number | null; org_id: number | null; action: string;
      entity_type: string; entity_id: string | null; before: unknown; after: unknown; prev_hash: string; hash: string;
    }>(sql`select id, to_json(occurred_at)#>>'{}' as occurred_at, actor_id, org_id, action, entity_type, entity_id, before, after, prev_hash, hash
           from audit_event where id > ${lastId} order by id limit ${pageSize}`);
    if (page.rows.length === 0) break;
    for (const r of page.rows) {
      const id = Number(r.id);
      if (r.prev_hash !== prev) problems.push({ id, problem: 'BROKEN_LINK', detail: 'prev_hash does not match the previous event (an event was removed or altered)' });
      const recomputed = eventHash(r.prev_hash, {
        id,
        occurredAt: new Date(r.occurred_at).toISOString(),
        actorId: r.actor_id === null ? null : Number(r.actor_id),
        orgId: r.org_id === null ? null : Number(r.org_id),
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        before: r.before,
        after: r.after,
      });
      if (recomputed !== r.hash) problems.push({ id, problem: 'HASH_MISMATCH', detail: 'content does not match its hash (the event was edited)' });
      prev = r.hash;
      lastId = id;
      checked++;
    }
  }
  const head = await db.execute<{ last_id: number; last_hash: string; event_count: number }>(sql`select last_id, last_hash, event_count from audit_head where id = 1`);
  const h = head.rows[0];
  if (h) {
    if (h.last_hash !== prev || Number(h.last_id) !== lastId) problems.push({ id: Number(h.last_id), problem: 'HEAD_MISMATCH', detail: 'the newest events are missing (the log was truncated)' });
    if (Number(h.event_count) !== checked) problems.push({ id: null, problem: 'COUNT_MISMATCH', detail: `expected ${h.event_count} events, found ${checked}` });
  } else if (checked > 0) {
    problems.push({ id: null, problem: 'HEAD_MISMATCH', detail: 'audit_head is missing' });
  }
  return { ok: problems.length === 0, checked, problems };
}
