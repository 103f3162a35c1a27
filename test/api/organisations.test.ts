import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestEnv } from '../support/app';
import { loginAs, smallWorld, createOrg, createPerson } from '../factories';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(env.database.db);
});
afterAll(() => env.close());

const today = '2025-07-01';

describe('browsing the tree', () => {
  it('shows a unit with breadcrumbs, sub-units, member counts and officers', async () => {
    await env.database.db.execute(sql`insert into officer (person_id, org_id, title, valid_from) values (${w.persons.an}, ${w.orgs.cdcsA.id}, 'CHU_TICH', '2023-01-01')`);
    const c = await loginAs(env.app, 'huyen.tdkt');
    const huyen = (await c.get(`/api/v1/organisations/${w.orgs.huyen.id}`)).json();
    expect(huyen.ancestors.map((a: { name: string }) => a.name)).toEqual(['Tổng Liên đoàn Lao động Việt Nam', 'Liên đoàn Lao động tỉnh Tây Ninh']);
    expect(huyen.memberCount).toBe(4);
    expect(huyen.childCount).toBe(2);
    const children = (await c.get(`/api/v1/organisations/${w.orgs.huyen.id}/children`)).json().items;
    // Vietnamese collation: "Công đoàn cơ sở Công ty…" before "Công đoàn cơ sở Trường…"
    expect(children.map((o: { code: string }) => o.code)).toEqual(['DMC-B', 'DMC-A']);
    const a = (await c.get(`/api/v1/organisations/${w.orgs.cdcsA.id}`)).json();
    expect(a.officers).toEqual([expect.objectContaining({ fullName: 'Nguyễn Văn An', title: 'CHU_TICH' })]);
    expect(a.abilities).toEqual(expect.arrayContaining(['org.update', 'org.move', 'org.createChild', 'member.import']));
  });

  it('answers 404, not 403, for a unit outside the scope (CĐCS officer looking at another CĐCS)', async () => {
    const c = await loginAs(env.app, 'cdcs.a');
    const other = await c.get(`/api/v1/organisations/${w.orgs.cdcsB.id}`);
    expect(other.statusCode).toBe(404);
    const missing = await c.get('/api/v1/organisations/987654');
    expect(other.json()).toEqual(missing.json());
    expect((await c.get(`/api/v1/organisations/${w.orgs.huyen.id}/children`)).statusCode).toBe(404);
  });

  it('lets a CĐCS officer see their own unit and its sub-units, without restructuring rights on the CĐCS itself', async () => {
    const c = await loginAs(env.app, 'cdcs.a');
    const own = await c.get(`/api/v1/organisations/${w.orgs.cdcsA.id}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().abilities).not.toContain('org.end');
    expect(own.json().abilities).toContain('org.createChild');
    const to = (await c.get(`/api/v1/organisations/${w.orgs.toA.id}`)).json();
    expect(to.abilities).toEqual(expect.arrayContaining(['org.update', 'org.end']));
  });

  it('searches organisations in scope ignoring diacritics', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const res = (await c.get('/api/v1/organisations?q=truong%20thcs')).json();
    expect(res.items.map((o: { code: string }) => o.code)).toEqual(['DMC-A']);
    const viewer = await loginAs(env.app, 'cdcs.b');
    expect((await viewer.get('/api/v1/organisations?q=phuoc%20minh')).json().total).toBe(0);
  });
});

describe('changing the tree (effective-dated, audited, permission-checked)', () => {
  it('creates a sub-unit; a CĐCS officer cannot create one in another CĐCS', async () => {
    const own = await loginAs(env.app, 'cdcs.a');
    const created = await own.post('/api/v1/organisations', { code: 'dmc-a-t2', name: 'Tổ công đoàn Tổ Ngữ văn', kind: 'TO_CD', parentId: w.orgs.cdcsA.id, effectiveOn: today });
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({ code: 'DMC-A-T2', parentId: w.orgs.cdcsA.id, status: 'ACTIVE' });
    expect(created.json().history[0]).toMatchObject({ kind: 'CREATED', effectiveOn: today });
    const foreign = await own.post('/api/v1/organisations', { code: 'DMC-B-T9', name: 'Tổ công đoàn Ca đêm', kind: 'TO_CD', parentId: w.orgs.cdcsB.id, effectiveOn: today });
    expect(foreign.statusCode).toBe(404);
    const none = await env.database.db.execute(sql`select 1 from organisation where code = 'DMC-B-T9'`);
    expect(none.rows).toHaveLength(0);
  });

  it('refuses a kind that does not fit under the parent, with a Vietnamese explanation', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const res = await c.post('/api/v1/organisations', { code: 'BAD-1', name: 'Liên đoàn Lao động sai cấp', kind: 'LDLD_TINH', parentId: w.orgs.cdcsA.id, effectiveOn: today });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/cấp của đơn vị con phải thấp hơn/);
  });

  it('renames with an effective date and keeps the old name in the history', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const res = await c.post(`/api/v1/organisations/${w.orgs.cdcsB.id}/rename`, { name: 'Công đoàn cơ sở Công ty TNHH Sợi Thế Kỷ Việt Nam', effectiveOn: '2024-03-01', reason: 'Doanh nghiệp đổi tên theo giấy phép mới' });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.name).toBe('Công đoàn cơ sở Công ty TNHH Sợi Thế Kỷ Việt Nam');
    expect(d.history[0]).toMatchObject({ kind: 'RENAMED', effectiveOn: '2024-03-01', before: { name: 'Công đoàn cơ sở Công ty TNHH Sợi Thế Kỷ' } });
    const audit = await env.database.db.execute<{ action: string; org_path: string }>(sql`select action, org_path from audit_event where entity_type = 'organisation' and entity_id = ${String(w.orgs.cdcsB.id)}`);
    expect(audit.rows.map((r) => r.action)).toContain('organisation.renamed');
    expect(audit.rows[0]!.org_path).toBe(w.orgs.cdcsB.path);
  });

  it('a viewer cannot rename (403 because the unit is visible), and nothing changes', async () => {
    const c = await loginAs(env.app, 'xem');
    const res = await c.post(`/api/v1/organisations/${w.orgs.cdcsA.id}/rename`, { name: 'Tên mới không được phép', effectiveOn: today });
    expect(res.statusCode).toBe(403);
    const r = await env.database.db.execute<{ name: string }>(sql`select name from organisation where id = ${w.orgs.cdcsA.id}`);
    expect(r.rows[0]!.name).toBe('Công đoàn cơ sở Trường THCS Phước Minh');
  });

  it('moves a CĐCS with its sub-units and members to the province (as after July 2025); paths follow', async () => {
    const db = env.database.db;
    const c = await loginAs(env.app, 'admin');
    const cdcs = await createOrg(db, { code: 'DMC-C', name: 'Công đoàn cơ sở Công ty Cổ phần Mía đường', kind: 'CDCS', parent: w.orgs.huyen });
    const bp = await createOrg(db, { code: 'DMC-C-BP1', name: 'Công đoàn bộ phận Nhà máy', kind: 'CD_BO_PHAN', parent: cdcs });
    const p = await createPerson(db, bp, { fullName: 'Lê Thị Mai', gender: 'FEMALE' });
    const res = await c.post(`/api/v1/organisations/${cdcs.id}/move`, { newParentId: w.orgs.tinh.id, effectiveOn: today, reason: 'Giải thể công đoàn cấp trên trực tiếp cơ sở' });
    expect(res.statusCode).toBe(200);
    expect(res.json().ancestors.map((a: { id: number }) => a.id)).toEqual([w.orgs.tld.id, w.orgs.tinh.id]);
    const rows = await db.execute<{ path: string; depth: number; org_path: string }>(sql`
      select o.path, o.depth, p.org_path from organisation o, person p where o.id = ${bp.id} and p.id = ${p}`);
    expect(rows.rows[0]).toEqual({ path: `${w.orgs.tinh.path}${cdcs.id}/${bp.id}/`, depth: 3, org_path: `${w.orgs.tinh.path}${cdcs.id}/${bp.id}/` });
    // The district officer no longer sees it.
    const huyen = await loginAs(env.app, 'huyen.tdkt');
    expect((await huyen.get(`/api/v1/organisations/${cdcs.id}`)).statusCode).toBe(404);
  });

  it('refuses to move a unit into its own subtree', async () => {
    const c = await loginAs(env.app, 'admin');
    const res = await c.post(`/api/v1/organisations/${w.orgs.cdcsA.id}/move`, { newParentId: w.orgs.toA.id, effectiveOn: today, reason: 'Thử chuyển sai' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/không thể chuyển một đơn vị vào chính nó/i);
  });

  it('merges a unit: members and sub-units follow, the merged unit keeps its history and still shows', async () => {
    const db = env.database.db;
    const c = await loginAs(env.app, 'huyen.tdkt');
    const x = await createOrg(db, { code: 'DMC-X', name: 'Công đoàn cơ sở Trường Tiểu học Suối Đá A', kind: 'CDCS', parent: w.orgs.huyen });
    const y = await createOrg(db, { code: 'DMC-Y', name: 'Công đoàn cơ sở Trường Tiểu học Suối Đá', kind: 'CDCS', parent: w.orgs.huyen });
    const xt = await createOrg(db, { code: 'DMC-X-T1', name: 'Tổ công đoàn Khối 1', kind: 'TO_CD', parent: x });
    const p1 = await createPerson(db, x, { fullName: 'Võ Thị Hạnh', gender: 'FEMALE' });
    const res = await c.post(`/api/v1/organisations/${x.id}/merge`, { intoId: y.id, effectiveOn: '2025-08-15', reason: 'Sáp nhập hai trường theo quyết định của UBND huyện' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'MERGED', validTo: '2025-08-15', mergedInto: { id: y.id } });
    const member = (await c.get(`/api/v1/members/${p1}`)).json();
    expect(member.orgId).toBe(y.id);
    expect(member.memberships).toEqual([
      expect.objectContaining({ orgId: y.id, validFrom: '2025-08-15', validTo: null }),
      expect.objectContaining({ orgId: x.id, validTo: '2025-08-15', endReason: 'UNIT_MERGED', orgStatus: 'MERGED' }),
    ]);
    const t = (await c.get(`/api/v1/organisations/${xt.id}`)).json();
    expect(t.parentId).toBe(y.id);
    const withInactive = (await c.get(`/api/v1/organisations/${w.orgs.huyen.id}/children?includeInactive=true`)).json().items;
    expect(withInactive.find((o: { id: number }) => o.id === x.id)).toMatchObject({ status: 'MERGED' });
    const active = (await c.get(`/api/v1/organisations/${w.orgs.huyen.id}/children`)).json().items;
    expect(active.find((o: { id: number }) => o.id === x.id)).toBeUndefined();
  });

  it('ends a unit on a date: refused while it has active sub-units, then members’ periods close and the person is kept', async () => {
    const db = env.database.db;
    const c = await loginAs(env.app, 'huyen.tdkt');
    const u = await createOrg(db, { code: 'DMC-E', name: 'Công đoàn cơ sở Phòng Tài chính', kind: 'CDCS', parent: w.orgs.huyen, sector: 'HCSN' });
    const sub = await createOrg(db, { code: 'DMC-E-T1', name: 'Tổ công đoàn Kế toán', kind: 'TO_CD', parent: u });
    const p = await createPerson(db, u, { fullName: 'Phạm Văn Khoa' });
    const refused = await c.post(`/api/v1/organisations/${u.id}/end`, { effectiveOn: '2025-07-01', reason: 'Đơn vị 100% ngân sách chấm dứt hoạt động' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toMatch(/còn 1 đơn vị trực thuộc/);
    expect((await c.post(`/api/v1/organisations/${sub.id}/end`, { effectiveOn: '2025-07-01', reason: 'Tổ giải thể cùng đơn vị' })).statusCode).toBe(200);
    const ended = await c.post(`/api/v1/organisations/${u.id}/end`, { effectiveOn: '2025-07-01', reason: 'Đơn vị 100% ngân sách chấm dứt hoạt động' });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ status: 'ENDED', validTo: '2025-07-01', abilities: ['member.list'] });
    const m = (await c.get(`/api/v1/members/${p}`)).json();
    expect(m.status).toBe('LEFT');
    expect(m.memberships[0]).toMatchObject({ orgId: u.id, validTo: '2025-07-01', endReason: 'UNIT_ENDED' });
    // Ended units cannot be changed any more.
    expect((await c.post(`/api/v1/organisations/${u.id}/rename`, { name: 'Tên khác', effectiveOn: '2025-08-01' })).statusCode).toBe(403);
  });

  it('requires a reason to end or merge, and changes nothing without one', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const res = await c.post(`/api/v1/organisations/${w.orgs.cdcsB.id}/end`, { effectiveOn: today, reason: '' });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fields.reason).toBeDefined();
    const r = await env.database.db.execute<{ status: string }>(sql`select status from organisation where id = ${w.orgs.cdcsB.id}`);
    expect(r.rows[0]!.status).toBe('ACTIVE');
  });
});
