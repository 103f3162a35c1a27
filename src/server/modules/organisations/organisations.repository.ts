import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { AuthActor } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { covers, orgPolicy, READ_ROLES, scopePaths } from '../../lib/policy';

export type OrgRow = {
  id: number;
  code: string;
  name: string;
  short_name: string | null;
  kind: string;
  sector: string | null;
  parent_id: number | null;
  path: string;
  depth: number;
  status: string;
  valid_from: string;
  valid_to: string | null;
  merged_into_id: number | null;
  address: string | null;
  version: number;
  child_count: number;
  member_count: number;
};

const SELECT_ORG = sql`
  select o.id, o.code, o.name, o.short_name, o.kind, o.sector, o.parent_id, o.path, o.depth, o.status,
         o.valid_from, o.valid_to, o.merged_into_id, o.address, o.version,
         (select count(*) from organisation c where c.parent_id = o.id and c.status = 'ACTIVE')::int as child_count,
         (select count(*) from person p where p.org_path like o.path || '%' and p.status = 'ACTIVE')::int as member_count
  from organisation o`;

export async function findOrg(db: DbOrTx, id: number, forUpdate = false): Promise<OrgRow | null> {
  const r = await db.execute<OrgRow>(sql`${SELECT_ORG} where o.id = ${id} ${forUpdate ? sql`for update of o` : sql``}`);
  return r.rows[0] ?? null;
}

export async function findOrgByCode(db: DbOrTx, code: string): Promise<OrgRow | null> {
  const r = await db.execute<OrgRow>(sql`${SELECT_ORG} where o.code = ${code}`);
  return r.rows[0] ?? null;
}

export async function listChildren(db: DbOrTx, parentId: number, includeInactive: boolean): Promise<OrgRow[]> {
  const r = await db.execute<OrgRow>(sql`${SELECT_ORG}
    where o.parent_id = ${parentId} ${includeInactive ? sql`` : sql`and o.status = 'ACTIVE'`}
    order by o.status = 'ACTIVE' desc, o.name collate "vi-x-icu"`);
  return r.rows;
}

/** Organisations inside any of `scopePaths`, optionally matching a diacritic-free query. */
export async function searchOrgs(db: DbOrTx, scopePaths: string[], q: string | undefined, limit: number, offset: number) {
  if (scopePaths.length === 0) return { rows: [] as OrgRow[], total: 0 };
  const scope = sql.join(scopePaths.map((p) => sql`o.path like ${p + '%'}`), sql` or `);
  const match = q ? sql`and (vd_fold(o.name) like ${'%' + q + '%'} or lower(o.code) like ${'%' + q + '%'})` : sql``;
  const where = sql`where (${scope}) ${match}`;
  const [rows, total] = await Promise.all([
    db.execute<OrgRow>(sql`${SELECT_ORG} ${where} order by o.status = 'ACTIVE' desc, o.depth, o.name collate "vi-x-icu" limit ${limit} offset ${offset}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from organisation o ${where}`),
  ]);
  return { rows: rows.rows, total: Number(total.rows[0]!.n) };
}

export async function ancestorsOf(db: DbOrTx, path: string) {
  const ids = path.split('/').filter(Boolean).slice(0, -1).map(Number);
  if (ids.length === 0) return [];
  const r = await db.execute<{ id: number; name: string; kind: string; depth: number }>(
    sql`select id, name, kind, depth from organisation where id in ${sql`(${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`} order by depth`,
  );
  return r.rows.map((a) => ({ id: Number(a.id), name: a.name, kind: a.kind }));
}

export async function orgKindRank(db: DbOrTx, code: string) {
  const r = await db.execute<{ rank: number; holds_members: boolean }>(sql`select rank, holds_members from org_kind where code = ${code}`);
  return r.rows[0] ?? null;
}

/**
 * The subtrees a list reads: the actor's read scope, or only the chosen unit's subtree when one is
 * given (404 when the unit is missing or out of scope, exactly like missing data).
 */
export async function readableSubtrees(db: DbOrTx, actor: AuthActor, orgId: number | undefined): Promise<string[]> {
  const paths = scopePaths(actor, READ_ROLES);
  if (orgId === undefined) return paths;
  const org = await findOrg(db, orgId);
  if (!org || !orgPolicy.listMembers(actor, org)) throw notFound();
  return paths.some((p) => covers(p, org.path)) ? [org.path] : [];
}
