// Inboxes with read receipts, the outgoing register with deliveries, and published documents.
import JSZip from 'jszip';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestEnv } from '../support/app';
import { createOrg, createUser, loginAs, smallWorld, type Client } from '../factories';
import { auditEvents, countRows } from '../support/achievements';
import { readSheet } from '../support/xlsx';
import type { PlanDto } from '../../src/contracts/plans';
import type { DeliveryDto, InboxItemDto, InboxPage, InboxSummary, OutgoingDocumentDto, PublicDocumentPage } from '../../src/contracts/cascade';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
let published: PlanDto;
let internal: PlanDto;
beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(env.database.db);
  const district = await createOrg(env.database.db, { code: 'GDA', name: 'Liên đoàn Lao động huyện Gò Dầu', kind: 'LDLD_HUYEN', parent: w.orgs.tinh });
  await createUser(env.database.db, 'khac.tdkt', [{ role: 'TDKT_OFFICER', org: district }]);
  await createUser(env.database.db, 'tinh.tdkt', [{ role: 'TDKT_OFFICER', org: w.orgs.tinh }]);
  const c = await loginAs(env.app, 'huyen.tdkt');
  published = await issue(c, 'Kế hoạch thực hiện phong trào thi đua năm 2024', '2024-03-05', [
    { orgId: w.orgs.tinh.id, text: 'TT LĐLĐ tỉnh', kind: 'ORG' },
    { text: 'Các CĐCS', kind: 'SUBORDINATES' },
    { text: 'Website LĐLĐ huyện', kind: 'WEBSITE' },
    { text: 'Lưu: VP', kind: 'ARCHIVE' },
  ], { responseKind: 'PLAN', deadline: '2099-12-31' });
  internal = await issue(c, 'Kế hoạch nội bộ không công khai năm 2024', '2024-05-02', [{ text: 'Các CĐCS', kind: 'SUBORDINATES' }, { text: 'Lưu: VP', kind: 'ARCHIVE' }]);
});
afterAll(() => env.close());

const db = () => env.database.db;

async function issue(c: Client, title: string, issuedOn: string, recipients: unknown[], request: unknown = null): Promise<PlanDto> {
  const p = (
    await c.post('/api/v1/plans', {
      orgId: w.orgs.huyen.id,
      year: 2024,
      title,
      place: 'Huyện DMC',
      blocks: [{ kind: 'PARAGRAPH', text: 'Nội dung kế hoạch của Liên đoàn Lao động huyện.' }],
      signer: { onBehalf: 'TM. BAN THƯỜNG VỤ', position: 'PHÓ CHỦ TỊCH', name: 'Nguyễn Văn Bình' },
      recipients,
    })
  ).json<PlanDto>();
  const res = await c.post(`/api/v1/plans/${p.id}/issue`, { version: p.version, issuedOn, request });
  expect(res.statusCode).toBe(200);
  return res.json<PlanDto>();
}

async function documentIdOf(planId: number) {
  return Number((await db().execute<{ document_id: number }>(sql`select document_id from plan where id = ${planId}`)).rows[0]!.document_id);
}

describe('inbox', () => {
  it('a CĐCS officer sees exactly its own unit’s inbox, newest first, with unread counts', async () => {
    const a = await loginAs(env.app, 'cdcs.a');
    const page = (await a.get('/api/v1/inbox')).json<InboxPage>();
    expect(page.items.every((i) => i.orgId === w.orgs.cdcsA.id)).toBe(true);
    expect(page.items.map((i) => [i.kind, i.title])).toEqual([
      ['DOCUMENT', 'Kế hoạch nội bộ không công khai năm 2024'],
      ['REQUEST', 'Kế hoạch thực hiện phong trào thi đua năm 2024'],
      ['DOCUMENT', 'Kế hoạch thực hiện phong trào thi đua năm 2024'],
    ]);
    expect(page.unread).toBe(3);
    expect(page.items[0]).toMatchObject({ senderOrgName: 'Liên đoàn Lao động huyện DMC', readAt: null, hasDocument: true });
    expect(page.items[2]!.body).toBe('Số 01/KH-LĐLĐ ngày 05/03/2024 của Liên đoàn Lao động huyện DMC');
    const docs = (await a.get('/api/v1/inbox?kind=DOCUMENT&pageSize=1')).json<InboxPage>();
    expect([docs.total, docs.items.length]).toEqual([2, 1]);
    expect((await a.get('/api/v1/inbox/summary')).json<InboxSummary>()).toEqual({ unread: 3, byKind: { DOCUMENT: 2, REQUEST: 1, REMINDER: 0, NOTICE: 0 } });
    // Not the subtree: the district officer does not see the CĐCS inboxes; the province sees its own item.
    const h = await loginAs(env.app, 'huyen.tdkt');
    expect((await h.get('/api/v1/inbox')).json<InboxPage>().total).toBe(0);
    expect((await h.get(`/api/v1/inbox?orgId=${w.orgs.cdcsA.id}`)).statusCode).toBe(404);
    const t = await loginAs(env.app, 'tinh.tdkt');
    expect((await t.get('/api/v1/inbox')).json<InboxPage>().items.map((i) => [i.orgId, i.kind])).toEqual([[w.orgs.tinh.id, 'DOCUMENT']]);
    const k = await loginAs(env.app, 'khac.tdkt');
    expect((await k.get('/api/v1/inbox')).json<InboxPage>().total).toBe(0);
  });

  it('the first reader is the read receipt; other units’ items answer 404 and change nothing', async () => {
    const a = await loginAs(env.app, 'cdcs.a');
    const b = await loginAs(env.app, 'cdcs.b');
    const item = (await a.get('/api/v1/inbox?kind=DOCUMENT')).json<InboxPage>().items.find((i) => i.title.startsWith('Kế hoạch thực hiện'))!;
    expect((await b.post(`/api/v1/inbox/${item.id}/read`)).statusCode).toBe(404);
    expect((await b.get(`/api/v1/inbox/${item.id}/document.docx`)).statusCode).toBe(404);
    expect(await countRows(db(), 'inbox_item', sql`read_at is not null`)).toBe(0);
    const read = await a.post(`/api/v1/inbox/${item.id}/read`);
    expect(read.statusCode).toBe(200);
    const first = read.json<InboxItemDto>();
    expect(first.readByName).toBe('Người dùng cdcs.a');
    expect(first.readAt).not.toBeNull();
    await createUser(db(), 'cdcs.a2', [{ role: 'CDCS_OFFICER', org: w.orgs.cdcsA }]);
    const a2 = await loginAs(env.app, 'cdcs.a2');
    const again = (await a2.post(`/api/v1/inbox/${item.id}/read`)).json<InboxItemDto>();
    expect([again.readAt, again.readByName]).toEqual([first.readAt, 'Người dùng cdcs.a']);
    expect(await auditEvents(db(), 'inbox.read', item.id)).toHaveLength(1);
    expect((await a.get('/api/v1/inbox/summary')).json<InboxSummary>().unread).toBe(2);
    expect((await a.get('/api/v1/inbox?unread=true')).json<InboxPage>().items.map((i) => i.id)).not.toContain(item.id);
    // The delivered document opens from the inbox (the archive copy).
    const docx = await a.get(`/api/v1/inbox/${item.id}/document.docx`);
    expect(docx.statusCode).toBe(200);
    expect(await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string')).toContain('Số: 01/KH-LĐLĐ');
  });

  it('the sender sees deliveries with receipts; recipients and other units do not', async () => {
    const id = await documentIdOf(published.id);
    const h = await loginAs(env.app, 'huyen.tdkt');
    const res = await h.get(`/api/v1/outgoing-documents/${id}/deliveries`);
    expect(res.statusCode).toBe(200);
    const d = res.json<{ items: DeliveryDto[]; total: number; read: number }>();
    expect([d.total, d.read]).toEqual([3, 1]);
    expect(d.items.find((x) => x.orgId === w.orgs.cdcsA.id)).toMatchObject({ readByName: 'Người dùng cdcs.a' });
    expect(d.items.find((x) => x.orgId === w.orgs.cdcsB.id)).toMatchObject({ readAt: null, readByName: null });
    for (const user of ['cdcs.a', 'khac.tdkt', 'doanvien']) {
      expect((await (await loginAs(env.app, user)).get(`/api/v1/outgoing-documents/${id}/deliveries`)).statusCode).toBe(404);
    }
  });
});

describe('outgoing register', () => {
  it('lists the register in scope with filters, counts of deliveries and reads, and exports exactly the filter', async () => {
    const h = await loginAs(env.app, 'huyen.tdkt');
    const all = (await h.get('/api/v1/outgoing-documents?year=2024')).json<{ items: OutgoingDocumentDto[]; total: number }>();
    expect(all.items.map((d) => [d.numberSymbol, d.issuedOn, d.deliveries, d.read, d.publishedAt !== null, d.archived])).toEqual([
      ['02/KH-LĐLĐ', '2024-05-02', 2, 0, false, true],
      ['01/KH-LĐLĐ', '2024-03-05', 3, 1, true, true],
    ]);
    expect((await h.get('/api/v1/outgoing-documents?year=2023')).json<{ total: number }>().total).toBe(0);
    expect((await h.get('/api/v1/outgoing-documents?docType=QD')).json<{ total: number }>().total).toBe(0);
    const x = await h.get('/api/v1/outgoing-documents/export.xlsx?year=2024');
    expect(x.statusCode).toBe(200);
    const rows = await readSheet(x.rawPayload);
    expect(rows.filter((r) => /KH-LĐLĐ/.test(r[1] ?? '')).map((r) => [r[1], r[2], r[3]])).toEqual([
      ['02/KH-LĐLĐ', '02/05/2024', 'Kế hoạch nội bộ không công khai năm 2024'],
      ['01/KH-LĐLĐ', '05/03/2024', 'Kế hoạch thực hiện phong trào thi đua năm 2024'],
    ]);
    const k = await loginAs(env.app, 'khac.tdkt');
    expect((await k.get('/api/v1/outgoing-documents')).json<{ total: number }>().total).toBe(0);
    expect((await k.get(`/api/v1/outgoing-documents?orgId=${w.orgs.huyen.id}`)).statusCode).toBe(404);
    const a = await loginAs(env.app, 'cdcs.a');
    expect((await a.get('/api/v1/outgoing-documents')).json<{ total: number }>().total).toBe(0);
  });
});

describe('published documents', () => {
  it('the public pages list only published documents, without login, and serve their archive copy', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/v1/public/orgs/DMC/documents' });
    expect(res.statusCode).toBe(200);
    const page = res.json<PublicDocumentPage>();
    expect(page.org).toEqual({ code: 'DMC', name: 'Liên đoàn Lao động huyện DMC' });
    expect(page.items.map((d) => [d.numberSymbol, d.title, d.hasDocument])).toEqual([['01/KH-LĐLĐ', 'Kế hoạch thực hiện phong trào thi đua năm 2024', true]]);
    expect(JSON.stringify(page)).not.toMatch(/Nguyễn Văn Bình|cdcs|tdkt/);
    const docx = await env.app.inject({ method: 'GET', url: `/api/v1/public/documents/${page.items[0]!.id}/document.docx` });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string')).toContain('Số: 01/KH-LĐLĐ');
    const hidden = await documentIdOf(internal.id);
    expect((await env.app.inject({ method: 'GET', url: `/api/v1/public/documents/${hidden}/document.docx` })).statusCode).toBe(404);
    expect((await env.app.inject({ method: 'GET', url: '/api/v1/public/orgs/KHONG-CO/documents' })).statusCode).toBe(404);
    expect((await env.app.inject({ method: 'GET', url: '/api/v1/public/orgs/DMC-A/documents' })).json<PublicDocumentPage>().total).toBe(0);
  });
});
