// Overdue items per level: work past its deadline today (Vietnam's calendar) inside an organisation
// subtree, counted against the organisation that has to act, grouped by that organisation's level
// (its kind's rank). One definition per kind, used both for the counts and for the drill-down list;
// live only — "overdue" has no meaning as of a past moment without the deadlines' history.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { OVERDUE_KINDS, type OverdueKind } from '../../../contracts/dashboard';

export type OverdueRow = { rank: number; kind: OverdueKind; count: number | string };

/**
 * A kind's overdue items in the subtree: `id`, `a`/`b` naming the item, `link_id` (the page to open),
 * `org_id` (the organisation that has to act) and `due_on`.
 */
export function overdueItems(kind: OverdueKind, path: string, today: string): SQL {
  const under = `${path}%`;
  switch (kind) {
    // A unit asked to respond (its plan, its registrations) that has not by the deadline.
    case 'RESPONSE':
      return sql`
        select q.id * 1000000000 + t.org_id as id, q.title as a, null::text as b, q.id as link_id, t.org_id, q.deadline as due_on
        from request_target t join response_request q on q.id = t.request_id
        where q.status = 'OPEN' and t.responded_at is null and q.deadline < ${today}::date and t.org_path like ${under}`;
    // A submission (tờ trình) waiting for appraisal at the receiving level past its appraisal deadline.
    case 'APPRAISAL':
      return sql`
        select s.id, s.title as a, null::text as b, s.id as link_id, s.to_org_id as org_id, s.due_on
        from submission s join organisation o on o.id = s.to_org_id
        where s.status in ('SUBMITTED','RECEIVED','UNDER_APPRAISAL','RESUBMITTED') and s.due_on < ${today}::date and o.path like ${under}`;
    // An agency's opinion on a nomination not received by its date: the asking organisation chases it.
    case 'OPINION':
      return sql`
        select q.id, q.agency as a, n.subject_name as b, q.nomination_id as link_id, q.org_id, q.due_on
        from opinion_request q join organisation o on o.id = q.org_id join nomination n on n.id = q.nomination_id
        where q.outcome is null and q.due_on < ${today}::date and o.path like ${under}`;
    // A score sheet not submitted (or returned and not resubmitted) after its deadline in an open round.
    case 'SCORE_SHEET':
      return sql`
        select sh.id, sr.title as a, coalesce(sp.full_name, so.name) as b, sh.id as link_id, o.id as org_id, coalesce(sh.deadline, sr.deadline) as due_on
        from score_sheet sh join scoring_round sr on sr.id = sh.round_id join organisation o on o.path = sh.scope_path
        left join person sp on sp.id = sh.person_id left join organisation so on so.id = sh.org_id
        where sr.status = 'OPEN' and sh.status in ('DRAFT','RETURNED') and coalesce(sh.deadline, sr.deadline) < ${today}::date and sh.scope_path like ${under}`;
    // An inspection's recommendation still open after its date: the inspected unit has to act.
    case 'RECOMMENDATION':
      return sql`
        select rc.id, i.topic as a, rc.text as b, i.id as link_id, i.target_org_id as org_id, rc.due_on
        from inspection_recommendation rc join inspection i on i.id = rc.inspection_id
        where rc.status = 'OPEN' and rc.due_on < ${today}::date and i.target_path like ${under}`;
  }
}

export async function overdueByLevel(db: DbOrTx, path: string, today: string): Promise<OverdueRow[]> {
  const parts = OVERDUE_KINDS.map((k) => sql`select ${k}::text as kind, org_id from (${overdueItems(k, path, today)}) ${sql.raw(`s_${k.toLowerCase()}`)}`);
  const r = await db.execute<OverdueRow>(sql`
    with items as (${sql.join(parts, sql` union all `)})
    select k.rank::int as rank, items.kind, count(*) as count
    from items join organisation o on o.id = items.org_id join org_kind k on k.code = o.kind
    group by k.rank, items.kind
    order by k.rank, items.kind`);
  return r.rows;
}
