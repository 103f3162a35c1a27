// Plans: drafting, editing, issuing with numbers per organisation, year and type, permissions.
import JSZip from 'jszip';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestEnv } from '../support/app';
import { loginAs, smallWorld } from '../factories';
import type { PlanDto } from '../../src/contracts/plans';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(env.database.db);
});
afterAll(() => env.close());

const count = async (table: string) => Number((await env.database.db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.raw(table)}`)).rows[0]!.n);

function plan(orgId: number, title = 'Kế hoạch thực hiện phong trào thi đua năm 2024') {
  return {
    orgId,
    year: 2024,
    title,
    theme: 'Điều hành linh hoạt, chủ động kịp thời, kỷ cương trách nhiệm, tăng tốc sáng tạo, hiệu quả bền vững',
    place: 'Huyện DMC',
    intro: 'Ban Thường vụ Liên đoàn Lao động huyện xây dựng kế hoạch với các nội dung cụ thể như sau:',
    basis: [{ text: 'Thực hiện Kế hoạch số 47/KH-LĐLĐ, ngày 28/02/2024 của Ban Thường vụ Liên đoàn Lao động tỉnh;' }],
    blocks: [
      { kind: 'HEADING_1', text: 'I. MỤC ĐÍCH, YÊU CẦU' },
      { kind: 'HEADING_2', text: '1. Mục đích' },
      { kind: 'BULLET', text: 'Phát động và triển khai các phong trào thi đua yêu nước.' },
      { kind: 'HEADING_1', text: 'II. CHỦ ĐỀ THI ĐUA' },
      { kind: 'QUOTE', text: '“Điều hành linh hoạt, chủ động kịp thời”' },
    ],
    signer: { onBehalf: 'TM. BAN THƯỜNG VỤ', position: 'PHÓ CHỦ TỊCH', name: 'Nguyễn Văn Bình' },
    recipients: [{ orgId: w.orgs.tinh.id, text: 'TT LĐLĐ tỉnh' }, { text: 'Lưu: VP' }],
  };
}

describe('drafts', () => {
  it('an officer of the federation drafts a plan: unnumbered, audited, editable', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const res = await c.post('/api/v1/plans', plan(w.orgs.huyen.id));
    expect(res.statusCode).toBe(200);
    const p = res.json<PlanDto>();
    expect(p).toMatchObject({ status: 'DRAFT', number: null, symbol: 'KH-LĐLĐ', numberLine: 'Số:      /KH-LĐLĐ', abilities: ['plan.update', 'plan.issue'] });
    expect(p.blocks.map((b) => b.kind)).toEqual(['HEADING_1', 'HEADING_2', 'BULLET', 'HEADING_1', 'QUOTE']);
    const audit = await env.database.db.execute<{ action: string }>(sql`select action from audit_event where entity_type = 'plan' and entity_id = ${String(p.id)}`);
    expect(audit.rows.map((r) => r.action)).toEqual(['plan.create']);
    const edited = await c.patch(`/api/v1/plans/${p.id}`, { ...plan(w.orgs.huyen.id, 'Kế hoạch triển khai công tác thi đua, khen thưởng năm 2024'), version: p.version });
    expect(edited.statusCode).toBe(200);
    expect(edited.json<PlanDto>()).toMatchObject({ title: 'Kế hoạch triển khai công tác thi đua, khen thưởng năm 2024', version: p.version + 1 });
    const stale = await c.patch(`/api/v1/plans/${p.id}`, { ...plan(w.orgs.huyen.id), version: p.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ message: string }>().message).toMatch(/vừa được người khác sửa/);
  });

  it('refuses bad input with a Vietnamese message and saves nothing', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const before = await count('plan');
    const empty = await c.post('/api/v1/plans', { ...plan(w.orgs.huyen.id), blocks: [] });
    expect(empty.statusCode).toBe(400);
    const unknownBasis = await c.post('/api/v1/plans', { ...plan(w.orgs.huyen.id), basis: [{ planId: 999999, text: 'Kế hoạch không có' }] });
    expect(unknownBasis.statusCode).toBe(400);
    expect(unknownBasis.json<{ message: string }>().message).toMatch(/Không có kế hoạch/);
    const unknownRecipient = await c.post('/api/v1/plans', { ...plan(w.orgs.huyen.id), recipients: [{ orgId: 999999, text: 'Đơn vị lạ' }] });
    expect(unknownRecipient.statusCode).toBe(400);
    expect(await count('plan')).toBe(before);
  });

  it('only those who manage the organisation draft for it; out of scope answers 404', async () => {
    const before = await count('plan');
    for (const user of ['cdcs.a', 'xem', 'doanvien']) {
      const c = await loginAs(env.app, user);
      expect((await c.post('/api/v1/plans', plan(w.orgs.huyen.id))).statusCode).toBe(404);
    }
    expect(await count('plan')).toBe(before);
    const cdcs = await loginAs(env.app, 'cdcs.a');
    const own = await cdcs.post('/api/v1/plans', plan(w.orgs.cdcsA.id, 'Kế hoạch thi đua năm 2024 của Công đoàn cơ sở'));
    expect(own.statusCode).toBe(200);
    expect(own.json<PlanDto>().symbol).toBe('KH-CĐCS');
    const other = await loginAs(env.app, 'cdcs.b');
    expect((await other.get(`/api/v1/plans/${own.json<PlanDto>().id}`)).statusCode).toBe(404);
    const viewer = await loginAs(env.app, 'xem');
    expect((await viewer.get(`/api/v1/plans/${own.json<PlanDto>().id}`)).statusCode).toBe(200);
    expect((await viewer.get(`/api/v1/plans/${own.json<PlanDto>().id}`)).json<PlanDto>().abilities).toEqual([]);
  });
});

describe('issuing', () => {
  it('numbers plans per organisation, year and type from 01, records them in the outgoing register, and locks them', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const a = (await c.post('/api/v1/plans', plan(w.orgs.huyen.id, 'Kế hoạch số một của năm 2024'))).json<PlanDto>();
    const b = (await c.post('/api/v1/plans', plan(w.orgs.huyen.id, 'Kế hoạch số hai của năm 2024'))).json<PlanDto>();
    // Issued at the same time: two distinct numbers, no gap.
    const [ra, rb] = await Promise.all([
      c.post(`/api/v1/plans/${a.id}/issue`, { version: a.version, issuedOn: '2024-03-05' }),
      c.post(`/api/v1/plans/${b.id}/issue`, { version: b.version, issuedOn: '2024-03-06' }),
    ]);
    expect([ra.statusCode, rb.statusCode]).toEqual([200, 200]);
    const numbers = [ra.json<PlanDto>().number, rb.json<PlanDto>().number].sort();
    expect(numbers).toEqual([1, 2]);
    const issued = ra.json<PlanDto>();
    expect(issued).toMatchObject({ status: 'ISSUED', issuedOn: '2024-03-05', abilities: [] });
    expect(issued.numberLine).toMatch(/^Số: 0[12]\/KH-LĐLĐ$/);
    const register = await env.database.db.execute<{ number: number; symbol: string; year: number }>(sql`
      select number, symbol, year from outgoing_document where org_id = ${w.orgs.huyen.id} order by number`);
    expect(register.rows.map((r) => [Number(r.number), r.symbol, Number(r.year)])).toEqual([[1, 'KH-LĐLĐ', 2024], [2, 'KH-LĐLĐ', 2024]]);
    // A new year starts again from 01; another organisation has its own sequence.
    const next = (await c.post('/api/v1/plans', { ...plan(w.orgs.huyen.id, 'Kế hoạch đầu năm 2025'), year: 2025 })).json<PlanDto>();
    expect((await c.post(`/api/v1/plans/${next.id}/issue`, { version: next.version, issuedOn: '2025-01-10' })).json<PlanDto>().number).toBe(1);
    // Locked once issued.
    expect((await c.patch(`/api/v1/plans/${a.id}`, { ...plan(w.orgs.huyen.id), version: issued.version })).statusCode).toBe(409);
    expect((await c.post(`/api/v1/plans/${a.id}/issue`, { version: issued.version, issuedOn: '2024-03-07' })).statusCode).toBe(409);
    const audit = await env.database.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_event where action = 'plan.issue'`);
    expect(Number(audit.rows[0]!.n)).toBe(3);
  });

  it('takes a number from the paper register when given, refuses one already used, and continues after it', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const draftOf = async (title: string) => (await c.post('/api/v1/plans', { ...plan(w.orgs.huyen.id, title), year: 2023 })).json<PlanDto>();
    const a = await draftOf('Kế hoạch năm 2023 đã lấy số trong sổ giấy');
    const given = await c.post(`/api/v1/plans/${a.id}/issue`, { version: a.version, issuedOn: '2023-03-01', number: 7 });
    expect(given.statusCode, given.body).toBe(200);
    expect(given.json<PlanDto>().numberLine).toBe('Số: 07/KH-LĐLĐ');
    // The next assigned number comes after it.
    const b = await draftOf('Kế hoạch tiếp theo của năm 2023');
    expect((await c.post(`/api/v1/plans/${b.id}/issue`, { version: b.version, issuedOn: '2023-03-02' })).json<PlanDto>().number).toBe(8);
    // A number already used is refused, naming the document; nothing changes.
    const d = await draftOf('Kế hoạch trùng số của năm 2023');
    const [docs, counter] = [await count('outgoing_document'), await env.database.db.execute<{ n: number }>(sql`select last_number as n from document_counter where org_id = ${w.orgs.huyen.id} and year = 2023`)];
    const dup = await c.post(`/api/v1/plans/${d.id}/issue`, { version: d.version, issuedOn: '2023-03-03', number: 7 });
    expect(dup.statusCode).toBe(400);
    expect(dup.json<{ message: string }>().message).toBe('Số 07/KH-LĐLĐ năm 2023 đã dùng cho văn bản “Kế hoạch năm 2023 đã lấy số trong sổ giấy” ngày 01/03/2023. Để trống ô số để hệ thống cấp số tiếp theo, hoặc nhập số khác còn trống trong sổ văn bản đi.');
    expect(await count('outgoing_document')).toBe(docs);
    expect((await c.get(`/api/v1/plans/${d.id}`)).json<PlanDto>()).toMatchObject({ status: 'DRAFT', number: null });
    const after = await env.database.db.execute<{ n: number }>(sql`select last_number as n from document_counter where org_id = ${w.orgs.huyen.id} and year = 2023`);
    expect(Number(after.rows[0]!.n)).toBe(Number(counter.rows[0]!.n));
    // A free lower number (a gap in the paper register) is accepted and does not move the counter back.
    expect((await c.post(`/api/v1/plans/${d.id}/issue`, { version: d.version, issuedOn: '2023-03-03', number: 3 })).json<PlanDto>().number).toBe(3);
    const e = await draftOf('Kế hoạch cuối năm 2023');
    expect((await c.post(`/api/v1/plans/${e.id}/issue`, { version: e.version, issuedOn: '2023-12-01' })).json<PlanDto>().number).toBe(9);
  });

  it('refuses an issue date in the future and a viewer, changing nothing', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const p = (await c.post('/api/v1/plans', plan(w.orgs.huyen.id, 'Kế hoạch chưa ban hành được'))).json<PlanDto>();
    const before = await count('outgoing_document');
    const future = await c.post(`/api/v1/plans/${p.id}/issue`, { version: p.version, issuedOn: '2999-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json<{ message: string }>().message).toMatch(/Ngày ban hành/);
    const viewer = await loginAs(env.app, 'xem');
    expect((await viewer.post(`/api/v1/plans/${p.id}/issue`, { version: p.version, issuedOn: '2024-03-05' })).statusCode).toBe(404);
    expect(await count('outgoing_document')).toBe(before);
    expect((await c.get(`/api/v1/plans/${p.id}`)).json<PlanDto>().status).toBe('DRAFT');
  });

  it('lists the plans in scope, filtered and paged', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const all = (await c.get('/api/v1/plans?pageSize=100')).json<{ items: PlanDto[]; total: number }>();
    expect(all.total).toBe(all.items.length);
    expect(all.items.some((p) => p.orgId === w.orgs.cdcsA.id)).toBe(true);
    const issued2024 = (await c.get(`/api/v1/plans?orgId=${w.orgs.huyen.id}&year=2024&status=ISSUED`)).json<{ items: PlanDto[] }>();
    expect(issued2024.items.map((p) => p.number).sort()).toEqual([1, 2]);
    const page = (await c.get('/api/v1/plans?pageSize=2&page=1')).json<{ items: PlanDto[]; total: number }>();
    expect(page.items).toHaveLength(2);
    const cdcs = await loginAs(env.app, 'cdcs.a');
    const own = (await cdcs.get('/api/v1/plans')).json<{ items: PlanDto[] }>();
    expect(own.items.every((p) => p.orgId === w.orgs.cdcsA.id)).toBe(true);
  });

  it('exports a plan as a Word document: number line, dated place line, sections and signer; a draft is marked', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const p = (await c.post('/api/v1/plans', plan(w.orgs.huyen.id, 'Kế hoạch xuất ra tệp Word'))).json<PlanDto>();
    const xmlOf = async (res: { rawPayload: Buffer }) => {
      const zip = await JSZip.loadAsync(res.rawPayload);
      const doc = await zip.file('word/document.xml')!.async('string');
      const headers = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/header\d*\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
      const text = (x: string) => [...x.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
      return { body: text(doc), headers: headers.map(text).join(' ') };
    };
    const draft = await c.get(`/api/v1/plans/${p.id}/document.docx`);
    expect(draft.statusCode).toBe(200);
    expect(draft.headers['content-type']).toContain('wordprocessingml');
    const d = await xmlOf(draft);
    expect(d.body).toContain('Số:      /KH-LĐLĐ');
    expect(d.body).toContain('Huyện DMC, ngày      tháng      năm 2024');
    expect(d.headers).toContain('DỰ THẢO');
    const issued = (await c.post(`/api/v1/plans/${p.id}/issue`, { version: p.version, issuedOn: '2024-02-05' })).json<PlanDto>();
    const i = await xmlOf(await c.get(`/api/v1/plans/${p.id}/document.docx`));
    expect(i.body).toContain(`Số: ${String(issued.number).padStart(2, '0')}/KH-LĐLĐ`);
    expect(i.body).toContain('Huyện DMC, ngày 05 tháng 02 năm 2024');
    expect(i.headers).not.toContain('DỰ THẢO');
    // The signer table reads left cell (Nơi nhận) before right cell (signer).
    const order = ['KẾ HOẠCH', 'Kế hoạch xuất ra tệp Word', 'Thực hiện Kế hoạch số 47/KH-LĐLĐ', 'I. MỤC ĐÍCH, YÊU CẦU', '1. Mục đích', 'II. CHỦ ĐỀ THI ĐUA', 'Lưu: VP', 'TM. BAN THƯỜNG VỤ', 'Nguyễn Văn Bình'];
    const positions = order.map((t) => i.body.indexOf(t));
    expect(positions.every((x) => x >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // A unit below may read the issued plan, never a draft.
    const other = await loginAs(env.app, 'cdcs.b');
    expect((await other.get(`/api/v1/plans/${p.id}/document.docx`)).statusCode).toBe(200);
    const unissued = (await c.post('/api/v1/plans', plan(w.orgs.huyen.id, 'Dự thảo chưa ban hành'))).json<PlanDto>();
    expect((await other.get(`/api/v1/plans/${unissued.id}/document.docx`)).statusCode).toBe(404);
  });
});

describe('plans of superiors', () => {
  it('units below read the plans their superiors issued (not the drafts), and can list them to cite as basis', async () => {
    const admin = await loginAs(env.app, 'admin');
    const draft = (await admin.post('/api/v1/plans', plan(w.orgs.tinh.id, 'Dự thảo kế hoạch của tỉnh năm 2024'))).json<PlanDto>();
    const issued = (await admin.post('/api/v1/plans', plan(w.orgs.tinh.id, 'Kế hoạch thi đua của tỉnh năm 2024'))).json<PlanDto>();
    expect((await admin.post(`/api/v1/plans/${issued.id}/issue`, { version: issued.version, issuedOn: '2024-02-28' })).statusCode).toBe(200);
    const cdcsPlan = (await (await loginAs(env.app, 'cdcs.a')).post('/api/v1/plans', plan(w.orgs.cdcsA.id, 'Kế hoạch thi đua của CĐCS A năm 2024'))).json<PlanDto>();
    const cdcsA = await loginAs(env.app, 'cdcs.a');
    expect((await cdcsA.post(`/api/v1/plans/${cdcsPlan.id}/issue`, { version: cdcsPlan.version, issuedOn: '2024-03-10' })).statusCode).toBe(200);

    const district = await loginAs(env.app, 'huyen.tdkt');
    expect((await district.get(`/api/v1/plans/${issued.id}`)).json<PlanDto>()).toMatchObject({ status: 'ISSUED', abilities: [] });
    expect((await district.get(`/api/v1/plans/${draft.id}`)).statusCode).toBe(404);
    expect((await district.get(`/api/v1/plans/${issued.id}/document.docx`)).statusCode).toBe(200);
    const listed = (await district.get(`/api/v1/plans?orgId=${w.orgs.tinh.id}`)).json<{ items: PlanDto[]; total: number }>();
    expect(listed.items.map((p) => p.title)).toEqual(['Kế hoạch thi đua của tỉnh năm 2024']);
    expect((await district.get(`/api/v1/plans?orgId=${w.orgs.tinh.id}&status=DRAFT`)).json<{ total: number }>().total).toBe(0);
    // The whole hierarchy above, not sideways: CĐCS B reads the province's plan but not CĐCS A's.
    const cdcsB = await loginAs(env.app, 'cdcs.b');
    expect((await cdcsB.get(`/api/v1/plans/${issued.id}`)).statusCode).toBe(200);
    expect((await cdcsB.get(`/api/v1/plans/${cdcsPlan.id}`)).statusCode).toBe(404);
    expect((await cdcsB.get(`/api/v1/plans?orgId=${w.orgs.cdcsA.id}`)).statusCode).toBe(404);
    // Listing a superior returns only its own plans, not those of its other branches.
    expect((await cdcsB.get(`/api/v1/plans?orgId=${w.orgs.tinh.id}`)).json<{ items: PlanDto[] }>().items.every((p) => p.orgId === w.orgs.tinh.id)).toBe(true);
  });
});
