// Scoring rounds: an organisation (huyện, tỉnh, ngành …) scores the units below it for a year
// against a published template. Creating the round creates one sheet per unit, set-based; the unit
// type (variant) of each sheet comes from the unit's sector.
import { sql } from 'drizzle-orm';
import type { AuthActor } from '../../lib/actor';
import type { DbOrTx } from '../../db/client';
import type { AppContext } from '../../lib/context';
import type { Locale } from '../../../contracts/enums';
import { audit } from '../../lib/audit';
import { notFound, validation } from '../../lib/errors';
import { covers, orgPolicy, READ_ROLES } from '../../lib/policy';
import { findOrg } from '../organisations/organisations.repository';
import { todayInVietnam } from '../imports/xlsx';
import { DEFAULT_TARGET_KINDS } from '../cascade/requests.service';
import { DEFAULT_CLASSIFICATION, hasVariantCriteria, validateClassificationParams, validateTieBreaks, type ClassificationParams, type UnitVariant } from '../../../domain/scoring';
import type { CreateRoundInput, RoundDto } from '../../../contracts/scoring';
import { findTemplate } from './templates.service';
import { problemsError } from './problems';

/**
 * Unit type of a grassroots union from its host unit's sector: public administration and schools
 * (public unit) score the STATE indicators (hội nghị cán bộ, công chức, viên chức; quy chế dân chủ);
 * state-owned, domestic private and foreign-invested enterprises the ENTERPRISE ones (đối thoại,
 * thỏa ước). KHAC or no sector: unknown (null) — only common criteria, or refused when the template
 * has variant criteria.
 */
export function variantOfSector(sector: string | null): UnitVariant | null {
  if (sector === 'HCSN' || sector === 'TRUONG_HOC') return 'STATE';
  if (sector === 'DNNN' || sector === 'NGOAI_NN' || sector === 'FDI') return 'ENTERPRISE';
  return null;
}
const VARIANT_SQL = sql.raw(`case o.sector when 'HCSN' then 'STATE' when 'TRUONG_HOC' then 'STATE' when 'DNNN' then 'ENTERPRISE' when 'NGOAI_NN' then 'ENTERPRISE' when 'FDI' then 'ENTERPRISE' else null end`);

export type RoundRow = {
  id: number;
  org_id: number;
  org_name: string;
  org_path: string;
  org_status: string;
  year: number;
  title: string;
  template_id: number;
  template_code: string;
  template_version: number;
  template_name: string;
  mode: 'VERIFIED' | 'COUNCIL';
  deadline: string;
  tie_breaks: string[];
  classification: ClassificationParams;
  status: 'DRAFT' | 'OPEN' | 'CLOSED' | 'PUBLISHED';
};

const SELECT_ROUND = sql`
  select r.id, r.org_id, o.name as org_name, r.org_path, o.status as org_status, r.year, r.title, r.template_id, t.code as template_code,
         t.version as template_version, t.name_vi as template_name, r.mode, r.deadline::text as deadline, r.tie_breaks,
         r.classification, r.status
  from scoring_round r join organisation o on o.id = r.org_id join scorecard_template t on t.id = r.template_id`;

export async function findRound(db: DbOrTx, id: number): Promise<RoundRow | null> {
  const r = await db.execute<RoundRow>(sql`${SELECT_ROUND} where r.id = ${id}`);
  return r.rows[0] ?? null;
}

const readPaths = (a: AuthActor) => a.roles.filter((r) => READ_ROLES.includes(r.role)).map((r) => r.orgPath);

/** Readers of the organiser's subtree see the whole round; readers of a scored unit see the round and their sheets. */
function visibleSheetScope(a: AuthActor, alias: string) {
  const paths = readPaths(a);
  if (paths.length === 0) return sql`false`;
  return sql`(${sql.join(paths.map((p) => sql`${sql.raw(alias)}.scope_path like ${`${p}%`}`), sql` or `)})`;
}

export const roundPolicy = {
  readWhole: (a: AuthActor, r: Pick<RoundRow, 'org_path'>) => readPaths(a).some((p) => covers(p, r.org_path)),
  manage: (a: AuthActor, r: Pick<RoundRow, 'org_path' | 'org_status'>) => orgPolicy.createChild(a, { path: r.org_path, status: r.org_status }),
};

export async function loadVisibleRound(db: DbOrTx, actor: AuthActor, id: number): Promise<RoundRow> {
  const r = await findRound(db, id);
  if (!r) throw notFound();
  if (roundPolicy.readWhole(actor, r)) return r;
  const own = await db.execute<{ n: number }>(sql`select count(*)::int as n from score_sheet s where s.round_id = ${id} and ${visibleSheetScope(actor, 's')}`);
  if (Number(own.rows[0]!.n) === 0) throw notFound();
  return r;
}

export type SheetCounts = RoundDto['counts'];

/** Sheets the actor can read per round and status, for a page of rounds in one query. */
export async function sheetCounts(db: DbOrTx, actor: AuthActor, roundIds: number[]): Promise<Map<number, SheetCounts>> {
  const out = new Map<number, SheetCounts>(roundIds.map((id) => [id, { DRAFT: 0, SUBMITTED: 0, RETURNED: 0, VERIFIED: 0 }]));
  if (roundIds.length === 0) return out;
  const c = await db.execute<{ round_id: number; status: keyof SheetCounts; n: number }>(sql`
    select s.round_id, s.status, count(*)::int as n from score_sheet s
    where s.round_id = any(${sql.param(roundIds)}::bigint[]) and ${visibleSheetScope(actor, 's')} group by s.round_id, s.status`);
  for (const row of c.rows) out.get(Number(row.round_id))![row.status] = Number(row.n);
  return out;
}

export function presentRound(actor: AuthActor, r: RoundRow, counts: SheetCounts): RoundDto {
  return {
    id: Number(r.id),
    orgId: Number(r.org_id),
    orgName: r.org_name,
    year: Number(r.year),
    title: r.title,
    templateId: Number(r.template_id),
    templateCode: r.template_code,
    templateVersion: Number(r.template_version),
    templateName: r.template_name,
    mode: r.mode,
    deadline: r.deadline,
    tieBreaks: r.tie_breaks,
    classification: r.classification,
    status: r.status,
    counts,
    abilities: roundPolicy.manage(actor, r) ? ['round.verify'] : [],
  };
}

export async function createRound(app: AppContext, actor: AuthActor, locale: Locale, input: CreateRoundInput): Promise<number> {
  return app.db.transaction(async (tx) => {
    const org = await findOrg(tx, input.orgId);
    if (!org || !orgPolicy.read(actor, org) || !orgPolicy.createChild(actor, org)) throw notFound();
    const template = await findTemplate(tx, input.templateId);
    if (!template || template.status !== 'PUBLISHED') throw validation('scoring.api.templateNotPublished', {}, { field: 'templateId' });
    if (template.subject !== 'UNIT') throw validation('scoring.api.personTemplate', { code: template.code }, { field: 'templateId' });
    if (input.deadline < todayInVietnam()) throw validation('scoring.api.deadlinePast', { deadline: input.deadline.split('-').reverse().join('/') }, { field: 'deadline' });
    const tieProblems = validateTieBreaks(input.tieBreaks, template.structure.sections.map((s) => s.code));
    if (tieProblems.length > 0) throw problemsError(locale, tieProblems, 'scoring.api.problems', 'tieBreaks');
    const params: ClassificationParams = input.classification ?? DEFAULT_CLASSIFICATION;
    const paramProblems = validateClassificationParams(params);
    if (paramProblems.length > 0) throw problemsError(locale, paramProblems, 'scoring.api.problems', 'classification');

    let units: { id: number; path: string; name: string; variant: UnitVariant | null }[];
    if (input.units === null) {
      const found = await tx.execute<{ id: number; path: string; name: string; variant: UnitVariant | null }>(sql`
        select o.id, o.path, o.name, ${VARIANT_SQL} as variant from organisation o
        where o.path like ${`${org.path}%`} and o.id <> ${org.id} and o.status = 'ACTIVE' and o.kind = any(${sql.param([...DEFAULT_TARGET_KINDS])}::text[])
        order by o.path`);
      units = found.rows.map((u) => ({ ...u, id: Number(u.id) }));
    } else {
      const ids = [...new Set(input.units)];
      const found = await tx.execute<{ id: number; path: string; name: string; status: string; variant: UnitVariant | null }>(sql`
        select o.id, o.path, o.name, o.status, ${VARIANT_SQL} as variant from organisation o where o.id = any(${sql.param(ids)}::bigint[])`);
      const byId = new Map(found.rows.map((u) => [Number(u.id), u]));
      units = ids.map((id) => {
        const u = byId.get(id);
        if (!u) throw validation('scoring.api.unknownUnit', { id }, { field: 'units' });
        if (!(u.path.length > org.path.length && u.path.startsWith(org.path))) throw validation('scoring.api.unitOutsideSubtree', { name: u.name, organiser: org.name }, { field: 'units' });
        if (u.status !== 'ACTIVE') throw validation('scoring.api.unitInactive', { name: u.name }, { field: 'units' });
        return { id, path: u.path, name: u.name, variant: u.variant };
      });
    }
    if (units.length === 0) throw validation('scoring.api.noUnits', { organiser: org.name }, { field: 'units' });
    if (hasVariantCriteria(template.structure) && !template.structure.unitVariant) {
      const unknown = units.find((u) => u.variant === null);
      if (unknown) throw validation('scoring.api.unitVariantUnknown', { name: unknown.name, template: template.code }, { field: 'units' });
    }

    const created = await tx.execute<{ id: number }>(sql`
      insert into scoring_round (org_id, org_path, year, title, template_id, mode, deadline, tie_breaks, classification, status, created_by)
      values (${org.id}, ${org.path}, ${input.year}, ${input.title.normalize('NFC')}, ${template.id}, 'VERIFIED', ${input.deadline},
              ${JSON.stringify(input.tieBreaks)}::jsonb, ${JSON.stringify(params)}::jsonb, 'OPEN', ${actor.userId})
      returning id`);
    const id = Number(created.rows[0]!.id);
    await tx.execute(sql`
      insert into score_sheet (round_id, org_id, scope_path, variant)
      select ${id}, u.id, u.path, u.variant
      from unnest(${sql.param(units.map((u) => u.id))}::bigint[], ${sql.param(units.map((u) => u.path))}::text[], ${sql.param(units.map((u) => u.variant))}::text[]) as u(id, path, variant)`);
    await audit(tx, actor, [
      {
        action: 'scoring.round.create', entityType: 'scoring_round', entityId: id, orgId: Number(org.id),
        after: { year: input.year, title: input.title, templateId: Number(template.id), deadline: input.deadline, tieBreaks: input.tieBreaks, classification: params, sheets: units.length },
      },
    ]);
    return id;
  });
}

export interface RoundFilter {
  orgId?: number;
  year?: number;
  status?: RoundRow['status'];
}

/** Rounds organised inside the actor's read scope, and rounds in which a unit of that scope is scored. */
export async function listRounds(db: DbOrTx, actor: AuthActor, f: RoundFilter, limit: number, offset: number) {
  const paths = readPaths(actor);
  if (paths.length === 0) return { rows: [] as RoundRow[], total: 0 };
  const organised = sql.join(paths.map((p) => sql`r.org_path like ${`${p}%`}`), sql` or `);
  const where = sql.join(
    [
      sql`((${organised}) or exists (select 1 from score_sheet s where s.round_id = r.id and ${visibleSheetScope(actor, 's')}))`,
      ...(f.orgId !== undefined ? [sql`r.org_id = ${f.orgId}`] : []),
      ...(f.year !== undefined ? [sql`r.year = ${f.year}`] : []),
      ...(f.status !== undefined ? [sql`r.status = ${f.status}`] : []),
    ],
    sql` and `,
  );
  const [rows, total] = await Promise.all([
    db.execute<RoundRow>(sql`${SELECT_ROUND} where ${where} order by r.year desc, r.id desc limit ${limit} offset ${offset}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from scoring_round r where ${where}`),
  ]);
  return { rows: rows.rows, total: Number(total.rows[0]!.n) };
}
