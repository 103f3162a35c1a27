// What the councils module reads from consultations: whether a nomination may be voted on yet, and
// the feedback to print in the minutes (ND 98/2023 Điều 46.1: the comments and how they were handled
// are reported to the council and recorded in its minutes).
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';

/**
 * Nominations whose consultation has not ended on `today` (YYYY-MM-DD): a consultation not
 * withdrawn whose last day is today or later (one that has not started yet blocks too). When a
 * nomination is in several, the one ending last. A nomination absent from the map may be decided.
 */
export async function openConsultationBlocks(db: DbOrTx, nominationIds: number[], today: string): Promise<Map<number, { consultationId: number; endsOn: string }>> {
  const out = new Map<number, { consultationId: number; endsOn: string }>();
  if (nominationIds.length === 0) return out;
  const r = await db.execute<{ nomination_id: number; consultation_id: number; ends_on: string }>(sql`
    select distinct on (i.nomination_id) i.nomination_id, c.id as consultation_id, c.ends_on::text as ends_on
    from consultation_item i join consultation c on c.id = i.consultation_id
    where i.nomination_id = any(${sql.param(nominationIds)}::bigint[]) and c.status <> 'WITHDRAWN' and c.ends_on >= ${today}::date
    order by i.nomination_id, c.ends_on desc, c.id desc`);
  for (const row of r.rows) out.set(Number(row.nomination_id), { consultationId: Number(row.consultation_id), endsOn: row.ends_on });
  return out;
}

export interface FeedbackForMinutes {
  id: number;
  consultationId: number;
  authorName: string;
  body: string;
  /** NEW (not handled yet), RELEVANT or DISMISSED. */
  status: string;
  handling: string | null;
  createdAt: string;
}

/**
 * Every piece of feedback received about the nominations, oldest first, whatever its status and
 * whether or not its consultation was later withdrawn: DISMISSED feedback is included with its
 * status and the reason in `handling`, because the minutes report what was received and how it was
 * handled; the caller filters if it prints fewer. Contacts are not returned (not for the minutes).
 * Nominations without feedback are absent from the map.
 */
export async function feedbackForNominations(db: DbOrTx, nominationIds: number[]): Promise<Map<number, FeedbackForMinutes[]>> {
  const out = new Map<number, FeedbackForMinutes[]>();
  if (nominationIds.length === 0) return out;
  const r = await db.execute<{ id: number; nomination_id: number; consultation_id: number; author_name: string; body: string; status: string; handling: string | null; created_at: string }>(sql`
    select f.id, i.nomination_id, i.consultation_id, f.author_name, f.body, f.status, f.handling, f.created_at::text as created_at
    from consultation_feedback f join consultation_item i on i.id = f.item_id
    where i.nomination_id = any(${sql.param(nominationIds)}::bigint[])
    order by i.nomination_id, f.id`);
  for (const row of r.rows) {
    const id = Number(row.nomination_id);
    const list = out.get(id) ?? [];
    list.push({ id: Number(row.id), consultationId: Number(row.consultation_id), authorName: row.author_name, body: row.body, status: row.status, handling: row.handling, createdAt: row.created_at });
    out.set(id, list);
  }
  return out;
}
