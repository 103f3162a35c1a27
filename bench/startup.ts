// Benchmark (c): start-up time of `node bin/vinhdanh.js start`, measured from the spawn until the
// address is printed, until GET / answers 200 and until /api/health reports ok. First run on a fresh
// DATA_DIR (initdb, migrations, demo data, and the web build when dist/web is missing), then
// restarts on the same DATA_DIR. The process group is terminated after each run.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { onCleanup, openServer, runCleanups } from './lib/database';
import { envInt, writeResult } from './lib/results';

const ROOT = path.resolve(import.meta.dirname, '..');
const WEB_INDEX = path.join(ROOT, 'dist/web/index.html');
const RESTARTS = envInt('BENCH_STARTUP_RESTARTS', 3);
const TIMEOUT_MS = 240_000;
const TARGET_FIRST_S = 15;
const TARGET_RESTART_S = 3;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => (a && typeof a === 'object' ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function probe(url: string, ok: (res: Response) => Promise<boolean>): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return await ok(res);
  } catch {
    return false;
  }
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));
}

async function stopGroup(child: ChildProcess): Promise<number> {
  const t0 = performance.now();
  const kill = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      /* already gone */
    }
  };
  kill('SIGTERM');
  const done = await Promise.race([exited(child).then(() => true), sleep(20_000).then(() => false)]);
  if (!done) {
    kill('SIGKILL');
    await exited(child);
  }
  return Math.round(performance.now() - t0);
}

/** A postmaster left behind (it should not be) is stopped so the temp directory can go. */
async function stopLeftoverPostgres(dataDir: string) {
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  if (!existsSync(pidFile)) return false;
  const pid = Number((await fs.readFile(pidFile, 'utf8')).split('\n')[0]);
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100; i++) {
    await sleep(100);
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
  }
  return true;
}

interface StartRun {
  label: string;
  printedMs: number | null;
  selfReportedMs: number | null;
  rootOkMs: number | null;
  healthOkMs: number | null;
  builtWeb: boolean;
  seededDemo: boolean;
  stopMs: number;
  exitOk: boolean;
}

async function startOnce(label: string, dataDir: string, env: NodeJS.ProcessEnv, args: string[], root = ROOT): Promise<StartRun> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, ['bin/vinhdanh.js', 'start', ...args], {
    cwd: root,
    env: { ...env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  onCleanup(async () => {
    if (child.exitCode === null && child.signalCode === null) await stopGroup(child);
  });
  let out = '';
  let printedMs: number | null = null;
  let selfReportedMs: number | null = null;
  let address: string | null = null;
  const onData = (b: Buffer) => {
    out += b.toString();
    const m = /is running at (http:\/\/\S+)\s+\((\d+) ms\)/.exec(out);
    if (m && printedMs === null) {
      printedMs = Math.round(performance.now() - t0);
      address = m[1]!;
      selfReportedMs = Number(m[2]);
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const base = `http://127.0.0.1:${port}`;
  let rootOkMs: number | null = null;
  let healthOkMs: number | null = null;
  while (performance.now() - t0 < TIMEOUT_MS && (rootOkMs === null || healthOkMs === null)) {
    if (child.exitCode !== null) break;
    const [root, health] = await Promise.all([
      rootOkMs === null ? probe(`${base}/`, async (r) => r.status === 200) : Promise.resolve(false),
      healthOkMs === null ? probe(`${base}/api/health`, async (r) => r.status === 200 && ((await r.json()) as { status?: string }).status === 'ok') : Promise.resolve(false),
    ]);
    const now = Math.round(performance.now() - t0);
    if (root && rootOkMs === null) rootOkMs = now;
    if (health && healthOkMs === null) healthOkMs = now;
    if (rootOkMs === null || healthOkMs === null) await sleep(25);
  }
  const exitCodeBefore = child.exitCode;
  const stopMs = await stopGroup(child);
  await stopLeftoverPostgres(dataDir);
  const printed = address as string | null; // assigned in the output listener
  if (printed && !printed.endsWith(`:${port}`)) console.warn(`  (printed address ${printed}, expected port ${port})`);
  const run: StartRun = {
    label,
    printedMs,
    selfReportedMs,
    rootOkMs,
    healthOkMs,
    builtWeb: /Building the web client/.test(out),
    seededDemo: /Loading demo data/.test(out),
    stopMs,
    exitOk: exitCodeBefore === null,
  };
  if (rootOkMs === null || healthOkMs === null) {
    console.error(`  ${label}: did not become ready; output:\n${out.replace(/^/gm, '    | ')}`);
  }
  console.log(`  ${label}: printed ${printedMs} ms, GET / 200 after ${rootOkMs} ms, /api/health ok after ${healthOkMs} ms${run.builtWeb ? ' (built the web client)' : ''}${run.seededDemo ? ' (loaded demo data)' : ''}; stopped in ${stopMs} ms`);
  return run;
}

/**
 * A scratch copy of the application without dist/web (node_modules linked), so that a first run
 * that has to build the web client can be timed without touching this checkout's dist/web.
 */
async function scratchCopy(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'vd-bench-app-'));
  onCleanup(() => fs.rm(dir, { recursive: true, force: true }));
  for (const entry of ['bin', 'src', 'drizzle', 'index.html', 'vite.config.ts', 'package.json', 'tsconfig.json']) {
    if (existsSync(path.join(ROOT, entry))) await fs.cp(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  }
  await fs.symlink(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

async function main() {
  const started = new Date();
  const distExisted = existsSync(WEB_INDEX);
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const args: string[] = [];
  let mode = 'embedded PostgreSQL (initdb in a fresh DATA_DIR)';
  if (process.env.BENCH_DATABASE_URL) {
    const server = await openServer();
    env.DATABASE_URL = await server.createDatabase('startup');
    args.push('--demo');
    mode = 'PostgreSQL server (BENCH_DATABASE_URL), fresh database';
  }
  console.log(`startup: ${mode}; dist/web ${distExisted ? 'exists' : 'missing (the first run builds it)'}`);
  const mk = async () => {
    const d = await fs.mkdtemp(path.join(os.tmpdir(), 'vd-bench-start-'));
    await fs.chmod(d, 0o755);
    onCleanup(() => fs.rm(d, { recursive: true, force: true }));
    return d;
  };
  const runs: StartRun[] = [];
  const dataDir = await mk();
  runs.push(await startOnce(`first run (fresh DATA_DIR${distExisted ? '' : ', dist/web missing'})`, dataDir, env, args));
  for (let i = 1; i <= RESTARTS; i++) runs.push(await startOnce(`restart ${i} (same DATA_DIR)`, dataDir, env, args));
  if (!distExisted && existsSync(WEB_INDEX) && !process.env.BENCH_DATABASE_URL) {
    runs.push(await startOnce('first run (fresh DATA_DIR, dist/web present)', await mk(), env, args));
  } else if (distExisted && !process.env.BENCH_DATABASE_URL) {
    runs.push(await startOnce('first run (fresh DATA_DIR, dist/web missing: scratch copy of the app)', await mk(), env, args, await scratchCopy()));
  }
  const first = runs.filter((r) => r.label.startsWith('first'));
  const restarts = runs.filter((r) => r.label.startsWith('restart'));
  const worst = (xs: StartRun[], k: 'rootOkMs' | 'healthOkMs') => (xs.some((r) => r[k] === null) ? null : Math.max(...xs.map((r) => r[k]!)));
  const result = {
    mode,
    distWebExisted: distExisted,
    targets: { firstRunSeconds: TARGET_FIRST_S, restartSeconds: TARGET_RESTART_S },
    runs,
    firstRunReadyMs: worst(first.slice(0, 1), 'rootOkMs'),
    restartReadyMsWorst: worst(restarts, 'rootOkMs'),
    restartHealthMsWorst: worst(restarts, 'healthOkMs'),
  };
  const pgMajor = process.env.BENCH_DATABASE_URL ? null : (await fs.readFile(path.join(dataDir, 'pg', 'PG_VERSION'), 'utf8').catch(() => '?')).trim();
  writeResult('startup', started, result, pgMajor ? `PostgreSQL ${pgMajor} (embedded, started by vinhdanh)` : mode);
}

try {
  await main();
} finally {
  await runCleanups();
}
