// Demo exemplary stories and good-deed proposals (issue 9): the district has published the story of a
// member of its first grassroots union under this year's "Học tập và làm theo…" movement, consent
// recorded and the union officer credited for discovering her; the second union has a story waiting
// for review; and a citizen has proposed a "good person, good deed" from the public form. Nothing here
// names a person's identity number, phone or address, so the public site shows the story as is.
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { audit } from '../lib/audit';

export const DEMO_PROPOSAL_REFERENCE = 'NTVT-DEMO-3K8PZQ7M';
export const DEMO_STORY_SLUG = 'tan-tuy-voi-hoc-tro-vung-kho';

type Org = { id: number; path: string; name: string };
type Person = { id: number; full_name: string };

export async function insertDemoStories(tx: Tx, districtCode: string, [schoolOfficer, factoryOfficer]: [string, string]): Promise<void> {
  const d = await tx.execute<Org>(sql`select id, path, name from organisation where code = ${districtCode}`);
  const district = d.rows[0];
  if (!district) return;
  // The school's union (its chair is demo user cdcs.truong) and the factory's (cdcs.fdi).
  const unitOf = async (username: string) =>
    (await tx.execute<Org>(sql`
      select o.id, o.path, o.name from role_assignment r join app_user u on u.id = r.user_id join organisation o on o.id = r.org_id
      where u.username = ${username} and r.role = 'CDCS_OFFICER' and o.path like ${`${district.path}%`} limit 1`)).rows[0];
  const first = await unitOf(schoolOfficer);
  const second = await unitOf(factoryOfficer);
  if (!first || !second) return;
  const person = async (org: Org, gender: string, skip = 0) =>
    (await tx.execute<Person>(sql`select id, full_name from person where org_path like ${`${org.path}%`} and status = 'ACTIVE' and gender = ${gender} order by id offset ${skip} limit 1`)).rows[0];
  const teacher = await person(first, 'FEMALE');
  const discoverer = await person(first, 'MALE');
  const worker = await person(second, 'MALE', 1);
  if (!teacher || !discoverer || !worker) return;
  const mv = await tx.execute<{ id: number }>(sql`
    select id from movement where org_id = ${district.id} and title like 'Thi đua “Học tập và làm theo%' order by year desc limit 1`);
  const movementId = mv.rows[0] ? Number(mv.rows[0].id) : null;

  const published = await tx.execute<{ id: number }>(sql`
    insert into story (org_id, org_path, subject_kind, person_id, subject_name, subject_unit, title, slug, summary, body, movement_id, status,
                       consent_on, consent_method, consent_note, submitted_at, published_at)
    values (${district.id}, ${district.path}, 'PERSON', ${teacher.id}, ${teacher.full_name}, ${first.name},
            'Tận tụy với học trò vùng khó', ${DEMO_STORY_SLUG},
            ${`Mười lăm năm gắn bó với lớp học, cô ${teacher.full_name} đã vận động hàng chục học sinh trở lại trường và lập tủ sách cho em nhỏ trong xóm.`},
            ${`Mỗi sáng, cô ${teacher.full_name} đến lớp sớm hơn giờ vào học để kèm những em còn yếu. Những năm đầu, nhiều em bỏ học giữa chừng để phụ giúp gia đình; cô đến từng nhà, ngồi với phụ huynh, cùng công đoàn trường tìm học bổng và xe đạp cho các em.\n\nTừ năm ngoái, cô cùng tổ công đoàn lập tủ sách “Đọc cùng con” ở nhà văn hóa xóm, mỗi tối thứ Bảy mở cửa cho các em đọc và học nhóm. Tủ sách nay có hơn 600 đầu sách do giáo viên, phụ huynh và doanh nghiệp trên địa bàn góp tặng.\n\nCông đoàn cơ sở đã biểu dương cô trong sơ kết phong trào và đề nghị nhân rộng cách làm tủ sách ở các trường trong huyện.`},
            ${movementId}, 'PUBLISHED', current_date - 20, 'WRITTEN', 'Giấy đồng ý đăng bài có chữ ký, lưu tại văn phòng Liên đoàn Lao động huyện.',
            now() - interval '16 days', now() - interval '15 days')
    returning id`);
  const publishedId = Number(published.rows[0]!.id);
  await tx.execute(sql`
    insert into story_credit (story_id, person_id, role, note)
    values (${publishedId}, ${discoverer.id}, 'DISCOVERED', 'Phát hiện và giới thiệu gương điển hình với Liên đoàn Lao động huyện.')`);
  await tx.execute(sql`
    insert into story (org_id, org_path, subject_kind, person_id, subject_name, subject_unit, title, slug, summary, body, status, submitted_at)
    values (${second.id}, ${second.path}, 'PERSON', ${worker.id}, ${worker.full_name}, ${second.name},
            'Sáng kiến tiết kiệm điện trong ca đêm', 'sang-kien-tiet-kiem-dien-trong-ca-dem',
            ${`Anh ${worker.full_name} đề xuất sắp xếp lại lịch chạy máy nén khí, giúp phân xưởng tiết kiệm gần 12% điện năng mỗi tháng.`},
            'Sáng kiến được hội đồng sáng kiến của công ty công nhận và áp dụng cho cả ba phân xưởng. Bài viết đang chờ công đoàn cơ sở xem lại và xin ý kiến đồng ý của người được viết.',
            'IN_REVIEW', now() - interval '2 days')`);
  await tx.execute(sql`
    insert into good_deed_proposal (reference_code, org_id, org_path, channel, proposer_name, proposer_contact, subject_name, subject_unit, story, created_at)
    values (${DEMO_PROPOSAL_REFERENCE}, ${district.id}, ${district.path}, 'PUBLIC', 'Trần Văn Hòa', 'hoa.tran@example.vn', 'Chị Nguyễn Thị Mai',
            'Công nhân may, khu công nghiệp của huyện',
            'Chị Mai nhặt được chiếc ví có nhiều tiền và giấy tờ ở cổng khu công nghiệp, đã mang đến công an xã để trả lại người đánh rơi. Tôi đề nghị công đoàn biểu dương chị.',
            now() - interval '1 day')`);
  await audit(tx, { userId: null }, [{ action: 'demo.stories', entityType: 'story', entityId: publishedId, orgId: Number(district.id), after: { stories: 2, proposal: DEMO_PROPOSAL_REFERENCE } }]);
}
