// Certificate templates per organisation: the district's TĐKT officer changes its Giấy khen (title,
// dedication, colour), each save supersedes the active row and keeps the old one, a colour outside
// the palette or a too-long text is refused in Vietnamese with nothing changed, reset is one more
// superseding row, of two simultaneous saves one wins, every save is audited, the preview prints a
// draft without saving it, and a signed decision's certificates print the organisation's title.
// Permissions: the CĐCS officer and the viewer cannot edit the district's template, another subtree
// sees nothing, the administrator can.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { startTestApp, type TestEnv } from '../support/app';
import { loginAs, smallWorld } from '../factories';
import { auditEvents } from '../support/achievements';
import { insertToCouncil } from '../support/councils';
import type { OrgTemplatesDto, TemplateHistoryDto } from '../../src/contracts/certificate-templates';
import type { DecisionDto } from '../../src/contracts/decisions';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;

beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(env.database.db);
});
afterAll(() => env.close());

const db = () => env.database.db;
const as = (user: string) => loginAs(env.app, user);
const url = (orgId: number, rest = '') => `/api/v1/certificate-templates/${orgId}${rest}`;
const giayKhen = (d: OrgTemplatesDto) => d.templates.find((x) => x.kind === 'GIAY_KHEN')!;

async function pdfText(buf: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(buf), isEvalSupported: false }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    for (const item of (await (await pdf.getPage(n)).getTextContent()).items) if ('str' in item) parts.push(item.str, item.hasEOL ? ' ' : '');
  }
  await pdf.destroy();
  return parts.join('').normalize('NFC').replace(/\s+/g, ' ');
}

async function rows(orgId: number) {
  const r = await db().execute<{ id: number; kind: string; status: string; settings: Record<string, unknown> }>(sql`
    select id, kind, status, settings from certificate_template where org_id = ${orgId} order by id`);
  return r.rows.map((x) => ({ ...x, id: Number(x.id) }));
}

const CHANGE = { title: 'Giấy khen Lao động giỏi', verb: 'Khen thưởng đồng chí', accentColor: '#1F4E8C', showEmblem: false, footer: 'Lao động – Sáng tạo – Hội nhập' };

describe('certificate templates', () => {
  let firstId: number;

  it('shows the defaults while the organisation has saved nothing; readers read, only managers may edit', async () => {
    const res = await (await as('huyen.tdkt')).get(url(w.orgs.huyen.id));
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json<OrgTemplatesDto>();
    expect(d.abilities).toEqual(['certificateTemplate.update']);
    expect(d.templates.map((x) => [x.kind, x.id, x.overridden])).toEqual([['GIAY_KHEN', null, []], ['BANG_KHEN', null, []]]);
    expect(giayKhen(d).effective).toMatchObject({
      title: 'GIẤY KHEN', verb: 'Tặng', accentColor: '#b8860b', borderStyle: 'CLASSIC', showEmblem: true,
      issuerLine1: 'LIÊN ĐOÀN LAO ĐỘNG TỈNH TÂY NINH', issuerLine2: 'BAN CHẤP HÀNH LIÊN ĐOÀN LAO ĐỘNG HUYỆN DMC', signerOnBehalf: null,
    });
    const viewer = await (await as('xem')).get(url(w.orgs.huyen.id));
    expect(viewer.statusCode).toBe(200);
    expect(viewer.json<OrgTemplatesDto>().abilities).toEqual([]);
    // Outside the subtree: not found, for the template and its history and preview.
    const other = await as('cdcs.b');
    for (const path of ['', '/GIAY_KHEN/history', '/GIAY_KHEN/preview.pdf']) expect((await other.get(url(w.orgs.cdcsA.id, path))).statusCode, path).toBe(404);
    expect((await (await as('cdcs.a')).get(url(w.orgs.huyen.id))).statusCode).toBe(404);
  });

  it('saves a change as a new active row, then supersedes it with the next one and keeps both', async () => {
    const officer = await as('huyen.tdkt');
    const res = await officer.put(url(w.orgs.huyen.id, '/GIAY_KHEN'), { settings: CHANGE, expectedId: null });
    expect(res.statusCode, res.body).toBe(200);
    const g = giayKhen(res.json<OrgTemplatesDto>());
    firstId = g.id!;
    expect(g.effective).toMatchObject({ title: 'Giấy khen Lao động giỏi', verb: 'Khen thưởng đồng chí', accentColor: '#1f4e8c', showEmblem: false, footer: 'Lao động – Sáng tạo – Hội nhập', borderStyle: 'CLASSIC' });
    expect(g.overridden).toEqual(['title', 'verb', 'accentColor', 'showEmblem', 'footer']);
    expect(g.savedByName).toBe('Người dùng huyen.tdkt');
    // The other kind is untouched.
    expect(res.json<OrgTemplatesDto>().templates.find((x) => x.kind === 'BANG_KHEN')!.id).toBeNull();

    // Stale: the editor saw "no template" but there is one now.
    const stale = await officer.put(url(w.orgs.huyen.id, '/GIAY_KHEN'), { settings: { title: 'Khác' }, expectedId: null });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ message: string }>().message).toMatch(/^Mẫu đã được người khác thay đổi/);

    const next = await officer.put(url(w.orgs.huyen.id, '/GIAY_KHEN'), { settings: { ...CHANGE, borderStyle: 'DOUBLE' }, expectedId: firstId });
    expect(next.statusCode, next.body).toBe(200);
    const secondId = giayKhen(next.json<OrgTemplatesDto>()).id!;
    expect(secondId).not.toBe(firstId);
    const stored = await rows(w.orgs.huyen.id);
    expect(stored.map((r) => [r.id, r.status])).toEqual([[firstId, 'SUPERSEDED'], [secondId, 'ACTIVE']]);
    // The old row keeps what it said.
    expect(stored[0]!.settings).toEqual({ ...CHANGE, accentColor: '#1f4e8c' });

    const events = await auditEvents(db(), 'certificateTemplate.save');
    expect(events.map((e) => e.entity_id)).toEqual([String(firstId), String(secondId)]);
    expect(events[0]!.before).toBeNull();
    expect(events[1]!.before).toMatchObject({ id: firstId, kind: 'GIAY_KHEN' });
    expect(events[1]!.after).toMatchObject({ kind: 'GIAY_KHEN', supersedes: firstId, settings: { borderStyle: 'DOUBLE' } });
  });

  it('lets one of two simultaneous saves over the same version through and refuses the other', async () => {
    const [a, b] = await Promise.all([as('huyen.tdkt'), as('huyen.tdkt')]);
    const current = giayKhen((await a.get(url(w.orgs.huyen.id))).json<OrgTemplatesDto>()).id;
    const before = (await rows(w.orgs.huyen.id)).length;
    const results = await Promise.all([
      a.put(url(w.orgs.huyen.id, '/GIAY_KHEN'), { settings: { ...CHANGE, borderStyle: 'DOUBLE', signerTitle: 'Phó Chủ tịch' }, expectedId: current }),
      b.put(url(w.orgs.huyen.id, '/GIAY_KHEN'), { settings: { ...CHANGE, borderStyle: 'DOUBLE', signerTitle: 'Chủ tịch' }, expectedId: current }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const after = await rows(w.orgs.huyen.id);
    expect(after).toHaveLength(before + 1);
    expect(after.filter((r) => r.kind === 'GIAY_KHEN' && r.status === 'ACTIVE')).toHaveLength(1);
  });

  it('refuses a colour outside the palette and too-long texts in Vietnamese, and changes nothing', async () => {
    const officer = await as('huyen.tdkt');
    const before = await rows(w.orgs.huyen.id);
    const auditBefore = (await auditEvents(db(), 'certificateTemplate.save')).length;
    const current = giayKhen((await officer.get(url(w.orgs.huyen.id))).json<OrgTemplatesDto>()).id;
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ accentColor: '#ffff00' }, 'settings.accentColor', /^Màu này không có trong bảng màu cho phép/],
      [{ accentColor: 'gold' }, 'settings.accentColor', /^Màu này không có trong bảng màu cho phép/],
      [{ title: 'G'.repeat(31) }, 'settings.title', /^Quá dài: tối đa 30 ký tự\.$/],
      [{ footer: 'chữ '.repeat(40) }, 'settings.footer', /^Quá dài: tối đa 120 ký tự\.$/],
      [{ issuerLine1: 'Đ'.repeat(121) }, 'settings.issuerLine1', /^Quá dài: tối đa 120 ký tự\.$/],
    ];
    for (const [settings, field, text] of cases) {
      const res = await officer.put(url(w.orgs.huyen.id, '/GIAY_KHEN'), { settings, expectedId: current });
      expect(res.statusCode, JSON.stringify(settings)).toBe(400);
      const body = res.json<{ code: string; message: string; details: { fields: Record<string, string> } }>();
      expect(body.code).toBe('VALIDATION');
      expect(body.message).toMatch(/[à-ỹ]/);
      expect(body.details.fields[field], field).toMatch(text);
    }
    // An unknown field is refused too (nobody sneaks a font or an image in).
    expect((await officer.put(url(w.orgs.huyen.id, '/GIAY_KHEN'), { settings: { font: 'Comic Sans' }, expectedId: current })).statusCode).toBe(400);
    expect(await rows(w.orgs.huyen.id)).toEqual(before);
    expect(await auditEvents(db(), 'certificateTemplate.save')).toHaveLength(auditBefore);
  });

  it('lets the organisation’s officer and the administrator above edit, not the CĐCS officer, the viewer or another subtree', async () => {
    const current = giayKhen((await (await as('huyen.tdkt')).get(url(w.orgs.huyen.id))).json<OrgTemplatesDto>()).id;
    const body = { settings: { title: 'Giấy khen của người khác' }, expectedId: current };
    const before = await rows(w.orgs.huyen.id);
    expect((await (await as('xem')).put(url(w.orgs.huyen.id, '/GIAY_KHEN'), body)).statusCode).toBe(403);
    expect((await (await as('cdcs.a')).put(url(w.orgs.huyen.id, '/GIAY_KHEN'), body)).statusCode).toBe(404);
    expect((await (await as('cdcs.b')).put(url(w.orgs.cdcsA.id, '/GIAY_KHEN'), { settings: {}, expectedId: null })).statusCode).toBe(404);
    expect((await (await as('doanvien')).put(url(w.orgs.cdcsA.id, '/GIAY_KHEN'), { settings: {}, expectedId: null })).statusCode).toBe(404);
    expect(await rows(w.orgs.huyen.id)).toEqual(before);
    expect(await rows(w.orgs.cdcsA.id)).toEqual([]);
    // Positive control: the administrator above the district may edit its Bằng khen.
    const admin = await (await as('admin')).put(url(w.orgs.huyen.id, '/BANG_KHEN'), { settings: { accentColor: '#8b0000' }, expectedId: null });
    expect(admin.statusCode, admin.body).toBe(200);
    expect(admin.json<OrgTemplatesDto>().templates.find((x) => x.kind === 'BANG_KHEN')!.effective.accentColor).toBe('#8b0000');
  });

  it('previews the saved template and a draft without saving the draft', async () => {
    const officer = await as('huyen.tdkt');
    const saved = await officer.get(url(w.orgs.huyen.id, '/GIAY_KHEN/preview.pdf'));
    expect(saved.statusCode).toBe(200);
    expect(saved.headers['content-type']).toBe('application/pdf');
    const savedText = await pdfText(saved.rawPayload);
    for (const part of ['GIẤY KHEN LAO ĐỘNG GIỎI', 'Khen thưởng đồng chí', 'Nguyễn Thị Mẫu', 'Lao động – Sáng tạo – Hội nhập', 'LIÊN ĐOÀN LAO ĐỘNG TỈNH TÂY NINH']) expect(savedText, part).toContain(part);
    expect(savedText).not.toContain('Tặng');
    // The viewer may look at it too.
    expect((await (await as('xem')).get(url(w.orgs.huyen.id, '/GIAY_KHEN/preview.pdf'))).statusCode).toBe(200);

    const before = await rows(w.orgs.huyen.id);
    const draft = await officer.post(url(w.orgs.huyen.id, '/GIAY_KHEN/preview'), { settings: { title: 'Giấy khen Đoàn viên ưu tú', verb: 'Tặng đồng chí' } });
    expect(draft.statusCode, draft.body).toBe(200);
    const draftText = await pdfText(draft.rawPayload);
    expect(draftText).toContain('GIẤY KHEN ĐOÀN VIÊN ƯU TÚ');
    expect(draftText).toContain('Tặng đồng chí');
    expect((await officer.post(url(w.orgs.huyen.id, '/GIAY_KHEN/preview'), { settings: { accentColor: '#00ff00' } })).statusCode).toBe(400);
    expect(await rows(w.orgs.huyen.id)).toEqual(before);
  });

  it('lists the history newest first with who saved it, paginated; reset to default is one more superseding row', async () => {
    const officer = await as('huyen.tdkt');
    const current = giayKhen((await officer.get(url(w.orgs.huyen.id))).json<OrgTemplatesDto>()).id;
    const reset = await officer.put(url(w.orgs.huyen.id, '/GIAY_KHEN'), { settings: {}, expectedId: current });
    expect(reset.statusCode, reset.body).toBe(200);
    const g = giayKhen(reset.json<OrgTemplatesDto>());
    expect(g.overridden).toEqual([]);
    expect(g.effective).toEqual(g.defaults);
    expect(g.id).not.toBeNull();
    expect(await auditEvents(db(), 'certificateTemplate.reset', g.id!)).toHaveLength(1);

    const page1 = (await officer.get(url(w.orgs.huyen.id, '/GIAY_KHEN/history?pageSize=2'))).json<{ items: TemplateHistoryDto[]; total: number }>();
    expect(page1.total).toBe(4);
    expect(page1.items.map((h) => [h.id, h.status])).toEqual([[g.id, 'ACTIVE'], [current, 'SUPERSEDED']]);
    expect(page1.items[1]!.overridden).toContain('borderStyle');
    expect(page1.items[0]!.createdByName).toBe('Người dùng huyen.tdkt');
    const page2 = (await (await as('xem')).get(url(w.orgs.huyen.id, '/GIAY_KHEN/history?pageSize=2&page=2'))).json<{ items: TemplateHistoryDto[] }>();
    expect(page2.items.map((h) => h.status)).toEqual(['SUPERSEDED', 'SUPERSEDED']);
    expect(page2.items[1]!.id).toBe(firstId);
    // Nothing was deleted: four rows, one active.
    expect((await rows(w.orgs.huyen.id)).filter((r) => r.kind === 'GIAY_KHEN').map((r) => r.status)).toEqual(['SUPERSEDED', 'SUPERSEDED', 'SUPERSEDED', 'ACTIVE']);
  });

  it('prints a signed decision’s certificates with the organisation’s title once it changed', async () => {
    const officer = await as('huyen.tdkt');
    const ids = await insertToCouncil(db(), w.orgs.huyen, [{ personId: w.persons.anh, unit: w.orgs.cdcsA, name: 'Nguyễn Thị Ánh', awardCode: 'LDTT' }], 2025);
    await db().execute(sql`update nomination set status = 'COUNCIL_PASSED' where id = any(${sql.param(ids)}::bigint[])`);
    const draft = await officer.post('/api/v1/decisions', { orgId: w.orgs.huyen.id, nominationIds: ids });
    expect(draft.statusCode, draft.body).toBe(201);
    const d = draft.json<DecisionDto>();
    const signed = await officer.post(`/api/v1/decisions/${d.id}/sign`, { version: d.version, signedOn: '2025-12-20', signerName: 'Nguyễn Thị Thúy' });
    expect(signed.statusCode, signed.body).toBe(200);
    const print = async () => pdfText((await officer.request({ method: 'GET', url: `/api/v1/decisions/${d.id}/certificates.pdf` })).rawPayload);

    // After the reset above: the default title and dedication, and the decision's own signer block.
    const before = await print();
    expect(before).toContain('GIẤY KHEN');
    expect(before).toContain('Tặng');
    expect(before).toContain('TM. BAN THƯỜNG VỤ');
    expect(before).not.toContain('LAO ĐỘNG GIỎI');

    const current = giayKhen((await officer.get(url(w.orgs.huyen.id))).json<OrgTemplatesDto>()).id;
    const save = await officer.put(url(w.orgs.huyen.id, '/GIAY_KHEN'), { settings: { title: 'Giấy khen Lao động giỏi', verb: 'Khen thưởng', signerOnBehalf: 'TM. Ban Chấp hành' }, expectedId: current });
    expect(save.statusCode, save.body).toBe(200);
    const after = await print();
    for (const part of ['GIẤY KHEN LAO ĐỘNG GIỎI', 'Khen thưởng', 'TM. BAN CHẤP HÀNH', 'Nguyễn Thị Ánh', 'Nguyễn Thị Thúy']) expect(after, part).toContain(part);
    expect(after).not.toContain('TM. BAN THƯỜNG VỤ');
  });
});
