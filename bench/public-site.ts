// Benchmark: the server-rendered public site (issue 9, item 1). One district with BENCH_PUBLIC_DECISIONS
// (default 2,000) published documents — a tenth of them decisions later revoked — BENCH_PUBLIC_STORIES
// (default 2,000) stories (nine in ten published, one photo each for half of them), and 20 movements
// under way, inserted set-based; then through the real application (buildApp, Fastify inject, the
// full HTML): the home page, the RSS feed, a story page, the first and a deep page of the decisions
// and of the stories, and the no-JS complaint form post. BENCH_PUBLIC_RUNS (default 50) each.
// No target in the issue; pages aim at the 200 ms of the other lists.
import { sql } from 'drizzle-orm';
import { benchDistrict } from './lib/district';
import { openBenchDatabase, runCleanups } from './lib/database';
import { benchApp } from './lib/http-app';
import { envInt, writeResult } from './lib/results';
import { summarize } from './lib/stats';

const DECISIONS = envInt('BENCH_PUBLIC_DECISIONS', 2_000);
const STORIES = envInt('BENCH_PUBLIC_STORIES', 2_000);
const RUNS = envInt('BENCH_PUBLIC_RUNS', 50);
const TARGET_MS = 200;

async function main() {
  const startedAt = new Date();
  const label = process.env.BENCH_DATABASE_URL ? 'server' : 'embedded';
  const bdb = await openBenchDatabase(`public_site_${label}`);
  const { db } = bdb;
  console.log(`public-site: ${bdb.postgres}, ${DECISIONS} documents, ${STORIES} stories, ${RUNS} runs per page`);

  const { huyen } = await benchDistrict(db, { officer: false });

  await db.execute(sql`
    insert into outgoing_document (org_id, year, doc_type, number, symbol, issued_on, title, entity_type, entity_id, published_at)
    select ${huyen.id}, 2020 + g % 7, 'QD', g, 'QĐ-LĐLĐ', date '2020-01-01' + (g % 2400), 'Quyết định khen thưởng số ' || g || ' về thành tích phong trào thi đua', 'DECISION', g,
           timestamptz '2020-01-01 08:00+07' + (g % 2400) * interval '1 day'
    from generate_series(1, ${DECISIONS}) g`);
  await db.execute(sql`
    insert into decision (org_id, org_path, status, year, subject, place, basis, execution, signer, recipients, signed_on, number_year, number, symbol, document_id, revoked_reason)
    select ${huyen.id}, ${huyen.path}, 'REVOKED', d.year, 'Về việc khen thưởng', 'Dương Minh Châu', '[]'::jsonb, 'Thi hành', '{"onBehalf":"TM","title":"Chủ tịch","name":null}'::jsonb, '[]'::jsonb,
           d.issued_on, d.year, d.number, d.symbol, d.id, 'Thu hồi theo Điều 93'
    from outgoing_document d where d.org_id = ${huyen.id} and d.number % 10 = 0`);
  await db.execute(sql`
    insert into movement (org_id, org_path, year, kind, title, slogan, content, starts_on, ends_on, status, launched_on)
    select ${huyen.id}, ${huyen.path}, 2026, 'THEMATIC', 'Phong trào thi đua số ' || g, 'Lao động giỏi, lao động sáng tạo', 'Nội dung phong trào ' || g, date '2026-01-01', date '2026-12-31',
           (array['LAUNCHED','IN_PROGRESS','MID_REVIEW','FINAL_REVIEW','DRAFT'])[1 + g % 5], date '2026-01-01' + g
    from generate_series(1, 25) g`);
  await db.execute(sql`
    insert into story (org_id, org_path, subject_kind, subject_name, subject_unit, title, slug, summary, body, status, consent_on, consent_method, published_at)
    select ${huyen.id}, ${huyen.path}, 'PERSON', 'Đoàn viên ' || g, 'Công đoàn cơ sở số ' || (g % 50), 'Gương người tốt việc tốt số ' || g, 'guong-' || g,
           'Tóm tắt câu chuyện số ' || g || ': nhiều năm giúp đỡ đồng nghiệp và người dân khó khăn.', repeat('Một đoạn kể về việc tốt. ', 40) || E'\n\n' || repeat('Đoạn thứ hai. ', 40),
           case when g % 10 = 0 then 'DRAFT' else 'PUBLISHED' end, date '2025-01-01', 'WRITTEN',
           case when g % 10 = 0 then null else timestamptz '2021-01-01 08:00+07' + g * interval '1 day' end
    from generate_series(1, ${STORIES}) g`);
  await db.execute(sql`
    insert into story_photo (story_id, position, alt_text, caption, width, height, file_name, mime_type, size_bytes, sha256, stored_path)
    select s.id, 1, 'Ảnh ' || s.subject_name, 'Chú thích', 1200, 800, 'anh.jpg', 'image/jpeg', 100000, repeat('0', 64), 'bench/' || s.id || '.jpg'
    from story s where s.org_id = ${huyen.id} and s.id % 2 = 0`);
  await db.execute(sql`analyze outgoing_document; analyze decision; analyze story; analyze story_photo; analyze movement`);

  const { app, time } = await benchApp(bdb, 'public-site');
  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url });
    if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return res;
  };
  const slug = (await db.execute<{ slug: string }>(sql`select slug from story where status = 'PUBLISHED' and id % 2 = 0 order by published_at desc limit 1`)).rows[0]!.slug;
  await get('/cong-khai/DMC'); // warm-up
  const home: number[] = [];
  const rss: number[] = [];
  const story: number[] = [];
  const decisions: number[] = [];
  const decisionsDeep: number[] = [];
  const stories: number[] = [];
  const storiesDeep: number[] = [];
  const complaint: number[] = [];
  let homeKb = 0;
  let rssItems = 0;
  const deepDecisions = Math.max(1, Math.floor(DECISIONS / 20 / 2));
  const deepStories = Math.max(1, Math.floor(STORIES / 20 / 2));
  const letter = new URLSearchParams({ kind: 'PETITION', name: 'Phạm Thị Hoa', contact: '0912345678', content: 'Đề nghị công bố danh sách đề nghị khen thưởng sớm hơn để góp ý.' }).toString();
  for (let run = 0; run < RUNS; run++) {
    home.push(await time(async () => (homeKb = (await get('/cong-khai/DMC')).body.length / 1024)));
    rss.push(await time(async () => (rssItems = ((await get('/cong-khai/DMC/rss.xml')).body.match(/<item>/g) ?? []).length)));
    story.push(await time(() => get(`/cong-khai/DMC/guong-dien-hinh/${slug}`)));
    decisions.push(await time(() => get('/cong-khai/DMC/quyet-dinh')));
    decisionsDeep.push(await time(() => get(`/cong-khai/DMC/quyet-dinh?page=${deepDecisions}`)));
    stories.push(await time(() => get('/cong-khai/DMC/guong-dien-hinh')));
    storiesDeep.push(await time(() => get(`/cong-khai/DMC/guong-dien-hinh?page=${deepStories}`)));
    complaint.push(
      await time(async () => {
        const res = await app.inject({ method: 'POST', url: '/cong-khai/DMC/gui-don', payload: letter, headers: { 'content-type': 'application/x-www-form-urlencoded' }, remoteAddress: `198.51.${run}.1` });
        if (res.statusCode !== 200) throw new Error(`POST gui-don: ${res.statusCode}`);
      }),
    );
  }
  const result = {
    decisions: DECISIONS,
    stories: STORIES,
    runs: RUNS,
    homeKb: Math.round(homeKb),
    rssItems,
    deepDecisions,
    deepStories,
    home: summarize(home),
    rss: summarize(rss),
    story: summarize(story),
    decisionsFirst: summarize(decisions),
    decisionsDeep: summarize(decisionsDeep),
    storiesFirst: summarize(stories),
    storiesDeep: summarize(storiesDeep),
    complaint: summarize(complaint),
    targetMs: TARGET_MS,
  };
  const met = result.home.p95 <= TARGET_MS && result.rss.p95 <= TARGET_MS;
  const file = writeResult(label === 'server' ? 'public-site-server' : 'public-site', startedAt, { ...result, met }, bdb.postgres);
  console.log(`  home p95 ${result.home.p95.toFixed(0)} ms (${result.homeKb} KB); RSS p95 ${result.rss.p95.toFixed(0)} ms (${rssItems} items); story p95 ${result.story.p95.toFixed(0)} ms`);
  console.log(`→ ${file}`);
  await runCleanups();
}

main().catch(async (err) => {
  console.error(err);
  await runCleanups();
  process.exit(1);
});
