import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestEnv } from '../support/app';
import { loginAs, smallWorld } from '../factories';
import { auditEvents, countRows } from '../support/achievements';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(env.database.db);
});
afterAll(() => env.close());

const award = (o: Record<string, unknown> = {}) => ({ kind: 'AWARD', awardCode: 'LDTT', year: 2023, decisionNumber: '12/QĐ-CĐCS', decisionDate: '2023-12-20', ...o });
const count = (table: string) => countRows(env.database.db, table);

describe('person records', () => {
  it('an officer over the unit adds an award; it is scoped to the person’s unit and audited', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const res = await c.post(`/api/v1/members/${w.persons.an}/records`, award());
    expect(res.statusCode).toBe(200);
    const rec = res.json();
    expect(rec).toMatchObject({ kind: 'AWARD', subjectType: 'PERSON', personId: w.persons.an, status: 'ACTIVE', source: 'MANUAL', abilities: ['revoke', 'supersede'] });
    expect(rec.values).toMatchObject({ awardCode: 'LDTT', year: 2023, decisionDate: '2023-12-20' });
    const row = await env.database.db.execute<{ scope_path: string }>(sql`select scope_path from award_record where id = ${rec.id}`);
    expect(row.rows[0]!.scope_path).toBe(w.orgs.cdcsA.path);
    expect(await auditEvents(env.database.db, 'record.create', rec.id)).toHaveLength(1);
    // The CĐCS officer of the person's own unit may too.
    const own = await (await loginAs(env.app, 'cdcs.a')).post(`/api/v1/members/${w.persons.an}/records`, { kind: 'INITIATIVE', title: 'Sổ tay điện tử cho giáo viên', recognisedBy: 'Hội đồng sáng kiến trường', recognisedOn: '2023-05-10', scope: 'GRASSROOTS' });
    expect(own.statusCode).toBe(200);
  });

  it('another unit’s officer gets 404, a viewer and the member themself get 403; nothing is written', async () => {
    const before = await count('award_record');
    expect((await (await loginAs(env.app, 'cdcs.b')).post(`/api/v1/members/${w.persons.an}/records`, award({ year: 2022 }))).statusCode).toBe(404);
    expect((await (await loginAs(env.app, 'xem')).post(`/api/v1/members/${w.persons.an}/records`, award({ year: 2022 }))).statusCode).toBe(403);
    expect((await (await loginAs(env.app, 'doanvien')).post(`/api/v1/members/${w.persons.an}/records`, award({ year: 2022 }))).statusCode).toBe(403);
    expect(await count('award_record')).toBe(before);
  });

  it('refuses bad input with a Vietnamese message and writes nothing', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const before = { a: await count('award_record'), d: await count('discipline'), s: await count('unit_year_stats') };
    const cases: [unknown, RegExp][] = [
      [award({ awardCode: 'TTLDTT' }), /dành cho tập thể/],
      [award({ awardCode: 'KHONG_CO' }), /Không có danh hiệu/],
      [award({ year: 1900 }), /Năm phải từ 1945 đến/],
      [award({ decisionDate: '2023-02-30' }), /chưa hợp lệ/],
      [{ kind: 'DISCIPLINE', level: 'CANH_CAO', validFrom: '2023-05-01', validTo: '2023-01-01' }, /Ngày kết thúc không được trước ngày bắt đầu/],
      [{ kind: 'UNIT_STATS', year: 2023, members: 10, completed: 5, ldtt: 4, cstdcs: 1, disciplinedWarningOrAbove: 0 }, /chỉ ghi cho tập thể/],
      [{ kind: 'NOPE' }, /chưa hợp lệ/],
    ];
    for (const [body, message] of cases) {
      const res = await c.post(`/api/v1/members/${w.persons.an}/records`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().message).toMatch(message);
    }
    expect({ a: await count('award_record'), d: await count('discipline'), s: await count('unit_year_stats') }).toEqual(before);
  });

  it('keeps one active rating per person and year: a second one is a CONFLICT with a Vietnamese message', async () => {
    const c = await loginAs(env.app, 'cdcs.a');
    const first = await c.post(`/api/v1/members/${w.persons.anh}/records`, { kind: 'RATING', year: 2023, rating: 'HTTNV' });
    expect(first.statusCode).toBe(200);
    const before = await count('performance_rating');
    const second = await c.post(`/api/v1/members/${w.persons.anh}/records`, { kind: 'RATING', year: 2023, rating: 'HTXSNV' });
    expect(second.statusCode).toBe(409);
    expect(second.json().message).toMatch(/Năm 2023 đã có một kết quả xếp loại/);
    expect(await count('performance_rating')).toBe(before);
  });

  it('supersedes a rating: the corrected row is added, the old one kept as SUPERSEDED, both audited', async () => {
    const c = await loginAs(env.app, 'cdcs.a');
    const old = (await env.database.db.execute<{ id: number }>(sql`select id from performance_rating where person_id = ${w.persons.anh} and year = 2023`)).rows[0]!;
    const before = await count('performance_rating');
    expect((await (await loginAs(env.app, 'cdcs.b')).post(`/api/v1/records/RATING/${old.id}/supersede`, { kind: 'RATING', year: 2023, rating: 'HTXSNV', reason: 'Nhập nhầm kết quả' })).statusCode).toBe(404);
    expect((await c.post(`/api/v1/records/RATING/${old.id}/supersede`, { kind: 'AWARD', awardCode: 'LDTT', year: 2023, reason: 'Nhập nhầm kết quả' })).statusCode).toBe(400);
    const res = await c.post(`/api/v1/records/RATING/${old.id}/supersede`, { kind: 'RATING', year: 2023, rating: 'HTXSNV', reason: 'Nhập nhầm kết quả' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ACTIVE', values: { rating: 'HTXSNV', year: 2023 } });
    expect(await count('performance_rating')).toBe(before + 1);
    const oldNow = (await c.get(`/api/v1/records/RATING/${old.id}`)).json();
    expect(oldNow).toMatchObject({ status: 'SUPERSEDED', supersededBy: res.json().id, revokedReason: 'Nhập nhầm kết quả', abilities: [] });
    expect(await auditEvents(env.database.db, 'record.supersede', old.id)).toHaveLength(1);
    // A superseded record cannot be changed again.
    expect((await c.post(`/api/v1/records/RATING/${old.id}/revoke`, { reason: 'Không còn đúng' })).statusCode).toBe(409);
  });

  it('corrects an absence: its own reason (maternity…) and the reason for the correction stay apart', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const rec = (await c.post(`/api/v1/members/${w.persons.anh}/records`, { kind: 'ABSENCE', absenceReason: 'ILLNESS', validFrom: '2024-02-01', validTo: '2024-03-31' })).json();
    const res = await c.post(`/api/v1/records/ABSENCE/${rec.id}/supersede`, { kind: 'ABSENCE', absenceReason: 'MATERNITY', validFrom: '2024-02-01', validTo: '2024-07-31', reason: 'Nhập nhầm loại nghỉ' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'ABSENCE', status: 'ACTIVE', values: { absenceReason: 'MATERNITY', validTo: '2024-07-31' } });
    const old = (await c.get(`/api/v1/records/ABSENCE/${rec.id}`)).json();
    expect(old).toMatchObject({ status: 'SUPERSEDED', revokedReason: 'Nhập nhầm loại nghỉ', values: { absenceReason: 'ILLNESS' } });
  });

  it('revokes a record with a reason: the row is kept and the revocation audited', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const rec = (await c.post(`/api/v1/members/${w.persons.an}/records`, award({ awardCode: 'CSTD_CS', year: 2021, decisionDate: '2021-12-15' }))).json();
    expect((await (await loginAs(env.app, 'xem')).post(`/api/v1/records/AWARD/${rec.id}/revoke`, { reason: 'Quyết định bị hủy' })).statusCode).toBe(403);
    expect((await c.post(`/api/v1/records/AWARD/${rec.id}/revoke`, { reason: 'x' })).statusCode).toBe(400);
    const before = await count('award_record');
    const res = await c.post(`/api/v1/records/AWARD/${rec.id}/revoke`, { reason: 'Quyết định bị hủy' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'REVOKED', revokedReason: 'Quyết định bị hủy' });
    expect(await count('award_record')).toBe(before);
    const [event] = await auditEvents(env.database.db, 'record.revoke', rec.id);
    expect(event!.after).toMatchObject({ status: 'REVOKED', reason: 'Quyết định bị hủy' });
    expect((await c.post(`/api/v1/records/AWARD/${rec.id}/revoke`, { reason: 'Quyết định bị hủy' })).statusCode).toBe(409);
  });

  it('closes a pending case with a reason (audited), not before it opened', async () => {
    const c = await loginAs(env.app, 'cdcs.b');
    const rec = (await c.post(`/api/v1/members/${w.persons.dang}/records`, { kind: 'PENDING_CASE', caseKind: 'COMPLAINT', openedOn: '2024-03-01', summary: 'Đơn khiếu nại về chế độ' })).json();
    expect(rec.abilities).toEqual(['revoke', 'supersede', 'close']);
    const early = await c.post(`/api/v1/records/PENDING_CASE/${rec.id}/close`, { closedOn: '2024-02-01', reason: 'Đã giải quyết xong' });
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toMatch(/01\/03\/2024/);
    expect((await (await loginAs(env.app, 'cdcs.a')).post(`/api/v1/records/PENDING_CASE/${rec.id}/close`, { closedOn: '2024-04-01', reason: 'Đã giải quyết xong' })).statusCode).toBe(404);
    const res = await c.post(`/api/v1/records/PENDING_CASE/${rec.id}/close`, { closedOn: '2024-04-01', reason: 'Đã giải quyết xong' });
    expect(res.statusCode).toBe(200);
    expect(res.json().values.closedOn).toBe('2024-04-01');
    expect(await auditEvents(env.database.db, 'record.close', rec.id)).toHaveLength(1);
    expect((await c.post(`/api/v1/records/PENDING_CASE/${rec.id}/close`, { closedOn: '2024-04-02', reason: 'Đã giải quyết xong' })).statusCode).toBe(409);
  });
});

describe('unit records', () => {
  it('records collective awards, cluster leads and consistent yearly figures on a unit', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const ok = await c.post(`/api/v1/organisations/${w.orgs.cdcsA.id}/records`, award({ awardCode: 'TTLDTT', year: 2023 }));
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ subjectType: 'UNIT', orgId: w.orgs.cdcsA.id });
    const wrong = await c.post(`/api/v1/organisations/${w.orgs.cdcsA.id}/records`, award({ awardCode: 'LDTT' }));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toMatch(/dành cho cá nhân/);
    expect((await c.post(`/api/v1/organisations/${w.orgs.cdcsA.id}/records`, { kind: 'CLUSTER_LEAD', year: 2023, clusterName: 'Cụm thi đua số 3' })).statusCode).toBe(200);
    const before = await count('unit_year_stats');
    const bad = await c.post(`/api/v1/organisations/${w.orgs.cdcsA.id}/records`, { kind: 'UNIT_STATS', year: 2023, members: 10, completed: 9, ldtt: 5, cstdcs: 6, disciplinedWarningOrAbove: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/Chiến sĩ thi đua cơ sở \(6\) không được lớn hơn số đạt Lao động tiên tiến \(5\)/);
    expect(await count('unit_year_stats')).toBe(before);
    expect((await c.post(`/api/v1/organisations/${w.orgs.cdcsA.id}/records`, { kind: 'UNIT_STATS', year: 2023, members: 10, completed: 9, ldtt: 6, cstdcs: 2, disciplinedWarningOrAbove: 0 })).statusCode).toBe(200);
  });

  it('another unit’s officer gets 404, a viewer 403; a CĐCS officer may record on their own unit', async () => {
    const before = await count('award_record');
    expect((await (await loginAs(env.app, 'cdcs.b')).post(`/api/v1/organisations/${w.orgs.cdcsA.id}/records`, award({ awardCode: 'TTLDTT', year: 2022 }))).statusCode).toBe(404);
    expect((await (await loginAs(env.app, 'xem')).post(`/api/v1/organisations/${w.orgs.cdcsA.id}/records`, award({ awardCode: 'TTLDTT', year: 2022 }))).statusCode).toBe(403);
    expect(await count('award_record')).toBe(before);
    expect((await (await loginAs(env.app, 'cdcs.b')).post(`/api/v1/organisations/${w.orgs.cdcsB.id}/records`, award({ awardCode: 'TTLDTT', year: 2022 }))).statusCode).toBe(200);
  });

  it('shows a unit’s timeline to those who may read the unit only', async () => {
    const ok = await (await loginAs(env.app, 'xem')).get(`/api/v1/organisations/${w.orgs.cdcsA.id}/timeline`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().items.map((i: { kind: string }) => i.kind)).toEqual(expect.arrayContaining(['AWARD', 'CLUSTER_LEAD', 'UNIT_STATS']));
    expect(ok.json().items[0].abilities).toEqual([]);
    expect((await (await loginAs(env.app, 'cdcs.b')).get(`/api/v1/organisations/${w.orgs.cdcsA.id}/timeline`)).statusCode).toBe(404);
  });
});

describe('person timeline', () => {
  it('lists active records newest first, with labels; history on request', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    await c.post(`/api/v1/members/${w.persons.an}/records`, { kind: 'RATING', year: 2024, rating: 'HTXSNV' });
    await c.post(`/api/v1/members/${w.persons.an}/records`, { kind: 'DISCIPLINE', level: 'KHIEN_TRACH', validFrom: '2019-03-01', validTo: '2020-03-01' });
    const res = await c.get(`/api/v1/members/${w.persons.an}/timeline`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { kind: string; date: string; label: string; status: string }[];
    expect(items.map((i) => i.date)).toEqual([...items.map((i) => i.date)].sort().reverse());
    expect(items[0]).toMatchObject({ kind: 'RATING', date: '2024-12-31', label: 'Xếp loại năm 2024: Hoàn thành xuất sắc nhiệm vụ' });
    expect(items.find((i) => i.kind === 'AWARD')!.label).toBe('Lao động tiên tiến');
    expect(items.at(-1)).toMatchObject({ kind: 'DISCIPLINE', label: 'Kỷ luật: Khiển trách' });
    expect(items.every((i) => i.status === 'ACTIVE')).toBe(true);
    const history = (await c.get(`/api/v1/members/${w.persons.an}/timeline?includeHistory=true`)).json().items as { status: string; revokedReason: string | null }[];
    expect(history.length).toBe(items.length + 1);
    expect(history.find((i) => i.status === 'REVOKED')!.revokedReason).toBe('Quyết định bị hủy');
  });

  it('sums union work years in SQL (years before + offices, overlaps once) beside the timeline', async () => {
    const db = env.database.db;
    await db.execute(sql`update person set union_work_years_before = 2.5, education_level = 'UNIVERSITY_OR_ABOVE', service_start_date = '2012-08-15' where id = ${w.persons.an}`);
    await db.execute(sql`insert into officer (person_id, org_id, title, valid_from, valid_to) values
      (${w.persons.an}, ${w.orgs.cdcsA.id}, 'UY_VIEN_BCH', '2015-01-01', '2020-01-01'),
      (${w.persons.an}, ${w.orgs.cdcsA.id}, 'PHO_CHU_TICH', '2018-01-01', '2020-01-01')`);
    const summary = (await (await loginAs(env.app, 'huyen.tdkt')).get(`/api/v1/members/${w.persons.an}/timeline`)).json().summary;
    expect(summary).toMatchObject({ serviceStartDate: '2012-08-15', educationLevel: 'UNIVERSITY_OR_ABOVE', unionWorkYearsBefore: 2.5, unionWorkYears: 7.5 });
  });

  it('a member reads their own timeline only; another unit’s officer gets 404', async () => {
    const me = await loginAs(env.app, 'doanvien');
    const own = await me.get(`/api/v1/members/${w.persons.an}/timeline`);
    expect(own.statusCode).toBe(200);
    expect(own.json().items.every((i: { abilities: string[] }) => i.abilities.length === 0)).toBe(true);
    expect((await me.get(`/api/v1/members/${w.persons.anh}/timeline`)).statusCode).toBe(404);
    const recordId = own.json().items[0].id;
    expect((await me.get(`/api/v1/records/${own.json().items[0].kind}/${recordId}`)).statusCode).toBe(200);
    expect((await (await loginAs(env.app, 'cdcs.b')).get(`/api/v1/members/${w.persons.an}/timeline`)).statusCode).toBe(404);
    expect((await (await loginAs(env.app, 'cdcs.b')).get(`/api/v1/records/${own.json().items[0].kind}/${recordId}`)).statusCode).toBe(404);
  });
});

describe('person fields read by eligibility', () => {
  it('are returned, created and updated with the member (audited)', async () => {
    const c = await loginAs(env.app, 'cdcs.b');
    const res = await c.patch(`/api/v1/members/${w.persons.tran}`, { serviceStartDate: '2010-09-01', educationLevel: 'COLLEGE_OR_BELOW', unionWorkCategory: 'UNION_CADRE', unionWorkYearsBefore: 3.5 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ serviceStartDate: '2010-09-01', educationLevel: 'COLLEGE_OR_BELOW', unionWorkCategory: 'UNION_CADRE', unionWorkYearsBefore: 3.5 });
    const [event] = await auditEvents(env.database.db, 'member.update', w.persons.tran);
    expect(event!.after).toMatchObject({ serviceStartDate: '2010-09-01', unionWorkYearsBefore: 3.5 });
    expect((await c.patch(`/api/v1/members/${w.persons.tran}`, { educationLevel: 'PHD' })).statusCode).toBe(400);
    const created = await c.post('/api/v1/members', { fullName: 'Lý Thị Mai', gender: 'FEMALE', orgId: w.orgs.cdcsB.id, unionWorkCategory: 'UNION_PUBLIC_SERVANT', serviceStartDate: '2020-01-02' });
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({ unionWorkCategory: 'UNION_PUBLIC_SERVANT', serviceStartDate: '2020-01-02', educationLevel: null, unionWorkYearsBefore: null });
  });
});
