// Emulation registrations: registering units and members (one, bulk, XLSX), the rules of what may be
// registered, review by the superior, corrections and withdrawals, lists and export, and the fact the
// eligibility engine reads.
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestEnv } from '../support/app';
import { createPerson, loginAs, smallWorld, type Client } from '../factories';
import { multipart, readSheet } from '../support/xlsx';
import { auditEvents, countRows } from '../support/achievements';
import { todayInVietnam } from '../../src/server/modules/imports/xlsx';
import type { RegistrationDto, RegistrationItemError, RegistrationOptions } from '../../src/contracts/registrations';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
const YEAR = Number(todayInVietnam().slice(0, 4));
let openMovement: number;
let draftMovement: number;
let request: number;

async function movement(status: string, offered: string[], title: string): Promise<number> {
  const r = await env.database.db.execute<{ id: number }>(sql`
    insert into movement (org_id, org_path, year, kind, title, starts_on, ends_on, offered_awards, status)
    values (${w.orgs.huyen.id}, ${w.orgs.huyen.path}, ${YEAR}, 'THEMATIC', ${title}, ${`${YEAR}-01-01`}, ${`${YEAR + 1}-12-31`}, ${JSON.stringify(offered)}::jsonb, ${status})
    returning id`);
  return Number(r.rows[0]!.id);
}

beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(env.database.db);
  openMovement = await movement('LAUNCHED', ['BK_CHUYEN_DE_TLD', 'LDTT'], 'Xanh – Sạch – Đẹp, Bảo đảm an toàn vệ sinh lao động');
  draftMovement = await movement('DRAFT', ['LDTT'], 'Phong trào chưa phát động');
  const req = await env.database.db.execute<{ id: number }>(sql`
    insert into response_request (issuer_org_id, issuer_path, source_type, source_id, response_kind, year, title, deadline)
    values (${w.orgs.huyen.id}, ${w.orgs.huyen.path}, 'movement', ${openMovement}, 'REGISTRATION', ${YEAR}, 'Đăng ký thi đua Xanh – Sạch – Đẹp', ${`${YEAR + 1}-12-31`})
    returning id`);
  request = Number(req.rows[0]!.id);
  await env.database.db.execute(sql`insert into request_target (request_id, org_id, org_path) values (${request}, ${w.orgs.cdcsA.id}, ${w.orgs.cdcsA.path})`);
});
afterAll(() => env.close());

const db = () => env.database.db;
const registrations = () => countRows(db(), 'emulation_registration');
const message = (res: { json<T>(): T }) => res.json<{ message: string }>().message;
const register = (c: Client, body: Record<string, unknown>) => c.post('/api/v1/registrations', body);
const list = async (c: Client, query: string) => (await c.get(`/api/v1/registrations?${query}`)).json<{ items: RegistrationDto[]; total: number }>();

describe('registering', () => {
  it('a CĐCS officer registers the unit and a member: submitted, audited, scoped to the unit', async () => {
    const c = await loginAs(env.app, 'cdcs.a');
    const unit = await register(c, { orgId: w.orgs.cdcsA.id, year: YEAR, awardCode: 'TTLDTT' });
    expect(unit.statusCode).toBe(200);
    expect(unit.json<RegistrationDto>()).toMatchObject({ subject: 'UNIT', orgId: w.orgs.cdcsA.id, unitId: w.orgs.cdcsA.id, reviewStatus: 'SUBMITTED', status: 'ACTIVE', registeredOn: todayInVietnam(), awardName: 'Tập thể lao động tiên tiến' });
    expect(unit.json<RegistrationDto>().abilities).toEqual(['registration.update', 'registration.withdraw']);
    const person = await register(c, { personId: w.persons.an, year: YEAR, awardCode: 'LDTT', note: 'Đăng ký đầu năm' });
    expect(person.statusCode).toBe(200);
    const p = person.json<RegistrationDto>();
    expect(p).toMatchObject({ subject: 'PERSON', personId: w.persons.an, unitId: w.orgs.cdcsA.id, subjectName: 'Nguyễn Văn An', memberCode: 'DV0000001' });
    const row = (await db().execute<{ scope_path: string; source: string }>(sql`select scope_path, source from emulation_registration where id = ${p.id}`)).rows[0]!;
    expect(row).toEqual({ scope_path: w.orgs.cdcsA.path, source: 'MANUAL' });
    expect(await auditEvents(db(), 'registration.create', p.id)).toHaveLength(1);
  });

  it('answers the superior\'s request for registrations under a movement (compliance)', async () => {
    const c = await loginAs(env.app, 'cdcs.a');
    const before = (await db().execute<{ responded_at: string | null }>(sql`select responded_at from request_target where request_id = ${request}`)).rows[0]!;
    expect(before.responded_at).toBeNull();
    const res = await register(c, { orgId: w.orgs.cdcsA.id, year: YEAR, awardCode: 'TTLDTT', movementId: openMovement });
    expect(res.statusCode, res.body).toBe(400); // TTLDTT is not offered by this movement
    expect(message(res)).toMatch(/không khen thưởng "Tập thể lao động tiên tiến"/);
    const ok = await register(c, { personId: w.persons.anh, year: YEAR, awardCode: 'BK_CHUYEN_DE_TLD', movementId: openMovement });
    expect(ok.statusCode, ok.body).toBe(200);
    const after = (await db().execute<{ response_type: string; response_id: number }>(sql`select response_type, response_id from request_target where request_id = ${request}`)).rows[0]!;
    expect(after).toEqual({ response_type: 'registration', response_id: ok.json<RegistrationDto>().id });
  });

  it.each([
    ['a title the unit kind cannot receive', () => ({ orgId: w.orgs.toA.id, year: YEAR, awardCode: 'CDCS_HTXSNV' }), /loại "Tổ công đoàn[^"]*" không được xét danh hiệu "Công đoàn cơ sở hoàn thành xuất sắc nhiệm vụ"/],
    ['a collective title for a person', () => ({ personId: w.persons.anh, year: YEAR, awardCode: 'TTLDTT' }), /danh hiệu tập thể, cá nhân không đăng ký được/],
    ['an individual title for a unit', () => ({ orgId: w.orgs.cdcsA.id, year: YEAR, awardCode: 'CSTD_CS' }), /danh hiệu cá nhân, đơn vị không đăng ký được/],
    ['a past year', () => ({ personId: w.persons.anh, year: YEAR - 1, awardCode: 'LDTT' }), new RegExp(`năm ${YEAR - 1} được: việc đăng ký làm vào đầu năm`)],
    ['a year too far ahead', () => ({ personId: w.persons.anh, year: YEAR + 2, awardCode: 'LDTT' }), /còn quá xa/],
    ['a commendation form outside a movement', () => ({ personId: w.persons.anh, year: YEAR, awardCode: 'GK_CDCS' }), /là hình thức khen thưởng, không phải danh hiệu thi đua/],
    ['a movement not launched', () => ({ personId: w.persons.anh, year: YEAR, awardCode: 'LDTT', movementId: draftMovement }), /không còn nhận đăng ký/],
    ['a form the movement does not offer', () => ({ personId: w.persons.anh, year: YEAR, awardCode: 'GK_CDCS', movementId: openMovement }), /không khen thưởng "Giấy khen của Ban Chấp hành công đoàn cơ sở"/],
    ['an unknown award', () => ({ personId: w.persons.anh, year: YEAR, awardCode: 'KHONG_CO' }), /Không có danh hiệu mã "KHONG_CO"/],
    ['an unknown movement', () => ({ personId: w.persons.anh, year: YEAR, awardCode: 'LDTT', movementId: 999999 }), /Không có phong trào/],
  ])('refuses %s with a Vietnamese message and saves nothing', async (_name, body, pattern) => {
    const c = await loginAs(env.app, 'cdcs.a');
    const before = await registrations();
    const res = await register(c, body());
    expect(res.statusCode).toBe(400);
    expect(message(res)).toMatch(pattern);
    expect(await registrations()).toBe(before);
  });

  it('a duplicate answers a conflict that names the title and the person', async () => {
    const c = await loginAs(env.app, 'cdcs.a');
    const before = await registrations();
    const res = await register(c, { personId: w.persons.an, year: YEAR, awardCode: 'LDTT' });
    expect(res.statusCode).toBe(409);
    expect(message(res)).toBe(`Đã có đăng ký "Lao động tiên tiến" năm ${YEAR} cho Nguyễn Văn An. Mỗi người, mỗi đơn vị chỉ đăng ký một danh hiệu một lần trong năm (hoặc trong phong trào).`);
    expect(await registrations()).toBe(before);
  });

  it('permissions: other CĐCS 404, viewer 403, a member only for themself', async () => {
    const before = await registrations();
    const other = await loginAs(env.app, 'cdcs.b');
    expect((await register(other, { orgId: w.orgs.cdcsA.id, year: YEAR, awardCode: 'TTLDXS' })).statusCode).toBe(404);
    expect((await register(other, { personId: w.persons.anh, year: YEAR, awardCode: 'CSTD_CS' })).statusCode).toBe(404);
    const viewer = await loginAs(env.app, 'xem');
    expect((await register(viewer, { orgId: w.orgs.cdcsA.id, year: YEAR, awardCode: 'TTLDXS' })).statusCode).toBe(403);
    expect((await register(viewer, { personId: w.persons.anh, year: YEAR, awardCode: 'CSTD_CS' })).statusCode).toBe(403);
    const member = await loginAs(env.app, 'doanvien');
    expect((await register(member, { personId: w.persons.anh, year: YEAR, awardCode: 'CSTD_CS' })).statusCode).toBe(404);
    expect((await register(member, { orgId: w.orgs.cdcsA.id, year: YEAR, awardCode: 'TTLDXS' })).statusCode).toBe(403);
    expect(await registrations()).toBe(before);
    const form = await member.get(`/api/v1/registrations/options?unitId=${w.orgs.cdcsA.id}&year=${YEAR}`);
    expect(form.json<RegistrationOptions>()).toMatchObject({ canRegister: false, members: [{ personId: w.persons.an }] });
    expect((await member.get(`/api/v1/registrations/options?unitId=${w.orgs.cdcsB.id}&year=${YEAR}`)).statusCode).toBe(404);
    const own = await register(member, { personId: w.persons.an, year: YEAR, awardCode: 'CSTD_CS' });
    expect(own.statusCode).toBe(200);
    expect(own.json<RegistrationDto>().abilities).toEqual(['registration.update', 'registration.withdraw']);
    const mine = await list(member, `year=${YEAR}`);
    expect(mine.items.map((r) => r.personId)).toEqual(mine.items.map(() => w.persons.an));
    expect(mine.items.map((r) => r.awardCode).sort()).toEqual(['CSTD_CS', 'LDTT']);
  });
});

describe('bulk registration', () => {
  it('any problem refuses the whole list with per-item errors; nothing saved', async () => {
    const c = await loginAs(env.app, 'cdcs.b');
    const before = await registrations();
    const res = await c.post('/api/v1/registrations/bulk', {
      unitId: w.orgs.cdcsB.id, year: YEAR, unitAwardCodes: ['TTLDTT'],
      members: [{ personId: w.persons.dang, awardCode: 'LDTT' }, { personId: w.persons.an, awardCode: 'LDTT' }, { personId: w.persons.tran, awardCode: 'TTLDTT' }, { personId: w.persons.dang, awardCode: 'LDTT' }],
    });
    expect(res.statusCode).toBe(400);
    expect(message(res)).toMatch(/có 3 lỗi, chưa lưu gì/);
    const items = res.json<{ details: { items: RegistrationItemError[] } }>().details.items;
    expect(items.map((i) => [i.row, i.personId])).toEqual([[2, w.persons.an], [3, w.persons.tran], [4, w.persons.dang]]);
    expect(items[0]!.message).toBe('Nguyễn Văn An không phải đoàn viên đang sinh hoạt của đơn vị này.');
    expect(items[2]!.message).toMatch(/hai dòng cùng danh hiệu/);
    expect(await registrations()).toBe(before);
  });

  it('registers the unit and its members at once; another unit\'s officer gets 404', async () => {
    const before = await registrations();
    const a = await loginAs(env.app, 'cdcs.a');
    expect((await a.post('/api/v1/registrations/bulk', { unitId: w.orgs.cdcsB.id, year: YEAR, members: [{ personId: w.persons.dang, awardCode: 'LDTT' }] })).statusCode).toBe(404);
    expect(await registrations()).toBe(before);
    const c = await loginAs(env.app, 'cdcs.b');
    const res = await c.post('/api/v1/registrations/bulk', {
      unitId: w.orgs.cdcsB.id, year: YEAR, unitAwardCodes: ['TTLDTT'],
      members: [{ personId: w.persons.dang, awardCode: 'LDTT' }, { personId: w.persons.tran, awardCode: 'CSTD_CS' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ created: number }>().created).toBe(3);
    expect(await registrations()).toBe(before + 3);
    const aSees = await list(a, `year=${YEAR}&orgId=${w.orgs.cdcsA.id}`);
    expect(aSees.items.every((r) => r.unitId === w.orgs.cdcsA.id)).toBe(true);
    expect((await a.get(`/api/v1/registrations?orgId=${w.orgs.cdcsB.id}`)).statusCode).toBe(404);
    const bAll = await list(c, `year=${YEAR}`);
    expect(bAll.items.map((r) => r.subjectName).sort()).toEqual(['Công đoàn cơ sở Công ty TNHH Sợi Thế Kỷ', 'Trần Thị Cúc', 'Đặng Văn Bình']);
  });
});

describe('review by the superior', () => {
  it('the district approves and returns with a reason; the CĐCS cannot approve its own; approved ones are locked', async () => {
    const a = await loginAs(env.app, 'cdcs.a');
    const mine = await list(a, `year=${YEAR}&subject=PERSON&awardCode=LDTT`);
    const an = mine.items.find((r) => r.personId === w.persons.an)!;
    const unit = (await list(a, `year=${YEAR}&subject=UNIT`)).items[0]!;
    expect((await a.post('/api/v1/registrations/review', { ids: [an.id], decision: 'APPROVE' })).statusCode).toBe(403);
    const otherUnit = await loginAs(env.app, 'cdcs.b');
    expect((await otherUnit.post('/api/v1/registrations/review', { ids: [an.id], decision: 'APPROVE' })).statusCode).toBe(404);
    expect((await otherUnit.post(`/api/v1/registrations/${an.id}/withdraw`, { reason: 'Rút hộ đơn vị khác' })).statusCode).toBe(404);
    expect((await otherUnit.get(`/api/v1/registrations/${an.id}`)).statusCode).toBe(404);
    const viewer = await loginAs(env.app, 'xem');
    expect((await viewer.post('/api/v1/registrations/review', { ids: [an.id], decision: 'APPROVE' })).statusCode).toBe(403);
    expect((await viewer.patch(`/api/v1/registrations/${an.id}`, { awardCode: 'CSTD_CS' })).statusCode).toBe(403);
    expect(await countRows(db(), 'emulation_registration', sql`review_status <> 'SUBMITTED' or status <> 'ACTIVE'`)).toBe(0);
    const district = await loginAs(env.app, 'huyen.tdkt');
    const seen = await list(district, `year=${YEAR}&reviewStatus=SUBMITTED&orgId=${w.orgs.cdcsA.id}`);
    expect(seen.items.find((r) => r.id === an.id)!.abilities).toContain('registration.approve');
    const noReason = await district.post('/api/v1/registrations/review', { ids: [unit.id], decision: 'RETURN' });
    expect(noReason.statusCode).toBe(400);
    expect(await countRows(db(), 'emulation_registration', sql`review_status = 'RETURNED'`)).toBe(0);
    expect((await district.post('/api/v1/registrations/review', { ids: [an.id], decision: 'APPROVE' })).statusCode).toBe(200);
    const ret = await district.post('/api/v1/registrations/review', { ids: [unit.id], decision: 'RETURN', reason: 'Thiếu bản đăng ký có chữ ký của Chủ tịch công đoàn' });
    expect(ret.statusCode).toBe(200);
    expect(await auditEvents(db(), 'registration.approve', an.id)).toHaveLength(1);
    const again = await district.post('/api/v1/registrations/review', { ids: [an.id], decision: 'RETURN', reason: 'Duyệt nhầm, trả lại' });
    expect(again.statusCode).toBe(409);
    expect(message(again)).toMatch(/không ở trạng thái chờ duyệt/);

    const returned = (await a.get(`/api/v1/registrations/${unit.id}`)).json<RegistrationDto>();
    expect(returned).toMatchObject({ reviewStatus: 'RETURNED', reviewReason: 'Thiếu bản đăng ký có chữ ký của Chủ tịch công đoàn' });
    const approved = (await a.get(`/api/v1/registrations/${an.id}`)).json<RegistrationDto>();
    expect(approved.abilities).toEqual([]);
    const locked = await a.patch(`/api/v1/registrations/${an.id}`, { awardCode: 'CSTD_CS' });
    expect(locked.statusCode).toBe(409);
    expect(message(locked)).toMatch(/đã được cấp trên duyệt/);
    expect((await a.post(`/api/v1/registrations/${an.id}/withdraw`, { reason: 'Không còn nhu cầu' })).statusCode).toBe(409);

    // The unit corrects the returned one: it is replaced (kept as SUPERSEDED) and waits again.
    const corrected = await a.patch(`/api/v1/registrations/${unit.id}`, { awardCode: 'TTLDXS', note: 'Đã bổ sung chữ ký' });
    expect(corrected.statusCode, corrected.body).toBe(200);
    const c2 = corrected.json<RegistrationDto>();
    expect(c2).toMatchObject({ awardCode: 'TTLDXS', reviewStatus: 'SUBMITTED', reviewReason: null });
    const old = (await db().execute<{ status: string; superseded_by: number }>(sql`select status, superseded_by from emulation_registration where id = ${unit.id}`)).rows[0]!;
    expect(old).toEqual({ status: 'SUPERSEDED', superseded_by: c2.id });
    expect((await a.patch(`/api/v1/registrations/${unit.id}`, { awardCode: 'TTLDTT' })).statusCode).toBe(409);
    // Withdrawn with a reason, never deleted.
    const w1 = await a.post(`/api/v1/registrations/${c2.id}/withdraw`, { reason: 'Đơn vị chưa đủ điều kiện' });
    expect(w1.statusCode).toBe(200);
    expect(w1.json<RegistrationDto>()).toMatchObject({ status: 'REVOKED', revokedReason: 'Đơn vị chưa đủ điều kiện', abilities: [] });
    expect(await auditEvents(db(), 'registration.withdraw', c2.id)).toHaveLength(1);
  });

  it('summary counts by award and status, list search ignores diacritics', async () => {
    const district = await loginAs(env.app, 'huyen.tdkt');
    const s = (await district.get(`/api/v1/registrations/summary?year=${YEAR}`)).json<{ total: number; byReview: Record<string, number>; byAward: { awardCode: string; approved: number }[] }>();
    const all = await list(district, `year=${YEAR}&pageSize=200`);
    expect(s.total).toBe(all.total);
    expect(s.byReview.APPROVED).toBe(1);
    expect(s.byAward.find((a) => a.awardCode === 'LDTT')!.approved).toBe(1);
    const q = await list(district, `year=${YEAR}&q=${encodeURIComponent('dang van')}`);
    expect(q.items.map((r) => r.subjectName)).toEqual(['Đặng Văn Bình']);
    const page = await list(district, `year=${YEAR}&pageSize=2&page=2`);
    expect(page.items).toHaveLength(2);
    expect(page.total).toBe(all.total);
  });
});

describe('Excel', () => {
  async function fill(buf: Buffer, choose: Record<string, string>, extra: [string, string][] = []): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Đăng ký thi đua')!;
    ws.eachRow((row, n) => {
      if (n <= 4) return;
      const code = String(row.getCell(2).value ?? '');
      if (choose[code]) row.getCell(5).value = choose[code];
    });
    for (const [code, award] of extra) ws.addRow([null, code, '', '', award]);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('the template lists the unit\'s active members with a drop-down of allowed titles', async () => {
    const c = await loginAs(env.app, 'cdcs.b');
    const res = await c.get(`/api/v1/registrations/template.xlsx?unitId=${w.orgs.cdcsB.id}&year=${YEAR}`);
    expect(res.statusCode).toBe(200);
    const rows = await readSheet(res.rawPayload);
    expect(rows[3]).toEqual(['STT', 'Mã đoàn viên', 'Họ và tên', 'Đơn vị', 'Danh hiệu đăng ký']);
    expect(rows.slice(4).map((r) => r[1])).toEqual(['DV0000003', 'DV0000004']);
    const choices = (await readSheet(res.rawPayload, 2)).map((r) => r[0] ?? '');
    expect(choices).toContain('LDTT – Lao động tiên tiến');
    expect(choices).not.toContain('TTLDTT – Tập thể lao động tiên tiến');
    const options = (await c.get(`/api/v1/registrations/options?unitId=${w.orgs.cdcsB.id}&year=${YEAR}`)).json<RegistrationOptions>();
    expect(options.unitAwards.map((a) => a.code)).toContain('CDCS_HTXSNV');
    expect(options.memberAwards.map((a) => a.code)).toEqual(choices.map((x) => x.split(' – ')[0]));
    expect((await c.get(`/api/v1/registrations/template.xlsx?unitId=${w.orgs.cdcsA.id}&year=${YEAR}`)).statusCode).toBe(404);
  });

  it('an import with one bad row saves nothing and names the row; a good one saves all', async () => {
    const extra = await createPerson(db(), w.orgs.cdcsB, { fullName: 'Lê Thị Hoa', gender: 'FEMALE', memberCode: 'DV0000005' });
    const c = await loginAs(env.app, 'cdcs.b');
    const template = (await c.get(`/api/v1/registrations/template.xlsx?unitId=${w.orgs.cdcsB.id}&year=${YEAR + 1}`)).rawPayload;
    const before = await registrations();
    const bad = await fill(template, { DV0000005: 'LDTT – Lao động tiên tiến', DV0000003: 'Danh hiệu lạ' });
    const res = await c.request({ method: 'POST', url: `/api/v1/registrations/import?unitId=${w.orgs.cdcsB.id}&year=${YEAR + 1}`, ...multipart('dang-ky.xlsx', bad) });
    expect(res.statusCode).toBe(400);
    const items = res.json<{ details: { items: RegistrationItemError[] } }>().details.items;
    expect(items.map((i) => i.message)).toEqual(['Dòng 5: không có danh hiệu "Danh hiệu lạ". Chọn trong danh sách của cột Danh hiệu đăng ký.']);
    expect(await registrations()).toBe(before);
    const notMember = await fill(template, { DV0000005: 'LDTT' }, [['DV0000001', 'LDTT']]);
    const res2 = await c.request({ method: 'POST', url: `/api/v1/registrations/import?unitId=${w.orgs.cdcsB.id}&year=${YEAR + 1}`, ...multipart('dang-ky.xlsx', notMember) });
    expect(res2.json<{ details: { items: RegistrationItemError[] } }>().details.items[0]!.message).toMatch(/^Dòng 8: không có đoàn viên mã "DV0000001"/);
    const notXlsx = await c.request({ method: 'POST', url: `/api/v1/registrations/import?unitId=${w.orgs.cdcsB.id}&year=${YEAR + 1}`, ...multipart('dang-ky.xlsx', Buffer.from('không phải excel')) });
    expect(notXlsx.statusCode).toBe(415);
    expect(await registrations()).toBe(before);
    const good = await fill(template, { DV0000005: 'LDTT – Lao động tiên tiến', DV0000003: 'Chiến sĩ thi đua cơ sở' });
    const ok = await c.request({ method: 'POST', url: `/api/v1/registrations/import?unitId=${w.orgs.cdcsB.id}&year=${YEAR + 1}`, ...multipart('dang-ky.xlsx', good) });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<{ created: number }>().created).toBe(2);
    const saved = await db().execute<{ person_id: number; award_code: string; source: string }>(sql`select person_id, award_code, source from emulation_registration where year = ${YEAR + 1} order by person_id`);
    expect(saved.rows).toEqual([{ person_id: w.persons.dang, award_code: 'CSTD_CS', source: 'IMPORT' }, { person_id: extra, award_code: 'LDTT', source: 'IMPORT' }]);
  });

  it('exports exactly the filtered list', async () => {
    const district = await loginAs(env.app, 'huyen.tdkt');
    const filtered = await list(district, `year=${YEAR}&subject=PERSON&orgId=${w.orgs.cdcsB.id}`);
    const res = await district.get(`/api/v1/registrations/export.xlsx?year=${YEAR}&subject=PERSON&orgId=${w.orgs.cdcsB.id}`);
    expect(res.statusCode).toBe(200);
    const rows = await readSheet(res.rawPayload);
    expect(rows[0]![0]).toBe(`DANH SÁCH ĐĂNG KÝ THI ĐUA NĂM ${YEAR}`);
    const body = rows.slice(2);
    expect(body.map((r) => r[3])).toEqual(filtered.items.map((r) => r.subjectName));
    expect(body.map((r) => r[3]).sort()).toEqual(['Trần Thị Cúc', 'Đặng Văn Bình'].sort());
    expect(body.every((r) => r[1] === 'Cá nhân' && r[9] === 'Chờ duyệt')).toBe(true);
  });
});

describe('eligibility reads registrations', () => {
  it('the registration rule passes after registering and ignores returned or withdrawn ones', async () => {
    const pack = 'CD-999';
    await db().execute(sql`insert into rule_parameter (pack_id, param_key, value, effective_from, reason) values (${pack}, 'COMMON.registration.required', 'true'::jsonb, '2024-01-01', 'Bắt buộc đăng ký thi đua')`);
    const person = await createPerson(db(), w.orgs.cdcsA, { fullName: 'Phạm Minh Đức', memberCode: 'DV0000009' });
    const officer = await loginAs(env.app, 'cdcs.a');
    type Step = { ruleId: string; outcome: string; text: string };
    const steps = async () => (await officer.get(`/api/v1/eligibility/members/${person}?target=LDTT&year=${YEAR}`)).json<{ reasons: Step[] }>().reasons.filter((s) => s.ruleId === 'COMMON.registration');
    expect((await steps()).map((s) => s.outcome)).toEqual(['FAIL']);
    const reg = (await register(officer, { personId: person, year: YEAR, awardCode: 'LDTT' })).json<RegistrationDto>();
    const pass = await steps();
    expect(pass.map((s) => s.outcome)).toEqual(['PASS']);
    expect(pass[0]!.text).toBe(`Đã đăng ký thi đua LĐTT năm ${YEAR}`);
    const district = await loginAs(env.app, 'huyen.tdkt');
    await district.post('/api/v1/registrations/review', { ids: [reg.id], decision: 'RETURN', reason: 'Chưa có xác nhận của tổ công đoàn' });
    expect((await steps()).map((s) => s.outcome)).toEqual(['FAIL']);
    const corrected = (await officer.patch(`/api/v1/registrations/${reg.id}`, { awardCode: 'LDTT' })).json<RegistrationDto>();
    expect((await steps()).map((s) => s.outcome)).toEqual(['PASS']);
    await officer.post(`/api/v1/registrations/${corrected.id}/withdraw`, { reason: 'Người lao động chuyển công tác' });
    expect((await steps()).map((s) => s.outcome)).toEqual(['FAIL']);
  });
});

describe('demo registrations', () => {
  it('the demo holds this year\'s registrations of a few CĐCS: approved, returned with a reason, waiting', async () => {
    const { loadDemo } = await import('../../src/server/seed/load-demo');
    const { DEMO_RETURN_REASON } = await import('../../src/server/seed/demo-registrations');
    const demo = await startTestApp();
    try {
      await loadDemo(demo.database.db);
      const rows = await demo.database.db.execute<{ review_status: string; units: number; n: number }>(sql`
        select review_status, count(distinct unit_id)::int as units, count(*)::int as n from emulation_registration where year = ${YEAR} group by review_status order by review_status`);
      expect(rows.rows.map((r) => r.review_status)).toEqual(['APPROVED', 'RETURNED', 'SUBMITTED']);
      expect(rows.rows.find((r) => r.review_status === 'RETURNED')!.n).toBe(1);
      expect(rows.rows.find((r) => r.review_status === 'APPROVED')!.units).toBe(2);
      const { Client } = await import('../factories');
      const { DEMO_PASSWORD } = await import('../../src/server/seed/demo-world');
      const c = await new Client(demo.app).login('huyen.tdkt', DEMO_PASSWORD);
      const returned = (await c.get(`/api/v1/registrations?year=${YEAR}&reviewStatus=RETURNED`)).json<{ items: RegistrationDto[] }>().items;
      expect(returned).toHaveLength(1);
      expect(returned[0]).toMatchObject({ reviewReason: DEMO_RETURN_REASON, abilities: ['registration.update', 'registration.withdraw'] });
    } finally {
      await demo.close();
    }
  }, 120_000);
});
