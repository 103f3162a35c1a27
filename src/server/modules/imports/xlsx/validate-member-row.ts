// Validation of one member row: raw cell texts → typed, normalised values or Vietnamese errors.
import { z } from 'zod';
import type { Gender } from '../../../../contracts/enums';
import type { ImportRowError } from '../../../../contracts/imports';
import { CCCD_PATTERN, LIMITS } from '../../../../contracts/limits';
import { t } from '../../../../contracts/messages';
import type { MessageKey } from '../../../../contracts/messages';
import { cleanText } from './cell-text';
import { MEMBER_COLUMN_BY_KEY } from './member-columns';
import type { MemberColumnKey } from './member-columns';

/** A valid row, ready for the upsert. Dates are ISO `yyyy-mm-dd`. */
export interface MemberImportRow {
  /** Spreadsheet row number, to report commit-time problems against the file. */
  rowNumber: number;
  /**
   * Matching keys for the upsert. A row with neither a member code nor a CCCD cannot match an
   * existing person, so it always creates a new member (the template guide says so).
   */
  memberCode: string | null;
  cccd: string | null;
  fullName: string;
  gender: Gender;
  birthDate: string | null;
  /** Upper-cased unit code as typed, and the organisation it resolved to. */
  unitCode: string;
  orgId: number;
  position: string | null;
  isLeader: boolean;
  isDirectWorker: boolean;
  joinedUnionOn: string | null;
  /** Digits with an optional leading "+", spaces removed. */
  phone: string | null;
  email: string | null;
  ethnicity: string | null;
}

export interface MemberValidationContext {
  /** Upper-case unit code → organisation id, for the units the importing user may write to. */
  unitCodes: ReadonlyMap<string, number>;
  /** Reference day for age checks, `yyyy-mm-dd`; defaults to today in Vietnam (UTC+7). */
  today?: string;
}

/** What the validator needs from a row; `MemberSheetRow` from the reader fits. */
export interface MemberRowInput {
  rowNumber: number;
  raw: Partial<Record<MemberColumnKey, string | null>>;
  /** Columns whose Excel cell was a number (see `readMemberRows`). */
  numericKeys?: readonly MemberColumnKey[];
}

export type MemberRowResult = { ok: true; value: MemberImportRow } | { ok: false; errors: ImportRowError[] };

export const MEMBER_RULES = {
  nameMin: 2,
  nameMax: LIMITS.nameMax,
  positionMax: LIMITS.nameMax,
  memberCodeMax: LIMITS.codeMax,
  ethnicityMax: 50,
  emailMax: 200,
  phoneDigitsMin: 8,
  phoneDigitsMax: 15,
  minAge: 15,
  maxAge: 80,
  /** The union joining date is at least this many years after birth. */
  joinMinAge: 15,
  minYear: 1900,
} as const;

const emailSchema = z.email().max(MEMBER_RULES.emailMax);

const vnDayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Vietnam as `yyyy-mm-dd`. */
export function todayInVietnam(now: Date = new Date()): string {
  const parts = Object.fromEntries(vnDayFormat.formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** ISO `yyyy-mm-dd` → `dd/mm/yyyy` (the form users type and the export writes). */
export function isoToVnDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** Lower-case ASCII fold used for loose keyword matching ("Nữ" → "nu", "Không" → "khong"). */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\s.]+/g, '');
}

const collapseSpaces = (text: string) => text.replace(/\s+/g, ' ').trim();

const GENDER_WORDS: Readonly<Record<string, Gender>> = {
  nam: 'MALE',
  male: 'MALE',
  m: 'MALE',
  nu: 'FEMALE',
  female: 'FEMALE',
  f: 'FEMALE',
};
const YES_WORDS = new Set(['co', 'x', 'true', '1', 'yes', 'y']);
const NO_WORDS = new Set(['', 'khong', 'false', '0', 'no', 'n']);

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysInMonth = (y: number, m: number) => [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

type DateResult = { ok: true; iso: string } | { ok: false; key: MessageKey };

/** dd/mm/yyyy or d/m/yyyy (separator "/", "." or "-"), or yyyy-mm-dd; must be a real day. */
export function parseVnDate(text: string): DateResult {
  const compact = text.replace(/\s+/g, '');
  let y: number;
  let m: number;
  let d: number;
  const dmy = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(compact);
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(compact);
  if (dmy) [d, m, y] = [Number(dmy[1]), Number(dmy[3]), Number(dmy[4])];
  else if (ymd) [y, m, d] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
  else return { ok: false, key: 'import.row.dateFormat' };
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return { ok: false, key: 'import.row.dateInvalid' };
  if (y < MEMBER_RULES.minYear) return { ok: false, key: 'import.row.dateTooEarly' };
  return { ok: true, iso: iso(y, m, d) };
}

/** Completed years between two ISO dates. */
function ageOn(birthIso: string, dayIso: string): number {
  const [by = 0, bm = 0, bd = 0] = birthIso.split('-').map(Number);
  const [ty = 0, tm = 0, td = 0] = dayIso.split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** The same day `years` later (29 February → 1 March in a common year). */
function addYears(isoDate: string, years: number): string {
  const [y = 0, m = 0, d = 0] = isoDate.split('-').map(Number);
  const year = y + years;
  return d > daysInMonth(year, m) ? iso(year, m + 1, 1) : iso(year, m, d);
}

export interface MemberRowInspection {
  /** The clean row, or null when `errors` is not empty. */
  value: MemberImportRow | null;
  errors: ImportRowError[];
  /** Matching keys that were valid on their own (used for in-file duplicate checks). */
  cccd: string | null;
  memberCode: string | null;
}

/** Like `validateMemberRow`, but also returns the valid matching keys of an invalid row. */
export function inspectMemberRow(row: MemberRowInput, ctx: MemberValidationContext): MemberRowInspection {
  const errors: ImportRowError[] = [];
  const numeric = new Set(row.numericKeys ?? []);
  const rawOf = (key: MemberColumnKey): string | null => {
    const value = row.raw[key];
    return value === null || value === undefined ? null : cleanText(value);
  };
  const fail = (key: MemberColumnKey, messageKey: MessageKey, params: Record<string, string | number> = {}) => {
    const value = rawOf(key);
    errors.push({
      row: row.rowNumber,
      column: MEMBER_COLUMN_BY_KEY[key].header,
      code: messageKey,
      message: t('vi', messageKey, { value: value ?? '', ...params }),
      value,
    });
  };
  const required = (key: MemberColumnKey): string | null => {
    const value = rawOf(key);
    if (value === null) fail(key, 'import.row.required');
    return value;
  };
  const optionalText = (key: MemberColumnKey, max: number): string | null => {
    const value = rawOf(key);
    if (value === null) return null;
    const text = collapseSpaces(value);
    if (text.length > max) {
      fail(key, 'import.row.tooLong', { max });
      return null;
    }
    return text;
  };
  const date = (key: MemberColumnKey): string | null => {
    const value = rawOf(key);
    if (value === null) return null;
    const parsed = parseVnDate(value);
    if (parsed.ok) return parsed.iso;
    // A number where a date belongs: a date serial shown as a number (Text/Number format), or a
    // bare year. Not guessed; the user fixes the column format.
    if (numeric.has(key) && parsed.key === 'import.row.dateFormat') fail(key, 'import.row.dateNumeric');
    else fail(key, parsed.key, { minYear: MEMBER_RULES.minYear });
    return null;
  };
  const yesNo = (key: MemberColumnKey): boolean => {
    const word = fold(rawOf(key) ?? '');
    if (YES_WORDS.has(word)) return true;
    if (!NO_WORDS.has(word)) fail(key, 'import.row.yesNo');
    return false;
  };

  // Họ và tên
  let fullName: string | null = null;
  const nameRaw = required('fullName');
  if (nameRaw !== null) {
    const name = collapseSpaces(nameRaw);
    if (name.length < MEMBER_RULES.nameMin || name.length > MEMBER_RULES.nameMax) {
      fail('fullName', 'import.row.nameLength', { min: MEMBER_RULES.nameMin, max: MEMBER_RULES.nameMax });
    } else fullName = name;
  }

  // Giới tính
  let gender: Gender | null = null;
  const genderRaw = required('gender');
  if (genderRaw !== null) {
    gender = GENDER_WORDS[fold(genderRaw)] ?? null;
    if (!gender) fail('gender', 'import.row.gender');
  }

  // Ngày sinh
  const today = ctx.today ?? todayInVietnam();
  let birthDate = date('birthDate');
  if (birthDate !== null) {
    const age = ageOn(birthDate, today);
    if (birthDate > today) {
      fail('birthDate', 'import.row.birthDateFuture');
      birthDate = null;
    } else if (age < MEMBER_RULES.minAge || age > MEMBER_RULES.maxAge) {
      fail('birthDate', 'import.row.ageRange', { min: MEMBER_RULES.minAge, max: MEMBER_RULES.maxAge, age });
      birthDate = null;
    }
  }

  // Ngày vào công đoàn
  let joinedUnionOn = date('joinedUnionOn');
  if (joinedUnionOn !== null) {
    if (joinedUnionOn > today) {
      fail('joinedUnionOn', 'import.row.joinedFuture');
      joinedUnionOn = null;
    } else if (birthDate !== null) {
      const earliest = addYears(birthDate, MEMBER_RULES.joinMinAge);
      if (joinedUnionOn < earliest) {
        fail('joinedUnionOn', 'import.row.joinedTooEarly', { years: MEMBER_RULES.joinMinAge, minDate: isoToVnDate(earliest) });
        joinedUnionOn = null;
      }
    }
  }

  // Số CCCD: spaces are tolerated ("001 190 012 345"); a number-typed cell that lost its
  // leading zero is reported, never padded.
  let cccd: string | null = null;
  const cccdRaw = rawOf('cccd');
  if (cccdRaw !== null) {
    const digits = cccdRaw.replace(/\s+/g, '');
    if (CCCD_PATTERN.test(digits)) cccd = digits;
    else if (numeric.has('cccd') && /^\d{1,11}$/.test(digits)) fail('cccd', 'import.row.cccdNumeric');
    else fail('cccd', 'import.row.cccdFormat');
  }

  // Mã đơn vị
  let unitCode: string | null = null;
  let orgId: number | null = null;
  const unitRaw = required('unitCode');
  if (unitRaw !== null) {
    const code = unitRaw.toUpperCase();
    const id = ctx.unitCodes.get(code);
    if (id === undefined) fail('unitCode', 'import.row.unitUnknown');
    else [unitCode, orgId] = [code, id];
  }

  const memberCode = optionalText('memberCode', MEMBER_RULES.memberCodeMax);
  const position = optionalText('position', MEMBER_RULES.positionMax);
  const ethnicity = optionalText('ethnicity', MEMBER_RULES.ethnicityMax);
  const isLeader = yesNo('isLeader');
  const isDirectWorker = yesNo('isDirectWorker');

  // Điện thoại
  let phone: string | null = null;
  const phoneRaw = rawOf('phone');
  if (phoneRaw !== null) {
    const spaced = phoneRaw.replace(/\s+/g, ' ');
    const digitCount = phoneRaw.replace(/\D/g, '').length;
    if (numeric.has('phone')) fail('phone', 'import.row.phoneNumeric');
    else if (
      !/^\+?[\d ]+$/.test(spaced) ||
      digitCount < MEMBER_RULES.phoneDigitsMin ||
      digitCount > MEMBER_RULES.phoneDigitsMax
    ) {
      fail('phone', 'import.row.phone', { min: MEMBER_RULES.phoneDigitsMin, max: MEMBER_RULES.phoneDigitsMax });
    } else phone = spaced.replace(/ /g, '');
  }

  // Email
  let email: string | null = null;
  const emailRaw = rawOf('email');
  if (emailRaw !== null) {
    if (emailSchema.safeParse(emailRaw).success) email = emailRaw;
    else fail('email', 'import.row.email');
  }

  if (errors.length > 0 || fullName === null || gender === null || unitCode === null || orgId === null) {
    return { value: null, errors, cccd, memberCode };
  }
  return {
    value: {
      rowNumber: row.rowNumber,
      memberCode,
      cccd,
      fullName,
      gender,
      birthDate,
      unitCode,
      orgId,
      position,
      isLeader,
      isDirectWorker,
      joinedUnionOn,
      phone,
      email,
      ethnicity,
    },
    errors,
    cccd,
    memberCode,
  };
}

/** Validate one row read from the member file. Messages are in Vietnamese (`t('vi', …)`). */
export function validateMemberRow(row: MemberRowInput, ctx: MemberValidationContext): MemberRowResult {
  const { value, errors } = inspectMemberRow(row, ctx);
  return value ? { ok: true, value } : { ok: false, errors };
}
