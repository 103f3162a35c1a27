// Streaming reader of the member sheet: one row at a time, whatever the file size.
import type { Readable } from 'node:stream';
import type { Row } from 'exceljs';
import { cellToText } from './cell-text';
import { ImportFileError } from './import-file-error';
import { MEMBER_COLUMN_KEYS, mapMemberHeaders } from './member-columns';
import { SafeWorkbookReader } from './safe-workbook-reader';
import { corruptFile, openXlsxSource } from './xlsx-source';
import type { HeaderMapping, MemberColumnKey } from './member-columns';

export { ImportFileError } from './import-file-error';
export { assertXlsxSignature } from './xlsx-source';

export type MemberRawValues = Record<MemberColumnKey, string | null>;

export interface MemberSheetRow {
  /** 1-based spreadsheet row number (as Excel shows it). */
  rowNumber: number;
  /** Trimmed NFC text of each known column; null for empty cells and absent optional columns. */
  raw: MemberRawValues;
  /** Columns whose cell was stored as a number, so leading zeros may have been lost. */
  numericKeys: MemberColumnKey[];
}

export interface ReadMemberRowsOptions {
  /** How many non-empty rows to scan for the header row (title rows above it are skipped). */
  headerSearchRows?: number;
}

/** A header row must match at least this many known columns (or all required ones). */
const MIN_HEADER_MATCHES = 3;
const DEFAULT_HEADER_SEARCH_ROWS = 10;

/** System errors (ENOENT, EACCES…) are the server's problem, not the file's. */
function isSystemError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'syscall' in error;
}

function asFileError(error: unknown): unknown {
  if (error instanceof ImportFileError || isSystemError(error)) return error;
  return corruptFile(error);
}

// Parts of the streaming reader that ExcelJS's typings leave out.
interface WorkbookReaderInternals {
  model?: { sheets?: Array<{ name?: string; state?: string }> };
  properties?: { model?: { date1904?: boolean } };
}
interface WorksheetReaderInternals extends AsyncIterable<Row> {
  name?: string;
  iterator?: { destroy?: () => void };
}

function firstSheetName(reader: WorkbookReaderInternals): string | null {
  const sheets = reader.model?.sheets ?? [];
  const visible = sheets.find((s) => s.state !== 'hidden' && s.state !== 'veryHidden');
  return (visible ?? sheets[0])?.name ?? null;
}

function headerTexts(row: Row, date1904: boolean): Array<string | undefined> {
  const texts: Array<string | undefined> = [];
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    const { text } = cellToText(cell.value, cell.numFmt, date1904);
    if (text !== null) texts[col] = text;
  });
  return texts;
}

function toMemberRow(row: Row, mapping: HeaderMapping, date1904: boolean): MemberSheetRow | null {
  const raw = {} as MemberRawValues;
  const numericKeys: MemberColumnKey[] = [];
  let blank = true;
  for (const key of MEMBER_COLUMN_KEYS) {
    const col = mapping.columns.get(key);
    if (col === undefined) {
      raw[key] = null;
      continue;
    }
    const cell = row.getCell(col);
    const { text, numeric } = cellToText(cell.value, cell.numFmt, date1904);
    raw[key] = text;
    if (text !== null) {
      blank = false;
      if (numeric) numericKeys.push(key);
    }
  }
  return blank ? null : { rowNumber: row.number, raw, numericKeys };
}

async function* readSheet(
  rows: AsyncIterable<Row>,
  date1904: boolean,
  headerSearchRows: number,
): AsyncGenerator<MemberSheetRow, void, undefined> {
  let mapping: HeaderMapping | null = null;
  let best: { mapping: HeaderMapping; row: number } | null = null;
  let scanned = 0;
  for await (const row of rows) {
    if (mapping) {
      const memberRow = toMemberRow(row, mapping, date1904);
      if (memberRow) yield memberRow;
      continue;
    }
    const texts = headerTexts(row, date1904);
    if (texts.length === 0) continue;
    scanned++;
    const candidate = mapMemberHeaders(texts);
    if (candidate.columns.size >= MIN_HEADER_MATCHES || candidate.missing.length === 0) {
      if (candidate.duplicates.length > 0) {
        const columns = candidate.duplicates.map((c) => c.label).join(', ');
        throw new ImportFileError('DUPLICATE_COLUMNS', 'import.file.duplicateColumns', { columns }, row.number);
      }
      if (candidate.missing.length > 0) throw missingColumns(candidate, row.number);
      mapping = candidate;
      continue;
    }
    if (!best || candidate.columns.size > best.mapping.columns.size) best = { mapping: candidate, row: row.number };
    if (scanned >= headerSearchRows) break;
  }
  if (!mapping) {
    if (!best) throw new ImportFileError('EMPTY_FILE', 'import.file.empty');
    throw missingColumns(best.mapping, best.row);
  }
}

function missingColumns(mapping: HeaderMapping, row: number): ImportFileError {
  const columns = mapping.missing.map((c) => c.label).join(', ');
  return new ImportFileError('MISSING_COLUMNS', 'import.file.missingColumns', { columns }, row);
}

/** Run the worksheet iterator to its end without reading the remaining sheets. */
async function finish(sheets: AsyncIterator<unknown>): Promise<void> {
  try {
    for (let step = await sheets.next(); !step.done; step = await sheets.next()) {
      (step.value as WorksheetReaderInternals).iterator?.destroy?.();
    }
  } catch {
    // The read already ended (or failed) for another reason; nothing more to release.
  }
}

/**
 * Stream the rows of the first (visible) worksheet of a member file, mapped by header, with
 * ExcelJS's streaming reader: memory stays flat whatever the number of rows.
 *
 * The header row is the first row (among the first few non-empty ones) that names at least three
 * known columns; title rows above it are skipped. Fully blank rows are skipped.
 *
 * Throws ImportFileError: UNSUPPORTED_FILE for anything that is not a readable .xlsx (checked on
 * the first bytes, then on the zip directory: CSV, PDF, .xls, password-protected, truncated or
 * damaged), EMPTY_FILE for an empty sheet, NO_WORKSHEET, MISSING_COLUMNS, DUPLICATE_COLUMNS.
 * I/O errors (of the path or of the stream) are rethrown as they are.
 *
 * A path is read in place. A stream is first copied to a temporary file (removed afterwards) so
 * that the workbook parts can be read in the order the streaming reader needs; it is always read
 * to its end.
 */
export async function* readMemberRows(
  input: Readable | string,
  options: ReadMemberRowsOptions = {},
): AsyncGenerator<MemberSheetRow, void, undefined> {
  const source = await openXlsxSource(input);
  const { abort } = source;
  // What is still open if the read stops early (fields, not locals: set inside the loop).
  const open: {
    reader: SafeWorkbookReader | null;
    sheets: AsyncIterator<unknown> | null;
    current: WorksheetReaderInternals | null;
  } = { reader: null, sheets: null, current: null };
  try {
    const reader = new SafeWorkbookReader(
      source.stream,
      {
        worksheets: 'emit',
        sharedStrings: 'cache',
        hyperlinks: 'ignore', // hyperlink cells then read as their display text
        styles: 'cache', // needed to recognise date-formatted numbers
        entries: 'ignore',
      },
      (error) => abort.fire(corruptFile(error)),
    );
    open.reader = reader;
    const internals = reader as unknown as WorkbookReaderInternals;
    // Stepped by hand, never through for-await: `return()` would stop ExcelJS's loop before it
    // deletes the temporary files it may have buffered worksheets into; `finish` below runs it to
    // the end when the read stops early.
    const sheets = abort.wrap(reader[Symbol.asyncIterator]());
    open.sheets = sheets;
    let found = false;
    try {
      for (let step = await sheets.next(); !step.done; step = await sheets.next()) {
        const sheet = step.value as unknown as WorksheetReaderInternals;
        const first = firstSheetName(internals);
        if (found || (first !== null && sheet.name !== first)) {
          sheet.iterator?.destroy?.(); // not read: close its temporary file
          continue;
        }
        found = true;
        open.current = sheet;
        const date1904 = internals.properties?.model?.date1904 === true;
        const rows = abort.wrap(sheet[Symbol.asyncIterator]());
        yield* readSheet(rows, date1904, options.headerSearchRows ?? DEFAULT_HEADER_SEARCH_ROWS);
        open.current = null;
      }
      open.sheets = null;
    } catch (error) {
      // An input failure (I/O, broken upload) is rethrown as is; a truncated zip is already an
      // ImportFileError; anything ExcelJS throws means the file is damaged.
      throw abort.error ?? asFileError(error);
    }
    if (abort.error !== null) throw abort.error;
    if (!found) {
      if (!internals.model) throw new ImportFileError('UNSUPPORTED_FILE', 'import.file.unsupported');
      throw new ImportFileError('NO_WORKSHEET', 'import.file.noWorksheet');
    }
  } finally {
    // Stopped early (consumer break, header error). Worksheets parsed on the fly need nothing
    // more; buffered ones (rare, see safe-workbook-reader.ts) need ExcelJS's loop to finish.
    open.current?.iterator?.destroy?.();
    if (open.sheets && open.reader?.usedTemporaryFiles && abort.error === null) await finish(open.sheets);
    await source.close();
  }
}

