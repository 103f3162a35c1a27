import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import * as schema from './schema';

export type Db = NodePgDatabase<typeof schema>;
/** A transaction handle has the same query API as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

// DATE columns stay 'yyyy-mm-dd' strings (no timezone shifts); int8 counts become numbers.
pg.types.setTypeParser(1082, (v) => v);
pg.types.setTypeParser(20, (v) => Number(v));

export interface Database {
  db: Db;
  pool: pg.Pool;
  close(): Promise<void>;
}

export function connect(url: string, max = 10): Database {
  // JIT compilation costs more than it saves on Vinh Danh's short queries (the embedded database
  // also has it off), so every connection turns it off, on a server database too.
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'vinhdanh', options: '-c jit=off' });
  pool.on('error', () => {
    /* idle client errors (e.g. server restart) surface on the next query */
  });
  const db = drizzle(pool, { schema });
  return { db, pool, close: () => pool.end() };
}
