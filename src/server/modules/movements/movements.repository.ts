// Reading movements: the row, its steps, the compliance figures of its registration request, and
// the scoped, paged list. Each read is one statement.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { AuthActor } from '../../lib/actor';
import { READ_ROLES, scopePaths } from '../../lib/policy';
import type { MovementCriterion, MovementFigures, MovementKind, MovementStatus, MovementStepDto } from '../../../contracts/movements';

export type MovementRow = {
  id: number;
  org_id: number;
  org_name: string;
  org_kind: string;
  org_path: string;
  org_status: string;
  parent_name: string | null;
  year: number;
  kind: MovementKind;
  status: MovementStatus;
  title: string;
  slogan: string | null;
  content: string;
  participants: string | null;
  starts_on: string;
  ends_on: string;
  criteria: MovementCriterion[];
  offered_awards: string[];
  /** Names of the offered awards, in the order offered. */
  offered_names: { code: string; name: string }[];
  plan_id: number | null;
  launched_on: string | null;
  mid_review_on: string | null;
  final_review_on: string | null;
  closed_on: string | null;
  version: number;
};

export const SELECT_MOVEMENT = sql`
  select m.id, m.org_id, o.name as org_name, o.kind as org_kind, m.org_path, o.status as org_status, po.name as parent_name,
         m.year, m.kind, m.status, m.title, m.slogan, m.content, m.participants, m.starts_on::text as starts_on, m.ends_on::text as ends_on,
         m.criteria, m.offered_awards,
         coalesce((select jsonb_agg(jsonb_build_object('code', c.code, 'name', coalesce(a.name_vi, c.code)) order by c.ord)
                   from jsonb_array_elements_text(m.offered_awards) with ordinality as c(code, ord)
                   left join award_type a on a.code = c.code), '[]'::jsonb) as offered_names,
         m.plan_id, m.launched_on::text as launched_on, m.mid_review_on::text as mid_review_on,
         m.final_review_on::text as final_review_on, m.closed_on::text as closed_on, m.version
  from movement m join organisation o on o.id = m.org_id left join organisation po on po.id = o.parent_id`;

export async function findMovement(db: DbOrTx, id: number, forUpdate = false): Promise<MovementRow | null> {
  const r = await db.execute<MovementRow>(sql`${SELECT_MOVEMENT} where m.id = ${id} ${forUpdate ? sql`for update of m` : sql``}`);
  return r.rows[0] ?? null;
}

export async function movementSteps(db: DbOrTx, id: number): Promise<MovementStepDto[]> {
  const r = await db.execute<{ id: number; from_status: MovementStatus | null; to_status: MovementStatus; on_date: string; note: string | null; actor_name: string | null; created_at: Date | string }>(sql`
    select s.id, s.from_status, s.to_status, s.on_date::text as on_date, s.note, u.display_name as actor_name, s.created_at
    from movement_step s left join app_user u on u.id = s.actor_id
    where s.movement_id = ${id} order by s.id`);
  return r.rows.map((s) => ({
    id: Number(s.id), fromStatus: s.from_status, toStatus: s.to_status, onDate: s.on_date, note: s.note, actorName: s.actor_name,
    createdAt: new Date(s.created_at).toISOString(),
  }));
}

/**
 * Compliance with the movement's registration request: units asked, answered by the deadline (in
 * Vietnam's time), answered late, not answered; and the registrations under the movement.
 */
export async function movementFiguresOf(db: DbOrTx, id: number): Promise<MovementFigures | null> {
  const req = await db.execute<{ id: number; deadline: string; asked: number; on_time: number; late: number; missing: number }>(sql`
    select r.id, r.deadline::text as deadline, count(t.org_id)::int as asked,
           count(*) filter (where t.responded_at is not null and (t.responded_at at time zone 'Asia/Ho_Chi_Minh')::date <= r.deadline)::int as on_time,
           count(*) filter (where t.responded_at is not null and (t.responded_at at time zone 'Asia/Ho_Chi_Minh')::date > r.deadline)::int as late,
           count(t.org_id) filter (where t.responded_at is null)::int as missing
    from response_request r left join request_target t on t.request_id = r.id
    where r.source_type = 'movement' and r.source_id = ${id} and r.response_kind = 'REGISTRATION'
    group by r.id`);
  const q = req.rows[0];
  if (!q) return null;
  const regs = await db.execute<{ award_code: string; award_name: string; submitted: number; approved: number; returned: number }>(sql`
    select e.award_code, coalesce(a.name_vi, e.award_code) as award_name,
           count(*) filter (where e.review_status = 'SUBMITTED')::int as submitted,
           count(*) filter (where e.review_status = 'APPROVED')::int as approved,
           count(*) filter (where e.review_status = 'RETURNED')::int as returned
    from emulation_registration e left join award_type a on a.code = e.award_code
    where e.movement_id = ${id} and e.status = 'ACTIVE'
    group by e.award_code, a.name_vi, a.sort_order order by a.sort_order nulls last, e.award_code`);
  return {
    requestId: Number(q.id), deadline: q.deadline, asked: Number(q.asked), onTime: Number(q.on_time), late: Number(q.late), missing: Number(q.missing),
    registrations: regs.rows.map((r) => ({ awardCode: r.award_code, awardName: r.award_name, submitted: Number(r.submitted), approved: Number(r.approved), returned: Number(r.returned) })),
  };
}

/**
 * Movements a user sees: those launched in the subtrees they read, and the launched (not draft)
 * movements of the organisations above their units, which address them.
 */
export function visibleMovementsWhere(actor: AuthActor, subtrees: string[], includeAbove: boolean): SQL {
  const parts: SQL[] = subtrees.map((p) => sql`m.org_path like ${`${p}%`}`);
  if (includeAbove) {
    const own = scopePaths(actor, READ_ROLES);
    if (own.length > 0) parts.push(sql`(m.status <> 'DRAFT' and exists (select 1 from unnest(${sql.param(own)}::text[]) as x(p) where x.p like m.org_path || '%'))`);
  }
  return parts.length === 0 ? sql`false` : sql`(${sql.join(parts, sql` or `)})`;
}

export interface MovementFilter {
  where: SQL;
  year?: number;
  status?: MovementStatus;
  kind?: MovementKind;
}

export async function listMovements(db: DbOrTx, f: MovementFilter, limit: number, offset: number): Promise<{ rows: MovementRow[]; total: number }> {
  const where = sql.join(
    [
      f.where,
      ...(f.year !== undefined ? [sql`m.year = ${f.year}`] : []),
      ...(f.status !== undefined ? [sql`m.status = ${f.status}`] : []),
      ...(f.kind !== undefined ? [sql`m.kind = ${f.kind}`] : []),
    ],
    sql` and `,
  );
  const [rows, total] = await Promise.all([
    db.execute<MovementRow>(sql`${SELECT_MOVEMENT} where ${where} order by m.year desc, m.starts_on desc, m.id desc limit ${limit} offset ${offset}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from movement m where ${where}`),
  ]);
  return { rows: rows.rows, total: Number(total.rows[0]!.n) };
}

/** Who signs the report and where it is dated: the unit's chair (or vice-chair) and the place of the plan the movement implements. */
export async function reportSigning(db: DbOrTx, m: Pick<MovementRow, 'org_id' | 'plan_id'>): Promise<{ signerName: string; signerPosition: string; place: string | null }> {
  const r = await db.execute<{ full_name: string | null; title: string | null; place: string | null }>(sql`
    select (select p.full_name from officer f join person p on p.id = f.person_id
            where f.org_id = ${m.org_id} and f.title in ('CHU_TICH', 'PHO_CHU_TICH') and (f.valid_to is null or f.valid_to >= current_date)
            order by f.title = 'CHU_TICH' desc, f.id limit 1) as full_name,
           (select f.title from officer f
            where f.org_id = ${m.org_id} and f.title in ('CHU_TICH', 'PHO_CHU_TICH') and (f.valid_to is null or f.valid_to >= current_date)
            order by f.title = 'CHU_TICH' desc, f.id limit 1) as title,
           (select pl.place from plan pl where pl.id = ${m.plan_id}) as place`);
  const row = r.rows[0];
  return { signerName: row?.full_name ?? '', signerPosition: row?.title === 'PHO_CHU_TICH' ? 'PHÓ CHỦ TỊCH' : 'CHỦ TỊCH', place: row?.place ?? null };
}
