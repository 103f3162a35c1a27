// Use cases that change the organisation tree. Each runs in one transaction together with its
// effective-dated org_event and its audit events.
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { AppError, conflict, notFound, validation } from '../../lib/errors';
import { ensure, orgPolicy } from '../../lib/policy';
import type { createOrgInput, renameOrgInput, moveOrgInput, mergeOrgInput, endOrgInput } from '../../../contracts/organisations';
import { findOrg, orgKindRank, type OrgRow } from './organisations.repository';

const snapshot = (o: OrgRow) => ({ name: o.name, shortName: o.short_name, parentId: o.parent_id, status: o.status, path: o.path });

async function recordEvent(tx: Tx, actor: AuthActor, org: { id: number }, kind: string, effectiveOn: string, reason: string | null | undefined, before: unknown, after: unknown) {
  await tx.execute(sql`
    insert into org_event (org_id, kind, effective_on, reason, before, after, recorded_by)
    values (${org.id}, ${kind}, ${effectiveOn}, ${reason ?? null}, ${before === null ? null : JSON.stringify(before)}::jsonb,
            ${after === null ? null : JSON.stringify(after)}::jsonb, ${actor.userId})`);
  await audit(tx, actor, [{ action: `organisation.${kind.toLowerCase()}`, entityType: 'organisation', entityId: org.id, orgId: org.id, before, after: { ...(after as object), effectiveOn, reason } }]);
}

/** Loads an organisation the actor may see (404 otherwise), locked for the transaction. */
async function loadVisible(tx: Tx, actor: AuthActor, id: number): Promise<OrgRow> {
  const org = await findOrg(tx, id, true);
  if (!org) throw notFound();
  ensure(orgPolicy.read(actor, org));
  return org;
}

function requireAllowed(allowed: boolean) {
  if (!allowed) throw new AppError('FORBIDDEN');
}

function checkEffectiveDate(org: OrgRow, effectiveOn: string) {
  if (effectiveOn < org.valid_from) throw validation('org.effectiveBeforeStart', { date: org.valid_from });
}

async function checkKindFits(tx: Tx, childKind: string, parent: OrgRow) {
  const [child, par] = await Promise.all([orgKindRank(tx, childKind), orgKindRank(tx, parent.kind)]);
  if (!child) throw validation('org.unknownKind', { kind: childKind });
  if (!par || child.rank <= par.rank) throw validation('org.kindNotAllowedUnder', { kind: childKind, parent: parent.name });
}

export async function createOrganisation(app: AppContext, actor: AuthActor, input: z.infer<typeof createOrgInput>) {
  return app.db.transaction(async (tx) => {
    const parent = await loadVisible(tx, actor, input.parentId);
    requireAllowed(orgPolicy.createChild(actor, parent));
    await checkKindFits(tx, input.kind, parent);
    checkEffectiveDate(parent, input.effectiveOn);
    const dup = await tx.execute(sql`select 1 from organisation where code = ${input.code}`);
    if (dup.rows.length) throw conflict('org.codeTaken', { code: input.code });
    const provinceRoot = parent.depth >= 1 ? Number(parent.path.split('/').filter(Boolean)[1] ?? parent.id) : null;
    const inserted = await tx.execute<{ id: number }>(sql`
      insert into organisation (code, name, short_name, kind, sector, parent_id, path, depth, province_root_id, status, valid_from, address)
      values (${input.code}, ${input.name}, ${input.shortName ?? null}, ${input.kind}, ${input.sector ?? null}, ${parent.id}, '', ${parent.depth + 1},
              ${provinceRoot}, 'ACTIVE', ${input.effectiveOn}, ${input.address ?? null})
      returning id`);
    const id = Number(inserted.rows[0]!.id);
    await tx.execute(sql`update organisation set path = ${parent.path} || id || '/', province_root_id = coalesce(province_root_id, id) where id = ${id}`);
    const created = (await findOrg(tx, id))!;
    await recordEvent(tx, actor, created, 'CREATED', input.effectiveOn, null, null, { ...snapshot(created), code: created.code, kind: created.kind });
    return created;
  });
}

export async function renameOrganisation(app: AppContext, actor: AuthActor, id: number, input: z.infer<typeof renameOrgInput>) {
  return app.db.transaction(async (tx) => {
    const org = await loadVisible(tx, actor, id);
    requireAllowed(orgPolicy.manage(actor, org));
    checkEffectiveDate(org, input.effectiveOn);
    await tx.execute(sql`update organisation set name = ${input.name}, short_name = ${input.shortName ?? null}, version = version + 1 where id = ${id}`);
    const after = (await findOrg(tx, id))!;
    await recordEvent(tx, actor, org, 'RENAMED', input.effectiveOn, input.reason, { name: org.name, shortName: org.short_name }, { name: after.name, shortName: after.short_name });
    return after;
  });
}

/** Re-roots a subtree: paths of the unit, its descendants and their members change in three statements. */
async function reparent(tx: Tx, org: OrgRow, newParent: OrgRow) {
  const newPath = `${newParent.path}${org.id}/`;
  const depthDelta = newParent.depth + 1 - org.depth;
  const provinceRoot = newParent.depth >= 1 ? Number(newParent.path.split('/').filter(Boolean)[1] ?? newParent.id) : org.id;
  await tx.execute(sql`
    update organisation set path = ${newPath} || substr(path, ${org.path.length + 1}), depth = depth + ${depthDelta},
           province_root_id = ${provinceRoot}, parent_id = case when id = ${org.id} then ${newParent.id} else parent_id end,
           version = version + 1
    where path like ${org.path + '%'}`);
  await tx.execute(sql`
    update person set org_path = ${newPath} || substr(org_path, ${org.path.length + 1}), province_root_id = ${provinceRoot}
    where org_path like ${org.path + '%'}`);
}

export async function moveOrganisation(app: AppContext, actor: AuthActor, id: number, input: z.infer<typeof moveOrgInput>) {
  return app.db.transaction(async (tx) => {
    const org = await loadVisible(tx, actor, id);
    requireAllowed(orgPolicy.manage(actor, org));
    const target = await loadVisible(tx, actor, input.newParentId);
    requireAllowed(orgPolicy.receive(actor, target));
    if (target.path.startsWith(org.path)) throw validation('org.moveIntoOwnSubtree');
    if (target.id === org.parent_id) throw validation('org.alreadyThere');
    await checkKindFits(tx, org.kind, target);
    checkEffectiveDate(org, input.effectiveOn);
    await reparent(tx, org, target);
    const after = (await findOrg(tx, id))!;
    await recordEvent(tx, actor, org, 'MOVED', input.effectiveOn, input.reason, { parentId: org.parent_id, path: org.path }, { parentId: target.id, path: after.path });
    return after;
  });
}

/** Closes the open membership periods of the unit's members and (optionally) opens new ones elsewhere. */
async function closeMemberships(tx: Tx, org: OrgRow, effectiveOn: string, reason: 'UNIT_ENDED' | 'UNIT_MERGED', into: OrgRow | null) {
  const moved = await tx.execute<{ person_id: number }>(sql`
    update membership m set valid_to = ${effectiveOn}, end_reason = ${reason}
    from person p where p.id = m.person_id and m.org_id = ${org.id} and m.valid_to is null
    returning m.person_id`);
  const personIds = moved.rows.map((r) => Number(r.person_id));
  if (personIds.length === 0) return personIds;
  const list = sql.join(personIds.map((i) => sql`${i}`), sql`, `);
  if (into) {
    await tx.execute(sql`insert into membership (person_id, org_id, valid_from) select p, ${into.id}, ${effectiveOn} from unnest(array[${list}]::bigint[]) p`);
    await tx.execute(sql`update person set org_id = ${into.id}, org_path = ${into.path}, version = version + 1, updated_at = now() where id in (${list})`);
  } else {
    // The person keeps the ended unit as their last unit, so subtree lists still find them.
    await tx.execute(sql`update person set status = 'LEFT', version = version + 1, updated_at = now() where id in (${list})`);
  }
  return personIds;
}

export async function mergeOrganisation(app: AppContext, actor: AuthActor, id: number, input: z.infer<typeof mergeOrgInput>) {
  return app.db.transaction(async (tx) => {
    const org = await loadVisible(tx, actor, id);
    requireAllowed(orgPolicy.manage(actor, org));
    const into = await loadVisible(tx, actor, input.intoId);
    requireAllowed(orgPolicy.receive(actor, into));
    if (into.id === org.id || into.path.startsWith(org.path)) throw validation('org.mergeIntoSelf');
    checkEffectiveDate(org, input.effectiveOn);
    const intoKind = await orgKindRank(tx, into.kind);
    const memberIds = await tx.execute<{ n: number }>(sql`select count(*)::int as n from membership where org_id = ${org.id} and valid_to is null`);
    if (Number(memberIds.rows[0]!.n) > 0 && !intoKind?.holds_members) throw validation('org.targetHoldsNoMembers', { name: into.name });
    // Active sub-units follow the unit into its new home.
    const children = await tx.execute<OrgRow>(sql`select * from organisation where parent_id = ${org.id} and status = 'ACTIVE' for update`);
    for (const child of children.rows) {
      await checkKindFits(tx, child.kind, into);
      await reparent(tx, { ...child, id: Number(child.id), depth: Number(child.depth) }, into);
    }
    const persons = await closeMemberships(tx, org, input.effectiveOn, 'UNIT_MERGED', into);
    await tx.execute(sql`update organisation set status = 'MERGED', valid_to = ${input.effectiveOn}, merged_into_id = ${into.id}, version = version + 1 where id = ${org.id}`);
    await recordEvent(tx, actor, org, 'MERGED', input.effectiveOn, input.reason, snapshot(org), {
      status: 'MERGED', mergedIntoId: into.id, mergedIntoName: into.name, movedMembers: persons.length, movedUnits: children.rows.length,
    });
    return (await findOrg(tx, id))!;
  });
}

export async function endOrganisation(app: AppContext, actor: AuthActor, id: number, input: z.infer<typeof endOrgInput>) {
  return app.db.transaction(async (tx) => {
    const org = await loadVisible(tx, actor, id);
    requireAllowed(orgPolicy.manage(actor, org));
    checkEffectiveDate(org, input.effectiveOn);
    if (Number(org.child_count) > 0) throw conflict('org.hasActiveChildren', { count: Number(org.child_count) });
    const persons = await closeMemberships(tx, org, input.effectiveOn, 'UNIT_ENDED', null);
    await tx.execute(sql`update organisation set status = 'ENDED', valid_to = ${input.effectiveOn}, version = version + 1 where id = ${org.id}`);
    await recordEvent(tx, actor, org, 'ENDED', input.effectiveOn, input.reason, snapshot(org), { status: 'ENDED', endedMemberships: persons.length });
    return (await findOrg(tx, id))!;
  });
}
