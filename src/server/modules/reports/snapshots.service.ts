// Frozen reports (report_snapshot): the dashboard figures of an organisation and year as the records
// stood at a moment, stored with their parameters and a sha-256 of their canonical JSON. A re-run
// (report_rerun) recomputes the figures as of the same moment through the same base queries and
// compares them figure by figure; the annual summary of a frozen report is drawn from the stored
// figures only. Both are computed in the background (report-jobs.ts). Nothing is deleted: a frozen
// report that should no longer be used is withdrawn with a reason, a failed job stays with its reason.
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { AppContext } from '../../lib/context';
import type { Locale } from '../../../contracts/enums';
import type { AuthActor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { conflict, forbidden, notFound, validation } from '../../lib/errors';
import { canonicalJson, sha256 } from '../../lib/hash';
import { covers, MANAGE_ROLES, READ_ROLES, scopePaths } from '../../lib/policy';
import { t, type MessageKey } from '../../../contracts/messages';
import type { DashboardDto } from '../../../contracts/dashboard';
import {
  REPORT_LIMITS, type CreateSnapshotInput, type RerunDto, type RerunResult, type SnapshotDto, type SnapshotKind, type SnapshotPage, type SnapshotParams,
} from '../../../contracts/reports';
import { FIGURE_STEPS, jobState, startReportJob } from './report-jobs';
import { readsCouncilOrg } from '../councils/councils.service';
import { dashboardFigures, readableOrg } from '../dashboard/dashboard.service';
import { orgHeader, targetQuery } from './annual-summary.service';
import { renderAnnualSummaryDocx, vietnamClock } from './annual-summary-docx';
import { figureDifferences } from './figure-diff';
import { renderTemplateOver } from '../report-templates/report-templates.service';

type JobRow = { progress_done: number; progress_total: number; failure: string | null; computed_at: string | null };
type SnapshotRow = JobRow & {
  id: number | string;
  org_id: number | string;
  org_code: string;
  org_name: string;
  org_path: string;
  kind: SnapshotKind;
  year: number;
  as_of: string;
  title: string;
  params: SnapshotParams;
  figures: DashboardDto | null;
  figures_sha256: string | null;
  status: SnapshotDto['status'];
  withdrawn_reason: string | null;
  withdrawn_at: string | null;
  created_by: string | null;
  created_at: string;
  last_rerun: (RerunRow & { identical: boolean | null; difference_count: number | null }) | null;
};
type RerunRow = JobRow & { id: number | string; snapshot_id: number | string; status: RerunDto['status']; requested_by: string | null; created_at: string };

const ISO = (col: string) => sql.raw(`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);
const snapState = jobState('s', REPORT_LIMITS.jobStaleMinutes);
const rerunState = jobState('x', REPORT_LIMITS.jobStaleMinutes);
/** The job columns of a re-run (alias x) as the snake-case row. */
const RERUN_COLUMNS = sql`x.id, x.snapshot_id, ${rerunState.status} as status, x.progress_done, x.progress_total, ${rerunState.failure} as failure,
  ${ISO('x.computed_at')} as computed_at, ru.display_name as requested_by, ${ISO('x.created_at')} as created_at`;
const SELECT = sql`
  select s.id, s.org_id, o.code as org_code, o.name as org_name, s.org_path, s.kind, s.year, ${ISO('s.as_of')} as as_of, s.title,
         s.params, s.figures, s.figures_sha256, ${snapState.status} as status, s.progress_done, s.progress_total, ${snapState.failure} as failure,
         ${ISO('s.computed_at')} as computed_at, s.withdrawn_reason, ${ISO('s.withdrawn_at')} as withdrawn_at,
         u.display_name as created_by, ${ISO('s.created_at')} as created_at,
         (select row_to_json(lr) from (
            select ${RERUN_COLUMNS}, x.identical, x.difference_count
            from report_rerun x left join app_user ru on ru.id = x.requested_by where x.snapshot_id = s.id order by x.id desc limit 1) lr) as last_rerun
  from report_snapshot s join organisation o on o.id = s.org_id left join app_user u on u.id = s.created_by`;

const progressOf = (locale: Locale, r: JobRow) => ({
  done: Number(r.progress_done),
  total: Number(r.progress_total),
  failure: r.failure ? t(locale, r.failure as MessageKey) : null,
  computedAt: r.computed_at,
});

/** Freezing and withdrawing belong to a managing role on the organisation or above it. */
export const managesReports = (a: AuthActor, orgPath: string) => a.roles.some((r) => MANAGE_ROLES.includes(r.role) && covers(r.orgPath, orgPath));

export const fingerprint = (figures: unknown) => sha256(canonicalJson(figures));

/**
 * The figures as frozen at `asOf`. The overdue list is empty at a moment, and its "today" is pinned to
 * the moment's day in Vietnam, so that a re-run on another day gives the same figures.
 */
async function figuresAt(db: DbOrTx, actor: AuthActor, orgId: number, year: number, asOf: string, params: SnapshotParams, onCount?: () => Promise<void>): Promise<DashboardDto> {
  const f = await dashboardFigures(db, actor, params.locale, targetQuery(orgId, year, params.targets), { asOf, onCount });
  // A JSON round trip: exactly what jsonb stores and gives back.
  return JSON.parse(JSON.stringify({ ...f, overdue: { ...f.overdue, today: vietnamClock(asOf).date } })) as DashboardDto;
}

function presentRerun(locale: Locale, x: RerunRow) {
  return {
    id: Number(x.id),
    snapshotId: Number(x.snapshot_id),
    status: x.status,
    progress: progressOf(locale, x),
    requestedBy: x.requested_by,
    createdAt: x.created_at,
  };
}

function present(actor: AuthActor, locale: Locale, s: SnapshotRow) {
  const last = s.last_rerun;
  return {
    id: Number(s.id),
    org: { id: Number(s.org_id), code: s.org_code, name: s.org_name },
    kind: s.kind,
    year: Number(s.year),
    asOf: s.as_of,
    title: s.title,
    figuresSha256: s.figures_sha256,
    status: s.status,
    progress: progressOf(locale, s),
    lastRerun: last ? { ...presentRerun(locale, last), identical: last.identical, differenceCount: last.difference_count } : null,
    withdrawnReason: s.withdrawn_reason,
    withdrawnAt: s.withdrawn_at,
    createdBy: s.created_by,
    createdAt: s.created_at,
    abilities: s.status === 'ACTIVE' && managesReports(actor, s.org_path) ? ['snapshot.withdraw'] : [],
  };
}

/** A frozen report the actor reads (READ_ROLES over its organisation); no reading role → 403, else out of scope → 404. */
async function readableSnapshot(db: DbOrTx, actor: AuthActor, id: number, forUpdate = false): Promise<SnapshotRow> {
  if (scopePaths(actor, READ_ROLES).length === 0) throw forbidden();
  const r = await db.execute<SnapshotRow>(sql`${SELECT} where s.id = ${id} ${forUpdate ? sql`for update of s` : sql``}`);
  const s = r.rows[0];
  if (!s || !readsCouncilOrg(actor, s.org_path)) throw notFound();
  return s;
}

/**
 * Records the frozen report (COMPUTING) with its audit event and starts computing its figures in the
 * background; the answer comes at once and the page follows the progress.
 */
export async function createSnapshot(app: AppContext, actor: AuthActor, locale: Locale, input: CreateSnapshotInput): Promise<SnapshotDto> {
  const { db } = app;
  const org = await readableOrg(db, actor, input.orgId);
  if (!managesReports(actor, org.path)) throw forbidden();
  const now = new Date();
  const asOf = input.asOf === undefined ? now.toISOString() : new Date(input.asOf).toISOString();
  if (new Date(asOf).getTime() > now.getTime()) throw validation('reports.api.asOfFuture', {}, { field: 'asOf' });
  const params: SnapshotParams = {
    locale: 'vi',
    targets: input.targets ?? {},
    ...(input.narrative ? { narrative: input.narrative } : {}),
    ...(input.signer ? { signer: input.signer } : {}),
    header: await orgHeader(db, org.id),
  };
  const title = input.title ?? t('vi', `reports.snapshot.defaultTitle.${input.kind}`, { year: input.year, org: org.name });
  const id = await db.transaction(async (tx) => {
    const r = await tx.execute<{ id: number }>(sql`
      insert into report_snapshot (org_id, org_path, kind, year, as_of, title, params, status, progress_total, heartbeat_at, created_by)
      values (${org.id}, ${org.path}, ${input.kind}, ${input.year}, ${asOf}::timestamptz, ${title}, ${JSON.stringify(params)}::jsonb,
              'COMPUTING', ${FIGURE_STEPS}, now(), ${actor.userId})
      returning id`);
    const newId = Number(r.rows[0]!.id);
    await audit(tx, actor, [
      { action: 'report.snapshot.create', entityType: 'report_snapshot', entityId: newId, orgId: Number(org.id), after: { kind: input.kind, year: input.year, asOf, title } },
    ]);
    return newId;
  });
  startReportJob(
    app,
    { table: 'report_snapshot', id, asOf },
    (step) => figuresAt(db, actor, org.id, input.year, asOf, params, step),
    async (tx, figures) => {
      const digest = fingerprint(figures);
      const done = await tx.execute(sql`
        update report_snapshot set status = 'ACTIVE', figures = ${JSON.stringify(figures)}::jsonb, figures_sha256 = ${digest},
          progress_done = progress_total, computed_at = now(), heartbeat_at = now()
        where id = ${id} and status = 'COMPUTING' returning id`);
      if (done.rows.length === 0) return;
      await audit(tx, actor, [{ action: 'report.snapshot.computed', entityType: 'report_snapshot', entityId: id, orgId: Number(org.id), after: { figuresSha256: digest } }]);
    },
  );
  return getSnapshot(db, actor, locale, id);
}

export async function getSnapshot(db: DbOrTx, actor: AuthActor, locale: Locale, id: number): Promise<SnapshotDto> {
  const s = await readableSnapshot(db, actor, id);
  return { ...present(actor, locale, s), params: s.params, figures: s.figures };
}

export async function listSnapshots(db: DbOrTx, actor: AuthActor, locale: Locale, q: { orgId: number; year?: number | undefined; page: number; pageSize: number }): Promise<SnapshotPage> {
  const org = await readableOrg(db, actor, q.orgId);
  const where = sql`s.org_path like ${`${org.path}%`} ${q.year === undefined ? sql`` : sql`and s.year = ${q.year}`}`;
  const [rows, count] = await Promise.all([
    db.execute<SnapshotRow>(sql`${SELECT} where ${where} order by s.created_at desc, s.id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from report_snapshot s where ${where}`),
  ]);
  return { items: rows.rows.map((s) => present(actor, locale, s)), total: Number(count.rows[0]!.n), page: q.page, pageSize: q.pageSize };
}

/** What a re-run compares: the stored figures (as stored now) against the recomputed ones. */
function compareFigures(stored: DashboardDto, storedSha256: string, rerun: DashboardDto): RerunResult {
  const differences = figureDifferences(stored, rerun);
  const rerunSha256 = fingerprint(rerun);
  return {
    identical: differences.length === 0 && rerunSha256 === storedSha256,
    storedSha256,
    rerunSha256,
    currentStoredSha256: fingerprint(stored),
    differenceCount: differences.length,
    differences: differences.slice(0, REPORT_LIMITS.differencesMax),
  };
}

/**
 * Asks for a re-run of a frozen report (any reader may: checking is open to whoever reads it). One
 * re-run of a report computes at a time: asking again while it runs answers the running one.
 */
export async function requestRerun(app: AppContext, actor: AuthActor, locale: Locale, id: number): Promise<RerunDto> {
  const { db } = app;
  const s = await readableSnapshot(db, actor, id);
  if (s.figures === null || s.figures_sha256 === null) throw conflict('reports.api.notComputed');
  if (s.last_rerun?.status === 'COMPUTING') return getRerun(db, actor, locale, id, Number(s.last_rerun.id));
  const rerunId = await db.transaction(async (tx) => {
    const r = await tx.execute<{ id: number }>(sql`
      insert into report_rerun (snapshot_id, progress_total, heartbeat_at, requested_by) values (${id}, ${FIGURE_STEPS}, now(), ${actor.userId}) returning id`);
    const newId = Number(r.rows[0]!.id);
    await audit(tx, actor, [{ action: 'report.snapshot.rerun', entityType: 'report_snapshot', entityId: id, orgId: Number(s.org_id), after: { rerunId: newId } }]);
    return newId;
  });
  startReportJob(
    app,
    { table: 'report_rerun', id: rerunId, asOf: s.as_of },
    (step) => figuresAt(db, actor, Number(s.org_id), Number(s.year), s.as_of, s.params, step),
    async (tx, rerun) => {
      // The stored figures as they are now: a figure edited since freezing shows as a difference.
      const now = await tx.execute<{ figures: DashboardDto; figures_sha256: string }>(sql`select figures, figures_sha256 from report_snapshot where id = ${id}`);
      const r = compareFigures(now.rows[0]!.figures, now.rows[0]!.figures_sha256, rerun);
      await tx.execute(sql`
        update report_rerun set status = 'DONE', identical = ${r.identical}, rerun_sha256 = ${r.rerunSha256}, current_stored_sha256 = ${r.currentStoredSha256},
          difference_count = ${r.differenceCount}, differences = ${JSON.stringify(r.differences)}::jsonb,
          progress_done = progress_total, computed_at = now(), heartbeat_at = now()
        where id = ${rerunId} and status = 'COMPUTING'`);
    },
  );
  return getRerun(db, actor, locale, id, rerunId);
}

export async function getRerun(db: DbOrTx, actor: AuthActor, locale: Locale, snapshotId: number, rerunId: number): Promise<RerunDto> {
  const s = await readableSnapshot(db, actor, snapshotId);
  const r = await db.execute<RerunRow & { identical: boolean | null; rerun_sha256: string | null; current_stored_sha256: string | null; difference_count: number | null; differences: RerunResult['differences'] | null }>(sql`
    select ${RERUN_COLUMNS}, x.identical, x.rerun_sha256, x.current_stored_sha256, x.difference_count, x.differences
    from report_rerun x left join app_user ru on ru.id = x.requested_by where x.id = ${rerunId} and x.snapshot_id = ${snapshotId}`);
  const x = r.rows[0];
  if (!x) throw notFound();
  const result: RerunResult | null =
    x.status === 'DONE' && x.identical !== null && x.rerun_sha256 !== null
      ? {
          identical: x.identical,
          storedSha256: s.figures_sha256 ?? '',
          rerunSha256: x.rerun_sha256,
          currentStoredSha256: x.current_stored_sha256 ?? '',
          differenceCount: Number(x.difference_count),
          differences: x.differences ?? [],
        }
      : null;
  return { ...presentRerun(locale, x), result };
}

export async function withdrawSnapshot(db: Db, actor: AuthActor, locale: Locale, id: number, reason: string): Promise<SnapshotDto> {
  await db.transaction(async (tx) => {
    const s = await readableSnapshot(tx, actor, id, true);
    if (!managesReports(actor, s.org_path)) throw forbidden();
    if (s.status === 'WITHDRAWN') throw conflict('reports.api.alreadyWithdrawn');
    if (s.status !== 'ACTIVE') throw conflict('reports.api.notComputed');
    await tx.execute(sql`update report_snapshot set status = 'WITHDRAWN', withdrawn_reason = ${reason}, withdrawn_at = now() where id = ${id}`);
    await audit(tx, actor, [
      { action: 'report.snapshot.withdraw', entityType: 'report_snapshot', entityId: id, orgId: Number(s.org_id), before: { status: 'ACTIVE' }, after: { status: 'WITHDRAWN', reason } },
    ]);
  });
  return getSnapshot(db, actor, locale, id);
}

/** The annual summary drawn from the stored figures and parameters only (dated the frozen moment). */
export async function snapshotAnnualSummary(db: DbOrTx, actor: AuthActor, id: number): Promise<{ buffer: Buffer; fileName: string }> {
  const s = await readableSnapshot(db, actor, id);
  if (s.figures === null) throw conflict('reports.api.notComputed');
  const buffer = await renderAnnualSummaryDocx({
    figures: s.figures,
    org: s.params.header,
    date: vietnamClock(s.as_of).date,
    frozenAt: s.as_of,
    narrative: s.params.narrative ?? {},
    signer: s.params.signer ?? {},
  });
  return { buffer, fileName: `bao-cao-tong-ket-tdkt-${s.year}-${s.org_code}-chot-${s.id}.docx` };
}

/** A statistical form (a report template) filled with the stored figures of a frozen report, dated its moment. */
export async function snapshotStatForm(db: DbOrTx, actor: AuthActor, locale: Locale, id: number, templateId: number): Promise<{ file: Buffer; fileName: string }> {
  const s = await readableSnapshot(db, actor, id);
  if (s.figures === null) throw conflict('reports.api.notComputed');
  return renderTemplateOver(db, actor, locale, templateId, { orgPath: s.org_path, figures: s.figures, asOf: s.as_of, fileTag: `chot-${s.id}` });
}
