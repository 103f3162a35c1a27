// Layout of the records workbook: one sheet per kind of record, named in Vietnamese, and the
// parsing of its cells into record values (no database access). Headers are the file format, so
// they are Vietnamese whatever the UI locale.
import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import type { AchievementImportError } from '../../../contracts/achievements';
import { ABSENCE_REASONS, DISCIPLINE_LEVELS, INITIATIVE_SCOPES, RATINGS, type Locale, type RecordKind } from '../../../contracts/enums';
import { t } from '../../../contracts/messages';
import { cellToText } from '../imports/xlsx/cell-text';
import { MEMBER_RULES, parseVnDate } from '../imports/xlsx/validate-member-row';
import { HEADER_FILL, HEADER_FONT, REQUIRED_HEADER_FONT, TEXT_FORMAT } from '../imports/xlsx/sheet-style';

export const IMPORTABLE_KINDS = ['AWARD', 'RATING', 'INITIATIVE', 'RESEARCH', 'DISCIPLINE', 'ABSENCE', 'REGISTRATION'] as const satisfies readonly RecordKind[];
export type ImportableKind = (typeof IMPORTABLE_KINDS)[number];

type CellKind = 'text' | 'date' | 'int' | 'bool' | 'choice';

export interface SheetColumn {
  key: string;
  header: string;
  required: boolean;
  type: CellKind;
  /** Codes accepted (also as their Vietnamese label, see `labelPrefix`). */
  choices?: readonly string[];
  labelPrefix?: string;
  example: string;
  width: number;
}

const col = (key: string, header: string, type: CellKind, example: string, o: Partial<SheetColumn> = {}): SheetColumn => ({
  key, header, required: header.endsWith('*'), type, example, width: Math.max(14, header.length + 4), ...o,
});

const SUBJECT_COLUMNS: SheetColumn[] = [
  col('memberCode', 'Mã đoàn viên', 'text', 'DV0000001'),
  col('cccd', 'Số CCCD', 'text', ''),
  col('orgCode', 'Mã đơn vị', 'text', ''),
];
const NOTE = col('note', 'Ghi chú', 'text', '', { width: 30 });
const choice = (key: string, header: string, choices: readonly string[], labelPrefix: string, example: string) =>
  col(key, header, 'choice', example, { choices, labelPrefix, width: 34 });

export const SHEETS: Record<ImportableKind, SheetColumn[]> = {
  AWARD: [
    ...SUBJECT_COLUMNS,
    col('awardCode', 'Mã khen thưởng*', 'text', 'LDTT'),
    col('year', 'Năm*', 'int', '2024'),
    col('decisionNumber', 'Số quyết định', 'text', '15/QĐ-CĐCS'),
    col('decisionDate', 'Ngày quyết định', 'date', '20/12/2024'),
    col('issuerName', 'Cơ quan ra quyết định', 'text', 'Công đoàn cơ sở Trường THCS thị trấn', { width: 34 }),
    NOTE,
  ],
  RATING: [...SUBJECT_COLUMNS, col('year', 'Năm*', 'int', '2024'), choice('rating', 'Xếp loại*', RATINGS, 'rating', 'HTXSNV'), NOTE],
  INITIATIVE: [
    ...SUBJECT_COLUMNS,
    col('title', 'Tên sáng kiến*', 'text', 'Ứng dụng bảng tính trong quản lý đoàn viên', { width: 40 }),
    col('recognisedBy', 'Cơ quan công nhận*', 'text', 'Hội đồng sáng kiến cơ sở', { width: 30 }),
    col('recognisedOn', 'Ngày công nhận*', 'date', '15/05/2024'),
    choice('scope', 'Phạm vi ảnh hưởng*', INITIATIVE_SCOPES, 'initiativeScope', 'Cấp cơ sở'),
    col('applied', 'Đã áp dụng', 'bool', 'Có'),
    col('benefitValueVnd', 'Giá trị làm lợi (đồng)', 'int', ''),
    col('decisionNumber', 'Số quyết định', 'text', ''),
    NOTE,
  ],
  RESEARCH: [
    ...SUBJECT_COLUMNS,
    col('title', 'Tên đề tài*', 'text', 'Nâng cao hiệu quả sinh hoạt tổ công đoàn', { width: 40 }),
    col('acceptedOn', 'Ngày nghiệm thu*', 'date', '30/06/2024'),
    choice('scope', 'Phạm vi ảnh hưởng*', INITIATIVE_SCOPES, 'initiativeScope', 'Cấp bộ, ngành, tỉnh'),
    col('applied', 'Đã áp dụng', 'bool', 'Có'),
    NOTE,
  ],
  DISCIPLINE: [
    ...SUBJECT_COLUMNS,
    choice('level', 'Hình thức kỷ luật*', DISCIPLINE_LEVELS, 'disciplineLevel', 'Khiển trách'),
    col('validFrom', 'Từ ngày*', 'date', '01/03/2023'),
    col('validTo', 'Đến ngày', 'date', '01/03/2024'),
    col('decisionNumber', 'Số quyết định', 'text', '03/QĐ-KL'),
    col('issuerName', 'Cơ quan ra quyết định', 'text', '', { width: 30 }),
    NOTE,
  ],
  ABSENCE: [
    ...SUBJECT_COLUMNS,
    choice('absenceReason', 'Lý do*', ABSENCE_REASONS, 'absenceReason', 'Nghỉ thai sản'),
    col('validFrom', 'Từ ngày*', 'date', '01/02/2024'),
    col('validTo', 'Đến ngày*', 'date', '31/07/2024'),
    NOTE,
  ],
  REGISTRATION: [
    ...SUBJECT_COLUMNS,
    col('year', 'Năm*', 'int', '2025'),
    col('awardCode', 'Mã danh hiệu*', 'text', 'CSTD_CS'),
    col('registeredOn', 'Ngày đăng ký*', 'date', '15/01/2025'),
    NOTE,
  ],
};

/** Lower-case ASCII fold for loose matching of sheet names, headers and choices. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[^a-z0-9]+/g, '');
}
const headerKey = (h: string) => fold(h.replace(/\(.*?\)/g, '').replace(/\*/g, ''));

export const sheetName = (kind: ImportableKind) => t('vi', `achievementImport.sheet.${kind}`);

export interface ParsedRow {
  kind: ImportableKind;
  sheet: string;
  row: number;
  /** Subject identification as typed. */
  memberCode: string | null;
  cccd: string | null;
  orgCode: string | null;
  values: Record<string, unknown>;
  note: string | null;
  /** Cell text by key, for error reports. */
  raw: Record<string, string | null>;
}

export interface ParseResult {
  rows: ParsedRow[];
  errors: AchievementImportError[];
}

export const sheetError = (sheet: string | null, row: number, column: string | null, code: string, value: string | null, params: Record<string, string | number> = {}): AchievementImportError => ({
  sheet, row, column, code, message: t('vi', code, { value: value ?? '', ...params }), value,
});

const YES = new Set(['co', 'x', 'true', '1', 'yes']);
const NO = new Set(['khong', 'false', '0', 'no']);

function parseCell(column: SheetColumn, text: string, report: (code: string, params?: Record<string, string | number>) => void): unknown {
  switch (column.type) {
    case 'text':
      return text;
    case 'date': {
      const d = parseVnDate(text);
      if (!d.ok) return report(d.key, { minYear: MEMBER_RULES.minYear });
      return d.iso;
    }
    case 'int': {
      const digits = text.replace(/[.\s]/g, '');
      if (!/^\d{1,15}$/.test(digits)) return report('achievementImport.row.integer');
      return Number(digits);
    }
    case 'bool': {
      const f = fold(text);
      if (YES.has(f)) return true;
      if (NO.has(f)) return false;
      return report('import.row.yesNo');
    }
    case 'choice': {
      const f = fold(text);
      const found = column.choices!.find((c) => fold(c) === f || fold(t('vi', `${column.labelPrefix}.${c}`)) === f);
      if (!found) return report('achievementImport.row.choice', { choices: column.choices!.map((c) => t('vi', `${column.labelPrefix}.${c}`)).join('; ') });
      return found;
    }
  }
}

function parseSheet(kind: ImportableKind, ws: Worksheet, out: ParseResult) {
  const columns = SHEETS[kind];
  const sheet = ws.name;
  const header = ws.getRow(1);
  const at = new Map<string, number>();
  header.eachCell({ includeEmpty: false }, (cell, n) => {
    const text = cellToText(cell.value, cell.numFmt, false).text;
    const match = text === null ? undefined : columns.find((c) => headerKey(c.header) === headerKey(text));
    if (match && !at.has(match.key)) at.set(match.key, n);
  });
  const missing = columns.filter((c) => c.required && !at.has(c.key));
  if (missing.length) {
    out.errors.push(sheetError(sheet, 1, null, 'achievementImport.file.missingColumns', null, { sheet, columns: missing.map((c) => c.header).join(', ') }));
    return;
  }
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const raw: Record<string, string | null> = {};
    let blank = true;
    for (const c of columns) {
      const n = at.get(c.key);
      const cell = n === undefined ? null : row.getCell(n);
      const text = cell ? cellToText(cell.value, cell.numFmt, false).text : null;
      raw[c.key] = text;
      if (text !== null) blank = false;
    }
    if (blank) continue;
    const values: Record<string, unknown> = {};
    for (const c of columns) {
      if (c.key === 'memberCode' || c.key === 'cccd' || c.key === 'orgCode' || c.key === 'note') continue;
      const text = raw[c.key] ?? null;
      if (text === null) {
        if (c.required) out.errors.push(sheetError(sheet, r, c.header, 'import.row.required', null));
        values[c.key] = c.type === 'bool' ? true : null;
        continue;
      }
      values[c.key] = parseCell(c, text, (code, params) => void out.errors.push(sheetError(sheet, r, c.header, code, text, params)));
    }
    out.rows.push({ kind, sheet, row: r, memberCode: raw.memberCode ?? null, cccd: raw.cccd ?? null, orgCode: raw.orgCode?.toUpperCase() ?? null, values, note: raw.note ?? null, raw });
  }
}

/** Reads every sheet of the workbook named like a kind of record; other sheets are ignored. */
export async function parseRecordWorkbook(path: string): Promise<ParseResult> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out: ParseResult = { rows: [], errors: [] };
  let known = 0;
  for (const ws of wb.worksheets) {
    const kind = IMPORTABLE_KINDS.find((k) => fold(sheetName(k)) === fold(ws.name));
    if (!kind) continue;
    known++;
    parseSheet(kind, ws, out);
  }
  if (known === 0) out.errors.push(sheetError(null, 0, null, 'achievementImport.file.noSheet', null, { sheets: IMPORTABLE_KINDS.map(sheetName).join(', ') }));
  else if (out.rows.length === 0 && out.errors.length === 0) out.errors.push(sheetError(null, 0, null, 'achievementImport.file.empty', null));
  return out;
}

/** The blank workbook: a sheet per kind with its header row and one example row, and a guide. */
export async function recordTemplateBuffer(locale: Locale): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Vinh Danh';
  wb.created = new Date();
  for (const kind of IMPORTABLE_KINDS) {
    const columns = SHEETS[kind];
    const ws = wb.addWorksheet(sheetName(kind), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns.map((c) => ({ key: c.key, width: c.width, style: c.type === 'date' || c.type === 'text' ? { numFmt: TEXT_FORMAT } : {} }));
    const header = ws.getRow(1);
    columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = c.header;
      cell.font = c.required ? REQUIRED_HEADER_FONT : HEADER_FONT;
      cell.fill = HEADER_FILL;
    });
    const example = ws.getRow(2);
    columns.forEach((c, i) => {
      const cell = example.getCell(i + 1);
      cell.value = c.example === '' ? null : c.example;
      cell.font = { italic: true, color: { argb: 'FF6B7280' } };
    });
  }
  const guide = wb.addWorksheet(t(locale, 'achievementImport.sheet.guide'));
  guide.columns = [{ width: 120 }];
  guide.addRow([t(locale, 'achievementImport.guide.title')]).font = { bold: true, size: 14 };
  for (const key of ['achievementImport.guide.note1', 'achievementImport.guide.note2', 'achievementImport.guide.note3', 'achievementImport.guide.note4'] as const) {
    guide.addRow([`• ${t(locale, key)}`]).getCell(1).alignment = { wrapText: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
