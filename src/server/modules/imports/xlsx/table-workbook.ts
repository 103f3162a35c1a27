// A list as a workbook: a title row, the filter it shows, a styled frozen header, the rows (compliance, outgoing register, movements, clusters).
import ExcelJS from 'exceljs';
import { HEADER_FILL, HEADER_FONT } from './sheet-style';

export interface TableExport {
  sheet: string;
  title: string;
  lines: string[];
  columns: { header: string; width: number }[];
  rows: (string | number | null)[][];
}

export async function tableWorkbook(e: TableExport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Vinh Danh';
  const sheet = workbook.addWorksheet(e.sheet, { views: [{ state: 'frozen', ySplit: e.lines.length + 2 }] });
  sheet.columns = e.columns.map((c) => ({ width: c.width }));
  sheet.addRow([e.title]).font = { bold: true, size: 14 };
  for (const l of e.lines) sheet.addRow([l]);
  const header = sheet.addRow(e.columns.map((c) => c.header));
  header.eachCell((cell) => {
    cell.font = HEADER_FONT;
    cell.fill = HEADER_FILL;
  });
  for (const r of e.rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
