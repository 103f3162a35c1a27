// Benchmark: the decision document (issue 8) — a commendation decision whose list of
// BENCH_DECISION_ROWS (default 2,000) awardees goes to the annex table, rendered to DOCX as the
// GET /decisions/:id/document.docx handler does (decision-docx.ts), over BENCH_DECISION_RUNS runs
// after a warm-up; also a short decision (12 lines) for scale. No database: the data is what the
// service assembles from one read. Target (issue 8): a decision with a 2,000-row annex in ≤ 5 s.
import JSZip from 'jszip';
import { decisionDocx } from '../src/server/modules/decisions/documents/decision-docx';
import type { DecisionDocData } from '../src/server/modules/decisions/documents/decision-data';
import { envInt, writeResult } from './lib/results';
import { prng, summarize } from './lib/stats';

const ROWS = envInt('BENCH_DECISION_ROWS', 2000);
const RUNS = envInt('BENCH_DECISION_RUNS', 5);
const TARGET_SECONDS = 5;

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const MIDDLE = ['Thị', 'Văn', 'Hữu', 'Thị Ngọc', 'Minh', 'Đức', 'Thanh'];
const GIVEN = ['Ánh', 'Hường', 'Lan', 'Bình', 'Dũng', 'Việt', 'Phúc', 'Nghĩa', 'Yến', 'Thảo'];

function data(rows: number, seed: number): DecisionDocData {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
  const lines = Array.from({ length: rows }, (_, i) => ({ name: `${pick(SURNAMES)} ${pick(MIDDLE)} ${pick(GIVEN)}`, unit: `Công đoàn cơ sở số ${(i % 120) + 1}`, amountVnd: 759_000 }));
  return {
    superiorOrgName: 'Liên đoàn Lao động tỉnh Tây Ninh',
    issuerName: 'Liên đoàn Lao động huyện Dương Minh Châu',
    numberLine: 'Số: 05/QĐ-LĐLĐ',
    placeDateLine: 'Dương Minh Châu, ngày 05 tháng 02 năm 2027',
    isDraft: false,
    authorityLine: 'BAN CHẤP HÀNH LIÊN ĐOÀN LAO ĐỘNG HUYỆN DƯƠNG MINH CHÂU',
    subject: 'Về việc khen thưởng tổng kết phong trào thi đua năm 2026',
    basis: ['Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;', 'Căn cứ Điều lệ Công đoàn Việt Nam;', 'Xét đề nghị của Thường trực Hội đồng Thi đua – Khen thưởng.'],
    articles: {
      awards: [{ awardName: 'Lao động tiên tiến', subjectKind: 'INDIVIDUAL', achievement: 'Đã hoàn thành tốt nhiệm vụ năm 2026', lines }],
      money: { baseSalaryVnd: 2_530_000, baseSalarySource: 'Nghị định 161/2026/NĐ-CP', roundingText: 'Tiền thưởng tính đúng theo hệ số, không làm tròn.', totalVnd: 759_000 * rows, fundName: 'quỹ thi đua – khen thưởng' },
      execution: 'Chánh Văn phòng và các cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.',
    },
    annexThreshold: 10,
    signer: { onBehalf: 'TM. BAN THƯỜNG VỤ', title: 'CHỦ TỊCH', name: 'Nguyễn Thị Thúy' },
    recipients: ['- Như Điều 3;', '- Lưu: VT, TĐKT.'],
  };
}

async function main() {
  const startedAt = new Date();
  const big = data(ROWS, 7);
  const small = data(12, 8);
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
