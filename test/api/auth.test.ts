import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestEnv } from '../support/app';
import { Client, loginAs, PASSWORD, smallWorld } from '../factories';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestApp();
  await smallWorld(env.database.db);
});
afterAll(() => env.close());

describe('sign-in', () => {
  it('signs in, sets an httpOnly SameSite cookie and returns roles, scope and a CSRF token', async () => {
    const res = await env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'huyen.tdkt', password: PASSWORD } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'vd_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const me = res.json();
    expect(me.roles.map((r: { role: string }) => r.role)).toEqual(['TDKT_OFFICER']);
    expect(me.scopeRoots[0].name).toBe('Liên đoàn Lao động huyện DMC');
    expect(me.csrfToken.length).toBeGreaterThan(20);
    expect(me.locale).toBe('vi');
  });

  it('stores an Argon2id hash, never the password', async () => {
    const r = await env.database.db.execute<{ password_hash: string }>(sql`select password_hash from app_user where username = 'admin'`);
    expect(r.rows[0]!.password_hash.startsWith('$argon2id$')).toBe(true);
    expect(r.rows[0]!.password_hash).not.toContain(PASSWORD);
  });

  it('answers a wrong password and an unknown user with the same Vietnamese message', async () => {
    const wrong = await env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'xem', password: 'sai-mat-khau' } });
    const unknown = await env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'khong-ton-tai', password: 'sai-mat-khau' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual({ code: 'INVALID_CREDENTIALS', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' });
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('locks an account after five wrong passwords, even against the right one, and says for how long', async () => {
    const attempt = (password: string) => env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'cdcs.b', password }, remoteAddress: '10.0.0.7' });
    for (let i = 0; i < 4; i++) expect((await attempt('sai')).statusCode).toBe(401);
    const fifth = await attempt('sai');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().message).toMatch(/Tài khoản tạm khóa.*15 phút/);
    const right = await attempt(PASSWORD);
    expect(right.statusCode).toBe(423);
    const audit = await env.database.db.execute(sql`select 1 from audit_event where action = 'user.locked'`);
    expect(audit.rows.length).toBe(1);
  });

  it('rate-limits an address after too many failures', async () => {
    const attempt = () => env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody', password: 'x' }, remoteAddress: '10.9.9.9' });
    for (let i = 0; i < 50; i++) await attempt();
    const res = await attempt();
    expect(res.statusCode).toBe(429);
    expect(res.json().code).toBe('RATE_LIMITED');
    // Another address is not affected.
    const other = await env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'xem', password: PASSWORD }, remoteAddress: '10.9.9.10' });
    expect(other.statusCode).toBe(200);
  });

  it('refuses unauthenticated API calls with 401', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/v1/members' });
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toBe('Bạn cần đăng nhập để tiếp tục.');
  });

  it('refuses a state-changing request without the CSRF token, accepts it with the token', async () => {
    const c = await loginAs(env.app, 'xem');
    const without = await c.request({ method: 'PUT', url: '/api/v1/auth/locale', payload: { locale: 'en' }, headers: { 'x-csrf-token': 'forged' } });
    // Client.request overrides the header with the real token; send a raw request instead.
    expect(without.statusCode).toBe(200);
    const cookie = (c as unknown as { cookie: string }).cookie;
    const forged = await env.app.inject({ method: 'PUT', url: '/api/v1/auth/locale', payload: { locale: 'vi' }, headers: { cookie, 'x-csrf-token': 'forged' } });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().code).toBe('CSRF');
  });

  it('switches the language: errors come back in English for an English user', async () => {
    const c = await loginAs(env.app, 'cdcs.a');
    await c.put('/api/v1/auth/locale', { locale: 'en' });
    const res = await c.get('/api/v1/organisations/999999');
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe('The requested item was not found.');
    await c.put('/api/v1/auth/locale', { locale: 'vi' });
  });

  it('logs out: the session no longer works', async () => {
    const c = await new Client(env.app).login('admin');
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
  });
});

describe('platform endpoints', () => {
  it('health checks the database', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: 'ok' });
  });

  it('serves an OpenAPI 3 document describing every route with its schemas', async () => {
    const doc = (await env.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/members', '/api/v1/organisations/{id}/move', '/api/v1/auth/login']));
    const list = doc.paths['/api/v1/members'].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['q', 'orgId', 'gender', 'page', 'pageSize']));
    // A union of query objects (the drill-down's figure selector) lists every branch's parameters; only those all branches require are required.
    const drill = doc.paths['/api/v1/dashboard/records'].get.parameters as { name: string; required: boolean }[];
    expect(Object.fromEntries(drill.filter((p) => ['orgId', 'figure', 'code', 'minYears', 'stage'].includes(p.name)).map((p) => [p.name, p.required]))).toEqual({
      orgId: true, figure: true, code: false, minYears: false, stage: false,
    });
    expect(doc.paths['/api/v1/organisations/{id}/merge'].post.requestBody.content['application/json'].schema.required).toEqual(expect.arrayContaining(['intoId', 'effectiveOn', 'reason']));
  });

  it('answers invalid input with VALIDATION and Vietnamese field messages', async () => {
    const c = await loginAs(env.app, 'admin');
    const res = await c.post('/api/v1/organisations', { code: 'x y', name: '', kind: 'CDCS', parentId: 1, effectiveOn: '2024-13-45' });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION');
    expect(body.details.fields.name).toBe('Quá ngắn: cần ít nhất 2 ký tự.');
    expect(body.details.fields.effectiveOn).toBe('Ngày không hợp lệ (định dạng dd/mm/yyyy).');
  });
});
