// Certificate templates per organisation and kind (mẫu giấy khen, bằng khen). A template is a set of
// overrides on the default look; saving supersedes the active row and inserts a new one (reset to
// default is a save with no overrides), so the history of what was printed when is never lost.
// The organisation's own TĐKT officers (or an administrator above it) edit; readers in scope read.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import type { Locale } from '../../../contracts/enums';
import {
  TEMPLATE_FIELDS,
  templateSettings,
  type CertificateKind,
  type EffectiveSettingsDto,
  type EffectiveTemplateDto,
  type OrgTemplatesDto,
  type TemplateField,
  type TemplateHistoryDto,
  type TemplateSettings,
} from '../../../contracts/certificate-templates';
import { CERTIFICATE_KINDS } from '../../../contracts/certificate-templates';
import { t } from '../../../contracts/messages';
import { audit } from '../../lib/audit';
import { conflict, forbidden, notFound, validation } from '../../lib/errors';
import { managesCouncilOrg, readsCouncilOrg } from '../councils/councils.service';
import { placeOf } from '../../lib/place';
import { renderCertificates, type CertificateTemplate } from './render/certificate-pdf';

const num = (v: unknown) => Number(v);
const upper = (s: string) => s.normalize('NFC').toLocaleUpperCase('vi-VN');

/** Serialises saves of one organisation's templates (the active-row index would refuse the loser anyway). */
const SAVE_LOCK = 7263016;

type OrgRow = { id: number; path: string; name: string; status: string; parent_name: string | null };

/** The default look of an organisation's certificates of one kind; the signer lines come from each decision. */
export function templateDefaults(org: { name: string; parentName: string | null }, kind: CertificateKind): EffectiveSettingsDto {
  return {
    title: t('vi', `certificates.title.${kind}`),
    issuerLine1: upper(org.parentName ?? t('vi', 'certificateTemplates.default.issuerLine1Top')),
    issuerLine2: upper(t('vi', 'certificateTemplates.default.issuerLine2', { org: org.name })),
    verb: t('vi', 'certificates.awardedTo'),
    accentColor: kind === 'BANG_KHEN' ? '#a61b1b' : '#b8860b',
    borderStyle: 'CLASSIC',
    showEmblem: true,
    signerOnBehalf: null,
    signerTitle: null,
    footer: null,
  };
}

/** Stored settings read back through the schema: a row written by an older version cannot break printing. */
export function readSettings(raw: unknown): TemplateSettings {
  const r = templateSettings.safeParse(raw ?? {});
  return r.success ? r.data : {};
}

export const overriddenFields = (s: TemplateSettings): TemplateField[] => TEMPLATE_FIELDS.filter((f) => s[f] !== undefined);

export function effectiveSettings(defaults: EffectiveSettingsDto, s: TemplateSettings): EffectiveSettingsDto {
  return {
    title: s.title ?? defaults.title,
    issuerLine1: s.issuerLine1 ?? defaults.issuerLine1,
    issuerLine2: s.issuerLine2 === undefined ? defaults.issuerLine2 : s.issuerLine2,
    verb: s.verb ?? defaults.verb,
    accentColor: s.accentColor ?? defaults.accentColor,
    borderStyle: s.borderStyle ?? defaults.borderStyle,
    showEmblem: s.showEmblem ?? defaults.showEmblem,
    signerOnBehalf: s.signerOnBehalf ?? defaults.signerOnBehalf,
    signerTitle: s.signerTitle ?? defaults.signerTitle,
    footer: s.footer ?? defaults.footer,
  };
}

/**
 * The renderer's template. The title and the verb are passed only when the organisation changed
 * them, so that an English print keeps the catalogue's English labels.
 */
export function renderTemplate(kind: CertificateKind, defaults: EffectiveSettingsDto, s: TemplateSettings, signer: { onBehalf: string; title: string }): CertificateTemplate {
  const e = effectiveSettings(defaults, s);
  return {
    kind,
    issuerLine1: e.issuerLine1,
    issuerLine2: e.issuerLine2,
    accentColor: e.accentColor,
    signerOnBehalf: e.signerOnBehalf ?? signer.onBehalf,
    signerTitle: e.signerTitle ?? signer.title,
    ...(s.title !== undefined ? { title: s.title } : {}),
    ...(s.verb !== undefined ? { verb: s.verb } : {}),
    borderStyle: e.borderStyle,
    showEmblem: e.showEmblem,
    footerLine: e.footer,
  };
}

/** The active settings of an organisation's template of one kind ({} when it prints the defaults). */
export async function activeTemplateSettings(db: DbOrTx, orgId: number, kind: CertificateKind): Promise<TemplateSettings> {
  const r = await db.execute<{ settings: unknown }>(sql`select settings from certificate_template where org_id = ${orgId} and kind = ${kind} and status = 'ACTIVE'`);
  return readSettings(r.rows[0]?.settings);
}

// ── Access ─────────────────────────────────────────────────────────────────────────────────────

async function loadReadableOrg(db: DbOrTx, actor: AuthActor, orgId: number): Promise<OrgRow> {
  const r = await db.execute<OrgRow>(sql`
    select o.id, o.path, o.name, o.status, p.name as parent_name from organisation o left join organisation p on p.id = o.parent_id where o.id = ${orgId}`);
  const o = r.rows[0];
  if (!o || !readsCouncilOrg(actor, o.path)) throw notFound();
  return { ...o, id: num(o.id) };
}

async function loadManagedOrg(db: DbOrTx, actor: AuthActor, orgId: number): Promise<OrgRow> {
  const o = await loadReadableOrg(db, actor, orgId);
  if (!managesCouncilOrg(actor, o.path)) throw forbidden();
  return o;
}

const defaultsOf = (o: OrgRow, kind: CertificateKind) => templateDefaults({ name: o.name, parentName: o.parent_name }, kind);

// ── Reading ────────────────────────────────────────────────────────────────────────────────────

type ActiveRow = { id: number; kind: CertificateKind; settings: unknown; created_at: string; created_by_name: string | null };

export async function orgTemplates(db: DbOrTx, actor: AuthActor, orgId: number): Promise<OrgTemplatesDto> {
  const o = await loadReadableOrg(db, actor, orgId);
  const r = await db.execute<ActiveRow>(sql`
    select t.id, t.kind, t.settings, to_char(t.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as created_at, u.display_name as created_by_name
    from certificate_template t left join app_user u on u.id = t.created_by
    where t.org_id = ${o.id} and t.status = 'ACTIVE'`);
  const active = new Map(r.rows.map((x) => [x.kind, x]));
  const templates: EffectiveTemplateDto[] = CERTIFICATE_KINDS.map((kind) => {
    const row = active.get(kind);
    const settings = readSettings(row?.settings);
    const defaults = defaultsOf(o, kind);
    return {
      kind,
      id: row ? num(row.id) : null,
      settings,
      effective: effectiveSettings(defaults, settings),
      defaults,
      overridden: overriddenFields(settings),
      savedAt: row?.created_at ?? null,
      savedByName: row?.created_by_name ?? null,
    };
  });
  const canEdit = managesCouncilOrg(actor, o.path) && o.status === 'ACTIVE';
  return { orgId: o.id, orgName: o.name, templates, abilities: canEdit ? ['certificateTemplate.update'] : [] };
}

export async function templateHistory(db: DbOrTx, actor: AuthActor, orgId: number, kind: CertificateKind, q: { page: number; pageSize: number }) {
  const o = await loadReadableOrg(db, actor, orgId);
  const where = sql`t.org_id = ${o.id} and t.kind = ${kind}`;
  const [rows, total] = await Promise.all([
    db.execute<{ id: number; status: 'ACTIVE' | 'SUPERSEDED'; settings: unknown; created_at: string; created_by_name: string | null }>(sql`
      select t.id, t.status, t.settings, to_char(t.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as created_at, u.display_name as created_by_name
      from certificate_template t left join app_user u on u.id = t.created_by
      where ${where} order by t.created_at desc, t.id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from certificate_template t where ${where}`),
  ]);
  const items: TemplateHistoryDto[] = rows.rows.map((x) => {
    const settings = readSettings(x.settings);
    return { id: num(x.id), status: x.status, settings, overridden: overriddenFields(settings), createdAt: x.created_at, createdByName: x.created_by_name };
  });
  return { items, total: num(total.rows[0]?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

// ── Saving ─────────────────────────────────────────────────────────────────────────────────────

/** Supersedes the active template (if any) with `settings`; `{}` resets to the default look. */
export async function saveTemplate(app: AppContext, actor: AuthActor, orgId: number, kind: CertificateKind, input: { settings: TemplateSettings; expectedId: number | null }): Promise<void> {
  const o = await loadManagedOrg(app.db, actor, orgId);
  if (o.status !== 'ACTIVE') throw validation('certificateTemplates.api.orgInactive');
  await app.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SAVE_LOCK}, ${o.id}::int)`);
    const cur = await tx.execute<{ id: number; settings: unknown }>(sql`
      select id, settings from certificate_template where org_id = ${o.id} and kind = ${kind} and status = 'ACTIVE' for update`);
    const old = cur.rows[0];
    if ((old ? num(old.id) : null) !== input.expectedId) throw conflict('certificateTemplates.api.stale');
    if (old) await tx.execute(sql`update certificate_template set status = 'SUPERSEDED' where id = ${old.id}`);
    const r = await tx.execute<{ id: number }>(sql`
      insert into certificate_template (org_id, kind, settings, status, created_by)
      values (${o.id}, ${kind}, ${JSON.stringify(input.settings)}::jsonb, 'ACTIVE', ${actor.userId}) returning id`);
    const id = num(r.rows[0]!.id);
    const reset = overriddenFields(input.settings).length === 0;
    await audit(tx, actor, [
      {
        action: reset ? 'certificateTemplate.reset' : 'certificateTemplate.save',
        entityType: 'certificate_template',
        entityId: id,
        orgId: o.id,
        before: old ? { id: num(old.id), kind, settings: readSettings(old.settings) } : null,
        after: { kind, settings: input.settings, supersedes: old ? num(old.id) : null },
      },
    ]);
  });
}

// ── Preview ────────────────────────────────────────────────────────────────────────────────────

/** A sample certificate with a placeholder recipient, printed with the saved template or a draft. */
export async function previewPdf(db: DbOrTx, actor: AuthActor, orgId: number, kind: CertificateKind, draft: TemplateSettings | undefined, locale: Locale, today: string): Promise<Buffer> {
  const o = await loadReadableOrg(db, actor, orgId);
  const settings = draft ?? (await activeTemplateSettings(db, o.id, kind));
  const year = Number(today.slice(0, 4));
  const serial = t(locale, 'certificateTemplates.sample.serial', { year });
  const template = renderTemplate(kind, defaultsOf(o, kind), settings, { onBehalf: t('vi', 'decisions.default.onBehalf'), title: t('vi', 'decisions.default.signerTitle') });
  return renderCertificates(
    template,
    [
      {
        serial,
        verifyUrl: `https://vinhdanh.invalid/verify/${serial}`,
        recipientName: t(locale, 'certificateTemplates.sample.recipientName'),
        recipientUnit: t(locale, 'certificateTemplates.sample.recipientUnit'),
        achievement: t(locale, 'certificateTemplates.sample.achievement', { year }),
        decisionNumber: t(locale, 'certificateTemplates.sample.decisionNumber'),
        decisionDate: today,
        placeName: placeOf(o.name),
        signerName: t(locale, 'certificateTemplates.sample.signerName'),
      },
    ],
    { locale },
  );
}
