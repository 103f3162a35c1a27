// The signed scan of a decision (bản có chữ ký, đóng dấu): once a decision is signed, its managers
// attach the scan of the paper copy (PDF, JPEG or PNG by content). A new upload supersedes the
// previous one; no scan row or stored file is ever deleted, and every version stays downloadable.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import type { StoredFile } from '../../lib/files';
import { audit } from '../../lib/audit';
import { conflict, forbidden, notFound } from '../../lib/errors';
import { managesCouncilOrg, readsCouncilOrg } from '../councils/councils.service';
import { loadReadableDecision, type DecisionRow } from './decisions.service';
import { SELECT_SCAN, type ScanRow } from './scan-rows';

/** Kinds a scan may be: a scanner gives PDF or an image, never an editable document. */
export const SCAN_KINDS = ['pdf', 'jpeg', 'png'] as const;

/** A signed (or later revoked) decision the actor manages: checked before the bytes are received. */
export async function checkScanTarget(db: DbOrTx, actor: AuthActor, decisionId: number, forUpdate = false): Promise<DecisionRow> {
  const d = await loadReadableDecision(db, actor, decisionId, forUpdate);
  if (!managesCouncilOrg(actor, d.org_path)) throw forbidden();
  if (d.status === 'DRAFT') throw conflict('decisions.api.scanDraft');
  return d;
}

/** Records a stored scan; the active one before it becomes SUPERSEDED. */
export async function attachScan(app: AppContext, actor: AuthActor, decisionId: number, file: StoredFile): Promise<number> {
  return app.db.transaction(async (tx) => {
    const d = await checkScanTarget(tx, actor, decisionId, true);
    const previous = await tx.execute<{ id: number }>(sql`
      update decision_scan set status = 'SUPERSEDED', revoked_at = now(), revoked_by = ${actor.userId}
      where decision_id = ${decisionId} and status = 'ACTIVE' returning id`);
    const supersedes = previous.rows[0] ? Number(previous.rows[0].id) : null;
    const inserted = await tx.execute<{ id: number }>(sql`
      insert into decision_scan (decision_id, file_name, mime_type, size_bytes, sha256, stored_path, supersedes_id, uploaded_by)
      values (${decisionId}, ${file.fileName}, ${file.mimeType}, ${file.sizeBytes}, ${file.sha256}, ${file.key}, ${supersedes}, ${actor.userId})
      returning id`);
    const id = Number(inserted.rows[0]!.id);
    await audit(tx, actor, [
      {
        action: 'decision.scan.attach', entityType: 'decision', entityId: decisionId, orgId: d.org_id,
        after: { scanId: id, fileName: file.fileName, mimeType: file.mimeType, sizeBytes: file.sizeBytes, sha256: file.sha256, supersedes },
      },
    ]);
    return id;
  });
}

/** A scan readable by the actor (readers of its decision); 404 otherwise. */
export async function loadReadableScan(db: DbOrTx, actor: AuthActor, scanId: number): Promise<ScanRow> {
  const r = await db.execute<ScanRow & { org_path: string }>(sql`
    select q.*, d.org_path from (${SELECT_SCAN} where s.id = ${scanId}) q join decision d on d.id = q.decision_id`);
  const s = r.rows[0];
  if (!s || !readsCouncilOrg(actor, s.org_path)) throw notFound();
  return s;
}
