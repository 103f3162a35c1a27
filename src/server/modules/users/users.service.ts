import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import type { Tx } from '../../db/client';
import { audit } from '../../lib/audit';
import { AppError, conflict, notFound } from '../../lib/errors';
import { userPolicy } from '../../lib/policy';
import type { assignRoleInput, createUserInput, updateUserInput } from '../../../contracts/users';
import { hashPassword } from '../auth/passwords';
import { findOrg } from '../organisations/organisations.repository';

export function requireAdmin(actor: AuthActor) {
  if (!userPolicy.manageAny(actor)) throw new AppError('FORBIDDEN');
}

/** Creates a user (used by the API, the CLI and the demo seed). */
export async function insertUser(tx: Tx, actor: { userId: number | null }, input: z.infer<typeof createUserInput>) {
  const dup = await tx.execute(sql`select 1 from app_user where username = ${input.username}`);
  if (dup.rows.length) throw conflict('user.usernameTaken', { username: input.username });
  // The linked member must exist (the foreign key would otherwise fail as a server error).
  if (input.personId != null && !(await tx.execute(sql`select 1 from person where id = ${input.personId}`)).rows.length) throw notFound();
  const passwordHash = await hashPassword(input.password);
  const r = await tx.execute<{ id: number }>(sql`
    insert into app_user (username, display_name, email, password_hash, locale, person_id)
    values (${input.username}, ${input.displayName.normalize('NFC')}, ${input.email ?? null}, ${passwordHash}, ${input.locale}, ${input.personId ?? null})
    returning id`);
  const id = Number(r.rows[0]!.id);
  await audit(tx, actor, [{ action: 'user.create', entityType: 'user', entityId: id, orgId: null, after: { username: input.username, displayName: input.displayName, email: input.email ?? null, personId: input.personId ?? null } }]);
  return id;
}

export async function grantRole(tx: Tx, actor: { userId: number | null }, userId: number, role: string, orgId: number) {
  const dup = await tx.execute(sql`select 1 from role_assignment where user_id = ${userId} and org_id = ${orgId} and role = ${role} and revoked_at is null`);
  if (dup.rows.length) throw conflict('user.roleExists');
  const r = await tx.execute<{ id: number }>(sql`
    insert into role_assignment (user_id, org_id, role, granted_by) values (${userId}, ${orgId}, ${role}, ${actor.userId}) returning id`);
  await audit(tx, actor, [{ action: 'user.grantRole', entityType: 'user', entityId: userId, orgId, after: { role, orgId, assignmentId: Number(r.rows[0]!.id) } }]);
}

export async function createUser(app: AppContext, actor: AuthActor, input: z.infer<typeof createUserInput>) {
  requireAdmin(actor);
  return app.db.transaction((tx) => insertUser(tx, actor, input));
}

export async function updateUser(app: AppContext, actor: AuthActor, id: number, input: z.infer<typeof updateUserInput>) {
  requireAdmin(actor);
  return app.db.transaction(async (tx) => {
    const r = await tx.execute<{ display_name: string; email: string | null; disabled: boolean }>(sql`select display_name, email, disabled from app_user where id = ${id} for update`);
    const before = r.rows[0];
    if (!before) throw notFound();
    const passwordHash = input.password ? await hashPassword(input.password) : null;
    await tx.execute(sql`update app_user set
      display_name = coalesce(${input.displayName ?? null}, display_name),
      email = ${input.email === undefined ? sql`email` : sql`${input.email}`},
      disabled = coalesce(${input.disabled ?? null}::boolean, disabled),
      password_hash = coalesce(${passwordHash}, password_hash),
      failed_logins = case when ${passwordHash}::text is null then failed_logins else 0 end,
      locked_until = case when ${passwordHash}::text is null then locked_until else null end
      where id = ${id}`);
    if (input.disabled || passwordHash) await tx.execute(sql`delete from session where user_id = ${id}`);
    await audit(tx, actor, [{
      action: 'user.update', entityType: 'user', entityId: id, orgId: null,
      before: { displayName: before.display_name, email: before.email, disabled: before.disabled },
      after: { displayName: input.displayName ?? before.display_name, email: input.email === undefined ? before.email : input.email, disabled: input.disabled ?? before.disabled, passwordChanged: Boolean(passwordHash) },
    }]);
  });
}

export async function assignRole(app: AppContext, actor: AuthActor, userId: number, input: z.infer<typeof assignRoleInput>) {
  requireAdmin(actor);
  return app.db.transaction(async (tx) => {
    const org = await findOrg(tx, input.orgId);
    if (!org || !userPolicy.assignOn(actor, org.path)) throw notFound();
    const u = await tx.execute(sql`select 1 from app_user where id = ${userId}`);
    if (!u.rows.length) throw notFound();
    await grantRole(tx, actor, userId, input.role, input.orgId);
  });
}

export async function revokeRole(app: AppContext, actor: AuthActor, userId: number, assignmentId: number, reason: string) {
  requireAdmin(actor);
  return app.db.transaction(async (tx) => {
    const r = await tx.execute<{ role: string; org_id: number; path: string }>(sql`
      select ra.role, ra.org_id, o.path from role_assignment ra join organisation o on o.id = ra.org_id
      where ra.id = ${assignmentId} and ra.user_id = ${userId} and ra.revoked_at is null for update of ra`);
    const a = r.rows[0];
    if (!a || !userPolicy.assignOn(actor, a.path)) throw notFound();
    if (userId === actor.userId && a.role === 'SYSTEM_ADMIN') throw conflict('user.cannotRevokeOwnAdmin');
    await tx.execute(sql`update role_assignment set revoked_at = now(), revoked_reason = ${reason} where id = ${assignmentId}`);
    await audit(tx, actor, [{ action: 'user.revokeRole', entityType: 'user', entityId: userId, orgId: Number(a.org_id), before: { role: a.role, orgId: Number(a.org_id), assignmentId }, after: { reason } }]);
  });
}
