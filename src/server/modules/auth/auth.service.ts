import { sql } from 'drizzle-orm';
import type { AppContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { audit } from '../../lib/audit';
import { LIMITS } from '../../../contracts/limits';
import { burnVerify, verifyPassword } from './passwords';
import { createSession } from '../../lib/session';

interface LoginMeta {
  ip: string;
  userAgent: string | null;
}

const minutesUntil = (d: Date) => Math.max(1, Math.ceil((d.getTime() - Date.now()) / 60_000));

/**
 * Signs a user in. Limits: per IP, at most LIMITS.loginIpMaxAttempts failures in the window;
 * per account, LIMITS.loginMaxFailures wrong passwords lock it for LIMITS.loginLockMinutes.
 */
export async function login(app: AppContext, username: string, password: string, meta: LoginMeta) {
  const recent = await app.db.execute<{ n: number; oldest: string | null }>(sql`
    select count(*)::int as n, min(at)::text as oldest from login_attempt
    where ip = ${meta.ip} and not succeeded and at > now() - make_interval(mins => ${LIMITS.loginIpWindowMinutes})`);
  const r0 = recent.rows[0]!;
  if (Number(r0.n) >= LIMITS.loginIpMaxAttempts) {
    const until = new Date(new Date(r0.oldest!).getTime() + LIMITS.loginIpWindowMinutes * 60_000);
    throw new AppError('RATE_LIMITED', 'error.RATE_LIMITED', { minutes: minutesUntil(until) });
  }
  const record = (succeeded: boolean) =>
    app.db.execute(sql`insert into login_attempt (ip, username, succeeded) values (${meta.ip}, ${username}, ${succeeded})`);

  const found = await app.db.execute<{ id: number; password_hash: string; disabled: boolean; locked_until: Date | null; failed_logins: number }>(
    sql`select id, password_hash, disabled, locked_until, failed_logins from app_user where username = ${username}`,
  );
  const user = found.rows[0];
  if (!user || user.disabled) {
    await burnVerify(password);
    // An unknown or disabled name answers as an account would, lockout included: nobody learns
    // which usernames exist from when the answer turns to "locked".
    const failures = await app.db.execute<{ n: number }>(sql`
      select count(*)::int as n from login_attempt
      where username = ${username} and not succeeded and at > now() - make_interval(mins => ${LIMITS.loginLockMinutes})`);
    await record(false);
    if (Number(failures.rows[0]!.n) + 1 >= LIMITS.loginMaxFailures) {
      throw new AppError('ACCOUNT_LOCKED', 'error.ACCOUNT_LOCKED', { minutes: LIMITS.loginLockMinutes });
    }
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.locked_until && new Date(user.locked_until) > new Date()) {
    await record(false);
    throw new AppError('ACCOUNT_LOCKED', 'error.ACCOUNT_LOCKED', { minutes: minutesUntil(new Date(user.locked_until)) });
  }
  const ok = await verifyPassword(user.password_hash, password);
  if (!ok) {
    await record(false);
    const lockedUntil = await app.db.transaction(async (tx) => {
      const upd = await tx.execute<{ failed_logins: number; locked_until: Date | null }>(sql`
        update app_user set
          failed_logins = case when failed_logins + 1 >= ${LIMITS.loginMaxFailures} then 0 else failed_logins + 1 end,
          locked_until = case when failed_logins + 1 >= ${LIMITS.loginMaxFailures}
                              then now() + make_interval(mins => ${LIMITS.loginLockMinutes}) else locked_until end
        where id = ${user.id} returning failed_logins, locked_until`);
      const lu = upd.rows[0]?.locked_until ?? null;
      if (lu && new Date(lu) > new Date()) {
        await audit(tx, { userId: null }, [{ action: 'user.locked', entityType: 'user', entityId: user.id, orgId: null, after: { lockedUntil: new Date(lu).toISOString() } }]);
      }
      return lu;
    });
    if (lockedUntil && new Date(lockedUntil) > new Date()) {
      throw new AppError('ACCOUNT_LOCKED', 'error.ACCOUNT_LOCKED', { minutes: LIMITS.loginLockMinutes });
    }
    throw new AppError('INVALID_CREDENTIALS');
  }
  await app.db.execute(sql`update app_user set failed_logins = 0, locked_until = null where id = ${user.id}`);
  await record(true);
  return createSession(app, Number(user.id), meta);
}
