// Per test file: a fresh database cloned from the migrated template, and the real application
// on top of it (requests go through Fastify's inject, the full HTTP stack without a socket).
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { connect, type Database } from '../../src/server/db/client';
import { createContext } from '../../src/server/bootstrap';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import type { AppContext } from '../../src/server/lib/context';
import { withDatabase } from './global-db';

export interface TestEnv {
  app: FastifyInstance;
  ctx: AppContext;
  database: Database;
  url: string;
  close(): Promise<void>;
}

export async function cloneDatabase(): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const adminUrl = inject('dbAdminUrl');
  const template = inject('dbTemplate');
  const name = `${template}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  await admin.end();
  return {
    url: withDatabase(adminUrl, name),
    name,
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`, [name]);
      await c.query(`drop database if exists ${name}`);
      await c.end();
    },
  };
}

export async function startTestApp(opts: { serveWeb?: boolean } = {}): Promise<TestEnv> {
  const clone = await cloneDatabase();
  const database = connect(clone.url, 5);
  const config = { ...loadConfig({ DATA_DIR: path.join(os.tmpdir(), `vd-app-${clone.name}`), SESSION_SECRET: crypto.randomBytes(32).toString('hex'), REPORT_SETTLE_MS: '100' }) };
  const ctx = createContext(config, database);
  const app = await buildApp(ctx, { serveWeb: opts.serveWeb });
  await app.ready();
  return {
    app,
    ctx,
    database,
    url: clone.url,
    async close() {
      await app.close();
      await Promise.allSettled([...ctx.background]);
      await database.close();
      await clone.drop();
    },
  };
}
