// Where the parts of an .xlsx (a zip) are, read from its central directory, so that they can be
// streamed to ExcelJS in a better order: workbook, relationships, styles and shared strings first,
// worksheets last. ExcelJS's streaming reader then parses each worksheet on the fly, with styles
// known (dates recognised) and without buffering worksheets in temporary files. That buffering is
// also where its zip loop can stop early: unzipper 0.10 emits 'end' when its input is consumed,
// even if parts are still queued, so parts behind a buffered worksheet may be silently skipped.
import type { FileHandle } from 'node:fs/promises';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
/** Far more than any workbook's directory (about 100 bytes per part). */
const MAX_CENTRAL_DIRECTORY = 16 * 1024 * 1024;

export interface ZipPart {
  name: string;
  /** Byte range of the part (local header, data, data descriptor): [start, end). */
  start: number;
  end: number;
}

export interface ZipLayout {
  parts: ZipPart[];
  /** Central directory and end record: [start, fileSize). */
  directoryStart: number;
  fileSize: number;
}

export type ZipLayoutResult =
  | { kind: 'ok'; layout: ZipLayout }
  /** No end-of-central-directory record, or an inconsistent one: truncated or not a zip. */
  | { kind: 'corrupt' }
  /** Zip64 or otherwise unusual: stream the file as it is. */
  | { kind: 'unsupported' };

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

export async function readZipLayout(handle: FileHandle, fileSize: number): Promise<ZipLayoutResult> {
  const tailStart = Math.max(0, fileSize - EOCD_SIZE - MAX_COMMENT);
  const tail = await readAt(handle, tailStart, fileSize - tailStart);
  // The end record is the last signature whose comment length reaches exactly the end of file.
  let eocd = -1;
  for (let i = tail.length - EOCD_SIZE; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE && i + EOCD_SIZE + tail.readUInt16LE(i + 20) === tail.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { kind: 'corrupt' };
  const count = tail.readUInt16LE(eocd + 10);
  const directorySize = tail.readUInt32LE(eocd + 12);
  const directoryStart = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryStart === 0xffffffff) return { kind: 'unsupported' };
  if (directoryStart + directorySize > tailStart + eocd) return { kind: 'corrupt' };
  if (directorySize > MAX_CENTRAL_DIRECTORY) return { kind: 'unsupported' };

  const directory = await readAt(handle, directoryStart, directorySize);
  const entries: Array<{ name: string; offset: number }> = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_HEADER_SIGNATURE) return { kind: 'corrupt' };
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const offset = directory.readUInt32LE(at + 42);
    if (offset === 0xffffffff) return { kind: 'unsupported' };
    if (offset >= directoryStart) return { kind: 'corrupt' };
    entries.push({ name: directory.toString('utf8', at + 46, at + 46 + nameLength), offset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  entries.sort((a, b) => a.offset - b.offset);
  const parts = entries.map((entry, i) => ({ name: entry.name, start: entry.offset, end: entries[i + 1]?.offset ?? directoryStart }));
  if (parts.some((p) => p.end <= p.start)) return { kind: 'corrupt' };
  return { kind: 'ok', layout: { parts, directoryStart, fileSize } };
}

/** Worksheets (and their relationships) go last; everything else keeps its order. */
export function streamingOrder(parts: readonly ZipPart[]): ZipPart[] {
  const isWorksheet = (p: ZipPart) => p.name.startsWith('xl/worksheets/');
  return [...parts.filter((p) => !isWorksheet(p)), ...parts.filter(isWorksheet)];
}
