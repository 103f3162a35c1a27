// Demo movements of the district federation (LĐLĐ huyện DMC), taken from its 2024 plan: the
// year's regular movement under the plan's theme and the round marking 95 years of Công đoàn Việt
// Nam, both carried through to their close; this year's thematic movement "Học tập và làm theo tư
// tưởng, đạo đức, phong cách Hồ Chí Minh", launched with a registration request to every CĐCS whose
// deadline is two weeks ahead (two units have answered), so the compliance figures are live; and a
// draft on occupational safety.
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { todayInVietnam } from '../modules/imports/xlsx';

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);

interface DemoMovement {
  year: number;
  kind: 'REGULAR' | 'ROUND' | 'THEMATIC';
  title: string;
  slogan: string | null;
  content: string;
  participants: string;
  startsOn: string;
  endsOn: string;
  criteria: { text: string; measure: string; target: string }[];
  offeredAwards: string[];
  withPlan: boolean;
  /** Steps after the draft: [status, date, note]. */
  steps: [string, string, string | null][];
}

export function demoMovements(today: string): DemoMovement[] {
  const year = Number(today.slice(0, 4));
  const launchedOn = today < `${year}-02-15` ? today : `${year}-02-15`;
  return [
    {
      year: 2024, kind: 'REGULAR', withPlan: true,
      title: 'Thi đua thực hiện thắng lợi các nhiệm vụ chính trị, các chỉ tiêu năm 2024',
      slogan: 'Điều hành linh hoạt, chủ động kịp thời, kỷ cương trách nhiệm, tăng tốc sáng tạo, hiệu quả bền vững',
      content: 'Các công đoàn cơ sở tổ chức các phong trào thi đua thường xuyên, thi đua theo đợt, thi đua chuyên đề với nội dung, tiêu chí cụ thể, phù hợp với điều kiện, tình hình thực tế của đơn vị.',
      participants: 'Đoàn viên, CNVCLĐ các công đoàn cơ sở trực thuộc LĐLĐ huyện',
      startsOn: '2024-03-15', endsOn: '2024-12-31',
      criteria: [
        { text: 'Công đoàn cơ sở xây dựng kế hoạch thi đua năm 2024', measure: 'Tỷ lệ CĐCS ban hành kế hoạch', target: '100%' },
        { text: 'Đoàn viên đăng ký thi đua đầu năm', measure: 'Tỷ lệ đoàn viên đăng ký', target: '≥ 90%' },
        { text: 'Khen thưởng tập thể nhỏ, công nhân lao động trực tiếp', measure: 'Tỷ lệ khen thưởng công nhân, người lao động trực tiếp', target: '≥ 50%' },
      ],
      offeredAwards: ['GK_CD_CAP_TREN', 'GK_CD_CAP_TREN_TT'],
      steps: [
        ['LAUNCHED', '2024-03-20', null],
        ['IN_PROGRESS', '2024-04-01', null],
        ['MID_REVIEW', '2024-07-10', 'Sơ kết 6 tháng: các CĐCS đã ban hành kế hoạch thi đua; tỷ lệ đoàn viên đăng ký đạt 92%.'],
        ['FINAL_REVIEW', '2024-12-12', 'Tổng kết: biểu dương 12 tập thể, 30 cá nhân tiêu biểu; đề nghị LĐLĐ tỉnh tặng Bằng khen cho 3 tập thể.'],
        ['CLOSED', '2024-12-31', 'Đã ban hành quyết định khen thưởng của Ban Chấp hành LĐLĐ huyện.'],
      ],
    },
    {
      year: 2024, kind: 'ROUND', withPlan: true,
      title: 'Đợt thi đua chào mừng 95 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2024)',
      slogan: null,
      content: 'Tổ chức đợt thi đua cao điểm lập thành tích chào mừng các ngày lễ lớn, các sự kiện trọng đại năm 2024; tuyên truyền gương người tốt, việc tốt.',
      participants: 'Các công đoàn cơ sở trực thuộc',
      startsOn: '2024-05-01', endsOn: '2024-07-28',
      criteria: [
        { text: 'Công trình, phần việc chào mừng', measure: 'Số công trình, phần việc mỗi CĐCS', target: '≥ 1' },
        { text: 'Tin, bài về gương điển hình tiên tiến', measure: 'Số tin, bài đăng trên trang của LĐLĐ huyện', target: '≥ 20' },
      ],
      offeredAwards: ['GK_CD_CAP_TREN_TT'],
      steps: [
        ['LAUNCHED', '2024-04-20', null],
        ['IN_PROGRESS', '2024-05-01', null],
        ['FINAL_REVIEW', '2024-07-26', 'Tổng kết đợt thi đua: 15 công trình, phần việc; 24 tin, bài về gương điển hình.'],
        ['CLOSED', '2024-07-31', 'Đã khen thưởng 5 tập thể tiêu biểu.'],
      ],
    },
    {
      year, kind: 'THEMATIC', withPlan: false,
      title: `Thi đua “Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh” năm ${year}`,
      slogan: 'Đẩy mạnh học tập và làm theo tư tưởng Hồ Chí Minh về thực hành tiết kiệm, đấu tranh phòng, chống tham nhũng, tiêu cực, lãng phí',
      content: 'Mỗi công đoàn cơ sở đăng ký ít nhất một việc làm cụ thể làm theo gương Bác; biểu dương các tập thể, cá nhân tiêu biểu.',
      participants: 'Đoàn viên, CNVCLĐ các công đoàn cơ sở trực thuộc',
      startsOn: `${year}-01-01`, endsOn: `${year}-12-31`,
      criteria: [
        { text: 'Đăng ký việc làm cụ thể làm theo gương Bác', measure: 'Tỷ lệ CĐCS đăng ký', target: '100%' },
        { text: 'Mô hình thực hành tiết kiệm, chống lãng phí', measure: 'Số mô hình được công nhận', target: '≥ 5' },
      ],
      offeredAwards: ['GK_CD_CAP_TREN', 'GK_CD_CAP_TREN_TT'],
      steps: [['LAUNCHED', launchedOn, null]],
    },
    {
      year, kind: 'THEMATIC', withPlan: false,
      title: `Thi đua chuyên đề bảo đảm an toàn, vệ sinh lao động năm ${year}`,
      slogan: null,
      content: 'Nâng cao hiệu quả công tác an toàn, vệ sinh lao động theo tinh thần Chỉ thị số 29-CT/TW.',
      participants: 'Công đoàn cơ sở doanh nghiệp trực thuộc',
      startsOn: `${year}-05-01`, endsOn: `${year}-12-31`,
      criteria: [{ text: 'Không để xảy ra tai nạn lao động nghiêm trọng', measure: 'Số vụ tai nạn lao động nghiêm trọng', target: '0' }],
      offeredAwards: ['GK_CD_CAP_TREN_TT'],
      steps: [],
    },
  ];
}

/** Inserts the demo movements, their steps, and the live registration request; returns how many. */
export async function insertDemoMovements(tx: Tx, districtCode: string): Promise<number> {
  const today = todayInVietnam();
  const year = Number(today.slice(0, 4));
  const d = await tx.execute<{ id: number; path: string; officer: number | null; plan_id: number | null }>(sql`
    select o.id, o.path,
      (select ur.user_id from role_assignment ur where ur.org_id = o.id and ur.role = 'TDKT_OFFICER' order by ur.user_id limit 1) as officer,
      (select p.id from plan p where p.org_id = o.id and p.year = 2024 order by p.id limit 1) as plan_id
    from organisation o where o.code = ${districtCode}`);
  const district = d.rows[0];
  if (!district) return 0;
  const rows = demoMovements(today).map((m) => {
    const last = m.steps.at(-1);
    const on = (s: string) => m.steps.find((x) => x[0] === s)?.[1] ?? null;
    return {
      ...m, planId: m.withPlan ? district.plan_id : null, status: last ? last[0] : 'DRAFT',
      launchedOn: on('LAUNCHED'), midReviewOn: on('MID_REVIEW'), finalReviewOn: on('FINAL_REVIEW'), closedOn: on('CLOSED'), version: 1 + m.steps.length,
    };
  });
  const inserted = await tx.execute<{ id: number; title: string }>(sql`
    insert into movement (org_id, org_path, year, kind, title, slogan, content, participants, starts_on, ends_on, criteria, offered_awards, plan_id,
                          status, launched_on, mid_review_on, final_review_on, closed_on, created_by, version)
    select ${district.id}, ${district.path}, r.year, r.kind, r.title, r.slogan, r.content, r.participants, r."startsOn", r."endsOn", r.criteria, r."offeredAwards",
           r."planId", r.status, r."launchedOn", r."midReviewOn", r."finalReviewOn", r."closedOn", ${district.officer}, r.version
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(year smallint, kind text, title text, slogan text, content text, participants text,
      "startsOn" date, "endsOn" date, criteria jsonb, "offeredAwards" jsonb, "planId" bigint, status text, "launchedOn" date, "midReviewOn" date,
      "finalReviewOn" date, "closedOn" date, version int)
    returning id, title`);
  const idOf = new Map(inserted.rows.map((r) => [r.title, Number(r.id)]));
  const steps = rows.flatMap((m) =>
    m.steps.map(([to, onDate, note], i) => ({ movement_id: idOf.get(m.title), from_status: i === 0 ? 'DRAFT' : m.steps[i - 1]![0], to_status: to, on_date: onDate, note })),
  );
  await tx.execute(sql`
    insert into movement_step (movement_id, from_status, to_status, on_date, note, actor_id)
    select movement_id, from_status, to_status, on_date, note, ${district.officer}
    from jsonb_to_recordset(${JSON.stringify(steps)}::jsonb) as r(movement_id bigint, from_status text, to_status text, on_date date, note text)`);

  // The live one: every active CĐCS below is asked to register within two weeks; two have.
  const live = rows.find((m) => m.year === year && m.status === 'LAUNCHED')!;
  const liveId = idOf.get(live.title)!;
  const title = `Đăng ký thi đua: ${live.title}`;
  const req = await tx.execute<{ id: number }>(sql`
    insert into response_request (issuer_org_id, issuer_path, source_type, source_id, response_kind, year, title, deadline, created_by)
    values (${district.id}, ${district.path}, 'movement', ${liveId}, 'REGISTRATION', ${year}, ${title}, ${addDays(today, 14)}, ${district.officer})
    returning id`);
  const requestId = Number(req.rows[0]!.id);
  await tx.execute(sql`
    insert into request_target (request_id, org_id, org_path)
    select ${requestId}, id, path from organisation
    where path like ${`${district.path}%`} and id <> ${district.id} and status = 'ACTIVE' and kind in ('CDCS', 'NGHIEP_DOAN')`);
  await tx.execute(sql`
    insert into inbox_item (org_id, kind, title, sender_org_id, request_id, link)
    select org_id, 'REQUEST', ${title}, ${district.id}, ${requestId}, ${`/phong-trao/${liveId}`} from request_target where request_id = ${requestId}`);
  const answered = await tx.execute<{ org_id: number; org_path: string }>(sql`
    select t.org_id, t.org_path from request_target t join organisation o on o.id = t.org_id
    where t.request_id = ${requestId} order by o.code limit 2`);
  for (const [i, a] of answered.rows.entries()) {
    const reg = await tx.execute<{ id: number }>(sql`
      insert into emulation_registration (org_id, scope_path, year, award_code, registered_on, movement_id, unit_id, review_status)
      values (${a.org_id}, ${a.org_path}, ${year}, 'GK_CD_CAP_TREN_TT', ${today}, ${liveId}, ${a.org_id}, ${i === 0 ? 'APPROVED' : 'SUBMITTED'})
      returning id`);
    await tx.execute(sql`
      update request_target set responded_at = now(), response_type = 'registration', response_id = ${reg.rows[0]!.id}
      where request_id = ${requestId} and org_id = ${a.org_id}`);
  }
  return inserted.rows.length;
}
