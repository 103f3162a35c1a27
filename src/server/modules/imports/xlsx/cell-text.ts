// Normalisation of ExcelJS cell values to the trimmed NFC strings the validator works on.
import type { CellValue } from 'exceljs';

export interface CellText {
  text: string | null;
  /** The cell held a number (not text, not an Excel date): leading zeros may have been lost. */
  numeric: boolean;
}

const EMPTY: CellText = { text: null, numeric: false };

/** Trimmed NFC text, or null when nothing is left. `trim` also removes NBSP and BOM. */
export function cleanText(value: string): string | null {
  const text = value.normalize('NFC').trim();
  return text === '' ? null : text;
}

/** Integers as plain digits; fractions without binary noise (0.1 + 0.2 → "0.3"). */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  return String(Number(n.toPrecision(15)));
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * dd/mm/yyyy of an Excel date. ExcelJS builds Dates from serials in UTC, so the UTC fields are
 * exactly what Excel shows: no time-zone shift whatever the server's TZ.
 */
export function formatExcelDate(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  return `${pad2(date.getUTCDate())}/${pad2(date.getUTCMonth() + 1)}/${String(date.getUTCFullYear()).padStart(4, '0')}`;
}

/** Excel serial day number → Date (UTC midnight based), honouring the 1904 date system. */
export function excelSerialToDate(serial: number, date1904: boolean): Date {
  const unixEpochSerial = date1904 ? -1462 : 25569;
  return new Date(Math.round((serial - unixEpochSerial) * 86_400_000));
}

/** Whether an Excel number format displays a date (d, m, y outside quotes, escapes and [..]). */
export function isDateFormat(numFmt: string | undefined | null): boolean {
  if (!numFmt) return false;
  const stripped = numFmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_.|\*./g, '');
  return /[dy]/i.test(stripped) || (/m/i.test(stripped) && !/[hs]/i.test(stripped));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Text of a cell value of any ExcelJS kind: string, number, boolean, Date, rich text, formula
 * (its cached result), hyperlink (its display text), error (#N/A...).
 */
export function cellToText(value: CellValue | undefined, numFmt: string | undefined, date1904: boolean): CellText {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'string') return { text: cleanText(value), numeric: false };
  if (typeof value === 'number') {
    if (isDateFormat(numFmt)) return { text: formatExcelDate(excelSerialToDate(value, date1904)), numeric: false };
    // A "000000000000" format is the usual trick to show a CCCD's leading zero: take the text
    // Excel displays, which is exactly the zero-padded number.
    if (numFmt && /^0+$/.test(numFmt) && Number.isSafeInteger(value) && value >= 0) {
      return { text: String(value).padStart(numFmt.length, '0'), numeric: false };
    }
    return { text: formatNumber(value), numeric: true };
  }
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', numeric: false };
  if (value instanceof Date) return { text: formatExcelDate(value), numeric: false };
  if (!isObject(value)) return EMPTY;

  if (Array.isArray(value.richText)) {
    const text = (value.richText as unknown[]).map((run) => (isObject(run) && typeof run.text === 'string' ? run.text : '')).join('');
    return { text: cleanText(text), numeric: false };
  }
  if ('formula' in value || 'sharedFormula' in value) {
    return cellToText(value.result as CellValue | undefined, numFmt, date1904);
  }
  if (typeof value.error === 'string') return { text: cleanText(value.error), numeric: false };
  if ('text' in value) {
    // Hyperlink: { text, hyperlink }, where text may itself be rich text.
    return cellToText(value.text as CellValue, numFmt, date1904);
  }
  return EMPTY;
}
