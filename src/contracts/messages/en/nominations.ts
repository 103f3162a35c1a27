import type { nominations as vi } from '../vi/nominations';

export const nominations: Record<keyof typeof vi, string> = {
  'nominations.date.invalid': 'Invalid date “{value}” (expected year-month-day, e.g. 2025-04-30).',
  'nominations.days.invalid': 'Invalid number of working days “{value}”: it must be a non-negative integer.',
  'nominations.calendar.weekendInvalid': 'Invalid weekly rest day “{value}” (0 = Sunday … 6 = Saturday).',
  'nominations.calendar.noWorkingDays': 'The working calendar leaves no working day in the week.',
  'nominations.holidays.yearNotCovered': 'No lunar calendar for {year} (Vinh Danh covers {from} to {to}); please enter that year’s public holidays.',
  'nominations.schedule.noLevels': 'A round needs at least one level.',
  'nominations.schedule.levelMissing': 'Level number {position} has no name.',
  'nominations.schedule.duplicateLevel': 'Level {level} is declared twice.',
  'nominations.schedule.durationInvalid': 'Working days must be an integer from {min} to {max} (it is {value}).',
  'nominations.schedule.levelDurationInvalid': 'Level {level}: working days must be an integer from {min} to {max} (it is {value}).',
  'nominations.schedule.dateInvalid': 'Invalid date “{value}” (expected year-month-day).',
  'nominations.schedule.calendarInvalid': 'The working calendar is invalid, so no schedule can be planned.',
  'nominations.schedule.startsInPast': 'For this ceremony date, dossiers would be due at level {level} from {date}, before today ({today}): move the ceremony or shorten the steps.',
  'nominations.schedule.deadlinePassed': 'Level {level}’s deadline ({date}) has passed (today is {today}).',
};
