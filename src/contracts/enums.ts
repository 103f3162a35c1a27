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

// ── Awards and the records eligibility reads (issue 3) ──────────────────────────────────────────

/** Danh hiệu thi đua (emulation title) or hình thức khen thưởng (form of commendation). */
export const AWARD_CATEGORIES = ['TITLE', 'FORM'] as const;
export type AwardCategory = (typeof AWARD_CATEGORIES)[number];

/** Who receives it: a person or a collective (a unit). */
export const AWARD_SUBJECTS = ['INDIVIDUAL', 'COLLECTIVE'] as const;
export type AwardSubject = (typeof AWARD_SUBJECTS)[number];

/**
 * Kind of commendation (Luật 2022, ND 98/2023 Điều 40): theo công trạng (annual, merit), chuyên đề,
 * đột xuất, cống hiến, niên hạn, đối ngoại. Only MERIT awards count toward higher merit awards
 * under ND 152/2025 Điều 4.
 */
export const AWARD_KINDS = ['MERIT', 'THEMATIC', 'AD_HOC', 'DEDICATION', 'SENIORITY', 'FOREIGN'] as const;
export type AwardKind = (typeof AWARD_KINDS)[number];

/** The level whose authority grants it. */
export const AWARD_LEVELS = ['GRASSROOTS', 'UPPER', 'PROVINCE', 'CENTRAL', 'STATE'] as const;
export type AwardLevel = (typeof AWARD_LEVELS)[number];

/** Yearly performance rating (xếp loại): HTXSNV > HTTNV > HTNV > KHTNV. */
export const RATINGS = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'] as const;
export type Rating = (typeof RATINGS)[number];

/** Phạm vi ảnh hưởng of an initiative or scientific topic. */
export const INITIATIVE_SCOPES = ['GRASSROOTS', 'MINISTRY_PROVINCE', 'NATIONAL'] as const;
export type InitiativeScope = (typeof INITIATIVE_SCOPES)[number];

/** Disciplinary measures, lightest first (the order is used by "at level X or above"). */
export const DISCIPLINE_LEVELS = ['KHIEN_TRACH', 'CANH_CAO', 'HA_BAC_LUONG', 'GIANG_CHUC', 'CACH_CHUC', 'BUOC_THOI_VIEC'] as const;
export type DisciplineLevel = (typeof DISCIPLINE_LEVELS)[number];

export const ABSENCE_REASONS = ['MATERNITY', 'ILLNESS', 'TRAINING', 'INJURY_DUTY', 'OTHER'] as const;
export type AbsenceReason = (typeof ABSENCE_REASONS)[number];

/** Matters that block any award while they are open (ND 152/2025 Điều 4). */
export const PENDING_CASE_KINDS = ['DISCIPLINE', 'INVESTIGATION', 'INSPECTION', 'COMPLAINT', 'DENUNCIATION'] as const;
export type PendingCaseKind = (typeof PENDING_CASE_KINDS)[number];

/** Used by the Bằng Lao động sáng tạo thresholds. */
export const EDUCATION_LEVELS = ['COLLEGE_OR_BELOW', 'UNIVERSITY_OR_ABOVE'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** Used by the Kỷ niệm chương thresholds (years of union work differ per category). */
export const UNION_WORK_CATEGORIES = ['UNION_CADRE', 'UNION_PUBLIC_SERVANT', 'OUTSIDE_CONTRIBUTOR'] as const;
export type UnionWorkCategory = (typeof UNION_WORK_CATEGORIES)[number];

/** A kept record is never deleted: it is revoked or superseded, with a reason. */
export const RECORD_STATUSES = ['ACTIVE', 'REVOKED', 'SUPERSEDED'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

/** Where a record came from. */
export const RECORD_SOURCES = ['MANUAL', 'IMPORT', 'DECISION', 'SCORING', 'COMPLAINT'] as const;
export type RecordSource = (typeof RECORD_SOURCES)[number];

/** Kinds of record a person's or unit's timeline holds. */
export const RECORD_KINDS = [
  'AWARD',
  'RATING',
  'INITIATIVE',
  'RESEARCH',
  'DISCIPLINE',
  'ABSENCE',
  'PENDING_CASE',
  'REGISTRATION',
  'CLUSTER_LEAD',
  'UNIT_STATS',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const ELIGIBILITY_STATUSES = ['ELIGIBLE', 'NOT_ELIGIBLE', 'MISSING_EVIDENCE'] as const;
export type EligibilityStatus = (typeof ELIGIBILITY_STATUSES)[number];

/** Outcome of one rule in an explanation. */
export const REASON_OUTCOMES = ['PASS', 'FAIL', 'MISSING', 'INFO'] as const;
export type ReasonOutcome = (typeof REASON_OUTCOMES)[number];
