// Demo council (issue 7): the district federation's Hội đồng Thi đua – Khen thưởng with seven members
// from its office (the `hoidong` user sits on it as vice-chair), and a meeting scheduled for next week
// whose agenda holds the nominations the district appraised and sent to the council. Attendance,
// opening and voting are left for the visitor to do.
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { audit } from '../lib/audit';
import { insertAutoRecusals } from '../modules/councils/meetings.service';

export async function insertDemoCouncil(tx: Tx, districtCode: string, councilUsername: string): Promise<number | null> {
  const d = await tx.execute<{ id: number; path: string; name: string }>(sql`select id, path, name from organisation where code = ${districtCode}`);
  const district = d.rows[0];
  if (!district) return null;
  const system = { userId: null };
  const seated = await tx.execute<{ id: number }>(sql`
    select p.id from person p left join app_user u on u.person_id = p.id and u.username = ${councilUsername}
    where p.org_id = ${district.id} and p.status = 'ACTIVE'
    order by (u.id is not null) desc, p.is_leader desc, p.full_name limit 7`);
  const people = seated.rows.map((r) => Number(r.id));
  if (people.length < 3) return null;
  const c = await tx.execute<{ id: number }>(sql`
    insert into council (org_id, org_path, name, term_label, term_starts_on, max_members, standing_office, regulation_ref)
    values (${district.id}, ${district.path}, ${`Hội đồng Thi đua – Khen thưởng ${district.name}`}, 'Nhiệm kỳ 2023–2028', '2023-08-01', 9,
            'Ban Tổ chức – Kiểm tra', 'Quy chế hoạt động của Hội đồng (ban hành kèm theo Quyết định số 12/QĐ-HĐTĐKT)')
    returning id`);
  const councilId = Number(c.rows[0]!.id);
  // The council member user first (vice-chair), then the leaders: the first leader chairs.
  const roles = people.map((_, i) => (i === 0 ? 'VICE_CHAIR' : i === 1 ? 'CHAIR' : i === 2 ? 'STANDING' : 'MEMBER'));
  await tx.execute(sql`
    insert into council_member (council_id, person_id, role, joined_on)
    select ${councilId}, x.person_id, x.role, '2023-08-01'
    from jsonb_to_recordset(${JSON.stringify(people.map((p, i) => ({ person_id: p, role: roles[i] })))}::jsonb) as x(person_id bigint, role text)`);
  const m = await tx.execute<{ id: number }>(sql`
    insert into council_meeting (council_id, org_id, org_path, title, scheduled_at, place, secretary_name)
    values (${councilId}, ${district.id}, ${district.path}, 'Phiên họp xét khen thưởng tổng kết năm',
            ((current_date + 7)::timestamp + interval '8 hours') at time zone 'Asia/Ho_Chi_Minh',
            'Phòng họp tầng 2', 'Ban Tổ chức – Kiểm tra')
    returning id`);
  const meetingId = Number(m.rows[0]!.id);
  const items = await tx.execute<{ id: number; nomination_id: number }>(sql`
    insert into meeting_item (meeting_id, nomination_id, position, method)
    select ${meetingId}, n.id, row_number() over (order by n.subject_name, n.id), 'SECRET_ONLINE'
    from nomination n where n.status = 'TO_COUNCIL' and n.holder_org_id = ${district.id}
    returning id, nomination_id`);
  await insertAutoRecusals(tx, councilId, district.path, items.rows.map((r) => ({ itemId: Number(r.id), nominationId: Number(r.nomination_id) })));
  await audit(tx, system, [{ action: 'demo.council', entityType: 'council', entityId: councilId, orgId: Number(district.id), after: { members: people.length, meetingId, agenda: items.rows.length } }]);
  return councilId;
}
