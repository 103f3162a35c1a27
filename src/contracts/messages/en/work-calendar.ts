import type { workCalendar as vi } from '../vi/work-calendar';

export const workCalendar: Record<keyof typeof vi, string> = {
  'workCalendar.dateOutOfRange': 'The date must be in a year from 2000 to 2100.',
  'workCalendar.workingDayNotWeekend':
    '{date} is not a Saturday or a Sunday, so it cannot be declared a make-up working day: only a weekend day can be turned into a working day.',
  'workCalendar.dateTaken': '{date} is already in the work calendar (“{name}”). If that day is wrong, revoke it first, then add it again.',
  'workCalendar.alreadyRevoked': '{date} (“{name}”) was already revoked.',
  'workCalendar.kind.HOLIDAY': 'Day off',
  'workCalendar.kind.WORKING_DAY': 'Make-up working day',
  'workCalendar.source.LAW': 'Labour Code',
  'workCalendar.source.MANUAL': 'Added by an administrator',
  'workCalendar.skipped.WEEKEND': 'Weekend',
  'workCalendar.skipped.HOLIDAY': 'Day off',
} as const;
