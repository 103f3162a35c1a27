// The outgoing register (sổ văn bản đi) of the organisations in scope, the deliveries of a document
// with their read receipts, and the documents an organisation publishes on its public pages.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { DeliveryDto, OutgoingDocumentDto, PublicDocumentDto } from '../../../contracts/cascade';

type OutgoingRow = {
  id: number;
  org_id: number;
  org_name: string;
  org_path: string;
  org_status: string;
  year: number;
  doc_type: string;
  number: number;
  symbol: string;
  issued_on: string;
  title: string;
  entity_type: string;
  entity_id: number;
  published_at: Date | string | null;
  archived: boolean;
  deliveries: number;
  read: number;
};

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());
const numberSymbol = (n: number, symbol: string) => `${String(n).padStart(2, '0')}/${symbol}`;
const entityLink = (type: string, id: number) => (type === 'plan' ? `/ke-hoach/${id}` : type === 'movement' ? `/phong-trao/${id}` : null);

const SELECT_OUTGOING = sql`
  select d.id, d.org_id, o.name as org_name, o.path as org_path, o.status as org_status, d.year, d.doc_type, d.number, d.symbol, d.issued_on, d.title,
         d.entity_type, d.entity_id, d.published_at, d.archive_docx is not null as archived,
         (select count(*) from inbox_item i where i.document_id = d.id and i.kind = 'DOCUMENT')::int as deliveries,
         (select count(*) from inbox_item i where i.document_id = d.id and i.kind = 'DOCUMENT' and i.read_at is not null)::int as read
  from outgoing_document d join organisation o on o.id = d.org_id`;

function present(r: OutgoingRow): OutgoingDocumentDto {
  return {
    id: Number(r.id),
    orgId: Number(r.org_id),
    orgName: r.org_name,
    year: Number(r.year),
    docType: r.doc_type,
    number: Number(r.number),
    symbol: r.symbol,
    numberSymbol: numberSymbol(Number(r.number), r.symbol),
    issuedOn: r.issued_on,
    title: r.title,
    entityType: r.entity_type,
    entityId: Number(r.entity_id),
    link: entityLink(r.entity_type, Number(r.entity_id)),
    publishedAt: iso(r.published_at),
    archived: Boolean(r.archived),
    deliveries: Number(r.deliveries),
    read: Number(r.read),
  };
}

export async function findOutgoing(db: DbOrTx, id: number): Promise<OutgoingRow | null> {
  const r = await db.execute<OutgoingRow>(sql`${SELECT_OUTGOING} where d.id = ${id}`);
  return r.rows[0] ?? null;
}

export interface OutgoingFilter {
  paths: string[];
  year?: number;
  docType?: string;
}

function whereOf(f: OutgoingFilter) {
  return sql.join(
    [
      sql`(${sql.join(f.paths.map((p) => sql`o.path like ${`${p}%`}`), sql` or `)})`,
      ...(f.year !== undefined ? [sql`d.year = ${f.year}`] : []),
      ...(f.docType !== undefined ? [sql`d.doc_type = ${f.docType}`] : []),
    ],
    sql` and `,
  );
}

/** The register, newest first (limit null = the whole filtered register, for the export). */
export async function listOutgoing(db: DbOrTx, f: OutgoingFilter, limit: number | null, offset: number): Promise<{ items: OutgoingDocumentDto[]; total: number }> {
  if (f.paths.length === 0) return { items: [], total: 0 };
  const where = whereOf(f);
  const [rows, total] = await Promise.all([
    db.execute<OutgoingRow>(sql`${SELECT_OUTGOING} where ${where}
      order by d.issued_on desc, d.org_id, d.doc_type, d.number desc ${limit === null ? sql`` : sql`limit ${limit}`} offset ${offset}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from outgoing_document d join organisation o on o.id = d.org_id where ${where}`),
  ]);
  return { items: rows.rows.map(present), total: Number(total.rows[0]!.n) };
}

export function presentOutgoing(r: OutgoingRow): OutgoingDocumentDto {
  return present(r);
}

export async function listDeliveries(db: DbOrTx, documentId: number): Promise<{ items: DeliveryDto[]; total: number; read: number }> {
  const r = await db.execute<{ id: number; org_id: number; org_name: string; created_at: Date; read_at: Date | null; read_by_name: string | null }>(sql`
    select i.id, i.org_id, o.name as org_name, i.created_at, i.read_at, u.display_name as read_by_name
    from inbox_item i join organisation o on o.id = i.org_id left join app_user u on u.id = i.read_by
    where i.document_id = ${documentId} and i.kind = 'DOCUMENT'
    order by o.name collate "vi-x-icu", o.id`);
  const items = r.rows.map((x) => ({
    inboxItemId: Number(x.id),
    orgId: Number(x.org_id),
    orgName: x.org_name,
    deliveredAt: iso(x.created_at)!,
    readAt: iso(x.read_at),
    readByName: x.read_by_name,
  }));
  return { items, total: items.length, read: items.filter((x) => x.readAt !== null).length };
}

/** Published documents of an active organisation (by code): no personal data, no login. */
export async function listPublished(db: DbOrTx, code: string, limit: number, offset: number) {
  const org = await db.execute<{ id: number; code: string; name: string }>(sql`select id, code, name from organisation where code = ${code} and status = 'ACTIVE'`);
  const o = org.rows[0];
  if (!o) return null;
  const [rows, total] = await Promise.all([
    db.execute<{ id: number; number: number; symbol: string; issued_on: string; title: string; published_at: Date; archived: boolean; revoked: boolean }>(sql`
      select d.id, d.number, d.symbol, d.issued_on, d.title, d.published_at, d.archive_docx is not null as archived,
             exists (select 1 from decision x where x.document_id = d.id and x.status = 'REVOKED') as revoked
      from outgoing_document d where d.org_id = ${o.id} and d.published_at is not null
      order by d.issued_on desc, d.id desc limit ${limit} offset ${offset}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from outgoing_document d where d.org_id = ${o.id} and d.published_at is not null`),
  ]);
  const items: PublicDocumentDto[] = rows.rows.map((d) => ({
    id: Number(d.id),
    numberSymbol: numberSymbol(Number(d.number), d.symbol),
    issuedOn: d.issued_on,
    title: d.title,
    publishedAt: iso(d.published_at)!,
    hasDocument: Boolean(d.archived),
    revoked: Boolean(d.revoked),
  }));
  return { org: { code: o.code, name: o.name }, items, total: Number(total.rows[0]!.n) };
}

/** The archive copy of a document (null when none was kept). */
export async function archiveCopy(db: DbOrTx, documentId: number, publishedOnly: boolean) {
  const r = await db.execute<{ archive_docx: Buffer | null; number: number; year: number; doc_type: string }>(sql`
    select archive_docx, number, year, doc_type from outgoing_document
    where id = ${documentId} and archive_docx is not null ${publishedOnly ? sql`and published_at is not null` : sql``}`);
  const d = r.rows[0];
  if (!d || !d.archive_docx) return null;
  return { bytes: Buffer.from(d.archive_docx), name: `${d.doc_type.toLowerCase()}-${String(d.number).padStart(2, '0')}-${d.year}.docx` };
}
