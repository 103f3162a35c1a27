// Working-day arithmetic for appraisal deadlines (issue 6, item 5). Dates are ISO strings
// 'YYYY-MM-DD' everywhere in the API; internally a date is a day number (days since 1970-01-01, UTC),
// so there is no time of day and no time zone to go wrong.
//
// A day is a working day when it is listed in `workingOverrides` (a weekend day declared worked,
// "làm bù") and not in `holidays`, or when it is neither a weekend day nor a holiday. A date in both
// lists is a holiday: a declared day off always wins.
//
// Conventions (the n-th working day "after" or "before" a date never counts the date itself):
//   addWorkingDays(d, 0)       = d when d is a working day, else the next working day;
//   addWorkingDays(d, n > 0)   = the n-th working day strictly after d;
//   subtractWorkingDays(d, 0)  = d when d is a working day, else the previous working day;
//   subtractWorkingDays(d, n)  = the n-th working day strictly before d;
//   workingDaysBetween(a, b)   = the number of working days in (a, b] (negative when b < a);
//   nextWorkingDay(d) / previousWorkingDay(d) = the first working day strictly after / before d.
// So for a working day d: subtractWorkingDays(addWorkingDays(d, n), n) = d and
// workingDaysBetween(d, addWorkingDays(d, n)) = n.
import { msg, NominationsError, type NominationsMessage } from './messages';

export interface WorkCalendar {
  /** Days of the week that are not worked: 0 = Sunday … 6 = Saturday. Usually [0, 6]. */
  weekendDays: readonly number[];
  /** Days off that would otherwise be worked: public holidays, compensatory days (nghỉ bù). */
  holidays: ReadonlySet<string>;
  /** Weekend days declared working days (làm bù, when the Government swaps days). */
  workingOverrides?: ReadonlySet<string>;
}

export const DEFAULT_WEEKEND_DAYS: readonly number[] = Object.freeze([0, 6]);

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar date written 'YYYY-MM-DD'. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(2000, 0, 1));
  date.setUTCFullYear(y, mo - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Days since 1970-01-01 (UTC). Throws NominationsError on a malformed date. */
export function toDayNumber(iso: string): number {
  if (!isIsoDate(iso)) throw new NominationsError(msg('nominations.date.invalid', { value: iso }));
  const date = new Date(Date.UTC(2000, 0, 1));
  date.setUTCFullYear(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Math.round(date.getTime() / DAY_MS);
}

export function fromDayNumber(day: number): string {
  const date = new Date(day * DAY_MS);
  const y = String(date.getUTCFullYear()).padStart(4, '0');
  return `${y}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

/** Calendar-day arithmetic (weekends and holidays included). */
export const addCalendarDays = (iso: string, days: number): string => fromDayNumber(toDayNumber(iso) + days);

/** 1970-01-01 was a Thursday (4). */
const weekdayOfDayNumber = (day: number): number => (((day + 4) % 7) + 7) % 7;

/** 0 = Sunday … 6 = Saturday. */
export const dayOfWeek = (iso: string): number => weekdayOfDayNumber(toDayNumber(iso));

/** Problems that make a calendar unusable (bad weekday numbers, or every day of the week off). */
export function validateCalendar(cal: WorkCalendar): NominationsMessage[] {
  const problems = weekendProblems(cal);
  for (const day of [...cal.holidays, ...(cal.workingOverrides ?? [])]) {
    if (!isIsoDate(day)) problems.push(msg('nominations.date.invalid', { value: day }));
  }
  return problems;
}

function weekendProblems(cal: WorkCalendar): NominationsMessage[] {
  const problems: NominationsMessage[] = [];
  for (const d of cal.weekendDays) {
    if (!Number.isInteger(d) || d < 0 || d > 6) problems.push(msg('nominations.calendar.weekendInvalid', { value: String(d) }));
  }
  if (new Set(cal.weekendDays).size >= 7) problems.push(msg('nominations.calendar.noWorkingDays'));
  return problems;
}

/** The walks below only need a worked weekday to terminate; malformed holiday strings never match. */
function assertCalendar(cal: WorkCalendar): void {
  const first = weekendProblems(cal)[0];
  if (first) throw new NominationsError(first);
}

function assertDays(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new NominationsError(msg('nominations.days.invalid', { value: String(n) }));
}

function isWorking(day: number, iso: string, cal: WorkCalendar): boolean {
  if (cal.holidays.has(iso)) return false;
  if (cal.workingOverrides?.has(iso)) return true;
  return !cal.weekendDays.includes(weekdayOfDayNumber(day));
}

export function isWorkingDay(date: string, cal: WorkCalendar): boolean {
  assertCalendar(cal);
  return isWorking(toDayNumber(date), date, cal);
}

/** Steps from `date` in direction `step` (+1 or −1) until `n` working days have been passed. */
function walk(date: string, n: number, step: 1 | -1, cal: WorkCalendar): string {
  assertCalendar(cal);
  assertDays(n);
  let day = toDayNumber(date);
  if (n === 0 && isWorking(day, date, cal)) return date;
  // Since at least one weekday is worked, a working day comes within every 7 + holidays days.
  let left = Math.max(n, 1);
  for (;;) {
    day += step;
    const iso = fromDayNumber(day);
    if (isWorking(day, iso, cal) && --left === 0) return iso;
  }
}

export const addWorkingDays = (date: string, n: number, cal: WorkCalendar): string => walk(date, n, 1, cal);
export const subtractWorkingDays = (date: string, n: number, cal: WorkCalendar): string => walk(date, n, -1, cal);
export const nextWorkingDay = (date: string, cal: WorkCalendar): string => walk(date, 1, 1, cal);
export const previousWorkingDay = (date: string, cal: WorkCalendar): string => walk(date, 1, -1, cal);

/** Working days in (from, to]; the negative count of (to, from] when to is before from. */
export function workingDaysBetween(from: string, to: string, cal: WorkCalendar): number {
  assertCalendar(cal);
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  if (b < a) return 0 - workingDaysBetween(to, from, cal); // 0 − x, not −x: never −0
  let count = 0;
  for (let day = a + 1; day <= b; day++) if (isWorking(day, fromDayNumber(day), cal)) count++;
  return count;
}
