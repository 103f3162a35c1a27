// Benchmark: batch eligibility for BENCH_ELIG_MEMBERS (default 100,000) candidates with 10 years of
// records each (ratings, LĐTT/CSTĐCS awards, initiatives, disciplines, pending cases), end to end
// from the database through the server's own batch path (evaluateSubtrees: the set-based facts
// query reading the target's history window, the in-memory engine, the quota, the sort), for
// several targets; beside it, the lower bound: a hand-written SQL query for the simplest chain rule
// (CSTĐCS in both of the last two years).
// Target (issue 3): ≥ 50,000 candidates/s end to end, on the embedded and the server PostgreSQL.
import { sql } from 'drizzle-orm';
import { generateBenchData } from '../src/server/seed/bench-data';
import { generateBenchRecords } from '../src/server/seed/bench-records';
import { loadPersonCandidates } from '../src/server/modules/eligibility/facts.repository';
import { evaluateSubtrees, loadEngineInputs, readingFacts } from '../src/server/modules/eligibility/eligibility.service';
import { historyWindow } from '../src/domain/eligibility';
import { openBenchDatabase, runCleanups } from './lib/database';
import { envInt, writeResult } from './lib/results';

const MEMBERS = envInt('BENCH_ELIG_MEMBERS', 100_000);
const RUNS = envInt('BENCH_ELIG_RUNS', 3);
const YEAR = 2024;
const TARGETS = ['LDTT', 'CSTD_CS', 'BK_TLD', 'CSTD_BO_TINH', 'KNC_CD'];
const TARGET_PER_SECOND = 50_000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const startedAt = new Date();
  const label = process.env.BENCH_DATABASE_URL ? 'server' : 'embedded';
  const database = await openBenchDatabase(`elig_${label}`);
  const { db } = database;
  console.log(`${database.postgres}: generating ${MEMBERS.toLocaleString('en-US')} members…`);
  await generateBenchData(db, { members: MEMBERS, log: (m) => console.log(`  ${m}`) });
  const records = await generateBenchRecords(db, { lastYear: YEAR, years: 10, awardsThroughYear: YEAR - 1, log: (m) => console.log(`  ${m}`) });
  console.log(`records: ${JSON.stringify(records)}`);
  const root = await db.execute<{ path: string }>(sql`select path from organisation where parent_id is null limit 1`);
  const path = root.rows[0]!.path;
  const inputs = await loadEngineInputs(db);
  const referenceDate = `${YEAR}-12-31`;

  const perTarget: Record<string, { candidates: number; fetchMs: number; evaluateMs: number; totalMs: number; perSecond: number; eligible: number }> = {};
  for (const target of TARGETS) {
    const fetches: number[] = [];
    const totals: number[] = [];
    let candidates = 0;
    let eligible = 0;
    for (let run = 0; run < RUNS; run++) {
      // The facts query alone, then the whole server path (facts, evaluation, quota, sort).
      const t0 = performance.now();
      const window = historyWindow(target, referenceDate, inputs.changes, inputs.catalogue);
      await readingFacts(db, (tx) => loadPersonCandidates(tx, { path, year: YEAR, referenceDate, window }));
      const t1 = performance.now();
      const ev = await evaluateSubtrees(db, inputs, [path], { target, year: YEAR, referenceDate }, 'vi');
      const t2 = performance.now();
      fetches.push(t1 - t0);
      totals.push(t2 - t1);
      candidates = ev.items.length;
      eligible = ev.items.filter((i) => i.status === 'ELIGIBLE').length;
    }
    const fetchMs = median(fetches);
    const totalMs = median(totals);
    const evaluateMs = Math.max(0, totalMs - fetchMs);
    perTarget[target] = { candidates, fetchMs: Math.round(fetchMs), evaluateMs: Math.round(evaluateMs), totalMs: Math.round(totalMs), perSecond: Math.round((candidates / totalMs) * 1000), eligible };
    console.log(`${target}: ${candidates} candidates, facts ${fetchMs.toFixed(0)} ms, whole batch ${totalMs.toFixed(0)} ms → ${perTarget[target]!.perSecond.toLocaleString('en-US')}/s; eligible ${eligible}`);
  }

  // Lower bound: the simplest chain rule in one hand-written query, over the last two decided years
  // (awards are decided up to YEAR - 1 in the generated data).
  const sqlTimes: number[] = [];
  let sqlEligible = 0;
  let sqlCandidates = 0;
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    const r = await db.execute<{ id: number; ok: boolean }>(sql`
      select p.id,
             exists (select 1 from award_record a where a.person_id = p.id and a.award_code = 'CSTD_CS' and a.year = ${YEAR - 2} and a.status = 'ACTIVE')
         and exists (select 1 from award_record a where a.person_id = p.id and a.award_code = 'CSTD_CS' and a.year = ${YEAR - 1} and a.status = 'ACTIVE') as ok
      from person p where p.org_path like ${`${path}%`} and p.status = 'ACTIVE'`);
    sqlTimes.push(performance.now() - t0);
    sqlCandidates = r.rows.length;
    sqlEligible = r.rows.filter((x) => x.ok).length;
  }
  const sqlMs = median(sqlTimes);
  console.log(`SQL lower bound (CSTĐCS in ${YEAR - 2} and ${YEAR - 1}): ${sqlCandidates} rows in ${sqlMs.toFixed(0)} ms → ${Math.round((sqlCandidates / sqlMs) * 1000).toLocaleString('en-US')}/s; ${sqlEligible} qualify`);

  const slowest = Math.min(...Object.values(perTarget).map((x) => x.perSecond));
  const file = writeResult(
    `eligibility-batch-${label}`,
    startedAt,
    {
      members: MEMBERS,
      year: YEAR,
      runs: RUNS,
      records,
      targets: perTarget,
      sqlLowerBound: { candidates: sqlCandidates, ms: Math.round(sqlMs), perSecond: Math.round((sqlCandidates / sqlMs) * 1000), qualify: sqlEligible },
      targetPerSecond: TARGET_PER_SECOND,
      met: slowest >= TARGET_PER_SECOND,
    },
    database.postgres,
  );
  console.log(`→ ${file}`);
  await runCleanups();
}

main().catch(async (err) => {
  console.error(err);
  await runCleanups();
  process.exit(1);
});
