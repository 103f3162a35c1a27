#!/usr/bin/env node
// `npm run bench`: runs the benchmarks under bench/ one after the other (each starts and removes
// its own embedded PostgreSQL unless BENCH_DATABASE_URL is set), then rewrites the generated
// tables in BENCHMARKS.md (between <!-- bench:NAME:start --> and <!-- bench:NAME:end -->) from
// bench/results/*.json. `npm run bench -- member-search startup` runs only those; `--report`
// only regenerates the tables. Sizes: BENCH_MEMBERS (default 1,000,000), BENCH_HTTP_MEMBERS,
// BENCH_QUERIES, BENCH_HTTP_SECONDS, BENCH_CONNECTIONS, BENCH_STARTUP_RESTARTS, BENCH_NOMINATIONS,
// BENCH_NOMINATION_DOCS, BENCH_COUNCIL_ITEMS, BENCH_COUNCIL_RUNS, BENCH_DECISION_ROWS, BENCH_DECISION_PDF_RUNS, BENCH_CERTIFICATES, BENCH_CEREMONY_RECIPIENTS, BENCH_CEREMONY_RUNS, BENCH_COMPLAINTS, BENCH_COMPLAINTS_RUNS, BENCH_INSPECTIONS, BENCH_INSPECTIONS_RUNS, BENCH_NATIONAL_REPORT_RUNS, BENCH_REPORT_JOBS_RUNS (national scale: BENCH_NATIONAL_DB, see bench/lib/national.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const RESULTS = path.join(ROOT, 'bench/results');
const DOC = path.join(ROOT, 'BENCHMARKS.md');
const ALL = ['bench-data', 'member-search', 'member-list-http', 'startup', 'member-import', 'eligibility-batch', 'compliance', 'scoring', 'evidence-upload', 'nominations', 'nomination-docx', 'councils', 'decisions', 'decision-pdf', 'certificates', 'ceremonies', 'complaints', 'inspections', 'proposals', 'stories', 'models', 'public-site', 'dashboard', 'dashboard-national', 'dashboard-drilldown', 'stat-form', 'reports', 'reports-national', 'report-jobs-national', 'load-mix'];
// load-mix: a mix of realistic traffic at rising concurrency (BENCH_LOAD_MEMBERS, BENCH_LOAD_SECONDS, BENCH_LOAD_STEPS, BENCH_LOAD_VOTE_ITEMS).
/** Benchmarks that also run against the PostgreSQL server (BENCH_SERVER_URL, default the machine's 127.0.0.1:5432/test). */
const ALSO_ON_SERVER = new Set(['eligibility-batch', 'compliance', 'scoring', 'nominations', 'councils']);
const SERVER_URL = process.env.BENCH_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const args = process.argv.slice(2);
const reportOnly = args.includes('--report');
const chosen = args.filter((a) => !a.startsWith('--'));
for (const c of chosen) if (!ALL.includes(c)) {
  console.error(`Unknown benchmark ${c}; one of ${ALL.join(', ')}`);
  process.exit(2);
}

let failed = 0;
if (!reportOnly) {
  const t0 = Date.now();
  for (const name of chosen.length ? chosen : ALL) {
    const t = Date.now();
    console.log(`\n━━ ${name} ━━`);
    let r = spawnSync(process.execPath, ['--import', 'tsx', `bench/${name}.ts`], { cwd: ROOT, stdio: 'inherit', env: process.env });
    if (r.status === 0 && ALSO_ON_SERVER.has(name) && !process.env.BENCH_DATABASE_URL) {
      console.log(`\n━━ ${name} on ${SERVER_URL} ━━`);
      r = spawnSync(process.execPath, ['--import', 'tsx', `bench/${name}.ts`], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, BENCH_DATABASE_URL: SERVER_URL } });
    }
    const secs = ((Date.now() - t) / 1000).toFixed(0);
    if (r.status !== 0) {
      failed++;
      console.error(`✗ ${name} failed (exit ${r.status ?? r.signal}) after ${secs} s`);
    } else console.log(`✓ ${name} in ${secs} s`);
  }
  console.log(`\nAll benchmarks: ${((Date.now() - t0) / 60000).toFixed(1)} min`);
}

// ── BENCHMARKS.md tables ──────────────────────────────────────────────────────────────────────
const load = (name) => {
  const f = path.join(RESULTS, `${name}.json`);
  return existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : null;
};
const n = (x) => (x === null || x === undefined || Number.isNaN(x) ? '—' : Number(x).toLocaleString('en-US'));
const ms = (x) => (x === null || x === undefined || Number.isNaN(x) ? '—' : `${Number(x).toLocaleString('en-US', { maximumFractionDigits: x < 10 ? 1 : 0 })} ms`);
const s = (x) => (x === null || x === undefined ? '—' : `${Number(x).toLocaleString('en-US', { maximumFractionDigits: 1 })} s`);
const verdict = (ok) => (ok ? '**met**' : '**missed**');
const day = (r) => r.startedAt.slice(0, 16).replace('T', ' ') + ' UTC';

function machine(results) {
  const any = results.find(Boolean);
  if (!any) return '_No results yet: run `npm run bench`._';
  const m = any.machine;
  const lines = [
    `| | |`,
    `|---|---|`,
    `| CPU | ${m.cpu} |`,
    `| cores | ${m.cores} |`,
    `| RAM | ${m.ramGb} GB |`,
    `| OS | ${m.os} |`,
    `| Node.js | ${m.node} |`,
  ];
  for (const r of results.filter(Boolean)) lines.push(`| PostgreSQL (${r.name}) | ${r.machine.postgres ?? '—'} |`);
  lines.push(`| load average (1/5/15 min) when each result was written | ${results.filter(Boolean).map((r) => `${r.name}: ${(r.machine.loadAvg ?? []).join(' / ')}`).join('; ')} |`);
  lines.push('', `Results of ${results.filter(Boolean).map((r) => `${r.name}: ${day(r)} (${s(r.seconds)})`).join('; ')}.`);
  return lines.join('\n');
}

function benchData(r) {
  if (!r) return '_Not run yet._';
  const x = r.result;
  const stages = Object.entries(x.stages).map(([k, v]) => `${k} ${s(v)}`).join(', ');
  return [
    `| members | organisations | generation | members/s | rows written | rows/s | CLI wall time | on disk | target | verdict |`,
    `|---:|---:|---:|---:|---:|---:|---:|---:|---|---|`,
    `| ${n(x.members)} | ${n(x.organisations)} | ${s(x.generatorSeconds)} | ${n(x.membersPerSecond)} | ${n(x.rowsWritten)} | ${n(x.rowsPerSecond)} | ${s(x.wallSeconds)} | ${x.diskBytes ? `${(x.diskBytes / 1024 ** 3).toFixed(2)} GB` : '—'} | 1M in a few minutes (≤ 3 min) | ${x.members >= 1_000_000 ? verdict(x.generatorSeconds <= 180) : `not measured at 1M`} |`,
    '',
    `Stages: ${stages}. The CLI wall time adds starting the embedded PostgreSQL, initdb and migrations (${s(x.startupAndShutdownSeconds)}). ` +
      `A second \`bench-data\` on the filled database ${x.refusesNonEmpty ? 'was refused (exit 1), as required' : '**was not refused**'}. _(${day(r)})_`,
  ].join('\n');
}

function memberSearch(r) {
  if (!r) return '_Not run yet._';
  const x = r.result;
  const out = [];
  out.push(`${n(x.members)} members; ${x.queries} queries; page of ${x.pageSize} sorted by name; target p95 ≤ ${x.targetP95Ms} ms for \`listMembers\` (page + total). _(${day(r)})_`, '');
  out.push(`| scope | members in scope | measure | p50 | p95 | p99 | max | verdict |`, `|---|---:|---|---:|---:|---:|---:|---|`);
  for (const [key, sc] of Object.entries(x.scopes)) {
    const label = key === 'national' ? `national (${sc.name})` : `province (${sc.name})`;
    out.push(`| ${label} | ${n(sc.members)} | **\`listMembers\`** (what GET /members runs) | ${ms(sc.combined.p50)} | ${ms(sc.combined.p95)} | ${ms(sc.combined.p99)} | ${ms(sc.combined.max)} | ${verdict(sc.combined.p95 <= x.targetP95Ms)} |`);
    out.push(`| | | rows only: the page statement ordered by name | ${ms(sc.rows.p50)} | ${ms(sc.rows.p95)} | ${ms(sc.rows.p99)} | ${ms(sc.rows.max)} | |`);
    out.push(`| | | the exact count statement | ${ms(sc.count.p50)} | ${ms(sc.count.p95)} | ${ms(sc.count.p99)} | ${ms(sc.count.max)} | |`);
  }
  out.push('', 'By kind of query:', '');
  out.push(`| scope | kind | queries | median matches | \`listMembers\` p50 | p95 | rows only p95 | exact count p95 |`, `|---|---|---:|---:|---:|---:|---:|---:|`);
  for (const [key, sc] of Object.entries(x.scopes)) {
    for (const [c, v] of Object.entries(sc.categories)) out.push(`| ${key} | ${c} | ${v.n} | ${n(v.medianMatches)} | ${ms(v.combined.p50)} | ${ms(v.combined.p95)} | ${ms(v.rows.p95)} | ${ms(v.count.p95)} |`);
  }
  const slow = [...x.scopes.national.samples].sort((a, b) => b.combinedMs - a.combinedMs).slice(0, 5);
  out.push('', `Slowest national queries (\`listMembers\`): ${slow.map((q) => `\`${q.q}\` ${ms(q.combinedMs)} (${n(q.matches)} matches)`).join(', ')}.`);
  if (x.experiments?.length) {
    out.push('', 'Candidate fixes (not in the product; measured on the same data and queries):', '');
    const labels = [...new Map(x.experiments.map((e) => [e.key, e.label])).entries()];
    for (const [k, l] of labels) out.push(`- \`${k}\`: ${l}.`);
    out.push('', `| candidate | scope | p50 | p95 | p99 | max | large match sets | slowest |`, `|---|---|---:|---:|---:|---:|---:|---|`);
    for (const e of x.experiments) {
      out.push(`| \`${e.key}\` | ${e.scope} | ${ms(e.combined.p50)} | ${ms(e.combined.p95)} | ${ms(e.combined.p99)} | ${ms(e.combined.max)} | ${Math.round((e.largeShare ?? e.cappedShare) * 100)} % | ${e.slowest.slice(0, 3).map((q) => `\`${q.q}\` ${ms(q.ms)}`).join(', ')} |`);
    }
    out.push('', `| candidate | scope | ${Object.keys(x.experiments[0].categories).join(' p95 | ')} p95 |`, `|---|---|${Object.keys(x.experiments[0].categories).map(() => '---:').join('|')}|`);
    for (const e of x.experiments) out.push(`| \`${e.key}\` | ${e.scope} | ${Object.values(e.categories).map((v) => ms(v.p95)).join(' | ')} |`);
  }
  if (x.unfilteredList) {
    out.push('', 'The list without a search term (first page and total):', '');
    out.push(`| scope | \`listMembers\` (exact count) p50 | p95 | with the count capped at 1,001 p50 | p95 |`, `|---|---:|---:|---:|---:|`);
    for (const [k, v] of Object.entries(x.unfilteredList)) out.push(`| ${k} | ${ms(v.exactCount.p50)} | ${ms(v.exactCount.p95)} | ${ms(v.cappedCount.p50)} | ${ms(v.cappedCount.p95)} |`);
  }
  return out.join('\n');
}

function http(r) {
  if (!r) return '_Not run yet._';
  const x = r.result;
  const out = [`${n(x.members)} members; ${x.connections} connections, ${x.seconds} s after a ${x.warmupSeconds} s warm-up; application pool of ${x.poolSize} database connections. _(${day(r)})_`, ''];
  out.push(`| target | req/s | p50 | p95 | p99 | non-2xx / errors | req/s vs bare |`, `|---|---:|---:|---:|---:|---:|---:|`);
  for (const v of Object.values(x.runs)) {
    const bad = Object.entries(v.statuses).filter(([c]) => !c.startsWith('2')).reduce((a, [, k]) => a + k, 0);
    out.push(`| ${v.label}${v.note ? ` — ${v.note}` : ''} | ${n(Math.round(v.requestsPerSecond))} | ${ms(v.latencyMs.p50)} | ${ms(v.latencyMs.p95)} | ${ms(v.latencyMs.p99)} | ${bad} / ${v.errors + v.timeouts} | ${(v.ratioToBare.requestsPerSecond * 100).toFixed(1)} % |`);
  }
  return out.join('\n');
}

function startup(r) {
  if (!r) return '_Not run yet._';
  const x = r.result;
  const out = [`${x.mode}; dist/web ${x.distWebExisted ? 'existed before the first run' : 'was missing before the first run (so it was built)'}. _(${day(r)})_`, ''];
  out.push(`| run | address printed | of which inside \`start\` (after module loading) | GET / → 200 | /api/health ok | notes |`, `|---|---:|---:|---:|---:|---|`);
  for (const v of x.runs) {
    const notes = [v.builtWeb && 'built the web client', v.seededDemo && 'loaded demo data', !v.exitOk && 'process had exited'].filter(Boolean).join(', ');
    out.push(`| ${v.label} | ${ms(v.printedMs)} | ${ms(v.selfReportedMs)} | ${ms(v.rootOkMs)} | ${ms(v.healthOkMs)} | ${notes} |`);
  }
  const firsts = x.runs.filter((v) => v.label.startsWith('first'));
  const firstReady = firsts.length && firsts.every((v) => v.rootOkMs !== null && v.healthOkMs !== null) ? Math.max(...firsts.map((v) => Math.max(v.rootOkMs, v.healthOkMs))) : null;
  const restartReady = x.restartReadyMsWorst === null || x.restartHealthMsWorst === null ? null : Math.max(x.restartReadyMsWorst, x.restartHealthMsWorst);
  out.push('', `| target | measured | verdict |`, `|---|---:|---|`);
  out.push(`| first run ready ≤ ${x.targets.firstRunSeconds} s (worst of the first runs) | ${ms(firstReady)} | ${firstReady === null ? '**failed**' : verdict(firstReady <= x.targets.firstRunSeconds * 1000)} |`);
  out.push(`| restart ready ≤ ${x.targets.restartSeconds} s (worst of restarts) | ${ms(restartReady)} | ${restartReady === null ? '**failed**' : verdict(restartReady <= x.targets.restartSeconds * 1000)} |`);
  return out.join('\n');
}

function memberImport(r) {
  if (!r) return '_Not run yet._';
  const x = r.result;
  const out = [`${n(x.rows)} rows, ${x.fileMb} MB .xlsx, ${n(x.created)} created. _(${day(r)})_`, ''];
  out.push('| step | time |', '|---|---:|');
  out.push(`| upload → validated and staged (stream read, row checks, matching) | ${ms(x.validateMs)} |`);
  out.push(`| commit (one transaction: upsert, memberships, one audit event per person) | ${ms(x.commitMs)} |`);
  out.push(`| **total through the application** | **${ms(x.totalMs)}** |`);
  out.push(`| PostgreSQL \`COPY\` of the same rows into a table with the same indexes (lower bound) | ${ms(x.copyMs)} |`);
  out.push('', '| target | measured | verdict |', '|---|---:|---|');
  out.push(`| ≤ ${x.targetSeconds} s | ${s(x.totalMs / 1000)} (${x.ratioToCopy}× COPY) | ${verdict(x.totalMs <= x.targetSeconds * 1000)} |`);
  out.push(`| ≤ ${x.targetRssMb} MB peak RSS of the importing process | ${n(x.peakRssMb)} MB | ${verdict(x.peakRssMb <= x.targetRssMb)} |`);
  return out.join('\n');
}

function eligibilityBatch(embedded, server) {
  const runs = [embedded, server].filter(Boolean);
  if (runs.length === 0) return '_Not run yet._';
  const out = [
    `| PostgreSQL | target | candidates | facts query | the rest (evaluation, quota, sort) | end to end | candidates/s | eligible |`,
    `|---|---|---:|---:|---:|---:|---:|---:|`,
  ];
  for (const r of runs) {
    for (const [target, x] of Object.entries(r.result.targets)) {
      out.push(`| ${r.machine.postgres} | ${target} | ${n(x.candidates)} | ${ms(x.fetchMs)} | ${ms(x.evaluateMs)} | ${ms(x.totalMs)} | **${n(x.perSecond)}** | ${n(x.eligible)} |`);
    }
    const b = r.result.sqlLowerBound;
    out.push(`| ${r.machine.postgres} | hand-written SQL, "CSTĐCS in both of the last two decided years" (lower bound) | ${n(b.candidates)} | ${ms(b.ms)} | — | ${ms(b.ms)} | ${n(b.perSecond)} | ${n(b.qualify)} |`);
  }
  out.push('', '| target | slowest end to end | verdict |', '|---|---:|---|');
  for (const r of runs) {
    const slowest = Math.min(...Object.values(r.result.targets).map((x) => x.perSecond));
    out.push(`| ≥ ${n(r.result.targetPerSecond)} candidates/s (${r.machine.postgres}) | ${n(slowest)}/s | ${verdict(slowest >= r.result.targetPerSecond)} |`);
  }
  const rec = runs[0].result.records;
  out.push('', `Data: ${n(runs[0].result.members)} members with ${runs[0].result.years ?? 10} years of records (${n(rec.ratings)} ratings, ${n(rec.awards)} awards, ${n(rec.initiatives)} initiatives, ${n(rec.disciplines)} disciplines, ${n(rec.pendingCases)} pending cases); median of ${runs[0].result.runs} runs per target; year ${runs[0].result.year}.`);
  return out.join('\n');
}

function compliance(embedded, server) {
  const runs = [embedded, server].filter(Boolean);
  if (runs.length === 0) return '_Not run yet._';
  const out = ['| PostgreSQL | request | rows | p50 | p95 | target | verdict |', '|---|---|---:|---:|---:|---|---|'];
  for (const r of runs) {
    for (const x of Object.values(r.result.cases)) out.push(`| ${r.machine.postgres} | ${x.label} | ${n(x.total)} | ${ms(x.p50)} | ${ms(x.p95)} | p95 ≤ ${r.result.targetP95Ms} ms | ${verdict(x.p95 <= r.result.targetP95Ms)} |`);
  }
  const x = runs[0].result;
  out.push('', `Data: a province with ${n(x.units)} grassroots unions under 50 districts, one request targeting all of them (${JSON.stringify(x.summary)}), ${n(x.registrations)} registrations; ${n(x.runs)} sequential requests per row through the application (Fastify inject, signed in as the province's officer).`);
  return out.join('\n');
}

function scoring(embedded, server) {
  const runs = [embedded, server].filter(Boolean);
  if (runs.length === 0) return '_Not run yet._';
  const out = ['| PostgreSQL | step | p50 | p95 | target | verdict |', '|---|---|---:|---:|---|---|'];
  for (const r of runs) {
    const x = r.result;
    out.push(`| ${r.machine.postgres} | score, classify and rank ${n(x.units)} sheets (evaluateGroup, in memory) | ${ms(x.pure.p50)} | ${ms(x.pure.p95)} | — | — |`);
    out.push(`| ${r.machine.postgres} | load ${n(x.entries)} entries (one query) + score, classify, rank | ${ms(x.whole.p50)} | ${ms(x.whole.p95)} | ≤ ${n(x.targetMs)} ms | ${verdict(x.whole.p95 <= x.targetMs)} |`);
  }
  const x = runs[0].result;
  out.push('', `Data: one province, ${n(x.units)} grassroots unions with one sheet each on a ${x.criteria}-criterion template (${n(x.entries)} entries, a third verified); ${x.runs} runs; classes ${JSON.stringify(x.levels)}.`);
  return out.join('\n');
}

function evidenceUpload(r) {
  if (!r) return '_Not run yet._';
  const out = ['| kind | size | p50 | p95 | throughput (p50) |', '|---|---:|---:|---:|---:|'];
  for (const x of r.result.cases) out.push(`| ${x.kind.toUpperCase()} | ${(x.sizeBytes / 1048576).toFixed(2)} MB | ${ms(x.p50)} | ${ms(x.p95)} | ${x.mbPerSecond} MB/s |`);
  out.push('', `${r.result.runs} uploads per row, streamed in ${r.result.chunkBytes / 1024} KB chunks into the store (temporary file, SHA-256, content check, move to the content address); no database.`);
  return out.join('\n');
}

function nominations(embedded, server) {
  const runs = [embedded, server].filter(Boolean);
  if (runs.length === 0) return '_Not run yet._';
  const out = ['| PostgreSQL | request | rows | p50 | p95 | max | target | verdict |', '|---|---|---:|---:|---:|---:|---|---|'];
  for (const r of runs) {
    for (const x of Object.values(r.result.cases)) {
      const gated = x.kind !== 'detail';
      out.push(`| ${r.machine.postgres} | ${x.label} (\`${x.url}\`) | ${n(x.total)} | ${ms(x.p50)} | ${ms(x.p95)} | ${ms(x.max)} | ${gated ? `p95 ≤ ${r.result.targetP95Ms} ms` : '—'} | ${gated ? verdict(x.p95 <= r.result.targetP95Ms) : '—'} |`);
    }
  }
  for (const r of runs.filter((r) => r.result.candidates?.steps?.length)) {
    const cand = r.result.candidates;
    const keys = Object.keys(r.result.cases);
    out.push('', `Candidate fixes on ${r.machine.postgres} (not in the product; applied cumulatively to the bench database, same requests, p95):`, '');
    out.push(`| request | as shipped | ${cand.steps.map((st) => `\`${st.key}\``).join(' | ')} |`, `|---|---:|${cand.steps.map(() => '---:').join('|')}|`);
    for (const k of keys) out.push(`| ${r.result.cases[k].label} | ${ms(r.result.cases[k].p95)} | ${cand.steps.map((st) => ms(st.cases[k]?.p95)).join(' | ')} |`);
    out.push('', ...cand.steps.map((st) => `- \`${st.key}\`: ${st.label} (heap afterwards: ${n(st.heapPages)} pages).`));
    const q = cand.sqlLevel;
    out.push(
      `- Deferred join, at the SQL level after both (province scope, 20 runs): page 1 p50 ${ms(q['page1-current'].p50)} → ${ms(q['page1-deferred'].p50)} (p95 ${ms(q['page1-current'].p95)} → ${ms(q['page1-deferred'].p95)}); ` +
        `page 100 p50 ${ms(q['page100-current'].p50)} → ${ms(q['page100-deferred'].p50)} (p95 ${ms(q['page100-current'].p95)} → ${ms(q['page100-deferred'].p95)}); the count p50 ${ms(q.count.p50)}, p95 ${ms(q.count.p95)}.`,
    );
  }
  const x = runs[0].result;
  const c = x.counts;
  out.push(
    '',
    `Data: one province, ${x.districts} districts, ${n(x.units)} CĐCS, ${n(x.persons)} persons; one round by the province with ${n(c.nominations)} nominations (${n(c.inReview)} in review, ${n(c.drafts)} drafts, ${n(c.returned)} returned; ${n(c.atProvince)} sent up to the province; ${n(c.notEligible)} not eligible), ` +
      `eligibility snapshots of ≈ ${n(x.snapshotBytes)} bytes of JSON made by the engine, ${n(c.documents)} dossier documents, ${n(c.submissions)} submissions with ${n(c.items)} lines, ${n(c.events)} history events. ` +
      `${x.runs} sequential requests per row after a warm-up, through the application (Fastify inject). _(${runs.map(day).join('; ')}; load average ${runs.map((r) => (r.machine.loadAvg ?? []).join(' / ')).join('; ')})_`,
  );
  return out.join('\n');
}

function nominationDocx(r) {
  if (!r) return '_Not run yet._';
  const x = r.result;
  return [
    '| documents | documents/s | p50 | p95 | Packer alone (docs/s) | target | verdict |',
    '|---:|---:|---:|---:|---:|---|---|',
    `| ${n(x.documents)} báo cáo thành tích | **${n(x.perSecond)}** | ${ms(x.perDoc.p50)} | ${ms(x.perDoc.p95)} | ${n(x.packerOnly.perSecond)} | ≥ ${x.targetPerSecond}/s | ${verdict(x.met)} |`,
    '',
    `Tờ trình of ${x.proposal.lines} lines: p50 ${ms(x.proposal.docx.p50)}, p95 ${ms(x.proposal.docx.p95)}; its .xlsx list p50 ${ms(x.proposal.xlsx.p50)}, p95 ${ms(x.proposal.xlsx.p95)}. Mean report ${x.meanKb} KB. _(${day(r)}; load average ${(r.machine.loadAvg ?? []).join(' / ')})_`,
  ].join('\n');
}

function councils(embedded, server) {
  if (!embedded) return '_Not run yet._';
  const rows = [embedded, server].filter(Boolean).map((r) => {
    const x = r.result;
    return `| ${r.machine.postgres ?? r.name} | ${x.members} × ${n(x.items)} | ${ms(x.cast.p50)} / ${ms(x.cast.p95)} | **${ms(x.close.p50)}** / ${ms(x.close.p95)} / ${ms(x.close.max)} | ${ms(x.verify.p50)} | ${ms(x.minutes.p50)} | ${ms(x.countMinutes.p50)} | ≤ ${n(x.targetCloseMs)} ms | ${verdict(x.met)} |`;
  });
  const x = embedded.result;
  return [
    '| database | members × items | one member casts all ballots p50 / p95 | close and tally p50 / p95 / max | recount (verify) p50 | biên bản họp p50 | biên bản kiểm phiếu p50 | target | verdict |',
    '|---|---|---:|---:|---:|---:|---:|---|---|',
    ...rows,
    '',
    `${x.runs} meetings, ${n(x.ballots)} ballots in all. _(${day(embedded)}${server ? `; server ${day(server)}` : ''})_`,
  ].join('\n');
}

function decisions(r) {
  if (!r) return '_Not run yet._';
  const x = r.result;
  return [
    '| document | p50 | max | size | target | verdict |',
    '|---|---:|---:|---:|---|---|',
    `| decision with a ${n(x.rows)}-row annex (DOCX) | **${s(x.big.p50 / 1000)}** | ${s(x.big.max / 1000)} | ${n(x.kb)} KB | ≤ ${x.targetSeconds} s | ${verdict(x.met)} |`,
    `| decision with 12 lines | ${ms(x.small.p50)} | ${ms(x.small.max)} | | | |`,
    '',
    `${x.runs} runs after a warm-up; the annex table was checked to hold every row (${n(x.tableRows)} table rows in the file). _(${day(r)}; load average ${(r.machine.loadAvg ?? []).join(' / ')})_`,
  ].join('\n');
}

function decisionPdf(r) {
  if (!r) return '_Not run yet._';
  const x = r.result;
  return `\`npm run bench -- decision-pdf\` (\`bench/decision-pdf.ts\`) renders the same decision as a PDF, as \`renderDecisionPdf\` does (pdfkit, Tinos embedded, the annex table's header repeated on each page): the ${n(x.rows)}-row annex in p50 **${s(x.big.p50 / 1000)}** (max ${s(x.big.max / 1000)}; ${n(x.pages)} pages, ${n(x.kb)} KB; target ≤ ${x.targetSeconds} s, ${verdict(x.met)}), the 12-line decision in ${ms(x.small.p50)} — mostly opening the four Tinos faces, which pdfkit does per document. ${x.runs} runs after a warm-up; the last page was read back with pdf.js and holds the last row and the total. _(${day(r)}; ${r.machine.cores} cores; load average ${(r.machine.loadAvg ?? []).join(' / ')})_`;
}

function certificates(r) {
  if (!r) return '_Not run yet._';
  const x = r.result;
  const office = x.libreOffice?.available
    ? `${x.libreOffice.version} converting one equivalent DOCX to PDF (the usual office route): p50 **${ms(x.libreOffice.perCallMs.p50)} per certificate** — ${n(Math.round((x.libreOffice.perCallMs.p50 * x.certificates) / 1000))} s for ${n(x.certificates)} one by one.`
    : `LibreOffice: ${x.libreOffice?.note ?? 'not measured'}.`;
  return [
    '| certificates in one PDF | p50 | min – max | pages/s | file | per page | peak RSS | target | verdict |',
    '|---:|---:|---:|---:|---:|---:|---:|---|---|',
    `| ${n(x.certificates)} | **${s(x.seconds)}** | ${s(x.ms.min / 1000)} – ${s(x.ms.max / 1000)} | ${n(x.pagesPerSecond)} | ${x.sizeMb} MB | ${n(x.bytesPerPage)} B | ${n(x.peakRssMb)} MB | ≤ ${x.targetSeconds} s | ${verdict(x.met)} |`,
    '',
    `${office} _(${day(r)}; load average ${(r.machine.loadAvg ?? []).join(' / ')})_`,
  ].join('\n');
}

function ceremonies(r) {
  if (!r) return '_Not run yet._';
  const x = r.result;
  const row = (what, m) => `| ${what} | **${ms(m.p50)}** | ${ms(m.max)} |`;
  return [
    '| step (HTTP, one request) | p50 | max |',
    '|---|---:|---:|',
    row(`plan from a signed decision: ${n(x.recipients)} recipients computed and grouped`, x.plan),
    row('remove and add the decision again (recompute, places kept)', x.recompute),
    row(`regroup everyone (groups of 20: ${n(x.groups)} groups) with a presenter`, x.regroup),
    row(`attendance of all ${n(x.recipients)} in one request`, x.attendance),
    row(`Danh sách nhận khen thưởng (DOCX, ${n(x.listKb)} KB)`, x.listDocx),
    row(`Chương trình buổi lễ (DOCX, ${n(x.programmeKb)} KB)`, x.programmeDocx),
    '',
    `${x.runs} runs after a warm-up, each on a new ceremony; the list was checked to hold every recipient (${n(x.tableRows)} table rows). _(${day(r)}; ${r.machine.cores} cores; load average ${(r.machine.loadAvg ?? []).join(' / ')})_`,
  ].join('\n');
}

function complaints(r) {
  if (!r) return '_Not run yet._';
  const x = r.result;
  const row = (what, m, target = '') => `| ${what} | **${ms(m.p50)}** | ${ms(m.p95)} | ${ms(m.max)} | ${target} |`;
  return [
    '| step (HTTP, one request) | p50 | p95 | max | target |',
    '|---|---:|---:|---:|---|',
    row(`officers' list, first page of 50 (of ${n(x.listed)})`, x.firstPage, `≤ ${n(x.targetListMs)} ms p95: ${verdict(x.firstPage.p95 <= x.targetListMs)}`),
    row(`officers' list, page ${n(Math.floor(x.complaints / 100))}`, x.deepPage, `≤ ${n(x.targetListMs)} ms p95: ${verdict(x.deepPage.p95 <= x.targetListMs)}`),
    row('one complaint with its deadline and history', x.detail),
    row('a letter from the public form (rate limit under its lock)', x.publicLetter),
    row('a staff letter about a member (opens the pending case)', x.staffLetter),
    row('that member’s eligibility for LĐTT (blocked by the open case)', x.eligibility),
    ...(x.mineList ? [row(`the handler's "mine" list, first page (of ${n(x.mine)})`, x.mineList, `≤ ${n(x.targetListMs)} ms p95: ${verdict(x.mineList.p95 <= x.targetListMs)}`)] : []),
    ...(x.assign ? [row('assigning a letter to a handler', x.assign)] : []),
    ...(x.statusPage ? [row('the status page of a matter with a second instance', x.statusPage)] : []),
    '',
    `${n(x.complaints)} complaints in the district; ${x.runs} runs per step after a warm-up. _(${day(r)}; ${r.machine.cores} cores; load average ${(r.machine.loadAvg ?? []).join(' / ')})_`,
  ].join('\n');
}

function inspections(r) {
  if (!r) return '_Not run yet._';
  const x = r.result;
  const row = (what, m, target = '') => `| ${what} | **${ms(m.p50)}** | ${ms(m.p95)} | ${ms(m.max)} | ${target} |`;
  return [
    '| step (HTTP, one request) | p50 | p95 | max | target |',
    '|---|---:|---:|---:|---|',
    row(`plan list, first page of 50 (of ${n(x.listed)}, with open/overdue/done counts)`, x.list, `≤ ${n(x.targetListMs)} ms p95: ${verdict(x.list.p95 <= x.targetListMs)}`),
    row(`overdue recommendations, first page (of ${n(x.overdue)})`, x.overdueList, `≤ ${n(x.targetListMs)} ms p95: ${verdict(x.overdueList.p95 <= x.targetListMs)}`),
    row('record a visit with 10 recommendations', x.conduct),
    row('one inspection with its recommendations', x.detail),
    row('mark a recommendation done', x.done),
    '',
    `${n(x.inspections)} inspections over ten years in one district; ${x.runs} runs per step after a warm-up. _(${day(r)}; ${r.machine.cores} cores; load average ${(r.machine.loadAvg ?? []).join(' / ')})_`,
  ].join('\n');
}

function proposals(r) {
  if (!r) return '_Not run yet._';
  const x = r.result;
  const row = (what, m, target = '') => `| ${what} | **${ms(m.p50)}** | ${ms(m.p95)} | ${ms(m.max)} | ${target} |`;
  const list = (m) => `≤ ${n(x.targetListMs)} ms p95: ${verdict(m.p95 <= x.targetListMs)}`;
  return [
    '| step (HTTP, one request) | p50 | p95 | max | target |',
    '|---|---:|---:|---:|---|',
    row(`district officer's list, first page of 50 (of ${n(x.listed)})`, x.firstPage, list(x.firstPage)),
    row(`district officer's list, page ${n(x.deepPageNumber)}`, x.deepPage, list(x.deepPage)),
    row('a CĐCS officer’s proposals to review, first page', x.unitToReview, list(x.unitToReview)),
    row('one proposal with its story', x.detail),
    row('a proposal from the public form (rate limit under its lock)', x.publicForm),
    row('into a story draft with the proposer’s credit', x.story),
    '',
    `${n(x.proposals)} proposals over 50 grassroots unions of one district; ${x.runs} runs per step after a warm-up. _(${day(r)}; ${r.machine.cores} cores; load average ${(r.machine.loadAvg ?? []).join(' / ')})_`,
  ].join('\n');
}

function stories(r) {
  if (!r) return '_Not run yet._';
  const x = r.result;
  const row = (what, m, target = '') => `| ${what} | **${ms(m.p50)}** | ${ms(m.p95)} | ${ms(m.max)} | ${target} |`;
  const list = (m) => `≤ ${n(x.targetListMs)} ms p95: ${verdict(m.p95 <= x.targetListMs)}`;
  return [
    '| step | p50 | p95 | max | target |',
    '|---|---:|---:|---:|---|',
    row(`officers' list, first page of 50 (of ${n(x.listed)}, with counts per status)`, x.firstPage, list(x.firstPage)),
    row(`officers' list, page ${n(Math.floor(x.stories / 100))}`, x.deepPage, list(x.deepPage)),
    row(`search without diacritics (${n(x.found)} found)`, x.search, list(x.search)),
    row('write a draft (slug, links checked)', x.create),
    row('one story with the personal-data check of its text', x.detail),
    row('consent, review and publish (with the check), three requests', x.publish),
    row(`re-encode a 12-MP camera JPEG (${x.photoMb} MB → ${n(x.keptKb)} KB, 1,600 px, no EXIF), sharp alone`, x.reencode),
    row('upload that photo through the API (multipart, re-encode, store, audit)', x.upload),
    '',
    `${n(x.stories)} stories over 50 grassroots unions of one district; ${x.runs} runs per step after a warm-up, ${x.photoRuns} for the photo. _(${day(r)}; ${r.machine.cores} cores; load average ${(r.machine.loadAvg ?? []).join(' / ')})_`,
  ].join('\n');
}

function publicSite(r) {
  if (!r) return '_Not run yet._';
  const x = r.result;
  const row = (what, m, target = '') => `| ${what} | **${ms(m.p50)}** | ${ms(m.p95)} | ${ms(m.max)} | ${target} |`;
  return [
    '| page (HTML over HTTP, one request) | p50 | p95 | max | target |',
    '|---|---:|---:|---:|---|',
    row(`home page (${n(x.homeKb)} KB: movements, lists, latest documents and stories)`, x.home, `≤ ${n(x.targetMs)} ms p95: ${verdict(x.home.p95 <= x.targetMs)}`),
    row(`RSS feed (${n(x.rssItems)} items)`, x.rss, `≤ ${n(x.targetMs)} ms p95: ${verdict(x.rss.p95 <= x.targetMs)}`),
    row('one story with its photos', x.story),
    row('decisions, first page of 20', x.decisionsFirst),
    row(`decisions, page ${n(x.deepDecisions)}`, x.decisionsDeep),
    row('stories, first page of 20', x.storiesFirst),
    row(`stories, page ${n(x.deepStories)}`, x.storiesDeep),
    row('the no-JS complaint form post (answers the reference page)', x.complaint),
    '',
    `${n(x.decisions)} published documents (a tenth revoked) and ${n(x.stories)} stories (nine in ten published) in one district; ${x.runs} runs per page after a warm-up. _(${day(r)}; ${r.machine.cores} cores; load average ${(r.machine.loadAvg ?? []).join(' / ')})_`,
  ].join('\n');
}

function dashboard(r) {
  if (!r) return '_Not run yet._';
  const x = r.result;
  const steps = [
    [`the district's dashboard (${n(x.individuals)} individual awards in the year)`, x.district, `≤ ${n(x.targetMs)} ms p95: ${verdict(x.district.p95 <= x.targetMs)}`],
    ['one grassroots union’s dashboard', x.unit, ''],
  ];
  const note = `${n(x.people)} members, ${n(x.records)} award records over ${x.years} years (a tenth revoked); ${x.runs} runs per step after a warm-up.`;
  const when = `_(${day(r)}; ${r.machine.cores} cores; load average ${(r.machine.loadAvg ?? []).join(' / ')})_`;
  const table = steps.map(([what, m, target]) => `| ${what} | **${ms(m.p50)}** | ${ms(m.p95)} | ${ms(m.max)} | ${target} |`);
  return ['| step (HTTP, one request) | p50 | p95 | max | target |', '|---|---:|---:|---:|---|', ...table, '', `${note} ${when}`].join('\n');
}

function dashboardDrilldown(r) {
  if (!r) return '_Not run yet._';
  const x = r.result;
  const steps = [
    [`a page of 25 records behind an award figure (${n(x.awardTotal)} in all), page 1`, x.firstPage],
    [`the same list, page ${n(x.deepPage)}`, x.deep],
    ['a page of a share’s numerator (women)', x.share],
    [`export of every individual award of the year (${n(x.exportRows)} rows, ${n(Math.round(x.exportBytes / 1024))} KB XLSX)`, x.export],
  ];
  const note = `${n(x.people)} members, ${n(x.records)} award records over ${x.years} years (a tenth revoked); ${x.runs} runs per page and ${x.exportRuns} exports after a warm-up.`;
  const when = `_(${day(r)}; ${r.machine.cores} cores; load average ${(r.machine.loadAvg ?? []).join(' / ')})_`;
  const table = steps.map(([what, m]) => `| ${what} | **${ms(m.p50)}** | ${ms(m.p95)} | ${ms(m.max)} |`);
  return ['| step (HTTP, one request) | p50 | p95 | max |', '|---|---:|---:|---:|', ...table, '', `${note} ${when}`].join('\n');
}
function reports(r) {
  if (!r) return '_Not run yet._';
  const x = r.result;
  const steps = [
    [`the district's annual summary, .docx with two charts (${n(x.bytes)} bytes)`, x.docx, `≤ ${n(x.targetMs)} ms p95: ${verdict(x.docx.p95 <= x.targetMs)}`],
    ['freezing the district’s figures (request until the background job has stored them with their sha-256; no settle margin)', x.freeze, ''],
    [`re-running the frozen report after new and revoked records, request until done (identical: ${x.identical ? 'yes' : 'no'})`, x.rerun, ''],
    ['the annual summary from the stored figures, .docx', x.frozenDocx, ''],
  ];
  const note = `${n(x.people)} members, ${n(x.records)} award records over ${x.years} years (a tenth revoked); ${x.runs} runs per step after a warm-up (freezing: up to 5).`;
  const when = `_(${day(r)}; ${r.machine.cores} cores; load average ${(r.machine.loadAvg ?? []).join(' / ')})_`;
  const table = steps.map(([what, m, target]) => `| ${what} | **${ms(m.p50)}** | ${ms(m.p95)} | ${ms(m.max)} | ${target} |`);
  return ['| step (HTTP, one request) | p50 | p95 | max | target |', '|---|---:|---:|---:|---|', ...table, '', `${note} ${when}`].join('\n');
}

function reportsNational(r) {
  if (!r) return '_Not run yet._';
  const x = r.result;
  const rows = [];
  for (const [key, label, target] of [['national', 'national root', x.target.national], ['province', 'province', x.target.province]]) {
    const sc = x.scopes[key];
    const who = `${label} (${sc.name})`;
    rows.push(`| ${who} | annual summary .docx (${n(sc.docxBytes)} bytes) | **${ms(sc.docx.p50)}** | ${ms(sc.docx.p95)} | ${ms(sc.docx.max)} | ${ms(sc.docxRender.p50)} / ${ms(sc.docxRender.p95)} | ≤ ${n(target)} ms p95: ${verdict(sc.docx.p95 <= target)} |`);
    rows.push(`| ${who} | results form BM01-KT .xlsx (${n(sc.xlsxBytes)} bytes) | **${ms(sc.xlsx.p50)}** | ${ms(sc.xlsx.p95)} | ${ms(sc.xlsx.max)} | ${ms(sc.xlsxRender.p50)} / ${ms(sc.xlsxRender.p95)} | ≤ ${n(target)} ms p95: ${verdict(sc.xlsx.p95 <= target)} |`);
    rows.push(`| ${who} | the figures alone (in-process, rollups) | ${ms(sc.figures.p50)} | ${ms(sc.figures.p95)} | ${ms(sc.figures.max)} | | |`);
    rows.push(`| ${who} | the figures from the base tables, as the documents read them until 2026-11-27 (in-process, one run) | ${ms(sc.baseFiguresMs)} | | | | |`);
  }
  const d = x.drilldown;
  const dt = x.target.province;
  rows.push(`| province (${d.province}) | people awarded ≥ 3 years in a row (${n(d.total)}), page 1, first request of the process | **${ms(d.cold)}** | | | | ≤ ${n(dt)} ms: ${verdict(d.cold <= dt)} |`);
  rows.push(`| province (${d.province}) | the same page 1, warm | **${ms(d.warm.p50)}** | ${ms(d.warm.p95)} | ${ms(d.warm.max)} | | ≤ ${n(dt)} ms p95: ${verdict(d.warm.p95 <= dt)} |`);
  rows.push(`| province (${d.province}) | the same list, page ${n(d.deepPage)} | **${ms(d.deep.p50)}** | ${ms(d.deep.p95)} | ${ms(d.deep.max)} | | ≤ ${n(dt)} ms p95: ${verdict(d.deep.p95 <= dt)} |`);
  const gen = x.generation ? ' Database generated in this run (BENCH_NATIONAL_MEMBERS).' : ' Database generated beforehand with `npx vinhdanh bench-data` (BENCH_NATIONAL_DB).';
  return [
    '| scope | page (HTTP, one request) | p50 | p95 | max | rendering alone (in-process) p50 / p95 | target |',
    '|---|---|---:|---:|---:|---:|---|',
    ...rows,
    '',
    `${x.runs} runs per page after a warm-up; ${d.pageSize} rows a drill-down page; year ${x.year}.${gen} _(${day(r)}; ${r.machine.cores} cores; load average ${(r.machine.loadAvg ?? []).join(' / ')}; ${r.machine.postgres ?? ''})_`,
  ].join('\n');
}

function reportJobsNational(r) {
  if (!r) return '_Not run yet._';
  const x = r.result;
  const rows = [];
  for (const [key, label] of [['national', 'national root'], ['province', `province (${x.province.name})`]]) {
    const j = x.jobs[key];
    const p = x.pages[key];
    rows.push(`| ${label} | freeze: the request | **${ms(j.freeze.requestMs)}** | | |`);
    rows.push(`| ${label} | freeze: the job until the figures are stored (${j.freeze.status}; progress steps at ${j.freeze.steps.join(' / ')} s) | **${j.freeze.jobSeconds} s** | | |`);
    rows.push(`| ${label} | re-run: the request | **${ms(j.rerun.requestMs)}** | | |`);
    rows.push(`| ${label} | re-run: the job until compared (identical: ${j.identical ? 'yes' : 'NO'}) | **${j.rerun.jobSeconds} s** | | |`);
    rows.push(`| ${label} | list of frozen reports | **${ms(p.list.p50)}** | ${ms(p.list.p95)} | ${ms(p.list.max)} |`);
    rows.push(`| ${label} | one frozen report with its figures | **${ms(p.get.p50)}** | ${ms(p.get.p95)} | ${ms(p.get.max)} |`);
    rows.push(`| ${label} | annual summary .docx from the stored figures | **${ms(p.docx.p50)}** | ${ms(p.docx.p95)} | ${ms(p.docx.max)} |`);
  }
  rows.push(`| grassroots union | freeze: the request (${x.runs} runs) | **${ms(x.request.p50)}** | ${ms(x.request.p95)} | ${ms(x.request.max)} |`);
  return [
    '| scope | step (in-process service calls) | p50 / one run | p95 | max |',
    '|---|---|---:|---:|---:|',
    ...rows,
    '',
    `Settle margin ${n(x.settleMs)} ms; ${x.runs} runs per page; year ${x.year}. _(${day(r)}; ${r.machine.cores} cores; load average ${(r.machine.loadAvg ?? []).join(' / ')}; ${r.machine.postgres ?? ''})_`,
  ].join('\n');
}

function statForm(r) {
  if (!r) return '_Not run yet._';
  const x = r.result;
  const steps = [
    [`the built-in results form for the district, .xlsx (${n(x.bytes)} bytes)`, x.xlsx, `≤ ${n(x.targetMs)} ms p95: ${verdict(x.xlsx.p95 <= x.targetMs)}`],
    ['the built-in shares form for the district, .xlsx', x.sharesXlsx, ''],
    ['the editor’s preview grid (JSON) of the results form', x.preview, ''],
  ];
  const note = `${n(x.people)} members, ${n(x.records)} award records over ${x.years} years (a tenth revoked); ${x.runs} runs per step after a warm-up.`;
  const when = `_(${day(r)}; ${r.machine.cores} cores; load average ${(r.machine.loadAvg ?? []).join(' / ')})_`;
  const table = steps.map(([what, m, target]) => `| ${what} | **${ms(m.p50)}** | ${ms(m.p95)} | ${ms(m.max)} | ${target} |`);
  return ['| step (HTTP, one request) | p50 | p95 | max | target |', '|---|---:|---:|---:|---|', ...table, '', `${note} ${when}`].join('\n');
}

function dashboardNational(r) {
  if (!r) return '_Not run yet._';
  const x = r.result;
  const names = { awardCounts: 'awards by code', shareCounts: 'share counts (year and year before)', streaks: 'years in a row (counts and top 20)', funnel: 'funnel' };
  const rows = [];
  for (const [scope, label, target] of [['national', 'national root', x.target.national], ['province', `province (${x.province})`, x.target.province]]) {
    for (const [f, m] of Object.entries(x.figures[scope])) rows.push(`| ${label} | ${names[f] ?? f} | ${ms(m.rollup.p50)} | ${ms(m.rollup.p95)} | ${ms(m.base.p50)} | ${ms(m.base.p95)} | |`);
    const w = x.whole[scope];
    rows.push(`| ${label} | **whole dashboard** | **${ms(w.rollup.p50)}** | **${ms(w.rollup.p95)}** | ${ms(w.base.p50)} | ${ms(w.base.p95)} | ≤ ${n(target)} ms p95: ${verdict(w.rollup.p95 <= target)} |`);
  }
  const gen = x.generation ? ` Generated in this run: members ${s(x.generation.membersSeconds)}, awards and rollups ${s(x.generation.awardsSeconds)}.` : ' Database generated beforehand with `npx vinhdanh bench-data`.';
  return [
    '| scope | query | rollups p50 | rollups p95 | base tables p50 | base tables p95 | target |',
    '|---|---|---:|---:|---:|---:|---|',
    ...rows,
    '',
    `${n(x.size.members)} members, ${n(x.size.orgs)} organisations, ${n(x.size.awards)} award records (${n(x.size.active)} in force; ${n(x.size.year_awards)} of ${x.year}); ` +
      `rollups equal to the base tables on the orgs checked: ${x.mismatches === 0 ? '**yes**' : `**no (${x.mismatches} mismatches)**`}. ` +
      `One award recorded and revoked: p95 ${ms(x.signing.withRollups.p95)} with the rollup triggers, ${ms(x.signing.withoutTriggers.p95)} without. ` +
      `${x.runs} runs per rollup query, ${x.baseRuns} per base query, after a warm-up.${gen} _(${day(r)}; ${r.machine.cores} cores; load average ${(r.machine.loadAvg ?? []).join(' / ')}; ${r.machine.postgres ?? ''})_`,
  ].join('\n');
}

function models(r) {
  if (!r) return '_Not run yet._';
  const x = r.result;
  const row = (what, m, target = '') => `| ${what} | **${ms(m.p50)}** | ${ms(m.p95)} | ${ms(m.max)} | ${target} |`;
  const list = (m) => `≤ ${n(x.targetListMs)} ms p95: ${verdict(m.p95 <= x.targetListMs)}`;
  return [
    '| step (HTTP, one request) | p50 | p95 | max | target |',
    '|---|---:|---:|---:|---|',
    row(`district's list, first page of 50 (of ${n(x.listed)}, with counts per stage)`, x.firstPage, list(x.firstPage)),
    row(`district's list, page ${n(Math.floor(x.models / 100))}`, x.deepPage, list(x.deepPage)),
    row(`overdue check-ins only (${n(x.overdue)})`, x.overdueList, list(x.overdueList)),
    row(`search without diacritics (${n(x.found)} found)`, x.search, list(x.search)),
    row('one entry with its timeline, replications and credits', x.detail),
    row('a fostering check-in (event and audit)', x.followUp),
    '',
    `${n(x.models)} entries over 50 grassroots unions of one district; ${x.runs} runs per step after a warm-up. _(${day(r)}; ${r.machine.cores} cores; load average ${(r.machine.loadAvg ?? []).join(' / ')})_`,
  ].join('\n');
}

function loadMix(r) {
  if (!r) return '_Not run yet._';
  const x = r.result;
  const pc = (a, b) => (b ? `${((a / b) * 100).toFixed(a && a / b < 0.001 ? 3 : 1)} %` : '—');
  const codes = (st) => Object.entries(st.statuses).filter(([c]) => c.startsWith('4')).map(([c, k]) => `${k}× ${c}`).join(', ');
  const out = [
    '| connections | req/s | p50 | p95 | p99 | responses | 2xx | 4xx (expected: 409 repeat vote, stale edit, duplicate) | 5xx | errors / time-outs | error rate (5xx + errors) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const st of x.steps) {
    const isKnee = x.knee && x.knee.connections === st.connections;
    const c = isKnee ? `**${st.connections} (knee)**` : String(st.connections);
    out.push(`| ${c} | ${n(Math.round(st.requestsPerSecond))} | ${ms(st.latencyMs.p50)} | ${ms(st.latencyMs.p95)} | ${ms(st.latencyMs.p99)} | ${n(st.responses)} | ${n(st.ok)} | ${st.client4xx ? `${n(st.client4xx)} (${codes(st)})` : '0'} | ${n(st.server5xx)} | ${n(st.errors)} / ${n(st.timeouts)} | ${pc(st.server5xx + st.errors, st.responses + st.errors)} |`);
  }
  const k = x.knee;
  const kneeStep = k ? x.steps[k.index] : null;
  out.push(
    '',
    k
      ? `**Knee: ${k.connections} connections** (${n(Math.round(kneeStep.requestsPerSecond))} req/s, p95 ${ms(kneeStep.latencyMs.p95)}): to the next step throughput ${k.gainAfter >= 0 ? 'rises' : 'falls'} by ${Math.abs(k.gainAfter * 100).toFixed(1)} % while p95 grows ×${k.p95RatioAfter.toFixed(2)}. Computed by \`findKnee\` (bench/lib/knee.ts): the first step after which req/s rises by no more than 10 % while p95 grows at least 1.5×.`
      : '**Knee: none within the steps** (`findKnee`, bench/lib/knee.ts: req/s rose by more than 10 % at every step, or p95 never grew 1.5× while it stalled).',
  );
  const kinds = x.mix.map((m) => m.kind);
  out.push('', 'p95 by kind of request (every response of the kind, at each step):', '', `| kind | ${x.steps.map((st) => `${st.connections} conn.`).join(' | ')} |`, `|---|${x.steps.map(() => '---:').join('|')}|`);
  for (const kind of kinds) {
    const cells = x.steps.map((st) => (st.byKind?.[kind] ? `${ms(st.byKind[kind].latencyMs.p95)}` : '—'));
    out.push(`| ${kind} | ${cells.join(' | ')} |`);
  }
  out.push(
    '',
    `Mix per 100 requests: ${x.mix.map((m) => `${m.kind} ${m.weight}`).join(', ')}. ${n(x.members)} members (bench-data, generated in ${s(x.generationSeconds)}); the busiest district (${x.district.name}, ${n(x.district.members)} members, ${x.district.cdcs} CĐCS) of ${x.province}: ${n(x.appraisalLines)} submission lines under appraisal, ${n(x.nominatePool)} person–award pairs to propose, a council meeting of 9 with voting open on ${n(x.voteItems)} items (${n(x.ballotsOpen)} ballots, ${n(x.ballotsLeft)} left unused). ` +
      `${x.seconds} s per step after a ${x.warmupSeconds} s warm-up; application pool of ${x.poolSize} database connections; autocannon in its own process on loopback. ` +
      `_(${day(r)}; ${r.machine.cores} cores; load average ${(r.machine.loadAvg ?? []).join(' / ')} ${(r.machine.loadAvg?.[0] ?? 0) > r.machine.cores ? ' — above the core count: the machine was busy with other work during this run, so these figures understate a dedicated server' : ''}; ${r.machine.postgres ?? ''})_`,
  );
  return out.join('\n');
}

if (existsSync(DOC)) {
  const results = Object.fromEntries(ALL.map((k) => [k, load(k)]));
  results['eligibility-batch'] = load('eligibility-batch-embedded');
  const eligibilityServer = load('eligibility-batch-server');
  results.compliance = load('compliance-embedded');
  const complianceServer = load('compliance-server');
  results.scoring = load('scoring-embedded');
  const scoringServer = load('scoring-server');
  results.nominations = load('nominations-embedded');
  const nominationsServer = load('nominations-server');
  results.councils = load('councils-embedded');
  const councilsServer = load('councils-server');
  const sections = {
    // The machine table describes one complete run; after a partial one it keeps the published table.
    machine: ALL.every((k) => results[k]) ? machine([...ALL.map((k) => results[k]), eligibilityServer, complianceServer, scoringServer, nominationsServer, councilsServer]) : '_Not run yet._',
    'bench-data': benchData(results['bench-data']),
    'member-search': memberSearch(results['member-search']),
    'member-list-http': http(results['member-list-http']),
    startup: startup(results.startup),
    'member-import': memberImport(results['member-import']),
    'eligibility-batch': eligibilityBatch(results['eligibility-batch'], eligibilityServer),
    compliance: compliance(results.compliance, complianceServer),
    scoring: scoring(results.scoring, scoringServer),
    'evidence-upload': evidenceUpload(results['evidence-upload']),
    nominations: nominations(results.nominations, nominationsServer),
    'nomination-docx': nominationDocx(results['nomination-docx']),
    councils: councils(results.councils, councilsServer),
    decisions: decisions(results.decisions),
    'decision-pdf': decisionPdf(results['decision-pdf']),
    certificates: certificates(results.certificates),
    ceremonies: ceremonies(results.ceremonies),
    complaints: complaints(results.complaints),
    inspections: inspections(results.inspections),
    proposals: proposals(results.proposals),
    stories: stories(results.stories),
    models: models(results.models),
    'public-site': publicSite(results['public-site']),
    dashboard: dashboard(results.dashboard),
    'dashboard-national': dashboardNational(results['dashboard-national']),
    'dashboard-drilldown': dashboardDrilldown(results['dashboard-drilldown']),
    'stat-form': statForm(results['stat-form']),
    reports: reports(results.reports),
    'reports-national': reportsNational(results['reports-national']),
    'report-jobs-national': reportJobsNational(results['report-jobs-national']),
    'load-mix': loadMix(results['load-mix']),
  };
  let doc = readFileSync(DOC, 'utf8');
  for (const [key, body] of Object.entries(sections)) {
    // bench/results is not committed: on a fresh checkout a benchmark not run here keeps its published table.
    if (body === '_Not run yet._') continue;
    const re = new RegExp(`(<!-- bench:${key}:start -->)[\\s\\S]*?(<!-- bench:${key}:end -->)`);
    if (re.test(doc)) doc = doc.replace(re, (_m, a, b) => `${a}\n${body}\n${b}`);
    else console.warn(`BENCHMARKS.md has no markers for ${key}`);
  }
  writeFileSync(DOC, doc);
  console.log('BENCHMARKS.md tables regenerated.');
}
process.exit(failed ? 1 : 0);
