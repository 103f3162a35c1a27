// Benchmark (b): the member list over real HTTP. Starts the real application (buildApp on
// createContext, as `vinhdanh start` does, without the web client) on 127.0.0.1 over a bench-data
// database, signs in as a system administrator, and drives it with autocannon (50 connections,
// 20 s, loopback only; the load generator runs in its own process) for: a bare Fastify route on a
// separate minimal instance (the ceiling of this machine), /auth/me (the cost of any signed-in
// request), the first page of the national list, and a name search (rotating over 50 full names
// taken from the data).
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import { generateBenchData } from '../src/server/seed/bench-data';
import { loadConfig } from '../src/server/config';
import { createContext } from '../src/server/bootstrap';
import { buildApp } from '../src/server/app';
import { grantRole, insertUser } from '../src/server/modules/users/users.service';
import { onCleanup, openBenchDatabase, runCleanups } from './lib/database';
import { envInt, writeResult } from './lib/results';

const MEMBERS = envInt('BENCH_HTTP_MEMBERS', envInt('BENCH_MEMBERS', 1_000_000));
const CONNECTIONS = envInt('BENCH_CONNECTIONS', 50);
const SECONDS = envInt('BENCH_HTTP_SECONDS', 20);
const WARMUP = 3;
const PASSWORD = 'Bench-Mật-khẩu-2024';

interface LoadResult {
  url: string;
  responses2xx: number;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  requestsPerSecond: number;
  latencyMs: { mean: number; p50: number; p95: number; p99: number; max: number };
}

function load(url: string, headers: Record<string, string>, paths?: string[]): Promise<LoadResult> {
  const args = JSON.stringify({ url, connections: CONNECTIONS, seconds: SECONDS, warmupSeconds: WARMUP, headers, paths });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(import.meta.dirname, 'lib/load-runner.mjs'), args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`load-runner exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').pop()!) as LoadResult);
    });
  });
}

async function main() {
  const started = new Date();
  const bdb = await openBenchDatabase('member_http');
  console.log(`member-list-http: ${bdb.postgres}, ${MEMBERS.toLocaleString('en-US')} members, ${CONNECTIONS} connections × ${SECONDS} s`);
  const gen = await generateBenchData(bdb.db, { members: MEMBERS, seed: 1, log: (m) => (m.startsWith('total') ? console.log(`  ${m}`) : undefined) });

  const tld = (await bdb.db.execute<{ id: number }>(sql`select id from organisation where code = 'TLD'`)).rows[0]!;
  await bdb.db.transaction(async (tx) => {
    const id = await insertUser(tx, { userId: null }, { username: 'bench.admin', displayName: 'Quản trị (benchmark)', password: PASSWORD, locale: 'vi', email: null, personId: null });
    await grantRole(tx, { userId: null }, id, 'SYSTEM_ADMIN', Number(tld.id));
  });
  const names = await bdb.db.execute<{ name_folded: string }>(sql`
    select name_folded from person where (hashint8extended(id, 11) & 1023) < ${Math.min(1024, Math.ceil((200 * 1024) / MEMBERS))} order by id limit 50`);
  const searchPaths = names.rows.map((r) => `/api/v1/members?page=1&pageSize=25&q=${encodeURIComponent(r.name_folded)}`);

  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'vd-bench-http-'));
  onCleanup(() => fs.rm(dataDir, { recursive: true, force: true }));
  const config = loadConfig({ DATA_DIR: dataDir, SESSION_SECRET: crypto.randomBytes(32).toString('hex'), LOG_LEVEL: 'silent', PORT: '0' });
  const ctx = createContext(config, bdb);
  const app = await buildApp(ctx, { logger: false, serveWeb: false });
  const appUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  onCleanup(async () => {
    await app.close();
    await Promise.allSettled([...ctx.background]);
  });
  const bare = Fastify({ logger: false });
  bare.get('/bare', async () => ({ ok: true }));
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
  onCleanup(() => bare.close());

  const login = await fetch(`${appUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench.admin', password: PASSWORD }) });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const session = login.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('vd_session='));
  if (!session) throw new Error('no session cookie');
  const headers = { cookie: session };
  const check = await fetch(`${appUrl}/api/v1/members?page=1&pageSize=25`, { headers });
  const first = (await check.json()) as { total: number; totalCapped?: boolean; items: unknown[] };
  if (check.status !== 200 || !(first.total === MEMBERS || (first.totalCapped && first.total < MEMBERS)) || first.items.length !== 25) throw new Error(`unexpected list answer: ${check.status} total=${first.total}`);

  const runs: Record<string, LoadResult & { label: string; note?: string }> = {};
  console.log('  bare Fastify /bare …');
  runs.bare = { label: 'bare Fastify route `/bare`', ...(await load(`${bareUrl}/bare`, {})) };
  console.log('  GET /api/v1/auth/me …');
  runs.me = { label: 'GET /api/v1/auth/me (session and role lookup only: the floor of any signed-in request)', ...(await load(`${appUrl}/api/v1/auth/me`, headers)) };
  console.log('  GET /api/v1/members?page=1&pageSize=25 …');
  runs.list = { label: 'GET /api/v1/members?page=1&pageSize=25 (national, sorted by name)', ...(await load(`${appUrl}/api/v1/members?page=1&pageSize=25`, headers)) };
  console.log('  GET /api/v1/members?…&q=<full name> …');
  runs.search = {
    label: 'GET /api/v1/members?page=1&pageSize=25&q=<full name> (50 names, rotating)',
    note: `e.g. q=${names.rows.slice(0, 3).map((r) => r.name_folded).join(', ')}`,
    ...(await load(`${appUrl}${searchPaths[0]}`, headers, searchPaths)),
  };
  const bareRps = runs.bare.requestsPerSecond;
  const table = Object.fromEntries(
    Object.entries(runs).map(([k, r]) => [k, { ...r, ratioToBare: { requestsPerSecond: Math.round((r.requestsPerSecond / bareRps) * 10000) / 10000, p50: Math.round((r.latencyMs.p50 / runs.bare!.latencyMs.p50) * 10) / 10 } }]),
  );
  for (const [k, r] of Object.entries(table)) {
    console.log(`  ${k.padEnd(7)} ${String(r.requestsPerSecond).padStart(9)} req/s  p50 ${r.latencyMs.p50} ms  p95 ${r.latencyMs.p95} ms  p99 ${r.latencyMs.p99} ms  non-2xx ${Object.entries(r.statuses).filter(([s]) => !s.startsWith('2')).reduce((a, [, n]) => a + n, 0)}  errors ${r.errors}  (${(r.ratioToBare.requestsPerSecond * 100).toFixed(2)} % of bare)`);
  }
  writeResult('member-list-http', started, { members: MEMBERS, connections: CONNECTIONS, seconds: SECONDS, warmupSeconds: WARMUP, poolSize: 10, generationSeconds: gen.totalSeconds, runs: table }, bdb.postgres);
}

try {
  await main();
} finally {
  await runCleanups();
}
