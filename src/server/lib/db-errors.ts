// Telling "the database is unreachable" apart from a bug: a refused or cut connection, a server
// shutting down or starting up, or no free connection in time. Such failures answer 503 with a
// Vietnamese message (nothing was saved: PostgreSQL rolled the transaction back) instead of 500.

/** SQLSTATE classes and codes meaning the server went away or cannot take the connection. */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown (terminated by an administrator or a restart)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down, recovery)
  '53300', // too_many_connections
]);
const UNAVAILABLE_SYSCALL_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);
const UNAVAILABLE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /client has encountered a connection error/i,
  /cannot use a pool after calling end/i,
  /terminating connection due to administrator command/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

/** True when the error (or one of its causes: drizzle wraps the driver's error) says the database is unreachable. */
export function isDatabaseUnavailable(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; e && depth < 5; depth += 1) {
    const x = e as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof x.code === 'string') {
      if (UNAVAILABLE_SQLSTATES.has(x.code) || x.code.startsWith('08') || UNAVAILABLE_SYSCALL_CODES.has(x.code)) return true;
    }
    if (typeof x.message === 'string' && UNAVAILABLE_MESSAGES.some((r) => r.test(x.message as string))) return true;
    e = x.cause;
  }
  return false;
}
