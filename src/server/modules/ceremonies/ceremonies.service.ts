// Award ceremonies (lễ trao tặng). A ceremony belongs to an organisation, whose managers plan it (the
// decisions' policy: managesCouncilOrg / readsCouncilOrg). It presents SIGNED decisions issued by that
// organisation or one of its ancestors; the recipients are the ACTIVE lines of those decisions whose
// subject is inside the organisation's subtree, called up in groups (đợt) in a running order with who
// presents to each group. Attendance is recorded per recipient (in person, by a representative, absent).
// Every change takes the ceremony's version (409 on a clash) and writes its audit event in the same
// transaction.
import { sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import type { Locale } from '../../../contracts/enums';
import {
  type ArrangeRecipientsInput,
  type CeremonyCounts,
  type CeremonyDecisionDto,
  type CeremonyDto,
  type CeremonyRecipientDto,
  type CeremonyStatus,
  type CeremonySummaryDto,
  type ProgrammeLine,
  type RecordAttendanceInput,
  type UpdateCeremonyInput,
} from '../../../contracts/ceremonies';
import { t } from '../../../contracts/messages';
import { audit } from '../../lib/audit';
import { conflict, forbidden, notFound, validation } from '../../lib/errors';
import { READ_ROLES, scopePaths } from '../../lib/policy';
import { managesCouncilOrg, readsCouncilOrg } from '../councils/councils.service';
import { numberText } from '../decisions/decisions.service';

const num = (v: unknown) => Number(v);

export type CeremonyRow = {
  id: number;
  org_id: number;
  org_path: string;
  org_name: string;
  parent_name: string | null;
  title: string;
  held_at: string;
  /** yyyy-mm-dd and HH:MM in Vietnam. */
  held_date: string;
  held_time: string;
  place: string;
  programme: ProgrammeLine[];
  note: string | null;
  status: CeremonyStatus;
  cancelled_reason: string | null;
  version: number;
};

const SELECT_CEREMONY = sql`
  select c.id, c.org_id, c.org_path, o.name as org_name, p.name as parent_name, c.title,
         to_char(c.held_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as held_at,
         to_char(c.held_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') as held_date,
         to_char(c.held_at at time zone 'Asia/Ho_Chi_Minh', 'HH24:MI') as held_time,
         c.place, c.programme, c.note, c.status, c.cancelled_reason, c.version
  from ceremony c join organisation o on o.id = c.org_id left join organisation p on p.id = o.parent_id`;

const normalise = (r: CeremonyRow): CeremonyRow => ({ ...r, id: num(r.id), org_id: num(r.org_id), version: num(r.version) });

export async function findCeremony(db: DbOrTx, id: number, forUpdate = false): Promise<CeremonyRow | null> {
  const r = await db.execute<CeremonyRow>(sql`${SELECT_CEREMONY} where c.id = ${id} ${forUpdate ? sql`for update of c` : sql``}`);
  return r.rows[0] ? normalise(r.rows[0]) : null;
}

/** The ceremony if the actor reads its organisation; otherwise it does not exist for them. */
export async function loadReadableCeremony(db: DbOrTx, actor: AuthActor, id: number, forUpdate = false): Promise<CeremonyRow> {
  const c = await findCeremony(db, id, forUpdate);
  if (!c || !readsCouncilOrg(actor, c.org_path)) throw notFound();
  return c;
}

/** Locks the ceremony for a change by a manager of its organisation, at the version the actor saw. */
async function loadForChange(tx: Tx, actor: AuthActor, id: number, version: number, allowed: CeremonyStatus[] = ['PLANNED']): Promise<CeremonyRow> {
  const c = await loadReadableCeremony(tx, actor, id, true);
  if (!managesCouncilOrg(actor, c.org_path)) throw forbidden();
  if (!allowed.includes(c.status)) throw conflict(c.status === 'CANCELLED' ? 'ceremonies.api.cancelled' : 'ceremonies.api.held');
  if (c.version !== version) throw conflict('error.STALE');
  return c;
}

const bump = (tx: Tx, id: number) => tx.execute(sql`update ceremony set version = version + 1, updated_at = now() where id = ${id}`);

function ceremonyAbilities(actor: AuthActor, c: Pick<CeremonyRow, 'org_path' | 'status'>): string[] {
  if (!managesCouncilOrg(actor, c.org_path)) return [];
  if (c.status === 'PLANNED') return ['ceremony.update', 'ceremony.attendance', 'ceremony.hold', 'ceremony.cancel'];
  if (c.status === 'HELD') return ['ceremony.attendance'];
  return [];
}

/** The usual running order of a ceremony (editable). */
export function defaultProgramme(): ProgrammeLine[] {
  return (['opening', 'decisions', 'presenting', 'speech', 'thanks', 'closing'] as const).map((k) => ({
    at: null,
    item: t('vi', `ceremonies.programme.${k}`),
    by: null,
  }));
}

// ── Presenting ─────────────────────────────────────────────────────────────────────────────────

type RecipientRow = {
  id: number; decision_item_id: number; decision_id: number; number: number | null; symbol: string | null; position: number; group_no: number;
  presenter: string | null; subject_name: string; unit_name: string | null; award_code: string; award_name: string; subject_kind: 'INDIVIDUAL' | 'COLLECTIVE';
  line_status: 'ACTIVE' | 'REVOKED'; attendance: CeremonyRecipientDto['attendance']; received_by: string | null; recorded_at: string | null;
};

export async function recipientsOf(db: DbOrTx, ceremonyId: number, locale: Locale): Promise<CeremonyRecipientDto[]> {
  const r = await db.execute<RecipientRow>(sql`
    select r.id, r.decision_item_id, i.decision_id, d.number, d.symbol, r.position, r.group_no, r.presenter, i.subject_name, i.unit_name, i.award_code,
           ${locale === 'en' ? sql`a.name_en` : sql`a.name_vi`} as award_name, a.subject as subject_kind, i.status as line_status,
           r.attendance, r.received_by, to_char(r.recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as recorded_at
    from ceremony_recipient r join decision_item i on i.id = r.decision_item_id join decision d on d.id = i.decision_id join award_type a on a.code = i.award_code
    where r.ceremony_id = ${ceremonyId} order by r.group_no, r.position`);
  return r.rows.map((x) => ({
    id: num(x.id), decisionItemId: num(x.decision_item_id), decisionId: num(x.decision_id), decisionNumber: numberText({ number: x.number === null ? null : num(x.number), symbol: x.symbol }),
    position: num(x.position), groupNo: num(x.group_no), presenter: x.presenter, subjectName: x.subject_name, unitName: x.unit_name, awardCode: x.award_code,
    awardName: x.award_name, subjectKind: x.subject_kind, lineStatus: x.line_status, attendance: x.attendance, receivedBy: x.received_by, recordedAt: x.recorded_at,
  }));
}

type DecisionOptionRow = { id: number; org_name: string; number: number | null; symbol: string | null; signed_on: string | null; subject: string; status: string; line_count: number };

const decisionOut = (d: DecisionOptionRow): CeremonyDecisionDto => ({
  id: num(d.id), orgName: d.org_name, numberText: numberText({ number: d.number === null ? null : num(d.number), symbol: d.symbol }), signedOn: d.signed_on,
  subject: d.subject, status: d.status, lineCount: num(d.line_count),
});

async function decisionsOf(db: DbOrTx, c: Pick<CeremonyRow, 'id' | 'org_path'>): Promise<CeremonyDecisionDto[]> {
  const r = await db.execute<DecisionOptionRow>(sql`
    select d.id, o.name as org_name, d.number, d.symbol, d.signed_on::text as signed_on, d.subject, d.status,
           (select count(*)::int from decision_item i where i.decision_id = d.id and i.status = 'ACTIVE' and i.subject_path like ${`${c.org_path}%`}) as line_count
    from ceremony_decision cd join decision d on d.id = cd.decision_id join organisation o on o.id = d.org_id
    where cd.ceremony_id = ${c.id} order by d.signed_on, d.id`);
  return r.rows.map(decisionOut);
}

export function countsOf(recipients: Pick<CeremonyRecipientDto, 'attendance' | 'lineStatus' | 'groupNo'>[]): CeremonyCounts {
  const live = recipients.filter((r) => r.lineStatus === 'ACTIVE');
  const n = (a: CeremonyRecipientDto['attendance']) => live.filter((r) => r.attendance === a).length;
  return {
    total: live.length, received: n('RECEIVED'), proxy: n('PROXY'), absent: n('ABSENT'), pending: n('PENDING'),
    revoked: recipients.length - live.length, groups: new Set(recipients.map((r) => r.groupNo)).size,
  };
}

export async function presentCeremony(db: DbOrTx, actor: AuthActor, locale: Locale, c: CeremonyRow): Promise<CeremonyDto> {
  const [recipients, decisions] = await Promise.all([recipientsOf(db, c.id, locale), decisionsOf(db, c)]);
  return {
    id: c.id, orgId: c.org_id, orgName: c.org_name, title: c.title, heldAt: c.held_at, place: c.place, status: c.status, cancelledReason: c.cancelled_reason,
    counts: countsOf(recipients), version: c.version, abilities: ceremonyAbilities(actor, c),
    programme: c.programme, note: c.note, decisions, recipients,
  };
}

export async function listCeremonies(db: DbOrTx, actor: AuthActor, q: { orgId?: number; status?: CeremonyStatus; page: number; pageSize: number }) {
  const paths = scopePaths(actor, READ_ROLES);
  if (paths.length === 0) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const where = sql.join(
    [sql`(${sql.join(paths.map((p) => sql`c.org_path like ${`${p}%`}`), sql` or `)})`, q.orgId ? sql`c.org_id = ${q.orgId}` : sql`true`, q.status ? sql`c.status = ${q.status}` : sql`true`],
    sql` and `,
  );
  type Row = CeremonyRow & { total: number; received: number; proxy: number; absent: number; pending: number; revoked: number; groups: number };
  const [rows, total] = await Promise.all([
    db.execute<Row>(sql`
      select q.*, s.*
      from (${SELECT_CEREMONY} where ${where} order by c.held_at desc, c.id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}) q
      cross join lateral (
        select count(*) filter (where i.status = 'ACTIVE')::int as total,
               count(*) filter (where i.status = 'ACTIVE' and r.attendance = 'RECEIVED')::int as received,
               count(*) filter (where i.status = 'ACTIVE' and r.attendance = 'PROXY')::int as proxy,
               count(*) filter (where i.status = 'ACTIVE' and r.attendance = 'ABSENT')::int as absent,
               count(*) filter (where i.status = 'ACTIVE' and r.attendance = 'PENDING')::int as pending,
               count(*) filter (where i.status <> 'ACTIVE')::int as revoked,
               count(distinct r.group_no)::int as groups
        from ceremony_recipient r join decision_item i on i.id = r.decision_item_id where r.ceremony_id = q.id) s
      order by q.held_at desc, q.id desc`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from ceremony c where ${where}`),
  ]);
  const items: CeremonySummaryDto[] = rows.rows.map((raw) => {
    const c = normalise(raw);
    return {
      id: c.id, orgId: c.org_id, orgName: c.org_name, title: c.title, heldAt: c.held_at, place: c.place, status: c.status, cancelledReason: c.cancelled_reason,
      counts: { total: num(raw.total), received: num(raw.received), proxy: num(raw.proxy), absent: num(raw.absent), pending: num(raw.pending), revoked: num(raw.revoked), groups: num(raw.groups) },
      version: c.version, abilities: ceremonyAbilities(actor, c),
    };
  });
  return { items, total: num(total.rows[0]?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

/** Signed decisions an organisation's ceremony may present: its own or its ancestors', with active lines in its subtree. */
export async function decisionOptions(db: DbOrTx, actor: AuthActor, orgId: number, q?: string): Promise<CeremonyDecisionDto[]> {
  const o = await db.execute<{ path: string }>(sql`select path from organisation where id = ${orgId}`);
  const org = o.rows[0];
  if (!org || !readsCouncilOrg(actor, org.path)) throw notFound();
  const term = q?.trim() ? `%${q.trim().normalize('NFC').replace(/[\\%_]/g, (m) => `\\${m}`)}%` : null;
  const r = await db.execute<DecisionOptionRow>(sql`
    select x.* from (
      select d.id, o.name as org_name, d.number, d.symbol, d.signed_on::text as signed_on, d.subject, d.status,
             (select count(*)::int from decision_item i where i.decision_id = d.id and i.status = 'ACTIVE' and i.subject_path like ${`${org.path}%`}) as line_count
      from decision d join organisation o on o.id = d.org_id
      where d.status = 'SIGNED' and ${org.path} like d.org_path || '%'
        ${term ? sql`and (d.subject ilike ${term} or (lpad(d.number::text, 2, '0') || '/' || d.symbol) ilike ${term})` : sql``}
    ) x where x.line_count > 0
    order by x.signed_on desc, x.id desc limit 100`);
  return r.rows.map(decisionOut);
}

// ── Grouping ───────────────────────────────────────────────────────────────────────────────────

type Arrangeable = { id: number; sort_order: number; award_code: string; unit_name: string | null; decision_id: number; item_position: number };

/**
 * The call order: by award (catalogue order), then unit, then the decision's order; each award is
 * cut into groups of `groupSize` (a group never mixes awards), numbered from `firstGroup`.
 */
export function autoGroups<T extends Arrangeable>(rows: T[], groupSize: number, firstGroup = 1, firstPosition = 1): { id: number; groupNo: number; position: number }[] {
  const sorted = [...rows].sort(
    (a, b) =>
      num(a.sort_order) - num(b.sort_order) ||
      a.award_code.localeCompare(b.award_code) ||
      (a.unit_name ?? '\uffff').localeCompare(b.unit_name ?? '\uffff', 'vi') ||
      num(a.decision_id) - num(b.decision_id) ||
      num(a.item_position) - num(b.item_position),
  );
  const out: { id: number; groupNo: number; position: number }[] = [];
  let group = firstGroup - 1;
  let inGroup = groupSize;
  let award: string | null = null;
  sorted.forEach((r, i) => {
    if (r.award_code !== award || inGroup >= groupSize) {
      group += 1;
      inGroup = 0;
      award = r.award_code;
    }
    inGroup += 1;
    out.push({ id: num(r.id), groupNo: group, position: firstPosition + i });
  });
  return out;
}

async function writeArrangement(tx: Tx, ceremonyId: number, rows: { id: number; groupNo: number; position: number }[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    update ceremony_recipient r set group_no = x.group_no, position = x.position
    from jsonb_to_recordset(${JSON.stringify(rows.map((x) => ({ id: x.id, group_no: x.groupNo, position: x.position })))}::jsonb) as x(id bigint, group_no int, position int)
    where r.id = x.id and r.ceremony_id = ${ceremonyId}`);
}

// ── Decisions presented ────────────────────────────────────────────────────────────────────────

const label = (d: { id: number; number: number | null; symbol: string | null }) => numberText({ number: d.number === null ? null : num(d.number), symbol: d.symbol }) ?? `#${num(d.id)}`;

/**
 * Sets the decisions the ceremony presents and recomputes its recipients set-based: lines of removed
 * decisions leave (only while nobody's attendance is recorded on them), new active lines in the subtree join in new groups after the existing ones, lines
 * that stay keep their place, group, presenter and recorded attendance.
 */
async function applyDecisions(tx: Tx, c: Pick<CeremonyRow, 'id' | 'org_path'>, decisionIds: number[], groupSize: number): Promise<{ added: number; removed: number }> {
  const wanted = [...new Set(decisionIds)];
  if (wanted.length > 0) {
    const found = await tx.execute<{ id: number; status: string; org_path: string; number: number | null; symbol: string | null; line_count: number }>(sql`
      select d.id, d.status, d.org_path, d.number, d.symbol,
             (select count(*)::int from decision_item i where i.decision_id = d.id and i.status = 'ACTIVE' and i.subject_path like ${`${c.org_path}%`}) as line_count
      from decision d where d.id = any(${sql.param(wanted)}::bigint[]) order by d.id for share of d`);
    const missing = wanted.filter((id) => !found.rows.some((d) => num(d.id) === id));
    if (missing.length > 0) throw validation('ceremonies.api.decisionMissing', { ids: missing.map((x) => `#${x}`).join(', ') }, { field: 'decisionIds' });
    const notSigned = found.rows.filter((d) => d.status !== 'SIGNED');
    if (notSigned.length > 0) throw validation('ceremonies.api.decisionNotSigned', { decisions: notSigned.map(label).join(', ') }, { field: 'decisionIds' });
    const outside = found.rows.filter((d) => !c.org_path.startsWith(d.org_path));
    if (outside.length > 0) throw validation('ceremonies.api.decisionOutside', { decisions: outside.map(label).join(', ') }, { field: 'decisionIds' });
    const empty = found.rows.filter((d) => num(d.line_count) === 0);
    if (empty.length > 0) throw validation('ceremonies.api.decisionNoRecipients', { decisions: empty.map(label).join(', ') }, { field: 'decisionIds' });
  }
  const ids = sql`${sql.param(wanted)}::bigint[]`;
  // Who received, by whom, or was absent is a record of the ceremony: a decision with recorded
  // attendance stays; only lines still PENDING may leave with their decision.
  const recorded = await tx.execute<{ name: string }>(sql`
    select i.subject_name as name from ceremony_recipient r join decision_item i on i.id = r.decision_item_id
    where r.ceremony_id = ${c.id} and i.decision_id <> all(${ids}) and r.attendance <> 'PENDING' order by r.position limit 5`);
  if (recorded.rows.length > 0) throw conflict('ceremonies.api.removeRecorded', { names: recorded.rows.map((x) => x.name).join(', ') });
  await tx.execute(sql`delete from ceremony_decision where ceremony_id = ${c.id} and decision_id <> all(${ids})`);
  await tx.execute(sql`insert into ceremony_decision (ceremony_id, decision_id) select ${c.id}, x from unnest(${ids}) as x on conflict do nothing`);
  const removed = await tx.execute(sql`
    delete from ceremony_recipient r using decision_item i
    where r.decision_item_id = i.id and r.ceremony_id = ${c.id} and i.decision_id <> all(${ids})`);
  const fresh = await tx.execute<Arrangeable>(sql`
    select i.id, a.sort_order, i.award_code, i.unit_name, i.decision_id, i.position as item_position
    from decision_item i join award_type a on a.code = i.award_code
    where i.decision_id = any(${ids}) and i.status = 'ACTIVE' and i.subject_path like ${`${c.org_path}%`}
      and not exists (select 1 from ceremony_recipient r where r.ceremony_id = ${c.id} and r.decision_item_id = i.id)`);
  if (fresh.rows.length > 0) {
    const base = await tx.execute<{ g: number; p: number }>(sql`select coalesce(max(group_no), 0)::int as g, coalesce(max(position), 0)::int as p from ceremony_recipient where ceremony_id = ${c.id}`);
    const placed = autoGroups(fresh.rows, groupSize, num(base.rows[0]!.g) + 1, num(base.rows[0]!.p) + 1);
    await tx.execute(sql`
      insert into ceremony_recipient (ceremony_id, decision_item_id, position, group_no)
      select ${c.id}, x.id, x.position, x.group_no
      from jsonb_to_recordset(${JSON.stringify(placed.map((x) => ({ id: x.id, group_no: x.groupNo, position: x.position })))}::jsonb) as x(id bigint, group_no int, position int)`);
  }
  return { added: fresh.rows.length, removed: removed.rowCount ?? 0 };
}

// ── Changes ────────────────────────────────────────────────────────────────────────────────────

export async function createCeremony(
  app: AppContext,
  actor: AuthActor,
  input: { orgId: number; title: string; heldAt: string; place: string; programme?: ProgrammeLine[]; note?: string | null; decisionIds: number[]; groupSize: number },
): Promise<number> {
  return app.db.transaction(async (tx) => {
    const o = await tx.execute<{ id: number; path: string }>(sql`select id, path from organisation where id = ${input.orgId} for share`);
    const org = o.rows[0];
    if (!org || !readsCouncilOrg(actor, org.path)) throw notFound();
    if (!managesCouncilOrg(actor, org.path)) throw forbidden();
    const programme = input.programme ?? defaultProgramme();
    const r = await tx.execute<{ id: number }>(sql`
      insert into ceremony (org_id, org_path, title, held_at, place, programme, note, created_by)
      values (${org.id}, ${org.path}, ${input.title.normalize('NFC')}, ${input.heldAt}, ${input.place.normalize('NFC')}, ${JSON.stringify(programme)}::jsonb,
              ${input.note?.normalize('NFC') || null}, ${actor.userId})
      returning id`);
    const id = num(r.rows[0]!.id);
    const changed = await applyDecisions(tx, { id, org_path: org.path }, input.decisionIds, input.groupSize);
    await audit(tx, actor, [{ action: 'ceremony.create', entityType: 'ceremony', entityId: id, orgId: num(org.id), after: { ...input, programme, recipients: changed.added } }]);
    return id;
  });
}

export async function updateCeremony(app: AppContext, actor: AuthActor, id: number, input: UpdateCeremonyInput): Promise<void> {
  await app.db.transaction(async (tx) => {
    const c = await loadForChange(tx, actor, id, input.version);
    await tx.execute(sql`
      update ceremony set title = ${input.title?.normalize('NFC') ?? c.title}, held_at = ${input.heldAt ?? c.held_at}, place = ${input.place?.normalize('NFC') ?? c.place},
        programme = ${JSON.stringify(input.programme ?? c.programme)}::jsonb, note = ${input.note === undefined ? c.note : input.note?.normalize('NFC') || null},
        updated_at = now(), version = version + 1
      where id = ${id}`);
    const before = { title: c.title, heldAt: c.held_at, place: c.place, programme: c.programme, note: c.note };
    await audit(tx, actor, [{ action: 'ceremony.update', entityType: 'ceremony', entityId: id, orgId: c.org_id, before, after: input }]);
  });
}

export async function setCeremonyDecisions(app: AppContext, actor: AuthActor, id: number, input: { version: number; decisionIds: number[]; groupSize: number }): Promise<void> {
  await app.db.transaction(async (tx) => {
    const c = await loadForChange(tx, actor, id, input.version);
    const before = (await tx.execute<{ decision_id: number }>(sql`select decision_id from ceremony_decision where ceremony_id = ${id} order by decision_id`)).rows.map((r) => num(r.decision_id));
    const changed = await applyDecisions(tx, c, input.decisionIds, input.groupSize);
    await bump(tx, id);
    await audit(tx, actor, [{ action: 'ceremony.decisions', entityType: 'ceremony', entityId: id, orgId: c.org_id, before: { decisionIds: before }, after: { decisionIds: input.decisionIds, ...changed } }]);
  });
}

export async function arrangeRecipients(app: AppContext, actor: AuthActor, id: number, input: ArrangeRecipientsInput): Promise<void> {
  await app.db.transaction(async (tx) => {
    const c = await loadForChange(tx, actor, id, input.version);
    if (input.groupSize !== undefined || input.order) {
      const all = await tx.execute<Arrangeable & { group_no: number; presenter: string | null }>(sql`
        select r.id, a.sort_order, i.award_code, i.unit_name, i.decision_id, i.position as item_position, r.group_no, r.presenter
        from ceremony_recipient r join decision_item i on i.id = r.decision_item_id join award_type a on a.code = i.award_code
        where r.ceremony_id = ${id} for update of r`);
      let placed: { id: number; groupNo: number; position: number }[];
      if (input.order) {
        const known = new Set(all.rows.map((r) => num(r.id)));
        const given = new Set(input.order.map((o) => o.id));
        if (given.size !== input.order.length || given.size !== known.size || [...given].some((x) => !known.has(x))) throw validation('ceremonies.api.orderIncomplete', {}, { field: 'order' });
        placed = input.order.map((o, i) => ({ id: o.id, groupNo: o.groupNo, position: i + 1 }));
      } else {
        placed = autoGroups(all.rows, input.groupSize!);
      }
      // A group keeps its presenter across a regrouping (by its number).
      const presenters = new Map<number, string | null>();
      for (const r of all.rows) if (r.presenter && !presenters.has(num(r.group_no))) presenters.set(num(r.group_no), r.presenter);
      await writeArrangement(tx, id, placed);
      await tx.execute(sql`
        update ceremony_recipient r set presenter = x.presenter
        from jsonb_to_recordset(${JSON.stringify([...new Set(placed.map((p) => p.groupNo))].map((g) => ({ group_no: g, presenter: presenters.get(g) ?? null })))}::jsonb) as x(group_no int, presenter text)
        where r.ceremony_id = ${id} and r.group_no = x.group_no`);
    }
    if (input.presenters && input.presenters.length > 0) {
      await tx.execute(sql`
        update ceremony_recipient r set presenter = nullif(x.presenter, '')
        from jsonb_to_recordset(${JSON.stringify(input.presenters.map((p) => ({ group_no: p.groupNo, presenter: p.presenter?.normalize('NFC') ?? null })))}::jsonb) as x(group_no int, presenter text)
        where r.ceremony_id = ${id} and r.group_no = x.group_no`);
    }
    await bump(tx, id);
    await audit(tx, actor, [{ action: 'ceremony.arrange', entityType: 'ceremony', entityId: id, orgId: c.org_id, after: input }]);
  });
}

export async function recordAttendance(app: AppContext, actor: AuthActor, id: number, input: RecordAttendanceInput): Promise<void> {
  await app.db.transaction(async (tx) => {
    const c = await loadForChange(tx, actor, id, input.version, ['PLANNED', 'HELD']);
    const entries = [...new Map(input.entries.map((e) => [e.id, e])).values()];
    const rows = await tx.execute<{ id: number; line_status: string; subject_name: string; attendance: string; received_by: string | null }>(sql`
      select r.id, i.status as line_status, i.subject_name, r.attendance, r.received_by
      from ceremony_recipient r join decision_item i on i.id = r.decision_item_id
      where r.ceremony_id = ${id} and r.id = any(${sql.param(entries.map((e) => e.id))}::bigint[]) for update of r`);
    if (rows.rows.length !== entries.length) throw validation('ceremonies.api.recipientOther', {}, { field: 'entries' });
    const revoked = rows.rows.filter((r) => r.line_status !== 'ACTIVE' && entries.some((e) => e.id === num(r.id) && (e.attendance === 'RECEIVED' || e.attendance === 'PROXY')));
    if (revoked.length > 0) throw conflict('ceremonies.api.lineRevoked', { names: revoked.map((r) => r.subject_name).join(', ') });
    const noName = entries.filter((e) => e.attendance === 'PROXY' && !e.receivedBy?.trim());
    if (noName.length > 0) throw validation('ceremonies.api.proxyName', {}, { field: 'entries' });
    await tx.execute(sql`
      update ceremony_recipient r set attendance = x.attendance,
        received_by = case when x.attendance = 'PROXY' then x.received_by else null end,
        recorded_by = case when x.attendance = 'PENDING' then null else ${actor.userId}::bigint end,
        recorded_at = case when x.attendance = 'PENDING' then null else now() end
      from jsonb_to_recordset(${JSON.stringify(entries.map((e) => ({ id: e.id, attendance: e.attendance, received_by: e.receivedBy?.normalize('NFC') ?? null })))}::jsonb)
           as x(id bigint, attendance text, received_by text)
      where r.id = x.id and r.ceremony_id = ${id}`);
    await bump(tx, id);
    const before = rows.rows.map((r) => ({ id: num(r.id), attendance: r.attendance, receivedBy: r.received_by }));
    await audit(tx, actor, [{ action: 'ceremony.attendance', entityType: 'ceremony', entityId: id, orgId: c.org_id, before, after: entries }]);
  });
}

export async function markHeld(app: AppContext, actor: AuthActor, id: number, version: number): Promise<void> {
  await app.db.transaction(async (tx) => {
    const c = await loadForChange(tx, actor, id, version);
    const n = await tx.execute<{ n: number }>(sql`select count(*)::int as n from ceremony_recipient where ceremony_id = ${id}`);
    if (num(n.rows[0]!.n) === 0) throw conflict('ceremonies.api.noRecipients');
    await tx.execute(sql`update ceremony set status = 'HELD', updated_at = now(), version = version + 1 where id = ${id}`);
    await audit(tx, actor, [{ action: 'ceremony.held', entityType: 'ceremony', entityId: id, orgId: c.org_id, before: { status: c.status }, after: { status: 'HELD' } }]);
  });
}

export async function cancelCeremony(app: AppContext, actor: AuthActor, id: number, input: { version: number; reason: string }): Promise<void> {
  await app.db.transaction(async (tx) => {
    const c = await loadForChange(tx, actor, id, input.version);
    await tx.execute(sql`update ceremony set status = 'CANCELLED', cancelled_reason = ${input.reason.normalize('NFC')}, updated_at = now(), version = version + 1 where id = ${id}`);
    await audit(tx, actor, [{ action: 'ceremony.cancel', entityType: 'ceremony', entityId: id, orgId: c.org_id, before: { status: c.status }, after: { status: 'CANCELLED', reason: input.reason } }]);
  });
}

