import { writeFile } from 'node:fs/promises';
import type { CellValue } from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMBER_COLUMN_BY_KEY } from './member-columns';
import type { MemberColumnKey } from './member-columns';
import { CTX, HEADERS, VIETNAMESE_DIACRITIC, inTemplateOrder, makeTempDir, validCells, writeWorkbook } from './test-support';
import type { CellRecord, TempDir } from './test-support';
import { validateMemberFile } from './validate-member-file';

let dir: TempDir;
beforeAll(async () => {
  dir = await makeTempDir();
}, 30_000);
afterAll(async () => {
  await dir.remove();
});

/** A valid row with its own member code and CCCD, so rows never collide by accident. */
function uniqueRow(i: number, overrides: CellRecord = {}): CellValue[] {
  return inTemplateOrder(validCells({ memberCode: `DV${i}`, cccd: `0011900${String(i).padStart(5, '0')}`, ...overrides }));
}

describe('validateMemberFile', { timeout: 30_000 }, () => {
  it('accepts a clean file', async () => {
    const path = dir.file('clean.xlsx');
    await writeWorkbook(path, [
      HEADERS,
      uniqueRow(1),
      [],
      uniqueRow(2, { fullName: 'Trần Văn Bình', gender: 'Nam', unitCode: 'cdcs-b', isLeader: 'Có', phone: null }),
      uniqueRow(3, { memberCode: null, cccd: null, email: null, birthDate: null, joinedUnionOn: null }),
    ]);
    const progress: number[] = [];
    const result = await validateMemberFile(path, CTX, (n) => progress.push(n));
    expect(result.errors).toEqual([]);
    expect(result.errorCount).toBe(0);
    expect(result.totalRows).toBe(3);
    expect(progress).toEqual([3]);
    expect(result.rows.map((r) => r.rowNumber)).toEqual([2, 4, 5]);
    expect(result.rows[1]).toMatchObject({ fullName: 'Trần Văn Bình', gender: 'MALE', unitCode: 'CDCS-B', orgId: 12, isLeader: true, phone: null });
    expect(result.rows[2]).toMatchObject({ memberCode: null, cccd: null, birthDate: null });
  });

  type Case = { name: string; cells: CellRecord; column: MemberColumnKey; code: string };
  const badRows: Case[] = [
    { name: 'no name', cells: { fullName: null }, column: 'fullName', code: 'import.row.required' },
    { name: 'short name', cells: { fullName: 'B' }, column: 'fullName', code: 'import.row.nameLength' },
    { name: 'bad gender', cells: { gender: 'Khác' }, column: 'gender', code: 'import.row.gender' },
    { name: '31/02', cells: { birthDate: '31/02/1990' }, column: 'birthDate', code: 'import.row.dateInvalid' },
    { name: 'bad date format', cells: { birthDate: '1990.15.03' }, column: 'birthDate', code: 'import.row.dateFormat' },
    { name: 'date serial in a text cell', cells: { birthDate: 32467 }, column: 'birthDate', code: 'import.row.dateNumeric' },
    { name: 'future birth', cells: { birthDate: '02/01/2026', joinedUnionOn: null }, column: 'birthDate', code: 'import.row.birthDateFuture' },
    { name: 'too young', cells: { birthDate: '01/01/2012', joinedUnionOn: null }, column: 'birthDate', code: 'import.row.ageRange' },
    { name: 'too old', cells: { birthDate: new Date(Date.UTC(1930, 0, 1)) }, column: 'birthDate', code: 'import.row.ageRange' },
    { name: 'joined as a child', cells: { joinedUnionOn: '01/09/1999' }, column: 'joinedUnionOn', code: 'import.row.joinedTooEarly' },
    { name: 'joined tomorrow', cells: { joinedUnionOn: '16/06/2025' }, column: 'joinedUnionOn', code: 'import.row.joinedFuture' },
    { name: 'CCCD of 9 digits', cells: { cccd: '123456789' }, column: 'cccd', code: 'import.row.cccdFormat' },
    { name: 'CCCD as a number', cells: { cccd: 1190012345 }, column: 'cccd', code: 'import.row.cccdNumeric' },
    { name: 'no unit', cells: { unitCode: null }, column: 'unitCode', code: 'import.row.required' },
    { name: 'foreign unit', cells: { unitCode: 'CDCS-KHAC' }, column: 'unitCode', code: 'import.row.unitUnknown' },
    { name: 'bad leader flag', cells: { isLeader: 'Đúng' }, column: 'isLeader', code: 'import.row.yesNo' },
    { name: 'bad worker flag', cells: { isDirectWorker: 2 }, column: 'isDirectWorker', code: 'import.row.yesNo' },
    { name: 'bad email', cells: { email: 'anh.nguyen@' }, column: 'email', code: 'import.row.email' },
    { name: 'bad phone', cells: { phone: '0912-345-678' }, column: 'phone', code: 'import.row.phone' },
    { name: 'phone as a number', cells: { phone: 912345678 }, column: 'phone', code: 'import.row.phoneNumeric' },
    { name: 'long member code', cells: { memberCode: 'DV'.repeat(21) }, column: 'memberCode', code: 'import.row.tooLong' },
    { name: 'long ethnicity', cells: { ethnicity: 'Dân tộc '.repeat(8) }, column: 'ethnicity', code: 'import.row.tooLong' },
  ];

  describe('a file with one bad row per rule', () => {
    // One file: row 2 is valid, then one bad row per case (row 3, 4, …), then a valid last row.
    let result: Awaited<ReturnType<typeof validateMemberFile>>;
    beforeAll(async () => {
      const path = dir.file('bad-rows.xlsx');
      await writeWorkbook(path, [HEADERS, uniqueRow(0), ...badRows.map((c, i) => uniqueRow(i + 1, c.cells)), uniqueRow(999)]);
      result = await validateMemberFile(path, CTX);
    }, 30_000);

    it('keeps no rows and counts every error', () => {
      expect(result.rows).toEqual([]);
      expect(result.totalRows).toBe(badRows.length + 2);
      expect(result.errorCount).toBe(badRows.length);
      expect(result.errors).toHaveLength(badRows.length);
    });

    it.each(badRows.map((c, i) => ({ ...c, row: i + 3 })))('row $row ($name): $code in its column', ({ row, column, code }) => {
      const errors = result.errors.filter((e) => e.row === row);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ row, column: MEMBER_COLUMN_BY_KEY[column].header, code });
      expect(errors[0]?.message).toMatch(VIETNAMESE_DIACRITIC);
    });
  });

  it('reports in-file duplicates of CCCD and member code against the first row', async () => {
    const path = dir.file('duplicates.xlsx');
    await writeWorkbook(path, [
      HEADERS,
      uniqueRow(1),
      uniqueRow(2),
      uniqueRow(3),
      uniqueRow(4, { cccd: '001 190 000 002' }), // same as row 3 once spaces are removed
      uniqueRow(5, { memberCode: 'DV1' }),
      uniqueRow(6, { cccd: '001190000002', fullName: null }), // invalid row, still a duplicate
    ]);
    const result = await validateMemberFile(path, CTX);
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([
      { row: 5, column: 'Số CCCD', code: 'import.row.duplicateCccd', message: 'Số CCCD trùng với dòng 3.', value: '001 190 000 002' },
      { row: 6, column: 'Mã đoàn viên', code: 'import.row.duplicateMemberCode', message: 'Mã đoàn viên trùng với dòng 2.', value: 'DV1' },
      expect.objectContaining({ row: 7, column: 'Họ và tên*', code: 'import.row.required' }),
      expect.objectContaining({ row: 7, column: 'Số CCCD', code: 'import.row.duplicateCccd', message: 'Số CCCD trùng với dòng 3.' }),
    ]);
  });

  it('reports a file without data rows', async () => {
    const path = dir.file('header-only.xlsx');
    await writeWorkbook(path, [HEADERS, [], [null, '   ']]);
    const result = await validateMemberFile(path, CTX);
    expect(result).toEqual({
      rows: [],
      errors: [{ row: 0, column: null, code: 'import.file.empty', message: expect.stringMatching(VIETNAMESE_DIACRITIC), value: null }],
      errorCount: 1,
      totalRows: 0,
    });
  });

  it('stops at the row limit', async () => {
    const path = dir.file('too-many.xlsx');
    await writeWorkbook(path, [HEADERS, ...Array.from({ length: 8 }, (_, i) => uniqueRow(i))]);
    const result = await validateMemberFile(path, { ...CTX, maxRows: 5 });
    expect(result.totalRows).toBe(6);
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([
      { row: 7, column: null, code: 'import.file.tooManyRows', message: expect.stringContaining('tối đa 5 dòng'), value: null },
    ]);
  });

  it('stores a capped number of errors but counts them all', async () => {
    const path = dir.file('many-errors.xlsx');
    await writeWorkbook(path, [HEADERS, ...Array.from({ length: 30 }, (_, i) => uniqueRow(i, { gender: '?' }))]);
    const result = await validateMemberFile(path, { ...CTX, maxStoredErrors: 10 });
    expect(result.errors).toHaveLength(10);
    expect(result.errorCount).toBe(30);
    expect(result.errors[9]?.row).toBe(11);
  });

  it('reports progress every 1000 rows', async () => {
    const path = dir.file('progress.xlsx');
    await writeWorkbook(path, [HEADERS, ...Array.from({ length: 2500 }, (_, i) => uniqueRow(i))]);
    const progress: number[] = [];
    const result = await validateMemberFile(path, CTX, (n) => progress.push(n));
    expect(result.errorCount).toBe(0);
    expect(result.rows).toHaveLength(2500);
    expect(progress).toEqual([1000, 2000, 2500]);
  }, 30_000);

  it('returns whole-file problems as errors instead of throwing', async () => {
    const csv = dir.file('members.csv.xlsx');
    await writeFile(csv, 'Họ và tên*,Giới tính*,Mã đơn vị*\nNguyễn Văn A,Nam,CDCS-A\n');
    expect(await validateMemberFile(csv, CTX)).toMatchObject({
      rows: [],
      errors: [{ row: 0, column: null, code: 'import.file.unsupported' }],
      errorCount: 1,
      totalRows: 0,
    });

    const noUnit = dir.file('no-unit.xlsx');
    await writeWorkbook(noUnit, [HEADERS.filter((h) => h !== 'Mã đơn vị*'), uniqueRow(1)]);
    const result = await validateMemberFile(noUnit, CTX);
    expect(result.errors).toEqual([
      { row: 1, column: null, code: 'import.file.missingColumns', message: 'Thiếu cột bắt buộc: Mã đơn vị. Vui lòng dùng đúng mẫu tệp của hệ thống.', value: null },
    ]);
  });

  it('lets I/O errors through', async () => {
    await expect(validateMemberFile(dir.file('missing.xlsx'), CTX)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
