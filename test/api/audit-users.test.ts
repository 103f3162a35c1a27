import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestEnv } from '../support/app';
import { createUser, loginAs, smallWorld } from '../factories';
import { verifyAuditChain } from '../../src/server/lib/audit';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(env.database.db);
  await createUser(env.database.db, 'admin.huyen', [{ role: 'SYSTEM_ADMIN', org: w.orgs.huyen }]);
});
afterAll(() => env.close());

describe('users and roles', () => {
  it('an administrator creates a user, assigns a role on a unit, and the user then sees that subtree', async () => {
    const admin = await loginAs(env.app, 'admin');
    const created = await admin.post('/api/v1/users', { username: 'Chu.Tich.B', displayName: 'Trần Thị Cúc', password: 'mat-khau-rat-dai-2024' });
    expect(created.statusCode).toBe(200);
    const u = created.json();
    expect(u.username).toBe('chu.tich.b');
    const assigned = await admin.post(`/api/v1/users/${u.id}/roles`, { role: 'CDCS_OFFICER', orgId: w.orgs.cdcsB.id });
    expect(assigned.json().roles).toEqual([expect.objectContaining({ role: 'CDCS_OFFICER', orgId: w.orgs.cdcsB.id })]);
    const c = await loginAs(env.app, 'chu.tich.b').catch(() => null);
    expect(c).toBeNull(); // factories' default password differs: log in with the one just set
    const res = await env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'chu.tich.b', password: 'mat-khau-rat-dai-2024' } });
    expect(res.json().scopeRoots).toEqual([{ id: w.orgs.cdcsB.id, name: 'Công đoàn cơ sở Công ty TNHH Sợi Thế Kỷ' }]);
  });

  it('refuses a short password with a Vietnamese field message', async () => {
    const admin = await loginAs(env.app, 'admin');
    const res = await admin.post('/api/v1/users', { username: 'ngan', displayName: 'Mật khẩu ngắn', password: '123' });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fields.password).toBe('Quá ngắn: cần ít nhất 10 ký tự.');
  });

  it('a non-administrator cannot list or create users (negative)', async () => {
    const officer = await loginAs(env.app, 'huyen.tdkt');
    expect((await officer.get('/api/v1/users')).statusCode).toBe(403);
    expect((await officer.post('/api/v1/users', { username: 'x.y.z', displayName: 'Không được', password: 'mat-khau-rat-dai' })).statusCode).toBe(403);
  });

  it('a district administrator cannot grant roles outside the district (negative), can inside (positive)', async () => {
    const a = await loginAs(env.app, 'admin.huyen');
    const target = w.users.viewer;
    expect((await a.post(`/api/v1/users/${target}/roles`, { role: 'TDKT_OFFICER', orgId: w.orgs.tinh.id })).statusCode).toBe(404);
    const ok = await a.post(`/api/v1/users/${target}/roles`, { role: 'TDKT_OFFICER', orgId: w.orgs.cdcsA.id });
    expect(ok.statusCode).toBe(200);
  });

  it('revokes a role with a reason; the assignment is kept, the access is gone', async () => {
    const admin = await loginAs(env.app, 'admin');
    const list = (await admin.get('/api/v1/users?q=cdcs.b')).json();
    const user = list.items[0];
    const res = await admin.post(`/api/v1/users/${user.id}/roles/${user.roles[0].id}/revoke`, { reason: 'Hết nhiệm kỳ Ban Chấp hành' });
    expect(res.statusCode).toBe(200);
    expect(res.json().roles).toEqual([]);
    const kept = await env.database.db.execute<{ revoked_reason: string }>(sql`select revoked_reason from role_assignment where id = ${user.roles[0].id}`);
    expect(kept.rows[0]!.revoked_reason).toBe('Hết nhiệm kỳ Ban Chấp hành');
    const b = await loginAs(env.app, 'cdcs.b');
    expect((await b.get(`/api/v1/organisations/${w.orgs.cdcsB.id}`)).statusCode).toBe(404);
  });

  it('disabling a user ends their sessions', async () => {
    const v = await loginAs(env.app, 'xem');
    const admin = await loginAs(env.app, 'admin');
    expect((await admin.patch(`/api/v1/users/${w.users.viewer}`, { disabled: true })).statusCode).toBe(200);
    expect((await v.get('/api/v1/auth/me')).statusCode).toBe(401);
  });
});

describe('audit log', () => {
  it('administrators browse it filtered by unit and user; others are refused', async () => {
    const officer = await loginAs(env.app, 'huyen.tdkt');
    await officer.post(`/api/v1/organisations/${w.orgs.cdcsA.id}/rename`, { name: 'Công đoàn cơ sở Trường THCS Phước Minh A', effectiveOn: '2025-01-01' });
    const admin = await loginAs(env.app, 'admin');
    const byUnit = (await admin.get(`/api/v1/audit?orgId=${w.orgs.cdcsA.id}`)).json();
    expect(byUnit.items[0]).toMatchObject({ action: 'organisation.renamed', orgId: w.orgs.cdcsA.id, actorId: w.users.huyenOfficer, before: { name: 'Công đoàn cơ sở Trường THCS Phước Minh' } });
    const byUser = (await admin.get(`/api/v1/audit?userId=${w.users.huyenOfficer}`)).json();
    expect(byUser.items.every((e: { actorId: number }) => e.actorId === w.users.huyenOfficer)).toBe(true);
    const future = (await admin.get('/api/v1/audit?from=2999-01-01')).json();
    expect(future.total).toBe(0);
    expect((await officer.get('/api/v1/audit')).statusCode).toBe(403);
    // A district administrator does not see events of other districts' units.
    const districtAdmin = await loginAs(env.app, 'admin.huyen');
    expect((await districtAdmin.get(`/api/v1/audit?orgId=${w.orgs.tinh.id}`)).statusCode).toBe(404);
  });

  it('the hash chain verifies, and detects an edited, a removed and a truncated event', async () => {
    const db = env.database.db;
    const ok = await verifyAuditChain(db);
    expect(ok.ok).toBe(true);
    expect(ok.checked).toBeGreaterThan(10);
    // The database itself refuses edits.
    await expect(db.execute(sql`update audit_event set action = 'x' where id = (select min(id) from audit_event)`)).rejects.toThrow();

    // A superuser can bypass the trigger: verification must still notice.
    await db.execute(sql`alter table audit_event disable trigger audit_event_append_only`);
    try {
      const ids = (await db.execute<{ id: number }>(sql`select id from audit_event order by id`)).rows.map((r) => Number(r.id));
      await db.execute(sql`update audit_event set after = '{"name":"đã sửa"}'::jsonb where id = ${ids[3]}`);
      let r = await verifyAuditChain(db);
      expect(r.problems).toEqual([expect.objectContaining({ id: ids[3], problem: 'HASH_MISMATCH' })]);

      await db.execute(sql`delete from audit_event where id = ${ids[5]}`);
      r = await verifyAuditChain(db);
      expect(r.problems.map((p) => p.problem)).toEqual(expect.arrayContaining(['BROKEN_LINK', 'COUNT_MISMATCH']));
      expect(r.problems.find((p) => p.problem === 'BROKEN_LINK')!.id).toBe(ids[6]);

      await db.execute(sql`delete from audit_event where id = ${ids[ids.length - 1]}`);
      r = await verifyAuditChain(db);
      expect(r.problems.map((p) => p.problem)).toContain('HEAD_MISMATCH');
    } finally {
      await db.execute(sql`alter table audit_event enable trigger audit_event_append_only`);
    }
  });
});
