// Nominations (issue 6): the round calendar. Working-day arithmetic on an editable calendar, Vietnam's
// public holidays as its default, and the per-level deadlines of a round planned backwards from the
// ceremony. Pure functions only; the server and the web client call what is exported here.
export { NOMINATIONS_MESSAGE_KEYS, NominationsError, type NominationsMessage, type NominationsMessageKey, type MessageParams } from './messages';
export {
  DEFAULT_WEEKEND_DAYS,
  isIsoDate,
  toDayNumber,
  fromDayNumber,
  addCalendarDays,
  dayOfWeek,
  validateCalendar,
  isWorkingDay,
  addWorkingDays,
  subtractWorkingDays,
  nextWorkingDay,
  previousWorkingDay,
  workingDaysBetween,
  type WorkCalendar,
} from './working-days';
export {
  LUNAR_DATES,
  LUNAR_TABLE_FIRST_YEAR,
  LUNAR_TABLE_LAST_YEAR,
  vietnamHolidays,
  vietnamCalendar,
  type PublicHoliday,
  type VietnamHolidayOptions,
  type VietnamCalendarOptions,
} from './holidays';
export {
  MAX_STEP_WORKING_DAYS,
  planRoundSchedule,
  validateRoundScheduleInput,
  type LevelDurations,
  type LevelSchedule,
  type RoundSchedule,
  type RoundScheduleInput,
} from './schedule';
