// Requests to respond: when a federation issues a plan or launches a movement it names the
// subordinate units that must answer (by default every grassroots union of its subtree) and a
// deadline. Creating the request, its targets and their inbox items is one set-based statement
// each, in the caller's transaction.
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import type { AuthActor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { validation } from '../../lib/errors';
import { todayInVietnam } from '../imports/xlsx';

/** Kinds of organisation that answer by default: the grassroots level. */
export const DEFAULT_TARGET_KINDS = ['CDCS', 'NGHIEP_DOAN'] as const;

export interface NewRequest {
  issuer: { id: number; path: string };
  sourceType: 'plan' | 'movement';
  sourceId: number;
  responseKind: 'PLAN' | 'REGISTRATION';
  year: number;
  title: string;
  deadline: string;
  /** Units that must answer; null = every active grassroots union below the issuer. */
  targetOrgIds: readonly number[] | null;
  /** Web path the targets' inbox items open. */
  link: string;
}

/**
 * Creates the request with its targets and one inbox item per target. Refuses a deadline in the
 * past and any target that is not an active unit strictly below the issuer; nothing is written then.
 */
export async function createRequest(tx: Tx, actor: AuthActor, r: NewRequest): Promise<{ id: number; targets: number }> {
  if (r.deadline < todayInVietnam()) throw validation('cascade.deadlinePast', { deadline: r.deadline }, { field: 'deadline' });
  let targets: { id: number; path: string }[];
  if (r.targetOrgIds === null) {
    const found = await tx.execute<{ id: number; path: string }>(sql`
      select id, path from organisation
      where path like ${`${r.issuer.path}%`} and id <> ${r.issuer.id} and status = 'ACTIVE'
        and kind = any(${sql.param([...DEFAULT_TARGET_KINDS])}::text[])`);
    targets = found.rows.map((x) => ({ id: Number(x.id), path: x.path }));
  } else {
    const ids = [...new Set(r.targetOrgIds)];
    const found = await tx.execute<{ id: number; path: string; status: string; name: string }>(sql`
      select id, path, status, name from organisation where id = any(${sql.param(ids)}::bigint[])`);
    const byId = new Map(found.rows.map((x) => [Number(x.id), x]));
    for (const id of ids) {
      const o = byId.get(id);
      if (!o) throw validation('cascade.unknownTarget', { id }, { field: 'targetOrgIds' });
      if (!(o.path.length > r.issuer.path.length && o.path.startsWith(r.issuer.path))) throw validation('cascade.targetOutsideSubtree', { name: o.name }, { field: 'targetOrgIds' });
      if (o.status !== 'ACTIVE') throw validation('cascade.targetInactive', { name: o.name }, { field: 'targetOrgIds' });
    }
    targets = ids.map((id) => ({ id, path: byId.get(id)!.path }));
  }
  if (targets.length === 0) throw validation('cascade.noTargets', {}, { field: 'targetOrgIds' });

  const created = await tx.execute<{ id: number }>(sql`
    insert into response_request (issuer_org_id, issuer_path, source_type, source_id, response_kind, year, title, deadline, created_by)
    values (${r.issuer.id}, ${r.issuer.path}, ${r.sourceType}, ${r.sourceId}, ${r.responseKind}, ${r.year}, ${r.title}, ${r.deadline}, ${actor.userId})
    returning id`);
  const id = Number(created.rows[0]!.id);
  const ids = targets.map((t) => t.id);
  const paths = targets.map((t) => t.path);
  await tx.execute(sql`
    insert into request_target (request_id, org_id, org_path)
    select ${id}, t.id, t.path from unnest(${sql.param(ids)}::bigint[], ${sql.param(paths)}::text[]) as t(id, path)`);
  await tx.execute(sql`
    insert into inbox_item (org_id, kind, title, sender_org_id, request_id, link)
    select t.id, 'REQUEST', ${r.title}, ${r.issuer.id}, ${id}, ${r.link} from unnest(${sql.param(ids)}::bigint[]) as t(id)`);
  await audit(tx, actor, [
    {
      action: 'request.create', entityType: 'response_request', entityId: id, orgId: r.issuer.id,
      after: { sourceType: r.sourceType, sourceId: r.sourceId, responseKind: r.responseKind, year: r.year, deadline: r.deadline, targets: ids.length },
    },
  ]);
  return { id, targets: ids.length };
}
