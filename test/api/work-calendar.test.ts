// The national work calendar: the law's public holidays generated once per year on first use, days
// off (nghỉ bù) and make-up working days (làm bù) added and revoked by administrators of the root, and
// working-day deadlines counted on it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestEnv } from '../support/app';
import { createUser, loginAs, smallWorld } from '../factories';
import { auditEvents, countRows } from '../support/achievements';
import type { WorkCalendarDayDto, WorkCalendarDto, WorkingDeadlineDto } from '../../src/contracts/work-calendar';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;

beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(env.database.db);
  // An administrator of a province: administers users there, but does not keep the national calendar.
  await createUser(env.database.db, 'admin.tinh', [{ role: 'SYSTEM_ADMIN', org: w.orgs.tinh }]);
});
afterAll(() => env.close());

const db = () => env.database.db;
const message = (res: { json: <T>() => T }) => res.json<{ message: string }>().message;
const fields = (res: { json: <T>() => T }) => res.json<{ details: { fields: Record<string, string> } }>().details.fields;
const rows = (where = sql`true`) => countRows(db(), 'work_calendar_day', where);

const LAW_2025 = [
  '2025-01-01', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01',
  '2025-04-07', '2025-04-30', '2025-05-01', '2025-09-01', '2025-09-02',
];

async function yearOf(user: string, year: number, extra = ''): Promise<WorkCalendarDto> {
  const res = await (await loginAs(env.app, user)).get(`/api/v1/work-calendar?year=${year}${extra}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<WorkCalendarDto>();
}

async function deadline(user: string, from: string, workingDays: number): Promise<WorkingDeadlineDto> {
  const res = await (await loginAs(env.app, user)).get(`/api/v1/work-calendar/deadline?from=${from}&workingDays=${workingDays}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<WorkingDeadlineDto>();
}

describe('the law’s public holidays', () => {
  it('are generated the first time a year is listed, once, and audited', async () => {
    expect(await rows()).toBe(0);
    const first = await yearOf('xem', 2025);
    expect(first.items.map((d) => d.date)).toEqual(LAW_2025);
    expect(first.items.every((d) => d.kind === 'HOLIDAY' && d.source === 'LAW' && d.status === 'ACTIVE')).toBe(true);
    expect(first.items.find((d) => d.date === '2025-01-29')).toMatchObject({ name: 'Tết Âm lịch (mùng 1)', createdByName: 'Người dùng xem', revokedReason: null });
    expect(first.items.find((d) => d.date === '2025-04-07')?.name).toBe('Giỗ Tổ Hùng Vương (10/3 âm lịch)');
    expect(first.lawGenerated).toBe(true);
    // A viewer may read but not keep the calendar.
    expect(first.abilities).toEqual([]);
    expect(first.items.every((d) => d.abilities.length === 0)).toBe(true);

    const events = await auditEvents(db(), 'workCalendar.generate', 2025);
    expect(events).toHaveLength(1);
    expect((events[0]!.after as { days: { date: string }[] }).days.map((d) => d.date)).toEqual(LAW_2025);

    const again = await yearOf('admin', 2025);
    expect(again.items.map((d) => d.id)).toEqual(first.items.map((d) => d.id));
    expect(again.abilities).toEqual(['workCalendar.manage']);
    expect(again.items.every((d) => d.abilities.includes('workCalendarDay.revoke'))).toBe(true);
    expect(await rows()).toBe(11);
    expect(await auditEvents(db(), 'workCalendar.generate', 2025)).toHaveLength(1);
  });

  it('are not generated outside the lunar table: the year is empty until administrators fill it', async () => {
    const y = await yearOf('cdcs.a', 2040);
    expect(y).toMatchObject({ year: 2040, items: [], lawGenerated: false });
    expect(await rows(sql`date >= '2040-01-01'`)).toBe(0);
  });

  it('refuses a year outside 2000–2100 in Vietnamese', async () => {
    const res = await (await loginAs(env.app, 'xem')).get('/api/v1/work-calendar?year=1999');
    expect(res.statusCode).toBe(400);
    expect(message(res)).toMatch(/Dữ liệu chưa hợp lệ/);
    expect(fields(res).year).toBe('Giá trị không hợp lệ.');
  });
});

describe('deadlines on the law’s calendar', () => {
  it('3 working days after Monday 28/4/2025 skip 30/4, 1/5 and the weekend: Monday 5/5', async () => {
    // 29/4 (1), 30/4 and 1/5 holidays, 2/5 (2), 3–4/5 weekend, 5/5 (3).
    const d = await deadline('doanvien', '2025-04-28', 3);
    expect(d).toEqual({
      from: '2025-04-28',
      workingDays: 3,
      deadline: '2025-05-05',
      skipped: [
        { date: '2025-04-30', reason: 'HOLIDAY', name: 'Ngày Chiến thắng (30/4)' },
        { date: '2025-05-01', reason: 'HOLIDAY', name: 'Ngày Quốc tế lao động (1/5)' },
        { date: '2025-05-03', reason: 'WEEKEND' },
        { date: '2025-05-04', reason: 'WEEKEND' },
      ],
    });
    expect((await deadline('doanvien', '2025-04-25', 1)).deadline).toBe('2025-04-28');
    // 0 working days: the day itself when worked, else the next working day.
    expect(await deadline('xem', '2025-04-29', 0)).toEqual({ from: '2025-04-29', workingDays: 0, deadline: '2025-04-29', skipped: [] });
    expect((await deadline('xem', '2025-04-30', 0)).deadline).toBe('2025-05-02');
  });

  it('across the new year generate the next year’s holidays: 30/12/2026 + 3 skips 1/1/2027 and the weekend', async () => {
    // 31/12 (1), 1/1/2027 holiday, 2–3/1 weekend, 4/1 (2), 5/1 (3).
    const d = await deadline('cdcs.a', '2026-12-30', 3);
    expect(d.deadline).toBe('2027-01-05');
    expect(d.skipped).toEqual([
      { date: '2027-01-01', reason: 'HOLIDAY', name: 'Tết Dương lịch' },
      { date: '2027-01-02', reason: 'WEEKEND' },
      { date: '2027-01-03', reason: 'WEEKEND' },
    ]);
    expect(await auditEvents(db(), 'workCalendar.generate', 2026)).toHaveLength(1);
    expect(await auditEvents(db(), 'workCalendar.generate', 2027)).toHaveLength(1);
  });

  it('refuses invalid queries in Vietnamese and writes nothing', async () => {
    const before = await rows();
    const c = await loginAs(env.app, 'xem');
    const badDate = await c.get('/api/v1/work-calendar/deadline?from=2025-02-30&workingDays=3');
    expect(badDate.statusCode).toBe(400);
    expect(message(badDate)).toMatch(/Dữ liệu chưa hợp lệ/);
    expect(fields(badDate).from).toBe('Ngày không hợp lệ (định dạng dd/mm/yyyy).');
    for (const q of ['from=2025-04-28&workingDays=-1', 'from=2025-04-28&workingDays=1.5', 'from=2025-04-28&workingDays=251', 'from=2025-04-28', 'from=1999-12-31&workingDays=1']) {
      const res = await c.get(`/api/v1/work-calendar/deadline?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(message(res)).toMatch(/Dữ liệu chưa hợp lệ/);
    }
    expect(fields(await c.get('/api/v1/work-calendar/deadline?from=1999-12-31&workingDays=1')).from).toBe('Ngày phải thuộc các năm từ 2000 đến 2100.');
    expect(await rows()).toBe(before);
    expect((await env.app.inject({ method: 'GET', url: '/api/v1/work-calendar/deadline?from=2025-04-28&workingDays=3' })).statusCode).toBe(401);
  });
});

describe('administrators keep the calendar', () => {
  let swapOff: WorkCalendarDayDto;
  let swapWorked: WorkCalendarDayDto;

  it('add a nghỉ bù day and a làm bù Saturday, audited', async () => {
    const admin = await loginAs(env.app, 'admin');
    const off = await admin.post('/api/v1/work-calendar/days', { date: '2025-05-02', kind: 'HOLIDAY', name: '  Nghỉ bù (hoán đổi với thứ Bảy 26/4/2025)  ' });
    expect(off.statusCode, off.body).toBe(200);
    swapOff = off.json<WorkCalendarDayDto>();
    expect(swapOff).toMatchObject({
      date: '2025-05-02', kind: 'HOLIDAY', source: 'MANUAL', status: 'ACTIVE', name: 'Nghỉ bù (hoán đổi với thứ Bảy 26/4/2025)',
      createdByName: 'Người dùng admin', abilities: ['workCalendarDay.revoke'],
    });
    const worked = await admin.post('/api/v1/work-calendar/days', { date: '2025-04-26', kind: 'WORKING_DAY', name: 'Làm bù cho ngày 02/5/2025' });
    expect(worked.statusCode, worked.body).toBe(200);
    swapWorked = worked.json<WorkCalendarDayDto>();
    expect(swapWorked).toMatchObject({ date: '2025-04-26', kind: 'WORKING_DAY', source: 'MANUAL', status: 'ACTIVE' });

    const y = await yearOf('xem', 2025);
    expect(y.items.map((d) => d.date)).toEqual([...LAW_2025, '2025-04-26', '2025-05-02'].sort());
    const added = await auditEvents(db(), 'workCalendar.add', swapOff.id);
    expect(added).toHaveLength(1);
    expect(added[0]!.after).toEqual({ date: '2025-05-02', kind: 'HOLIDAY', name: 'Nghỉ bù (hoán đổi với thứ Bảy 26/4/2025)', source: 'MANUAL' });
    expect(await auditEvents(db(), 'workCalendar.add', swapWorked.id)).toHaveLength(1);
  });

  it('adding to a year not used yet writes the law’s days of that year first', async () => {
    const admin = await loginAs(env.app, 'admin');
    const res = await admin.post('/api/v1/work-calendar/days', { date: '2028-01-03', kind: 'HOLIDAY', name: 'Nghỉ bù Tết Dương lịch' });
    expect(res.statusCode, res.body).toBe(200);
    const y = await yearOf('admin', 2028);
    expect(y.items.filter((d) => d.source === 'LAW')).toHaveLength(11);
    expect(y.items.filter((d) => d.source === 'MANUAL').map((d) => d.date)).toEqual(['2028-01-03']);
    expect(await auditEvents(db(), 'workCalendar.generate', 2028)).toHaveLength(1);
  });

  it('a làm bù Saturday brings a deadline earlier; a nghỉ bù day pushes one later', async () => {
    // Friday 25/4 + 1: Saturday 26/4 is now worked (it was Monday 28/4 before).
    expect((await deadline('doanvien', '2025-04-25', 1)).deadline).toBe('2025-04-26');
    // 29/4 (1), 30/4, 1/5, 2/5 off, 3–4/5 weekend, 5/5 (2), 6/5 (3).
    const d = await deadline('doanvien', '2025-04-28', 3);
    expect(d.deadline).toBe('2025-05-06');
    expect(d.skipped.map((s) => [s.date, s.reason])).toEqual([
      ['2025-04-30', 'HOLIDAY'], ['2025-05-01', 'HOLIDAY'], ['2025-05-02', 'HOLIDAY'], ['2025-05-03', 'WEEKEND'], ['2025-05-04', 'WEEKEND'],
    ]);
    expect(d.skipped[2]!.name).toBe('Nghỉ bù (hoán đổi với thứ Bảy 26/4/2025)');
  });

  it('refuse a làm bù on a weekday and a date already in the calendar, in Vietnamese, writing nothing', async () => {
    const admin = await loginAs(env.app, 'admin');
    const before = { rows: await rows(), events: await countRows(db(), 'audit_event') };
    const weekday = await admin.post('/api/v1/work-calendar/days', { date: '2025-04-28', kind: 'WORKING_DAY', name: 'Làm bù' });
    expect(weekday.statusCode).toBe(400);
    expect(message(weekday)).toMatch(/^Ngày 28\/04\/2025 không phải thứ Bảy hay Chủ nhật/);
    const holiday = await admin.post('/api/v1/work-calendar/days', { date: '2025-04-30', kind: 'HOLIDAY', name: 'Nghỉ lễ' });
    expect(holiday.statusCode).toBe(409);
    expect(message(holiday)).toBe('Ngày 30/04/2025 đã có trong lịch làm việc (“Ngày Chiến thắng (30/4)”). Nếu ngày đó sai, hãy thu hồi nó trước rồi khai báo lại.');
    const twice = await admin.post('/api/v1/work-calendar/days', { date: '2025-05-02', kind: 'HOLIDAY', name: 'Nghỉ bù lần nữa' });
    expect(twice.statusCode).toBe(409);
    expect(message(twice)).toMatch(/^Ngày 02\/05\/2025 đã có/);
    // Saturday 1/2/2025 is mùng 4 Tết: it cannot be declared worked while the holiday stands.
    const tet = await admin.post('/api/v1/work-calendar/days', { date: '2025-02-01', kind: 'WORKING_DAY', name: 'Làm bù' });
    expect(tet.statusCode).toBe(409);
    for (const body of [
      { date: '2025-02-30', kind: 'HOLIDAY', name: 'Ngày không có' },
      { date: '2025-05-05', kind: 'HOLIDAY', name: '   ' },
      { date: '2025-05-05', kind: 'OFF', name: 'Nghỉ' },
      { date: '2101-01-03', kind: 'HOLIDAY', name: 'Quá xa' },
    ]) {
      expect((await admin.post('/api/v1/work-calendar/days', body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    expect(await rows()).toBe(before.rows);
    expect(await countRows(db(), 'audit_event')).toBe(before.events);
  });

  it('are the only ones: officers, viewers, members and a province administrator get 403 and nothing changes', async () => {
    const before = { rows: await rows(), active: await rows(sql`status = 'ACTIVE'`), events: await countRows(db(), 'audit_event') };
    for (const user of ['huyen.tdkt', 'cdcs.a', 'xem', 'doanvien', 'admin.tinh']) {
      const c = await loginAs(env.app, user);
      const add = await c.post('/api/v1/work-calendar/days', { date: '2025-05-05', kind: 'HOLIDAY', name: 'Nghỉ' });
      expect(add.statusCode, user).toBe(403);
      const revoke = await c.post(`/api/v1/work-calendar/days/${swapOff.id}/revoke`, { reason: 'Nhập nhầm ngày nghỉ bù' });
      expect(revoke.statusCode, user).toBe(403);
      expect((await yearOf(user, 2025)).abilities).toEqual([]);
    }
    expect(await rows()).toBe(before.rows);
    expect(await rows(sql`status = 'ACTIVE'`)).toBe(before.active);
    expect(await countRows(db(), 'audit_event')).toBe(before.events);
  });

  it('revoke a wrong day with a reason, once; the row stays and the date can be declared again', async () => {
    const admin = await loginAs(env.app, 'admin');
    const wrong = (await admin.post('/api/v1/work-calendar/days', { date: '2025-12-31', kind: 'HOLIDAY', name: 'Nghỉ cuối năm' })).json<WorkCalendarDayDto>();
    const short = await admin.post(`/api/v1/work-calendar/days/${wrong.id}/revoke`, { reason: 'sai' });
    expect(short.statusCode).toBe(400);
    expect(fields(short).reason).toBe('Quá ngắn: cần ít nhất 5 ký tự.');
    expect(await auditEvents(db(), 'workCalendar.revoke', wrong.id)).toHaveLength(0);

    const res = await admin.post(`/api/v1/work-calendar/days/${wrong.id}/revoke`, { reason: 'Không có quyết định cho nghỉ ngày này' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<WorkCalendarDayDto>()).toMatchObject({
      id: wrong.id, status: 'REVOKED', revokedReason: 'Không có quyết định cho nghỉ ngày này', revokedByName: 'Người dùng admin', abilities: [],
    });
    expect(res.json<WorkCalendarDayDto>().revokedAt).not.toBeNull();
    const events = await auditEvents(db(), 'workCalendar.revoke', wrong.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.after).toEqual({ status: 'REVOKED', reason: 'Không có quyết định cho nghỉ ngày này' });

    const twice = await admin.post(`/api/v1/work-calendar/days/${wrong.id}/revoke`, { reason: 'Thu hồi lần nữa' });
    expect(twice.statusCode).toBe(409);
    expect(message(twice)).toBe('Ngày 31/12/2025 (“Nghỉ cuối năm”) đã được thu hồi trước đó.');
    expect(await auditEvents(db(), 'workCalendar.revoke', wrong.id)).toHaveLength(1);
    expect((await admin.post('/api/v1/work-calendar/days/999999/revoke', { reason: 'Không có ngày này' })).statusCode).toBe(404);

    expect((await yearOf('admin', 2025)).items.some((d) => d.id === wrong.id)).toBe(false);
    const history = await yearOf('admin', 2025, '&includeRevoked=true');
    expect(history.items.find((d) => d.id === wrong.id)).toMatchObject({ status: 'REVOKED', abilities: [] });
    const again = await admin.post('/api/v1/work-calendar/days', { date: '2025-12-31', kind: 'HOLIDAY', name: 'Nghỉ cuối năm (theo quyết định)' });
    expect(again.statusCode, again.body).toBe(200);
    expect(await rows(sql`date = '2025-12-31'`)).toBe(2);
  });

  it('a revoked law day is not generated again, and counts as worked', async () => {
    const admin = await loginAs(env.app, 'admin');
    const sep1 = (await yearOf('admin', 2025)).items.find((d) => d.date === '2025-09-01')!;
    const res = await admin.post(`/api/v1/work-calendar/days/${sep1.id}/revoke`, { reason: 'Năm nay nghỉ ngày 3/9 thay cho 1/9' });
    expect(res.statusCode, res.body).toBe(200);
    const y = await yearOf('xem', 2025);
    expect(y.items.some((d) => d.date === '2025-09-01')).toBe(false);
    expect(await auditEvents(db(), 'workCalendar.generate', 2025)).toHaveLength(1);
    // Friday 29/8 + 1: Monday 1/9 is worked now.
    expect((await deadline('xem', '2025-08-29', 1)).deadline).toBe('2025-09-01');
  });
});
