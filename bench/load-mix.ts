// Benchmark: a recorded mix of realistic traffic at rising concurrency (issue 11, item 3). The real
// application (buildApp on createContext, as `vinhdanh start` does, without the web client) listens on
// 127.0.0.1 over a bench-data database (BENCH_LOAD_MEMBERS, default 100,000 members over TLĐ → 34
// provinces → districts → CĐCS); in its busiest district the benchmark adds, through the API where
// the product has one:
//   - the district's TĐKT officer, the province's, one CĐCS officer (chair) per CĐCS of the district,
//     and a council of 9 members (people of the district federation itself, so nobody is recused);
//   - a nomination round of the district (POST /nomination-rounds);
//   - the appraisal inbox: 6 CĐCS nominate up to 40 people each (POST /nominations, the engine runs),
//     and their submissions are put UNDER_APPRAISAL at the district (set-based, as bench/nominations.ts
//     does: sending needs uploaded dossiers);
//   - a council meeting with voting open on BENCH_LOAD_VOTE_ITEMS (default 1,500) nominations
//     (test/support/councils' insertToCouncil, then agenda, attendance, open, open-voting via the API).
// Every user signs in over HTTP (session cookie and CSRF token). The load generator (its own process,
// bench/lib/load-mix-runner.mjs, autocannon 9) then sends this mix, by weight per 100 requests:
//   45 browse    lists and detail pages: the round's nominations (pages 1–5), a nomination, the
//                appraisal inbox, a submission, the member list (district, province, CĐCS), a CĐCS's
//                own nominations, the meeting and its items as a council member
//   20 search    diacritic-insensitive: members by full name typed without diacritics (district),
//                common name prefixes over the province ("nguyen van", "tran thi"), nominations by name
//   10 dashboard the district's, the province's and a CĐCS's dashboard for the year
//   10 nominate  half create a nomination (a CĐCS chair, a person of their unit, an award not yet
//                proposed for them in the round), half edit one created earlier in the run (PATCH with
//                its version; a concurrent edit of the same one is refused 409 — expected)
//    8 appraise  the district officer decides one submission line (ACCEPT on one pass over the lines,
//                RETURN with a reason on the next: allowed again while under appraisal)
//    7 vote      one secret ballot on one item by one council member (each may vote once per item:
//                9 × 1,500 ballots; if the run ever used them all, the repeats are refused 409 and
//                counted as expected 4xx, separately from 5xx and time-outs)
// at BENCH_LOAD_STEPS connections (default 1, 2, 4, 8, 16, 32, 64), BENCH_LOAD_SECONDS (default 15) s
// each after one 3 s warm-up. Per step: throughput, p50/p95/p99 over every response, 2xx, 4xx (by
// kind), 5xx, errors and time-outs; the knee (bench/lib/knee.ts) is computed from the steps.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { generateBenchData } from '../src/server/seed/bench-data';
import { loadConfig } from '../src/server/config';
import { createContext } from '../src/server/bootstrap';
import { buildApp } from '../src/server/app';
import { todayInVietnam } from '../src/server/modules/imports/xlsx/validate-member-row';
import { createPerson, createUser, PASSWORD, type OrgRef } from '../test/factories';
import { insertToCouncil } from '../test/support/councils';
import { onCleanup, openBenchDatabase, runBench } from './lib/database';
import { envInt, writeResult } from './lib/results';
import { findKnee } from './lib/knee';

const MEMBERS = envInt('BENCH_LOAD_MEMBERS', 100_000);
const SECONDS = envInt('BENCH_LOAD_SECONDS', 15);
const VOTE_ITEMS = envInt('BENCH_LOAD_VOTE_ITEMS', 1_500);
const STEPS = (process.env.BENCH_LOAD_STEPS ?? '1,2,4,8,16,32,64').split(',').map((x) => Number(x.trim()));
const WARMUP = 3;
const APPRAISE_UNITS = 6;
const APPRAISE_PER_UNIT = 40;
const COUNCIL = 9;
/** Requests per 100 of each kind. */
const MIX = [
  { kind: 'browse', weight: 45 },
  { kind: 'search', weight: 20 },
  { kind: 'dashboard', weight: 10 },
  { kind: 'nominate', weight: 10 },
  { kind: 'appraise', weight: 8 },
  { kind: 'vote', weight: 7 },
] as const;
const NOMINATE_AWARDS = ['LDTT', 'CSTD_CS', 'GK_CD_CAP_TREN'];
const ROUND_AWARDS = ['LDTT', 'CSTD_CS', 'GK_CD_CAP_TREN', 'GK_CD_CAP_TREN_TT', 'GK_DOT_XUAT', 'BK_LDLD'];

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

interface Session {
  cookie: string;
  csrf: string;
}

export interface StepResult {
  connections: number;
  seconds: number;
  responses: number;
  statuses: Record<string, number>;
  ok: number;
  client4xx: number;
  server5xx: number;
  errors: number;
  timeouts: number;
  requestsPerSecond: number;
  latencyMs: { n: number; p50: number; p95: number; p99: number; max: number };
  byKind: Record<string, { latencyMs: { n: number; p50: number; p95: number; p99: number; max: number } }>;
  kinds: Record<string, { kind: string; statuses: Record<string, number>; latencyMs: { n: number; p50: number; p95: number; p99: number; max: number } }>;
}

/** Runs items through `fn` with at most `n` at a time. */
async function pool<T, R>(items: T[], n: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

async function main() {
  const started = new Date();
  const bdb = await openBenchDatabase('load_mix');
  const { db } = bdb;
  const today = todayInVietnam();
  const year = Number(today.slice(0, 4));
  console.log(`load-mix: ${bdb.postgres}, ${MEMBERS.toLocaleString('en-US')} members, steps ${STEPS.join(', ')} connections × ${SECONDS} s`);
  const gen = await generateBenchData(db, { members: MEMBERS, seed: 1, log: (m) => (m.startsWith('total') ? console.log(`  ${m}`) : undefined) });
  const t0 = performance.now();

  // ── The busiest district, its province and its CĐCS (largest first) ─────────────────────────────
  const orgRef = async (id: number): Promise<OrgRef & { name: string }> => {
    const r = (await db.execute<{ id: number; path: string; code: string; name: string }>(sql`select id, path, code, name from organisation where id = ${id}`)).rows[0]!;
    return { id: Number(r.id), path: r.path, code: r.code, name: r.name };
  };
  const busiest = (await db.execute<{ d: number; n: number }>(sql`
    select split_part(p.org_path, '/', 4)::bigint as d, count(*)::int as n
    from person p join organisation o on o.id = split_part(p.org_path, '/', 4)::bigint and o.kind = 'LDLD_HUYEN'
    group by 1 order by 2 desc, 1 limit 1`)).rows[0]!;
  const district = await orgRef(Number(busiest.d));
  const province = await orgRef(Number(district.path.split('/')[2]));
  const units = (
    await db.execute<{ id: number; path: string; code: string; n: number }>(sql`
      select o.id, o.path, o.code, (select count(*) from person p where p.org_path like o.path || '%')::int as n
      from organisation o where o.parent_id = ${district.id} and o.kind = 'CDCS' and o.status = 'ACTIVE' order by n desc, o.id`)
  ).rows.map((u) => ({ id: Number(u.id), path: u.path, code: u.code, n: u.n }));
  if (units.length < APPRAISE_UNITS + 2) throw new Error(`district ${district.code} has only ${units.length} CĐCS`);
  console.log(`  district ${district.name} (${busiest.n.toLocaleString('en-US')} members, ${units.length} CĐCS) in ${province.name}`);

  // ── Users ───────────────────────────────────────────────────────────────────────────────────────
  await createUser(db, 'bench.huyen', [{ role: 'TDKT_OFFICER', org: district }]);
  await createUser(db, 'bench.tinh', [{ role: 'TDKT_OFFICER', org: province }]);
  const chairOf = new Map<number, string>();
  for (const [i, u] of units.entries()) {
    const username = `bench.cs${i + 1}`;
    await createUser(db, username, [{ role: 'CDCS_OFFICER', org: u }]);
    chairOf.set(u.id, username);
  }
  const councilPeople: number[] = [];
  for (let i = 1; i <= COUNCIL; i++) {
    const p = await createPerson(db, district, { fullName: `Thành viên Hội đồng ${String(i).padStart(2, '0')}` });
    await createUser(db, `bench.hd${i}`, [{ role: 'COUNCIL_MEMBER', org: district }], p);
    councilPeople.push(p);
  }

  // ── The application on loopback, and sign-ins over HTTP ─────────────────────────────────────────
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'vd-bench-load-mix-'));
  onCleanup(() => fs.rm(dataDir, { recursive: true, force: true }));
  const ctx = createContext(loadConfig({ DATA_DIR: dataDir, SESSION_SECRET: crypto.randomBytes(32).toString('hex'), LOG_LEVEL: 'silent', PORT: '0' }), bdb);
  const app = await buildApp(ctx, { logger: false, serveWeb: false });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  onCleanup(async () => {
    await app.close();
    await Promise.allSettled([...ctx.background]);
  });
  const sessions: Record<string, Session> = {};
  const login = async (username: string) => {
    const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('vd_session='));
    if (!cookie) throw new Error(`login ${username}: no session cookie`);
    sessions[username] = { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
  };
  for (const u of ['bench.huyen', 'bench.tinh', ...chairOf.values(), ...Array.from({ length: COUNCIL }, (_, i) => `bench.hd${i + 1}`)]) await login(u);
  /** A request as `who`; throws on any answer ≥ 300 (setup must not fail silently). */
  const api = async <T>(who: string, method: string, p: string, body?: unknown): Promise<T> => {
    const s = sessions[who]!;
    const res = await fetch(`${url}/api/v1${p}`, {
      method,
      headers: { cookie: s.cookie, ...(body === undefined ? {} : { 'content-type': 'application/json', 'x-csrf-token': s.csrf }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${who} ${method} ${p}: ${res.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  };

  // ── The district's round ────────────────────────────────────────────────────────────────────────
  const round = await api<{ id: number }>('bench.huyen', 'POST', '/nomination-rounds', {
    orgId: district.id,
    year,
    title: `Tổng kết công tác thi đua, khen thưởng năm ${year}`,
    kind: 'ANNUAL',
    ceremonyDate: addDays(today, 120),
    awardCodes: ROUND_AWARDS,
    parameters: { levels: [{ below: 1, appraisalWorkingDays: 5 }, { below: 0, appraisalWorkingDays: 10, councilWorkingDays: 2 }], decisionLeadWorkingDays: 5, minNonLeaderShare: 0.7 },
  });

  // ── The appraisal inbox: the 6 largest CĐCS nominate through the API, then wait for appraisal ───
  const appraiseUnits = units.slice(0, APPRAISE_UNITS);
  const appraisePeople = (
    await db.execute<{ id: number; unit: number }>(sql`
      select x.id, x.unit from (
        select p.id, u.id as unit, row_number() over (partition by u.id order by p.id) as k
        from person p join organisation u on p.org_path like u.path || '%'
        where u.id in ${sql.raw(`(${appraiseUnits.map((u) => u.id).join(',')})`)} and p.status = 'ACTIVE') x
      where x.k <= ${APPRAISE_PER_UNIT}`)
  ).rows.map((r) => ({ id: Number(r.id), unit: Number(r.unit) }));
  const appraised = await pool(appraisePeople, 8, (p) =>
    api<{ id: number }>(chairOf.get(p.unit)!, 'POST', '/nominations', {
      roundId: round.id,
      personId: p.id,
      proposerOrgId: p.unit,
      awardCode: 'GK_CD_CAP_TREN',
      achievementSummary: `Hoàn thành xuất sắc nhiệm vụ được giao năm ${year}; tích cực tham gia các phong trào thi đua do Công đoàn phát động.`,
    }),
  );
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into submission (round_id, from_org_id, from_path, to_org_id, title, procedure, status, due_on, submitted_at, received_at, created_at, updated_at)
      select ${round.id}, u.id, u.path, ${district.id}, ${`Tờ trình đề nghị khen thưởng năm ${year}`}, 'NORMAL', 'UNDER_APPRAISAL',
             ${addDays(today, 10)}::date, now() - interval '3 days', now() - interval '2 days', now() - interval '4 days', now() - interval '2 days'
      from organisation u where u.id in ${sql.raw(`(${appraiseUnits.map((u) => u.id).join(',')})`)}`);
    await tx.execute(sql`
      insert into submission_item (submission_id, nomination_id, position, state)
      select s.id, n.id, row_number() over (partition by s.id order by n.id), 'PENDING'
      from submission s join nomination n on n.proposer_org_id = s.from_org_id and n.round_id = s.round_id
      where s.round_id = ${round.id}`);
    await tx.execute(sql`
      update nomination n set submission_id = i.submission_id, status = 'IN_REVIEW', holder_org_id = ${district.id}, holder_path = ${district.path},
             reached_path = ${district.path}, updated_at = now(), version = n.version + 2
      from submission_item i where i.nomination_id = n.id and n.round_id = ${round.id}`);
    await tx.execute(sql`
      insert into nomination_event (nomination_id, submission_id, org_id, kind, reason, occurred_at)
      select i.nomination_id, s.id, s.from_org_id, 'SUBMITTED', null, s.submitted_at
      from submission_item i join submission s on s.id = i.submission_id where s.round_id = ${round.id}`);
  });
  const lines = (
    await db.execute<{ submission_id: number; nomination_id: number }>(sql`
      select i.submission_id, i.nomination_id from submission_item i join submission s on s.id = i.submission_id where s.round_id = ${round.id} order by i.nomination_id`)
  ).rows.map((r) => ({ who: 'bench.huyen', submissionId: Number(r.submission_id), nominationId: Number(r.nomination_id) }));
  const submissionIds = [...new Set(lines.map((l) => l.submissionId))];

  // ── Nominate pool: every other CĐCS's people × three awards, each pair once ─────────────────────
  const nominateUnits = units.slice(APPRAISE_UNITS);
  const nominatePeople = (
    await db.execute<{ id: number; unit: number }>(sql`
      select p.id, u.id as unit from person p join organisation u on p.org_path like u.path || '%'
      where u.id in ${sql.raw(`(${nominateUnits.map((u) => u.id).join(',')})`)} and p.status = 'ACTIVE' order by p.id`)
  ).rows.map((r) => ({ id: Number(r.id), unit: Number(r.unit) }));
  const nominate = NOMINATE_AWARDS.flatMap((awardCode) =>
    nominatePeople.map((p) => ({
      who: chairOf.get(p.unit)!,
      body: {
        roundId: round.id,
        personId: p.id,
        proposerOrgId: p.unit,
        awardCode,
        achievementSummary: `Hoàn thành xuất sắc nhiệm vụ được giao năm ${year}; có sáng kiến được áp dụng tại đơn vị.`,
      },
    })),
  );
  // Interleave the units so that concurrent creates come from different chairs.
  nominate.sort((a, b) => (a.body.personId % 97) - (b.body.personId % 97) || a.body.personId - b.body.personId || a.body.awardCode.localeCompare(b.body.awardCode));

  // ── The council meeting with voting open ────────────────────────────────────────────────────────
  const council = await api<{ id: number }>('bench.huyen', 'POST', '/councils', { orgId: district.id, name: `Hội đồng Thi đua – Khen thưởng ${district.name}`, termLabel: 'Nhiệm kỳ 2023–2028', termStartsOn: '2023-08-01' });
  let memberIds: number[] = [];
  for (const [i, p] of councilPeople.entries()) {
    const c = await api<{ members: { id: number }[] }>('bench.huyen', 'POST', `/councils/${council.id}/members`, { personId: p, role: i === 0 ? 'CHAIR' : 'MEMBER' });
    memberIds = c.members.map((m) => m.id);
  }
  const nominees = (
    await db.execute<{ id: number; org_id: number; org_path: string; full_name: string }>(sql`
      select p.id, p.org_id, p.org_path, p.full_name from person p where p.org_path like ${`${district.path}%`} and p.status = 'ACTIVE'
      order by hashint8extended(p.id, 5) limit ${VOTE_ITEMS}`)
  ).rows.map((r) => ({ personId: Number(r.id), unit: { id: Number(r.org_id), path: r.org_path, code: '' }, name: r.full_name, awardCode: 'GK_CD_CAP_TREN' }));
  await insertToCouncil(db, district, nominees, year);
  const meeting = await api<{ id: number }>('bench.huyen', 'POST', '/council-meetings', { councilId: council.id, title: `Phiên họp xét khen thưởng năm ${year}`, scheduledAt: `${today}T08:00:00+07:00`, place: 'Hội trường' });
  await api('bench.huyen', 'POST', `/council-meetings/${meeting.id}/agenda`, { all: true });
  await api('bench.huyen', 'PUT', `/council-meetings/${meeting.id}/attendance`, { entries: memberIds.map((id) => ({ memberId: id, status: 'PRESENT' })) });
  await api('bench.huyen', 'POST', `/council-meetings/${meeting.id}/open`, {});
  await api('bench.huyen', 'POST', `/council-meetings/${meeting.id}/open-voting`, {});
  const voters: { who: string; itemIds: number[] }[] = [];
  for (let i = 1; i <= COUNCIL; i++) {
    const who = `bench.hd${i}`;
    const itemIds: number[] = [];
    for (let page = 1; ; page++) {
      const p = await api<{ items: { id: number; mine: { canVote: boolean } }[] }>(who, 'GET', `/council-meetings/${meeting.id}/items?page=${page}&pageSize=100`);
      if (p.items.length === 0) break;
      itemIds.push(...p.items.filter((x) => x.mine.canVote).map((x) => x.id));
    }
    // Members go through the agenda in different orders.
    itemIds.sort((a, b) => ((a * (i + 3)) % 101) - ((b * (i + 3)) % 101) || a - b);
    voters.push({ who, itemIds });
  }
  const ballots = voters.reduce((a, v) => a + v.itemIds.length, 0);

  // ── Read-only pools ─────────────────────────────────────────────────────────────────────────────
  const list = `/api/v1/nominations?roundId=${round.id}&pageSize=25`;
  const chairs = [...chairOf.values()];
  const browse = [
    ...[1, 2, 3, 4, 5].map((page) => ({ op: 'browse: the round’s nominations, pages 1–5 (district)', who: 'bench.huyen', path: `${list}&page=${page}` })),
    ...appraised.filter((_, i) => i % 29 === 0).slice(0, 8).map((n) => ({ op: 'browse: a nomination (district)', who: 'bench.huyen', path: `/api/v1/nominations/${n.id}` })),
    { op: 'browse: appraisal inbox (district)', who: 'bench.huyen', path: `/api/v1/submissions?box=INBOX&roundId=${round.id}&page=1&pageSize=25` },
    ...submissionIds.map((id) => ({ op: 'browse: a submission with its lines (district)', who: 'bench.huyen', path: `/api/v1/submissions/${id}` })),
    { op: 'browse: member list (district)', who: 'bench.huyen', path: '/api/v1/members?page=1&pageSize=25' },
    { op: 'browse: member list (province)', who: 'bench.tinh', path: '/api/v1/members?page=1&pageSize=25' },
    ...chairs.slice(0, 8).map((who) => ({ op: 'browse: member list (CĐCS)', who, path: '/api/v1/members?page=1&pageSize=25' })),
    ...chairs.slice(0, 8).map((who) => ({ op: 'browse: own nominations (CĐCS)', who, path: `${list}&page=1` })),
    ...[1, 2, 3].map((i) => ({ op: 'browse: the meeting (council member)', who: `bench.hd${i}`, path: `/api/v1/council-meetings/${meeting.id}` })),
    ...[4, 5, 6].map((i) => ({ op: 'browse: agenda items (council member)', who: `bench.hd${i}`, path: `/api/v1/council-meetings/${meeting.id}/items?page=${i - 3}&pageSize=25` })),
  ];
  const names = (
    await db.execute<{ name_folded: string }>(sql`
      select name_folded from person where org_path like ${`${district.path}%`} order by hashint8extended(id, 11) limit 30`)
  ).rows.map((r) => r.name_folded);
  const search = [
    ...names.map((q) => ({ op: 'search: a member by full name without diacritics (district)', who: 'bench.huyen', path: `/api/v1/members?page=1&pageSize=25&q=${encodeURIComponent(q)}` })),
    ...['nguyen van', 'tran thi', 'le thi', 'pham van', 'hoang'].map((q) => ({ op: 'search: a common name prefix (province)', who: 'bench.tinh', path: `/api/v1/members?page=1&pageSize=25&q=${encodeURIComponent(q)}` })),
    ...['nguyen', 'thi', 'van', 'tran', 'le'].map((q) => ({ op: 'search: nominations by name (district)', who: 'bench.huyen', path: `${list}&page=1&q=${encodeURIComponent(q)}` })),
  ];
  const dashboard = [
    { op: 'dashboard: district', who: 'bench.huyen', path: `/api/v1/dashboard?orgId=${district.id}&year=${year}` },
    { op: 'dashboard: province', who: 'bench.tinh', path: `/api/v1/dashboard?orgId=${province.id}&year=${year}` },
    ...units.slice(0, 3).map((u) => ({ op: 'dashboard: CĐCS', who: chairOf.get(u.id)!, path: `/api/v1/dashboard?orgId=${u.id}&year=${year}` })),
  ];
  // Every read-only request must answer 200 before it is timed.
  for (const r of [...browse, ...search, ...dashboard]) {
    const res = await fetch(`${url}${r.path}`, { headers: { cookie: sessions[r.who]!.cookie } });
    if (res.status !== 200) throw new Error(`${r.op} ${r.path}: ${res.status} ${(await res.text()).slice(0, 200)}`);
    await res.arrayBuffer();
  }
  const setupSeconds = Math.round((performance.now() - t0) / 100) / 10;
  console.log(`  set up in ${setupSeconds} s: ${lines.length} lines under appraisal in ${submissionIds.length} submissions, ${nominate.length} nominations to propose, ${ballots} ballots open on ${VOTE_ITEMS} items`);

  // ── The load ────────────────────────────────────────────────────────────────────────────────────
  const planFile = path.join(dataDir, 'load-plan.json');
  await fs.writeFile(planFile, JSON.stringify({ url, steps: STEPS, seconds: SECONDS, warmupSeconds: WARMUP, warmupConnections: 4, mix: MIX, sessions, browse, search, dashboard, nominate, appraise: lines, vote: { meetingId: meeting.id, voters } }));
  const out = await new Promise<{ steps: StepResult[]; editableLeft: number; votesLeft: number }>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(import.meta.dirname, 'lib/load-mix-runner.mjs'), planFile], { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (b: Buffer) => (text += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(text.trim().split('\n').pop()!)) : reject(new Error(`load-mix-runner exited with ${code}`))));
  });
  const knee = findKnee(out.steps.map((s) => ({ connections: s.connections, requestsPerSecond: s.requestsPerSecond, p95: s.latencyMs.p95 })));
  const counts = (await db.execute<{ ballots: number; nominations: number }>(sql`
    select (select count(*) from ballot_voter)::int as ballots, (select count(*) from nomination where round_id = ${round.id})::int as nominations`)).rows[0];
  console.log(`  knee: ${knee ? `${knee.connections} connections (next step ${knee.gainAfter >= 0 ? '+' : ''}${(knee.gainAfter * 100).toFixed(1)} % req/s, p95 × ${knee.p95RatioAfter.toFixed(2)})` : 'none within the steps'}`);
  writeResult(
    'load-mix',
    started,
    {
      members: MEMBERS,
      generationSeconds: gen.totalSeconds,
      setupSeconds,
      district: { name: district.name, members: busiest.n, cdcs: units.length },
      province: province.name,
      appraisalLines: lines.length,
      nominatePool: nominate.length,
      voteItems: VOTE_ITEMS,
      ballotsOpen: ballots,
      ballotsLeft: out.votesLeft,
      after: counts ?? null,
      mix: MIX,
      seconds: SECONDS,
      warmupSeconds: WARMUP,
      poolSize: 10,
      steps: out.steps,
      knee,
    },
    bdb.postgres,
  );
}

await runBench(main);
