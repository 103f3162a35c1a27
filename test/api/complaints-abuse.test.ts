// The public complaint form under abuse: script injection in every text field (kept verbatim as
// JSON text), oversized bodies, a flood of parallel letters from one address, missing or invalid
// contacts, invisible-only content, NUL bytes and bidirectional overrides — each refused with a
// Vietnamese message and nothing stored, or stored without the invisible characters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestEnv } from '../support/app';
import { loginAs, smallWorld } from '../factories';
import { countRows } from '../support/achievements';
import { COMPLAINT_LIMITS, type ComplaintDto, type PublicComplaintStatus } from '../../src/contracts/complaints';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;

beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(env.database.db);
});
afterAll(() => env.close());

const db = () => env.database.db;
let lastIp = 0;
/** A fresh client address per letter unless one is given, so that the rate limit does not interfere. */
const send = (payload: unknown, ip = `198.51.100.${++lastIp}`) =>
  env.app.inject({ method: 'POST', url: `/api/v1/public/orgs/${w.orgs.huyen.code}/complaints`, payload: payload as object, remoteAddress: ip });
const LETTER = { kind: 'DENUNCIATION', name: 'Lê Văn Tố', contact: 'to.cao@example.vn', content: 'Tôi tố cáo việc kê khai khống thành tích để được đề nghị khen thưởng tại đơn vị.' };
const SCRIPT = '<script>alert("xss")</script><img src=x onerror=alert(1)>';
const message = (res: { json: <T>() => T }) => res.json<{ message: string }>().message;

describe('script injection', () => {
  it('is stored verbatim in every text field and returned as JSON text, never interpreted', async () => {
    const payload = { ...LETTER, name: `Lê ${SCRIPT}`, address: `Ấp 3 ${SCRIPT}`, content: `${LETTER.content} ${SCRIPT} javascript:alert(2) {{constructor.constructor('alert(3)')()}}` };
    const res = await send(payload);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const code = res.json<{ referenceCode: string }>().referenceCode;
    const row = (await db().execute<{ id: number; complainant_name: string; complainant_address: string; content: string }>(sql`select id, complainant_name, complainant_address, content from complaint where reference_code = ${code}`)).rows[0]!;
    expect(row).toMatchObject({ complainant_name: payload.name, complainant_address: payload.address, content: payload.content });
    const officer = await loginAs(env.app, 'huyen.tdkt');
    const detail = await officer.get(`/api/v1/complaints/${row.id}`);
    expect(detail.headers['content-type']).toMatch(/^application\/json/);
    const c = detail.json<ComplaintDto>();
    expect(c.complainant).toEqual({ name: payload.name, contact: LETTER.contact, address: payload.address });
    expect(c.content).toBe(payload.content);
    // The status page answers nothing of what was written.
    const status = await env.app.inject({ method: 'GET', url: `/api/v1/public/complaints/${code}` });
    expect(status.body).not.toContain('<script>');
    expect(status.json<PublicComplaintStatus>().status).toBe('RECEIVED');
  });

  it('in the contact is refused: a contact is a phone number or an e-mail address', async () => {
    const before = await countRows(db(), 'complaint');
    for (const contact of [SCRIPT, `a@b.vn${SCRIPT}`, `0912345678<script>`]) {
      const res = await send({ ...LETTER, contact });
      expect(res.statusCode).toBe(400);
      expect(JSON.stringify(res.json())).toContain('Hãy ghi số điện thoại hoặc địa chỉ thư điện tử');
    }
    expect(await countRows(db(), 'complaint')).toBe(before);
  });
});

describe('size, contact and invisible characters', () => {
  it('refuses an oversized body with 413 and a content over the limit with 400, storing nothing', async () => {
    const before = await countRows(db(), 'complaint');
    const huge = await send({ ...LETTER, content: 'Tố cáo. '.repeat(200_000) });
    expect(huge.statusCode).toBe(413);
    expect(message(huge)).toMatch(/quá lớn|MB/);
    const long = await send({ ...LETTER, content: 'x'.repeat(COMPLAINT_LIMITS.contentMax + 1) });
    expect(long.statusCode).toBe(400);
    const longName = await send({ ...LETTER, name: 'Lê'.repeat(COMPLAINT_LIMITS.nameMax) });
    expect(longName.statusCode).toBe(400);
    expect(await countRows(db(), 'complaint')).toBe(before);
  });

  it('refuses a missing or invalid contact and a content of zero-width characters only, in Vietnamese, storing nothing', async () => {
    const before = await countRows(db(), 'complaint');
    const { contact: _contact, ...noContact } = LETTER;
    const missing = await send(noContact);
    expect(missing.statusCode).toBe(400);
    expect(message(missing)).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵđêếềệểễôốồộổỗơớờợởỡưứừựửữ]/);
    for (const contact of ['', '   ', 'không có', '12345', 'a@', '\u200b\u200b']) {
      const res = await send({ ...LETTER, contact });
      expect(res.statusCode, contact).toBe(400);
    }
    const invisible = await send({ ...LETTER, content: '\u200b\u200c\u200d\ufeff\u2060'.repeat(10) + '\u200b'.repeat(30) });
    expect(invisible.statusCode).toBe(400);
    expect(message(invisible)).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵđêếềệểễôốồộổỗơớờợởỡưứừựửữ]/);
    const zw = await send({ ...LETTER, content: '\u200b'.repeat(40) });
    expect(zw.statusCode).toBe(400);
    expect(await countRows(db(), 'complaint')).toBe(before);
  });

  it('strips bidirectional overrides from the name, address and content; refuses them in the contact; refuses NUL anywhere', async () => {
    const res = await send({ ...LETTER, name: 'Lê Văn\u202e Tố', address: 'Ấp\u2066 3', content: `\u202e${LETTER.content}\u2067 gdp.exe` });
    expect(res.statusCode, res.body).toBe(201);
    const code = res.json<{ referenceCode: string }>().referenceCode;
    const row = (await db().execute<{ complainant_name: string; complainant_address: string; content: string }>(sql`select complainant_name, complainant_address, content from complaint where reference_code = ${code}`)).rows[0]!;
    expect(row).toEqual({ complainant_name: 'Lê Văn Tố', complainant_address: 'Ấp 3', content: `${LETTER.content} gdp.exe` });
    expect([...Object.values(row).join('')].filter((ch) => /[\u202a-\u202e\u2066-\u2069]/.test(ch))).toEqual([]);
    const before = await countRows(db(), 'complaint');
    expect((await send({ ...LETTER, contact: 'to.cao@example.vn\u0000' })).statusCode).toBe(400);
    expect((await send({ ...LETTER, contact: '0912\u202e345678' })).statusCode).toBe(400);
    // A NUL byte is refused in every field (the API refuses U+0000 before any schema), with the field named.
    const nul = await send({ ...LETTER, name: 'Lê\u0000 Văn Tố' });
    expect(nul.statusCode).toBe(400);
    expect(nul.json<{ details: { fields: Record<string, string> } }>().details.fields).toEqual({ name: 'Dữ liệu chứa ký tự điều khiển không hợp lệ (NUL). Vui lòng gõ lại hoặc dán văn bản thuần.' });
    expect(await countRows(db(), 'complaint')).toBe(before);
  });
});

describe('floods', () => {
  it('25 parallel letters from one address: exactly the hourly limit is stored, the rest get 429', async () => {
    const ip = '203.0.113.250';
    const before = await countRows(db(), 'complaint');
    const results = await Promise.all(Array.from({ length: 25 }, (_, i) => send({ ...LETTER, content: `${LETTER.content} Lần ${i + 1}.` }, ip)));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((s) => s === 201)).toHaveLength(COMPLAINT_LIMITS.perHour);
    expect(codes.filter((s) => s === 429)).toHaveLength(25 - COMPLAINT_LIMITS.perHour);
    expect(message(results.find((r) => r.statusCode === 429)!)).toMatch(/^Mỗi địa chỉ chỉ gửi được 3 đơn trong một giờ\./);
    expect(await countRows(db(), 'complaint')).toBe(before + COMPLAINT_LIMITS.perHour);
    // Another address is not held back.
    expect((await send(LETTER, '203.0.113.251')).statusCode).toBe(201);
  });
});
