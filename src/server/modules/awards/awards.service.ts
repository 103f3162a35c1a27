// Use cases that change the award catalogue and the base salary table. Catalogue entries are
// never deleted (an award already granted must keep its name): they are deactivated. Base salary
// steps are never deleted either: a wrong step is superseded by a corrected one, with a reason.
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { conflict, notFound, validation } from '../../lib/errors';
import type { createAwardInput, createBaseSalaryInput, supersedeBaseSalaryInput, updateAwardInput } from '../../../contracts/awards';
import { findAward, findBaseSalary, type AwardRow, type BaseSalaryRow } from './awards.repository';
import { requireCatalogAdmin } from './awards.policy';

const nfc = <T extends string | null | undefined>(s: T): T => (s == null ? s : (s.normalize('NFC') as T));

function awardSnapshot(a: AwardRow) {
  return {
    code: a.code, nameVi: a.name_vi, nameEn: a.name_en, category: a.category, subject: a.subject, kind: a.kind, level: a.level,
    grantingOrgKinds: a.granting_org_kinds, coefficient: a.coefficient === null ? null : Number(a.coefficient), active: a.active,
    description: a.description, version: Number(a.version),
  };
}

const salarySnapshot = (s: BaseSalaryRow) => ({
  id: Number(s.id), effectiveFrom: s.effective_from, amountVnd: Number(s.amount_vnd), source: s.source, status: s.status,
  supersededBy: s.superseded_by === null ? null : Number(s.superseded_by), reason: s.reason,
});

async function checkOrgKinds(tx: Tx, kinds: readonly string[] | undefined) {
  if (!kinds || kinds.length === 0) return;
  const r = await tx.execute<{ code: string }>(sql`select code from org_kind where code = any(${sql.param([...kinds])}::text[])`);
  const known = new Set(r.rows.map((k) => k.code));
  const unknown = kinds.filter((k) => !known.has(k));
  if (unknown.length) throw validation('award.unknownOrgKinds', { kinds: unknown.join(', ') }, { fields: { grantingOrgKinds: unknown.join(', ') } });
}

export async function createAward(app: AppContext, actor: AuthActor, input: z.infer<typeof createAwardInput>): Promise<AwardRow> {
  requireCatalogAdmin(actor);
  return app.db.transaction(async (tx) => {
    if (await findAward(tx, input.code)) throw conflict('award.codeTaken', { code: input.code });
    await checkOrgKinds(tx, input.grantingOrgKinds);
    await tx.execute(sql`
      insert into award_type (code, name_vi, name_en, category, subject, kind, level, granting_org_kinds, coefficient, uncertain, sort_order, description)
      values (${input.code}, ${nfc(input.nameVi)}, ${nfc(input.nameEn)}, ${input.category}, ${input.subject}, ${input.kind}, ${input.level},
              ${sql.param([...new Set(input.grantingOrgKinds)])}::text[], ${input.coefficient}, ${input.uncertain}, ${input.sortOrder},
              ${nfc(input.description) ?? null})`);
    const created = (await findAward(tx, input.code))!;
    await audit(tx, actor, [{ action: 'award.create', entityType: 'award_type', entityId: input.code, orgId: null, after: awardSnapshot(created) }]);
    return created;
  });
}

export async function updateAward(app: AppContext, actor: AuthActor, code: string, input: z.infer<typeof updateAwardInput>): Promise<AwardRow> {
  requireCatalogAdmin(actor);
  return app.db.transaction(async (tx) => {
    const before = await findAward(tx, code, true);
    if (!before) throw notFound();
    if (Number(before.version) !== input.version) throw conflict('award.staleVersion');
    await checkOrgKinds(tx, input.grantingOrgKinds);
    const set = (col: string, v: unknown, cast = '') => (v === undefined ? sql`` : sql`${sql.raw(col)} = ${v as string}${sql.raw(cast)},`);
    await tx.execute(sql`update award_type set
      ${set('name_vi', nfc(input.nameVi))} ${set('name_en', nfc(input.nameEn))} ${set('description', nfc(input.description))}
      ${input.grantingOrgKinds === undefined ? sql`` : sql`granting_org_kinds = ${sql.param([...new Set(input.grantingOrgKinds)])}::text[],`}
      ${set('coefficient', input.coefficient)} ${set('kind', input.kind)} ${set('level', input.level)} ${set('active', input.active)}
      version = version + 1
      where code = ${code}`);
    const after = (await findAward(tx, code))!;
    await audit(tx, actor, [{ action: 'award.update', entityType: 'award_type', entityId: code, orgId: null, before: awardSnapshot(before), after: awardSnapshot(after) }]);
    return after;
  });
}

async function insertStep(tx: Tx, actor: AuthActor, input: z.infer<typeof createBaseSalaryInput>, reason: string | null): Promise<number> {
  const taken = await tx.execute(sql`select 1 from base_salary where effective_from = ${input.effectiveFrom} and status = 'ACTIVE'`);
  if (taken.rows.length) throw conflict('baseSalary.dateTaken', { date: input.effectiveFrom.split('-').reverse().join('/') });
  const r = await tx.execute<{ id: number }>(sql`
    insert into base_salary (effective_from, amount_vnd, source, reason, created_by)
    values (${input.effectiveFrom}, ${input.amountVnd}, ${nfc(input.source)}, ${reason}, ${actor.userId}) returning id`);
  return Number(r.rows[0]!.id);
}

export async function addBaseSalary(app: AppContext, actor: AuthActor, input: z.infer<typeof createBaseSalaryInput>): Promise<number> {
  requireCatalogAdmin(actor);
  return app.db.transaction(async (tx) => {
    // Serialises concurrent additions for the same date (the partial unique index is the backstop).
    await tx.execute(sql`lock table base_salary in share row exclusive mode`);
    const id = await insertStep(tx, actor, input, null);
    const created = (await findBaseSalary(tx, id))!;
    await audit(tx, actor, [{ action: 'baseSalary.create', entityType: 'base_salary', entityId: id, orgId: null, after: salarySnapshot(created) }]);
    return id;
  });
}

/** Corrects a step: the old row stays, marked SUPERSEDED and linked to the corrected one. */
export async function supersedeBaseSalary(app: AppContext, actor: AuthActor, id: number, input: z.infer<typeof supersedeBaseSalaryInput>): Promise<number> {
  requireCatalogAdmin(actor);
  return app.db.transaction(async (tx) => {
    await tx.execute(sql`lock table base_salary in share row exclusive mode`);
    const old = await findBaseSalary(tx, id, true);
    if (!old) throw notFound();
    if (old.status !== 'ACTIVE') throw conflict('baseSalary.notActive');
    await tx.execute(sql`update base_salary set status = 'SUPERSEDED' where id = ${id}`);
    const { reason, ...step } = input;
    const newId = await insertStep(tx, actor, step, nfc(reason));
    await tx.execute(sql`update base_salary set superseded_by = ${newId} where id = ${id}`);
    const [before, after] = await Promise.all([findBaseSalary(tx, id), findBaseSalary(tx, newId)]);
    await audit(tx, actor, [
      { action: 'baseSalary.supersede', entityType: 'base_salary', entityId: id, orgId: null, before: salarySnapshot(old), after: { ...salarySnapshot(before!), reason } },
      { action: 'baseSalary.create', entityType: 'base_salary', entityId: newId, orgId: null, after: salarySnapshot(after!) },
    ]);
    return newId;
  });
}
