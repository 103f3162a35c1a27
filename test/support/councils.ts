// Data for council tests and benchmarks: nominations already appraised and sent to a council
// (status TO_COUNCIL, held by the council's organisation), and a council with signed-in members.
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client';
import { createPerson, createUser, type OrgRef } from '../factories';

export interface Nominee {
  personId?: number;
  org?: OrgRef;
  /** The person's unit (for a person) — the nominee's subject path. */
  unit: OrgRef;
  name: string;
  awardCode: string;
}

/** Inserts nominations straight into TO_COUNCIL at `holder` (set-based), in a new round of `holder`. */
export async function insertToCouncil(db: Db, holder: OrgRef, nominees: Nominee[], year = 2026): Promise<number[]> {
  const round = await db.execute<{ id: number }>(sql`
    insert into nomination_round (org_id, org_path, year, title, kind, ceremony_date, award_codes, parameters, schedule)
    values (${holder.id}, ${holder.path}, ${year}, ${`Tổng kết năm ${year}`}, 'ANNUAL', ${`${year}-12-30`},
            ${JSON.stringify([...new Set(nominees.map((n) => n.awardCode))])}::jsonb, '{"levels":[]}'::jsonb, '[]'::jsonb)
    returning id`);
  const roundId = Number(round.rows[0]!.id);
  const rows = nominees.map((n, i) => ({
    ord: i + 1,
    person_id: n.personId ?? null, subject_org_id: n.org?.id ?? null, subject_path: (n.org ?? n.unit).path, subject_name: n.name,
    award_code: n.awardCode, proposer_org_id: n.unit.id, proposer_path: n.unit.path,
  }));
  const r = await db.execute<{ id: number }>(sql`
    insert into nomination (round_id, proposer_org_id, proposer_path, person_id, subject_org_id, subject_path, subject_name, award_code,
                            eligibility_status, eligibility_checked_at, status, holder_org_id, holder_path, reached_path)
    select ${roundId}, x.proposer_org_id, x.proposer_path, x.person_id, x.subject_org_id, x.subject_path, x.subject_name, x.award_code,
           'ELIGIBLE', now(), 'TO_COUNCIL', ${holder.id}, ${holder.path}, ${holder.path}
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(proposer_org_id bigint, proposer_path text, person_id bigint,
         subject_org_id bigint, subject_path text, subject_name text, award_code text, ord int)
    order by x.ord
    returning id`);
  return r.rows.map((x) => Number(x.id)).sort((a, b) => a - b);
}

export interface Seat {
  personId: number;
  username: string;
}

/** `n` people of `org`, each with a COUNCIL_MEMBER sign-in named `${prefix}1..n`. */
export async function councilPeople(db: Db, org: OrgRef, n: number, prefix: string): Promise<Seat[]> {
  const out: Seat[] = [];
  for (let i = 1; i <= n; i++) {
    const personId = await createPerson(db, org, { fullName: `Thành viên ${prefix} ${String(i).padStart(2, '0')}` });
    const username = `${prefix}${i}`;
    await createUser(db, username, [{ role: 'COUNCIL_MEMBER', org }], personId);
    out.push({ personId, username });
  }
  return out;
}

/**
 * A consultation recorded straight in the database with the given dates, as if published in the past
 * (the API refuses a start before today): `nominationIds` of `org`, OPEN. Returns its id.
 */
export async function insertPastConsultation(
  db: Db,
  org: OrgRef,
  nominationIds: number[],
  p: { startsOn: string; endsOn: string; workingDays: number; title?: string },
): Promise<number> {
  const r = await db.execute<{ id: number }>(sql`
    insert into consultation (org_id, org_path, title, starts_on, ends_on, working_days)
    values (${org.id}, ${org.path}, ${p.title ?? 'Lấy ý kiến nhân dân'}, ${p.startsOn}, ${p.endsOn}, ${p.workingDays}) returning id`);
  const id = Number(r.rows[0]!.id);
  await db.execute(sql`
    insert into consultation_item (consultation_id, nomination_id, public_summary)
    select ${id}, x, 'Có 3 sáng kiến được công nhận cấp tỉnh.' from unnest(${sql.param(nominationIds)}::bigint[]) as x`);
  return id;
}
