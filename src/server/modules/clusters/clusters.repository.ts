// Data access for emulation clusters and blocks: one SELECT with the members aggregated (no N+1),
// the paged list scoped to the actor's subtrees, and the set-based member writes.
import { sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client';
import type { ClusterKind, ClusterLevelCode, ClusterRoleCode } from '../../../contracts/clusters';

export type ClusterMemberRow = { orgId: number; name: string; path: string; role: ClusterRoleCode; rotationOrder: number; active: boolean };

export type ClusterRow = {
  id: number;
  org_id: number;
  org_name: string;
  org_kind: string;
  org_path: string;
  org_status: string;
  parent_name: string | null;
  year: number;
  kind: ClusterKind;
  name: string;
  level: ClusterLevelCode;
  covenant: string[];
  covenant_signed_on: string | null;
  leader_org_id: number | null;
  leader_name: string | null;
  leader_chosen_on: string | null;
  leader_record_id: number | null;
  version: number;
  members: ClusterMemberRow[];
};

const SELECT_CLUSTER = sql`
  select c.id, c.org_id, o.name as org_name, o.kind as org_kind, c.org_path, o.status as org_status, po.name as parent_name,
         c.year, c.kind, c.name, c.level, c.covenant, to_char(c.covenant_signed_on, 'YYYY-MM-DD') as covenant_signed_on,
         c.leader_org_id, lo.name as leader_name, to_char(c.leader_chosen_on, 'YYYY-MM-DD') as leader_chosen_on, c.leader_record_id, c.version,
         coalesce((select json_agg(json_build_object('orgId', m.org_id, 'name', mo.name, 'path', mo.path, 'role', m.role,
                                                     'rotationOrder', m.rotation_order, 'active', mo.status = 'ACTIVE')
                                   order by m.rotation_order, m.org_id)
                   from emulation_cluster_member m join organisation mo on mo.id = m.org_id where m.cluster_id = c.id), '[]'::json) as members
  from emulation_cluster c join organisation o on o.id = c.org_id
  left join organisation po on po.id = o.parent_id
  left join organisation lo on lo.id = c.leader_org_id`;

export async function findCluster(db: DbOrTx, id: number, forUpdate = false): Promise<ClusterRow | null> {
  const r = await db.execute<ClusterRow>(sql`${SELECT_CLUSTER} where c.id = ${id} ${forUpdate ? sql`for update of c` : sql``}`);
  return r.rows[0] ?? null;
}

export interface ClusterFilter {
  /** Readable subtrees: a cluster is listed when its organiser or one of its members is inside one. */
  paths: string[];
  year?: number;
  kind?: ClusterKind;
}

export async function listClusters(db: DbOrTx, f: ClusterFilter, limit: number, offset: number): Promise<{ rows: ClusterRow[]; total: number }> {
  if (f.paths.length === 0) return { rows: [], total: 0 };
  const inScope = (col: ReturnType<typeof sql.raw>) => sql`(${sql.join(f.paths.map((p) => sql`${col} like ${`${p}%`}`), sql` or `)})`;
  const where = sql.join(
    [
      sql`(${inScope(sql.raw('c.org_path'))} or exists (select 1 from emulation_cluster_member m join organisation mo on mo.id = m.org_id
             where m.cluster_id = c.id and ${inScope(sql.raw('mo.path'))}))`,
      ...(f.year !== undefined ? [sql`c.year = ${f.year}`] : []),
      ...(f.kind !== undefined ? [sql`c.kind = ${f.kind}`] : []),
    ],
    sql` and `,
  );
  const [rows, total] = await Promise.all([
    db.execute<ClusterRow>(sql`${SELECT_CLUSTER} where ${where} order by c.year desc, c.name collate "vi-x-icu", c.id limit ${limit} offset ${offset}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from emulation_cluster c where ${where}`),
  ]);
  return { rows: rows.rows, total: Number(total.rows[0]!.n) };
}

export type UnitRow = { id: number; name: string; path: string; status: string };

export async function findUnits(tx: DbOrTx, ids: number[]): Promise<Map<number, UnitRow>> {
  if (ids.length === 0) return new Map();
  const r = await tx.execute<UnitRow>(sql`select id, name, path, status from organisation where id = any(${sql.param(ids)}::bigint[])`);
  return new Map(r.rows.map((u) => [Number(u.id), { ...u, id: Number(u.id) }]));
}

/** The first of `orgIds` already in another cluster of the same organiser, kind and year. */
export async function memberElsewhere(tx: DbOrTx, o: { organiserId: number; year: number; kind: ClusterKind; exceptId: number | null }, orgIds: number[]) {
  if (orgIds.length === 0) return null;
  const r = await tx.execute<{ org_id: number; cluster_name: string }>(sql`
    select m.org_id, c.name as cluster_name from emulation_cluster_member m join emulation_cluster c on c.id = m.cluster_id
    where c.org_id = ${o.organiserId} and c.year = ${o.year} and c.kind = ${o.kind} and m.org_id = any(${sql.param(orgIds)}::bigint[])
      ${o.exceptId === null ? sql`` : sql`and c.id <> ${o.exceptId}`}
    order by array_position(${sql.param(orgIds)}::bigint[], m.org_id) limit 1`);
  const row = r.rows[0];
  return row ? { orgId: Number(row.org_id), clusterName: row.cluster_name } : null;
}

export async function nameTaken(tx: DbOrTx, organiserId: number, year: number, name: string, exceptId: number | null): Promise<boolean> {
  const r = await tx.execute(sql`select 1 from emulation_cluster where org_id = ${organiserId} and year = ${year} and name = ${name}
    ${exceptId === null ? sql`` : sql`and id <> ${exceptId}`} limit 1`);
  return r.rows.length > 0;
}

/** Serialises the membership checks and writes of one organiser and year (two officers saving at once). */
export async function lockOrganiserYear(tx: Tx, organiserId: number, year: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`emulation_cluster:${organiserId}:${year}`}, 0))`);
}

export async function replaceMembers(tx: Tx, clusterId: number, members: { orgId: number; role: ClusterRoleCode; rotationOrder: number }[]): Promise<void> {
  await tx.execute(sql`delete from emulation_cluster_member where cluster_id = ${clusterId}`);
  await tx.execute(sql`
    insert into emulation_cluster_member (cluster_id, org_id, role, rotation_order)
    select ${clusterId}, x.org_id, x.role, x.rotation_order
    from jsonb_to_recordset(${JSON.stringify(members.map((m) => ({ org_id: m.orgId, role: m.role, rotation_order: m.rotationOrder })))}::jsonb)
      as x(org_id bigint, role text, rotation_order smallint)`);
}
