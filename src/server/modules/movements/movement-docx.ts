// Báo cáo sơ kết / tổng kết of a movement as a .docx, in the Nghị định 30/2020 layout of plans
// (same header, signer block and page set-up): the movement, its criteria, its steps, and the
// figures of its registration request and of the registrations under it.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageOrientation,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  WidthType,
  type Paragraph,
} from 'docx';
import {
  A4_HEIGHT,
  A4_WIDTH,
  AFTER_6PT,
  FONTS,
  MARGIN_BOTTOM,
  MARGIN_LEFT,
  MARGIN_RIGHT,
  MARGIN_TOP,
  PT12,
  PT14,
  TEXT_WIDTH,
  body,
  centred,
  headerTable,
  pageHeaders,
  para,
  rule,
  run,
  signerTable,
  type PlanDocxModel,
} from '../plans/plan-docx';
import type { MovementDetailDto } from '../../../contracts/movements';

export interface MovementReportModel {
  header: Pick<PlanDocxModel, 'parentOrgName' | 'orgName' | 'numberLine' | 'placeDateLine'>;
  /** "BÁO CÁO SƠ KẾT" while under way, "BÁO CÁO TỔNG KẾT" once reviewed at the end. */
  heading: string;
  movement: MovementDetailDto;
  kindLabel: string;
  statusLabels: Record<string, string>;
  signer: PlanDocxModel['signer'];
  recipients: string[];
  draft: boolean;
}

const vnDate = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

/** A bordered table of figures; the first row is the header. */
function figuresTable(rows: string[][], widths: number[]): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
    rows: rows.map(
      (r, i) =>
        new TableRow({
          tableHeader: i === 0,
          cantSplit: true,
          children: r.map(
            (text, j) =>
              new TableCell({
                width: { size: widths[j]!, type: WidthType.DXA },
                margins: { left: 57, right: 57, top: 20, bottom: 20 },
                children: [para([run(text, { bold: i === 0, size: PT12 })], { alignment: j === 0 ? AlignmentType.LEFT : AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { before: 0, after: 0 } })],
              }),
          ),
        }),
    ),
  });
}

const heading1 = (text: string) => body([run(text, { bold: true })], { keepNext: true, spacing: { before: 120, after: AFTER_6PT } });

export async function renderMovementReport(m: MovementReportModel): Promise<Buffer> {
  const mv = m.movement;
  const children: (Paragraph | Table)[] = [headerTable({ ...m.header, title: '', basis: [], intro: null, blocks: [], signer: m.signer, recipients: m.recipients, draft: m.draft })];
  children.push(para([run(m.heading, { bold: true, size: PT14 })], { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { before: 360, after: 0 } }));
  children.push(centred([run(`Phong trào thi đua “${mv.title}”`, { bold: true, size: PT14 })]));
  children.push(rule(TEXT_WIDTH, 1701, 240));

  children.push(heading1('I. KHÁI QUÁT PHONG TRÀO'));
  children.push(body([run(`Hình thức: ${m.kindLabel}. Thời gian thực hiện: từ ngày ${vnDate(mv.startsOn)} đến ngày ${vnDate(mv.endsOn)}.`)]));
  if (mv.slogan) children.push(body([run(`Chủ đề: “${mv.slogan}”.`)]));
  if (mv.participants) children.push(body([run(`Đối tượng tham gia: ${mv.participants}.`)]));
  for (const p of mv.content.split(/\n+/).map((s) => s.trim()).filter(Boolean)) children.push(body([run(p)]));

  children.push(heading1('II. TIÊU CHÍ THI ĐUA'));
  if (mv.criteria.length === 0) children.push(body([run('Chưa có tiêu chí.')]));
  else
    children.push(
      figuresTable(
        [['Tiêu chí', 'Cách đo', 'Chỉ tiêu'], ...mv.criteria.map((c, i) => [`${i + 1}. ${c.text}`, c.measure, c.target])],
        [4771, 2700, 1600],
      ),
    );

  children.push(heading1('III. KẾT QUẢ TRIỂN KHAI'));
  children.push(body([run('1. Các bước đã thực hiện', { bold: true })], { keepNext: true }));
  for (const s of mv.steps) {
    const note = s.note ? `: ${s.note}` : '';
    children.push(body([run(`- Ngày ${vnDate(s.onDate)}: ${m.statusLabels[s.toStatus] ?? s.toStatus}${note}`)]));
  }
  children.push(body([run('2. Đơn vị hưởng ứng, đăng ký thi đua', { bold: true })], { keepNext: true }));
  const f = mv.figures;
  if (!f) children.push(body([run('Phong trào không yêu cầu các đơn vị đăng ký.')]));
  else {
    children.push(body([run(`Hạn đăng ký: ngày ${vnDate(f.deadline)}.`)]));
    children.push(
      figuresTable(
        [
          ['Chỉ số', 'Số đơn vị'],
          ['Đơn vị được giao', String(f.asked)],
          ['Đăng ký đúng hạn', String(f.onTime)],
          ['Đăng ký trễ hạn', String(f.late)],
          ['Chưa đăng ký', String(f.missing)],
        ],
        [6071, 3000],
      ),
    );
    children.push(body([run('3. Đăng ký theo danh hiệu, hình thức khen thưởng', { bold: true })], { keepNext: true, spacing: { before: 120, after: AFTER_6PT } }));
    if (f.registrations.length === 0) children.push(body([run('Chưa có đăng ký.')]));
    else
      children.push(
        figuresTable(
          [['Danh hiệu / hình thức', 'Chờ duyệt', 'Đã duyệt', 'Trả lại'], ...f.registrations.map((r) => [r.awardName, String(r.submitted), String(r.approved), String(r.returned)])],
          [4571, 1500, 1500, 1500],
        ),
      );
  }

  children.push(heading1('IV. KHEN THƯỞNG'));
  children.push(body([run('Cấp nào phát động thì cấp đó khen thưởng: ' + mv.orgName + ' xét, khen thưởng các tập thể, cá nhân tiêu biểu trong phong trào với các hình thức:')]));
  if (mv.offeredAwards.length === 0) children.push(body([run('- (chưa xác định hình thức khen thưởng)')]));
  for (const a of mv.offeredAwards) children.push(body([run(`- ${a.name}`)]));

  children.push(para([], { spacing: { before: 0, after: 0 } }));
  children.push(signerTable({ ...m.header, title: '', basis: [], intro: null, blocks: [], signer: m.signer, recipients: m.recipients, draft: m.draft }));

  const doc = new Document({
    creator: 'Vinh Danh',
    title: `${m.heading}: ${mv.title}`.normalize('NFC'),
    styles: { default: { document: { run: { font: FONTS, size: PT14, language: { value: 'vi-VN' } }, paragraph: { spacing: { before: 0, after: AFTER_6PT } } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: A4_WIDTH, height: A4_HEIGHT, orientation: PageOrientation.PORTRAIT },
            margin: { top: MARGIN_TOP, bottom: MARGIN_BOTTOM, left: MARGIN_LEFT, right: MARGIN_RIGHT, header: 567, footer: 567 },
          },
        },
        headers: pageHeaders(m.draft),
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

