// Evidence files of score sheets (issue 5): checked by content, size-limited, kept outside the web
// root, versions kept (replace supersedes, withdraw revokes with a reason), required evidence
// enforced at submission, readable by the sheet's readers only.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestEnv } from '../support/app';
import { loginAs, smallWorld, type Client } from '../factories';
import { auditEvents } from '../support/achievements';
import { multipartBody, pdfBytes, uploadEvidence } from '../support/scoring';
import { todayInVietnam } from '../../src/server/modules/imports/xlsx';
import { LIMITS } from '../../src/contracts/limits';
import type { SheetDto } from '../../src/contracts/scoring';
import type { EvidenceDto } from '../../src/contracts/scoring-evidence';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
let roundId: number;
let sheetId: number;
beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(env.database.db);
  const officer = await loginAs(env.app, 'huyen.tdkt');
  const t = await env.database.db.execute<{ id: number }>(sql`select id from scorecard_template where code = 'CDCS_1294' and org_id is null order by version limit 1`);
  const d = new Date(`${todayInVietnam()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 20);
  const res = await officer.post('/api/v1/scoring-rounds', {
    orgId: w.orgs.huyen.id, year: 2025, title: 'Xếp loại CĐCS năm 2025', templateId: Number(t.rows[0]!.id), deadline: d.toISOString().slice(0, 10),
  });
  expect(res.statusCode).toBe(200);
  roundId = res.json().id;
  const s = await env.database.db.execute<{ id: number }>(sql`select id from score_sheet where round_id = ${roundId} and org_id = ${w.orgs.cdcsA.id}`);
  sheetId = Number(s.rows[0]!.id);
});
afterAll(() => env.close());

function upload(c: Client, criterionCode: string, fileName: string, content: Buffer, extra: { supersedesId?: number; sheet?: number } = {}) {
  return uploadEvidence(c, extra.sheet ?? sheetId, criterionCode, fileName, content, extra.supersedesId);
}

const PDF = pdfBytes;
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), crypto.randomBytes(64)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), crypto.randomBytes(64)]);
const docx = () => Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Biên bản giám sát việc đóng bảo hiểm xã hội năm 2025')] }] }));
async function xlsx() {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Chi').addRow(['Thăm hỏi', 500000]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const storedCount = () => {
  const dir = path.join(env.ctx.config.dataDir, 'files');
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir).filter((d) => d !== 'tmp').flatMap((d) => fs.readdirSync(path.join(dir, d))).length;
};
const rowCount = async () => Number((await env.database.db.execute<{ n: number }>(sql`select count(*)::int as n from score_evidence`)).rows[0]!.n);

describe('uploading evidence', () => {
  it('takes PDF, DOCX, XLSX, JPEG and PNG by their content, records size and SHA-256, keeps one copy per content, and audits', async () => {
    const c = await loginAs(env.app, 'cdcs.a');
    const files: [string, Buffer, string][] = [
      ['bien-ban.pdf', PDF('G1.1'), 'application/pdf'],
      ['Báo cáo giám sát.docx', await docx(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['so-chi.xlsx', await xlsx(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['anh-1.jpg', JPEG, 'image/jpeg'],
      ['anh-2.png', PNG, 'image/png'],
    ];
    for (const [name, content, mime] of files) {
      const res = await upload(c, 'G1.1', name, content);
      expect(res.statusCode, res.body).toBe(200);
      const e = res.json<EvidenceDto>();
      expect(e).toMatchObject({ sheetId, criterionCode: 'G1.1', fileName: name, mimeType: mime, sizeBytes: content.length, status: 'ACTIVE', abilities: ['evidence.revoke'] });
      expect(e.sha256).toBe(crypto.createHash('sha256').update(content).digest('hex'));
      // Stored under DATA_DIR/files by content hash, outside the web root, server-readable only.
      const stored = path.join(env.ctx.config.dataDir, 'files', e.sha256.slice(0, 2), e.sha256);
      expect(fs.readFileSync(stored).equals(content)).toBe(true);
      expect(fs.statSync(stored).mode & 0o077).toBe(0);
    }
    const before = storedCount();
    const again = await upload(c, 'G1.2', 'ban-sao.pdf', PDF('G1.1'));
    expect(again.statusCode).toBe(200);
    expect(storedCount()).toBe(before);
    const events = await auditEvents(env.database.db, 'scoring.evidence.upload');
    expect(events.length).toBe(6);
    const list = (await c.get(`/api/v1/score-sheets/${sheetId}/evidence`)).json<{ items: EvidenceDto[] }>().items;
    expect(list.filter((e) => e.criterionCode === 'G1.1').map((e) => e.fileName)).toEqual(files.map((f) => f[0]));
  });

  it('gives the file name the extension of its content and strips paths and invisible characters', async () => {
    const c = await loginAs(env.app, 'cdcs.a');
    const res = await upload(c, 'G1.3', '..\\..\\etc/Bi\u202eên bản\u200b.txt', PDF('name'));
    expect(res.statusCode).toBe(200);
    expect(res.json<EvidenceDto>().fileName).toBe('Biên bản.txt.pdf');
  });

  it.each([
    ['an executable named .pdf', 'bien-ban.pdf', Buffer.from('MZ\x90\x00\x03\x00\x00\x00 this program cannot be run in DOS mode')],
    ['HTML named .png', 'anh.png', Buffer.from('<html><script>alert(1)</script></html>')],
    ['a GIF (not accepted)', 'anh.gif', Buffer.from('GIF89a\x01\x00\x01\x00')],
    ['plain text named .docx', 'bao-cao.docx', Buffer.from('Báo cáo thành tích')],
  ])('refuses %s with a Vietnamese message and keeps nothing', async (_label, name, content) => {
    const c = await loginAs(env.app, 'cdcs.a');
    const [rows, stored] = [await rowCount(), storedCount()];
    const res = await upload(c, 'G1.1', name, content);
    expect(res.statusCode).toBe(415);
    expect(res.json().message).toContain('Chỉ nhận: PDF, Word (.docx), Excel (.xlsx), JPEG, PNG');
    expect([await rowCount(), storedCount()]).toEqual([rows, stored]);
    expect(fs.readdirSync(path.join(env.ctx.config.dataDir, 'files', 'tmp'))).toEqual([]);
  });

  it('refuses ZIP archives that are not Office documents, and Office-looking archives with path traversal', async () => {
    const c = await loginAs(env.app, 'cdcs.a');
    const plain = new JSZip();
    plain.file('a.txt', 'xin chào');
    expect((await upload(c, 'G1.1', 'tai-lieu.docx', await plain.generateAsync({ type: 'nodebuffer' }))).statusCode).toBe(415);
    const evil = new JSZip();
    evil.file('[Content_Types].xml', '<Types/>');
    evil.file('word/document.xml', '<w:document/>');
    evil.file('../../evil.sh', 'rm -rf /');
    expect((await upload(c, 'G1.1', 'tai-lieu.docx', await evil.generateAsync({ type: 'nodebuffer' }))).statusCode).toBe(415);
  });

  it('refuses a file over the limit (413, in MB), an empty file, no file, and an unknown criterion', async () => {
    const c = await loginAs(env.app, 'cdcs.a');
    const rows = await rowCount();
    const big = Buffer.concat([PDF('big'), Buffer.alloc(LIMITS.documentMaxBytes + 10, 0x20)]);
    const res = await upload(c, 'G1.1', 'lon.pdf', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toBe(`Tệp quá lớn. Dung lượng tối đa là ${LIMITS.documentMaxBytes / 1048576} MB.`);
    const empty = await upload(c, 'G1.1', 'rong.pdf', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toContain('Tệp rỗng');
    const m = multipartBody([{ name: 'criterionCode', value: 'G1.1' }]);
    const none = await c.request({ method: 'POST', url: `/api/v1/score-sheets/${sheetId}/evidence`, payload: m.payload, headers: m.headers });
    expect(none.statusCode).toBe(400);
    expect(none.json().message).toBe('Chưa chọn tệp để tải lên.');
    const unknown = await upload(c, 'Z9', 'x.pdf', PDF('x'));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toBe('Tiêu chí “Z9” không có trong phiếu chấm này.');
    expect(await rowCount()).toBe(rows);
  });
});

describe('versions and withdrawal', () => {
  it('a replacement supersedes the earlier file; a withdrawal needs a reason; both stay listed with includeRevoked', async () => {
    const c = await loginAs(env.app, 'cdcs.a');
    const first = (await upload(c, 'G2.1', 'v1.pdf', PDF('v1'))).json<EvidenceDto>();
    const second = await upload(c, 'G2.1', 'v2.pdf', PDF('v2'), { supersedesId: first.id });
    expect(second.statusCode).toBe(200);
    expect(second.json<EvidenceDto>().supersedesId).toBe(first.id);
    // The superseded one cannot be replaced or withdrawn again.
    expect((await upload(c, 'G2.1', 'v3.pdf', PDF('v3'), { supersedesId: first.id })).statusCode).toBe(409);
    // Another criterion's file cannot be "replaced" from here.
    expect((await upload(c, 'G2.2', 'v3.pdf', PDF('v3'), { supersedesId: second.json<EvidenceDto>().id })).statusCode).toBe(400);
    const noReason = await c.post(`/api/v1/score-evidence/${second.json<EvidenceDto>().id}/revoke`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    const revoked = await c.post(`/api/v1/score-evidence/${second.json<EvidenceDto>().id}/revoke`, { reason: 'Nộp nhầm tệp của năm trước' });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json<EvidenceDto>()).toMatchObject({ status: 'REVOKED', revokedReason: 'Nộp nhầm tệp của năm trước', abilities: [] });
    const active = (await c.get(`/api/v1/score-sheets/${sheetId}/evidence`)).json<{ items: EvidenceDto[] }>().items.filter((e) => e.criterionCode === 'G2.1');
    expect(active).toEqual([]);
    const all = (await c.get(`/api/v1/score-sheets/${sheetId}/evidence?includeRevoked=true`)).json<{ items: EvidenceDto[] }>().items.filter((e) => e.criterionCode === 'G2.1');
    expect(all.map((e) => [e.fileName, e.status])).toEqual([['v1.pdf', 'SUPERSEDED'], ['v2.pdf', 'REVOKED']]);
    // Every version is still downloadable.
    const old = await c.get(`/api/v1/score-evidence/${first.id}/file`);
    expect(old.statusCode).toBe(200);
    expect(old.rawPayload.equals(PDF('v1'))).toBe(true);
    expect((await auditEvents(env.database.db, 'scoring.evidence.revoke')).length).toBe(1);
    expect((await auditEvents(env.database.db, 'scoring.evidence.supersede')).length).toBe(1);
  });
});

describe('who may see and change evidence', () => {
  it('the verifier above downloads with the Vietnamese name; another unit, a member and out-of-scope users get 404', async () => {
    const c = await loginAs(env.app, 'cdcs.a');
    const e = (await upload(c, 'G1.4', 'Biên bản họp.pdf', PDF('họp'))).json<EvidenceDto>();
    const officer = await loginAs(env.app, 'huyen.tdkt');
    const res = await officer.get(`/api/v1/score-evidence/${e.id}/file`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="Bien ban hop.pdf"; filename*=UTF-8''${encodeURIComponent('Biên bản họp.pdf')}`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    // The verifier reads but does not write the unit's evidence.
    expect((await officer.get(`/api/v1/score-sheets/${sheetId}/evidence`)).json<{ items: EvidenceDto[] }>().items.every((x) => x.abilities.length === 0)).toBe(true);
    expect((await upload(officer, 'G1.4', 'x.pdf', PDF('x'))).statusCode).toBe(404);
    expect((await officer.post(`/api/v1/score-evidence/${e.id}/revoke`, { reason: 'Không hợp lệ' })).statusCode).toBe(404);
    for (const user of ['cdcs.b', 'doanvien']) {
      const other = await loginAs(env.app, user);
      expect((await other.get(`/api/v1/score-evidence/${e.id}/file`)).statusCode, user).toBe(404);
      expect((await other.get(`/api/v1/score-sheets/${sheetId}/evidence`)).statusCode, user).toBe(404);
      expect((await upload(other, 'G1.4', 'x.pdf', PDF('x'))).statusCode, user).toBe(404);
      expect((await other.post(`/api/v1/score-evidence/${e.id}/revoke`, { reason: 'Không hợp lệ' })).statusCode, user).toBe(404);
    }
    // A viewer of the district reads, but cannot write.
    const viewer = await loginAs(env.app, 'xem');
    expect((await viewer.get(`/api/v1/score-evidence/${e.id}/file`)).statusCode).toBe(200);
    expect((await upload(viewer, 'G1.4', 'x.pdf', PDF('x'))).statusCode).toBe(404);
  });

  it('nothing can be attached or withdrawn once the sheet is submitted', async () => {
    const c = await loginAs(env.app, 'cdcs.a');
    const e = (await upload(c, 'G3.1', 'truoc-khi-nop.pdf', PDF('g3'))).json<EvidenceDto>();
    await env.database.db.execute(sql`update score_sheet set status = 'SUBMITTED' where id = ${sheetId}`);
    try {
      const res = await upload(c, 'G3.1', 'sau.pdf', PDF('sau'));
      expect(res.statusCode).toBe(409);
      expect(res.json().message).toBe('Phiếu đã nộp hoặc đã thẩm định: không thể thay đổi minh chứng.');
      expect((await c.post(`/api/v1/score-evidence/${e.id}/revoke`, { reason: 'Đổi ý sau khi nộp' })).statusCode).toBe(409);
    } finally {
      await env.database.db.execute(sql`update score_sheet set status = 'DRAFT' where id = ${sheetId}`);
    }
  });
});

describe('required evidence at submission', () => {
  it('a criterion that requires evidence and claims points cannot be submitted without an active file; 0 points needs none', async () => {
    const officer = await loginAs(env.app, 'huyen.tdkt');
    const c = await loginAs(env.app, 'cdcs.b');
    const bSheet = Number((await env.database.db.execute<{ id: number }>(sql`select id from score_sheet where round_id = ${roundId} and org_id = ${w.orgs.cdcsB.id}`)).rows[0]!.id);
    let sheet = (await c.get(`/api/v1/score-sheets/${bSheet}`)).json<SheetDto>();
    const required = sheet.criteria.filter((x) => x.evidenceRequired);
    expect(required.length).toBeGreaterThan(1);
    const [zeroed, ...claimed] = required;
    const entries = sheet.criteria.map((x) => ({ criterionCode: x.code, points: x.code === zeroed!.code ? 0 : x.maxPoints }));
    expect((await c.put(`/api/v1/score-sheets/${bSheet}/entries`, { version: sheet.version, entries })).statusCode).toBe(200);
    sheet = (await c.get(`/api/v1/score-sheets/${bSheet}`)).json<SheetDto>();
    const refused = await c.post(`/api/v1/score-sheets/${bSheet}/submit`, { version: sheet.version });
    expect(refused.statusCode).toBe(400);
    const problems = refused.json<{ details: { problems: { criterion: string; message: string }[] } }>().details.problems;
    expect(problems.map((p) => p.criterion).sort()).toEqual(claimed.map((x) => x.code).sort());
    expect(problems[0]!.message).toMatch(/chưa có minh chứng bắt buộc/);
    for (const x of claimed) expect((await upload(c, x.code, `${x.code}.pdf`, PDF(x.code), { sheet: bSheet })).statusCode).toBe(200);
    sheet = (await c.get(`/api/v1/score-sheets/${bSheet}`)).json<SheetDto>();
    expect(sheet.criteria.find((x) => x.code === claimed[0]!.code)!.evidenceCount).toBe(1);
    expect(sheet.criteria.find((x) => x.code === zeroed!.code)!.evidenceCount).toBe(0);
    const ok = await c.post(`/api/v1/score-sheets/${bSheet}/submit`, { version: sheet.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await officer.get(`/api/v1/score-sheets/${bSheet}`)).json<SheetDto>().status).toBe('SUBMITTED');
  });
});
