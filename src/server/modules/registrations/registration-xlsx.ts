// The registration workbook: a template pre-filled with the unit's active members and an award
// column with a drop-down of the allowed titles; reading it back; and the export of a filtered list.
// Headers are the file format, so they are Vietnamese whatever the UI locale.
import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { t } from '../../../contracts/messages';
import { cellToText } from '../imports/xlsx/cell-text';
import { columnLetter, HEADER_FILL, HEADER_FONT, REQUIRED_HEADER_FONT, TEXT_FORMAT } from '../imports/xlsx/sheet-style';
import { fold } from '../achievements/import-sheets';
import type { RegistrationDto } from '../../../contracts/registrations';

const h = (key: string) => t('vi', `registration.xlsx.col.${key}`);
export const SHEET_NAME = 'Đăng ký thi đua';
const LIST_SHEET = 'Danh hiệu';
/** "LDTT – Lao động tiên tiến": what the drop-down shows and the import reads back. */
export const awardChoice = (a: { code: string; name: string }) => `${a.code} – ${a.name}`;

export interface TemplateModel {
  unitName: string;
  year: number;
  movementTitle: string | null;
  awards: { code: string; name: string }[];
  members: { memberCode: string | null; fullName: string; unitName: string }[];
}

function styleHeader(ws: Worksheet, rowNo: number, headers: string[], required: Set<number> = new Set()) {
  const row = ws.getRow(rowNo);
  headers.forEach((text, i) => {
    const cell = row.getCell(i + 1);
    cell.value = text;
    cell.font = required.has(i) ? REQUIRED_HEADER_FONT : HEADER_FONT;
    cell.fill = HEADER_FILL;
  });
}

export async function registrationTemplate(m: TemplateModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Vinh Danh';
  const ws = wb.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 4 }] });
  ws.columns = [{ width: 6 }, { width: 16, style: { numFmt: TEXT_FORMAT } }, { width: 30 }, { width: 36 }, { width: 46 }];
  ws.getCell('A1').value = t('vi', 'registration.xlsx.title', { year: m.year }) + (m.movementTitle ? ` – ${m.movementTitle}` : '');
  ws.getCell('A1').font = { bold: true, size: 13 };
  ws.getCell('A2').value = t('vi', 'registration.xlsx.unit', { name: m.unitName });
  ws.getCell('A3').value = t('vi', 'registration.xlsx.guide');
  ws.getCell('A3').font = { italic: true, color: { argb: 'FF6B7280' } };
  styleHeader(ws, 4, [h('no'), h('memberCode'), h('fullName'), h('unit'), h('award')], new Set([1, 4]));
  m.members.forEach((p, i) => ws.addRow([i + 1, p.memberCode ?? '', p.fullName, p.unitName, null]));
  const list = wb.addWorksheet(LIST_SHEET, { state: 'hidden' });
  m.awards.forEach((a, i) => (list.getCell(`A${i + 1}`).value = awardChoice(a)));
  if (m.awards.length > 0 && m.members.length > 0) {
    const validations = (ws as unknown as { dataValidations: { add(range: string, v: Record<string, unknown>): void } }).dataValidations;
    validations.add(`${columnLetter(5)}5:${columnLetter(5)}${4 + m.members.length}`, {
      type: 'list', allowBlank: true, formulae: [`'${LIST_SHEET}'!$A$1:$A$${m.awards.length}`], showErrorMessage: true, errorStyle: 'stop',
      errorTitle: h('award'), error: t('vi', 'registration.row.awardUnknown', { value: '' }),
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface SheetLine {
  row: number;
  memberCode: string | null;
  award: string;
}

export type ReadResult = { ok: true; lines: SheetLine[] } | { ok: false; key: string; params?: Record<string, string | number> };

/** Reads the lines that name an award (others are members who do not register). */
export async function readRegistrationSheet(buffer: Buffer, maxRows: number): Promise<ReadResult> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return { ok: false, key: 'import.file.corrupt' };
  }
  const ws = wb.worksheets.find((s) => fold(s.name) === fold(SHEET_NAME)) ?? wb.worksheets[0];
  if (!ws) return { ok: false, key: 'import.file.noWorksheet' };
  let headerRow = 0;
  let codeCol = 0;
  let awardCol = 0;
  for (let r = 1; r <= Math.min(ws.rowCount, 10) && headerRow === 0; r++) {
    ws.getRow(r).eachCell((cell, n) => {
      const text = fold(cellToText(cell.value, cell.numFmt, false).text ?? '');
      if (text === fold(h('memberCode'))) codeCol = n;
      if (text === fold(h('award'))) awardCol = n;
    });
    if (codeCol && awardCol) headerRow = r;
    else codeCol = awardCol = 0;
  }
  if (!headerRow) return { ok: false, key: 'registration.file.badHeader' };
  if (ws.rowCount - headerRow > maxRows) return { ok: false, key: 'registration.file.tooManyRows', params: { max: maxRows } };
  const lines: SheetLine[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const text = (n: number) => cellToText(row.getCell(n).value, row.getCell(n).numFmt, false).text;
    const award = text(awardCol);
    if (award === null) continue;
    lines.push({ row: r, memberCode: text(codeCol), award: award.normalize('NFC') });
  }
  if (lines.length === 0) return { ok: false, key: 'registration.file.noRows' };
  return { ok: true, lines };
}

/** The award code a cell names: "LDTT – Lao động tiên tiến", "LDTT" or "Lao động tiên tiến". */
export function awardOfCell(text: string, awards: readonly { code: string; name: string }[]): string | null {
  const head = text.split(/\s+[–-]\s+/)[0]!.trim().toUpperCase();
  const byCode = awards.find((a) => a.code === head);
  if (byCode) return byCode.code;
  const f = fold(text);
  return awards.find((a) => fold(a.name) === f || fold(awardChoice(a)) === f)?.code ?? null;
}

const REVIEW_LABEL = (r: RegistrationDto) => (r.status === 'ACTIVE' ? t('vi', `registration.review.${r.reviewStatus}`) : t('vi', `registration.status.${r.status}`));

export async function registrationExport(rows: RegistrationDto[], title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Vinh Danh';
  const ws = wb.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = [{ width: 6 }, { width: 11 }, { width: 14 }, { width: 32 }, { width: 36 }, { width: 40 }, { width: 7 }, { width: 30 }, { width: 13 }, { width: 13 }, { width: 36 }];
  ws.getCell('A1').value = title;
  ws.getCell('A1').font = { bold: true, size: 13 };
  styleHeader(ws, 2, [h('no'), h('subject'), h('memberCode'), h('fullName'), h('unit'), h('award'), h('year'), h('movement'), h('registeredOn'), h('review'), h('reason')]);
  rows.forEach((r, i) =>
    ws.addRow([
      i + 1, t('vi', `registration.xlsx.subject.${r.subject}`), r.memberCode ?? '', r.subjectName, r.unitName, r.awardName, r.year,
      r.movementTitle ?? '', r.registeredOn.split('-').reverse().join('/'), REVIEW_LABEL(r), r.reviewStatus === 'RETURNED' ? (r.reviewReason ?? '') : '',
    ]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
