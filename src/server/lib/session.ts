// Server-side sessions: the browser keeps a random token in an httpOnly cookie; the database keeps
// only its keyed hash, the user and a CSRF token that must come back in `x-csrf-token`.
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { AppContext } from './context';
import type { AuthActor, RoleGrant } from './actor';
import { randomToken } from './hash';
import { LIMITS } from '../../contracts/limits';
import type { Locale, Role } from '../../contracts/enums';

export const SESSION_COOKIE = 'vd_session';

export const hashToken = (key: string, token: string) => crypto.createHmac('sha256', key).update(token).digest('hex');

export async function createSession(app: AppContext, userId: number, meta: { ip: string; userAgent: string | null }) {
  const token = randomToken(32);
  const csrfToken = randomToken(24);
  const expiresAt = new Date(Date.now() + LIMITS.sessionDays * 86_400_000);
  await app.db.execute(sql`
    insert into session (token_hash, user_id, csrf_token, expires_at, ip, user_agent)
    values (${hashToken(app.sessionKey, token)}, ${userId}, ${csrfToken}, ${expiresAt.toISOString()}, ${meta.ip}, ${meta.userAgent})`);
  return { token, csrfToken, expiresAt };
}

export async function destroySession(app: AppContext, sessionHash: string) {
  await app.db.execute(sql`delete from session where token_hash = ${sessionHash}`);
}

export async function loadRoles(app: AppContext, userId: number): Promise<RoleGrant[]> {
  const rows = await app.db.execute<{ id: number; role: Role; org_id: number; path: string; name: string }>(sql`
    select ra.id, ra.role, ra.org_id, o.path, o.name
    from role_assignment ra join organisation o on o.id = ra.org_id
    where ra.user_id = ${userId} and ra.revoked_at is null
    order by o.path, ra.role`);
  return rows.rows.map((r) => ({ id: Number(r.id), role: r.role, orgId: Number(r.org_id), orgPath: r.path, orgName: r.name }));
}

/** One query resolves the session and the user; a second loads the role grants. */
export async function actorFromToken(app: AppContext, token: string): Promise<AuthActor | null> {
  const tokenHash = hashToken(app.sessionKey, token);
  const found = await app.db.execute<{
    user_id: number; username: string; display_name: string; locale: Locale; person_id: number | null; csrf_token: string;
  }>(sql`
    select u.id as user_id, u.username, u.display_name, u.locale, u.person_id, s.csrf_token
    from session s join app_user u on u.id = s.user_id
    where s.token_hash = ${tokenHash} and s.expires_at > now() and not u.disabled`);
  const row = found.rows[0];
  if (!row) return null;
  const userId = Number(row.user_id);
  return {
    userId,
    username: row.username,
    displayName: row.display_name,
    locale: row.locale,
    personId: row.person_id === null ? null : Number(row.person_id),
    roles: await loadRoles(app, userId),
    csrfToken: row.csrf_token,
    sessionHash: tokenHash,
  };
}
