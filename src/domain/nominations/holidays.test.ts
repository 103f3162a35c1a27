import { describe, expect, it } from 'vitest';
import { LUNAR_DATES, LUNAR_TABLE_FIRST_YEAR, LUNAR_TABLE_LAST_YEAR, vietnamCalendar, vietnamHolidays } from './holidays';
import { NominationsError } from './messages';
import { addCalendarDays, isWorkingDay, toDayNumber, workingDaysBetween } from './working-days';

const years = Array.from({ length: LUNAR_TABLE_LAST_YEAR - LUNAR_TABLE_FIRST_YEAR + 1 }, (_, i) => LUNAR_TABLE_FIRST_YEAR + i);

describe('Vietnam public holidays (BLLĐ 2019 Điều 112)', () => {
  it('2024: the law’s 5 Tết days around mùng 1 = 10/2 (the Government’s 8/2–14/2 with swaps is added by users)', () => {
    expect(vietnamHolidays(2024).map((h) => [h.date, h.key])).toEqual([
      ['2024-01-01', 'tet-duong-lich'],
      ['2024-02-09', 'tet-am-lich-cuoi-nam'],
      ['2024-02-10', 'tet-am-lich-mung-1'],
      ['2024-02-11', 'tet-am-lich-mung-2'],
      ['2024-02-12', 'tet-am-lich-mung-3'],
      ['2024-02-13', 'tet-am-lich-mung-4'],
      ['2024-04-18', 'gio-to-hung-vuong'],
      ['2024-04-30', 'ngay-chien-thang'],
      ['2024-05-01', 'quoc-te-lao-dong'],
      ['2024-09-01', 'quoc-khanh-ngay-lien-ke'],
      ['2024-09-02', 'quoc-khanh'],
    ]);
  });

  it('2025: mùng 1 Tết is 29/1, the last day of the lunar year 28/1, Giỗ Tổ 7/4', () => {
    const byKey = new Map(vietnamHolidays(2025).map((h) => [h.key, h]));
    expect(byKey.get('tet-am-lich-mung-1')!.date).toBe('2025-01-29');
    expect(byKey.get('tet-am-lich-mung-1')!.name).toBe('Tết Âm lịch (mùng 1)');
    expect(byKey.get('tet-am-lich-cuoi-nam')!.date).toBe('2025-01-28');
    expect(byKey.get('tet-am-lich-mung-4')!.date).toBe('2025-02-01');
    expect(byKey.get('gio-to-hung-vuong')!.date).toBe('2025-04-07');
    expect(byKey.get('gio-to-hung-vuong')!.name).toBe('Giỗ Tổ Hùng Vương (10/3 âm lịch)');
  });

  it('the day next to 2/9 is a parameter: 1/9 by default, 3/9 when chosen', () => {
    const after = vietnamHolidays(2026, { nationalDayExtra: 'AFTER' }).find((h) => h.key === 'quoc-khanh-ngay-lien-ke')!;
    expect([after.date, after.name]).toEqual(['2026-09-03', 'Quốc khánh (ngày liền kề, 3/9)']);
    expect(vietnamHolidays(2026).find((h) => h.key === 'quoc-khanh-ngay-lien-ke')!.date).toBe('2026-09-01');
  });

  it.each([2019, 2036, 2024.5, Number.NaN])('year %s outside the lunar table throws a keyed error', (year) => {
    let error: unknown;
    try {
      vietnamHolidays(year);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NominationsError);
    expect((error as NominationsError).key).toBe('nominations.holidays.yearNotCovered');
    expect((error as NominationsError).params).toEqual({ year: String(year), from: 2020, to: 2035 });
  });

  it.each(years)('%i: 11 days in the year, sorted, plausible lunar dates, NFC names', (year) => {
    const list = vietnamHolidays(year);
    expect(list).toHaveLength(11);
    expect(list.every((h) => h.date.startsWith(`${year}-`))).toBe(true);
    expect(list.map((h) => h.date)).toEqual(list.map((h) => h.date).sort());
    const { tet, hungKings } = LUNAR_DATES[year]!;
    // Mùng 1 Tết falls between 21/1 and 20/2; 10/3 âm lịch is 2 lunar months and 9 days later,
    // or 3 months and 9 days when a leap month comes first.
    expect(tet >= `${year}-01-21` && tet <= `${year}-02-20`).toBe(true);
    const gap = toDayNumber(hungKings) - toDayNumber(tet);
    expect(gap >= 2 * 29 + 9 && gap <= 3 * 30 + 9).toBe(true);
    for (const h of list) expect(h.name).toBe(h.name.normalize('NFC'));
    expect(new Set(list.map((h) => h.key)).size).toBe(11);
  });

  it('successive Tết are 12 or 13 lunar months apart', () => {
    for (const year of years.slice(1)) {
      const gap = toDayNumber(LUNAR_DATES[year]!.tet) - toDayNumber(LUNAR_DATES[year - 1]!.tet);
      expect([353, 354, 355, 383, 384, 385], String(year)).toContain(gap);
    }
  });
});

describe('Vietnam work calendar', () => {
  it('holidays are off; the user adds the Government’s 2024 Tết schedule (8/2–14/2)', () => {
    const lawOnly = vietnamCalendar([2024]);
    expect(isWorkingDay('2024-02-09', lawOnly)).toBe(false);
    expect(isWorkingDay('2024-02-08', lawOnly)).toBe(true);
    const actual = vietnamCalendar([2024], { extraHolidays: ['2024-02-08', '2024-02-14'] });
    expect(workingDaysBetween('2024-02-07', '2024-02-15', actual)).toBe(1);
    expect(workingDaysBetween('2024-02-07', '2024-02-15', lawOnly)).toBe(3);
  });

  it('a swapped Saturday (làm bù) is worked; several years combine', () => {
    const cal = vietnamCalendar([2024, 2025], { workingOverrides: ['2025-04-26'] });
    expect(isWorkingDay('2025-04-26', cal)).toBe(true);
    expect(isWorkingDay(addCalendarDays('2025-04-26', 1), cal)).toBe(false);
    expect(isWorkingDay('2024-04-30', cal) || isWorkingDay('2025-04-30', cal)).toBe(false);
    expect(cal.weekendDays).toEqual([0, 6]);
  });
});
