import type { ImportRowError } from '../../../../contracts/imports';
import type { Locale } from '../../../../contracts/enums';
import { t } from '../../../../contracts/messages';
import type { MessageKey } from '../../../../contracts/messages';

/**
 * - UNSUPPORTED_FILE: not an .xlsx at all (CSV, PDF, old .xls, password-protected, damaged zip).
 *   The HTTP layer maps it to the `UNSUPPORTED_FILE` error code.
 * - NO_WORKSHEET / EMPTY_FILE / MISSING_COLUMNS / DUPLICATE_COLUMNS / TOO_MANY_ROWS: a readable
 *   workbook whose content cannot be imported as a whole.
 */
export const IMPORT_FILE_ERROR_CODES = [
  'UNSUPPORTED_FILE',
  'NO_WORKSHEET',
  'EMPTY_FILE',
  'MISSING_COLUMNS',
  'DUPLICATE_COLUMNS',
  'TOO_MANY_ROWS',
] as const;
export type ImportFileErrorCode = (typeof IMPORT_FILE_ERROR_CODES)[number];

/** A problem with the file as a whole: nothing in it can be imported. */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';

  constructor(
    readonly code: ImportFileErrorCode,
    /** Catalogue key of the user-facing message. */
    readonly messageKey: MessageKey,
    readonly params: Record<string, string | number> = {},
    /** Spreadsheet row the problem was found on (the header row), or 0 for the file itself. */
    readonly row = 0,
    options?: { cause?: unknown },
  ) {
    super(t('vi', messageKey, params), options);
  }

  /** Translated message in `locale`. */
  localisedMessage(locale: Locale): string {
    return t(locale, this.messageKey, this.params);
  }

  /** The same problem in the shape of a row error (column = null: whole-file problem). */
  toRowError(): ImportRowError {
    return { row: this.row, column: null, code: this.messageKey, message: this.message, value: null };
  }
}
