// The organisation's news feed (RSS 2.0): the latest published documents, stories and movements
// launched, newest first, with absolute links on the configured public address. And the site-wide
// sitemap and robots.txt for search engines.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { Locale } from '../../../contracts/enums';
import type { PublicDocumentDto } from '../../../contracts/cascade';
import { t } from '../../../contracts/messages';
import type { MovementRow } from '../movements/movements.repository';
import type { PublicOrg, StorySummary } from './data';
import { escapeXml } from './html';
import { orgHref } from './layout';

export const FEED_ITEMS = 50;

interface FeedItem {
  title: string;
  link: string;
  guid: string;
  date: Date;
  description: string;
}

/** A date-only value as midnight in Vietnam. */
const vnMidnight = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00+07:00`);

export function renderFeed(locale: Locale, base: string, org: PublicOrg, data: { documents: PublicDocumentDto[]; stories: StorySummary[]; movements: MovementRow[] }): string {
  const items: FeedItem[] = [
    ...data.documents.map((d) => {
      const link = `${base}${orgHref(org.code, '/quyet-dinh')}#van-ban-${d.id}`;
      const title = t(locale, 'publicSite.rss.decision', { number: d.numberSymbol, title: d.title }) + (d.revoked ? ` (${t(locale, 'web.cascade.public.revoked')})` : '');
      return { title, link, guid: link, date: new Date(d.publishedAt), description: d.title };
    }),
    ...data.stories.map((s) => {
      const link = `${base}${orgHref(org.code, `/guong-dien-hinh/${encodeURIComponent(s.slug)}`)}`;
      return { title: t(locale, 'publicSite.rss.story', { title: s.title }), link, guid: link, date: new Date(s.publishedAt), description: `${s.subjectName}${s.subjectUnit ? ` — ${s.subjectUnit}` : ''}. ${s.summary}` };
    }),
    ...data.movements.map((m) => {
      const link = `${base}${orgHref(org.code, `/phong-trao/${Number(m.id)}`)}`;
      return { title: t(locale, 'publicSite.rss.movement', { title: m.title }), link, guid: link, date: vnMidnight(m.launched_on ?? m.starts_on), description: m.slogan ?? m.title };
    }),
  ]
    .sort((a, b) => b.date.getTime() - a.date.getTime() || a.guid.localeCompare(b.guid))
    .slice(0, FEED_ITEMS);
  const home = `${base}${orgHref(org.code)}`;
  const built = items[0]?.date ?? new Date(0);
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${escapeXml(t(locale, 'publicSite.rss.title', { org: org.name }))}</title>
<link>${escapeXml(home)}</link>
<description>${escapeXml(t(locale, 'publicSite.home.description', { org: org.name }))}</description>
<language>${locale}</language>
<lastBuildDate>${built.toUTCString()}</lastBuildDate>
<atom:link href="${escapeXml(`${base}${orgHref(org.code, '/rss.xml')}`)}" rel="self" type="application/rss+xml"/>
${items
  .map(
    (i) => `<item>
<title>${escapeXml(i.title)}</title>
<link>${escapeXml(i.link)}</link>
<guid isPermaLink="true">${escapeXml(i.guid)}</guid>
<pubDate>${i.date.toUTCString()}</pubDate>
<description>${escapeXml(i.description)}</description>
</item>`,
  )
  .join('\n')}
</channel>
</rss>
`;
}

/** Every active organisation's public pages and every published story (at most 50,000 addresses). */
export async function renderSitemap(db: DbOrTx, base: string): Promise<string> {
  const r = await db.execute<{ loc: string; lastmod: string | null }>(sql`
    (select '/cong-khai/' || o.code as loc, null::text as lastmod from organisation o where o.status = 'ACTIVE' order by o.path)
    union all
    (select '/cong-khai/' || o.code || '/guong-dien-hinh/' || s.slug, to_char(s.published_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')
     from story s join organisation o on o.id = s.org_id where s.status = 'PUBLISHED' and o.status = 'ACTIVE' order by s.published_at desc, s.id desc)
    limit 50000`);
  const urls = r.rows.map((u) => {
    const loc = u.loc.split('/').map((p, i) => (i < 2 ? p : encodeURIComponent(p))).join('/');
    return `<url><loc>${escapeXml(`${base}${loc}`)}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join('\n')}
</urlset>
`;
}

export function renderRobots(base: string): string {
  return `User-agent: *
Allow: /cong-khai/
Disallow: /api/
Disallow: /tra-cuu-don
Disallow: /tra-cuu-de-xuat
Disallow: /verify
Sitemap: ${base}/sitemap.xml
`;
}
