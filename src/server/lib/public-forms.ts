// What every public form of the organisations' sites shares (complaints, good-deed proposals): a
// reference code the sender can type, a salted hash of the client address to count a sender's
// letters without keeping who they are, and the per-sender limit checked under an advisory lock so
// that parallel requests cannot pass it together.
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { AppError } from './errors';
import type { MessageKey } from '../../contracts/messages';

/** "KN-2026-" and 8 characters without look-alikes (≈ 40 bits): unguessable, easy to read out. */
export function referenceCode(prefix: string, year: string): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const tail = [...crypto.randomBytes(8)].map((b) => alphabet[b % alphabet.length]).join('');
  return `${prefix}-${year}-${tail}`;
}

/** A salted hash of the client address, per form (`scope`), so the same sender is not linkable across forms. */
export function clientHash(sessionKey: string, scope: string, address: string): string {
  const salt = crypto.createHmac('sha256', sessionKey).update(`vinhdanh:${scope}`).digest('hex');
  return crypto.createHash('sha256').update(`${salt}:${address}`).digest('hex');
}

export interface SenderLimits {
  perHour: number;
  perDay: number;
}

const HOUR_MS = 3_600_000;
const LOCK_CLASS = 7263102;

/**
 * Refuses a sender who has already sent `perHour` letters in the last hour or `perDay` in the last
 * day to the table's form (rows with `client_hash` and `created_at`). Takes a transaction-scoped lock
 * on the sender first; call it in the transaction that then inserts the letter.
 */
export async function guardSender(
  tx: Tx,
  table: 'complaint' | 'good_deed_proposal',
  hash: string,
  limits: SenderLimits,
  messages: { hour: MessageKey; day: MessageKey },
): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_CLASS}, hashtext(${`${table}:${hash}`}))`);
  const r = await tx.execute<{ hour: number; day: number; oldest_in_hour: string | null }>(sql`
    select count(*) filter (where created_at > now() - interval '1 hour')::int as hour, count(*)::int as day,
           min(created_at) filter (where created_at > now() - interval '1 hour')::text as oldest_in_hour
    from ${sql.identifier(table)} where client_hash = ${hash} and created_at > now() - interval '1 day'`);
  const { hour, day, oldest_in_hour } = r.rows[0]!;
  if (Number(day) >= limits.perDay) throw new AppError('RATE_LIMITED', messages.day, { max: limits.perDay });
  if (Number(hour) >= limits.perHour) {
    const waitMs = oldest_in_hour ? new Date(oldest_in_hour).getTime() + HOUR_MS - Date.now() : HOUR_MS;
    throw new AppError('RATE_LIMITED', messages.hour, { max: limits.perHour, minutes: Math.max(1, Math.ceil(waitMs / 60_000)) });
  }
}
