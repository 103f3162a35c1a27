// Helpers shared by the *.test.ts files of this folder (not used by production code).
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { CellValue, Workbook, Worksheet } from 'exceljs';
import { MEMBER_COLUMNS } from './member-columns';
import type { MemberColumnKey } from './member-columns';

/** Fixed "today" so that age rules do not drift. */
export const TODAY = '2025-06-15';
export const UNITS: ReadonlyMap<string, number> = new Map([
  ['CDCS-A', 11],
  ['CDCS-B', 12],
  ['CĐCS-Đ', 13],
]);
export const CTX = { unitCodes: UNITS, today: TODAY };

export const HEADERS: string[] = MEMBER_COLUMNS.map((c) => c.header);

/** Lower-case Vietnamese letters with diacritics: a message containing one is really Vietnamese. */
export const VIETNAMESE_DIACRITIC = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

export type CellRecord = Partial<Record<MemberColumnKey, CellValue>>;

/** A valid row as a user would type it. */
export function validCells(overrides: CellRecord = {}): CellRecord {
  return {
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
    ...overrides,
  };
}

/** Cells of `record` in template column order. */
export function inTemplateOrder(record: CellRecord): CellValue[] {
  return MEMBER_COLUMNS.map((c) => record[c.key] ?? null);
}

export interface TempDir {
  path: string;
  file(name: string): string;
  remove(): Promise<void>;
}

export async function makeTempDir(): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), 'vinhdanh-xlsx-'));
  return { path, file: (name) => join(path, name), remove: () => rm(path, { recursive: true, force: true }) };
}

/**
 * Write a one-sheet workbook with ExcelJS (non-streaming, shared strings: like Excel itself).
 * `rows[0]` is usually the header row. `prepare` may add cells with special types or formats.
 */
export async function writeWorkbook(
  path: string,
  rows: CellValue[][],
  prepare?: (workbook: Workbook, sheet: Worksheet) => void,
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Đoàn viên');
  rows.forEach((row, i) => {
    const target = sheet.getRow(i + 1);
    row.forEach((value, j) => {
      if (value !== null && value !== undefined) target.getCell(j + 1).value = value;
    });
  });
  prepare?.(workbook, sheet);
  await workbook.xlsx.writeFile(path);
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** A minimal zip (entries deflated, or stored): enough to fake a .docx or to reorder an .xlsx. */
export function storedZip(entries: Record<string, string | Buffer>, deflate = false): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const plain = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    const crc = crc32(plain);
    const data = deflate ? deflateRawSync(plain) : plain;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(deflate ? 8 : 0, 8); // compression method
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(plain.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(plain.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const centralDir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(centralDir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDir, end]);
}

/**
 * Run `fn` with os.tmpdir() pointing at `path`: ExcelJS's streaming reader buffers worksheets in
 * temporary files there, so a test can check what is left behind (and not litter the real /tmp).
 */
export async function withTmpdir<T>(path: string, fn: () => Promise<T>): Promise<T> {
  await mkdir(path, { recursive: true });
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = path;
  try {
    return await fn();
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  }
}

/** The entries of a zip, in the order of its central directory (stored or deflated only). */
export function unzipEntries(zip: Buffer): Array<[string, Buffer]> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: Array<[string, Buffer]> = [];
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(dataStart, dataStart + size);
    entries.push([name, method === 0 ? raw : inflateRawSync(raw)]);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
