// "Báo cáo thành tích" of a nominee as a .docx, pre-filled from the nominee's history for the
// proposing unit to complete in Word and upload again. Laid out like the plans (Nghị định 30/2020:
// A4, Times New Roman, header of issuing body beside the national motto); every value the system
// does not know prints as a dotted line so the gap is visible and easy to fill in by hand.
import zlib from 'node:zlib';
import JSZip from 'jszip';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageOrientation,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlign,
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
  cell,
  centred,
  headerTable,
  pageHeaders,
  para,
  rule,
  run,
  type PlanDocxModel,
} from '../../plans/plan-docx';
import { t } from '../../../../contracts/messages';
import type { Rating } from '../../../../contracts/enums';

export interface AchievementReportModel {
  subjectKind: 'PERSON' | 'UNIT';
  /** Issuing-header left, above the org name, e.g. "LĐLĐ HUYỆN DMC" (the proposing unit's parent). */
  parentOrgName: string | null;
  /** The proposing unit. */
  orgName: string;
  /** "Huyện DMC, ngày 05 tháng 12 năm 2024". */
  placeDateLine: string;
  /** "Chiến sĩ thi đua cơ sở". */
  awardName: string;
  year: number;
  person?: {
    fullName: string;
    gender: 'MALE' | 'FEMALE';
    birthDate: string | null;
    position: string | null;
    unitName: string;
    joinedUnionOn: string | null;
    ethnicity: string | null;
    educationLevel: string | null;
  };
  unit?: { name: string; address: string | null; memberCount: number | null; foundedOn: string | null; leaderName: string | null };
  /** Free text typed by the proposer; paragraphs separated by line breaks. */
  achievementSummary: string | null;
  /** Codes HTXSNV / HTTNV / HTNV / KHTNV (other codes print as given). */
  ratings: { year: number; rating: string }[];
  /** Awards already received, newest first. */
  awards: { year: number; name: string; decision: string | null }[];
  initiatives: { title: string; recognisedOn: string; recognisedBy: string | null }[];
  /** "NGƯỜI BÁO CÁO" or "THỦ TRƯỞNG ĐƠN VỊ". */
  signerTitle: string;
  signerName: string | null;
  /** Adds the "Xác nhận của cấp trình khen" block (left of the reporter) when not null. */
  certifyingOrgName: string | null;
}

/** What prints where a value is unknown: a dotted line (≈ 5.4 cm at 14 pt) for the unit to fill in. */
export const DOTS = '…'.repeat(11);
/** A line of dots for free text not written yet: one indented body line at 14 pt (an ellipsis is 1 em in Times New Roman). */
export const DOTS_LINE = '…'.repeat(28);
/** Dots that fill a table cell of `width` twips at 12 pt without wrapping. */
export const cellDots = (width: number): string => '…'.repeat(Math.max(3, Math.floor((width - 114) / 240)));

// Characters XML 1.0 forbids (C0 controls other than tab/line breaks, lone surrogates, U+FFFE/FFFF)
// can arrive from imported spreadsheets; left in, they make Word refuse the whole file.
// eslint-disable-next-line no-control-regex -- matching exactly those characters is the point
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Text as it goes into the document: NFC, without the characters XML cannot carry. */
export const docText = (s: string): string => s.replace(XML_INVALID, '').normalize('NFC');
const nfc = docText;
const upper = (s: string): string => nfc(s).toLocaleUpperCase('vi-VN');
const filled = (s: string | null | undefined): s is string => typeof s === 'string' && s.trim() !== '';
const orDots = (s: string | null | undefined): string => (filled(s) ? nfc(s).trim() : '') || DOTS;

/**
 * "2024-03-05" (or an ISO timestamp) → "05/03/2024"; a date already written dd/mm/yyyy is kept;
 * anything else prints as given, and an absent date as dots.
 */
export function vnDate(value: string | null | undefined): string {
  if (!filled(value)) return DOTS;
  const v = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(v);
  if (iso) return `${iso[3]}/${iso[2]}/${iso[1]}`;
  return nfc(v);
}

const RATING_CODES: readonly Rating[] = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'];
/** The Vietnamese label of a rating code, from the message catalogue; an unknown code prints as given. */
export function ratingLabel(code: string): string {
  const c = code.trim().toUpperCase();
  return (RATING_CODES as readonly string[]).includes(c) ? t('vi', `rating.${c}`) : nfc(code.trim());
}

// Emulation titles are "công nhận" (recognised); forms of reward (Giấy khen, Bằng khen, Cờ…) are "tặng" (given).
const TITLE_PATTERN = /^(danh hiệu|chiến sĩ thi đua|chiến sỹ thi đua|lao động tiên tiến|tập thể lao động|đoàn viên công đoàn xuất sắc|công đoàn cơ sở vững mạnh|tổ công đoàn vững mạnh)/;
export function awardVerb(awardName: string): 'tặng' | 'công nhận' {
  return TITLE_PATTERN.test(nfc(awardName).trim().toLocaleLowerCase('vi-VN')) ? 'công nhận' : 'tặng';
}

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const CELL_PARA = { indent: { firstLine: 0 }, spacing: { before: 0, after: 0 } } as const;

/**
 * A bordered table with fixed twip widths; row 0 is the header (bold, repeated on every page).
 * `align` gives each column's alignment (default centred).
 */
export function borderedTable(rows: string[][][], widths: number[], align: (typeof AlignmentType)[keyof typeof AlignmentType][] = []): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
    rows: rows.map(
      (r, i) =>
        new TableRow({
          // Only the first row repeats on each page; data rows carry no tblHeader element at all (docx writes
          // `w:val="off"` for false, which readers such as mammoth take as a header row).
          tableHeader: i === 0 ? true : undefined,
          cantSplit: true,
          children: r.map(
            (texts, j) =>
              new TableCell({
                width: { size: widths[j] ?? 0, type: WidthType.DXA },
                verticalAlign: i === 0 ? VerticalAlign.CENTER : VerticalAlign.TOP,
                margins: { left: 57, right: 57, top: 20, bottom: 20 },
                // A cell holds one paragraph per text; an empty cell still needs one paragraph.
                children: (texts.length ? texts : ['']).map((text) =>
                  para([run(text, { bold: i === 0, size: PT12 })], { ...CELL_PARA, alignment: i === 0 ? AlignmentType.CENTER : (align[j] ?? AlignmentType.CENTER) }),
                ),
              }),
          ),
        }),
    ),
  });
}

const heading = (text: string): Paragraph => body([run(text, { bold: true })], { keepNext: true, spacing: { before: 120, after: AFTER_6PT } });
const subheading = (text: string): Paragraph => body([run(text, { bold: true })], { keepNext: true });
const field = (label: string, value: string): Paragraph => body([run(`${label}: `), run(value)]);

/** The header model plan-docx expects for a document without a number (a report, a list, a programme). */
export const unnumberedHeader = (m: { parentOrgName: string | null; orgName: string; placeDateLine: string }): PlanDocxModel => ({
  parentOrgName: m.parentOrgName === null ? null : nfc(m.parentOrgName),
  orgName: nfc(m.orgName),
  numberLine: '',
  placeDateLine: nfc(m.placeDateLine),
  title: '',
  basis: [],
  intro: null,
  blocks: [],
  signer: { onBehalf: null, position: '', name: '' },
  recipients: [],
  draft: false,
});

function personSection(p: NonNullable<AchievementReportModel['person']> | undefined): Paragraph[] {
  return [
    heading('I. SƠ LƯỢC LÝ LỊCH'),
    field('Họ và tên', orDots(p?.fullName)),
    field('Ngày sinh', vnDate(p?.birthDate)),
    field('Giới tính', p ? (p.gender === 'FEMALE' ? 'Nữ' : 'Nam') : DOTS),
    field('Dân tộc', orDots(p?.ethnicity)),
    field('Chức vụ', orDots(p?.position)),
    field('Đơn vị công tác', orDots(p?.unitName)),
    field('Ngày vào Công đoàn', vnDate(p?.joinedUnionOn)),
    field('Trình độ chuyên môn, nghiệp vụ', orDots(p?.educationLevel)),
  ];
}

function unitSection(u: AchievementReportModel['unit']): Paragraph[] {
  return [
    heading('I. ĐẶC ĐIỂM, TÌNH HÌNH'),
    field('Tên đơn vị', orDots(u?.name)),
    field('Địa chỉ trụ sở', orDots(u?.address)),
    field('Ngày thành lập', vnDate(u?.foundedOn)),
    field('Tổng số đoàn viên', typeof u?.memberCount === 'number' ? u.memberCount.toLocaleString('vi-VN') : DOTS),
    field('Người đứng đầu đơn vị', orDots(u?.leaderName)),
  ];
}

/** The summary's paragraphs (blank lines dropped), or three dotted lines to write on. */
export function summaryParagraphs(summary: string | null): string[] {
  const ps = (summary ?? '')
    .split(/\r?\n|\r/)
    .map((s) => nfc(s).trim())
    .filter(Boolean);
  return ps.length ? ps : [DOTS_LINE, DOTS_LINE, DOTS_LINE];
}

const HALF = Math.floor(TEXT_WIDTH / 2);
const AWARD_WIDTHS = [1200, 4671, 3200];
const RATING_WIDTHS = [2000, 7071];

function signatureTable(m: AchievementReportModel): Table {
  const signBlock = (title: string, org: string | null, hint: string, name: string | null): Paragraph[] => {
    const out = [centred([run(upper(title), { bold: true })])];
    if (org !== null) out.push(centred([run(upper(org), { bold: true })]));
    out.push(centred([run(hint, { italics: true, size: PT12 })]));
    // Room for the signature and the seal.
    for (let i = 0; i < 4; i++) out.push(centred([]));
    const shown = filled(name) ? nfc(name).trim() : '';
    out.push(centred([run(shown || DOTS, { bold: shown !== '' })]));
    return out;
  };
  const left = filled(m.certifyingOrgName) ? signBlock('XÁC NHẬN CỦA CẤP TRÌNH KHEN', m.certifyingOrgName, '(Ký, đóng dấu)', null) : [centred([])];
  const right = signBlock(m.signerTitle, null, m.subjectKind === 'PERSON' ? '(Ký, ghi rõ họ và tên)' : '(Ký, đóng dấu)', m.signerName);
  return new Table({
    width: { size: HALF * 2, type: WidthType.DXA },
    columnWidths: [HALF, HALF],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [new TableRow({ cantSplit: true, children: [cell(HALF, left), cell(HALF, right)] })],
  });
}

export function achievementReportChildren(m: AchievementReportModel): (Paragraph | Table)[] {
  const children: (Paragraph | Table)[] = [headerTable(unnumberedHeader(m))];
  children.push(para([run('BÁO CÁO THÀNH TÍCH', { bold: true, size: PT14 })], { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { before: 360, after: 0 } }));
  children.push(centred([run(`Đề nghị ${awardVerb(m.awardName)}: ${nfc(m.awardName).trim()} năm ${m.year}`, { bold: true, size: PT14 })]));
  children.push(rule(TEXT_WIDTH, 1701, 240));

  children.push(...(m.subjectKind === 'PERSON' ? personSection(m.person) : unitSection(m.unit)));

  children.push(heading('II. THÀNH TÍCH ĐẠT ĐƯỢC'));
  for (const p of summaryParagraphs(m.achievementSummary)) children.push(body([run(p)]));

  children.push(heading('III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG'));
  children.push(subheading('1. Danh hiệu thi đua, hình thức khen thưởng'));
  const awardRows = m.awards.map((a) => [[String(a.year)], [nfc(a.name).trim()], [orDots(a.decision)]]);
  children.push(
    borderedTable([[['Năm'], ['Danh hiệu thi đua / hình thức khen thưởng'], ['Số, ngày quyết định']], ...(awardRows.length ? awardRows : [AWARD_WIDTHS.map((w) => [cellDots(w)])])], AWARD_WIDTHS, [
      AlignmentType.CENTER,
      AlignmentType.LEFT,
      AlignmentType.LEFT,
    ]),
  );
  children.push(subheading('2. Kết quả đánh giá, xếp loại'));
  const ratingRows = m.ratings.map((r) => [[String(r.year)], [ratingLabel(r.rating)]]);
  children.push(borderedTable([[['Năm'], ['Xếp loại']], ...(ratingRows.length ? ratingRows : [RATING_WIDTHS.map((w) => [cellDots(w)])])], RATING_WIDTHS, [AlignmentType.CENTER, AlignmentType.LEFT]));

  if (m.initiatives.length) {
    children.push(subheading('3. Sáng kiến, đề tài được công nhận'));
    for (const i of m.initiatives) {
      const by = filled(i.recognisedBy) ? ` của ${nfc(i.recognisedBy).trim()}` : '';
      children.push(body([run(`- ${nfc(i.title).trim()} (công nhận ngày ${vnDate(i.recognisedOn)}${by}).`)]));
    }
  }

  children.push(para([], { spacing: { before: 120, after: 0 } }));
  children.push(signatureTable(m));
  return children;
}

// ── Packaging ─────────────────────────────────────────────────────────────────────────────────
// Packer.toBuffer re-serialises and re-compresses every invariant part (styles, numbering, theme,
// settings, page headers…) for each document: about 60 % of the time of a report. So the package
// is made once by Packer from the same options with a marker body, and each document only
// serialises its body (through the same docx components and the same XML writer rules) and
// compresses document.xml and core.xml. Tests check the result equals Packer's byte for byte.

/** Page set-up and styles of every nomination document (A4 portrait, Nghị định 30/2020 margins, Times New Roman 14). */
export function officialDocument(title: string, children: (Paragraph | Table)[]): Document {
  return new Document({
    creator: 'Vinh Danh',
    title: nfc(title),
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
        headers: pageHeaders(false),
        children,
      },
    ],
  });
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
// eslint-disable-next-line no-control-regex -- the XML-invalid controls are dropped, as docx does
const escapeXml = (v: string): string => v.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ESCAPES[c] ?? '');
const escapeValue = (v: unknown): string => (typeof v === 'string' ? escapeXml(v) : v === undefined ? '' : String(v));
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function addAttributes(into: string[], attr: unknown): void {
  if (!isRecord(attr)) return;
  for (const k in attr) into.push(`${k}="${escapeValue(attr[k])}"`);
}

/** Writes what a docx component's prepForXml returns exactly as docx's own (unindented) writer does. */
export function xmlOf(data: Record<string, unknown>): string {
  let name: string | undefined;
  for (const k in data) {
    name = k;
    break;
  }
  const values = name === undefined ? undefined : data[name];
  const attributes: string[] = [];
  const content: string[] = [];
  if (isRecord(values)) {
    addAttributes(attributes, values._attr);
    if (typeof values._cdata === 'string') content.push(`<![CDATA[${values._cdata.replace(/\]\]>/g, ']]]]><![CDATA[>')}]]>`);
    if (Array.isArray(values)) {
      // docx's writer: a placeholder that a text child replaces, so that an element with only
      // attribute children still gets an explicit end tag.
      let text = false;
      content.push('');
      for (const v of values as unknown[]) {
        if (isRecord(v)) {
          if ('_attr' in v && Object.keys(v)[0] === '_attr') addAttributes(attributes, v._attr);
          else content.push(xmlOf(v));
        } else {
          content.pop();
          text = true;
          content.push(escapeValue(v));
        }
      }
      if (!text) content.push('');
    }
  } else if (values !== null) content.push(escapeValue(values));
  const open = (name ? `<${name}` : '') + (attributes.length ? ` ${attributes.join(' ')}` : '') + (content.length ? (name ? '>' : '') : '/>');
  return content.length ? `${open}${content.join('')}${name ? `</${name}>` : ''}` : open;
}

interface ZipEntry {
  name: Buffer;
  crc: number;
  size: number;
  data: Buffer;
}

const entry = (name: string, content: Uint8Array): ZipEntry => ({ name: Buffer.from(name, 'utf8'), crc: zlib.crc32(content), size: content.length, data: zlib.deflateRawSync(content, { level: 6 }) });

/** A ZIP archive (deflated entries, no extras) of the given entries, in order. */
function zipEntries(entries: readonly ZipEntry[]): Buffer {
  const DOS_TIME = 0;
  const DOS_DATE = (1 << 5) | 1; // 1980-01-01, as docx writes
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(e.name.length, 26);
    local.writeUInt16LE(0, 28);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    local.copy(dir, 8, 6, 28); // flags, method, time, date, crc, sizes, name length
    dir.writeUInt16LE(0, 30); // extra
    dir.writeUInt16LE(0, 32); // comment
    dir.writeUInt16LE(0, 34); // disk
    dir.writeUInt16LE(0, 36); // internal attributes
    dir.writeUInt32LE(0, 38); // external attributes
    dir.writeUInt32LE(offset, 42);
    chunks.push(local, e.name, e.data);
    central.push(dir, e.name);
    offset += local.length + e.name.length + e.data.length;
  }
  const dirSize = central.reduce((a, b) => a + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}

const BODY_MARKER = 'VD-BODY-MARKER';
const TITLE_MARKER = 'VD-TITLE-MARKER';

interface Template {
  file: Document;
  before: string;
  after: string;
  core: string;
  /** Entries in Packer's order; null where the per-document part goes. */
  entries: { path: string; fixed: ZipEntry | null }[];
}

let template: Promise<Template> | null = null;

async function loadTemplate(): Promise<Template> {
  const file = officialDocument(TITLE_MARKER, [para([run(BODY_MARKER)])]);
  const zip = await JSZip.loadAsync(await Packer.toBuffer(file));
  const read = async (path: string): Promise<string> => {
    const f = zip.file(path);
    if (!f) throw new Error(`docx template lacks ${path}`);
    return f.async('string');
  };
  const document = await read('word/document.xml');
  const marker = /<w:p>(?:(?!<w:p>)[\s\S])*?VD-BODY-MARKER[\s\S]*?<\/w:p>/.exec(document);
  if (!marker) throw new Error('docx template lacks its body marker');
  const core = await read('docProps/core.xml');
  if (!core.includes(`<dc:title>${TITLE_MARKER}</dc:title>`)) throw new Error('docx template lacks its title marker');
  const entries: Template['entries'] = [];
  for (const f of Object.values(zip.files)) {
    if (f.dir) continue;
    const variable = f.name === 'word/document.xml' || f.name === 'docProps/core.xml';
    entries.push({ path: f.name, fixed: variable ? null : entry(f.name, await f.async('uint8array')) });
  }
  return { file, before: document.slice(0, marker.index), after: document.slice(marker.index + marker[0].length), core, entries };
}

/**
 * The .docx of `children` with the page set-up and styles of {@link officialDocument}: the same
 * bytes Packer would write for `officialDocument(title, children)` in document.xml, with the
 * other parts made once. Only for bodies of paragraphs, runs and tables: components that add
 * relationships or numbering (images, hyperlinks, lists, footnotes) would register them on the
 * shared template, not in this package.
 */
export async function packOfficialDocx(title: string, children: (Paragraph | Table)[]): Promise<Buffer> {
  template ??= loadTemplate().catch((e: unknown) => {
    template = null;
    throw e;
  });
  const t = await template;
  const context = { file: t.file, viewWrapper: t.file.Document, stack: [] };
  let body = '';
  for (const c of children) {
    const x = c.prepForXml(context);
    if (x) body += xmlOf(x);
  }
  const now = new Date().toISOString();
  const core = t.core
    .replace(`<dc:title>${TITLE_MARKER}</dc:title>`, `<dc:title>${escapeXml(nfc(title))}</dc:title>`)
    .replace(/(<dcterms:(?:created|modified) [^>]*>)[^<]*/g, `$1${now}`);
  const parts: Record<string, string> = { 'word/document.xml': t.before + body + t.after, 'docProps/core.xml': core };
  return zipEntries(t.entries.map((e) => e.fixed ?? entry(e.path, Buffer.from(parts[e.path] ?? '', 'utf8'))));
}

export async function achievementReportDocx(m: AchievementReportModel): Promise<Buffer> {
  return packOfficialDocx(reportTitle(m), achievementReportChildren(m));
}

/** The same document through Packer alone (the reference the fast path is tested against). */
export function achievementReportDocument(m: AchievementReportModel): Document {
  return officialDocument(reportTitle(m), achievementReportChildren(m));
}

function reportTitle(m: AchievementReportModel): string {
  const who = m.subjectKind === 'PERSON' ? m.person?.fullName : m.unit?.name;
  return `Báo cáo thành tích${filled(who) ? `: ${who.trim()}` : ''}`;
}
