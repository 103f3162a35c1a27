// Member import: upload → validate (in the background, with progress) → preview → commit
// all-or-nothing in one transaction. Existing people are matched by CCCD or member code and
// updated (never duplicated); every created or updated person gets an audit event.
import fs from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../lib/context';
import { runInBackground } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import type { Tx } from '../../db/client';
import { audit, type AuditInput } from '../../lib/audit';
import { AppError, conflict } from '../../lib/errors';
import { MANAGE_ROLES, scopePaths } from '../../lib/policy';
import { t } from '../../../contracts/messages';
import type { ImportRowError } from '../../../contracts/imports';
import { validateMemberFile, MEMBER_COLUMN_BY_KEY, type MemberImportRow } from './xlsx';
import { findJob, updateJob, type ImportJobRow } from './imports.repository';
import type { OrgRow } from '../organisations/organisations.repository';
import { failpoint } from '../../lib/failpoints';

const CHUNK = 15_000;
const PROGRESS_EVERY_MS = 250;

function throttle(fn: (n: number) => void) {
  let last = 0;
  return (n: number) => {
    const now = Date.now();
    if (now - last >= PROGRESS_EVERY_MS) {
      last = now;
      fn(n);
    }
  };
}

/** Units of the import's subtree that can hold members, by code (what the file may name). */
async function unitCodesUnder(app: AppContext, org: OrgRow): Promise<Map<string, number>> {
  const r = await app.db.execute<{ code: string; id: number }>(sql`
    select o.code, o.id from organisation o join org_kind k on k.code = o.kind
    where o.path like ${org.path + '%'} and o.status = 'ACTIVE' and k.holds_members`);
  return new Map(r.rows.map((u) => [u.code.toUpperCase(), Number(u.id)]));
}

export async function startMemberImport(app: AppContext, actor: AuthActor, org: OrgRow, fileName: string, storedPath: string): Promise<number> {
  const r = await app.db.execute<{ id: number }>(sql`
    insert into import_job (kind, status, file_name, stored_path, org_id, user_id)
    values ('members', 'VALIDATING', ${fileName}, ${storedPath}, ${org.id}, ${actor.userId}) returning id`);
  const jobId = Number(r.rows[0]!.id);
  runInBackground(app, () => validateJob(app, actor, jobId, org));
  return jobId;
}

const rowError = (row: number, column: keyof typeof MEMBER_COLUMN_BY_KEY | null, code: string, value: string | null, params: Record<string, string | number> = {}): ImportRowError => ({
  row,
  column: column ? MEMBER_COLUMN_BY_KEY[column].header : null,
  code,
  message: t('vi', code, params),
  value,
});

/** Resolves each staged row to an existing person and reports rows that cannot be applied. */
async function resolveMatches(tx: Tx, actor: AuthActor, jobId: number): Promise<ImportRowError[]> {
  await tx.execute(sql`
    update import_row r set person_id = coalesce(
      (select p.id from person p where p.cccd = r.data->>'cccd'),
      (select p.id from person p where p.member_code = r.data->>'memberCode'))
    where r.job_id = ${jobId}`);
  const conflicts = await tx.execute<{ row_number: number; cccd: string; member_code: string }>(sql`
    select r.row_number, r.data->>'cccd' as cccd, r.data->>'memberCode' as member_code
    from import_row r
    join person byc on byc.cccd = r.data->>'cccd'
    join person bym on bym.member_code = r.data->>'memberCode'
    where r.job_id = ${jobId} and byc.id <> bym.id order by r.row_number limit 1000`);
  const paths = scopePaths(actor, MANAGE_ROLES);
  const inScope = paths.length ? sql.join(paths.map((p) => sql`p.org_path like ${p + '%'}`), sql` or `) : sql`false`;
  const outside = await tx.execute<{ row_number: number; cccd: string | null; member_code: string | null }>(sql`
    select r.row_number, r.data->>'cccd' as cccd, r.data->>'memberCode' as member_code
    from import_row r join person p on p.id = r.person_id
    where r.job_id = ${jobId} and not (coalesce(${inScope}, false)) order by r.row_number limit 1000`);
  return [
    ...conflicts.rows.map((c) => rowError(c.row_number, 'cccd', 'import.commit.matchConflict', c.cccd, { code: c.member_code })),
    ...outside.rows.map((c) => rowError(c.row_number, c.cccd ? 'cccd' : 'memberCode', 'import.commit.outOfScope', c.cccd ?? c.member_code)),
  ].sort((a, b) => a.row - b.row);
}

async function stageRows(tx: Tx, jobId: number, rows: MemberImportRow[]) {
  await tx.execute(sql`delete from import_row where job_id = ${jobId}`);
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK).map((r) => ({ row_number: r.rowNumber, data: r }));
    await tx.execute(sql`insert into import_row (job_id, row_number, data)
      select ${jobId}, row_number, data from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as x(row_number int, data jsonb)`);
  }
}

async function validateJob(app: AppContext, actor: AuthActor, jobId: number, org: OrgRow) {
  const job = (await findJob(app.db, jobId))!;
  try {
    const unitCodes = await unitCodesUnder(app, org);
    const progress = throttle((n) => void updateJob(app.db, jobId, { processedRows: n }).catch(() => undefined));
    const result = await validateMemberFile(job.stored_path, { unitCodes }, progress);
    if (result.errorCount > 0) {
      await updateJob(app.db, jobId, { status: 'INVALID', totalRows: result.totalRows, processedRows: result.totalRows, errorCount: result.errorCount, errors: result.errors, finished: true });
      return;
    }
    const matchErrors = await app.db.transaction(async (tx) => {
      await stageRows(tx, jobId, result.rows);
      return resolveMatches(tx, actor, jobId);
    });
    if (matchErrors.length > 0) {
      await app.db.execute(sql`delete from import_row where job_id = ${jobId}`);
      await updateJob(app.db, jobId, { status: 'INVALID', totalRows: result.totalRows, processedRows: result.totalRows, errorCount: matchErrors.length, errors: matchErrors, finished: true });
      return;
    }
    const counts = await app.db.execute<{ updates: number; creates: number }>(sql`
      select count(person_id)::int as updates, (count(*) - count(person_id))::int as creates from import_row where job_id = ${jobId}`);
    await updateJob(app.db, jobId, { status: 'READY', totalRows: result.totalRows, processedRows: result.totalRows, toCreate: counts.rows[0]!.creates, toUpdate: counts.rows[0]!.updates, finished: true });
  } catch (err) {
    await updateJob(app.db, jobId, { status: 'FAILED', errorCount: 1, errors: [rowError(0, null, 'import.commit.failed', err instanceof Error ? err.message.slice(0, 200) : null)], finished: true });
  }
}

export async function commitMemberImport(app: AppContext, actor: AuthActor, job: ImportJobRow): Promise<void> {
  const claimed = await app.db.execute(sql`update import_job set status = 'COMMITTING', processed_rows = 0, finished_at = null where id = ${job.id} and status = 'READY' returning id`);
  if (claimed.rows.length === 0) throw conflict('import.commit.notReady');
  runInBackground(app, () => applyJob(app, actor, Number(job.id), job.total_rows));
}

const SNAPSHOT = sql`jsonb_build_object('memberCode', p.member_code, 'fullName', p.full_name, 'gender', p.gender, 'birthDate', p.birth_date,
  'cccd', p.cccd, 'position', p.position, 'isLeader', p.is_leader, 'isDirectWorker', p.is_direct_worker, 'phone', p.phone, 'email', p.email,
  'ethnicity', p.ethnicity, 'joinedUnionOn', p.joined_union_on, 'status', p.status, 'orgId', p.org_id)`;

async function applyJob(app: AppContext, actor: AuthActor, jobId: number, total: number) {
  const today = new Date().toISOString().slice(0, 10);
  try {
    const summary = await app.db.transaction(async (tx) => {
      const errors = await resolveMatches(tx, actor, jobId);
      if (errors.length > 0) throw Object.assign(new Error('conflicts'), { importErrors: errors });
      let created = 0;
      let updated = 0;
      const maxRow = Number((await tx.execute<{ m: number | null }>(sql`select max(row_number) as m from import_row where job_id = ${jobId}`)).rows[0]?.m ?? 0);
      for (let from = 0; from < maxRow; from += CHUNK) {
        const range = sql`r.job_id = ${jobId} and r.row_number > ${from} and r.row_number <= ${from + CHUNK}`;
        const events: AuditInput[] = [];
        // Updates: empty cells never erase what is already recorded.
        const before = await tx.execute<{ id: number; org_id: number | null; snap: Record<string, unknown> }>(sql`
          select p.id, p.org_id, ${SNAPSHOT} as snap from person p join import_row r on r.person_id = p.id where ${range}`);
        if (before.rows.length > 0) {
          await tx.execute(sql`
            update membership m set valid_to = ${today}, end_reason = 'TRANSFER'
            from import_row r, person p
            where ${range} and p.id = r.person_id and m.person_id = p.id and m.valid_to is null
              and p.org_id is distinct from (r.data->>'orgId')::bigint`);
          const changedUnit = await tx.execute<{ id: number }>(sql`
            select p.id from person p join import_row r on r.person_id = p.id
            where ${range} and (p.org_id is distinct from (r.data->>'orgId')::bigint or p.status = 'LEFT')`);
          const after = await tx.execute<{ id: number; org_id: number; snap: Record<string, unknown> }>(sql`
            update person p set
              full_name = r.data->>'fullName', gender = r.data->>'gender',
              birth_date = coalesce((r.data->>'birthDate')::date, p.birth_date), cccd = coalesce(r.data->>'cccd', p.cccd),
              member_code = coalesce(r.data->>'memberCode', p.member_code), position = coalesce(r.data->>'position', p.position),
              is_leader = (r.data->>'isLeader')::boolean, is_direct_worker = (r.data->>'isDirectWorker')::boolean,
              phone = coalesce(r.data->>'phone', p.phone), email = coalesce(r.data->>'email', p.email),
              ethnicity = coalesce(r.data->>'ethnicity', p.ethnicity), joined_union_on = coalesce((r.data->>'joinedUnionOn')::date, p.joined_union_on),
              status = 'ACTIVE', org_id = o.id, org_path = o.path, province_root_id = o.province_root_id,
              version = p.version + 1, updated_at = now()
            from import_row r, organisation o
            where ${range} and p.id = r.person_id and o.id = (r.data->>'orgId')::bigint
            returning p.id, p.org_id, ${SNAPSHOT} as snap`);
          if (changedUnit.rows.length > 0) {
            const ids = sql.join(changedUnit.rows.map((x) => sql`${Number(x.id)}`), sql`, `);
            await tx.execute(sql`insert into membership (person_id, org_id, valid_from, note)
              select id, org_id, ${today}, 'Nhập từ tệp Excel' from person where id in (${ids})`);
          }
          const beforeById = new Map(before.rows.map((b) => [Number(b.id), b.snap]));
          for (const a of after.rows) {
            events.push({ action: 'member.import.update', entityType: 'person', entityId: Number(a.id), orgId: Number(a.org_id), before: beforeById.get(Number(a.id)), after: { ...a.snap, importJobId: jobId } });
          }
          updated += after.rows.length;
        }
        const inserted = await tx.execute<{ id: number; org_id: number; snap: Record<string, unknown> }>(sql`
          insert into person (member_code, full_name, gender, birth_date, cccd, position, is_leader, is_direct_worker, phone, email, ethnicity,
                              joined_union_on, status, org_id, org_path, province_root_id)
          select coalesce(r.data->>'memberCode', 'VD' || lpad(nextval('member_code_seq')::text, 8, '0')), r.data->>'fullName', r.data->>'gender',
                 (r.data->>'birthDate')::date, r.data->>'cccd', r.data->>'position', (r.data->>'isLeader')::boolean, (r.data->>'isDirectWorker')::boolean,
                 r.data->>'phone', r.data->>'email', r.data->>'ethnicity', (r.data->>'joinedUnionOn')::date, 'ACTIVE', o.id, o.path, o.province_root_id
          from import_row r join organisation o on o.id = (r.data->>'orgId')::bigint
          where ${range} and r.person_id is null order by r.row_number
          returning id, org_id, ${sql.raw(`jsonb_build_object('memberCode', member_code, 'fullName', full_name, 'gender', gender, 'birthDate', birth_date,
            'cccd', cccd, 'position', position, 'isLeader', is_leader, 'isDirectWorker', is_direct_worker, 'phone', phone, 'email', email,
            'ethnicity', ethnicity, 'joinedUnionOn', joined_union_on, 'status', status, 'orgId', org_id)`)} as snap`);
        if (inserted.rows.length > 0) {
          const ids = sql.join(inserted.rows.map((x) => sql`${Number(x.id)}`), sql`, `);
          await tx.execute(sql`insert into membership (person_id, org_id, valid_from)
            select id, org_id, coalesce(joined_union_on, ${today}::date) from person where id in (${ids})`);
          for (const a of inserted.rows) {
            events.push({ action: 'member.import.create', entityType: 'person', entityId: Number(a.id), orgId: Number(a.org_id), after: { ...a.snap, importJobId: jobId } });
          }
          created += inserted.rows.length;
        }
        await failpoint('import.commit.chunk');
        await audit(tx, actor, events);
        void updateJob(app.db, jobId, { processedRows: Math.min(total, Math.round((total * Math.min(maxRow, from + CHUNK)) / Math.max(maxRow, 1))) }).catch(() => undefined);
      }
      await audit(tx, actor, [{ action: 'import.commit', entityType: 'import_job', entityId: jobId, orgId: null, after: { created, updated } }]);
      await updateJob(tx, jobId, { status: 'COMMITTED', processedRows: total, toCreate: created, toUpdate: updated, finished: true });
      return { created, updated };
    });
    return summary;
  } catch (err) {
    const importErrors = (err as { importErrors?: ImportRowError[] }).importErrors;
    await updateJob(app.db, jobId, {
      status: importErrors ? 'INVALID' : 'FAILED',
      errorCount: importErrors?.length ?? 1,
      errors: importErrors ?? [rowError(0, null, 'import.commit.failed', err instanceof Error ? err.message.slice(0, 200) : null)],
      finished: true,
    });
    return null;
  }
}

/** Stores an upload under DATA_DIR/uploads, refusing files over the limit. */
export async function removeUpload(path: string) {
  await fs.rm(path, { force: true });
}

export function importNotAllowed(): never {
  throw new AppError('FORBIDDEN');
}

/**
 * Jobs left half-way by a stopped server (validation or commit run in the server process) are
 * marked FAILED at start-up: a commit is one transaction, so nothing of it was kept.
 * Assumes a single application process; several nodes would need a shared job queue.
 */
export async function failInterruptedImports(app: AppContext): Promise<number> {
  const r = await app.db.execute(sql`
    update import_job set status = 'FAILED', finished_at = now(), error_count = 1,
      errors = ${JSON.stringify([rowError(0, null, 'import.interrupted', null)])}::jsonb
    where status in ('UPLOADED', 'VALIDATING', 'COMMITTING') returning id`);
  return r.rows.length;
}
