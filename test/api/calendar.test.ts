// The calendar of a year: movements and their steps, deadlines (issued in scope or addressed to the
// user's units), plans issued, and anniversaries — each only for the organisations in scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestEnv } from '../support/app';
import { sql } from 'drizzle-orm';
import { Client, loginAs, smallWorld } from '../factories';
import { loadDemo } from '../../src/server/seed/load-demo';
import { DEMO_PASSWORD } from '../../src/server/seed/demo-world';
import { todayInVietnam } from '../../src/server/modules/imports/xlsx';
import type { CalendarDto } from '../../src/contracts/calendar';
import type { MovementDetailDto, MovementDto } from '../../src/contracts/movements';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
const today = todayInVietnam();
const year = Number(today.slice(0, 4));
const deadline = `${year}-12-31`;
let district: MovementDto;
let grassroots: MovementDto;

const movement = (orgId: number, title: string, offeredAwards: string[]) => ({
  orgId, year, kind: 'REGULAR', title, slogan: null, content: '', participants: null, startsOn: `${year}-02-01`, endsOn: `${year}-12-31`,
  criteria: [{ text: 'Hoàn thành chỉ tiêu đăng ký thi đua', measure: 'Tỷ lệ CĐCS đăng ký', target: '100%' }], offeredAwards,
});

beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(env.database.db);
  const huyen = await loginAs(env.app, 'huyen.tdkt');
  const d = (await huyen.post('/api/v1/movements', movement(w.orgs.huyen.id, 'Phong trào thi đua lao động giỏi, lao động sáng tạo', ['GK_CD_CAP_TREN']))).json<MovementDto>();
  district = (await huyen.post(`/api/v1/movements/${d.id}/launch`, { version: d.version, launchedOn: today, request: { deadline, targetOrgIds: null } })).json<MovementDto>();
  const a = await loginAs(env.app, 'cdcs.a');
  const g = (await a.post('/api/v1/movements', movement(w.orgs.cdcsA.id, 'Phong trào Giỏi việc trường, đảm việc nhà', ['GK_CDCS']))).json<MovementDto>();
  grassroots = (await a.post(`/api/v1/movements/${g.id}/launch`, { version: g.version, launchedOn: today, request: null })).json<MovementDto>();
});
afterAll(() => env.close());

const calendar = async (user: string, query: string) => {
  const res = await (await loginAs(env.app, user)).get(`/api/v1/calendar?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CalendarDto>().events;
};

describe('calendar', () => {
  it('shows the district its movements, their steps, its deadlines and the anniversaries, sorted by date', async () => {
    const events = await calendar('huyen.tdkt', `year=${year}`);
    expect(events.map((e) => e.date)).toEqual([...events.map((e) => e.date)].sort());
    expect(events.find((e) => e.kind === 'MOVEMENT_PERIOD' && e.link === `/phong-trao/${district.id}`)).toMatchObject({
      date: `${year}-02-01`, endDate: `${year}-12-31`, title: district.title, orgName: 'Liên đoàn Lao động huyện DMC', detail: 'Thi đua thường xuyên',
    });
    expect(events.find((e) => e.kind === 'MOVEMENT_STEP' && e.link === `/phong-trao/${district.id}`)).toMatchObject({ date: today, title: `Phát động: ${district.title}` });
    expect(events.find((e) => e.kind === 'DEADLINE')).toMatchObject({ date: deadline, title: `Đăng ký thi đua: ${district.title}`, link: `/phong-trao/${district.id}`, detail: '0/2' });
    // Its subtree includes the CĐCS's own movement.
    expect(events.some((e) => e.link === `/phong-trao/${grassroots.id}`)).toBe(true);
    expect(events.find((e) => e.kind === 'ANNIVERSARY' && e.date === `${year}-07-28`)?.title).toMatch(/Ngày thành lập Công đoàn Việt Nam/);
  });

  it('shows a CĐCS the deadline addressed to it and the movement from above, but not another CĐCS’s movement', async () => {
    const events = await calendar('cdcs.b', `year=${year}`);
    expect(events.some((e) => e.kind === 'DEADLINE' && e.date === deadline)).toBe(true);
    expect(events.some((e) => e.kind === 'MOVEMENT_PERIOD' && e.link === `/phong-trao/${district.id}`)).toBe(true);
    expect(events.some((e) => e.link === `/phong-trao/${grassroots.id}`)).toBe(false);
  });

  it('a member (no reading role) gets the anniversaries only; the viewer of the district sees its movements', async () => {
    expect((await calendar('doanvien', `year=${year}`)).every((e) => e.kind === 'ANNIVERSARY')).toBe(true);
    const viewer = await calendar('xem', `year=${year}`);
    expect(viewer.some((e) => e.kind === 'MOVEMENT_PERIOD' && e.link === `/phong-trao/${district.id}`)).toBe(true);
    expect(viewer.some((e) => e.kind === 'DEADLINE')).toBe(true);
  });

  it('another year has none of this year’s movements; 2024 marks the round anniversaries of the district plan', async () => {
    const events = await calendar('huyen.tdkt', 'year=2024');
    expect(events.every((e) => e.kind === 'ANNIVERSARY')).toBe(true);
    const round = events.filter((e) => e.round).map((e) => e.title);
    expect(round).toEqual(expect.arrayContaining([
      '95 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2024)',
      '70 năm Ngày Chiến thắng Điện Biên Phủ (7/5/1954 - 7/5/2024)',
      '80 năm Ngày thành lập Quân đội nhân dân Việt Nam (22/12/1944 - 22/12/2024)',
    ]));
    expect(events.find((e) => e.title.startsWith('Ngày Quốc tế Lao động'))?.round).toBe(false);
  });

  it('filters by an organisation in scope; one out of scope answers 404', async () => {
    const events = await calendar('huyen.tdkt', `year=${year}&orgId=${w.orgs.cdcsA.id}`);
    expect(events.some((e) => e.link === `/phong-trao/${grassroots.id}`)).toBe(true);
    expect(events.some((e) => e.kind === 'MOVEMENT_PERIOD' && e.link === `/phong-trao/${district.id}`)).toBe(false);
    // The deadline addressed to CĐCS A is in its calendar.
    expect(events.some((e) => e.kind === 'DEADLINE')).toBe(true);
    const other = await (await loginAs(env.app, 'cdcs.b')).get(`/api/v1/calendar?year=${year}&orgId=${w.orgs.cdcsA.id}`);
    expect(other.statusCode).toBe(404);
    expect((await (await loginAs(env.app, 'cdcs.b')).get('/api/v1/calendar?year=abc')).statusCode).toBe(400);
  });
});

describe('demo movements', () => {
  let demo: TestEnv;
  beforeAll(async () => {
    demo = await startTestApp();
    await loadDemo(demo.database.db);
  }, 120_000);
  afterAll(() => demo.close());

  it('ships the district’s 2024 movements carried to their close and this year’s live registration request', async () => {
    const c = await new Client(demo.app).login('huyen.tdkt', DEMO_PASSWORD);
    const y2024 = (await c.get('/api/v1/movements?year=2024')).json<{ items: MovementDto[] }>().items;
    expect(y2024.map((m) => [m.kind, m.status]).sort()).toEqual([['REGULAR', 'CLOSED'], ['ROUND', 'CLOSED']]);
    const now = (await c.get(`/api/v1/movements?year=${year}&status=LAUNCHED`)).json<{ items: MovementDto[] }>().items;
    expect(now).toHaveLength(1);
    const live = (await c.get(`/api/v1/movements/${now[0]!.id}`)).json<MovementDetailDto>();
    expect(live.figures!.deadline > today).toBe(true);
    expect(live.figures).toMatchObject({ onTime: 2, late: 0 });
    expect(live.figures!.missing).toBe(live.figures!.asked - 2);
    const events = (await c.get(`/api/v1/calendar?year=${year}`)).json<CalendarDto>().events;
    expect(events.some((e) => e.kind === 'DEADLINE' && e.link === `/phong-trao/${live.id}`)).toBe(true);
    const cdcs = await demo.database.db.execute<{ n: number }>(sql`select count(*)::int as n from inbox_item where link = ${`/phong-trao/${live.id}`}`);
    expect(Number(cdcs.rows[0]!.n)).toBe(live.figures!.asked);
  });
});
