// Reports (issue 10, part 2): the annual summary DOCX (its tables hold the dashboard's figures, its
// charts are real PNG images, Vietnamese text survives) and frozen reports — "the frozen report
// reproduces exactly": after new, revoked and superseded award records the live figures move but a
// re-run of the snapshot is identical to what was stored; tampering with the stored figures is caught
// path by path; a moment in the past leaves out what was recorded after it. Permission negatives with
// positive controls; bad input answers 400 in Vietnamese.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { startTestApp, type TestEnv } from '../support/app';
import { createPerson, loginAs, smallWorld, type OrgRef } from '../factories';
import type { DashboardDto } from '../../src/contracts/dashboard';
import type { RerunDto, RerunResult, SnapshotDto, SnapshotPage } from '../../src/contracts/reports';
import pg from 'pg';
import { canonicalJson, sha256 } from '../../src/server/lib/hash';
import { readSheet } from '../support/xlsx';
import type { ReportTemplateListDto } from '../../src/contracts/report-templates';

const Y = 2025;
let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
const ids: Record<string, number> = {};

/** Inserts an award record made `hoursAgo` hours ago; returns its id. */
async function award(o: { personId?: number; org?: OrgRef; scope: OrgRef; code: string; year: number; hoursAgo: number }): Promise<number> {
  const r = await env.database.db.execute<{ id: number }>(sql`
    insert into award_record (person_id, org_id, scope_path, award_code, year, created_at)
    values (${o.personId ?? null}, ${o.org?.id ?? null}, ${o.scope.path}, ${o.code}, ${o.year}, now() - make_interval(hours => ${o.hoursAgo}))
    returning id`);
  return Number(r.rows[0]!.id);
}

beforeAll(async () => {
  env = await startTestApp();
  const db = env.database.db;
  w = await smallWorld(db);
  const hoa = await createPerson(db, w.orgs.cdcsA, { fullName: 'Lê Thị Hoa', gender: 'FEMALE', isLeader: false, isDirectWorker: true });
  const hung = await createPerson(db, w.orgs.cdcsA, { fullName: 'Phạm Văn Hùng', gender: 'MALE', isLeader: true, isDirectWorker: false });
  const minh = await createPerson(db, w.orgs.cdcsB, { fullName: 'Trương Văn Minh', gender: 'MALE', isLeader: false, isDirectWorker: true });
  ids.hoa = hoa;
  ids.hung = hung;
  ids.minh = minh;
  // Made 48 hours ago: two years in a row for Hoa, awards of Y for Hùng and Minh, a collective award.
  ids.hoaPrev = await award({ personId: hoa, scope: w.orgs.cdcsA, code: 'LDTT', year: Y - 1, hoursAgo: 48 });
  ids.hoaY = await award({ personId: hoa, scope: w.orgs.cdcsA, code: 'LDTT', year: Y, hoursAgo: 48 });
  ids.hungY = await award({ personId: hung, scope: w.orgs.cdcsA, code: 'CSTD_CS', year: Y, hoursAgo: 48 });
  ids.minhY = await award({ personId: minh, scope: w.orgs.cdcsB, code: 'LDTT', year: Y, hoursAgo: 48 });
  ids.unitY = await award({ org: w.orgs.cdcsA, scope: w.orgs.cdcsA, code: 'TTLDTT', year: Y, hoursAgo: 48 });
  // Made 12 hours ago: counted now, not at a moment 24 hours ago.
  ids.late = await award({ personId: minh, scope: w.orgs.cdcsB, code: 'CSTD_CS', year: Y, hoursAgo: 12 });
});
afterAll(() => env.close());

const as = (user: string) => loginAs(env.app, user);
type Client = Awaited<ReturnType<typeof as>>;

/** Waits for the background jobs (freezing, re-running) that the requests so far started. */
const jobsDone = () => Promise.allSettled([...env.ctx.background]);

/** Freezes: the answer comes at once (COMPUTING, no figures yet); the report once its job is done. */
async function freeze(c: Client, body: Record<string, unknown>): Promise<SnapshotDto> {
  const res = await c.post('/api/v1/reports/snapshots', body);
  expect(res.statusCode).toBe(200);
  const started = res.json() as SnapshotDto;
  expect([started.status, started.figures, started.figuresSha256, started.progress.total]).toEqual(['COMPUTING', null, null, 5]);
  await jobsDone();
  return (await c.get(`/api/v1/reports/snapshots/${started.id}`)).json() as SnapshotDto;
}

/** Re-runs: the answer comes at once (COMPUTING); the comparison once its job is done. */
async function rerun(c: Client, id: number): Promise<RerunResult> {
  const res = await c.post(`/api/v1/reports/snapshots/${id}/rerun`);
  expect(res.statusCode).toBe(200);
  const started = res.json() as RerunDto;
  expect([started.status, started.result]).toEqual(['COMPUTING', null]);
  await jobsDone();
  const done = (await c.get(`/api/v1/reports/snapshots/${id}/reruns/${started.id}`)).json() as RerunDto;
  expect([done.status, done.progress.done, done.progress.total]).toEqual(['DONE', 5, 5]);
  return done.result!;
}

// ── Reading a DOCX back ─────────────────────────────────────────────────────────────────────────────
const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const texts = (xml: string) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!));
/** Every table as rows of cell texts (each cell's paragraphs joined by a space). */
function tables(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...t[1]!.matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map((r) => [...r[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => texts(c[1]!).join(''))),
  );
}
async function unpack(body: Buffer) {
  const zip = await JSZip.loadAsync(body);
  const xml = await zip.file('word/document.xml')!.async('string');
  const media = zip.file(/^word\/media\/.+\.png$/);
  const images = await Promise.all(media.map((f) => f.async('nodebuffer')));
  return { xml, text: texts(xml).join(' '), tables: tables(xml), images };
}
const tableStarting = (ts: string[][][], first: string[]) => ts.find((t) => first.every((c, i) => t[0]?.[i] === c));
const vn = (n: number) => n.toLocaleString('vi-VN');
const vnPct = (p: number | null) => (p === null ? 'Chưa có số liệu' : `${Number.isInteger(p) ? p : p.toFixed(1).replace('.', ',')}%`);

async function live(user = 'huyen.tdkt'): Promise<DashboardDto> {
  const res = await (await as(user)).get(`/api/v1/dashboard?orgId=${w.orgs.huyen.id}&year=${Y}`);
  expect(res.statusCode).toBe(200);
  return res.json() as DashboardDto;
}

describe('annual summary DOCX', () => {
  it('holds the dashboard figures in its tables, two PNG charts, and the typed narrative in NFC', async () => {
    const c = await as('huyen.tdkt');
    const figures = await live();
    // The figures themselves, recomputed from the rows above: LDTT 2 (Hoa, Minh), CSTD_CS 2 (Hùng, Minh late), TTLDTT 1 collective.
    const byCode = Object.fromEntries(figures.awards.items.map((a) => [a.code, [a.individuals, a.collectives]]));
    expect(byCode).toEqual({ LDTT: [2, 0], CSTD_CS: [2, 0], TTLDTT: [0, 1] });

    const nfd = 'Đánh giá chung: phong trào thi đua được triển khai sâu rộng.'.normalize('NFD');
    const res = await c.post('/api/v1/reports/annual-summary.docx', {
      orgId: w.orgs.huyen.id,
      year: Y,
      targets: { WOMEN: 40 },
      narrative: { assessment: nfd, shortcomings: 'Tỷ lệ khen thưởng công nhân còn thấp.\nMột số đơn vị nộp hồ sơ chậm.', directions: '' },
      signer: { name: 'Nguyễn Văn Bình' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const doc = await unpack(res.rawPayload);

    const awards = tableStarting(doc.tables, ['TT', 'Danh hiệu, hình thức khen thưởng']);
    expect(awards).toBeDefined();
    const body = awards!.slice(1);
    expect(body).toHaveLength(figures.awards.items.length + 1);
    figures.awards.items.forEach((a, i) => {
      expect(body[i]).toEqual([String(i + 1), a.nameVi, a.levelLabel, vn(a.individuals), vn(a.collectives), vn(a.individuals + a.collectives)]);
    });
    const tot = figures.awards.totals;
    expect(body.at(-1)).toEqual(['', 'Tổng cộng', '', vn(tot.individuals), vn(tot.collectives), vn(tot.individuals + tot.collectives)]);

    const shares = tableStarting(doc.tables, ['Tỷ lệ', `Năm ${Y}`, `Năm ${Y - 1}`]);
    expect(shares).toBeDefined();
    const withTarget = await (await as('huyen.tdkt')).get(`/api/v1/dashboard?orgId=${w.orgs.huyen.id}&year=${Y}&targetWomen=40`);
    const sf = (withTarget.json() as DashboardDto).shares;
    sf.forEach((s, i) => {
      const row = shares![i + 1]!;
      expect(row[0]).toBe(s.label);
      expect(row[1]).toBe(s.current.percent === null ? 'Chưa có số liệu' : `${vnPct(s.current.percent)} (${s.current.numerator}/${s.current.denominator})`);
      expect(row[4]).toBe(`${s.target}${s.targetIsDefault ? ' (*)' : ''}`);
      expect(row[5]).toBe(s.meetsTarget === null ? 'Chưa có số liệu' : s.meetsTarget ? 'Đạt' : 'Chưa đạt');
    });
    // Women: Hoa of four individual awards → 25 % against 40 → not met.
    expect(shares!.find((r) => r[0] === 'Nữ')).toEqual(['Nữ', '25% (1/4)', '100% (1/1)', '−75', '40', 'Chưa đạt']);

    const funnel = tableStarting(doc.tables, ['Bước']);
    expect(funnel!.slice(1).map((r) => r[3])).toEqual(figures.funnel.map((s) => vn(s.total)));

    expect(doc.images.length).toBe(2);
    for (const png of doc.images) expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(doc.text).toContain('Biểu đồ 1. Số lượt khen thưởng năm 2025 theo danh hiệu, hình thức');
    expect(doc.text).toContain('Tổng kết công tác thi đua, khen thưởng năm 2025');
    expect(doc.text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(doc.text).toContain('Số:      /BC-LĐLĐ');
    expect(doc.text).toContain(nfd.normalize('NFC'));
    expect(doc.xml).not.toContain(nfd);
    expect(doc.text).toContain('Một số đơn vị nộp hồ sơ chậm.');
    expect(doc.text).toContain('Nguyễn Văn Bình');
    // Live: the overdue section is there; an empty narrative field adds no section.
    expect(doc.text).toContain('V. VIỆC QUÁ HẠN THEO CẤP');
    expect(doc.text).not.toContain('PHƯƠNG HƯỚNG');
  });

  it('also answers GET without narrative; refuses bad input in Vietnamese; 403 without a role, 404 out of scope', async () => {
    const c = await as('xem');
    const res = await c.get(`/api/v1/reports/annual-summary.docx?orgId=${w.orgs.huyen.id}&year=${Y}`);
    expect(res.statusCode).toBe(200);
    expect((await unpack(res.rawPayload)).images).toHaveLength(2);

    const long = await c.post('/api/v1/reports/annual-summary.docx', { orgId: w.orgs.huyen.id, year: Y, narrative: { assessment: 'x'.repeat(8001) } });
    expect(long.statusCode).toBe(400);
    expect(long.json().code).toBe('VALIDATION');
    expect(Object.keys(long.json().details.fields)).toContain('narrative.assessment');
    const badYear = await c.get(`/api/v1/reports/annual-summary.docx?orgId=${w.orgs.huyen.id}&year=1999`);
    expect(badYear.statusCode).toBe(400);
    expect(badYear.json().message).toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/);

    expect((await (await as('doanvien')).get(`/api/v1/reports/annual-summary.docx?orgId=${w.orgs.huyen.id}&year=${Y}`)).statusCode).toBe(403);
    expect((await (await as('cdcs.a')).get(`/api/v1/reports/annual-summary.docx?orgId=${w.orgs.huyen.id}&year=${Y}`)).statusCode).toBe(404);
    expect((await (await as('cdcs.a')).get(`/api/v1/reports/annual-summary.docx?orgId=${w.orgs.cdcsA.id}&year=${Y}`)).statusCode).toBe(200);
  });
});

describe('frozen reports', () => {
  let frozen: SnapshotDto;

  it('freezes the figures with their sha-256 and an audit event', async () => {
    const c = await as('huyen.tdkt');
    const before = await live();
    frozen = await freeze(c, { orgId: w.orgs.huyen.id, year: Y, kind: 'ANNUAL_SUMMARY', title: 'Báo cáo chốt số liệu năm 2025', narrative: { assessment: 'Phong trào sôi nổi.' } });
    expect(frozen.status).toBe('ACTIVE');
    expect([frozen.progress.done, frozen.progress.total, frozen.progress.failure, frozen.lastRerun]).toEqual([5, 5, null, null]);
    expect(frozen.abilities).toEqual(['snapshot.withdraw']);
    expect(frozen.figuresSha256).toBe(sha256(canonicalJson(frozen.figures)));
    expect(frozen.figures!.awards).toEqual(before.awards);
    expect(frozen.figures!.shares).toEqual(before.shares);
    expect(frozen.figures!.overdue.levels).toEqual([]);
    const stored = await env.database.db.execute<{ figures_sha256: string; title: string }>(sql`select figures_sha256, title from report_snapshot where id = ${frozen.id}`);
    expect(stored.rows[0]).toEqual({ figures_sha256: frozen.figuresSha256, title: 'Báo cáo chốt số liệu năm 2025' });
    const events = await env.database.db.execute<{ action: string }>(sql`select action from audit_event where entity_type = 'report_snapshot' and entity_id = ${String(frozen.id)} order by id`);
    expect(events.rows.map((e) => e.action)).toEqual(['report.snapshot.create', 'report.snapshot.computed']);
  });

  it('reproduces exactly after new, revoked and superseded records, while the live figures change', async () => {
    const db = env.database.db;
    await award({ personId: ids.hung!, scope: w.orgs.cdcsA, code: 'LDTT', year: Y, hoursAgo: 0 });
    await db.execute(sql`update award_record set status = 'REVOKED', revoked_at = now(), revoked_reason = 'Thu hồi theo quyết định số 3/QĐ-LĐLĐ' where id = ${ids.minhY}`);
    const replacement = await award({ personId: ids.hoa!, scope: w.orgs.cdcsA, code: 'CSTD_CS', year: Y, hoursAgo: 0 });
    await db.execute(sql`update award_record set status = 'SUPERSEDED', superseded_by = ${replacement} where id = ${ids.hoaY}`);

    const now = await live();
    expect(now.awards).not.toEqual(frozen.figures!.awards);
    // LDTT: Hoa's superseded, Minh's revoked, Hùng's new → 1; CSTD_CS: Hùng, Minh, Hoa → 3.
    expect(Object.fromEntries(now.awards.items.map((a) => [a.code, a.individuals + a.collectives]))).toEqual({ LDTT: 1, CSTD_CS: 3, TTLDTT: 1 });

    const c = await as('xem');
    const r = await rerun(c, frozen.id);
    expect(r).toEqual({ identical: true, storedSha256: frozen.figuresSha256, rerunSha256: frozen.figuresSha256, currentStoredSha256: frozen.figuresSha256, differenceCount: 0, differences: [] });

    const again = (await c.get(`/api/v1/reports/snapshots/${frozen.id}`)).json() as SnapshotDto;
    expect(again.figures).toEqual(frozen.figures);
    expect([again.lastRerun?.status, again.lastRerun?.identical, again.lastRerun?.differenceCount, again.lastRerun?.requestedBy]).toEqual(['DONE', true, 0, expect.any(String)]);
  });

  it('renders the frozen annual summary from the stored figures, the same text every time', async () => {
    const c = await as('xem');
    const first = await unpack((await c.get(`/api/v1/reports/snapshots/${frozen.id}/annual-summary.docx`)).rawPayload);
    const second = await unpack((await c.get(`/api/v1/reports/snapshots/${frozen.id}/annual-summary.docx`)).rawPayload);
    // Only the drawing ids docx numbers per process differ between two renderings.
    const stable = (xml: string) => xml.replace(/<wp:docPr id="\d+"/g, '<wp:docPr id=""');
    expect(stable(second.xml)).toBe(stable(first.xml));
    expect(second.images).toEqual(first.images);
    const awards = tableStarting(first.tables, ['TT', 'Danh hiệu, hình thức khen thưởng'])!;
    expect(awards.slice(1, -1).map((r) => [r[1], r[3], r[4]])).toEqual(frozen.figures!.awards.items.map((a) => [a.nameVi, vn(a.individuals), vn(a.collectives)]));
    expect(first.text).toContain('Phong trào sôi nổi.');
    expect(first.text).toContain('Số liệu chốt đến');
    // A frozen report has no overdue section.
    expect(first.text).not.toContain('QUÁ HẠN');
  });

  it('fills a statistical form with the stored figures, dated the frozen moment: the same form after the records changed', async () => {
    const c = await as('xem');
    const templates = (await c.get(`/api/v1/report-templates?orgId=${w.orgs.huyen.id}`)).json() as ReportTemplateListDto;
    const bm01 = templates.items.find((i) => i.code === 'BM01-KT')!;
    const frozenForm = async () => {
      const res = await c.get(`/api/v1/reports/snapshots/${frozen.id}/stat-form.xlsx?templateId=${bm01.id}`);
      expect(res.statusCode).toBe(200);
      expect(String(res.headers['content-disposition'])).toContain(`chot-${frozen.id}.xlsx`);
      return readSheet(res.rawPayload);
    };
    const first = await frozenForm();
    const live = await readSheet((await c.get(`/api/v1/report-templates/${bm01.id}/render.xlsx?orgId=${w.orgs.huyen.id}&year=${Y}`)).rawPayload);
    // Records were added, revoked and replaced since freezing: the live form moved, the frozen one did not.
    expect(live).not.toEqual(first);
    expect(await frozenForm()).toEqual(first);
    const text = first.flat().join(' ');
    expect(text).toContain('Số liệu chốt lúc');
    // Its total row holds the stored totals.
    const totals = frozen.figures!.awards.totals;
    expect(first.some((row) => row.includes(String(totals.individuals)) && row.includes(String(totals.collectives)))).toBe(true);

    expect((await c.get(`/api/v1/reports/snapshots/${frozen.id}/stat-form.xlsx?templateId=999999`)).statusCode).toBe(404);
    expect((await c.get(`/api/v1/reports/snapshots/${frozen.id}/stat-form.xlsx`)).statusCode).toBe(400);
    expect((await (await as('cdcs.a')).get(`/api/v1/reports/snapshots/${frozen.id}/stat-form.xlsx?templateId=${bm01.id}`)).statusCode).toBe(404);
    expect((await (await as('doanvien')).get(`/api/v1/reports/snapshots/${frozen.id}/stat-form.xlsx?templateId=${bm01.id}`)).statusCode).toBe(403);
  });

  it('reports the exact paths of figures edited in the database', async () => {
    await env.database.db.execute(sql`update report_snapshot set figures = jsonb_set(jsonb_set(figures, '{awards,totals,individuals}', '999'), '{shares,2,current,numerator}', '7') where id = ${frozen.id}`);
    const r = await rerun(await as('huyen.tdkt'), frozen.id);
    expect(r.identical).toBe(false);
    expect(r.rerunSha256).toBe(frozen.figuresSha256);
    expect(r.currentStoredSha256).not.toBe(frozen.figuresSha256);
    expect(r.differences).toEqual([
      { path: 'awards.totals.individuals', stored: 999, rerun: frozen.figures!.awards.totals.individuals },
      { path: 'shares[2].current.numerator', stored: 7, rerun: frozen.figures!.shares[2]!.current.numerator },
    ]);
    expect(r.differenceCount).toBe(2);
  });

  it('a moment in the past leaves out what was recorded after it (and counts what was revoked or replaced later)', async () => {
    const c = await as('huyen.tdkt');
    const asOf = new Date(Date.now() - 24 * 3600_000).toISOString();
    const s = await freeze(c, { orgId: w.orgs.huyen.id, year: Y, kind: 'DASHBOARD', asOf });
    // At that moment: Hoa LDTT, Minh LDTT (revoked later), Hùng CSTD_CS, the collective; not Minh's late CSTD_CS.
    expect(Object.fromEntries(s.figures!.awards.items.map((a) => [a.code, a.individuals + a.collectives]))).toEqual({ LDTT: 2, CSTD_CS: 1, TTLDTT: 1 });
    expect(s.title).toBe(`Số liệu thi đua, khen thưởng năm ${Y} – ${s.org.name}`);
    expect(new Date(s.asOf).toISOString()).toBe(asOf);
    const empty = await freeze(c, { orgId: w.orgs.huyen.id, year: Y, kind: 'DASHBOARD', asOf: new Date(Date.now() - 72 * 3600_000).toISOString() });
    expect(empty.figures!.awards.totals).toEqual({ individuals: 0, collectives: 0 });
  });

  it('lists frozen reports of the subtree, paged, newest first', async () => {
    const cdcs = await as('cdcs.a');
    expect((await freeze(cdcs, { orgId: w.orgs.cdcsA.id, year: Y, kind: 'DASHBOARD' })).status).toBe('ACTIVE');
    const c = await as('xem');
    const p1 = (await c.get(`/api/v1/reports/snapshots?orgId=${w.orgs.huyen.id}&year=${Y}&pageSize=2`)).json() as SnapshotPage;
    expect(p1.total).toBe(4);
    expect(p1.items).toHaveLength(2);
    expect(p1.items[0]!.org.id).toBe(w.orgs.cdcsA.id);
    expect(p1.items[0]!.abilities).toEqual([]);
    const p2 = (await c.get(`/api/v1/reports/snapshots?orgId=${w.orgs.huyen.id}&year=${Y}&pageSize=2&page=2`)).json() as SnapshotPage;
    expect(p2.items.map((i) => i.id)).not.toContain(p1.items[0]!.id);
    expect(p2.items.at(-1)!.id).toBe(frozen.id);
    const own = (await cdcs.get(`/api/v1/reports/snapshots?orgId=${w.orgs.cdcsA.id}`)).json() as SnapshotPage;
    expect(own.total).toBe(1);
    expect((await c.get(`/api/v1/reports/snapshots?orgId=${w.orgs.huyen.id}&year=${Y - 1}`)).json().total).toBe(0);
  });

  it('permissions: 404 out of scope, 403 without a role, readers cannot freeze or withdraw', async () => {
    const cdcs = await as('cdcs.a');
    expect((await cdcs.get(`/api/v1/reports/snapshots/${frozen.id}`)).statusCode).toBe(404);
    expect((await cdcs.post(`/api/v1/reports/snapshots/${frozen.id}/rerun`)).statusCode).toBe(404);
    expect((await cdcs.get(`/api/v1/reports/snapshots/${frozen.id}/annual-summary.docx`)).statusCode).toBe(404);
    expect((await cdcs.get(`/api/v1/reports/snapshots?orgId=${w.orgs.huyen.id}`)).statusCode).toBe(404);
    expect((await cdcs.post('/api/v1/reports/snapshots', { orgId: w.orgs.huyen.id, year: Y, kind: 'DASHBOARD' })).statusCode).toBe(404);
    expect((await cdcs.get('/api/v1/reports/snapshots/999999')).statusCode).toBe(404);

    const member = await as('doanvien');
    expect((await member.post('/api/v1/reports/snapshots', { orgId: w.orgs.cdcsA.id, year: Y, kind: 'DASHBOARD' })).statusCode).toBe(403);
    expect((await member.get(`/api/v1/reports/snapshots/${frozen.id}`)).statusCode).toBe(403);
    expect((await member.get(`/api/v1/reports/snapshots?orgId=${w.orgs.cdcsA.id}`)).statusCode).toBe(403);

    const viewer = await as('xem');
    expect((await viewer.post('/api/v1/reports/snapshots', { orgId: w.orgs.huyen.id, year: Y, kind: 'DASHBOARD' })).statusCode).toBe(403);
    expect((await viewer.post(`/api/v1/reports/snapshots/${frozen.id}/withdraw`, { reason: 'Số liệu chốt nhầm thời điểm' })).statusCode).toBe(403);
    expect((await viewer.get(`/api/v1/reports/snapshots/${frozen.id}`)).statusCode).toBe(200);
  });

  it('refuses bad input in Vietnamese', async () => {
    const c = await as('huyen.tdkt');
    const future = await c.post('/api/v1/reports/snapshots', { orgId: w.orgs.huyen.id, year: Y, kind: 'DASHBOARD', asOf: new Date(Date.now() + 3600_000).toISOString() });
    expect(future.statusCode).toBe(400);
    expect(future.json().message).toBe('Thời điểm chốt số liệu không được sau thời điểm hiện tại.');
    const kind = await c.post('/api/v1/reports/snapshots', { orgId: w.orgs.huyen.id, year: Y, kind: 'STAT_FORM' });
    expect(kind.statusCode).toBe(400);
    expect(Object.keys(kind.json().details.fields)).toEqual(['kind']);
    const asOf = await c.post('/api/v1/reports/snapshots', { orgId: w.orgs.huyen.id, year: Y, kind: 'DASHBOARD', asOf: 'hôm qua' });
    expect(asOf.statusCode).toBe(400);
    const target = await c.post('/api/v1/reports/snapshots', { orgId: w.orgs.huyen.id, year: Y, kind: 'DASHBOARD', targets: { WOMEN: 120 } });
    expect(target.statusCode).toBe(400);
    const reason = await c.post(`/api/v1/reports/snapshots/${frozen.id}/withdraw`, { reason: 'sai' });
    expect(reason.statusCode).toBe(400);
    expect(reason.json().message).toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/);
  });

  it('withdraws with a reason (kept, audited), once', async () => {
    const c = await as('huyen.tdkt');
    const res = await c.post(`/api/v1/reports/snapshots/${frozen.id}/withdraw`, { reason: 'Số liệu chốt trước khi nhập đủ quyết định' });
    expect(res.statusCode).toBe(200);
    const s = res.json() as SnapshotDto;
    expect([s.status, s.withdrawnReason, s.abilities]).toEqual(['WITHDRAWN', 'Số liệu chốt trước khi nhập đủ quyết định', []]);
    expect((await c.post(`/api/v1/reports/snapshots/${frozen.id}/withdraw`, { reason: 'Lần thứ hai thu hồi' })).statusCode).toBe(409);
    expect((await c.get(`/api/v1/reports/snapshots/${frozen.id}`)).statusCode).toBe(200);
    const events = await env.database.db.execute(sql`select 1 from audit_event where entity_type = 'report_snapshot' and entity_id = ${String(frozen.id)} and action = 'report.snapshot.withdraw'`);
    expect(events.rows).toHaveLength(1);
  });
});

describe('frozen reports computed in the background', () => {
  /** A writer that began before the freeze and has not committed: its award is stamped before the moment. */
  async function openWriter(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: env.url });
    await client.connect();
    await client.query('begin');
    await client.query(`insert into award_record (person_id, scope_path, award_code, year) values ($1, $2, 'CSTD_CS', $3)`, [ids.hoa, w.orgs.cdcsA.path, Y]);
    return client;
  }
  const row = async (id: number) =>
    (await env.database.db.execute<{ status: string; progress_done: number; beat: string }>(sql`select status, progress_done, heartbeat_at::text as beat from report_snapshot where id = ${id}`)).rows[0]!;

  it('waits for writes begun before the moment to commit, so that the frozen figures and the re-run agree', async () => {
    const c = await as('huyen.tdkt');
    const writer = await openWriter();
    try {
      const res = await c.post('/api/v1/reports/snapshots', { orgId: w.orgs.huyen.id, year: Y, kind: 'DASHBOARD' });
      const started = res.json() as SnapshotDto;
      const first = await row(started.id);
      // The job has seen the open transaction and waits (a sign of life, nothing computed).
      await vi.waitFor(async () => expect((await row(started.id)).beat).not.toBe(first.beat), { timeout: 10_000, interval: 50 });
      expect(await row(started.id)).toMatchObject({ status: 'COMPUTING', progress_done: 0 });
      await writer.query('commit');
      await jobsDone();
      const done = (await c.get(`/api/v1/reports/snapshots/${started.id}`)).json() as SnapshotDto;
      expect(done.status).toBe('ACTIVE');
      // The award committed late was stamped before the moment: it is in the frozen figures, as in the live ones.
      expect(done.figures!.awards).toEqual((await live()).awards);
      expect(await rerun(c, started.id)).toMatchObject({ identical: true, differenceCount: 0 });
    } finally {
      await writer.end();
    }
  });

  let failedId = 0;
  it('fails with a reason in Vietnamese when writes stay open past the longest wait; a failed report cannot be used', async () => {
    const c = await as('huyen.tdkt');
    const writer = await openWriter();
    const longest = env.ctx.config.REPORT_SETTLE_MAX_MS;
    env.ctx.config.REPORT_SETTLE_MAX_MS = 0;
    try {
      const res = await c.post('/api/v1/reports/snapshots', { orgId: w.orgs.huyen.id, year: Y, kind: 'DASHBOARD' });
      failedId = (res.json() as SnapshotDto).id;
      await jobsDone();
    } finally {
      env.ctx.config.REPORT_SETTLE_MAX_MS = longest;
      await writer.query('rollback');
      await writer.end();
    }
    const failed = (await c.get(`/api/v1/reports/snapshots/${failedId}`)).json() as SnapshotDto;
    expect([failed.status, failed.figures, failed.abilities]).toEqual(['FAILED', null, []]);
    expect(failed.progress.failure).toBe('Chưa thể chốt: vẫn còn giao dịch ghi dữ liệu bắt đầu trước thời điểm chốt chưa kết thúc sau thời gian chờ tối đa. Hãy chốt lại sau.');
    const notComputed = 'Số liệu của báo cáo này chưa tính xong (hoặc tính không thành công): chưa thể dùng.';
    for (const res of [
      await c.post(`/api/v1/reports/snapshots/${failedId}/rerun`),
      await c.post(`/api/v1/reports/snapshots/${failedId}/withdraw`, { reason: 'Chốt nhầm, chốt lại sau' }),
      await c.get(`/api/v1/reports/snapshots/${failedId}/annual-summary.docx`),
    ]) {
      expect(res.statusCode).toBe(409);
      expect(res.json().message).toBe(notComputed);
    }
    const reruns = await env.database.db.execute(sql`select 1 from report_rerun where snapshot_id = ${failedId}`);
    expect(reruns.rows).toHaveLength(0);
  });

  it('shows a job silent for longer than the limit as interrupted, in the list too', async () => {
    await env.database.db.execute(sql`update report_snapshot set status = 'COMPUTING', failure = null, heartbeat_at = now() - interval '11 minutes' where id = ${failedId}`);
    const c = await as('xem');
    const s = (await c.get(`/api/v1/reports/snapshots/${failedId}`)).json() as SnapshotDto;
    expect([s.status, s.progress.failure]).toEqual(['FAILED', 'Việc tính số liệu bị gián đoạn (máy chủ khởi động lại hoặc quá lâu không phản hồi). Hãy thử lại.']);
    const list = (await c.get(`/api/v1/reports/snapshots?orgId=${w.orgs.huyen.id}&year=${Y}&pageSize=50`)).json() as SnapshotPage;
    expect(list.items.find((i) => i.id === failedId)?.status).toBe('FAILED');
    await env.database.db.execute(sql`update report_snapshot set heartbeat_at = now() where id = ${failedId}`);
    expect(((await c.get(`/api/v1/reports/snapshots/${failedId}`)).json() as SnapshotDto).status).toBe('COMPUTING');
  });

  it('runs one re-run of a report at a time: asking again answers the running one; an interrupted one may be asked again', async () => {
    const c = await as('xem');
    const s = await freeze(await as('huyen.tdkt'), { orgId: w.orgs.cdcsA.id, year: Y, kind: 'DASHBOARD' });
    const running = await env.database.db.execute<{ id: number }>(sql`
      insert into report_rerun (snapshot_id, progress_total, heartbeat_at) values (${s.id}, 5, now()) returning id`);
    const runningId = Number(running.rows[0]!.id);
    const again = (await c.post(`/api/v1/reports/snapshots/${s.id}/rerun`)).json() as RerunDto;
    expect([again.id, again.status]).toEqual([runningId, 'COMPUTING']);
    const listed = (await c.get(`/api/v1/reports/snapshots/${s.id}`)).json() as SnapshotDto;
    expect([listed.lastRerun?.id, listed.lastRerun?.status, listed.lastRerun?.identical]).toEqual([runningId, 'COMPUTING', null]);

    await env.database.db.execute(sql`update report_rerun set heartbeat_at = now() - interval '11 minutes' where id = ${runningId}`);
    expect(((await c.get(`/api/v1/reports/snapshots/${s.id}/reruns/${runningId}`)).json() as RerunDto).status).toBe('FAILED');
    expect((await rerun(c, s.id)).identical).toBe(true);
    const count = await env.database.db.execute(sql`select 1 from report_rerun where snapshot_id = ${s.id}`);
    expect(count.rows).toHaveLength(2);
    // A re-run of another report's id is not found; a reader out of scope gets 404.
    expect((await c.get(`/api/v1/reports/snapshots/${failedId}/reruns/${runningId}`)).statusCode).toBe(404);
    expect((await (await as('cdcs.b')).get(`/api/v1/reports/snapshots/${s.id}/reruns/${runningId}`)).statusCode).toBe(404);
  });
});
