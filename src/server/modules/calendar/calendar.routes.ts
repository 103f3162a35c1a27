// The year as a calendar for the organisations in scope: movement periods and steps, deadlines of
// requests to respond (issued in scope or addressed to units in scope), plans issued, and the
// anniversaries of the year. Four set-based reads and the anniversary table.
import { sql } from 'drizzle-orm';
import { defineRoute } from '../../lib/http';
import type { DbOrTx } from '../../db/client';
import type { AuthActor } from '../../lib/actor';
import { calendarDto, calendarQuery, type CalendarEvent, CALENDAR_EVENT_KINDS } from '../../../contracts/calendar';
import { t } from '../../../contracts/messages';
import { anniversariesOf } from '../../../domain/calendar/anniversaries';
import { readableSubtrees } from '../organisations/organisations.repository';
import { visibleMovementsWhere } from '../movements/movements.repository';

const inSubtrees = (column: string, paths: string[]) =>
  paths.length === 0 ? sql`false` : sql`(${sql.join(paths.map((p) => sql`${sql.raw(column)} like ${`${p}%`}`), sql` or `)})`;

export async function calendarEvents(db: DbOrTx, actor: AuthActor, year: number, orgId: number | undefined): Promise<CalendarEvent[]> {
  const paths = await readableSubtrees(db, actor, orgId);
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const visible = visibleMovementsWhere(actor, paths, orgId === undefined);
  const [movements, steps, deadlines, plans] = await Promise.all([
    db.execute<{ id: number; title: string; org_name: string; starts_on: string; ends_on: string; kind: string; status: string }>(sql`
      select m.id, m.title, o.name as org_name, m.starts_on::text as starts_on, m.ends_on::text as ends_on, m.kind, m.status
      from movement m join organisation o on o.id = m.org_id
      where ${visible} and m.starts_on <= ${last} and m.ends_on >= ${first}`),
    db.execute<{ id: number; title: string; org_name: string; on_date: string; to_status: string; note: string | null }>(sql`
      select m.id, m.title, o.name as org_name, s.on_date::text as on_date, s.to_status, s.note
      from movement_step s join movement m on m.id = s.movement_id join organisation o on o.id = m.org_id
      where ${visible} and s.on_date between ${first} and ${last}`),
    db.execute<{ id: number; title: string; org_name: string; deadline: string; source_type: string; source_id: number; asked: number; responded: number }>(sql`
      select r.id, r.title, o.name as org_name, r.deadline::text as deadline, r.source_type, r.source_id,
             (select count(*)::int from request_target t where t.request_id = r.id) as asked,
             (select count(*)::int from request_target t where t.request_id = r.id and t.responded_at is not null) as responded
      from response_request r join organisation o on o.id = r.issuer_org_id
      where r.deadline between ${first} and ${last}
        and (${inSubtrees('r.issuer_path', paths)}
             or exists (select 1 from request_target t where t.request_id = r.id and ${inSubtrees('t.org_path', paths)}))`),
    db.execute<{ id: number; title: string; org_name: string; issued_on: string; number: number; symbol: string }>(sql`
      select p.id, p.title, o.name as org_name, p.issued_on::text as issued_on, p.number, p.symbol
      from plan p join organisation o on o.id = p.org_id
      where p.status = 'ISSUED' and p.issued_on between ${first} and ${last} and ${inSubtrees('p.org_path', paths)}`),
  ]);
  const events: CalendarEvent[] = [
    ...movements.rows.map((m) => ({
      kind: 'MOVEMENT_PERIOD' as const, date: m.starts_on < first ? first : m.starts_on, endDate: m.ends_on, title: m.title, orgName: m.org_name,
      link: `/phong-trao/${m.id}`, round: false, detail: t('vi', `movement.kind.${m.kind}`),
    })),
    ...steps.rows.map((s) => ({
      kind: 'MOVEMENT_STEP' as const, date: s.on_date, endDate: null, title: `${t('vi', `movement.status.${s.to_status}`)}: ${s.title}`, orgName: s.org_name,
      link: `/phong-trao/${s.id}`, round: false, detail: s.note,
    })),
    ...deadlines.rows.map((r) => ({
      kind: 'DEADLINE' as const, date: r.deadline, endDate: null, title: r.title, orgName: r.org_name,
      link: r.source_type === 'movement' ? `/phong-trao/${r.source_id}` : `/ke-hoach/${r.source_id}`, round: false,
      detail: `${Number(r.responded)}/${Number(r.asked)}`,
    })),
    ...plans.rows.map((p) => ({
      kind: 'PLAN_ISSUED' as const, date: p.issued_on, endDate: null, title: p.title, orgName: p.org_name, link: `/ke-hoach/${p.id}`, round: false,
      detail: `Số: ${String(p.number).padStart(2, '0')}/${p.symbol}`,
    })),
    ...anniversariesOf(year).map((a) => ({ kind: 'ANNIVERSARY' as const, date: a.date, endDate: null, title: a.title, orgName: null, link: null, round: a.round, detail: null })),
  ];
  const order = (k: CalendarEvent['kind']) => CALENDAR_EVENT_KINDS.indexOf(k);
  return events.sort((a, b) => a.date.localeCompare(b.date) || order(a.kind) - order(b.kind) || a.title.localeCompare(b.title, 'vi'));
}

export const calendarRoutes = [
  defineRoute({
    method: 'GET',
    url: '/calendar',
    summary: 'Events of the year in scope: movements and their steps, deadlines, plans issued, anniversaries',
    tag: 'calendar',
    query: calendarQuery,
    response: calendarDto,
    async handler({ app, actor, query }) {
      return { year: query.year, events: await calendarEvents(app.db, actor, query.year, query.orgId) };
    },
  }),
];
