import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestEnv } from '../support/app';
import { loginAs, smallWorld } from '../factories';
import { auditEvents, countRows } from '../support/achievements';
import { baseSalaryOn, DEFAULT_BASE_SALARIES, rewardAmount } from '../../src/domain/catalogue/base-salary';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestApp();
  await smallWorld(env.database.db);
});
afterAll(() => env.close());

const today = () => new Date().toISOString().slice(0, 10);

describe('award catalogue', () => {
  it('lists the catalogue to any signed-in user, with filters, folded search, pagination and today’s reward', async () => {
    const c = await loginAs(env.app, 'doanvien');
    const all = (await c.get('/api/v1/awards?pageSize=200')).json();
    expect(all.total).toBeGreaterThan(10);
    const ldtt = all.items.find((a: { code: string }) => a.code === 'LDTT');
    expect(ldtt.nameVi).toBe('Lao động tiên tiến');
    expect(ldtt.rewardVnd).toBe(rewardAmount(0.3, baseSalaryOn(today(), DEFAULT_BASE_SALARIES)!.amountVnd, 'NONE'));
    expect(ldtt.abilities).toEqual([]);

    const found = (await c.get(`/api/v1/awards?q=${encodeURIComponent('lao dong tien tien')}`)).json();
    expect(found.items.map((a: { code: string }) => a.code)).toEqual(expect.arrayContaining(['LDTT', 'TTLDTT']));

    const collectiveTitles = (await c.get('/api/v1/awards?subject=COLLECTIVE&category=TITLE&pageSize=200')).json();
    expect(collectiveTitles.items.length).toBeGreaterThan(0);
    expect(collectiveTitles.items.every((a: { subject: string; category: string }) => a.subject === 'COLLECTIVE' && a.category === 'TITLE')).toBe(true);

    const page2 = (await c.get('/api/v1/awards?pageSize=5&page=2')).json();
    expect(page2.items).toHaveLength(5);
    expect(page2.total).toBe(all.total);

    const one = await c.get('/api/v1/awards/CSTD_CS');
    expect(one.statusCode).toBe(200);
    expect(one.json().subject).toBe('INDIVIDUAL');
    expect((await c.get('/api/v1/awards/KHONG_CO')).statusCode).toBe(404);
  });

  it('refuses a bad filter with a Vietnamese message', async () => {
    const c = await loginAs(env.app, 'xem');
    const res = await c.get('/api/v1/awards?category=NOPE');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/chưa hợp lệ/);
    expect(res.json().details.fields.category).toBe('Giá trị không hợp lệ.');
  });

  it('lets only a system administrator add an entry (audited); others get 403 and nothing changes', async () => {
    const body = {
      code: 'BK_LDLD_THU', nameVi: 'Bằng khen thử nghiệm', nameEn: 'Test certificate', category: 'FORM', subject: 'INDIVIDUAL',
      kind: 'MERIT', level: 'PROVINCE', grantingOrgKinds: ['LDLD_TINH'], coefficient: 1,
    };
    const before = await countRows(env.database.db, 'award_type');
    for (const u of ['huyen.tdkt', 'cdcs.a', 'xem', 'doanvien']) {
      const res = await (await loginAs(env.app, u)).post('/api/v1/awards', body);
      expect(res.statusCode, u).toBe(403);
      expect(res.json().message).toMatch(/quản trị hệ thống/);
    }
    expect(await countRows(env.database.db, 'award_type')).toBe(before);

    const admin = await loginAs(env.app, 'admin');
    const created = await admin.post('/api/v1/awards', body);
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({ code: 'BK_LDLD_THU', active: true, version: 1, abilities: ['award.update'] });
    expect(await auditEvents(env.database.db, 'award.create', 'BK_LDLD_THU')).toHaveLength(1);

    const dup = await admin.post('/api/v1/awards', body);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().message).toMatch(/đã tồn tại/);
    const badKind = await admin.post('/api/v1/awards', { ...body, code: 'BK_X', grantingOrgKinds: ['KHONG_CO'] });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().message).toMatch(/Loại tổ chức không tồn tại/);
    expect(await countRows(env.database.db, 'award_type')).toBe(before + 1);
  });

  it('updates with optimistic locking, audits before/after, deactivates instead of deleting', async () => {
    const admin = await loginAs(env.app, 'admin');
    const current = (await admin.get('/api/v1/awards/BK_LDLD_THU')).json();
    const officer = await loginAs(env.app, 'huyen.tdkt');
    expect((await officer.patch('/api/v1/awards/BK_LDLD_THU', { version: current.version, active: false })).statusCode).toBe(403);

    const res = await admin.patch('/api/v1/awards/BK_LDLD_THU', { version: current.version, nameVi: 'Bằng khen thử nghiệm (sửa)', coefficient: 1.5, active: false });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ nameVi: 'Bằng khen thử nghiệm (sửa)', coefficient: 1.5, active: false, version: current.version + 1 });
    const [event] = await auditEvents(env.database.db, 'award.update', 'BK_LDLD_THU');
    expect(event!.before).toMatchObject({ nameVi: 'Bằng khen thử nghiệm', active: true });
    expect(event!.after).toMatchObject({ nameVi: 'Bằng khen thử nghiệm (sửa)', active: false });

    const stale = await admin.patch('/api/v1/awards/BK_LDLD_THU', { version: current.version, active: true });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toMatch(/vừa được người khác sửa/);
    const inactive = (await admin.get('/api/v1/awards?active=false')).json();
    expect(inactive.items.map((a: { code: string }) => a.code)).toContain('BK_LDLD_THU');
    // No delete route: the entry stays.
    expect((await admin.request({ method: 'DELETE', url: '/api/v1/awards/BK_LDLD_THU' })).statusCode).toBe(404);
    expect(await countRows(env.database.db, 'award_type', sql`code = 'BK_LDLD_THU'`)).toBe(1);
  });
});

describe('base salary', () => {
  it('lists the steps with the one in force today', async () => {
    const c = await loginAs(env.app, 'xem');
    const res = (await c.get('/api/v1/base-salaries')).json();
    expect(res.items.length).toBe(DEFAULT_BASE_SALARIES.length);
    const current = res.items.filter((s: { current: boolean }) => s.current);
    expect(current).toHaveLength(1);
    expect(current[0].effectiveFrom).toBe(baseSalaryOn(today())!.effectiveFrom);
  });

  it('adds a step (admin only, audited) and refuses a second active step on the same date', async () => {
    const officer = await loginAs(env.app, 'huyen.tdkt');
    const step = { effectiveFrom: '2030-01-01', amountVnd: 3_000_000, source: 'Nghị định thử nghiệm' };
    expect((await officer.post('/api/v1/base-salaries', step)).statusCode).toBe(403);
    const admin = await loginAs(env.app, 'admin');
    const res = await admin.post('/api/v1/base-salaries', step);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.find((s: { effectiveFrom: string }) => s.effectiveFrom === '2030-01-01')).toMatchObject({ amountVnd: 3_000_000, status: 'ACTIVE' });
    expect(await auditEvents(env.database.db, 'baseSalary.create')).toHaveLength(1);
    const dup = await admin.post('/api/v1/base-salaries', step);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().message).toMatch(/01\/01\/2030/);
    const bad = await admin.post('/api/v1/base-salaries', { ...step, effectiveFrom: '2030-02-30', amountVnd: -5 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/chưa hợp lệ/);
  });

  it('corrects a step by superseding it: the old row is kept, linked, and the change audited', async () => {
    const admin = await loginAs(env.app, 'admin');
    const rows = (await admin.get('/api/v1/base-salaries')).json().items;
    const wrong = rows.find((s: { effectiveFrom: string }) => s.effectiveFrom === '2030-01-01');
    const before = await countRows(env.database.db, 'base_salary');
    expect((await (await loginAs(env.app, 'xem')).post(`/api/v1/base-salaries/${wrong.id}/supersede`, { effectiveFrom: '2030-01-01', amountVnd: 3_100_000, source: 'Nghị định thử nghiệm', reason: 'Nhập sai số tiền' })).statusCode).toBe(403);
    const noReason = await admin.post(`/api/v1/base-salaries/${wrong.id}/supersede`, { effectiveFrom: '2030-01-01', amountVnd: 3_100_000, source: 'Nghị định thử nghiệm' });
    expect(noReason.statusCode).toBe(400);
    const res = await admin.post(`/api/v1/base-salaries/${wrong.id}/supersede`, { effectiveFrom: '2030-01-01', amountVnd: 3_100_000, source: 'Nghị định thử nghiệm', reason: 'Nhập sai số tiền' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    const old = items.find((s: { id: number }) => s.id === wrong.id);
    const corrected = items.find((s: { effectiveFrom: string; status: string }) => s.effectiveFrom === '2030-01-01' && s.status === 'ACTIVE');
    expect(old).toMatchObject({ status: 'SUPERSEDED', supersededBy: corrected.id, amountVnd: 3_000_000 });
    expect(corrected).toMatchObject({ amountVnd: 3_100_000, reason: 'Nhập sai số tiền' });
    expect(await countRows(env.database.db, 'base_salary')).toBe(before + 1);
    expect(await auditEvents(env.database.db, 'baseSalary.supersede', wrong.id)).toHaveLength(1);
    // A superseded step cannot be corrected again.
    expect((await admin.post(`/api/v1/base-salaries/${wrong.id}/supersede`, { effectiveFrom: '2030-01-01', amountVnd: 3_200_000, source: 'X nghị định', reason: 'Thử lần nữa' })).statusCode).toBe(409);
  });
});
