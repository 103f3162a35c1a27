// The commendation decision (quyết định khen thưởng) as a PDF in the Nghị định 30/2020 layout, the
// same document decision-docx.ts writes as .docx and with the same texts (the decisionDocs.*
// labels, the articles, money in words and annex rows come from there): A4 portrait, margins 20 mm
// top and bottom, 30 mm left, 20 mm right; Tinos (metric-compatible with Times New Roman) at 14 pt;
// the superior and issuing body beside the national motto, the number and the place and date;
// QUYẾT ĐỊNH, its subject, the authority, the basis in italics, "QUYẾT ĐỊNH:", Điều 1–3, the signer
// with "Nơi nhận"; page numbers at the top centre from page 2; a "DỰ THẢO" mark on drafts; and —
// when the list is longer than the threshold — an annex on a new page with one bordered table per
// award whose header row repeats on every page the table runs onto. A heading never stays alone at
// the bottom of a page. Pure: no database, no clock (the PDF dates come from the decision's date,
// so the same input gives the same bytes).
import PDFDocument from 'pdfkit';
import { registerTinos, type TinosFace } from '../../../lib/pdf-fonts';
import { bulletText } from '../../plans/plan-docx';
import { docText } from '../../nominations/documents/achievement-report-docx';
import type { DecisionDocData } from './decision-data';
import {
  annexHeading,
  annexReference,
  annexRows,
  clean,
  decisionArticles,
  decisionItems,
  decisionLabel,
  needsAnnex,
  withoutStrayAmounts,
  type DecisionItem,
  type DecisionLocale,
} from './decision-docx';

type Doc = PDFKit.PDFDocument;
type Align = 'left' | 'center' | 'right' | 'justify';

export const MM = 72 / 25.4;
/** A4 portrait, in points. */
export const PAGE = { width: 595.28, height: 841.89 } as const;
/** Nghị định 30/2020: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
export const MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 20 * MM } as const;
const LEFT = MARGINS.left;
const TEXT_WIDTH = PAGE.width - MARGINS.left - MARGINS.right;
const BOTTOM = PAGE.height - MARGINS.bottom;

const SIZE = { body: 14, header: 13, table: 12, recipientsHead: 12, recipients: 11, mark: 12 } as const;
/** Space after a body paragraph (6 pt) and the first-line indent (1 cm), as in the DOCX. */
const AFTER = 6;
const INDENT = 10 * MM;
/** Header columns (≈ 40 % / 60 %) and signer columns, as in the DOCX. */
const HEADER_LEFT = 64 * MM;
const SIGN_LEFT = 75 * MM;
/** Annex columns in points (twips / 20): STT | name | (position,) unit | amount. */
const COLS_MONEY = [34, 150, TEXT_WIDTH - 34 - 150 - 85, 85];
const COLS_PLAIN = [34, 170, TEXT_WIDTH - 34 - 170];
const CELL_PAD = { x: 2.85, y: 2 } as const;

// The fixed wording of the Nghị định 30/2020 layout, in Vietnamese whatever the locale (as the DOCX prints it).
const NATION = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
const RECIPIENTS = 'Nơi nhận:';

const upper = (s: string | null | undefined): string => clean(s).toLocaleUpperCase('vi-VN');

interface TextStyle {
  face?: TinosFace;
  size?: number;
  align?: Align;
  /** First-line indent. */
  indent?: number;
  x?: number;
  width?: number;
  color?: string;
}

/** The body text flow: a cursor that moves down the page and onto new pages. */
class Flow {
  constructor(readonly doc: Doc) {}

  get y(): number {
    return this.doc.y;
  }

  set y(v: number) {
    this.doc.y = v;
  }

  room(): number {
    return BOTTOM - this.doc.y;
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.x = LEFT;
    this.doc.y = MARGINS.top;
  }

  /** Starts a new page unless `height` fits in what is left of this one. */
  keep(height: number): void {
    if (height > this.room() && this.doc.y > MARGINS.top + 0.5) this.newPage();
  }

  private style(s: TextStyle): void {
    this.doc.font(s.face ?? 'regular').fontSize(s.size ?? SIZE.body).fillColor(s.color ?? '#000000');
  }

  lineHeight(s: TextStyle = {}): number {
    this.style(s);
    return this.doc.currentLineHeight(true);
  }

  height(text: string, s: TextStyle = {}): number {
    if (!text) return this.lineHeight(s);
    this.style(s);
    return this.doc.heightOfString(text, { width: s.width ?? TEXT_WIDTH, align: s.align ?? 'left', indent: s.indent ?? 0, lineGap: 0, paragraphGap: 0 });
  }

  /** Writes a paragraph at the cursor (or at `y`) and answers the y below it; long paragraphs run onto the next page. */
  text(text: string, s: TextStyle = {}, y = this.doc.y): number {
    if (!text) return y + this.lineHeight(s);
    this.style(s);
    this.doc.text(text, s.x ?? LEFT, y, { width: s.width ?? TEXT_WIDTH, align: s.align ?? 'left', indent: s.indent ?? 0, lineGap: 0, paragraphGap: 0 });
    return this.doc.y;
  }

  /**
   * A body paragraph (justified, first-line indent, 6 pt after), optionally led by a bold run
   * ("Điều 1."). It moves to the next page rather than leave a single line behind.
   */
  paragraph(text: string, s: TextStyle & { lead?: string; after?: number; before?: number } = {}): void {
    const face = s.face ?? 'regular';
    const whole = s.lead ? `${s.lead} ${text}` : text;
    if (s.before) this.y = this.y + s.before;
    const line = this.lineHeight({ face });
    const h = this.height(whole, { face: s.lead ? 'bold' : face, align: 'justify', indent: INDENT });
    if (this.room() < Math.min(h, 2 * line) + 0.5) this.newPage();
    const opts = { width: TEXT_WIDTH, align: 'justify' as const, indent: INDENT, lineGap: 0, paragraphGap: 0 };
    if (s.lead) {
      this.style({ face: 'bold' });
      this.doc.text(`${s.lead} `, LEFT, this.y, { ...opts, continued: true });
      this.style({ face });
      this.doc.text(text, opts);
    } else {
      this.style({ face });
      this.doc.text(text, LEFT, this.y, opts);
    }
    this.y = this.y + (s.after ?? AFTER);
  }

  /** The largest size from `max` down to `min` (0.5 pt steps) at which `text` fits on one line of `width`. */
  fit(text: string, face: TinosFace, width: number, max: number, min = max - 2.5): number {
    this.doc.font(face);
    for (let size = max; size > min; size -= 0.5) if (this.doc.fontSize(size).widthOfString(text) <= width) return size;
    return min;
  }

  /** A short horizontal rule of `length`, centred on `cx`. */
  rule(cx: number, y: number, length: number): void {
    this.doc.save().lineWidth(0.6).strokeColor('#000000').moveTo(cx - length / 2, y).lineTo(cx + length / 2, y).stroke().restore();
  }
}

/** Superior and issuing body with the number on the left; the national motto and the place and date on the right. */
function header(f: Flow, d: DecisionDocData): void {
  const top = f.y;
  // Each column keeps a small padding on both sides, as the DOCX table cells do.
  const pad = CELL_PAD.x;
  const lx = LEFT + pad;
  const lw = HEADER_LEFT - 2 * pad;
  const rx = LEFT + HEADER_LEFT + pad;
  const rw = TEXT_WIDTH - HEADER_LEFT - 2 * pad;
  const centred = { align: 'center' as const };

  let y = top;
  if (clean(d.superiorOrgName)) y = f.text(upper(d.superiorOrgName), { ...centred, size: SIZE.header, x: lx, width: lw }, y);
  y = f.text(upper(d.issuerName), { ...centred, face: 'bold', size: SIZE.header, x: lx, width: lw }, y);
  f.rule(lx + lw / 2, y + 2, 20 * MM);
  const numberLine = docText(d.numberLine);
  const left = f.text(numberLine, { ...centred, size: f.fit(numberLine, 'regular', lw, SIZE.header), x: lx, width: lw }, y + 8);

  // The motto and the place and date keep to one line each, a little smaller when the column is narrow.
  y = f.text(NATION, { ...centred, face: 'bold', size: f.fit(NATION, 'bold', rw, SIZE.header), x: rx, width: rw }, top);
  y = f.text(MOTTO, { ...centred, face: 'bold', size: f.fit(MOTTO, 'bold', rw, SIZE.body), x: rx, width: rw }, y);
  f.rule(rx + rw / 2, y + 2, 60 * MM);
  const placeDate = clean(d.placeDateLine);
  const right = f.text(placeDate, { ...centred, face: 'italic', size: f.fit(placeDate, 'italic', rw, SIZE.body), x: rx, width: rw }, y + 8);

  f.y = Math.max(left, right);
}

/** "Nơi nhận:" and its lines on the left; the signer's authority, title, room to sign and name on the right. Kept on one page. */
function signer(f: Flow, d: DecisionDocData): void {
  const rx = LEFT + SIGN_LEFT;
  const rw = TEXT_WIDTH - SIGN_LEFT;
  const recipients = d.recipients.map(clean).filter(Boolean).map(bulletText);
  const onBehalf = upper(d.signer.onBehalf);
  const title = upper(d.signer.title);
  const name = clean(d.signer.name);
  const line = f.lineHeight({ face: 'bold' });
  const rightHeight = (onBehalf ? f.height(onBehalf, { face: 'bold', width: rw, align: 'center' }) : 0) + f.height(title, { face: 'bold', width: rw, align: 'center' }) + 5 * line;
  const leftHeight = f.lineHeight({ face: 'boldItalic', size: SIZE.recipientsHead }) + recipients.reduce((a, r) => a + f.height(r, { size: SIZE.recipients, width: SIGN_LEFT }), 0);
  f.keep(Math.max(leftHeight, rightHeight));

  const top = f.y;
  let y = f.text(RECIPIENTS, { face: 'boldItalic', size: SIZE.recipientsHead, x: LEFT, width: SIGN_LEFT }, top);
  for (const r of recipients) y = f.text(r, { size: SIZE.recipients, x: LEFT, width: SIGN_LEFT }, y);
  const left = y;

  y = top;
  const centred = { face: 'bold' as const, align: 'center' as const, x: rx, width: rw };
  if (onBehalf) y = f.text(onBehalf, centred, y);
  y = f.text(title, centred, y);
  // Room for the signature and the seal.
  y += 4 * line;
  y = name ? f.text(name, centred, y) : y + line;
  f.y = Math.max(left, y);
}

/** One annex table: bordered cells, the header row again at the top of every page it runs onto. */
class AnnexTable {
  private readonly widths: number[];
  private readonly aligns: Align[];

  constructor(
    private readonly f: Flow,
    private readonly head: string[],
    withMoney: boolean,
  ) {
    this.widths = withMoney ? COLS_MONEY : COLS_PLAIN;
    this.aligns = withMoney ? ['center', 'left', 'left', 'right'] : ['center', 'left', 'left'];
  }

  private cellHeight(text: string, width: number, face: TinosFace): number {
    const doc = this.f.doc;
    doc.font(face).fontSize(SIZE.table);
    const inner = width - 2 * CELL_PAD.x;
    if (!text || doc.widthOfString(text) <= inner) return doc.currentLineHeight(true);
    return doc.heightOfString(text, { width: inner, lineGap: 0, paragraphGap: 0 });
  }

  rowHeight(cells: readonly string[], face: TinosFace): number {
    return Math.max(...cells.map((c, i) => this.cellHeight(c, this.widths[i]!, face))) + 2 * CELL_PAD.y;
  }

  private drawRow(cells: readonly string[], face: TinosFace, header: boolean): void {
    const doc = this.f.doc;
    const y = this.f.y;
    const h = this.rowHeight(cells, face);
    let x = LEFT;
    doc.font(face).fontSize(SIZE.table).fillColor('#000000');
    cells.forEach((text, i) => {
      const w = this.widths[i]!;
      const align = header ? 'center' : this.aligns[i]!;
      const inner = w - 2 * CELL_PAD.x;
      if (text) {
        const tw = doc.widthOfString(text);
        if (tw <= inner) {
          // One line: placed directly, without the line wrapper (fast for long lists).
          const dx = align === 'right' ? inner - tw : align === 'center' ? (inner - tw) / 2 : 0;
          doc.text(text, x + CELL_PAD.x + dx, y + CELL_PAD.y, { lineBreak: false });
        } else {
          doc.text(text, x + CELL_PAD.x, y + CELL_PAD.y, { width: inner, align, lineGap: 0, paragraphGap: 0 });
        }
      }
      x += w;
    });
    // Borders: the row's box and its column separators.
    doc.save().lineWidth(0.5).strokeColor('#000000');
    doc.rect(LEFT, y, TEXT_WIDTH, h);
    let cx = LEFT;
    for (const w of this.widths.slice(0, -1)) {
      cx += w;
      doc.moveTo(cx, y).lineTo(cx, y + h);
    }
    doc.stroke().restore();
    this.f.y = y + h;
  }

  /** The rows, with the header first and again after every page break. */
  draw(rows: readonly string[][]): void {
    const headHeight = this.rowHeight(this.head, 'bold');
    this.drawRow(this.head, 'bold', true);
    rows.forEach((row, i) => {
      const face: TinosFace = i === rows.length - 1 && row[0] === '' ? 'bold' : 'regular';
      const h = this.rowHeight(row, face);
      if (h > this.f.room()) {
        this.f.newPage();
        if (headHeight + h <= this.f.room()) this.drawRow(this.head, 'bold', true);
      }
      this.drawRow(row, face, false);
    });
  }
}

function annex(f: Flow, d: DecisionDocData, items: readonly DecisionItem[], locale: DecisionLocale): void {
  f.newPage();
  const bold = { face: 'bold' as const, align: 'center' as const };
  let y = f.text(decisionLabel(locale, 'decisionDocs.annex.title'), bold);
  y = f.text(decisionLabel(locale, 'decisionDocs.annex.subtitle'), bold, y);
  y = f.text(decisionLabel(locale, 'decisionDocs.annex.of', annexReference(d)), { face: 'italic', align: 'center' }, y);
  f.rule(LEFT + TEXT_WIDTH / 2, y + 5, 30 * MM);
  f.y = y + 17;

  items.forEach((item, i) => {
    const heading = annexHeading(item, i, locale);
    const { head, rows, withMoney } = annexRows(item, locale);
    const table = new AnnexTable(f, head, withMoney);
    // The heading stays with the table's header row and its first row.
    const headingHeight = f.height(heading, { face: 'bold' });
    f.keep(AFTER + headingHeight + AFTER + table.rowHeight(head, 'bold') + (rows[0] ? table.rowHeight(rows[0], 'regular') : 0));
    if (f.y > MARGINS.top + 0.5) f.y = f.y + AFTER;
    f.y = f.text(heading, { face: 'bold', align: 'left' }) + AFTER;
    table.draw(rows);
    f.y = f.y + AFTER;
  });
}

/** The decision's date, for the PDF's CreationDate: from "…, ngày 05 tháng 02 năm 2026", else 1 January of the year shown, else 1 January 2000. */
export function documentDate(placeDateLine: string): Date {
  const full = /(\d{1,2})\D+?(\d{1,2})\D+?(\d{4})/u.exec(placeDateLine);
  if (full) {
    const date = new Date(Date.UTC(Number(full[3]), Number(full[2]) - 1, Number(full[1])));
    if (date.getUTCDate() === Number(full[1])) return date;
  }
  const year = /(\d{4})/.exec(placeDateLine);
  return new Date(Date.UTC(year ? Number(year[1]) : 2000, 0, 1));
}

/** Page numbers (top centre, from page 2) and, on drafts, the grey "DỰ THẢO" mark in the header of every following page. */
function pageMarks(doc: Doc, draft: boolean, locale: DecisionLocale): void {
  const { start, count } = doc.bufferedPageRange();
  const y = 10 * MM;
  for (let i = start + 1; i < start + count; i++) {
    doc.switchToPage(i);
    doc.font('regular').fontSize(SIZE.header).fillColor('#000000');
    const n = String(i - start + 1);
    doc.text(n, LEFT + (TEXT_WIDTH - doc.widthOfString(n)) / 2, y, { lineBreak: false });
    if (draft) {
      const mark = decisionLabel(locale, 'decisionDocs.draftMark');
      doc.font('bold').fontSize(SIZE.mark).fillColor('#8c8c8c');
      doc.text(mark, LEFT + TEXT_WIDTH - doc.widthOfString(mark), y, { lineBreak: false });
    }
  }
}

/** The commendation decision as a PDF (the annex included when the list is long). */
export async function decisionPdf(data: DecisionDocData, locale: DecisionLocale = 'vi'): Promise<Buffer> {
  const d = withoutStrayAmounts(data);
  const items = decisionItems(d.articles.awards);
  const withAnnex = needsAnnex(d);
  const date = documentDate(clean(d.placeDateLine));

  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margins: MARGINS,
    bufferPages: true,
    lang: locale === 'en' ? 'en' : 'vi-VN',
    displayTitle: true,
    info: {
      Title: decisionLabel(locale, 'decisionDocs.fileTitle', { subject: clean(d.subject) }),
      Author: upper(d.issuerName),
      Creator: 'Vinh Danh',
      Producer: 'Vinh Danh',
      // From the decision, not the clock: the same decision prints the same bytes.
      CreationDate: date,
      ModDate: date,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  registerTinos(doc);
  try {
    const f = new Flow(doc);
    f.y = MARGINS.top;
    if (d.isDraft) f.y = f.text(decisionLabel(locale, 'decisionDocs.draftMark'), { face: 'bold', align: 'right' }) + AFTER;
    header(f, d);

    f.y = f.y + 18;
    f.y = f.text(decisionLabel(locale, 'decisionDocs.title'), { face: 'bold', align: 'center' });
    if (clean(d.subject)) f.y = f.text(clean(d.subject), { face: 'bold', align: 'center' });
    f.rule(LEFT + TEXT_WIDTH / 2, f.y + 5, 30 * MM);
    f.y = f.y + 17;
    f.y = f.text(upper(d.authorityLine), { face: 'bold', align: 'center' }) + 12;

    for (const b of d.basis.map(clean).filter(Boolean)) f.paragraph(b, { face: 'italic' });
    // "QUYẾT ĐỊNH:" stays with the first lines of Điều 1.
    f.keep(AFTER + 3 * f.lineHeight({ face: 'bold' }) + AFTER);
    f.y = f.text(decisionLabel(locale, 'decisionDocs.decides'), { face: 'bold', align: 'center' }, f.y + AFTER) + AFTER;

    for (const a of decisionArticles(d, items, withAnnex, locale)) {
      f.paragraph(a.text, { lead: decisionLabel(locale, 'decisionDocs.article', { n: a.n }) });
      for (const l of a.lines) f.paragraph(l);
    }

    f.y = f.y + AFTER;
    signer(f, d);
    if (withAnnex && items.length) annex(f, d, items, locale);
    pageMarks(doc, d.isDraft, locale);
  } finally {
    doc.end();
  }
  return done;
}
