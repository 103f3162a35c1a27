// The audit log as a list: the events in the administrator's subtree, filtered by unit, user, day and
// kind, newest first. One query shared by the list route and its Excel export.
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { auditListQuery, AuditItem } from '../../../contracts/audit';
import type { DbOrTx } from '../../db/client';
import type { AuthActor } from '../../lib/actor';
import { AppError, notFound } from '../../lib/errors';
import { auditPolicy, covers, scopePaths } from '../../lib/policy';
import { findOrg } from '../organisations/organisations.repository';

type AuditListQuery = z.output<typeof auditListQuery>;

/** The audit log in the administrator's subtree, newest first; the unit filtered on must be in it (else 404). */
export async function listAuditEvents(db: DbOrTx, actor: AuthActor, query: AuditListQuery) {
  if (!auditPolicy.readAny(actor)) throw new AppError('FORBIDDEN');
  let paths = scopePaths(actor, ['SYSTEM_ADMIN']);
  if (query.orgId !== undefined) {
    const org = await findOrg(db, query.orgId);
    if (!org || !paths.some((p) => covers(p, org.path))) throw notFound();
    paths = [org.path];
  }
  // Events without a unit (sign-in lockouts, user accounts) are visible to administrators of a root.
  const rootAdmin = actor.roles.some((r) => r.role === 'SYSTEM_ADMIN' && r.orgPath.split('/').filter(Boolean).length === 1);
  const scope = sql.join(paths.map((p) => sql`a.org_path like ${p + '%'}`), sql` or `);
  const parts = [sql`(${scope}${rootAdmin && query.orgId === undefined ? sql` or a.org_id is null` : sql``})`];
  if (query.userId) parts.push(sql`a.actor_id = ${query.userId}`);
  if (query.from) parts.push(sql`a.occurred_at >= ${query.from}::date`);
  if (query.to) parts.push(sql`a.occurred_at < ${query.to}::date + 1`);
  if (query.entityType) parts.push(sql`a.entity_type = ${query.entityType}`);
  const where = sql.join(parts, sql` and `);
  const [rows, total] = await Promise.all([
    db.execute<{ id: number; occurred_at: string; actor_id: number | null; actor_name: string | null; org_id: number | null; org_name: string | null; action: string; entity_type: string; entity_id: string | null; before: unknown; after: unknown; hash: string }>(sql`
      select a.id, to_json(a.occurred_at)#>>'{}' as occurred_at, a.actor_id, u.display_name as actor_name, a.org_id, o.name as org_name,
             a.action, a.entity_type, a.entity_id, a.before, a.after, a.hash
      from audit_event a left join app_user u on u.id = a.actor_id left join organisation o on o.id = a.org_id
      where ${where} order by a.id desc limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from audit_event a where ${where}`),
  ]);
  return {
    items: rows.rows.map((r): AuditItem => ({
      id: Number(r.id), occurredAt: r.occurred_at, actorId: r.actor_id === null ? null : Number(r.actor_id), actorName: r.actor_name,
      orgId: r.org_id === null ? null : Number(r.org_id), orgName: r.org_name, action: r.action, entityType: r.entity_type,
      entityId: r.entity_id, before: r.before, after: r.after, hash: r.hash,
    })),
    total: Number(total.rows[0]!.n),
    page: query.page,
    pageSize: query.pageSize,
  };
}
