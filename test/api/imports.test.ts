import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestEnv } from '../support/app';
import { loginAs, smallWorld, type Client } from '../factories';
import { memberWorkbook, multipart, readSheet, type MemberCells } from '../support/xlsx';
import { verifyAuditChain } from '../../src/server/lib/audit';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(env.database.db);
});
afterAll(() => env.close());

const row = (o: MemberCells = {}): MemberCells => ({
  fullName: 'Phan Thị Hồng', gender: 'Nữ', birthDate: '12/04/1988', cccd: '072188000101', unitCode: 'DMC-A', position: 'Giáo viên',
  isLeader: 'Không', isDirectWorker: 'Không', joinedUnionOn: '01/09/2010', ...o,
});

async function upload(c: Client, orgId: number, file: Buffer, name = 'doan-vien.xlsx') {
  const m = multipart(name, file);
  return c.request({ method: 'POST', url: `/api/v1/imports/members?orgId=${orgId}`, payload: m.payload, headers: m.headers });
}

async function settle(c: Client, id: number) {
  for (let i = 0; i < 200; i++) {
    const job = (await c.get(`/api/v1/imports/${id}`)).json();
    if (!['UPLOADED', 'VALIDATING', 'COMMITTING'].includes(job.status)) return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

const personCount = async () => Number((await env.database.db.execute<{ n: number }>(sql`select count(*)::int as n from person`)).rows[0]!.n);

describe('member import', () => {
  it('serves a template with Vietnamese headers and a sample row', async () => {
    const c = await loginAs(env.app, 'cdcs.a');
    const res = await c.get('/api/v1/imports/members/template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const rows = await readSheet(res.rawPayload);
    expect(rows[0]).toEqual(expect.arrayContaining(['Họ và tên*', 'Số CCCD', 'Mã đơn vị*', 'Giới tính* (Nam/Nữ)']));
    expect(rows.length).toBeGreaterThanOrEqual(2);
  });

  it('reports each bad row with its number, column and a Vietnamese message, and writes nothing', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const before = await personCount();
    const file = await memberWorkbook([
      row(),
      row({ fullName: 'Lê Văn Tám', gender: 'Nam', cccd: '07218800', unitCode: 'DMC-B' }),
      row({ fullName: 'Võ Thị Sáu', cccd: '072188000102', unitCode: 'KHONG-CO', birthDate: '31/02/1990' }),
      row({ fullName: 'Trùng Số', cccd: '072188000101' }),
    ]);
    const started = await upload(c, w.orgs.huyen.id, file);
    expect(started.statusCode).toBe(200);
    const job = await settle(c, started.json().id);
    expect(job.status).toBe('INVALID');
    const errs = job.errors.map((e: { row: number; column: string; message: string }) => [e.row, e.column]);
    expect(errs).toEqual(expect.arrayContaining([[3, 'Số CCCD'], [4, 'Mã đơn vị*'], [4, 'Ngày sinh (dd/mm/yyyy)'], [5, 'Số CCCD']]));
    const cccdError = job.errors.find((e: { row: number }) => e.row === 3);
    expect(cccdError.message).toMatch(/12 chữ số/);
    expect(job.errors.find((e: { row: number }) => e.row === 5).message).toMatch(/trùng với dòng 2/);
    expect(await personCount()).toBe(before);
    // Committing an invalid job is refused.
    expect((await c.post(`/api/v1/imports/${job.id}/commit`)).statusCode).toBe(409);
  });

  it('previews, then commits all-or-nothing: creates new people and updates existing ones by CCCD (no duplicates)', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const before = await personCount();
    const file = await memberWorkbook([
      row(),
      row({ fullName: 'Lê Văn Tám', gender: 'Nam', cccd: '072088000103', unitCode: 'DMC-B', isDirectWorker: 'Có' }),
      // Existing "Nguyễn Văn An" (CCCD 072090000001) gets a new position; empty cells keep old data.
      row({ fullName: 'Nguyễn Văn An', gender: 'Nam', cccd: '072090000001', birthDate: null, position: 'Tổ trưởng chuyên môn', unitCode: 'DMC-A', joinedUnionOn: null }),
    ]);
    const job = await settle(c, (await upload(c, w.orgs.huyen.id, file)).json().id);
    expect(job).toMatchObject({ status: 'READY', totalRows: 3, toCreate: 2, toUpdate: 1, errorCount: 0 });
    expect(await personCount()).toBe(before);
    const committing = await c.post(`/api/v1/imports/${job.id}/commit`);
    expect(committing.statusCode).toBe(200);
    const done = await settle(c, job.id);
    expect(done).toMatchObject({ status: 'COMMITTED', toCreate: 2, toUpdate: 1 });
    expect(await personCount()).toBe(before + 2);
    const an = (await c.get(`/api/v1/members/${w.persons.an}`)).json();
    expect(an).toMatchObject({ position: 'Tổ trưởng chuyên môn', birthDate: '1990-05-17' });
    const tam = (await c.get('/api/v1/members?q=le%20van%20tam')).json().items[0];
    expect(tam).toMatchObject({ orgId: w.orgs.cdcsB.id, isDirectWorker: true });
    const events = await env.database.db.execute<{ action: string }>(sql`select action from audit_event where action like 'member.import.%'`);
    expect(events.rows.map((e) => e.action).sort()).toEqual(['member.import.create', 'member.import.create', 'member.import.update']);
    expect((await verifyAuditChain(env.database.db)).ok).toBe(true);
    // A second commit of the same job is refused.
    expect((await c.post(`/api/v1/imports/${job.id}/commit`)).statusCode).toBe(409);
  });

  it('moves a matched person to the unit named in the file, keeping the membership history', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const file = await memberWorkbook([row({ fullName: 'Nguyễn Thị Ánh', cccd: '072190000002', unitCode: 'DMC-B' })]);
    const job = await settle(c, (await upload(c, w.orgs.huyen.id, file)).json().id);
    expect(job.toUpdate).toBe(1);
    await c.post(`/api/v1/imports/${job.id}/commit`);
    expect((await settle(c, job.id)).status).toBe('COMMITTED');
    const anh = (await c.get(`/api/v1/members/${w.persons.anh}`)).json();
    expect(anh.orgId).toBe(w.orgs.cdcsB.id);
    expect(anh.memberships.map((m: { orgId: number; endReason: string | null }) => [m.orgId, m.endReason])).toEqual([[w.orgs.cdcsB.id, null], [w.orgs.cdcsA.id, 'TRANSFER']]);
  });

  it('refuses a unit code outside the importer’s unit and a person matched outside their scope', async () => {
    const a = await loginAs(env.app, 'cdcs.a');
    const before = await personCount();
    const job = await settle(a, (await upload(a, w.orgs.cdcsA.id, await memberWorkbook([row({ cccd: '072188000109', unitCode: 'DMC-B' })]))).json().id);
    expect(job.status).toBe('INVALID');
    expect(job.errors[0].message).toMatch(/không tồn tại hoặc ngoài phạm vi/);
    // Đặng Văn Bình belongs to CĐCS B: cdcs.a may not take him over by CCCD.
    const job2 = await settle(a, (await upload(a, w.orgs.cdcsA.id, await memberWorkbook([row({ fullName: 'Đặng Văn Bình', gender: 'Nam', cccd: '072090000003' })]))).json().id);
    expect(job2.status).toBe('INVALID');
    expect(job2.errors[0].message).toMatch(/ngoài phạm vi quản lý/);
    expect(await personCount()).toBe(before);
  });

  it('permission: a CĐCS officer cannot import into another CĐCS (404), a viewer cannot import (403)', async () => {
    const file = await memberWorkbook([row()]);
    const a = await loginAs(env.app, 'cdcs.a');
    expect((await upload(a, w.orgs.cdcsB.id, file)).statusCode).toBe(404);
    const v = await loginAs(env.app, 'xem');
    expect((await upload(v, w.orgs.huyen.id, file)).statusCode).toBe(403);
  });

  it('rejects a file that is not an .xlsx by its content, whatever its name', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const res = await upload(c, w.orgs.huyen.id, Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n'), 'danh-sach.xlsx');
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('UNSUPPORTED_FILE');
    expect(res.json().message).toMatch(/xlsx|Excel/);
    const csv = await upload(c, w.orgs.huyen.id, Buffer.from('Họ và tên,Số CCCD\nA,1\n'), 'danh-sach.xlsx');
    expect(csv.statusCode).toBe(415);
  });

  it('rejects a file over the size limit with a clear message', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const big = Buffer.alloc(31 * 1024 * 1024, 0);
    big.write('PK\u0003\u0004', 0, 'latin1');
    const res = await upload(c, w.orgs.huyen.id, big);
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toBe('Tệp quá lớn. Dung lượng tối đa là 30 MB.');
  });
});

describe('member export', () => {
  it('exports exactly the filtered list, in a layout that re-imports', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const res = await c.get(`/api/v1/members/export.xlsx?orgId=${w.orgs.cdcsB.id}&gender=MALE`);
    expect(res.statusCode).toBe(200);
    const rows = await readSheet(res.rawPayload);
    const header = rows[0]!;
    const nameCol = header.indexOf('Họ và tên*');
    const names = rows.slice(1).map((r) => r[nameCol]);
    const listed = (await c.get(`/api/v1/members?orgId=${w.orgs.cdcsB.id}&gender=MALE&pageSize=200`)).json().items.map((m: { fullName: string }) => m.fullName);
    expect(names).toEqual(listed);
    expect(names.length).toBeGreaterThan(0);
    // Re-import the exported file: everyone matches, nobody is duplicated.
    const before = await personCount();
    const job = await settle(c, (await upload(c, w.orgs.huyen.id, res.rawPayload, 'xuat.xlsx')).json().id);
    expect(job).toMatchObject({ status: 'READY', toCreate: 0, toUpdate: names.length });
    expect(await personCount()).toBe(before);
  });

  it('leaves personal data out of a viewer’s export', async () => {
    const v = await loginAs(env.app, 'xem');
    const rows = await readSheet((await v.get('/api/v1/members/export.xlsx')).rawPayload);
    const cccdCol = rows[0]!.indexOf('Số CCCD');
    expect(rows.slice(1).every((r) => !r[cccdCol])).toBe(true);
    expect(rows.length).toBeGreaterThan(1);
  });
});

describe('interrupted imports', () => {
  it('are marked FAILED at start-up with a Vietnamese explanation, and nothing was saved', async () => {
    const { failInterruptedImports } = await import('../../src/server/modules/imports/member-import.service');
    const db = env.database.db;
    const r = await db.execute<{ id: number }>(sql`insert into import_job (kind, status, file_name, stored_path, org_id, user_id)
      values ('members', 'COMMITTING', 'x.xlsx', '/nonexistent', ${w.orgs.huyen.id}, ${w.users.huyenOfficer}) returning id`);
    expect(await failInterruptedImports(env.ctx)).toBe(1);
    const c = await loginAs(env.app, 'huyen.tdkt');
    const job = (await c.get(`/api/v1/imports/${r.rows[0]!.id}`)).json();
    expect(job.status).toBe('FAILED');
    expect(job.errors[0].message).toMatch(/gián đoạn/);
  });
});
