import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { defineRoute } from '../../lib/http';
import { idParams, pageOf } from '../../../contracts/common';
import { assignRoleInput, createUserInput, revokeRoleInput, updateUserInput, userItem, userListQuery, type UserItem } from '../../../contracts/users';
import type { Role } from '../../../contracts/enums';
import { notFound } from '../../lib/errors';
import { scopePaths } from '../../lib/policy';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import { assignRole, createUser, requireAdmin, revokeRole, updateUser } from './users.service';

type UserRow = { id: number; username: string; display_name: string; email: string | null; disabled: boolean; locked_until: string | null; roles: { id: number; role: Role; orgId: number; orgName: string }[] };

/**
 * Users visible to an administrator: those holding a role inside the administrator's subtree,
 * and users without any role yet (just created, waiting for an assignment).
 */
async function listUsers(app: AppContext, actor: AuthActor, q: string | undefined, limit: number, offset: number, id?: number) {
  const paths = scopePaths(actor, ['SYSTEM_ADMIN']);
  const inScope = sql.join(paths.map((p) => sql`o.path like ${p + '%'}`), sql` or `);
  const where = sql`(exists (select 1 from role_assignment ra join organisation o on o.id = ra.org_id where ra.user_id = u.id and (${inScope}))
      or not exists (select 1 from role_assignment ra where ra.user_id = u.id and ra.revoked_at is null))
    ${q ? sql`and (u.username ilike ${'%' + q + '%'} or vd_fold(u.display_name) like '%' || vd_fold(${q}) || '%')` : sql``}
    ${id !== undefined ? sql`and u.id = ${id}` : sql``}`;
  const [rows, total] = await Promise.all([
    app.db.execute<UserRow>(sql`
      select u.id, u.username, u.display_name, u.email, u.disabled, to_json(u.locked_until)#>>'{}' as locked_until,
        coalesce((select json_agg(json_build_object('id', ra.id, 'role', ra.role, 'orgId', ra.org_id, 'orgName', o.name) order by o.path)
                  from role_assignment ra join organisation o on o.id = ra.org_id where ra.user_id = u.id and ra.revoked_at is null), '[]') as roles
      from app_user u where ${where} order by u.username limit ${limit} offset ${offset}`),
    app.db.execute<{ n: number }>(sql`select count(*)::int as n from app_user u where ${where}`),
  ]);
  return { rows: rows.rows, total: Number(total.rows[0]!.n) };
}

const present = (u: UserRow): UserItem => ({
  id: Number(u.id),
  username: u.username,
  displayName: u.display_name,
  email: u.email,
  disabled: u.disabled,
  lockedUntil: u.locked_until && new Date(u.locked_until) > new Date() ? u.locked_until : null,
  roles: u.roles.map((r) => ({ ...r, id: Number(r.id), orgId: Number(r.orgId) })),
  abilities: ['user.update', 'user.assignRole'],
});

async function loadUser(app: AppContext, actor: AuthActor, id: number) {
  const { rows } = await listUsers(app, actor, undefined, 1, 0, id);
  if (!rows[0]) throw notFound();
  return present(rows[0]);
}


export const userRoutes = [
  defineRoute({
    method: 'GET',
    url: '/users',
    summary: 'Users managed by the administrator',
    tag: 'users',
    query: userListQuery,
    response: pageOf(userItem),
    async handler({ app, actor, query }) {
      requireAdmin(actor);
      const { rows, total } = await listUsers(app, actor, query.q, query.pageSize, (query.page - 1) * query.pageSize);
      return { items: rows.map(present), total, page: query.page, pageSize: query.pageSize };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/users',
    summary: 'Create a user (Argon2id password)',
    tag: 'users',
    body: createUserInput,
    response: userItem,
    async handler({ app, actor, body }) {
      const id = await createUser(app, actor, body);
      return loadUser(app, actor, id);
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/users/:id',
    summary: 'Update, disable or reset the password of a user',
    tag: 'users',
    params: idParams,
    body: updateUserInput,
    response: userItem,
    async handler({ app, actor, params, body }) {
      requireAdmin(actor);
      await loadUser(app, actor, params.id);
      await updateUser(app, actor, params.id, body);
      return loadUser(app, actor, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/users/:id/roles',
    summary: 'Assign a role on an organisation (covers its subtree)',
    tag: 'users',
    params: idParams,
    body: assignRoleInput,
    response: userItem,
    async handler({ app, actor, params, body }) {
      await assignRole(app, actor, params.id, body);
      return loadUser(app, actor, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/users/:id/roles/:roleId/revoke',
    summary: 'Revoke a role assignment (kept with its reason)',
    tag: 'users',
    params: z.object({ id: z.coerce.number().int().positive(), roleId: z.coerce.number().int().positive() }),
    body: revokeRoleInput,
    response: userItem,
    async handler({ app, actor, params, body }) {
      await revokeRole(app, actor, params.id, params.roleId, body.reason);
      return loadUser(app, actor, params.id);
    },
  }),
];
