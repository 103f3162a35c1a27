// Whole-file validation: stream the rows, validate each, and check across rows.
import type { Readable } from 'node:stream';
import type { ImportRowError } from '../../../../contracts/imports';
import { LIMITS } from '../../../../contracts/limits';
import { t } from '../../../../contracts/messages';
import { ImportFileError } from './import-file-error';
import { MEMBER_COLUMN_BY_KEY } from './member-columns';
import { readMemberRows } from './read-member-rows';
import { inspectMemberRow, todayInVietnam } from './validate-member-row';
import type { MemberImportRow, MemberValidationContext } from './validate-member-row';

/** At most this many errors are kept in the result; all are counted in `errorCount`. */
export const MAX_STORED_ERRORS = 1000;
/** `onProgress` is called after every this many data rows (and once at the end). */
export const PROGRESS_EVERY_ROWS = 1000;

export interface MemberFileContext extends MemberValidationContext {
  /** Defaults to LIMITS.importMaxRows. */
  maxRows?: number;
  /** Defaults to MAX_STORED_ERRORS. */
  maxStoredErrors?: number;
}

export interface MemberFileResult {
  /** Every valid row in file order, or [] as soon as the file has any error (nothing is partial). */
  rows: MemberImportRow[];
  /** The first `maxStoredErrors` errors, in file order (whole-file problems have column = null). */
  errors: ImportRowError[];
  errorCount: number;
  /**
   * Non-blank data rows read. When the file has more than `maxRows` rows, reading stops at the
   * first row over the limit, so this is then maxRows + 1.
   */
  totalRows: number;
}

const formatCount = (n: number) => new Intl.NumberFormat('vi-VN').format(n);

/**
 * Validate a whole member file. File-level problems (not an .xlsx, missing columns, empty file,
 * too many rows) are returned as errors with column = null rather than thrown; only unexpected
 * failures (I/O, bugs) reject. The rows are kept in memory only while the file is still valid.
 */
export async function validateMemberFile(
  input: Readable | string,
  ctx: MemberFileContext,
  onProgress?: (processedRows: number) => void,
): Promise<MemberFileResult> {
  const rowCtx: MemberValidationContext = { ...ctx, today: ctx.today ?? todayInVietnam() };
  const maxRows = ctx.maxRows ?? LIMITS.importMaxRows;
  const maxStoredErrors = ctx.maxStoredErrors ?? MAX_STORED_ERRORS;

  const errors: ImportRowError[] = [];
  let errorCount = 0;
  const report = (error: ImportRowError) => {
    errorCount++;
    if (errors.length < maxStoredErrors) errors.push(error);
  };
  let rows: MemberImportRow[] = [];
  let totalRows = 0;
  // First row of each matching key, for in-file duplicates.
  const cccdRows = new Map<string, number>();
  const memberCodeRows = new Map<string, number>();
  const duplicate = (
    seen: Map<string, number>,
    key: string,
    rowNumber: number,
    column: 'cccd' | 'memberCode',
    value: string | null,
  ) => {
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, rowNumber);
      return;
    }
    const code = column === 'cccd' ? 'import.row.duplicateCccd' : 'import.row.duplicateMemberCode';
    report({ row: rowNumber, column: MEMBER_COLUMN_BY_KEY[column].header, code, message: t('vi', code, { row: first }), value });
  };

  try {
    for await (const row of readMemberRows(input)) {
      totalRows++;
      if (totalRows > maxRows) {
        const error = new ImportFileError('TOO_MANY_ROWS', 'import.file.tooManyRows', { max: formatCount(maxRows) }, row.rowNumber);
        report(error.toRowError());
        break;
      }
      const inspection = inspectMemberRow(row, rowCtx);
      inspection.errors.forEach(report);
      if (inspection.cccd !== null) duplicate(cccdRows, inspection.cccd, row.rowNumber, 'cccd', row.raw.cccd);
      if (inspection.memberCode !== null) {
        duplicate(memberCodeRows, inspection.memberCode, row.rowNumber, 'memberCode', row.raw.memberCode);
      }
      if (errorCount > 0) rows = [];
      else if (inspection.value) rows.push(inspection.value);
      if (totalRows % PROGRESS_EVERY_ROWS === 0) onProgress?.(totalRows);
    }
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    report(error.toRowError());
  }
  if (totalRows === 0 && errorCount === 0) report(new ImportFileError('EMPTY_FILE', 'import.file.empty').toRowError());
  onProgress?.(totalRows);
  return { rows: errorCount > 0 ? [] : rows, errors, errorCount, totalRows };
}
