// Database faults and security headers (issue 11, items 2 and 5): connections cut under a write load
// answer a clean 503 with the Vietnamese message — never a 500 — the pool recovers by itself, and every
// write the API acknowledged is in the database with its audit event.
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestEnv } from '../support/app';
import { loginAs, smallWorld, type Client } from '../factories';
import { verifyAuditChain } from '../../src/server/lib/audit';
import { buildApp } from '../../src/server/app';
import { createContext } from '../../src/server/bootstrap';
import { loadConfig } from '../../src/server/config';
import { t } from '../../src/contracts/messages';
import { CONTENT_SECURITY_POLICY, HSTS } from '../../src/server/lib/security-headers';
import { STANDALONE_CSP } from '../../src/server/modules/public-site/layout';
import { todayInVietnam } from '../../src/server/modules/imports/xlsx/validate-member-row';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
let officer: Client;

beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(env.database.db);
  officer = await loginAs(env.app, 'huyen.tdkt');
});
afterAll(async () => env?.close());

/** Ends every connection the application holds to its database (what a server restart does to them). */
async function cutConnections(): Promise<number> {
  const admin = new pg.Client({ connectionString: env.url });
  await admin.connect();
  try {
    const r = await admin.query<{ n: string }>(
      `select count(*) filter (where pg_terminate_backend(pid)) as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
    );
    return Number(r.rows[0]!.n);
  } finally {
    await admin.end();
  }
}

describe('connections cut under a write load', () => {
  it('answers 503 with the Vietnamese message or succeeds, never 500; recovers; loses no acknowledged write', async () => {
    const today = todayInVietnam();
    const acknowledged: string[] = [];
    const statuses = new Map<number, number>();
    const unavailableBodies: { code: string; message: string; retryAfter: unknown }[] = [];
    let n = 0;
    let stop = false;
    // Four writers create units one after another until told to stop.
    const writer = async (k: number) => {
      while (!stop) {
        n += 1;
        const code = `DMC-A-R${k}-${n}`;
        const res = await officer.post('/api/v1/organisations', { code, name: `Tổ công đoàn thử ${k}-${n}`, kind: 'TO_CD', parentId: w.orgs.cdcsA.id, effectiveOn: today });
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        if (res.statusCode === 200) acknowledged.push(res.json().code);
        if (res.statusCode === 503) unavailableBodies.push({ ...res.json(), retryAfter: res.headers['retry-after'] });
      }
    };
    const writers = [1, 2, 3, 4].map(writer);
    // Let the load run, then cut every connection several times while it runs.
    let cut = 0;
    for (let round = 0; round < 5; round += 1) {
      await new Promise((r) => setTimeout(r, 150));
      cut += await cutConnections();
    }
    await new Promise((r) => setTimeout(r, 150));
    stop = true;
    await Promise.all(writers);

    expect(cut).toBeGreaterThan(0);
    expect([...statuses.keys()].every((s) => s === 200 || s === 503)).toBe(true);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
    for (const b of unavailableBodies) {
      expect(b).toEqual({ code: 'UNAVAILABLE', message: t('vi', 'error.UNAVAILABLE'), retryAfter: '5' });
    }

    // The pool recovers by itself: the next requests succeed without any restart.
    const after = await officer.post('/api/v1/organisations', { code: 'DMC-A-SAU', name: 'Tổ công đoàn sau sự cố', kind: 'TO_CD', parentId: w.orgs.cdcsA.id, effectiveOn: today });
    expect(after.statusCode).toBe(200);
    acknowledged.push('DMC-A-SAU');
    const health = await env.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.json()).toMatchObject({ status: 'ok', database: 'ok' });

    // Every acknowledged unit is there with its audit event; nothing half-written (a unit without its event).
    const stored = await env.database.db.execute<{ code: string; audited: boolean }>(sql`
      select o.code, exists (select 1 from audit_event a where a.entity_type = 'organisation' and a.entity_id = o.id::text) as audited
      from organisation o where o.code like 'DMC-A-R%' or o.code = 'DMC-A-SAU'`);
    const codes = new Set(stored.rows.map((r) => r.code));
    for (const code of acknowledged) expect(codes.has(code), code).toBe(true);
    expect(stored.rows.every((r) => r.audited)).toBe(true);
    expect((await verifyAuditChain(env.database.db)).ok).toBe(true);
  });

  it('answers 503 (not 500) while the database cannot be reached at all, then works again', async () => {
    // A second application on the same files but pointed at a port where nothing listens.
    const { connect } = await import('../../src/server/db/client');
    const down = connect('postgres://postgres@127.0.0.1:1/nowhere', 2);
    const ctx = createContext(env.ctx.config, down);
    const app = await buildApp(ctx);
    try {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'huyen.tdkt', password: 'x' } });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ code: 'UNAVAILABLE', message: t('vi', 'error.UNAVAILABLE') });
      const en = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: 'vd_session=abc; vd_locale=en' } });
      expect(en.statusCode).toBe(503);
      expect(en.json().message).toBe(t('en', 'error.UNAVAILABLE'));
      const page = await app.inject({ method: 'GET', url: '/cong-khai/DMC' });
      expect(page.statusCode).toBe(503);
      expect(page.headers['content-type']).toMatch(/text\/html/);
    } finally {
      await app.close();
      await down.close();
    }
    expect((await env.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});

describe('security headers', () => {
  it('sends the policy, no sniffing and no framing on API answers, errors and public pages; no HSTS over plain HTTP', async () => {
    for (const url of ['/api/health', '/api/v1/auth/me', '/api/v1/nothing-here', '/cong-khai/DMC', '/cong-khai/KHONG-CO']) {
      const res = await env.app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      // The public site's standalone pages keep their stricter policy (no script at all); the rest get the app's.
      if (url.startsWith('/cong-khai/')) expect(csp, url).toBe(STANDALONE_CSP);
      else expect(csp, url).toBe(CONTENT_SECURITY_POLICY);
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toMatch(/script-src 'self'|default-src 'none'/);
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
      expect(res.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('adds HSTS when the request came over HTTPS through a trusted proxy, and only then', async () => {
    const config = loadConfig({ DATA_DIR: path.join(os.tmpdir(), `vd-hsts-${crypto.randomBytes(4).toString('hex')}`), SESSION_SECRET: crypto.randomBytes(32).toString('hex'), TRUST_PROXY: 'true' });
    const app = await buildApp(createContext(config, env.database));
    try {
      const https = await app.inject({ method: 'GET', url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
      expect(https.headers['strict-transport-security']).toBe(HSTS);
      const plain = await app.inject({ method: 'GET', url: '/api/health' });
      expect(plain.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await app.close();
    }
    // Without a trusted proxy a client cannot claim HTTPS with a header.
    const spoofed = await env.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(spoofed.headers['strict-transport-security']).toBeUndefined();
  });
});
