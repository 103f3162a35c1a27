// Feedback of the public on a published list: received without login (rate-limited per client
// address, of which only a salted hash is kept), read and handled by the organisation's officers.
// Bodies are stored exactly as sent (plain text) and always shown escaped.
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { AuthActor } from '../../lib/actor';
import type { DbOrTx } from '../../db/client';
import type { AppContext } from '../../lib/context';
import { CONSULTATION_LIMITS, type FeedbackDto, type FeedbackListQuery, type FeedbackStatus, type HandleFeedbackInput, type PublicFeedbackInput, type PublicFeedbackResult } from '../../../contracts/consultations';
import { audit } from '../../lib/audit';
import { sha256 } from '../../lib/hash';
import { vnDate } from '../../lib/dates';
import { AppError, conflict, notFound } from '../../lib/errors';
import { todayInVietnam } from '../imports/xlsx';
import { consultationPolicy, loadManagedConsultation, phaseOf } from './consultations.service';

type FeedbackRow = {
  id: number;
  item_id: number;
  nomination_id: number;
  subject_name: string;
  author_name: string;
  contact: string;
  body: string;
  status: FeedbackStatus;
  handling: string | null;
  handled_by_name: string | null;
  handled_at: string | null;
  created_at: string;
};

const SELECT_FEEDBACK = sql`
  select f.id, f.item_id, i.nomination_id, n.subject_name, f.author_name, f.contact, f.body, f.status, f.handling,
         u.display_name as handled_by_name, f.handled_at::text as handled_at, f.created_at::text as created_at
  from consultation_feedback f
    join consultation_item i on i.id = f.item_id
    join nomination n on n.id = i.nomination_id
    left join app_user u on u.id = f.handled_by`;

function presentFeedback(actor: AuthActor, orgPath: string, f: FeedbackRow): FeedbackDto {
  return {
    id: Number(f.id),
    itemId: Number(f.item_id),
    nominationId: Number(f.nomination_id),
    subjectName: f.subject_name,
    authorName: f.author_name,
    contact: f.contact,
    body: f.body,
    status: f.status,
    handling: f.handling,
    handledByName: f.handled_by_name,
    handledAt: f.handled_at,
    createdAt: f.created_at,
    abilities: consultationPolicy.manage(actor, orgPath) ? ['feedback.handle'] : [],
  };
}

/** Feedback on one consultation, oldest first (officers of the organisation: it carries contacts). */
export async function listFeedback(app: AppContext, actor: AuthActor, consultationId: number, q: FeedbackListQuery) {
  const c = await loadManagedConsultation(app.db, actor, consultationId);
  const where = sql`i.consultation_id = ${consultationId} ${q.status ? sql`and f.status = ${q.status}` : sql``} ${q.itemId ? sql`and f.item_id = ${q.itemId}` : sql``}`;
  const [rows, total] = await Promise.all([
    app.db.execute<FeedbackRow>(sql`${SELECT_FEEDBACK} where ${where} order by f.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`),
    app.db.execute<{ n: number }>(sql`select count(*)::int as n from consultation_feedback f join consultation_item i on i.id = f.item_id where ${where}`),
  ]);
  return { items: rows.rows.map((f) => presentFeedback(actor, c.org_path, f)), total: Number(total.rows[0]!.n), page: q.page, pageSize: q.pageSize };
}

/** Records how a piece of feedback was handled (relevant, with what was done; or dismissed, with why). */
export async function handleFeedback(app: AppContext, actor: AuthActor, feedbackId: number, input: HandleFeedbackInput): Promise<FeedbackDto> {
  return app.db.transaction(async (tx) => {
    const found = await tx.execute<{ consultation_id: number; status: string; handling: string | null }>(sql`
      select i.consultation_id, f.status, f.handling from consultation_feedback f join consultation_item i on i.id = f.item_id where f.id = ${feedbackId} for update of f`);
    const before = found.rows[0];
    if (!before) throw notFound();
    const c = await loadManagedConsultation(tx, actor, Number(before.consultation_id));
    const handling = input.handling.normalize('NFC');
    await tx.execute(sql`update consultation_feedback set status = ${input.status}, handling = ${handling}, handled_by = ${actor.userId}, handled_at = now() where id = ${feedbackId}`);
    await audit(tx, actor, [
      {
        action: 'consultations.feedback.handle',
        entityType: 'consultation_feedback',
        entityId: feedbackId,
        orgId: Number(c.org_id),
        before: { status: before.status, handling: before.handling },
        after: { status: input.status, handling },
      },
    ]);
    const row = await tx.execute<FeedbackRow>(sql`${SELECT_FEEDBACK} where f.id = ${feedbackId}`);
    return presentFeedback(actor, c.org_path, row.rows[0]!);
  });
}

// ── From the public ────────────────────────────────────────────────────────────────────────────

/**
 * A salted hash of the client address: enough to count a sender's messages, useless to find who
 * they are. The salt is derived from the server's session key (SESSION_SECRET or the one kept in
 * DATA_DIR), so it is constant for an installation and never stored with the hashes.
 */
export function clientHash(sessionKey: string, address: string): string {
  const salt = crypto.createHmac('sha256', sessionKey).update('vinhdanh:consultation-feedback').digest('hex');
  return sha256(`${salt}:${address}`);
}

const HOUR_MS = 3_600_000;

/** Refuses a sender over the hourly or daily limit, saying when they may write again. */
async function checkRateLimit(db: DbOrTx, hash: string): Promise<void> {
  const r = await db.execute<{ hour: number; day: number; oldest_in_hour: string | null }>(sql`
    select count(*) filter (where created_at > now() - interval '1 hour')::int as hour, count(*)::int as day,
           min(created_at) filter (where created_at > now() - interval '1 hour')::text as oldest_in_hour
    from consultation_feedback where client_hash = ${hash} and created_at > now() - interval '1 day'`);
  const { hour, day, oldest_in_hour } = r.rows[0]!;
  if (Number(day) >= CONSULTATION_LIMITS.perDay) throw new AppError('RATE_LIMITED', 'consultations.api.rateLimitedDay', { max: CONSULTATION_LIMITS.perDay });
  if (Number(hour) >= CONSULTATION_LIMITS.perHour) {
    const waitMs = oldest_in_hour ? new Date(oldest_in_hour).getTime() + HOUR_MS - Date.now() : HOUR_MS;
    throw new AppError('RATE_LIMITED', 'consultations.api.rateLimitedHour', { max: CONSULTATION_LIMITS.perHour, minutes: Math.max(1, Math.ceil(waitMs / 60_000)) });
  }
}

export async function receiveFeedback(app: AppContext, itemId: number, input: PublicFeedbackInput, address: string): Promise<PublicFeedbackResult> {
  const hash = clientHash(app.sessionKey, address);
  return app.db.transaction(async (tx) => {
    const found = await tx.execute<{ consultation_id: number; org_id: number; status: string; starts_on: string; ends_on: string }>(sql`
      select c.id as consultation_id, c.org_id, c.status, c.starts_on::text as starts_on, c.ends_on::text as ends_on
      from consultation_item i join consultation c on c.id = i.consultation_id join organisation o on o.id = c.org_id
      where i.id = ${itemId} and o.status = 'ACTIVE'`);
    const c = found.rows[0];
    if (!c) throw notFound();
    const phase = phaseOf(c, todayInVietnam());
    if (phase === 'WITHDRAWN') throw conflict('consultations.api.withdrawn');
    if (phase === 'UPCOMING') throw conflict('consultations.api.notStarted', { startsOn: vnDate(c.starts_on) });
    if (phase === 'ENDED') throw conflict('consultations.api.ended', { endsOn: vnDate(c.ends_on) });
    // One sender at a time, so that parallel requests cannot pass the limit together.
    await tx.execute(sql`select pg_advisory_xact_lock(7263101, hashtext(${hash}))`);
    await checkRateLimit(tx, hash);
    const r = await tx.execute<{ id: number; created_at: string }>(sql`
      insert into consultation_feedback (item_id, author_name, contact, body, client_hash)
      values (${itemId}, ${input.authorName.normalize('NFC')}, ${input.contact.normalize('NFC')}, ${input.body.normalize('NFC')}, ${hash})
      returning id, created_at::text as created_at`);
    const id = Number(r.rows[0]!.id);
    // The event names the item only: the sender's name and contact stay in the feedback row.
    await audit(tx, { userId: null }, [
      { action: 'consultations.feedback.receive', entityType: 'consultation_feedback', entityId: id, orgId: Number(c.org_id), after: { itemId, consultationId: Number(c.consultation_id) } },
    ]);
    return { id, receivedAt: r.rows[0]!.created_at };
  });
}
