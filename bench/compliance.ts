// Benchmark: the compliance table of a request (issue 4). A province federation with
// BENCH_COMPLIANCE_UNITS (default 5,000) grassroots unions under 50 district unions, one request
// from the province targeting all of them (deadline passed: 45 % answered on time, 15 % late, the
// rest missing), and BENCH_COMPLIANCE_REGISTRATIONS (default 200,000) registrations of their
// members for the year — all generated set-based. Measured through the real application (buildApp,
// a signed-in officer of the province, Fastify inject): GET /requests/:id (summary), the first page
// of the targets table, a filtered page (MISSING, page 3) and a name search.
// Target: p95 ≤ 200 ms for each, on the embedded and the server PostgreSQL.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import { loadConfig } from '../src/server/config';
import { createContext } from '../src/server/bootstrap';
import { buildApp } from '../src/server/app';
import { grantRole, insertUser } from '../src/server/modules/users/users.service';
import { onCleanup, openBenchDatabase, runCleanups, type BenchDatabase } from './lib/database';
import { envInt, writeResult } from './lib/results';
import { summarize, type Summary } from './lib/stats';

const UNITS = envInt('BENCH_COMPLIANCE_UNITS', 5_000);
const REGISTRATIONS = envInt('BENCH_COMPLIANCE_REGISTRATIONS', 200_000);
const RUNS = envInt('BENCH_COMPLIANCE_RUNS', 200);
const DISTRICTS = 50;
const YEAR = 2024;
const TARGET_P95_MS = 200;
const PASSWORD = 'Mật-khẩu-benchmark-2024';

async function main() {
  const startedAt = new Date();
  const label = process.env.BENCH_DATABASE_URL ? 'server' : 'embedded';
  const bdb = await openBenchDatabase(`compliance_${label}`);
  const { db } = bdb;
  console.log(`compliance: ${bdb.postgres}, ${UNITS.toLocaleString('en-US')} units, ${REGISTRATIONS.toLocaleString('en-US')} registrations`);
  const t0 = performance.now();

  // ── Organisations: TLĐ → province → 50 districts → UNITS CĐCS ──────────────────────────────────
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
  const province = (await db.execute<{ id: number; path: string }>(sql`select id, path from organisation where code = 'TNI'`)).rows[0]!;

  // ── Members and their registrations for the year (set-based) ───────────────────────────────────
  await db.execute(sql`
    insert into person (member_code, full_name, gender, birth_date, status, org_id, org_path, joined_union_on, is_leader, is_direct_worker)
    select 'BM' || lpad(g::text, 8, '0'), 'Đoàn viên số ' || g, case when g % 2 = 0 then 'MALE' else 'FEMALE' end, '1990-01-01', 'ACTIVE', u.id, u.path, '2015-01-01', false, false
    from generate_series(1, ${REGISTRATIONS}) g
    join lateral (select id, path from organisation where code = 'TNI-CS' || (1 + g % ${UNITS})) u on true`);
  let award = (await db.execute<{ code: string }>(sql`select code from award_type where subject = 'INDIVIDUAL' order by code limit 1`)).rows[0]?.code;
  if (!award) {
    await db.execute(sql`insert into award_type (code, name_vi, name_en, category, subject, kind, level) values ('BENCH_LDTT', 'Lao động tiên tiến', 'Advanced worker', 'TITLE', 'INDIVIDUAL', 'MERIT', 'GRASSROOTS')`);
    award = 'BENCH_LDTT';
  }
  await db.execute(sql`
    insert into emulation_registration (person_id, scope_path, year, award_code, registered_on, unit_id)
    select p.id, p.org_path, ${YEAR}, ${award}, '2024-03-15', p.org_id from person p`);

  // ── The request and its targets: 45 % on time, 15 % late, the rest missing ──────────────────────
  const request = await db.transaction(async (tx) => {
    const r = await tx.execute<{ id: number }>(sql`
      insert into response_request (issuer_org_id, issuer_path, source_type, source_id, response_kind, year, title, deadline)
      values (${province.id}, ${province.path}, 'plan', 1, 'PLAN', ${YEAR}, 'Kế hoạch thi đua năm 2024 của LĐLĐ tỉnh', '2024-04-30')
      returning id`);
    const id = Number(r.rows[0]!.id);
    await tx.execute(sql`
      insert into request_target (request_id, org_id, org_path, responded_at, response_type, response_id, reminded_at, reminder_count)
      select ${id}, o.id, o.path,
             case when h < 45 then timestamptz '2024-04-10 09:00+07' + (h || ' hours')::interval
                  when h < 60 then timestamptz '2024-05-10 09:00+07' + (h || ' hours')::interval end,
             case when h < 60 then 'plan' end, case when h < 60 then o.id end,
             case when h >= 60 and h < 80 then timestamptz '2024-04-25 08:00+07' end, case when h >= 60 and h < 80 then 1 else 0 end
      from (select id, path, (hashint8extended(id, 7) & 2147483647) % 100 as h from organisation where kind = 'CDCS') o`);
    return id;
  });
  await db.execute(sql`vacuum analyze`);
  const user = await db.transaction(async (tx) => {
    const id = await insertUser(tx, { userId: null }, { username: 'bench.tinh', displayName: 'Cán bộ thi đua tỉnh (benchmark)', password: PASSWORD, locale: 'vi', email: null, personId: null });
    await grantRole(tx, { userId: null }, id, 'TDKT_OFFICER', Number(province.id));
    return id;
  });
  const generateSeconds = Math.round((performance.now() - t0) / 100) / 10;
  console.log(`  generated in ${generateSeconds} s (user ${user}, request ${request})`);

  // ── The application, signed in as the province officer ───────────────────────────────────────
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'vd-bench-compliance-'));
  onCleanup(() => fs.rm(dataDir, { recursive: true, force: true }));
  const ctx = createContext(loadConfig({ DATA_DIR: dataDir, SESSION_SECRET: crypto.randomBytes(32).toString('hex'), LOG_LEVEL: 'silent' }), bdb);
  const app = await buildApp(ctx, { logger: false, serveWeb: false });
  await app.ready();
  onCleanup(() => app.close());
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'bench.tinh', password: PASSWORD } });
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
  const cookie = `vd_session=${login.cookies.find((c) => c.name === 'vd_session')!.value}`;

  const cases: Record<string, { label: string; url: string }> = {
    summary: { label: `GET /requests/:id (summary over ${UNITS.toLocaleString('en-US')} targets)`, url: `/api/v1/requests/${request}` },
    firstPage: { label: 'GET /requests/:id/targets?page=1 (25 units by name, with registrations)', url: `/api/v1/requests/${request}/targets?page=1&pageSize=25` },
    filtered: { label: 'GET /requests/:id/targets?status=MISSING&page=3', url: `/api/v1/requests/${request}/targets?status=MISSING&page=3&pageSize=25` },
    search: { label: 'GET /requests/:id/targets?q=tram y te&status=LATE', url: `/api/v1/requests/${request}/targets?q=${encodeURIComponent('tram y te')}&status=LATE&pageSize=25` },
  };
  const results: Record<string, Summary & { label: string; total: number }> = {};
  for (const [key, c] of Object.entries(cases)) {
    const first = await app.inject({ method: 'GET', url: c.url, headers: { cookie } });
    if (first.statusCode !== 200) throw new Error(`${c.url}: ${first.statusCode} ${first.body}`);
    const body = first.json<{ total?: number; summary?: { total: number } }>();
    const total = body.total ?? body.summary?.total ?? 0;
    for (let i = 0; i < 10; i++) await app.inject({ method: 'GET', url: c.url, headers: { cookie } });
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      const res = await app.inject({ method: 'GET', url: c.url, headers: { cookie } });
      samples.push(performance.now() - s);
      if (res.statusCode !== 200) throw new Error(`${c.url}: ${res.statusCode}`);
    }
    results[key] = { label: c.label, total, ...summarize(samples) };
    console.log(`  ${c.label}: total ${total}, p50 ${results[key]!.p50} ms, p95 ${results[key]!.p95} ms`);
  }
  if (process.env.BENCH_COMPLIANCE_EXPLAIN) await explain(bdb.db, request);
  const summary = (await app.inject({ method: 'GET', url: cases.summary!.url, headers: { cookie } })).json<{ summary: unknown }>().summary;
  console.log(`  summary: ${JSON.stringify(summary)}`);
  const worst = Math.max(...Object.values(results).map((r) => r.p95));
  const file = writeResult(
    `compliance-${label}`,
    startedAt,
    { units: UNITS, registrations: REGISTRATIONS, runs: RUNS, generateSeconds, summary, cases: results, targetP95Ms: TARGET_P95_MS, worstP95Ms: worst, met: worst <= TARGET_P95_MS },
    bdb.postgres,
  );
  console.log(`→ ${file}`);
  await runCleanups();
}

/** BENCH_COMPLIANCE_EXPLAIN=1: prints the plans of the summary and the filtered page (EXPLAIN ANALYZE). */
async function explain(db: BenchDatabase['db'], id: number) {
  const { complianceSummary, findRequest, listTargets } = await import('../src/server/modules/cascade/compliance.service');
  const r = (await findRequest(db, id))!;
  const traced = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'execute') return Reflect.get(target, prop, receiver) as unknown;
      return async (q: SQL) => {
        const plan = await target.execute<Record<string, string>>(sql`explain (analyze, buffers) ${q}`);
        console.log(plan.rows.map((x) => Object.values(x)[0]).join('\n'));
        return target.execute(q);
      };
    },
  });
  await complianceSummary(traced, r, sql`true`);
  await listTargets(traced, r, sql`true`, { status: 'MISSING' }, 25, 50);
}

main().catch(async (err) => {
  console.error(err);
  await runCleanups();
  process.exit(1);
});
