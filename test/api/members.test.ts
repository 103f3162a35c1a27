import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestEnv } from '../support/app';
import { loginAs, smallWorld, createPerson } from '../factories';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(env.database.db);
});
afterAll(() => env.close());

const names = (res: { json(): { items: { fullName: string }[] } }) => res.json().items.map((m) => m.fullName);

describe('member list', () => {
  it('finds "Nguyễn Văn An" by "nguyen van an" (diacritics and case ignored)', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    expect(names(await c.get('/api/v1/members?q=nguyen%20van%20an'))).toEqual(['Nguyễn Văn An']);
    expect(names(await c.get('/api/v1/members?q=NGUYEN'))).toEqual(['Nguyễn Thị Ánh', 'Nguyễn Văn An']);
    expect(names(await c.get(`/api/v1/members?q=${encodeURIComponent('đặng')}`))).toEqual(['Đặng Văn Bình']);
    expect(names(await c.get('/api/v1/members?q=072190000004'))).toEqual(['Trần Thị Cúc']);
  });

  it('sorts names in Vietnamese order (Đ after D, before E)', async () => {
    const db = env.database.db;
    await createPerson(db, w.orgs.cdcsB, { fullName: 'Dương Văn Dũng' });
    await createPerson(db, w.orgs.cdcsB, { fullName: 'Êban Thị H’Linh', gender: 'FEMALE' });
    const c = await loginAs(env.app, 'huyen.tdkt');
    const list = names(await c.get(`/api/v1/members?orgId=${w.orgs.cdcsB.id}`));
    expect(list).toEqual(['Dương Văn Dũng', 'Đặng Văn Bình', 'Êban Thị H’Linh', 'Trần Thị Cúc']);
    expect(names(await c.get(`/api/v1/members?orgId=${w.orgs.cdcsB.id}&sort=-name`))).toEqual([...list].reverse());
  });

  it('filters by subtree, gender, leader and direct worker, and paginates on the server', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    expect(names(await c.get(`/api/v1/members?orgId=${w.orgs.cdcsA.id}&gender=FEMALE`))).toEqual(['Nguyễn Thị Ánh']);
    expect(names(await c.get('/api/v1/members?isLeader=true'))).toEqual(['Trần Thị Cúc']);
    expect(names(await c.get('/api/v1/members?isDirectWorker=true'))).toEqual(['Đặng Văn Bình']);
    const p1 = (await c.get('/api/v1/members?pageSize=2&page=1')).json();
    const p2 = (await c.get('/api/v1/members?pageSize=2&page=2')).json();
    expect(p1.total).toBe(6);
    expect(p1.items).toHaveLength(2);
    expect(new Set([...p1.items, ...p2.items].map((m: { id: number }) => m.id)).size).toBe(4);
    expect((await c.get('/api/v1/members?pageSize=500')).statusCode).toBe(400);
  });

  it('limits a CĐCS officer to their own CĐCS (negative) while they see their own members (positive control)', async () => {
    const a = await loginAs(env.app, 'cdcs.a');
    expect(names(await a.get('/api/v1/members'))).toEqual(['Nguyễn Thị Ánh', 'Nguyễn Văn An']);
    expect((await a.get(`/api/v1/members?orgId=${w.orgs.cdcsB.id}`)).statusCode).toBe(404);
    expect((await a.get(`/api/v1/members/${w.persons.dang}`)).statusCode).toBe(404);
    expect((await a.get(`/api/v1/members/${w.persons.an}`)).statusCode).toBe(200);
  });

  it('a member sees their own record only, with their personal data', async () => {
    const m = await loginAs(env.app, 'doanvien');
    const own = await m.get(`/api/v1/members/${w.persons.an}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().cccd).toBe('072090000001');
    expect((await m.get(`/api/v1/members/${w.persons.anh}`)).statusCode).toBe(404);
    expect((await m.get('/api/v1/members')).json().total).toBe(0);
  });

  it('hides CCCD and phone from a viewer', async () => {
    const v = await loginAs(env.app, 'xem');
    const d = (await v.get(`/api/v1/members/${w.persons.an}`)).json();
    expect(d.fullName).toBe('Nguyễn Văn An');
    expect(d.cccd).toBeNull();
    expect(d.abilities).toEqual([]);
  });
});

describe('changing members', () => {
  it('creates a member with NFC-normalised name, a generated member code and an audit event', async () => {
    const c = await loginAs(env.app, 'cdcs.a');
    const decomposed = 'Lê Thị Thu Hà'.normalize('NFD');
    const res = await c.post('/api/v1/members', { fullName: decomposed, gender: 'FEMALE', birthDate: '1992-02-29', cccd: '072192000123', orgId: w.orgs.toA.id });
    expect(res.statusCode).toBe(200);
    const m = res.json();
    expect(m.fullName).toBe('Lê Thị Thu Hà'.normalize('NFC'));
    expect(m.memberCode).toMatch(/^VD\d{8}$/);
    expect(m.memberships).toHaveLength(1);
    const audit = await env.database.db.execute(sql`select 1 from audit_event where action = 'member.create' and entity_id = ${String(m.id)}`);
    expect(audit.rows).toHaveLength(1);
  });

  it('refuses a duplicate CCCD with a Vietnamese message and writes nothing', async () => {
    const c = await loginAs(env.app, 'cdcs.a');
    const before = await env.database.db.execute<{ n: number }>(sql`select count(*)::int as n from person`);
    const res = await c.post('/api/v1/members', { fullName: 'Trùng Số CCCD', gender: 'MALE', cccd: '072090000001', orgId: w.orgs.cdcsA.id });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('Số CCCD 072090000001 đã thuộc về một đoàn viên khác.');
    const after = await env.database.db.execute<{ n: number }>(sql`select count(*)::int as n from person`);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it('refuses a CCCD that is not 12 digits', async () => {
    const c = await loginAs(env.app, 'cdcs.a');
    const res = await c.post('/api/v1/members', { fullName: 'Sai Số CCCD', gender: 'MALE', cccd: '07209', orgId: w.orgs.cdcsA.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fields.cccd).toBe('Số CCCD phải gồm đúng 12 chữ số.');
  });

  it('a CĐCS officer cannot edit a member of another CĐCS (negative) but can edit their own (positive)', async () => {
    const b = await loginAs(env.app, 'cdcs.b');
    expect((await b.patch(`/api/v1/members/${w.persons.an}`, { position: 'Giáo viên' })).statusCode).toBe(404);
    const a = await loginAs(env.app, 'cdcs.a');
    const ok = await a.patch(`/api/v1/members/${w.persons.an}`, { position: 'Giáo viên' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().position).toBe('Giáo viên');
    const v = await loginAs(env.app, 'xem');
    expect((await v.patch(`/api/v1/members/${w.persons.an}`, { position: 'Hiệu trưởng' })).statusCode).toBe(403);
  });

  it('transfers a member: the old period closes, a new one opens, history is kept', async () => {
    const db = env.database.db;
    const p = await createPerson(db, w.orgs.cdcsA, { fullName: 'Huỳnh Văn Tài' });
    const a = await loginAs(env.app, 'cdcs.a');
    // A CĐCS officer cannot move someone into a unit they don't manage.
    expect((await a.post(`/api/v1/members/${p}/transfer`, { toOrgId: w.orgs.cdcsB.id, effectiveOn: '2025-01-01' })).statusCode).toBe(404);
    const h = await loginAs(env.app, 'huyen.tdkt');
    const res = await h.post(`/api/v1/members/${p}/transfer`, { toOrgId: w.orgs.cdcsB.id, effectiveOn: '2025-01-01', note: 'Chuyển công tác' });
    expect(res.statusCode).toBe(200);
    const m = res.json();
    expect(m.orgId).toBe(w.orgs.cdcsB.id);
    expect(m.memberships.map((x: { orgId: number; validTo: string | null; endReason: string | null }) => [x.orgId, x.validTo, x.endReason])).toEqual([
      [w.orgs.cdcsB.id, null, null],
      [w.orgs.cdcsA.id, '2025-01-01', 'TRANSFER'],
    ]);
    // Now out of cdcs.a's scope.
    expect((await a.get(`/api/v1/members/${p}`)).statusCode).toBe(404);
  });

  it('leaving the union ends the membership and never deletes the person', async () => {
    const db = env.database.db;
    const p = await createPerson(db, w.orgs.cdcsB, { fullName: 'Bùi Thị Lan', gender: 'FEMALE' });
    const b = await loginAs(env.app, 'cdcs.b');
    const res = await b.post(`/api/v1/members/${p}/leave`, { effectiveOn: '2025-06-30', reason: 'Nghỉ việc tại doanh nghiệp' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'LEFT', abilities: ['member.update'] });
    expect(names(await b.get('/api/v1/members?q=bui%20thi%20lan'))).toEqual([]);
    expect(names(await b.get('/api/v1/members?q=bui%20thi%20lan&status=LEFT'))).toEqual(['Bùi Thị Lan']);
    const again = await b.post(`/api/v1/members/${p}/leave`, { effectiveOn: '2025-07-30', reason: 'Thử lần hai' });
    expect(again.statusCode).toBe(409);
  });
});

describe('search over many members', () => {
  it('caps the count of a broad search and keeps the Vietnamese order on both query paths', async () => {
    const db = env.database.db;
    await db.execute(sql`
      insert into person (member_code, full_name, gender, status, org_id, org_path)
      select 'HV' || lpad(g::text, 6, '0'),
             (array['Hoàng Văn ', 'Hoàng Thị ', 'Hoàng Đức ', 'Hoàng Anh '])[1 + g % 4] || (array['Ánh', 'An', 'Đông', 'Dũng', 'Bảo'])[1 + g % 5] || ' ' || g,
             'MALE', 'ACTIVE', ${w.orgs.cdcsB.id}, ${w.orgs.cdcsB.path}
      from generate_series(1, 10050) g`);
    const c = await loginAs(env.app, 'huyen.tdkt');
    const broad = (await c.get('/api/v1/members?q=hoang&pageSize=50')).json();
    // More than 1,000 matches: ordered by unit, then by name (all of these are in CĐCS B).
    expect(broad).toMatchObject({ total: 1000, totalCapped: true, orderedByUnit: true });
    const expected = await db.execute<{ full_name: string }>(sql`
      select full_name from person where name_folded like '%hoang%' and status = 'ACTIVE' and org_path like ${w.orgs.huyen.path + '%'}
      order by org_path, full_name collate "vi-x-icu", id limit 50`);
    expect(broad.items.map((m: { fullName: string }) => m.fullName)).toEqual(expected.rows.map((r) => r.full_name));
    // A narrow search (under the small-set threshold) takes the other path and agrees with SQL too.
    const narrow = (await c.get('/api/v1/members?q=hoang%20duc%20dung&pageSize=200')).json();
    const expectedNarrow = await db.execute<{ full_name: string }>(sql`
      select full_name from person where name_folded like '%hoang duc dung%' order by full_name collate "vi-x-icu", id limit 200`);
    expect(narrow).toMatchObject({ totalCapped: false, orderedByUnit: false });
    expect(narrow.total).toBe(Number((await db.execute<{ n: number }>(sql`select count(*)::int as n from person where name_folded like '%hoang duc dung%'`)).rows[0]!.n));
    expect(narrow.items.map((m: { fullName: string }) => m.fullName)).toEqual(expectedNarrow.rows.map((r) => r.full_name));
    expect(narrow.total).toBeGreaterThan(100);
    // Unit order really groups by unit: add a broad match in another unit and page through.
    await createPerson(db, w.orgs.cdcsA, { fullName: 'Hoàng Văn Ánh' });
    const first = (await c.get('/api/v1/members?q=hoang&pageSize=200')).json();
    const orgIds = first.items.map((m: { orgId: number }) => m.orgId);
    const switches = orgIds.filter((id: number, i: number) => i > 0 && id !== orgIds[i - 1]).length;
    expect(switches).toBeLessThanOrEqual(1);
    // An unfiltered list is capped too but keeps the name order.
    const all = (await c.get('/api/v1/members?pageSize=5')).json();
    expect(all).toMatchObject({ totalCapped: true, orderedByUnit: false, total: 10000 });
  });
});
