// The dossier (hồ sơ) of a nomination: uploaded files per checklist item, each version kept
// (a replacement supersedes, a withdrawal revokes with a reason), stored by lib/files.ts outside the
// web root. Also the opinions of related agencies asked by the appraising level.
import { sql } from 'drizzle-orm';
import type { AuthActor } from '../../lib/actor';
import type { DbOrTx } from '../../db/client';
import type { AppContext } from '../../lib/context';
import type { DocKind } from '../../../contracts/nominations';
import type { StoredFile } from '../../lib/files';
import { audit } from '../../lib/audit';
import { conflict, forbidden, notFound, validation } from '../../lib/errors';
import { todayInVietnam } from '../imports/xlsx';
import { addWorkingDays } from '../../../domain/nominations';
import { calendarUntil, findNominationRound } from './rounds.service';
import { actorUnitPath, isRecused, loadReadableNomination, managesUnit, nominationPolicy, recordEvent, type NominationRow } from './nominations.service';

export type DocumentRow = {
  id: number;
  nomination_id: number;
  kind: DocKind;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  stored_path: string;
  status: 'ACTIVE' | 'SUPERSEDED' | 'REVOKED';
};

/** Refuses before the bytes are received when the nomination cannot take a file. */
export async function checkDocumentTarget(db: DbOrTx, actor: AuthActor, nominationId: number): Promise<NominationRow> {
  const n = await loadReadableNomination(db, actor, nominationId);
  if (!nominationPolicy.edit(actor, n)) throw conflict('nominations.api.notEditable');
  return n;
}

export async function addDocument(app: AppContext, actor: AuthActor, nominationId: number, kind: DocKind, supersedesId: number | undefined, file: StoredFile): Promise<number> {
  return app.db.transaction(async (tx) => {
    const n = await loadReadableNomination(tx, actor, nominationId, true);
    if (!nominationPolicy.edit(actor, n)) throw conflict('nominations.api.notEditable');
    if (supersedesId !== undefined) {
      const old = await tx.execute<{ kind: string; status: string }>(sql`select kind, status from nomination_document where id = ${supersedesId} and nomination_id = ${nominationId} for update`);
      if (!old.rows[0] || old.rows[0].status !== 'ACTIVE') throw validation('nominations.api.supersedeInvalid', {}, { field: 'supersedesId' });
      if (old.rows[0].kind !== kind) throw validation('nominations.api.supersedeKind', {}, { field: 'kind' });
      await tx.execute(sql`update nomination_document set status = 'SUPERSEDED' where id = ${supersedesId}`);
    }
    const r = await tx.execute<{ id: number }>(sql`
      insert into nomination_document (nomination_id, kind, file_name, mime_type, size_bytes, sha256, stored_path, supersedes_id, uploaded_by)
      values (${nominationId}, ${kind}, ${file.fileName}, ${file.mimeType}, ${file.sizeBytes}, ${file.sha256}, ${file.key}, ${supersedesId ?? null}, ${actor.userId})
      returning id`);
    const id = Number(r.rows[0]!.id);
    await tx.execute(sql`update nomination set updated_at = now() where id = ${nominationId}`);
    await audit(tx, actor, [
      { action: 'nominations.document.add', entityType: 'nomination_document', entityId: id, orgId: Number(n.holder_org_id), after: { nominationId, kind, fileName: file.fileName, sha256: file.sha256, sizeBytes: file.sizeBytes, supersedesId: supersedesId ?? null } },
    ]);
    return id;
  });
}

export async function loadReadableDocument(db: DbOrTx, actor: AuthActor, id: number): Promise<{ document: DocumentRow; nomination: NominationRow }> {
  const r = await db.execute<DocumentRow>(sql`select id, nomination_id, kind, file_name, mime_type, size_bytes, sha256, stored_path, status from nomination_document where id = ${id}`);
  const document = r.rows[0];
  if (!document) throw notFound();
  const nomination = await loadReadableNomination(db, actor, Number(document.nomination_id));
  return { document, nomination };
}

export async function revokeDocument(app: AppContext, actor: AuthActor, id: number, reason: string): Promise<number> {
  return app.db.transaction(async (tx) => {
    const r = await tx.execute<DocumentRow>(sql`select id, nomination_id, kind, file_name, status from nomination_document where id = ${id} for update`);
    const d = r.rows[0];
    if (!d) throw notFound();
    const n = await loadReadableNomination(tx, actor, Number(d.nomination_id), true);
    // The role first (403), then the state (409).
    if (!managesUnit(actor, n.holder_path)) throw forbidden();
    if (!nominationPolicy.edit(actor, n)) throw conflict('nominations.api.notEditable');
    if (d.status !== 'ACTIVE') throw conflict('nominations.api.documentNotActive');
    await tx.execute(sql`update nomination_document set status = 'REVOKED', revoked_reason = ${reason}, revoked_at = now(), revoked_by = ${actor.userId} where id = ${id}`);
    await audit(tx, actor, [{ action: 'nominations.document.revoke', entityType: 'nomination_document', entityId: id, orgId: Number(n.holder_org_id), before: { status: 'ACTIVE' }, after: { status: 'REVOKED', reason } }]);
    return Number(d.nomination_id);
  });
}

// ── Opinions of related agencies ──────────────────────────────────────────────────────────────

/** The appraising level (holding the nomination above its proposer), not recused, asks an agency. */
export async function requestOpinion(app: AppContext, actor: AuthActor, nominationId: number, input: { agency: string; question: string; dueOn?: string }): Promise<number> {
  const n0 = await loadReadableNomination(app.db, actor, nominationId);
  const round = (await findNominationRound(app.db, Number(n0.round_id)))!;
  const today = todayInVietnam();
  let dueOn = input.dueOn;
  if (dueOn === undefined) dueOn = addWorkingDays(today, round.parameters.opinionWorkingDays ?? 10, await calendarUntil(app.db, actor, `${Number(today.slice(0, 4)) + 1}-12-31`));
  if (dueOn < today) throw validation('nominations.api.dueInPast', {}, { field: 'dueOn' });
  return app.db.transaction(async (tx) => {
    const n = await loadReadableNomination(tx, actor, nominationId, true);
    const appraising = (n.status === 'IN_REVIEW' || n.status === 'ACCEPTED') && n.holder_path !== n.proposer_path && managesUnit(actor, n.holder_path);
    if (!appraising) throw conflict('nominations.api.opinionNotAllowed');
    if (isRecused(actor, await actorUnitPath(tx, actor), n)) throw conflict('nominations.api.recused');
    const r = await tx.execute<{ id: number }>(sql`
      insert into opinion_request (nomination_id, org_id, agency, question, due_on, requested_by)
      values (${nominationId}, ${n.holder_org_id}, ${input.agency.normalize('NFC')}, ${input.question.normalize('NFC')}, ${dueOn}, ${actor.userId}) returning id`);
    const id = Number(r.rows[0]!.id);
    await recordEvent(tx, actor, nominationId, n.submission_id === null ? null : Number(n.submission_id), Number(n.holder_org_id), 'OPINION_REQUESTED', input.agency);
    await audit(tx, actor, [{ action: 'nominations.opinion.request', entityType: 'opinion_request', entityId: id, orgId: Number(n.holder_org_id), after: { nominationId, agency: input.agency, dueOn } }]);
    return id;
  });
}

/** Records the agency's answer (it arrives by letter; an officer of the asking organisation enters it). */
export async function answerOpinion(app: AppContext, actor: AuthActor, id: number, input: { outcome: 'AGREE' | 'OBJECT'; answer: string; answeredOn: string }): Promise<number> {
  if (input.answeredOn > todayInVietnam()) throw validation('nominations.api.answeredInFuture', {}, { field: 'answeredOn' });
  return app.db.transaction(async (tx) => {
    const r = await tx.execute<{ nomination_id: number; org_id: number; org_path: string; outcome: string | null; requested_on: string }>(sql`
      select q.nomination_id, q.org_id, o.path as org_path, q.outcome, (q.requested_at at time zone 'Asia/Ho_Chi_Minh')::date::text as requested_on
      from opinion_request q join organisation o on o.id = q.org_id where q.id = ${id} for update of q`);
    const q = r.rows[0];
    if (!q) throw notFound();
    await loadReadableNomination(tx, actor, Number(q.nomination_id));
    if (!managesUnit(actor, q.org_path)) throw notFound();
    if (q.outcome !== null) throw conflict('nominations.api.opinionAnswered');
    if (input.answeredOn < q.requested_on) throw validation('nominations.api.answeredBeforeRequest', {}, { field: 'answeredOn' });
    await tx.execute(sql`update opinion_request set outcome = ${input.outcome}, answer = ${input.answer.normalize('NFC')}, answered_on = ${input.answeredOn}, recorded_by = ${actor.userId} where id = ${id}`);
    await recordEvent(tx, actor, Number(q.nomination_id), null, Number(q.org_id), input.outcome === 'AGREE' ? 'OPINION_AGREE' : 'OPINION_OBJECT', input.answer);
    await audit(tx, actor, [{ action: 'nominations.opinion.answer', entityType: 'opinion_request', entityId: id, orgId: Number(q.org_id), after: { outcome: input.outcome, answeredOn: input.answeredOn } }]);
    return Number(q.nomination_id);
  });
}
