// Benchmark: nomination lists and the appraisal inbox of a province-wide round (issue 6). One
// province federation, 10 district federations, 1,000 CĐCS, 60,000 persons; one round organised by
// the province with BENCH_NOMINATIONS (default 50,000) nominations for four awards spread over the
// CĐCS, each with a ~2 KB eligibility snapshot made by the real engine and ~2 dossier documents;
// submissions from each CĐCS to its district (most waiting for appraisal with deadlines around today,
// some returned, some not yet sent) and, for four districts, the accepted ones carried up to the
// province — all generated set-based, with the columns the services write. Measured through the
// real application (buildApp, Fastify inject, signed in as a district officer and as the province
// officer): the nomination list (first page, NOT_ELIGIBLE filter, diacritic-insensitive name search,
// page 100), the submission inbox, and one nomination's detail.
// Target (issue 6): p95 ≤ 200 ms for the list and inbox pages. BENCH_NOMINATIONS_EXPLAIN=1 prints
// the plans of the list and inbox statements.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import { loadConfig } from '../src/server/config';
import { createContext } from '../src/server/bootstrap';
import { buildApp } from '../src/server/app';
import { grantRole, insertUser } from '../src/server/modules/users/users.service';
import { loadEngineInputs } from '../src/server/modules/eligibility/eligibility.service';
import { todayInVietnam } from '../src/server/modules/imports/xlsx/validate-member-row';
import { defaultReferenceDate, evaluate } from '../src/domain/eligibility';
import type { CandidateFacts, EvaluationResult } from '../src/contracts/eligibility';
import { onCleanup, openBenchDatabase, runCleanups, type BenchDatabase } from './lib/database';
import { envInt, writeResult } from './lib/results';
import { summarize, type Summary } from './lib/stats';

const NOMINATIONS = envInt('BENCH_NOMINATIONS', 50_000);
const PERSONS = Math.max(envInt('BENCH_NOMINATION_PERSONS', 60_000), NOMINATIONS);
const RUNS = envInt('BENCH_NOMINATION_RUNS', 50);
const WARMUP = 5;
const DISTRICTS = 10;
const UNITS = 1_000;
/** Districts whose appraisal is finished for a share of their CĐCS and sent up to the province. */
const ESCALATING_DISTRICTS = 4;
const AWARDS = ['GK_CD_CAP_TREN', 'CSTD_CS', 'LDTT', 'BK_LDLD'] as const;
const TARGET_P95_MS = 200;
const PASSWORD = 'Mật-khẩu-benchmark-2024';

// Weighted roughly like the population: Nguyễn is the most common surname, Văn and Thị the most common middle names.
const SURNAMES = ['Nguyễn', 'Nguyễn', 'Nguyễn', 'Nguyễn', 'Nguyễn', 'Trần', 'Trần', 'Lê', 'Lê', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLES = ['Văn', 'Văn', 'Thị', 'Thị', 'Thị', 'Hữu', 'Thị Ngọc', 'Minh', 'Thị Thu', 'Đức', 'Thanh', 'Quốc', 'Thị Hồng'];
const GIVEN = ['An', 'Ánh', 'Bình', 'Cúc', 'Dũng', 'Duyên', 'Hà', 'Hùng', 'Hương', 'Khoa', 'Lan', 'Lộc', 'Nghĩa', 'Nhung', 'Phúc', 'Quân', 'Thảo', 'Tuấn', 'Yến', 'Đức'];

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Snapshots the way createNomination stores them: the real engine on three kinds of record
 * (strong, disciplined, no rating for the year), for each award. Keyed by award and variant.
 */
async function snapshots(db: BenchDatabase['db'], year: number): Promise<{ award: string; variant: number; status: string; json: string }[]> {
  const engine = await loadEngineInputs(db);
  const ratings = (to: number) => Array.from({ length: 6 }, (_, i) => ({ id: `r${to - i}`, year: to - i, rating: 'HTXSNV' as const }));
  const base = { subject: 'INDIVIDUAL' as const, id: 1, serviceStartDate: '2010-01-01' };
  const variants: CandidateFacts[] = [
    {
      ...base,
      ratings: ratings(year),
      initiatives: [
        { id: 'i1', recognisedOn: `${year - 1}-11-11`, scope: 'GRASSROOTS', applied: true },
        { id: 'i2', recognisedOn: `${year}-08-20`, scope: 'GRASSROOTS', applied: true },
      ],
      awards: [{ id: `a-CSTD_CS-${year - 1}`, code: 'CSTD_CS', year: year - 1 }],
    } as CandidateFacts,
    { ...base, ratings: ratings(year), disciplines: [{ id: 'd1', level: 'KHIEN_TRACH', from: `${year}-03-01`, to: `${year}-09-01` }] } as CandidateFacts,
    { ...base, ratings: ratings(year - 1) } as CandidateFacts,
  ];
  const out: { award: string; variant: number; status: string; json: string }[] = [];
  for (const award of AWARDS) {
    variants.forEach((candidate, variant) => {
      const r: EvaluationResult = evaluate({ target: award, year, referenceDate: defaultReferenceDate(year), candidate }, { locale: 'vi', ...engine });
      out.push({ award, variant, status: r.status, json: JSON.stringify(r) });
    });
  }
  return out;
}

async function main() {
  const startedAt = new Date();
  const label = process.env.BENCH_DATABASE_URL ? 'server' : 'embedded';
  const bdb = await openBenchDatabase(`nominations_${label}`);
  const { db } = bdb;
  const today = todayInVietnam();
  const year = Number(today.slice(0, 4));
  console.log(`nominations: ${bdb.postgres}, ${NOMINATIONS.toLocaleString('en-US')} nominations, ${PERSONS.toLocaleString('en-US')} persons, ${UNITS} CĐCS under ${DISTRICTS} districts`);
  const t0 = performance.now();

  // ── Organisations: TLĐ → province → 10 districts → 1,000 CĐCS ─────────────────────────────────
  await db.transaction(async (tx) => {
    await tx.execute(sql`insert into organisation (code, name, kind, path, depth, valid_from) values ('TLD', 'Tổng Liên đoàn Lao động Việt Nam', 'TLD', '', 0, '2000-01-01')`);
    await tx.execute(sql`update organisation set path = '/' || id || '/' where code = 'TLD'`);
    await tx.execute(sql`
      insert into organisation (code, name, kind, parent_id, path, depth, valid_from)
      select 'TNI', 'Liên đoàn Lao động tỉnh Tây Ninh', 'LDLD_TINH', id, '', 1, '2000-01-01' from organisation where code = 'TLD'`);
    await tx.execute(sql`update organisation o set path = p.path || o.id || '/', province_root_id = o.id from organisation p where p.id = o.parent_id and o.code = 'TNI'`);
    await tx.execute(sql`
      insert into organisation (code, name, kind, parent_id, path, depth, valid_from)
      select 'TNI-H' || g, 'Liên đoàn Lao động huyện số ' || g, 'LDLD_HUYEN', p.id, '', 2, '2000-01-01'
      from organisation p, generate_series(1, ${DISTRICTS}) g where p.code = 'TNI'`);
    await tx.execute(sql`update organisation o set path = p.path || o.id || '/', province_root_id = p.id from organisation p where p.id = o.parent_id and o.kind = 'LDLD_HUYEN'`);
    await tx.execute(sql`
      insert into organisation (code, name, kind, sector, parent_id, path, depth, valid_from)
      select 'TNI-CS' || g,
             (array['Công đoàn cơ sở Trường Tiểu học ', 'Công đoàn cơ sở Công ty TNHH ', 'Công đoàn cơ sở Ủy ban nhân dân xã ', 'Công đoàn cơ sở Trạm Y tế '])[1 + g % 4] || g,
             'CDCS', 'TRUONG_HOC', d.id, '', 3, '2000-01-01'
      from generate_series(1, ${UNITS}) g
      join organisation d on d.code = 'TNI-H' || (1 + g % ${DISTRICTS})`);
    await tx.execute(sql`update organisation o set path = p.path || o.id || '/', province_root_id = p.province_root_id from organisation p where p.id = o.parent_id and o.kind = 'CDCS'`);
  });
  const org = async (code: string) => (await db.execute<{ id: number; path: string }>(sql`select id, path from organisation where code = ${code}`)).rows[0]!;
  const province = await org('TNI');
  const district = await org('TNI-H1');

  // ── Persons with Vietnamese names (so that "nguyen van" matches a realistic share) ─────────────
  await db.execute(sql`
    insert into person (member_code, full_name, gender, birth_date, status, org_id, org_path, joined_union_on, is_leader, is_direct_worker)
    select 'BN' || lpad(g::text, 8, '0'),
           (${sql.param(SURNAMES)}::text[])[1 + (hashint4(g) & 2147483647) % ${SURNAMES.length}] || ' ' ||
           (${sql.param(MIDDLES)}::text[])[1 + (hashint4(g + 7) & 2147483647) % ${MIDDLES.length}] || ' ' ||
           (${sql.param(GIVEN)}::text[])[1 + (hashint4(g + 13) & 2147483647) % ${GIVEN.length}],
           case when g % 2 = 0 then 'MALE' else 'FEMALE' end, '1985-01-01', 'ACTIVE', u.id, u.path, '2012-01-01', g % 10 = 0, g % 3 = 0
    from generate_series(1, ${PERSONS}) g
    join organisation u on u.code = 'TNI-CS' || (1 + g % ${UNITS})`);

  // ── The round, by the province, as createNominationRound writes it ────────────────────────────
  const ceremony = addDays(today, 60);
  const parameters = {
    levels: [
      { below: 2, appraisalWorkingDays: 5 },
      { below: 1, appraisalWorkingDays: 7 },
      { below: 0, appraisalWorkingDays: 10, councilWorkingDays: 2 },
    ],
    decisionLeadWorkingDays: 5,
    publicPostingWorkingDays: 0,
    simplifiedAppraisalWorkingDays: 5,
    opinionWorkingDays: 10,
    minNonLeaderShare: 0.7,
    minDirectWorkerShare: null,
  };
  const level = (below: number, label: string, due: number) => ({
    below,
    label,
    dossiersDueAt: addDays(today, due),
    appraisalEndsOn: addDays(today, due + 9),
    publicPostingStartsOn: null,
    councilOn: addDays(today, due + 10),
    forwardBy: addDays(today, due + 11),
  });
  const schedule = {
    decisionOn: addDays(ceremony, -7),
    levels: [level(2, 'Công đoàn cơ sở', -10), level(1, 'Liên đoàn Lao động huyện', 5), level(0, 'Liên đoàn Lao động tỉnh', 20)],
  };
  const round = Number(
    (
      await db.execute<{ id: number }>(sql`
        insert into nomination_round (org_id, org_path, year, title, kind, movement_id, ceremony_date, award_codes, parameters, schedule)
        values (${province.id}, ${province.path}, ${year}, ${`Tổng kết công tác thi đua, khen thưởng năm ${year}`}, 'ANNUAL', null, ${ceremony},
                ${JSON.stringify(AWARDS)}::jsonb, ${JSON.stringify(parameters)}::jsonb, ${JSON.stringify(schedule)}::jsonb)
        returning id`)
    ).rows[0]!.id,
  );

  // ── Nominations: one per person for the first NOMINATIONS persons, proposed by their CĐCS ──────
  const snaps = await snapshots(db, year);
  const snapshotBytes = Math.round(snaps.reduce((a, s) => a + Buffer.byteLength(s.json), 0) / snaps.length);
  await db.transaction(async (tx) => {
    await tx.execute(sql`create temporary table bench_snapshot (award text, variant int, status text, snapshot jsonb) on commit drop`);
    await tx.execute(sql`
      insert into bench_snapshot select * from unnest(${sql.param(snaps.map((s) => s.award))}::text[], ${sql.param(snaps.map((s) => s.variant))}::int[],
        ${sql.param(snaps.map((s) => s.status))}::text[], ${sql.param(snaps.map((s) => s.json))}::jsonb[])`);
    // Variants: 70 % strong record, 18 % disciplined, 12 % no rating for the year yet.
    await tx.execute(sql`
      insert into nomination (round_id, proposer_org_id, proposer_path, person_id, subject_path, subject_name, award_code, procedure,
                              achievement_summary, achievement_refs, eligibility_status, eligibility_checked_at, justification,
                              holder_org_id, holder_path, created_at, updated_at)
      select ${round}, p.org_id, p.org_path, p.id, p.org_path, p.full_name, s.award, 'NORMAL',
             'Hoàn thành xuất sắc nhiệm vụ được giao năm ' || ${year} || '; tích cực tham gia các phong trào thi đua do Công đoàn phát động.',
             case when p.id % 10 = 0 then jsonb_build_array('initiative:' || p.id) else '[]'::jsonb end,
             s.status, now() - interval '20 days',
             case when s.status = 'NOT_ELIGIBLE' then 'Đơn vị đề nghị xem xét do có thành tích đột xuất trong năm.' end,
             p.org_id, p.org_path, now() - interval '20 days', now() - interval '20 days'
      from (select id, org_id, org_path, full_name, (hashint8(id) & 2147483647) % 100 as h from person order by id limit ${NOMINATIONS}) p
      join bench_snapshot s on s.award = (${sql.param([...AWARDS])}::text[])[1 + p.id % ${AWARDS.length}]
                           and s.variant = case when p.h < 70 then 0 when p.h < 88 then 1 else 2 end`);
    // The snapshots beside them, chosen by the same award and variant.
    await tx.execute(sql`
      insert into nomination_eligibility (nomination_id, snapshot)
      select n.id, s.snapshot from nomination n
      join bench_snapshot s on s.award = n.award_code
        and s.variant = case when (hashint8(n.person_id) & 2147483647) % 100 < 70 then 0 when (hashint8(n.person_id) & 2147483647) % 100 < 88 then 1 else 2 end`);
  });

  // ── Dossier documents: a báo cáo thành tích for each, a biên bản bình xét for most ───────────────
  await db.execute(sql`
    insert into nomination_document (nomination_id, kind, file_name, mime_type, size_bytes, sha256, stored_path, uploaded_at)
    select n.id, k.kind, k.kind || '-' || n.id || '.pdf', 'application/pdf', 80000 + n.id % 50000,
           encode(sha256(convert_to(n.id || k.kind, 'UTF8')), 'hex'), 'files/' || substr(md5(n.id || k.kind), 1, 2) || '/' || md5(n.id || k.kind),
           now() - interval '19 days'
    from nomination n
    cross join (values ('BAO_CAO_THANH_TICH'), ('BIEN_BAN_BINH_XET')) k(kind)
    where k.kind = 'BAO_CAO_THANH_TICH' or n.id % 10 <> 0`);

  // ── Submissions CĐCS → district: 10 % not sent, 6 % returned, the rest waiting or appraised ─────
  // u.h decides each CĐCS's state; in the escalating districts about a quarter of the CĐCS are appraised.
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      create temporary table bench_unit on commit drop as
      select o.id, o.path, o.parent_id, d.path as parent_path, (hashint8(o.id + 3) & 2147483647) % 100 as h,
             (substring(d.code from 6))::int as district_no
      from organisation o join organisation d on d.id = o.parent_id where o.kind = 'CDCS'`);
    await tx.execute(sql`
      insert into submission (round_id, from_org_id, from_path, to_org_id, title, procedure, status, due_on, submitted_at, received_at, return_reason, created_at, updated_at)
      select ${round}, u.id, u.path, u.parent_id, ${`Tờ trình đề nghị khen thưởng năm ${year}`}, 'NORMAL',
             case when u.h < 6 then 'RETURNED'
                  when u.district_no <= ${ESCALATING_DISTRICTS} and u.h >= 67 then 'ESCALATED'
                  when u.h < 30 then 'SUBMITTED' when u.h < 45 then 'RECEIVED' when u.h < 80 then 'UNDER_APPRAISAL' else 'RESUBMITTED' end,
             case when u.h >= 30 or u.h < 6 then ${today}::date + ((u.h * 7) % 31 - 15)::int end,
             now() - ((u.h % 20) || ' days')::interval, case when u.h >= 30 or u.h < 6 then now() - ((u.h % 15) || ' days')::interval end,
             case when u.h < 6 then 'Thiếu biên bản bình xét của một số trường hợp; đề nghị bổ sung.' end,
             now() - interval '18 days', now() - ((u.h % 10) || ' days')::interval
      from bench_unit u where u.h < 90`);
    // (CĐCS with h ≥ 90 have not sent yet: their nominations stay drafts.)
    await tx.execute(sql`
      insert into submission_item (submission_id, nomination_id, position, state, reason, decided_at)
      select s.id, n.id, row_number() over (partition by s.id order by n.id),
             case when s.status = 'RETURNED' and n.id % 3 = 0 then 'RETURNED'
                  when s.status in ('RETURNED', 'ESCALATED') then 'ACCEPTED'
                  when s.status = 'UNDER_APPRAISAL' and n.id % 4 = 0 then 'ACCEPTED' else 'PENDING' end,
             case when s.status = 'RETURNED' and n.id % 3 = 0 then 'Báo cáo thành tích chưa có xác nhận của thủ trưởng đơn vị.' end,
             case when s.status in ('RETURNED', 'ESCALATED') or (s.status = 'UNDER_APPRAISAL' and n.id % 4 = 0) then now() - interval '2 days' end
      from submission s join nomination n on n.proposer_org_id = s.from_org_id`);
    // Nominations follow their submission as transitionSubmission leaves them.
    await tx.execute(sql`
      update nomination n set submission_id = i.submission_id,
             status = case when i.state = 'RETURNED' then 'RETURNED' else 'IN_REVIEW' end,
             holder_org_id = case when i.state = 'RETURNED' then n.proposer_org_id else s.to_org_id end,
             holder_path = case when i.state = 'RETURNED' then n.proposer_path else u.parent_path end,
             reached_path = u.parent_path, updated_at = s.updated_at, version = n.version + 2
      from submission_item i join submission s on s.id = i.submission_id join bench_unit u on u.id = s.from_org_id
      where i.nomination_id = n.id`);
    // Districts → province: the accepted nominations of the appraised CĐCS, carried up by escalation.
    await tx.execute(sql`
      insert into submission (round_id, from_org_id, from_path, to_org_id, title, procedure, status, escalated_from_id, due_on, submitted_at, received_at, created_at, updated_at)
      select ${round}, d.id, d.path, d.parent_id, ${`Tờ trình đề nghị khen thưởng năm ${year}`}, 'NORMAL',
             case when x.n % 2 = 0 then 'SUBMITTED' else 'UNDER_APPRAISAL' end, x.first_id,
             case when x.n % 2 = 1 then ${today}::date + (x.n * 3 - 6)::int end, now() - interval '3 days', case when x.n % 2 = 1 then now() - interval '2 days' end,
             now() - interval '4 days', now() - interval '2 days'
      from (select s.to_org_id, min(s.id) as first_id, row_number() over (order by s.to_org_id) as n from submission s where s.status = 'ESCALATED' group by s.to_org_id) x
      join organisation d on d.id = x.to_org_id`);
    await tx.execute(sql`
      insert into submission_item (submission_id, nomination_id, position, state)
      select up.id, i.nomination_id, row_number() over (partition by up.id order by i.nomination_id), 'PENDING'
      from submission up
      join submission s on s.to_org_id = up.from_org_id and s.status = 'ESCALATED'
      join submission_item i on i.submission_id = s.id and i.state = 'ACCEPTED'
      where up.to_org_id = ${province.id}`);
    await tx.execute(sql`
      update nomination n set submission_id = up.id, status = 'IN_REVIEW', holder_org_id = ${province.id}, holder_path = ${province.path},
             reached_path = ${province.path}, updated_at = up.updated_at, version = n.version + 2
      from submission_item i join submission up on up.id = i.submission_id
      where up.to_org_id = ${province.id} and i.nomination_id = n.id`);
    // What the detail page reads as history: created, submitted (and returned or escalated).
    await tx.execute(sql`
      insert into nomination_event (nomination_id, submission_id, org_id, kind, reason, occurred_at)
      select n.id, null, n.proposer_org_id, 'CREATED', null, n.created_at from nomination n
      union all
      select i.nomination_id, s.id, s.from_org_id, 'SUBMITTED', null, s.submitted_at from submission_item i join submission s on s.id = i.submission_id where s.escalated_from_id is null
      union all
      select i.nomination_id, s.id, s.to_org_id, 'ITEM_RETURNED', i.reason, i.decided_at from submission_item i join submission s on s.id = i.submission_id where i.state = 'RETURNED'
      union all
      select i.nomination_id, s.id, s.to_org_id, 'ESCALATED', null, i.decided_at from submission_item i join submission s on s.id = i.submission_id where s.status = 'ESCALATED' and i.state = 'ACCEPTED'`);
  });
  await db.execute(sql`vacuum analyze`);

  // ── Users: the district's and the province's thi đua – khen thưởng officers ─────────────────────
  await db.transaction(async (tx) => {
    const h = await insertUser(tx, { userId: null }, { username: 'bench.huyen', displayName: 'Cán bộ thi đua huyện (benchmark)', password: PASSWORD, locale: 'vi', email: null, personId: null });
    await grantRole(tx, { userId: null }, h, 'TDKT_OFFICER', Number(district.id));
    const p = await insertUser(tx, { userId: null }, { username: 'bench.tinh', displayName: 'Cán bộ thi đua tỉnh (benchmark)', password: PASSWORD, locale: 'vi', email: null, personId: null });
    await grantRole(tx, { userId: null }, p, 'TDKT_OFFICER', Number(province.id));
  });
  const counts = (
    await db.execute<Record<string, number>>(sql`
      select (select count(*) from nomination)::int as nominations, (select count(*) from nomination_document)::int as documents,
             (select count(*) from submission)::int as submissions, (select count(*) from submission_item)::int as items,
             (select count(*) from nomination_event)::int as events,
             (select count(*) from nomination where status = 'IN_REVIEW')::int as "inReview", (select count(*) from nomination where status = 'DRAFT')::int as drafts,
             (select count(*) from nomination where status = 'RETURNED')::int as returned, (select count(*) from nomination where reached_path = ${province.path})::int as "atProvince",
             (select count(*) from nomination where eligibility_status = 'NOT_ELIGIBLE')::int as "notEligible",
             (select pg_column_size(snapshot) from nomination_eligibility limit 1)::int as "snapshotStoredBytes"`)
  ).rows[0]!;
  const generateSeconds = Math.round((performance.now() - t0) / 100) / 10;
  console.log(`  generated in ${generateSeconds} s: ${JSON.stringify(counts)}; snapshot ≈ ${snapshotBytes} bytes of JSON`);

  // ── The application ─────────────────────────────────────────────────────────────────────────
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'vd-bench-nominations-'));
  onCleanup(() => fs.rm(dataDir, { recursive: true, force: true }));
  const ctx = createContext(loadConfig({ DATA_DIR: dataDir, SESSION_SECRET: crypto.randomBytes(32).toString('hex'), LOG_LEVEL: 'silent' }), bdb);
  const app = await buildApp(ctx, { logger: false, serveWeb: false });
  await app.ready();
  onCleanup(() => app.close());
  const login = async (username: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD } });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
    return `vd_session=${res.cookies.find((c) => c.name === 'vd_session')!.value}`;
  };
  const cookies = { district: await login('bench.huyen'), province: await login('bench.tinh') };
  // One nomination the province appraises, read by the province officer (full snapshot, documents, history).
  const detailId = Number((await db.execute<{ id: number }>(sql`select id from nomination where reached_path = ${province.path} order by id limit 1`)).rows[0]!.id);

  const list = `/api/v1/nominations?roundId=${round}&pageSize=25`;
  const cases: Record<string, { label: string; who: keyof typeof cookies; url: string; kind: 'list' | 'inbox' | 'detail' }> = {
    districtList: { label: 'district officer: nominations, page 1', who: 'district', url: `${list}&page=1`, kind: 'list' },
    provinceList: { label: 'province officer: nominations, page 1 (whole province)', who: 'province', url: `${list}&page=1`, kind: 'list' },
    districtNotEligible: { label: 'district officer: eligibility=NOT_ELIGIBLE, page 1', who: 'district', url: `${list}&page=1&eligibility=NOT_ELIGIBLE`, kind: 'list' },
    provinceNotEligible: { label: 'province officer: eligibility=NOT_ELIGIBLE, page 1', who: 'province', url: `${list}&page=1&eligibility=NOT_ELIGIBLE`, kind: 'list' },
    districtSearch: { label: 'district officer: q=nguyen van', who: 'district', url: `${list}&page=1&q=${encodeURIComponent('nguyen van')}`, kind: 'list' },
    provinceSearch: { label: 'province officer: q=nguyen van', who: 'province', url: `${list}&page=1&q=${encodeURIComponent('nguyen van')}`, kind: 'list' },
    provinceDeep: { label: 'province officer: page 100', who: 'province', url: `${list}&page=100`, kind: 'list' },
    districtInbox: { label: 'district officer: submissions?box=INBOX', who: 'district', url: `/api/v1/submissions?box=INBOX&roundId=${round}&page=1&pageSize=25`, kind: 'inbox' },
    provinceInbox: { label: 'province officer: submissions?box=INBOX', who: 'province', url: `/api/v1/submissions?box=INBOX&roundId=${round}&page=1&pageSize=25`, kind: 'inbox' },
    detail: { label: 'province officer: GET /nominations/:id', who: 'province', url: `/api/v1/nominations/${detailId}`, kind: 'detail' },
  };
  type CaseResult = Summary & { label: string; kind: string; url: string; total: number | null; met: boolean };
  async function measureAll(quiet = false): Promise<Record<string, CaseResult>> {
    const out: Record<string, CaseResult> = {};
    for (const [key, c] of Object.entries(cases)) {
      const headers = { cookie: cookies[c.who] };
      const first = await app.inject({ method: 'GET', url: c.url, headers });
      if (first.statusCode !== 200) throw new Error(`${c.url}: ${first.statusCode} ${first.body}`);
      const body = first.json<{ total?: number; items?: unknown[] }>();
      if (c.kind !== 'detail' && (body.items ?? []).length === 0) throw new Error(`${c.url}: empty page (total ${body.total})`);
      for (let i = 0; i < WARMUP; i++) await app.inject({ method: 'GET', url: c.url, headers });
      const samples: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const s = performance.now();
        const res = await app.inject({ method: 'GET', url: c.url, headers });
        samples.push(performance.now() - s);
        if (res.statusCode !== 200) throw new Error(`${c.url}: ${res.statusCode}`);
      }
      const sum = summarize(samples);
      out[key] = { label: c.label, kind: c.kind, url: c.url.replace(/roundId=\d+&?/, '').replace(/\/\d+$/, '/:id'), total: body.total ?? null, ...sum, met: sum.p95 <= TARGET_P95_MS };
      if (!quiet) console.log(`  ${c.label}: total ${body.total ?? '—'}, p50 ${sum.p50} ms, p95 ${sum.p95} ms, max ${sum.max} ms${sum.p95 <= TARGET_P95_MS ? '' : '  ✗'}`);
    }
    return out;
  }
  const results = await measureAll();
  if (process.env.BENCH_NOMINATIONS_EXPLAIN) await explain(bdb, round, province.path, district.path);
  const gated = Object.values(results).filter((r) => r.kind !== 'detail');
  const worst = Math.max(...gated.map((r) => r.p95));
  const file = writeResult(
    `nominations-${label}`,
    startedAt,
    {
      nominations: NOMINATIONS,
      persons: PERSONS,
      units: UNITS,
      districts: DISTRICTS,
      runs: RUNS,
      generateSeconds,
      snapshotBytes,
      counts,
      cases: results,
      targetP95Ms: TARGET_P95_MS,
      worstP95Ms: worst,
      met: worst <= TARGET_P95_MS,
    },
    bdb.postgres,
  );
  console.log(`→ ${file}`);
  await runCleanups();
}

/**
 * BENCH_NOMINATIONS_EXPLAIN=1: EXPLAIN (ANALYZE, BUFFERS) of the statements listNominations and
 * listSubmissions run, for both officers (the statements are rebuilt with the services' own scope
 * helpers, so they match what the application sends).
 */
async function explain(bdb: BenchDatabase, round: number, provincePath: string, districtPath: string) {
  const { listNominations } = await import('../src/server/modules/nominations/nominations.service');
  const { listSubmissions } = await import('../src/server/modules/nominations/submissions.service');
  const traced = new Proxy(bdb.db, {
    get(target, prop, receiver) {
      if (prop !== 'execute') return Reflect.get(target, prop, receiver) as unknown;
      return async (q: SQL) => {
        const plan = await target.execute<Record<string, string>>(sql`explain (analyze, buffers) ${q}`);
        console.log(`\n${plan.rows.map((x) => Object.values(x)[0]).join('\n')}`);
        return target.execute(q);
      };
    },
  });
  const app = { db: traced } as unknown as Parameters<typeof listNominations>[0];
  for (const [who, p] of [['province', provincePath], ['district', districtPath]] as const) {
    const actor = { userId: 0, personId: null, roles: [{ role: 'TDKT_OFFICER', orgId: 0, orgPath: p }] } as unknown as Parameters<typeof listNominations>[1];
    console.log(`\n━━ listNominations as the ${who} officer, page 1 ━━`);
    await listNominations(app, actor, 'vi', { roundId: round, page: 1, pageSize: 25 } as Parameters<typeof listNominations>[3]);
    console.log(`\n━━ listNominations as the ${who} officer, q=nguyen van ━━`);
    await listNominations(app, actor, 'vi', { roundId: round, page: 1, pageSize: 25, q: 'nguyen van' } as Parameters<typeof listNominations>[3]);
    if (who === 'province') {
      console.log(`\n━━ listNominations as the ${who} officer, page 100 ━━`);
      await listNominations(app, actor, 'vi', { roundId: round, page: 100, pageSize: 25 } as Parameters<typeof listNominations>[3]);
    }
    console.log(`\n━━ listSubmissions INBOX as the ${who} officer ━━`);
    await listSubmissions(app, actor, { roundId: round, page: 1, pageSize: 25, box: 'INBOX' } as Parameters<typeof listSubmissions>[2]);
  }
}

main().catch(async (err) => {
  console.error(err);
  await runCleanups();
  process.exit(1);
});
