import { describe, expect, it } from 'vitest';
import { compareVi, formatDate, formatDateTime, formatNumber, parseViDate, sortByName, todayIso, currentYear } from './format';

describe('formatDate', () => {
  it('shows ISO dates as dd/mm/yyyy', () => {
    expect(formatDate('2024-02-05')).toBe('05/02/2024');
    expect(formatDate('2024-12-31T23:00:00Z')).toBe('31/12/2024');
  });
  it('is empty for missing values', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
  });
});

describe('formatDateTime', () => {
  it('uses the local clock', () => {
    const local = new Date(2024, 1, 5, 14, 3, 9).toISOString();
    expect(formatDateTime(local)).toBe('05/02/2024 14:03');
    expect(formatDateTime(local, true)).toBe('05/02/2024 14:03:09');
  });
});

describe('formatNumber', () => {
  it('groups thousands with dots', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(1000)).toBe('1.000');
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatNumber(-45000)).toBe('-45.000');
    expect(formatNumber(1234.5)).toBe('1.234,5');
  });
  it('is empty for missing values', () => {
    expect(formatNumber(null)).toBe('');
    expect(formatNumber(Number.NaN)).toBe('');
  });
});

describe('parseViDate', () => {
  it('reads day/month/year as typed in Vietnam', () => {
    expect(parseViDate('05/02/2024')).toBe('2024-02-05');
    expect(parseViDate('5/2/2024')).toBe('2024-02-05');
    expect(parseViDate(' 05-02-2024 ')).toBe('2024-02-05');
    expect(parseViDate('05.02.2024')).toBe('2024-02-05');
    expect(parseViDate('2024-02-05')).toBe('2024-02-05');
  });
  it('refuses impossible dates and other text', () => {
    expect(parseViDate('31/02/2024')).toBeNull();
    expect(parseViDate('29/02/2023')).toBeNull();
    expect(parseViDate('29/02/2024')).toBe('2024-02-29');
    expect(parseViDate('13/13/2024')).toBeNull();
    expect(parseViDate('hôm nay')).toBeNull();
    expect(parseViDate('')).toBeNull();
  });
});

describe('todayIso', () => {
  it("counts the day in Vietnam's calendar, whatever the device's time zone", () => {
    expect(todayIso(new Date('2025-06-30T16:59:59Z'))).toBe('2025-06-30');
    expect(todayIso(new Date('2025-06-30T17:00:00Z'))).toBe('2025-07-01');
    expect(todayIso(new Date('2025-07-01T00:05:00Z'))).toBe('2025-07-01');
  });
  it('turns the year at midnight in Vietnam', () => {
    expect(currentYear(new Date('2025-12-31T16:59:59Z'))).toBe(2025);
    expect(currentYear(new Date('2025-12-31T17:00:00Z'))).toBe(2026);
  });
});

describe('Vietnamese collation', () => {
  it('puts Đ after D and ignores case', () => {
    expect(compareVi('Đào', 'Dương')).toBeGreaterThan(0);
    expect(compareVi('Đào', 'Em')).toBeLessThan(0);
    expect(compareVi('an', 'An')).toBe(0);
  });
  it('sorts names as a Vietnamese reader expects', () => {
    const names = ['Đỗ Văn Bình', 'Nguyễn Thị Ánh', 'Dương Minh', 'Bùi Lan', 'Ánh Hồng'];
    expect(sortByName(names, (n) => n)).toEqual(['Ánh Hồng', 'Bùi Lan', 'Dương Minh', 'Đỗ Văn Bình', 'Nguyễn Thị Ánh']);
  });
});
