// Closed sets shared by the server, the web client and the domain code.
// Vietnamese labels live in the message catalogue (messages/*.ts), keyed by these codes.

export const GENDERS = ['MALE', 'FEMALE'] as const;
export type Gender = (typeof GENDERS)[number];

export const MEMBER_STATUSES = ['ACTIVE', 'LEFT'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** Why a membership period ended. */
export const MEMBERSHIP_END_REASONS = ['TRANSFER', 'LEFT_UNION', 'UNIT_ENDED', 'UNIT_MERGED'] as const;
export type MembershipEndReason = (typeof MEMBERSHIP_END_REASONS)[number];

export const ORG_STATUSES = ['ACTIVE', 'ENDED', 'MERGED'] as const;
export type OrgStatus = (typeof ORG_STATUSES)[number];

/**
 * Organisation kinds shipped with the product. Kinds are rows in the `org_kind` table, so an
 * installation may add its own (e.g. a commune union after the July 2025 restructuring);
 * these codes are only the defaults that the demo and the migrations create.
 */
export const DEFAULT_ORG_KINDS = [
  'TLD', // Tổng Liên đoàn Lao động Việt Nam
  'LDLD_TINH', // Liên đoàn Lao động tỉnh, thành phố
  'CD_NGANH_TW', // Công đoàn ngành Trung ương
  'LDLD_HUYEN', // Liên đoàn Lao động huyện
  'CD_NGANH_DP', // Công đoàn ngành địa phương
  'CD_KCN', // Công đoàn các khu công nghiệp
  'CD_XA_PHUONG', // Công đoàn xã, phường, đặc khu (from 2025)
  'CDCS', // Công đoàn cơ sở
  'NGHIEP_DOAN', // Nghiệp đoàn cơ sở
  'CD_BO_PHAN', // Công đoàn bộ phận
  'TO_CD', // Tổ công đoàn
] as const;

/** Economic sector of a grassroots union's host unit. */
export const SECTORS = ['HCSN', 'DNNN', 'NGOAI_NN', 'FDI', 'TRUONG_HOC', 'KHAC'] as const;
export type Sector = (typeof SECTORS)[number];

/** Roles are assigned on an organisation and cover its whole subtree. */
export const ROLES = ['SYSTEM_ADMIN', 'TDKT_OFFICER', 'COUNCIL_MEMBER', 'CDCS_OFFICER', 'MEMBER', 'VIEWER'] as const;
export type Role = (typeof ROLES)[number];

/** Union office held by a member in an organisation (cán bộ công đoàn). */
export const OFFICER_TITLES = [
  'CHU_TICH',
  'PHO_CHU_TICH',
  'UY_VIEN_BTV',
  'UY_VIEN_BCH',
  'TO_TRUONG',
  'TO_PHO',
  'UY_VIEN_UBKT',
] as const;
export type OfficerTitle = (typeof OFFICER_TITLES)[number];

export const ORG_EVENT_KINDS = ['CREATED', 'RENAMED', 'MOVED', 'MERGED', 'ENDED', 'UPDATED'] as const;
export type OrgEventKind = (typeof ORG_EVENT_KINDS)[number];

export const IMPORT_STATUSES = ['UPLOADED', 'VALIDATING', 'INVALID', 'READY', 'COMMITTING', 'COMMITTED', 'FAILED'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
