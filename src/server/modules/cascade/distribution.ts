// Distribution of an issued document to its recipients (Nơi nhận), in the issuing transaction:
// units in Vinh Danh get it in their inbox, the website recipient publishes it on the issuer's
// public pages, and "Lưu: VP" keeps the archive copy (DOCX bytes and their SHA-256).
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import type { RecipientKind } from '../../../contracts/plans';
import { DEFAULT_TARGET_KINDS } from './requests.service';

export interface DistributedRecipient {
  orgId: number | null;
  kind: RecipientKind;
}

export interface Distribution {
  documentId: number;
  issuer: { id: number; path: string };
  title: string;
  /** "Số 05/KH-LĐLĐ ngày 05/03/2024 của Liên đoàn Lao động huyện DMC". */
  body: string;
  link: string;
  recipients: readonly DistributedRecipient[];
  /** Renders the archive copy; called only when "Lưu" is among the recipients. */
  renderArchive: () => Promise<Buffer>;
}

/** How a recipient is delivered: a unit given with kind OTHER counts as ORG. */
export function effectiveKind(r: DistributedRecipient): RecipientKind {
  return r.kind === 'OTHER' && r.orgId !== null ? 'ORG' : r.kind;
}

export interface DistributionResult {
  delivered: number;
  published: boolean;
  archived: boolean;
}

/** One inbox item per receiving unit (set-based; a unit named twice receives once), publication, archive. */
export async function distributeDocument(tx: Tx, d: Distribution): Promise<DistributionResult> {
  const kinds = d.recipients.map(effectiveKind);
  const orgIds = [...new Set(d.recipients.filter((r, i) => kinds[i] === 'ORG' && r.orgId !== null).map((r) => r.orgId!))].filter((id) => id !== d.issuer.id);
  const subordinates = kinds.includes('SUBORDINATES');
  let delivered = 0;
  if (orgIds.length > 0 || subordinates) {
    const r = await tx.execute(sql`
      insert into inbox_item (org_id, kind, title, body, sender_org_id, document_id, link)
      select o.id, 'DOCUMENT', ${d.title}, ${d.body}, ${d.issuer.id}, ${d.documentId}, ${d.link}
      from organisation o
      where o.status = 'ACTIVE' and o.id <> ${d.issuer.id}
        and (o.id = any(${sql.param(orgIds)}::bigint[])
             ${subordinates ? sql`or (o.path like ${`${d.issuer.path}%`} and o.kind = any(${sql.param([...DEFAULT_TARGET_KINDS])}::text[]))` : sql``})
      on conflict (document_id, org_id) where kind = 'DOCUMENT' do nothing`);
    delivered = r.rowCount ?? 0;
  }
  const published = kinds.includes('WEBSITE');
  const archived = kinds.includes('ARCHIVE');
  let archive: Buffer | null = null;
  if (archived) archive = await d.renderArchive();
  if (published || archive) {
    await tx.execute(sql`
      update outgoing_document set
        published_at = ${published ? sql`now()` : sql`published_at`},
        archive_docx = ${archive ? sql`${archive}` : sql`archive_docx`},
        archive_sha256 = ${archive ? createHash('sha256').update(archive).digest('hex') : sql`archive_sha256`}
      where id = ${d.documentId}`);
  }
  return { delivered, published, archived };
}
