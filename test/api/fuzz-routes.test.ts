// Hostile input on every API route (issue 11, item 4): inputs generated from each route's own
// schemas (test/support/fuzz.ts) are sent as a system administrator — CSRF token included, so they
// reach validation and the handlers — and, on public routes, without a session too. Every answer is
// below 500, every 4xx is `{ code, message }` with a Vietnamese message, and a refused request
// changes nothing (the audit chain, which every write appends to in its own transaction, stays
// where it was). FUZZ_RUNS sets the number of inputs per route (and per audience).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { startTestApp, type TestEnv } from '../support/app';
import { createUser, loginAs, smallWorld, type Client } from '../factories';
import { allRoutes } from '../../src/server/modules/index';
import type { AnyRoute } from '../../src/server/lib/http';
import { describeInput, jsonSchemaOf, routeInputArb, schemaKeys, toRequest, validArb, type FuzzInput, type Js } from '../support/fuzz';

// 8 inputs per route keep this file within a minute on a 2-core machine (≈ 3,500 requests); raise it for a deeper search.
const RUNS = Number(process.env.FUZZ_RUNS ?? 8);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
let admin: Client;
let admins = 0;
let sent = 0;
let ipSeq = 0;
const statuses = new Map<number, number>();

beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(env.database.db);
  admin = await loginAs(env.app, 'admin');
});
afterAll(async () => {
  console.log(`fuzz-routes: ${sent} requests over ${allRoutes().length} routes (FUZZ_RUNS=${RUNS}); statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`);
  await env?.close();
});

/** Vietnamese text: at least one letter with a Vietnamese diacritic. */
const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;

/**
 * Refusals by Fastify's router before any route runs (percent-encoding that is not UTF-8, a path
 * parameter over 100 characters): below 500 and JSON, but in Fastify's English. They are checked once,
 * for their message, by the test at the end of this file rather than on every route.
 */
const ROUTER_LEVEL = new Set(['FST_ERR_BAD_URL', 'FST_ERR_MAX_PARAM_LENGTH']);

async function auditHead(): Promise<string> {
  const r = await env.database.db.execute<{ last_id: string; event_count: string }>(sql`select last_id::text, event_count::text from audit_head where id = 1`);
  const row = r.rows[0];
  return row ? `${row.last_id}/${row.event_count}` : 'empty';
}

/** Fuzzing may sign the administrator out, disable them, take their role or switch their language: start again with a fresh one. */
async function ensureAdmin() {
  const me = await admin.get('/api/v1/auth/me');
  const body = me.statusCode === 200 ? me.json<{ locale: string; roles: { role: string }[] }>() : null;
  if (body && body.locale === 'vi' && body.roles.some((r) => r.role === 'SYSTEM_ADMIN')) return;
  const username = `fuzz.admin${++admins}`;
  await createUser(env.database.db, username, [{ role: 'SYSTEM_ADMIN', org: w.orgs.tld }]);
  admin = await loginAs(env.app, username);
}

async function send(route: AnyRoute, input: FuzzInput, signedIn: boolean) {
  const req = toRequest(route, input);
  // A fresh client address per request, so that per-address rate limits do not hide the handlers.
  ipSeq++;
  const opts: InjectOptions & { method: string; url: string } = { ...req, remoteAddress: `10.${(ipSeq >> 16) & 255}.${(ipSeq >> 8) & 255}.${ipSeq & 255}` };
  sent++;
  const res = signedIn ? await admin.request(opts) : await env.app.inject(opts);
  statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
  return res;
}

function check(route: AnyRoute, signedIn: boolean) {
  let before = '';
  return fc.asyncProperty(routeInputArb(route), async (input) => {
    before ||= await auditHead();
    const res = await send(route, input, signedIn);
    if (res.statusCode >= 500) throw new Error(`${res.statusCode} ${res.body.slice(0, 300)}`);
    if (res.statusCode >= 400) {
      let err: { code?: unknown; message?: unknown };
      try {
        err = res.json();
      } catch {
        throw new Error(`${res.statusCode} is not JSON: ${res.body.slice(0, 200)}`);
      }
      if (typeof err.code !== 'string' || !err.code) throw new Error(`${res.statusCode} without a code: ${res.body.slice(0, 200)}`);
      if (typeof err.message !== 'string' || (!VIETNAMESE.test(err.message) && !ROUTER_LEVEL.has(err.code))) throw new Error(`${res.statusCode} without a Vietnamese message: ${res.body.slice(0, 200)}`);
    }
    if (res.statusCode < 300 && route.url === '/auth/locale') await admin.put('/api/v1/auth/locale', { locale: 'vi' });
    if (res.statusCode < 300) {
      // A legitimate write: wait for any work it started in the background, then take a new baseline.
      await Promise.allSettled([...env.ctx.background]);
      before = await auditHead();
    } else {
      const after = await auditHead();
      if (after !== before) {
        const events = await env.database.db.execute<{ action: string }>(sql`select action from audit_event order by id desc limit 3`);
        before = after;
        throw new Error(`${res.statusCode} ${res.body.slice(0, 200)} — but the audit chain moved (${events.rows.map((e) => e.action).join(', ')}): a partial write`);
      }
    }
  });
}

async function fuzz(route: AnyRoute, signedIn: boolean) {
  const details = await fc.check(check(route, signedIn), { numRuns: RUNS, seed: SEED, endOnFailure: false, interruptAfterTimeLimit: 25_000, markInterruptAsFailure: false });
  await ensureAdmin();
  if (details.failed) {
    const input = details.counterexample?.[0] as FuzzInput | undefined;
    const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    expect.fail(`${signedIn ? 'administrator' : 'anonymous'}: ${error}\n  input: ${input ? describeInput(route, input) : '?'}\n  seed ${details.seed}, path ${details.counterexamplePath}`);
  }
}

describe('every route under hostile input', () => {
  for (const route of allRoutes()) {
    it(`${route.method} ${route.url}`, async () => {
      await fuzz(route, true);
      if (route.auth === 'public') await fuzz(route, false);
    });
  }
});

/** Is a JSON Schema a text (or may it be one)? */
const takesText = (js: Js): boolean => js.type === 'string' || (Array.isArray(js.type) && js.type.includes('string')) || [...(js.anyOf ?? []), ...(js.oneOf ?? [])].some(takesText);

/**
 * PostgreSQL refuses U+0000 in text: a NUL that reaches a query is a server error. Deterministic sweep:
 * for every text field a route names (path, query or body), an otherwise valid-looking request with
 * that field set to "a\u0000b".
 */
describe('a NUL character in every text field', () => {
  for (const route of allRoutes()) {
    const fields: ['params' | 'query' | 'body', string][] = [];
    for (const where of ['params', 'query', 'body'] as const) {
      for (const [key, js] of schemaKeys(jsonSchemaOf(route[where]))) if (takesText(js)) fields.push([where, key]);
    }
    if (fields.length === 0) continue;
    it(`${route.method} ${route.url}: ${fields.map(([w, k]) => `${w}.${k}`).join(', ')}`, async () => {
      const failures: string[] = [];
      for (const [where, key] of fields) {
        const sample = (schema: Parameters<typeof jsonSchemaOf>[0]) => {
          const v = fc.sample(validArb(jsonSchemaOf(schema)), { numRuns: 1, seed: 42 })[0];
          return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
        };
        const params = Object.fromEntries([...route.url.matchAll(/:(\w+)/g)].map((m) => [m[1]!, String(sample(route.params)[m[1]!] ?? 1)]));
        const query = sample(route.query);
        const body = sample(route.body);
        ({ params, query, body })[where][key] = 'a\u0000b';
        const input: FuzzInput = { params, query, body: route.method === 'GET' ? { kind: 'none' } : { kind: 'json', value: body } };
        const res = await send(route, input, true);
        if (res.statusCode >= 500) failures.push(`${where}.${key}: ${res.statusCode} — ${describeInput(route, input)}`);
      }
      await ensureAdmin();
      expect(failures.join('\n')).toBe('');
    });
  }
});

/** What the fuzzing found, kept as plain regression cases. */
describe('found by fuzzing', () => {
  it('POST /users naming a member who does not exist: 404 in Vietnamese, no user (was a foreign-key 500)', async () => {
    const before = await auditHead();
    const res = await admin.post('/api/v1/users', { username: 'nguoi.moi', displayName: 'Người mới', password: 'Mật-khẩu-mới-2024!', personId: 999_999 });
    expect(res.statusCode, res.body).toBe(404);
    expect(res.json<{ message: string }>().message).toMatch(VIETNAMESE);
    expect(await auditHead()).toBe(before);
    expect((await env.database.db.execute(sql`select 1 from app_user where username = 'nguoi.moi'`)).rows).toHaveLength(0);
  });

  it.each([['/api/v1/awards/a%00b'], ['/api/v1/public/orgs/DMC%00/documents'], ['/api/v1/public/orgs/%00/consultations']])('GET %s: a NUL in a code is a 400, not a database error', async (url) => {
    const res = await admin.get(url);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json<{ message: string }>().message).toMatch(VIETNAMESE);
  });

  it('a stale version answers the catalogue message, not the key "error.STALE"', async () => {
    const created = await admin.post('/api/v1/ceremonies', { orgId: w.orgs.huyen.id, title: 'Lễ tuyên dương điển hình tiên tiến', heldAt: '2026-05-19T08:00:00+07:00', place: 'Hội trường Liên đoàn Lao động huyện' });
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json<{ id: number; version: number }>();
    const res = await admin.patch(`/api/v1/ceremonies/${c.id}`, { version: c.version + 5, place: 'Nhà văn hoá' });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json<{ message: string }>().message).toBe('Dữ liệu vừa được người khác sửa. Vui lòng tải lại trang để xem bản mới nhất rồi thực hiện lại.');
  });
});

describe('refusals by the router, before any route runs', () => {
  it.each([
    ['percent-encoding that is not UTF-8', '/api/v1/members/%FF'],
    ['a lone percent sign', '/api/v1/members/%'],
    ['a path parameter of 101 characters', `/api/v1/members/${'1'.repeat(101)}`],
    ['a path parameter of 100 KB', `/api/v1/public/verify/${'A'.repeat(100_000)}`],
  ])('%s: a 4xx with {code, message} in Vietnamese', async (_, url) => {
    const res = await admin.get(url);
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    const body = res.json<{ code: string; message: string }>();
    expect(body.code).toBeTruthy();
    expect(body.message).toMatch(VIETNAMESE);
  });
});
