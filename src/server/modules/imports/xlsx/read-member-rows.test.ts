import { createReadStream } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportFileError } from './import-file-error';
import { readMemberRows } from './read-member-rows';
import { HEADERS, collect, inTemplateOrder, makeTempDir, storedZip, unzipEntries, validCells, withTmpdir, writeWorkbook } from './test-support';
import type { TempDir } from './test-support';

let dir: TempDir;
let savedTmpdir: string | undefined;
beforeAll(async () => {
  dir = await makeTempDir();
  // ExcelJS buffers worksheets in os.tmpdir(); on damaged files it leaves them behind (they are
  // only removed at process exit), so keep them inside this test's directory.
  savedTmpdir = process.env.TMPDIR;
  process.env.TMPDIR = dir.path;
}, 30_000);
afterAll(async () => {
  if (savedTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmpdir;
  await dir.remove();
});

const i18nGender = (name: string) => (name.length % 2 === 0 ? 'Nữ' : 'Nam');

async function readError(input: Parameters<typeof readMemberRows>[0]): Promise<ImportFileError> {
  try {
    await collect(readMemberRows(input));
  } catch (error) {
    expect(error).toBeInstanceOf(ImportFileError);
    return error as ImportFileError;
  }
  throw new Error('expected an ImportFileError');
}

describe('readMemberRows', { timeout: 30_000 }, () => {
  it('reads a clean file with spreadsheet row numbers and all columns', async () => {
    const path = dir.file('clean.xlsx');
    await writeWorkbook(path, [HEADERS, inTemplateOrder(validCells()), inTemplateOrder(validCells({ fullName: 'Trần Văn Bình', gender: 'Nam' }))]);
    const rows = await collect(readMemberRows(path));
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 3]);
    expect(rows[0]?.raw).toEqual({
      memberCode: 'DV0001',
      fullName: 'Nguyễn Thị Ánh',
      gender: 'Nữ',
      birthDate: '15/03/1990',
      cccd: '001190012345',
      unitCode: 'CDCS-A',
      position: 'Kế toán viên',
      isLeader: 'Không',
      isDirectWorker: 'Có',
      joinedUnionOn: '01/06/2015',
      phone: '0912 345 678',
      email: 'anh.nguyen@example.vn',
      ethnicity: 'Kinh',
    });
    expect(rows[0]?.numericKeys).toEqual([]);
    expect(rows[1]?.raw.fullName).toBe('Trần Văn Bình');
  });

  it('normalises every kind of cell to trimmed NFC text', async () => {
    const path = dir.file('kinds.xlsx');
    await writeWorkbook(path, [HEADERS, []], (_wb, sheet) => {
      const row = sheet.getRow(2);
      const cell = (key: string) => row.getCell(HEADERS.findIndex((h) => h.startsWith(key)) + 1);
      cell('Họ và tên').value = { richText: [{ text: '  Nguyễn ', font: { bold: true } }, { text: 'Thị Ánh\u00a0' }] };
      cell('Giới tính').value = 'Nu\u031b\u0303'; // decomposed "Nữ" (u + horn + tilde), as some keyboards type it
      cell('Ngày sinh').value = new Date(Date.UTC(1990, 2, 15));
      cell('Ngày sinh').numFmt = 'dd/mm/yyyy';
      cell('Ngày vào công đoàn').value = { formula: 'DATE(2015,6,1)', result: 42156 };
      cell('Ngày vào công đoàn').numFmt = 'd/m/yyyy';
      cell('Mã đơn vị').value = { formula: 'LOWER("CDCS-A")', result: 'cdcs-a' };
      cell('Số CCCD').value = 72123456789;
      cell('Email').value = { text: 'anh@example.vn', hyperlink: 'mailto:anh@example.vn' };
      cell('Cán bộ lãnh đạo').value = true;
      cell('Lao động trực tiếp').value = { error: '#N/A' };
      cell('Chức vụ').value = '   ';
      cell('Dân tộc').value = 'Kinh\n';
    });
    const [row] = await collect(readMemberRows(path));
    expect(row?.raw).toMatchObject({
      fullName: 'Nguyễn Thị Ánh',
      gender: 'Nữ',
      birthDate: '15/03/1990',
      joinedUnionOn: '01/06/2015',
      unitCode: 'cdcs-a',
      cccd: '72123456789',
      email: 'anh@example.vn',
      isLeader: 'TRUE',
      isDirectWorker: '#N/A',
      position: null,
      ethnicity: 'Kinh',
      memberCode: null,
      phone: null,
    });
    expect(row?.raw.gender?.length).toBe(2); // NFC: one code point for "ữ"
    expect(row?.numericKeys).toEqual(['cccd']);
  });

  it('reads Excel date cells without a time-zone shift, whatever the date format', async () => {
    const path = dir.file('dates.xlsx');
    await writeWorkbook(path, [HEADERS, []], (_wb, sheet) => {
      const row = sheet.getRow(2);
      row.getCell(2).value = 'Lê Văn Cường';
      row.getCell(4).value = new Date(Date.UTC(1985, 11, 31)); // ExcelJS's default date format
      row.getCell(10).value = new Date(Date.UTC(2004, 0, 1, 23, 59)); // date with a time part
      row.getCell(10).numFmt = '[$-vi-VN]dd/mm/yyyy hh:mm';
    });
    const [row] = await collect(readMemberRows(path));
    expect(row?.raw.birthDate).toBe('31/12/1985');
    expect(row?.raw.joinedUnionOn).toBe('01/01/2004');
  });

  it('recognises dates whatever the order of the parts inside the zip (styles last)', async () => {
    const path = dir.file('order.xlsx');
    await writeWorkbook(path, [HEADERS, inTemplateOrder(validCells({ birthDate: new Date(Date.UTC(1990, 2, 15)) }))]);
    const entries = unzipEntries(await readFile(path));
    // Shared strings and relationships before the sheet, styles after it.
    const rank = (name: string) => (name === 'xl/styles.xml' ? 2 : name.startsWith('xl/worksheets/') ? 1 : 0);
    const reordered = [...entries].sort((a, b) => rank(a[0]) - rank(b[0]));
    expect(reordered.map(([name]) => name).indexOf('xl/sharedStrings.xml')).toBeLessThan(
      reordered.map(([name]) => name).indexOf('xl/worksheets/sheet1.xml'),
    );
    const reorderedPath = dir.file('order-reordered.xlsx');
    await writeFile(reorderedPath, storedZip(Object.fromEntries(reordered)));
    const [row] = await collect(readMemberRows(reorderedPath));
    expect(row?.raw.birthDate).toBe('15/03/1990');
    expect(row?.raw.fullName).toBe('Nguyễn Thị Ánh');
  });

  it('accepts header variants: no diacritics, other case, other order, extra columns, a title row', async () => {
    const path = dir.file('variants.xlsx');
    const headers = ['ghi chu', 'MA DON VI', 'ho  va   ten', 'gioi tinh (nam/nu)', 'so cccd', 'Ngày sinh', 'Email', 'Cột lạ'];
    await writeWorkbook(path, [
      ['DANH SÁCH ĐOÀN VIÊN CÔNG ĐOÀN CƠ SỞ'],
      [],
      headers,
      ['bỏ qua', 'CDCS-B', 'Phạm Thu Hà', 'nữ', '079301000123', '02/09/2001', 'ha@example.vn', 'x'],
      [],
      ['chỉ cột lạ', null, null, null, null, null, null, 'y'],
      ['', 'CDCS-B', 'Đỗ Minh Đức', 'Nam', null, null, null, null],
    ]);
    const rows = await collect(readMemberRows(path));
    expect(rows.map((r) => r.rowNumber)).toEqual([4, 7]);
    expect(rows[0]?.raw).toMatchObject({
      unitCode: 'CDCS-B',
      fullName: 'Phạm Thu Hà',
      gender: 'nữ',
      cccd: '079301000123',
      birthDate: '02/09/2001',
      email: 'ha@example.vn',
      memberCode: null,
      phone: null,
    });
    expect(rows[1]?.raw.fullName).toBe('Đỗ Minh Đức');
  });

  it('reports missing required columns as a whole-file error naming them', async () => {
    const path = dir.file('missing.xlsx');
    await writeWorkbook(path, [
      ['Mã đoàn viên', 'Giới tính', 'Ngày sinh', 'Số CCCD'],
      ['DV1', 'Nam', '01/01/1990', '001090000001'],
    ]);
    const error = await readError(path);
    expect(error.code).toBe('MISSING_COLUMNS');
    expect(error.messageKey).toBe('import.file.missingColumns');
    expect(error.message).toContain('Họ và tên');
    expect(error.message).toContain('Mã đơn vị');
    expect(error.message).not.toContain('Giới tính');
    expect(error.toRowError()).toMatchObject({ row: 1, column: null, code: 'import.file.missingColumns' });
    expect(error.localisedMessage('en')).toContain('Required columns are missing');
  });

  it('reports a header row that is nowhere to be found', async () => {
    const path = dir.file('noheader.xlsx');
    await writeWorkbook(path, [['Nguyễn Văn A', 'Nam', 'CDCS-A']]);
    const error = await readError(path);
    expect(error.code).toBe('MISSING_COLUMNS');
    expect(error.message).toContain('Họ và tên, Giới tính, Mã đơn vị');
  });

  it('rejects a repeated column', async () => {
    const path = dir.file('dup-col.xlsx');
    await writeWorkbook(path, [[...HEADERS, 'CCCD'], inTemplateOrder(validCells())]);
    const error = await readError(path);
    expect(error.code).toBe('DUPLICATE_COLUMNS');
    expect(error.message).toContain('Số CCCD');
  });

  it('reports an empty worksheet', async () => {
    const path = dir.file('empty-sheet.xlsx');
    await writeWorkbook(path, []);
    const error = await readError(path);
    expect(error.code).toBe('EMPTY_FILE');
  });

  it('yields nothing for a header-only file (the file validator reports it)', async () => {
    const path = dir.file('header-only.xlsx');
    await writeWorkbook(path, [HEADERS, [], []]);
    expect(await collect(readMemberRows(path))).toEqual([]);
  });

  it('reads only the first sheet', async () => {
    const path = dir.file('two-sheets.xlsx');
    await writeWorkbook(path, [HEADERS, inTemplateOrder(validCells())], (workbook) => {
      const other = workbook.addWorksheet('Khác');
      other.addRow(HEADERS);
      other.addRow(inTemplateOrder(validCells({ fullName: 'Không được đọc' })));
    });
    const rows = await collect(readMemberRows(path));
    expect(rows.map((r) => r.raw.fullName)).toEqual(['Nguyễn Thị Ánh']);
  });

  it('skips a hidden first sheet', async () => {
    const path = dir.file('hidden-first.xlsx');
    await writeWorkbook(path, [HEADERS, inTemplateOrder(validCells({ fullName: 'Ẩn đi' }))], (workbook, hidden) => {
      hidden.state = 'hidden';
      const visible = workbook.addWorksheet('Danh sách');
      visible.addRow(HEADERS);
      visible.addRow(inTemplateOrder(validCells()));
    });
    const rows = await collect(readMemberRows(path));
    expect(rows.map((r) => r.raw.fullName)).toEqual(['Nguyễn Thị Ánh']);
  });

  it('reads a number shown with a "000000000000" format as the padded digits Excel displays', async () => {
    const path = dir.file('zero-format.xlsx');
    await writeWorkbook(path, [HEADERS, inTemplateOrder(validCells({ cccd: 72123456789 }))], (_wb, sheet) => {
      sheet.getRow(2).getCell(5).numFmt = '000000000000';
    });
    const [row] = await collect(readMemberRows(path));
    expect(row?.raw.cccd).toBe('072123456789');
    expect(row?.numericKeys).toEqual([]);
  });

  it('reads from a stream as well as from a path, and lets the caller stop early', async () => {
    const path = dir.file('stream.xlsx');
    await writeWorkbook(path, [HEADERS, ...Array.from({ length: 50 }, (_, i) => inTemplateOrder(validCells({ memberCode: `DV${i}` })))]);
    const fromFile = await collect(readMemberRows(createReadStream(path)));
    expect(fromFile).toHaveLength(50);
    const fromBuffer = await collect(readMemberRows(Readable.from(await readFile(path), { objectMode: false })));
    expect(fromBuffer.map((r) => r.raw.memberCode)).toEqual(fromFile.map((r) => r.raw.memberCode));
    const first: string[] = [];
    for await (const row of readMemberRows(path)) {
      first.push(row.raw.memberCode ?? '');
      if (first.length === 3) break;
    }
    expect(first).toEqual(['DV0', 'DV1', 'DV2']);
  });

  it('keeps multi-byte characters intact across chunk boundaries (shared and inline strings)', async () => {
    // ~6,000 distinct Vietnamese names: the shared strings and the sheet span many zip chunks.
    const words = ['Nguyễn', 'Trần', 'Đặng', 'Huỳnh', 'Thị', 'Văn', 'Ngọc', 'Quỳnh', 'Khánh', 'Dương', 'Ưng', 'Ơn', 'Hữu', 'Đức'];
    const names = Array.from({ length: 6000 }, (_, i) => `${words[i % 14]} ${words[(i * 5) % 14]} Ánh Hường Ỷ ${i}`);
    const path = dir.file('utf8.xlsx');
    await writeWorkbook(path, [HEADERS, ...names.map((name) => inTemplateOrder(validCells({ fullName: name, gender: i18nGender(name) })))], (_wb, sheet) => {
      // Inline strings as well: ExcelJS writes rich text cells inline.
      sheet.getRow(2).getCell(13).value = { richText: [{ text: 'Ê Đê ' }, { text: 'ữữữ' }] };
    });
    const rows = await collect(readMemberRows(path));
    expect(rows.map((r) => r.raw.fullName)).toEqual(names);
    expect(rows.map((r) => r.raw.gender)).toEqual(names.map(i18nGender));
    expect(rows[0]?.raw.ethnicity).toBe('Ê Đê ữữữ');
    expect(rows.some((r) => Object.values(r.raw).some((v) => v?.includes('\ufffd')))).toBe(false);
  }, 30_000);

  it('leaves no temporary files behind, whether it reads to the end, stops early or fails (path or stream)', async () => {
    const path = dir.file('temp-files.xlsx');
    await writeWorkbook(path, [HEADERS, ...Array.from({ length: 200 }, (_, i) => inTemplateOrder(validCells({ memberCode: `DV${i}` })))], (workbook) => {
      workbook.addWorksheet('Hướng dẫn').addRow(['Sheet 2 is buffered to a temporary file too']);
    });
    const badHeader = dir.file('temp-files-bad.xlsx');
    await writeWorkbook(badHeader, [['Mã đoàn viên', 'Giới tính', 'Số CCCD', 'Email'], ['DV1', 'Nam', null, null]]);
    const scratch = dir.file('scratch-tmp');
    await withTmpdir(scratch, async () => {
      expect(await collect(readMemberRows(path))).toHaveLength(200);
      expect(await collect(readMemberRows(createReadStream(path)))).toHaveLength(200); // spooled
      for await (const _row of readMemberRows(path)) break;
      for await (const _row of readMemberRows(createReadStream(path))) break;
      await expect(collect(readMemberRows(badHeader))).rejects.toBeInstanceOf(ImportFileError);
      await expect(collect(readMemberRows(createReadStream(badHeader)))).rejects.toBeInstanceOf(ImportFileError);
      // ExcelJS deletes them asynchronously.
      for (let i = 0; i < 50 && (await readdir(scratch)).length > 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(await readdir(scratch)).toEqual([]);
    });
  });

  describe('non-XLSX uploads', () => {
    const cases: Array<{ name: string; content: Buffer; key: string }> = [
      { name: 'CSV renamed .xlsx', content: Buffer.from('Họ và tên,Giới tính\nNguyễn Văn A,Nam\n'), key: 'import.file.unsupported' },
      { name: 'PDF renamed .xlsx', content: Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), key: 'import.file.unsupported' },
      {
        name: 'Excel 97-2003 .xls (or encrypted .xlsx)',
        content: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
        key: 'import.file.legacyOrEncrypted',
      },
      { name: 'empty file', content: Buffer.alloc(0), key: 'import.file.unsupported' },
      { name: 'zip signature then garbage', content: Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]), key: 'import.file.corrupt' },
    ];
    it.each(cases)('$name → UNSUPPORTED_FILE ($key)', async ({ name, content, key }) => {
      const path = dir.file(`${name.replace(/\W+/g, '-')}.xlsx`);
      await writeFile(path, content);
      for (const input of [path, Readable.from([content], { objectMode: false })]) {
        const error = await readError(input);
        expect(error.code).toBe('UNSUPPORTED_FILE');
        expect(error.messageKey).toBe(key);
        expect(error.toRowError()).toMatchObject({ row: 0, column: null, code: key });
      }
    });

    it('a zip that is not a workbook (a renamed .docx) is UNSUPPORTED_FILE', async () => {
      const path = dir.file('docx.xlsx');
      await writeFile(path, storedZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }));
      const error = await readError(path);
      expect(error.code).toBe('UNSUPPORTED_FILE');
      expect(error.messageKey).toBe('import.file.unsupported');
    });

    it('a truncated workbook is UNSUPPORTED_FILE wherever it is cut (and never hangs)', async () => {
      const full = dir.file('full.xlsx');
      await writeWorkbook(full, [HEADERS, ...Array.from({ length: 2000 }, (_, i) => inTemplateOrder(validCells({ memberCode: `DV${i}` })))]);
      const bytes = await readFile(full);
      // A broken read may leave ExcelJS's partial temporary files (removed at process exit).
      await withTmpdir(dir.file('scratch-truncated'), async () => {
        for (const fraction of [0.05, 0.3, 0.5, 0.7, 0.9, 0.99]) {
          const cut = bytes.subarray(0, Math.floor(bytes.length * fraction));
          const path = dir.file(`truncated-${fraction}.xlsx`);
          await writeFile(path, cut);
          for (const input of [path, Readable.from([cut], { objectMode: false })]) {
            const error = await readError(input);
            expect(error.code, `cut at ${fraction}`).toBe('UNSUPPORTED_FILE');
          }
        }
      });
    }, 30_000);

    it('damaged bytes inside a part are UNSUPPORTED_FILE (and never hang)', async () => {
      const full = dir.file('to-damage.xlsx');
      await writeWorkbook(full, [HEADERS, ...Array.from({ length: 2000 }, (_, i) => inTemplateOrder(validCells({ memberCode: `DV${i}` })))]);
      const bytes = await readFile(full);
      for (const fraction of [0.1, 0.4, 0.7]) {
        const damaged = Buffer.from(bytes);
        const at = Math.floor(damaged.length * fraction);
        for (let k = 0; k < 64; k++) damaged[at + k] = (damaged[at + k] ?? 0) ^ 0x5a;
        const path = dir.file(`damaged-${fraction}.xlsx`);
        await writeFile(path, damaged);
        const error = await readError(path);
        expect(error.code, `damaged at ${fraction}`).toBe('UNSUPPORTED_FILE');
      }
    }, 30_000);

    it('rejects with the input stream error when the upload breaks off', async () => {
      const path = dir.file('broken-upload.xlsx');
      await writeWorkbook(path, [HEADERS, ...Array.from({ length: 3000 }, (_, i) => inTemplateOrder(validCells({ memberCode: `DV${i}` })))]);
      const bytes = await readFile(path);
      let sent = false;
      const broken = new Readable({
        read() {
          if (sent) return;
          sent = true;
          this.push(bytes.subarray(0, Math.floor(bytes.length / 2)));
          setTimeout(() => this.destroy(new Error('connection reset')), 20);
        },
      });
      await withTmpdir(dir.file('scratch-broken'), async () => {
        await expect(collect(readMemberRows(broken))).rejects.toThrow('connection reset');
      });
    });

    it('a missing file is a system error, not a file error', async () => {
      await expect(collect(readMemberRows(dir.file('nope.xlsx')))).rejects.toMatchObject({ code: 'ENOENT' });
    });
  });
});
