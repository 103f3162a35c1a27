// Scoring rounds: an organisation (huyện, tỉnh, ngành …) scores the units (or, with a person
// template, the members) below it for a year against a published template. Creating the round
// creates one sheet per unit or member, set-based; the unit type (variant) of each sheet comes from
// the unit's sector. Also here: deadline extensions, and the round's notices and reminders.
import { sql } from 'drizzle-orm';
import type { AuthActor } from '../../lib/actor';
import type { DbOrTx, Tx } from '../../db/client';
import type { AppContext } from '../../lib/context';
import type { Locale } from '../../../contracts/enums';
import { audit, type Actor } from '../../lib/audit';
import { vnDate } from '../../lib/dates';
import { runInBackground } from '../../lib/context';
import { sendOutbox } from '../../lib/mail';
import { t } from '../../../contracts/messages';
import { conflict, notFound, validation } from '../../lib/errors';
import { covers, MANAGE_ROLES, orgPolicy, READ_ROLES } from '../../lib/policy';
import { findOrg } from '../organisations/organisations.repository';
import { todayInVietnam } from '../imports/xlsx';
import { DEFAULT_TARGET_KINDS } from '../cascade/requests.service';
import { DEFAULT_CLASSIFICATION, hasVariantCriteria, validateClassificationParams, validateTieBreaks, type ClassificationParams, type ScorecardTemplate, type UnitVariant } from '../../../domain/scoring';
import type { CreateRoundInput, ExtendRoundInput, RoundDto } from '../../../contracts/scoring';
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
  subject: 'UNIT' | 'PERSON';
  mode: 'VERIFIED' | 'COUNCIL';
  deadline: string;
  tie_breaks: string[];
  classification: ClassificationParams;
  status: 'DRAFT' | 'OPEN' | 'CLOSED' | 'PUBLISHED';
};

const SELECT_ROUND = sql`
  select r.id, r.org_id, o.name as org_name, r.org_path, o.status as org_status, r.year, r.title, r.template_id, t.code as template_code,
         t.version as template_version, t.name_vi as template_name, t.subject, r.mode, r.deadline::text as deadline, r.tie_breaks,
         r.classification, r.status
  from scoring_round r join organisation o on o.id = r.org_id join scorecard_template t on t.id = r.template_id`;

export async function findRound(db: DbOrTx, id: number): Promise<RoundRow | null> {
  const r = await db.execute<RoundRow>(sql`${SELECT_ROUND} where r.id = ${id}`);
  return r.rows[0] ?? null;
}

const readPaths = (a: AuthActor) => a.roles.filter((r) => READ_ROLES.includes(r.role)).map((r) => r.orgPath);

/**
 * Sheets the actor reads: those of the units in a reader's subtree (the organiser's readers see the
 * whole round) and, in person rounds, the member's own sheet.
 */
export function visibleSheetScope(a: AuthActor, alias: string) {
  const paths = readPaths(a);
  const parts = paths.map((p) => sql`${sql.raw(alias)}.scope_path like ${`${p}%`}`);
  if (a.personId !== null) parts.push(sql`${sql.raw(alias)}.person_id = ${a.personId}`);
  if (parts.length === 0) return sql`false`;
  return sql`(${sql.join(parts, sql` or `)})`;
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
    subject: r.subject,
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
    if (template.subject === 'UNIT' && input.members !== null) throw validation('scoring.api.membersForUnitTemplate', { code: template.code }, { field: 'members' });
    if (template.subject === 'PERSON' && input.units !== null) throw validation('scoring.api.unitsForPersonTemplate', { code: template.code }, { field: 'units' });
    if (input.deadline < todayInVietnam()) throw validation('scoring.api.deadlinePast', { deadline: input.deadline.split('-').reverse().join('/') }, { field: 'deadline' });
    const tieProblems = validateTieBreaks(input.tieBreaks, template.structure.sections.map((s) => s.code));
    if (tieProblems.length > 0) throw problemsError(locale, tieProblems, 'scoring.api.problems', 'tieBreaks');
    const params: ClassificationParams = input.classification ?? DEFAULT_CLASSIFICATION;
    const paramProblems = validateClassificationParams(params);
    if (paramProblems.length > 0) throw problemsError(locale, paramProblems, 'scoring.api.problems', 'classification');

    const targets = template.subject === 'PERSON' ? await memberTargets(tx, org, input.members) : await unitTargets(tx, locale, org, template.structure, input.units);
    if (template.subject === 'UNIT' && hasVariantCriteria(template.structure) && !template.structure.unitVariant) {
      const unknown = targets.find((u) => u.variant === null);
      if (unknown) throw validation('scoring.api.unitVariantUnknown', { name: unknown.name, template: template.code }, { field: 'units' });
    }

    const created = await tx.execute<{ id: number }>(sql`
      insert into scoring_round (org_id, org_path, year, title, template_id, mode, deadline, tie_breaks, classification, status, created_by)
      values (${org.id}, ${org.path}, ${input.year}, ${input.title.normalize('NFC')}, ${template.id}, 'VERIFIED', ${input.deadline},
              ${JSON.stringify(input.tieBreaks)}::jsonb, ${JSON.stringify(params)}::jsonb, 'OPEN', ${actor.userId})
      returning id`);
    const id = Number(created.rows[0]!.id);
    const person = template.subject === 'PERSON';
    await tx.execute(sql`
      insert into score_sheet (round_id, org_id, person_id, scope_path, variant)
      select ${id}, case when ${person}::boolean then null else u.id end, case when ${person}::boolean then u.id else null end, u.path, u.variant
      from unnest(${sql.param(targets.map((u) => u.id))}::bigint[], ${sql.param(targets.map((u) => u.path))}::text[], ${sql.param(targets.map((u) => u.variant))}::text[]) as u(id, path, variant)`);
    await insertRoundNotices(tx, id, 'OPENED', null);
    await audit(tx, actor, [
      {
        action: 'scoring.round.create', entityType: 'scoring_round', entityId: id, orgId: Number(org.id),
        after: { year: input.year, title: input.title, templateId: Number(template.id), subject: template.subject, deadline: input.deadline, tieBreaks: input.tieBreaks, classification: params, sheets: targets.length },
      },
    ]);
    return id;
  });
}

type Target = { id: number; path: string; name: string; variant: UnitVariant | null };
type Organiser = { id: number; path: string; name: string };

/** Units of a unit round: the listed ones (active, strictly below the organiser) or every active unit of the template's kinds below it. */
async function unitTargets(tx: Tx, locale: Locale, org: Organiser, template: ScorecardTemplate, list: number[] | null): Promise<Target[]> {
  let units: Target[];
  if (list === null) {
    const kinds = template.unitKinds && template.unitKinds.length > 0 ? [...template.unitKinds] : [...DEFAULT_TARGET_KINDS];
    const found = await tx.execute<Target>(sql`
      select o.id, o.path, o.name, ${VARIANT_SQL} as variant from organisation o
      where o.path like ${`${org.path}%`} and o.id <> ${org.id} and o.status = 'ACTIVE' and o.kind = any(${sql.param(kinds)}::text[])
      order by o.path`);
    units = found.rows.map((u) => ({ ...u, id: Number(u.id) }));
    if (units.length === 0) {
      // Name the kinds the template scores ("công đoàn cơ sở hoặc nghiệp đoàn cơ sở", "tổ công đoàn").
      const names = await tx.execute<{ name: string }>(sql`
        select lower(left(n, 1)) || substr(n, 2) as name
        from (select case when ${locale} = 'en' then k.name_en else k.name_vi end as n, k.rank, k.code from org_kind k where k.code = any(${sql.param(kinds)}::text[])) x
        order by x.rank, x.code`);
      const kindList = names.rows.map((k) => k.name).join(t(locale, 'scoring.api.or'));
      throw validation('scoring.api.noUnits', { organiser: org.name, kinds: kindList || kinds.join(', ') }, { field: 'units' });
    }
  } else {
    const ids = [...new Set(list)];
    const found = await tx.execute<Target & { status: string }>(sql`
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
  return units;
}

/**
 * Members of a person round: the listed persons (active, their current unit inside the organiser's
 * subtree) or every active member whose unit is inside it. The sheet's scope is the member's unit.
 */
async function memberTargets(tx: Tx, org: Organiser, list: number[] | null): Promise<Target[]> {
  let members: Target[];
  if (list === null) {
    const found = await tx.execute<Target>(sql`
      select p.id, p.org_path as path, p.full_name as name, null as variant from person p
      where p.status = 'ACTIVE' and p.org_path like ${`${org.path}%`}
      order by p.org_path, p.full_name collate "vi-x-icu", p.id`);
    members = found.rows.map((m) => ({ ...m, id: Number(m.id) }));
  } else {
    const ids = [...new Set(list)];
    const found = await tx.execute<{ id: number; path: string | null; name: string; status: string }>(sql`
      select p.id, p.org_path as path, p.full_name as name, p.status from person p where p.id = any(${sql.param(ids)}::bigint[])`);
    const byId = new Map(found.rows.map((m) => [Number(m.id), m]));
    members = ids.map((id) => {
      const m = byId.get(id);
      if (!m) throw validation('scoring.api.unknownMember', { id }, { field: 'members' });
      if (m.path === null || !m.path.startsWith(org.path)) throw validation('scoring.api.memberOutsideSubtree', { name: m.name, organiser: org.name }, { field: 'members' });
      if (m.status !== 'ACTIVE') throw validation('scoring.api.memberInactive', { name: m.name }, { field: 'members' });
      return { id, path: m.path, name: m.name, variant: null };
    });
  }
  if (members.length === 0) throw validation('scoring.api.noMembers', { organiser: org.name }, { field: 'members' });
  return members;
}

export interface RoundFilter {
  orgId?: number;
  year?: number;
  status?: RoundRow['status'];
}

/** Rounds organised inside the actor's read scope, rounds in which a unit of that scope is scored, and those scoring the member himself. */
export async function listRounds(db: DbOrTx, actor: AuthActor, f: RoundFilter, limit: number, offset: number) {
  const paths = readPaths(actor);
  if (paths.length === 0 && actor.personId === null) return { rows: [] as RoundRow[], total: 0 };
  const organised = paths.length === 0 ? sql`false` : sql.join(paths.map((p) => sql`r.org_path like ${`${p}%`}`), sql` or `);
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


/**
 * Extends the deadline of sheets not yet submitted (DRAFT or RETURNED): the listed ones, or all of
 * them (then the round's deadline moves too). The new deadline is not in the past and later than
 * each sheet's effective deadline. Audited with the old and new deadlines.
 */
export async function extendRound(app: AppContext, actor: AuthActor, id: number, input: ExtendRoundInput): Promise<{ sheetIds: number[] }> {
  return app.db.transaction(async (tx) => {
    const locked = await tx.execute<{ id: number }>(sql`select id from scoring_round where id = ${id} for update`);
    const round = locked.rows.length > 0 ? await findRound(tx, id) : null;
    if (!round || !roundPolicy.readWhole(actor, round) || !roundPolicy.manage(actor, round)) throw notFound();
    if (round.status !== 'OPEN') throw conflict('scoring.api.roundNotOpen');
    if (input.deadline < todayInVietnam()) throw validation('scoring.api.deadlinePast', { deadline: vnDate(input.deadline) }, { field: 'deadline' });
    const all = input.sheetIds === null;
    const found = await tx.execute<{ id: number; status: string; name: string; deadline: string }>(sql`
      select s.id, s.status, coalesce(o.name, p.full_name) as name, coalesce(s.deadline, r.deadline)::text as deadline
      from score_sheet s join scoring_round r on r.id = s.round_id left join organisation o on o.id = s.org_id left join person p on p.id = s.person_id
      where s.round_id = ${id} ${all ? sql`and s.status in ('DRAFT', 'RETURNED')` : sql`and s.id = any(${sql.param([...new Set(input.sheetIds)])}::bigint[])`}
      order by s.id for update of s`);
    const byId = new Map(found.rows.map((s) => [Number(s.id), s]));
    if (!all) {
      for (const sid of new Set(input.sheetIds)) {
        const s = byId.get(sid);
        if (!s) throw validation('scoring.api.extendUnknownSheet', { id: sid }, { field: 'sheetIds' });
        if (s.status !== 'DRAFT' && s.status !== 'RETURNED') throw validation('scoring.api.extendSubmitted', { name: s.name }, { field: 'sheetIds' });
      }
    }
    const sheets = found.rows;
    if (sheets.length === 0) throw validation('scoring.api.nothingToExtend', {}, { field: 'sheetIds' });
    const early = sheets.find((s) => input.deadline <= s.deadline);
    if (early) throw validation('scoring.api.extendNotLater', { name: early.name, deadline: vnDate(early.deadline), requested: vnDate(input.deadline) }, { field: 'deadline' });
    const ids = sheets.map((s) => Number(s.id));
    await tx.execute(sql`update score_sheet set deadline = ${input.deadline}, version = version + 1, updated_at = now() where id = any(${sql.param(ids)}::bigint[])`);
    if (all) await tx.execute(sql`update scoring_round set deadline = ${input.deadline}, version = version + 1, updated_at = now() where id = ${id}`);
    const reason = input.reason.normalize('NFC');
    await insertRoundNotices(tx, id, 'EXTENDED', { sheetIds: ids, reason });
    await audit(tx, actor, [
      {
        action: 'scoring.round.extend', entityType: 'scoring_round', entityId: id, orgId: Number(round.org_id),
        before: { roundDeadline: round.deadline, sheets: sheets.map((s) => ({ sheetId: Number(s.id), deadline: s.deadline })) },
        after: { roundDeadline: all ? input.deadline : round.deadline, deadline: input.deadline, sheetIds: ids, reason },
      },
    ]);
    return { sheetIds: ids };
  });
}

// ── Notices and reminders ─────────────────────────────────────────────────────────────────────

export type NoticeEvent = 'OPENED' | 'RETURNED' | 'EXTENDED' | 'PUBLISHED';

/** The unit a sheet belongs to: the scored unit, or the member's current unit. */
const SHEET_UNIT = sql.raw(`coalesce(s.org_id, p.org_id)`);
/** Where a notice opens: the unit's sheet; for a member round, the round. */
const SHEET_LINK = sql.raw(`case when s.person_id is null then '/cham-diem/phieu/' || s.id else '/cham-diem/' || s.round_id end`);

/**
 * NOTICE inbox items about a round, set-based, in the caller's transaction: one per unit concerned
 * (the scored unit, or each member's unit once), from the organiser. OPENED and PUBLISHED go to
 * every sheet's unit; RETURNED and EXTENDED to the units of the given sheets (with the reason).
 */
export async function insertRoundNotices(tx: Tx, roundId: number, event: NoticeEvent, o: { sheetIds: number[]; reason: string } | null): Promise<number> {
  const round = (await findRound(tx, roundId))!;
  const sheetRows = await tx.execute<{ deadline: string }>(sql`
    select coalesce(max(s.deadline), ${round.deadline}::date)::text as deadline from score_sheet s
    where s.round_id = ${roundId} ${o ? sql`and s.id = any(${sql.param(o.sheetIds)}::bigint[])` : sql``}`);
  const params = { title: round.title, organiser: round.org_name, year: Number(round.year), deadline: vnDate(sheetRows.rows[0]!.deadline), reason: o?.reason ?? '' };
  const title = t('vi', `scoring.notice.${event}.title`, params);
  const body = t('vi', `scoring.notice.${event}.body`, params);
  const r = await tx.execute(sql`
    insert into inbox_item (org_id, kind, title, body, sender_org_id, link)
    select distinct on (${SHEET_UNIT}) ${SHEET_UNIT}, 'NOTICE', ${title}, ${body}, ${round.org_id}, ${SHEET_LINK}
    from score_sheet s left join person p on p.id = s.person_id
    where s.round_id = ${roundId} and ${SHEET_UNIT} is not null ${o ? sql`and s.id = any(${sql.param(o.sheetIds)}::bigint[])` : sql``}
    order by ${SHEET_UNIT}, s.id
    returning org_id`);
  return r.rows.length;
}

export interface RoundReminderOptions {
  appUrl: string;
  /** Only DRAFT sheets whose effective deadline falls from `today` to `today + days` (the daily job). */
  due?: { today: string; days: number };
}

/**
 * Reminds the units whose sheets are still DRAFT or RETURNED (the member's unit for a member
 * sheet): a NOTICE each and an email to every user holding an active managing role exactly on the
 * unit (with an address); audited. The daily job skips units already reminded of this round
 * today. Returns the outbox ids to send after commit.
 */
export async function remindRoundUnits(tx: Tx, actor: Actor, round: RoundRow, o: RoundReminderOptions): Promise<{ reminded: number; emails: number; outboxIds: number[] }> {
  const title = t('vi', 'scoring.notice.REMIND.title', { title: round.title });
  const units = await tx.execute<{ org_id: number; name: string; sheets: number; deadline: string; link: string }>(sql`
    select ${SHEET_UNIT} as org_id, min(u.name) as name, count(*)::int as sheets, min(coalesce(s.deadline, r.deadline))::text as deadline, min(${SHEET_LINK}) as link
    from score_sheet s join scoring_round r on r.id = s.round_id left join person p on p.id = s.person_id
      join organisation u on u.id = ${SHEET_UNIT}
    where s.round_id = ${round.id} and u.status = 'ACTIVE'
      ${o.due ? sql`and s.status = 'DRAFT' and coalesce(s.deadline, r.deadline) between ${o.due.today}::date and ${o.due.today}::date + ${o.due.days}::int` : sql`and s.status in ('DRAFT', 'RETURNED')`}
      ${o.due ? sql`and not exists (select 1 from inbox_item i where i.org_id = ${SHEET_UNIT} and i.kind = 'NOTICE' and i.title = ${title} and (i.created_at at time zone 'Asia/Ho_Chi_Minh')::date = ${o.due.today}::date)` : sql``}
    group by 1 order by 1`);
  if (units.rows.length === 0) return { reminded: 0, emails: 0, outboxIds: [] };
  const rows = units.rows.map((u) => {
    const p = { title: round.title, organiser: round.org_name, unit: u.name, count: Number(u.sheets), deadline: vnDate(u.deadline), url: `${o.appUrl.replace(/\/$/, '')}${u.link}` };
    return { orgId: Number(u.org_id), link: u.link, body: t('vi', 'scoring.notice.REMIND.body', p), mail: t('vi', 'scoring.mail.remind.body', p), subject: t('vi', 'scoring.mail.remind.subject', p) };
  });
  await tx.execute(sql`
    insert into inbox_item (org_id, kind, title, body, sender_org_id, link)
    select x.id, 'NOTICE', ${title}, x.body, ${round.org_id}, x.link
    from unnest(${sql.param(rows.map((x) => x.orgId))}::bigint[], ${sql.param(rows.map((x) => x.body))}::text[], ${sql.param(rows.map((x) => x.link))}::text[]) as x(id, body, link)`);
  const mails = await tx.execute<{ id: number }>(sql`
    insert into email_outbox (to_address, subject, body)
    select distinct on (u.email, x.id) u.email, x.subject, x.mail
    from unnest(${sql.param(rows.map((x) => x.orgId))}::bigint[], ${sql.param(rows.map((x) => x.subject))}::text[], ${sql.param(rows.map((x) => x.mail))}::text[]) as x(id, subject, mail)
      join role_assignment ra on ra.org_id = x.id
      join app_user u on u.id = ra.user_id
    where ra.revoked_at is null and ra.role = any(${sql.param([...MANAGE_ROLES])}::text[]) and u.email is not null and u.email <> '' and not u.disabled
    returning id`);
  const outboxIds = mails.rows.map((x) => Number(x.id));
  await audit(tx, actor, [
    { action: 'scoring.round.remind', entityType: 'scoring_round', entityId: Number(round.id), orgId: Number(round.org_id), after: { orgIds: rows.map((x) => x.orgId), emails: outboxIds.length, due: o.due ?? null } },
  ]);
  return { reminded: rows.length, emails: outboxIds.length, outboxIds };
}

/** POST /scoring-rounds/:id/remind: the organiser's managers; the mail is sent after commit. */
export async function remindRound(app: AppContext, actor: AuthActor, id: number): Promise<{ reminded: number; emails: number }> {
  const result = await app.db.transaction(async (tx) => {
    const locked = await tx.execute<{ id: number }>(sql`select id from scoring_round where id = ${id} for update`);
    const round = locked.rows.length > 0 ? await findRound(tx, id) : null;
    if (!round || !roundPolicy.readWhole(actor, round) || !roundPolicy.manage(actor, round)) throw notFound();
    if (round.status !== 'OPEN') throw conflict('scoring.api.roundNotOpen');
    return remindRoundUnits(tx, actor, round, { appUrl: app.config.APP_URL });
  });
  if (result.outboxIds.length > 0) runInBackground(app, () => sendOutbox(app, result.outboxIds));
  return { reminded: result.reminded, emails: result.emails };
}

/**
 * The daily job (`vinhdanh reminders`): for every OPEN round, reminds once a day the units whose
 * DRAFT sheets are due within `days` days. The caller sends the outbox.
 */
export async function remindDueSheets(app: AppContext, today: string, days: number): Promise<{ rounds: number; reminded: number; emails: number }> {
  const due = await app.db.execute<{ id: number }>(sql`
    select distinct r.id from scoring_round r join score_sheet s on s.round_id = r.id
    where r.status = 'OPEN' and s.status = 'DRAFT' and coalesce(s.deadline, r.deadline) between ${today}::date and ${today}::date + ${days}::int
    order by r.id`);
  let rounds = 0;
  let reminded = 0;
  let emails = 0;
  for (const { id } of due.rows) {
    const res = await app.db.transaction(async (tx) => {
      await tx.execute(sql`select id from scoring_round where id = ${id} for update`);
      const round = (await findRound(tx, Number(id)))!;
      return remindRoundUnits(tx, { userId: null }, round, { appUrl: app.config.APP_URL, due: { today, days } });
    });
    if (res.reminded > 0) rounds++;
    reminded += res.reminded;
    emails += res.emails;
  }
  return { rounds, reminded, emails };
}
