// Demo cụm thi đua: the district federation groups its first grassroots unions into a cluster for
// the current year, with a head, a deputy and a signed covenant (giao ước thi đua).
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { audit } from '../lib/audit';
import { todayInVietnam } from '../modules/imports/xlsx';
import { defaultClusterLevel } from '../../domain/clusters/rotation';

const COVENANT = [
  'Thi đua thực hiện thắng lợi Nghị quyết Đại hội Công đoàn các cấp, hoàn thành xuất sắc các chỉ tiêu, nhiệm vụ năm được giao.',
  'Tích cực tham gia thực hiện các phong trào thi đua do Liên đoàn Lao động huyện phát động; mỗi đơn vị có ít nhất 01 mô hình, cách làm hay được giới thiệu, nhân rộng.',
  'Chăm lo, bảo vệ quyền và lợi ích hợp pháp, chính đáng của đoàn viên, người lao động; phối hợp tổ chức Hội nghị cán bộ, công chức, viên chức, người lao động đúng quy định.',
  'Phát triển đoàn viên, xây dựng Công đoàn cơ sở vững mạnh; phấn đấu 100% đơn vị thành viên được xếp loại hoàn thành tốt nhiệm vụ trở lên.',
  'Thực hiện tốt công tác tài chính công đoàn; thu kinh phí và đoàn phí công đoàn đúng, đủ, kịp thời.',
  'Định kỳ 6 tháng sơ kết, cuối năm tổng kết, bình xét, suy tôn đơn vị dẫn đầu cụm thi đua.',
];

export async function insertDemoClusters(tx: Tx, districtCode: string, year: number): Promise<number | null> {
  const district = await tx.execute<{ id: number; path: string; kind: string }>(sql`select id, path, kind from organisation where code = ${districtCode}`);
  const org = district.rows[0];
  if (!org) return null;
  const today = todayInVietnam();
  const signedOn = today < `${year}-01-15` ? `${year - 1}-12-28` : `${year}-01-15`;
  const r = await tx.execute<{ id: number }>(sql`
    insert into emulation_cluster (org_id, org_path, year, kind, name, level, covenant, covenant_signed_on)
    values (${org.id}, ${org.path}, ${year}, 'CLUSTER', 'Cụm thi đua số 1 – Công đoàn cơ sở', ${defaultClusterLevel(org.kind)},
            ${JSON.stringify(COVENANT)}::jsonb, ${signedOn})
    returning id`);
  const id = Number(r.rows[0]!.id);
  // The first six active grassroots unions of the district's schools (or of any sector if none), by name.
  const members = await tx.execute<{ org_id: number }>(sql`
    insert into emulation_cluster_member (cluster_id, org_id, role, rotation_order)
    select ${id}, o.id, case n when 1 then 'HEAD' when 2 then 'DEPUTY' else 'MEMBER' end, n
    from (select o.id, row_number() over (order by (o.sector = 'TRUONG_HOC') desc, o.name collate "vi-x-icu", o.id)::int as n
          from organisation o where o.parent_id = ${org.id} and o.kind = 'CDCS' and o.status = 'ACTIVE') o
    where n <= 6
    returning org_id`);
  await audit(tx, { userId: null }, [
    { action: 'cluster.create', entityType: 'emulation_cluster', entityId: id, orgId: Number(org.id), after: { year, demo: true, members: members.rows.map((m) => Number(m.org_id)), signedOn } },
  ]);
  return id;
}
