// Import of records (khen thưởng, xếp loại, sáng kiến, kỷ luật…) from one workbook with a sheet per
// kind: upload → validate every row (in the background) → preview → commit all-or-nothing in one
// transaction, with one audit event for the whole import. Rows name a member (member code or CCCD)
// or a unit (unit code) inside the unit the import was started on.
import { sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../lib/context';
import { runInBackground } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import type { Tx } from '../../db/client';
import { audit } from '../../lib/audit';
import { conflict } from '../../lib/errors';
import { covers, MANAGE_ROLES, scopePaths } from '../../lib/policy';
import { LIMITS } from '../../../contracts/limits';
import type { AchievementImportError, AchievementImportJob } from '../../../contracts/achievements';
import { findJob, updateJob, type ImportJobRow } from './imports.repository';
import type { OrgRow } from '../organisations/organisations.repository';
import { IMPORTABLE_KINDS, parseRecordWorkbook, sheetError, SHEETS, type ImportableKind, type ParsedRow } from '../achievements/import-sheets';
import { RECORD_KIND_SPECS } from '../achievements/record-kinds';
import { pgErrorOf, recordProblems } from '../achievements/record-rules';
import { loadCatalogue } from '../achievements/records.service';

const MAX_ERRORS = 1000;

export async function startAchievementImport(app: AppContext, actor: AuthActor, org: OrgRow, fileName: string, storedPath: string): Promise<number> {
  const r = await app.db.execute<{ id: number }>(sql`
    insert into import_job (kind, status, file_name, stored_path, org_id, user_id)
    values ('achievements', 'VALIDATING', ${fileName}, ${storedPath}, ${org.id}, ${actor.userId}) returning id`);
  const jobId = Number(r.rows[0]!.id);
  runInBackground(app, () => validateJob(app, actor, jobId, org));
  return jobId;
}

const header = (kind: ImportableKind, key: string) => SHEETS[kind].find((c) => c.key === key)?.header ?? key;

/** Paths a row's subject must lie under: the import's unit, within what the actor manages. */
function allowed(actor: AuthActor, org: OrgRow) {
  const managed = scopePaths(actor, MANAGE_ROLES);
  return (path: string | null) => path !== null && covers(org.path, path) && managed.some((p) => covers(p, path));
}

interface Resolved {
  row: ParsedRow;
  personId: number | null;
  orgId: number | null;
}

/** Finds every row's member or unit with one query each, and reports rows that name none. */
async function resolveSubjects(app: AppContext, actor: AuthActor, org: OrgRow, rows: ParsedRow[], errors: AchievementImportError[]): Promise<Resolved[]> {
  const codes = [...new Set(rows.flatMap((r) => (r.memberCode ? [r.memberCode] : [])))];
  const cccds = [...new Set(rows.flatMap((r) => (r.cccd ? [r.cccd] : [])))];
  const orgCodes = [...new Set(rows.flatMap((r) => (r.orgCode ? [r.orgCode] : [])))];
  const [persons, orgs] = await Promise.all([
    codes.length || cccds.length
      ? app.db.execute<{ id: number; member_code: string; cccd: string | null; org_path: string | null }>(sql`
          select id, member_code, cccd, org_path from person
          where member_code = any(${sql.param(codes)}::text[]) or cccd = any(${sql.param(cccds)}::text[])`)
      : Promise.resolve({ rows: [] }),
    orgCodes.length
      ? app.db.execute<{ id: number; code: string; path: string }>(sql`select id, code, path from organisation where upper(code) = any(${sql.param(orgCodes)}::text[])`)
      : Promise.resolve({ rows: [] }),
  ]);
  const inScope = allowed(actor, org);
  const byCode = new Map(persons.rows.filter((p) => inScope(p.org_path)).map((p) => [p.member_code, Number(p.id)]));
  const byCccd = new Map(persons.rows.filter((p) => p.cccd && inScope(p.org_path)).map((p) => [p.cccd!, Number(p.id)]));
  const orgByCode = new Map(orgs.rows.filter((o) => inScope(o.path)).map((o) => [o.code.toUpperCase(), Number(o.id)]));
  const out: Resolved[] = [];
  for (const row of rows) {
    const err = (key: string, code: string, value: string | null) => errors.push(sheetError(row.sheet, row.row, header(row.kind, key), code, value));
    const person = row.memberCode !== null || row.cccd !== null;
    if (person && row.orgCode !== null) {
      err('orgCode', 'achievementImport.row.subjectBoth', row.orgCode);
      continue;
    }
    if (!person && row.orgCode === null) {
      err('memberCode', 'achievementImport.row.subjectMissing', null);
      continue;
    }
    if (row.orgCode !== null) {
      const id = orgByCode.get(row.orgCode);
      if (id === undefined) err('orgCode', 'achievementImport.row.orgUnknown', row.orgCode);
      else out.push({ row, personId: null, orgId: id });
      continue;
    }
    const a = row.memberCode === null ? undefined : byCode.get(row.memberCode);
    const b = row.cccd === null ? undefined : byCccd.get(row.cccd);
    if (row.memberCode !== null && a === undefined) err('memberCode', 'achievementImport.row.personUnknown', row.memberCode);
    else if (row.cccd !== null && b === undefined) err('cccd', 'achievementImport.row.personUnknown', row.cccd);
    else if (a !== undefined && b !== undefined && a !== b) err('cccd', 'achievementImport.row.personMismatch', row.cccd);
    else out.push({ row, personId: (a ?? b)!, orgId: null });
  }
  return out;
}

/** One active rating per subject and year, one registration per subject, year and title: in the file and against the database. */
async function checkUniqueness(app: AppContext, rows: Resolved[], errors: AchievementImportError[]) {
  const subjectKey = (r: Resolved) => (r.personId !== null ? `p${r.personId}` : `o${r.orgId}`);
  const personIds = [...new Set(rows.flatMap((r) => (r.personId !== null ? [r.personId] : [])))];
  const orgIds = [...new Set(rows.flatMap((r) => (r.orgId !== null ? [r.orgId] : [])))];
  const existing = await app.db.execute<{ k: string }>(sql`
    select case when person_id is not null then 'p' || person_id else 'o' || org_id end || ':' || year as k from performance_rating
    where status = 'ACTIVE' and (person_id = any(${sql.param(personIds)}::bigint[]) or org_id = any(${sql.param(orgIds)}::bigint[]))
    union all
    select case when person_id is not null then 'p' || person_id else 'o' || org_id end || ':' || year || ':' || award_code from emulation_registration
    where status = 'ACTIVE' and (person_id = any(${sql.param(personIds)}::bigint[]) or org_id = any(${sql.param(orgIds)}::bigint[]))`);
  const inDb = new Set(existing.rows.map((e) => e.k));
  const seen = new Map<string, number>();
  for (const r of rows) {
    const { row } = r;
    if (row.kind === 'RATING' && typeof row.values.year === 'number') {
      const k = `${subjectKey(r)}:${row.values.year}`;
      const year = row.values.year;
      if (inDb.has(k)) errors.push(sheetError(row.sheet, row.row, header('RATING', 'year'), 'achievementImport.row.ratingExists', String(year), { year }));
      else if (seen.has(k)) errors.push(sheetError(row.sheet, row.row, header('RATING', 'year'), 'achievementImport.row.duplicateRating', String(year), { year, row: seen.get(k)! }));
      else seen.set(k, row.row);
    }
    if (row.kind === 'REGISTRATION' && typeof row.values.year === 'number') {
      const k = `${subjectKey(r)}:${row.values.year}:${String(row.values.awardCode)}`;
      if (inDb.has(k) || seen.has(`reg${k}`)) errors.push(sheetError(row.sheet, row.row, header('REGISTRATION', 'awardCode'), 'achievementImport.row.registrationExists', String(row.values.awardCode), { year: row.values.year }));
      else seen.set(`reg${k}`, row.row);
    }
  }
}

const bySheetRow = (a: AchievementImportError, b: AchievementImportError) => (a.sheet ?? '').localeCompare(b.sheet ?? '') || a.row - b.row;

async function validateJob(app: AppContext, actor: AuthActor, jobId: number, org: OrgRow) {
  const job = (await findJob(app.db, jobId))!;
  try {
    const parsed = await parseRecordWorkbook(job.stored_path);
    const errors = parsed.errors;
    const total = parsed.rows.length;
    if (total > LIMITS.importMaxRows) errors.push(sheetError(null, 0, null, 'achievementImport.file.tooManyRows', null, { max: LIMITS.importMaxRows }));
    const withCellErrors = new Set(errors.map((e) => `${e.sheet}:${e.row}`));
    const resolved = total > LIMITS.importMaxRows ? [] : await resolveSubjects(app, actor, org, parsed.rows, errors);
    const catalogue = await loadCatalogue(app.db, parsed.rows.flatMap((r) => (typeof r.values.awardCode === 'string' ? [r.values.awardCode] : [])));
    for (const { row, personId } of resolved) {
      if (withCellErrors.has(`${row.sheet}:${row.row}`)) continue;
      for (const p of recordProblems(row.kind, row.values, personId !== null ? 'PERSON' : 'UNIT', catalogue)) {
        errors.push(sheetError(row.sheet, row.row, header(row.kind, p.field), p.key, row.raw[p.field] ?? null, p.params));
      }
    }
    await checkUniqueness(app, resolved, errors);
    if (errors.length > 0) {
      errors.sort(bySheetRow);
      await updateJob(app.db, jobId, { status: 'INVALID', totalRows: total, processedRows: total, errorCount: errors.length, errors: errors.slice(0, MAX_ERRORS), finished: true });
      return;
    }
    await app.db.transaction(async (tx) => {
      await tx.execute(sql`delete from import_row where job_id = ${jobId}`);
      const staged = resolved.map((r, i) => ({
        row_number: i + 1,
        person_id: r.personId,
        data: { kind: r.row.kind, sheet: r.row.sheet, row: r.row.row, personId: r.personId, orgId: r.orgId, note: r.row.note, values: r.row.values },
      }));
      for (let i = 0; i < staged.length; i += 10_000) {
        await tx.execute(sql`insert into import_row (job_id, row_number, person_id, data)
          select ${jobId}, row_number, person_id, data from jsonb_to_recordset(${JSON.stringify(staged.slice(i, i + 10_000))}::jsonb) as x(row_number int, person_id bigint, data jsonb)`);
      }
    });
    await updateJob(app.db, jobId, { status: 'READY', totalRows: total, processedRows: total, toCreate: total, toUpdate: 0, finished: true });
  } catch (err) {
    await updateJob(app.db, jobId, { status: 'FAILED', errorCount: 1, errors: [sheetError(null, 0, null, 'import.commit.failed', err instanceof Error ? err.message.slice(0, 200) : null)], finished: true });
  }
}

export async function commitAchievementImport(app: AppContext, actor: AuthActor, job: ImportJobRow): Promise<void> {
  const claimed = await app.db.execute(sql`update import_job set status = 'COMMITTING', processed_rows = 0, finished_at = null where id = ${job.id} and status = 'READY' returning id`);
  if (claimed.rows.length === 0) throw conflict('import.commit.notReady');
  runInBackground(app, () => applyJob(app, actor, job));
}

function valueExpr(type: string, key: string): SQL {
  const v = sql`(r.data->'values'->>${key})`;
  if (type === 'date') return sql`${v}::date`;
  if (type === 'int') return sql`${v}::bigint`;
  if (type === 'bool') return sql`${v}::boolean`;
  return v;
}

/** Inserts the staged rows of one kind in one statement; returns how many. */
async function insertKind(tx: Tx, actor: AuthActor, jobId: number, kind: ImportableKind): Promise<number> {
  const spec = RECORD_KIND_SPECS[kind];
  const cols = sql.raw([...spec.columns.map((c) => c.col), ...(spec.withUnit ? ['unit_id'] : [])].join(', '));
  const vals = sql.join([...spec.columns.map((c) => valueExpr(c.type, c.key)), ...(spec.withUnit ? [sql`coalesce(o.id, p.org_id)`] : [])], sql`, `);
  const r = await tx.execute(sql`
    insert into ${sql.raw(spec.table)} (person_id, org_id, scope_path, source, note, created_by, ${cols})
    select p.id, o.id, coalesce(p.org_path, o.path), 'IMPORT', r.data->>'note', ${actor.userId}, ${vals}
    from import_row r
    left join person p on p.id = (r.data->>'personId')::bigint
    left join organisation o on o.id = (r.data->>'orgId')::bigint
    where r.job_id = ${jobId} and r.data->>'kind' = ${kind}
    order by r.row_number`);
  return r.rowCount ?? 0;
}

async function applyJob(app: AppContext, actor: AuthActor, job: ImportJobRow) {
  const jobId = Number(job.id);
  try {
    await app.db.transaction(async (tx) => {
      // The members and units may have moved since validation: every subject must still be in scope.
      const org = await tx.execute<{ path: string }>(sql`select path from organisation where id = ${job.org_id}`);
      const managed = scopePaths(actor, MANAGE_ROLES);
      const subjects = await tx.execute<{ n: number; path: string | null }>(sql`
        select r.row_number as n, coalesce(p.org_path, o.path) as path from import_row r
        left join person p on p.id = (r.data->>'personId')::bigint left join organisation o on o.id = (r.data->>'orgId')::bigint
        where r.job_id = ${jobId}`);
      const orgPath = org.rows[0]!.path;
      if (subjects.rows.some((s) => s.path === null || !covers(orgPath, s.path) || !managed.some((m) => covers(m, s.path!)))) {
        throw Object.assign(new Error('scope'), { importErrors: [sheetError(null, 0, null, 'import.commit.outOfScope', null)] });
      }
      const byKind: Record<string, number> = {};
      let created = 0;
      for (const kind of IMPORTABLE_KINDS) {
        const n = await insertKind(tx, actor, jobId, kind);
        if (n > 0) byKind[kind] = n;
        created += n;
      }
      await audit(tx, actor, [{ action: 'achievement.import.commit', entityType: 'import_job', entityId: jobId, orgId: Number(job.org_id), after: { created, byKind, fileName: job.file_name } }]);
      await updateJob(tx, jobId, { status: 'COMMITTED', processedRows: job.total_rows, toCreate: created, toUpdate: 0, finished: true });
    });
  } catch (err) {
    const pg = pgErrorOf(err);
    const importErrors = (err as { importErrors?: AchievementImportError[] }).importErrors ?? (pg.code === '23505' ? [sheetError(null, 0, null, 'achievementImport.commit.conflict', null)] : undefined);
    await updateJob(app.db, jobId, {
      status: importErrors ? 'INVALID' : 'FAILED',
      errorCount: importErrors?.length ?? 1,
      errors: importErrors ?? [sheetError(null, 0, null, 'import.commit.failed', err instanceof Error ? err.message.slice(0, 200) : null)],
      finished: true,
    });
  }
}

/** The job as the API shows it, with the records to create (or created) per kind. */
export async function presentAchievementJob(app: AppContext, j: ImportJobRow): Promise<AchievementImportJob> {
  const counts = await app.db.execute<{ kind: string; n: number }>(sql`select data->>'kind' as kind, count(*)::int as n from import_row where job_id = ${j.id} group by 1`);
  return {
    id: Number(j.id),
    kind: 'achievements',
    status: j.status,
    fileName: j.file_name,
    orgId: Number(j.org_id),
    totalRows: j.total_rows,
    processedRows: j.processed_rows,
    toCreate: j.to_create,
    toUpdate: j.to_update,
    errorCount: j.error_count,
    errors: (j.errors as AchievementImportError[]).slice(0, 200),
    byKind: Object.fromEntries(counts.rows.map((c) => [c.kind, Number(c.n)])),
    createdAt: j.created_at,
    finishedAt: j.finished_at,
  };
}
