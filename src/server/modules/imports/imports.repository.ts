import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { ImportJob, ImportRowError } from '../../../contracts/imports';
import type { ImportStatus } from '../../../contracts/enums';

export type ImportJobRow = {
  id: number;
  kind: 'members' | 'achievements';
  status: ImportStatus;
  file_name: string;
  stored_path: string;
  org_id: number;
  user_id: number;
  total_rows: number;
  processed_rows: number;
  to_create: number;
  to_update: number;
  error_count: number;
  errors: ImportRowError[];
  created_at: string;
  finished_at: string | null;
};

export async function findJob(db: DbOrTx, id: number): Promise<ImportJobRow | null> {
  const r = await db.execute<ImportJobRow>(sql`
    select id, kind, status, file_name, stored_path, org_id, user_id, total_rows, processed_rows, to_create, to_update, error_count, errors,
           to_json(created_at)#>>'{}' as created_at, to_json(finished_at)#>>'{}' as finished_at
    from import_job where id = ${id}`);
  return r.rows[0] ?? null;
}

export async function updateJob(db: DbOrTx, id: number, fields: Partial<{ status: ImportStatus; totalRows: number; processedRows: number; toCreate: number; toUpdate: number; errorCount: number; errors: ImportRowError[]; finished: boolean }>) {
  const sets = [];
  if (fields.status !== undefined) sets.push(sql`status = ${fields.status}`);
  if (fields.totalRows !== undefined) sets.push(sql`total_rows = ${fields.totalRows}`);
  if (fields.processedRows !== undefined) sets.push(sql`processed_rows = ${fields.processedRows}`);
  if (fields.toCreate !== undefined) sets.push(sql`to_create = ${fields.toCreate}`);
  if (fields.toUpdate !== undefined) sets.push(sql`to_update = ${fields.toUpdate}`);
  if (fields.errorCount !== undefined) sets.push(sql`error_count = ${fields.errorCount}`);
  if (fields.errors !== undefined) sets.push(sql`errors = ${JSON.stringify(fields.errors)}::jsonb`);
  if (fields.finished) sets.push(sql`finished_at = now()`);
  if (sets.length === 0) return;
  await db.execute(sql`update import_job set ${sql.join(sets, sql`, `)} where id = ${id}`);
}

/** A member import job (achievement jobs: presentAchievementJob). */
export function presentJob(j: ImportJobRow): ImportJob {
  return {
    id: Number(j.id),
    kind: 'members',
    status: j.status,
    fileName: j.file_name,
    orgId: Number(j.org_id),
    totalRows: j.total_rows,
    processedRows: j.processed_rows,
    toCreate: j.to_create,
    toUpdate: j.to_update,
    errorCount: j.error_count,
    errors: j.errors.slice(0, 200),
    createdAt: j.created_at,
    finishedAt: j.finished_at,
  };
}
