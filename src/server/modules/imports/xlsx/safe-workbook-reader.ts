// ExcelJS 4.4.0's streaming WorkbookReader, with its defects worked around:
//
// 1. It decodes every zip chunk to text on its own (utils/parse-sax.js: `textDecoder.decode(chunk)`
//    without `stream: true`), so a multi-byte UTF-8 character split across two chunks becomes two
//    U+FFFD: "Nữ" → "N��". Vietnamese text hits this every few thousand rows. parse-sax passes
//    strings through untouched, so the shared strings and the worksheets are handed to it as text
//    decoded with a streaming decoder.
// 2. It buffers a worksheet in a temporary file unless the shared strings were read before it.
//    xlsx-source.ts streams worksheets last, so a workbook without shared strings (inline strings
//    only, like our own exports) is the only case left: starting from an empty shared-string
//    table lets those be parsed on the fly as well (a workbook with shared strings replaces it).
// 3. The zip parser's errors (bad data in a part) are reported to `onZipError`, since ExcelJS
//    may be waiting on a part that will never end.
//
// These rely on private members of the pinned exceljs version; the guard below fails loudly if an
// upgrade changes them, and read-member-rows.test.ts covers the behaviours.
import { StringDecoder } from 'node:string_decoder';
import type { Readable, Stream } from 'node:stream';
import ExcelJS from 'exceljs';
import type { stream } from 'exceljs';

type Chunk = Buffer | string;
interface ClosableIterable extends AsyncIterable<Chunk> {
  destroy?: () => void;
  on?: (event: 'error', listener: (error: unknown) => void) => unknown;
  pipe?: unknown;
}

interface ReaderPrivates {
  sharedStrings?: unknown[];
  _getStream(input: unknown): Readable;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: ClosableIterable, sheetNo: string): Generator<unknown>;
}

const base = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as ReaderPrivates;
for (const name of ['_getStream', '_parseSharedStrings', '_parseWorksheet'] as const) {
  if (typeof base[name] !== 'function') throw new Error(`exceljs streaming reader internals changed (${name}): review safe-workbook-reader.ts`);
}

/** Re-chunk bytes into strings that never end inside a character. Keeps the source closable. */
export function decodeUtf8(source: ClosableIterable): ClosableIterable {
  return {
    async *[Symbol.asyncIterator]() {
      const decoder = new StringDecoder('utf8');
      for await (const chunk of source) {
        const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
        if (text !== '') yield text;
      }
      const rest = decoder.end();
      if (rest !== '') yield rest;
    },
    // A buffered worksheet is read by an fs stream that ExcelJS opens before handing the sheet
    // over and deletes right after. Closing it unread can race the deletion (ENOENT on open):
    // such an error means nothing here and must not become an uncaught exception.
    destroy: () => {
      source.on?.('error', () => {});
      source.destroy?.();
    },
  };
}

export class SafeWorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  /** Set when a worksheet had to be buffered in a temporary file (see `finish` in the reader). */
  usedTemporaryFiles = false;

  constructor(
    input: string | Stream,
    options: Partial<stream.xlsx.WorkbookStreamReaderOptions>,
    readonly onZipError: (error: unknown) => void = () => {},
  ) {
    super(input, options);
    (this as unknown as ReaderPrivates).sharedStrings = [];
  }
}

Object.assign(SafeWorkbookReader.prototype, {
  _getStream(this: SafeWorkbookReader, input: unknown) {
    const source = base._getStream.call(this, input);
    const pipe = source.pipe.bind(source);
    // ExcelJS pipes the source into its zip parser right after this call.
    source.pipe = <T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T => {
      destination.on('error', (error: unknown) => this.onZipError(error));
      return pipe(destination, options);
    };
    return source;
  },
  _parseSharedStrings(this: ReaderPrivates, entry: Readable) {
    entry.setEncoding('utf8'); // 'data' events then carry whole characters
    return base._parseSharedStrings.call(this, entry);
  },
  _parseWorksheet(this: SafeWorkbookReader, iterator: ClosableIterable, sheetNo: string) {
    if (typeof iterator.pipe === 'function') this.usedTemporaryFiles = true;
    return base._parseWorksheet.call(this as unknown as ReaderPrivates, decodeUtf8(iterator), sheetNo);
  },
});
