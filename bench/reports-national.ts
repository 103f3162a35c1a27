// Benchmark: the report pages at national scale (issue 10: p95 ≤ 500 ms for the national root and
// ≤ 200 ms for a province, for every dashboard and report page). On the national dataset
// (bench/lib/national.ts: BENCH_NATIONAL_DB=postgres://…/vd_national measured as is, or a small one
// generated here), through the real application (Fastify inject) as the system administrator
// `bench.national` of the TLĐ — created when missing; it, its sessions and the built-in form templates
// the application adds on first use are the only rows written — for the national root and the
// largest province:
// - the annual summary .docx (GET /reports/annual-summary.docx) and the built-in results form BM01-KT
//   as .xlsx (GET /report-templates/:id/render.xlsx), BENCH_NATIONAL_REPORT_RUNS (default 20) times
//   each after a warm-up;
// - beside them, in-process, the figures alone (dashboardFigures, from the rollups) and each document
//   rendered alone from those figures, which tells the queries from the rendering; and once the
//   figures from the base tables, which the documents read until 2026-11-27 (a minute at the root);
// and the drill-down list behind "people awarded 3 years in a row or more" in the largest province
// (GET /dashboard/records, 25 a page): page 1 cold (the process's first request) and warm, and page 100.
import { sql } from 'drizzle-orm';
import type { Db } from '../src/server/db/client';
import { dashboardFigures } from '../src/server/modules/dashboard/dashboard.service';
import { rollupSource } from '../src/server/modules/dashboard/dashboard.rollup';
import { todayInVietnam } from '../src/server/modules/imports/xlsx/validate-member-row';
import { orgHeader } from '../src/server/modules/reports/annual-summary.service';
import { renderAnnualSummaryDocx } from '../src/server/modules/reports/annual-summary-docx';
import { readLayout } from '../src/server/modules/report-templates/report-templates.service';
import { renderStatFormXlsx } from '../src/server/modules/report-templates/stat-form-xlsx';
import { createUser, loginAs } from '../test/factories';
import { runBench } from './lib/database';
import { benchApp } from './lib/http-app';
import { adminActorAt, nationalScopes, openNationalDatabase, type Scope } from './lib/national';
import { envInt, writeResult } from './lib/results';
import { measure, timed, type Summary } from './lib/stats';

const RUNS = envInt('BENCH_NATIONAL_REPORT_RUNS', 20);
const YEAR = 2025;
const TARGET = { national: 500, province: 200 };
const USER = 'bench.national';
const PAGE_SIZE = 25;
const DEEP_PAGE = 100;

async function ensureAdmin(db: Db, root: Scope): Promise<void> {
  const found = await db.execute(sql`select 1 from app_user where username = ${USER}`);
  if (found.rows.length === 0) await createUser(db, USER, [{ role: 'SYSTEM_ADMIN', org: { id: root.id, path: root.path, code: 'TLD' } }]);
}

interface ScopeResult {
  name: string;
  docx: Summary;
  xlsx: Summary;
  docxBytes: number;
  xlsxBytes: number;
  /** In-process: the figures alone, and each document rendered from figures already computed. */
  figures: Summary;
  /** The figures from the base tables, once: what the documents read until 2026-11-27. */
  baseFiguresMs: number;
  docxRender: Summary;
  xlsxRender: Summary;
}

async function main() {
  const startedAt = new Date();
  const { database, postgres, generation } = await openNationalDatabase('reports_national', YEAR);
  const { db } = database;
  console.log(`reports-national: ${postgres}; runs ${RUNS}`);
  const { root, province } = await nationalScopes(db, YEAR);
  await ensureAdmin(db, root);
  const { app, call, time } = await benchApp(database, 'reports-national');
  const admin = await loginAs(app, USER);

  // The drill-down first: its page 1 is then the process's first request (a cold connection pool and plan cache).
  const streak = `/dashboard/records?orgId=${province.id}&year=${YEAR}&figure=streak&subject=PERSON&minYears=3&pageSize=${PAGE_SIZE}`;
  let streakTotal = 0;
  const cold = await time(async () => (streakTotal = (await call(admin, 'GET', `${streak}&page=1`)).json<{ total: number }>().total));
  const drilldown = { total: streakTotal, cold, warm: await measure(RUNS, () => call(admin, 'GET', `${streak}&page=1`)), deep: await measure(RUNS, () => call(admin, 'GET', `${streak}&page=${DEEP_PAGE}`)) };
  console.log(`  streak drill-down (${province.name}, ${streakTotal} people): page 1 cold ${cold.toFixed(0)} ms, warm p50 ${drilldown.warm.p50} / p95 ${drilldown.warm.p95} ms; page ${DEEP_PAGE} p50 ${drilldown.deep.p50} / p95 ${drilldown.deep.p95} ms`);

  const forms = (await call(admin, 'GET', `/report-templates?orgId=${root.id}`)).json<{ items: { id: number; code: string }[] }>().items;
  const form = forms.find((i) => i.code === 'BM01-KT')!;
  const layout = readLayout((await call(admin, 'GET', `/report-templates/${form.id}`)).json<{ layout: unknown }>().layout);

  const scopes: Record<string, ScopeResult> = {};
  for (const [key, org] of [['national', root], ['province', province]] as const) {
    const q = `orgId=${org.id}&year=${YEAR}`;
    let docxBytes = 0;
    let xlsxBytes = 0;
    const docx = await measure(RUNS, async () => (docxBytes = (await call(admin, 'GET', `/reports/annual-summary.docx?${q}`)).rawPayload.length));
    const xlsx = await measure(RUNS, async () => (xlsxBytes = (await call(admin, 'GET', `/report-templates/${form.id}/render.xlsx?${q}`)).rawPayload.length));
    const actor = adminActorAt(org);
    const query = { orgId: org.id, year: YEAR };
    const figures = await dashboardFigures(db, actor, 'vi', query, { live: rollupSource });
    const header = await orgHeader(db, org.id);
    scopes[key] = {
      name: org.name, docx, xlsx, docxBytes, xlsxBytes,
      figures: await measure(RUNS, () => dashboardFigures(db, actor, 'vi', query, { live: rollupSource })),
      baseFiguresMs: (await timed(() => dashboardFigures(db, actor, 'vi', query))).ms,
      docxRender: await measure(RUNS, () => renderAnnualSummaryDocx({ figures, org: header, date: todayInVietnam(), frozenAt: null, narrative: {}, signer: {} })),
      xlsxRender: await measure(RUNS, () => renderStatFormXlsx(layout, figures, { orgName: figures.org.name, year: YEAR, locale: 'vi' })),
    };
    const s = scopes[key];
    console.log(`  ${key} (${org.name}): DOCX p50 ${docx.p50} / p95 ${docx.p95} ms (rendering alone p95 ${s.docxRender.p95} ms); XLSX p50 ${xlsx.p50} / p95 ${xlsx.p95} ms (rendering alone p95 ${s.xlsxRender.p95} ms); figures p95 ${s.figures.p95} ms`);
  }

  const met = (['docx', 'xlsx'] as const).every((k) => scopes.national![k].p95 <= TARGET.national && scopes.province![k].p95 <= TARGET.province);
  const file = writeResult('reports-national', startedAt, { year: YEAR, runs: RUNS, generation, target: TARGET, scopes, drilldown: { ...drilldown, province: province.name, pageSize: PAGE_SIZE, deepPage: DEEP_PAGE }, met }, postgres);
  console.log(`→ ${file}`);
}

await runBench(main);
