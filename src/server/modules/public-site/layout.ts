// The frame of every public page: head tags for search engines and share previews, a skip link, the
// landmarks and a small stylesheet readable at 360 px. A page is sent on its own, or — when the web
// client is served — inside its index.html, so that the single-page app takes over where JavaScript
// runs (createRoot replaces #root's children) while crawlers and visitors without it read the same
// content. The stylesheet is inline, allowed by its hash in the standalone page's CSP.
import crypto from 'node:crypto';
import type { Locale } from '../../../contracts/enums';
import { t } from '../../../contracts/messages';
import { CONTENT_SECURITY_POLICY } from '../../lib/security-headers';
import { html, raw, type SafeHtml } from './html';
import type { PublicOrg } from './data';

export interface PageMeta {
  title: string;
  description: string;
  /** Path of the page (canonical link and og:url, made absolute with the public base URL). */
  path: string;
  ogType?: 'website' | 'article';
  /** Path of the share image (a story's first photo). */
  imagePath?: string | null;
  imageAlt?: string | null;
  org?: PublicOrg | null;
  /** Pages that must not be indexed: a complaint's status, a form's answer, a certificate. */
  noindex?: boolean;
}

export interface RenderedPage {
  meta: PageMeta;
  body: SafeHtml;
  status?: number;
}

// Scoped under .ps so that it cannot touch the web client once that takes over the page.
export const SITE_CSS = `
.ps{font:1rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:#1b1b1b;background:#fff;overflow-wrap:anywhere}
.ps *{box-sizing:border-box}
.ps-skip{position:absolute;left:-10000px;top:0;background:#fff;color:#0b4fb3;padding:.5rem 1rem;z-index:10}
.ps-skip:focus{left:.5rem;top:.5rem}
.ps-head{background:#7a1212;color:#fff;padding:.75rem 1rem}
.ps .ps-head a{color:#fff}
.ps-brand{margin:0;font-size:1rem;font-weight:700}
.ps-org{margin:0;font-size:1.05rem}
.ps-nav{background:#f4f1ec;border-bottom:1px solid #d9d2c5;padding:.25rem 1rem}
.ps-nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
.ps .ps-nav a{display:inline-block;padding:.5rem 0;min-height:44px;color:#0b4fb3}
.ps .ps-nav a[aria-current=page]{font-weight:700;color:#1b1b1b}
.ps-main{max-width:48rem;margin:0 auto;padding:1rem}
.ps-main h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}
.ps-main h2{font-size:1.3rem;line-height:1.3;margin:2rem 0 .75rem;border-bottom:2px solid #e4ddd0;padding-bottom:.25rem}
.ps-main h3{font-size:1.1rem;margin:1rem 0 .25rem}
.ps a{color:#0b4fb3;text-decoration:underline}
.ps a:focus-visible,.ps button:focus-visible,.ps input:focus-visible,.ps select:focus-visible,.ps textarea:focus-visible,.ps summary:focus-visible{outline:3px solid #f0b400;outline-offset:2px;box-shadow:0 0 0 5px #1b1b1b}
.ps-list{list-style:none;margin:0;padding:0}
.ps-list>li{border-bottom:1px solid #e4ddd0;padding:.75rem 0}
.ps-meta{color:#4d4d4d;font-size:.95rem;margin:.25rem 0}
.ps-badge{display:inline-block;border:1px solid #a30000;color:#a30000;border-radius:4px;padding:0 .4rem;font-size:.9rem;font-weight:600}
.ps-ok{border-color:#1e6b33;color:#1e6b33}
.ps-card{border:1px solid #d9d2c5;border-radius:8px;padding:1rem;margin:1rem 0;background:#fcfbf8}
.ps-code{font:700 1.3rem/1.4 ui-monospace,Menlo,Consolas,monospace;letter-spacing:.05em}
.ps figure{margin:1rem 0}
.ps img{max-width:100%;height:auto;border-radius:6px}
.ps figcaption{color:#4d4d4d;font-size:.95rem}
.ps-thumb{float:right;width:6rem;margin:0 0 .5rem .75rem}
.ps-list>li::after{content:"";display:block;clear:both}
.ps form{margin:1rem 0}
.ps label{display:block;font-weight:600;margin:1rem 0 .25rem}
.ps input,.ps select,.ps textarea{display:block;width:100%;font:inherit;padding:.6rem;min-height:44px;border:1px solid #6b6b6b;border-radius:6px;background:#fff;color:#1b1b1b}
.ps textarea{min-height:10rem}
.ps [aria-invalid=true]{border:2px solid #a30000}
.ps-hint{color:#4d4d4d;font-size:.95rem;margin:.25rem 0 0}
.ps-error{color:#a30000;font-weight:600;margin:.25rem 0 0}
.ps-errors{border:2px solid #a30000;border-radius:8px;padding:.75rem 1rem;margin:1rem 0}
.ps-errors h2{margin:0 0 .5rem;border:0;font-size:1.1rem;color:#a30000}
.ps button{margin-top:1.25rem;font:inherit;font-weight:700;color:#fff;background:#0b4fb3;border:0;border-radius:6px;padding:.7rem 1.4rem;min-height:44px;cursor:pointer}
.ps-pager{display:flex;gap:1rem;align-items:center;flex-wrap:wrap;margin:1.5rem 0}
.ps dl{margin:0}
.ps dt{font-weight:600;margin-top:.5rem}
.ps dd{margin:0}
.ps-foot{border-top:1px solid #d9d2c5;color:#4d4d4d;padding:1rem;font-size:.95rem;text-align:center}
`.trim();

export const SITE_CSS_HASH = `sha256-${crypto.createHash('sha256').update(SITE_CSS).digest('base64')}`;

/** Standalone page: nothing from elsewhere, no script, only this stylesheet. */
export const STANDALONE_CSP = `default-src 'none'; style-src '${SITE_CSS_HASH}'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`;
/**
 * Inside the web client's index.html: the policy the whole web client is served with (own scripts
 * only, no plugins, no framing, forms and <base> to this site only).
 */
export const SPA_CSP = CONTENT_SECURITY_POLICY;

export const orgHref = (code: string, rest = '') => `/cong-khai/${encodeURIComponent(code)}${rest}`;

export type NavKey = 'home' | 'decisions' | 'stories' | 'consultations' | 'complain' | 'propose' | 'lookup' | null;

function nav(locale: Locale, org: PublicOrg, current: NavKey): SafeHtml {
  const items: [Exclude<NavKey, null>, string, string][] = [
    ['home', orgHref(org.code), t(locale, 'publicSite.nav.home')],
    ['decisions', orgHref(org.code, '/quyet-dinh'), t(locale, 'publicSite.nav.decisions')],
    ['stories', orgHref(org.code, '/guong-dien-hinh'), t(locale, 'publicSite.nav.stories')],
    ['consultations', orgHref(org.code, '/lay-y-kien'), t(locale, 'publicSite.nav.consultations')],
    ['complain', orgHref(org.code, '/gui-don'), t(locale, 'publicSite.nav.complain')],
    ['propose', orgHref(org.code, '/de-xuat'), t(locale, 'publicSite.nav.propose')],
    ['lookup', '/tra-cuu-don', t(locale, 'publicSite.nav.lookup')],
  ];
  return html`<nav class="ps-nav" aria-label="${t(locale, 'publicSite.nav.label')}"><ul>${items.map(
    ([key, href, label]) => html`<li><a href="${href}"${key === current ? raw(' aria-current="page"') : ''}>${label}</a></li>`,
  )}</ul></nav>`;
}

/** Header, navigation, main and footer around a page's content. */
export function frame(locale: Locale, org: PublicOrg | null, current: NavKey, content: SafeHtml): SafeHtml {
  return html`<div class="ps"><a class="ps-skip" href="#noi-dung">${t(locale, 'publicSite.skip')}</a>
<header class="ps-head"><p class="ps-brand">${t(locale, 'publicSite.siteName')}</p>${org ? html`<p class="ps-org"><a href="${orgHref(org.code)}">${org.name}</a></p>` : ''}</header>
${org ? nav(locale, org, current) : ''}
<main class="ps-main" id="noi-dung" tabindex="-1">${content}</main>
<footer class="ps-foot"><p>${org ? t(locale, 'publicSite.footer', { org: org.name }) : t(locale, 'publicSite.footerPlain')}</p>${
    org ? html`<p><a href="${orgHref(org.code, '/rss.xml')}">${t(locale, 'publicSite.nav.rss')}</a></p>` : ''
  }</footer></div>`;
}

/** Title, description, canonical link, Open Graph and Twitter card, the feed. */
export function headTags(locale: Locale, base: string, meta: PageMeta): SafeHtml {
  const url = `${base}${meta.path}`;
  const image = meta.imagePath ? `${base}${meta.imagePath}` : null;
  return html`<title>${meta.title}</title>
<meta name="description" content="${meta.description}">
<link rel="canonical" href="${url}">
${meta.noindex ? raw('<meta name="robots" content="noindex">\n') : ''}<meta property="og:site_name" content="${t(locale, 'publicSite.siteName')}">
<meta property="og:title" content="${meta.title}">
<meta property="og:description" content="${meta.description}">
<meta property="og:type" content="${meta.ogType ?? 'website'}">
<meta property="og:url" content="${url}">
<meta property="og:locale" content="${locale === 'en' ? 'en_US' : 'vi_VN'}">
${image ? html`<meta property="og:image" content="${image}">\n<meta property="og:image:alt" content="${meta.imageAlt ?? ''}">\n` : ''}<meta name="twitter:card" content="${image ? 'summary_large_image' : 'summary'}">
<meta name="twitter:title" content="${meta.title}">
<meta name="twitter:description" content="${meta.description}">
${image ? html`<meta name="twitter:image" content="${image}">\n` : ''}${
    meta.org ? html`<link rel="alternate" type="application/rss+xml" title="${t(locale, 'publicSite.rss.title', { org: meta.org.name })}" href="${base}${orgHref(meta.org.code, '/rss.xml')}">\n` : ''
  }<style>${raw(SITE_CSS)}</style>`;
}

export function standaloneDocument(locale: Locale, head: SafeHtml, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
${head}
</head>
<body>
${body}
</body>
</html>
`.value;
}

/**
 * The web client's index.html with the page inside #root and the page's head tags in place of its
 * generic title and description. The "enable JavaScript" notice goes: the page reads without it.
 */
export function inSpaDocument(indexHtml: string, locale: Locale, head: SafeHtml, body: SafeHtml): string | null {
  if (!indexHtml.includes('<div id="root"></div>') || !indexHtml.includes('</head>')) return null;
  return indexHtml
    .replace(/<title>[^<]*<\/title>\s*/, '')
    .replace(/<meta name="description"[^>]*>\s*/, '')
    .replace(/<html lang="[^"]*">/, `<html lang="${locale}">`)
    .replace('</head>', () => `${head.value}\n  </head>`)
    .replace(/<noscript>[\s\S]*?<\/noscript>\s*/, '')
    .replace('<div id="root"></div>', () => `<div id="root">${body.value}</div>`);
}
