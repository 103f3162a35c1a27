// The database a benchmark runs on: by default its own embedded PostgreSQL (the product's default)
// in a temporary directory; with BENCH_DATABASE_URL, a fresh database on that server. Either way
// it is removed afterwards, also when the benchmark is interrupted.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbedded } from '../../src/server/db/embedded';
import { APP_DATABASE, ensureDatabase } from '../../src/server/db/provision';
import { connect, type Database } from '../../src/server/db/client';
import { runMigrations } from '../../src/server/db/migrate';

type Cleanup = () => Promise<void>;
const cleanups: Cleanup[] = [];

/** Registers work to undo on exit; runs last-registered first. */
export function onCleanup(fn: Cleanup): void {
  cleanups.push(fn);
}

export async function runCleanups(): Promise<void> {
  while (cleanups.length) {
    const fn = cleanups.pop()!;
    try {
      await fn();
    } catch (err) {
      console.error('cleanup failed:', err instanceof Error ? err.message : err);
    }
  }
}

/** Runs a benchmark's main, then its cleanups; a failure is printed and exits 1 (after cleaning up). */
export async function runBench(main: () => Promise<void>): Promise<void> {
  const failed = await main().then(
    () => false,
    (err: unknown) => (console.error(err), true),
  );
  await runCleanups();
  if (failed) process.exit(1);
}

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    console.error(`\n${sig}: cleaning up…`);
    void runCleanups().finally(() => process.exit(130));
  });
}

function withDb(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

export interface BenchServer {
  /** Connection string of a database that can create others. */
  adminUrl: string;
  mode: 'embedded' | 'BENCH_DATABASE_URL';
  /** Creates an empty database (dropped at cleanup) and returns its URL. */
  createDatabase(label: string): Promise<string>;
  stop(): Promise<void>;
}

export async function openServer(): Promise<BenchServer> {
  const external = process.env.BENCH_DATABASE_URL;
  let adminUrl: string;
  let stopServer: () => Promise<void> = async () => {};
  if (external) {
    adminUrl = external;
  } else {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'vd-bench-'));
    await fs.chmod(dir, 0o755);
    const embedded = await startEmbedded(dir);
    adminUrl = embedded.adminUrl;
    let stopped = false;
    stopServer = async () => {
      if (stopped) return;
      stopped = true;
      await embedded.stop();
      await fs.rm(dir, { recursive: true, force: true });
    };
    onCleanup(stopServer);
  }
  return {
    adminUrl,
    mode: external ? 'BENCH_DATABASE_URL' : 'embedded',
    async createDatabase(label) {
      const name = external ? `vd_bench_${label.replace(/\W/g, '_')}_${crypto.randomBytes(3).toString('hex')}` : APP_DATABASE;
      await ensureDatabase(adminUrl, name);
      const url = withDb(adminUrl, name);
      if (external) {
        onCleanup(async () => {
          const c = new pg.Client({ connectionString: adminUrl });
          await c.connect();
          try {
            await c.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name]);
            await c.query(`drop database if exists "${name}"`);
          } finally {
            await c.end();
          }
        });
      }
      return url;
    },
    stop: stopServer,
  };
}

export interface BenchDatabase extends Database {
  url: string;
  server: BenchServer;
  /** e.g. "18.0" */
  postgres: string;
}

/** A migrated, empty application database on a benchmark server. */
export async function openBenchDatabase(label: string, poolSize = 10): Promise<BenchDatabase> {
  const server = await openServer();
  const url = await server.createDatabase(label);
  const database = connect(url, poolSize);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await database.close();
  };
  onCleanup(close);
  await runMigrations(database.db);
  const v = await database.pool.query<{ server_version: string }>('show server_version');
  return { ...database, close, url, server, postgres: `PostgreSQL ${v.rows[0]!.server_version} (${server.mode})` };
}
