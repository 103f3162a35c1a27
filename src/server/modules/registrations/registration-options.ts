// What a unit may register in a year (or movement): the form's award lists and members, the
// template's drop-down, and the import of the filled template.
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import type { DbOrTx } from '../../db/client';
import { notFound, validation } from '../../lib/errors';
import { orgPolicy } from '../../lib/policy';
import { registrationProblems, type RegistrationSubject } from '../../../domain/registrations';
import { REGISTRATION_MAX_ROWS, type RegistrationOptions } from '../../../contracts/registrations';
import { todayInVietnam } from '../imports/xlsx';
import { activeMembers, loadAwards } from './registrations.repository';
import { checkBatch, findUnit, insertBatch, itemErrors, loadMovementFor, type ItemProblem, type UnitRow } from './register';
import type { MovementRow } from './registrations.repository';
import { managedUnit } from './registrations.service';
import { awardOfCell, readRegistrationSheet } from './registration-xlsx';

type Option = { code: string; name: string };

/** Awards with no problem of their own (year and movement problems are the form's, not the list's). */
export async function allowedAwards(tx: DbOrTx, unit: UnitRow, year: number, movement: MovementRow | null): Promise<{ unitAwards: Option[]; memberAwards: Option[] }> {
  const awards = [...(await loadAwards(tx)).values()];
  const ctx = { today: todayInVietnam(), year, movement: movement ? { title: movement.title, status: movement.status, orgPath: movement.org_path, offeredAwards: movement.offered_awards } : null };
  const fits = (s: RegistrationSubject) => awards
    .filter((a) => registrationProblems(s, { code: a.code, nameVi: a.name_vi, category: a.category, subject: a.subject, active: a.active }, ctx).every((p) => p.field !== 'awardCode'))
    .map((a) => ({ code: a.code, name: a.name_vi }));
  return {
    unitAwards: fits({ type: 'UNIT', status: 'ACTIVE', path: unit.path, orgKind: unit.kind, orgKindName: unit.kind_name }),
    memberAwards: fits({ type: 'PERSON', status: 'ACTIVE', path: unit.path }),
  };
}

/** The actor's own person id when they are an active member of the unit's subtree; undefined otherwise. */
async function ownMembership(tx: DbOrTx, actor: AuthActor, unit: UnitRow): Promise<number | undefined> {
  if (actor.personId === null) return undefined;
  const r = await tx.execute(sql`select 1 from person where id = ${actor.personId} and status = 'ACTIVE' and org_path like ${`${unit.path}%`}`);
  return r.rows.length > 0 ? actor.personId : undefined;
}

export async function registrationOptions(app: AppContext, actor: AuthActor, q: { unitId: number; year: number; movementId?: number }): Promise<RegistrationOptions> {
  return app.db.transaction(async (tx) => {
    const unit = await findUnit(tx, q.unitId);
    if (!unit) throw notFound();
    // A member without a reading role sees the form for themself only (their own unit).
    const self = orgPolicy.listMembers(actor, unit) ? null : await ownMembership(tx, actor, unit);
    if (self === undefined) throw notFound();
    const movement = await loadMovementFor(tx, q.movementId);
    const [{ unitAwards, memberAwards }, members] = await Promise.all([allowedAwards(tx, unit, q.year, movement), activeMembers(tx, unit.path, REGISTRATION_MAX_ROWS)]);
    return {
      unitId: Number(unit.id), unitName: unit.name, unitAwards, memberAwards,
      members: members
        .filter((m) => self === null || Number(m.id) === self)
        .map((m) => ({ personId: Number(m.id), memberCode: m.member_code, fullName: m.full_name, unitName: m.unit_name })),
      canRegister: orgPolicy.createChild(actor, unit),
    };
  });
}

/** Imports a filled template: every row checked, per-row Vietnamese errors, all or nothing. */
export async function importRegistrations(app: AppContext, actor: AuthActor, q: { unitId: number; year: number; movementId?: number }, file: Buffer): Promise<number[]> {
  return app.db.transaction(async (tx) => {
    const unit = await managedUnit(tx, actor, q.unitId);
    const movement = await loadMovementFor(tx, q.movementId);
    const read = await readRegistrationSheet(file, REGISTRATION_MAX_ROWS);
    if (!read.ok) throw validation(read.key, read.params ?? {});
    const { memberAwards } = await allowedAwards(tx, unit, q.year, movement);
    const catalogue = [...(await loadAwards(tx)).values()].map((a) => ({ code: a.code, name: a.name_vi }));
    const codes = [...new Set(read.lines.flatMap((l) => (l.memberCode ? [l.memberCode.trim().toUpperCase()] : [])))];
    const found = await tx.execute<{ id: number; member_code: string }>(sql`
      select id, upper(member_code) as member_code from person where upper(member_code) = any(${sql.param(codes)}::text[]) and org_path like ${`${unit.path}%`}`);
    const byCode = new Map(found.rows.map((p) => [p.member_code, Number(p.id)]));
    const problems: ItemProblem[] = [];
    const items = read.lines.flatMap((l) => {
      const report = (key: string, params: Record<string, string | number>) => (problems.push({ row: l.row, personId: null, key, params, field: 'file' }), []);
      if (!l.memberCode) return report('registration.row.memberCodeMissing', {});
      const personId = byCode.get(l.memberCode.trim().toUpperCase());
      if (personId === undefined) return report('registration.row.memberUnknown', { code: l.memberCode });
      const awardCode = awardOfCell(l.award, memberAwards) ?? awardOfCell(l.award, catalogue);
      if (!awardCode) return report('registration.row.awardUnknown', { value: l.award });
      return [{ row: l.row, personId, awardCode }];
    });
    const batch = { unit, year: q.year, movement, items, note: null, source: 'IMPORT' as const };
    const checked = items.length > 0 ? await checkBatch(tx, batch) : { problems: [], rows: [] };
    const all = [...problems, ...checked.problems].sort((a, b) => a.row - b.row);
    if (all.length > 0) throw validation('registration.bulkInvalid', { count: all.length }, { items: itemErrors(actor.locale, all, true) });
    return insertBatch(tx, actor, batch, checked.rows);
  });
}
