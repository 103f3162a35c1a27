// What the public site reads that no other module already offers: the organisation by its code, the
// movements it launched, and its published stories with their photos. Stories are read column by
// column — never a person's identity number, phone, address or the story's consent and review notes.
// Published documents, consultations, complaint status and certificates come from their modules.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { SELECT_MOVEMENT, type MovementRow } from '../movements/movements.repository';

export interface PublicOrg {
  id: number;
  code: string;
  name: string;
}

/** Statuses of a movement shown as under way on the home page; a closed one keeps its own page. */
export const RUNNING_MOVEMENTS = ['LAUNCHED', 'IN_PROGRESS', 'MID_REVIEW', 'FINAL_REVIEW'] as const;
const PUBLIC_MOVEMENTS = [...RUNNING_MOVEMENTS, 'CLOSED'];

export async function findPublicOrg(db: DbOrTx, code: string): Promise<PublicOrg | null> {
  const r = await db.execute<{ id: number; code: string; name: string }>(sql`select id, code, name from organisation where code = ${code} and status = 'ACTIVE'`);
  const o = r.rows[0];
  return o ? { id: Number(o.id), code: o.code, name: o.name } : null;
}

export async function runningMovements(db: DbOrTx, orgId: number, limit: number): Promise<MovementRow[]> {
  const r = await db.execute<MovementRow>(sql`
    ${SELECT_MOVEMENT} where m.org_id = ${orgId} and m.status = any(${sql.param([...RUNNING_MOVEMENTS])}::text[])
    order by m.launched_on desc nulls last, m.id desc limit ${limit}`);
  return r.rows;
}

/** A movement of the organisation that was launched (a draft is never public). */
export async function publicMovement(db: DbOrTx, orgId: number, id: number): Promise<MovementRow | null> {
  const r = await db.execute<MovementRow>(sql`${SELECT_MOVEMENT} where m.id = ${id} and m.org_id = ${orgId} and m.status = any(${sql.param(PUBLIC_MOVEMENTS)}::text[])`);
  return r.rows[0] ?? null;
}

export interface StorySummary {
  id: number;
  slug: string;
  subjectName: string;
  subjectUnit: string | null;
  title: string;
  summary: string;
  publishedAt: string;
  photo: { id: number; altText: string } | null;
}

type StoryRow = { id: number; slug: string; subject_name: string; subject_unit: string | null; title: string; summary: string; published_at: string; photo_id: number | null; photo_alt: string | null };

const STORY_COLUMNS = sql`
  s.id, s.slug, s.subject_name, s.subject_unit, s.title, s.summary, to_json(s.published_at)#>>'{}' as published_at, ph.id as photo_id, ph.alt_text as photo_alt`;
const FIRST_PHOTO = sql`
  left join lateral (select p.id, p.alt_text from story_photo p where p.story_id = s.id and p.status = 'ACTIVE' order by p.position, p.id limit 1) ph on true`;

const summaryOf = (r: StoryRow): StorySummary => ({
  id: Number(r.id),
  slug: r.slug,
  subjectName: r.subject_name,
  subjectUnit: r.subject_unit,
  title: r.title,
  summary: r.summary,
  publishedAt: r.published_at,
  photo: r.photo_id === null ? null : { id: Number(r.photo_id), altText: r.photo_alt ?? '' },
});

/** Published stories of the organisation, newest first, and how many there are. */
export async function publishedStories(db: DbOrTx, orgId: number, limit: number, offset: number): Promise<{ items: StorySummary[]; total: number }> {
  const [rows, total] = await Promise.all([
    db.execute<StoryRow>(sql`
      select ${STORY_COLUMNS} from story s ${FIRST_PHOTO}
      where s.org_id = ${orgId} and s.status = 'PUBLISHED'
      order by s.published_at desc, s.id desc limit ${limit} offset ${offset}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from story s where s.org_id = ${orgId} and s.status = 'PUBLISHED'`),
  ]);
  return { items: rows.rows.map(summaryOf), total: Number(total.rows[0]!.n) };
}

export interface StoryPage extends StorySummary {
  body: string;
  movement: { id: number; title: string } | null;
  decision: { number: string; signedOn: string } | null;
  /** The name of the register entry the story is about (only its name: nothing else of the register is public). */
  modelName: string | null;
  photos: { id: number; altText: string; caption: string | null; width: number; height: number }[];
}

export async function publishedStory(db: DbOrTx, orgId: number, slug: string): Promise<StoryPage | null> {
  const r = await db.execute<StoryRow & { body: string; movement_id: number | null; movement_title: string | null; decision_number: string | null; decision_signed_on: string | null; model_name: string | null }>(sql`
    select ${STORY_COLUMNS}, s.body, m.id as movement_id, m.title as movement_title,
           case when d.number is null then null else lpad(d.number::text, 2, '0') || '/' || d.symbol end as decision_number, d.signed_on::text as decision_signed_on, em.name as model_name
    from story s ${FIRST_PHOTO}
    left join movement m on m.id = s.movement_id and m.org_id = s.org_id and m.status = any(${sql.param(PUBLIC_MOVEMENTS)}::text[])
    left join decision d on d.id = s.decision_id and d.status in ('SIGNED', 'REVOKED')
    left join exemplary_model em on em.id = s.model_id
    where s.org_id = ${orgId} and s.slug = ${slug} and s.status = 'PUBLISHED'`);
  const s = r.rows[0];
  if (!s) return null;
  const photos = await db.execute<{ id: number; alt_text: string; caption: string | null; width: number; height: number }>(sql`
    select p.id, p.alt_text, p.caption, p.width, p.height from story_photo p where p.story_id = ${s.id} and p.status = 'ACTIVE' order by p.position, p.id`);
  return {
    ...summaryOf(s),
    body: s.body,
    movement: s.movement_id === null ? null : { id: Number(s.movement_id), title: s.movement_title ?? '' },
    decision: s.decision_number === null || s.decision_signed_on === null ? null : { number: s.decision_number, signedOn: s.decision_signed_on },
    modelName: s.model_name,
    photos: photos.rows.map((p) => ({ id: Number(p.id), altText: p.alt_text, caption: p.caption, width: Number(p.width), height: Number(p.height) })),
  };
}
