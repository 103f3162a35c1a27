// Benchmark: an award ceremony (issue 8) presenting a signed decision of BENCH_CEREMONY_RECIPIENTS
// (default 2,000) awardees in 50 units, through the real application (buildApp, Fastify inject), over
// BENCH_CEREMONY_RUNS runs (default 5), each on a new ceremony: planning it from the decision (the
// recipients computed set-based and grouped by award then unit, groups of 10), removing and adding
// the decision again (recompute, keeping places), regrouping everyone (groups of 20), recording the
// attendance of all 2,000 in one request, and rendering both printouts — "Danh sách nhận khen
// thưởng" and "Chương trình buổi lễ" — as DOCX over HTTP. No target in the issue.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/server/config';
import { createContext } from '../src/server/bootstrap';
import { buildApp } from '../src/server/app';
import type { CeremonyDto } from '../src/contracts/ceremonies';
import { createOrg, createPerson, createUser, loginAs, type Client, type OrgRef } from '../test/factories';
import { onCleanup, openBenchDatabase, runCleanups } from './lib/database';
import { envInt, writeResult } from './lib/results';
import { summarize } from './lib/stats';

const RECIPIENTS = envInt('BENCH_CEREMONY_RECIPIENTS', 2000);
const RUNS = envInt('BENCH_CEREMONY_RUNS', 5);
const UNITS = 50;

async function main() {
  const startedAt = new Date();
  const bdb = await openBenchDatabase('ceremonies');
  const { db } = bdb;
  console.log(`ceremonies: ${bdb.postgres}, ${RECIPIENTS} recipients, ${RUNS} runs`);

  const tld = await createOrg(db, { code: 'TLD', name: 'Tổng Liên đoàn Lao động Việt Nam', kind: 'TLD' });
  const tinh = await createOrg(db, { code: 'TNI', name: 'Liên đoàn Lao động tỉnh Tây Ninh', kind: 'LDLD_TINH', parent: tld });
  const huyen = await createOrg(db, { code: 'DMC', name: 'Liên đoàn Lao động huyện Dương Minh Châu', kind: 'LDLD_HUYEN', parent: tinh });
  const units: OrgRef[] = [];
  for (let i = 1; i <= UNITS; i++) units.push(await createOrg(db, { code: `DMC-${i}`, name: `Công đoàn cơ sở số ${String(i).padStart(2, '0')}`, kind: 'CDCS', parent: huyen }));
  const lines: { ord: number; person_id: number; subject_path: string; subject_name: string; unit_name: string; award_code: string }[] = [];
  for (let i = 0; i < RECIPIENTS; i++) {
    const unit = units[i % UNITS]!;
    const name = `Đoàn viên ${String(i + 1).padStart(4, '0')}`;
    const personId = await createPerson(db, unit, { fullName: name });
    lines.push({ ord: i + 1, person_id: personId, subject_path: unit.path, subject_name: name, unit_name: `Công đoàn cơ sở số ${String((i % UNITS) + 1).padStart(2, '0')}`, award_code: i % 4 === 0 ? 'CSTD_CS' : 'LDTT' });
  }
  await createUser(db, 'bench.huyen', [{ role: 'TDKT_OFFICER', org: huyen }]);
  // The signed decision, written directly (signing is measured in its own benchmark).
  const d = await db.execute<{ id: number }>(sql`
    insert into decision (org_id, org_path, status, year, subject, place, basis, execution, signer, recipients, rounding, signed_on, number_year, number, symbol)
    values (${huyen.id}, ${huyen.path}, 'SIGNED', 2026, 'Về việc khen thưởng tổng kết phong trào thi đua năm 2026', 'Dương Minh Châu', '[]'::jsonb, 'Thi hành.',
            '{"onBehalf":"TM. BAN THƯỜNG VỤ","title":"CHỦ TỊCH","name":"Nguyễn Thị Thúy"}'::jsonb, '[]'::jsonb, 'NONE', '2026-12-20', 2026, 1, 'QĐ-LĐLĐ')
    returning id`);
  const decisionId = Number(d.rows[0]!.id);
  await db.execute(sql`
    insert into decision_item (decision_id, position, person_id, subject_path, subject_name, unit_name, award_code, achievement)
    select ${decisionId}, x.ord, x.person_id, x.subject_path, x.subject_name, x.unit_name, x.award_code, 'Đã hoàn thành tốt nhiệm vụ năm 2026'
    from jsonb_to_recordset(${JSON.stringify(lines)}::jsonb) as x(ord int, person_id bigint, subject_path text, subject_name text, unit_name text, award_code text)`);

  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'vd-bench-ceremonies-'));
  onCleanup(() => fs.rm(dataDir, { recursive: true, force: true }));
  const ctx = createContext(loadConfig({ DATA_DIR: dataDir, SESSION_SECRET: crypto.randomBytes(32).toString('hex'), LOG_LEVEL: 'silent' }), bdb);
  const app = await buildApp(ctx, { logger: false, serveWeb: false });
  await app.ready();
  onCleanup(() => app.close());
  const officer = await loginAs(app, 'bench.huyen');
  const call = async (who: Client, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    const res = await who.request({ method, url: `/api/v1${url}`, ...(payload === undefined ? {} : { payload: payload as object }) });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return res;
  };
  const timed = async <T>(into: number[], work: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const out = await work();
    into.push(performance.now() - t);
    return out;
  };

  const plan: number[] = [];
  const recompute: number[] = [];
  const regroup: number[] = [];
  const attendance: number[] = [];
  const listDocx: number[] = [];
  const programmeDocx: number[] = [];
  let listKb = 0;
  let programmeKb = 0;
  let tableRows = 0;
  let groups = 0;
  // One warm-up run, then RUNS measured.
  for (let run = 0; run <= RUNS; run++) {
    const measured = run > 0;
    const sink = (xs: number[]) => (measured ? xs : []);
    let c = (
      await timed(sink(plan), () =>
        call(officer, 'POST', '/ceremonies', { orgId: huyen.id, title: `Lễ trao tặng khen thưởng năm 2026 (${run})`, heldAt: '2027-01-15T01:00:00.000Z', place: 'Hội trường LĐLĐ huyện', decisionIds: [decisionId], groupSize: 10 }),
      )
    ).json<CeremonyDto>();
    if (c.recipients.length !== RECIPIENTS) throw new Error(`planned ${c.recipients.length} recipients, expected ${RECIPIENTS}`);
    c = (await call(officer, 'PUT', `/ceremonies/${c.id}/decisions`, { version: c.version, decisionIds: [] })).json<CeremonyDto>();
    c = (await timed(sink(recompute), () => call(officer, 'PUT', `/ceremonies/${c.id}/decisions`, { version: c.version, decisionIds: [decisionId], groupSize: 10 }))).json<CeremonyDto>();
    c = (await timed(sink(regroup), () => call(officer, 'PUT', `/ceremonies/${c.id}/recipients`, { version: c.version, groupSize: 20, presenters: [{ groupNo: 1, presenter: 'Đồng chí Chủ tịch LĐLĐ huyện' }] }))).json<CeremonyDto>();
    groups = c.counts.groups;
    const entries = c.recipients.map((r, i) => (i % 10 === 0 ? { id: r.id, attendance: 'PROXY', receivedBy: 'Người nhận thay' } : { id: r.id, attendance: i % 10 === 1 ? 'ABSENT' : 'RECEIVED' }));
    c = (await timed(sink(attendance), () => call(officer, 'POST', `/ceremonies/${c.id}/attendance`, { version: c.version, entries }))).json<CeremonyDto>();
    if (c.counts.pending !== 0) throw new Error(`${c.counts.pending} recipients not recorded`);
    const list = await timed(sink(listDocx), () => call(officer, 'GET', `/ceremonies/${c.id}/recipients.docx`));
    const programme = await timed(sink(programmeDocx), () => call(officer, 'GET', `/ceremonies/${c.id}/programme.docx`));
    listKb = Math.round(list.rawPayload.length / 1024);
    programmeKb = Math.round(programme.rawPayload.length / 1024);
    const xml = await (await JSZip.loadAsync(list.rawPayload)).file('word/document.xml')!.async('string');
    tableRows = (xml.match(/<w:tr[ >]/g) ?? []).length;
    if (tableRows < RECIPIENTS) throw new Error(`the list has ${tableRows} table rows, expected at least ${RECIPIENTS}`);
    if (measured) console.log(`  run ${run}: plan ${plan.at(-1)!.toFixed(0)} ms, recompute ${recompute.at(-1)!.toFixed(0)} ms, regroup ${regroup.at(-1)!.toFixed(0)} ms, attendance ${attendance.at(-1)!.toFixed(0)} ms, list.docx ${listDocx.at(-1)!.toFixed(0)} ms, programme.docx ${programmeDocx.at(-1)!.toFixed(0)} ms`);
  }
  const result = {
    recipients: RECIPIENTS,
    runs: RUNS,
    groups,
    plan: summarize(plan),
    recompute: summarize(recompute),
    regroup: summarize(regroup),
    attendance: summarize(attendance),
    listDocx: summarize(listDocx),
    programmeDocx: summarize(programmeDocx),
    listKb,
    programmeKb,
    tableRows,
  };
  const file = writeResult('ceremonies', startedAt, result, bdb.postgres);
  console.log(`→ ${file}`);
  await runCleanups();
}

main().catch(async (err) => {
  console.error(err);
  await runCleanups();
  process.exit(1);
});
