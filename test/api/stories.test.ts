// Exemplary stories: drafts about a member (name and unit from the records), the review workflow,
// consent and personal data both required before publishing (the refusal lists what is left), photos
// re-encoded without metadata and within 1,600 px, the public photo only while the story is
// published, credits per organisation and year, and the permission rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { startTestApp, type TestEnv } from '../support/app';
import { createOrg, createPerson, loginAs, smallWorld, type Client } from '../factories';
import { auditEvents, countRows } from '../support/achievements';
import { multipartBody, pdfBytes } from '../support/scoring';
import { todayInVietnam } from '../../src/server/modules/imports/xlsx';
import type { CreditListItemDto, StoryDto, StorySummaryDto } from '../../src/contracts/stories';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
let otherPerson: number;
let movementId: number;
let otherMovementId: number;

beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(env.database.db);
  const other = await createOrg(env.database.db, { code: 'TBI', name: 'Liên đoàn Lao động huyện Tân Biên', kind: 'LDLD_HUYEN', parent: w.orgs.tinh });
  otherPerson = await createPerson(env.database.db, other, { fullName: 'Lý Văn Khác', cccd: '072090009999', memberCode: 'DV0009999' });
  await env.database.db.execute(sql`update person set phone = '0912345678', email = 'an.nguyen@truong.edu.vn' where id = ${w.persons.an}`);
  const year = Number(todayInVietnam().slice(0, 4));
  const m = await env.database.db.execute<{ id: number }>(sql`
    insert into movement (org_id, org_path, year, kind, title, starts_on, ends_on, status)
    values (${w.orgs.huyen.id}, ${w.orgs.huyen.path}, ${year}, 'REGULAR', 'Phong trào Giỏi việc nước, đảm việc nhà', ${`${year}-01-01`}, ${`${year}-12-31`}, 'LAUNCHED'),
           (${other.id}, ${other.path}, ${year}, 'REGULAR', 'Phong trào của huyện khác', ${`${year}-01-01`}, ${`${year}-12-31`}, 'LAUNCHED')
    returning id`);
  movementId = Number(m.rows[0]!.id);
  otherMovementId = Number(m.rows[1]!.id);
});
afterAll(() => env.close());

const db = () => env.database.db;
const as = (user: string) => loginAs(env.app, user);
const today = todayInVietnam();
const DRAFT = {
  subjectKind: 'PERSON',
  title: 'Cô giáo Nguyễn Văn An: hai mươi năm gieo chữ vùng cao',
  summary: 'Hai mươi năm bám trường, anh An đưa hàng trăm học trò vùng cao đến lớp.',
  body: 'Mỗi sáng anh đi bộ mười cây số đến trường.\n\nAnh vận động được 120 học sinh trở lại lớp.',
};

function uploadPhoto(c: Client, storyId: number, content: Buffer, fields: { altText?: string; caption?: string } = { altText: 'Anh An đứng lớp cùng học trò' }) {
  const parts: Parameters<typeof multipartBody>[0] = [];
  if (fields.altText !== undefined) parts.push({ name: 'altText', value: fields.altText });
  if (fields.caption !== undefined) parts.push({ name: 'caption', value: fields.caption });
  parts.push({ name: 'file', fileName: 'IMG_0001.JPG', content, type: 'image/jpeg' });
  const m = multipartBody(parts);
  return c.request({ method: 'POST', url: `/api/v1/stories/${storyId}/photos`, payload: m.payload, headers: m.headers });
}

/** A 12-MP-ish camera JPEG with EXIF (camera, GPS position) and a "rotate 90°" orientation. */
async function cameraJpeg(width = 4000, height = 3000): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .withExif({ IFD0: { Make: 'MayAnh', Model: 'X100', Copyright: 'Bi mat' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '10/1 45/1 0/1' } })
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 90 })
    .toBuffer();
}

describe('writing and the workflow', () => {
  let story: StoryDto;

  it('an officer writes a draft about a member: name and unit come from the records, the slug from the title', async () => {
    const officer = await as('huyen.tdkt');
    const res = await officer.post('/api/v1/stories', { ...DRAFT, orgId: w.orgs.huyen.id, personId: w.persons.an, movementId });
    expect(res.statusCode, res.body).toBe(201);
    story = res.json<StoryDto>();
    expect(story).toMatchObject({
      status: 'DRAFT', subjectName: 'Nguyễn Văn An', personId: w.persons.an, slug: 'co-giao-nguyen-van-an-hai-muoi-nam-gieo-chu-vung-cao', movementId,
      movementTitle: 'Phong trào Giỏi việc nước, đảm việc nhà', consent: null, consentRecorded: false, personalData: [],
    });
    expect(story.subjectUnit).toBeTruthy();
    expect(story.abilities).toEqual(['story.edit', 'story.consent', 'story.photos', 'story.submit', 'story.credits']);
    // The same title again: a numbered slug.
    const again = (await officer.post('/api/v1/stories', { ...DRAFT, orgId: w.orgs.huyen.id, subjectKind: 'COLLECTIVE', subjectOrgId: w.orgs.cdcsA.id })).json<StoryDto>();
    expect(again.slug).toBe(`${story.slug}-2`);
    expect(again).toMatchObject({ subjectKind: 'COLLECTIVE', subjectOrgId: w.orgs.cdcsA.id, subjectName: 'Công đoàn cơ sở Trường THCS Phước Minh' });
    const audit = await auditEvents(db(), 'story.create', story.id);
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.after)).not.toContain('mười cây số');
  });

  it('refuses links outside the organisation and a subject-less story, changing nothing', async () => {
    const officer = await as('huyen.tdkt');
    const before = await countRows(db(), 'story');
    const outsidePerson = await officer.post('/api/v1/stories', { ...DRAFT, orgId: w.orgs.huyen.id, personId: otherPerson });
    expect(outsidePerson.statusCode).toBe(400);
    expect(outsidePerson.json<{ message: string }>().message).toBe('Đoàn viên, đơn vị, phong trào hoặc quyết định được chọn không thuộc phạm vi của đơn vị đăng bài.');
    expect((await officer.post('/api/v1/stories', { ...DRAFT, orgId: w.orgs.huyen.id, personId: w.persons.an, movementId: otherMovementId })).statusCode).toBe(400);
    const nobody = await officer.post('/api/v1/stories', { ...DRAFT, orgId: w.orgs.huyen.id });
    expect(nobody.statusCode).toBe(400);
    expect(nobody.json<{ message: string }>().message).toMatch(/^Hãy chọn đoàn viên, đơn vị hoặc ghi tên/);
    expect((await officer.post('/api/v1/stories', { ...DRAFT, orgId: w.orgs.huyen.id, subjectName: 'Bà Tư', summary: 'x'.repeat(401) })).statusCode).toBe(400);
    expect((await officer.post('/api/v1/stories', { ...DRAFT, orgId: w.orgs.huyen.id, subjectName: 'Bà Tư', body: 'x'.repeat(20_001) })).statusCode).toBe(400);
    expect(await countRows(db(), 'story')).toBe(before);
  });

  it('publishing needs the subject’s consent, then nothing personal: the refusal lists CCCD, phone and email', async () => {
    const officer = await as('huyen.tdkt');
    const withData = await officer.post(`/api/v1/stories/${story.id}/update`, {
      ...DRAFT, version: story.version, personId: w.persons.an, movementId,
      body: `${DRAFT.body}\n\nLiên hệ anh qua số 0912 345 678 hoặc an.nguyen@truong.edu.vn. Số CCCD 072 090 000 001.`,
    });
    expect(withData.statusCode, withData.body).toBe(200);
    story = withData.json<StoryDto>();
    expect(story.personalData.map((f) => [f.kind, f.field])).toEqual([['PHONE', 'body'], ['EMAIL', 'body'], ['ID_NUMBER', 'body']]);
    story = (await officer.post(`/api/v1/stories/${story.id}/submit`, { version: story.version })).json<StoryDto>();
    expect(story.status).toBe('IN_REVIEW');

    const noConsent = await officer.post(`/api/v1/stories/${story.id}/publish`, { version: story.version });
    expect(noConsent.statusCode).toBe(409);
    expect(noConsent.json<{ message: string }>().message).toMatch(/chưa ghi nhận sự đồng ý/);

    expect((await officer.post(`/api/v1/stories/${story.id}/consent`, { version: story.version, consentOn: '2099-01-01', method: 'WRITTEN' })).statusCode).toBe(400);
    const consent = await officer.post(`/api/v1/stories/${story.id}/consent`, { version: story.version, consentOn: today, method: 'WRITTEN', note: 'Giấy đồng ý lưu tại văn phòng.' });
    expect(consent.statusCode, consent.body).toBe(200);
    story = consent.json<StoryDto>();
    expect(story.consent).toMatchObject({ on: today, method: 'WRITTEN', note: 'Giấy đồng ý lưu tại văn phòng.' });

    const refused = await officer.post(`/api/v1/stories/${story.id}/publish`, { version: story.version });
    expect(refused.statusCode).toBe(400);
    const err = refused.json<{ message: string; details: { findings: { kind: string }[] } }>();
    expect(err.message).toMatch(/^Chưa đăng được: bài viết còn thông tin cá nhân không được công khai — /);
    expect(err.message).toContain('số điện thoại trong nội dung (09•••••678)');
    expect(err.message).toContain('địa chỉ thư điện tử trong nội dung');
    expect(err.message).toContain('số CCCD/CMND trong nội dung');
    expect(err.message).not.toContain('0912 345 678');
    expect(err.details.findings.map((f) => f.kind)).toEqual(['PHONE', 'EMAIL', 'ID_NUMBER']);
    expect((await officer.get(`/api/v1/stories/${story.id}`)).json<StoryDto>().status).toBe('IN_REVIEW');

    // Returned with a reason, cleaned, sent again and published.
    expect((await officer.post(`/api/v1/stories/${story.id}/return`, { version: story.version, reason: 'ngắn' })).statusCode).toBe(400);
    story = (await officer.post(`/api/v1/stories/${story.id}/return`, { version: story.version, reason: 'Xoá số điện thoại, thư điện tử và số CCCD.' })).json<StoryDto>();
    expect(story).toMatchObject({ status: 'DRAFT', reviewNote: 'Xoá số điện thoại, thư điện tử và số CCCD.' });
    story = (await officer.post(`/api/v1/stories/${story.id}/update`, { ...DRAFT, version: story.version, personId: w.persons.an, movementId })).json<StoryDto>();
    expect(story.personalData).toEqual([]);
    expect((await officer.post(`/api/v1/stories/${story.id}/submit`, { version: story.version - 1 })).statusCode).toBe(409);
    story = (await officer.post(`/api/v1/stories/${story.id}/submit`, { version: story.version })).json<StoryDto>();
    const published = await officer.post(`/api/v1/stories/${story.id}/publish`, { version: story.version });
    expect(published.statusCode, published.body).toBe(200);
    story = published.json<StoryDto>();
    expect(story.status).toBe('PUBLISHED');
    expect(story.publishedAt).toBeTruthy();
    expect(story.abilities).toEqual(['story.withdraw', 'story.credits']);
    // Published: the text is frozen until it is taken down.
    expect((await officer.post(`/api/v1/stories/${story.id}/update`, { ...DRAFT, version: story.version, personId: w.persons.an })).statusCode).toBe(409);
    for (const action of ['story.update', 'story.submit', 'story.consent', 'story.return', 'story.publish']) expect((await auditEvents(db(), action, story.id)).length).toBeGreaterThan(0);
  });

  it('lists with server paging, status counts and a search that ignores diacritics', async () => {
    const officer = await as('huyen.tdkt');
    const list = (await officer.get(`/api/v1/stories?orgId=${w.orgs.huyen.id}&q=${encodeURIComponent('gieo chu vung cao')}&pageSize=1`)).json<{ items: StorySummaryDto[]; total: number; counts: Record<string, number> }>();
    expect(list.total).toBe(2);
    expect(list.items).toHaveLength(1);
    expect(list.counts).toEqual({ PUBLISHED: 1, DRAFT: 1 });
    const published = (await officer.get('/api/v1/stories?status=PUBLISHED')).json<{ items: StorySummaryDto[]; total: number }>();
    expect(published.items.map((s) => s.id)).toEqual([story.id]);
    expect((await officer.get('/api/v1/stories?q=khong-co-bai-nao')).json<{ total: number }>().total).toBe(0);
  });

  it('withdrawal takes it off the site with a reason; it can be reviewed and published again', async () => {
    const officer = await as('huyen.tdkt');
    story = (await officer.post(`/api/v1/stories/${story.id}/withdraw`, { version: story.version, reason: 'Người được viết về đề nghị tạm gỡ bài.' })).json<StoryDto>();
    expect(story).toMatchObject({ status: 'WITHDRAWN', withdrawnReason: 'Người được viết về đề nghị tạm gỡ bài.' });
    expect(await auditEvents(db(), 'story.withdraw', story.id)).toHaveLength(1);
    story = (await officer.post(`/api/v1/stories/${story.id}/submit`, { version: story.version })).json<StoryDto>();
    expect(story.status).toBe('IN_REVIEW');
  });
});

describe('photos', () => {
  let story: StoryDto;
  beforeAll(async () => {
    const admin = await as('admin');
    story = (await admin.post('/api/v1/stories', { ...DRAFT, title: 'Người tốt việc tốt ở cơ sở A', orgId: w.orgs.cdcsA.id, personId: w.persons.anh })).json<StoryDto>();
  });

  it('re-encodes an upload: upright, within 1,600 px, JPEG, and no EXIF, GPS or XMP left', async () => {
    const original = await cameraJpeg();
    const meta = await sharp(original).metadata();
    expect(meta.exif).toBeDefined();
    expect(meta.orientation).toBe(6);
    const res = await uploadPhoto(await as('admin'), story.id, original, { altText: 'Chị Ánh trao quà cho học sinh', caption: 'Buổi trao quà năm nay' });
    expect(res.statusCode, res.body).toBe(200);
    story = res.json<StoryDto>();
    const photo = story.photos[0]!;
    // 4000 × 3000 turned upright is 3000 × 4000; fitted into 1600 × 1600 it is 1200 × 1600.
    expect(photo).toMatchObject({ width: 1200, height: 1600, altText: 'Chị Ánh trao quà cho học sinh', caption: 'Buổi trao quà năm nay', status: 'ACTIVE', position: 1 });
    const file = await (await as('cdcs.a')).get(`/api/v1/story-photos/${photo.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    const kept = await sharp(file.rawPayload).metadata();
    expect(kept).toMatchObject({ format: 'jpeg', width: 1200, height: 1600 });
    expect(kept.exif).toBeUndefined();
    expect(kept.xmp).toBeUndefined();
    expect(kept.iptc).toBeUndefined();
    expect(kept.orientation).toBeUndefined();
    expect(file.rawPayload.includes(Buffer.from('MayAnh'))).toBe(false);
    expect(photo.sizeBytes).toBe(file.rawPayload.length);
    expect(await auditEvents(db(), 'story.photo.add', photo.id)).toHaveLength(1);
  });

  it('keeps a small PNG at its size (never enlarged) as JPEG', async () => {
    const png = await sharp({ create: { width: 640, height: 480, channels: 4, background: { r: 0, g: 80, b: 160, alpha: 0.5 } } }).png().toBuffer();
    const res = await uploadPhoto(await as('admin'), story.id, png);
    expect(res.statusCode, res.body).toBe(200);
    story = res.json<StoryDto>();
    expect(story.photos.find((p) => p.position === 2)).toMatchObject({ width: 640, height: 480 });
  });

  it('refuses another type, a broken image, a missing alt text and an oversized file in Vietnamese, keeping nothing', async () => {
    const admin = await as('admin');
    const rows = await countRows(db(), 'story_photo');
    const files = await countRows(db(), 'story_photo');
    const pdf = await uploadPhoto(admin, story.id, pdfBytes('không phải ảnh'));
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json<{ message: string }>().message).toBe('Tệp không đúng định dạng (kiểm tra theo nội dung tệp, không theo tên). Chỉ nhận: JPEG, PNG.');
    const broken = await uploadPhoto(admin, story.id, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]));
    expect(broken.statusCode).toBe(415);
    expect(broken.json<{ message: string }>().message).toMatch(/^Không đọc được ảnh/);
    const noAlt = await uploadPhoto(admin, story.id, await cameraJpeg(200, 100), {});
    expect(noAlt.statusCode).toBe(400);
    const huge = await uploadPhoto(admin, story.id, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(10 * 1024 * 1024 + 10, 1)]));
    expect(huge.statusCode).toBe(413);
    expect(huge.json<{ message: string }>().message).toBe('Tệp quá lớn. Dung lượng tối đa là 10 MB.');
    expect(await countRows(db(), 'story_photo')).toBe(rows);
    expect(files).toBe(rows);
  });

  it('a caption with a phone number stops publication; the public photo exists only while the story is published', async () => {
    const admin = await as('admin');
    const withPhone = await uploadPhoto(admin, story.id, await cameraJpeg(300, 200), { altText: 'Chị Ánh bên lớp học', caption: 'Gọi chị: 0987.654.321' });
    story = withPhone.json<StoryDto>();
    const third = story.photos.find((p) => p.position === 3)!;
    expect(story.personalData).toEqual([{ kind: 'PHONE', field: 'photo.3.caption', excerpt: '09•••••321' }]);
    story = (await admin.post(`/api/v1/stories/${story.id}/consent`, { version: story.version, consentOn: today, method: 'ONLINE' })).json<StoryDto>();
    story = (await admin.post(`/api/v1/stories/${story.id}/submit`, { version: story.version })).json<StoryDto>();
    const refused = await admin.post(`/api/v1/stories/${story.id}/publish`, { version: story.version });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ message: string }>().message).toContain('số điện thoại trong chú thích ảnh 3');

    const anon = (id: number) => env.app.inject({ method: 'GET', url: `/api/v1/public/story-photos/${id}` });
    const first = story.photos.find((p) => p.position === 1)!;
    expect((await anon(first.id)).statusCode).toBe(404);
    expect((await admin.post(`/api/v1/story-photos/${third.id}/revoke`, { reason: 'Chú thích có số điện thoại.' })).statusCode).toBe(200);
    story = (await admin.get(`/api/v1/stories/${story.id}`)).json<StoryDto>();
    expect(story.personalData).toEqual([]);
    expect(story.photoCount).toBe(2);
    const published = await admin.post(`/api/v1/stories/${story.id}/publish`, { version: story.version });
    expect(published.statusCode, published.body).toBe(200);
    story = published.json<StoryDto>();

    const pub = await anon(first.id);
    expect(pub.statusCode).toBe(200);
    expect(pub.headers['content-type']).toBe('image/jpeg');
    expect(pub.headers['x-content-type-options']).toBe('nosniff');
    expect(pub.headers['cache-control']).toMatch(/^public, max-age=\d{6,}/);
    expect((await anon(third.id)).statusCode).toBe(404);
    expect(await auditEvents(db(), 'story.photo.revoke', third.id)).toHaveLength(1);

    story = (await admin.post(`/api/v1/stories/${story.id}/withdraw`, { version: story.version, reason: 'Tạm gỡ để bổ sung nội dung.' })).json<StoryDto>();
    expect((await anon(first.id)).statusCode).toBe(404);
  });
});

describe('credits', () => {
  it('credits a member and a named reporter; lists them per organisation and year; revokes with a reason', async () => {
    const officer = await as('huyen.tdkt');
    const story = (await officer.post('/api/v1/stories', { ...DRAFT, title: 'Tấm gương hiến máu', orgId: w.orgs.huyen.id, subjectName: 'Ông Năm', subjectKind: 'PERSON' })).json<StoryDto>();
    expect(story).toMatchObject({ subjectName: 'Ông Năm', personId: null, subjectUnit: null });
    const a = await officer.post(`/api/v1/stories/${story.id}/credits`, { personId: w.persons.dang, role: 'DISCOVERED' });
    expect(a.statusCode, a.body).toBe(201);
    expect((await officer.post(`/api/v1/stories/${story.id}/credits`, { personId: w.persons.dang, role: 'DISCOVERED' })).statusCode).toBe(409);
    expect((await officer.post(`/api/v1/stories/${story.id}/credits`, { personId: otherPerson, role: 'WROTE' })).statusCode).toBe(400);
    expect((await officer.post(`/api/v1/stories/${story.id}/credits`, { personId: w.persons.dang, name: 'Ai đó', role: 'WROTE' })).statusCode).toBe(400);
    const b = (await officer.post(`/api/v1/stories/${story.id}/credits`, { name: 'Phóng viên Lê Hoa', role: 'PUBLICISED', note: 'Báo Lao Động' })).json<StoryDto>();
    expect(b.credits.map((c) => [c.name, c.role])).toEqual([['Đặng Văn Bình', 'DISCOVERED'], ['Phóng viên Lê Hoa', 'PUBLICISED']]);

    const year = today.slice(0, 4);
    const list = (await officer.get(`/api/v1/story-credits?orgId=${w.orgs.huyen.id}&year=${year}`)).json<{ items: CreditListItemDto[]; total: number }>();
    expect(list.items.filter((c) => c.target.kind === 'STORY' && c.target.id === story.id).map((c) => c.name).sort()).toEqual(['Phóng viên Lê Hoa', 'Đặng Văn Bình']);
    expect((await officer.get(`/api/v1/story-credits?personId=${w.persons.dang}`)).json<{ total: number }>().total).toBe(1);
    expect((await officer.get(`/api/v1/story-credits?year=2001`)).json<{ total: number }>().total).toBe(0);

    const creditId = b.credits.find((c) => c.name === 'Phóng viên Lê Hoa')!.id;
    expect((await (await as('xem')).post(`/api/v1/story-credits/${creditId}/revoke`, { reason: 'Ghi nhầm người.' })).statusCode).toBe(403);
    const revoked = (await officer.post(`/api/v1/story-credits/${creditId}/revoke`, { reason: 'Ghi nhầm người.' })).json<StoryDto>();
    expect(revoked.credits.find((c) => c.id === creditId)).toMatchObject({ status: 'REVOKED', revokedReason: 'Ghi nhầm người.' });
    expect((await officer.get(`/api/v1/story-credits?orgId=${w.orgs.huyen.id}&year=${year}`)).json<{ total: number }>().total).toBe(list.total - 1);
    expect(await auditEvents(db(), 'story.credit.revoke', creditId)).toHaveLength(1);
  });
});

describe('credits of stories and models in one list', () => {
  const MODEL = { kind: 'MODEL', description: 'Tổ công đoàn tự quản giữ gìn vệ sinh an toàn thực phẩm bếp ăn.', field: 'An toàn', discoveredOn: today };

  it('lists the credits on models beside those on stories, with the target, scoped to the organisation and the reader', async () => {
    const a = await as('cdcs.a');
    const b = await as('cdcs.b');
    const modelA = (await a.post('/api/v1/models', { ...MODEL, name: 'Bếp ăn an toàn A', orgId: w.orgs.cdcsA.id, responsibleOrgId: w.orgs.cdcsA.id })).json<{ id: number }>();
    const credited = await a.post(`/api/v1/models/${modelA.id}/credits`, { personId: w.persons.an, role: 'FOSTERED', note: 'Kèm cặp tổ bếp' });
    expect(credited.statusCode, credited.body).toBe(201);
    const storyA = (await a.post('/api/v1/stories', { ...DRAFT, title: 'Bếp ăn ca đêm an toàn', orgId: w.orgs.cdcsA.id, subjectName: 'Tổ bếp', subjectKind: 'COLLECTIVE' })).json<StoryDto>();
    expect((await a.post(`/api/v1/stories/${storyA.id}/credits`, { name: 'Phóng viên Mai Lan', role: 'DISCOVERED' })).statusCode).toBe(201);
    // The other union's model and story credits: out of cdcs.a's scope and of the cdcsA filter.
    const modelB = (await b.post('/api/v1/models', { ...MODEL, name: 'Bếp ăn an toàn B', orgId: w.orgs.cdcsB.id, responsibleOrgId: w.orgs.cdcsB.id })).json<{ id: number }>();
    expect((await b.post(`/api/v1/models/${modelB.id}/credits`, { name: 'Người bên B', role: 'DISCOVERED' })).statusCode).toBe(201);
    const storyB = (await b.post('/api/v1/stories', { ...DRAFT, title: 'Chuyện của đơn vị B', orgId: w.orgs.cdcsB.id, subjectName: 'Tổ B', subjectKind: 'COLLECTIVE' })).json<StoryDto>();
    expect((await b.post(`/api/v1/stories/${storyB.id}/credits`, { name: 'Phóng viên bên B', role: 'PUBLICISED' })).statusCode).toBe(201);

    const year = today.slice(0, 4);
    const district = await as('huyen.tdkt');
    const listA = (await district.get(`/api/v1/story-credits?orgId=${w.orgs.cdcsA.id}&year=${year}`)).json<{ items: CreditListItemDto[]; total: number }>();
    expect(listA.total).toBe(2);
    expect(listA.items.map((c) => [c.target.kind, c.target.id, c.target.title, c.name, c.role, c.orgName, c.on]).sort()).toEqual(
      [
        ['MODEL', modelA.id, 'Bếp ăn an toàn A', 'Nguyễn Văn An', 'FOSTERED', 'Công đoàn cơ sở Trường THCS Phước Minh', today],
        ['STORY', storyA.id, 'Bếp ăn ca đêm an toàn', 'Phóng viên Mai Lan', 'DISCOVERED', 'Công đoàn cơ sở Trường THCS Phước Minh', today],
      ].sort(),
    );
    // The district sees both unions; paging cuts the merged list.
    const all = (await district.get(`/api/v1/story-credits?year=${year}&pageSize=1&page=2`)).json<{ items: CreditListItemDto[]; total: number }>();
    expect(all.items).toHaveLength(1);
    const names = (await district.get(`/api/v1/story-credits?year=${year}&pageSize=100`)).json<{ items: CreditListItemDto[]; total: number }>();
    expect(all.total).toBe(names.total);
    expect(names.items.map((c) => c.name)).toEqual(expect.arrayContaining(['Người bên B', 'Phóng viên bên B', 'Nguyễn Văn An', 'Phóng viên Mai Lan']));
    expect((await district.get(`/api/v1/story-credits?personId=${w.persons.an}`)).json<{ items: CreditListItemDto[] }>().items.map((c) => c.target)).toEqual([{ kind: 'MODEL', id: modelA.id, title: 'Bếp ăn an toàn A' }]);
    // cdcs.b reads neither of cdcs.a's credits, even when asking for cdcs.a's organisation.
    const fromB = (await b.get('/api/v1/story-credits?pageSize=100')).json<{ items: CreditListItemDto[] }>();
    expect(fromB.items.map((c) => c.name).sort()).toEqual(['Người bên B', 'Phóng viên bên B']);
    expect((await b.get(`/api/v1/story-credits?orgId=${w.orgs.cdcsA.id}`)).json<{ total: number }>().total).toBe(0);
    // A revoked model credit leaves the list.
    const creditId = (await a.get(`/api/v1/models/${modelA.id}`)).json<{ credits: { id: number }[] }>().credits[0]!.id;
    expect((await a.post(`/api/v1/models/${modelA.id}/credits/${creditId}/revoke`, { reason: 'Ghi nhầm người.' })).statusCode).toBe(200);
    expect((await district.get(`/api/v1/story-credits?orgId=${w.orgs.cdcsA.id}&year=${year}`)).json<{ items: CreditListItemDto[] }>().items.map((c) => c.target.kind)).toEqual(['STORY']);
  });
});

describe('permissions', () => {
  let storyA: StoryDto;
  beforeAll(async () => {
    storyA = (await (await as('admin')).post('/api/v1/stories', { ...DRAFT, title: 'Chuyện ở công đoàn cơ sở A', orgId: w.orgs.cdcsA.id, personId: w.persons.an })).json<StoryDto>();
  });

  it("the union's own officer writes its stories; readers in scope read without abilities; another unit gets 404; a viewer cannot write (403)", async () => {
    const a = await (await as('cdcs.a')).get(`/api/v1/stories/${storyA.id}`);
    expect(a.statusCode).toBe(200);
    expect(a.json<StoryDto>().abilities).toContain('story.submit');
    // The district's TĐKT officer reads a union's story but does not write it (the union does).
    const district = await (await as('huyen.tdkt')).get(`/api/v1/stories/${storyA.id}`);
    expect(district.statusCode).toBe(200);
    expect(district.json<StoryDto>()).toMatchObject({ abilities: [], personalData: [] });
    expect((await (await as('huyen.tdkt')).post(`/api/v1/stories/${storyA.id}/submit`, { version: storyA.version })).statusCode).toBe(403);
    const b = await as('cdcs.b');
    expect((await b.get(`/api/v1/stories/${storyA.id}`)).statusCode).toBe(404);
    expect((await b.post(`/api/v1/stories/${storyA.id}/update`, { ...DRAFT, version: storyA.version, personId: w.persons.an })).statusCode).toBe(404);
    expect((await b.post(`/api/v1/stories/${storyA.id}/credits`, { name: 'Người lạ', role: 'WROTE' })).statusCode).toBe(404);
    expect((await uploadPhoto(b, storyA.id, await cameraJpeg(100, 100))).statusCode).toBe(404);
    expect((await b.get('/api/v1/stories')).json<{ items: StorySummaryDto[] }>().items.map((s) => s.id)).not.toContain(storyA.id);

    const viewer = await as('xem');
    expect((await viewer.get(`/api/v1/stories/${storyA.id}`)).statusCode).toBe(200);
    expect((await viewer.post(`/api/v1/stories/${storyA.id}/submit`, { version: storyA.version })).statusCode).toBe(403);
    expect((await viewer.post('/api/v1/stories', { ...DRAFT, orgId: w.orgs.huyen.id, personId: w.persons.an })).statusCode).toBe(403);
    // The union's officer may not write for the district above it (out of its scope: 404).
    expect((await (await as('cdcs.a')).post('/api/v1/stories', { ...DRAFT, orgId: w.orgs.huyen.id, personId: w.persons.an })).statusCode).toBe(404);
    expect((await uploadPhoto(viewer, storyA.id, await cameraJpeg(100, 100))).statusCode).toBe(403);
    expect((await b.post('/api/v1/stories', { ...DRAFT, orgId: w.orgs.cdcsA.id, personId: w.persons.an })).statusCode).toBe(404);
    const photoId = (await uploadPhoto(await as('admin'), storyA.id, await cameraJpeg(100, 100))).json<StoryDto>().photos[0]!.id;
    expect((await b.get(`/api/v1/story-photos/${photoId}`)).statusCode).toBe(404);
    expect((await viewer.post(`/api/v1/story-photos/${photoId}/revoke`, { reason: 'Không phù hợp.' })).statusCode).toBe(403);
    expect((await b.post(`/api/v1/story-photos/${photoId}/revoke`, { reason: 'Không phù hợp.' })).statusCode).toBe(404);
    expect((await b.get(`/api/v1/story-credits?orgId=${w.orgs.cdcsA.id}`)).json<{ total: number }>().total).toBe(0);
    // Not logged in: staff routes are closed.
    expect((await env.app.inject({ method: 'GET', url: `/api/v1/stories/${storyA.id}` })).statusCode).toBe(401);
  });
});
