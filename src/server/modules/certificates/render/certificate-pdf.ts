// Renders certificates (Giấy khen / Bằng khen) of a signed decision into ONE PDF, one A4 landscape
// page each, a batch possibly mixing kinds (each page drawn with its own group's template): a border
// (by default double with corner ornaments) and a union emblem (vector paths),
// issuer and national motto, the title, the recipient and unit, the achievement (wrapped, shrunk
// to fit), the place and date, the signer block, the decision number and register serial, and a QR
// code (vector squares) to the public verification page. Tinos regular and bold are registered once
// per document: pdfkit embeds each face once, as a subset CID font with a ToUnicode map, however many
// pages use it, so the text copies and searches with its diacritics. Pure: no database, no clock
// (the PDF dates come from the decision dates, so the same input gives the same bytes). An
// organisation's template may change the title, the line before the name, the border, the emblem,
// and add a footer line.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { t } from '../../../../contracts/messages';
import type { Locale } from '../../../../contracts/enums';
import { vnDate } from '../../../lib/dates';
import { BORDER_INNER, drawBorder, drawEmblem, type BorderStyle } from './decor';
import { drawQr, qrMatrix } from './qr';

export interface CertificateTemplate {
  kind: 'GIAY_KHEN' | 'BANG_KHEN';
  issuerLine1: string;
  issuerLine2: string | null;
  /** Border, title and emblem colour, e.g. '#b8860b' (gold) or '#a61b1b' (red). */
  accentColor: string;
  signerOnBehalf: string;
  signerTitle: string;
  /** The organisation's own title (printed upper-case); the catalogue's "GIẤY KHEN"/"BẰNG KHEN" when absent. */
  title?: string;
  /** The line before the recipient's name; the catalogue's "Tặng" when absent. */
  verb?: string;
  /** CLASSIC (double border with corner ornaments) when absent. */
  borderStyle?: BorderStyle;
  /** The union emblem between the header columns; shown unless false. */
  showEmblem?: boolean;
  /** One line at the foot of the page (e.g. a slogan); none when absent. */
  footerLine?: string | null;
}

export interface CertificateData {
  serial: string;
  /** Encoded in the QR code. */
  verifyUrl: string;
  recipientName: string;
  recipientUnit: string | null;
  achievement: string;
  decisionNumber: string;
  /** ISO yyyy-mm-dd. */
  decisionDate: string;
  placeName: string;
  signerName: string;
  /** Archive copies only: stamps "ĐÃ THU HỒI" across the page. */
  revoked?: boolean;
}

export interface RenderOptions {
  locale?: Locale;
}

const require = createRequire(import.meta.url);
const FONT_FILES = {
  regular: '@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf',
  bold: '@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf',
} as const;
type Face = keyof typeof FONT_FILES;

let fontCache: Record<Face, Buffer> | null = null;
function fonts(): Record<Face, Buffer> {
  fontCache ??= Object.fromEntries(Object.entries(FONT_FILES).map(([face, file]) => [face, fs.readFileSync(require.resolve(file))])) as Record<Face, Buffer>;
  return fontCache;
}

type Doc = PDFKit.PDFDocument;

/** A4 landscape, in points. */
export const PAGE = { width: 841.89, height: 595.28 } as const;
const MM = 72 / 25.4;
const CENTRE = PAGE.width / 2;
const CONTENT_LEFT = BORDER_INNER + 22;
const CONTENT_RIGHT = PAGE.width - BORDER_INNER - 22;

/** Header columns: issuer on the left, national motto on the right, emblem between them. */
const HEADER = { top: 40, width: 318, leftX: CONTENT_LEFT - 4, rightX: CONTENT_RIGHT + 4 - 318 } as const;
const EMBLEM = { cx: CENTRE, cy: 78, r: 36 } as const;
/** The achievement text lives in this box; it shrinks from `maxSize` to `minSize` to fit. */
const ACHIEVEMENT = { width: 640, bottom: 392, maxSize: 16, minSize: 11 } as const;
const SIGN = { x: 440, width: 280, top: 398 } as const;
/** QR side without its quiet zone: ≥ 2.5 cm. */
export const QR_SIDE = 27 * MM;
const QR = { x: CONTENT_RIGHT - QR_SIDE - 6, y: PAGE.height - BORDER_INNER - 34 - QR_SIDE } as const;

const nfc = (s: string): string => s.normalize('NFC').trim();
const upper = (s: string): string => nfc(s).toLocaleUpperCase('vi-VN');

interface Style {
  face?: Face;
  size: number;
  align?: 'left' | 'center' | 'right';
  color?: string;
  lineGap?: number;
}

/** Writes `text` in a box of `width` from (x, y) and answers the y below it. */
function write(doc: Doc, text: string, x: number, y: number, width: number, s: Style, extra: PDFKit.Mixins.TextOptions = {}): number {
  doc.font(s.face ?? 'regular').fontSize(s.size).fillColor(s.color ?? '#000000');
  doc.text(text, x, y, { width, align: s.align ?? 'center', lineGap: s.lineGap ?? 0, paragraphGap: 0, ...extra });
  return doc.y;
}

/** The largest size from `max` down to `min` (0.5 pt steps) at which `text` fits on one line. */
function fitOneLine(doc: Doc, text: string, face: Face, width: number, max: number, min: number): number {
  doc.font(face);
  for (let size = max; size > min; size -= 0.5) if (doc.fontSize(size).widthOfString(text) <= width) return size;
  return min;
}

/** "ngày 05 tháng 02 năm 2026" — Nghị định 30/2020: a leading zero for days below 10 and months 1–2. */
function dateParts(iso: string, locale: Locale) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !date || date.toISOString().slice(0, 10) !== iso) throw new RangeError(`decisionDate must be an ISO date (yyyy-mm-dd), got ${iso}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return {
    date,
    params: {
      day: String(day).padStart(2, '0'),
      month: month < 3 ? String(month).padStart(2, '0') : String(month),
      year,
      dayNumber: day,
      monthName: date.toLocaleString(locale === 'en' ? 'en-GB' : 'vi-VN', { month: 'long', timeZone: 'UTC' }),
    },
  };
}

function header(doc: Doc, tpl: CertificateTemplate, locale: Locale): void {
  const { top, width, leftX, rightX } = HEADER;
  // Issuer: the parent line in regular, the issuing body in bold, a short rule under it.
  const issuer: { text: string; face: Face }[] = [{ text: upper(tpl.issuerLine1), face: tpl.issuerLine2 ? 'regular' : 'bold' }];
  if (tpl.issuerLine2?.trim()) issuer.push({ text: upper(tpl.issuerLine2), face: 'bold' });
  let y: number = top;
  for (const l of issuer) y = write(doc, l.text, leftX, y, width, { face: l.face, size: fitOneLine(doc, l.text, l.face, width, 13, 10.5), lineGap: 1 });
  rule(doc, leftX + width / 2, y + 3, 34 * MM);

  y = write(doc, t(locale, 'certificates.nation'), rightX, top, width, { face: 'bold', size: 12.5, lineGap: 1 });
  y = write(doc, t(locale, 'certificates.motto'), rightX, y, width, { face: 'bold', size: 13.5 });
  rule(doc, rightX + width / 2, y + 3, 56 * MM);
}

function rule(doc: Doc, cx: number, y: number, length: number): void {
  doc.save().lineWidth(0.7).strokeColor('#000000').moveTo(cx - length / 2, y).lineTo(cx + length / 2, y).stroke().restore();
}

const titleOf = (tpl: CertificateTemplate, locale: Locale): string => (tpl.title?.trim() ? upper(tpl.title) : t(locale, `certificates.title.${tpl.kind}`));

function body(doc: Doc, tpl: CertificateTemplate, item: CertificateData, locale: Locale): void {
  const contentWidth = CONTENT_RIGHT - CONTENT_LEFT;
  const title = titleOf(tpl, locale);
  const titleBottom = write(doc, title, CONTENT_LEFT, 122, contentWidth, { face: 'bold', size: fitOneLine(doc, title, 'bold', contentWidth, 40, 24), color: tpl.accentColor }, { characterSpacing: 2 });

  // Measure the group ("Tặng", name, unit, achievement) first, so that a short text sits in the
  // middle of the space between the title and the signer block rather than under the name.
  const x = CENTRE - ACHIEVEMENT.width / 2;
  const w = ACHIEVEMENT.width;
  const awardedTo = tpl.verb?.trim() ? nfc(tpl.verb) : t(locale, 'certificates.awardedTo');
  const name = nfc(item.recipientName);
  const nameStyle: Style = { face: 'bold', size: fitOneLine(doc, name, 'bold', w, 28, 18), color: '#1a1a1a' };
  const nameBox = { height: nameStyle.size * 2.6, ellipsis: true };
  const unit = item.recipientUnit?.trim() ? nfc(item.recipientUnit) : null;
  const unitStyle: Style = { size: unit ? fitOneLine(doc, unit, 'regular', w, 16, 12) : 16 };
  const unitBox = { height: 40, ellipsis: true };
  const measure = (text: string, s: Style, box: { height: number }) =>
    Math.min(box.height, doc.font(s.face ?? 'regular').fontSize(s.size).heightOfString(text, { width: w, align: 'center', lineGap: s.lineGap ?? 0 }));
  const head = 8 + measure(awardedTo, { size: 15 }, { height: 40 }) + 4 + measure(name, nameStyle, nameBox) + (unit ? 2 + measure(unit, unitStyle, unitBox) : 0) + 8;

  // The achievement: the largest size at which the whole text fits; a text too long even at the
  // minimum size is cut with an ellipsis rather than run into the signer block.
  const text = nfc(item.achievement);
  const room = ACHIEVEMENT.bottom - titleBottom - head;
  const lineGap = (s: number) => s * 0.2;
  let size: number = ACHIEVEMENT.maxSize;
  while (size > ACHIEVEMENT.minSize && measure(text, { size, lineGap: lineGap(size) }, { height: Infinity }) > room) size -= 0.5;
  const slack = room - measure(text, { size, lineGap: lineGap(size) }, { height: room });
  let y = titleBottom + Math.min(Math.max(slack, 0) / 2, 48);

  y = write(doc, awardedTo, x, y + 8, w, { size: 15 });
  y = write(doc, name, x, y + 4, w, nameStyle, nameBox);
  if (unit) y = write(doc, unit, x, y + 2, w, unitStyle, unitBox);
  // pdfkit puts the ellipsis on the last line only when the box ends exactly at a line's bottom.
  const lh = doc.font('regular').fontSize(size).currentLineHeight(true);
  const pitch = lh + lineGap(size);
  const lines = Math.max(1, Math.floor((ACHIEVEMENT.bottom - (y + 8) - lh) / pitch) + 1);
  write(doc, text, x, y + 8, w, { size, lineGap: lineGap(size) }, { height: (lines - 1) * pitch + lh + 0.01, ellipsis: true });
}

function signer(doc: Doc, tpl: CertificateTemplate, item: CertificateData, locale: Locale): void {
  const { params } = dateParts(item.decisionDate, locale);
  let y = write(doc, t(locale, 'certificates.placeDate', { place: nfc(item.placeName), ...params }), SIGN.x, SIGN.top, SIGN.width, { size: 13 });
  if (tpl.signerOnBehalf.trim()) y = write(doc, upper(tpl.signerOnBehalf), SIGN.x, y + 4, SIGN.width, { face: 'bold', size: 13 });
  y = write(doc, upper(tpl.signerTitle), SIGN.x, y, SIGN.width, { face: 'bold', size: 13 });
  // Room for the signature and the seal.
  write(doc, nfc(item.signerName), SIGN.x, y + 62, SIGN.width, { face: 'bold', size: 14 });
}

function footer(doc: Doc, tpl: CertificateTemplate, item: CertificateData, locale: Locale): void {
  const x = CONTENT_LEFT;
  const width = SIGN.x - x - 20;
  const decision = t(locale, 'certificates.decision', { number: nfc(item.decisionNumber), date: vnDate(item.decisionDate) });
  const y = write(doc, decision, x, PAGE.height - BORDER_INNER - 52, width, { size: 11, align: 'left' }, { lineBreak: false });
  write(doc, t(locale, 'certificates.serial', { serial: nfc(item.serial) }), x, y + 3, width, { face: 'bold', size: 11, align: 'left' }, { lineBreak: false });
  // The organisation's footer line runs under the decision and the signer, up to the QR caption.
  const line = tpl.footerLine?.trim() ? nfc(tpl.footerLine) : null;
  if (line) {
    const lineWidth = QR.x - 30 - x;
    write(doc, line, x, PAGE.height - BORDER_INNER - 17, lineWidth, { size: fitOneLine(doc, line, 'regular', lineWidth, 10, 7), align: 'left', color: '#333333' }, { lineBreak: false, ellipsis: true, height: 12 });
  }

  drawQr(doc, qrMatrix(item.verifyUrl), QR.x, QR.y, QR_SIDE);
  const captionX = QR.x - 20;
  const captionWidth = QR_SIDE + 40;
  const below = write(doc, t(locale, 'certificates.scanToVerify'), captionX, QR.y + QR_SIDE + 5, captionWidth, { size: 8.5 }, { lineBreak: false });
  write(doc, t(locale, 'certificates.verifyCode', { serial: nfc(item.serial) }), captionX, below + 1, captionWidth, { size: 7 }, { lineBreak: false });
}

function revokedStamp(doc: Doc, locale: Locale): void {
  const text = t(locale, 'certificates.revoked');
  const size = 84;
  doc.save().rotate(-24, { origin: [CENTRE, PAGE.height / 2] });
  doc.font('bold').fontSize(size);
  const w = doc.widthOfString(text);
  const h = size * 1.15;
  doc.fillOpacity(0.3).strokeOpacity(0.45).lineWidth(4);
  doc.rect(CENTRE - w / 2 - 18, PAGE.height / 2 - h / 2 - 10, w + 36, h + 20).stroke('#c00000');
  doc.fillColor('#c00000').text(text, CENTRE - w / 2 - 10, PAGE.height / 2 - h / 2 + 4, { width: w + 20, align: 'center', lineBreak: false });
  doc.restore();
}

function page(doc: Doc, tpl: CertificateTemplate, item: CertificateData, locale: Locale): void {
  doc.addPage({ size: [PAGE.width, PAGE.height], margins: { top: 0, bottom: 0, left: 0, right: 0 } });
  drawBorder(doc, PAGE.width, PAGE.height, tpl.accentColor, tpl.borderStyle ?? 'CLASSIC');
  if (tpl.showEmblem !== false) drawEmblem(doc, EMBLEM.cx, EMBLEM.cy, EMBLEM.r, tpl.accentColor);
  header(doc, tpl, locale);
  body(doc, tpl, item, locale);
  signer(doc, tpl, item, locale);
  footer(doc, tpl, item, locale);
  if (item.revoked) revokedStamp(doc, locale);
}

/** Certificates printed with one template: a batch may hold several (e.g. Giấy khen then Bằng khen). */
export interface CertificateGroup {
  template: CertificateTemplate;
  items: CertificateData[];
}

/** One PDF, one A4 landscape page per certificate, in the order given. */
export async function renderCertificates(template: CertificateTemplate, items: CertificateData[], opts: RenderOptions = {}): Promise<Buffer> {
  return renderCertificateGroups([{ template, items }], opts);
}

/**
 * One PDF of several groups, each page drawn with its own group's template, the groups in the
 * order given and the certificates of each in their order. Empty groups print nothing.
 */
export async function renderCertificateGroups(groups: CertificateGroup[], opts: RenderOptions = {}): Promise<Buffer> {
  const locale = opts.locale ?? 'vi';
  const printed = groups.filter((g) => g.items.length > 0);
  const count = printed.reduce((n, g) => n + g.items.length, 0);
  if (count === 0) throw new RangeError('renderCertificates needs at least one certificate');
  // Validate every date first: a bad row fails the batch before any page is drawn.
  const dates = printed.flatMap((g) => g.items.map((i) => dateParts(i.decisionDate, locale).date));
  const latest = new Date(Math.max(...dates.map((d) => d.getTime())));
  const title = [...new Set(printed.map((g) => titleOf(g.template, locale)))].join(' – ');
  const first = printed[0]!.template;

  const doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: false,
    lang: locale === 'en' ? 'en' : 'vi-VN',
    displayTitle: true,
    info: {
      Title: t(locale, 'certificates.documentTitle', { title, count }),
      Author: upper(first.issuerLine2 ?? first.issuerLine1),
      Creator: 'Vinh Danh',
      Producer: 'Vinh Danh',
      // From the input, not the clock: the same decision prints the same bytes.
      CreationDate: latest,
      ModDate: latest,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const [face, data] of Object.entries(fonts())) doc.registerFont(face, data);
  try {
    for (const g of printed) for (const item of g.items) page(doc, g.template, item, locale);
  } finally {
    doc.end();
  }
  return done;
}
