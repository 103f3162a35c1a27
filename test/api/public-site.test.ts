// The public site rendered on the server (issue 9, item 1): each page shows its records from the
// database without JavaScript; what people typed comes back escaped; drafts, withdrawn stories and
// unpublished documents never show; a person's identity number and phone never show anywhere; share
// tags and the feed are there; the no-JS complaint and feedback forms answer pages (reference code,
// errors with the input kept, 429 on a flood, 413 when too large, 403 from another site).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { SaxesParser } from 'saxes';
import { startTestApp, type TestEnv } from '../support/app';
import { createPerson, loginAs, smallWorld } from '../factories';
import { countRows } from '../support/achievements';
import { daysFromToday } from '../support/scoring';
import { todayInVietnam } from '../../src/server/modules/imports/xlsx';
import { escapeHtml, html, paragraphs, raw } from '../../src/server/modules/public-site/html';
import type { ConsultationDto } from '../../src/contracts/consultations';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
const db = () => env.database.db;
const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(2)>';
const CCCD = '079188001234';
const PHONE = '0987 654 321';
const YEAR = Number(todayInVietnam().slice(0, 4));
const ids = { story: 0, photo: 0, revokedPhoto: 0, movement: 0, draftMovement: 0, consultationItem: 0 };
let code = '';

const get = (url: string, headers: Record<string, string> = {}) => env.app.inject({ method: 'GET', url, headers });
const form = (url: string, fields: Record<string, string>, o: { ip?: string; headers?: Record<string, string> } = {}) =>
  env.app.inject({ method: 'POST', url, payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', ...o.headers }, remoteAddress: o.ip ?? '198.51.100.1' });

async function insertStory(s: { title: string; slug: string; status: string; personId?: number; summary?: string; body?: string; publishedAt?: string; movementId?: number; decisionId?: number }) {
  const r = await db().execute<{ id: number }>(sql`
    insert into story (org_id, org_path, subject_kind, person_id, subject_name, subject_unit, title, slug, summary, body, status, consent_on, consent_method, published_at, movement_id, decision_id, withdrawn_reason, withdrawn_at)
    values (${w.orgs.huyen.id}, ${w.orgs.huyen.path}, 'PERSON', ${s.personId ?? null}, ${'Nguyễn Thị Hiền'}, ${`Trường THCS Phước Minh ${IMG}`}, ${s.title}, ${s.slug},
            ${s.summary ?? 'Tóm tắt câu chuyện.'}, ${s.body ?? 'Đoạn một.'}, ${s.status}, ${s.status === 'PUBLISHED' ? todayInVietnam() : null}, ${s.status === 'PUBLISHED' ? 'WRITTEN' : null},
            ${s.publishedAt ?? (s.status === 'PUBLISHED' || s.status === 'WITHDRAWN' ? new Date().toISOString() : null)}, ${s.movementId ?? null}, ${s.decisionId ?? null},
            ${s.status === 'WITHDRAWN' ? 'Người được nêu xin gỡ' : null}, ${s.status === 'WITHDRAWN' ? new Date().toISOString() : null})
    returning id`);
  return Number(r.rows[0]!.id);
}

async function insertPhoto(storyId: number, position: number, alt: string, status: string) {
  const r = await db().execute<{ id: number }>(sql`
    insert into story_photo (story_id, position, alt_text, caption, width, height, file_name, mime_type, size_bytes, sha256, stored_path, status)
    values (${storyId}, ${position}, ${alt}, ${`Chú thích ${SCRIPT}`}, 1200, 800, 'anh.jpg', 'image/jpeg', 1000, ${'0'.repeat(64)}, 'x/y.jpg', ${status}) returning id`);
  return Number(r.rows[0]!.id);
}

async function insertDecision(number: number, status: 'SIGNED' | 'REVOKED', documentId: number | null) {
  const r = await db().execute<{ id: number }>(sql`
    insert into decision (org_id, org_path, status, year, subject, place, basis, execution, signer, recipients, signed_on, number_year, number, symbol, document_id)
    values (${w.orgs.huyen.id}, ${w.orgs.huyen.path}, ${status}, ${YEAR}, 'Về việc khen thưởng', 'Dương Minh Châu', '[]'::jsonb, 'Thi hành', ${JSON.stringify({ onBehalf: 'TM', title: 'Chủ tịch', name: null })}::jsonb, '[]'::jsonb,
            ${todayInVietnam()}, ${YEAR}, ${number}, 'QĐ-LĐLĐ', ${documentId}) returning id`);
  return Number(r.rows[0]!.id);
}

async function insertDocument(number: number, title: string, published: boolean, entityId = 1) {
  const r = await db().execute<{ id: number }>(sql`
    insert into outgoing_document (org_id, year, doc_type, number, symbol, issued_on, title, entity_type, entity_id, published_at)
    values (${w.orgs.huyen.id}, ${YEAR}, 'QD', ${number}, 'QĐ-LĐLĐ', ${todayInVietnam()}, ${title}, 'DECISION', ${entityId}, ${published ? new Date().toISOString() : null}) returning id`);
  return Number(r.rows[0]!.id);
}

beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(db());
  code = w.orgs.huyen.code;
  const person = await createPerson(db(), w.orgs.huyen, { fullName: 'Nguyễn Thị Hiền', cccd: CCCD });
  await db().execute(sql`update person set phone = ${PHONE}, email = 'hien.rieng@example.vn' where id = ${person}`);

  const m = await db().execute<{ id: number }>(sql`
    insert into movement (org_id, org_path, year, kind, title, slogan, content, starts_on, ends_on, status, launched_on, criteria)
    values (${w.orgs.huyen.id}, ${w.orgs.huyen.path}, ${YEAR}, 'THEMATIC', ${`Thi đua dạy tốt ${SCRIPT}`}, 'Dạy tốt, học tốt', ${`Nội dung phong trào.\n\nĐoạn hai ${IMG}`}, ${`${YEAR}-01-01`}, ${`${YEAR}-12-31`}, 'IN_PROGRESS', ${`${YEAR}-01-05`},
            ${JSON.stringify([{ text: 'Tiêu chí một', measure: null, target: null }])}::jsonb),
           (${w.orgs.huyen.id}, ${w.orgs.huyen.path}, ${YEAR}, 'ROUND', 'Phong trào chưa phát động', null, '', ${`${YEAR}-01-01`}, ${`${YEAR}-12-31`}, 'DRAFT', null, '[]'::jsonb)
    returning id`);
  ids.movement = Number(m.rows[0]!.id);
  ids.draftMovement = Number(m.rows[1]!.id);

  const doc = await insertDocument(1, `Quyết định khen thưởng ${SCRIPT}`, true);
  const revokedDoc = await insertDocument(2, 'Quyết định khen thưởng bị thu hồi', true);
  await insertDocument(3, 'Văn bản nội bộ chưa công khai', false);
  const decision = await insertDecision(1, 'SIGNED', doc);
  await insertDecision(2, 'REVOKED', revokedDoc);
  const item = await db().execute<{ id: number }>(sql`
    insert into decision_item (decision_id, position, person_id, subject_path, subject_name, award_code, achievement)
    values (${decision}, 1, ${person}, ${w.orgs.huyen.path}, 'Nguyễn Thị Hiền', 'LDTT', 'Hoàn thành xuất sắc') returning id`);
  await db().execute(sql`insert into certificate (serial, decision_item_id, decision_id) values ('DMC-TEST-000001', ${item.rows[0]!.id}, ${decision})`);

  ids.story = await insertStory({
    title: `Cô giáo trẻ ${SCRIPT}`,
    slug: 'co-giao-tre',
    status: 'PUBLISHED',
    personId: person,
    summary: `Mười năm gắn bó với học trò vùng sâu ${IMG}`,
    body: `Đoạn thứ nhất ${SCRIPT}.\nDòng hai.\n\nĐoạn thứ hai & kết.`,
    movementId: ids.movement,
    decisionId: decision,
  });
  ids.photo = await insertPhoto(ids.story, 1, `Cô Hiền trên lớp ${IMG}`, 'ACTIVE');
  ids.revokedPhoto = await insertPhoto(ids.story, 2, 'Ảnh đã gỡ khỏi trang', 'REVOKED');
  await insertStory({ title: 'Bản nháp bí mật', slug: 'ban-nhap', status: 'DRAFT', personId: person });
  await insertStory({ title: 'Câu chuyện đang duyệt', slug: 'dang-duyet', status: 'IN_REVIEW', personId: person });
  await insertStory({ title: 'Câu chuyện đã gỡ', slug: 'da-go', status: 'WITHDRAWN', personId: person });

  // A consultation list open today, with one proposed awardee (through the modules' own API).
  const officer = await loginAs(env.app, 'huyen.tdkt');
  const round = await officer.post('/api/v1/nomination-rounds', {
    orgId: w.orgs.huyen.id, year: YEAR, title: `Tổng kết thi đua năm ${YEAR}`, kind: 'ANNUAL', ceremonyDate: daysFromToday(90), awardCodes: ['GK_CD_CAP_TREN'],
    parameters: { levels: [{ below: 1, appraisalWorkingDays: 5 }, { below: 0, appraisalWorkingDays: 10, councilWorkingDays: 2 }], decisionLeadWorkingDays: 5 },
  });
  expect(round.statusCode, round.body).toBe(201);
  const nom = await (await loginAs(env.app, 'cdcs.a')).post('/api/v1/nominations', { roundId: round.json<{ id: number }>().id, personId: w.persons.an, awardCode: 'GK_CD_CAP_TREN', achievementSummary: 'Hoàn thành xuất sắc nhiệm vụ.' });
  expect(nom.statusCode, nom.body).toBe(201);
  await db().execute(sql`update nomination set status = 'TO_COUNCIL', holder_org_id = ${w.orgs.huyen.id}, holder_path = ${w.orgs.huyen.path}, reached_path = ${w.orgs.huyen.path} where id = ${nom.json<{ id: number }>().id}`);
  const c = await officer.post('/api/v1/consultations', { orgId: w.orgs.huyen.id, title: 'Lấy ý kiến về danh sách khen thưởng', items: [{ nominationId: nom.json<{ id: number }>().id, publicSummary: `Giáo viên dạy giỏi ${SCRIPT}` }] });
  expect(c.statusCode, c.body).toBe(201);
  ids.consultationItem = c.json<ConsultationDto>().items[0]!.id;
});
afterAll(() => env.close());

/** No unescaped markup from the data: the raw strings never appear, their escaped forms do. */
function expectEscaped(body: string) {
  expect(body).not.toContain(SCRIPT);
  expect(body).not.toContain('<img src=x');
  expect(body).not.toMatch(/onerror=alert\(2\)>/);
}

describe('the html helper', () => {
  it('escapes markup, quotes, ampersands and drops bidirectional overrides; nests its own results', () => {
    expect(escapeHtml(`<script>"a" & 'b'</script>`)).toBe('&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;');
    expect(escapeHtml('abc\u202Eevil\u2066x\u2069')).toBe('abcevilx');
    const v = `x" onmouseover="alert(1)`;
    expect(html`<a title="${v}">${SCRIPT}</a>`.value).toBe('<a title="x&quot; onmouseover=&quot;alert(1)">&lt;script&gt;alert(1)&lt;/script&gt;</a>');
    expect(html`<p>${html`<b>${'&'}</b>`}${raw('<br>')}${null}${false}${[1, '<', 2]}</p>`.value).toBe('<p><b>&amp;</b><br>1&lt;2</p>');
    expect(paragraphs('Một <b>\ndòng\n\n\nHai').value).toBe('<p>Một &lt;b&gt;<br>dòng</p><p>Hai</p>');
  });
});

describe('pages', () => {
  it('home: movements under way, open lists, latest documents (revoked marked), stories, forms; drafts never; share tags', async () => {
    const res = await get(`/cong-khai/${code}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['content-security-policy']).not.toContain('script-src');
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    const b = res.body;
    expect(b).toMatch(/^<!doctype html>\n<html lang="vi">/);
    for (const s of ['<title>Thi đua, khen thưởng — Liên đoàn Lao động huyện DMC</title>', '<meta property="og:title"', '<meta property="og:description"', '<meta property="og:type" content="website">',
      `<meta property="og:url" content="http://localhost:3000/cong-khai/${code}">`, '<meta property="og:locale" content="vi_VN">', '<meta name="twitter:card"', `<link rel="canonical" href="http://localhost:3000/cong-khai/${code}">`,
      `<link rel="alternate" type="application/rss+xml"`, '<header', '<nav', '<main', '<footer', 'href="#noi-dung"', '<h1>Liên đoàn Lao động huyện DMC</h1>']) expect(b).toContain(s);
    expect(b).toContain('Thi đua dạy tốt &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(b).toContain('Lấy ý kiến về danh sách khen thưởng');
    expect(b).toContain('Quyết định khen thưởng &lt;script&gt;');
    expect(b).toMatch(/Quyết định khen thưởng bị thu hồi<span class="ps-badge">Đã thu hồi<\/span>|Quyết định khen thưởng bị thu hồi <span class="ps-badge">Đã thu hồi<\/span>/);
    expect(b).toContain('href="/cong-khai/DMC/guong-dien-hinh/co-giao-tre"');
    expect(b).toContain(`href="/cong-khai/${code}/gui-don"`);
    expect(b).toContain('action="/verify"');
    for (const hidden of ['Phong trào chưa phát động', 'Văn bản nội bộ chưa công khai', 'Bản nháp bí mật', 'Câu chuyện đang duyệt', 'Câu chuyện đã gỡ']) expect(b).not.toContain(hidden);
    expectEscaped(b);
    // Same again with its ETag: 304, nothing sent.
    const again = await get(`/cong-khai/${code}`, { 'if-none-match': String(res.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('a story: escaped text in paragraphs, active photos with alt text and caption, links to movement and decision, og:image', async () => {
    const res = await get(`/cong-khai/${code}/guong-dien-hinh/co-giao-tre`);
    expect(res.statusCode).toBe(200);
    const b = res.body;
    expect(b).toContain('<meta property="og:type" content="article">');
    expect(b).toContain(`<meta property="og:image" content="http://localhost:3000/api/v1/public/story-photos/${ids.photo}">`);
    expect(b).toContain('<p>Đoạn thứ nhất &lt;script&gt;alert(1)&lt;/script&gt;.<br>Dòng hai.</p><p>Đoạn thứ hai &amp; kết.</p>');
    expect(b).toContain(`<img src="/api/v1/public/story-photos/${ids.photo}" alt="Cô Hiền trên lớp &quot;&gt;&lt;img src=x onerror=alert(2)&gt;"`);
    expect(b).toContain('<figcaption>Chú thích &lt;script&gt;');
    expect(b).not.toContain(`story-photos/${ids.revokedPhoto}`);
    expect(b).not.toContain('Ảnh đã gỡ khỏi trang');
    expect(b).toContain(`href="/cong-khai/${code}/phong-trao/${ids.movement}"`);
    expect(b).toContain('Quyết định số 01/QĐ-LĐLĐ');
    expectEscaped(b);
    for (const slug of ['ban-nhap', 'dang-duyet', 'da-go', 'khong-co']) expect((await get(`/cong-khai/${code}/guong-dien-hinh/${slug}`)).statusCode).toBe(404);
    // Another organisation's site does not show it.
    expect((await get(`/cong-khai/${w.orgs.cdcsA.code}/guong-dien-hinh/co-giao-tre`)).statusCode).toBe(404);
  });

  it('lists: stories and documents paged, movement page for launched ones only', async () => {
    const stories = await get(`/cong-khai/${code}/guong-dien-hinh?page=1`);
    expect(stories.statusCode).toBe(200);
    expect(stories.body.match(/data-testid="ps-story"/g)).toHaveLength(1);
    expectEscaped(stories.body);
    const docs = await get(`/cong-khai/${code}/quyet-dinh?page=abc`);
    expect(docs.statusCode).toBe(200);
    expect(docs.body.match(/data-testid="ps-decision"/g)).toHaveLength(2);
    expect(docs.body).not.toContain('Văn bản nội bộ chưa công khai');
    expect((await get(`/cong-khai/${code}/quyet-dinh?page=2`)).body).not.toContain('data-testid="ps-decision"');
    const mv = await get(`/cong-khai/${code}/phong-trao/${ids.movement}`);
    expect(mv.statusCode).toBe(200);
    expect(mv.body).toContain('<p>Đoạn hai &quot;&gt;&lt;img src=x onerror=alert(2)&gt;</p>');
    expect(mv.body).toContain('Tiêu chí một');
    expectEscaped(mv.body);
    expect((await get(`/cong-khai/${code}/phong-trao/${ids.draftMovement}`)).statusCode).toBe(404);
    expect((await get(`/cong-khai/${code}/phong-trao/abc`)).statusCode).toBe(404);
  });

  it('a person’s identity number, phone and email appear on no page and not in the feed', async () => {
    const urls = [`/cong-khai/${code}`, `/cong-khai/${code}/guong-dien-hinh`, `/cong-khai/${code}/guong-dien-hinh/co-giao-tre`, `/cong-khai/${code}/quyet-dinh`, `/cong-khai/${code}/phong-trao/${ids.movement}`,
      `/cong-khai/${code}/lay-y-kien`, `/cong-khai/${code}/rss.xml`, '/verify/DMC-TEST-000001', '/sitemap.xml'];
    for (const url of urls) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      for (const secret of [CCCD, PHONE, PHONE.replace(/ /g, ''), 'hien.rieng@example.vn']) expect(res.body, url).not.toContain(secret);
    }
  });

  it('the feed is valid RSS 2.0 with absolute links to documents, stories and movements', async () => {
    const res = await get(`/cong-khai/${code}/rss.xml`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    const parser = new SaxesParser();
    const items: Record<string, string>[] = [];
    let current: Record<string, string> | null = null;
    let field = '';
    parser.on('opentag', (tag) => {
      if (tag.name === 'item') current = {};
      field = tag.name;
    });
    parser.on('text', (text) => {
      if (current && field) current[field] = (current[field] ?? '') + text;
    });
    parser.on('closetag', (tag) => {
      if (tag.name === 'item' && current) {
        items.push(current);
        current = null;
      }
      field = '';
    });
    parser.write(res.body).close();
    expect(items.map((i) => i.title).sort()).toEqual(
      ['Gương điển hình: Cô giáo trẻ <script>alert(1)</script>', 'Phát động phong trào: Thi đua dạy tốt <script>alert(1)</script>', 'Văn bản số 01/QĐ-LĐLĐ: Quyết định khen thưởng <script>alert(1)</script>', 'Văn bản số 02/QĐ-LĐLĐ: Quyết định khen thưởng bị thu hồi (Đã thu hồi)'].sort(),
    );
    for (const i of items) expect(i.link).toMatch(/^http:\/\/localhost:3000\/cong-khai\/DMC\//);
    expect(res.body).not.toContain('Bản nháp bí mật');
  });

  it('verification: valid, not found with 404; the lookup page by reference code', async () => {
    const ok = await get('/verify/DMC-TEST-000001');
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('data-status="VALID"');
    expect(ok.body).toContain('Nguyễn Thị Hiền');
    expect(ok.body).toContain('<meta name="robots" content="noindex">');
    const missing = await get('/verify/KHONG-CO-1');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('Không tìm thấy giấy khen');
    expect((await get('/verify?serial=DMC-TEST-000001')).headers.location).toBe('/verify/DMC-TEST-000001');
    const unknown = await get('/tra-cuu-don/KN-2026-ZZZZZZZZ');
    expect(unknown.statusCode).toBe(404);
    expect((await get('/tra-cuu-don?code=kn-2026-abc')).headers.location).toBe('/tra-cuu-don/KN-2026-ABC');
  });

  it('an unknown organisation answers the 404 page; robots and sitemap are there', async () => {
    for (const url of ['/cong-khai/KHONG-CO', '/cong-khai/KHONG-CO/rss.xml', '/cong-khai/KHONG-CO/gui-don']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body).toContain('Không tìm thấy trang');
    }
    expect((await get('/robots.txt')).body).toContain('Sitemap: http://localhost:3000/sitemap.xml');
    const map = await get('/sitemap.xml');
    expect(map.body).toContain('<loc>http://localhost:3000/cong-khai/DMC/guong-dien-hinh/co-giao-tre</loc>');
    expect(map.body).not.toContain('ban-nhap');
  });
});

describe('forms without JavaScript', () => {
  const LETTER = { kind: 'COMPLAINT', name: 'Phạm Thị Hoa', contact: '0912 345 678', content: `Tôi không đồng ý với việc xét danh hiệu năm nay vì thành tích kê khai chưa đúng. ${SCRIPT}` };

  it('a valid complaint answers the reference code; it is stored as sent and its status page shows it', async () => {
    const before = await countRows(db(), 'complaint');
    const res = await form(`/cong-khai/${code}/gui-don`, LETTER, { headers: { origin: 'http://localhost:3000' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const ref = /data-testid="ps-sent-code">([A-Z0-9-]+)</.exec(res.body)?.[1];
    expect(ref).toMatch(/^KN-\d{4}-[A-Z0-9]{8}$/);
    expect(await countRows(db(), 'complaint')).toBe(before + 1);
    const status = await get(`/tra-cuu-don/${ref}`);
    expect(status.statusCode).toBe(200);
    expect(status.body).toContain('Đã nhận');
    expect(status.body).not.toContain('Phạm Thị Hoa');
    expectEscaped(status.body);
  });

  it('invalid input answers 400 with the errors by field and the input kept, escaped; nothing is stored', async () => {
    const before = await countRows(db(), 'complaint');
    const res = await form(`/cong-khai/${code}/gui-don`, { ...LETTER, name: `Hoa ${IMG}`, contact: 'không có', content: `ngắn ${SCRIPT}`.slice(0, 12) }, { ip: '198.51.100.2' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Hãy ghi số điện thoại hoặc địa chỉ thư điện tử');
    expect(res.body).toContain('aria-invalid="true"');
    expect(res.body).toContain('value="Hoa &quot;&gt;&lt;img src=x onerror=alert(2)&gt;"');
    expect(res.body).toContain('value="không có"');
    expectEscaped(res.body);
    expect(await countRows(db(), 'complaint')).toBe(before);
  });

  it('a flood answers 429, a body too large 413, a post from another site 403', async () => {
    const ip = '198.51.100.9';
    for (let i = 0; i < 3; i++) expect((await form(`/cong-khai/${code}/gui-don`, LETTER, { ip })).statusCode).toBe(200);
    const flood = await form(`/cong-khai/${code}/gui-don`, LETTER, { ip });
    expect(flood.statusCode).toBe(429);
    expect(flood.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(flood.body).toContain('Bạn đã gửi quá nhiều lần');
    const before = await countRows(db(), 'complaint');
    const huge = await form(`/cong-khai/${code}/gui-don`, { ...LETTER, content: 'x'.repeat(1024 * 1024 + 10) }, { ip: '198.51.100.10' });
    expect(huge.statusCode).toBe(413);
    expect(huge.body).toContain('Nội dung gửi quá lớn');
    const cross = await form(`/cong-khai/${code}/gui-don`, LETTER, { ip: '198.51.100.11', headers: { origin: 'https://evil.example' } });
    expect(cross.statusCode).toBe(403);
    const fetchSite = await form(`/cong-khai/${code}/gui-don`, LETTER, { ip: '198.51.100.11', headers: { 'sec-fetch-site': 'cross-site' } });
    expect(fetchSite.statusCode).toBe(403);
    expect(await countRows(db(), 'complaint')).toBe(before);
  });

  it('a good-deed proposal: the form, errors with the input kept, then the proposal code', async () => {
    const url = `/cong-khai/${code}/de-xuat`;
    const page = await get(url);
    expect(page.statusCode).toBe(200);
    for (const name of ['proposerName', 'proposerContact', 'subjectName', 'subjectUnit', 'story']) expect(page.body).toContain(`name="${name}"`);
    const before = await countRows(db(), 'good_deed_proposal');
    const fields = { proposerName: 'Lê Thị Mai', proposerContact: 'mai@example.vn', subjectName: `Ông Tư ${IMG}`, subjectUnit: 'Ấp Phước Hội', story: 'Ông Tư nhiều năm sửa xe miễn phí cho học sinh nghèo trong xã.' };
    const bad = await form(url, { ...fields, proposerContact: 'không có', story: 'ngắn' }, { ip: '198.51.100.30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Hãy ghi số điện thoại hoặc địa chỉ thư điện tử');
    expect(bad.body).toContain('value="Ông Tư &quot;&gt;&lt;img src=x onerror=alert(2)&gt;"');
    expectEscaped(bad.body);
    expect(await countRows(db(), 'good_deed_proposal')).toBe(before);
    const ok = await form(url, fields, { ip: '198.51.100.30' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(/data-testid="ps-sent-code">([A-Z0-9-]+)</.exec(ok.body)?.[1]).toMatch(/^[A-Z]+-\d{4}-[A-Z0-9]{8}$/);
    expect(await countRows(db(), 'good_deed_proposal')).toBe(before + 1);
  });

  it('a proposal code: the sent page links to its status page — status and date only, nothing personal; unknown code 404; ?code= redirects', async () => {
    const fields = { proposerName: 'Phan Văn Riêng', proposerContact: '0987654321', subjectName: 'Bà Sáu Kín', subjectUnit: 'Ấp Bí Mật', story: 'Bà Sáu nhiều năm nấu cơm miễn phí cho bệnh nhân nghèo ở trạm y tế xã.' };
    const sent = await form(`/cong-khai/${code}/de-xuat`, fields, { ip: '198.51.100.31' });
    expect(sent.statusCode, sent.body).toBe(200);
    const ref = /data-testid="ps-sent-code">([A-Z0-9-]+)</.exec(sent.body)![1]!;
    expect(sent.body).toContain(`<a href="/tra-cuu-de-xuat/${ref}">Xem tình trạng đề xuất</a>`);
    const status = await get(`/tra-cuu-de-xuat/${ref}`);
    expect(status.statusCode).toBe(200);
    expect(status.headers['cache-control']).toBe('no-store');
    expect(status.body).toContain('data-testid="ps-proposal-lookup-result" data-status="RECEIVED"');
    expect(status.body).toContain('Chờ xem xét');
    expect(status.body).toContain('<meta name="robots" content="noindex">');
    for (const secret of ['Phan Văn Riêng', '0987654321', 'Bà Sáu Kín', 'Ấp Bí Mật', 'nấu cơm']) expect(status.body).not.toContain(secret);
    const lower = await get(`/tra-cuu-de-xuat?code=${ref.toLowerCase()}`);
    expect(lower.statusCode).toBe(303);
    expect(lower.headers.location).toBe(`/tra-cuu-de-xuat/${ref}`);
    const form0 = await get('/tra-cuu-de-xuat');
    expect(form0.statusCode).toBe(200);
    expect(form0.body).toContain('action="/tra-cuu-de-xuat"');
    const unknown = await get('/tra-cuu-de-xuat/NTVT-2026-ZZZZZZZZ');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('Không tìm thấy đề xuất có mã NTVT-2026-ZZZZZZZZ');
    // A complaint's code is not a proposal's.
    expect((await get(`/tra-cuu-de-xuat/${ref.replace(/^[A-Z]+/, 'KN')}`)).statusCode).toBe(404);
    expect((await get('/robots.txt')).body).toContain('Disallow: /tra-cuu-de-xuat');
  });

  it('a story linked to a model of the register shows the model’s name only', async () => {
    const m = await db().execute<{ id: number }>(sql`
      insert into exemplary_model (org_id, org_path, kind, name, description, responsible_org_id, discovered_on, fostering_plan)
      values (${w.orgs.huyen.id}, ${w.orgs.huyen.path}, 'MODEL', ${`Lớp học vùng cao ${SCRIPT}`}, 'Mô tả nội bộ không công khai', ${w.orgs.huyen.id}, ${todayInVietnam()}, 'Kế hoạch nội bộ')
      returning id`);
    await db().execute(sql`update story set model_id = ${m.rows[0]!.id} where slug = 'co-giao-tre'`);
    const b = (await get(`/cong-khai/${code}/guong-dien-hinh/co-giao-tre`)).body;
    expect(b).toContain('<p data-testid="ps-story-model">Mô hình: Lớp học vùng cao &lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(b).not.toContain('Mô tả nội bộ');
    expect(b).not.toContain('Kế hoạch nội bộ');
    expectEscaped(b);
  });

  it('feedback on an open consultation list: the form, errors kept, then thanks', async () => {
    const list = await get(`/cong-khai/${code}/lay-y-kien`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="/cong-khai/${code}/lay-y-kien/${ids.consultationItem}"`);
    expectEscaped(list.body);
    const url = `/cong-khai/${code}/lay-y-kien/${ids.consultationItem}`;
    expect((await get(url)).body).toContain('name="authorName"');
    const before = await countRows(db(), 'consultation_feedback');
    const bad = await form(url, { authorName: 'Lê Văn Ý', contact: 'abc', body: 'Ý kiến về người được đề nghị.' }, { ip: '198.51.100.20' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('value="Lê Văn Ý"');
    const ok = await form(url, { authorName: 'Lê Văn Ý', contact: 'y@example.vn', body: 'Tôi xác nhận thầy dạy giỏi, được học sinh quý mến.' }, { ip: '198.51.100.20' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.body).toContain('Cảm ơn bạn');
    expect(await countRows(db(), 'consultation_feedback')).toBe(before + 1);
    expect((await get(`/cong-khai/${w.orgs.cdcsA.code}/lay-y-kien/${ids.consultationItem}`)).statusCode).toBe(404);
  });
});
