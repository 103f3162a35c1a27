import { describe, expect, it } from 'vitest';
import { MEMBER_COLUMN_BY_KEY } from './member-columns';
import type { MemberColumnKey } from './member-columns';
import { CTX, VIETNAMESE_DIACRITIC } from './test-support';
import { parseVnDate, todayInVietnam, validateMemberRow } from './validate-member-row';
import type { MemberImportRow, MemberRowInput } from './validate-member-row';

type Raw = Partial<Record<MemberColumnKey, string | null>>;

const BASE: Raw = {
  memberCode: 'DV0001',
  fullName: 'Nguyễn Thị Ánh',
  gender: 'Nữ',
  birthDate: '15/03/1990',
  cccd: '001190012345',
  unitCode: 'CDCS-A',
  position: 'Kế toán viên',
  isLeader: 'Không',
  isDirectWorker: 'Có',
  joinedUnionOn: '01/06/2015',
  phone: '0912 345 678',
  email: 'anh.nguyen@example.vn',
  ethnicity: 'Kinh',
};

function input(overrides: Raw = {}, numericKeys: MemberColumnKey[] = []): MemberRowInput {
  return { rowNumber: 7, raw: { ...BASE, ...overrides }, numericKeys };
}

function valueOf(overrides: Raw = {}, numericKeys: MemberColumnKey[] = []): MemberImportRow {
  const result = validateMemberRow(input(overrides, numericKeys), CTX);
  if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.value;
}

describe('validateMemberRow', { timeout: 30_000 }, () => {
  it('turns a valid row into typed, normalised values', () => {
    expect(valueOf()).toEqual({
      rowNumber: 7,
      memberCode: 'DV0001',
      cccd: '001190012345',
      fullName: 'Nguyễn Thị Ánh',
      gender: 'FEMALE',
      birthDate: '1990-03-15',
      unitCode: 'CDCS-A',
      orgId: 11,
      position: 'Kế toán viên',
      isLeader: false,
      isDirectWorker: true,
      joinedUnionOn: '2015-06-01',
      phone: '0912345678',
      email: 'anh.nguyen@example.vn',
      ethnicity: 'Kinh',
    });
  });

  it('allows a row with neither member code nor CCCD (it will always create a new member)', () => {
    const value = valueOf({ memberCode: null, cccd: null, birthDate: null, joinedUnionOn: null, phone: null, email: null });
    expect(value).toMatchObject({ memberCode: null, cccd: null, birthDate: null, joinedUnionOn: null, phone: null, email: null });
  });

  it('normalises names: NFC, trimmed, single spaces', () => {
    expect(valueOf({ fullName: '  Nguye\u0302\u0303n   Thị \u00a0Ánh ' }).fullName).toBe('Nguyễn Thị Ánh');
  });

  it.each([
    ['Nam', 'MALE'],
    ['nam', 'MALE'],
    ['NAM', 'MALE'],
    ['male', 'MALE'],
    ['M', 'MALE'],
    ['Nữ', 'FEMALE'],
    ['nữ', 'FEMALE'],
    ['nu', 'FEMALE'],
    ['NU', 'FEMALE'],
    ['Female', 'FEMALE'],
    ['f', 'FEMALE'],
  ])('accepts gender %s', (text, gender) => {
    expect(valueOf({ gender: text }).gender).toBe(gender);
  });

  it.each([
    ['Có', true],
    ['có', true],
    ['co', true],
    ['x', true],
    ['X', true],
    ['TRUE', true],
    ['1', true],
    ['Không', false],
    ['khong', false],
    ['FALSE', false],
    ['0', false],
    [null, false],
  ])('accepts yes/no value %s', (text, expected) => {
    expect(valueOf({ isLeader: text }).isLeader).toBe(expected);
    expect(valueOf({ isDirectWorker: text }).isDirectWorker).toBe(expected);
  });

  it.each([
    ['15/03/1990', '1990-03-15'],
    ['5/3/1990', '1990-03-05'],
    ['05.03.1990', '1990-03-05'],
    ['5-3-1990', '1990-03-05'],
    ['1990-03-05', '1990-03-05'],
    [' 29/02/1992 ', '1992-02-29'],
  ])('accepts birth date %s', (text, iso) => {
    expect(valueOf({ birthDate: text, joinedUnionOn: null }).birthDate).toBe(iso);
  });

  it('checks the age bounds (15–80) on the exact day', () => {
    // CTX.today is 2025-06-15.
    expect(valueOf({ birthDate: '15/06/2010', joinedUnionOn: null }).birthDate).toBe('2010-06-15');
    expect(validateMemberRow(input({ birthDate: '16/06/2010', joinedUnionOn: null }), CTX).ok).toBe(false);
    expect(valueOf({ birthDate: '16/06/1944', joinedUnionOn: null }).birthDate).toBe('1944-06-16');
    expect(validateMemberRow(input({ birthDate: '15/06/1944', joinedUnionOn: null }), CTX).ok).toBe(false);
  });

  it('requires the joining date to be at least 15 years after birth (29 Feb → 1 Mar)', () => {
    expect(valueOf({ birthDate: '29/02/1992', joinedUnionOn: '01/03/2007' }).joinedUnionOn).toBe('2007-03-01');
    const result = validateMemberRow(input({ birthDate: '29/02/1992', joinedUnionOn: '28/02/2007' }), CTX);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toBe('Ngày vào công đoàn phải sau ngày sinh ít nhất 15 năm (từ 01/03/2007 trở đi).');
    // Without a birth date only the "not in the future" rule applies.
    expect(valueOf({ birthDate: null, joinedUnionOn: '01/01/1990' }).joinedUnionOn).toBe('1990-01-01');
  });

  it('strips spaces in CCCD and accepts a 12-digit number cell', () => {
    expect(valueOf({ cccd: '001 190 012 345' }).cccd).toBe('001190012345');
    expect(valueOf({ cccd: '172123456789' }, ['cccd']).cccd).toBe('172123456789');
  });

  it('upper-cases unit codes and resolves them to organisations', () => {
    expect(valueOf({ unitCode: ' cdcs-b ' })).toMatchObject({ unitCode: 'CDCS-B', orgId: 12 });
    expect(valueOf({ unitCode: 'cđcs-đ' })).toMatchObject({ unitCode: 'CĐCS-Đ', orgId: 13 });
  });

  it('keeps phone numbers as digits with an optional leading +', () => {
    expect(valueOf({ phone: '+84 912 345 678' }).phone).toBe('+84912345678');
    expect(valueOf({ phone: '02438 123 456' }).phone).toBe('02438123456');
  });

  it('accepts a number-typed member code as its digits', () => {
    expect(valueOf({ memberCode: '12345' }, ['memberCode']).memberCode).toBe('12345');
  });

  it('reports every bad cell of a row, not only the first', () => {
    const result = validateMemberRow(input({ fullName: null, gender: 'X', unitCode: 'ZZZ', email: 'a@' }), CTX);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.column)).toEqual(['Họ và tên*', 'Giới tính* (Nam/Nữ)', 'Mã đơn vị*', 'Email']);
    expect(result.errors.every((e) => e.row === 7)).toBe(true);
  });

  type Case = { name: string; raw: Raw; numeric?: MemberColumnKey[]; column: MemberColumnKey; code: string; message?: string };
  const cases: Case[] = [
    { name: 'missing name', raw: { fullName: '  ' }, column: 'fullName', code: 'import.row.required', message: 'Không được để trống.' },
    { name: 'one-letter name', raw: { fullName: 'A' }, column: 'fullName', code: 'import.row.nameLength' },
    { name: 'name over 200', raw: { fullName: 'Ánh '.repeat(60) }, column: 'fullName', code: 'import.row.nameLength' },
    { name: 'missing gender', raw: { gender: null }, column: 'gender', code: 'import.row.required' },
    { name: 'unknown gender', raw: { gender: 'Khác' }, column: 'gender', code: 'import.row.gender', message: 'Giới tính "Khác" không hợp lệ: chỉ nhận Nam hoặc Nữ.' },
    { name: '31/02', raw: { birthDate: '31/02/1990' }, column: 'birthDate', code: 'import.row.dateInvalid', message: 'Ngày "31/02/1990" không có thật trên lịch.' },
    { name: 'month 13', raw: { birthDate: '01/13/1990' }, column: 'birthDate', code: 'import.row.dateInvalid' },
    { name: 'yyyy/mm/dd', raw: { birthDate: '1990/03/15' }, column: 'birthDate', code: 'import.row.dateFormat' },
    { name: 'two-digit year', raw: { birthDate: '15/03/90' }, column: 'birthDate', code: 'import.row.dateFormat' },
    { name: 'words', raw: { birthDate: 'mười lăm' }, column: 'birthDate', code: 'import.row.dateFormat' },
    { name: 'number in a date cell', raw: { birthDate: '1990' }, numeric: ['birthDate'], column: 'birthDate', code: 'import.row.dateNumeric' },
    { name: 'year 1850', raw: { birthDate: '01/01/1850' }, column: 'birthDate', code: 'import.row.dateTooEarly' },
    { name: 'born in the future', raw: { birthDate: '01/01/2030', joinedUnionOn: null }, column: 'birthDate', code: 'import.row.birthDateFuture' },
    { name: 'aged 10', raw: { birthDate: '01/01/2015', joinedUnionOn: null }, column: 'birthDate', code: 'import.row.ageRange' },
    { name: 'aged 85', raw: { birthDate: '01/01/1940' }, column: 'birthDate', code: 'import.row.ageRange' },
    { name: 'joined at 10', raw: { joinedUnionOn: '01/01/2000' }, column: 'joinedUnionOn', code: 'import.row.joinedTooEarly' },
    { name: 'joined in the future', raw: { joinedUnionOn: '01/01/2026' }, column: 'joinedUnionOn', code: 'import.row.joinedFuture' },
    { name: 'CCCD too short', raw: { cccd: '12345' }, column: 'cccd', code: 'import.row.cccdFormat', message: 'Số CCCD phải gồm đúng 12 chữ số.' },
    { name: 'CCCD with a letter', raw: { cccd: '00119001234X' }, column: 'cccd', code: 'import.row.cccdFormat' },
    { name: 'CCCD typed as a number', raw: { cccd: '72123456789' }, numeric: ['cccd'], column: 'cccd', code: 'import.row.cccdNumeric' },
    { name: 'missing unit', raw: { unitCode: null }, column: 'unitCode', code: 'import.row.required' },
    {
      name: 'unit out of scope',
      raw: { unitCode: 'cdcs-x' },
      column: 'unitCode',
      code: 'import.row.unitUnknown',
      message: 'Mã đơn vị "cdcs-x" không tồn tại hoặc ngoài phạm vi của bạn.',
    },
    { name: 'bad yes/no', raw: { isLeader: 'Có thể' }, column: 'isLeader', code: 'import.row.yesNo' },
    { name: 'bad yes/no 2', raw: { isDirectWorker: 'maybe' }, column: 'isDirectWorker', code: 'import.row.yesNo' },
    { name: 'bad email', raw: { email: 'anh@' }, column: 'email', code: 'import.row.email' },
    { name: 'short phone', raw: { phone: '09123' }, column: 'phone', code: 'import.row.phone' },
    { name: 'phone with letters', raw: { phone: '0912 ABC 678' }, column: 'phone', code: 'import.row.phone' },
    { name: 'phone over 15 digits', raw: { phone: '0912345678901234' }, column: 'phone', code: 'import.row.phone' },
    { name: 'phone typed as a number', raw: { phone: '912345678' }, numeric: ['phone'], column: 'phone', code: 'import.row.phoneNumeric' },
    { name: 'member code over 40', raw: { memberCode: 'M'.repeat(41) }, column: 'memberCode', code: 'import.row.tooLong' },
    { name: 'position over 200', raw: { position: 'Kế '.repeat(70) }, column: 'position', code: 'import.row.tooLong' },
    { name: 'ethnicity over 50', raw: { ethnicity: 'Ê Đê '.repeat(12) }, column: 'ethnicity', code: 'import.row.tooLong' },
  ];
  it.each(cases)('rejects $name', ({ raw, numeric, column, code, message }) => {
    const result = validateMemberRow(input(raw, numeric), CTX);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors;
    expect(error).toMatchObject({ row: 7, column: MEMBER_COLUMN_BY_KEY[column].header, code });
    expect(error?.message).toMatch(VIETNAMESE_DIACRITIC);
    if (message) expect(error?.message).toBe(message);
    expect(error?.value).toBe(raw[column] === null || raw[column] === undefined ? null : raw[column]?.trim() || null);
  });
});

describe('parseVnDate', () => {
  it('rejects impossible days in every month', () => {
    expect(parseVnDate('29/02/1900')).toEqual({ ok: false, key: 'import.row.dateInvalid' });
    expect(parseVnDate('29/02/2000')).toEqual({ ok: true, iso: '2000-02-29' });
    expect(parseVnDate('31/04/2000')).toEqual({ ok: false, key: 'import.row.dateInvalid' });
    expect(parseVnDate('00/01/2000')).toEqual({ ok: false, key: 'import.row.dateInvalid' });
    expect(parseVnDate('15/03-1990')).toEqual({ ok: false, key: 'import.row.dateFormat' });
  });
});

describe('todayInVietnam', () => {
  it('uses UTC+7', () => {
    expect(todayInVietnam(new Date('2025-06-15T16:59:59Z'))).toBe('2025-06-15');
    expect(todayInVietnam(new Date('2025-06-15T17:00:00Z'))).toBe('2025-06-16');
  });
});
