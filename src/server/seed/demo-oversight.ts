// Demo oversight (issue 9): the district inspected two of its grassroots unions — one visit done last
// month with a recommendation already past its deadline and one still open, one planned for next
// month — and received a petition from the public form that waits to be handled. The petition names
// nobody, so it blocks no award in the demo's nomination round.
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { audit } from '../lib/audit';

export const DEMO_PETITION_REFERENCE = 'KNG-DEMO-7Q4MHX2P';

export async function insertDemoOversight(tx: Tx, districtCode: string): Promise<void> {
  const d = await tx.execute<{ id: number; path: string }>(sql`select id, path from organisation where code = ${districtCode}`);
  const district = d.rows[0];
  if (!district) return;
  const units = await tx.execute<{ id: number; path: string }>(sql`
    select id, path from organisation where parent_id = ${district.id} and kind = 'CDCS' and status = 'ACTIVE' order by code limit 2`);
  if (units.rows.length < 2) return;
  const [first, second] = units.rows as [{ id: number; path: string }, { id: number; path: string }];
  const done = await tx.execute<{ id: number }>(sql`
    insert into inspection (org_id, org_path, target_org_id, target_path, year, kind, topic, planned_on, status, conducted_on, findings, conclusion)
    values (${district.id}, ${district.path}, ${first.id}, ${first.path}, extract(year from current_date - 35)::int, 'INSPECTION',
            'Việc tổ chức phong trào thi đua và bình xét khen thưởng của công đoàn cơ sở', current_date - 40, 'DONE', current_date - 35,
            'Công đoàn cơ sở tổ chức bình xét công khai, dân chủ; hồ sơ đề nghị đầy đủ. Còn thiếu biên bản họp của hai tổ công đoàn và chưa niêm yết danh sách đề nghị tại bảng tin.',
            'Cơ bản thực hiện đúng quy định; cần bổ sung biên bản và công khai danh sách trước khi gửi đề nghị lên cấp trên.')
    returning id`);
  const inspectionId = Number(done.rows[0]!.id);
  await tx.execute(sql`
    insert into inspection_recommendation (inspection_id, position, text, due_on)
    values (${inspectionId}, 1, 'Bổ sung biên bản họp bình xét của hai tổ công đoàn còn thiếu.', current_date - 5),
           (${inspectionId}, 2, 'Niêm yết danh sách đề nghị khen thưởng tại bảng tin của đơn vị ít nhất 5 ngày làm việc.', current_date + 20)`);
  await tx.execute(sql`
    insert into inspection (org_id, org_path, target_org_id, target_path, year, kind, topic, planned_on)
    values (${district.id}, ${district.path}, ${second.id}, ${second.path}, extract(year from current_date + 30)::int, 'SUPERVISION',
            'Giám sát việc thực hiện chế độ khen thưởng đối với công nhân lao động trực tiếp', current_date + 30)`);
  const petition = await tx.execute<{ id: number }>(sql`
    insert into complaint (reference_code, org_id, org_path, kind, channel, complainant_name, complainant_contact, content, received_on)
    values (${DEMO_PETITION_REFERENCE}, ${district.id}, ${district.path}, 'PETITION', 'PUBLIC', 'Lê Thị Thu', 'thu.le@example.vn',
            'Đề nghị Liên đoàn Lao động huyện quan tâm khen thưởng nhiều hơn cho công nhân trực tiếp sản xuất tại các doanh nghiệp FDI, không chỉ cán bộ quản lý.',
            current_date - 3)
    returning id`);
  await tx.execute(sql`insert into complaint_event (complaint_id, action, at) values (${petition.rows[0]!.id}, 'receive', now() - interval '3 days')`);
  await audit(tx, { userId: null }, [{ action: 'demo.oversight', entityType: 'inspection', entityId: inspectionId, orgId: Number(district.id), after: { inspections: 2, petition: DEMO_PETITION_REFERENCE } }]);
}
