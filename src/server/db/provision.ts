// Finds or creates the application database in either mode and brings it up to date.
import pg from 'pg';
import { startEmbedded, type EmbeddedServer } from './embedded';
import { connect, type Database } from './client';
import { runMigrations } from './migrate';
import type { Config } from '../config';

export const APP_DATABASE = 'vinhdanh';

export interface Provisioned extends Database {
  url: string;
  embedded: EmbeddedServer | null;
  /** Closes the pool and, in embedded mode, stops the server. */
  shutdown(): Promise<void>;
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database "${name}" encoding 'UTF8' template template0`);
    await client.query(`alter database "${name}" set jit = off`);
  } finally {
    await client.end();
  }
}

export async function provision(config: Config, opts: { migrate?: boolean; log?: (m: string) => void } = {}): Promise<Provisioned> {
  let url: string;
  let embedded: EmbeddedServer | null = null;
  if (config.DATABASE_URL) {
    url = config.DATABASE_URL;
  } else {
    embedded = await startEmbedded(config.dataDir, opts.log);
    await ensureDatabase(embedded.adminUrl, APP_DATABASE);
    url = embedded.urlFor(APP_DATABASE);
  }
  const database = connect(url);
  if (opts.migrate !== false) await runMigrations(database.db);
  return {
    ...database,
    url,
    embedded,
    async shutdown() {
      await database.close();
      if (embedded) await embedded.stop();
    },
  };
}
