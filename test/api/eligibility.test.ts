// Eligibility from stored records, the batch over a subtree with its quota, the XLSX export, the
// what-if endpoint, the rule packs and administrator changes of rule parameters.
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestEnv } from '../support/app';
import { createPerson, loginAs, smallWorld } from '../factories';
import type { Db } from '../../src/server/db/client';
import type { BatchResult, EvaluationResult } from '../../src/contracts/eligibility';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
const extra: number[] = [];

async function rating(db: Db, personId: number, year: number, value: string) {
  await db.execute(sql`insert into performance_rating (person_id, scope_path, year, rating) select id, org_path, ${year}, ${value} from person where id = ${personId}`);
}
async function award(db: Db, personId: number, code: string, year: number) {
  await db.execute(sql`insert into award_record (person_id, scope_path, award_code, year, decision_number, decision_date, issuer_name)
    select id, org_path, ${code}, ${year}, ${`${year % 100}/QĐ-CĐCS`}, ${`${year + 1}-01-15`}, 'BCH CĐCS' from person where id = ${personId}`);
}
async function initiative(db: Db, personId: number, on: string, scope: string) {
  await db.execute(sql`insert into initiative (person_id, scope_path, title, recognised_by, recognised_on, scope)
    select id, org_path, 'Sáng kiến thử', 'Hội đồng sáng kiến', ${on}, ${scope} from person where id = ${personId}`);
}
async function serviceStart(db: Db, personId: number, date: string) {
  await db.execute(sql`update person set service_start_date = ${date} where id = ${personId}`);
}

beforeAll(async () => {
  env = await startTestApp();
  const db = env.database.db;
  w = await smallWorld(db);
  const { an, anh, dang, tran } = w.persons;
  // An: long service, HTXSNV 2024 (CSTĐCS by rating); CSTĐCS 2022 and 2023 on record.
  await serviceStart(db, an, '2010-09-01');
  await rating(db, an, 2024, 'HTXSNV');
  await award(db, an, 'CSTD_CS', 2022);
  await award(db, an, 'CSTD_CS', 2023);
  // Ánh: recruited 2024-09-01, less than six months before the end of 2024.
  await serviceStart(db, anh, '2024-09-01');
  await rating(db, anh, 2024, 'HTXSNV');
  // Bình: no rating for 2024 yet → missing evidence.
  await serviceStart(db, dang, '2015-03-01');
  // Cúc: HTTNV and a recognised grassroots initiative in 2024 → CSTĐCS by initiative.
  await serviceStart(db, tran, '2012-01-01');
  await rating(db, tran, 2024, 'HTTNV');
  await initiative(db, tran, '2024-10-20', 'GRASSROOTS');
  // Seven more Lao động tiên tiến in CĐCS A: the quota base becomes 8, so one CSTĐCS is allowed.
  for (let i = 0; i < 7; i++) {
    const id = await createPerson(db, w.orgs.cdcsA, { fullName: `Giáo Viên ${i + 1}` });
    await serviceStart(db, id, '2018-08-15');
    await rating(db, id, 2024, 'HTTNV');
    extra.push(id);
  }
});
afterAll(() => env.close());

describe('eligibility of a stored member', () => {
  it('explains CSTĐ cấp tỉnh from three consecutive CSTĐCS, counting 2024 provisionally, and requires a provincial initiative', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const res = await c.get(`/api/v1/eligibility/members/${w.persons.an}?target=CSTD_BO_TINH&year=2024`);
    expect(res.statusCode).toBe(200);
    const r = res.json<EvaluationResult>();
    expect(r.status).toBe('NOT_ELIGIBLE');
    expect(r.referenceDate).toBe('2024-12-31');
    const failing = r.reasons.filter((x) => x.outcome === 'FAIL');
    expect(failing.length).toBeGreaterThan(0);
    expect(failing.map((x) => x.text).join(' ')).toMatch(/sáng kiến/i);
    await initiative(env.database.db, w.persons.an, '2023-06-01', 'MINISTRY_PROVINCE');
    const again = (await c.get(`/api/v1/eligibility/members/${w.persons.an}?target=CSTD_BO_TINH&year=2024`)).json<EvaluationResult>();
    expect(again.status).toBe('ELIGIBLE');
    expect(again.reasons.every((x) => x.text.length > 0 && x.citation.document.length > 0)).toBe(true);
    expect(again.rulePacks.map((p) => p.id)).toContain('VN-2024');
  });

  it('a member reads their own eligibility; an officer of another unit gets 404; a collective award on a person is refused', async () => {
    const own = await loginAs(env.app, 'doanvien');
    expect((await own.get(`/api/v1/eligibility/members/${w.persons.an}?target=CSTD_CS&year=2024`)).statusCode).toBe(200);
    expect((await own.get(`/api/v1/eligibility/members/${w.persons.anh}?target=CSTD_CS&year=2024`)).statusCode).toBe(404);
    const other = await loginAs(env.app, 'cdcs.b');
    expect((await other.get(`/api/v1/eligibility/members/${w.persons.an}?target=CSTD_CS&year=2024`)).statusCode).toBe(404);
    const officer = await loginAs(env.app, 'huyen.tdkt');
    const wrong = await officer.get(`/api/v1/eligibility/members/${w.persons.an}?target=TTLDXS&year=2024`);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ message: string }>().message).toMatch(/tập thể|cá nhân/i);
    const unknown = await officer.get(`/api/v1/eligibility/members/${w.persons.an}?target=KHONG_CO&year=2024`);
    expect(unknown.statusCode).toBe(400);
  });
});

describe('batch over a subtree', () => {
  it('evaluates every member of the district in one request, with counts and the CSTĐCS quota per grassroots union', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const res = await c.get(`/api/v1/eligibility/batch?orgId=${w.orgs.huyen.id}&target=CSTD_CS&year=2024&pageSize=200`);
    expect(res.statusCode).toBe(200);
    const b = res.json<BatchResult>();
    expect(b.evaluated).toBe(11);
    const byId = new Map(b.items.map((i) => [i.candidate.id, i]));
    expect(byId.get(w.persons.an)!.status).toBe('ELIGIBLE');
    expect(byId.get(w.persons.anh)!.status).toBe('NOT_ELIGIBLE');
    expect(byId.get(w.persons.anh)!.summary).toMatch(/tháng/);
    expect(byId.get(w.persons.dang)!.status).toBe('MISSING_EVIDENCE');
    expect(byId.get(w.persons.tran)!.status).toBe('ELIGIBLE');
    for (const id of extra) expect(byId.get(id)!.status).toBe('NOT_ELIGIBLE');
    expect(b.counts).toEqual({ ELIGIBLE: 2, NOT_ELIGIBLE: 8, MISSING_EVIDENCE: 1 });
    const quotaA = b.quota.find((q) => q.orgId === w.orgs.cdcsA.id)!;
    expect(quotaA).toMatchObject({ base: 8, eligible: 1, allowed: 1, exceeded: false });
    const quotaB = b.quota.find((q) => q.orgId === w.orgs.cdcsB.id)!;
    expect(quotaB).toMatchObject({ base: 1, eligible: 1, allowed: 0, exceeded: true });
  });

  it('filters by status and pages on the server', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const eligible = (await c.get(`/api/v1/eligibility/batch?orgId=${w.orgs.huyen.id}&target=CSTD_CS&year=2024&status=ELIGIBLE`)).json<BatchResult>();
    expect(eligible.items.map((i) => i.candidate.id).sort()).toEqual([w.persons.an, w.persons.tran].sort());
    const p1 = (await c.get(`/api/v1/eligibility/batch?orgId=${w.orgs.huyen.id}&target=CSTD_CS&year=2024&pageSize=4&page=1`)).json<BatchResult>();
    const p3 = (await c.get(`/api/v1/eligibility/batch?orgId=${w.orgs.huyen.id}&target=CSTD_CS&year=2024&pageSize=4&page=3`)).json<BatchResult>();
    expect(p1.items).toHaveLength(4);
    expect(p3.items).toHaveLength(3);
    expect(p1.total).toBe(11);
    const q = (await c.get(`/api/v1/eligibility/batch?orgId=${w.orgs.huyen.id}&target=CSTD_CS&year=2024&q=nguyen%20thi`)).json<BatchResult>();
    expect(q.items.map((i) => i.candidate.name)).toEqual(['Nguyễn Thị Ánh']);
  });

  it('is scoped: an officer of CĐCS B sees only B; another subtree answers 404; a viewer may read', async () => {
    const b = await loginAs(env.app, 'cdcs.b');
    const own = (await b.get('/api/v1/eligibility/batch?target=CSTD_CS&year=2024')).json<BatchResult>();
    expect(own.items.map((i) => i.candidate.id).sort()).toEqual([w.persons.dang, w.persons.tran].sort());
    expect((await b.get(`/api/v1/eligibility/batch?orgId=${w.orgs.cdcsA.id}&target=CSTD_CS&year=2024`)).statusCode).toBe(404);
    const viewer = await loginAs(env.app, 'xem');
    expect((await viewer.get(`/api/v1/eligibility/batch?orgId=${w.orgs.huyen.id}&target=LDTT&year=2024`)).statusCode).toBe(200);
  });

  it('exports the batch to XLSX with one row per candidate and the quota sheet', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const res = await c.get(`/api/v1/eligibility/batch.xlsx?orgId=${w.orgs.huyen.id}&target=CSTD_CS&year=2024`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(rows[0]![0]).toMatch(/Chiến sĩ thi đua cơ sở/);
    const data = rows.slice(4);
    expect(data).toHaveLength(11);
    const anh = data.find((r) => r[2] === 'Nguyễn Thị Ánh')!;
    expect(anh[4]).toBe('Không đủ điều kiện');
    expect(anh[5]).toMatch(/tháng/);
    expect(wb.worksheets[1]!.rowCount).toBe(3);
  });
});

describe('what-if evaluation', () => {
  const facts = {
    target: 'CSTD_CS',
    year: 2024,
    candidate: {
      subject: 'INDIVIDUAL',
      serviceStartDate: '2020-01-01',
      ratings: [{ year: 2024, rating: 'HTTNV' }],
      initiatives: [{ recognisedOn: '2024-05-01', scope: 'GRASSROOTS' }],
    },
  };
  it('evaluates supplied facts without touching the records', async () => {
    const c = await loginAs(env.app, 'xem');
    const [{ n: before }] = (await env.database.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_event`)).rows as [{ n: number }];
    const res = await c.post('/api/v1/eligibility/evaluate', facts);
    expect(res.statusCode).toBe(200);
    expect(res.json<EvaluationResult>().status).toBe('ELIGIBLE');
    const [{ n: after }] = (await env.database.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_event`)).rows as [{ n: number }];
    expect(after).toBe(before);
    const without = await c.post('/api/v1/eligibility/evaluate', { ...facts, candidate: { ...facts.candidate, initiatives: [] } });
    expect(without.json<EvaluationResult>().status).toBe('NOT_ELIGIBLE');
  });

  it('refuses malformed facts with a Vietnamese message per field, and anonymous callers', async () => {
    const c = await loginAs(env.app, 'xem');
    const bad = await c.post('/api/v1/eligibility/evaluate', { ...facts, candidate: { ...facts.candidate, ratings: [{ year: 2024, rating: 'GIOI' }] } });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toMatch(/candidate\.ratings\.0\.rating/);
    const res = await env.app.inject({ method: 'POST', url: '/api/v1/eligibility/evaluate', payload: facts });
    expect(res.statusCode).toBe(401);
  });

  it('documents the facts format in the OpenAPI document', async () => {
    const doc = (await env.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, unknown> }>();
    const op = JSON.stringify(doc.paths['/api/v1/eligibility/evaluate']);
    expect(op).toContain('serviceStartDate');
    expect(op).toContain('HTXSNV');
  });
});

describe('rule packs and parameters', () => {
  it('lists the packs in force on a date', async () => {
    const c = await loginAs(env.app, 'xem');
    const ids = async (date: string) => (await c.get(`/api/v1/eligibility/rules?date=${date}`)).json<{ id: string }[]>().map((p) => p.id).sort();
    expect(await ids('2023-06-01')).toEqual(['CD-1689', 'VN-2017']);
    expect(await ids('2024-03-01')).toEqual(['CD-1689', 'VN-2024']);
    expect(await ids('2025-08-01')).toEqual(['CD-999', 'VN-2025']);
  });

  it('only an administrator changes a parameter, never retroactively; the change is audited and applies from its date', async () => {
    const body = { packId: 'VN-2025', key: 'CSTD_CS.quota.maxShare', value: 0.2, effectiveFrom: '2099-01-01', reason: 'Thử nghiệm hạn mức mới' };
    const officer = await loginAs(env.app, 'huyen.tdkt');
    expect((await officer.post('/api/v1/eligibility/parameters', body)).statusCode).toBe(404);
    const admin = await loginAs(env.app, 'admin');
    const past = await admin.post('/api/v1/eligibility/parameters', { ...body, effectiveFrom: '2020-01-01' });
    expect(past.statusCode).toBe(400);
    expect(past.json<{ message: string }>().message).toMatch(/ngày/i);
    expect((await admin.post('/api/v1/eligibility/parameters', { ...body, key: 'KHONG.CO' })).statusCode).toBe(400);
    expect((await admin.post('/api/v1/eligibility/parameters', { ...body, value: 'nhiều' })).statusCode).toBe(400);
    const [{ n: none }] = (await env.database.db.execute<{ n: number }>(sql`select count(*)::int as n from rule_parameter`)).rows as [{ n: number }];
    expect(none).toBe(0);
    expect((await admin.post('/api/v1/eligibility/parameters', body)).statusCode).toBe(200);
    const audit = await env.database.db.execute<{ action: string }>(sql`select action from audit_event where entity_type = 'rule_parameter'`);
    expect(audit.rows.map((r) => r.action)).toEqual(['rule_parameter.set']);
    const at = async (date: string) => {
      const packs = (await admin.get(`/api/v1/eligibility/rules?date=${date}`)).json<{ id: string; rules: { params: { key: string; value: unknown; changedFrom: string | null }[] }[] }[]>();
      return packs.flatMap((p) => p.rules.flatMap((r) => r.params)).find((p) => p.key === 'CSTD_CS.quota.maxShare');
    };
    expect(await at('2026-01-01')).toMatchObject({ value: 0.15, changedFrom: null });
    expect(await at('2099-06-01')).toMatchObject({ value: 0.2, changedFrom: '2099-01-01' });
  });
});
