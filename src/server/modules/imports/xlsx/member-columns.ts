// Column layout of the member file (template, import and export share it).
// Headers are part of the file format and therefore always Vietnamese, whatever the UI locale:
// a file exported by one user must be importable by any other.
import { LIMITS } from '../../../../contracts/limits';
import type { MessageKey } from '../../../../contracts/messages';

export const MEMBER_COLUMN_KEYS = [
  'memberCode',
  'fullName',
  'gender',
  'birthDate',
  'cccd',
  'unitCode',
  'position',
  'isLeader',
  'isDirectWorker',
  'joinedUnionOn',
  'phone',
  'email',
  'ethnicity',
] as const;
export type MemberColumnKey = (typeof MEMBER_COLUMN_KEYS)[number];

export type MemberColumnKind = 'text' | 'date' | 'gender' | 'yesNo';

export interface MemberColumn {
  key: MemberColumnKey;
  /** Exact header written to the template and the export, and used as `column` in row errors. */
  header: string;
  /** Short label without "*" and hints, for UI text. */
  label: string;
  required: boolean;
  kind: MemberColumnKind;
  /** Cell format: text columns keep leading zeros and dd/mm/yyyy as typed. */
  textFormat: boolean;
  /** Column width in the template/export, in Excel character units. */
  width: number;
  /** Value shown in the template sample row. */
  example: string;
  /** Catalogue key explaining the column (template "Hướng dẫn" sheet); may use `{max}`. */
  helpKey: MessageKey;
  helpParams?: Record<string, number>;
  /** Other headers accepted on import (normalised with `normaliseHeader`). */
  aliases: readonly string[];
}

export const MEMBER_COLUMNS: readonly MemberColumn[] = [
  {
    key: 'memberCode',
    header: 'Mã đoàn viên',
    label: 'Mã đoàn viên',
    required: false,
    kind: 'text',
    textFormat: true,
    width: 16,
    example: '',
    helpKey: 'import.column.memberCode',
    helpParams: { max: LIMITS.codeMax },
    aliases: ['Mã ĐV', 'Member code'],
  },
  {
    key: 'fullName',
    header: 'Họ và tên*',
    label: 'Họ và tên',
    required: true,
    kind: 'text',
    textFormat: false,
    width: 28,
    example: 'Nguyễn Thị Ánh',
    helpKey: 'import.column.fullName',
    helpParams: { max: LIMITS.nameMax },
    aliases: ['Họ tên', 'Họ và tên đoàn viên', 'Full name'],
  },
  {
    key: 'gender',
    header: 'Giới tính* (Nam/Nữ)',
    label: 'Giới tính',
    required: true,
    kind: 'gender',
    textFormat: false,
    width: 20,
    example: 'Nữ',
    helpKey: 'import.column.gender',
    aliases: ['Gender'],
  },
  {
    key: 'birthDate',
    header: 'Ngày sinh (dd/mm/yyyy)',
    label: 'Ngày sinh',
    required: false,
    kind: 'date',
    textFormat: true,
    width: 22,
    example: '15/03/1990',
    helpKey: 'import.column.birthDate',
    aliases: ['Ngày tháng năm sinh', 'Date of birth', 'Birth date'],
  },
  {
    key: 'cccd',
    header: 'Số CCCD',
    label: 'Số CCCD',
    required: false,
    kind: 'text',
    textFormat: true,
    width: 16,
    example: '001190012345',
    helpKey: 'import.column.cccd',
    aliases: ['CCCD', 'Căn cước công dân', 'Số căn cước công dân', 'Số căn cước', 'Số định danh cá nhân', 'Citizen ID'],
  },
  {
    key: 'unitCode',
    header: 'Mã đơn vị*',
    label: 'Mã đơn vị',
    required: true,
    kind: 'text',
    textFormat: true,
    width: 16,
    // Deliberately not a real unit: an unedited template must not import the sample person.
    example: 'CDCS-VIDU',
    helpKey: 'import.column.unitCode',
    aliases: ['Mã công đoàn', 'Mã công đoàn cơ sở', 'Unit code'],
  },
  {
    key: 'position',
    header: 'Chức vụ',
    label: 'Chức vụ',
    required: false,
    kind: 'text',
    textFormat: false,
    width: 22,
    example: 'Kế toán viên',
    helpKey: 'import.column.position',
    helpParams: { max: LIMITS.nameMax },
    aliases: ['Chức danh', 'Position'],
  },
  {
    key: 'isLeader',
    header: 'Cán bộ lãnh đạo (Có/Không)',
    label: 'Cán bộ lãnh đạo',
    required: false,
    kind: 'yesNo',
    textFormat: false,
    width: 26,
    example: 'Không',
    helpKey: 'import.column.isLeader',
    aliases: ['Lãnh đạo', 'Cán bộ lãnh đạo quản lý', 'Leader'],
  },
  {
    key: 'isDirectWorker',
    header: 'Lao động trực tiếp (Có/Không)',
    label: 'Lao động trực tiếp',
    required: false,
    kind: 'yesNo',
    textFormat: false,
    width: 28,
    example: 'Có',
    helpKey: 'import.column.isDirectWorker',
    aliases: ['LĐ trực tiếp', 'Công nhân lao động trực tiếp', 'Direct worker'],
  },
  {
    key: 'joinedUnionOn',
    header: 'Ngày vào công đoàn',
    label: 'Ngày vào công đoàn',
    required: false,
    kind: 'date',
    textFormat: true,
    width: 20,
    example: '01/06/2015',
    helpKey: 'import.column.joinedUnionOn',
    aliases: ['Ngày gia nhập công đoàn', 'Ngày kết nạp', 'Ngày kết nạp công đoàn', 'Joined union on', 'Union joining date'],
  },
  {
    key: 'phone',
    header: 'Điện thoại',
    label: 'Điện thoại',
    required: false,
    kind: 'text',
    textFormat: true,
    width: 16,
    example: '0912 345 678',
    helpKey: 'import.column.phone',
    aliases: ['Số điện thoại', 'SĐT', 'Di động', 'Phone'],
  },
  {
    key: 'email',
    header: 'Email',
    label: 'Email',
    required: false,
    kind: 'text',
    textFormat: false,
    width: 28,
    example: 'anh.nguyen@example.vn',
    helpKey: 'import.column.email',
    aliases: ['E-mail', 'Thư điện tử', 'Địa chỉ email'],
  },
  {
    key: 'ethnicity',
    header: 'Dân tộc',
    label: 'Dân tộc',
    required: false,
    kind: 'text',
    textFormat: false,
    width: 12,
    example: 'Kinh',
    helpKey: 'import.column.ethnicity',
    helpParams: { max: 50 },
    aliases: ['Ethnicity'],
  },
];

/** Extra, export-only columns: ignored on import (they are not in the header map). */
export const EXPORT_EXTRA_COLUMNS = [
  { key: 'unitName', header: 'Tên đơn vị', width: 36 },
  { key: 'status', header: 'Trạng thái', width: 20 },
] as const;

export const MEMBER_COLUMN_BY_KEY: Readonly<Record<MemberColumnKey, MemberColumn>> = Object.fromEntries(
  MEMBER_COLUMNS.map((c) => [c.key, c]),
) as Record<MemberColumnKey, MemberColumn>;

export const REQUIRED_MEMBER_COLUMNS: readonly MemberColumn[] = MEMBER_COLUMNS.filter((c) => c.required);

/**
 * Canonical form of a header for tolerant matching: diacritics, case, whitespace, punctuation,
 * the "*" marker and any "(…)"/"[…]" hint are ignored. "Giới tính* (Nam/Nữ)" → "gioitinh".
 */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\([^)]*\)?/g, ' ')
    .replace(/\[[^\]]*\]?/g, ' ')
    .replace(/[^a-z0-9]+/g, '');
}

const HEADER_LOOKUP: ReadonlyMap<string, MemberColumnKey> = (() => {
  const map = new Map<string, MemberColumnKey>();
  for (const column of MEMBER_COLUMNS) {
    for (const text of [column.header, column.label, ...column.aliases]) {
      const norm = normaliseHeader(text);
      const existing = map.get(norm);
      if (existing && existing !== column.key) throw new Error(`Ambiguous member header alias "${text}"`);
      map.set(norm, column.key);
    }
  }
  return map;
})();

/** The column a header cell denotes, or null for an unknown (ignored) column. */
export function matchMemberHeader(text: string): MemberColumnKey | null {
  const norm = normaliseHeader(text);
  return norm === '' ? null : (HEADER_LOOKUP.get(norm) ?? null);
}

export interface HeaderMapping {
  /** 1-based spreadsheet column index of each recognised column. */
  columns: Map<MemberColumnKey, number>;
  /** Required columns that are absent. */
  missing: MemberColumn[];
  /** Columns that appear more than once (by canonical header). */
  duplicates: MemberColumn[];
}

/**
 * Map a header row. `cells` is indexed by 1-based column number (sparse; non-string entries are
 * treated as empty). Unknown headers are ignored.
 */
export function mapMemberHeaders(cells: ReadonlyArray<string | null | undefined>): HeaderMapping {
  const columns = new Map<MemberColumnKey, number>();
  const duplicateKeys = new Set<MemberColumnKey>();
  cells.forEach((text, index) => {
    if (typeof text !== 'string') return;
    const key = matchMemberHeader(text);
    if (!key) return;
    if (columns.has(key)) duplicateKeys.add(key);
    else columns.set(key, index);
  });
  return {
    columns,
    missing: REQUIRED_MEMBER_COLUMNS.filter((c) => !columns.has(c.key)),
    duplicates: MEMBER_COLUMNS.filter((c) => duplicateKeys.has(c.key)),
  };
}
