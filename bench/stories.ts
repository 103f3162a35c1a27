// Benchmark: exemplary stories (issue 9). A district with 50 grassroots unions and BENCH_STORIES
// (default 20,000) stories inserted set-based (every status, long texts, a tenth with a photo row),
// then through the real application (buildApp, Fastify inject): the officers' list (first page, a
// deep page, a search ignoring diacritics, each with the counts per status), one story with the
// personal-data check of its text, writing a draft, and the whole publication path (consent,
// review, publish with the check); BENCH_STORIES_RUNS (default 30) each. Then the photo path: a
// 12-megapixel camera JPEG with EXIF re-encoded alone (sharp: rotate, fit 1,600 px, JPEG q82, no
// metadata) and uploaded through the API (multipart, re-encode, store, audit),
// BENCH_STORIES_PHOTO_RUNS (default 5) each. No target in the issue; the lists aim at the 200 ms of
// the other lists.
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { todayInVietnam } from '../src/server/modules/imports/xlsx';
import { reencodePhoto } from '../src/server/modules/stories/photos';
import { loginAs } from '../test/factories';
import { benchDistrict } from './lib/district';
import { multipartBody } from '../test/support/scoring';
import { openBenchDatabase, runCleanups } from './lib/database';
import { benchApp } from './lib/http-app';
import { envInt, writeResult } from './lib/results';
import { summarize } from './lib/stats';

const STORIES = envInt('BENCH_STORIES', 20_000);
const RUNS = envInt('BENCH_STORIES_RUNS', 30);
const PHOTO_RUNS = envInt('BENCH_STORIES_PHOTO_RUNS', 5);
const UNITS = 50;
const PEOPLE = 500;
const TARGET_LIST_MS = 200;

async function main() {
  const startedAt = new Date();
  const label = process.env.BENCH_DATABASE_URL ? 'server' : 'embedded';
  const bdb = await openBenchDatabase(`stories_${label}`);
  const { db } = bdb;
  console.log(`stories: ${bdb.postgres}, ${STORIES} stories, ${RUNS} runs per step, ${PHOTO_RUNS} photo runs`);

  const { huyen, units, people } = await benchDistrict(db, { units: UNITS, people: PEOPLE });

  // Set-based: stories of the district and its unions, statuses in turn, a text of ~3,000 characters.
  const paragraph = 'Anh chị em đoàn viên luôn đi đầu trong phong trào thi đua, giúp đỡ đồng nghiệp và người dân khó khăn. ';
  await db.execute(sql`
    insert into story (org_id, org_path, subject_kind, person_id, subject_name, subject_unit, title, slug, summary, body, status, consent_on, consent_method, published_at, updated_at)
    select o.id, o.path, 'PERSON', (${sql.param(people)}::bigint[])[1 + g % ${PEOPLE}], 'Đoàn viên ' || lpad((1 + g % ${PEOPLE})::text, 4, '0'), o.name,
           'Tấm gương người tốt việc tốt số ' || g, 'tam-guong-nguoi-tot-viec-tot-so-' || g, 'Câu chuyện số ' || g || ' về một đoàn viên tiêu biểu.',
           repeat(${paragraph}, 30), s.status,
           case when s.status in ('PUBLISHED','WITHDRAWN') then current_date - (g % 700) end, case when s.status in ('PUBLISHED','WITHDRAWN') then 'WRITTEN' end,
           case when s.status in ('PUBLISHED','WITHDRAWN') then now() - make_interval(days => g % 700) end, now() - make_interval(mins => g)
    from generate_series(1, ${STORIES}) g
    cross join lateral (select (array['DRAFT','IN_REVIEW','PUBLISHED','PUBLISHED','WITHDRAWN'])[1 + g % 5] as status) s
    join organisation o on o.id = (${sql.param([huyen.id, ...units.map((u) => u.id)])}::bigint[])[1 + g % ${UNITS + 1}]`);
  await db.execute(sql`
    insert into story_photo (story_id, position, alt_text, width, height, file_name, mime_type, size_bytes, sha256, stored_path)
    select id, 1, 'Ảnh minh hoạ', 1600, 1200, 'anh.jpg', 'image/jpeg', 200000, repeat('0', 64), 'files/00/none' from story where id % 10 = 0`);
  await db.execute(sql`analyze story`);
  await db.execute(sql`analyze story_photo`);

  const { app, call, time } = await benchApp(bdb, 'stories');
  const officer = await loginAs(app, 'bench.huyen');
  const today = todayInVietnam();
  const draft = { subjectKind: 'PERSON', title: 'Người tốt việc tốt ở huyện', summary: 'Một câu chuyện đẹp.', body: paragraph.repeat(60) };

  await call(officer, 'GET', '/stories?pageSize=50'); // warm-up
  const firstPage: number[] = [];
  const deepPage: number[] = [];
  const search: number[] = [];
  const detail: number[] = [];
  const create: number[] = [];
  const publish: number[] = [];
  let total = 0;
  let found = 0;
  for (let run = 0; run < RUNS; run++) {
    firstPage.push(await time(async () => (total = (await call(officer, 'GET', '/stories?pageSize=50')).json<{ total: number }>().total)));
    deepPage.push(await time(() => call(officer, 'GET', `/stories?pageSize=50&page=${Math.floor(STORIES / 100)}`)));
    search.push(await time(async () => (found = (await call(officer, 'GET', `/stories?pageSize=50&q=${encodeURIComponent('tam guong nguoi tot viec tot so 1')}`)).json<{ total: number }>().total)));
    let id = 0;
    create.push(await time(async () => (id = (await call(officer, 'POST', '/stories', { ...draft, orgId: huyen.id, personId: people[run % PEOPLE] })).json<{ id: number }>().id)));
    detail.push(await time(() => call(officer, 'GET', `/stories/${id}`)));
    publish.push(
      await time(async () => {
        let v = (await call(officer, 'POST', `/stories/${id}/consent`, { version: 1, consentOn: today, method: 'WRITTEN' })).json<{ version: number }>().version;
        v = (await call(officer, 'POST', `/stories/${id}/submit`, { version: v })).json<{ version: number }>().version;
        await call(officer, 'POST', `/stories/${id}/publish`, { version: v });
      }),
    );
  }

  // A 12-MP phone photo with EXIF (camera, GPS) and a rotation flag.
  const camera = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
    .withExif({ IFD0: { Make: 'Bench', Model: 'Phone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '11/1 18/1 0/1' } })
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 90 })
    .toBuffer();
  const photoStory = (await call(officer, 'POST', '/stories', { ...draft, title: 'Bài có ảnh', orgId: huyen.id, personId: people[0] })).json<{ id: number }>().id;
  const reencode: number[] = [];
  const upload: number[] = [];
  let keptBytes = 0;
  for (let run = 0; run < PHOTO_RUNS; run++) {
    reencode.push(await time(async () => (keptBytes = (await reencodePhoto(camera)).data.length)));
    const m = multipartBody([{ name: 'altText', value: `Ảnh thứ ${run + 1} của bài viết` }, { name: 'file', fileName: 'IMG.jpg', content: camera, type: 'image/jpeg' }]);
    upload.push(
      await time(async () => {
        const res = await officer.request({ method: 'POST', url: `/api/v1/stories/${photoStory}/photos`, payload: m.payload, headers: m.headers });
        if (res.statusCode !== 200) throw new Error(`upload: ${res.statusCode} ${res.body.slice(0, 300)}`);
      }),
    );
  }

  const result = {
    stories: STORIES,
    listed: total,
    found,
    runs: RUNS,
    photoRuns: PHOTO_RUNS,
    firstPage: summarize(firstPage),
    deepPage: summarize(deepPage),
    search: summarize(search),
    detail: summarize(detail),
    create: summarize(create),
    publish: summarize(publish),
    photoMb: Math.round((camera.length / 1048576) * 10) / 10,
    keptKb: Math.round(keptBytes / 1024),
    reencode: summarize(reencode),
    upload: summarize(upload),
    targetListMs: TARGET_LIST_MS,
  };
  const met = result.firstPage.p95 <= TARGET_LIST_MS && result.deepPage.p95 <= TARGET_LIST_MS && result.search.p95 <= TARGET_LIST_MS;
  const file = writeResult(label === 'server' ? 'stories-server' : 'stories', startedAt, { ...result, met }, bdb.postgres);
  console.log(
    `  list p95 ${result.firstPage.p95.toFixed(0)} ms (deep ${result.deepPage.p95.toFixed(0)} ms, search ${result.search.p95.toFixed(0)} ms) over ${total} stories; 12-MP re-encode p50 ${result.reencode.p50.toFixed(0)} ms, upload p50 ${result.upload.p50.toFixed(0)} ms`,
  );
  console.log(`→ ${file}`);
  await runCleanups();
}

main().catch(async (err) => {
  console.error(err);
  await runCleanups();
  process.exit(1);
});
