// Complaints, denunciations and petitions about commendation (khiếu nại, tố cáo, kiến nghị). Received
// from the public form (rate-limited per client address, a reference code for the status page) or
// entered by staff; linked to the nomination or decision and to whom it is about; accepted (thụ lý)
// with the case's flags, which fix the statutory deadline; closed as not accepted, resolved or
// withdrawn, each with a reason. While a complaint or denunciation about a person or unit is open,
// a pending case (source COMPLAINT) keeps the eligibility engine from awarding them; closing the
// complaint closes the case on the same date. Nothing is deleted; every step is an event and an
// audit event in the same transaction. The writer's identity is shown only to those who handle it.
// Also: assignment to a handler (e-mailed), the second instance recorded by the organisation above
// within its window, extensions of a denunciation's time limit (Luật Tố cáo 2018, Điều 30), and the
// handling documents (complaint-documents.service.ts).
import { sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import { COMPLAINT_LIMITS, type ComplaintDocumentDto, type ComplaintDto, type ComplaintSummaryDto, type PublicComplaintInput, type PublicComplaintStatus, type StaffComplaintInput } from '../../../contracts/complaints';
import { t } from '../../../contracts/messages';
import { audit, type Actor } from '../../lib/audit';
import { conflict, forbidden, notFound, validation } from '../../lib/errors';
import { READ_ROLES, scopePaths } from '../../lib/policy';
import { clientHash, guardSender, referenceCode } from '../../lib/public-forms';
import { todayInVietnam } from '../imports/xlsx/validate-member-row';
import { managesCouncilOrg, readsCouncilOrg } from '../councils/councils.service';
import { loadWorkCalendar } from '../work-calendar/work-calendar.service';
import {
  deadlineOf, deadlineState, denunciationDeadline, filedInTime, inWindow, maxDenunciationExtensions, secondInstanceWindow, type SecondInstanceWindow,
} from '../../../domain/complaints/time-limits';
import { vnDate } from '../../lib/dates';
import { runInBackground } from '../../lib/context';
import { sendOutbox } from '../../lib/mail';
import type { WorkCalendar } from '../../../domain/nominations/working-days';

const num = (v: unknown) => Number(v);
const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

type ComplaintRow = {
  id: number; reference_code: string; org_id: number; org_path: string; org_name: string; kind: ComplaintDto['kind']; channel: ComplaintDto['channel'];
  complainant_name: string; complainant_contact: string; complainant_address: string | null; content: string;
  nomination_id: number | null; decision_id: number | null; decision_number: string | null; person_id: number | null; subject_org_id: number | null; subject_name: string | null;
  learned_on: string | null; received_on: string; excluded_days: number; complex: boolean; remote: boolean; status: ComplaintDto['status'];
  accepted_on: string | null; closed_on: string | null; outcome: ComplaintDto['outcome']; resolution: string | null;
  pending_case_id: number | null; case_open: boolean; version: number;
  instance: number; previous_id: number | null; next_id: number | null; parent_path: string | null; assigned_to: number | null; assignee_name: string | null;
  extensions: number; has_resolution_doc: boolean;
};

const SELECT = sql`
  select c.id, c.reference_code, c.org_id, c.org_path, o.name as org_name, c.kind, c.channel, c.complainant_name, c.complainant_contact, c.complainant_address, c.content,
         c.nomination_id, c.decision_id, case when d.number is null then null else lpad(d.number::text, 2, '0') || '/' || d.symbol end as decision_number,
         c.person_id, c.subject_org_id, coalesce(p.full_name, so.name) as subject_name,
         c.learned_on::text as learned_on, c.received_on::text as received_on, c.excluded_days, c.complex, c.remote, c.status,
         c.accepted_on::text as accepted_on, c.closed_on::text as closed_on, c.outcome, c.resolution, c.pending_case_id,
         coalesce(pc.closed_on is null and pc.status = 'ACTIVE', false) as case_open, c.version,
         c.instance, c.previous_id, null::bigint as next_id, po.path as parent_path,
         c.assigned_to, au.display_name as assignee_name,
         (select count(*)::int from complaint_event e where e.complaint_id = c.id and e.action = 'extend') as extensions,
         exists (select 1 from complaint_document cd where cd.complaint_id = c.id and cd.doc_type = 'RESOLUTION' and cd.status = 'ACTIVE') as has_resolution_doc
  from complaint c join organisation o on o.id = c.org_id left join organisation po on po.id = o.parent_id left join app_user au on au.id = c.assigned_to
  left join decision d on d.id = c.decision_id
  left join person p on p.id = c.person_id left join organisation so on so.id = c.subject_org_id
  left join pending_case pc on pc.id = c.pending_case_id`;

const OPEN = ['RECEIVED', 'ACCEPTED'] as const;
const REFERENCE_PREFIX: Record<ComplaintDto['kind'], string> = { COMPLAINT: 'KN', DENUNCIATION: 'TC', PETITION: 'KNG' };
export const isOpen = (status: string) => (OPEN as readonly string[]).includes(status);

async function findComplaint(db: DbOrTx, id: number, forUpdate = false): Promise<ComplaintRow | null> {
  const r = await db.execute<ComplaintRow>(sql`${SELECT} where c.id = ${id} ${forUpdate ? sql`for update of c` : sql``}`);
  await withNext(db, r.rows);
  return r.rows[0] ?? null;
}

/** Sets each row's second instance, in one query for the whole page (previous_id has no index: one scan, not one per row). */
async function withNext(db: DbOrTx, rows: ComplaintRow[]): Promise<void> {
  const firsts = rows.filter((r) => num(r.instance) === 1 && r.kind === 'COMPLAINT').map((r) => num(r.id));
  if (firsts.length === 0) return;
  const r = await db.execute<{ previous_id: number; id: number }>(sql`
    select distinct on (previous_id) previous_id, id from complaint where previous_id = any(${sql.param(firsts)}::bigint[]) order by previous_id, id`);
  const next = new Map(r.rows.map((x) => [num(x.previous_id), num(x.id)]));
  for (const row of rows) row.next_id = next.get(num(row.id)) ?? null;
}

export async function loadReadable(db: DbOrTx, actor: AuthActor, id: number, forUpdate = false): Promise<ComplaintRow> {
  const c = await findComplaint(db, id, forUpdate);
  if (!c || !readsCouncilOrg(actor, c.org_path)) throw notFound();
  return c;
}

async function loadManaged(tx: Tx, actor: AuthActor, id: number, version: number): Promise<ComplaintRow> {
  const c = await loadReadable(tx, actor, id, true);
  if (!managesCouncilOrg(actor, c.org_path)) throw forbidden();
  if (num(c.version) !== version) throw conflict('error.STALE');
  return c;
}

function abilitiesOf(actor: AuthActor, c: ComplaintRow, window: SecondInstanceWindow | null, today: string): string[] {
  const out: string[] = [];
  if (managesCouncilOrg(actor, c.org_path)) {
    if (c.status === 'RECEIVED') out.push('complaint.link', 'complaint.accept', 'complaint.notAccept', 'complaint.withdraw');
    if (c.status === 'ACCEPTED') out.push('complaint.link', 'complaint.resolve', 'complaint.withdraw');
    if (isOpen(c.status)) out.push('complaint.assign');
    if (c.kind === 'DENUNCIATION' && c.status === 'ACCEPTED' && num(c.extensions) < maxDenunciationExtensions(true, true)) out.push('complaint.extend');
    out.push('complaint.document');
  }
  // The second instance is recorded by the managers of the organisation above the first handler.
  if (window && c.next_id === null && c.parent_path !== null && managesCouncilOrg(actor, c.parent_path) && today >= window.opensOn) out.push('complaint.secondInstance');
  return out;
}

/** The time limit of an accepted letter: a denunciation's (with its extensions), or the complaint's instance. */
function deadlineFor(c: ComplaintRow, cal: WorkCalendar): { deadline: string; days: number; source: string } | null {
  if (c.status !== 'ACCEPTED' || !c.accepted_on) return null;
  if (c.kind === 'DENUNCIATION') return denunciationDeadline(c.accepted_on, num(c.extensions), cal);
  return deadlineOf(num(c.instance) === 2 ? 'SECOND_INSTANCE' : 'FIRST_INSTANCE', c.accepted_on, { complex: c.complex, remote: c.remote }, cal);
}

/** When a first-instance complaint may go to second instance. */
function windowOf(c: ComplaintRow, cal: WorkCalendar): SecondInstanceWindow | null {
  if (c.kind !== 'COMPLAINT' || num(c.instance) !== 1) return null;
  return secondInstanceWindow({ status: c.status, acceptedOn: c.accepted_on, closedOn: c.closed_on }, { complex: c.complex, remote: c.remote }, cal);
}

/** The work calendar around today: the deadlines of open complaints fall within it. */
async function calendarNow(db: DbOrTx): Promise<WorkCalendar> {
  const year = Number(todayInVietnam().slice(0, 4));
  return loadWorkCalendar(db, year - 2, year + 2);
}

async function present(db: DbOrTx, actor: AuthActor, c: ComplaintRow, withEvents: boolean, cal: WorkCalendar): Promise<ComplaintDto> {
  const today = todayInVietnam();
  const d = deadlineFor(c, cal);
  const resolveBy: ComplaintDto['resolveBy'] = d ? { deadline: d.deadline, days: d.days, source: d.source, ...deadlineState(d.deadline, today) } : null;
  const window = windowOf(c, cal);
  const events = withEvents
    ? (
        await db.execute<{ action: string; note: string | null; actor_name: string | null; at: string }>(sql`
          select e.action, e.note, u.display_name as actor_name, to_json(e.at)#>>'{}' as at
          from complaint_event e left join app_user u on u.id = e.actor_id where e.complaint_id = ${c.id} order by e.at, e.id`)
      ).rows.map((e) => ({ action: e.action, note: e.note, actorName: e.actor_name, at: e.at }))
    : [];
  const handles = managesCouncilOrg(actor, c.org_path);
  return {
    id: num(c.id), referenceCode: c.reference_code, orgId: num(c.org_id), orgName: c.org_name, kind: c.kind, channel: c.channel,
    complainant: handles ? { name: c.complainant_name, contact: c.complainant_contact, address: c.complainant_address } : null,
    content: c.content, nominationId: numOrNull(c.nomination_id), decisionId: numOrNull(c.decision_id), decisionNumber: c.decision_number,
    subject: c.person_id !== null || c.subject_org_id !== null ? { personId: numOrNull(c.person_id), orgId: numOrNull(c.subject_org_id), name: c.subject_name ?? '' } : null,
    learnedOn: c.learned_on, receivedOn: c.received_on, excludedDays: num(c.excluded_days), complex: c.complex, remote: c.remote, status: c.status,
    filedInTime: c.learned_on ? filedInTime(c.learned_on, c.received_on, cal, undefined, num(c.excluded_days)) : null,
    resolveBy, acceptedOn: c.accepted_on, closedOn: c.closed_on, outcome: c.outcome, resolution: c.resolution, blocksAward: c.case_open,
    instance: num(c.instance), previousId: numOrNull(c.previous_id), nextId: numOrNull(c.next_id),
    assignee: c.assigned_to === null ? null : { id: num(c.assigned_to), name: c.assignee_name ?? '' },
    extensions: num(c.extensions), secondInstanceWindow: window, hasResolutionDocument: c.has_resolution_doc,
    documents: withEvents ? await listComplaintDocuments(db, num(c.id)) : [],
    events, version: num(c.version), abilities: abilitiesOf(actor, c, window, today),
  };
}

export async function getComplaint(db: DbOrTx, actor: AuthActor, id: number): Promise<ComplaintDto> {
  return present(db, actor, await loadReadable(db, actor, id), true, await calendarNow(db));
}

export async function listComplaints(db: DbOrTx, actor: AuthActor, q: { orgId?: number; status?: string; kind?: string; mine?: boolean; page: number; pageSize: number }) {
  const paths = scopePaths(actor, READ_ROLES);
  if (paths.length === 0) return { items: [] as ComplaintSummaryDto[], total: 0, page: q.page, pageSize: q.pageSize };
  const where = sql.join(
    [
      sql`(${sql.join(paths.map((p) => sql`c.org_path like ${`${p}%`}`), sql` or `)})`,
      q.orgId ? sql`c.org_id = ${q.orgId}` : sql`true`,
      q.status ? sql`c.status = ${q.status}` : sql`true`,
      q.kind ? sql`c.kind = ${q.kind}` : sql`true`,
      q.mine ? sql`c.assigned_to = ${actor.userId}` : sql`true`,
    ],
    sql` and `,
  );
  const [rows, total] = await Promise.all([
    // The page is cut on the complaint table alone, then joined: the offset skips narrow rows.
    db.execute<ComplaintRow>(sql`
      ${SELECT} where c.id in (
        select c.id from complaint c where ${where}
        order by (c.status in ('RECEIVED','ACCEPTED')) desc, c.received_on desc, c.id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize})
      order by (c.status in ('RECEIVED','ACCEPTED')) desc, c.received_on desc, c.id desc`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from complaint c where ${where}`),
  ]);
  await withNext(db, rows.rows);
  const cal = await calendarNow(db);
  const items: ComplaintSummaryDto[] = [];
  for (const r of rows.rows) {
    // No query per row: events are not read for a summary and the calendar is loaded once.
    const { events: _events, content: _content, complainant: _complainant, resolution: _resolution, documents: _documents, ...summary } = await present(db, actor, r, false, cal);
    items.push(summary);
  }
  return { items, total: num(total.rows[0]?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

/** The documents of a complaint's handling, every version (revoked ones with their reason). */
export async function listComplaintDocuments(db: DbOrTx, complaintId: number): Promise<ComplaintDocumentDto[]> {
  const r = await db.execute<{ id: number; complaint_id: number; doc_type: ComplaintDocumentDto['docType']; title: string; file_name: string; mime_type: string; size_bytes: number; status: ComplaintDocumentDto['status']; revoked_reason: string | null; uploaded_by: string | null; uploaded_at: string }>(sql`
    select d.id, d.complaint_id, d.doc_type, d.title, d.file_name, d.mime_type, d.size_bytes, d.status, d.revoked_reason, u.display_name as uploaded_by, to_json(d.uploaded_at)#>>'{}' as uploaded_at
    from complaint_document d left join app_user u on u.id = d.uploaded_by where d.complaint_id = ${complaintId} order by d.uploaded_at, d.id`);
  return r.rows.map((d) => ({
    id: num(d.id), complaintId: num(d.complaint_id), docType: d.doc_type, title: d.title, fileName: d.file_name, mimeType: d.mime_type, sizeBytes: num(d.size_bytes),
    status: d.status, revokedReason: d.revoked_reason, uploadedBy: d.uploaded_by, uploadedAt: d.uploaded_at,
  }));
}

// ── The block on awarding ──────────────────────────────────────────────────────────────────────

/** Opens the pending case of an open complaint or denunciation about a person or unit (once). */
async function openBlock(tx: Tx, complaintId: number): Promise<void> {
  await tx.execute(sql`
    with c as (
      select c.id, c.kind, c.reference_code, c.received_on, c.person_id, c.subject_org_id, coalesce(p.org_path, so.path) as scope_path
      from complaint c left join person p on p.id = c.person_id left join organisation so on so.id = c.subject_org_id
      where c.id = ${complaintId} and c.status in ('RECEIVED','ACCEPTED') and c.kind in ('COMPLAINT','DENUNCIATION')
        and (c.person_id is not null or c.subject_org_id is not null) and c.pending_case_id is null),
    ins as (
      insert into pending_case (person_id, org_id, scope_path, kind, opened_on, summary, source)
      select c.person_id, c.subject_org_id, c.scope_path, c.kind, c.received_on,
             case c.kind when 'DENUNCIATION' then ${t('vi', 'complaints.case.denunciation')} else ${t('vi', 'complaints.case.complaint')} end || ' ' || c.reference_code, 'COMPLAINT'
      from c where c.scope_path is not null
      returning id)
    update complaint set pending_case_id = (select id from ins) where id = ${complaintId} and exists (select 1 from ins)`);
}

/** Closes the pending case on the day the complaint is closed (or revokes it when its subject changes). */
async function closeBlock(tx: Tx, c: ComplaintRow, closedOn: string | null): Promise<void> {
  if (c.pending_case_id === null) return;
  if (closedOn === null) {
    await tx.execute(sql`update pending_case set status = 'REVOKED', revoked_at = now(), revoked_reason = ${t('vi', 'complaints.case.relinked')} where id = ${c.pending_case_id} and status = 'ACTIVE'`);
    await tx.execute(sql`update complaint set pending_case_id = null where id = ${c.id}`);
  } else {
    await tx.execute(sql`update pending_case set closed_on = greatest(opened_on, ${closedOn}::date) where id = ${c.pending_case_id} and closed_on is null`);
  }
}

export async function event(tx: Tx, actor: Actor, c: { id: number; org_id: number }, action: string, note: string | null, after: Record<string, unknown>): Promise<void> {
  await tx.execute(sql`insert into complaint_event (complaint_id, action, note, actor_id) values (${c.id}, ${action}, ${note}, ${actor.userId})`);
  // The audit event names the complaint only: the writer's identity stays in the complaint row.
  await audit(tx, actor, [{ action: `complaint.${action}`, entityType: 'complaint', entityId: num(c.id), orgId: num(c.org_id), after }]);
}

// ── Intake ─────────────────────────────────────────────────────────────────────────────────────

async function insertComplaint(
  tx: Tx,
  org: { id: number; path: string },
  input: PublicComplaintInput & Partial<Pick<StaffComplaintInput, 'nominationId' | 'decisionId' | 'personId' | 'subjectOrgId' | 'excludedDays'>>,
  meta: { channel: 'PUBLIC' | 'STAFF'; receivedOn: string; clientHash: string | null; createdBy: number | null; previousId?: number; complex?: boolean; remote?: boolean },
): Promise<{ id: number; referenceCode: string }> {
  for (let attempt = 0; ; attempt++) {
    const code = referenceCode(REFERENCE_PREFIX[input.kind], meta.receivedOn.slice(0, 4));
    const r = await tx.execute<{ id: number }>(sql`
      insert into complaint (reference_code, org_id, org_path, kind, channel, complainant_name, complainant_contact, complainant_address, content,
                             nomination_id, decision_id, person_id, subject_org_id, learned_on, received_on, excluded_days, client_hash, created_by,
                             instance, previous_id, complex, remote)
      values (${code}, ${org.id}, ${org.path}, ${input.kind}, ${meta.channel}, ${input.name.normalize('NFC')}, ${input.contact.normalize('NFC')},
              ${input.address?.normalize('NFC') || null}, ${input.content.normalize('NFC')}, ${input.nominationId ?? null}, ${input.decisionId ?? null},
              ${input.personId ?? null}, ${input.subjectOrgId ?? null}, ${input.learnedOn ?? null}, ${meta.receivedOn}, ${input.excludedDays ?? 0},
              ${meta.clientHash}, ${meta.createdBy}, ${meta.previousId ? 2 : 1}, ${meta.previousId ?? null}, ${meta.complex ?? false}, ${meta.remote ?? false})
      on conflict (reference_code) do nothing returning id`);
    if (r.rows[0]) return { id: num(r.rows[0].id), referenceCode: code };
    if (attempt > 5) throw new Error('could not allocate a complaint reference');
  }
}

/** The public form of an organisation's site: no login, rate-limited per client address. */
export async function receivePublicComplaint(app: AppContext, orgCode: string, input: PublicComplaintInput, address: string): Promise<{ referenceCode: string; receivedOn: string }> {
  const hash = clientHash(app.sessionKey, 'complaints', address);
  const today = todayInVietnam();
  if (input.learnedOn && input.learnedOn > today) throw validation('complaints.api.learnedInFuture', {}, { field: 'learnedOn' });
  return app.db.transaction(async (tx) => {
    const o = await tx.execute<{ id: number; path: string }>(sql`select id, path from organisation where code = ${orgCode} and status = 'ACTIVE'`);
    const org = o.rows[0];
    if (!org) throw notFound();
    await guardSender(tx, 'complaint', hash, COMPLAINT_LIMITS, { hour: 'complaints.api.rateLimitedHour', day: 'complaints.api.rateLimitedDay' });
    const made = await insertComplaint(tx, { id: num(org.id), path: org.path }, input, { channel: 'PUBLIC', receivedOn: today, clientHash: hash, createdBy: null });
    await event(tx, { userId: null }, { id: made.id, org_id: num(org.id) }, 'receive', null, { channel: 'PUBLIC', kind: input.kind });
    return { referenceCode: made.referenceCode, receivedOn: today };
  });
}

/** What a complaint may be linked to must exist and lie in the handling organisation's subtree. */
async function checkLinks(tx: Tx, orgPath: string, l: { nominationId?: number | null; decisionId?: number | null; personId?: number | null; subjectOrgId?: number | null }): Promise<void> {
  if (l.personId && l.subjectOrgId) throw validation('complaints.api.oneSubject', {}, { field: 'personId' });
  const r = await tx.execute<{ nomination: boolean; decision: boolean; person: boolean; org: boolean }>(sql`
    select ${l.nominationId ? sql`exists (select 1 from nomination n where n.id = ${l.nominationId} and (n.holder_path like ${`${orgPath}%`} or ${orgPath} like n.holder_path || '%' or n.subject_path like ${`${orgPath}%`}))` : sql`true`} as nomination,
           ${l.decisionId ? sql`exists (select 1 from decision d where d.id = ${l.decisionId} and (d.org_path like ${`${orgPath}%`} or ${orgPath} like d.org_path || '%'))` : sql`true`} as decision,
           ${l.personId ? sql`exists (select 1 from person p where p.id = ${l.personId} and p.org_path like ${`${orgPath}%`})` : sql`true`} as person,
           ${l.subjectOrgId ? sql`exists (select 1 from organisation o where o.id = ${l.subjectOrgId} and o.path like ${`${orgPath}%`})` : sql`true`} as org`);
  const x = r.rows[0]!;
  const bad = [x.nomination ? null : 'nominationId', x.decision ? null : 'decisionId', x.person ? null : 'personId', x.org ? null : 'subjectOrgId'].filter((f): f is string => f !== null);
  if (bad.length > 0) throw validation('complaints.api.linkOutside', {}, { field: bad[0] });
}

export async function createComplaint(app: AppContext, actor: AuthActor, input: StaffComplaintInput): Promise<number> {
  const today = todayInVietnam();
  if (input.receivedOn > today) throw validation('complaints.api.receivedInFuture', {}, { field: 'receivedOn' });
  if (input.learnedOn && input.learnedOn > input.receivedOn) throw validation('complaints.api.learnedAfterReceived', {}, { field: 'learnedOn' });
  return app.db.transaction(async (tx) => {
    const o = await tx.execute<{ id: number; path: string }>(sql`select id, path from organisation where id = ${input.orgId} and status = 'ACTIVE'`);
    const org = o.rows[0];
    if (!org || !readsCouncilOrg(actor, org.path)) throw notFound();
    if (!managesCouncilOrg(actor, org.path)) throw forbidden();
    await checkLinks(tx, org.path, input);
    const made = await insertComplaint(tx, { id: num(org.id), path: org.path }, input, { channel: 'STAFF', receivedOn: input.receivedOn, clientHash: null, createdBy: actor.userId });
    await openBlock(tx, made.id);
    await event(tx, actor, { id: made.id, org_id: num(org.id) }, 'receive', null, { channel: 'STAFF', kind: input.kind, receivedOn: input.receivedOn });
    return made.id;
  });
}

// ── Handling ───────────────────────────────────────────────────────────────────────────────────

export async function linkComplaint(app: AppContext, actor: AuthActor, id: number, input: { version: number; nominationId?: number | null; decisionId?: number | null; personId?: number | null; subjectOrgId?: number | null }): Promise<void> {
  await app.db.transaction(async (tx) => {
    const c = await loadManaged(tx, actor, id, input.version);
    if (!isOpen(c.status)) throw conflict('complaints.api.closed');
    const next = {
      nominationId: input.nominationId === undefined ? numOrNull(c.nomination_id) : input.nominationId,
      decisionId: input.decisionId === undefined ? numOrNull(c.decision_id) : input.decisionId,
      personId: input.personId === undefined ? numOrNull(c.person_id) : input.personId,
      subjectOrgId: input.subjectOrgId === undefined ? numOrNull(c.subject_org_id) : input.subjectOrgId,
    };
    await checkLinks(tx, c.org_path, next);
    const subjectChanged = next.personId !== numOrNull(c.person_id) || next.subjectOrgId !== numOrNull(c.subject_org_id);
    if (subjectChanged) await closeBlock(tx, c, null);
    await tx.execute(sql`
      update complaint set nomination_id = ${next.nominationId}, decision_id = ${next.decisionId}, person_id = ${next.personId}, subject_org_id = ${next.subjectOrgId},
        updated_at = now(), version = version + 1 where id = ${id}`);
    if (subjectChanged) await openBlock(tx, id);
    await event(tx, actor, c, 'link', null, next);
  });
}

export async function acceptComplaint(app: AppContext, actor: AuthActor, id: number, input: { version: number; acceptedOn: string; complex: boolean; remote: boolean; excludedDays?: number }): Promise<void> {
  await app.db.transaction(async (tx) => {
    const c = await loadManaged(tx, actor, id, input.version);
    if (c.status !== 'RECEIVED') throw conflict('complaints.api.notReceived');
    if (input.acceptedOn < c.received_on || input.acceptedOn > todayInVietnam()) throw validation('complaints.api.acceptedOnInvalid', {}, { field: 'acceptedOn' });
    await tx.execute(sql`
      update complaint set status = 'ACCEPTED', accepted_on = ${input.acceptedOn}, complex = ${input.complex}, remote = ${input.remote},
        excluded_days = ${input.excludedDays ?? c.excluded_days}, updated_at = now(), version = version + 1 where id = ${id}`);
    await event(tx, actor, c, 'accept', null, { acceptedOn: input.acceptedOn, complex: input.complex, remote: input.remote });
  });
}

async function close(app: AppContext, actor: AuthActor, id: number, input: { version: number; closedOn: string }, status: 'NOT_ACCEPTED' | 'RESOLVED' | 'WITHDRAWN', extra: { outcome?: string; text: string; requireDocument?: boolean }): Promise<void> {
  await app.db.transaction(async (tx) => {
    const c = await loadManaged(tx, actor, id, input.version);
    const from = status === 'NOT_ACCEPTED' ? ['RECEIVED'] : status === 'RESOLVED' ? ['ACCEPTED'] : ['RECEIVED', 'ACCEPTED'];
    if (!from.includes(c.status)) throw conflict(status === 'RESOLVED' ? 'complaints.api.notAccepted' : 'complaints.api.closed');
    if (input.closedOn < (c.accepted_on ?? c.received_on) || input.closedOn > todayInVietnam()) throw validation('complaints.api.closedOnInvalid', {}, { field: 'closedOn' });
    if (extra.requireDocument && !c.has_resolution_doc) throw conflict('complaints.api.resolutionDocumentRequired');
    const text = extra.text.normalize('NFC');
    await tx.execute(sql`
      update complaint set status = ${status}, closed_on = ${input.closedOn}, outcome = ${extra.outcome ?? null}, resolution = ${text},
        updated_at = now(), version = version + 1 where id = ${id}`);
    await closeBlock(tx, c, input.closedOn);
    await event(tx, actor, c, status === 'NOT_ACCEPTED' ? 'notAccept' : status === 'RESOLVED' ? 'resolve' : 'withdraw', text, { closedOn: input.closedOn, outcome: extra.outcome ?? null });
  });
}

export const notAcceptComplaint = (app: AppContext, actor: AuthActor, id: number, input: { version: number; closedOn: string; reason: string }) =>
  close(app, actor, id, input, 'NOT_ACCEPTED', { text: input.reason });
export const withdrawComplaint = (app: AppContext, actor: AuthActor, id: number, input: { version: number; closedOn: string; reason: string }) =>
  close(app, actor, id, input, 'WITHDRAWN', { text: input.reason });
/** Handling rules that are parameters: whether resolving needs an active RESOLUTION document (default: not required; the page warns). */
export interface ComplaintHandlingRules {
  requireResolutionDocument: boolean;
}
export const DEFAULT_HANDLING_RULES: ComplaintHandlingRules = Object.freeze({ requireResolutionDocument: false });

export const resolveComplaint = (app: AppContext, actor: AuthActor, id: number, input: { version: number; closedOn: string; outcome: string; resolution: string }, rules: ComplaintHandlingRules = DEFAULT_HANDLING_RULES) =>
  close(app, actor, id, input, 'RESOLVED', { outcome: input.outcome, text: input.resolution, requireDocument: rules.requireResolutionDocument });

/** The submitter's status page by reference code: nothing personal and nothing of the content; both instances of the matter. */
export async function publicStatus(db: DbOrTx, code: string): Promise<PublicComplaintStatus | null> {
  const r = await db.execute<{ id: number; previous_id: number | null }>(sql`select id, previous_id from complaint where reference_code = ${code.toUpperCase()}`);
  const found = r.rows[0];
  if (!found) return null;
  const firstId = num(found.previous_id ?? found.id);
  const chain = await db.execute<ComplaintRow>(sql`${SELECT} where c.id = ${firstId} or c.previous_id = ${firstId} order by c.instance, c.id`);
  const cal = await calendarNow(db);
  const instances = chain.rows.map((c) => ({
    referenceCode: c.reference_code, kind: c.kind, instance: num(c.instance), orgName: c.org_name, receivedOn: c.received_on, status: c.status,
    acceptedOn: c.accepted_on, resolveBy: deadlineFor(c, cal)?.deadline ?? null, closedOn: c.closed_on, outcome: c.outcome,
  }));
  const self = instances.find((i) => i.referenceCode === code.toUpperCase())!;
  return { ...self, instances };
}

// ── Assignment, second instance, extension ─────────────────────────────────────────────────────

/** Users who may handle the letter: the handling organisation's TĐKT officers and the administrators above it. */
async function handlers(db: DbOrTx, c: { org_id: number; org_path: string }, userId?: number): Promise<{ id: number; name: string; email: string | null }[]> {
  const r = await db.execute<{ id: number; name: string; email: string | null }>(sql`
    select distinct u.id, u.display_name as name, u.email
    from app_user u join role_assignment ra on ra.user_id = u.id join organisation ro on ro.id = ra.org_id
    where ra.revoked_at is null and not u.disabled ${userId === undefined ? sql`` : sql`and u.id = ${userId}`}
      and ((ra.role = 'TDKT_OFFICER' and ra.org_id = ${c.org_id}) or (ra.role = 'SYSTEM_ADMIN' and ${c.org_path} like ro.path || '%'))
    order by u.display_name, u.id`);
  return r.rows.map((x) => ({ id: num(x.id), name: x.name, email: x.email }));
}

export async function listAssignees(db: DbOrTx, actor: AuthActor, id: number): Promise<{ items: { id: number; name: string }[] }> {
  const c = await loadReadable(db, actor, id);
  if (!managesCouncilOrg(actor, c.org_path)) throw forbidden();
  return { items: (await handlers(db, c)).map(({ id: userId, name }) => ({ id: userId, name })) };
}

/** Assigns an open letter to one of its handlers (or unassigns it); the assignee is told by e-mail. */
export async function assignComplaint(app: AppContext, actor: AuthActor, id: number, input: { version: number; userId: number | null; note?: string }): Promise<void> {
  const outboxIds = await app.db.transaction(async (tx) => {
    const c = await loadManaged(tx, actor, id, input.version);
    if (!isOpen(c.status)) throw conflict('complaints.api.closed');
    const assignee = input.userId === null ? null : (await handlers(tx, c, input.userId))[0];
    if (assignee === undefined) throw validation('complaints.api.assigneeInvalid', {}, { field: 'userId' });
    await tx.execute(sql`update complaint set assigned_to = ${input.userId}, updated_at = now(), version = version + 1 where id = ${id}`);
    await event(tx, actor, c, assignee ? 'assign' : 'unassign', input.note?.normalize('NFC') || null, { assignedTo: input.userId, previous: numOrNull(c.assigned_to) });
    if (!assignee?.email || assignee.id === actor.userId) return [];
    const vars = { code: c.reference_code, kind: t('vi', `web.complaints.kind.${c.kind}`).toLowerCase(), org: c.org_name, link: `${app.config.APP_URL}/khieu-nai/${id}` };
    const m = await tx.execute<{ id: number }>(sql`
      insert into email_outbox (to_address, subject, body) values (${assignee.email}, ${t('vi', 'complaints.mail.assignedSubject', vars)}, ${t('vi', 'complaints.mail.assignedBody', vars)}) returning id`);
    return m.rows.map((x) => num(x.id));
  });
  if (outboxIds.length > 0) runInBackground(app, () => sendOutbox(app, outboxIds));
}

/**
 * Records a second-instance complaint about a first-instance one (Luật Khiếu nại 2011, Điều 33):
 * by the managers of the organisation above the first handler, within the window after the
 * resolution or after the first-instance deadline passed unresolved. The new complaint (instance 2)
 * keeps the writer and what it is about, and blocks awarding its subject like the first.
 */
export async function recordSecondInstance(app: AppContext, actor: AuthActor, firstId: number, input: { receivedOn: string; content: string; complex: boolean; remote: boolean }): Promise<number> {
  if (input.receivedOn > todayInVietnam()) throw validation('complaints.api.receivedInFuture', {}, { field: 'receivedOn' });
  return app.db.transaction(async (tx) => {
    const c = await loadReadable(tx, actor, firstId, true);
    const p = await tx.execute<{ id: number; path: string }>(sql`select p.id, p.path from organisation o join organisation p on p.id = o.parent_id where o.id = ${c.org_id} and p.status = 'ACTIVE'`);
    const parent = p.rows[0];
    if (!parent) throw conflict('complaints.api.noSuperior');
    if (!managesCouncilOrg(actor, parent.path)) throw forbidden();
    if (c.kind !== 'COMPLAINT' || num(c.instance) !== 1) throw conflict('complaints.api.secondInstanceKind');
    if (c.next_id !== null) throw conflict('complaints.api.secondInstanceExists');
    const w = windowOf(c, await calendarNow(tx));
    if (!w) throw conflict('complaints.api.secondInstanceNotOpen');
    if (!inWindow(w, input.receivedOn)) throw validation('complaints.api.secondInstanceOutside', { opensOn: vnDate(w.opensOn), closesOn: vnDate(w.closesOn) }, { field: 'receivedOn' });
    const made = await insertComplaint(
      tx,
      { id: num(parent.id), path: parent.path },
      {
        kind: 'COMPLAINT', name: c.complainant_name, contact: c.complainant_contact, address: c.complainant_address ?? undefined, content: input.content,
        nominationId: numOrNull(c.nomination_id) ?? undefined, decisionId: numOrNull(c.decision_id) ?? undefined, personId: numOrNull(c.person_id) ?? undefined, subjectOrgId: numOrNull(c.subject_org_id) ?? undefined,
      },
      { channel: 'STAFF', receivedOn: input.receivedOn, clientHash: null, createdBy: actor.userId, previousId: num(c.id), complex: input.complex, remote: input.remote },
    );
    await openBlock(tx, made.id);
    await event(tx, actor, { id: made.id, org_id: num(parent.id) }, 'receive', null, { channel: 'STAFF', kind: 'COMPLAINT', instance: 2, previousId: num(c.id), receivedOn: input.receivedOn });
    await event(tx, actor, c, 'secondInstance', made.referenceCode, { nextId: made.id, window: w });
    return made.id;
  });
}

/** Extends a denunciation's time limit once (complex) or twice (especially complex), before it passes, with the reason. */
export async function extendDenunciation(app: AppContext, actor: AuthActor, id: number, input: { version: number; reason: string; especiallyComplex: boolean }): Promise<void> {
  await app.db.transaction(async (tx) => {
    const c = await loadManaged(tx, actor, id, input.version);
    if (c.kind !== 'DENUNCIATION') throw conflict('complaints.api.notDenunciation');
    if (c.status !== 'ACCEPTED' || !c.accepted_on) throw conflict('complaints.api.notAccepted');
    const max = maxDenunciationExtensions(c.complex, input.especiallyComplex);
    if (max === 0) throw conflict('complaints.api.extendNotComplex');
    const done = num(c.extensions);
    if (done >= max) throw conflict('complaints.api.extendUsed', { max });
    const cal = await calendarNow(tx);
    const current = denunciationDeadline(c.accepted_on, done, cal);
    if (todayInVietnam() > current.deadline) throw conflict('complaints.api.extendLate', { date: vnDate(current.deadline) });
    const next = denunciationDeadline(c.accepted_on, done + 1, cal);
    await tx.execute(sql`update complaint set updated_at = now(), version = version + 1 where id = ${id}`);
    await event(tx, actor, c, 'extend', input.reason.normalize('NFC'), { extensions: done + 1, especiallyComplex: input.especiallyComplex, deadline: next.deadline });
  });
}
