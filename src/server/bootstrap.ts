// Wires configuration, database and application together for the CLI, the server and the tests.
import fs from 'node:fs';
import path from 'node:path';
import { randomToken } from './lib/hash';
import type { Config } from './config';
import type { AppContext } from './lib/context';
import type { Database } from './db/client';

/** SESSION_SECRET when given; otherwise a random key kept in DATA_DIR so sessions survive restarts. */
export function sessionKeyFor(config: Config): string {
  if (config.SESSION_SECRET) return config.SESSION_SECRET;
  const file = path.join(config.dataDir, 'session.key');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(config.dataDir, { recursive: true });
  const key = randomToken(48);
  fs.writeFileSync(file, key, { mode: 0o600 });
  return key;
}

export function createContext(config: Config, database: Database): AppContext {
  return { db: database.db, pool: database.pool, config, sessionKey: sessionKeyFor(config), background: new Set() };
}
