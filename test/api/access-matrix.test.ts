// The access-control matrix (issue 11 item 5): generated from allRoutes() and the classification
// table in test/support/access-matrix.ts. On the demo world (several districts) plus a second set of
// users on another district (TNI-GDA), every route is checked: no session → 401; a write without or
// with a wrong CSRF token → 403 and nothing written; an object of district DMC → 404 for every role
// on district GDA (and a CĐCS object of another CĐCS → 404 for cdcs.truong); a managing route → 403
// or 404 for the VIEWER and the MEMBER inside the subtree, nothing written. Never a 2xx, never a 5xx.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/contracts/enums';
import { allRoutes } from '../../src/server/modules';
import { loadDemo } from '../../src/server/seed/load-demo';
import { DEMO_PASSWORD } from '../../src/server/seed/demo-world';
import type { AnyRoute } from '../../src/server/lib/http';
import { startTestApp, type TestEnv } from '../support/app';
import { createOrg, createPerson, createUser, PASSWORD, type OrgRef } from '../factories';
import { FILE_BEFORE_AUTH, FINDERS, insertMissingObjects, fillUrl, KNOWN_GAPS, minimalBody, minimalQuery, multipartFile, ROUTE_TABLE, routeKey, tableDrift, type Resource } from '../support/access-matrix';

let env: TestEnv;
const routes = allRoutes();
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
let requests = 0;

interface Session { name: string; cookie: string; csrf: string }
const sessions = new Map<string, Session>();
/** Path parameters of one object per resource: inside district DMC, and inside cdcs.fdi's CĐCS. */
const inDistrict = new Map<Resource, Record<string, unknown>>();
const inOtherCdcs = new Map<Resource, Record<string, unknown>>();
let dmcPath = '';

async function login(username: string, password: string): Promise<Session> {
  const res = await env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode}`);
  return { name: username, cookie: `vd_session=${res.cookies.find((c) => c.name === 'vd_session')!.value}`, csrf: res.json<{ csrfToken: string }>().csrfToken };
}

const auditMax = async () => Number((await env.database.db.execute<{ n: string }>(sql`select coalesce(max(id), 0) as n from audit_event`)).rows[0]!.n);

async function send(route: AnyRoute, url: string, s: Session | null, csrf?: string | null) {
  requests++;
  const headers: Record<string, string> = {};
  if (s) headers.cookie = s.cookie;
  if (csrf) headers['x-csrf-token'] = csrf;
  if (route.multipart) {
    const file = multipartFile(route);
    return env.app.inject({ method: route.method, url: url + minimalQuery(route), headers: { ...headers, 'content-type': file.contentType }, payload: file.payload });
  }
  const { body } = minimalBody(route);
  return env.app.inject({ method: route.method, url: url + minimalQuery(route), headers, ...(body !== undefined ? { payload: body as object } : {}) });
}

/** Fills a route's URL: with the object found for its resource, else with placeholder values. */
function urlFor(route: AnyRoute, values?: Record<string, unknown>): string {
  const placeholders: Record<string, unknown> = { id: 1, code: 'TNI', kind: 'AWARD', recordId: 1, orgId: 1, year: 2025, awardCode: 'GIAY_KHEN', serial: 'X', memberId: 1,
    itemId: 1, rid: 1, roleId: 1, nominationId: 1, action: 'submit', rerunId: 1 };
  if (route.url.includes('certificate-templates')) placeholders.kind = 'GIAY_KHEN';
  return fillUrl(route.url, { ...placeholders, ...values })!;
}

const failures: string[] = [];
const gapsSeen: string[] = [];
function expectAnswer(what: string, actor: string, route: AnyRoute, url: string, status: number, allowed: number[], extra = '') {
  if (allowed.includes(status)) return;
  const key = `${actor} ${routeKey(route)}`;
  const line = `${key} (${url}) → ${status}, expected ${allowed.join('/')} [${what}]${extra ? ` ${extra}` : ''}`;
  if (key in KNOWN_GAPS) gapsSeen.push(line);
  else failures.push(line);
}

beforeAll(async () => {
  env = await startTestApp();
  const db = env.database.db;
  await loadDemo(db, undefined, { dataDir: env.ctx.config.dataDir });
  // A second district with one user per role: everything of district DMC is outside their subtree.
  const orgRow = async (code: string) => {
    const r = await db.execute<{ id: number; path: string }>(sql`select id, path from organisation where code = ${code}`);
    return { id: Number(r.rows[0]!.id), path: r.rows[0]!.path, code } satisfies OrgRef;
  };
  const gda = await orgRow('TNI-GDA');
  const dmc = await orgRow('TNI-DMC');
  dmcPath = dmc.path;
  const dmcPerson = Number((await db.execute<{ id: string }>(sql`select id from person where org_path like ${dmc.path + '%'} order by id limit 1`)).rows[0]!.id);
  const adminId = Number((await db.execute<{ id: string }>(sql`select id from app_user where username = 'admin'`)).rows[0]!.id);
  await insertMissingObjects(db, dmc, dmcPerson, adminId);
  const gdaCdcs = await createOrg(db, { code: 'TNI-GDA-AM', name: 'Công đoàn cơ sở Kiểm tra quyền', kind: 'CDCS', parent: gda, sector: 'TRUONG_HOC' });
  const person = await createPerson(db, gdaCdcs, { fullName: 'Lê Văn Kiểm', cccd: '072090008888' });
  const outsiders: [string, Role, OrgRef, number | null][] = [
    ['gda.admin', 'SYSTEM_ADMIN', gda, null], ['gda.tdkt', 'TDKT_OFFICER', gda, null], ['gda.hoidong', 'COUNCIL_MEMBER', gda, null],
    ['gda.cdcs', 'CDCS_OFFICER', gdaCdcs, null], ['gda.xem', 'VIEWER', gda, null], ['gda.doanvien', 'MEMBER', gdaCdcs, person],
  ];
  for (const [name, role, org, personId] of outsiders) await createUser(db, name, [{ role, org }], personId);
  for (const [name] of outsiders) sessions.set(name, await login(name, PASSWORD));
  for (const name of ['admin', 'xem', 'doanvien', 'hoidong', 'cdcs.truong']) sessions.set(name, await login(name, DEMO_PASSWORD));
  const pathOf = async (where: ReturnType<typeof sql>) => (await db.execute<{ path: string }>(sql`select o.path from organisation o where ${where}`)).rows[0]!.path;
  const fdiPath = await pathOf(sql`o.id = (select r.org_id from role_assignment r join app_user u on u.id = r.user_id where u.username = 'cdcs.fdi')`);
  const truongPath = await pathOf(sql`o.id = (select r.org_id from role_assignment r join app_user u on u.id = r.user_id where u.username = 'cdcs.truong')`);
  const provincePath = await pathOf(sql`o.code = 'TNI'`);
  for (const [resource, finder] of Object.entries(FINDERS) as [Resource, NonNullable<(typeof FINDERS)[Resource]>][]) {
    // An object of district DMC; where the demo has none, one of the province outside district GDA.
    const a = (await db.execute<Record<string, unknown>>(finder(dmcPath, gda.path))).rows[0] ?? (await db.execute<Record<string, unknown>>(finder(provincePath, gda.path))).rows[0];
    if (a) inDistrict.set(resource, a);
    const b = (await db.execute<Record<string, unknown>>(finder(fdiPath, truongPath))).rows[0];
    if (b) inOtherCdcs.set(resource, b);
  }
}, 120_000);
afterAll(() => env.close());

describe('access-control matrix', () => {
  it('classifies every route exactly once (deny by default: a new route must be added to the table)', () => {
    const { unclassified, stale } = tableDrift(routes);
    expect(unclassified, 'routes missing from ROUTE_TABLE').toEqual([]);
    expect(stale, 'ROUTE_TABLE entries for routes that no longer exist').toEqual([]);
    const keys = routes.map(routeKey);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of routes) expect(ROUTE_TABLE[routeKey(r)]![0] === 'PUBLIC', routeKey(r)).toBe(r.auth === 'public');
  });

  it('answers 401 without a session on every non-public route', async () => {
    failures.length = 0;
    for (const route of routes.filter((r) => r.auth !== 'public')) {
      const [, resource] = ROUTE_TABLE[routeKey(route)]!;
      const url = urlFor(route, resource ? inDistrict.get(resource) : undefined);
      const before = UNSAFE.has(route.method) ? await auditMax() : 0;
      const res = await send(route, url, null);
      expectAnswer('no session', '-', route, url, res.statusCode, [401]);
      if (UNSAFE.has(route.method) && (await auditMax()) !== before) failures.push(`- ${routeKey(route)}: wrote audit without a session`);
    }
    expect(failures, failures.join('\n')).toEqual([]);
  }, 60_000);

  it('refuses every write without or with a wrong CSRF token (403 CSRF) and writes nothing', async () => {
    failures.length = 0;
    const admin = sessions.get('admin')!;
    for (const route of routes.filter((r) => r.auth !== 'public' && UNSAFE.has(r.method))) {
      const [, resource] = ROUTE_TABLE[routeKey(route)]!;
      const url = urlFor(route, resource ? inDistrict.get(resource) : undefined);
      const before = await auditMax();
      for (const csrf of [null, 'forged-token', sessions.get('xem')!.csrf]) {
        const res = await send(route, url, admin, csrf);
        expectAnswer(`csrf=${csrf === null ? 'none' : 'wrong'}`, 'admin', route, url, res.statusCode, [403]);
        if (res.statusCode === 403 && res.json<{ code: string }>().code !== 'CSRF') failures.push(`admin ${routeKey(route)}: 403 but not CSRF`);
      }
      if ((await auditMax()) !== before) failures.push(`admin ${routeKey(route)}: wrote audit without a valid CSRF token`);
    }
    expect(failures, failures.join('\n')).toEqual([]);
  }, 60_000);

  const bodyFirst: string[] = [];
  let probed = 0;
  const skipped: string[] = [];

  /** One denied request: expected statuses, plus 400 when the body could not be made valid (validation precedes the handler's authorization). */
  /**
   * `roleGate403`: an outsider may also get 403 when the route refuses their role whatever the object
   * (reports for a MEMBER, user administration for a non-administrator) — accepted only when a
   * missing id gets the very same 403, so that the answer reveals nothing about the object.
   */
  const roleGates: string[] = [];
  async function probe(what: string, actor: string, route: AnyRoute, values: Record<string, unknown>, allowed: number[], roleGate403 = false) {
    const s = sessions.get(actor)!;
    const url = urlFor(route, values);
    const { valid } = minimalBody(route);
    const unsafe = UNSAFE.has(route.method);
    const before = unsafe ? await auditMax() : 0;
    const res = await send(route, url, s, unsafe ? s.csrf : null);
    probed++;
    if (roleGate403 && res.statusCode === 403) {
      const missing = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'number' || /^\d+$/.test(String(v)) ? 999_999_999 : v]));
      const again = await send(route, urlFor(route, missing), s, unsafe ? s.csrf : null);
      if (again.statusCode === 403 && again.body === res.body) {
        if (!roleGates.includes(`${actor} ${routeKey(route)}`)) roleGates.push(`${actor} ${routeKey(route)}`);
        if (unsafe && (await auditMax()) !== before) failures.push(`${actor} ${routeKey(route)} (${url}): wrote audit although denied (403)`);
        return;
      }
    }
    const ok = [...allowed, ...(valid ? [] : [400]), ...(FILE_BEFORE_AUTH.has(routeKey(route)) ? [400, 415] : [])];
    if ((!valid || FILE_BEFORE_AUTH.has(routeKey(route))) && [400, 415].includes(res.statusCode) && !bodyFirst.includes(routeKey(route))) bodyFirst.push(routeKey(route));
    expectAnswer(what, actor, route, url, res.statusCode, ok, res.statusCode >= 200 && res.statusCode < 300 ? '' : res.body.slice(0, 120));
    if (unsafe && (await auditMax()) !== before) failures.push(`${actor} ${routeKey(route)} (${url}): wrote audit although denied (${res.statusCode})`);
  }

  it('hides every object of another subtree: 404 for each role on district GDA (reads and writes), and for cdcs.truong on another CĐCS', async () => {
    failures.length = 0;
    const outsiders = ['gda.admin', 'gda.tdkt', 'gda.hoidong', 'gda.cdcs', 'gda.xem', 'gda.doanvien'];
    for (const route of routes) {
      const [rule, resource] = ROUTE_TABLE[routeKey(route)]!;
      if (!resource || !['READ', 'MANAGE', 'COUNCIL', 'ADMIN'].includes(rule)) continue;
      const values = inDistrict.get(resource);
      if (!values) {
        skipped.push(`${routeKey(route)} (no ${resource} in the demo outside GDA)`);
        continue;
      }
      // Reads run side by side; writes one at a time, each checked against the audit log.
      if (UNSAFE.has(route.method)) for (const actor of outsiders) await probe('outside subtree', actor, route, values, [404], true);
      else await Promise.all(outsiders.map((actor) => probe('outside subtree', actor, route, values, [404], true)));
      const other = inOtherCdcs.get(resource);
      if (other && rule !== 'ADMIN') await probe('other CĐCS', 'cdcs.truong', route, other, [404], true);
    }
    expect(failures, failures.join('\n')).toEqual([]);
  }, 90_000);

  it('refuses managing routes to the VIEWER and the MEMBER inside the subtree (403, or 404 where hidden) and writes nothing', async () => {
    failures.length = 0;
    for (const route of routes) {
      const [rule, resource] = ROUTE_TABLE[routeKey(route)]!;
      if (!['MANAGE', 'MANAGE_CREATE', 'COUNCIL', 'ADMIN', 'GLOBAL_MANAGE'].includes(rule)) continue;
      const values = resource ? inDistrict.get(resource) : {};
      if (!values) continue;
      for (const actor of ['xem', 'doanvien']) await probe('viewer/member inside', actor, route, values, [403, 404]);
    }
    expect(failures, failures.join('\n')).toEqual([]);
  }, 90_000);

  it('reports what it covered', () => {
    console.log(`access matrix: ${routes.length} routes, ${requests} requests, ${probed} denied-access probes`);
    console.log(`validated before authorization (400 with a body the matrix cannot make valid, accepted): ${bodyFirst.length}\n  ${bodyFirst.join('\n  ')}`);
    console.log(`refused by role whatever the object (same 403 for a missing id): ${roleGates.length}\n  ${roleGates.join('\n  ')}`);
    console.log(`no object found in the demo for: ${skipped.length}\n  ${skipped.join('\n  ')}`);
    if (gapsSeen.length) console.log(`KNOWN_GAPS still open:\n  ${gapsSeen.join('\n  ')}`);
    expect(Object.keys(KNOWN_GAPS).length).toBeLessThanOrEqual(6);
    // A gap that no longer reproduces has been fixed: its entry must go.
    for (const key of Object.keys(KNOWN_GAPS).filter((k) => /^\S+ (GET|POST|PUT|PATCH|DELETE) \//.test(k))) {
      expect(gapsSeen.some((g) => g.startsWith(`${key} (`)), `KNOWN_GAPS entry no longer reproduces: ${key}`).toBe(true);
    }
  });
});
