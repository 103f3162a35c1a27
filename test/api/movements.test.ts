// Movements: drafting, launching with a registration request, every step of the life cycle and its
// permissions, refusals that save nothing, the list, and the summary report (DOCX).
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestEnv } from '../support/app';
import { createOrg, createUser, loginAs, smallWorld, type Client } from '../factories';
import { readSheet } from '../support/xlsx';
import { findMovement } from '../../src/server/modules/movements/movements.repository';
import { MOVEMENT_EXPORT_MAX_ROWS, movementWorkbook } from '../../src/server/modules/movements/movement-export';
import { auditEvents, countRows } from '../support/achievements';
import { todayInVietnam } from '../../src/server/modules/imports/xlsx';
import type { MovementDetailDto, MovementDto } from '../../src/contracts/movements';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(env.database.db);
});
afterAll(() => env.close());

const today = todayInVietnam();
const year = Number(today.slice(0, 4));
const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
const count = (table: string) => countRows(env.database.db, table);
const message = (res: { json: <T>() => T }) => res.json<{ message: string }>().message;

function movement(orgId: number, over: Record<string, unknown> = {}) {
  return {
    orgId,
    year,
    kind: 'ROUND',
    title: 'Thi đua lập thành tích chào mừng 95 năm Ngày thành lập Công đoàn Việt Nam',
    slogan: 'Điều hành linh hoạt, chủ động kịp thời',
    content: 'Các công đoàn cơ sở tổ chức thi đua với nội dung, tiêu chí cụ thể.',
    participants: 'Đoàn viên, CNVCLĐ các công đoàn cơ sở trực thuộc',
    startsOn: `${year}-01-01`,
    endsOn: `${year}-12-31`,
    criteria: [
      { text: 'Đoàn viên tham gia đăng ký thi đua', measure: 'Tỷ lệ đoàn viên đăng ký', target: '≥ 90%' },
      { text: 'Sáng kiến được công nhận', measure: 'Số sáng kiến', target: '≥ 2 sáng kiến/CĐCS' },
    ],
    offeredAwards: ['GK_CD_CAP_TREN', 'GK_CD_CAP_TREN_TT'],
    ...over,
  };
}

async function draft(over: Record<string, unknown> = {}, orgId = w.orgs.huyen.id) {
  const c = await loginAs(env.app, 'huyen.tdkt');
  const res = await c.post('/api/v1/movements', movement(orgId, over));
  expect(res.statusCode, res.body).toBe(200);
  return res.json<MovementDetailDto>();
}

describe('drafts', () => {
  it('the federation drafts a movement: offered awards named, abilities, audited, editable with a version', async () => {
    const m = await draft();
    expect(m).toMatchObject({ status: 'DRAFT', kind: 'ROUND', steps: [], figures: null, abilities: ['movement.update', 'movement.launch'] });
    expect(m.offeredAwards.map((a) => a.name)).toEqual([
      'Giấy khen của Ban Chấp hành công đoàn cấp trên trực tiếp cơ sở',
      'Giấy khen của Ban Chấp hành công đoàn cấp trên trực tiếp cơ sở (tập thể)',
    ]);
    expect((await auditEvents(env.database.db, 'movement.create', m.id)).length).toBe(1);
    const c = await loginAs(env.app, 'huyen.tdkt');
    const edited = await c.patch(`/api/v1/movements/${m.id}`, { ...movement(w.orgs.huyen.id, { kind: 'THEMATIC', title: 'Thi đua chuyên đề an toàn vệ sinh lao động' }), version: m.version });
    expect(edited.statusCode).toBe(200);
    expect(edited.json<MovementDto>()).toMatchObject({ kind: 'THEMATIC', version: m.version + 1 });
    const stale = await c.patch(`/api/v1/movements/${m.id}`, { ...movement(w.orgs.huyen.id), version: m.version });
    expect(stale.statusCode).toBe(409);
    expect(message(stale)).toMatch(/vừa được người khác cập nhật/);
    expect((await auditEvents(env.database.db, 'movement.update', m.id)).length).toBe(1);
  });

  it('refuses an award the launching level cannot grant, an unknown award and a reversed period; nothing saved', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const before = await count('movement');
    const notOurs = await c.post('/api/v1/movements', movement(w.orgs.huyen.id, { offeredAwards: ['BK_LDLD'] }));
    expect(notOurs.statusCode).toBe(400);
    expect(message(notOurs)).toMatch(/Liên đoàn Lao động huyện DMC không có thẩm quyền tặng “Bằng khen của Ban Chấp hành Liên đoàn Lao động tỉnh”.*Cấp nào phát động thì cấp đó khen thưởng/);
    const unknown = await c.post('/api/v1/movements', movement(w.orgs.huyen.id, { offeredAwards: ['KHONG_CO'] }));
    expect(unknown.statusCode).toBe(400);
    expect(message(unknown)).toMatch(/Không có hình thức khen thưởng KHONG_CO/);
    const reversed = await c.post('/api/v1/movements', movement(w.orgs.huyen.id, { startsOn: `${year}-06-01`, endsOn: `${year}-05-01` }));
    expect(reversed.statusCode).toBe(400);
    expect(message(reversed)).toMatch(/Ngày kết thúc phải sau/);
    const outside = await c.post('/api/v1/movements', movement(w.orgs.huyen.id, { startsOn: `${year + 1}-01-01`, endsOn: `${year + 1}-12-31` }));
    expect(message(outside)).toMatch(/phải bao gồm năm/);
    const unknownPlan = await c.post('/api/v1/movements', movement(w.orgs.huyen.id, { planId: 999999 }));
    expect(message(unknownPlan)).toMatch(/Không có kế hoạch số hiệu 999999/);
    expect(await count('movement')).toBe(before);
    // A CĐCS offers its own awards, not the district's.
    const cdcs = await loginAs(env.app, 'cdcs.a');
    const grassroots = await cdcs.post('/api/v1/movements', movement(w.orgs.cdcsA.id, { offeredAwards: ['GK_CD_CAP_TREN'] }));
    expect(grassroots.statusCode).toBe(400);
    expect(await count('movement')).toBe(before);
    expect((await cdcs.post('/api/v1/movements', movement(w.orgs.cdcsA.id, { offeredAwards: ['GK_CDCS'] }))).statusCode).toBe(200);
  });

  it('implements a plan of the launching organisation or one above it, not one of a unit below', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const plan = (base: number, title: string) => ({
      orgId: base, year, title, theme: null, place: 'Huyện DMC', intro: null, basis: [], blocks: [{ kind: 'PARAGRAPH', text: 'Nội dung kế hoạch.' }],
      signer: { onBehalf: null, position: 'CHỦ TỊCH', name: 'Nguyễn Văn Bình' }, recipients: [],
    });
    const own = (await c.post('/api/v1/plans', plan(w.orgs.huyen.id, 'Kế hoạch thi đua của huyện'))).json<{ id: number }>();
    const below = (await c.post('/api/v1/plans', plan(w.orgs.cdcsA.id, 'Kế hoạch thi đua của CĐCS'))).json<{ id: number }>();
    const ok = await c.post('/api/v1/movements', movement(w.orgs.huyen.id, { planId: own.id }));
    expect(ok.statusCode).toBe(200);
    expect(ok.json<MovementDto>().planId).toBe(own.id);
    const before = await count('movement');
    const wrong = await c.post('/api/v1/movements', movement(w.orgs.huyen.id, { planId: below.id }));
    expect(wrong.statusCode).toBe(400);
    expect(message(wrong)).toMatch(/Không có kế hoạch số hiệu/);
    expect(await count('movement')).toBe(before);
  });

  it('only managers of the launching organisation draft or edit; others answer 404 and nothing is written', async () => {
    const m = await draft();
    const before = await count('movement');
    for (const user of ['cdcs.a', 'xem', 'doanvien']) {
      const c = await loginAs(env.app, user);
      expect((await c.post('/api/v1/movements', movement(w.orgs.huyen.id))).statusCode).toBe(404);
      expect((await c.patch(`/api/v1/movements/${m.id}`, { ...movement(w.orgs.huyen.id), version: m.version })).statusCode).toBe(404);
    }
    expect(await count('movement')).toBe(before);
    // A draft is not shown to the units below; the viewer of the district reads it without abilities.
    expect((await (await loginAs(env.app, 'cdcs.a')).get(`/api/v1/movements/${m.id}`)).statusCode).toBe(404);
    const viewer = await (await loginAs(env.app, 'xem')).get(`/api/v1/movements/${m.id}`);
    expect(viewer.statusCode).toBe(200);
    expect(viewer.json<MovementDto>().abilities).toEqual([]);
  });
});

describe('launching', () => {
  it('launches with a registration request to every CĐCS below: targets, inbox items, step, audit', async () => {
    const m = await draft();
    const c = await loginAs(env.app, 'huyen.tdkt');
    const deadline = addDays(today, 14);
    const res = await c.post(`/api/v1/movements/${m.id}/launch`, { version: m.version, launchedOn: today, request: { deadline, targetOrgIds: null } });
    expect(res.statusCode, res.body).toBe(200);
    const launched = res.json<MovementDetailDto>();
    expect(launched).toMatchObject({ status: 'LAUNCHED', launchedOn: today, abilities: ['movement.progress', 'movement.summary'] });
    expect(launched.steps.map((s) => [s.fromStatus, s.toStatus, s.onDate])).toEqual([['DRAFT', 'LAUNCHED', today]]);
    expect(launched.figures).toMatchObject({ deadline, asked: 2, onTime: 0, late: 0, missing: 2, registrations: [] });
    const targets = await env.database.db.execute<{ org_id: number }>(sql`
      select t.org_id from request_target t join response_request r on r.id = t.request_id
      where r.source_type = 'movement' and r.source_id = ${m.id} order by t.org_id`);
    expect(targets.rows.map((r) => Number(r.org_id))).toEqual([w.orgs.cdcsA.id, w.orgs.cdcsB.id].sort((a, b) => a - b));
    const inbox = await env.database.db.execute<{ link: string }>(sql`select link from inbox_item where link = ${`/phong-trao/${m.id}`}`);
    expect(inbox.rows).toHaveLength(2);
    expect((await auditEvents(env.database.db, 'movement.launch', m.id))[0]!.after).toMatchObject({ status: 'LAUNCHED', targets: 2 });
    // Launched: the CĐCS it addresses reads it and may register, nothing more; the launcher does not register.
    const cdcs = await (await loginAs(env.app, 'cdcs.a')).get(`/api/v1/movements/${m.id}`);
    expect(cdcs.statusCode).toBe(200);
    expect(cdcs.json<MovementDto>().abilities).toEqual(['movement.summary', 'movement.register']);
    expect(launched.abilities).not.toContain('movement.register');
    const viewer = await (await loginAs(env.app, 'xem')).get(`/api/v1/movements/${m.id}`);
    expect(viewer.json<MovementDto>().abilities).toEqual(['movement.summary']);
    // Content is locked.
    expect((await c.patch(`/api/v1/movements/${m.id}`, { ...movement(w.orgs.huyen.id), version: launched.version })).statusCode).toBe(409);
    expect((await c.post(`/api/v1/movements/${m.id}/launch`, { version: launched.version, launchedOn: today, request: null })).statusCode).toBe(409);
  });

  it('launches for picked units only, or without a request', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const a = await draft();
    const picked = (await c.post(`/api/v1/movements/${a.id}/launch`, { version: a.version, launchedOn: today, request: { deadline: addDays(today, 3), targetOrgIds: [w.orgs.cdcsB.id] } })).json<MovementDetailDto>();
    expect(picked.figures).toMatchObject({ asked: 1, missing: 1 });
    const b = await draft();
    const plain = (await c.post(`/api/v1/movements/${b.id}/launch`, { version: b.version, launchedOn: today, request: null })).json<MovementDetailDto>();
    expect(plain).toMatchObject({ status: 'LAUNCHED', figures: null });
  });

  it('refuses a past deadline, a target outside the subtree, no criteria, a future launch date, a stale version; nothing saved', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const m = await draft();
    const empty = await draft({ criteria: [] });
    const counts = async () => [await count('movement_step'), await count('response_request'), await count('request_target'), await count('inbox_item'), await count('audit_event')];
    const before = await counts();
    const past = await c.post(`/api/v1/movements/${m.id}/launch`, { version: m.version, launchedOn: today, request: { deadline: addDays(today, -1), targetOrgIds: null } });
    expect(past.statusCode).toBe(400);
    expect(message(past)).toMatch(/Hạn trả lời .* đã qua/);
    const outside = await c.post(`/api/v1/movements/${m.id}/launch`, { version: m.version, launchedOn: today, request: { deadline: addDays(today, 5), targetOrgIds: [w.orgs.tinh.id] } });
    expect(outside.statusCode).toBe(400);
    expect(message(outside)).toMatch(/Liên đoàn Lao động tỉnh Tây Ninh không trực thuộc đơn vị ban hành/);
    const noCriteria = await c.post(`/api/v1/movements/${empty.id}/launch`, { version: empty.version, launchedOn: today, request: null });
    expect(noCriteria.statusCode).toBe(400);
    expect(message(noCriteria)).toMatch(/chưa có tiêu chí thi đua/);
    const future = await c.post(`/api/v1/movements/${m.id}/launch`, { version: m.version, launchedOn: addDays(today, 1), request: null });
    expect(future.statusCode).toBe(400);
    expect(message(future)).toMatch(/không được sau ngày hôm nay/);
    const stale = await c.post(`/api/v1/movements/${m.id}/launch`, { version: m.version + 5, launchedOn: today, request: null });
    expect(stale.statusCode).toBe(409);
    expect(await counts()).toEqual(before);
    expect((await c.get(`/api/v1/movements/${m.id}`)).json<MovementDto>().status).toBe('DRAFT');
  });

  it('a CĐCS officer cannot launch for the district, nor a viewer; another CĐCS cannot see its movement', async () => {
    const m = await draft();
    const before = await count('movement_step');
    for (const user of ['cdcs.a', 'xem', 'doanvien']) {
      const c = await loginAs(env.app, user);
      expect((await c.post(`/api/v1/movements/${m.id}/launch`, { version: m.version, launchedOn: today, request: null })).statusCode).toBe(404);
    }
    expect(await count('movement_step')).toBe(before);
    const cdcsA = await loginAs(env.app, 'cdcs.a');
    const own = (await cdcsA.post('/api/v1/movements', movement(w.orgs.cdcsA.id, { offeredAwards: ['GK_CDCS'] }))).json<MovementDto>();
    await cdcsA.post(`/api/v1/movements/${own.id}/launch`, { version: own.version, launchedOn: today, request: null });
    const other = await loginAs(env.app, 'cdcs.b');
    expect((await other.get(`/api/v1/movements/${own.id}`)).statusCode).toBe(404);
    expect((await other.post(`/api/v1/movements/${own.id}/steps`, { version: own.version + 1, toStatus: 'IN_PROGRESS', onDate: today, note: null })).statusCode).toBe(404);
    expect((await other.get(`/api/v1/movements/${own.id}/summary.docx`)).statusCode).toBe(404);
  });
});

describe('life cycle', () => {
  async function launched(over: Record<string, unknown> = {}, launchedOn = today) {
    const m = await draft(over);
    const c = await loginAs(env.app, 'huyen.tdkt');
    const res = await c.post(`/api/v1/movements/${m.id}/launch`, { version: m.version, launchedOn, request: null });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<MovementDetailDto>();
  }

  it('goes launched → in progress → sơ kết → tổng kết → closed, each step recorded and audited', async () => {
    const past = { year: 2024, startsOn: '2024-03-01', endsOn: '2024-12-31' };
    let m = await launched(past, '2024-03-05');
    const c = await loginAs(env.app, 'huyen.tdkt');
    const steps: [string, string, string | null, string[]][] = [
      ['IN_PROGRESS', '2024-03-10', null, ['movement.midReview', 'movement.finalReview', 'movement.summary']],
      ['MID_REVIEW', '2024-07-15', 'Sơ kết 6 tháng: 12/14 CĐCS đạt chỉ tiêu đăng ký.', ['movement.finalReview', 'movement.summary']],
      ['FINAL_REVIEW', '2024-12-10', 'Tổng kết: 10 tập thể, 25 cá nhân tiêu biểu.', ['movement.close', 'movement.summary']],
      ['CLOSED', '2024-12-31', 'Đã khen thưởng theo Quyết định số 15/QĐ-LĐLĐ.', ['movement.summary']],
    ];
    for (const [toStatus, onDate, note, abilities] of steps) {
      const res = await c.post(`/api/v1/movements/${m.id}/steps`, { version: m.version, toStatus, onDate, note });
      expect(res.statusCode, res.body).toBe(200);
      m = res.json<MovementDetailDto>();
      expect(m.status).toBe(toStatus);
      expect(m.abilities).toEqual(abilities);
    }
    expect(m).toMatchObject({ launchedOn: '2024-03-05', midReviewOn: '2024-07-15', finalReviewOn: '2024-12-10', closedOn: '2024-12-31' });
    expect(m.steps.map((s) => s.toStatus)).toEqual(['LAUNCHED', 'IN_PROGRESS', 'MID_REVIEW', 'FINAL_REVIEW', 'CLOSED']);
    expect(m.steps[2]!.note).toMatch(/Sơ kết 6 tháng/);
    expect(m.steps[2]!.actorName).toBeTruthy();
    expect((await auditEvents(env.database.db, 'movement.step', m.id)).map((e) => (e.after as { status: string }).status)).toEqual(['IN_PROGRESS', 'MID_REVIEW', 'FINAL_REVIEW', 'CLOSED']);
    // Once reviewed at the end the report is the báo cáo tổng kết, no longer marked as a draft.
    const report = await c.get(`/api/v1/movements/${m.id}/summary.docx`);
    expect(report.headers['content-disposition']).toContain('bao-cao-tong-ket-phong-trao');
    const zip = await JSZip.loadAsync(report.rawPayload);
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, ' ');
    expect(text).toContain('BÁO CÁO TỔNG KẾT');
    expect(text).toContain('Sơ kết 6 tháng');
    const headers = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/header\d*\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    expect(headers.join('')).not.toContain('DỰ THẢO');
  });

  it('sơ kết is optional: in progress → tổng kết', async () => {
    let m = await launched();
    const c = await loginAs(env.app, 'huyen.tdkt');
    m = (await c.post(`/api/v1/movements/${m.id}/steps`, { version: m.version, toStatus: 'IN_PROGRESS', onDate: today, note: null })).json<MovementDetailDto>();
    const res = await c.post(`/api/v1/movements/${m.id}/steps`, { version: m.version, toStatus: 'FINAL_REVIEW', onDate: today, note: 'Tổng kết phong trào không qua sơ kết.' });
    expect(res.statusCode).toBe(200);
    expect(res.json<MovementDto>().status).toBe('FINAL_REVIEW');
  });

  it('refuses a wrong transition, a missing note, dates out of order or in the future, a stale version; nothing saved', async () => {
    const m = await launched();
    const c = await loginAs(env.app, 'huyen.tdkt');
    const before = [await count('movement_step'), await count('audit_event')];
    const skip = await c.post(`/api/v1/movements/${m.id}/steps`, { version: m.version, toStatus: 'MID_REVIEW', onDate: today, note: 'Sơ kết quá sớm.' });
    expect(skip.statusCode).toBe(409);
    expect(message(skip)).toBe('Không thể chuyển phong trào từ “Phát động” sang “Sơ kết”. Thứ tự: Phát động → Đang thực hiện → (Sơ kết) → Tổng kết → Kết thúc.');
    const close = await c.post(`/api/v1/movements/${m.id}/steps`, { version: m.version, toStatus: 'CLOSED', onDate: today, note: 'Kết thúc sớm.' });
    expect(close.statusCode).toBe(409);
    const future = await c.post(`/api/v1/movements/${m.id}/steps`, { version: m.version, toStatus: 'IN_PROGRESS', onDate: addDays(today, 2), note: null });
    expect(message(future)).toMatch(/không được sau ngày hôm nay/);
    const earlier = await c.post(`/api/v1/movements/${m.id}/steps`, { version: m.version, toStatus: 'IN_PROGRESS', onDate: addDays(today, -1), note: null });
    expect(earlier.statusCode).toBe(400);
    expect(message(earlier)).toMatch(/không được trước bước trước đó/);
    const stale = await c.post(`/api/v1/movements/${m.id}/steps`, { version: m.version - 1, toStatus: 'IN_PROGRESS', onDate: today, note: null });
    expect(stale.statusCode).toBe(409);
    expect(message(stale)).toMatch(/vừa được người khác cập nhật/);
    const progressed = (await c.post(`/api/v1/movements/${m.id}/steps`, { version: m.version, toStatus: 'IN_PROGRESS', onDate: today, note: null })).json<MovementDto>();
    const mid = [await count('movement_step'), await count('audit_event')];
    expect(mid).toEqual([before[0]! + 1, before[1]! + 1]);
    const noNote = await c.post(`/api/v1/movements/${m.id}/steps`, { version: progressed.version, toStatus: 'MID_REVIEW', onDate: today, note: '' });
    expect(noNote.statusCode).toBe(400);
    expect(message(noNote)).toMatch(/cần ghi nhận kết quả/);
    expect([await count('movement_step'), await count('audit_event')]).toEqual(mid);
  });

  it('a sơ kết outside the period is refused', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    let m = await launched({ year: 2024, startsOn: '2024-03-01', endsOn: '2024-06-30' }, '2024-03-01');
    m = (await c.post(`/api/v1/movements/${m.id}/steps`, { version: m.version, toStatus: 'IN_PROGRESS', onDate: '2024-03-02', note: null })).json<MovementDetailDto>();
    const late = await c.post(`/api/v1/movements/${m.id}/steps`, { version: m.version, toStatus: 'MID_REVIEW', onDate: '2024-08-01', note: 'Sơ kết sau khi đã hết thời gian.' });
    expect(late.statusCode).toBe(400);
    expect(message(late)).toMatch(/Sơ kết phải diễn ra trong thời gian/);
  });

  it('only managers of the launching organisation record steps', async () => {
    const m = await launched();
    const before = await count('movement_step');
    for (const user of ['cdcs.a', 'xem', 'doanvien']) {
      const c = await loginAs(env.app, user);
      expect((await c.post(`/api/v1/movements/${m.id}/steps`, { version: m.version, toStatus: 'IN_PROGRESS', onDate: today, note: null })).statusCode).toBe(404);
    }
    expect(await count('movement_step')).toBe(before);
  });
});

describe('list and summary report', () => {
  it('lists the movements in scope, filtered and paged; the CĐCS sees launched movements from above, not drafts', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const all = (await c.get('/api/v1/movements?pageSize=200')).json<{ items: MovementDto[]; total: number }>();
    expect(all.total).toBe(all.items.length);
    expect(all.items.some((m) => m.orgId === w.orgs.cdcsA.id)).toBe(true);
    const drafts = (await c.get(`/api/v1/movements?status=DRAFT&orgId=${w.orgs.huyen.id}&year=${year}&pageSize=200`)).json<{ items: MovementDto[] }>();
    expect(drafts.items.length).toBeGreaterThan(0);
    expect(drafts.items.every((m) => m.status === 'DRAFT' && m.year === year)).toBe(true);
    const own = (await c.get(`/api/v1/movements?orgId=${w.orgs.cdcsA.id}&pageSize=200`)).json<{ items: MovementDto[] }>();
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((m) => m.orgId === w.orgs.cdcsA.id)).toBe(true);
    const thematic = (await c.get('/api/v1/movements?kind=THEMATIC&pageSize=200')).json<{ items: MovementDto[] }>();
    expect(thematic.items.every((m) => m.kind === 'THEMATIC')).toBe(true);
    const page = (await c.get('/api/v1/movements?pageSize=2&page=2')).json<{ items: MovementDto[]; total: number }>();
    expect(page.items).toHaveLength(2);
    expect(page.items[0]!.id).toBe(all.items[2]!.id);
    const cdcs = (await (await loginAs(env.app, 'cdcs.b')).get('/api/v1/movements?pageSize=200')).json<{ items: MovementDto[] }>();
    expect(cdcs.items.length).toBeGreaterThan(0);
    expect(cdcs.items.every((m) => m.status !== 'DRAFT' && m.orgId === w.orgs.huyen.id)).toBe(true);
    const member = (await (await loginAs(env.app, 'doanvien')).get('/api/v1/movements')).json<{ items: MovementDto[]; total: number }>();
    expect(member.total).toBe(0);
    expect((await (await loginAs(env.app, 'cdcs.b')).get(`/api/v1/movements?orgId=${w.orgs.cdcsA.id}`)).statusCode).toBe(404);
  });

  it('the summary report carries the figures of the request and the registrations, the criteria and the steps', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const m = await draft({ title: 'Phong trào thi đua có báo cáo tổng kết' });
    let d = (await c.post(`/api/v1/movements/${m.id}/launch`, { version: m.version, launchedOn: today, request: { deadline: today, targetOrgIds: null } })).json<MovementDetailDto>();
    const db = env.database.db;
    // CĐCS A registers on time, CĐCS B late (as the registrations capability records them).
    for (const [unit, status] of [[w.orgs.cdcsA, 'APPROVED'], [w.orgs.cdcsB, 'SUBMITTED']] as const) {
      await db.execute(sql`
        insert into emulation_registration (org_id, scope_path, year, award_code, registered_on, movement_id, unit_id, review_status)
        values (${unit.id}, ${unit.path}, ${year}, 'GK_CD_CAP_TREN_TT', ${today}, ${m.id}, ${unit.id}, ${status})`);
    }
    await db.execute(sql`update request_target set responded_at = now(), response_type = 'registration' where request_id = ${d.figures!.requestId} and org_id = ${w.orgs.cdcsA.id}`);
    await db.execute(sql`update request_target set responded_at = now() + interval '3 days', response_type = 'registration' where request_id = ${d.figures!.requestId} and org_id = ${w.orgs.cdcsB.id}`);
    d = (await c.post(`/api/v1/movements/${m.id}/steps`, { version: d.version, toStatus: 'IN_PROGRESS', onDate: today, note: null })).json<MovementDetailDto>();
    expect(d.figures).toMatchObject({ asked: 2, onTime: 1, late: 1, missing: 0 });
    expect(d.figures!.registrations).toEqual([{ awardCode: 'GK_CD_CAP_TREN_TT', awardName: 'Giấy khen của Ban Chấp hành công đoàn cấp trên trực tiếp cơ sở (tập thể)', submitted: 1, approved: 1, returned: 0 }]);

    const xmlOf = async (res: { rawPayload: Buffer }) => {
      const zip = await JSZip.loadAsync(res.rawPayload);
      return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    };
    const res = await c.get(`/api/v1/movements/${m.id}/summary.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('bao-cao-so-ket-phong-trao');
    const text = await xmlOf(res);
    expect(text).toContain('BÁO CÁO SƠ KẾT');
    expect(text).toContain('Phong trào thi đua “Phong trào thi đua có báo cáo tổng kết”');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Số: /BC-LĐLĐ');
    expect(text).toMatch(/Đơn vị được giao 2 Đăng ký đúng hạn 1 Đăng ký trễ hạn 1 Chưa đăng ký 0/);
    expect(text).toMatch(/Giấy khen của Ban Chấp hành công đoàn cấp trên trực tiếp cơ sở \(tập thể\) 1 1 0/);
    expect(text).toContain('1. Đoàn viên tham gia đăng ký thi đua Tỷ lệ đoàn viên đăng ký ≥ 90%');
    expect(text).toContain('Đang thực hiện');
    expect(text).toContain('Cấp nào phát động thì cấp đó khen thưởng');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const headers = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/header\d*\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    expect(headers.join('')).toContain('DỰ THẢO');
    // A viewer of the district may download it; the unit of another branch may not.
    expect((await (await loginAs(env.app, 'xem')).get(`/api/v1/movements/${m.id}/summary.docx`)).statusCode).toBe(200);
  });
});

describe('export to Excel', () => {
  const HEADER = [
    'STT', 'Đơn vị phát động', 'Tên phong trào', 'Loại', 'Năm', 'Từ ngày', 'Đến ngày', 'Trạng thái', 'Ngày phát động',
    'Số đơn vị được yêu cầu đăng ký', 'Đăng ký đúng hạn', 'Đăng ký trễ hạn', 'Chưa đăng ký', 'Khen thưởng cấp phát động',
  ];
  const KIND = { REGULAR: 'Thi đua thường xuyên', ROUND: 'Thi đua theo đợt', THEMATIC: 'Thi đua chuyên đề' } as const;
  const STATUS = { DRAFT: 'Nháp', LAUNCHED: 'Phát động', IN_PROGRESS: 'Đang thực hiện', MID_REVIEW: 'Sơ kết', FINAL_REVIEW: 'Tổng kết', CLOSED: 'Kết thúc' } as const;
  const vn = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');
  /** Data rows below the title, the filter line and the header; blanks padded to the header's width. */
  const dataRows = (sheet: string[][]) => sheet.slice(3).map((r) => Array.from({ length: HEADER.length }, (_, i) => r[i] ?? ''));
  let otherTitle: string;

  beforeAll(async () => {
    const db = env.database.db;
    const other = await createOrg(db, { code: 'HTH', name: 'Liên đoàn Lao động huyện Hòa Thành', kind: 'LDLD_HUYEN', parent: w.orgs.tinh });
    await createOrg(db, { code: 'HTH-A', name: 'Công đoàn cơ sở Trường THPT Hòa Thành', kind: 'CDCS', parent: other });
    await createUser(db, 'hth.tdkt', [{ role: 'TDKT_OFFICER', org: other }]);
    otherTitle = 'Phong trào thi đua của huyện Hòa Thành';
    const c = await loginAs(env.app, 'hth.tdkt');
    const res = await c.post('/api/v1/movements', movement(other.id, { title: otherTitle }));
    expect(res.statusCode, res.body).toBe(200);
  });

  async function exported(c: Client, query: string) {
    const res = await c.get(`/api/v1/movements/export.xlsx${query}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    return { res, sheet: await readSheet(res.rawPayload) };
  }
  const listed = async (c: Client, query: string) => (await c.get(`/api/v1/movements?pageSize=200${query}`)).json<{ items: MovementDto[] }>().items;
  /** What the export must show of the list's rows, except the figures, in list order. */
  const expectedRows = (items: MovementDto[]) =>
    items.map((m, i) => [String(i + 1), m.orgName, m.title, KIND[m.kind], String(m.year), vn(m.startsOn), vn(m.endsOn), STATUS[m.status], vn(m.launchedOn)]);

  it('exactly the filtered list: title, filter line, Vietnamese header, dd/mm/yyyy dates, frozen header, widths, offered awards', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const { res, sheet } = await exported(c, `?year=${year}&status=DRAFT&orgId=${w.orgs.huyen.id}`);
    expect(res.headers['content-disposition']).toContain(`phong-trao-thi-dua-${year}.xlsx`);
    expect(sheet[0]![0]).toBe('Danh sách phong trào thi đua');
    expect(sheet[1]![0]).toBe(`Lọc: Năm ${year}, Nháp, Đơn vị: Liên đoàn Lao động huyện DMC`);
    expect(sheet[2]).toEqual(HEADER);
    const items = await listed(c, `&year=${year}&status=DRAFT&orgId=${w.orgs.huyen.id}`);
    expect(items.length).toBeGreaterThan(1);
    const rows = dataRows(sheet);
    expect(rows.map((r) => r.slice(0, 9))).toEqual(expectedRows(items));
    expect(rows.every((r) => r[7] === 'Nháp' && r[4] === String(year) && r[5] === `01/01/${year}`)).toBe(true);
    // A draft asked no one: the figures are blank; the awards the launching level offers are named.
    expect(rows.every((r) => r.slice(9, 13).every((v) => v === ''))).toBe(true);
    expect(rows.find((r) => r[2] === items[0]!.title)![13]).toBe(items[0]!.offeredAwards.map((a) => a.name).join('; '));
    expect(rows.some((r) => r[2] === otherTitle)).toBe(false);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.getColumn(3).width).toBeGreaterThan(40);
    // Kind filter and no filter: still exactly the list.
    const thematic = await exported(c, '?kind=THEMATIC');
    expect(dataRows(thematic.sheet).map((r) => r.slice(0, 9))).toEqual(expectedRows(await listed(c, '&kind=THEMATIC')));
    const all = await exported(c, '');
    expect(all.sheet[1]![0]).toBe('Lọc: Tất cả');
    expect(dataRows(all.sheet).map((r) => r.slice(0, 9))).toEqual(expectedRows(await listed(c, '')));
  });

  it('carries the registration figures: asked, on time, late, not yet', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const m = await draft({ title: 'Phong trào thi đua có số liệu đăng ký để xuất Excel', kind: 'REGULAR' });
    const d = (await c.post(`/api/v1/movements/${m.id}/launch`, { version: m.version, launchedOn: today, request: { deadline: today, targetOrgIds: null } })).json<MovementDetailDto>();
    await env.database.db.execute(sql`update request_target set responded_at = now(), response_type = 'registration' where request_id = ${d.figures!.requestId} and org_id = ${w.orgs.cdcsA.id}`);
    const { sheet } = await exported(c, `?status=LAUNCHED&kind=REGULAR&year=${year}`);
    const rows = dataRows(sheet);
    expect(rows.every((r) => r[7] === 'Phát động' && r[3] === 'Thi đua thường xuyên')).toBe(true);
    const row = rows.find((r) => r[2] === 'Phong trào thi đua có số liệu đăng ký để xuất Excel')!;
    expect(row.slice(8, 13)).toEqual([vn(today), '2', '1', '0', '1']);
  });

  it('scope: another district’s officer gets 404 for an out-of-scope unit and never sees others’ rows; a CĐCS sees no drafts from above; a member gets none', async () => {
    const other = await loginAs(env.app, 'hth.tdkt');
    const out = await other.get(`/api/v1/movements/export.xlsx?orgId=${w.orgs.huyen.id}`);
    expect(out.statusCode).toBe(404);
    expect(out.headers['content-type']).not.toContain('spreadsheetml');
    const own = dataRows((await exported(other, '')).sheet);
    expect(own.map((r) => r[2])).toEqual([otherTitle]);
    expect(own.every((r) => r[1] === 'Liên đoàn Lao động huyện Hòa Thành')).toBe(true);
    // The district's officer does not see the other district's draft either.
    const huyen = dataRows((await exported(await loginAs(env.app, 'huyen.tdkt'), '')).sheet);
    expect(huyen.some((r) => r[2] === otherTitle)).toBe(false);
    const cdcs = await loginAs(env.app, 'cdcs.b');
    const cdcsRows = dataRows((await exported(cdcs, '')).sheet);
    expect(cdcsRows.map((r) => r.slice(0, 9))).toEqual(expectedRows(await listed(cdcs, '')));
    expect(cdcsRows.length).toBeGreaterThan(0);
    expect(cdcsRows.every((r) => r[7] !== 'Nháp' && r[1] === 'Liên đoàn Lao động huyện DMC')).toBe(true);
    expect((await cdcs.get(`/api/v1/movements/export.xlsx?orgId=${w.orgs.cdcsA.id}`)).statusCode).toBe(404);
    expect((await exported(await loginAs(env.app, 'doanvien'), '')).sheet.slice(3)).toEqual([]);
    expect((await other.get('/api/v1/movements/export.xlsx?status=BOGUS')).statusCode).toBe(400);
  });

  it('caps at the limit and says so in the sheet', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const items = await listed(c, '');
    const rows = (await Promise.all(items.slice(0, 2).map((m) => findMovement(env.database.db, m.id)))).map((r) => r!);
    const buffer = await movementWorkbook(rows, new Map(), { filter: 'Tất cả', total: 20_001 });
    const sheet = await readSheet(buffer);
    expect(sheet[2]![0]).toBe('Có 20.001 phong trào; tệp chỉ gồm 2 dòng đầu. Hãy lọc thêm để xuất đủ.');
    expect(sheet[3]).toEqual(HEADER);
    expect(sheet.slice(4)).toHaveLength(2);
    expect(MOVEMENT_EXPORT_MAX_ROWS).toBe(20_000);
  });
});
