// Renders a plan (kế hoạch) as a PDF with the same layout as its Word file (plan-docx.ts), per
// Nghị định 30/2020/NĐ-CP: A4 portrait, Tinos (metric-compatible with Times New Roman, full
// Vietnamese coverage) embedded in its three faces, a two-column header (issuing body | national
// motto), "KẾ HOẠCH" + title, basis, body, signer block with "Nơi nhận", and page numbers centred at
// the top from page 2. pdfkit embeds each face as a CID font with a ToUnicode map, so the text
// copies and searches with its diacritics.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { DRAFT_MARKER, bulletText, quoteText, type PlanDocxModel } from './plan-docx';

/** The PDF is drawn from the same model as the Word file, so the two always say the same. */
export type PlanPdfModel = PlanDocxModel;

const require = createRequire(import.meta.url);
const FONT_FILES = {
  regular: '@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf',
  bold: '@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf',
  italic: '@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf',
  boldItalic: '@expo-google-fonts/tinos/700Bold_Italic/Tinos_700Bold_Italic.ttf',
} as const;
type Face = keyof typeof FONT_FILES;

let fontCache: Record<Face, Buffer> | null = null;
function fonts(): Record<Face, Buffer> {
  fontCache ??= Object.fromEntries(Object.entries(FONT_FILES).map(([face, file]) => [face, fs.readFileSync(require.resolve(file))])) as Record<Face, Buffer>;
  return fontCache;
}

// Points (1 mm = 72 / 25.4 pt).
const MM = 72 / 25.4;
const A4: [number, number] = [595.28, 841.89];
const MARGIN = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 20 * MM };
const TEXT_WIDTH = A4[0] - MARGIN.left - MARGIN.right;
const FIRST_LINE_INDENT = 10 * MM;
const AFTER = 6;
/** Page numbers and the draft marker sit in the top margin, 10 mm from the edge (as the Word header). */
const HEADER_Y = 10 * MM;

const HEADER_LEFT = TEXT_WIDTH * 0.4;
const HEADER_RIGHT = TEXT_WIDTH - HEADER_LEFT;
const SIGN_LEFT = 75 * MM;
const SIGN_RIGHT = TEXT_WIDTH - SIGN_LEFT;

const nfc = (s: string): string => s.normalize('NFC');
const upper = (s: string): string => nfc(s).toLocaleUpperCase('vi-VN');

type Doc = PDFKit.PDFDocument;

interface TextStyle {
  face?: Face;
  size?: number;
  align?: 'left' | 'center' | 'right' | 'justify';
  indent?: number;
  after?: number;
}

function write(doc: Doc, text: string, x: number, y: number, width: number, s: TextStyle = {}): number {
  doc.font(s.face ?? 'regular').fontSize(s.size ?? 14);
  doc.text(nfc(text), x, y, { width, align: s.align ?? 'left', indent: s.indent ?? 0, paragraphGap: 0, lineGap: 0 });
  const bottom = doc.y + (s.after ?? 0);
  doc.y = bottom;
  return bottom;
}

function height(doc: Doc, text: string, width: number, s: TextStyle = {}): number {
  doc.font(s.face ?? 'regular').fontSize(s.size ?? 14);
  return doc.heightOfString(nfc(text), { width, indent: s.indent ?? 0, align: s.align ?? 'left' }) + (s.after ?? 0);
}

/** A short horizontal rule of `length` centred in the column starting at `x`. */
function rule(doc: Doc, x: number, columnWidth: number, y: number, length: number): void {
  const start = x + (columnWidth - length) / 2;
  doc.save().lineWidth(0.6).moveTo(start, y).lineTo(start + length, y).stroke().restore();
}

const bottomLimit = (doc: Doc): number => doc.page.height - MARGIN.bottom;

/** Starts a new page when fewer than `needed` points remain (Word's "keep with next"). */
function ensureRoom(doc: Doc, needed: number): void {
  if (doc.y + needed > bottomLimit(doc)) {
    doc.addPage();
    doc.y = MARGIN.top;
  }
}

function header(doc: Doc, m: PlanPdfModel): void {
  const top = MARGIN.top;
  const left = MARGIN.left;
  let y = top;
  if (m.parentOrgName?.trim()) y = write(doc, upper(m.parentOrgName), left, y, HEADER_LEFT, { size: 13, align: 'center' });
  y = write(doc, upper(m.orgName), left, y, HEADER_LEFT, { face: 'bold', size: 13, align: 'center' });
  rule(doc, left, HEADER_LEFT, y + 2, 20 * MM);
  y = write(doc, m.numberLine, left, y + 8, HEADER_LEFT, { size: 13, align: 'center' });
  const leftBottom = y;

  const right = left + HEADER_LEFT;
  y = write(doc, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', right, top, HEADER_RIGHT, { face: 'bold', size: 13, align: 'center' });
  y = write(doc, 'Độc lập - Tự do - Hạnh phúc', right, y, HEADER_RIGHT, { face: 'bold', size: 14, align: 'center' });
  rule(doc, right, HEADER_RIGHT, y + 2, 60 * MM);
  y = write(doc, m.placeDateLine, right, y + 8, HEADER_RIGHT, { face: 'italic', size: 14, align: 'center' });
  doc.y = Math.max(leftBottom, y);
}

function bodyText(doc: Doc, text: string, face: Face = 'regular'): void {
  write(doc, text.trim(), MARGIN.left, doc.y, TEXT_WIDTH, { face, align: 'justify', indent: FIRST_LINE_INDENT, after: AFTER });
}

function block(doc: Doc, b: PlanPdfModel['blocks'][number]): void {
  const text = b.text.trim();
  switch (b.kind) {
    case 'HEADING_1':
    case 'HEADING_2': {
      const style: TextStyle = { face: 'bold', align: 'justify', indent: FIRST_LINE_INDENT, after: AFTER };
      if (b.kind === 'HEADING_1') doc.y += 6;
      // A heading is never the last line of a page: keep it with two lines of what follows.
      ensureRoom(doc, height(doc, text, TEXT_WIDTH, style) + 2 * doc.currentLineHeight(true));
      write(doc, text, MARGIN.left, doc.y, TEXT_WIDTH, style);
      return;
    }
    case 'BULLET':
      bodyText(doc, bulletText(text));
      return;
    case 'QUOTE':
      write(doc, quoteText(text), MARGIN.left, doc.y, TEXT_WIDTH, { face: 'boldItalic', align: 'center', after: AFTER });
      return;
    case 'PARAGRAPH':
      bodyText(doc, text);
  }
}

function signerLayout(doc: Doc, m: PlanPdfModel) {
  const recipients = m.recipients.filter((r) => r.trim() !== '').map(bulletText);
  const signerLines: { text: string; gapBefore: number }[] = [];
  if (m.signer.onBehalf?.trim()) signerLines.push({ text: upper(m.signer.onBehalf), gapBefore: 0 });
  signerLines.push({ text: upper(m.signer.position), gapBefore: 0 });
  signerLines.push({ text: m.signer.name.trim(), gapBefore: 4 * 16 });
  const rightHeight = signerLines.reduce((sum, l) => sum + l.gapBefore + height(doc, l.text, SIGN_RIGHT, { face: 'bold', align: 'center' }), 0);
  const leftHeight =
    height(doc, 'Nơi nhận:', SIGN_LEFT, { face: 'boldItalic', size: 12 }) + recipients.reduce((sum, r) => sum + height(doc, r, SIGN_LEFT, { size: 11 }), 0);
  return { recipients, signerLines, height: SIGNER_GAP + Math.max(rightHeight, leftHeight) };
}

const SIGNER_GAP = 8;

/** Signer on the right (TM. …, position, room for the signature and seal, name); "Nơi nhận" on the left. */
function signerBlock(doc: Doc, m: PlanPdfModel): void {
  const { recipients, signerLines, height: needed } = signerLayout(doc, m);
  // The block is not split across pages, like the Word table row (cantSplit).
  ensureRoom(doc, needed);
  doc.y += SIGNER_GAP;

  const top = doc.y;
  const right = MARGIN.left + SIGN_LEFT;
  let y = top;
  for (const l of signerLines) y = write(doc, l.text, right, y + l.gapBefore, SIGN_RIGHT, { face: 'bold', align: 'center' });
  const rightBottom = y;

  y = write(doc, 'Nơi nhận:', MARGIN.left, top, SIGN_LEFT, { face: 'boldItalic', size: 12 });
  for (const r of recipients) y = write(doc, r, MARGIN.left, y, SIGN_LEFT, { size: 11 });
  doc.y = Math.max(rightBottom, y);
}

/** Page numbers (from page 2) and the draft marker, drawn once every page exists. */
function pageMarks(doc: Doc, draft: boolean): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing in the margin must not push text onto a new page.
    const margins = doc.page.margins;
    doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    if (i > range.start) write(doc, String(i - range.start + 1), MARGIN.left, HEADER_Y, TEXT_WIDTH, { size: 13, align: 'center' });
    if (draft) {
      doc.fillColor('#A6A6A6');
      write(doc, DRAFT_MARKER, MARGIN.left, HEADER_Y, TEXT_WIDTH, { face: 'bold', size: 12, align: 'right' });
      doc.fillColor('black');
    }
    doc.page.margins = margins;
  }
}

export function renderPlanPdf(m: PlanPdfModel): Promise<Buffer> {
  const doc = new PDFDocument({
    size: A4,
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: true,
    lang: 'vi-VN',
    displayTitle: true,
    info: { Title: nfc(`Kế hoạch: ${m.title.trim()}`), Author: nfc(m.orgName), Creator: 'Vinh Danh', Producer: 'Vinh Danh' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const [face, data] of Object.entries(fonts())) doc.registerFont(face, data);

  header(doc, m);
  doc.y += 18;
  write(doc, 'KẾ HOẠCH', MARGIN.left, doc.y, TEXT_WIDTH, { face: 'bold', align: 'center' });
  const titleBottom = write(doc, m.title.trim(), MARGIN.left, doc.y, TEXT_WIDTH, { face: 'bold', align: 'center' });
  rule(doc, MARGIN.left, TEXT_WIDTH, titleBottom + 2, 30 * MM);
  doc.y = titleBottom + 14;

  for (const b of m.basis) if (b.trim()) bodyText(doc, b, 'italic');
  if (m.intro?.trim()) bodyText(doc, m.intro);
  m.blocks.forEach((b, i) => {
    // The closing paragraph goes with the signer: a signature never stands alone on the last page.
    if (i === m.blocks.length - 1 && b.kind === 'PARAGRAPH') {
      ensureRoom(doc, height(doc, b.text.trim(), TEXT_WIDTH, { align: 'justify', indent: FIRST_LINE_INDENT, after: AFTER }) + signerLayout(doc, m).height);
    }
    block(doc, b);
  });
  signerBlock(doc, m);
  pageMarks(doc, m.draft);
  doc.end();
  return done;
}
