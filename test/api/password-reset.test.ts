// Self-service password reset by e-mail (issue 11 item 5): a request answers the same whether or not
// the account exists and e-mails a one-time link only to a real, enabled account with an address;
// the link sets a new password once, ends every old session and clears the lockout; limits per IP
// and per account stop the e-mails but not the neutral answer; tokens never reach audit or logs.
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { startTestApp, type TestEnv } from '../support/app';
import { startCaptureSmtp, type CaptureSmtp, type CapturedMail } from '../support/smtp';
import { createUser, PASSWORD, smallWorld } from '../factories';
import { buildApp } from '../../src/server/app';
import { createContext } from '../../src/server/bootstrap';
import { LIMITS } from '../../src/contracts/limits';
import type { AppContext } from '../../src/server/lib/context';

let env: TestEnv;
let world: Awaited<ReturnType<typeof smallWorld>>;
let smtp: CaptureSmtp;
let captured: CapturedMail[] = [];

beforeAll(async () => {
  env = await startTestApp();
  world = await smallWorld(env.database.db);
  await env.database.db.execute(sql`update app_user set email = username || '@example.vn' where username in ('cdcs.a', 'cdcs.b', 'xem', 'admin')`);
  // A mixed-case address: the e-mail lookup ignores case.
  await env.database.db.execute(sql`update app_user set email = 'Huyen.TDKT@Example.VN' where username = 'huyen.tdkt'`);
  smtp = await startCaptureSmtp();
  captured = smtp.captured;
  env.ctx.config.SMTP_URL = smtp.url;
});
afterAll(async () => {
  await smtp.close();
  await env.close();
});

const db = () => env.database.db;
const settle = (ctx: AppContext = env.ctx) => Promise.allSettled([...ctx.background]);
const NEUTRAL = 'Nếu tài khoản tồn tại và có địa chỉ email, chúng tôi đã gửi hướng dẫn đặt lại mật khẩu';
const NEW_PASSWORD = 'Mật-khẩu-mới-đặt-lại-2025';

const requestReset = (usernameOrEmail: string, ip: string, app: FastifyInstance = env.app) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { usernameOrEmail }, remoteAddress: ip });
const confirm = (token: string, newPassword: string, app: FastifyInstance = env.app) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, newPassword } });
const loginReq = (username: string, password: string) =>
  env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: '10.99.0.1' });

async function outboxTo(address: string) {
  const r = await db().execute<{ id: number; subject: string; body: string; status: string }>(
    sql`select id, subject, body, status from email_outbox where lower(to_address) = lower(${address}) order by id`,
  );
  return r.rows;
}
const tokenOf = (body: string) => {
  const m = /\/dat-lai-mat-khau\?token=([A-Za-z0-9_-]+)/.exec(body);
  if (!m) throw new Error(`no reset link in: ${body}`);
  return m[1]!;
};
const counts = async () => {
  const r = await db().execute<{ mails: number; resets: number }>(
    sql`select (select count(*)::int from email_outbox) as mails, (select count(*)::int from password_reset) as resets`,
  );
  return r.rows[0]!;
};
const decodeQp = (raw: string) =>
  Buffer.from(raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');

describe('requesting a reset', () => {
  it('answers an unknown account and an account without e-mail exactly like a known one, and sends nothing', async () => {
    const before = await counts();
    const unknown = await requestReset('khong-ton-tai', '10.1.0.1');
    const noEmail = await requestReset('doanvien', '10.1.0.2'); // enabled, but no address
    const disabledUser = await createUser(db(), 'da.khoa', []);
    await db().execute(sql`update app_user set email = 'da.khoa@example.vn', disabled = true where id = ${disabledUser}`);
    const disabled = await requestReset('da.khoa', '10.1.0.3');
    const known = await requestReset('cdcs.b', '10.1.0.4');
    await settle();
    for (const res of [unknown, noEmail, disabled, known]) {
      expect(res.statusCode).toBe(200);
      expect(res.json<{ message: string }>().message).toContain(NEUTRAL);
      expect(res.body).toBe(known.body);
      expect(res.headers['content-type']).toBe(known.headers['content-type']);
      expect(res.cookies).toEqual([]);
    }
    const after = await counts();
    // Only the known account (cdcs.b) got a token and an e-mail.
    expect(after.mails - before.mails).toBe(1);
    expect(after.resets - before.resets).toBe(1);
    expect(await outboxTo('da.khoa@example.vn')).toEqual([]);
  });

  it('e-mails exactly one link, through SMTP, to an account found by e-mail address in any case', async () => {
    const sentBefore = captured.length;
    const res = await requestReset('  huyen.tdkt@EXAMPLE.vn ', '10.2.0.1');
    expect(res.statusCode).toBe(200);
    await settle();
    const mails = await outboxTo('huyen.tdkt@example.vn');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.status).toBe('SENT');
    expect(mails[0]!.subject).toBe('Đặt lại mật khẩu Vinh Danh');
    const token = tokenOf(mails[0]!.body);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(mails[0]!.body).toContain(`${env.ctx.config.APP_URL.replace(/\/$/, '')}/dat-lai-mat-khau?token=${token}`);
    // The message really went out through the SMTP server, with the link in it.
    const arrived = captured.slice(sentBefore);
    expect(arrived).toHaveLength(1);
    expect(arrived[0]!.to.map((a) => a.toLowerCase())).toEqual(['huyen.tdkt@example.vn']);
    expect(decodeQp(arrived[0]!.raw).replace(/\s+/g, '')).toContain(token);
    // Only the hash is stored, expiring after LIMITS.passwordResetMinutes.
    const row = await db().execute<{ token_hash: string; minutes: number }>(sql`
      select token_hash, round(extract(epoch from expires_at - created_at) / 60)::int as minutes
      from password_reset where user_id = ${world.users.huyenOfficer}`);
    expect(row.rows).toHaveLength(1);
    expect(row.rows[0]!.token_hash).not.toContain(token);
    expect(Number(row.rows[0]!.minutes)).toBe(LIMITS.passwordResetMinutes);
    const stored = await db().execute(sql`select * from password_reset`);
    expect(JSON.stringify(stored.rows)).not.toContain(token);
  });

  it('a newer request revokes the earlier unused link', async () => {
    await requestReset('cdcs.a', '10.3.0.1');
    await settle();
    await requestReset('cdcs.a', '10.3.0.1');
    await settle();
    const mails = await outboxTo('cdcs.a@example.vn');
    expect(mails).toHaveLength(2);
    const [first, second] = [tokenOf(mails[0]!.body), tokenOf(mails[1]!.body)];
    const old = await confirm(first, NEW_PASSWORD);
    expect(old.statusCode).toBe(400);
    const rows = await db().execute<{ revoked_reason: string | null }>(sql`select revoked_reason from password_reset where user_id = ${world.users.cdcsA} order by id`);
    expect(rows.rows.map((r) => r.revoked_reason)).toEqual(['superseded by a newer reset request', null]);
    // Leave cdcs.a without a live link for the following tests.
    await db().execute(sql`update password_reset set revoked_at = now(), revoked_reason = 'test cleanup' where user_id = ${world.users.cdcsA} and revoked_at is null`);
    expect((await confirm(second, NEW_PASSWORD)).statusCode).toBe(400);
  });
});

describe('confirming a reset', () => {
  it('sets the password once, ends every old session, clears the lockout and audits without the token', async () => {
    const old = await loginReq('xem', PASSWORD);
    expect(old.statusCode).toBe(200);
    const oldCookie = `vd_session=${old.cookies.find((c) => c.name === 'vd_session')!.value}`;
    expect((await loginReq('xem', PASSWORD)).statusCode).toBe(200); // a second device
    expect((await env.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: oldCookie } })).statusCode).toBe(200);

    await requestReset('xem', '10.4.0.1');
    await settle();
    const token = tokenOf((await outboxTo('xem@example.vn')).at(-1)!.body);
    await db().execute(sql`update app_user set failed_logins = 3, locked_until = now() + interval '10 minutes' where username = 'xem'`);

    // A weak password is refused with the password rule's message; the link stays usable.
    const weak = await confirm(token, 'ngan');
    expect(weak.statusCode).toBe(400);
    expect(JSON.stringify(weak.json())).toContain(String(LIMITS.passwordMin));

    const done = await confirm(token, NEW_PASSWORD);
    expect(done.statusCode, done.body).toBe(200);

    // The old cookie is dead, the session rows are gone, the lockout is cleared.
    expect((await env.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: oldCookie } })).statusCode).toBe(401);
    const sessions = await db().execute<{ n: number }>(sql`select count(*)::int as n from session where user_id = ${world.users.viewer}`);
    expect(Number(sessions.rows[0]!.n)).toBe(0);
    const u = await db().execute<{ failed_logins: number; locked_until: Date | null }>(sql`select failed_logins, locked_until from app_user where username = 'xem'`);
    expect(u.rows[0]).toEqual({ failed_logins: 0, locked_until: null });

    // The new password signs in, the old one does not.
    expect((await loginReq('xem', PASSWORD)).statusCode).toBe(401);
    expect((await loginReq('xem', NEW_PASSWORD)).statusCode).toBe(200);

    // The link works once.
    const again = await confirm(token, 'Một-mật-khẩu-khác-2026');
    expect(again.statusCode).toBe(400);
    expect(again.json<{ message: string }>().message).toBe('Liên kết đặt lại mật khẩu không hợp lệ, đã hết hạn hoặc đã được sử dụng. Vui lòng yêu cầu liên kết mới.');
    expect((await loginReq('xem', NEW_PASSWORD)).statusCode).toBe(200);

    // Audit: a request and a completion for the account, neither carrying the token.
    const events = await db().execute<{ action: string; actor_id: number | null; after: unknown }>(sql`
      select action, actor_id, after from audit_event where entity_type = 'user' and entity_id = ${String(world.users.viewer)}
        and action like 'auth.passwordReset.%' order by id`);
    expect(events.rows.map((e) => e.action)).toEqual(['auth.passwordReset.request', 'auth.passwordReset.done']);
    expect(events.rows[0]!.after).toMatchObject({ outcome: 'SENT', ip: '10.4.0.1' });
    expect(Number(events.rows[1]!.actor_id)).toBe(world.users.viewer);
    expect(events.rows[1]!.after).toMatchObject({ sessionsEnded: 2 });
    const all = await db().execute(sql`select * from audit_event where action like 'auth.passwordReset.%'`);
    expect(JSON.stringify(all.rows)).not.toContain(token);
  });

  it('refuses an expired link, an unknown token and a disabled account, changing nothing', async () => {
    await requestReset('cdcs.b', '10.5.0.1');
    await settle();
    const token = tokenOf((await outboxTo('cdcs.b@example.vn')).at(-1)!.body);
    await db().execute(sql`update password_reset set expires_at = now() - interval '1 minute' where user_id = ${world.users.cdcsB} and revoked_at is null and used_at is null`);
    const expired = await confirm(token, NEW_PASSWORD);
    expect(expired.statusCode).toBe(400);
    expect(expired.json<{ message: string }>().message).toContain('đã hết hạn');
    expect((await confirm('A'.repeat(43), NEW_PASSWORD)).statusCode).toBe(400);
    expect((await loginReq('cdcs.b', PASSWORD)).statusCode).toBe(200);
    const used = await db().execute<{ n: number }>(sql`select count(*)::int as n from password_reset where used_at is not null and user_id = ${world.users.cdcsB}`);
    expect(Number(used.rows[0]!.n)).toBe(0);

    // Disabled after the link was sent: the link no longer works.
    await requestReset('admin', '10.5.0.2');
    await settle();
    const adminToken = tokenOf((await outboxTo('admin@example.vn')).at(-1)!.body);
    await db().execute(sql`update app_user set disabled = true where username = 'admin'`);
    expect((await confirm(adminToken, NEW_PASSWORD)).statusCode).toBe(400);
    await db().execute(sql`update app_user set disabled = false where username = 'admin'`);
  });
});

describe('rate limits', () => {
  it(`per account: after ${LIMITS.passwordResetAccountPerHour} e-mails in an hour, the same answer but no e-mail`, async () => {
    const id = await createUser(db(), 'gioi.han', []);
    await db().execute(sql`update app_user set email = 'gioi.han@example.vn' where id = ${id}`);
    const answers: string[] = [];
    for (let i = 0; i < LIMITS.passwordResetAccountPerHour + 2; i++) {
      const res = await requestReset('gioi.han', `10.6.0.${i + 1}`);
      expect(res.statusCode).toBe(200);
      answers.push(res.body);
      await settle();
    }
    expect(new Set(answers).size).toBe(1);
    expect(await outboxTo('gioi.han@example.vn')).toHaveLength(LIMITS.passwordResetAccountPerHour);
    const events = await db().execute<{ after: { outcome: string } }>(sql`
      select after from audit_event where action = 'auth.passwordReset.request' and entity_id = ${String(id)} order by id`);
    expect(events.rows.map((e) => e.after.outcome)).toEqual([
      ...Array<string>(LIMITS.passwordResetAccountPerHour).fill('SENT'),
      'RATE_LIMITED_ACCOUNT',
      'RATE_LIMITED_ACCOUNT',
    ]);
  });

  it(`per IP: after ${LIMITS.passwordResetIpPerHour} e-mails from one address in an hour, no more e-mails from it`, async () => {
    const ip = '10.7.0.1';
    const perAccount = LIMITS.passwordResetAccountPerHour;
    const accounts = Math.ceil((LIMITS.passwordResetIpPerHour + 2) / perAccount);
    const names: string[] = [];
    for (let i = 0; i < accounts; i++) {
      const name = `ip.limit.${i}`;
      const id = await createUser(db(), name, []);
      await db().execute(sql`update app_user set email = ${`${name}@example.vn`} where id = ${id}`);
      names.push(name);
    }
    const before = await counts();
    let sent = 0;
    for (const name of names) {
      for (let k = 0; k < perAccount; k++) {
        const res = await requestReset(name, ip);
        expect(res.statusCode).toBe(200);
        expect(res.json<{ message: string }>().message).toContain(NEUTRAL);
        await settle();
        sent++;
      }
    }
    expect(sent).toBeGreaterThan(LIMITS.passwordResetIpPerHour);
    expect((await counts()).mails - before.mails).toBe(LIMITS.passwordResetIpPerHour);
    const limited = await db().execute<{ n: number }>(sql`
      select count(*)::int as n from audit_event where action = 'auth.passwordReset.request' and after->>'ip' = ${ip} and after->>'outcome' = 'RATE_LIMITED_IP'`);
    expect(Number(limited.rows[0]!.n)).toBe(sent - LIMITS.passwordResetIpPerHour);
    // Another address is not affected.
    const other = await requestReset(names[0]!, '10.7.0.2');
    expect(other.statusCode).toBe(200);
    await settle();
    expect((await counts()).mails - before.mails).toBe(LIMITS.passwordResetIpPerHour);
    // …except by the per-account limit, which names[0] has reached: pick a fresh account instead.
    const fresh = await createUser(db(), 'ip.limit.fresh', []);
    await db().execute(sql`update app_user set email = 'ip.limit.fresh@example.vn' where id = ${fresh}`);
    await requestReset('ip.limit.fresh', '10.7.0.2');
    await settle();
    expect(await outboxTo('ip.limit.fresh@example.vn')).toHaveLength(1);
  });
});

describe('secrets in logs', () => {
  it('never logs the reset token or the new password, at trace level, through request and confirm', async () => {
    const lines: string[] = [];
    const writeSync = fs.writeSync;
    const stdoutWrite = process.stdout.write.bind(process.stdout);
    const stderrWrite = process.stderr.write.bind(process.stderr);
    (fs as { writeSync: unknown }).writeSync = (fd: number, data: unknown, ...rest: unknown[]) => {
      if (fd === 1 || fd === 2) {
        lines.push(String(data));
        return Buffer.byteLength(String(data));
      }
      return (writeSync as (...a: unknown[]) => number)(fd, data, ...rest);
    };
    const capture = ((chunk: unknown) => {
      lines.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    process.stdout.write = capture;
    process.stderr.write = capture;
    const ctx = createContext({ ...env.ctx.config, LOG_LEVEL: 'trace' }, env.database);
    const app = await buildApp(ctx, { logger: true });
    await app.ready();
    const issued: string[] = [];
    const password = 'Mật-khẩu-trong-nhật-ký-77';
    try {
      expect((await requestReset('cdcs.b', '10.8.0.1', app)).statusCode).toBe(200);
      await settle(ctx);
      const token = tokenOf((await outboxTo('cdcs.b@example.vn')).at(-1)!.body);
      issued.push(token);
      expect((await confirm(token, password, app)).statusCode).toBe(200);
      expect((await confirm(token, password, app)).statusCode).toBe(400);
    } finally {
      await app.close();
      (fs as { writeSync: unknown }).writeSync = writeSync;
      process.stdout.write = stdoutWrite;
      process.stderr.write = stderrWrite;
    }
    const log = lines.join('');
    expect(log).toContain('"url":"/api/v1/auth/password-reset/confirm"');
    expect(issued).toHaveLength(1);
    expect(issued[0]!.length).toBeGreaterThan(40);
    expect(log).not.toContain(issued[0]!);
    expect(log).not.toContain(password);
  });
});
