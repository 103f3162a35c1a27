// Documents of a complaint's handling (the acceptance notice, the resolution decision, minutes of
// dialogue, the verification report, others): uploaded by those who handle the complaint, read by
// every reader in scope who may see the complaint, withdrawn with a reason (the file and its record
// are kept). Every change is an event in the complaint's history and an audit event.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import type { StoredFile } from '../../lib/files';
import type { ComplaintDocumentType } from '../../../contracts/complaints';
import { conflict, forbidden, notFound } from '../../lib/errors';
import { managesCouncilOrg, readsCouncilOrg } from '../councils/councils.service';
import { event, loadReadable } from './complaints.service';

/** Refuses before the bytes are received when the actor may not attach documents to the complaint (404 outside scope, 403 for readers). */
export async function checkDocumentTarget(db: DbOrTx, actor: AuthActor, complaintId: number): Promise<void> {
  const c = await loadReadable(db, actor, complaintId);
  if (!managesCouncilOrg(actor, c.org_path)) throw forbidden();
}

export async function addComplaintDocument(app: AppContext, actor: AuthActor, complaintId: number, fields: { docType: ComplaintDocumentType; title: string }, stored: StoredFile): Promise<number> {
  return app.db.transaction(async (tx) => {
    const c = await loadReadable(tx, actor, complaintId, true);
    if (!managesCouncilOrg(actor, c.org_path)) throw forbidden();
    const r = await tx.execute<{ id: number }>(sql`
      insert into complaint_document (complaint_id, doc_type, title, file_name, mime_type, size_bytes, sha256, stored_path, uploaded_by)
      values (${complaintId}, ${fields.docType}, ${fields.title.normalize('NFC')}, ${stored.fileName}, ${stored.mimeType}, ${stored.sizeBytes}, ${stored.sha256}, ${stored.key}, ${actor.userId})
      returning id`);
    const id = Number(r.rows[0]!.id);
    await event(tx, actor, c, 'document', fields.title.normalize('NFC'), { documentId: id, docType: fields.docType, fileName: stored.fileName, sha256: stored.sha256 });
    return id;
  });
}

type DocumentRow = { id: number; complaint_id: number; status: string; file_name: string; mime_type: string; size_bytes: number; stored_path: string; org_path: string; org_id: number };

/** A document of a complaint the actor may read (404 otherwise). */
export async function loadReadableDocument(db: DbOrTx, actor: AuthActor, id: number, forUpdate = false): Promise<DocumentRow> {
  const r = await db.execute<DocumentRow>(sql`
    select d.id, d.complaint_id, d.status, d.file_name, d.mime_type, d.size_bytes, d.stored_path, c.org_path, c.org_id
    from complaint_document d join complaint c on c.id = d.complaint_id where d.id = ${id} ${forUpdate ? sql`for update of d` : sql``}`);
  const d = r.rows[0];
  if (!d || !readsCouncilOrg(actor, d.org_path)) throw notFound();
  return d;
}

export async function revokeComplaintDocument(app: AppContext, actor: AuthActor, id: number, reason: string): Promise<number> {
  return app.db.transaction(async (tx) => {
    const d = await loadReadableDocument(tx, actor, id, true);
    if (!managesCouncilOrg(actor, d.org_path)) throw forbidden();
    if (d.status !== 'ACTIVE') throw conflict('complaints.api.documentRevoked');
    const text = reason.normalize('NFC');
    await tx.execute(sql`update complaint_document set status = 'REVOKED', revoked_reason = ${text}, revoked_at = now(), revoked_by = ${actor.userId} where id = ${id}`);
    await event(tx, actor, { id: Number(d.complaint_id), org_id: Number(d.org_id) }, 'revokeDocument', text, { documentId: Number(d.id) });
    return Number(d.complaint_id);
  });
}
