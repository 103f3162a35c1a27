// Demo nominations: the district opens its year-end round; the units of the demo CĐCS chairs have
// draft nominations to complete and send (`cdcs.truong`, `cdcs.fdi`), and three other units have
// already sent theirs, with generated dossiers — one waiting for receipt, one under appraisal, one
// returned with a reason — so that `huyen.tdkt` finds work in /tham-dinh. Eligibility is judged by
// the same engine the server uses; the dossier files are the generated báo cáo thành tích.
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { storeUpload, FILE_KINDS } from '../lib/files';
import { audit } from '../lib/audit';
import { todayInVietnam } from '../modules/imports/xlsx';
import { addWorkingDays, subtractWorkingDays } from '../../domain/nominations';
import { calendarUntil, planSchedule } from '../modules/nominations/rounds.service';
import { evaluateSubjects, findNomination } from '../modules/nominations/nominations.service';
import { achievementReport } from '../modules/nominations/documents.service';
import { packOfficialDocx } from '../modules/nominations/documents/achievement-report-docx';
import { centred, para, run, PT14 } from '../modules/plans/plan-docx';
import type { RoundParameters } from '../../contracts/nominations';

export const DEMO_NOMINATION_RETURN_REASON = 'Báo cáo thành tích chưa có xác nhận của thủ trưởng đơn vị; đề nghị bổ sung.';
const AWARDS = ['LDTT', 'CSTD_CS', 'GK_CD_CAP_TREN', 'GK_CD_CAP_TREN_TT', 'GK_DOT_XUAT', 'BK_LDLD'];
const PARAMETERS: RoundParameters = {
  levels: [
    { below: 1, appraisalWorkingDays: 5, councilWorkingDays: 0 },
    { below: 0, appraisalWorkingDays: 10, councilWorkingDays: 2 },
  ],
  decisionLeadWorkingDays: 5,
  publicPostingWorkingDays: 0,
  simplifiedAppraisalWorkingDays: 5,
  opinionWorkingDays: 10,
  minNonLeaderShare: 0.7,
  minDirectWorkerShare: null,
};

type Unit = { id: number; path: string; name: string; parent_id: number; chair: boolean };
type Pick = { person_id: number; full_name: string; unit: Unit };

async function minutesDocx(unit: string, year: number, names: string[]): Promise<Buffer> {
  return packOfficialDocx('Biên bản bình xét thi đua', [
    centred([run('BIÊN BẢN BÌNH XÉT THI ĐUA, KHEN THƯỞNG', { bold: true, size: PT14 })], 240),
    para([run(`Hội nghị Ban Chấp hành ${unit} bình xét thi đua năm ${year}, thống nhất đề nghị cấp trên khen thưởng:`, { size: PT14 })]),
    ...names.map((n, i) => para([run(`${i + 1}. ${n}`, { size: PT14 })])),
  ]);
}

async function store(dataDir: string, buffer: Buffer, fileName: string) {
  return storeUpload(dataDir, Readable.from(buffer), { maxBytes: 10 * 1024 * 1024, allowed: FILE_KINDS, fileName });
}

export async function insertDemoNominations(tx: Tx, districtCode: string, chairUsernames: readonly string[], dataDir: string | null): Promise<number | null> {
  const d = await tx.execute<{ id: number; path: string; depth: number }>(sql`select id, path, depth from organisation where code = ${districtCode}`);
  const district = d.rows[0];
  if (!district) return null;
  const today = todayInVietnam();
  const year = Number(today.slice(0, 4));
  const system = { userId: null };
  const calendar = await calendarUntil(tx, system, `${year + 1}-12-31`);
  const ceremony = addWorkingDays(today, 60, calendar);
  const schedule = planSchedule({ ceremonyDate: ceremony, parameters: PARAMETERS }, new Map([[0, 'Liên đoàn Lao động huyện'], [1, 'Công đoàn cơ sở']]), calendar, today);
  const r = await tx.execute<{ id: number }>(sql`
    insert into nomination_round (org_id, org_path, year, title, kind, ceremony_date, award_codes, parameters, schedule)
    values (${district.id}, ${district.path}, ${year}, ${`Xét khen thưởng tổng kết phong trào thi đua năm ${year}`}, 'ANNUAL', ${ceremony},
            ${JSON.stringify(AWARDS)}::jsonb, ${JSON.stringify(PARAMETERS)}::jsonb, ${JSON.stringify(schedule)}::jsonb)
    returning id`);
  const roundId = Number(r.rows[0]!.id);

  // The chairs' units (drafts) and four more grassroots unions that have already sent theirs: the
  // fourth batch was appraised and its nominations await the district's council.
  const chairs = await tx.execute<{ id: number }>(sql`
    select ra.org_id as id from role_assignment ra join app_user u on u.id = ra.user_id where u.username = any(${sql.param([...chairUsernames])}::text[])`);
  const chairIds = chairs.rows.map((c) => Number(c.id));
  const units = await tx.execute<Unit>(sql`
    (select id, path, name, parent_id, true as chair from organisation where id = any(${sql.param(chairIds)}::bigint[]))
    union all
    (select id, path, name, parent_id, false from organisation
     where parent_id = ${district.id} and kind = 'CDCS' and status = 'ACTIVE' and id <> all(${sql.param(chairIds)}::bigint[]) order by name limit 4)`);
  // Three members per unit, non-leaders first (the seed asks to favour them), then by name.
  const picks = await tx.execute<{ person_id: number; full_name: string; unit_id: number }>(sql`
    select x.id as person_id, x.full_name, x.unit_id from (
      select p.id, p.full_name, u.id as unit_id, row_number() over (partition by u.id order by p.is_leader, p.is_direct_worker desc, p.full_name) as n
      from organisation u join person p on p.org_path like u.path || '%' and p.status = 'ACTIVE'
      where u.id = any(${sql.param(units.rows.map((u) => Number(u.id)))}::bigint[])) x
    where x.n <= 3 order by x.unit_id, x.n`);
  const unitById = new Map(units.rows.map((u) => [Number(u.id), { ...u, id: Number(u.id), parent_id: Number(u.parent_id) }]));
  const chosen: Pick[] = picks.rows.map((p) => ({ person_id: Number(p.person_id), full_name: p.full_name, unit: unitById.get(Number(p.unit_id))! }));
  const results = await evaluateSubjects(
    tx,
    chosen.map((c) => ({ personId: c.person_id, subjectOrgId: null, awardCode: 'GK_CD_CAP_TREN', year })),
  );
  const rows = chosen.map((c, i) => {
    const result = results[i]!;
    return {
      round_id: roundId,
      proposer_org_id: c.unit.id,
      proposer_path: c.unit.path,
      person_id: c.person_id,
      subject_path: c.unit.path,
      subject_name: c.full_name,
      award_code: 'GK_CD_CAP_TREN',
      summary: `Hoàn thành xuất sắc nhiệm vụ được giao năm ${year}; tích cực tham gia các phong trào thi đua do công đoàn phát động.`,
      status: result.status,
      snapshot: result,
      justification: result.status === 'NOT_ELIGIBLE' ? 'Có nhiều đóng góp trong phong trào “Xanh – Sạch – Đẹp, bảo đảm an toàn vệ sinh lao động”.' : null,
    };
  });
  const inserted = await tx.execute<{ id: number; proposer_org_id: number }>(sql`
    insert into nomination (round_id, proposer_org_id, proposer_path, person_id, subject_path, subject_name, award_code, achievement_summary,
                            eligibility_status, eligibility_checked_at, justification, holder_org_id, holder_path)
    select round_id, proposer_org_id, proposer_path, person_id, subject_path, subject_name, award_code, summary, status, now(),
           justification, proposer_org_id, proposer_path
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(round_id bigint, proposer_org_id bigint, proposer_path text, person_id bigint,
      subject_path text, subject_name text, award_code text, summary text, status text, justification text)
    returning id, proposer_org_id`);
  // One nomination per person in this round: the snapshots join on the person.
  await tx.execute(sql`
    insert into nomination_eligibility (nomination_id, snapshot)
    select n.id, r.snapshot from nomination n
      join jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(person_id bigint, snapshot jsonb) on r.person_id = n.person_id
    where n.round_id = ${roundId}`);
  await tx.execute(sql`insert into nomination_event (nomination_id, org_id, kind) select id, proposer_org_id, 'CREATED' from nomination where round_id = ${roundId}`);

  // Units that already sent: dossiers generated, then one submission each in a different state.
  const senders = units.rows.filter((u) => !u.chair).map((u) => Number(u.id));
  const states = ['SUBMITTED', 'UNDER_APPRAISAL', 'RETURNED', 'TO_COUNCIL'] as const;
  for (const [k, unitId] of senders.entries()) {
    const state = states[k % states.length]!;
    const unit = unitById.get(unitId)!;
    const ids = inserted.rows.filter((x) => Number(x.proposer_org_id) === unitId).map((x) => Number(x.id));
    if (ids.length === 0 || !dataDir) continue;
    const names: string[] = [];
    for (const id of ids) {
      const n = (await findNomination(tx, id))!;
      names.push(n.subject_name);
      const report = await store(dataDir, await achievementReport(tx, n), `Báo cáo thành tích - ${n.subject_name}.docx`);
      await tx.execute(sql`
        insert into nomination_document (nomination_id, kind, file_name, mime_type, size_bytes, sha256, stored_path)
        values (${id}, 'BAO_CAO_THANH_TICH', ${report.fileName}, ${report.mimeType}, ${report.sizeBytes}, ${report.sha256}, ${report.key})`);
    }
    const minutes = await store(dataDir, await minutesDocx(unit.name, year, names), `Biên bản bình xét - ${unit.name}.docx`);
    await tx.execute(sql`
      insert into nomination_document (nomination_id, kind, file_name, mime_type, size_bytes, sha256, stored_path)
      select x, 'BIEN_BAN_BINH_XET', ${minutes.fileName}, ${minutes.mimeType}, ${minutes.sizeBytes}, ${minutes.sha256}, ${minutes.key}
      from unnest(${sql.param(ids)}::bigint[]) as x`);

    const receivedOn = subtractWorkingDays(today, 3, calendar);
    const due = state === 'SUBMITTED' ? null : addWorkingDays(receivedOn, 10, calendar);
    const s = await tx.execute<{ id: number }>(sql`
      insert into submission (round_id, from_org_id, from_path, to_org_id, title, procedure, status, due_on, submitted_at, received_at, return_reason)
      values (${roundId}, ${unitId}, ${unit.path}, ${district.id}, ${`Tờ trình đề nghị khen thưởng năm ${year}`}, 'NORMAL', ${state}, ${due},
              now() - interval '5 days', ${state === 'SUBMITTED' ? null : sql`now() - interval '4 days'`}, ${state === 'RETURNED' ? DEMO_NOMINATION_RETURN_REASON : null})
      returning id`);
    const sid = Number(s.rows[0]!.id);
    // In the returned batch, the first line goes back to the unit; the others are accepted.
    await tx.execute(sql`
      insert into submission_item (submission_id, nomination_id, position, state, reason, decided_at)
      select ${sid}, x.id, x.ord,
             case when ${state}::text = 'RETURNED' then (case when x.ord = 1 then 'RETURNED' else 'ACCEPTED' end)
                  when ${state}::text = 'TO_COUNCIL' then 'ACCEPTED' else 'PENDING' end,
             case when ${state}::text = 'RETURNED' and x.ord = 1 then ${DEMO_NOMINATION_RETURN_REASON}::text end,
             case when ${state}::text in ('RETURNED', 'TO_COUNCIL') then now() - interval '1 day' end
      from unnest(${sql.param(ids)}::bigint[]) with ordinality as x(id, ord)`);
    await tx.execute(sql`
      update nomination n set submission_id = ${sid}, reached_path = ${district.path},
        status = case when ${state} = 'RETURNED' and i.state = 'RETURNED' then 'RETURNED' when ${state} = 'TO_COUNCIL' then 'TO_COUNCIL' else 'IN_REVIEW' end,
        holder_org_id = case when ${state} = 'RETURNED' and i.state = 'RETURNED' then ${unitId}::bigint else ${district.id}::bigint end,
        holder_path = case when ${state} = 'RETURNED' and i.state = 'RETURNED' then ${unit.path} else ${district.path} end
      from submission_item i where i.submission_id = ${sid} and i.nomination_id = n.id`);
    await tx.execute(sql`
      insert into nomination_event (nomination_id, submission_id, org_id, kind, reason, occurred_at)
      select i.nomination_id, ${sid}, e.org, e.kind, case when e.kind = 'ITEM_RETURNED' then i.reason end, e.at
      from submission_item i cross join lateral (values
        (${unitId}::bigint, 'SUBMITTED', now() - interval '5 days'),
        (${district.id}::bigint, case when ${state} = 'SUBMITTED' then null else 'RECEIVED' end, now() - interval '4 days'),
        (${district.id}::bigint, case when ${state} in ('RETURNED', 'TO_COUNCIL') then (case i.state when 'RETURNED' then 'ITEM_RETURNED' else 'ITEM_ACCEPTED' end) end, now() - interval '1 day'),
        (${district.id}::bigint, case when ${state} = 'TO_COUNCIL' then 'APPRAISED' end, now() - interval '1 day'),
        (${district.id}::bigint, case when ${state} = 'TO_COUNCIL' then 'TO_COUNCIL' end, now() - interval '20 hours')
      ) as e(org, kind, at)
      where i.submission_id = ${sid} and e.kind is not null`);
  }
  await audit(tx, system, [{ action: 'demo.nominations', entityType: 'nomination_round', entityId: roundId, orgId: Number(district.id), after: { nominations: rows.length, submissions: dataDir ? senders.length : 0 } }]);
  return roundId;
}
