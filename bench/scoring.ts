// Benchmark: scoring, classification and ranking of a province (issue 5). BENCH_SCORING_UNITS
// (default 5,000) grassroots unions with one score sheet each in one scoring round, scored on a
// template of 40 criteria (4 sections × 10): 200,000 score entries, generated set-based. Measured:
// the pure part alone (src/domain/scoring evaluateGroup: score every sheet, classify, rank with
// declared tie-breaks) and the whole path the server takes — one set-based query loading every
// sheet's points (verified when present, else the unit's own), then evaluateGroup.
// Target: ≤ 1 s for the province, on the embedded and the server PostgreSQL.
import { sql } from 'drizzle-orm';
import { evaluateGroup, validateTemplate, type GroupSheet, type ScorecardTemplate } from '../src/domain/scoring';
import { openBenchDatabase, runCleanups } from './lib/database';
import { envInt, writeResult } from './lib/results';
import { summarize } from './lib/stats';

const UNITS = envInt('BENCH_SCORING_UNITS', 5_000);
const RUNS = envInt('BENCH_SCORING_RUNS', 20);
const TARGET_MS = 1_000;
const TIE_BREAKS = ['SECTION_TOTAL:S1', 'FEWER_DEDUCTIONS', 'NAME'] as const;

/** 4 regular sections of 10 criteria (2.5 points, steps of 0.25): 100 points, 40 criteria. */
const TEMPLATE: ScorecardTemplate = {
  code: 'BENCH_40',
  version: 1,
  nameVi: 'Mẫu chấm điểm 40 tiêu chí (benchmark)',
  subject: 'UNIT',
  totalPoints: 100,
  sections: [1, 2, 3, 4].map((s) => ({
    code: `S${s}`,
    title: `Nhóm tiêu chí ${s}`,
    kind: 'REGULAR' as const,
    maxPoints: 25,
    criteria: Array.from({ length: 10 }, (_, i) => ({ code: `S${s}.${i + 1}`, text: `Tiêu chí ${s}.${i + 1}`, maxPoints: 2.5, step: 0.25, evidenceRequired: false })),
  })),
};
const CODES = TEMPLATE.sections.flatMap((s) => s.criteria.map((c) => c.code));

async function main() {
  const problems = validateTemplate(TEMPLATE);
  if (problems.length > 0) throw new Error(`invalid template: ${JSON.stringify(problems)}`);
  const startedAt = new Date();
  const label = process.env.BENCH_DATABASE_URL ? 'server' : 'embedded';
  const bdb = await openBenchDatabase(`scoring_${label}`);
  const { db } = bdb;
  console.log(`scoring: ${bdb.postgres}, ${UNITS.toLocaleString('en-US')} units × ${CODES.length} criteria`);
  const t0 = performance.now();

  const round = await db.transaction(async (tx) => {
    await tx.execute(sql`insert into organisation (code, name, kind, path, depth, valid_from) values ('TNI', 'Liên đoàn Lao động tỉnh Tây Ninh', 'LDLD_TINH', '', 1, '2000-01-01')`);
    await tx.execute(sql`update organisation set path = '/' || id || '/', province_root_id = id where code = 'TNI'`);
    await tx.execute(sql`
      insert into organisation (code, name, kind, sector, parent_id, path, depth, valid_from)
      select 'TNI-CS' || g, 'Công đoàn cơ sở số ' || g, 'CDCS', 'TRUONG_HOC', p.id, '', 2, '2000-01-01'
      from organisation p, generate_series(1, ${UNITS}) g where p.code = 'TNI'`);
    await tx.execute(sql`update organisation o set path = p.path || o.id || '/', province_root_id = p.id from organisation p where p.id = o.parent_id and o.kind = 'CDCS'`);
    const template = await tx.execute<{ id: number }>(sql`
      insert into scorecard_template (code, version, name_vi, subject, structure, status, published_at)
      values (${TEMPLATE.code}, 1, ${TEMPLATE.nameVi}, 'UNIT', ${JSON.stringify(TEMPLATE)}::jsonb, 'PUBLISHED', now()) returning id`);
    const r = await tx.execute<{ id: number }>(sql`
      insert into scoring_round (org_id, org_path, year, title, template_id, deadline, tie_breaks, classification, status)
      select id, path, 2024, 'Chấm điểm, xếp loại CĐCS năm 2024', ${template.rows[0]!.id}, '2024-11-30', ${JSON.stringify(TIE_BREAKS)}::jsonb, '{}'::jsonb, 'OPEN'
      from organisation where code = 'TNI' returning id`);
    const roundId = Number(r.rows[0]!.id);
    await tx.execute(sql`
      insert into score_sheet (round_id, org_id, scope_path, variant, status)
      select ${roundId}, id, path, case when id % 2 = 0 then 'STATE' else 'ENTERPRISE' end, 'SUBMITTED' from organisation where kind = 'CDCS'`);
    // Points on the 0.25 grid, most units scoring well (so every class occurs); a third of the
    // sheets verified with some points changed.
    await tx.execute(sql`
      insert into score_entry (sheet_id, criterion_code, self_points, verified_points, verify_reason)
      select s.id, c.code, 2.5 - (hashint8extended(s.id * 100 + c.n, 3) & 2147483647) % (3 + s.id % 5) * 0.25,
             case when s.id % 3 = 0 then 2.5 - (hashint8extended(s.id * 100 + c.n, 5) & 2147483647) % (4 + s.id % 5) * 0.25 end,
             case when s.id % 3 = 0 then 'Điều chỉnh theo minh chứng' end
      from score_sheet s, unnest(${sql.param(CODES)}::text[]) with ordinality as c(code, n)
      where s.round_id = ${roundId}`);
    return roundId;
  });
  await db.execute(sql`vacuum analyze`);
  const generateSeconds = Math.round((performance.now() - t0) / 100) / 10;
  const entries = Number((await db.execute<{ n: number }>(sql`select count(*)::int as n from score_entry`)).rows[0]!.n);
  console.log(`  generated ${entries.toLocaleString('en-US')} entries in ${generateSeconds} s`);

  /** The server's path: one query for every sheet's points, then the pure evaluation. */
  async function load(): Promise<GroupSheet[]> {
    const r = await db.execute<{ id: number; name: string; variant: 'STATE' | 'ENTERPRISE' | null; codes: string[]; points: (number | null)[] }>(sql`
      select s.id, o.name, s.variant, array_agg(e.criterion_code) as codes, array_agg(coalesce(e.verified_points, e.self_points)::float8) as points
      from score_sheet s join organisation o on o.id = s.org_id join score_entry e on e.sheet_id = s.id
      where s.round_id = ${round} group by s.id, o.name, s.variant`);
    return r.rows.map((x) => ({
      id: String(x.id),
      name: x.name,
      variant: x.variant,
      entries: new Map(x.codes.map((c, i) => [c, x.points[i] ?? null])),
    }));
  }

  const sheets = await load();
  // numeric[] comes back from node-postgres as one string: the query casts to float8[]; check it did.
  if (sheets.some((x) => [...x.entries.values()].some((v) => v !== null && !Number.isFinite(v)))) throw new Error('points did not load as numbers');
  if (sheets.length !== UNITS) throw new Error(`loaded ${sheets.length} sheets`);
  for (let i = 0; i < 3; i++) evaluateGroup(TEMPLATE, sheets, undefined, TIE_BREAKS);
  const pure: number[] = [];
  const whole: number[] = [];
  let last = evaluateGroup(TEMPLATE, sheets, undefined, TIE_BREAKS);
  for (let i = 0; i < RUNS; i++) {
    const a = performance.now();
    evaluateGroup(TEMPLATE, sheets, undefined, TIE_BREAKS);
    pure.push(performance.now() - a);
    const b = performance.now();
    const loaded = await load();
    last = evaluateGroup(TEMPLATE, loaded, undefined, TIE_BREAKS);
    whole.push(performance.now() - b);
  }
  const levels: Record<string, number> = {};
  for (const s of last.sheets) levels[s.classification.level] = (levels[s.classification.level] ?? 0) + 1;
  const p = summarize(pure);
  const w = summarize(whole);
  console.log(`  evaluate only: p50 ${p.p50} ms, p95 ${p.p95} ms; load + evaluate: p50 ${w.p50} ms, p95 ${w.p95} ms; ${JSON.stringify(levels)}`);
  const file = writeResult(
    `scoring-${label}`,
    startedAt,
    { units: UNITS, criteria: CODES.length, entries, runs: RUNS, generateSeconds, pure: p, whole: w, levels, targetMs: TARGET_MS, met: w.p95 <= TARGET_MS },
    bdb.postgres,
  );
  console.log(`→ ${file}`);
  await runCleanups();
}

main().catch(async (err) => {
  console.error(err);
  await runCleanups();
  process.exit(1);
});
