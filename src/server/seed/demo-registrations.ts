// Demo registrations for the current year: four CĐCS of the district register their own collective
// title and a few members; the district has approved two units' lists and returned one member's
// registration with a reason, so the lists and the compliance table show every state.
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { todayInVietnam } from '../modules/imports/xlsx';

export const DEMO_RETURN_REASON = 'Chưa có bản đăng ký có chữ ký của người lao động, đề nghị bổ sung.';

export async function insertDemoRegistrations(tx: Tx, districtCode: string): Promise<number> {
  const today = todayInVietnam();
  const year = Number(today.slice(0, 4));
  const r = await tx.execute<{ n: number }>(sql`
    with district as (select id, path from organisation where code = ${districtCode}),
    units as (
      select o.id, o.path, row_number() over (order by o.code) as rank
      from organisation o, district d where o.parent_id = d.id and o.kind = 'CDCS' and o.status = 'ACTIVE'
      order by o.code limit 4),
    members as (
      select p.id, p.org_id, p.org_path, u.rank, row_number() over (partition by u.id order by p.member_code) as n
      from person p join units u on p.org_path like u.path || '%' where p.status = 'ACTIVE'),
    picked as (
      select null::bigint as person_id, u.id as org_id, u.path as scope_path, u.id as unit_id, 'TTLDTT' as award_code, u.rank, 0 as n from units u
      union all
      select m.id, null, m.org_path, m.org_id, case when m.n = 1 then 'CSTD_CS' else 'LDTT' end, m.rank, m.n from members m where m.n <= 3),
    reviewer as (
      select ur.user_id from role_assignment ur join district d on d.id = ur.org_id where ur.role = 'TDKT_OFFICER' order by ur.user_id limit 1)
    insert into emulation_registration (person_id, org_id, scope_path, source, year, award_code, registered_on, unit_id, review_status, review_reason, reviewed_by, reviewed_at)
    select x.person_id, x.org_id, x.scope_path, 'MANUAL', ${year}, x.award_code, ${`${year}-01-15`}::date, x.unit_id,
      case when x.rank <= 2 then 'APPROVED' when x.rank = 3 and x.n = 2 then 'RETURNED' else 'SUBMITTED' end,
      case when x.rank = 3 and x.n = 2 then ${DEMO_RETURN_REASON} end,
      case when x.rank <= 2 or (x.rank = 3 and x.n = 2) then (select user_id from reviewer) end,
      case when x.rank <= 2 or (x.rank = 3 and x.n = 2) then now() end
    from picked x
    returning 1 as n`);
  return r.rows.length;
}
