// Register of exemplary models and people: a grassroots union registers an exemplary member, writes
// the fostering plan, checks in (overdue once the next date passes), has it recognised and
// replicated by another unit; each refused move answers its own message; duplicate replication,
// the last replication of a replicated model, credits, closing and reopening; who may read and
// write (out of scope → 404, readers → 403), the district sees its unions' entries; audit events;
// paging, counts per stage and search without diacritics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestEnv } from '../support/app';
import { createOrg, loginAs, smallWorld } from '../factories';
import { seedDemoModels } from '../../src/server/seed/demo-models';
import { auditEvents, countRows } from '../support/achievements';
import { daysFromToday } from '../support/scoring';
import { todayInVietnam } from '../../src/server/modules/imports/xlsx';
import type { ModelDto, ModelPage } from '../../src/contracts/models';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;

beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(env.database.db);
});
afterAll(() => env.close());

const db = () => env.database.db;
const as = (user: string) => loginAs(env.app, user);
const today = todayInVietnam();
const message = (res: { json: <T>() => T }) => res.json<{ message: string }>().message;
const PERSON = {
  kind: 'PERSON',
  name: 'Cô giáo Nguyễn Văn An – dạy học sáng tạo',
  description: 'Tự làm đồ dùng dạy học từ vật liệu tái chế, chia sẻ cho cả tổ chuyên môn.',
  personId: 0,
  responsibleOrgId: 0,
  field: 'Giáo dục',
  discoveredOn: today,
};

describe('registering', () => {
  it('refuses a future date, a person missing or outside, a responsible unit outside — and creates nothing', async () => {
    const officer = await as('cdcs.a');
    const base = { ...PERSON, orgId: w.orgs.cdcsA.id, personId: w.persons.an, responsibleOrgId: w.orgs.cdcsA.id };
    const before = await countRows(db(), 'exemplary_model');
    const future = await officer.post('/api/v1/models', { ...base, discoveredOn: daysFromToday(3) });
    expect(future.statusCode).toBe(400);
    expect(message(future)).toBe('Ngày phát hiện không được sau ngày hôm nay.');
    const noPerson = await officer.post('/api/v1/models', { ...base, personId: null });
    expect(message(noPerson)).toBe('Điển hình cá nhân cần chọn đoàn viên được nêu gương.');
    const outsider = await officer.post('/api/v1/models', { ...base, personId: w.persons.dang });
    expect(outsider.statusCode).toBe(400);
    expect(message(outsider)).toBe('Người, đơn vị, phong trào hoặc quyết định được chọn không thuộc phạm vi của đơn vị quản lý mô hình.');
    const responsible = await officer.post('/api/v1/models', { ...base, responsibleOrgId: w.orgs.cdcsB.id });
    expect(message(responsible)).toBe('Đơn vị phụ trách bồi dưỡng phải là đơn vị quản lý mô hình hoặc đơn vị trực thuộc đang hoạt động.');
    expect((await officer.post('/api/v1/models', { ...base, name: 'x' })).statusCode).toBe(400);
    // Another union's register: not even visible.
    expect((await officer.post('/api/v1/models', { ...base, orgId: w.orgs.cdcsB.id, personId: w.persons.dang, responsibleOrgId: w.orgs.cdcsB.id })).statusCode).toBe(404);
    // A reader of the district cannot register.
    expect((await (await as('xem')).post('/api/v1/models', { ...base, orgId: w.orgs.huyen.id })).statusCode).toBe(403);
    expect(await countRows(db(), 'exemplary_model')).toBe(before);
  });
});

describe('the life of an exemplary person', () => {
  let m: ModelDto;
  const move = async (body: object, user = 'cdcs.a') => (await as(user)).post(`/api/v1/models/${m.id}/stage`, { version: m.version, ...body });
  const took = (res: { statusCode: number; body: string; json: <T>() => T }) => {
    expect(res.statusCode, res.body).toBeLessThan(300);
    m = res.json<ModelDto>();
    return m;
  };

  it('is registered by the grassroots union as discovered, with an event and an audit event', async () => {
    const res = await (await as('cdcs.a')).post('/api/v1/models', { ...PERSON, orgId: w.orgs.cdcsA.id, personId: w.persons.an, responsibleOrgId: w.orgs.toA.id });
    expect(res.statusCode, res.body).toBe(201);
    took(res);
    expect(m).toMatchObject({ stage: 'DISCOVERED', subjectName: 'Nguyễn Văn An', responsibleOrgName: 'Tổ công đoàn Tổ Toán – Tin', orgName: 'Công đoàn cơ sở Trường THCS Phước Minh', activeReplications: 0 });
    expect(m.stageDates).toEqual({ DISCOVERED: today, FOSTERING: null, RECOGNISED: null, REPLICATED: null });
    expect(m.abilities).toEqual(['model.update', 'model.move', 'model.followUp', 'model.credit']);
    expect(await auditEvents(db(), 'model.create', m.id)).toHaveLength(1);
  });

  it('is read by the district and the viewer but written by neither; the other union gets 404', async () => {
    const district = await as('huyen.tdkt');
    const seen = (await district.get(`/api/v1/models/${m.id}`)).json<ModelDto>();
    expect(seen.abilities).toEqual([]);
    const list = (await district.get('/api/v1/models')).json<ModelPage>();
    expect(list.items.map((x) => x.id)).toContain(m.id);
    expect((await (await as('xem')).post(`/api/v1/models/${m.id}/follow-ups`, { note: 'Đã kiểm tra.', nextOn: null })).statusCode).toBe(403);
    expect((await district.post(`/api/v1/models/${m.id}/stage`, { version: m.version, to: 'FOSTERING', fosteringPlan: 'Kế hoạch' })).statusCode).toBe(403);
    const other = await as('cdcs.b');
    expect((await other.get(`/api/v1/models/${m.id}`)).statusCode).toBe(404);
    expect((await other.get('/api/v1/models')).json<ModelPage>().total).toBe(0);
    expect((await other.post(`/api/v1/models/${m.id}/stage`, { version: m.version, to: 'CLOSED', reason: 'Không phù hợp nữa' })).statusCode).toBe(404);
    expect((await other.post(`/api/v1/models/${m.id}/credits`, { name: 'Ai đó', role: 'DISCOVERED' })).statusCode).toBe(404);
  });

  it('moves only forward, each move refused with what it lacks', async () => {
    const skip = await move({ to: 'RECOGNISED', recognisedOn: today });
    expect(skip.statusCode).toBe(409);
    expect(message(skip)).toBe('Không chuyển được sang giai đoạn này: mô hình chỉ đi tiếp từng bước (phát hiện → bồi dưỡng → công nhận → nhân rộng) hoặc đóng lại.');
    const noPlan = await move({ to: 'FOSTERING' });
    expect(noPlan.statusCode).toBe(400);
    expect(message(noPlan)).toBe('Cần có kế hoạch bồi dưỡng trước khi chuyển sang giai đoạn bồi dưỡng.');
    const pastNext = await move({ to: 'FOSTERING', fosteringPlan: 'Tổ trưởng kèm cặp, mỗi tháng dự giờ một lần.', nextOn: daysFromToday(-1) });
    expect(message(pastNext)).toBe('Ngày kiểm tra tiếp theo không được trước hôm nay (và chỉ ghi khi đang bồi dưỡng).');
    expect((await move({ to: 'FOSTERING', fosteringPlan: 'Kế hoạch' }, 'cdcs.a').then((r) => r.statusCode))).toBe(200);
    // That move took: the old version is stale now.
    m = (await (await as('cdcs.a')).get(`/api/v1/models/${m.id}`)).json<ModelDto>();
    expect(m.stage).toBe('FOSTERING');
    expect(m.fosteringPlan).toBe('Kế hoạch');
    expect(m.stageDates.FOSTERING).toBe(today);
    expect((await (await as('cdcs.a')).patch(`/api/v1/models/${m.id}`, { ...PERSON, personId: w.persons.an, responsibleOrgId: w.orgs.toA.id, fosteringPlan: null, version: m.version })).statusCode).toBe(400);
    const edited = await (await as('cdcs.a')).patch(`/api/v1/models/${m.id}`, { ...PERSON, personId: w.persons.an, responsibleOrgId: w.orgs.toA.id, fosteringPlan: 'Tổ trưởng kèm cặp, mỗi tháng dự giờ một lần.', version: m.version });
    took(edited);
    expect(m.fosteringPlan).toBe('Tổ trưởng kèm cặp, mỗi tháng dự giờ một lần.');
    expect((await (await as('cdcs.a')).patch(`/api/v1/models/${m.id}`, { ...PERSON, personId: w.persons.an, responsibleOrgId: w.orgs.toA.id, fosteringPlan: 'x', version: m.version - 1 })).statusCode).toBe(409);
    expect(await auditEvents(db(), 'model.update', m.id)).toHaveLength(1);
  });

  it('is checked in with a next date, which once passed shows as overdue in the list', async () => {
    const officer = await as('cdcs.a');
    expect((await officer.post(`/api/v1/models/${m.id}/follow-ups`, { note: 'Đã dự giờ.', nextOn: daysFromToday(-2) })).statusCode).toBe(400);
    took(await officer.post(`/api/v1/models/${m.id}/follow-ups`, { note: 'Đã dự giờ, tiết dạy tốt.', nextOn: daysFromToday(10) }));
    expect(m.followUp).toEqual({ nextOn: daysFromToday(10), state: 'SCHEDULED' });
    expect((await officer.get('/api/v1/models?overdue=true')).json<ModelPage>().total).toBe(0);
    // Time passes: the next date is now behind us.
    await db().execute(sql`update exemplary_model_event set next_on = ${daysFromToday(-1)} where model_id = ${m.id} and action = 'followUp'`);
    const overdue = (await officer.get('/api/v1/models?overdue=true')).json<ModelPage>();
    expect(overdue.items.map((x) => [x.id, x.followUp.state])).toEqual([[m.id, 'OVERDUE']]);
    expect(overdue.counts.overdue).toBe(1);
    expect(await auditEvents(db(), 'model.followUp', m.id)).toHaveLength(1);
  });

  it('is recognised with a date, then replicated only once a unit replicates it (one active entry per unit)', async () => {
    const officer = await as('cdcs.a');
    expect(message(await officer.post(`/api/v1/models/${m.id}/replications`, { orgId: w.orgs.toA.id, startedOn: today }))).toBe('Chỉ ghi nhận đơn vị nhân rộng khi mô hình đã được công nhận.');
    const noDate = await move({ to: 'RECOGNISED' });
    expect(noDate.statusCode).toBe(400);
    expect(message(noDate)).toBe('Cần ghi ngày công nhận mô hình, điển hình.');
    expect(message(await move({ to: 'RECOGNISED', recognisedOn: daysFromToday(2) }))).toBe('Ngày công nhận phải từ ngày phát hiện đến hôm nay.');
    took(await move({ to: 'RECOGNISED', recognisedOn: today, note: 'Hội nghị tổng kết công nhận.' }));
    expect(m.followUp.state).toBe('NONE');
    expect(m.abilities).toContain('model.replicate');

    const noUnit = await move({ to: 'REPLICATED' });
    expect(noUnit.statusCode).toBe(400);
    expect(message(noUnit)).toBe('Cần có ít nhất một đơn vị đang nhân rộng mô hình.');
    expect(message(await officer.post(`/api/v1/models/${m.id}/replications`, { orgId: w.orgs.cdcsB.id, startedOn: today }))).toBe('Đơn vị nhân rộng phải là đơn vị đang hoạt động trong phạm vi bạn theo dõi.');
    took(await officer.post(`/api/v1/models/${m.id}/replications`, { orgId: w.orgs.toA.id, startedOn: today, note: 'Cả tổ áp dụng.' }));
    const dup = await officer.post(`/api/v1/models/${m.id}/replications`, { orgId: w.orgs.toA.id, startedOn: today });
    expect(dup.statusCode).toBe(409);
    expect(message(dup)).toBe('Đơn vị này đang nhân rộng mô hình rồi.');
    took(await move({ to: 'REPLICATED', note: 'Đã nhân rộng trong tổ.' }));
    expect(m).toMatchObject({ stage: 'REPLICATED', activeReplications: 1 });
    expect(m.stageDates).toEqual({ DISCOVERED: today, FOSTERING: today, RECOGNISED: today, REPLICATED: today });
    const last = await officer.post(`/api/v1/models/${m.id}/replications/${m.replications[0]!.id}/revoke`, { reason: 'Tổ đã giải thể.' });
    expect(last.statusCode).toBe(409);
    expect(message(last)).toBe('Mô hình đã nhân rộng phải còn ít nhất một đơn vị nhân rộng; nếu không còn theo dõi, hãy đóng mô hình.');
    expect(await countRows(db(), 'exemplary_model_replication', sql`model_id = ${m.id} and status = 'ACTIVE'`)).toBe(1);
  });

  it('credits who discovered and publicised it (a member in scope or a name), revoked with a reason', async () => {
    const officer = await as('cdcs.a');
    const both = await officer.post(`/api/v1/models/${m.id}/credits`, { personId: w.persons.anh, name: 'Hai người', role: 'DISCOVERED' });
    expect(both.statusCode).toBe(400);
    expect(JSON.stringify(both.json())).toContain('Hãy chọn một đoàn viên hoặc ghi tên người được ghi công (chỉ một trong hai).');
    expect(message(await officer.post(`/api/v1/models/${m.id}/credits`, { personId: w.persons.dang, role: 'DISCOVERED' }))).toBe('Người được ghi công phải là đoàn viên trong phạm vi bạn theo dõi.');
    expect((await officer.post(`/api/v1/models/${m.id}/credits`, { name: 'Người viết', role: 'WROTE' })).statusCode).toBe(400);
    took(await officer.post(`/api/v1/models/${m.id}/credits`, { personId: w.persons.anh, role: 'DISCOVERED' }));
    const again = await officer.post(`/api/v1/models/${m.id}/credits`, { personId: w.persons.anh, role: 'DISCOVERED' });
    expect(again.statusCode).toBe(409);
    expect(message(again)).toBe('Người này đã được ghi công với vai trò này.');
    took(await officer.post(`/api/v1/models/${m.id}/credits`, { name: 'Phóng viên Lê Hoa', role: 'PUBLICISED', note: 'Bài trên báo Lao Động.' }));
    expect(m.credits.map((c) => [c.name, c.role, c.status])).toEqual([['Nguyễn Thị Ánh', 'DISCOVERED', 'ACTIVE'], ['Phóng viên Lê Hoa', 'PUBLICISED', 'ACTIVE']]);
    took(await officer.post(`/api/v1/models/${m.id}/credits/${m.credits[1]!.id}/revoke`, { reason: 'Ghi nhầm người.' }));
    expect(m.credits.find((c) => c.name === 'Phóng viên Lê Hoa')).toMatchObject({ status: 'REVOKED', revokedReason: 'Ghi nhầm người.' });
    expect((await officer.post(`/api/v1/models/${m.id}/credits/${m.credits[1]!.id}/revoke`, { reason: 'Lần nữa.' })).statusCode).toBe(409);
    expect(await countRows(db(), 'story_credit', sql`model_id = ${m.id}`)).toBe(2);
  });

  it('is closed with a reason and reopened only to the stage it was closed from', async () => {
    const officer = await as('cdcs.a');
    expect(message(await move({ to: 'CLOSED' }))).toBe('Hãy ghi lý do đóng hoặc mở lại mô hình.');
    took(await move({ to: 'CLOSED', reason: 'Đoàn viên chuyển công tác.' }));
    expect(m).toMatchObject({ stage: 'CLOSED', closedReason: 'Đoàn viên chuyển công tác.', closedOn: today, closedFrom: 'REPLICATED', abilities: ['model.move'] });
    expect((await officer.post(`/api/v1/models/${m.id}/follow-ups`, { note: 'Kiểm tra thêm.' })).statusCode).toBe(409);
    const wrong = await move({ to: 'FOSTERING', reason: 'Mở lại để bồi dưỡng.' });
    expect(wrong.statusCode).toBe(409);
    expect(message(wrong)).toBe('Mô hình đã đóng chỉ mở lại được về đúng giai đoạn trước khi đóng.');
    took(await move({ to: 'REPLICATED', reason: 'Đoàn viên quay lại đơn vị.' }));
    expect(m).toMatchObject({ stage: 'REPLICATED', closedReason: null, closedFrom: null });
    expect(m.events.map((e) => [e.action, e.fromStage, e.toStage])).toEqual([
      ['create', null, 'DISCOVERED'],
      ['stage', 'DISCOVERED', 'FOSTERING'],
      ['followUp', null, null],
      ['stage', 'FOSTERING', 'RECOGNISED'],
      ['replicate', null, null],
      ['stage', 'RECOGNISED', 'REPLICATED'],
      ['credit', null, null],
      ['credit', null, null],
      ['revokeCredit', null, null],
      ['stage', 'REPLICATED', 'CLOSED'],
      ['stage', 'CLOSED', 'REPLICATED'],
    ]);
    expect(await auditEvents(db(), 'model.stage', m.id)).toHaveLength(5);
    expect(await countRows(db(), 'exemplary_model_event', sql`model_id = ${m.id}`)).toBe(11);
  });
});

describe('an entry kept by the district, fostered by a union', () => {
  it('is written by the responsible union too, and stays out of the other union’s sight', async () => {
    const district = await as('huyen.tdkt');
    const res = await district.post('/api/v1/models', { orgId: w.orgs.huyen.id, kind: 'MODEL', name: 'Mô hình “Bữa cơm công đoàn”', description: 'Bữa cơm nghĩa tình cho công nhân khó khăn mỗi tháng.', responsibleOrgId: w.orgs.cdcsA.id, subjectOrgId: w.orgs.cdcsA.id, discoveredOn: today });
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json<ModelDto>();
    const union = await as('cdcs.a');
    expect((await union.get(`/api/v1/models/${m.id}`)).json<ModelDto>().abilities).toContain('model.move');
    expect((await union.post(`/api/v1/models/${m.id}/stage`, { version: m.version, to: 'FOSTERING', fosteringPlan: 'Vận động doanh nghiệp tài trợ.' })).statusCode).toBe(200);
    expect((await (await as('cdcs.b')).get(`/api/v1/models/${m.id}`)).statusCode).toBe(404);
  });
});

describe('the list', () => {
  it('pages on the server, counts per stage under the other filters, and searches without diacritics', async () => {
    await db().execute(sql`
      insert into exemplary_model (org_id, org_path, kind, name, description, responsible_org_id, stage, discovered_on, fostering_plan)
      select ${w.orgs.huyen.id}, ${w.orgs.huyen.path}, 'COLLECTIVE', 'Tập thể tiêu biểu số ' || g, 'Mô tả tập thể tiêu biểu.', ${w.orgs.cdcsB.id},
             case when g % 3 = 0 then 'FOSTERING' else 'DISCOVERED' end, current_date - g, 'Kế hoạch'
      from generate_series(1, 30) g`);
    const district = await as('huyen.tdkt');
    const all = (await district.get('/api/v1/models?pageSize=10&page=2')).json<ModelPage>();
    expect(all.items).toHaveLength(10);
    expect(all.total).toBe(32);
    expect(all.counts).toMatchObject({ DISCOVERED: 20, FOSTERING: 11, REPLICATED: 1, CLOSED: 0, RECOGNISED: 0 });
    const fostering = (await district.get('/api/v1/models?stage=FOSTERING&kind=COLLECTIVE&pageSize=50')).json<ModelPage>();
    expect(fostering.total).toBe(10);
    expect(fostering.counts.DISCOVERED).toBe(20);
    const folded = (await district.get(`/api/v1/models?q=${encodeURIComponent('tap the tieu bieu so 2')}&pageSize=50`)).json<ModelPage>();
    expect(folded.items.map((x) => x.name).sort()).toEqual(['Tập thể tiêu biểu số 2', 'Tập thể tiêu biểu số 20', 'Tập thể tiêu biểu số 21', 'Tập thể tiêu biểu số 22', 'Tập thể tiêu biểu số 23', 'Tập thể tiêu biểu số 24', 'Tập thể tiêu biểu số 25', 'Tập thể tiêu biểu số 26', 'Tập thể tiêu biểu số 27', 'Tập thể tiêu biểu số 28', 'Tập thể tiêu biểu số 29'].sort());
    const byUnion = (await district.get(`/api/v1/models?orgId=${w.orgs.cdcsA.id}&pageSize=50`)).json<ModelPage>();
    expect(byUnion.total).toBe(2);
    // The union sees its own two only; cdcs.b sees the thirty it fosters.
    expect((await (await as('cdcs.a')).get('/api/v1/models')).json<ModelPage>().total).toBe(2);
    expect((await (await as('cdcs.b')).get('/api/v1/models')).json<ModelPage>().total).toBe(30);
    expect((await district.get('/api/v1/models?stage=NOPE')).statusCode).toBe(400);
  });
});

describe('the demo', () => {
  it('seeds a replicated model with credits, an overdue exemplary member and a discovered collective that the API reads back', async () => {
    await createOrg(db(), { code: 'DMC-C', name: 'Công đoàn cơ sở Công ty Cổ phần Mía đường', kind: 'CDCS', parent: w.orgs.huyen });
    const before = (await (await as('huyen.tdkt')).get('/api/v1/models?pageSize=1')).json<ModelPage>().counts;
    await env.ctx.db.transaction((tx) => seedDemoModels(tx, 'DMC'));
    const after = (await (await as('huyen.tdkt')).get('/api/v1/models?pageSize=1')).json<ModelPage>().counts;
    expect(after.REPLICATED - before.REPLICATED).toBe(1);
    expect(after.FOSTERING - before.FOSTERING).toBe(1);
    expect(after.DISCOVERED - before.DISCOVERED).toBe(1);
    expect(after.overdue - before.overdue).toBe(1);
    const replicated = (await (await as('huyen.tdkt')).get(`/api/v1/models?stage=REPLICATED&q=${encodeURIComponent('bua com cong doan')}`)).json<ModelPage>().items[0]!;
    const m = (await (await as('huyen.tdkt')).get(`/api/v1/models/${replicated.id}`)).json<ModelDto>();
    expect(m).toMatchObject({ activeReplications: 2, responsibleOrgName: 'Công đoàn cơ sở Trường THCS Phước Minh' });
    expect(m.credits.map((c) => c.role)).toEqual(['DISCOVERED', 'FOSTERED', 'PUBLICISED']);
    expect(Object.values(m.stageDates).every((x) => x !== null)).toBe(true);
    // The union responsible for it may write it; the demo's overdue member is its own.
    expect((await (await as('cdcs.a')).get(`/api/v1/models/${m.id}`)).json<ModelDto>().abilities).toContain('model.credit');
    expect((await (await as('cdcs.a')).get('/api/v1/models?overdue=true')).json<ModelPage>().items.map((x) => x.kind)).toEqual(['PERSON']);
  });
});

describe('stories about a model and the recognising decision', () => {
  async function insertDecision(org: { id: number; path: string }, number: number) {
    const year = Number(today.slice(0, 4));
    const r = await db().execute<{ id: number }>(sql`
      insert into decision (org_id, org_path, status, year, subject, place, basis, execution, signer, recipients, signed_on, number_year, number, symbol)
      values (${org.id}, ${org.path}, 'SIGNED', ${year}, 'Về việc công nhận mô hình', 'Dương Minh Châu', '[]'::jsonb, 'Thi hành', ${JSON.stringify({ onBehalf: 'TM', title: 'Chủ tịch', name: null })}::jsonb,
              '[]'::jsonb, ${today}, ${year}, ${number}, 'QĐ-LĐLĐ') returning id`);
    return Number(r.rows[0]!.id);
  }
  const STORY = { subjectKind: 'COLLECTIVE', subjectName: 'Tổ bếp ca đêm', summary: 'Tổ bếp giữ bếp ăn an toàn suốt ba năm.', body: 'Tổ bếp ca đêm giữ gìn vệ sinh an toàn thực phẩm.' };

  it('recognises with a decision readable by the keeping organisation only; lists the stories about it to each reader as far as they read', async () => {
    const a = await as('cdcs.a');
    const m = (await a.post('/api/v1/models', { kind: 'MODEL', name: 'Bếp ăn ca đêm an toàn', description: 'Tổ bếp tự kiểm tra an toàn thực phẩm mỗi ca.', orgId: w.orgs.cdcsA.id, responsibleOrgId: w.orgs.cdcsA.id, discoveredOn: today, fosteringPlan: 'Mỗi tháng kiểm tra chéo.' })).json<ModelDto>();
    const fostering = (await a.post(`/api/v1/models/${m.id}/stage`, { version: m.version, to: 'FOSTERING' })).json<ModelDto>();
    const other = await createOrg(db(), { code: 'TBD', name: 'Liên đoàn Lao động huyện Tân Biên Đông', kind: 'LDLD_HUYEN', parent: w.orgs.tinh });
    const outside = await insertDecision(other, 7);
    const district = await insertDecision(w.orgs.huyen, 8);
    const refused = await a.post(`/api/v1/models/${m.id}/stage`, { version: fostering.version, to: 'RECOGNISED', recognisedOn: today, decisionId: outside });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ details: { field: string } }>().details.field).toBe('decisionId');
    expect((await a.get(`/api/v1/models/${m.id}`)).json<ModelDto>()).toMatchObject({ stage: 'FOSTERING', decisionId: null, version: fostering.version });
    const recognised = await a.post(`/api/v1/models/${m.id}/stage`, { version: fostering.version, to: 'RECOGNISED', recognisedOn: today, decisionId: district });
    expect(recognised.statusCode, recognised.body).toBe(200);
    expect(recognised.json<ModelDto>()).toMatchObject({ stage: 'RECOGNISED', decisionId: district, decisionNumber: '08/QĐ-LĐLĐ' });

    // A story of the union and one of the district link it; the other union cannot (the model is not its to read).
    const own = await a.post('/api/v1/stories', { ...STORY, title: 'Bếp ăn ca đêm: ba năm không sự cố', orgId: w.orgs.cdcsA.id, modelId: m.id });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json<{ modelId: number; modelName: string }>()).toMatchObject({ modelId: m.id, modelName: 'Bếp ăn ca đêm an toàn' });
    const huyen = await as('huyen.tdkt');
    const above = await huyen.post('/api/v1/stories', { ...STORY, title: 'Huyện nhân rộng bếp ăn an toàn', orgId: w.orgs.huyen.id, modelId: m.id });
    expect(above.statusCode, above.body).toBe(201);
    const before = await countRows(db(), 'story');
    const sideways = await (await as('cdcs.b')).post('/api/v1/stories', { ...STORY, title: 'Chuyện bên đơn vị B', orgId: w.orgs.cdcsB.id, modelId: m.id });
    expect(sideways.statusCode).toBe(400);
    expect(sideways.json<{ details: { field: string } }>().details.field).toBe('modelId');
    expect(await countRows(db(), 'story')).toBe(before);

    const seenByDistrict = (await huyen.get(`/api/v1/models/${m.id}`)).json<ModelDto>();
    expect(seenByDistrict.stories.map((s) => [s.title, s.status]).sort()).toEqual([['Bếp ăn ca đêm: ba năm không sự cố', 'DRAFT'], ['Huyện nhân rộng bếp ăn an toàn', 'DRAFT']]);
    // The union does not read the district's story: it is not listed to it.
    expect((await a.get(`/api/v1/models/${m.id}`)).json<ModelDto>().stories.map((s) => s.id)).toEqual([own.json<{ id: number }>().id]);
    // Unlinking keeps the story and drops it from the model.
    const story = own.json<{ id: number; version: number }>();
    const unlinked = await a.post(`/api/v1/stories/${story.id}/update`, { ...STORY, title: 'Bếp ăn ca đêm: ba năm không sự cố', version: story.version, modelId: null });
    expect(unlinked.json<{ modelId: number | null }>().modelId).toBeNull();
    expect((await a.get(`/api/v1/models/${m.id}`)).json<ModelDto>().stories).toEqual([]);
  });
});
