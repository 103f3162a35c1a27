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
  // A request waits at most 10 s for a connection: when the server is down it answers 503 instead of hanging.
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'vinhdanh', options: '-c jit=off', connectionTimeoutMillis: 10_000 });
  pool.on('error', () => {
    /* idle client errors (e.g. server restart) surface on the next query */
  });
  // A client checked out for a transaction has no error listener of the pool's: a connection cut
  // between two of its queries (server restart, terminated backend) would emit an unhandled 'error'
  // and end the process. The pending and next queries fail with the error instead (→ 503), and the
  // pool drops the broken client when it is released.
  pool.on('connect', (client) => {
    client.on('error', () => {
      /* reported through the failing query */
    });
  });
  const db = drizzle(pool, { schema });
  return { db, pool, close: () => pool.end() };
}
