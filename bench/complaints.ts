// Benchmark: complaints about commendation (issue 9). A district with 50 grassroots unions and
// BENCH_COMPLAINTS (default 20,000) complaints inserted set-based (every status, a tenth about a
// member with an open pending case), then through the real application (buildApp, Fastify inject):
// the officers' list, first page and a deep page (server pagination, deadlines computed per row
// from one calendar), one complaint with its history, a letter from the public form (rate limit
// checked under its lock), a staff letter about a member (opens the pending case), and that
// member's eligibility check, which the open case blocks; then the handler's "mine" list (a tenth
// assigned to the officer), assigning the new letter, and the status page of a matter with a
// second instance. BENCH_COMPLAINTS_RUNS (default 30) each.
// No target in the issue; the lists aim at the 200 ms of the other lists.
import { sql } from 'drizzle-orm';
import { todayInVietnam } from '../src/server/modules/imports/xlsx';
import { createUser, loginAs } from '../test/factories';
import { benchDistrict } from './lib/district';
import { openBenchDatabase, runCleanups } from './lib/database';
import { benchApp } from './lib/http-app';
import { envInt, writeResult } from './lib/results';
import { summarize } from './lib/stats';

const COMPLAINTS = envInt('BENCH_COMPLAINTS', 20_000);
const RUNS = envInt('BENCH_COMPLAINTS_RUNS', 30);
const UNITS = 50;
const PEOPLE = 500;
const TARGET_LIST_MS = 200;

async function main() {
  const startedAt = new Date();
  const label = process.env.BENCH_DATABASE_URL ? 'server' : 'embedded';
  const bdb = await openBenchDatabase(`complaints_${label}`);
  const { db } = bdb;
  console.log(`complaints: ${bdb.postgres}, ${COMPLAINTS} complaints, ${RUNS} runs per step`);

  const { tinh, huyen, people, officerId } = await benchDistrict(db, { units: UNITS, people: PEOPLE });
  await createUser(db, 'bench.tinh', [{ role: 'TDKT_OFFICER', org: tinh }]);

  // Set-based history: statuses in turn, received over the last two years, a tenth about a member.
  await db.execute(sql`
    insert into complaint (reference_code, org_id, org_path, kind, channel, complainant_name, complainant_contact, content, person_id,
                           received_on, status, accepted_on, closed_on, outcome, resolution, complex, remote)
    select 'KN-B-' || lpad(g::text, 8, '0'), ${huyen.id}, ${huyen.path}, (array['COMPLAINT','DENUNCIATION','PETITION'])[1 + g % 3], 'STAFF',
           'Người gửi ' || g, '09' || lpad((g % 100000000)::text, 8, '0'), 'Nội dung đơn số ' || g || ' về việc xét khen thưởng năm nay.',
           case when g % 10 = 0 then (${sql.param(people)}::bigint[])[1 + g % ${PEOPLE}] end,
           current_date - (g % 700), s.status,
           case when s.status in ('ACCEPTED','RESOLVED') then current_date - (g % 700) + 3 end,
           case when s.status not in ('RECEIVED','ACCEPTED') then current_date - (g % 700) + 20 end,
           case when s.status = 'RESOLVED' then 'DISMISSED' end,
           case when s.status not in ('RECEIVED','ACCEPTED') then 'Đã xem xét và trả lời người gửi.' end,
           g % 7 = 0, g % 11 = 0
    from generate_series(1, ${COMPLAINTS}) g
    cross join lateral (select (array['RECEIVED','ACCEPTED','RESOLVED','NOT_ACCEPTED','WITHDRAWN','RESOLVED'])[1 + g % 6] as status) s`);
  await db.execute(sql`update complaint set assigned_to = ${officerId} where id % 10 = 3`);
  await db.execute(sql`analyze complaint`);

  const { app, call, time } = await benchApp(bdb, 'complaints');
  const officer = await loginAs(app, 'bench.huyen');
  const today = todayInVietnam();
  const letter = { kind: 'COMPLAINT', name: 'Phạm Thị Hoa', contact: '0912345678', content: 'Tôi đề nghị xem xét lại việc xét danh hiệu thi đua năm nay của đơn vị.' };

  await call(officer, 'GET', '/complaints?pageSize=50'); // warm-up
  const firstPage: number[] = [];
  const deepPage: number[] = [];
  const detail: number[] = [];
  const publicLetter: number[] = [];
  const staffLetter: number[] = [];
  const eligibility: number[] = [];
  const mineList: number[] = [];
  const assign: number[] = [];
  let total = 0;
  let mine = 0;
  for (let run = 0; run < RUNS; run++) {
    firstPage.push(await time(async () => (total = (await call(officer, 'GET', '/complaints?pageSize=50')).json<{ total: number }>().total)));
    deepPage.push(await time(() => call(officer, 'GET', `/complaints?pageSize=50&page=${Math.floor(COMPLAINTS / 100)}`)));
    publicLetter.push(await time(() => call(null, 'POST', `/public/orgs/DMC/complaints`, letter, `198.51.${run}.1`)));
    const person = people[run % PEOPLE]!;
    let id = 0;
    staffLetter.push(await time(async () => (id = (await call(officer, 'POST', '/complaints', { ...letter, orgId: huyen.id, receivedOn: today, personId: person })).json<{ id: number }>().id)));
    detail.push(await time(() => call(officer, 'GET', `/complaints/${id}`)));
    eligibility.push(await time(() => call(officer, 'GET', `/eligibility/members/${person}?target=LDTT&year=${today.slice(0, 4)}`)));
    mineList.push(await time(async () => (mine = (await call(officer, 'GET', '/complaints?pageSize=50&mine=true')).json<{ total: number }>().total)));
    assign.push(await time(() => call(officer, 'POST', `/complaints/${id}/assign`, { version: 1, userId: officerId })));
  }

  // A matter resolved at first instance and taken to the province: its status page shows both.
  const province = await loginAs(app, 'bench.tinh');
  const first = (await call(officer, 'POST', '/complaints', { ...letter, orgId: huyen.id, receivedOn: today })).json<{ id: number; referenceCode: string }>();
  const accepted = (await call(officer, 'POST', `/complaints/${first.id}/accept`, { version: 1, acceptedOn: today, complex: false, remote: false })).json<{ version: number }>();
  await call(officer, 'POST', `/complaints/${first.id}/resolve`, { version: accepted.version, closedOn: today, outcome: 'DISMISSED', resolution: 'Đã xem xét và trả lời người gửi.' });
  await call(province, 'POST', `/complaints/${first.id}/second-instance`, { receivedOn: today, content: 'Tôi không đồng ý với quyết định giải quyết lần đầu.', complex: false, remote: false });
  const statusPage: number[] = [];
  for (let run = 0; run < RUNS; run++) statusPage.push(await time(() => call(null, 'GET', `/public/complaints/${first.referenceCode}`)));
  const result = {
    complaints: COMPLAINTS,
    listed: total,
    runs: RUNS,
    firstPage: summarize(firstPage),
    deepPage: summarize(deepPage),
    detail: summarize(detail),
    publicLetter: summarize(publicLetter),
    staffLetter: summarize(staffLetter),
    eligibility: summarize(eligibility),
    mine,
    mineList: summarize(mineList),
    assign: summarize(assign),
    statusPage: summarize(statusPage),
    targetListMs: TARGET_LIST_MS,
  };
  const met = result.firstPage.p95 <= TARGET_LIST_MS && result.deepPage.p95 <= TARGET_LIST_MS && result.mineList.p95 <= TARGET_LIST_MS;
  const file = writeResult(label === 'server' ? 'complaints-server' : 'complaints', startedAt, { ...result, met }, bdb.postgres);
  console.log(`  list p95 ${result.firstPage.p95.toFixed(0)} ms (deep page ${result.deepPage.p95.toFixed(0)} ms) over ${total} complaints; public letter p50 ${result.publicLetter.p50.toFixed(0)} ms; staff letter p50 ${result.staffLetter.p50.toFixed(0)} ms`);
  console.log(`→ ${file}`);
  await runCleanups();
}

main().catch(async (err) => {
  console.error(err);
  await runCleanups();
  process.exit(1);
});
