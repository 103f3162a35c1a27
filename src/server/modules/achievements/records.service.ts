// Use cases that keep records: add, revoke, supersede (correct), close a pending case. Nothing is
// deleted; every change and its audit event share one transaction.
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx, Tx } from '../../db/client';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { conflict, notFound, validation } from '../../lib/errors';
import type { closePendingCaseInput, CreateRecordInput, revokeRecordInput, SupersedeRecordInput } from '../../../contracts/achievements';
import type { AwardCategory, AwardSubject, RecordKind } from '../../../contracts/enums';
import { RECORD_KIND_SPECS } from './record-kinds';
import { findRecord, insertRecord, type RecordRow } from './records.repository';
import { authorizeWrite, type RecordSubject } from './records.policy';
import { pgErrorOf, recordProblems, uniqueViolationKey, type CatalogueEntry } from './record-rules';

export async function loadPersonSubject(db: DbOrTx, personId: number, forUpdate = false): Promise<RecordSubject | null> {
  const r = await db.execute<{ id: number; org_id: number | null; org_path: string | null; status: string }>(
    sql`select id, org_id, org_path, status from person where id = ${personId} ${forUpdate ? sql`for share` : sql``}`,
  );
  const p = r.rows[0];
  return p ? { type: 'PERSON', personId: Number(p.id), orgId: p.org_id === null ? null : Number(p.org_id), path: p.org_path, status: p.status } : null;
}

export async function loadUnitSubject(db: DbOrTx, orgId: number, forUpdate = false): Promise<RecordSubject | null> {
  const r = await db.execute<{ id: number; path: string; status: string }>(
    sql`select id, path, status from organisation where id = ${orgId} ${forUpdate ? sql`for share` : sql``}`,
  );
  const o = r.rows[0];
  return o ? { type: 'UNIT', orgId: Number(o.id), path: o.path, status: o.status } : null;
}

export async function subjectOfRecord(db: DbOrTx, row: Pick<RecordRow, 'person_id' | 'org_id'>): Promise<RecordSubject | null> {
  return row.person_id !== null ? loadPersonSubject(db, Number(row.person_id)) : loadUnitSubject(db, Number(row.org_id));
}

export async function loadCatalogue(db: DbOrTx, codes: string[]): Promise<Map<string, CatalogueEntry>> {
  if (codes.length === 0) return new Map();
  const r = await db.execute<{ code: string; name_vi: string; active: boolean; subject: AwardSubject; category: AwardCategory }>(
    sql`select code, name_vi, active, subject, category from award_type where code = any(${sql.param([...new Set(codes)])}::text[])`,
  );
  return new Map(r.rows.map((a) => [a.code, { nameVi: a.name_vi, active: a.active, subject: a.subject, category: a.category }]));
}

const nfc = (v: unknown) => (typeof v === 'string' ? v.normalize('NFC') : v);

/** The kind's own values of an input, NFC-normalised, without `kind`, `note`, `reason`. */
export function valuesOf(kind: RecordKind, input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(RECORD_KIND_SPECS[kind].columns.map((c) => [c.key, nfc(input[c.key]) ?? null]));
}

async function checkValues(tx: Tx, subject: RecordSubject, kind: RecordKind, values: Record<string, unknown>) {
  const codes = typeof values.awardCode === 'string' ? [values.awardCode] : [];
  const problems = recordProblems(kind, values, subject.type, await loadCatalogue(tx, codes));
  const first = problems[0];
  if (first) throw validation(first.key, first.params, { field: first.field });
  if (values.issuerOrgId != null) {
    const issuer = await tx.execute(sql`select 1 from organisation where id = ${Number(values.issuerOrgId)}`);
    if (!issuer.rows.length) throw validation('record.issuerUnknown', {}, { field: 'issuerOrgId' });
  }
}

/** Runs an insert, turning a unique-index violation into a CONFLICT the user can act on. */
async function insertChecked(tx: Tx, kind: RecordKind, rec: Parameters<typeof insertRecord>[2]): Promise<number> {
  try {
    return await insertRecord(tx, kind, rec);
  } catch (err) {
    const pg = pgErrorOf(err);
    const key = pg.code === '23505' ? uniqueViolationKey(pg.constraint) : null;
    if (!key) throw err;
    const names = key === 'record.registrationExists' ? await loadCatalogue(tx, [String(rec.values.awardCode)]).catch(() => new Map<string, CatalogueEntry>()) : new Map<string, CatalogueEntry>();
    throw conflict(key, { year: Number(rec.values.year), name: names.get(String(rec.values.awardCode))?.nameVi ?? String(rec.values.awardCode ?? '') });
  }
}

const subjectColumns = (s: RecordSubject) => ({
  personId: s.type === 'PERSON' ? s.personId : null,
  orgId: s.type === 'UNIT' ? s.orgId : null,
});

function snapshot(kind: RecordKind, r: RecordRow) {
  const values = Object.fromEntries(RECORD_KIND_SPECS[kind].columns.map((c) => [c.key, r[c.key] ?? null]));
  return { kind, personId: r.person_id === null ? null : Number(r.person_id), orgId: r.org_id === null ? null : Number(r.org_id), status: r.status, source: r.source, note: r.note, ...values };
}

const auditOrg = (s: RecordSubject) => s.orgId;

export async function createRecord(app: AppContext, actor: AuthActor, subjectRef: { personId: number } | { orgId: number }, input: CreateRecordInput): Promise<{ kind: RecordKind; id: number }> {
  return app.db.transaction(async (tx) => {
    const subject = 'personId' in subjectRef ? await loadPersonSubject(tx, subjectRef.personId, true) : await loadUnitSubject(tx, subjectRef.orgId, true);
    if (!subject) throw notFound();
    authorizeWrite(actor, subject);
    if (subject.path === null) throw validation('record.personWithoutUnit');
    const values = valuesOf(input.kind, input);
    await checkValues(tx, subject, input.kind, values);
    const id = await insertChecked(tx, input.kind, {
      ...subjectColumns(subject), scopePath: subject.path, source: 'MANUAL', note: (nfc(input.note) as string | null | undefined) ?? null, createdBy: actor.userId, values,
    });
    const created = (await findRecord(tx, input.kind, id))!;
    await audit(tx, actor, [{ action: 'record.create', entityType: RECORD_KIND_SPECS[input.kind].table, entityId: id, orgId: auditOrg(subject), after: snapshot(input.kind, created) }]);
    return { kind: input.kind, id };
  });
}

/** An active record the actor may change, locked for the transaction, with its subject. */
async function loadManaged(tx: Tx, actor: AuthActor, kind: RecordKind, id: number) {
  const row = await findRecord(tx, kind, id, true);
  if (!row) throw notFound();
  const subject = await subjectOfRecord(tx, row);
  if (!subject) throw notFound();
  authorizeWrite(actor, subject);
  if (row.status !== 'ACTIVE') throw conflict('record.notActive');
  return { row, subject };
}

export async function revokeRecord(app: AppContext, actor: AuthActor, kind: RecordKind, id: number, input: z.infer<typeof revokeRecordInput>) {
  return app.db.transaction(async (tx) => {
    const { row, subject } = await loadManaged(tx, actor, kind, id);
    const reason = input.reason.normalize('NFC');
    await tx.execute(sql`update ${sql.raw(RECORD_KIND_SPECS[kind].table)} set status = 'REVOKED', revoked_at = now(), revoked_reason = ${reason} where id = ${id}`);
    const after = (await findRecord(tx, kind, id))!;
    await audit(tx, actor, [{ action: 'record.revoke', entityType: RECORD_KIND_SPECS[kind].table, entityId: id, orgId: auditOrg(subject), before: snapshot(kind, row), after: { ...snapshot(kind, after), reason } }]);
  });
}

/** Corrects a record: the corrected row is inserted and the old one kept as SUPERSEDED, linked to it. */
export async function supersedeRecord(app: AppContext, actor: AuthActor, kind: RecordKind, id: number, input: SupersedeRecordInput): Promise<number> {
  if (input.kind !== kind) throw validation('record.kindMismatch', {}, { field: 'kind' });
  return app.db.transaction(async (tx) => {
    const { row, subject } = await loadManaged(tx, actor, kind, id);
    if (subject.path === null) throw validation('record.personWithoutUnit');
    const values = valuesOf(kind, input);
    await checkValues(tx, subject, kind, values);
    const table = sql.raw(RECORD_KIND_SPECS[kind].table);
    const reason = String((input as { reason: string }).reason).normalize('NFC');
    // The old row leaves the "one active per year" indexes before its correction arrives.
    await tx.execute(sql`update ${table} set status = 'SUPERSEDED', revoked_reason = ${reason} where id = ${id}`);
    const newId = await insertChecked(tx, kind, {
      ...subjectColumns(subject), scopePath: subject.path, source: 'MANUAL', note: (nfc(input.note) as string | null | undefined) ?? null, createdBy: actor.userId, values,
    });
    await tx.execute(sql`update ${table} set superseded_by = ${newId} where id = ${id}`);
    const [old, created] = await Promise.all([findRecord(tx, kind, id), findRecord(tx, kind, newId)]);
    await audit(tx, actor, [
      { action: 'record.supersede', entityType: RECORD_KIND_SPECS[kind].table, entityId: id, orgId: auditOrg(subject), before: snapshot(kind, row), after: { ...snapshot(kind, old!), supersededBy: newId, reason } },
      { action: 'record.create', entityType: RECORD_KIND_SPECS[kind].table, entityId: newId, orgId: auditOrg(subject), after: { ...snapshot(kind, created!), supersedes: id } },
    ]);
    return newId;
  });
}

export async function closePendingCase(app: AppContext, actor: AuthActor, id: number, input: z.infer<typeof closePendingCaseInput>) {
  return app.db.transaction(async (tx) => {
    const { row, subject } = await loadManaged(tx, actor, 'PENDING_CASE', id);
    if (row.closedOn) throw conflict('record.caseClosed');
    const openedOn = String(row.openedOn);
    if (input.closedOn < openedOn) throw validation('record.closeBeforeOpen', { date: openedOn.split('-').reverse().join('/') }, { field: 'closedOn' });
    const problems = recordProblems('PENDING_CASE', { closedOn: input.closedOn }, subject.type, new Map());
    if (problems[0]) throw validation(problems[0].key, problems[0].params, { field: 'closedOn' });
    await tx.execute(sql`update pending_case set closed_on = ${input.closedOn} where id = ${id}`);
    const after = (await findRecord(tx, 'PENDING_CASE', id))!;
    const reason = input.reason.normalize('NFC');
    await audit(tx, actor, [{ action: 'record.close', entityType: 'pending_case', entityId: id, orgId: auditOrg(subject), before: snapshot('PENDING_CASE', row), after: { ...snapshot('PENDING_CASE', after), reason } }]);
  });
}

