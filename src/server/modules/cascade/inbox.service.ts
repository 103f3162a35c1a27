// Inboxes: what arrives for an organisation (issued documents, requests, reminders). An actor reads
// the inboxes of exactly the units on which they hold a role (not their subtrees); the first reader
// of the recipient unit is its read receipt.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { AuthActor } from '../../lib/actor';
import type { AppContext } from '../../lib/context';
import { audit } from '../../lib/audit';
import { notFound } from '../../lib/errors';
import { READ_ROLES } from '../../lib/policy';
import type { InboxItemDto, InboxKind, InboxSummary } from '../../../contracts/cascade';

/** Organisations whose inbox the actor reads: those on which they hold a reading role. */
export function inboxOrgIds(actor: AuthActor): number[] {
  return [...new Set(actor.roles.filter((r) => READ_ROLES.includes(r.role)).map((r) => Number(r.orgId)))];
}

type InboxRow = {
  id: number;
  org_id: number;
  org_name: string;
  kind: InboxKind;
  title: string;
  body: string | null;
  sender_org_name: string | null;
  document_id: number | null;
  request_id: number | null;
  link: string | null;
  created_at: Date | string;
  read_at: Date | string | null;
  read_by_name: string | null;
};

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

function present(r: InboxRow): InboxItemDto {
  return {
    id: Number(r.id),
    orgId: Number(r.org_id),
    orgName: r.org_name,
    kind: r.kind,
    title: r.title,
    body: r.body,
    senderOrgName: r.sender_org_name,
    documentId: r.document_id === null ? null : Number(r.document_id),
    requestId: r.request_id === null ? null : Number(r.request_id),
    link: r.link,
    createdAt: iso(r.created_at)!,
    readAt: iso(r.read_at),
    readByName: r.read_by_name,
    hasDocument: r.kind === 'DOCUMENT' && r.document_id !== null,
  };
}

export async function listInbox(db: DbOrTx, actor: AuthActor, f: { orgId?: number; kind?: InboxKind; unread?: boolean }, limit: number, offset: number) {
  let orgIds = inboxOrgIds(actor);
  if (f.orgId !== undefined) {
    if (!orgIds.includes(f.orgId)) throw notFound();
    orgIds = [f.orgId];
  }
  if (orgIds.length === 0) return { items: [] as InboxItemDto[], total: 0, unread: 0 };
  const base = sql`i.org_id = any(${sql.param(orgIds)}::bigint[])`;
  const where = sql.join(
    [base, ...(f.kind ? [sql`i.kind = ${f.kind}`] : []), ...(f.unread === true ? [sql`i.read_at is null`] : f.unread === false ? [sql`i.read_at is not null`] : [])],
    sql` and `,
  );
  const [rows, counts] = await Promise.all([
    db.execute<InboxRow>(sql`
      select i.id, i.org_id, o.name as org_name, i.kind, i.title, i.body, s.name as sender_org_name, i.document_id, i.request_id, i.link,
             i.created_at, i.read_at, u.display_name as read_by_name
      from inbox_item i join organisation o on o.id = i.org_id
        left join organisation s on s.id = i.sender_org_id left join app_user u on u.id = i.read_by
      where ${where} order by i.created_at desc, i.id desc limit ${limit} offset ${offset}`),
    db.execute<{ total: number; unread: number }>(sql`
      select count(*) filter (where ${where})::int as total, count(*) filter (where i.read_at is null)::int as unread
      from inbox_item i where ${base}`),
  ]);
  return { items: rows.rows.map(present), total: Number(counts.rows[0]!.total), unread: Number(counts.rows[0]!.unread) };
}

export async function inboxSummary(db: DbOrTx, actor: AuthActor): Promise<InboxSummary> {
  const byKind = { DOCUMENT: 0, REQUEST: 0, REMINDER: 0, NOTICE: 0 };
  const orgIds = inboxOrgIds(actor);
  if (orgIds.length === 0) return { unread: 0, byKind };
  const r = await db.execute<{ kind: InboxKind; n: number }>(sql`
    select kind, count(*)::int as n from inbox_item where org_id = any(${sql.param(orgIds)}::bigint[]) and read_at is null group by kind`);
  for (const x of r.rows) byKind[x.kind] = Number(x.n);
  return { unread: Object.values(byKind).reduce((a, b) => a + b, 0), byKind };
}

/** Loads an item of one of the actor's inboxes (404 otherwise). */
export async function findInboxItem(db: DbOrTx, actor: AuthActor, id: number): Promise<InboxRow> {
  const r = await db.execute<InboxRow>(sql`
    select i.id, i.org_id, o.name as org_name, i.kind, i.title, i.body, s.name as sender_org_name, i.document_id, i.request_id, i.link,
           i.created_at, i.read_at, u.display_name as read_by_name
    from inbox_item i join organisation o on o.id = i.org_id
      left join organisation s on s.id = i.sender_org_id left join app_user u on u.id = i.read_by
    where i.id = ${id}`);
  const item = r.rows[0];
  if (!item || !inboxOrgIds(actor).includes(Number(item.org_id))) throw notFound();
  return item;
}

/** Marks an item read; the first reader is the receipt (later reads change nothing). */
export async function markRead(app: AppContext, actor: AuthActor, id: number): Promise<InboxItemDto> {
  await app.db.transaction(async (tx) => {
    const item = await findInboxItem(tx, actor, id);
    const r = await tx.execute(sql`update inbox_item set read_at = now(), read_by = ${actor.userId} where id = ${id} and read_at is null`);
    if ((r.rowCount ?? 0) > 0) {
      await audit(tx, actor, [{ action: 'inbox.read', entityType: 'inbox_item', entityId: id, orgId: Number(item.org_id), after: { kind: item.kind, documentId: item.document_id, requestId: item.request_id } }]);
    }
  });
  return present(await findInboxItem(app.db, actor, id));
}

/**
 * Whether a document reached one of the actor's inboxes (as a document, a request or a reminder):
 * for the plan page, so that a recipient can open what it received (not wired yet — see docs/cascade.md).
 */
export async function receivedBy(db: DbOrTx, actor: AuthActor, documentId: number): Promise<boolean> {
  const orgIds = inboxOrgIds(actor);
  if (orgIds.length === 0) return false;
  const r = await db.execute(sql`
    select 1 from inbox_item i where i.document_id = ${documentId} and i.org_id = any(${sql.param(orgIds)}::bigint[]) limit 1`);
  return r.rows.length > 0;
}
