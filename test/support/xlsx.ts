// Builds real .xlsx files and multipart bodies for import tests.
import ExcelJS from 'exceljs';
import { MEMBER_COLUMNS } from '../../src/server/modules/imports/xlsx/member-columns';

export type MemberCells = Partial<Record<(typeof MEMBER_COLUMNS)[number]['key'], string | number | Date | null>>;

export async function memberWorkbook(rows: MemberCells[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Đoàn viên');
  ws.addRow(MEMBER_COLUMNS.map((c) => c.header));
  for (const r of rows) ws.addRow(MEMBER_COLUMNS.map((c) => r[c.key] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function multipart(fileName: string, content: Buffer, contentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') {
  const boundary = `----vinhdanh${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function readSheet(buf: Buffer, sheetIndex = 1): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[sheetIndex - 1]!;
  const out: string[][] = [];
  ws.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    out.push(values.map((v) => (v === null || v === undefined ? '' : typeof v === 'object' && v && 'text' in v ? String((v as { text: string }).text) : String(v))));
  });
  return out;
}
