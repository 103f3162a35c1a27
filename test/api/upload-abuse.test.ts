// Hostile uploads on every multipart route (issue 11, item 4): zip bombs (deeply compressed entries,
// a central directory claiming gigabytes), polyglots (a PDF with a ZIP inside, a JPEG with PHP/HTML
// appended), wrong magic bytes, an executable renamed .pdf, hostile file names (path traversal, NUL,
// 300 characters, right-to-left override), an empty file, a file over the limit and a multipart body
// without its boundary. Each is refused with a clean 4xx and a Vietnamese message, and nothing is
// kept: no file under DATA_DIR, no row (the audit chain, which every write appends to, stays put).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestEnv } from '../support/app';
import { loginAs, smallWorld, type Client } from '../factories';
import { multipartBody, pdfBytes, type Part } from '../support/scoring';
import { allRoutes } from '../../src/server/modules/index';
import { LIMITS } from '../../src/contracts/limits';
import { REGISTRATION_IMPORT_MAX_BYTES } from '../../src/contracts/registrations';
import { STORY_LIMITS } from '../../src/contracts/stories';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
let admin: Client;
let officer: Client;
let complaintId = 0;
let storyId = 0;

const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;

beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(env.database.db);
  admin = await loginAs(env.app, 'admin');
  officer = await loginAs(env.app, 'huyen.tdkt');
  const letter = await env.app.inject({
    method: 'POST',
    url: `/api/v1/public/orgs/${w.orgs.huyen.code}/complaints`,
    payload: { kind: 'DENUNCIATION', name: 'Lê Văn Tố', contact: 'to.cao@example.vn', content: 'Tôi tố cáo việc kê khai khống thành tích để được đề nghị khen thưởng tại đơn vị.' },
    remoteAddress: '198.51.100.7',
  });
  expect(letter.statusCode, letter.body).toBe(201);
  const code = letter.json<{ referenceCode: string }>().referenceCode;
  complaintId = Number((await env.database.db.execute<{ id: number }>(sql`select id from complaint where reference_code = ${code}`)).rows[0]!.id);
  const story = await officer.post('/api/v1/stories', {
    subjectKind: 'PERSON',
    title: 'Cô giáo Nguyễn Văn An: hai mươi năm gieo chữ vùng cao',
    summary: 'Hai mươi năm bám trường, anh An đưa hàng trăm học trò vùng cao đến lớp.',
    body: 'Mỗi sáng anh đi bộ mười cây số đến trường.',
    orgId: w.orgs.huyen.id,
    personId: w.persons.an,
  });
  expect(story.statusCode, story.body).toBe(201);
  storyId = story.json<{ id: number }>().id;
});
afterAll(async () => env?.close());

// ── Hostile files ───────────────────────────────────────────────────────────────────────────────

interface ZipEntry {
  name: string;
  data: Buffer;
  /** What the central directory claims the entry expands to (defaults to the truth). */
  claimedSize?: number;
}

/** A ZIP archive written by hand, so that its headers may lie. */
function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const compressed = zlib.deflateRawSync(e.data, { level: 9 });
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(Math.min(e.claimedSize ?? e.data.length, 0xffffffff), 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(Math.min(e.claimedSize ?? e.data.length, 0xffffffff), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

const CONTENT_TYPES = { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') };
const ZEROS = Buffer.alloc(64 * 1024 * 1024);
/** 64 MB of zeros per entry, a few dozen KB on the wire. */
const docxBomb = () => zip([CONTENT_TYPES, { name: 'word/document.xml', data: ZEROS }, { name: 'word/styles.xml', data: ZEROS }]);
const xlsxBomb = () => zip([CONTENT_TYPES, { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }, { name: 'xl/worksheets/sheet1.xml', data: ZEROS }]);
/** Small entries whose central directory claims 4 GB each. */
const lyingXlsx = () => zip([CONTENT_TYPES, { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>'), claimedSize: 0xffffffff }, { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<worksheet/>'), claimedSize: 0xffffffff }]);
const officeZip = () => zip([CONTENT_TYPES, { name: 'word/document.xml', data: Buffer.from('<w:document/>') }]);
const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(120), Buffer.from('This program cannot be run in DOS mode.')]);
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01]), Buffer.alloc(200)]);
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;', 'latin1');

interface Attack {
  name: string;
  fileName: string;
  content: () => Buffer;
}

const ATTACKS: Attack[] = [
  { name: 'a DOCX zip bomb (entries deflated 1000:1)', fileName: 'bao-cao.docx', content: docxBomb },
  { name: 'an XLSX zip bomb (entries deflated 1000:1)', fileName: 'danh-sach.xlsx', content: xlsxBomb },
  { name: 'an XLSX whose central directory claims 4 GB entries', fileName: 'danh-sach.xlsx', content: lyingXlsx },
  { name: 'a polyglot: PDF header with a ZIP archive inside', fileName: 'quyet-dinh.pdf', content: () => Buffer.concat([pdfBytes('polyglot'), officeZip()]) },
  { name: 'a polyglot: JPEG with PHP and HTML appended', fileName: 'anh.jpg', content: () => Buffer.concat([JPEG_HEAD, Buffer.from('<?php system($_GET["c"]); ?><html><script>alert(1)</script></html>')]) },
  { name: 'a GIF named .pdf (wrong magic bytes)', fileName: 'to-trinh.pdf', content: () => GIF },
  { name: 'a Windows executable renamed .pdf', fileName: 'quyet-dinh.pdf', content: () => EXE },
  { name: 'an ELF executable named .docx', fileName: 'bien-ban.docx', content: () => ELF },
  { name: 'a path-traversal name', fileName: '../../../../etc/passwd', content: () => EXE },
  { name: 'a name with NUL bytes', fileName: 'quyet-dinh.pdf\u0000.exe', content: () => EXE },
  { name: 'a 300-character name', fileName: `${'Quyết định khen thưởng '.repeat(13).slice(0, 296)}.exe`, content: () => EXE },
  { name: 'a right-to-left override name', fileName: 'hoa-don\u202Efdp.exe', content: () => EXE },
  { name: 'an empty file', fileName: 'trong.pdf', content: () => Buffer.alloc(0) },
];

// ── The upload routes ───────────────────────────────────────────────────────────────────────────

interface UploadRoute {
  url: () => string;
  as: () => Client;
  /** Text fields the route reads before the file. */
  fields: Part[];
  maxBytes: number;
}

const UPLOADS: Record<string, UploadRoute> = {
  'POST /imports/achievements': { url: () => `/api/v1/imports/achievements?orgId=${w.orgs.huyen.id}`, as: () => admin, fields: [], maxBytes: LIMITS.importMaxBytes },
  'POST /imports/members': { url: () => `/api/v1/imports/members?orgId=${w.orgs.huyen.id}`, as: () => admin, fields: [], maxBytes: LIMITS.importMaxBytes },
  'POST /registrations/import': { url: () => `/api/v1/registrations/import?unitId=${w.orgs.cdcsA.id}&year=2025`, as: () => admin, fields: [], maxBytes: REGISTRATION_IMPORT_MAX_BYTES },
  'POST /complaints/:id/documents': {
    url: () => `/api/v1/complaints/${complaintId}/documents`,
    as: () => officer,
    fields: [{ name: 'docType', value: 'RESOLUTION' }, { name: 'title', value: 'Quyết định giải quyết số 12/QĐ-LĐLĐ' }],
    maxBytes: LIMITS.documentMaxBytes,
  },
  'POST /stories/:id/photos': { url: () => `/api/v1/stories/${storyId}/photos`, as: () => officer, fields: [{ name: 'altText', value: 'Anh An đứng lớp cùng học trò' }], maxBytes: STORY_LIMITS.photoMaxBytes },
  // No score sheet, nomination or decision exists in this world: these must refuse without keeping anything either.
  'POST /score-sheets/:id/evidence': { url: () => '/api/v1/score-sheets/1/evidence', as: () => admin, fields: [{ name: 'criterionCode', value: 'A1' }], maxBytes: LIMITS.documentMaxBytes },
  'POST /nominations/:id/documents': { url: () => '/api/v1/nominations/1/documents', as: () => admin, fields: [{ name: 'kind', value: 'PROPOSAL' }], maxBytes: LIMITS.documentMaxBytes },
  'POST /decisions/:id/scan': { url: () => '/api/v1/decisions/1/scan', as: () => admin, fields: [], maxBytes: LIMITS.documentMaxBytes },
};

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => path.join(d.parentPath, d.name));
}

async function snapshot() {
  const head = await env.database.db.execute<{ s: string }>(sql`select last_id || '/' || event_count as s from audit_head where id = 1`);
  const jobs = await env.database.db.execute<{ n: number }>(sql`select count(*)::int as n from import_job`);
  return { audit: head.rows[0]?.s ?? 'empty', importJobs: Number(jobs.rows[0]!.n), files: filesUnder(env.ctx.config.dataDir).sort() };
}

async function expectRefusedAndNothingKept(send: () => Promise<{ statusCode: number; body: string; json: <T>() => T }>) {
  const before = await snapshot();
  const res = await send();
  expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, res.body).toBeLessThan(500);
  const err = res.json<{ code: string; message: string }>();
  expect(err.code).toBeTruthy();
  expect(err.message).toMatch(VIETNAMESE);
  await Promise.allSettled([...env.ctx.background]);
  expect(await snapshot()).toEqual(before);
}

it('covers every multipart route of the API', () => {
  const multipart = allRoutes().filter((r) => r.multipart).map((r) => `${r.method} ${r.url}`).sort();
  expect(Object.keys(UPLOADS).sort()).toEqual(multipart);
});

describe.each(Object.entries(UPLOADS))('%s', (_, route) => {
  const upload = (fileName: string, content: Buffer) => {
    const m = multipartBody([...route.fields, { name: 'file', fileName, content }]);
    return route.as().request({ method: 'POST', url: route.url(), payload: m.payload, headers: m.headers });
  };

  it.each(ATTACKS.map((a) => [a.name, a] as const))('refuses %s and keeps nothing', async (_name, attack) => {
    await expectRefusedAndNothingKept(() => upload(attack.fileName, attack.content()));
  });

  it('refuses a file over the limit and keeps nothing', async () => {
    const big = Buffer.concat([pdfBytes('gros'), Buffer.alloc(route.maxBytes + 1024)]);
    await expectRefusedAndNothingKept(() => upload('lon.pdf', big));
  });

  it('refuses a multipart body without its boundary and keeps nothing', async () => {
    await expectRefusedAndNothingKept(() => route.as().request({ method: 'POST', url: route.url(), payload: 'garbage', headers: { 'content-type': 'multipart/form-data' } }));
  });
});
