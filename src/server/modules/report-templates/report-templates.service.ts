// Statistical form templates: the built-ins (read-only, org_id null) and the ones organisations made
// by copying or from scratch. An organisation sees the built-ins, its own and its ancestors'; its
// TĐKT or CĐCS officer (or an administrator above) creates, edits (optimistic version) and retires
// them — never deletes: a retired form stays readable with its reason. Figures come from the
// dashboard (readers of the organisation), evaluated by stat-form.ts.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import type { Locale } from '../../../contracts/enums';
import {
  statFormLayout,
  type PreviewDto,
  type ReportTemplateDto,
  type ReportTemplateListDto,
  type ReportTemplateSummaryDto,
  type StatFormLayout,
} from '../../../contracts/report-templates';
import type { createReportTemplateInput, updateReportTemplateInput, retireReportTemplateInput } from '../../../contracts/report-templates';
import type { z } from 'zod';
import { t } from '../../../contracts/messages';
import { audit } from '../../lib/audit';
import { AppError, conflict, forbidden, notFound, validation } from '../../lib/errors';
import { covers, READ_ROLES, scopePaths } from '../../lib/policy';
import { managesUnitWork } from '../councils/councils.service';
import { dashboardFigures, readableOrg } from '../dashboard/dashboard.service';
import type { DashboardDto } from '../../../contracts/dashboard';
import { rollupSource } from '../dashboard/dashboard.rollup';
import { ensureBuiltinTemplates } from './builtins';
import { catalogueOf, evaluateStatForm } from './stat-form';
import { renderStatFormXlsx } from './stat-form-xlsx';

const num = (v: unknown) => Number(v);
/** A form shows the dashboard's live figures, from the rollups (the base tables take about a minute at the national root). */
const LIVE = { live: rollupSource };

type TemplateRow = {
  id: number;
  org_id: number | null;
  org_path: string | null;
  org_name: string | null;
  org_status: string | null;
  code: string;
  name: string;
  layout: unknown;
  status: 'ACTIVE' | 'RETIRED';
  retired_reason: string | null;
  version: number;
  updated_at: string;
  created_by_name: string | null;
};

const SELECT = sql`
  select t.id, t.org_id, t.org_path, o.name as org_name, o.status as org_status, t.code, t.name, t.layout, t.status, t.retired_reason, t.version,
         to_char(t.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as updated_at, u.display_name as created_by_name
  from report_template t left join organisation o on o.id = t.org_id left join app_user u on u.id = t.created_by`;

/** A stored layout read back through the schema; a row the schema no longer accepts is reported, not printed wrong. */
export function readLayout(raw: unknown): StatFormLayout {
  const r = statFormLayout.safeParse(raw);
  if (!r.success) throw validation('error.VALIDATION');
  return r.data;
}

/** Who may manage the templates of an organisation: its TĐKT or CĐCS officer, or an administrator above. */
export const managesTemplates = (actor: AuthActor, orgPath: string) => managesUnitWork(actor, orgPath);

/** A template is readable by readers of its organisation, of the units below it (who use their superiors' forms) and, for built-ins, by every reader. */
function readsTemplate(actor: AuthActor, row: { org_path: string | null }): boolean {
  const paths = scopePaths(actor, READ_ROLES);
  if (row.org_path === null) return paths.length > 0;
  return paths.some((p) => covers(p, row.org_path!) || covers(row.org_path!, p));
}

/** Usable for an organisation: a built-in, or one of the organisation itself or an ancestor. */
const usableFor = (row: { org_path: string | null }, orgPath: string) => row.org_path === null || covers(row.org_path, orgPath);

async function loadTemplate(db: DbOrTx, actor: AuthActor, id: number, forUpdate = false): Promise<TemplateRow> {
  if (scopePaths(actor, READ_ROLES).length === 0) throw forbidden();
  if (!forUpdate) await ensureBuiltinTemplates(db);
  const r = await db.execute<TemplateRow>(sql`${SELECT} where t.id = ${id} ${forUpdate ? sql`for update of t` : sql``}`);
  const row = r.rows[0];
  if (!row || !readsTemplate(actor, row)) throw notFound();
  return { ...row, id: num(row.id), org_id: row.org_id === null ? null : num(row.org_id) };
}

function loadManaged(row: TemplateRow, actor: AuthActor): TemplateRow & { org_id: number; org_path: string } {
  if (row.org_id === null || row.org_path === null) throw new AppError('FORBIDDEN', 'reportTemplates.api.builtinReadOnly');
  if (!managesTemplates(actor, row.org_path)) throw forbidden();
  if (row.status !== 'ACTIVE') throw conflict('reportTemplates.api.retired');
  if (row.org_status !== 'ACTIVE') throw validation('reportTemplates.api.orgInactive');
  return row as TemplateRow & { org_id: number; org_path: string };
}

const summary = (row: TemplateRow): ReportTemplateSummaryDto => ({
  id: num(row.id),
  code: row.code,
  name: row.name,
  builtin: row.org_id === null,
  orgId: row.org_id === null ? null : num(row.org_id),
  orgName: row.org_name,
  status: row.status,
  retiredReason: row.retired_reason,
  version: row.version,
  updatedAt: row.updated_at,
});

function present(actor: AuthActor, row: TemplateRow): ReportTemplateDto {
  const manage = row.org_path !== null && row.status === 'ACTIVE' && row.org_status === 'ACTIVE' && managesTemplates(actor, row.org_path);
  return {
    ...summary(row),
    layout: readLayout(row.layout),
    createdByName: row.created_by_name,
    abilities: manage ? ['reportTemplate.update', 'reportTemplate.retire'] : [],
  };
}

// ── Reading ────────────────────────────────────────────────────────────────────────────────────

/** Built-ins, the organisation's own and its ancestors' templates: built-ins first, then by code. */
export async function listTemplates(db: DbOrTx, actor: AuthActor, q: { orgId: number; status: 'ACTIVE' | 'RETIRED' }): Promise<ReportTemplateListDto> {
  const org = await readableOrg(db, actor, q.orgId);
  await ensureBuiltinTemplates(db);
  const r = await db.execute<TemplateRow>(sql`${SELECT}
    where t.status = ${q.status} and (t.org_path is null or ${org.path} like t.org_path || '%')
    order by t.org_id is not null, length(t.org_path) nulls first, t.code, t.id`);
  return { items: r.rows.map(summary), canCreate: org.status === 'ACTIVE' && managesTemplates(actor, org.path) };
}

export async function getTemplate(db: DbOrTx, actor: AuthActor, id: number): Promise<ReportTemplateDto> {
  return present(actor, await loadTemplate(db, actor, id));
}

// ── Writing ────────────────────────────────────────────────────────────────────────────────────

/** Every AWARD row must name a code of the catalogue; the problems come back per field like the schema's. */
async function checkAwardCodes(db: DbOrTx, layout: StatFormLayout, locale: Locale, prefix: string): Promise<void> {
  const codes = [...new Set(layout.rows.flatMap((r) => (r.selector.kind === 'AWARD' ? [r.selector.code] : [])))];
  if (codes.length === 0) return;
  const known = new Set(
    (await db.execute<{ code: string }>(sql`select code from award_type where code in (${sql.join(codes.map((c) => sql`${c}`), sql`, `)})`)).rows.map((r) => r.code),
  );
  const fields: Record<string, string> = {};
  layout.rows.forEach((r, i) => {
    if (r.selector.kind === 'AWARD' && !known.has(r.selector.code)) fields[`${prefix}rows.${i}.selector.code`] = t(locale, 'reportTemplates.layout.unknownAward', { code: r.selector.code });
  });
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION', 'error.VALIDATION', {}, { fields });
}

const isUniqueViolation = (e: unknown) => (e as { code?: string; cause?: { code?: string } }).code === '23505' || (e as { cause?: { code?: string } }).cause?.code === '23505';

export async function createTemplate(app: AppContext, actor: AuthActor, locale: Locale, input: z.output<typeof createReportTemplateInput>): Promise<ReportTemplateDto> {
  const org = await readableOrg(app.db, actor, input.orgId);
  if (!managesTemplates(actor, org.path)) throw forbidden();
  if (org.status !== 'ACTIVE') throw validation('reportTemplates.api.orgInactive');
  let layout: StatFormLayout;
  let source: number | null = null;
  if (input.copyFrom !== undefined) {
    const from = await loadTemplate(app.db, actor, input.copyFrom);
    if (!usableFor(from, org.path)) throw validation('reportTemplates.api.notVisible');
    layout = readLayout(from.layout);
    source = from.id;
  } else {
    layout = input.layout!;
  }
  await checkAwardCodes(app.db, layout, locale, 'layout.');
  let id = 0;
  try {
    await app.db.transaction(async (tx) => {
      const r = await tx.execute<{ id: number }>(sql`
        insert into report_template (org_id, org_path, code, name, kind, layout, status, created_by)
        values (${org.id}, ${org.path}, ${input.code}, ${input.name}, 'XLSX_FORM', ${JSON.stringify(layout)}::jsonb, 'ACTIVE', ${actor.userId}) returning id`);
      id = num(r.rows[0]!.id);
      await audit(tx, actor, [
        { action: 'reportTemplate.create', entityType: 'report_template', entityId: id, orgId: num(org.id), before: null, after: { code: input.code, name: input.name, copiedFrom: source, layout } },
      ]);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('reportTemplates.api.codeTaken', { code: input.code });
    throw e;
  }
  return getTemplate(app.db, actor, id);
}

export async function updateTemplate(app: AppContext, actor: AuthActor, locale: Locale, id: number, input: z.output<typeof updateReportTemplateInput>): Promise<ReportTemplateDto> {
  loadManaged(await loadTemplate(app.db, actor, id), actor);
  await checkAwardCodes(app.db, input.layout, locale, 'layout.');
  await app.db.transaction(async (tx) => {
    const row = loadManaged(await loadTemplate(tx, actor, id, true), actor);
    if (row.version !== input.version) throw conflict('reportTemplates.api.stale');
    await tx.execute(sql`update report_template set name = ${input.name}, layout = ${JSON.stringify(input.layout)}::jsonb, version = version + 1, updated_at = now() where id = ${id}`);
    await audit(tx, actor, [
      {
        action: 'reportTemplate.update', entityType: 'report_template', entityId: id, orgId: row.org_id,
        before: { name: row.name, version: row.version, layout: row.layout }, after: { name: input.name, version: row.version + 1, layout: input.layout },
      },
    ]);
  });
  return getTemplate(app.db, actor, id);
}

export async function retireTemplate(app: AppContext, actor: AuthActor, id: number, input: z.output<typeof retireReportTemplateInput>): Promise<ReportTemplateDto> {
  await app.db.transaction(async (tx) => {
    const row = loadManaged(await loadTemplate(tx, actor, id, true), actor);
    if (row.version !== input.version) throw conflict('reportTemplates.api.stale');
    await tx.execute(sql`update report_template set status = 'RETIRED', retired_reason = ${input.reason}, version = version + 1, updated_at = now() where id = ${id}`);
    await audit(tx, actor, [
      { action: 'reportTemplate.retire', entityType: 'report_template', entityId: id, orgId: row.org_id, before: { status: 'ACTIVE', version: row.version }, after: { status: 'RETIRED', reason: input.reason, version: row.version + 1 } },
    ]);
  });
  return getTemplate(app.db, actor, id);
}

// ── Figures ────────────────────────────────────────────────────────────────────────────────────

/** The file of a template for an organisation and year, with a file name that says what it is. */
export async function renderTemplate(db: DbOrTx, actor: AuthActor, locale: Locale, id: number, q: { orgId: number; year: number }): Promise<{ file: Buffer; fileName: string }> {
  const row = await loadTemplate(db, actor, id);
  const org = await readableOrg(db, actor, q.orgId);
  if (!usableFor(row, org.path)) throw validation('reportTemplates.api.notVisible');
  const figures = await dashboardFigures(db, actor, locale, { orgId: q.orgId, year: q.year }, LIVE);
  const file = await renderStatFormXlsx(readLayout(row.layout), figures, { orgName: figures.org.name, year: q.year, locale });
  return { file, fileName: `${row.code} - ${figures.org.code} - ${q.year}.xlsx` };
}

/**
 * The file of a template over figures already computed — a frozen report's stored figures — dated
 * their moment ("Số liệu đến …"): the same figures give the same form, whenever it is asked for.
 */
export async function renderTemplateOver(
  db: DbOrTx, actor: AuthActor, locale: Locale, id: number,
  o: { orgPath: string; figures: DashboardDto; asOf: string; fileTag: string },
): Promise<{ file: Buffer; fileName: string }> {
  const row = await loadTemplate(db, actor, id);
  if (!usableFor(row, o.orgPath)) throw validation('reportTemplates.api.notVisible');
  const file = await renderStatFormXlsx(readLayout(row.layout), o.figures, { orgName: o.figures.org.name, year: o.figures.year, asOf: o.asOf, locale });
  return { file, fileName: `${row.code} - ${o.figures.org.code} - ${o.figures.year} - ${o.fileTag}.xlsx` };
}

/** The grid of a draft layout (nothing is saved): what the editor shows beside the form. */
export async function previewLayout(db: DbOrTx, actor: AuthActor, locale: Locale, input: { orgId: number; year: number; layout: StatFormLayout }): Promise<PreviewDto> {
  const figures = await dashboardFigures(db, actor, locale, { orgId: input.orgId, year: input.year }, LIVE);
  await checkAwardCodes(db, input.layout, locale, 'layout.');
  return { orgName: figures.org.name, year: input.year, grid: evaluateStatForm(input.layout, figures, catalogueOf(figures)) };
}
