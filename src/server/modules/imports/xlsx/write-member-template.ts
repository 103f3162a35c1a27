// The blank member file users download, fill in and upload.
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import type { Workbook } from 'exceljs';
import type { Locale } from '../../../../contracts/enums';
import { LIMITS } from '../../../../contracts/limits';
import { t } from '../../../../contracts/messages';
import { MEMBER_COLUMNS } from './member-columns';
import { HEADER_FILL, HEADER_FONT, REQUIRED_HEADER_FONT, TEXT_FORMAT, addMemberValidations } from './sheet-style';

const SAMPLE_FONT = { italic: true, color: { argb: 'FF6B7280' } };

function buildTemplate(locale: Locale): Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Vinh Danh';
  workbook.created = new Date();

  // Sheet 1: the data sheet. It must stay first: the importer reads the first visible sheet.
  const sheet = workbook.addWorksheet(t(locale, 'import.sheet.members'), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = MEMBER_COLUMNS.map((c) => ({
    key: c.key,
    width: c.width,
    style: c.textFormat ? { numFmt: TEXT_FORMAT } : {},
  }));
  const header = sheet.getRow(1);
  MEMBER_COLUMNS.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = column.header;
    cell.font = column.required ? REQUIRED_HEADER_FONT : HEADER_FONT;
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle' };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF9CA3AF' } } };
    if (column.textFormat) cell.numFmt = TEXT_FORMAT;
  });
  header.height = 22;

  const sample = sheet.getRow(2);
  MEMBER_COLUMNS.forEach((column, i) => {
    const cell = sample.getCell(i + 1);
    if (column.example !== '') cell.value = column.example;
    cell.font = SAMPLE_FONT;
    if (column.textFormat) cell.numFmt = TEXT_FORMAT;
  });
  addMemberValidations(sheet, locale);

  // Sheet 2: the guide.
  const guide = workbook.addWorksheet(t(locale, 'import.sheet.guide'));
  guide.columns = [{ width: 30 }, { width: 11 }, { width: 80 }, { width: 24 }];
  const title = guide.addRow([t(locale, 'import.guide.title')]);
  title.font = { bold: true, size: 14 };
  const max = new Intl.NumberFormat('vi-VN').format(LIMITS.importMaxRows);
  for (const key of ['import.guide.note1', 'import.guide.note2', 'import.guide.note3', 'import.guide.note4', 'import.guide.note5', 'import.guide.note6'] as const) {
    const row = guide.addRow([`• ${t(locale, key, { max })}`]);
    guide.mergeCells(row.number, 1, row.number, 4);
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    row.height = 30;
  }
  guide.addRow([]);
  const tableHeader = guide.addRow([
    t(locale, 'import.guide.colHeader'),
    t(locale, 'import.guide.colRequired'),
    t(locale, 'import.guide.colRule'),
    t(locale, 'import.guide.colExample'),
  ]);
  tableHeader.eachCell((cell) => {
    cell.font = HEADER_FONT;
    cell.fill = HEADER_FILL;
  });
  for (const column of MEMBER_COLUMNS) {
    const row = guide.addRow([
      column.header,
      t(locale, column.required ? 'import.guide.yes' : 'import.guide.no'),
      t(locale, column.helpKey, column.helpParams),
      column.example,
    ]);
    row.getCell(1).font = column.required ? REQUIRED_HEADER_FONT : { bold: true };
    row.getCell(3).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(4).numFmt = TEXT_FORMAT;
  }
  return workbook;
}

/**
 * Write the member template (.xlsx) to `out` and end it. Headers, drop-down values and the sample
 * row are Vietnamese whatever the locale (they are the file format); sheet names and the guide
 * follow `locale`. Resolves once `out` has finished, so consume `out` while awaiting.
 */
export async function writeMemberTemplate(out: Writable, locale: Locale = 'vi'): Promise<void> {
  await Promise.all([buildTemplate(locale).xlsx.write(out), finished(out)]);
}

/** The template as a buffer (it is small), e.g. to cache it per locale. */
export async function memberTemplateBuffer(locale: Locale = 'vi'): Promise<Buffer> {
  return Buffer.from(await buildTemplate(locale).xlsx.writeBuffer());
}
