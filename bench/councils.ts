// Benchmark: a council meeting of 9 members voting on BENCH_COUNCIL_ITEMS (default 500) nominations
// (issue 7). Each run builds a fresh meeting through the real application (buildApp, Fastify inject):
// 500 nominations sent to the district council, the whole agenda added (with automatic recusal),
// attendance, the meeting and the vote opened; then the 9 members each cast their 500 secret
// ballots in one submission, and the standing office closes the meeting, which seals the 500
// tallies into the chain and applies the results to the nominations. Measured: casting (per member),
// closing (the target), the recount `GET /verify`, and both minutes as DOCX.
// Target (issue 7): the meeting closes and tallies in ≤ 1 s.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/server/config';
import { createContext } from '../src/server/bootstrap';
import { buildApp } from '../src/server/app';
import { createOrg, createPerson, createUser, loginAs, type Client, type OrgRef } from '../test/factories';
import { insertToCouncil } from '../test/support/councils';
import { onCleanup, openBenchDatabase, runCleanups } from './lib/database';
import { envInt, writeResult } from './lib/results';
import { summarize } from './lib/stats';

const ITEMS = envInt('BENCH_COUNCIL_ITEMS', 500);
const RUNS = envInt('BENCH_COUNCIL_RUNS', 8);
const MEMBERS = 9;
const UNITS = 50;
const TARGET_CLOSE_MS = 1000;
const CHOICES = ['YES', 'YES', 'YES', 'YES', 'NO', 'ABSTAIN'] as const;

async function main() {
  const startedAt = new Date();
  const label = process.env.BENCH_DATABASE_URL ? 'server' : 'embedded';
  const bdb = await openBenchDatabase(`councils_${label}`);
  const { db } = bdb;
  console.log(`councils: ${bdb.postgres}, ${MEMBERS} members × ${ITEMS} nominations, ${RUNS} meetings`);

  const tld = await createOrg(db, { code: 'TLD', name: 'Tổng Liên đoàn Lao động Việt Nam', kind: 'TLD' });
  const tinh = await createOrg(db, { code: 'TNI', name: 'Liên đoàn Lao động tỉnh Tây Ninh', kind: 'LDLD_TINH', parent: tld });
  const huyen = await createOrg(db, { code: 'DMC', name: 'Liên đoàn Lao động huyện Dương Minh Châu', kind: 'LDLD_HUYEN', parent: tinh });
  const units: OrgRef[] = [];
  for (let i = 1; i <= UNITS; i++) units.push(await createOrg(db, { code: `DMC-${i}`, name: `Công đoàn cơ sở số ${i}`, kind: 'CDCS', parent: huyen }));
  const nominees: { personId: number; unit: OrgRef; name: string }[] = [];
  for (let i = 0; i < ITEMS; i++) {
    const unit = units[i % UNITS]!;
    const name = `Đoàn viên ${String(i + 1).padStart(4, '0')}`;
    nominees.push({ personId: await createPerson(db, unit, { fullName: name }), unit, name });
  }
  await createUser(db, 'bench.huyen', [{ role: 'TDKT_OFFICER', org: huyen }]);
  const memberPeople: number[] = [];
  for (let i = 1; i <= MEMBERS; i++) {
    const p = await createPerson(db, i === MEMBERS ? units[0]! : huyen, { fullName: `Thành viên Hội đồng ${i}` });
    await createUser(db, `bench.m${i}`, [{ role: 'COUNCIL_MEMBER', org: huyen }], p);
    memberPeople.push(p);
  }

  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'vd-bench-councils-'));
  onCleanup(() => fs.rm(dataDir, { recursive: true, force: true }));
  const ctx = createContext(loadConfig({ DATA_DIR: dataDir, SESSION_SECRET: crypto.randomBytes(32).toString('hex'), LOG_LEVEL: 'silent' }), bdb);
  const app = await buildApp(ctx, { logger: false, serveWeb: false });
  await app.ready();
  onCleanup(() => app.close());
  const officer = await loginAs(app, 'bench.huyen');
  const members = await Promise.all(Array.from({ length: MEMBERS }, (_, i) => loginAs(app, `bench.m${i + 1}`)));
  const call = async (who: Client, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    const res = await who.request({ method, url: `/api/v1${url}`, ...(payload === undefined ? {} : { payload: payload as object }) });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return res;
  };

  const council = (await call(officer, 'POST', '/councils', { orgId: huyen.id, name: 'Hội đồng Thi đua – Khen thưởng LĐLĐ huyện', termLabel: 'Nhiệm kỳ 2023–2028', termStartsOn: '2023-08-01' })).json<{ id: number }>();
  let memberIds: number[] = [];
  for (const [i, p] of memberPeople.entries()) {
    const c = (await call(officer, 'POST', `/councils/${council.id}/members`, { personId: p, role: i === 0 ? 'CHAIR' : 'MEMBER' })).json<{ members: { id: number }[] }>();
    memberIds = c.members.map((m) => m.id);
  }

  const cast: number[] = [];
  const close: number[] = [];
  const verify: number[] = [];
  const minutes: number[] = [];
  const countMinutes: number[] = [];
  let ballots = 0;
  for (let run = 0; run < RUNS; run++) {
    await insertToCouncil(db, huyen, nominees.map((n) => ({ ...n, awardCode: 'GK_CD_CAP_TREN' })), 2026 + run);
    const m = (await call(officer, 'POST', '/council-meetings', { councilId: council.id, title: `Phiên họp ${run + 1}`, scheduledAt: '2026-12-10T08:00:00+07:00', place: 'Hội trường' })).json<{ id: number }>();
    await call(officer, 'POST', `/council-meetings/${m.id}/agenda`, { all: true });
    await call(officer, 'PUT', `/council-meetings/${m.id}/attendance`, { entries: memberIds.map((id) => ({ memberId: id, status: 'PRESENT' })) });
    await call(officer, 'POST', `/council-meetings/${m.id}/open`, {});
    await call(officer, 'POST', `/council-meetings/${m.id}/open-voting`, {});
    const items: { id: number; mine: { canVote: boolean } }[] = [];
    for (let page = 1; items.length < ITEMS; page++) {
      const p = (await call(members[0]!, 'GET', `/council-meetings/${m.id}/items?page=${page}&pageSize=100`)).json<{ items: { id: number; mine: { canVote: boolean } }[] }>();
      if (p.items.length === 0) break;
      items.push(...p.items);
    }
    for (const [i, who] of members.entries()) {
      // The last member works in unit 1: recused on its nominees, so they vote on the rest.
      const votable = i === MEMBERS - 1 ? items.filter((_, k) => k % UNITS !== 0) : items;
      const votes = votable.map((it, k) => ({ itemId: it.id, choice: CHOICES[(k + i) % CHOICES.length] }));
      const t = performance.now();
      await call(who, 'POST', `/council-meetings/${m.id}/ballots`, { votes });
      cast.push(performance.now() - t);
      ballots += votes.length;
    }
    let t = performance.now();
    await call(officer, 'POST', `/council-meetings/${m.id}/close`, {});
    close.push(performance.now() - t);
    t = performance.now();
    const v = (await call(officer, 'GET', `/council-meetings/${m.id}/verify`)).json<{ ok: boolean; ballots: number }>();
    verify.push(performance.now() - t);
    if (!v.ok) throw new Error(`verify failed on meeting ${m.id}`);
    t = performance.now();
    await call(officer, 'GET', `/council-meetings/${m.id}/minutes.docx`);
    minutes.push(performance.now() - t);
    t = performance.now();
    await call(officer, 'GET', `/council-meetings/${m.id}/count-minutes.docx`);
    countMinutes.push(performance.now() - t);
    console.log(`  meeting ${run + 1}: close ${close.at(-1)!.toFixed(0)} ms, verify ${verify.at(-1)!.toFixed(0)} ms (${v.ballots} ballots)`);
  }
  const result = {
    members: MEMBERS,
    items: ITEMS,
    runs: RUNS,
    ballots,
    cast: summarize(cast),
    close: summarize(close),
    verify: summarize(verify),
    minutes: summarize(minutes),
    countMinutes: summarize(countMinutes),
    targetCloseMs: TARGET_CLOSE_MS,
  };
  const met = result.close.max <= TARGET_CLOSE_MS;
  const file = writeResult(`councils-${label}`, startedAt, { ...result, met }, bdb.postgres);
  console.log(`  close p50 ${result.close.p50.toFixed(0)} ms, p95 ${result.close.p95.toFixed(0)} ms, max ${result.close.max.toFixed(0)} ms — target ≤ ${TARGET_CLOSE_MS} ms: ${met ? 'met' : 'MISSED'}`);
  console.log(`→ ${file}`);
  await runCleanups();
}

main().catch(async (err) => {
  console.error(err);
  await runCleanups();
  process.exit(1);
});
