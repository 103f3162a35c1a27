// The national work calendar (issue 6): the days that differ from "Monday to Friday worked", kept by
// the administrators of a root organisation. A year's public holidays (Điều 112 BLLĐ 2019) are written
// as LAW rows the first time the year is used, inside the lunar table; administrators add nghỉ bù days
// and làm bù weekend days (MANUAL) and revoke wrong days with a reason. Nothing is deleted.
// Working-day deadlines are counted on the ACTIVE rows with the pure core of src/domain/nominations.
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../db/client';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import { audit, type Actor } from '../../lib/audit';
import { conflict, forbidden, notFound, validation } from '../../lib/errors';
import {
  addWorkingDays,
  dayOfWeek,
  DEFAULT_WEEKEND_DAYS,
  fromDayNumber,
  isWorkingDay,
  LUNAR_TABLE_FIRST_YEAR,
  LUNAR_TABLE_LAST_YEAR,
  toDayNumber,
  vietnamHolidays,
  type WorkCalendar,
} from '../../../domain/nominations';
import { displayDate } from '../../../domain/eligibility/dates';
import type {
  AddWorkCalendarDayInput,
  WorkCalendarDayDto,
  WorkCalendarDto,
  WorkingDeadlineDto,
} from '../../../contracts/work-calendar';

/** Advisory lock class for "the calendar of a year" (second key: the year). */
const YEAR_LOCK = 7263101;

export const workCalendarPolicy = {
  /** The calendar is national: only administrators of a root organisation keep it. */
  manage: (a: AuthActor) => a.roles.some((r) => r.role === 'SYSTEM_ADMIN' && r.orgPath.split('/').filter(Boolean).length === 1),
};

export type WorkCalendarDayRow = {
  id: number;
  date: string;
  kind: 'HOLIDAY' | 'WORKING_DAY';
  name: string;
  source: 'LAW' | 'MANUAL';
  status: 'ACTIVE' | 'REVOKED';
  revoked_reason: string | null;
  created_at: string;
  created_by_name: string | null;
  revoked_at: string | null;
  revoked_by_name: string | null;
};

const lawYear = (year: number) => year >= LUNAR_TABLE_FIRST_YEAR && year <= LUNAR_TABLE_LAST_YEAR;
const yearsFrom = (fromYear: number, toYear: number) => Array.from({ length: Math.max(0, toYear - fromYear + 1) }, (_, i) => fromYear + i);

const selectDays = sql`
  select d.id, d.date::text as date, d.kind, d.name, d.source, d.status, d.revoked_reason,
         to_json(d.created_at)#>>'{}' as created_at, cu.display_name as created_by_name,
         to_json(d.revoked_at)#>>'{}' as revoked_at, ru.display_name as revoked_by_name
  from work_calendar_day d
  left join app_user cu on cu.id = d.created_by
  left join app_user ru on ru.id = d.revoked_by`;

async function daysBetween(db: DbOrTx, first: string, last: string, includeRevoked: boolean): Promise<WorkCalendarDayRow[]> {
  const r = await db.execute<WorkCalendarDayRow>(sql`${selectDays}
    where d.date between ${first} and ${last} ${includeRevoked ? sql`` : sql`and d.status = 'ACTIVE'`}
    order by d.date, d.status, d.id`);
  return r.rows;
}

async function findDay(db: DbOrTx, id: number, lock = false): Promise<WorkCalendarDayRow | undefined> {
  const r = await db.execute<WorkCalendarDayRow>(sql`${selectDays} where d.id = ${id} ${lock ? sql`for update of d` : sql``}`);
  return r.rows[0];
}

async function lockYear(tx: Tx, year: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${YEAR_LOCK}, ${year})`);
}

/** The years among `years` that already have LAW rows (of any status: revoked ones count too). */
async function yearsWithLawRows(db: DbOrTx, years: number[]): Promise<Set<number>> {
  if (years.length === 0) return new Set();
  const r = await db.execute<{ year: number }>(sql`
    select distinct extract(year from date)::int as year from work_calendar_day
    where source = 'LAW' and date between ${`${Math.min(...years)}-01-01`} and ${`${Math.max(...years)}-12-31`}`);
  return new Set(r.rows.map((row) => Number(row.year)));
}

/**
 * Writes the public holidays of each of `years` (inside the lunar table) that has no LAW row yet, and
 * audits it, in one transaction (a savepoint inside the caller's). Idempotent: the years are locked
 * and checked again, and a date that already has an ACTIVE day is left as it is. A year whose LAW
 * days were revoked is not generated again.
 */
export async function ensureLawDays(db: DbOrTx, actor: Actor, years: number[]): Promise<void> {
  const wanted = [...new Set(years.filter(lawYear))].sort((a, b) => a - b);
  if (wanted.length === 0) return;
  const present = await yearsWithLawRows(db, wanted);
  if (wanted.every((y) => present.has(y))) return;
  await db.transaction(async (tx) => {
    for (const y of wanted) await lockYear(tx, y);
    const again = await yearsWithLawRows(tx, wanted);
    const missing = wanted.filter((y) => !again.has(y));
    if (missing.length === 0) return;
    const days = missing.flatMap((y) => vietnamHolidays(y).map((h) => ({ year: y, date: h.date, name: h.name })));
    const inserted = await tx.execute<{ id: number; date: string; name: string }>(sql`
      insert into work_calendar_day (date, kind, name, source, created_by)
      select d.date, 'HOLIDAY', d.name, 'LAW', ${actor.userId}::bigint
      from jsonb_to_recordset(${JSON.stringify(days)}::jsonb) as d(date date, name text)
      order by d.date
      on conflict do nothing
      returning id, date::text as date, name`);
    await audit(
      tx,
      actor,
      missing.map((y) => ({
        action: 'workCalendar.generate',
        entityType: 'work_calendar_year',
        entityId: y,
        orgId: null,
        after: {
          year: y,
          days: inserted.rows
            .filter((d) => d.date.startsWith(`${y}-`))
            .map((d) => ({ id: Number(d.id), date: d.date, name: d.name }))
            .sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id),
        },
      })),
    );
  });
}

/** The ACTIVE days between the first day of `fromYear` and the last day of `toYear`, by date. */
async function activeDays(db: DbOrTx, fromYear: number, toYear: number): Promise<WorkCalendarDayRow[]> {
  return daysBetween(db, `${fromYear}-01-01`, `${toYear}-12-31`, false);
}

function calendarOf(days: WorkCalendarDayRow[]): WorkCalendar {
  return {
    weekendDays: DEFAULT_WEEKEND_DAYS,
    holidays: new Set(days.filter((d) => d.kind === 'HOLIDAY').map((d) => d.date)),
    workingOverrides: new Set(days.filter((d) => d.kind === 'WORKING_DAY').map((d) => d.date)),
  };
}

/**
 * The work calendar of the years `fromYear`…`toYear` from the ACTIVE rows: Saturdays and Sundays off,
 * the holidays and làm bù days kept. Reads only: call `ensureLawDays` first when the years may be new.
 */
export async function loadWorkCalendar(db: DbOrTx, fromYear: number, toYear: number): Promise<WorkCalendar> {
  return calendarOf(await activeDays(db, fromYear, toYear));
}

export function presentDay(actor: AuthActor, d: WorkCalendarDayRow): WorkCalendarDayDto {
  return {
    id: Number(d.id),
    date: d.date,
    kind: d.kind,
    name: d.name,
    source: d.source,
    status: d.status,
    revokedReason: d.revoked_reason,
    createdAt: d.created_at,
    createdByName: d.created_by_name,
    revokedAt: d.revoked_at,
    revokedByName: d.revoked_by_name,
    abilities: d.status === 'ACTIVE' && workCalendarPolicy.manage(actor) ? ['workCalendarDay.revoke'] : [],
  };
}

export async function yearCalendar(app: AppContext, actor: AuthActor, year: number, includeRevoked: boolean): Promise<WorkCalendarDto> {
  await ensureLawDays(app.db, actor, [year]);
  const days = await daysBetween(app.db, `${year}-01-01`, `${year}-12-31`, includeRevoked);
  return {
    year,
    items: days.map((d) => presentDay(actor, d)),
    lawGenerated: lawYear(year),
    abilities: workCalendarPolicy.manage(actor) ? ['workCalendar.manage'] : [],
  };
}

function ensureManager(actor: AuthActor): void {
  if (!workCalendarPolicy.manage(actor)) throw forbidden();
}

/** Adds a day off (nghỉ bù, a swapped or local day) or a weekend day declared worked (làm bù). */
export async function addDay(app: AppContext, actor: AuthActor, input: AddWorkCalendarDayInput): Promise<WorkCalendarDayRow> {
  ensureManager(actor);
  const shown = displayDate(input.date);
  if (input.kind === 'WORKING_DAY' && !DEFAULT_WEEKEND_DAYS.includes(dayOfWeek(input.date))) {
    throw validation('workCalendar.workingDayNotWeekend', { date: shown }, { field: 'date' });
  }
  const year = Number(input.date.slice(0, 4));
  const name = input.name.normalize('NFC');
  const id = await app.db.transaction(async (tx) => {
    // The law's days first, so that a manual day never takes the place of one generated later.
    await ensureLawDays(tx, actor, [year]);
    await lockYear(tx, year);
    const taken = await tx.execute<{ name: string }>(sql`select name from work_calendar_day where date = ${input.date} and status = 'ACTIVE'`);
    if (taken.rows[0]) throw conflict('workCalendar.dateTaken', { date: shown, name: taken.rows[0].name });
    const r = await tx.execute<{ id: number }>(sql`
      insert into work_calendar_day (date, kind, name, source, created_by)
      values (${input.date}, ${input.kind}, ${name}, 'MANUAL', ${actor.userId}) returning id`);
    const newId = Number(r.rows[0]!.id);
    await audit(tx, actor, [
      { action: 'workCalendar.add', entityType: 'work_calendar_day', entityId: newId, orgId: null, after: { date: input.date, kind: input.kind, name, source: 'MANUAL' } },
    ]);
    return newId;
  });
  return (await findDay(app.db, id))!;
}

/** Revokes a day (of the law or manual) with a reason; the row stays as the history of the calendar. */
export async function revokeDay(app: AppContext, actor: AuthActor, id: number, reason: string): Promise<WorkCalendarDayRow> {
  ensureManager(actor);
  await app.db.transaction(async (tx) => {
    const d = await findDay(tx, id, true);
    if (!d) throw notFound();
    if (d.status !== 'ACTIVE') throw conflict('workCalendar.alreadyRevoked', { date: displayDate(d.date), name: d.name });
    await tx.execute(sql`
      update work_calendar_day set status = 'REVOKED', revoked_reason = ${reason}, revoked_by = ${actor.userId}, revoked_at = now()
      where id = ${id}`);
    await audit(tx, actor, [
      {
        action: 'workCalendar.revoke', entityType: 'work_calendar_day', entityId: id, orgId: null,
        before: { date: d.date, kind: d.kind, name: d.name, source: d.source, status: 'ACTIVE' },
        after: { status: 'REVOKED', reason },
      },
    ]);
  });
  return (await findDay(app.db, id))!;
}

/**
 * `workingDays` working days after `from` on the calendar kept (0: `from` itself when it is worked, else
 * the next working day), with the days off passed over. Loads `from`'s year and the next, generating
 * their public holidays when needed, and further years when the deadline falls beyond them.
 */
export async function workingDeadline(db: Db, actor: Actor, from: string, workingDays: number): Promise<WorkingDeadlineDto> {
  const fromYear = Number(from.slice(0, 4));
  let toYear = fromYear + 1;
  for (;;) {
    await ensureLawDays(db, actor, yearsFrom(fromYear, toYear));
    const days = await activeDays(db, fromYear, toYear);
    const cal = calendarOf(days);
    const deadline = addWorkingDays(from, workingDays, cal);
    const deadlineYear = Number(deadline.slice(0, 4));
    if (deadlineYear > toYear) {
      toYear = deadlineYear;
      continue;
    }
    const names = new Map(days.filter((d) => d.kind === 'HOLIDAY').map((d) => [d.date, d.name]));
    const skipped: WorkingDeadlineDto['skipped'] = [];
    const start = toDayNumber(from) + (workingDays === 0 ? 0 : 1);
    const end = toDayNumber(deadline);
    for (let day = start; day < end; day++) {
      const date = fromDayNumber(day);
      if (isWorkingDay(date, cal)) continue;
      const name = names.get(date);
      skipped.push(name === undefined ? { date, reason: 'WEEKEND' } : { date, reason: 'HOLIDAY', name });
    }
    return { from, workingDays, deadline, skipped };
  }
}
