// Inspection and supervision: the district plans an inspection of a grassroots union below it (not
// of itself, its superior or another district), records the result with recommendations and their
// deadlines, follows them up (overdue, done, withdrawn); the inspected union reads what concerns it;
// viewers read without acting; nothing is deleted and every change is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestEnv } from '../support/app';
import { createOrg, loginAs, smallWorld } from '../factories';
import { auditEvents, countRows } from '../support/achievements';
import { daysFromToday } from '../support/scoring';
import { todayInVietnam } from '../../src/server/modules/imports/xlsx';
import type { InspectionDto, InspectionSummaryDto, RecommendationDto } from '../../src/contracts/inspections';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
let otherDistrict: { id: number };

beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(env.database.db);
  otherDistrict = await createOrg(env.database.db, { code: 'TBI', name: 'Liên đoàn Lao động huyện Tân Biên', kind: 'LDLD_HUYEN', parent: w.orgs.tinh });
});
afterAll(() => env.close());

const db = () => env.database.db;
const as = (user: string) => loginAs(env.app, user);
const today = todayInVietnam();
const message = (res: { json: <T>() => T }) => res.json<{ message: string }>().message;
const PLAN = { kind: 'INSPECTION', topic: 'Việc tổ chức phong trào thi đua và xét khen thưởng năm 2026', plannedOn: today };

describe('inspection and supervision', () => {
  let inspection: InspectionDto;

  it('is planned only of units below the organisation, by its managers', async () => {
    const officer = await as('huyen.tdkt');
    const before = await countRows(db(), 'inspection');
    for (const target of [w.orgs.huyen.id, w.orgs.tinh.id, otherDistrict.id]) {
      const res = await officer.post('/api/v1/inspections', { ...PLAN, orgId: w.orgs.huyen.id, targetOrgId: target });
      expect(res.statusCode).toBe(400);
      expect(message(res)).toBe('Chỉ kiểm tra, giám sát được đơn vị cấp dưới của đơn vị mình.');
    }
    expect((await (await as('xem')).post('/api/v1/inspections', { ...PLAN, orgId: w.orgs.huyen.id, targetOrgId: w.orgs.cdcsA.id })).statusCode).toBe(403);
    expect((await (await as('cdcs.a')).post('/api/v1/inspections', { ...PLAN, orgId: w.orgs.huyen.id, targetOrgId: w.orgs.cdcsA.id })).statusCode).toBe(404);
    expect(await countRows(db(), 'inspection')).toBe(before);
    const res = await officer.post('/api/v1/inspections', { ...PLAN, orgId: w.orgs.huyen.id, targetOrgId: w.orgs.cdcsA.id });
    expect(res.statusCode, res.body).toBe(201);
    inspection = res.json<InspectionDto>();
    expect(inspection).toMatchObject({ status: 'PLANNED', targetOrgName: 'Công đoàn cơ sở Trường THCS Phước Minh', year: Number(today.slice(0, 4)), abilities: ['inspection.update', 'inspection.conduct', 'inspection.cancel'] });
    expect(await auditEvents(db(), 'inspection.create', inspection.id)).toHaveLength(1);
  });

  it('records the result with recommendations; refuses a deadline before the visit or a visit in the future', async () => {
    const officer = await as('huyen.tdkt');
    const base = { version: inspection.version, conductedOn: today, findings: 'Đơn vị tổ chức bình xét công khai, hồ sơ đầy đủ; còn thiếu biên bản họp tổ.', conclusion: 'Thực hiện cơ bản đúng quy định; cần bổ sung biên bản.' };
    const early = await officer.post(`/api/v1/inspections/${inspection.id}/conduct`, { ...base, recommendations: [{ text: 'Bổ sung biên bản họp tổ công đoàn', dueOn: daysFromToday(-1) }] });
    expect(early.statusCode).toBe(400);
    expect(message(early)).toBe('Hạn thực hiện kiến nghị thứ 1 phải từ ngày kiểm tra trở đi.');
    expect((await officer.post(`/api/v1/inspections/${inspection.id}/conduct`, { ...base, conductedOn: '2099-01-01', recommendations: [] })).statusCode).toBe(400);
    expect(await countRows(db(), 'inspection_recommendation')).toBe(0);
    const res = await officer.post(`/api/v1/inspections/${inspection.id}/conduct`, {
      ...base,
      recommendations: [
        { text: 'Bổ sung biên bản họp tổ công đoàn', dueOn: today },
        { text: 'Công khai danh sách đề nghị khen thưởng trên bảng tin của trường', dueOn: daysFromToday(30) },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    inspection = res.json<InspectionDto>();
    expect(inspection).toMatchObject({ status: 'DONE', conductedOn: today, counts: { open: 2, overdue: 0, done: 0 }, abilities: [] });
    expect(inspection.recommendations.map((r) => [r.position, r.daysLeft, r.overdue])).toEqual([[1, 0, false], [2, 30, false]]);
    // Done: nothing of the visit changes any more.
    expect((await officer.patch(`/api/v1/inspections/${inspection.id}`, { version: inspection.version, topic: 'Khác hẳn' })).statusCode).toBe(409);
  });

  it('follows the recommendations up: overdue ones are listed; done or withdrawn with a note, once', async () => {
    const officer = await as('huyen.tdkt');
    // Yesterday's deadline: overdue today.
    await db().execute(sql`update inspection_recommendation set due_on = ${daysFromToday(-1)} where inspection_id = ${inspection.id} and position = 1`);
    const overdue = (await officer.get('/api/v1/inspection-recommendations?overdue=true')).json<{ items: RecommendationDto[]; total: number }>();
    expect(overdue.items.map((r) => [r.position, r.overdue, r.daysLeft])).toEqual([[1, true, -1]]);
    const first = overdue.items[0]!;
    expect(first.abilities).toEqual(['recommendation.done', 'recommendation.withdraw']);
    expect((await (await as('xem')).post(`/api/v1/inspection-recommendations/${first.id}/done`, { doneOn: today, note: 'Đã bổ sung đủ biên bản.' })).statusCode).toBe(403);
    const done = await officer.post(`/api/v1/inspection-recommendations/${first.id}/done`, { doneOn: today, note: 'Đã bổ sung đủ biên bản họp tổ.' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<RecommendationDto>()).toMatchObject({ status: 'DONE', doneOn: today, overdue: false, abilities: [] });
    expect((await officer.post(`/api/v1/inspection-recommendations/${first.id}/done`, { doneOn: today, note: 'Lần nữa cho chắc chắn.' })).statusCode).toBe(409);
    expect((await officer.get('/api/v1/inspection-recommendations?overdue=true')).json<{ total: number }>().total).toBe(0);
    const second = inspection.recommendations[1]!;
    const withdrawn = await officer.post(`/api/v1/inspection-recommendations/${second.id}/withdraw`, { reason: 'Trường đã có bảng tin điện tử thay thế.' });
    expect(withdrawn.json<RecommendationDto>()).toMatchObject({ status: 'WITHDRAWN', note: 'Trường đã có bảng tin điện tử thay thế.' });
    const after = (await officer.get(`/api/v1/inspections/${inspection.id}`)).json<InspectionDto>();
    expect(after.counts).toEqual({ open: 0, overdue: 0, done: 1 });
    expect(await auditEvents(db(), 'inspection.recommendation.done', first.id)).toHaveLength(1);
  });

  it('the inspected union reads what concerns it; the other union and another district see nothing', async () => {
    const own = (await (await as('cdcs.a')).get(`/api/v1/inspections/${inspection.id}`)).json<InspectionDto>();
    expect(own.findings).toContain('biên bản họp tổ');
    expect(own.abilities).toEqual([]);
    expect((await (await as('cdcs.a')).get('/api/v1/inspections')).json<{ items: InspectionSummaryDto[] }>().items.map((i) => i.id)).toContain(inspection.id);
    expect((await (await as('cdcs.b')).get(`/api/v1/inspections/${inspection.id}`)).statusCode).toBe(404);
    expect((await (await as('cdcs.b')).get('/api/v1/inspections')).json<{ total: number }>().total).toBe(0);
    const cancelled = await (await as('huyen.tdkt')).post('/api/v1/inspections', { ...PLAN, kind: 'SUPERVISION', orgId: w.orgs.huyen.id, targetOrgId: w.orgs.cdcsB.id });
    const c = cancelled.json<InspectionDto>();
    const res = await (await as('huyen.tdkt')).post(`/api/v1/inspections/${c.id}/cancel`, { version: c.version, reason: 'Đơn vị đang sáp nhập, chuyển sang năm sau.' });
    expect(res.json<InspectionDto>()).toMatchObject({ status: 'CANCELLED', cancelledReason: 'Đơn vị đang sáp nhập, chuyển sang năm sau.' });
    expect((await (await as('huyen.tdkt')).get('/api/v1/inspections?status=CANCELLED')).json<{ total: number }>().total).toBe(1);
  });
});
