// Vietnam's public holidays (ngày nghỉ lễ, tết) as the default of the editable work calendar that
// appraisal deadlines are counted on. Bộ luật Lao động 2019, Điều 112, khoản 1:
//   Tết Dương lịch: 1 day (1/1); Tết Âm lịch: 5 days; Ngày Chiến thắng: 1 day (30/4);
//   Ngày Quốc tế lao động: 1 day (1/5); Quốc khánh: 2 days (2/9 and one adjacent day, before or after);
//   Giỗ Tổ Hùng Vương: 1 day (10/3 âm lịch).
// The law leaves the exact 5 days of Tết and the day next to 2/9 to the Government each year; the
// default here is the last day of the lunar year plus mùng 1–4, and 1/9 (a parameter). Compensatory
// days off and swapped working days (nghỉ bù, hoán đổi ngày làm việc) are decided yearly by the
// Government (and by each employer for the private sector): users add them to the calendar, this
// generator never guesses them. Holidays falling on a weekend are not moved either.
import { msg, NominationsError } from './messages';
import { addCalendarDays, DEFAULT_WEEKEND_DAYS, type WorkCalendar } from './working-days';

/**
 * Solar dates of mùng 1 Tết (1/1 âm lịch) and of 10/3 âm lịch in the Vietnamese calendar (UTC+7).
 * Derived from the Chinese lunisolar calendar of ICU (Node's Intl) and compared with published
 * tables; TO BE VERIFIED against the official Vietnamese lunar calendar before relying on a year.
 * For 2027 and 2030 ICU gave 7/2/2027 and 2/2/2030 while published tables give 6/2/2027 and
 * 3/2/2030 (kept here): those two years are the least certain.
 * Users can always correct a date by editing the calendar of holidays.
 */
export const LUNAR_DATES: Readonly<Record<number, { tet: string; hungKings: string }>> = Object.freeze({
  2020: { tet: '2020-01-25', hungKings: '2020-04-02' },
  2021: { tet: '2021-02-12', hungKings: '2021-04-21' },
  2022: { tet: '2022-02-01', hungKings: '2022-04-10' },
  2023: { tet: '2023-01-22', hungKings: '2023-04-29' },
  2024: { tet: '2024-02-10', hungKings: '2024-04-18' },
  2025: { tet: '2025-01-29', hungKings: '2025-04-07' },
  2026: { tet: '2026-02-17', hungKings: '2026-04-26' },
  2027: { tet: '2027-02-06', hungKings: '2027-04-16' },
  2028: { tet: '2028-01-26', hungKings: '2028-04-04' },
  2029: { tet: '2029-02-13', hungKings: '2029-04-23' },
  2030: { tet: '2030-02-03', hungKings: '2030-04-12' },
  2031: { tet: '2031-01-23', hungKings: '2031-04-01' },
  2032: { tet: '2032-02-11', hungKings: '2032-04-19' },
  2033: { tet: '2033-01-31', hungKings: '2033-04-09' },
  2034: { tet: '2034-02-19', hungKings: '2034-04-28' },
  2035: { tet: '2035-02-08', hungKings: '2035-04-17' },
});

export const LUNAR_TABLE_FIRST_YEAR = 2020;
export const LUNAR_TABLE_LAST_YEAR = 2035;

export interface PublicHoliday {
  date: string;
  /** Stable key, e.g. "tet-am-lich-mung-1". */
  key: string;
  /** Vietnamese name. */
  name: string;
}

export interface VietnamHolidayOptions {
  /** The day next to Quốc khánh 2/9 the Government chose: 1/9 (default) or 3/9. */
  nationalDayExtra?: 'BEFORE' | 'AFTER';
}

/** Public holidays of `year` under Điều 112 BLLĐ 2019, by date. Throws outside the lunar table. */
export function vietnamHolidays(year: number, options: VietnamHolidayOptions = {}): PublicHoliday[] {
  const lunar = Number.isInteger(year) ? LUNAR_DATES[year] : undefined;
  if (!lunar) {
    throw new NominationsError(
      msg('nominations.holidays.yearNotCovered', { year: String(year), from: LUNAR_TABLE_FIRST_YEAR, to: LUNAR_TABLE_LAST_YEAR }),
    );
  }
  const extraDay = options.nationalDayExtra === 'AFTER' ? 3 : 1;
  const list: PublicHoliday[] = [
    { date: `${year}-01-01`, key: 'tet-duong-lich', name: 'Tết Dương lịch' },
    { date: addCalendarDays(lunar.tet, -1), key: 'tet-am-lich-cuoi-nam', name: 'Tết Âm lịch (ngày cuối năm âm lịch)' },
    ...[1, 2, 3, 4].map((d) => ({ date: addCalendarDays(lunar.tet, d - 1), key: `tet-am-lich-mung-${d}`, name: `Tết Âm lịch (mùng ${d})` })),
    { date: lunar.hungKings, key: 'gio-to-hung-vuong', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
    { date: `${year}-04-30`, key: 'ngay-chien-thang', name: 'Ngày Chiến thắng (30/4)' },
    { date: `${year}-05-01`, key: 'quoc-te-lao-dong', name: 'Ngày Quốc tế lao động (1/5)' },
    { date: `${year}-09-02`, key: 'quoc-khanh', name: 'Quốc khánh (2/9)' },
    { date: `${year}-09-0${extraDay}`, key: 'quoc-khanh-ngay-lien-ke', name: `Quốc khánh (ngày liền kề, ${extraDay}/9)` },
  ];
  return list.sort((a, b) => a.date.localeCompare(b.date) || a.key.localeCompare(b.key));
}

export interface VietnamCalendarOptions extends VietnamHolidayOptions {
  /** Extra days off: compensatory days (nghỉ bù), swapped days, local or sector days. */
  extraHolidays?: Iterable<string>;
  /** Weekend days declared working days (làm bù). */
  workingOverrides?: Iterable<string>;
  weekendDays?: readonly number[];
}

/** A work calendar for the given years: Saturdays and Sundays off, the Điều 112 holidays, the user's edits. */
export function vietnamCalendar(years: Iterable<number>, options: VietnamCalendarOptions = {}): WorkCalendar {
  const holidays = new Set<string>();
  for (const year of years) for (const h of vietnamHolidays(year, options)) holidays.add(h.date);
  for (const d of options.extraHolidays ?? []) holidays.add(d);
  return {
    weekendDays: options.weekendDays ?? DEFAULT_WEEKEND_DAYS,
    holidays,
    workingOverrides: new Set(options.workingOverrides ?? []),
  };
}
