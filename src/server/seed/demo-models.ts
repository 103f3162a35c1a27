// Demo register of exemplary models (issue 9, item 3): the district keeps a model fostered by its
// first grassroots union, recognised two months ago and replicated by two other unions, with the
// officers credited; the first union fosters an exemplary member whose check-in date passed three
// days ago (overdue in the list); the second union has just discovered an exemplary collective.
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { audit } from '../lib/audit';

type Org = { id: number; path: string; name: string };

export async function seedDemoModels(tx: Tx, districtCode: string): Promise<void> {
  const d = await tx.execute<Org>(sql`select id, path, name from organisation where code = ${districtCode}`);
  const district = d.rows[0];
  if (!district) return;
  const u = await tx.execute<Org>(sql`select id, path, name from organisation where parent_id = ${district.id} and kind = 'CDCS' and status = 'ACTIVE' order by code limit 3`);
  if (u.rows.length < 3) return;
  const [first, second, third] = u.rows as [Org, Org, Org];
  const p = await tx.execute<{ id: number; full_name: string }>(sql`select id, full_name from person where org_id = ${first.id} and status = 'ACTIVE' order by id limit 2`);
  if (p.rows.length < 2) return;
  const [member, officer] = p.rows as [{ id: number; full_name: string }, { id: number; full_name: string }];

  const insert = async (m: { org: Org; kind: string; name: string; description: string; personId?: number; subjectOrgId?: number; responsible: Org; field: string; stage: string; discoveredDaysAgo: number; plan?: string; recognisedDaysAgo?: number }) => {
    const r = await tx.execute<{ id: number }>(sql`
      insert into exemplary_model (org_id, org_path, kind, name, description, person_id, subject_org_id, responsible_org_id, field, stage, discovered_on, fostering_plan, recognised_on)
      values (${m.org.id}, ${m.org.path}, ${m.kind}, ${m.name}, ${m.description}, ${m.personId ?? null}, ${m.subjectOrgId ?? null}, ${m.responsible.id}, ${m.field}, ${m.stage},
              current_date - ${m.discoveredDaysAgo}::int, ${m.plan ?? null}, ${m.recognisedDaysAgo === undefined ? null : sql`current_date - ${m.recognisedDaysAgo}::int`})
      returning id`);
    const id = Number(r.rows[0]!.id);
    await tx.execute(sql`insert into exemplary_model_event (model_id, action, to_stage, at) values (${id}, 'create', 'DISCOVERED', now() - make_interval(days => ${m.discoveredDaysAgo}))`);
    return id;
  };
  const stage = (id: number, from: string, to: string, daysAgo: number, note: string, nextDaysAgo?: number) =>
    tx.execute(sql`
      insert into exemplary_model_event (model_id, action, from_stage, to_stage, note, next_on, at)
      values (${id}, 'stage', ${from}, ${to}, ${note}, ${nextDaysAgo === undefined ? null : sql`current_date - ${nextDaysAgo}::int`}, now() - make_interval(days => ${daysAgo}))`);

  // Kept by the district, fostered by the first union, recognised and replicated by two others.
  const kitchen = await insert({
    org: district, kind: 'MODEL', name: 'Mô hình “Bữa cơm công đoàn” cho công nhân khó khăn',
    description: 'Mỗi tháng công đoàn cơ sở phối hợp doanh nghiệp tổ chức bữa cơm nghĩa tình, kết hợp thăm hỏi, tặng quà cho đoàn viên có hoàn cảnh khó khăn.',
    subjectOrgId: first.id, responsible: first, field: 'Chăm lo đời sống đoàn viên', stage: 'REPLICATED', discoveredDaysAgo: 240,
    plan: 'Ban chấp hành công đoàn cơ sở phân công một ủy viên phụ trách; vận động doanh nghiệp tài trợ; mỗi quý Liên đoàn Lao động huyện kiểm tra, rút kinh nghiệm.',
    recognisedDaysAgo: 60,
  });
  await stage(kitchen, 'DISCOVERED', 'FOSTERING', 230, 'Bắt đầu bồi dưỡng theo kế hoạch.', 140);
  await tx.execute(sql`insert into exemplary_model_event (model_id, action, note, next_on, at) values (${kitchen}, 'followUp', 'Đã tổ chức 4 bữa cơm, 120 lượt đoàn viên tham gia.', current_date - 50, now() - interval '140 days')`);
  await stage(kitchen, 'FOSTERING', 'RECOGNISED', 60, 'Hội nghị sơ kết công nhận mô hình.');
  await tx.execute(sql`
    insert into exemplary_model_replication (model_id, org_id, started_on, note)
    values (${kitchen}, ${second.id}, current_date - 40, 'Tổ chức bữa cơm hằng tháng tại nhà ăn công ty.'),
           (${kitchen}, ${third.id}, current_date - 20, 'Kết hợp với ngày hội công nhân.')`);
  await tx.execute(sql`insert into exemplary_model_event (model_id, action, note, at) values (${kitchen}, 'replicate', ${second.name}, now() - interval '40 days'), (${kitchen}, 'replicate', ${third.name}, now() - interval '20 days')`);
  await stage(kitchen, 'RECOGNISED', 'REPLICATED', 20, 'Đã có hai công đoàn cơ sở nhân rộng.');
  await tx.execute(sql`
    insert into story_credit (model_id, person_id, name, role, note)
    values (${kitchen}, ${officer.id}, null, 'DISCOVERED', 'Đề xuất mô hình tại hội nghị ban chấp hành.'),
           (${kitchen}, ${officer.id}, null, 'FOSTERED', null),
           (${kitchen}, null, 'Phóng viên Báo Lao Động', 'PUBLICISED', 'Bài viết về bữa cơm công đoàn.')`);

  // An exemplary member being fostered by the first union; the check-in date passed three days ago.
  const person = await insert({
    org: first, kind: 'PERSON', name: `Đoàn viên ${member.full_name} – sáng kiến tiết kiệm vật tư`,
    description: 'Đề xuất cải tiến quy trình giúp tiết kiệm vật tư, được tổ sản xuất áp dụng thử.',
    personId: member.id, responsible: first, field: 'Lao động sáng tạo', stage: 'FOSTERING', discoveredDaysAgo: 45,
    plan: 'Tổ trưởng kèm cặp; công đoàn hỗ trợ đăng ký sáng kiến; kiểm tra mỗi tháng một lần.',
  });
  await stage(person, 'DISCOVERED', 'FOSTERING', 33, 'Bắt đầu bồi dưỡng.', 3);

  // Just discovered by the second union.
  await insert({
    org: second, kind: 'COLLECTIVE', name: `Tập thể ${second.name} – an toàn vệ sinh lao động`,
    description: 'Hai năm liền không để xảy ra tai nạn lao động; mạng lưới an toàn vệ sinh viên hoạt động đều.',
    subjectOrgId: second.id, responsible: second, field: 'An toàn, vệ sinh lao động', stage: 'DISCOVERED', discoveredDaysAgo: 5,
  });
  await audit(tx, { userId: null }, [{ action: 'demo.models', entityType: 'exemplary_model', entityId: kitchen, orgId: Number(district.id), after: { models: 3 } }]);
}
