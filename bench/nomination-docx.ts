// Benchmark: generating "Báo cáo thành tích" documents (issue 6): BENCH_NOMINATION_DOCS (default
// 500) reports with varied, realistic data — persons and collectives, 0–12 past awards and ratings,
// summaries from empty to several paragraphs, missing values printed as dots — rendered one after
// the other in this process, as a request handler would. Measured: each document's time (p50/p95)
// and documents per second over the whole run, and for comparison the same documents through
// docx's Packer alone (no cached package parts). No database: the model is what the service builds
// from one set-based query. Also the tờ trình of a 60-line batch and its .xlsx list, for scale.
// Target: ≥ 50 reports/s on the 2-CPU machine.
import JSZip from 'jszip';
import { Packer } from 'docx';
import { achievementReportDocument, achievementReportDocx, type AchievementReportModel } from '../src/server/modules/nominations/documents/achievement-report-docx';
import { proposalDocx, type ProposalModel } from '../src/server/modules/nominations/documents/proposal-docx';
import { proposalListXlsx } from '../src/server/modules/nominations/documents/proposal-list-xlsx';
import { envInt, writeResult } from './lib/results';
import { prng, summarize } from './lib/stats';

const DOCS = envInt('BENCH_NOMINATION_DOCS', 500);
const WARMUP = 30;
const PROPOSAL_RUNS = envInt('BENCH_NOMINATION_PROPOSALS', 30);
const PROPOSAL_LINES = 60;
/** Reports also rendered through Packer alone (no cached template), for comparison. */
const REFERENCE_DOCS = Math.min(DOCS, 100);
const TARGET_PER_SECOND = 50;

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE_F = ['Thị', 'Thị Ngọc', 'Thị Thu', 'Ngọc', 'Thị Mỹ', 'Thị Hồng', 'Thùy'];
const MIDDLE_M = ['Văn', 'Hữu', 'Minh', 'Đức', 'Quốc', 'Thanh', 'Công'];
const GIVEN_F = ['Ánh', 'Hương', 'Lan', 'Nhung', 'Duyên', 'Hà', 'Trâm', 'Yến', 'Thảo', 'Ngân', 'Quỳnh'];
const GIVEN_M = ['Đức', 'Phúc', 'Triết', 'Hùng', 'Dũng', 'Khoa', 'Tuấn', 'Lộc', 'Thắng', 'Nghĩa', 'Quân'];
const UNITS = ['Trường THCS Lê Lợi', 'Trường Tiểu học Phước Minh', 'Công ty TNHH Phước Đông', 'Bệnh viện Đa khoa huyện', 'Ủy ban nhân dân xã Truông Mít', 'Công ty CP Cao su Tây Ninh'];
const POSITIONS = ['Giáo viên', 'Tổ trưởng chuyên môn', 'Kế toán', 'Công nhân', 'Điều dưỡng', 'Chủ tịch Công đoàn cơ sở', 'Phó Giám đốc'];
const AWARDS = ['Chiến sĩ thi đua cơ sở', 'Lao động tiên tiến', 'Giấy khen của BCH LĐLĐ huyện', 'Bằng khen của BCH LĐLĐ tỉnh', 'Tập thể lao động xuất sắc'];
const RATINGS = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'];
const SENTENCES = [
  'Hoàn thành xuất sắc nhiệm vụ được giao, chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước.',
  'Tích cực tham gia phong trào thi đua “Giỏi việc nước, đảm việc nhà” và các hoạt động do Công đoàn tổ chức.',
  'Có sáng kiến cải tiến quy trình làm việc, tiết kiệm chi phí cho đơn vị trên 120 triệu đồng.',
  'Tham gia đầy đủ các lớp bồi dưỡng chuyên môn, nghiệp vụ; đạt kết quả loại giỏi.',
  'Vận động được 15 người lao động gia nhập tổ chức Công đoàn; chăm lo đời sống đoàn viên khó khăn.',
];

function models(n: number, seed: number): AchievementReportModel[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const maybe = <T>(p: number, v: T): T | null => (rnd() < p ? v : null);
  const isoDate = (from: number, to: number) => `${from + Math.floor(rnd() * (to - from))}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
  return Array.from({ length: n }, () => {
    const year = 2022 + Math.floor(rnd() * 4);
    const female = rnd() < 0.55;
    const fullName = `${pick(SURNAMES)} ${pick(female ? MIDDLE_F : MIDDLE_M)} ${pick(female ? GIVEN_F : GIVEN_M)}`;
    const unitName = pick(UNITS);
    const isPerson = rnd() < 0.8;
    const paragraphs = Math.floor(rnd() * 6); // 0 → dotted lines to write on
    const history = Math.floor(rnd() * 13);
    return {
      subjectKind: isPerson ? 'PERSON' : 'UNIT',
      parentOrgName: maybe(0.9, 'LĐLĐ huyện Dương Minh Châu'),
      orgName: `Công đoàn cơ sở ${unitName}`,
      placeDateLine: `Huyện DMC, ngày ${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')} tháng 12 năm ${year}`,
      awardName: pick(AWARDS),
      year,
      person: isPerson
        ? {
            fullName,
            gender: female ? 'FEMALE' : 'MALE',
            birthDate: maybe(0.9, isoDate(1965, 2000)),
            position: maybe(0.8, pick(POSITIONS)),
            unitName,
            joinedUnionOn: maybe(0.7, isoDate(1990, 2020)),
            ethnicity: maybe(0.6, rnd() < 0.9 ? 'Kinh' : 'Khmer'),
            educationLevel: maybe(0.5, 'Đại học'),
          }
        : undefined,
      unit: isPerson ? undefined : { name: `Tổ Công đoàn ${unitName}`, address: maybe(0.7, 'Ấp Phước Hòa, xã Phước Minh, huyện Dương Minh Châu, tỉnh Tây Ninh'), memberCount: maybe(0.8, 10 + Math.floor(rnd() * 400)), foundedOn: maybe(0.5, isoDate(1975, 2015)), leaderName: maybe(0.8, fullName) },
      achievementSummary: paragraphs ? Array.from({ length: paragraphs }, () => pick(SENTENCES)).join('\n') : null,
      ratings: Array.from({ length: history }, (_, i) => ({ year: year - i, rating: pick(RATINGS) })),
      awards: Array.from({ length: Math.floor(history / 2) }, (_, i) => ({ year: year - 1 - i, name: pick(AWARDS), decision: maybe(0.7, `Số ${1 + Math.floor(rnd() * 300)}/QĐ-LĐLĐ ngày ${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}/12/${year - 1 - i}`) })),
      initiatives: rnd() < 0.3 ? [{ title: 'Cải tiến quy trình tiếp nhận hồ sơ đoàn viên', recognisedOn: isoDate(2018, 2024), recognisedBy: maybe(0.7, 'Hội đồng sáng kiến cơ sở') }] : [],
      signerTitle: isPerson ? 'NGƯỜI BÁO CÁO' : 'THỦ TRƯỞNG ĐƠN VỊ',
      signerName: maybe(0.8, fullName),
      certifyingOrgName: maybe(0.5, 'Ban Chấp hành Công đoàn cơ sở'),
    };
  });
}

function proposal(seed: number): ProposalModel {
  const ms = models(PROPOSAL_LINES, seed);
  return {
    parentOrgName: 'LĐLĐ tỉnh Tây Ninh',
    orgName: 'LĐLĐ huyện Dương Minh Châu',
    numberLine: 'Số: 12/TTr-LĐLĐ',
    placeDateLine: 'Huyện DMC, ngày 05 tháng 12 năm 2024',
    recipientLine: 'Kính gửi: Ban Thường vụ LĐLĐ tỉnh Tây Ninh',
    subject: 'V/v đề nghị khen thưởng năm 2024',
    basis: ['Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;'],
    intro: 'Ban Thường vụ LĐLĐ huyện kính trình xem xét, khen thưởng như sau:',
    lines: ms.map((m, i) => ({
      order: i + 1,
      subjectName: m.person?.fullName ?? m.unit?.name ?? '',
      subjectKind: m.subjectKind,
      position: m.person?.position ?? null,
      unitName: m.person?.unitName ?? m.orgName,
      awardName: m.awardName,
      eligibilityNote: i % 7 === 0 ? 'Chưa đủ 2 năm hoàn thành xuất sắc nhiệm vụ' : null,
      justification: i % 7 === 0 ? 'Có thành tích đột xuất trong năm' : null,
    })),
    signer: { onBehalf: 'TM. BAN THƯỜNG VỤ', position: 'CHỦ TỊCH', name: 'Đặng Thị Thu Hà' },
    recipients: ['Như trên;', 'Lưu: VP.'],
  };
}

async function main() {
  const startedAt = new Date();
  const inputs = models(DOCS, 20241205);
  const persons = inputs.filter((m) => m.subjectKind === 'PERSON').length;
  console.log(`nomination-docx: ${DOCS} achievement reports (${persons} persons, ${DOCS - persons} collectives)`);

  for (const m of models(WARMUP, 7)) await achievementReportDocx(m);
  const samples: number[] = [];
  let bytes = 0;
  let last: Buffer | null = null;
  const t0 = performance.now();
  for (const m of inputs) {
    const a = performance.now();
    last = await achievementReportDocx(m);
    samples.push(performance.now() - a);
    bytes += last.length;
  }
  const totalMs = performance.now() - t0;
  // A cheap check that what was timed is a real document.
  const doc = last ? await (await JSZip.loadAsync(last)).file('word/document.xml')?.async('string') : undefined;
  if (!doc?.includes('BÁO CÁO THÀNH TÍCH')) throw new Error('the last report has no title');
  const perDoc = summarize(samples);
  const perSecond = Math.round((DOCS / totalMs) * 1000 * 10) / 10;
  const meanKb = Math.round((bytes / DOCS / 1024) * 10) / 10;
  console.log(`  reports: ${perSecond} documents/s; per document p50 ${perDoc.p50} ms, p95 ${perDoc.p95} ms, max ${perDoc.max} ms; mean ${meanKb} KB`);

  // The same reports through Packer.toBuffer alone: what the cached package saves.
  const referenceSamples: number[] = [];
  for (const m of inputs.slice(0, REFERENCE_DOCS)) {
    const a = performance.now();
    await Packer.toBuffer(achievementReportDocument(m));
    referenceSamples.push(performance.now() - a);
  }
  const reference = summarize(referenceSamples);
  const referencePerSecond = Math.round((REFERENCE_DOCS / referenceSamples.reduce((x, y) => x + y, 0)) * 1000 * 10) / 10;
  console.log(`  same reports through Packer alone (first ${REFERENCE_DOCS}): ${referencePerSecond} documents/s; p50 ${reference.p50} ms, p95 ${reference.p95} ms`);

  const proposalSamples: number[] = [];
  const listSamples: number[] = [];
  for (let i = 0; i < PROPOSAL_RUNS + 3; i++) {
    const p = proposal(100 + i);
    const a = performance.now();
    await proposalDocx(p);
    const b = performance.now();
    await proposalListXlsx({ title: 'Danh sách đề nghị khen thưởng năm 2024', lines: p.lines });
    const c = performance.now();
    if (i >= 3) {
      proposalSamples.push(b - a);
      listSamples.push(c - b);
    }
  }
  const proposalMs = summarize(proposalSamples);
  const listMs = summarize(listSamples);
  console.log(`  tờ trình of ${PROPOSAL_LINES} lines: p50 ${proposalMs.p50} ms, p95 ${proposalMs.p95} ms; its .xlsx list: p50 ${listMs.p50} ms, p95 ${listMs.p95} ms`);

  const file = writeResult('nomination-docx', startedAt, {
    documents: DOCS,
    persons,
    totalMs: Math.round(totalMs),
    perSecond,
    perDoc,
    meanKb,
    packerOnly: { documents: REFERENCE_DOCS, perSecond: referencePerSecond, perDoc: reference },
    proposal: { lines: PROPOSAL_LINES, runs: PROPOSAL_RUNS, docx: proposalMs, xlsx: listMs },
    targetPerSecond: TARGET_PER_SECOND,
    met: perSecond >= TARGET_PER_SECOND,
  });
  console.log(`→ ${file}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
