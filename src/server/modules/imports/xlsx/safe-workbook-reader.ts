// ExcelJS 4.4.0's streaming reader decodes every zip chunk to text on its own
// (utils/parse-sax.js: `textDecoder.decode(chunk)` without `stream: true`), so a multi-byte UTF-8
// character split across two chunks becomes two U+FFFD: "Nữ" → "N��". Vietnamese text hits this
// every few thousand rows. parse-sax passes strings through untouched, so this subclass hands it
// text decoded with a streaming decoder instead, for the shared strings and the worksheets.
//
// It overrides two private methods of the pinned exceljs version; the guard below fails loudly if
// an upgrade renames them, and read-member-rows.test.ts checks the decoding on a large file.
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

type Chunk = Buffer | string;
interface DestroyableIterable extends AsyncIterable<Chunk> {
  destroy?: () => void;
}

interface ReaderPrivates {
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: DestroyableIterable, sheetNo: string): Generator<unknown>;
}

const base = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as ReaderPrivates;
if (typeof base._parseSharedStrings !== 'function' || typeof base._parseWorksheet !== 'function') {
  throw new Error('exceljs streaming reader internals changed: review utf8-safe-reader.ts');
}

/** Re-chunk bytes into strings that never end inside a character. Keeps `destroy` reachable. */
export function decodeUtf8(source: DestroyableIterable): DestroyableIterable {
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
    destroy: () => source.destroy?.(),
  };
}

export class Utf8SafeWorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {}

Object.assign(Utf8SafeWorkbookReader.prototype, {
  _parseSharedStrings(this: ReaderPrivates, entry: Readable) {
    entry.setEncoding('utf8'); // 'data' events then carry whole characters
    return base._parseSharedStrings.call(this, entry);
  },
  _parseWorksheet(this: ReaderPrivates, iterator: DestroyableIterable, sheetNo: string) {
    return base._parseWorksheet.call(this, decodeUtf8(iterator), sheetNo);
  },
});
