import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_EXTRA_COLUMNS, MEMBER_COLUMNS } from './member-columns';
import { CTX, HEADERS, VIETNAMESE_DIACRITIC, makeTempDir } from './test-support';
import type { TempDir } from './test-support';
import { validateMemberFile } from './validate-member-file';
import { memberTemplateBuffer, writeMemberTemplate } from './write-member-template';

let dir: TempDir;
let viPath: string;
beforeAll(async () => {
  dir = await makeTempDir();
  viPath = dir.file('mau-doan-vien.xlsx');
  await writeMemberTemplate(createWriteStream(viPath), 'vi');
}, 30_000);
afterAll(async () => {
  await dir.remove();
});

async function load(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

interface SheetInternals {
  dataValidations: { model: Record<string, { type: string; formulae?: string[]; prompt?: string }> };
}

describe('writeMemberTemplate', { timeout: 30_000 }, () => {
  it('writes a real .xlsx starting with PK', async () => {
    const bytes = await readFile(viPath);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
  });

  it('has a "Đoàn viên" sheet with the exact headers, bold and frozen, and one sample row', async () => {
    const workbook = await load(viPath);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Đoàn viên', 'Hướng dẫn']);
    const sheet = workbook.getWorksheet('Đoàn viên');
    if (!sheet) throw new Error('no sheet');
    expect(sheet.getRow(1).values).toEqual([undefined, ...HEADERS]);
    expect(HEADERS).toEqual([
      'Mã đoàn viên',
      'Họ và tên*',
      'Giới tính* (Nam/Nữ)',
      'Ngày sinh (dd/mm/yyyy)',
      'Số CCCD',
      'Mã đơn vị*',
      'Chức vụ',
      'Cán bộ lãnh đạo (Có/Không)',
      'Lao động trực tiếp (Có/Không)',
      'Ngày vào công đoàn',
      'Điện thoại',
      'Email',
      'Dân tộc',
    ]);
    expect(sheet.getRow(1).getCell(2).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(20);
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(2).value).toBe('Nguyễn Thị Ánh');
    expect(sheet.getRow(2).getCell(5).value).toBe('001190012345');
  });

  it('formats date, CCCD and phone columns as text and adds drop-downs', async () => {
    const sheet = (await load(viPath)).getWorksheet(1);
    if (!sheet) throw new Error('no sheet');
    const col = (key: string) => MEMBER_COLUMNS.findIndex((c) => c.key === key) + 1;
    for (const key of ['birthDate', 'joinedUnionOn', 'cccd', 'phone', 'unitCode', 'memberCode']) {
      expect(sheet.getColumn(col(key)).numFmt, key).toBe('@');
    }
    const validations = (sheet as unknown as SheetInternals).dataValidations.model;
    // ExcelJS expands each range into one entry per cell when it loads a file.
    for (const row of [2, 10001]) {
      expect(validations[`C${row}`]).toMatchObject({ type: 'list', formulae: ['"Nam,Nữ"'] });
      expect(validations[`H${row}`]).toMatchObject({ type: 'list', formulae: ['"Có,Không"'] });
      expect(validations[`I${row}`]).toMatchObject({ type: 'list', formulae: ['"Có,Không"'] });
      expect(validations[`D${row}`]?.prompt).toContain('dd/mm/yyyy');
    }
    expect(validations['C10002']).toBeUndefined();
  });

  it('explains every column in Vietnamese on the "Hướng dẫn" sheet', async () => {
    const guide = (await load(viPath)).getWorksheet('Hướng dẫn');
    if (!guide) throw new Error('no guide');
    const texts: string[] = [];
    guide.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    for (const header of HEADERS) expect(texts).toContain(header);
    const rules = MEMBER_COLUMNS.map((c) => texts[texts.indexOf(c.header) + 2] ?? '');
    for (const rule of rules) expect(rule).toMatch(VIETNAMESE_DIACRITIC);
    expect(texts.join('\n')).toContain('200.000');
  });

  it('localises sheet names and the guide but keeps the Vietnamese file format', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await memberTemplateBuffer('en')) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Members', 'Guide']);
    expect(workbook.worksheets[0]?.getRow(1).values).toEqual([undefined, ...HEADERS]);
    expect(String(workbook.worksheets[1]?.getRow(1).getCell(1).value)).toBe('HOW TO FILL IN THE MEMBER LIST');
  });

  it('does not import its sample row by accident, but the sample itself is valid', async () => {
    const result = await validateMemberFile(viPath, CTX);
    expect(result.errors).toEqual([expect.objectContaining({ row: 2, column: 'Mã đơn vị*', code: 'import.row.unitUnknown' })]);
    const withSampleUnit = await validateMemberFile(viPath, { ...CTX, unitCodes: new Map([['CDCS-VIDU', 99]]) });
    expect(withSampleUnit.errors).toEqual([]);
    expect(withSampleUnit.rows).toEqual([
      expect.objectContaining({ fullName: 'Nguyễn Thị Ánh', gender: 'FEMALE', birthDate: '1990-03-15', cccd: '001190012345', orgId: 99 }),
    ]);
  });

  it('can be filled in with Excel-like edits and imported', async () => {
    const workbook = await load(viPath);
    const sheet = workbook.getWorksheet(1);
    if (!sheet) throw new Error('no sheet');
    sheet.spliceRows(2, 1); // delete the sample, as the guide asks
    sheet.addRow(['', 'Hoàng Văn Em', 'Nam', '07/08/1995', '036095001234', 'cdcs-a', 'Công nhân', '', 'x', '15/09/2016', '0987654321', 'em@example.vn', 'Tày']);
    // A real date typed into a cell the user re-formatted as a date.
    sheet.addRow([null, 'Vũ Thị Giang', 'Nữ', new Date(Date.UTC(1988, 10, 20)), null, 'CDCS-B']).getCell(4).numFmt = 'dd/mm/yyyy';
    const path = dir.file('filled.xlsx');
    await workbook.xlsx.writeFile(path);

    const result = await validateMemberFile(path, CTX);
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      {
        rowNumber: 2,
        memberCode: null,
        cccd: '036095001234',
        fullName: 'Hoàng Văn Em',
        gender: 'MALE',
        birthDate: '1995-08-07',
        unitCode: 'CDCS-A',
        orgId: 11,
        position: 'Công nhân',
        isLeader: false,
        isDirectWorker: true,
        joinedUnionOn: '2016-09-15',
        phone: '0987654321',
        email: 'em@example.vn',
        ethnicity: 'Tày',
      },
      expect.objectContaining({ rowNumber: 3, fullName: 'Vũ Thị Giang', birthDate: '1988-11-20', cccd: null, orgId: 12 }),
    ]);
  });

  it('uses the same columns as the export (minus the export-only ones)', () => {
    expect(EXPORT_EXTRA_COLUMNS.map((c) => c.header)).toEqual(['Tên đơn vị', 'Trạng thái']);
  });
});
