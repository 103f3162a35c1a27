// Self-service password reset by e-mail. A request always gets the same answer, at once: looking
// up the account, rate limiting, writing the token and queueing the e-mail happen afterwards, in
// the background, so neither the answer nor its timing tells whether an account exists. Only the
// keyed hash of a token is stored; the token itself exists only in the e-mail.
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../lib/context';
import { runInBackground } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { audit } from '../../lib/audit';
import { randomToken } from '../../lib/hash';
import { hashToken } from '../../lib/session';
import { sendOutbox } from '../../lib/mail';
import { LIMITS } from '../../../contracts/limits';
import { t } from '../../../contracts/messages';
import type { Locale } from '../../../contracts/enums';
import { hashPassword } from './passwords';

/** At most this many accounts share one e-mail address in a single request (each gets its own link). */
const MAX_ACCOUNTS_PER_EMAIL = 5;

/** The one answer to every reset request. */
export function passwordResetAnswer(locale: Locale) {
  return { ok: true as const, message: t(locale, 'auth.passwordReset.requested', { minutes: LIMITS.passwordResetMinutes }) };
}

/** Accepts a reset request and does the work after the answer has gone (see the file comment). */
export function requestPasswordReset(app: AppContext, usernameOrEmail: string, ip: string): void {
  runInBackground(app, () =>
    issueResetTokens(app, usernameOrEmail, ip).catch((err: unknown) => {
      // Never the identifier or a token: only what failed.
      console.error('password reset request failed:', err instanceof Error ? err.message : String(err));
    }),
  );
}

type Outcome = 'SENT' | 'RATE_LIMITED_IP' | 'RATE_LIMITED_ACCOUNT';

/** Finds the account(s), applies the limits, stores token hashes and queues the e-mails. Exported for tests. */
export async function issueResetTokens(app: AppContext, usernameOrEmail: string, ip: string): Promise<void> {
  const key = usernameOrEmail.trim();
  const found = await app.db.execute<{ id: number; username: string; display_name: string; email: string; locale: string }>(sql`
    select id, username, display_name, email, locale from app_user
    where not disabled and email is not null and email <> ''
      and (username = ${key.toLowerCase()} or lower(email) = ${key.toLowerCase()})
    order by (username = ${key.toLowerCase()}) desc, id
    limit ${MAX_ACCOUNTS_PER_EMAIL}`);
  // A username match wins over e-mail matches (another account may use that name as its address).
  const byName = found.rows.find((u) => u.username === key.toLowerCase());
  const accounts = byName ? [byName] : found.rows;
  if (accounts.length === 0) return;

  const base = app.config.APP_URL.replace(/\/$/, '');
  const outboxIds = await app.db.transaction(async (tx) => {
    const ids: number[] = [];
    // Serialise requests from one IP so the per-IP count cannot be raced past.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('password_reset_ip:' || ${ip}))`);
    for (const u of accounts) {
      const userId = Number(u.id);
      await tx.execute(sql`select id from app_user where id = ${userId} for update`);
      const counts = await tx.execute<{ by_ip: number; by_user: number }>(sql`
        select
          (select count(*)::int from password_reset where ip = ${ip} and created_at > now() - interval '1 hour') as by_ip,
          (select count(*)::int from password_reset where user_id = ${userId} and created_at > now() - interval '1 hour') as by_user`);
      const c = counts.rows[0]!;
      const outcome: Outcome =
        Number(c.by_ip) >= LIMITS.passwordResetIpPerHour ? 'RATE_LIMITED_IP' : Number(c.by_user) >= LIMITS.passwordResetAccountPerHour ? 'RATE_LIMITED_ACCOUNT' : 'SENT';
      if (outcome === 'SENT') {
        const token = randomToken(32);
        await tx.execute(sql`
          update password_reset set revoked_at = now(), revoked_reason = 'superseded by a newer reset request'
          where user_id = ${userId} and used_at is null and revoked_at is null`);
        await tx.execute(sql`
          insert into password_reset (user_id, token_hash, expires_at, ip)
          values (${userId}, ${hashToken(app.sessionKey, token)}, now() + make_interval(mins => ${LIMITS.passwordResetMinutes}), ${ip})`);
        const locale: Locale = u.locale === 'en' ? 'en' : 'vi';
        const link = `${base}/dat-lai-mat-khau?token=${encodeURIComponent(token)}`;
        const body = t(locale, 'auth.passwordReset.mail.body', { name: u.display_name, username: u.username, minutes: LIMITS.passwordResetMinutes, link });
        const mail = await tx.execute<{ id: number }>(sql`
          insert into email_outbox (to_address, subject, body) values (${u.email}, ${t(locale, 'auth.passwordReset.mail.subject')}, ${body}) returning id`);
        ids.push(Number(mail.rows[0]!.id));
      }
      await audit(tx, { userId: null }, [
        { action: 'auth.passwordReset.request', entityType: 'user', entityId: userId, orgId: null, after: { outcome, ip, via: byName ? 'username' : 'email' } },
      ]);
    }
    return ids;
  });
  if (outboxIds.length > 0) await sendOutbox(app, outboxIds);
}

/** Sets a new password from a valid, unexpired, unused token; ends every session of the user. */
export async function confirmPasswordReset(app: AppContext, token: string, newPassword: string): Promise<void> {
  const tokenHash = hashToken(app.sessionKey, token);
  const passwordHash = await hashPassword(newPassword);
  await app.db.transaction(async (tx) => {
    const found = await tx.execute<{ id: number; user_id: number }>(sql`
      select r.id, r.user_id from password_reset r join app_user u on u.id = r.user_id
      where r.token_hash = ${tokenHash} and r.used_at is null and r.revoked_at is null and r.expires_at > now() and not u.disabled
      for update of r`);
    const row = found.rows[0];
    if (!row) throw new AppError('VALIDATION', 'auth.passwordReset.invalidToken', {}, { field: 'token' });
    const userId = Number(row.user_id);
    await tx.execute(sql`update password_reset set used_at = now() where id = ${row.id}`);
    await tx.execute(sql`
      update password_reset set revoked_at = now(), revoked_reason = 'password was reset with another link'
      where user_id = ${userId} and used_at is null and revoked_at is null`);
    await tx.execute(sql`update app_user set password_hash = ${passwordHash}, failed_logins = 0, locked_until = null where id = ${userId}`);
    const ended = await tx.execute<{ n: number }>(sql`with d as (delete from session where user_id = ${userId} returning 1) select count(*)::int as n from d`);
    await audit(tx, { userId }, [
      { action: 'auth.passwordReset.done', entityType: 'user', entityId: userId, orgId: null, after: { resetId: Number(row.id), sessionsEnded: Number(ended.rows[0]!.n) } },
    ]);
  });
}
