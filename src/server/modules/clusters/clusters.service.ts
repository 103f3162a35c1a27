// Cụm, khối thi đua: policy, presenter and the membership use cases (create, edit, carry over to
// next year with rotated roles). Every change is audited in its transaction.
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import type { Tx } from '../../db/client';
import { audit } from '../../lib/audit';
import { conflict, notFound, validation } from '../../lib/errors';
import { coversStrictly, orgPolicy } from '../../lib/policy';
import { findOrg, type OrgRow } from '../organisations/organisations.repository';
import { defaultClusterLevel, roleProblems, rotate } from '../../../domain/clusters/rotation';
import type { ClusterDto, ClusterKind, ClusterMemberInput, CreateClusterInput, UpdateClusterInput } from '../../../contracts/clusters';
import { findCluster, findUnits, lockOrganiserYear, memberElsewhere, nameTaken, replaceMembers, type ClusterRow } from './clusters.repository';

export const clusterPolicy = {
  /** Readers of the organiser's subtree, and readers of a member unit (a CĐCS sees the clusters it belongs to). */
  read: (a: AuthActor, c: Pick<ClusterRow, 'org_path' | 'members'>) =>
    orgPolicy.listMembers(a, { path: c.org_path, status: 'ACTIVE' }) || c.members.some((m) => orgPolicy.listMembers(a, { path: m.path, status: 'ACTIVE' })),
  /** Composition, covenant and leader belong to the managers of the organising federation. */
  write: (a: AuthActor, c: Pick<ClusterRow, 'org_path' | 'org_status'>) => orgPolicy.createChild(a, { path: c.org_path, status: c.org_status }),
};

export function clusterAbilities(a: AuthActor, c: ClusterRow): string[] {
  return clusterPolicy.write(a, c) ? ['cluster.update', 'cluster.nextYear', 'cluster.covenant', 'cluster.leader'] : [];
}

export function presentCluster(a: AuthActor, c: ClusterRow): ClusterDto {
  return {
    id: Number(c.id),
    orgId: Number(c.org_id),
    orgName: c.org_name,
    year: Number(c.year),
    kind: c.kind,
    name: c.name,
    level: c.level,
    members: c.members.map((m) => ({ orgId: Number(m.orgId), name: m.name, role: m.role, rotationOrder: Number(m.rotationOrder), active: m.active })),
    covenant: c.covenant,
    covenantSignedOn: c.covenant_signed_on,
    leader:
      c.leader_org_id === null || c.leader_chosen_on === null || c.leader_record_id === null
        ? null
        : { orgId: Number(c.leader_org_id), name: c.leader_name ?? '', chosenOn: c.leader_chosen_on, recordId: Number(c.leader_record_id) },
    version: Number(c.version),
    abilities: clusterAbilities(a, c),
  };
}

/** Loads a cluster the actor may change, locked, at the version the actor saw. */
export async function loadWritable(tx: Tx, actor: AuthActor, id: number, version: number | null): Promise<ClusterRow> {
  const c = await findCluster(tx, id, true);
  if (!c || !clusterPolicy.read(actor, c) || !clusterPolicy.write(actor, c)) throw notFound();
  if (version !== null && Number(c.version) !== version) throw conflict('cluster.staleVersion');
  return c;
}

interface Organiser {
  id: number;
  name: string;
  path: string;
}

/**
 * Refuses a member list that breaks a rule, naming the unit: fewer than two units, two heads or
 * deputies, a unit twice, a unit not strictly below the organiser or no longer active (units already
 * in the cluster may stay after they end), or a unit already in another cluster of the same kind of
 * the same organiser in the year.
 */
async function checkMembers(
  tx: Tx,
  organiser: Organiser,
  target: { year: number; kind: ClusterKind; exceptId: number | null; keep: Set<number> },
  members: Pick<ClusterMemberInput, 'orgId' | 'role' | 'rotationOrder'>[],
): Promise<void> {
  if (members.length < 2) throw validation('cluster.tooFewMembers', {}, { field: 'members' });
  const units = await findUnits(tx, members.map((m) => m.orgId));
  const missing = members.find((m) => !units.has(m.orgId));
  if (missing) throw validation('cluster.unknownUnit', { id: missing.orgId }, { field: 'members' });
  const problem = roleProblems(members)[0];
  if (problem) {
    const params: Record<string, string | number> = problem.key === 'cluster.duplicateMember' ? { unit: units.get(problem.orgId)!.name } : problem.key === 'cluster.duplicateOrder' ? { order: problem.order } : {};
    throw validation(problem.key, params, { field: 'members' });
  }
  for (const m of members) {
    const u = units.get(m.orgId)!;
    if (!coversStrictly(organiser.path, u.path)) throw validation('cluster.unitOutsideOrganiser', { unit: u.name, organiser: organiser.name }, { field: 'members' });
    if (u.status !== 'ACTIVE' && !target.keep.has(u.id)) throw validation('cluster.unitInactive', { unit: u.name }, { field: 'members' });
  }
  const other = await memberElsewhere(tx, { organiserId: organiser.id, year: target.year, kind: target.kind, exceptId: target.exceptId }, members.map((m) => m.orgId));
  if (other) throw validation('cluster.unitInOtherCluster', { unit: units.get(other.orgId)!.name, cluster: other.clusterName, year: target.year }, { field: 'members' });
}

const organiserOf = (o: OrgRow | ClusterRow): Organiser =>
  'org_name' in o ? { id: Number(o.org_id), name: o.org_name, path: o.org_path } : { id: Number(o.id), name: o.name, path: o.path };

const memberSnapshot = (ms: { orgId: number; role: string; rotationOrder: number }[]) => ms.map((m) => ({ orgId: Number(m.orgId), role: m.role, rotationOrder: Number(m.rotationOrder) }));

async function insertCluster(
  tx: Tx,
  actor: AuthActor,
  organiser: Organiser,
  v: { year: number; kind: ClusterKind; name: string; level: string; members: { orgId: number; role: ClusterMemberInput['role']; rotationOrder: number }[] },
): Promise<number> {
  const r = await tx.execute<{ id: number }>(sql`
    insert into emulation_cluster (org_id, org_path, year, kind, name, level, created_by)
    values (${organiser.id}, ${organiser.path}, ${v.year}, ${v.kind}, ${v.name}, ${v.level}, ${actor.userId}) returning id`);
  const id = Number(r.rows[0]!.id);
  await replaceMembers(tx, id, v.members);
  return id;
}

export async function createCluster(app: AppContext, actor: AuthActor, input: CreateClusterInput): Promise<number> {
  return app.db.transaction(async (tx) => {
    const org = await findOrg(tx, input.orgId);
    if (!org || !orgPolicy.read(actor, org) || !orgPolicy.createChild(actor, org)) throw notFound();
    const organiser = organiserOf(org);
    await lockOrganiserYear(tx, organiser.id, input.year);
    const name = input.name.normalize('NFC');
    await checkMembers(tx, organiser, { year: input.year, kind: input.kind, exceptId: null, keep: new Set() }, input.members);
    if (await nameTaken(tx, organiser.id, input.year, name, null)) throw validation('cluster.nameTaken', { name, year: input.year }, { field: 'name' });
    const level = input.level ?? defaultClusterLevel(org.kind);
    const id = await insertCluster(tx, actor, organiser, { year: input.year, kind: input.kind, name, level, members: input.members });
    await audit(tx, actor, [
      { action: 'cluster.create', entityType: 'emulation_cluster', entityId: id, orgId: organiser.id, after: { year: input.year, kind: input.kind, name, level, members: memberSnapshot(input.members) } },
    ]);
    return id;
  });
}

export async function updateCluster(app: AppContext, actor: AuthActor, id: number, input: UpdateClusterInput): Promise<void> {
  await app.db.transaction(async (tx) => {
    const before = await loadWritable(tx, actor, id, input.version);
    const organiser = organiserOf(before);
    await lockOrganiserYear(tx, organiser.id, Number(before.year));
    const name = input.name.normalize('NFC');
    const keep = new Set(before.members.map((m) => Number(m.orgId)));
    await checkMembers(tx, organiser, { year: Number(before.year), kind: before.kind, exceptId: id, keep }, input.members);
    if (await nameTaken(tx, organiser.id, Number(before.year), name, id)) throw validation('cluster.nameTaken', { name, year: Number(before.year) }, { field: 'name' });
    if (before.leader_org_id !== null && !input.members.some((m) => m.orgId === Number(before.leader_org_id)))
      throw validation('cluster.leaderRemoved', { unit: before.leader_name ?? '' }, { field: 'members' });
    await tx.execute(sql`update emulation_cluster set name = ${name}, updated_at = now(), version = version + 1 where id = ${id}`);
    await replaceMembers(tx, id, input.members);
    await audit(tx, actor, [
      {
        action: 'cluster.update',
        entityType: 'emulation_cluster',
        entityId: id,
        orgId: organiser.id,
        before: { name: before.name, members: memberSnapshot(before.members) },
        after: { name, members: memberSnapshot(input.members) },
      },
    ]);
  });
}

/** Next year's cluster: same organiser, kind, name, level and units (those still active), roles rotated. */
export async function carryOverCluster(app: AppContext, actor: AuthActor, id: number): Promise<number> {
  return app.db.transaction(async (tx) => {
    const from = await loadWritable(tx, actor, id, null);
    const organiser = organiserOf(from);
    const year = Number(from.year) + 1;
    await lockOrganiserYear(tx, organiser.id, year);
    if (await nameTaken(tx, organiser.id, year, from.name, null)) throw conflict('cluster.nextYearExists', { name: from.name, year });
    const members = rotate(from.members.map((m) => ({ orgId: Number(m.orgId), role: m.role, rotationOrder: Number(m.rotationOrder), active: m.active })));
    if (members.length === 0) throw validation('cluster.nextYearEmpty');
    await checkMembers(tx, organiser, { year, kind: from.kind, exceptId: null, keep: new Set() }, members);
    const newId = await insertCluster(tx, actor, organiser, { year, kind: from.kind, name: from.name, level: from.level, members });
    await audit(tx, actor, [
      { action: 'cluster.create', entityType: 'emulation_cluster', entityId: newId, orgId: organiser.id, after: { year, kind: from.kind, name: from.name, level: from.level, members: memberSnapshot(members), carriedOverFrom: id } },
    ]);
    return newId;
  });
}
