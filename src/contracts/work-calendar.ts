// The national work calendar (issue 6): public holidays, compensatory days off (nghỉ bù) and weekend
// days declared worked (làm bù), kept by administrators; and working-day deadlines counted on it.
import { z } from 'zod';
import { isoDate, reason } from './common';
import { LIMITS } from './limits';

export const WORK_CALENDAR_DAY_KINDS = ['HOLIDAY', 'WORKING_DAY'] as const;
export type WorkCalendarDayKind = (typeof WORK_CALENDAR_DAY_KINDS)[number];
export const WORK_CALENDAR_SOURCES = ['LAW', 'MANUAL'] as const;
export const WORK_CALENDAR_STATUSES = ['ACTIVE', 'REVOKED'] as const;

/** The years the calendar may be kept for. */
export const WORK_CALENDAR_FIRST_YEAR = 2000;
export const WORK_CALENDAR_LAST_YEAR = 2100;
/** The longest deadline that may be asked for, in working days (about a year). */
export const WORK_CALENDAR_MAX_WORKING_DAYS = 250;

const year = z.coerce.number().int().min(WORK_CALENDAR_FIRST_YEAR).max(WORK_CALENDAR_LAST_YEAR);
const dateInRange = isoDate.refine((s) => {
  const y = Number(s.slice(0, 4));
  return y >= WORK_CALENDAR_FIRST_YEAR && y <= WORK_CALENDAR_LAST_YEAR;
}, 'workCalendar.dateOutOfRange');

export const workCalendarDayDto = z.object({
  id: z.number().int(),
  date: isoDate,
  kind: z.enum(WORK_CALENDAR_DAY_KINDS),
  name: z.string(),
  source: z.enum(WORK_CALENDAR_SOURCES),
  status: z.enum(WORK_CALENDAR_STATUSES),
  revokedReason: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedByName: z.string().nullable(),
  abilities: z.array(z.string()),
});
export type WorkCalendarDayDto = z.infer<typeof workCalendarDayDto>;

export const workCalendarQuery = z.object({
  year,
  /** Also the revoked days (the history of corrections). */
  includeRevoked: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});
export type WorkCalendarQuery = z.infer<typeof workCalendarQuery>;

export const workCalendarDto = z.object({
  year: z.number().int(),
  /** The ACTIVE days of the year (and the revoked ones when asked), by date. */
  items: z.array(workCalendarDayDto),
  /** Whether the public holidays of the year come from the law (false outside the lunar table). */
  lawGenerated: z.boolean(),
  /** What the current user may do: 'workCalendar.manage'. */
  abilities: z.array(z.string()),
});
export type WorkCalendarDto = z.infer<typeof workCalendarDto>;

export const addWorkCalendarDayInput = z.object({
  date: dateInRange,
  kind: z.enum(WORK_CALENDAR_DAY_KINDS),
  name: z.string().trim().min(1).max(LIMITS.nameMax),
});
export type AddWorkCalendarDayInput = z.infer<typeof addWorkCalendarDayInput>;

export const revokeWorkCalendarDayInput = z.object({ reason });
export type RevokeWorkCalendarDayInput = z.infer<typeof revokeWorkCalendarDayInput>;

export const workingDeadlineQuery = z.object({
  from: dateInRange,
  workingDays: z.coerce.number().int().min(0).max(WORK_CALENDAR_MAX_WORKING_DAYS),
});
export type WorkingDeadlineQuery = z.infer<typeof workingDeadlineQuery>;

export const SKIPPED_DAY_REASONS = ['WEEKEND', 'HOLIDAY'] as const;

export const workingDeadlineDto = z.object({
  from: isoDate,
  workingDays: z.number().int(),
  /** `workingDays` working days after `from` (`from` itself never counts; 0 = `from` or the next working day). */
  deadline: isoDate,
  /** The days off passed over between `from` and the deadline, by date. */
  skipped: z.array(z.object({ date: isoDate, reason: z.enum(SKIPPED_DAY_REASONS), name: z.string().optional() })),
});
export type WorkingDeadlineDto = z.infer<typeof workingDeadlineDto>;
