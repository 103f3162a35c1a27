// The cascade: distribution of an issued plan by recipient kind, requests to respond with their
// compliance table, response recording, reminders, and the rules and permissions around them.
import crypto from 'node:crypto';
import JSZip from 'jszip';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestEnv } from '../support/app';
import { createOrg, createUser, loginAs, smallWorld, type Client } from '../factories';
import { auditEvents, countRows } from '../support/achievements';
import { readSheet } from '../support/xlsx';
import type { PlanDto } from '../../src/contracts/plans';
import type { RequestDto, TargetDto } from '../../src/contracts/cascade';
import { todayInVietnam } from '../../src/server/modules/imports/xlsx';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
let other: { district: { id: number; path: string; code: string }; cdcs: { id: number; path: string; code: string } };
beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(env.database.db);
  const district = await createOrg(env.database.db, { code: 'GDA', name: 'Liên đoàn Lao động huyện Gò Dầu', kind: 'LDLD_HUYEN', parent: w.orgs.tinh });
  const cdcs = await createOrg(env.database.db, { code: 'GDA-A', name: 'Công đoàn cơ sở Trường Tiểu học Thanh Phước', kind: 'CDCS', parent: district });
  other = { district, cdcs };
  await createUser(env.database.db, 'khac.tdkt', [{ role: 'TDKT_OFFICER', org: district }]);
  await createUser(env.database.db, 'tinh.tdkt', [{ role: 'TDKT_OFFICER', org: w.orgs.tinh }]);
});
afterAll(() => env.close());

const db = () => env.database.db;
const count = (table: string, where = sql`true`) => countRows(db(), table, where);

function planBody(orgId: number, recipients: unknown[], basis: unknown[] = [], title = 'Kế hoạch thực hiện phong trào thi đua năm 2024') {
  return {
    orgId,
    year: 2024,
    title,
    place: 'Huyện DMC',
    basis,
    blocks: [
      { kind: 'HEADING_1', text: 'I. MỤC ĐÍCH, YÊU CẦU' },
      { kind: 'PARAGRAPH', text: 'Phát động và triển khai các phong trào thi đua yêu nước.' },
    ],
    signer: { onBehalf: 'TM. BAN THƯỜNG VỤ', position: 'PHÓ CHỦ TỊCH', name: 'Nguyễn Văn Bình' },
    recipients,
  };
}

const SEED_RECIPIENTS = () => [
  { orgId: w.orgs.tinh.id, text: 'TT LĐLĐ tỉnh', kind: 'ORG' },
  { text: 'HĐ TĐ - KT huyện', kind: 'OTHER' },
  { text: 'Các CĐCS', kind: 'SUBORDINATES' },
  { text: 'Website LĐLĐ huyện', kind: 'WEBSITE' },
  { text: 'Lưu: VP', kind: 'ARCHIVE' },
];

async function draft(c: Client, orgId: number, recipients: unknown[], basis: unknown[] = [], title?: string): Promise<PlanDto> {
  const res = await c.post('/api/v1/plans', planBody(orgId, recipients, basis, title));
  expect(res.statusCode).toBe(200);
  return res.json<PlanDto>();
}

async function requestOf(planId: number) {
  const r = await db().execute<{ id: number }>(sql`select id from response_request where source_type = 'plan' and source_id = ${planId}`);
  return r.rows[0] ? Number(r.rows[0].id) : null;
}

describe('distribution at issue', () => {
  it('delivers by recipient kind: the province and every CĐCS get it in their inbox, the website publishes it, Lưu keeps the DOCX', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const p = await draft(c, w.orgs.huyen.id, SEED_RECIPIENTS());
    const res = await c.post(`/api/v1/plans/${p.id}/issue`, { version: p.version, issuedOn: '2024-03-05' });
    expect(res.statusCode).toBe(200);
    const issued = res.json<PlanDto>();
    expect(issued.recipients.map((r) => r.kind)).toEqual(['ORG', 'OTHER', 'SUBORDINATES', 'WEBSITE', 'ARCHIVE']);
    const doc = (
      await db().execute<{ id: number; published_at: Date | null; archive_docx: Buffer | null; archive_sha256: string | null }>(
        sql`select d.id, d.published_at, d.archive_docx, d.archive_sha256 from outgoing_document d join plan p on p.document_id = d.id where p.id = ${p.id}`,
      )
    ).rows[0]!;
    const inbox = await db().execute<{ org_id: number; kind: string; link: string }>(sql`select org_id, kind, link from inbox_item where document_id = ${doc.id} order by org_id`);
    // The province, CĐCS A and B; not the tổ công đoàn, not the issuer, nothing for "HĐ TĐ - KT huyện".
    expect(inbox.rows.map((r) => Number(r.org_id)).sort((a, b) => a - b)).toEqual([w.orgs.tinh.id, w.orgs.cdcsA.id, w.orgs.cdcsB.id].sort((a, b) => a - b));
    expect(new Set(inbox.rows.map((r) => r.kind))).toEqual(new Set(['DOCUMENT']));
    expect(inbox.rows[0]!.link).toBe(`/ke-hoach/${p.id}`);
    expect(doc.published_at).not.toBeNull();
    const bytes = Buffer.from(doc.archive_docx!);
    expect(crypto.createHash('sha256').update(bytes).digest('hex')).toBe(doc.archive_sha256);
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Phát động và triển khai các phong trào thi đua yêu nước.');
    expect(xml).toContain('Số: 01/KH-LĐLĐ');
    expect(xml).not.toContain('DỰ THẢO');
    const [event] = await auditEvents(db(), 'plan.issue', p.id);
    expect(event!.after).toMatchObject({ delivered: 3, published: true, archived: true, requestId: null });
  });

  it('a unit named with kind OTHER counts as ORG; without website or Lưu nothing is published or archived', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const p = await draft(c, w.orgs.huyen.id, [{ orgId: w.orgs.tinh.id, text: 'TT LĐLĐ tỉnh' }, { text: 'Như trên' }], [], 'Kế hoạch chỉ gửi Liên đoàn Lao động tỉnh');
    expect((await c.post(`/api/v1/plans/${p.id}/issue`, { version: p.version, issuedOn: '2024-03-06' })).statusCode).toBe(200);
    const doc = (await db().execute<{ id: number; published_at: Date | null; archive_docx: Buffer | null }>(sql`select d.id, d.published_at, d.archive_docx from outgoing_document d join plan p on p.document_id = d.id where p.id = ${p.id}`)).rows[0]!;
    expect(await count('inbox_item', sql`document_id = ${doc.id}`)).toBe(1);
    expect(doc.published_at).toBeNull();
    expect(doc.archive_docx).toBeNull();
  });
});

describe('requests and compliance', () => {
  let districtPlan: PlanDto;
  let requestId: number;

  it('issuing with a request creates it for every CĐCS by default, with their REQUEST inbox items', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    districtPlan = await draft(c, w.orgs.huyen.id, SEED_RECIPIENTS(), [], 'Kế hoạch thi đua năm 2024 có yêu cầu trả lời');
    const res = await c.post(`/api/v1/plans/${districtPlan.id}/issue`, { version: districtPlan.version, issuedOn: '2024-03-07', request: { responseKind: 'PLAN', deadline: '2099-04-15' } });
    expect(res.statusCode).toBe(200);
    requestId = (await requestOf(districtPlan.id))!;
    expect(requestId).toBeGreaterThan(0);
    expect(await count('request_target', sql`request_id = ${requestId}`)).toBe(2);
    expect(await count('inbox_item', sql`request_id = ${requestId} and kind = 'REQUEST'`)).toBe(2);
    const r = (await c.get(`/api/v1/requests/${requestId}`)).json<RequestDto>();
    expect(r).toMatchObject({ responseKind: 'PLAN', deadline: '2099-04-15', link: `/ke-hoach/${districtPlan.id}`, abilities: ['request.remind'] });
    expect(r.summary).toEqual({ total: 2, onTime: 0, late: 0, missing: 0, pending: 2 });
    const list = (await c.get('/api/v1/requests?year=2024')).json<{ items: RequestDto[]; total: number }>();
    expect(list.items.map((x) => x.id)).toContain(requestId);
  });

  it('a CĐCS issuing its own plan based on the district’s turns its row ON_TIME', async () => {
    const a = await loginAs(env.app, 'cdcs.a');
    const own = await draft(a, w.orgs.cdcsA.id, [{ text: 'Lưu: VT', kind: 'ARCHIVE' }], [{ planId: districtPlan.id, text: 'Kế hoạch của Ban Thường vụ LĐLĐ huyện' }], 'Kế hoạch thi đua năm 2024 của Công đoàn cơ sở A');
    expect((await a.post(`/api/v1/plans/${own.id}/issue`, { version: own.version, issuedOn: todayInVietnam() })).statusCode).toBe(200);
    const c = await loginAs(env.app, 'huyen.tdkt');
    const r = (await c.get(`/api/v1/requests/${requestId}`)).json<RequestDto>();
    expect(r.summary).toEqual({ total: 2, onTime: 1, late: 0, missing: 0, pending: 1 });
    const onTime = (await c.get(`/api/v1/requests/${requestId}/targets?status=ON_TIME`)).json<{ items: TargetDto[]; total: number }>();
    expect(onTime.total).toBe(1);
    expect(onTime.items[0]).toMatchObject({ orgId: w.orgs.cdcsA.id, status: 'ON_TIME', responseType: 'plan', responseId: own.id, responseLink: `/ke-hoach/${own.id}` });
    const pending = (await c.get(`/api/v1/requests/${requestId}/targets?status=PENDING`)).json<{ items: TargetDto[] }>();
    expect(pending.items.map((x) => x.orgId)).toEqual([w.orgs.cdcsB.id]);
    // Search by a diacritic-free fragment of the name.
    const found = (await c.get(`/api/v1/requests/${requestId}/targets?q=${encodeURIComponent('soi the ky')}`)).json<{ items: TargetDto[] }>();
    expect(found.items.map((x) => x.orgId)).toEqual([w.orgs.cdcsB.id]);
    // A second plan of the same unit does not change the first answer.
    const again = await draft(a, w.orgs.cdcsA.id, [], [{ planId: districtPlan.id, text: 'Kế hoạch của LĐLĐ huyện' }], 'Kế hoạch bổ sung của Công đoàn cơ sở A');
    await a.post(`/api/v1/plans/${again.id}/issue`, { version: again.version, issuedOn: todayInVietnam() });
    const still = (await c.get(`/api/v1/requests/${requestId}/targets?status=ON_TIME`)).json<{ items: TargetDto[] }>();
    expect(still.items[0]!.responseId).toBe(own.id);
  });

  it('after the deadline an answer is LATE and no answer is MISSING; registrations of the unit are counted', async () => {
    const award = (await db().execute<{ code: string }>(sql`select code from award_type where subject = 'COLLECTIVE' order by code limit 1`)).rows[0]!.code;
    await db().execute(sql`
      insert into emulation_registration (org_id, scope_path, year, award_code, registered_on, unit_id)
      values (${w.orgs.cdcsB.id}, ${w.orgs.cdcsB.path}, 2024, ${award}, '2024-03-10', ${w.orgs.cdcsB.id})`);
    await db().execute(sql`
      insert into emulation_registration (person_id, scope_path, year, award_code, registered_on, unit_id, status, revoked_at, revoked_reason)
      values (${w.persons.dang}, ${w.orgs.cdcsB.path}, 2024, ${award}, '2024-03-10', ${w.orgs.cdcsB.id}, 'REVOKED', now(), 'Đăng ký nhầm')`);
    await db().execute(sql`update response_request set deadline = '2024-04-01' where id = ${requestId}`);
    const c = await loginAs(env.app, 'huyen.tdkt');
    const r = (await c.get(`/api/v1/requests/${requestId}`)).json<RequestDto>();
    expect(r.summary).toEqual({ total: 2, onTime: 0, late: 1, missing: 1, pending: 0 });
    const rows = (await c.get(`/api/v1/requests/${requestId}/targets`)).json<{ items: TargetDto[] }>();
    expect(Object.fromEntries(rows.items.map((x) => [x.orgId, [x.status, x.registrations]]))).toEqual({ [w.orgs.cdcsA.id]: ['LATE', 0], [w.orgs.cdcsB.id]: ['MISSING', 1] });
    // Answered on the deadline day (Vietnam time) is on time.
    await db().execute(sql`update request_target set responded_at = '2024-04-01T16:30:00Z' where request_id = ${requestId} and org_id = ${w.orgs.cdcsA.id}`);
    // 16:30 UTC is 23:30 on 01/04 in Vietnam: on time.
    expect((await c.get(`/api/v1/requests/${requestId}`)).json<RequestDto>().summary).toMatchObject({ onTime: 1, late: 0, missing: 1 });
    await db().execute(sql`update request_target set responded_at = '2024-04-01T17:30:00Z' where request_id = ${requestId} and org_id = ${w.orgs.cdcsA.id}`);
    expect((await c.get(`/api/v1/requests/${requestId}`)).json<RequestDto>().summary).toMatchObject({ onTime: 0, late: 1 });
  });

  it('exports the whole filtered table', async () => {
    await db().execute(sql`update request_target set responded_at = '2024-04-01T10:00:00Z' where request_id = ${requestId} and org_id = ${w.orgs.cdcsA.id}`);
    const c = await loginAs(env.app, 'huyen.tdkt');
    const res = await c.get(`/api/v1/requests/${requestId}/targets/export.xlsx?status=MISSING`);
    expect(res.statusCode).toBe(200);
    const rows = await readSheet(res.rawPayload);
    expect(rows[0]![0]).toContain('Tình hình thực hiện');
    const body = rows.filter((r) => r[1] === 'DMC-A' || r[1] === 'DMC-B');
    expect(body).toEqual([['1', 'DMC-B', 'Công đoàn cơ sở Công ty TNHH Sợi Thế Kỷ', 'Chưa nộp (quá hạn)', '', '1', '0', '']]);
  });

  it('a target unit’s officer reads the request but only its own row; another district’s officer gets 404', async () => {
    const a = await loginAs(env.app, 'cdcs.a');
    const r = await a.get(`/api/v1/requests/${requestId}`);
    expect(r.statusCode).toBe(200);
    expect(r.json<RequestDto>().summary.total).toBe(1);
    expect(r.json<RequestDto>().abilities).toEqual([]);
    const rows = (await a.get(`/api/v1/requests/${requestId}/targets`)).json<{ items: TargetDto[] }>();
    expect(rows.items.map((x) => x.orgId)).toEqual([w.orgs.cdcsA.id]);
    expect((await a.get('/api/v1/requests')).json<{ total: number }>().total).toBe(0);
    const k = await loginAs(env.app, 'khac.tdkt');
    for (const url of [`/api/v1/requests/${requestId}`, `/api/v1/requests/${requestId}/targets`, `/api/v1/requests/${requestId}/targets/export.xlsx`]) {
      expect((await k.get(url)).statusCode).toBe(404);
    }
    expect((await k.get('/api/v1/requests')).json<{ items: RequestDto[] }>().items.map((x) => x.id)).not.toContain(requestId);
    const viewer = await loginAs(env.app, 'xem');
    expect((await viewer.get(`/api/v1/requests/${requestId}`)).json<RequestDto>().summary.total).toBe(2);
  });

  it('reminds the units that have not responded: inbox item, email to their officers, counted and audited; viewer and CĐCS cannot', async () => {
    await db().execute(sql`update response_request set deadline = '2099-04-15' where id = ${requestId}`);
    await db().execute(sql`update request_target set responded_at = null, response_type = null, response_id = null where request_id = ${requestId} and org_id = ${w.orgs.cdcsA.id}`);
    await db().execute(sql`update app_user set email = 'cdcs.b@example.vn' where username = 'cdcs.b'`);
    await db().execute(sql`update app_user set email = 'xem@example.vn' where username = 'xem'`);
    for (const user of ['xem', 'cdcs.a', 'khac.tdkt']) {
      const u = await loginAs(env.app, user);
      expect((await u.post(`/api/v1/requests/${requestId}/remind`, {})).statusCode).toBe(404);
    }
    expect(await count('inbox_item', sql`kind = 'REMINDER'`)).toBe(0);
    const c = await loginAs(env.app, 'huyen.tdkt');
    const res = await c.post(`/api/v1/requests/${requestId}/remind`, { orgIds: [w.orgs.cdcsB.id] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ reminded: 1, emails: 1 });
    const mail = (await db().execute<{ to_address: string; subject: string; body: string; status: string }>(sql`select to_address, subject, body, status from email_outbox`)).rows;
    expect(mail).toHaveLength(1);
    expect(mail[0]!.to_address).toBe('cdcs.b@example.vn');
    expect(mail[0]!.subject).toBe('[Vinh Danh] Nhắc nhở: Kế hoạch thi đua năm 2024 có yêu cầu trả lời – hạn 15/04/2099');
    expect(mail[0]!.body).toContain('Kính gửi Công đoàn cơ sở Công ty TNHH Sợi Thế Kỷ');
    expect(mail[0]!.body).toContain(`http://localhost:3000/ke-hoach/${districtPlan.id}`);
    expect(mail[0]!.status).toBe('PENDING'); // no SMTP_URL in tests
    expect(await count('inbox_item', sql`kind = 'REMINDER' and org_id = ${w.orgs.cdcsB.id} and request_id = ${requestId}`)).toBe(1);
    const rows = (await c.get(`/api/v1/requests/${requestId}/targets`)).json<{ items: TargetDto[] }>();
    expect(rows.items.find((x) => x.orgId === w.orgs.cdcsB.id)).toMatchObject({ reminderCount: 1 });
    expect(rows.items.find((x) => x.orgId === w.orgs.cdcsA.id)).toMatchObject({ reminderCount: 0, remindedAt: null });
    expect((await auditEvents(db(), 'request.remind', requestId)).map((e) => e.after)).toEqual([{ orgIds: [w.orgs.cdcsB.id], emails: 1 }]);
    // Default: every unit that has not responded.
    expect((await c.post(`/api/v1/requests/${requestId}/remind`, {})).json()).toEqual({ reminded: 2, emails: 1 });
  });

  it('refuses to remind a unit that is not a target, or when every chosen unit has responded', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const before = await count('inbox_item');
    const notTarget = await c.post(`/api/v1/requests/${requestId}/remind`, { orgIds: [w.orgs.tinh.id] });
    expect(notTarget.statusCode).toBe(400);
    expect(notTarget.json<{ message: string }>().message).toMatch(/không thuộc danh sách đơn vị phải thực hiện/);
    await db().execute(sql`update request_target set responded_at = now(), response_type = 'plan', response_id = 1 where request_id = ${requestId} and org_id = ${w.orgs.cdcsA.id}`);
    const done = await c.post(`/api/v1/requests/${requestId}/remind`, { orgIds: [w.orgs.cdcsA.id] });
    expect(done.statusCode).toBe(400);
    expect(done.json<{ message: string }>().message).toMatch(/đều đã trả lời/);
    expect(await count('inbox_item')).toBe(before);
  });
});

describe('bad requests at issue', () => {
  it('a past deadline, a target outside the subtree, an unknown target: Vietnamese message, nothing saved, plan stays a draft', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const p = await draft(c, w.orgs.huyen.id, SEED_RECIPIENTS(), [], 'Kế hoạch có yêu cầu sai');
    const before = { docs: await count('outgoing_document'), requests: await count('response_request'), inbox: await count('inbox_item'), counters: await count('document_counter') };
    const cases: [unknown, RegExp][] = [
      [{ responseKind: 'PLAN', deadline: '2020-01-01', targetOrgIds: null }, /Hạn trả lời \(2020-01-01\) đã qua/],
      [{ responseKind: 'PLAN', deadline: '2099-01-01', targetOrgIds: [other.cdcs.id] }, /không trực thuộc đơn vị ban hành/],
      [{ responseKind: 'REGISTRATION', deadline: '2099-01-01', targetOrgIds: [999999] }, /Không có đơn vị số hiệu 999999/],
      [{ responseKind: 'PLAN', deadline: '2099-01-01', targetOrgIds: [w.orgs.huyen.id] }, /không trực thuộc/],
    ];
    for (const [request, message] of cases) {
      const res = await c.post(`/api/v1/plans/${p.id}/issue`, { version: p.version, issuedOn: '2024-03-08', request });
      expect(res.statusCode).toBe(400);
      expect(res.json<{ message: string }>().message).toMatch(message);
    }
    const badShape = await c.post(`/api/v1/plans/${p.id}/issue`, { version: p.version, issuedOn: '2024-03-08', request: { responseKind: 'NOPE', deadline: '31/12/2099' } });
    expect(badShape.statusCode).toBe(400);
    expect(await count('outgoing_document')).toBe(before.docs);
    expect(await count('response_request')).toBe(before.requests);
    expect(await count('inbox_item')).toBe(before.inbox);
    expect((await c.get(`/api/v1/plans/${p.id}`)).json<PlanDto>().status).toBe('DRAFT');
    // Chosen units inside the subtree are accepted.
    const ok = await c.post(`/api/v1/plans/${p.id}/issue`, { version: p.version, issuedOn: '2024-03-08', request: { responseKind: 'REGISTRATION', deadline: '2099-01-01', targetOrgIds: [w.orgs.cdcsB.id] } });
    expect(ok.statusCode).toBe(200);
    const id = (await requestOf(p.id))!;
    expect(await count('request_target', sql`request_id = ${id}`)).toBe(1);
  });
});
