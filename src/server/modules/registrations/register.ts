// Registering: one unit or person (POST /registrations), a unit with many members at once (bulk,
// XLSX import). Every item is checked first; any problem refuses the whole list and saves nothing.
// Rows go in with one set-based insert, audited in the same transaction, and the unit's answer to
// its superior's request is recorded (compliance table).
import { sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client';
import type { AuthActor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { conflict, validation } from '../../lib/errors';
import { t } from '../../../contracts/messages';
import type { RegistrationItemError } from '../../../contracts/registrations';
import { registrationProblems, type RegistrationSubject } from '../../../domain/registrations';
import { todayInVietnam } from '../imports/xlsx';
import { recordResponse } from '../cascade/responses';
import { findMovement, findPersons, loadAwards, type MovementRow } from './registrations.repository';

export type UnitRow = { id: number; name: string; path: string; status: string; kind: string; kind_name: string };

export async function findUnit(tx: DbOrTx, id: number): Promise<UnitRow | null> {
  const r = await tx.execute<UnitRow>(sql`
    select o.id, o.name, o.path, o.status, o.kind, k.name_vi as kind_name from organisation o join org_kind k on k.code = o.kind where o.id = ${id}`);
  return r.rows[0] ?? null;
}

export async function loadMovementFor(tx: DbOrTx, movementId: number | null | undefined): Promise<MovementRow | null> {
  if (movementId == null) return null;
  const m = await findMovement(tx, movementId);
  if (!m) throw validation('registration.unknownMovement', { id: movementId }, { field: 'movementId' });
  return m;
}

/** One line of a registration: the unit itself (personId null) or a member, and the award. */
export interface RegistrationItem {
  row: number;
  personId: number | null;
  awardCode: string;
}

export interface ItemProblem {
  row: number;
  personId: number | null;
  key: string;
  params: Record<string, string | number>;
  field: string;
}

export interface RegisterBatch {
  unit: UnitRow;
  year: number;
  movement: MovementRow | null;
  items: RegistrationItem[];
  note: string | null;
  source: 'MANUAL' | 'IMPORT';
  /** The unit answering its superior's request (defaults to `unit`). */
  responder?: number;
}

type NewRow = { ord: number; person_id: number | null; org_id: number | null; scope_path: string; unit_id: number; award_code: string; subject: string };

/** Checks every item; returns the problems and, when there are none, the rows to insert. */
export async function checkBatch(tx: Tx, b: RegisterBatch): Promise<{ problems: ItemProblem[]; rows: NewRow[] }> {
  const today = todayInVietnam();
  const [awards, persons] = await Promise.all([
    loadAwards(tx, b.items.map((i) => i.awardCode)),
    findPersons(tx, b.items.flatMap((i) => (i.personId === null ? [] : [i.personId]))),
  ]);
  const movement = b.movement ? { title: b.movement.title, status: b.movement.status, orgPath: b.movement.org_path, offeredAwards: b.movement.offered_awards } : null;
  const ctx = { today, year: b.year, movement };
  const problems: ItemProblem[] = [];
  const rows: NewRow[] = [];
  const seen = new Set<string>();
  b.items.forEach((item, ord) => {
    const push = (key: string, params: Record<string, string | number> = {}, field = 'awardCode') => problems.push({ row: item.row, personId: item.personId, key, params, field });
    const a = awards.get(item.awardCode);
    const award = a ? { code: a.code, nameVi: a.name_vi, category: a.category, subject: a.subject, active: a.active } : undefined;
    let subject: RegistrationSubject;
    let name: string;
    let row: Omit<NewRow, 'ord' | 'award_code'>;
    if (item.personId === null) {
      subject = { type: 'UNIT', status: b.unit.status, path: b.unit.path, orgKind: b.unit.kind, orgKindName: b.unit.kind_name };
      name = b.unit.name;
      row = { person_id: null, org_id: Number(b.unit.id), scope_path: b.unit.path, unit_id: Number(b.unit.id), subject: name };
    } else {
      const p = persons.get(item.personId);
      if (!p) return push('registration.unknownPerson', { id: item.personId }, 'personId');
      name = p.full_name;
      if (p.org_path === null || p.org_id === null || !p.org_path.startsWith(b.unit.path) || p.status !== 'ACTIVE') return push('registration.notMember', { name }, 'personId');
      subject = { type: 'PERSON', status: p.status, path: p.org_path };
      row = { person_id: Number(p.id), org_id: null, scope_path: p.org_path, unit_id: Number(p.org_id), subject: name };
    }
    const found = registrationProblems(subject, award, ctx);
    for (const f of found) push(f.key, f.key === 'registration.unknownAward' ? { code: item.awardCode } : f.params, f.field);
    if (found.length > 0) return;
    const dedupe = `${item.personId ?? 'unit'}|${item.awardCode}`;
    if (seen.has(dedupe)) return push('registration.duplicateInList', { name, award: award!.nameVi });
    seen.add(dedupe);
    rows.push({ ...row, ord, award_code: item.awardCode });
  });
  if (rows.length > 0) {
    const existing = await tx.execute<{ person_id: number | null; org_id: number | null; award_code: string }>(sql`
      select person_id, org_id, award_code from emulation_registration
      where status = 'ACTIVE' and year = ${b.year} and coalesce(movement_id, 0) = ${b.movement?.id ?? 0}
        and (person_id = any(${sql.param(rows.flatMap((r) => (r.person_id === null ? [] : [r.person_id])))}::bigint[]) or org_id = ${b.unit.id})`);
    const taken = new Set(existing.rows.map((e) => `${e.person_id ?? `o${e.org_id}`}|${e.award_code}`));
    for (const r of rows) {
      if (!taken.has(`${r.person_id ?? `o${r.org_id}`}|${r.award_code}`)) continue;
      const item = b.items[r.ord]!;
      problems.push({ row: item.row, personId: item.personId, key: 'registration.exists', params: { award: awards.get(r.award_code)!.name_vi, year: b.year, subject: r.subject }, field: 'awardCode' });
    }
  }
  return { problems, rows };
}

export function itemErrors(locale: AuthActor['locale'], problems: ItemProblem[], rowPrefix: boolean): RegistrationItemError[] {
  return problems.map((p) => {
    const message = t(locale, p.key, p.params);
    return { row: p.row, personId: p.personId, message: rowPrefix ? t(locale, 'registration.row', { row: p.row, message }) : message };
  });
}

/** Inserts the checked rows, records the unit's answer and audits each registration. */
export async function insertBatch(tx: Tx, actor: AuthActor, b: RegisterBatch, rows: NewRow[]): Promise<number[]> {
  const today = todayInVietnam();
  const note = b.note?.normalize('NFC') ?? null;
  let inserted;
  try {
    inserted = await tx.execute<{ id: number; person_id: number | null; org_id: number | null; unit_id: number; award_code: string }>(sql`
      insert into emulation_registration (person_id, org_id, scope_path, source, note, created_by, year, award_code, registered_on, movement_id, unit_id, review_status)
      select x.person_id, x.org_id, x.scope_path, ${b.source}, ${note}, ${actor.userId}, ${b.year}, x.award_code, ${today}, ${b.movement?.id ?? null}, x.unit_id, 'SUBMITTED'
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(ord int, person_id bigint, org_id bigint, scope_path text, unit_id bigint, award_code text)
      order by x.ord
      returning id, person_id, org_id, unit_id, award_code`);
  } catch (err) {
    // Two registrations of the same title at once: the unique index keeps one.
    const code = (err as { code?: string; cause?: { code?: string } }).code ?? (err as { cause?: { code?: string } }).cause?.code;
    if (code === '23505') throw conflict('registration.exists', { award: rows[0]!.award_code, year: b.year, subject: rows[0]!.subject });
    throw err;
  }
  const ids = inserted.rows.map((r) => Number(r.id)).sort((x, y) => x - y);
  if (ids.length > 0) await recordResponse(tx, b.responder ?? Number(b.unit.id), { kind: 'REGISTRATION', movementId: b.movement?.id ?? null, year: b.year }, { type: 'registration', id: ids[0]! });
  await audit(
    tx,
    actor,
    inserted.rows.map((r) => ({
      action: 'registration.create',
      entityType: 'emulation_registration',
      entityId: Number(r.id),
      orgId: Number(r.unit_id),
      after: { personId: r.person_id === null ? null : Number(r.person_id), orgId: r.org_id === null ? null : Number(r.org_id), year: b.year, awardCode: r.award_code, movementId: b.movement?.id ?? null, registeredOn: today, source: b.source, note },
    })),
  );
  return ids;
}
