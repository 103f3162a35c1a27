// The year as a calendar: movements and their steps, deadlines of requests to respond, plans issued
// and anniversaries, for the organisations in the user's scope.
import { z } from 'zod';
import { isoDate } from './common';

export const CALENDAR_EVENT_KINDS = ['MOVEMENT_PERIOD', 'MOVEMENT_STEP', 'DEADLINE', 'PLAN_ISSUED', 'ANNIVERSARY'] as const;
export type CalendarEventKind = (typeof CALENDAR_EVENT_KINDS)[number];

export const calendarEvent = z.object({
  kind: z.enum(CALENDAR_EVENT_KINDS),
  date: isoDate,
  /** Last day, for a period (a movement from startsOn to endsOn); null for a single day. */
  endDate: isoDate.nullable(),
  title: z.string(),
  /** Organisation concerned (launching, issuing), when any. */
  orgName: z.string().nullable(),
  /** Web path to open, when any ("/phong-trao/12"). */
  link: z.string().nullable(),
  /** Round anniversary (năm chẵn) or a movement step's status. */
  round: z.boolean(),
  detail: z.string().nullable(),
});
export type CalendarEvent = z.infer<typeof calendarEvent>;

export const calendarQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  orgId: z.coerce.number().int().positive().optional(),
});

export const calendarDto = z.object({ year: z.number().int(), events: z.array(calendarEvent) });
export type CalendarDto = z.infer<typeof calendarDto>;
