// XLSX engine for importing and exporting union members (no database access).
export { ImportFileError, IMPORT_FILE_ERROR_CODES } from './import-file-error';
export type { ImportFileErrorCode } from './import-file-error';
export {
  MEMBER_COLUMNS,
  MEMBER_COLUMN_KEYS,
  MEMBER_COLUMN_BY_KEY,
  REQUIRED_MEMBER_COLUMNS,
  EXPORT_EXTRA_COLUMNS,
  normaliseHeader,
  matchMemberHeader,
  mapMemberHeaders,
} from './member-columns';
export type { MemberColumn, MemberColumnKey, MemberColumnKind, HeaderMapping } from './member-columns';
export { readMemberRows, assertXlsxSignature } from './read-member-rows';
export type { MemberSheetRow, MemberRawValues, ReadMemberRowsOptions } from './read-member-rows';
export { validateMemberRow, inspectMemberRow, parseVnDate, todayInVietnam, isoToVnDate, MEMBER_RULES } from './validate-member-row';
export type {
  MemberImportRow,
  MemberValidationContext,
  MemberRowInput,
  MemberRowResult,
  MemberRowInspection,
} from './validate-member-row';
export { validateMemberFile, MAX_STORED_ERRORS, PROGRESS_EVERY_ROWS } from './validate-member-file';
export type { MemberFileContext, MemberFileResult } from './validate-member-file';
export { writeMemberTemplate, memberTemplateBuffer } from './write-member-template';
export { writeMemberExport } from './write-member-export';
export type { MemberExportRow, MemberExportMeta } from './write-member-export';
