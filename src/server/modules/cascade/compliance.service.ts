// Compliance with requests to respond: who answered on time, late, not at all (deadline passed) or
// not yet (still due), computed set-based from request_target; reminders by inbox and email.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client';
import type { AuthActor } from '../../lib/actor';
import type { Actor } from '../../lib/audit';
import { audit } from '../../lib/audit';
import { notFound, validation } from '../../lib/errors';
import { covers, MANAGE_ROLES, orgPolicy, READ_ROLES, scopePaths } from '../../lib/policy';
import type { ComplianceSummary, RequestDto, TargetDto, TargetStatus } from '../../../contracts/cascade';
import { t } from '../../../contracts/messages';
import { todayInVietnam } from '../imports/xlsx';
import { vnDate } from '../../lib/dates';

export type RequestRow = {
  id: number;
  issuer_org_id: number;
  issuer_path: string;
  issuer_name: string;
  issuer_status: string;
  source_type: 'plan' | 'movement';
  source_id: number;
  response_kind: 'PLAN' | 'REGISTRATION';
  year: number;
  title: string;
  deadline: string;
  status: 'OPEN' | 'CLOSED';
  created_at: Date | string;
};

const SELECT_REQUEST = sql`
  select r.id, r.issuer_org_id, r.issuer_path, o.name as issuer_name, o.status as issuer_status, r.source_type, r.source_id,
         r.response_kind, r.year, r.title, r.deadline, r.status, r.created_at
  from response_request r join organisation o on o.id = r.issuer_org_id`;

export async function findRequest(db: DbOrTx, id: number, forUpdate = false): Promise<RequestRow | null> {
  const r = await db.execute<RequestRow>(sql`${SELECT_REQUEST} where r.id = ${id} ${forUpdate ? sql`for update of r` : sql``}`);
  return r.rows[0] ?? null;
}

export const sourceLink = (type: string, id: number | string) => (type === 'plan' ? `/ke-hoach/${id}` : `/phong-trao/${id}`);
export const responseLink = (type: string | null, id: number | string | null) =>
  type === null || id === null ? null : type === 'plan' ? `/ke-hoach/${id}` : '/dang-ky';
const iso = (v: Date | string | null) => (v === null ? null : v instanceof Date ? v.toISOString() : new Date(v).toISOString());
export { vnDate };

/**
 * Which targets of a request the actor sees: all of them for readers of the issuer; for the
 * officers of a target unit only their own rows (they may read the request that targets them).
 * null = the request is out of scope (answer 404).
 */
export async function targetVisibility(db: DbOrTx, actor: AuthActor, r: RequestRow): Promise<SQL | null> {
  if (orgPolicy.listMembers(actor, { path: r.issuer_path, status: r.issuer_status })) return sql`true`;
  const paths = scopePaths(actor, READ_ROLES).filter((p) => covers(r.issuer_path, p) && p !== r.issuer_path);
  if (paths.length === 0) return null;
  const own = sql`(${sql.join(paths.map((p) => sql`t.org_path like ${`${p}%`}`), sql` or `)})`;
  const any = await db.execute(sql`select 1 from request_target t where t.request_id = ${r.id} and ${own} limit 1`);
  return any.rows.length > 0 ? own : null;
}

export async function loadVisibleRequest(db: DbOrTx, actor: AuthActor, id: number): Promise<{ request: RequestRow; visible: SQL }> {
  const request = await findRequest(db, id);
  if (!request) throw notFound();
  const visible = await targetVisibility(db, actor, request);
  if (!visible) throw notFound();
  return { request, visible };
}

export const canRemind = (actor: AuthActor, r: Pick<RequestRow, 'issuer_path' | 'issuer_status' | 'status'>) =>
  r.status === 'OPEN' && orgPolicy.createChild(actor, { path: r.issuer_path, status: r.issuer_status });

const VARIANTS: Record<string, string> = {
  a: 'aàáảãạăằắẳẵặâầấẩẫậ',
  e: 'eèéẻẽẹêềếểễệ',
  i: 'iìíỉĩị',
  o: 'oòóỏõọôồốổỗộơờớởỡợ',
  u: 'uùúủũụưừứửữự',
  y: 'yỳýỷỹỵ',
  d: 'dđ',
};

/**
 * A regular expression matching `q` in a Vietnamese name whatever its diacritics and case
 * ("tram y te" matches "Trạm Y tế"): one compiled regex per query instead of folding every name
 * (vd_fold's translate() costs ~0.1 ms a row, too much for 5,000 units).
 */
export function diacriticPattern(q: string): string {
  const folded = q.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().normalize('NFC').trim().replace(/\s+/g, ' ');
  let out = '';
  for (const c of folded) {
    const v = VARIANTS[c];
    if (v) out += `[${v}${v.toUpperCase()}]`;
    else if (/[a-z]/.test(c)) out += `[${c}${c.toUpperCase()}]`;
    else if (/\s/.test(c)) out += '\\s+';
    else out += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return out;
}

/**
 * The first instant after the deadline day in Vietnam (UTC+7, no daylight saving): an answer before
 * it is on time. Comparing with one constant avoids a time-zone conversion per row.
 */
export function deadlineCutoff(deadline: string): string {
  const next = new Date(Date.parse(`${deadline}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return `${next}T00:00:00+07:00`;
}

/** Status of a target, in SQL (t = request_target; deadline and today as parameters). */
function statusSql(deadline: string, today: string): SQL {
  return sql`case when t.responded_at is not null then
      case when t.responded_at < ${deadlineCutoff(deadline)}::timestamptz then 'ON_TIME' else 'LATE' end
    when ${deadline}::date < ${today}::date then 'MISSING' else 'PENDING' end`;
}

export async function complianceSummary(db: DbOrTx, r: RequestRow, visible: SQL, today = todayInVietnam()): Promise<ComplianceSummary> {
  const overdue = r.deadline < today;
  const res = await db.execute<{ total: number; on_time: number; late: number; open: number }>(sql`
    select count(*)::int as total,
           count(*) filter (where t.responded_at < ${deadlineCutoff(r.deadline)}::timestamptz)::int as on_time,
           count(*) filter (where t.responded_at >= ${deadlineCutoff(r.deadline)}::timestamptz)::int as late,
           count(*) filter (where t.responded_at is null)::int as open
    from request_target t where t.request_id = ${r.id} and ${visible}`);
  const s = res.rows[0]!;
  const open = Number(s.open);
  return { total: Number(s.total), onTime: Number(s.on_time), late: Number(s.late), missing: overdue ? open : 0, pending: overdue ? 0 : open };
}

export function presentRequest(actor: AuthActor, r: RequestRow, summary: ComplianceSummary): RequestDto {
  return {
    id: Number(r.id),
    issuerOrgId: Number(r.issuer_org_id),
    issuerName: r.issuer_name,
    sourceType: r.source_type,
    sourceId: Number(r.source_id),
    responseKind: r.response_kind,
    year: Number(r.year),
    title: r.title,
    deadline: r.deadline,
    status: r.status,
    createdAt: iso(r.created_at)!,
    link: sourceLink(r.source_type, r.source_id),
    summary,
    abilities: canRemind(actor, r) ? ['request.remind'] : [],
  };
}

/** Requests issued by the organisations inside `paths`, newest first, with their counts. */
export async function listRequests(db: DbOrTx, actor: AuthActor, paths: string[], year: number | undefined, limit: number, offset: number) {
  if (paths.length === 0) return { items: [] as RequestDto[], total: 0 };
  const today = todayInVietnam();
  const where = sql.join(
    [sql`(${sql.join(paths.map((p) => sql`r.issuer_path like ${`${p}%`}`), sql` or `)})`, ...(year !== undefined ? [sql`r.year = ${year}`] : [])],
    sql` and `,
  );
  const [rows, total] = await Promise.all([
    db.execute<RequestRow & { total: number; on_time: number; late: number; open: number }>(sql`
      select q.*, c.* from (
        select x.*, (x.deadline + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh' as cutoff
        from (${SELECT_REQUEST} where ${where} order by r.created_at desc, r.id desc limit ${limit} offset ${offset}) x) q
      cross join lateral (
        select count(*)::int as total,
               count(*) filter (where t.responded_at < q.cutoff)::int as on_time,
               count(*) filter (where t.responded_at >= q.cutoff)::int as late,
               count(*) filter (where t.responded_at is null)::int as open
        from request_target t where t.request_id = q.id) c
      order by q.created_at desc, q.id desc`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from response_request r where ${where}`),
  ]);
  const items = rows.rows.map((r) => {
    const overdue = r.deadline < today;
    const open = Number(r.open);
    return presentRequest(actor, r, { total: Number(r.total), onTime: Number(r.on_time), late: Number(r.late), missing: overdue ? open : 0, pending: overdue ? 0 : open });
  });
  return { items, total: Number(total.rows[0]!.n) };
}

type TargetRow = {
  org_id: number;
  org_code: string;
  org_name: string;
  status: TargetStatus;
  responded_at: Date | string | null;
  response_type: 'plan' | 'registration' | null;
  response_id: number | null;
  reminded_at: Date | string | null;
  reminder_count: number;
  registrations: number;
  total: number;
};

/**
 * One page of the compliance table (limit null = the whole filtered table, for the export). One
 * statement: status per target, filter, order by unit name, page, then the registrations counted
 * for the page's units only.
 */
export async function listTargets(
  db: DbOrTx,
  r: RequestRow,
  visible: SQL,
  f: { status?: TargetStatus; q?: string },
  limit: number | null,
  offset: number,
  today = todayInVietnam(),
): Promise<{ items: TargetDto[]; total: number }> {
  const registrations =
    r.source_type === 'movement'
      ? sql`e.movement_id = ${r.source_id}`
      : sql`e.year = ${r.year}`;
  const q = f.q?.trim();
  const match = q ? sql`and (o.name ~ ${diacriticPattern(q)} or o.code ilike ${`%${q.replace(/[\\%_]/g, '\\$&')}%`})` : sql``;
  const res = await db.execute<TargetRow>(sql`
    with tt as (
      select t.org_id, o.code as org_code, o.name as org_name, ${statusSql(r.deadline, today)} as status,
             t.responded_at, t.response_type, t.response_id, t.reminded_at, t.reminder_count
      from request_target t join organisation o on o.id = t.org_id
      where t.request_id = ${r.id} and ${visible} ${match}
    ), page as (
      select tt.*, count(*) over () as total from tt
      ${f.status ? sql`where tt.status = ${f.status}` : sql``}
      order by tt.org_name collate "vi-x-icu", tt.org_id
      ${limit === null ? sql`` : sql`limit ${limit}`} offset ${offset}
    )
    select page.*, (select count(*) from emulation_registration e where e.unit_id = page.org_id and e.status = 'ACTIVE' and ${registrations})::int as registrations
    from page order by page.org_name collate "vi-x-icu", page.org_id`);
  let total = res.rows.length > 0 ? Number(res.rows[0]!.total) : 0;
  if (res.rows.length === 0 && offset > 0) {
    const c = await db.execute<{ n: number }>(sql`
      select count(*)::int as n from (select ${statusSql(r.deadline, today)} as status from request_target t join organisation o on o.id = t.org_id
      where t.request_id = ${r.id} and ${visible} ${match}) x ${f.status ? sql`where x.status = ${f.status}` : sql``}`);
    total = Number(c.rows[0]!.n);
  }
  return {
    total,
    items: res.rows.map((x) => ({
      orgId: Number(x.org_id),
      orgCode: x.org_code,
      orgName: x.org_name,
      status: x.status,
      respondedAt: iso(x.responded_at),
      responseType: x.response_type,
      responseId: x.response_id === null ? null : Number(x.response_id),
      responseLink: responseLink(x.response_type, x.response_id),
      registrations: Number(x.registrations),
      reminderCount: Number(x.reminder_count),
      remindedAt: iso(x.reminded_at),
    })),
  };
}

export interface RemindOptions {
  /** Units to remind; null = every target that has not responded. */
  orgIds: readonly number[] | null;
  /** Skip targets already reminded on or after this date (the daily job). */
  notRemindedSince?: string;
  appUrl: string;
}

/**
 * Reminds targets that have not responded: a REMINDER inbox item each, an email to every user
 * holding an active managing role exactly on the unit (with an address), the reminder counted on
 * the target; audited. Returns the outbox ids to send after commit.
 */
export async function remindTargets(tx: Tx, actor: Actor, r: RequestRow, o: RemindOptions): Promise<{ reminded: number; emails: number; outboxIds: number[] }> {
  if (o.orgIds !== null) {
    const ids = [...new Set(o.orgIds)];
    const found = await tx.execute<{ org_id: number }>(sql`select org_id from request_target where request_id = ${r.id} and org_id = any(${sql.param(ids)}::bigint[])`);
    const known = new Set(found.rows.map((x) => Number(x.org_id)));
    const unknown = ids.find((id) => !known.has(id));
    if (unknown !== undefined) throw validation('cascade.remindNotTarget', { id: unknown }, { field: 'orgIds' });
  }
  const updated = await tx.execute<{ org_id: number }>(sql`
    update request_target t set reminded_at = now(), reminder_count = t.reminder_count + 1
    where t.request_id = ${r.id} and t.responded_at is null
      ${o.orgIds !== null ? sql`and t.org_id = any(${sql.param([...new Set(o.orgIds)])}::bigint[])` : sql``}
      ${o.notRemindedSince ? sql`and (t.reminded_at is null or (t.reminded_at at time zone 'Asia/Ho_Chi_Minh')::date < ${o.notRemindedSince}::date)` : sql``}
    returning t.org_id`);
  const orgIds = updated.rows.map((x) => Number(x.org_id));
  if (orgIds.length === 0) {
    if (o.notRemindedSince) return { reminded: 0, emails: 0, outboxIds: [] };
    throw validation('cascade.nothingToRemind', {}, { field: 'orgIds' });
  }
  const link = sourceLink(r.source_type, r.source_id);
  const deadline = vnDate(r.deadline);
  const what = t('vi', `cascade.mail.kind.${r.response_kind}`);
  const title = t('vi', 'cascade.reminder.title', { title: r.title, deadline });
  const body = t('vi', 'cascade.reminder.body', { issuer: r.issuer_name, what, deadline });
  await tx.execute(sql`
    insert into inbox_item (org_id, kind, title, body, sender_org_id, request_id, link)
    select x.id, 'REMINDER', ${title}, ${body}, ${r.issuer_org_id}, ${r.id}, ${link} from unnest(${sql.param(orgIds)}::bigint[]) as x(id)`);
  const subject = t('vi', 'cascade.mail.subject', { title: r.title, deadline });
  const url = `${o.appUrl.replace(/\/$/, '')}${link}`;
  const [before, after] = t('vi', 'cascade.mail.body', { unit: '\u0000', issuer: r.issuer_name, what, title: r.title, deadline, url }).split('\u0000') as [string, string];
  const mails = await tx.execute<{ id: number }>(sql`
    insert into email_outbox (to_address, subject, body)
    select distinct on (u.email, o.id) u.email, ${subject}, ${before} || o.name || ${after ?? ''}
    from role_assignment ra
      join app_user u on u.id = ra.user_id
      join organisation o on o.id = ra.org_id
    where ra.org_id = any(${sql.param(orgIds)}::bigint[]) and ra.revoked_at is null
      and ra.role = any(${sql.param([...MANAGE_ROLES])}::text[]) and u.email is not null and u.email <> '' and not u.disabled
    returning id`);
  const outboxIds = mails.rows.map((x) => Number(x.id));
  await audit(tx, actor, [
    { action: 'request.remind', entityType: 'response_request', entityId: r.id, orgId: Number(r.issuer_org_id), after: { orgIds, emails: outboxIds.length } },
  ]);
  return { reminded: orgIds.length, emails: outboxIds.length, outboxIds };
}

/** Open requests due within `daysBefore` days of `today` (inclusive) that still have targets to remind. */
export async function dueRequests(db: DbOrTx, today: string, daysBefore: number): Promise<RequestRow[]> {
  const r = await db.execute<RequestRow>(sql`
    ${SELECT_REQUEST}
    where r.status = 'OPEN' and r.deadline >= ${today}::date and r.deadline <= ${today}::date + ${daysBefore}::int
      and exists (select 1 from request_target t where t.request_id = r.id and t.responded_at is null)
    order by r.deadline, r.id`);
  return r.rows;
}
