// Renders a plan (kế hoạch) as a .docx laid out per Nghị định 30/2020/NĐ-CP (Phụ lục I):
// A4 portrait, Times New Roman, a two-column borderless header (issuing body | national motto),
// "KẾ HOẠCH" + title, basis, body, and a signer block with "Nơi nhận". Column widths are fixed twips
// because LibreOffice ignores percentage widths.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
} from 'docx';

export type PlanDocxBlockKind = 'HEADING_1' | 'HEADING_2' | 'PARAGRAPH' | 'BULLET' | 'QUOTE';

export interface PlanDocxModel {
  /** e.g. "LĐLĐ TỈNH TÂY NINH": printed uppercase, not bold, above the issuing body. */
  parentOrgName: string | null;
  /** e.g. "LĐLĐ HUYỆN DMC": uppercase, bold, with a short rule under it. */
  orgName: string;
  /** "Số: 12/KH-LĐLĐ". */
  numberLine: string;
  /** "Huyện DMC, ngày 05 tháng 3 năm 2024". */
  placeDateLine: string;
  title: string;
  /** One italic paragraph each ("Thực hiện Kế hoạch số 47/KH-LĐLĐ …;"). */
  basis: string[];
  intro: string | null;
  blocks: { kind: PlanDocxBlockKind; text: string }[];
  signer: { onBehalf: string | null; position: string; name: string };
  /** "Nơi nhận" lines ("TT LĐLĐ tỉnh;", "Lưu: VP."). */
  recipients: string[];
  /** Adds a light "DỰ THẢO" marker in the page header. */
  draft: boolean;
}

export const DRAFT_MARKER = 'DỰ THẢO';

const FONT = 'Times New Roman';
export const FONTS = { ascii: FONT, hAnsi: FONT, eastAsia: FONT, cs: FONT } as const;

// Sizes are in half-points.
const PT11 = 22;
export const PT12 = 24;
const PT13 = 26;
export const PT14 = 28;

// Twips (1 mm = 56.7 twips).
export const A4_WIDTH = 11906;
export const A4_HEIGHT = 16838;
export const MARGIN_TOP = 1134; // 20 mm
export const MARGIN_BOTTOM = 1134; // 20 mm
export const MARGIN_LEFT = 1701; // 30 mm
export const MARGIN_RIGHT = 1134; // 20 mm
export const TEXT_WIDTH = A4_WIDTH - MARGIN_LEFT - MARGIN_RIGHT; // 9071
const FIRST_LINE_INDENT = 567; // 1 cm
export const AFTER_6PT = 120;

const HEADER_LEFT = 3628; // ≈ 40 %
const HEADER_RIGHT = TEXT_WIDTH - HEADER_LEFT;
const SIGN_LEFT = 4252;
const SIGN_RIGHT = TEXT_WIDTH - SIGN_LEFT;

const RULE = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } as const;

const nfc = (s: string): string => s.normalize('NFC');
const upper = (s: string): string => nfc(s).toLocaleUpperCase('vi-VN');

export function run(text: string, opts: Omit<IRunOptions, 'text'> = {}): TextRun {
  return new TextRun({ ...opts, text: nfc(text) });
}

export function para(children: IParagraphOptions['children'], opts: Omit<IParagraphOptions, 'children'> = {}): Paragraph {
  return new Paragraph({ ...opts, children });
}

/**
 * A short horizontal rule of `ruleWidth` twips, centred in `width`: an empty paragraph of small exact
 * height whose bottom border is shortened by indents (so the text above keeps its full width).
 */
export function rule(width: number, ruleWidth: number, after = 0): Paragraph {
  const side = Math.max(0, Math.round((width - ruleWidth) / 2));
  return para([], {
    alignment: AlignmentType.CENTER,
    border: { bottom: RULE },
    indent: { left: side, right: side, firstLine: 0 },
    spacing: { before: 0, after, line: 60, lineRule: LineRuleType.EXACT },
    run: { size: 2 },
  });
}

export const centred = (children: TextRun[], after = 0): Paragraph =>
  para(children, { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { before: 0, after } });

export function cell(width: number, children: Paragraph[]): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.TOP,
    margins: { left: 57, right: 57, top: 0, bottom: 0 },
    children,
  });
}

function borderlessTable(widths: [number, number], left: Paragraph[], right: Paragraph[]): Table {
  return new Table({
    width: { size: widths[0] + widths[1], type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [new TableRow({ cantSplit: true, children: [cell(widths[0], left), cell(widths[1], right)] })],
  });
}

export function headerTable(m: PlanDocxModel): Table {
  const left: Paragraph[] = [];
  if (m.parentOrgName?.trim()) left.push(centred([run(upper(m.parentOrgName), { size: PT13 })]));
  left.push(centred([run(upper(m.orgName), { bold: true, size: PT13 })]));
  left.push(rule(HEADER_LEFT, 1134, 120));
  left.push(centred([run(m.numberLine, { size: PT13 })]));

  const right: Paragraph[] = [
    centred([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: PT13 })]),
    centred([run('Độc lập - Tự do - Hạnh phúc', { bold: true, size: PT14 })]),
    rule(HEADER_RIGHT, 3402, 120),
    centred([run(m.placeDateLine, { italics: true, size: PT14 })]),
  ];
  return borderlessTable([HEADER_LEFT, HEADER_RIGHT], left, right);
}

export const body = (children: TextRun[], opts: Omit<IParagraphOptions, 'children'> = {}): Paragraph =>
  para(children, {
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE_INDENT },
    spacing: { before: 0, after: AFTER_6PT },
    ...opts,
  });

/** "- text", whether or not the stored text already starts with a dash. */
export function bulletText(text: string): string {
  const t = nfc(text).trim();
  return /^[-–•]\s/.test(t) ? `- ${t.slice(1).trimStart()}` : `- ${t}`;
}

/** The theme in curly quotes, unless it already has them. */
export function quoteText(text: string): string {
  const t = nfc(text).trim();
  return /^["“«]/.test(t) ? t : `“${t}”`;
}

function blockParagraph(b: PlanDocxModel['blocks'][number]): Paragraph {
  switch (b.kind) {
    case 'HEADING_1':
      return body([run(b.text.trim(), { bold: true })], { keepNext: true, spacing: { before: 120, after: AFTER_6PT } });
    case 'HEADING_2':
      return body([run(b.text.trim(), { bold: true })], { keepNext: true });
    case 'BULLET':
      return body([run(bulletText(b.text))]);
    case 'QUOTE':
      return para([run(quoteText(b.text), { bold: true, italics: true })], {
        alignment: AlignmentType.CENTER,
        indent: { firstLine: 0 },
        spacing: { before: 0, after: AFTER_6PT },
      });
    case 'PARAGRAPH':
      return body([run(b.text.trim())]);
  }
}

export function signerTable(m: PlanDocxModel): Table {
  const left: Paragraph[] = [
    para([run('Nơi nhận:', { bold: true, italics: true, size: PT12 })], { indent: { firstLine: 0 }, spacing: { before: 0, after: 0 } }),
    ...m.recipients
      .filter((r) => r.trim() !== '')
      .map((r) => para([run(bulletText(r), { size: PT11 })], { indent: { firstLine: 0 }, spacing: { before: 0, after: 0 } })),
  ];
  const right: Paragraph[] = [];
  if (m.signer.onBehalf?.trim()) right.push(centred([run(upper(m.signer.onBehalf), { bold: true })]));
  right.push(centred([run(upper(m.signer.position), { bold: true })]));
  // Room for the signature and the seal.
  for (let i = 0; i < 4; i++) right.push(centred([]));
  right.push(centred([run(m.signer.name.trim(), { bold: true })]));
  return borderlessTable([SIGN_LEFT, SIGN_RIGHT], left, right);
}

export function pageHeaders(draft: boolean): { default: Header; first: Header } {
  const marker = (): Paragraph =>
    para([run(DRAFT_MARKER, { bold: true, size: PT12, color: 'A6A6A6' })], {
      alignment: AlignmentType.RIGHT,
      indent: { firstLine: 0 },
      spacing: { before: 0, after: 0 },
    });
  const pageNumber = para([new TextRun({ children: [PageNumber.CURRENT], size: PT13 })], {
    alignment: AlignmentType.CENTER,
    indent: { firstLine: 0 },
    spacing: { before: 0, after: 0 },
  });
  return {
    // The page number is not shown on the first page (Nghị định 30/2020).
    first: new Header({ children: draft ? [marker()] : [para([])] }),
    default: new Header({ children: draft ? [marker(), pageNumber] : [pageNumber] }),
  };
}

export async function renderPlanDocx(m: PlanDocxModel): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [headerTable(m)];

  children.push(
    para([run('KẾ HOẠCH', { bold: true, size: PT14 })], {
      alignment: AlignmentType.CENTER,
      indent: { firstLine: 0 },
      spacing: { before: 360, after: 0 },
    }),
  );
  children.push(centred([run(m.title.trim(), { bold: true, size: PT14 })]));
  children.push(rule(TEXT_WIDTH, 1701, 240));

  for (const b of m.basis) if (b.trim()) children.push(body([run(b.trim(), { italics: true })]));
  if (m.intro?.trim()) children.push(body([run(m.intro.trim())]));
  for (const b of m.blocks) children.push(blockParagraph(b));

  children.push(para([], { spacing: { before: 0, after: 0 } }));
  children.push(signerTable(m));

  const doc = new Document({
    creator: 'Vinh Danh',
    title: nfc(`Kế hoạch: ${m.title.trim()}`),
    styles: {
      default: {
        document: {
          run: { font: FONTS, size: PT14, language: { value: 'vi-VN' } },
          paragraph: { spacing: { before: 0, after: AFTER_6PT } },
        },
      },
    },
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
