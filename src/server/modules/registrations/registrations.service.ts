// Use cases of registrations: register one, register a unit and its members, review (approve or
// return with a reason), correct a returned one, withdraw with a reason. Nothing is deleted.
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import type { Tx } from '../../db/client';
import { audit } from '../../lib/audit';
import { AppError, conflict, notFound, validation } from '../../lib/errors';
import { memberPolicy, orgPolicy } from '../../lib/policy';
import { t } from '../../../contracts/messages';
import type {
  BulkRegistrationInput, CorrectRegistrationInput, CreateRegistrationInput, RegistrationDto, ReviewRegistrationsInput,
} from '../../../contracts/registrations';
import { registrationAbilities, registrationPolicy } from './registrations.policy';
import { findPersons, findRegistration, findRegistrations, type RegistrationRow } from './registrations.repository';
import { checkBatch, findUnit, insertBatch, itemErrors, loadMovementFor, type RegisterBatch, type UnitRow } from './register';

export function presentRegistration(a: AuthActor, r: RegistrationRow): RegistrationDto {
  return {
    id: Number(r.id),
    subject: r.person_id === null ? 'UNIT' : 'PERSON',
    personId: r.person_id === null ? null : Number(r.person_id),
    orgId: r.org_id === null ? null : Number(r.org_id),
    subjectName: r.subject_name,
    memberCode: r.member_code,
    unitId: Number(r.unit_id),
    unitName: r.unit_name,
    year: Number(r.year),
    awardCode: r.award_code,
    awardName: r.award_name,
    movementId: r.movement_id === null ? null : Number(r.movement_id),
    movementTitle: r.movement_title,
    registeredOn: r.registered_on,
    status: r.status,
    reviewStatus: r.review_status,
    reviewReason: r.review_reason,
    reviewedAt: r.reviewed_at,
    revokedReason: r.revoked_reason,
    note: r.note,
    abilities: registrationAbilities(a, r),
  };
}

/** The unit, visible (else 404) and managed by the actor (else 403). */
export async function managedUnit(tx: Tx, actor: AuthActor, unitId: number): Promise<UnitRow> {
  const unit = await findUnit(tx, unitId);
  if (!unit || !orgPolicy.read(actor, unit)) throw notFound();
  if (!orgPolicy.createChild(actor, unit)) throw new AppError('FORBIDDEN');
  return unit;
}

/** Runs a checked batch: any problem refuses everything (single → its first message; lists → per item). */
export async function registerBatch(tx: Tx, actor: AuthActor, b: RegisterBatch, mode: 'single' | 'list' | 'rows'): Promise<number[]> {
  if (b.items.length === 0) throw validation('registration.bulkEmpty');
  const { problems, rows } = await checkBatch(tx, b);
  if (problems.length > 0) {
    const first = problems[0]!;
    if (mode === 'single') {
      if (first.key === 'registration.exists') throw conflict(first.key, first.params);
      throw validation(first.key, first.params, { field: first.field });
    }
    throw validation('registration.bulkInvalid', { count: problems.length }, { items: itemErrors(actor.locale, problems, mode === 'rows') });
  }
  return insertBatch(tx, actor, b, rows);
}

export async function createRegistration(app: AppContext, actor: AuthActor, input: CreateRegistrationInput): Promise<number> {
  return app.db.transaction(async (tx) => {
    let unit: UnitRow;
    let personId: number | null = null;
    if (input.personId !== undefined) {
      const p = (await findPersons(tx, [input.personId])).get(input.personId);
      if (!p || !memberPolicy.read(actor, { id: Number(p.id), orgPath: p.org_path, status: p.status })) throw notFound();
      const own = actor.personId !== null && actor.personId === Number(p.id);
      if (!own && !memberPolicy.update(actor, { id: Number(p.id), orgPath: p.org_path, status: p.status })) throw new AppError('FORBIDDEN');
      if (p.org_id === null) throw validation('registration.personWithoutUnit');
      unit = (await findUnit(tx, Number(p.org_id)))!;
      personId = Number(p.id);
    } else {
      unit = await managedUnit(tx, actor, input.orgId!);
    }
    const movement = await loadMovementFor(tx, input.movementId);
    const [id] = await registerBatch(tx, actor, { unit, year: input.year, movement, items: [{ row: 1, personId, awardCode: input.awardCode }], note: input.note ?? null, source: 'MANUAL' }, 'single');
    return id!;
  });
}

export async function bulkRegister(app: AppContext, actor: AuthActor, input: BulkRegistrationInput): Promise<number[]> {
  return app.db.transaction(async (tx) => {
    const unit = await managedUnit(tx, actor, input.unitId);
    const movement = await loadMovementFor(tx, input.movementId);
    const items = [
      ...input.unitAwardCodes.map((awardCode) => ({ row: 0, personId: null, awardCode })),
      ...input.members.map((m, i) => ({ row: i + 1, personId: m.personId, awardCode: m.awardCode })),
    ];
    return registerBatch(tx, actor, { unit, year: input.year, movement, items, note: input.note ?? null, source: 'MANUAL' }, 'list');
  });
}

const who = (r: RegistrationRow) => r.subject_name;

export async function reviewRegistrations(app: AppContext, actor: AuthActor, input: ReviewRegistrationsInput): Promise<void> {
  await app.db.transaction(async (tx) => {
    const ids = [...new Set(input.ids)];
    const rows = await findRegistrations(tx, ids, true);
    if (rows.length !== ids.length || rows.some((r) => !registrationPolicy.read(actor, r))) throw notFound();
    if (rows.some((r) => !registrationPolicy.review(actor, r))) throw new AppError('FORBIDDEN');
    const stale = rows.find((r) => r.status !== 'ACTIVE' || r.review_status !== 'SUBMITTED');
    if (stale) throw conflict('registration.notSubmitted', { award: stale.award_name, subject: who(stale) });
    const status = input.decision === 'APPROVE' ? 'APPROVED' : 'RETURNED';
    const reason = input.decision === 'RETURN' ? input.reason!.normalize('NFC') : null;
    await tx.execute(sql`
      update emulation_registration set review_status = ${status}, review_reason = ${reason}, reviewed_by = ${actor.userId}, reviewed_at = now()
      where id = any(${sql.param(ids)}::bigint[])`);
    await audit(
      tx,
      actor,
      rows.map((r) => ({
        action: input.decision === 'APPROVE' ? 'registration.approve' : 'registration.return',
        entityType: 'emulation_registration',
        entityId: Number(r.id),
        orgId: Number(r.unit_id),
        before: { reviewStatus: r.review_status, reviewReason: r.review_reason },
        after: { reviewStatus: status, reviewReason: reason },
      })),
    );
  });
}

/** An active registration the actor may change as its unit (or member): not yet approved. */
async function loadOwned(tx: Tx, actor: AuthActor, id: number): Promise<RegistrationRow> {
  const row = await findRegistration(tx, id, true);
  if (!row || !registrationPolicy.read(actor, row)) throw notFound();
  if (!registrationPolicy.write(actor, row) && !registrationPolicy.review(actor, row)) throw new AppError('FORBIDDEN');
  if (row.status !== 'ACTIVE') throw conflict('registration.notActive');
  return row;
}

/** Corrects a registration not yet approved: the corrected one replaces it (SUPERSEDED) and waits for review. */
export async function correctRegistration(app: AppContext, actor: AuthActor, id: number, input: CorrectRegistrationInput): Promise<number> {
  return app.db.transaction(async (tx) => {
    const row = await loadOwned(tx, actor, id);
    if (!registrationPolicy.write(actor, row)) throw new AppError('FORBIDDEN');
    if (row.review_status === 'APPROVED') throw conflict('registration.approvedLocked');
    const unit = (await findUnit(tx, row.person_id === null ? Number(row.org_id) : Number(row.unit_id)))!;
    const movement = await loadMovementFor(tx, row.movement_id === null ? null : Number(row.movement_id));
    // The old row leaves the "one active per title" index before its correction arrives.
    await tx.execute(sql`update emulation_registration set status = 'SUPERSEDED' where id = ${id}`);
    const [newId] = await registerBatch(
      tx, actor,
      { unit, year: Number(row.year), movement, items: [{ row: 1, personId: row.person_id === null ? null : Number(row.person_id), awardCode: input.awardCode }], note: input.note ?? row.note, source: 'MANUAL' },
      'single',
    );
    await tx.execute(sql`update emulation_registration set superseded_by = ${newId!}, revoked_reason = ${t('vi', 'registration.status.SUPERSEDED')} where id = ${id}`);
    await audit(tx, actor, [{
      action: 'registration.supersede', entityType: 'emulation_registration', entityId: id, orgId: Number(row.unit_id),
      before: { awardCode: row.award_code, reviewStatus: row.review_status, reviewReason: row.review_reason, note: row.note }, after: { status: 'SUPERSEDED', supersededBy: newId },
    }]);
    return newId!;
  });
}

/** Withdraws a registration with a reason: the unit until approval, the superior at any time. */
export async function withdrawRegistration(app: AppContext, actor: AuthActor, id: number, reasonText: string): Promise<void> {
  await app.db.transaction(async (tx) => {
    const row = await loadOwned(tx, actor, id);
    if (row.review_status === 'APPROVED' && !registrationPolicy.review(actor, row)) throw conflict('registration.approvedLocked');
    const reason = reasonText.normalize('NFC');
    await tx.execute(sql`update emulation_registration set status = 'REVOKED', revoked_at = now(), revoked_reason = ${reason} where id = ${id}`);
    await audit(tx, actor, [{
      action: 'registration.withdraw', entityType: 'emulation_registration', entityId: id, orgId: Number(row.unit_id),
      before: { status: row.status, reviewStatus: row.review_status }, after: { status: 'REVOKED', reason },
    }]);
  });
}
