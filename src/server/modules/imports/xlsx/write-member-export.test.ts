import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENDERS } from '../../../../contracts/enums';
import type { MemberStatus } from '../../../../contracts/enums';
import { readMemberRows } from './read-member-rows';
import { CTX, HEADERS, TODAY, UNITS, collect, makeTempDir } from './test-support';
import type { TempDir } from './test-support';
import { validateMemberFile } from './validate-member-file';
import type { MemberImportRow } from './validate-member-row';
import { writeMemberExport } from './write-member-export';
import type { MemberExportMeta, MemberExportRow } from './write-member-export';

let dir: TempDir;
beforeAll(async () => {
  dir = await makeTempDir();
}, 30_000);
afterAll(async () => {
  await dir.remove();
});

const META: MemberExportMeta = {
  title: 'Danh sách đoàn viên CĐCS Công ty A',
  filterSummary: 'Đơn vị: CĐCS Công ty A (kể cả đơn vị trực thuộc); Giới tính: Nữ',
  generatedAt: new Date('2025-06-15T02:30:00Z'),
};

function toExportRow(row: MemberImportRow, status: MemberStatus = 'ACTIVE'): MemberExportRow {
  const { rowNumber: _rowNumber, orgId, ...rest } = row;
  return { ...rest, unitName: `Công đoàn cơ sở số ${orgId}`, status };
}

async function exportTo(path: string, rows: Iterable<MemberExportRow> | AsyncIterable<MemberExportRow>, meta = META) {
  return writeMemberExport(createWriteStream(path), rows, meta);
}

const SAMPLE: MemberImportRow[] = [
  {
    rowNumber: 2,
    memberCode: '000123',
    cccd: '001190012345',
    fullName: 'Nguyễn Thị Ánh',
    gender: 'FEMALE',
    birthDate: '1990-03-15',
    unitCode: 'CDCS-A',
    orgId: 11,
    position: 'Kế toán viên',
    isLeader: false,
    isDirectWorker: true,
    joinedUnionOn: '2015-06-01',
    phone: '0912345678',
    email: 'anh.nguyen@example.vn',
    ethnicity: 'Kinh',
  },
  {
    rowNumber: 3,
    memberCode: null,
    cccd: null,
    fullName: 'Đặng Văn Ơn',
    gender: 'MALE',
    birthDate: null,
    unitCode: 'CĐCS-Đ',
    orgId: 13,
    position: null,
    isLeader: true,
    isDirectWorker: false,
    joinedUnionOn: null,
    phone: '+84987654321',
    email: null,
    ethnicity: null,
  },
];

describe('writeMemberExport', { timeout: 30_000 }, () => {
  it('writes a re-importable member sheet and an information sheet', async () => {
    const path = dir.file('export.xlsx');
    const { rowCount } = await exportTo(path, SAMPLE.map((r, i) => toExportRow(r, i === 1 ? 'LEFT' : 'ACTIVE')));
    expect(rowCount).toBe(2);
    expect((await readFile(path)).subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Đoàn viên', 'Thông tin']);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.getRow(1).values).toEqual([undefined, ...HEADERS, 'Tên đơn vị', 'Trạng thái']);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '000123',
      'Nguyễn Thị Ánh',
      'Nữ',
      '15/03/1990',
      '001190012345',
      'CDCS-A',
      'Kế toán viên',
      'Không',
      'Có',
      '01/06/2015',
      '0912345678',
      'anh.nguyen@example.vn',
      'Kinh',
      'Công đoàn cơ sở số 11',
      'Đang sinh hoạt',
    ]);
    expect(sheet.getRow(3).getCell(15).value).toBe('Đã ra khỏi tổ chức');
    expect(sheet.getRow(2).getCell(5).numFmt).toBe('@');

    const info = workbook.getWorksheet('Thông tin');
    const lines = info?.getSheetValues().map((row) => (Array.isArray(row) ? row.slice(1) : []));
    expect(lines).toEqual(
      expect.arrayContaining([
        ['Tiêu đề', META.title],
        ['Điều kiện lọc', META.filterSummary],
        ['Thời điểm xuất', '15/06/2025 09:30'],
        ['Số đoàn viên', 2],
      ]),
    );
  });

  it('round-trips: export → re-import gives the same values', async () => {
    const path = dir.file('round-trip.xlsx');
    const rows: MemberImportRow[] = Array.from({ length: 60 }, (_, i) => ({
      ...SAMPLE[i % 2]!,
      rowNumber: i + 2,
      memberCode: i % 3 === 0 ? null : `M-${i}`,
      cccd: i % 2 === 0 ? `0791900${String(i).padStart(5, '0')}` : null,
      fullName: `${SAMPLE[i % 2]!.fullName} ${String.fromCharCode(65 + (i % 26))}`,
    }));
    await exportTo(path, rows.map((r) => toExportRow(r)));
    const result = await validateMemberFile(path, CTX);
    expect(result.errors).toEqual([]);
    expect(result.totalRows).toBe(60);
    expect(result.rows).toEqual(rows);
  });

  it('accepts an async iterable and an empty list', async () => {
    const path = dir.file('empty-export.xlsx');
    async function* none(): AsyncGenerator<MemberExportRow> {}
    expect(await exportTo(path, none())).toEqual({ rowCount: 0 });
    expect(await collect(readMemberRows(path))).toEqual([]);
  });

  it('destroys the output and rejects when the rows fail', async () => {
    const out = new PassThrough();
    out.resume();
    async function* failing(): AsyncGenerator<MemberExportRow> {
      yield toExportRow(SAMPLE[0]!);
      throw new Error('database went away');
    }
    await expect(writeMemberExport(out, failing(), META)).rejects.toThrow('database went away');
    expect(out.destroyed).toBe(true);
  });

  it('streams 20,000 rows out and back in', async () => {
    const path = dir.file('big.xlsx');
    const count = 20_000;
    const rows: MemberImportRow[] = Array.from({ length: count }, (_, i) => ({
      ...SAMPLE[i % 2]!,
      rowNumber: i + 2,
      memberCode: `DV${String(i).padStart(6, '0')}`,
      cccd: `0011900${String(i).padStart(5, '0')}`,
      fullName: `${SAMPLE[i % 2]!.fullName} Hường ${i}`,
    }));
    async function* generate(): AsyncGenerator<MemberExportRow> {
      for (const row of rows) yield toExportRow(row);
    }
    expect(await exportTo(path, generate())).toEqual({ rowCount: count });
    const progress: number[] = [];
    const result = await validateMemberFile(path, CTX, (n) => progress.push(n));
    expect(result.errorCount).toBe(0);
    expect(result.totalRows).toBe(count);
    expect(result.rows).toEqual(rows);
    expect(progress).toHaveLength(count / 1000 + 1);
  }, 120_000);
});

// ---------------------------------------------------------------------------------------------
// Property: any valid MemberImportRow, exported then imported, validates to an equal value.

const SYLLABLES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Thị', 'Văn', 'Hữu', 'Đức', 'Minh', 'Ánh', 'Hương', 'Thủy', 'Ngọc', 'Quỳnh', 'Khánh', 'Tuấn', 'Dũng', 'Yến', 'Ơn', 'Ưng', "H'Hen", 'Kpă'];
const POSITIONS = ['Kế toán viên', 'Công nhân may', 'Kỹ sư phần mềm', 'Trưởng phòng Hành chính – Nhân sự', 'Giáo viên', 'Tổ trưởng sản xuất'];
const ETHNICITIES = ['Kinh', 'Tày', 'Thái', 'Mường', 'Khmer', 'Hoa', 'Nùng', "H'Mông", 'Dao', 'Ê Đê'];

const DAY_MS = 86_400_000;
const isoOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const dayOfIso = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const shiftYears = (iso: string, years: number) => `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;

const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 3 });

const memberArb: fc.Arbitrary<Omit<MemberImportRow, 'rowNumber'>> = fc
  .record({
    memberCode: nullable(fc.stringMatching(/^[A-Z0-9][A-Za-z0-9._-]{0,39}$/)),
    cccd: nullable(fc.stringMatching(/^\d{12}$/)),
    fullName: fc.array(fc.constantFrom(...SYLLABLES), { minLength: 1, maxLength: 5 }).map((w) => w.join(' ')),
    gender: fc.constantFrom(...GENDERS),
    // Age 15–80 on TODAY (2025-06-15): born 1944-06-16 … 2010-06-15.
    birthDay: nullable(fc.integer({ min: dayOfIso(shiftYears(TODAY, -81)) + 1, max: dayOfIso(shiftYears(TODAY, -15)) })),
    joinedFraction: nullable(fc.double({ min: 0, max: 1, noNaN: true })),
    unitCode: fc.constantFrom(...UNITS.keys()),
    position: nullable(fc.constantFrom(...POSITIONS)),
    isLeader: fc.boolean(),
    isDirectWorker: fc.boolean(),
    phone: nullable(fc.tuple(fc.boolean(), fc.stringMatching(/^\d{8,15}$/)).map(([plus, digits]) => (plus ? `+${digits}` : digits))),
    email: nullable(fc.stringMatching(/^[a-z0-9]{1,12}(\.[a-z0-9]{1,8})?@[a-z0-9]{1,12}\.(vn|com|org|edu\.vn)$/)),
    ethnicity: nullable(fc.constantFrom(...ETHNICITIES)),
  })
  .map(({ birthDay, joinedFraction, ...rest }) => {
    const birthDate = birthDay === null ? null : isoOfDay(birthDay);
    // Joined between birth + 15 years (or 1960 without a birth date) and today.
    const from = dayOfIso(birthDate === null ? '1960-01-01' : shiftYears(birthDate, 15).replace('-02-29', '-03-01'));
    const to = dayOfIso(TODAY);
    const joinedUnionOn = joinedFraction === null ? null : isoOfDay(from + Math.floor(joinedFraction * (to - from)));
    return { ...rest, birthDate, joinedUnionOn, orgId: UNITS.get(rest.unitCode) ?? 0 };
  });

describe('property: export then import is the identity on valid rows', () => {
  it('holds for generated files', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(memberArb, { minLength: 1, maxLength: 40 }), async (members) => {
        // Matching keys must be unique inside one file; drop repeats rather than fail on them.
        const codes = new Set<string>();
        const ids = new Set<string>();
        const rows: MemberImportRow[] = members.map((m, i) => {
          const memberCode = m.memberCode !== null && !codes.has(m.memberCode) ? m.memberCode : null;
          const cccd = m.cccd !== null && !ids.has(m.cccd) ? m.cccd : null;
          if (memberCode) codes.add(memberCode);
          if (cccd) ids.add(cccd);
          return { ...m, memberCode, cccd, rowNumber: i + 2 };
        });
        const path = dir.file(`property-${run++}.xlsx`);
        await exportTo(path, rows.map((r) => toExportRow(r)));
        const result = await validateMemberFile(path, CTX);
        expect(result.errors).toEqual([]);
        expect(result.rows).toEqual(rows);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
