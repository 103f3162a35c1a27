// Helpers for the award, record and record-import tests.
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client';

export async function countRows(db: Db, table: string, where = sql`true`): Promise<number> {
  const r = await db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.raw(table)} where ${where}`);
  return Number(r.rows[0]!.n);
}

export async function auditEvents(db: Db, action: string, entityId?: string | number) {
  const r = await db.execute<{ id: number; action: string; entity_type: string; entity_id: string; before: unknown; after: Record<string, unknown> | null }>(
    sql`select id, action, entity_type, entity_id, before, after from audit_event
        where action = ${action} ${entityId === undefined ? sql`` : sql`and entity_id = ${String(entityId)}`} order by id`,
  );
  return r.rows;
}
