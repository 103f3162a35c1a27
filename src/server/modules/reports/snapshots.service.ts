// Frozen reports (report_snapshot): the dashboard figures of an organisation and year as the records
// stood at a moment, stored with their parameters and a sha-256 of their canonical JSON. A re-run
// recomputes the figures as of the same moment through the same base queries and compares them figure
// by figure; the annual summary of a frozen report is drawn from the stored figures only. Nothing is
// deleted: a frozen report that should no longer be used is withdrawn with a reason.
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { AuthActor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { conflict, forbidden, notFound, validation } from '../../lib/errors';
import { canonicalJson, sha256 } from '../../lib/hash';
import { covers, MANAGE_ROLES, READ_ROLES, scopePaths } from '../../lib/policy';
import { t } from '../../../contracts/messages';
import type { DashboardDto } from '../../../contracts/dashboard';
import {
  REPORT_LIMITS, type CreateSnapshotInput, type RerunResult, type SnapshotDto, type SnapshotKind, type SnapshotPage, type SnapshotParams,
} from '../../../contracts/reports';
import { readsCouncilOrg } from '../councils/councils.service';
import { dashboardFigures, readableOrg } from '../dashboard/dashboard.service';
import { orgHeader, targetQuery } from './annual-summary.service';
import { renderAnnualSummaryDocx, vietnamClock } from './annual-summary-docx';
import { figureDifferences } from './figure-diff';

type SnapshotRow = {
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
  figures: DashboardDto;
  figures_sha256: string;
  status: 'ACTIVE' | 'WITHDRAWN';
  withdrawn_reason: string | null;
  withdrawn_at: string | null;
  created_by: string | null;
  created_at: string;
};

const ISO = (col: string) => sql.raw(`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);
const SELECT = sql`
  select s.id, s.org_id, o.code as org_code, o.name as org_name, s.org_path, s.kind, s.year, ${ISO('s.as_of')} as as_of, s.title,
         s.params, s.figures, s.figures_sha256, s.status, s.withdrawn_reason, ${ISO('s.withdrawn_at')} as withdrawn_at,
         u.display_name as created_by, ${ISO('s.created_at')} as created_at
  from report_snapshot s join organisation o on o.id = s.org_id left join app_user u on u.id = s.created_by`;

/** Freezing and withdrawing belong to a managing role on the organisation or above it. */
export const managesReports = (a: AuthActor, orgPath: string) => a.roles.some((r) => MANAGE_ROLES.includes(r.role) && covers(r.orgPath, orgPath));

export const fingerprint = (figures: unknown) => sha256(canonicalJson(figures));

/**
 * The figures as frozen at `asOf`. The overdue list is empty at a moment, and its "today" is pinned to
 * the moment's day in Vietnam, so that a re-run on another day gives the same figures.
 */
async function figuresAt(db: DbOrTx, actor: AuthActor, orgId: number, year: number, asOf: string, params: SnapshotParams): Promise<DashboardDto> {
  const f = await dashboardFigures(db, actor, params.locale, targetQuery(orgId, year, params.targets), { asOf });
  // A JSON round trip: exactly what jsonb stores and gives back.
  return JSON.parse(JSON.stringify({ ...f, overdue: { ...f.overdue, today: vietnamClock(asOf).date } })) as DashboardDto;
}

function present(actor: AuthActor, s: SnapshotRow) {
  return {
    id: Number(s.id),
    org: { id: Number(s.org_id), code: s.org_code, name: s.org_name },
    kind: s.kind,
    year: Number(s.year),
    asOf: s.as_of,
    title: s.title,
    figuresSha256: s.figures_sha256,
    status: s.status,
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

export async function createSnapshot(db: Db, actor: AuthActor, input: CreateSnapshotInput): Promise<SnapshotDto> {
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
  const figures = await figuresAt(db, actor, org.id, input.year, asOf, params);
  const digest = fingerprint(figures);
  const id = await db.transaction(async (tx) => {
    const r = await tx.execute<{ id: number }>(sql`
      insert into report_snapshot (org_id, org_path, kind, year, as_of, title, params, figures, figures_sha256, created_by)
      values (${org.id}, ${org.path}, ${input.kind}, ${input.year}, ${asOf}::timestamptz, ${title}, ${JSON.stringify(params)}::jsonb,
              ${JSON.stringify(figures)}::jsonb, ${digest}, ${actor.userId})
      returning id`);
    const newId = Number(r.rows[0]!.id);
    await audit(tx, actor, [
      { action: 'report.snapshot.create', entityType: 'report_snapshot', entityId: newId, orgId: Number(org.id), after: { kind: input.kind, year: input.year, asOf, title, figuresSha256: digest } },
    ]);
    return newId;
  });
  return getSnapshot(db, actor, id);
}

export async function getSnapshot(db: DbOrTx, actor: AuthActor, id: number): Promise<SnapshotDto> {
  const s = await readableSnapshot(db, actor, id);
  return { ...present(actor, s), params: s.params, figures: s.figures };
}

export async function listSnapshots(db: DbOrTx, actor: AuthActor, q: { orgId: number; year?: number | undefined; page: number; pageSize: number }): Promise<SnapshotPage> {
  const org = await readableOrg(db, actor, q.orgId);
  const where = sql`s.org_path like ${`${org.path}%`} ${q.year === undefined ? sql`` : sql`and s.year = ${q.year}`}`;
  const [rows, count] = await Promise.all([
    db.execute<SnapshotRow>(sql`${SELECT} where ${where} order by s.created_at desc, s.id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from report_snapshot s where ${where}`),
  ]);
  return { items: rows.rows.map((s) => present(actor, s)), total: Number(count.rows[0]!.n), page: q.page, pageSize: q.pageSize };
}

export async function rerunSnapshot(db: DbOrTx, actor: AuthActor, id: number): Promise<RerunResult> {
  const s = await readableSnapshot(db, actor, id);
  const rerun = await figuresAt(db, actor, Number(s.org_id), Number(s.year), s.as_of, s.params);
  const differences = figureDifferences(s.figures, rerun);
  const rerunSha256 = fingerprint(rerun);
  return {
    identical: differences.length === 0 && rerunSha256 === s.figures_sha256,
    storedSha256: s.figures_sha256,
    rerunSha256,
    currentStoredSha256: fingerprint(s.figures),
    differenceCount: differences.length,
    differences: differences.slice(0, REPORT_LIMITS.differencesMax),
  };
}

export async function withdrawSnapshot(db: Db, actor: AuthActor, id: number, reason: string): Promise<SnapshotDto> {
  await db.transaction(async (tx) => {
    const s = await readableSnapshot(tx, actor, id, true);
    if (!managesReports(actor, s.org_path)) throw forbidden();
    if (s.status !== 'ACTIVE') throw conflict('reports.api.alreadyWithdrawn');
    await tx.execute(sql`update report_snapshot set status = 'WITHDRAWN', withdrawn_reason = ${reason}, withdrawn_at = now() where id = ${id}`);
    await audit(tx, actor, [
      { action: 'report.snapshot.withdraw', entityType: 'report_snapshot', entityId: id, orgId: Number(s.org_id), before: { status: 'ACTIVE' }, after: { status: 'WITHDRAWN', reason } },
    ]);
  });
  return getSnapshot(db, actor, id);
}

/** The annual summary drawn from the stored figures and parameters only (dated the frozen moment). */
export async function snapshotAnnualSummary(db: DbOrTx, actor: AuthActor, id: number): Promise<{ buffer: Buffer; fileName: string }> {
  const s = await readableSnapshot(db, actor, id);
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
