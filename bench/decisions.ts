// Benchmark: the decision document (issue 8) — a commendation decision whose list of
// BENCH_DECISION_ROWS (default 2,000) awardees goes to the annex table, rendered to DOCX as the
// GET /decisions/:id/document.docx handler does (decision-docx.ts), over BENCH_DECISION_RUNS runs
// after a warm-up; also a short decision (12 lines) for scale. No database: the data is what the
// service assembles from one read. Target (issue 8): a decision with a 2,000-row annex in ≤ 5 s.
import JSZip from 'jszip';
import { decisionDocx } from '../src/server/modules/decisions/documents/decision-docx';
import { envInt, writeResult } from './lib/results';
import { summarize } from './lib/stats';
import { decisionData } from './lib/decision-data';

const ROWS = envInt('BENCH_DECISION_ROWS', 2000);
const RUNS = envInt('BENCH_DECISION_RUNS', 5);
const TARGET_SECONDS = 5;


async function main() {
  const startedAt = new Date();
  const big = decisionData(ROWS, 7);
  const small = decisionData(12, 8);
  await decisionDocx(small); // warm-up
  await decisionDocx(big);
  const bigMs: number[] = [];
  const smallMs: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    const buf = await decisionDocx(big);
    bigMs.push(performance.now() - t);
    bytes = buf.length;
    t = performance.now();
    await decisionDocx(small);
    smallMs.push(performance.now() - t);
  }
  // Check the output: the annex table holds every row.
  const xml = await (await JSZip.loadAsync(await decisionDocx(big))).file('word/document.xml')!.async('string');
  const rows = (xml.match(/<w:tr[ >]/g) ?? []).length;
  if (rows < ROWS) throw new Error(`annex has ${rows} rows, expected at least ${ROWS}`);
  const big_ = summarize(bigMs);
  const seconds = Math.round(big_.p50) / 1000;
  console.log(`  decision with a ${ROWS}-row annex: p50 ${seconds} s (max ${Math.round(big_.max) / 1000} s), ${Math.round(bytes / 1024)} KB; 12-line decision p50 ${Math.round(summarize(smallMs).p50)} ms`);
  const file = writeResult('decisions', startedAt, { rows: ROWS, runs: RUNS, big: big_, small: summarize(smallMs), kb: Math.round(bytes / 1024), tableRows: rows, seconds, targetSeconds: TARGET_SECONDS, met: seconds <= TARGET_SECONDS });
  console.log(`→ ${file}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
