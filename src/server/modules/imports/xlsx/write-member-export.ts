// Streaming export of members, in the import layout so that the file can be edited and re-imported.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Gender, Locale, MemberStatus } from '../../../../contracts/enums';
import { t } from '../../../../contracts/messages';
import { EXPORT_EXTRA_COLUMNS, MEMBER_COLUMNS } from './member-columns';
import type { MemberColumnKey } from './member-columns';
import { HEADER_FILL, HEADER_FONT, REQUIRED_HEADER_FONT, TEXT_FORMAT, addMemberValidations } from './sheet-style';
import { isoToVnDate } from './validate-member-row';

export interface MemberExportRow {
  memberCode: string | null;
  fullName: string;
  gender: Gender;
  /** ISO `yyyy-mm-dd`. */
  birthDate: string | null;
  cccd: string | null;
  unitCode: string;
  unitName: string;
  position: string | null;
  isLeader: boolean;
  isDirectWorker: boolean;
  /** ISO `yyyy-mm-dd`. */
  joinedUnionOn: string | null;
  phone: string | null;
  email: string | null;
  ethnicity: string | null;
  status: MemberStatus;
}

export interface MemberExportMeta {
  title: string;
  /** Human-readable description of the list filter, e.g. "Đơn vị: CĐCS Công ty A; Giới tính: Nữ". */
  filterSummary: string;
  generatedAt: Date;
  /** Language of the "Thông tin" sheet and the sheet names; the member data stays Vietnamese. */
  locale?: Locale;
}

const YIELD_EVERY_ROWS = 1000;

const vnDateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "dd/mm/yyyy HH:mm" in Vietnam time. */
function formatVnDateTime(date: Date): string {
  const p = Object.fromEntries(vnDateTime.formatToParts(date).map((part) => [part.type, part.value]));
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

function cellValues(member: MemberExportRow): Array<string | null> {
  const values: Record<MemberColumnKey, string | null> = {
    memberCode: member.memberCode,
    fullName: member.fullName,
    gender: member.gender === 'MALE' ? 'Nam' : 'Nữ',
    birthDate: member.birthDate === null ? null : isoToVnDate(member.birthDate),
    cccd: member.cccd,
    unitCode: member.unitCode,
    position: member.position,
    isLeader: member.isLeader ? 'Có' : 'Không',
    isDirectWorker: member.isDirectWorker ? 'Có' : 'Không',
    joinedUnionOn: member.joinedUnionOn === null ? null : isoToVnDate(member.joinedUnionOn),
    phone: member.phone,
    email: member.email,
    ethnicity: member.ethnicity,
  };
  return [...MEMBER_COLUMNS.map((c) => values[c.key]), member.unitName, t('vi', `memberStatus.${member.status}`)];
}

/**
 * Stream members to `out` as .xlsx with ExcelJS's streaming writer (rows are flushed as they come,
 * not kept in memory). Sheet 1 has exactly the template's headers (plus the ignored "Tên đơn vị"
 * and "Trạng thái" columns), no title row, so it can be re-imported; the title, filter and time
 * go to a second sheet. Dates are written as dd/mm/yyyy text and CCCD as text.
 *
 * Ends `out` and resolves once it has finished. If `rows` throws, `out` is destroyed with the error
 * (a half-written workbook is useless) and the promise rejects.
 */
export async function writeMemberExport(
  out: Writable,
  rows: AsyncIterable<MemberExportRow> | Iterable<MemberExportRow>,
  meta: MemberExportMeta,
): Promise<{ rowCount: number }> {
  const locale = meta.locale ?? 'vi';
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Vinh Danh';
  workbook.created = meta.generatedAt;
  let rowCount = 0;
  try {
    const sheet = workbook.addWorksheet(t(locale, 'import.sheet.members'), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = [
      ...MEMBER_COLUMNS.map((c) => ({ key: c.key, width: c.width, style: c.textFormat ? { numFmt: TEXT_FORMAT } : {} })),
      ...EXPORT_EXTRA_COLUMNS.map((c) => ({ key: c.key, width: c.width })),
    ];
    const header = sheet.addRow([...MEMBER_COLUMNS.map((c) => c.header), ...EXPORT_EXTRA_COLUMNS.map((c) => c.header)]);
    header.eachCell((cell, col) => {
      cell.font = MEMBER_COLUMNS[col - 1]?.required ? REQUIRED_HEADER_FONT : HEADER_FONT;
      cell.fill = HEADER_FILL;
    });
    header.commit();

    for await (const member of rows) {
      sheet.addRow(cellValues(member)).commit();
      rowCount++;
      // Give the zip stream a chance to flush to `out` on long exports.
      if (rowCount % YIELD_EVERY_ROWS === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    addMemberValidations(sheet, locale);
    sheet.commit();

    const info = workbook.addWorksheet(t(locale, 'import.sheet.info'));
    info.columns = [{ width: 22 }, { width: 90 }];
    const lines: Array<[string, string | number]> = [
      [t(locale, 'import.export.title'), meta.title],
      [t(locale, 'import.export.filter'), meta.filterSummary],
      [t(locale, 'import.export.generatedAt'), formatVnDateTime(meta.generatedAt)],
      [t(locale, 'import.export.rowCount'), rowCount],
    ];
    for (const [label, value] of lines) {
      const row = info.addRow([label, value]);
      row.getCell(1).font = { bold: true };
      row.getCell(2).alignment = { wrapText: true, vertical: 'top', horizontal: 'left' };
      row.commit();
    }
    info.addRow([]).commit();
    info.addRow([t(locale, 'import.export.reimportNote')]).commit();
    info.commit();
    await workbook.commit();
  } catch (error) {
    out.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
  return { rowCount };
}
