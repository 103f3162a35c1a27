import { loadConfig } from '../server/config';
import { provision, type Provisioned } from '../server/db/provision';

/** Runs `work` against the configured database (embedded unless DATABASE_URL is set), then shuts down. */
export async function withDatabase<T>(work: (p: Provisioned) => Promise<T>, opts: { migrate?: boolean } = {}): Promise<T> {
  const config = loadConfig();
  const p = await provision(config, { migrate: opts.migrate });
  try {
    return await work(p);
  } finally {
    await p.shutdown();
  }
}
