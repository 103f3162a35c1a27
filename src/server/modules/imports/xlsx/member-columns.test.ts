import { describe, expect, it } from 'vitest';
import { MEMBER_COLUMNS, mapMemberHeaders, matchMemberHeader, normaliseHeader } from './member-columns';

describe('member headers', () => {
  it('normalises case, diacritics, spaces, "*" and hints', () => {
    expect(normaliseHeader('Giới tính* (Nam/Nữ)')).toBe('gioitinh');
    expect(normaliseHeader('  NGÀY   SINH (dd/mm/yyyy) ')).toBe('ngaysinh');
    expect(normaliseHeader('Số ĐT')).toBe('sodt');
  });

  it('recognises every template header, its label and loose variants', () => {
    for (const column of MEMBER_COLUMNS) {
      expect(matchMemberHeader(column.header)).toBe(column.key);
      expect(matchMemberHeader(column.label.toUpperCase())).toBe(column.key);
    }
    expect(matchMemberHeader('ho va ten')).toBe('fullName');
    expect(matchMemberHeader('Ho ten *')).toBe('fullName');
    expect(matchMemberHeader('gioi tinh')).toBe('gender');
    expect(matchMemberHeader('CCCD')).toBe('cccd');
    expect(matchMemberHeader('Số điện thoại')).toBe('phone');
    expect(matchMemberHeader('SĐT')).toBe('phone');
    expect(matchMemberHeader('Lao dong truc tiep (Co/Khong)')).toBe('isDirectWorker');
    expect(matchMemberHeader('Tên đơn vị')).toBeNull();
    expect(matchMemberHeader('Trạng thái')).toBeNull();
    expect(matchMemberHeader('(ghi chú)')).toBeNull();
  });

  it('maps columns by position, listing missing and repeated ones', () => {
    const mapping = mapMemberHeaders([undefined, 'Ghi chú', 'ho va ten', 'CCCD', 'Số CCCD']);
    expect([...mapping.columns]).toEqual([
      ['fullName', 2],
      ['cccd', 3],
    ]);
    expect(mapping.missing.map((c) => c.label)).toEqual(['Giới tính', 'Mã đơn vị']);
    expect(mapping.duplicates.map((c) => c.key)).toEqual(['cccd']);
  });
});
