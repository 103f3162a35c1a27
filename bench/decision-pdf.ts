// Benchmark: the decision as a PDF (issue 8) — the commendation decision of bench/decisions.ts whose
// BENCH_DECISION_ROWS (default 2,000) awardees go to the annex table, rendered to PDF as
// renderDecisionPdf does (decision-pdf.ts: pdfkit, Tinos embedded, the table header repeated on
// every page), over BENCH_DECISION_PDF_RUNS runs after a warm-up; also a short decision (12 lines)
// for scale. No database. The output is read back with pdf.js: the last page holds the last row and
// the total. Target (issue 8): a decision with a 2,000-row annex in ≤ 5 s.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { decisionPdf } from '../src/server/modules/decisions/documents/decision-pdf';
import { envInt, writeResult } from './lib/results';
import { summarize } from './lib/stats';
import { decisionData } from './lib/decision-data';

const ROWS = envInt('BENCH_DECISION_ROWS', 2000);
const RUNS = envInt('BENCH_DECISION_PDF_RUNS', 5);
const TARGET_SECONDS = 5;


/** The page count and the last page's text, read back with pdf.js. */
async function readBack(buf: Buffer): Promise<{ pages: number; lastPage: string }> {
  const pdf = await getDocument({ data: new Uint8Array(buf), isEvalSupported: false }).promise;
  const page = await pdf.getPage(pdf.numPages);
  const lastPage = (await page.getTextContent()).items.map((it) => ('str' in it ? it.str : '')).join(' ');
  const pages = pdf.numPages;
  await pdf.destroy();
  return { pages, lastPage: lastPage.normalize('NFC').replace(/\s+/g, ' ') };
}

async function main() {
  const startedAt = new Date();
  const big = decisionData(ROWS, 7);
  const small = decisionData(12, 8);
  await decisionPdf(small); // warm-up (fonts read, code compiled)
  await decisionPdf(big);
  const bigMs: number[] = [];
  const smallMs: number[] = [];
  let buf: Buffer | null = null;
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    buf = await decisionPdf(big);
    bigMs.push(performance.now() - t);
    t = performance.now();
    await decisionPdf(small);
    smallMs.push(performance.now() - t);
  }
  if (!buf) throw new Error('no run');
  // Check the output: the last page ends the annex with the last row and the total.
  const { pages, lastPage } = await readBack(buf);
  const total = (759_000 * ROWS).toLocaleString('de-DE');
  if (!lastPage.includes(`${ROWS} `) || !lastPage.includes(`Cộng ${total}`)) throw new Error(`the last page lacks row ${ROWS} or the total ${total}: ${lastPage.slice(-200)}`);
  const big_ = summarize(bigMs);
  const seconds = Math.round(big_.p50) / 1000;
  const kb = Math.round(buf.length / 1024);
  console.log(`  decision PDF with a ${ROWS}-row annex: p50 ${seconds} s (max ${Math.round(big_.max) / 1000} s), ${pages} pages, ${kb} KB; 12-line decision p50 ${Math.round(summarize(smallMs).p50)} ms`);
  const file = writeResult('decision-pdf', startedAt, { rows: ROWS, runs: RUNS, big: big_, small: summarize(smallMs), kb, pages, seconds, targetSeconds: TARGET_SECONDS, met: seconds <= TARGET_SECONDS });
  console.log(`→ ${file}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
