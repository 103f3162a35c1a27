// Sessions and secrets (issue 11 item 5): session fixation, server-side logout, cookie flags, and
// logs that never carry a password, a session or CSRF token or a CCCD number. Brute-force protection
// (per-account lockout after five failures → 423 even with the right password, the per-address
// limit → 429, one message for an unknown user and a wrong password) is proven in auth.test.ts; this
// file adds only what that one does not: an unknown account behaves like a known one under lockout.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { captureLogs } from '../support/log-capture';
import { startTestApp, type TestEnv } from '../support/app';
import { PASSWORD, smallWorld } from '../factories';
import { buildApp } from '../../src/server/app';
import { createContext } from '../../src/server/bootstrap';
import type { Config } from '../../src/server/config';
import { KNOWN_GAPS } from '../support/access-matrix';

let env: TestEnv;
let world: Awaited<ReturnType<typeof smallWorld>>;
beforeAll(async () => {
  env = await startTestApp();
  world = await smallWorld(env.database.db);
});
afterAll(() => env.close());

const loginReq = (app: FastifyInstance, username: string, password: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, headers });
const sessionCookie = (res: Awaited<ReturnType<typeof loginReq>>) => res.cookies.find((c) => c.name === 'vd_session');

/** A second application on the same database with other settings. */
async function appWith(overrides: Partial<Config>, opts: { logger?: boolean } = {}) {
  const app = await buildApp(createContext({ ...env.ctx.config, ...overrides }, env.database), opts);
  await app.ready();
  return app;
}

describe('session fixation and logout', () => {
  it('issues a new session at sign-in: a cookie planted before, or an earlier session of the same user, is not the one after', async () => {
    const planted = 'vd_session=attacker-chosen-token-0123456789abcdef';
    const first = await loginReq(env.app, 'cdcs.a', PASSWORD, { cookie: planted });
    expect(first.statusCode).toBe(200);
    const a = sessionCookie(first)!;
    expect(a.value).not.toBe('attacker-chosen-token-0123456789abcdef');
    // The planted value never becomes a session.
    expect((await env.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: planted } })).statusCode).toBe(401);
    // Signing in again while holding a valid session yields a different token and CSRF token.
    const second = await loginReq(env.app, 'cdcs.a', PASSWORD, { cookie: `vd_session=${a.value}` });
    const b = sessionCookie(second)!;
    expect(b.value).not.toBe(a.value);
    expect(second.json<{ csrfToken: string }>().csrfToken).not.toBe(first.json<{ csrfToken: string }>().csrfToken);
    // The server stores hashes, never the token itself.
    const stored = await env.database.db.execute<{ token_hash: string }>(sql`select token_hash from session`);
    expect(stored.rows.map((r) => r.token_hash)).not.toContain(b.value);
  });

  it('logs out on the server: the old cookie answers 401 afterwards, and the session row is gone', async () => {
    const res = await loginReq(env.app, 'huyen.tdkt', PASSWORD);
    const cookie = `vd_session=${sessionCookie(res)!.value}`;
    const csrf = res.json<{ csrfToken: string }>().csrfToken;
    const count = async () => Number((await env.database.db.execute<{ n: string }>(sql`select count(*) as n from session s join app_user u on u.id = s.user_id where u.username = 'huyen.tdkt'`)).rows[0]!.n);
    const before = await count();
    const out = await env.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie, 'x-csrf-token': csrf } });
    expect(out.statusCode).toBe(200);
    const cleared = sessionCookie(out)!;
    expect(cleared.value).toBe('');
    expect(await count()).toBe(before - 1);
    // A copy of the cookie kept by an attacker (or the browser) no longer works: not for reads, not for writes.
    expect((await env.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
    const write = await env.app.inject({ method: 'PUT', url: '/api/v1/auth/locale', headers: { cookie, 'x-csrf-token': csrf }, payload: { locale: 'en' } });
    expect(write.statusCode).toBe(401);
  });
});

describe('session cookie flags', () => {
  it('is HttpOnly, SameSite=Lax, Path=/ and not Secure over plain HTTP without SECURE_COOKIES', async () => {
    const c = sessionCookie(await loginReq(env.app, 'xem', PASSWORD))!;
    expect(c).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(c.secure).toBeFalsy();
    expect(c.maxAge).toBeGreaterThan(0);
  });

  it('is Secure with SECURE_COOKIES=true, and behind a trusted HTTPS proxy', async () => {
    const secure = await appWith({ SECURE_COOKIES: 'true' });
    const proxied = await appWith({ TRUST_PROXY: 'true' });
    try {
      expect(sessionCookie(await loginReq(secure, 'xem', PASSWORD))).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(sessionCookie(await loginReq(proxied, 'xem', PASSWORD, { 'x-forwarded-proto': 'https' }))).toMatchObject({ secure: true, httpOnly: true });
      // An untrusted client cannot claim HTTPS (nor, therefore, change how the cookie is set).
      expect(sessionCookie(await loginReq(env.app, 'xem', PASSWORD, { 'x-forwarded-proto': 'https' }))!.secure).toBeFalsy();
    } finally {
      await secure.close();
      await proxied.close();
    }
  });
});

describe('brute force (the rest is in auth.test.ts)', () => {
  it('answers an unknown account exactly like a known one while failures pile up, so lockout does not reveal which names exist', async () => {
    const attempt = (username: string) => env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'sai' }, remoteAddress: '10.20.0.1' });
    const known: { status: number; body: string }[] = [];
    const unknown: { status: number; body: string }[] = [];
    for (let i = 0; i < 6; i++) {
      const k = await attempt('cdcs.b');
      const u = await attempt('khong-co-ai');
      known.push({ status: k.statusCode, body: k.body });
      unknown.push({ status: u.statusCode, body: u.body });
    }
    expect(known.at(-1)!.status).toBe(423);
    const gap = 'login: lockout reveals the account';
    if (gap in KNOWN_GAPS) {
      // Still open: printed, and checked to still reproduce, so that fixing it makes this line fail and the entry goes.
      console.warn(`KNOWN_GAP ${gap}: ${KNOWN_GAPS[gap]}`);
      expect(unknown.at(-1)!.status).toBe(401);
      expect(unknown.slice(0, 4)).toEqual(known.slice(0, 4));
    } else {
      expect(unknown).toEqual(known);
    }
  });
});

describe('secrets in logs', () => {
  it('never logs the password, the session cookie, the CSRF token or a CCCD number — at trace level, through sign-in, writes, errors and sign-out', async () => {
    // Fastify's logger (pino) writes synchronously to file descriptor 1 through fs.writeSync.
    const logs = captureLogs();
    const captured = logs.lines;
    const app = await appWith({ LOG_LEVEL: 'trace' }, { logger: true });
    const secrets: string[] = [PASSWORD];
    const cccd = '072090123456';
    try {
      const res = await loginReq(app, 'huyen.tdkt', PASSWORD, { cookie: 'vd_locale=vi' });
      expect(res.statusCode).toBe(200);
      const token = sessionCookie(res)!.value;
      const csrf = res.json<{ csrfToken: string }>().csrfToken;
      secrets.push(token, csrf);
      const headers = { cookie: `vd_session=${token}`, 'x-csrf-token': csrf };
      // A wrong password (logged failures must not carry what was typed).
      expect((await loginReq(app, 'huyen.tdkt', 'Sai-mật-khẩu-bí-mật-99')).statusCode).toBe(401);
      secrets.push('Sai-mật-khẩu-bí-mật-99');
      // Create a member with a CCCD, search by it, and send an invalid one (a 400, not a 500).
      secrets.push(cccd);
      const created = await app.inject({ method: 'POST', url: '/api/v1/members', headers, payload: {
        fullName: 'Phạm Văn Bí Mật', gender: 'MALE', birthDate: '1991-03-04', cccd, orgId: world.orgs.cdcsA.id, joinedUnionOn: '2015-01-01',
      } });
      expect(created.statusCode, created.body).toBeLessThan(300);
      const id = created.json<{ id: number }>().id;
      expect((await app.inject({ method: 'GET', url: `/api/v1/members/${id}`, headers })).statusCode).toBe(200);
      // A search by CCCD: the number travels in the query string, which request logs carry.
      expect((await app.inject({ method: 'GET', url: `/api/v1/members?q=${cccd}`, headers })).statusCode).toBe(200);
      const invalid = await app.inject({ method: 'PATCH', url: `/api/v1/members/${id}`, headers, payload: { cccd: '07209012345X' } });
      expect(invalid.statusCode).toBe(400);
      // Refused requests: a forged CSRF token and a stale session.
      expect((await app.inject({ method: 'PATCH', url: `/api/v1/members/${id}`, headers: { ...headers, 'x-csrf-token': 'forged' }, payload: { phone: '0900000000' } })).statusCode).toBe(403);
      expect((await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers })).statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers })).statusCode).toBe(401);
    } finally {
      await app.close();
      logs.restore();
    }
    const log = captured.join('');
    // The logger did run (the assertions below would otherwise prove nothing).
    expect(log).toContain('"url":"/api/v1/auth/login"');
    expect(log.split('\n').filter((l) => l.includes('"statusCode":')).length).toBeGreaterThanOrEqual(8);
    const gap = 'log: CCCD in request URL';
    let checked = log;
    if (gap in KNOWN_GAPS) {
      console.warn(`KNOWN_GAP ${gap}: ${KNOWN_GAPS[gap]}`);
      expect(log).toContain(`"url":"/api/v1/members?q=${cccd}"`);
      checked = log.replace(/"url":"[^"]*\?[^"]*"/g, '"url":"(query string dropped for the known gap)"');
    }
    for (const s of secrets) expect(checked, `log contains ${s.slice(0, 6)}…`).not.toContain(s);
    expect(log.toLowerCase()).not.toContain('"cookie"');
    expect(log.toLowerCase()).not.toContain('x-csrf-token');
  });
});
