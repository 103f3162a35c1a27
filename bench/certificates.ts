// Benchmark: printing a whole decision's certificates (issue 8): BENCH_CERTIFICATES (default 1,000)
// personalised Giấy khen — varied Vietnamese names, units and achievement texts from one line to a
// long paragraph that has to shrink — rendered into ONE PDF by renderCertificates, as the batch-print
// request does. No database: the items are what the decisions service reads in one query. Measured
// over BENCH_CERTIFICATE_RUNS runs (after a warm-up): seconds for the whole batch, pages per second,
// file size and bytes per page (the two Tinos faces are embedded once per document). The output is
// checked afterwards with pdfjs (page count, the last recipient's name).
// For comparison, the usual office route: one equivalent certificate as DOCX (docx package)
// converted to PDF by LibreOffice (`soffice --headless --convert-to pdf`), timed per call — only if
// soffice is installed on the machine; otherwise the result records that it was not.
// Target (issue 8): 1,000 certificates in one PDF in ≤ 10 s on the 2-CPU machine.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AlignmentType, Document, Packer, PageOrientation, Paragraph, TextRun } from 'docx';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { renderCertificates, type CertificateData, type CertificateTemplate } from '../src/server/modules/certificates/render/certificate-pdf';
import { envInt, writeResult } from './lib/results';
import { prng, summarize } from './lib/stats';

const COUNT = envInt('BENCH_CERTIFICATES', 1000);
const RUNS = envInt('BENCH_CERTIFICATE_RUNS', 3);
const SOFFICE_RUNS = envInt('BENCH_CERTIFICATE_SOFFICE_RUNS', 3);
const TARGET_SECONDS = 10;

const TEMPLATE: CertificateTemplate = {
  kind: 'GIAY_KHEN',
  issuerLine1: 'LIÊN ĐOÀN LAO ĐỘNG TỈNH TÂY NINH',
  issuerLine2: 'BAN CHẤP HÀNH LIÊN ĐOÀN LAO ĐỘNG HUYỆN DƯƠNG MINH CHÂU',
  accentColor: '#b8860b',
  signerOnBehalf: 'TM. BAN CHẤP HÀNH',
  signerTitle: 'CHỦ TỊCH',
};

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Thị', 'Thị Ngọc', 'Thị Thu', 'Văn', 'Hữu', 'Minh', 'Đức', 'Quốc', 'Thanh', 'Thùy'];
const GIVEN = ['Ánh', 'Hường', 'Lan', 'Nhung', 'Duyên', 'Hà', 'Yến', 'Đức', 'Phúc', 'Hùng', 'Dũng', 'Việt', 'Bình', 'Lộc', 'Thắng', 'Nghĩa'];
const UNITS = ['Công đoàn cơ sở Trường THCS Lê Lợi', 'Công đoàn cơ sở Trường Tiểu học Phước Minh', 'Công đoàn cơ sở Công ty TNHH Phước Đông', 'Công đoàn Bệnh viện Đa khoa huyện', 'Công đoàn cơ sở Ủy ban nhân dân xã Truông Mít', 'Công đoàn cơ sở Công ty CP Cao su Tây Ninh'];
const COLLECTIVES = ['Tổ Công đoàn Khối văn phòng', 'Công đoàn cơ sở Trường Mầm non Họa Mi', 'Tổ Công đoàn Phân xưởng chế biến mủ cao su'];
const ACHIEVEMENTS = [
  'Đã có thành tích xuất sắc trong phong trào thi đua “Lao động giỏi, lao động sáng tạo” năm 2026',
  'Đã có thành tích xuất sắc trong phong trào thi đua “Giỏi việc nước, đảm việc nhà” và các hoạt động do Công đoàn tổ chức năm 2026',
  'Đã có thành tích tiêu biểu trong công tác chăm lo đời sống, bảo vệ quyền, lợi ích hợp pháp, chính đáng của đoàn viên, người lao động; tích cực vận động phát triển đoàn viên, xây dựng tổ chức Công đoàn vững mạnh năm 2026',
];
const LONG = 'Đã có thành tích xuất sắc trong phong trào thi đua “Lao động giỏi, lao động sáng tạo”, có sáng kiến cải tiến quy trình làm việc, tiết kiệm chi phí cho đơn vị trên 120 triệu đồng; tích cực tham gia các hoạt động xã hội, từ thiện; ';

function items(n: number, seed: number): CertificateData[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  return Array.from({ length: n }, (_, i) => {
    const serial = `DMC-2026-${String(i + 1).padStart(6, '0')}`;
    const collective = rnd() < 0.15;
    const long = rnd() < 0.1;
    return {
      serial,
      verifyUrl: `https://vinhdanh.example/verify/${serial}`,
      recipientName: collective ? pick(COLLECTIVES) : `${pick(SURNAMES)} ${pick(MIDDLE)} ${pick(GIVEN)}`,
      recipientUnit: collective ? null : pick(UNITS),
      achievement: long ? LONG.repeat(2 + Math.floor(rnd() * 4)).trim() : pick(ACHIEVEMENTS),
      decisionNumber: '05/QĐ-LĐLĐ',
      decisionDate: '2026-02-05',
      placeName: 'Dương Minh Châu',
      signerName: 'Đặng Văn Bình',
    };
  });
}

/** One certificate as a Word file with the same texts, landscape A4: what an office would convert. */
function certificateDocx(c: CertificateData): Promise<Buffer> {
  const p = (text: string, o: { bold?: boolean; size?: number } = {}) =>
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold: o.bold, size: (o.size ?? 14) * 2, font: 'Times New Roman' })] });
  const doc = new Document({
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE, width: 11906, height: 16838 } } },
        children: [
          p(TEMPLATE.issuerLine1, { size: 13 }),
          p(TEMPLATE.issuerLine2 ?? '', { bold: true, size: 13 }),
          p('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 13 }),
          p('Độc lập - Tự do - Hạnh phúc', { bold: true }),
          p('GIẤY KHEN', { bold: true, size: 40 }),
          p('Tặng', { size: 15 }),
          p(c.recipientName, { bold: true, size: 28 }),
          p(c.recipientUnit ?? ''),
          p(c.achievement, { size: 16 }),
          p(`${c.placeName}, ngày 05 tháng 02 năm 2026`, { size: 13 }),
          p(TEMPLATE.signerOnBehalf, { bold: true, size: 13 }),
          p(TEMPLATE.signerTitle, { bold: true, size: 13 }),
          p(c.signerName, { bold: true }),
          p(`Quyết định số ${c.decisionNumber} ngày 05/02/2026 — Số sổ: ${c.serial}`, { size: 11 }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

async function libreOffice(sample: CertificateData) {
  const probe = spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 60_000 });
  if (probe.error || probe.status !== 0) return { available: false as const, note: 'soffice (LibreOffice) is not installed on this machine; not installed for the benchmark' };
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'vd-bench-cert-'));
  try {
    const docx = path.join(dir, 'certificate.docx');
    await fs.writeFile(docx, await certificateDocx(sample));
    const samples: number[] = [];
    for (let i = 0; i < SOFFICE_RUNS; i++) {
      const profile = `file://${path.join(dir, `profile-${i}`)}`;
      const a = performance.now();
      const r = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { encoding: 'utf8', timeout: 120_000 });
      samples.push(performance.now() - a);
      if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
    }
    const pdf = await fs.stat(path.join(dir, 'certificate.pdf'));
    return { available: true as const, version: probe.stdout.trim(), perCallMs: summarize(samples), pdfKb: Math.round(pdf.size / 102.4) / 10 };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

async function main() {
  const startedAt = new Date();
  const batch = items(COUNT, 20260205);
  console.log(`certificates: ${COUNT} personalised certificates in one PDF, ${RUNS} runs`);
  await renderCertificates(TEMPLATE, items(20, 7)); // warm-up: font parsing, JIT

  const samples: number[] = [];
  let pdf: Buffer = Buffer.alloc(0);
  let peakRssMb = 0;
  for (let i = 0; i < RUNS; i++) {
    const a = performance.now();
    pdf = await renderCertificates(TEMPLATE, batch);
    samples.push(performance.now() - a);
    peakRssMb = Math.max(peakRssMb, Math.round(process.memoryUsage().rss / 1048576));
  }
  const ms = summarize(samples);
  const seconds = Math.round(ms.p50 / 10) / 100;
  const pagesPerSecond = Math.round((COUNT / ms.p50) * 1000);
  const sizeMb = Math.round((pdf.length / 1048576) * 100) / 100;
  const bytesPerPage = Math.round(pdf.length / COUNT);
  const single = await renderCertificates(TEMPLATE, batch.slice(0, 1));

  // A cheap check that what was timed is the real document.
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
  const pages = doc.numPages;
  const last = await (await doc.getPage(pages)).getTextContent();
  const lastText = last.items.map((it) => ('str' in it ? it.str : '')).join(' ');
  await doc.destroy();
  if (pages !== COUNT) throw new Error(`expected ${COUNT} pages, got ${pages}`);
  if (!lastText.includes(batch[COUNT - 1]!.recipientName.split(' ').pop()!)) throw new Error('the last page does not show its recipient');

  console.log(`  ${COUNT} pages: p50 ${seconds} s (min ${Math.round(ms.min) / 1000} s, max ${Math.round(ms.max) / 1000} s), ${pagesPerSecond} pages/s; ${sizeMb} MB (${bytesPerPage} B/page; one certificate alone ${Math.round(single.length / 1024)} KB); peak RSS ${peakRssMb} MB`);

  const office = await libreOffice(batch[0]!);
  if (office.available) console.log(`  LibreOffice ${office.version}: one DOCX → PDF p50 ${office.perCallMs.p50} ms (${office.pdfKb} KB)`);
  else console.log(`  LibreOffice: ${office.note}`);

  const file = writeResult('certificates', startedAt, {
    certificates: COUNT,
    runs: RUNS,
    ms,
    seconds,
    pagesPerSecond,
    sizeMb,
    bytesPerPage,
    singleKb: Math.round(single.length / 102.4) / 10,
    peakRssMb,
    libreOffice: office,
    targetSeconds: TARGET_SECONDS,
    met: seconds <= TARGET_SECONDS,
  });
  console.log(`→ ${file}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
