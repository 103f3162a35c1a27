import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestEnv } from '../support/app';
import { loginAs, smallWorld, type Client } from '../factories';
import { multipart, readSheet } from '../support/xlsx';
import { auditEvents, countRows } from '../support/achievements';
import { SHEETS, sheetName, type ImportableKind } from '../../src/server/modules/achievements/import-sheets';
import { verifyAuditChain } from '../../src/server/lib/audit';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(env.database.db);
});
afterAll(() => env.close());

type Rows = Partial<Record<ImportableKind, Record<string, string | number | null>[]>>;

/** A records workbook with the template's headers; cells given by column key. */
async function recordsWorkbook(sheets: Rows): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [kind, rows] of Object.entries(sheets) as [ImportableKind, Record<string, string | number | null>[]][]) {
    const ws = wb.addWorksheet(sheetName(kind));
    ws.addRow(SHEETS[kind].map((c) => c.header));
    for (const r of rows) ws.addRow(SHEETS[kind].map((c) => r[c.key] ?? null));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(c: Client, orgId: number, file: Buffer) {
  const m = multipart('khen-thuong.xlsx', file);
  return c.request({ method: 'POST', url: `/api/v1/imports/achievements?orgId=${orgId}`, payload: m.payload, headers: m.headers });
}

async function settle(c: Client, id: number) {
  for (let i = 0; i < 200; i++) {
    const job = (await c.get(`/api/v1/imports/${id}`)).json();
    if (!['UPLOADED', 'VALIDATING', 'COMMITTING'].includes(job.status)) return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

const counts = async () => ({
  awards: await countRows(env.database.db, 'award_record'),
  ratings: await countRows(env.database.db, 'performance_rating'),
  initiatives: await countRows(env.database.db, 'initiative'),
  disciplines: await countRows(env.database.db, 'discipline'),
});

describe('records import', () => {
  it('serves a template with a sheet per kind, each with its header row and one example row', async () => {
    const c = await loginAs(env.app, 'cdcs.a');
    const res = await c.get('/api/v1/imports/achievements/template.xlsx');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(expect.arrayContaining(['Khen thưởng', 'Xếp loại', 'Sáng kiến', 'Kỷ luật']));
    const award = await readSheet(res.rawPayload, 1);
    expect(award[0]).toEqual(expect.arrayContaining(['Mã đoàn viên', 'Số CCCD', 'Mã đơn vị', 'Mã khen thưởng*', 'Năm*']));
    expect(award).toHaveLength(2);
  });

  it('reports every bad row with its sheet, row and column in Vietnamese, and commits nothing', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const before = await counts();
    const file = await recordsWorkbook({
      AWARD: [
        { memberCode: 'DV0000001', awardCode: 'LDTT', year: 2023 },
        { memberCode: 'DV0000001', awardCode: 'TTLDTT', year: 2023 },
      ],
      RATING: [
        { cccd: '072190000002', year: 2023, rating: 'Hoàn thành tốt nhiệm vụ' },
        { memberCode: 'KHONG-CO', year: 2023, rating: 'HTNV' },
        { cccd: '072190000002', year: 2023, rating: 'HTNV' },
      ],
      DISCIPLINE: [{ memberCode: 'DV0000003', level: 'Cảnh cáo', validFrom: '31/02/2023' }],
    });
    const started = await upload(c, w.orgs.huyen.id, file);
    expect(started.statusCode).toBe(200);
    const job = await settle(c, started.json().id);
    expect(job).toMatchObject({ kind: 'achievements', status: 'INVALID' });
    const errs = job.errors.map((e: { sheet: string; row: number; column: string }) => [e.sheet, e.row, e.column]);
    expect(errs).toEqual(expect.arrayContaining([
      ['Khen thưởng', 3, 'Mã khen thưởng*'],
      ['Xếp loại', 3, 'Mã đoàn viên'],
      ['Xếp loại', 4, 'Năm*'],
      ['Kỷ luật', 2, 'Từ ngày*'],
    ]));
    expect(job.errors.find((e: { sheet: string; row: number }) => e.sheet === 'Khen thưởng' && e.row === 3).message).toMatch(/dành cho tập thể/);
    expect(job.errors.find((e: { sheet: string; row: number }) => e.sheet === 'Xếp loại' && e.row === 4).message).toMatch(/trùng xếp loại năm 2023 với dòng 2/i);
    expect(await counts()).toEqual(before);
    expect((await c.post(`/api/v1/imports/${job.id}/commit`)).statusCode).toBe(409);
  });

  it('refuses members outside the import’s unit (another CĐCS) row by row', async () => {
    const c = await loginAs(env.app, 'cdcs.a');
    const job = await settle(c, (await upload(c, w.orgs.cdcsA.id, await recordsWorkbook({ AWARD: [{ memberCode: 'DV0000003', awardCode: 'LDTT', year: 2023 }] }))).json().id);
    expect(job.status).toBe('INVALID');
    expect(job.errors[0]).toMatchObject({ sheet: 'Khen thưởng', row: 2, column: 'Mã đoàn viên' });
    expect(job.errors[0].message).toMatch(/Không tìm thấy đoàn viên "DV0000003"/);
    // Another unit's officer may not even start an import there.
    expect((await upload(await loginAs(env.app, 'cdcs.b'), w.orgs.cdcsA.id, await recordsWorkbook({ AWARD: [] }))).statusCode).toBe(404);
    expect((await upload(await loginAs(env.app, 'xem'), w.orgs.huyen.id, await recordsWorkbook({ AWARD: [] }))).statusCode).toBe(403);
  });

  it('previews, then commits every row in one transaction with source IMPORT and one audit event', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const before = await counts();
    const file = await recordsWorkbook({
      AWARD: [
        { memberCode: 'DV0000001', awardCode: 'CSTD_CS', year: 2023, decisionNumber: '15/QĐ-LĐLĐ', decisionDate: '20/12/2023' },
        { orgCode: 'DMC-B', awardCode: 'TTLDTT', year: 2023 },
      ],
      RATING: [
        { cccd: '072190000002', year: 2023, rating: 'Hoàn thành xuất sắc nhiệm vụ' },
        { memberCode: 'DV0000004', year: 2023, rating: 'HTTNV' },
      ],
      INITIATIVE: [{ memberCode: 'DV0000002', title: 'Sổ điểm điện tử', recognisedBy: 'Hội đồng sáng kiến trường', recognisedOn: '10/05/2023', scope: 'Cấp cơ sở', applied: 'Có' }],
      DISCIPLINE: [{ memberCode: 'DV0000003', level: 'Khiển trách', validFrom: '01/03/2022', validTo: '01/03/2023' }],
    });
    const job = await settle(c, (await upload(c, w.orgs.huyen.id, file)).json().id);
    expect(job).toMatchObject({ status: 'READY', toCreate: 6, byKind: { AWARD: 2, RATING: 2, INITIATIVE: 1, DISCIPLINE: 1 } });
    expect(await counts()).toEqual(before);
    const committed = await c.post(`/api/v1/imports/${job.id}/commit`);
    expect(committed.statusCode).toBe(200);
    const done = await settle(c, job.id);
    expect(done.status).toBe('COMMITTED');
    expect(await counts()).toEqual({ awards: before.awards + 2, ratings: before.ratings + 2, initiatives: before.initiatives + 1, disciplines: before.disciplines + 1 });
    const imported = await env.database.db.execute<{ source: string; scope_path: string }>(sql`select source, scope_path from award_record where person_id = ${w.persons.an} and award_code = 'CSTD_CS'`);
    expect(imported.rows[0]).toEqual({ source: 'IMPORT', scope_path: w.orgs.cdcsA.path });
    const events = await auditEvents(env.database.db, 'achievement.import.commit', job.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.after).toMatchObject({ created: 6, byKind: { AWARD: 2, RATING: 2 } });
    expect((await verifyAuditChain(env.database.db)).ok).toBe(true);
    // The same ratings again: refused at validation, against what is now recorded.
    const again = await settle(c, (await upload(c, w.orgs.huyen.id, await recordsWorkbook({ RATING: [{ cccd: '072190000002', year: 2023, rating: 'HTNV' }] }))).json().id);
    expect(again.status).toBe('INVALID');
    expect(again.errors[0].message).toMatch(/đã có kết quả xếp loại/);
  });

  it('refuses a workbook without any sheet of the template', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['a', 'b']);
    const job = await settle(c, (await upload(c, w.orgs.huyen.id, Buffer.from(await wb.xlsx.writeBuffer()))).json().id);
    expect(job.status).toBe('INVALID');
    expect(job.errors[0].message).toMatch(/không có trang tính nào đúng tên mẫu/);
  });
});
