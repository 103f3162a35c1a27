// The national work calendar: read by every signed-in user, kept by the administrators of a root
// organisation; and working-day deadlines counted on it.
import { defineRoute } from '../../lib/http';
import { idParams } from '../../../contracts/common';
import {
  addWorkCalendarDayInput,
  revokeWorkCalendarDayInput,
  workCalendarDayDto,
  workCalendarDto,
  workCalendarQuery,
  workingDeadlineDto,
  workingDeadlineQuery,
} from '../../../contracts/work-calendar';
import { addDay, presentDay, revokeDay, workingDeadline, yearCalendar } from './work-calendar.service';

export const workCalendarRoutes = [
  defineRoute({
    method: 'GET',
    url: '/work-calendar',
    summary: 'Days off and make-up working days of a year (public holidays generated from the Labour Code on first use)',
    tag: 'work-calendar',
    query: workCalendarQuery,
    response: workCalendarDto,
    handler: async ({ app, actor, query }) => yearCalendar(app, actor, query.year, query.includeRevoked),
  }),
  defineRoute({
    method: 'GET',
    url: '/work-calendar/deadline',
    summary: 'The date N working days after a date on the work calendar, with the days off passed over',
    tag: 'work-calendar',
    query: workingDeadlineQuery,
    response: workingDeadlineDto,
    handler: async ({ app, actor, query }) => workingDeadline(app.db, actor, query.from, query.workingDays),
  }),
  defineRoute({
    method: 'POST',
    url: '/work-calendar/days',
    summary: 'Add a day off (nghỉ bù) or a weekend day declared worked (làm bù); administrators of a root organisation',
    tag: 'work-calendar',
    body: addWorkCalendarDayInput,
    response: workCalendarDayDto,
    handler: async ({ app, actor, body }) => presentDay(actor, await addDay(app, actor, body)),
  }),
  defineRoute({
    method: 'POST',
    url: '/work-calendar/days/:id/revoke',
    summary: 'Revoke a wrong day with a reason (the row is kept); administrators of a root organisation',
    tag: 'work-calendar',
    params: idParams,
    body: revokeWorkCalendarDayInput,
    response: workCalendarDayDto,
    handler: async ({ app, actor, params, body }) => presentDay(actor, await revokeDay(app, actor, params.id, body.reason)),
  }),
];
