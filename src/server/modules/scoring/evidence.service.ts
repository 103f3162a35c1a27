// Evidence files of a score sheet: the unit attaches files per criterion while it may still write
// its self-score; readers of the sheet (the unit, the verifier above it) list and download them.
// A replacement supersedes the earlier file and a withdrawal revokes it with a reason; neither the
// rows nor the stored bytes are ever deleted.
import { sql } from 'drizzle-orm';
import type { AuthActor } from '../../lib/actor';
import type { DbOrTx } from '../../db/client';
import type { AppContext } from '../../lib/context';
import { audit } from '../../lib/audit';
import { conflict, notFound, validation } from '../../lib/errors';
import { todayInVietnam } from '../imports/xlsx';
import { applicableCriteria } from '../../../domain/scoring';
import type { StoredFile } from '../../lib/files';
import type { EvidenceDto } from '../../../contracts/scoring-evidence';
import { loadReadableSheet, sheetPolicy, type SheetRow } from './sheets.service';

type EvidenceRow = {
  id: number;
  sheet_id: number;
  criterion_code: string;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  stored_path: string;
  status: EvidenceDto['status'];
  revoked_reason: string | null;
  revoked_at: string | null;
  supersedes_id: number | null;
  uploaded_by_name: string | null;
  uploaded_at: string;
};

const SELECT_EVIDENCE = sql`
  select e.id, e.sheet_id, e.criterion_code, e.file_name, e.mime_type, e.size_bytes, e.sha256, e.stored_path, e.status, e.revoked_reason,
         to_json(e.revoked_at)#>>'{}' as revoked_at, e.supersedes_id, u.display_name as uploaded_by_name, to_json(e.uploaded_at)#>>'{}' as uploaded_at
  from score_evidence e left join app_user u on u.id = e.uploaded_by`;

/** The sheet is still the unit's to change: its self-score is open and the actor writes it. */
export function evidenceWritable(a: AuthActor, s: SheetRow): boolean {
  const open = s.round_status === 'OPEN' && (s.status === 'RETURNED' || (s.status === 'DRAFT' && todayInVietnam() <= s.deadline));
  return open && sheetPolicy.selfScore(a, s);
}

export function presentEvidence(a: AuthActor, s: SheetRow, e: EvidenceRow): EvidenceDto {
  return {
    id: Number(e.id),
    sheetId: Number(e.sheet_id),
    criterionCode: e.criterion_code,
    fileName: e.file_name,
    mimeType: e.mime_type,
    sizeBytes: Number(e.size_bytes),
    sha256: e.sha256,
    status: e.status,
    revokedReason: e.revoked_reason,
    revokedAt: e.revoked_at,
    supersedesId: e.supersedes_id === null ? null : Number(e.supersedes_id),
    uploadedByName: e.uploaded_by_name,
    uploadedAt: e.uploaded_at,
    abilities: e.status === 'ACTIVE' && evidenceWritable(a, s) ? ['evidence.revoke'] : [],
  };
}

export async function listEvidence(db: DbOrTx, sheetId: number, includeInactive: boolean): Promise<EvidenceRow[]> {
  const r = await db.execute<EvidenceRow>(sql`
    ${SELECT_EVIDENCE} where e.sheet_id = ${sheetId} ${includeInactive ? sql`` : sql`and e.status = 'ACTIVE'`}
    order by e.criterion_code, e.uploaded_at, e.id`);
  return r.rows;
}

async function findEvidence(db: DbOrTx, id: number, forUpdate = false): Promise<EvidenceRow | null> {
  const r = await db.execute<EvidenceRow>(sql`${SELECT_EVIDENCE} where e.id = ${id} ${forUpdate ? sql`for update of e` : sql``}`);
  return r.rows[0] ?? null;
}

/** An evidence row and its sheet, both readable by the actor (404 otherwise). */
export async function loadReadableEvidence(db: DbOrTx, actor: AuthActor, id: number, forUpdate = false) {
  const e = await findEvidence(db, id, forUpdate);
  if (!e) throw notFound();
  const sheet = await loadReadableSheet(db, actor, Number(e.sheet_id), forUpdate);
  return { evidence: e, sheet };
}

/** Checks before the bytes are received: the sheet exists for the actor, is writable, and has the criterion. */
export async function checkUploadTarget(db: DbOrTx, actor: AuthActor, sheetId: number, criterionCode: string): Promise<SheetRow> {
  const s = await loadReadableSheet(db, actor, sheetId);
  if (!sheetPolicy.selfScore(actor, s)) throw notFound();
  if (!evidenceWritable(actor, s)) throw conflict('scoring.evidence.locked');
  const codes = applicableCriteria(s.structure, s.variant).map((c) => c.criterion.code);
  if (!codes.includes(criterionCode)) throw validation('scoring.evidence.unknownCriterion', { criterion: criterionCode }, { field: 'criterionCode' });
  return s;
}

/** Records a stored upload against the sheet (re-checked under the sheet's lock), superseding an earlier file if asked. */
export async function addEvidence(app: AppContext, actor: AuthActor, sheetId: number, criterionCode: string, supersedesId: number | undefined, file: StoredFile): Promise<number> {
  return app.db.transaction(async (tx) => {
    await tx.execute(sql`select id from score_sheet where id = ${sheetId} for update`);
    const s = await checkUploadTarget(tx, actor, sheetId, criterionCode);
    let replaced: EvidenceRow | null = null;
    if (supersedesId !== undefined) {
      replaced = await findEvidence(tx, supersedesId, true);
      if (!replaced || Number(replaced.sheet_id) !== sheetId || replaced.criterion_code !== criterionCode) throw validation('scoring.evidence.supersedesOther', {}, { field: 'supersedesId' });
      if (replaced.status !== 'ACTIVE') throw conflict('scoring.evidence.notActive');
    }
    const inserted = await tx.execute<{ id: number }>(sql`
      insert into score_evidence (sheet_id, criterion_code, file_name, mime_type, size_bytes, sha256, stored_path, supersedes_id, uploaded_by)
      values (${sheetId}, ${criterionCode}, ${file.fileName}, ${file.mimeType}, ${file.sizeBytes}, ${file.sha256}, ${file.key}, ${supersedesId ?? null}, ${actor.userId})
      returning id`);
    const id = Number(inserted.rows[0]!.id);
    if (replaced) {
      await tx.execute(sql`update score_evidence set status = 'SUPERSEDED', revoked_at = now(), revoked_by = ${actor.userId} where id = ${replaced.id}`);
    }
    await audit(tx, actor, [
      {
        action: 'scoring.evidence.upload', entityType: 'score_evidence', entityId: id, orgId: s.org_id === null ? null : Number(s.org_id),
        after: { sheetId, criterionCode, fileName: file.fileName, mimeType: file.mimeType, sizeBytes: file.sizeBytes, sha256: file.sha256, supersedesId: supersedesId ?? null },
      },
      ...(replaced
        ? [{ action: 'scoring.evidence.supersede', entityType: 'score_evidence', entityId: Number(replaced.id), orgId: s.org_id === null ? null : Number(s.org_id), before: { status: 'ACTIVE' }, after: { status: 'SUPERSEDED', by: id } }]
        : []),
    ]);
    return id;
  });
}

export async function revokeEvidence(app: AppContext, actor: AuthActor, id: number, reason: string): Promise<void> {
  await app.db.transaction(async (tx) => {
    const { evidence, sheet } = await loadReadableEvidence(tx, actor, id, true);
    if (!sheetPolicy.selfScore(actor, sheet)) throw notFound();
    if (!evidenceWritable(actor, sheet)) throw conflict('scoring.evidence.locked');
    if (evidence.status !== 'ACTIVE') throw conflict('scoring.evidence.notActive');
    await tx.execute(sql`update score_evidence set status = 'REVOKED', revoked_reason = ${reason.normalize('NFC')}, revoked_at = now(), revoked_by = ${actor.userId} where id = ${id}`);
    await audit(tx, actor, [
      { action: 'scoring.evidence.revoke', entityType: 'score_evidence', entityId: id, orgId: sheet.org_id === null ? null : Number(sheet.org_id), before: { status: 'ACTIVE' }, after: { status: 'REVOKED', reason } },
    ]);
  });
}
