// Scorecard templates: the shipped ones (reference data, no owner) and the versions installations
// derive from them. A version is edited only while DRAFT; publishing freezes it (a change is a new
// version: max version of the code + 1, owned by an organisation the reviser manages).
import { sql } from 'drizzle-orm';
import type { AuthActor } from '../../lib/actor';
import type { DbOrTx, Tx } from '../../db/client';
import type { AppContext } from '../../lib/context';
import type { Locale } from '../../../contracts/enums';
import { audit } from '../../lib/audit';
import { conflict, notFound } from '../../lib/errors';
import { covers, orgPolicy, READ_ROLES } from '../../lib/policy';
import { findOrg } from '../organisations/organisations.repository';
import { reviseTemplate, validateTemplate, type ScorecardTemplate } from '../../../domain/scoring';
import type { TemplateDto, TemplateSummaryDto, UpdateTemplateInput } from '../../../contracts/scoring';
import { problemDtos, problemsError } from './problems';

export type TemplateRow = {
  id: number;
  code: string;
  version: number;
  name_vi: string;
  name_en: string | null;
  subject: 'UNIT' | 'PERSON';
  org_id: number | null;
  org_name: string | null;
  org_path: string | null;
  org_status: string | null;
  structure: ScorecardTemplate;
  status: 'DRAFT' | 'PUBLISHED' | 'RETIRED';
  supersedes_id: number | null;
  published_at: string | null;
  revision: number;
};

const SELECT_TEMPLATE = sql`
  select t.id, t.code, t.version, t.name_vi, t.name_en, t.subject, t.org_id, o.name as org_name, o.path as org_path, o.status as org_status,
         t.structure, t.status, t.supersedes_id, to_json(t.published_at)#>>'{}' as published_at, t.revision
  from scorecard_template t left join organisation o on o.id = t.org_id`;

export async function findTemplate(db: DbOrTx, id: number, forUpdate = false): Promise<TemplateRow | null> {
  const r = await db.execute<TemplateRow>(sql`${SELECT_TEMPLATE} where t.id = ${id} ${forUpdate ? sql`for update of t` : sql``}`);
  return r.rows[0] ?? null;
}

/** Roles that author templates: the emulation office (TDKT) and administrators. */
const AUTHOR_ROLES = ['SYSTEM_ADMIN', 'TDKT_OFFICER'] as const;
const authorsOn = (a: AuthActor, path: string) => a.roles.some((r) => (AUTHOR_ROLES as readonly string[]).includes(r.role) && covers(r.orgPath, path));
const isAdmin = (a: AuthActor) => a.roles.some((r) => r.role === 'SYSTEM_ADMIN');

export const templatePolicy = {
  /** Published and retired versions are read by everyone signed in (units score against them); drafts by readers of the owner. */
  read: (a: AuthActor, t: Pick<TemplateRow, 'status' | 'org_path'>) =>
    t.status !== 'DRAFT' || (t.org_path !== null && a.roles.some((r) => READ_ROLES.includes(r.role) && covers(r.orgPath, t.org_path!))),
  /** Editing, publishing, retiring: authors over the owner (shipped templates: administrators may retire them). */
  write: (a: AuthActor, t: Pick<TemplateRow, 'org_path' | 'org_status'>) => (t.org_path === null ? isAdmin(a) : t.org_status === 'ACTIVE' && authorsOn(a, t.org_path)),
  revise: (a: AuthActor) => a.roles.some((r) => (AUTHOR_ROLES as readonly string[]).includes(r.role)),
};

export function templateAbilities(a: AuthActor, t: TemplateRow): string[] {
  const out: string[] = [];
  if (templatePolicy.revise(a)) out.push('template.revise');
  if (!templatePolicy.write(a, t)) return out;
  if (t.status === 'DRAFT' && t.org_path !== null) out.push('template.update', 'template.publish');
  if (t.status !== 'RETIRED') out.push('template.retire');
  return out;
}

const criteriaCount = (s: ScorecardTemplate) => s.sections.reduce((n, sec) => n + sec.criteria.length, 0);

export function presentTemplateSummary(a: AuthActor, t: TemplateRow): TemplateSummaryDto {
  return {
    id: Number(t.id),
    code: t.code,
    version: Number(t.version),
    nameVi: t.name_vi,
    nameEn: t.name_en,
    subject: t.subject,
    status: t.status,
    orgId: t.org_id === null ? null : Number(t.org_id),
    orgName: t.org_name,
    supersedesId: t.supersedes_id === null ? null : Number(t.supersedes_id),
    totalPoints: t.structure.totalPoints,
    criteriaCount: criteriaCount(t.structure),
    publishedAt: t.published_at,
    revision: Number(t.revision),
    abilities: templateAbilities(a, t),
  };
}

export function presentTemplate(a: AuthActor, locale: Locale, t: TemplateRow): TemplateDto {
  return { ...presentTemplateSummary(a, t), structure: t.structure as TemplateDto['structure'], problems: problemDtos(locale, validateTemplate(t.structure)) };
}

export interface TemplateFilter {
  subject?: 'UNIT' | 'PERSON';
  status?: 'DRAFT' | 'PUBLISHED' | 'RETIRED';
  code?: string;
}

/** Published and retired versions, and the drafts of owners the actor reads; newest version first. */
export async function listTemplates(db: DbOrTx, actor: AuthActor, f: TemplateFilter, limit: number, offset: number) {
  const readable = actor.roles.filter((r) => READ_ROLES.includes(r.role)).map((r) => r.orgPath);
  const draftScope = readable.length === 0 ? sql`false` : sql.join(readable.map((p) => sql`o.path like ${`${p}%`}`), sql` or `);
  const where = sql.join(
    [
      sql`(t.status <> 'DRAFT' or (${draftScope}))`,
      ...(f.subject ? [sql`t.subject = ${f.subject}`] : []),
      ...(f.status ? [sql`t.status = ${f.status}`] : []),
      ...(f.code ? [sql`t.code = ${f.code.toUpperCase()}`] : []),
    ],
    sql` and `,
  );
  const [rows, total] = await Promise.all([
    db.execute<TemplateRow>(sql`${SELECT_TEMPLATE} where ${where} order by t.code, t.version desc limit ${limit} offset ${offset}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from scorecard_template t left join organisation o on o.id = t.org_id where ${where}`),
  ]);
  return { rows: rows.rows, total: Number(total.rows[0]!.n) };
}

async function loadReadable(tx: Tx, actor: AuthActor, id: number): Promise<TemplateRow> {
  const t = await findTemplate(tx, id, true);
  if (!t || !templatePolicy.read(actor, t)) throw notFound();
  return t;
}

/** A published or retired version is never changed in place: 409 for everyone who can see it. */
function ensureDraft(t: TemplateRow): void {
  if (t.status === 'PUBLISHED') throw conflict('scoring.api.templatePublished', { code: t.code, version: Number(t.version) });
  if (t.status === 'RETIRED') throw conflict('scoring.api.templateRetired', { code: t.code, version: Number(t.version) });
}

export async function reviseTemplateVersion(app: AppContext, actor: AuthActor, id: number, orgId: number): Promise<number> {
  return app.db.transaction(async (tx) => {
    const source = await loadReadable(tx, actor, id);
    const org = await findOrg(tx, orgId);
    if (!org || !orgPolicy.read(actor, org) || org.status !== 'ACTIVE' || !authorsOn(actor, org.path)) throw notFound();
    // Versions of one code are numbered one after the other: serialise revisers of the same code.
    await tx.execute(sql`select pg_advisory_xact_lock(7263005, hashtext(${source.code}))`);
    const max = await tx.execute<{ v: number }>(sql`select max(version)::int as v from scorecard_template where code = ${source.code}`);
    const version = Number(max.rows[0]!.v) + 1;
    const structure: ScorecardTemplate = { ...reviseTemplate(source.structure), version };
    const r = await tx.execute<{ id: number }>(sql`
      insert into scorecard_template (code, version, name_vi, name_en, subject, org_id, structure, status, supersedes_id, created_by)
      values (${source.code}, ${version}, ${structure.nameVi}, ${structure.nameEn ?? null}, ${structure.subject}, ${org.id},
              ${JSON.stringify(structure)}::jsonb, 'DRAFT', ${source.id}, ${actor.userId})
      returning id`);
    const newId = Number(r.rows[0]!.id);
    await audit(tx, actor, [
      { action: 'scoring.template.revise', entityType: 'scorecard_template', entityId: newId, orgId: Number(org.id), after: { code: source.code, version, supersedesId: Number(source.id) } },
    ]);
    return newId;
  });
}

export async function updateTemplate(app: AppContext, actor: AuthActor, locale: Locale, id: number, content: UpdateTemplateInput): Promise<void> {
  await app.db.transaction(async (tx) => {
    const t = await loadReadable(tx, actor, id);
    ensureDraft(t);
    if (!templatePolicy.write(actor, t)) throw notFound();
    // Two editors of one draft: the second save is refused rather than silently overwriting the first.
    if (content.revision !== undefined && content.revision !== Number(t.revision)) throw conflict('scoring.api.staleVersion');
    const { revision: _revision, ...fields } = content;
    const nfc = (s: string | undefined) => (s === undefined ? undefined : s.normalize('NFC'));
    const structure = JSON.parse(
      JSON.stringify({
        ...fields,
        // An editor that does not show the unit kinds keeps them.
        unitKinds: fields.unitKinds ?? t.structure.unitKinds,
        nameVi: fields.nameVi.normalize('NFC'),
        nameEn: nfc(fields.nameEn),
        source: nfc(fields.source),
        sections: fields.sections.map((s) => ({
          ...s,
          title: s.title.normalize('NFC'),
          criteria: s.criteria.map((c) => ({ ...c, text: c.text.normalize('NFC'), guidance: nfc(c.guidance), evidence: nfc(c.evidence) })),
        })),
        code: t.code,
        version: Number(t.version),
        subject: t.subject,
      }),
    ) as ScorecardTemplate;
    const problems = validateTemplate(structure);
    if (problems.length > 0) throw problemsError(locale, problems, 'scoring.api.problems', 'structure');
    await tx.execute(sql`
      update scorecard_template set structure = ${JSON.stringify(structure)}::jsonb, name_vi = ${structure.nameVi}, name_en = ${structure.nameEn ?? null}, revision = revision + 1
      where id = ${id}`);
    await audit(tx, actor, [{ action: 'scoring.template.update', entityType: 'scorecard_template', entityId: id, orgId: t.org_id === null ? null : Number(t.org_id), before: t.structure, after: structure }]);
  });
}

export async function publishTemplate(app: AppContext, actor: AuthActor, locale: Locale, id: number): Promise<void> {
  await app.db.transaction(async (tx) => {
    const t = await loadReadable(tx, actor, id);
    ensureDraft(t);
    if (!templatePolicy.write(actor, t)) throw notFound();
    const problems = validateTemplate(t.structure);
    if (problems.length > 0) throw problemsError(locale, problems, 'scoring.api.problems', 'structure');
    await tx.execute(sql`update scorecard_template set status = 'PUBLISHED', published_at = now() where id = ${id}`);
    await audit(tx, actor, [{ action: 'scoring.template.publish', entityType: 'scorecard_template', entityId: id, orgId: t.org_id === null ? null : Number(t.org_id), before: { status: 'DRAFT' }, after: { status: 'PUBLISHED', code: t.code, version: Number(t.version) } }]);
  });
}

/** Retiring stops new rounds from using a version; rounds already using it keep it. */
export async function retireTemplate(app: AppContext, actor: AuthActor, id: number, reason: string): Promise<void> {
  await app.db.transaction(async (tx) => {
    const t = await loadReadable(tx, actor, id);
    if (t.status === 'RETIRED') throw conflict('scoring.api.templateRetired', { code: t.code, version: Number(t.version) });
    if (!templatePolicy.write(actor, t)) throw notFound();
    await tx.execute(sql`update scorecard_template set status = 'RETIRED' where id = ${id}`);
    await audit(tx, actor, [{ action: 'scoring.template.retire', entityType: 'scorecard_template', entityId: id, orgId: t.org_id === null ? null : Number(t.org_id), before: { status: t.status }, after: { status: 'RETIRED', reason: reason.normalize('NFC') } }]);
  });
}
