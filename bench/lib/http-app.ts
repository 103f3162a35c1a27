// The real application over a bench database (Fastify inject, no network), with a checked request
// helper and a timer: what the HTTP-level benchmarks share.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/server/config';
import { createContext } from '../../src/server/bootstrap';
import { buildApp } from '../../src/server/app';
import type { Client } from '../../test/factories';
import type { Database } from '../../src/server/db/client';
import { onCleanup } from './database';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

/** `env`: configuration settings that differ from the defaults (the config's environment variable names). */
export async function benchApp(bdb: Database, name: string, env: Record<string, string> = {}) {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), `vd-bench-${name}-`));
  onCleanup(() => fs.rm(dataDir, { recursive: true, force: true }));
  const ctx = createContext(loadConfig({ DATA_DIR: dataDir, SESSION_SECRET: crypto.randomBytes(32).toString('hex'), LOG_LEVEL: 'silent', ...env }), bdb);
  const app = await buildApp(ctx, { logger: false, serveWeb: false });
  await app.ready();
  onCleanup(() => app.close());
  /** A request as `who` (or anonymous from `ip`); throws on any answer ≥ 300 so a broken run cannot pass for a fast one. */
  const call = async (who: Client | null, method: Method, url: string, payload?: unknown, ip = '203.0.113.1') => {
    const body = payload === undefined ? {} : { payload: payload as object };
    const res = who ? await who.request({ method, url: `/api/v1${url}`, ...body }) : await app.inject({ method, url: `/api/v1${url}`, remoteAddress: ip, ...body });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return res;
  };
  const time = async (fn: () => Promise<unknown>): Promise<number> => {
    const t = performance.now();
    await fn();
    return performance.now() - t;
  };
  return { app, call, time };
}
