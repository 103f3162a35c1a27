// Data access for registrations: one SELECT joined with the subject, unit, award and movement;
// lists and summaries scoped to the actor's subtrees in the WHERE clause.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { RegistrationListQuery, ReviewStatus } from '../../../contracts/registrations';

export type RegistrationRow = {
  id: number;
  person_id: number | null;
  org_id: number | null;
  scope_path: string;
  unit_id: number;
  unit_name: string;
  unit_path: string;
  subject_name: string;
  member_code: string | null;
  year: number;
  award_code: string;
  award_name: string;
  movement_id: number | null;
  movement_title: string | null;
  registered_on: string;
  status: 'ACTIVE' | 'REVOKED' | 'SUPERSEDED';
  review_status: ReviewStatus;
  review_reason: string | null;
  reviewed_at: string | null;
  revoked_reason: string | null;
  note: string | null;
};

export const SELECT_REGISTRATION = sql`
  select r.id, r.person_id, r.org_id, r.scope_path, r.unit_id, u.name as unit_name, u.path as unit_path,
         coalesce(p.full_name, o.name) as subject_name, p.member_code, r.year::int as year, r.award_code, a.name_vi as award_name,
         r.movement_id, m.title as movement_title, r.registered_on::text as registered_on, r.status, r.review_status, r.review_reason,
         to_json(r.reviewed_at)#>>'{}' as reviewed_at, r.revoked_reason, r.note
  from emulation_registration r
  join organisation u on u.id = r.unit_id
  join award_type a on a.code = r.award_code
  left join person p on p.id = r.person_id
  left join organisation o on o.id = r.org_id
  left join movement m on m.id = r.movement_id`;

export async function findRegistrations(db: DbOrTx, ids: readonly number[], forUpdate = false): Promise<RegistrationRow[]> {
  if (ids.length === 0) return [];
  const r = await db.execute<RegistrationRow>(sql`${SELECT_REGISTRATION} where r.id = any(${sql.param([...ids])}::bigint[]) order by r.id ${forUpdate ? sql`for update of r` : sql``}`);
  return r.rows;
}

export async function findRegistration(db: DbOrTx, id: number, forUpdate = false): Promise<RegistrationRow | null> {
  return (await findRegistrations(db, [id], forUpdate))[0] ?? null;
}

export type RegistrationFilter = Omit<RegistrationListQuery, 'page' | 'pageSize' | 'orgId'> & {
  /** Subtrees the actor reads; null person id when the actor is not a member. */
  paths: string[];
  ownPersonId: number | null;
};

function whereOf(f: RegistrationFilter): SQL | null {
  const scope: SQL[] = f.paths.map((p) => sql`r.scope_path like ${`${p}%`}`);
  if (f.ownPersonId !== null) scope.push(sql`r.person_id = ${f.ownPersonId}`);
  if (scope.length === 0) return null;
  const parts: SQL[] = [sql`(${sql.join(scope, sql` or `)})`, sql`r.status = ${f.status}`];
  if (f.year !== undefined) parts.push(sql`r.year = ${f.year}`);
  if (f.movementId !== undefined) parts.push(sql`r.movement_id = ${f.movementId}`);
  if (f.reviewStatus !== undefined) parts.push(sql`r.review_status = ${f.reviewStatus}`);
  if (f.awardCode) parts.push(sql`r.award_code = ${f.awardCode}`);
  if (f.subject === 'UNIT') parts.push(sql`r.org_id is not null`);
  if (f.subject === 'PERSON') parts.push(sql`r.person_id is not null`);
  if (f.q) {
    const q = f.q.normalize('NFC');
    parts.push(sql`(vd_fold(coalesce(p.full_name, o.name)) like '%' || vd_fold(${q}) || '%' or p.member_code ilike ${`${q}%`})`);
  }
  return sql.join(parts, sql` and `);
}

const FROM_FOR_COUNT = sql`from emulation_registration r left join person p on p.id = r.person_id left join organisation o on o.id = r.org_id`;

export async function listRegistrations(db: DbOrTx, f: RegistrationFilter, limit: number, offset: number): Promise<{ rows: RegistrationRow[]; total: number }> {
  const where = whereOf(f);
  if (!where) return { rows: [], total: 0 };
  const [rows, total] = await Promise.all([
    db.execute<RegistrationRow>(sql`${SELECT_REGISTRATION} where ${where}
      order by r.year desc, u.name collate "vi-x-icu", r.org_id is null, coalesce(p.full_name, o.name) collate "vi-x-icu", r.id limit ${limit} offset ${offset}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n ${FROM_FOR_COUNT} where ${where}`),
  ]);
  return { rows: rows.rows, total: Number(total.rows[0]!.n) };
}

export async function summariseRegistrations(db: DbOrTx, f: RegistrationFilter) {
  const where = whereOf(f);
  if (!where) return [];
  const r = await db.execute<{ award_code: string; award_name: string; review_status: ReviewStatus; n: number }>(sql`
    select r.award_code, a.name_vi as award_name, r.review_status, count(*)::int as n
    ${FROM_FOR_COUNT} join award_type a on a.code = r.award_code
    where ${where} group by r.award_code, a.name_vi, a.sort_order, r.review_status order by a.sort_order, r.award_code`);
  return r.rows;
}

export type PersonRow = { id: number; full_name: string; member_code: string | null; org_id: number | null; org_path: string | null; status: string };

export async function findPersons(db: DbOrTx, ids: readonly number[]): Promise<Map<number, PersonRow>> {
  if (ids.length === 0) return new Map();
  const r = await db.execute<PersonRow>(sql`select id, full_name, member_code, org_id, org_path, status from person where id = any(${sql.param([...new Set(ids)])}::bigint[])`);
  return new Map(r.rows.map((p) => [Number(p.id), p]));
}

/** Active members of a unit and its sub-units, in Vietnamese name order. */
export async function activeMembers(db: DbOrTx, unitPath: string, limit: number) {
  const r = await db.execute<{ id: number; member_code: string | null; full_name: string; unit_name: string }>(sql`
    select p.id, p.member_code, p.full_name, o.name as unit_name from person p join organisation o on o.id = p.org_id
    where p.status = 'ACTIVE' and p.org_path like ${`${unitPath}%`}
    order by p.full_name collate "vi-x-icu", p.id limit ${limit}`);
  return r.rows;
}

export type AwardRow = { code: string; name_vi: string; category: 'TITLE' | 'FORM'; subject: 'INDIVIDUAL' | 'COLLECTIVE'; active: boolean; sort_order: number };

export async function loadAwards(db: DbOrTx, codes?: readonly string[]): Promise<Map<string, AwardRow>> {
  const where = codes === undefined ? sql`true` : sql`code = any(${sql.param([...new Set(codes)])}::text[])`;
  if (codes !== undefined && codes.length === 0) return new Map();
  const r = await db.execute<AwardRow>(sql`select code, name_vi, category, subject, active, sort_order from award_type where ${where} order by sort_order, code`);
  return new Map(r.rows.map((a) => [a.code, a]));
}

export type MovementRow = { id: number; title: string; status: string; org_path: string; offered_awards: string[] };

/** Read straight from the movement table (the movements capability owns its life cycle). */
export async function findMovement(db: DbOrTx, id: number): Promise<MovementRow | null> {
  const r = await db.execute<MovementRow>(sql`select id, title, status, org_path, offered_awards from movement where id = ${id}`);
  const m = r.rows[0];
  return m ? { ...m, offered_awards: Array.isArray(m.offered_awards) ? m.offered_awards.map(String) : [] } : null;
}
