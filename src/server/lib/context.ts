import type { Db } from '../db/client';
import type { Config } from '../config';
import type pg from 'pg';

/** What every route and use case may reach: the database and the configuration. */
export interface AppContext {
  db: Db;
  pool: pg.Pool;
  config: Config;
  /** Key for hashing session tokens (SESSION_SECRET, or a random one kept in DATA_DIR). */
  sessionKey: string;
  /** Background work started by requests (imports); awaited on shutdown and by tests. */
  background: Set<Promise<unknown>>;
}

export function runInBackground(app: AppContext, work: () => Promise<unknown>): void {
  const p = work().catch(() => undefined);
  app.background.add(p);
  void p.finally(() => app.background.delete(p));
}
