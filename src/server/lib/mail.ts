// Mail: use cases write email_outbox rows in their transaction; after commit the outbox is sent
// through SMTP (nodemailer, SMTP_URL and MAIL_FROM/SMTP_FROM). Without SMTP_URL the rows stay
// PENDING (sent later, when it is configured) and this is logged once.
import { sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { AppContext } from './context';

/** After this many failed attempts a message is FAILED and no longer retried. */
export const MAX_ATTEMPTS = 5;
const BATCH = 200;

let warned = false;
const transports = new Map<string, Transporter>();

function transportFor(url: string): Transporter {
  let t = transports.get(url);
  if (!t) {
    const u = new URL(url);
    t = nodemailer.createTransport({
      host: u.hostname,
      port: Number(u.port || (u.protocol === 'smtps:' ? 465 : 25)),
      secure: u.protocol === 'smtps:',
      auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
      // Plain SMTP on a local relay (smtp://): no STARTTLS unless the server offers it.
      ignoreTLS: u.searchParams.get('ignoreTLS') === 'true',
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    transports.set(url, t);
  }
  return t;
}

export function mailFrom(app: AppContext): string {
  return app.config.MAIL_FROM ?? app.config.SMTP_FROM;
}

export interface OutboxResult {
  sent: number;
  failed: number;
  skipped: boolean;
}

/**
 * Sends pending messages (only `ids` when given). Each message is claimed with its attempt counted
 * before sending (rows locked by another sender are skipped), then marked SENT, or left PENDING
 * with the error — FAILED after MAX_ATTEMPTS.
 */
export async function sendOutbox(app: AppContext, ids?: readonly number[]): Promise<OutboxResult> {
  const url = app.config.SMTP_URL;
  if (!url) {
    if (!warned) {
      warned = true;
      console.warn('SMTP_URL is not set: emails stay in email_outbox (PENDING) until it is configured.');
    }
    return { sent: 0, failed: 0, skipped: true };
  }
  const filter = ids ? sql`and id = any(${sql.param([...ids])}::bigint[])` : sql``;
  const claimed = await app.db.execute<{ id: number; to_address: string; subject: string; body: string; attempts: number }>(sql`
    update email_outbox set attempts = attempts + 1
    where id in (select id from email_outbox where status = 'PENDING' ${filter} order by id limit ${BATCH} for update skip locked)
    returning id, to_address, subject, body, attempts`);
  const transport = transportFor(url);
  let sent = 0;
  let failed = 0;
  for (const m of claimed.rows) {
    try {
      await transport.sendMail({ from: mailFrom(app), to: m.to_address, subject: m.subject, text: m.body });
      await app.db.execute(sql`update email_outbox set status = 'SENT', sent_at = now(), last_error = null where id = ${m.id}`);
      sent++;
    } catch (err) {
      failed++;
      const message = (err instanceof Error ? err.message : String(err)).slice(0, 1000);
      await app.db.execute(sql`
        update email_outbox set last_error = ${message}, status = ${Number(m.attempts) >= MAX_ATTEMPTS ? 'FAILED' : 'PENDING'} where id = ${m.id}`);
    }
  }
  return { sent, failed, skipped: false };
}
