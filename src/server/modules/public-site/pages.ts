// The public pages as markup: each function takes what was read and returns the page's content and
// head data. Every text from the database or the visitor goes through `html`, so it is escaped.
import type { Locale } from '../../../contracts/enums';
import { t } from '../../../contracts/messages';
import type { PublicDocumentDto } from '../../../contracts/cascade';
import type { PublicConsultationPage } from '../../../contracts/consultations';
import type { PublicComplaintStatus } from '../../../contracts/complaints';
import type { PublicProposalStatus } from '../../../contracts/proposals';
import type { VerificationDto } from '../../../contracts/decisions';
import { vnDate } from '../../lib/dates';
import type { MovementRow } from '../movements/movements.repository';
import type { PublicOrg, StoryPage, StorySummary } from './data';
import { html, paragraphs, type SafeHtml } from './html';
import { orgHref, type PageMeta, type RenderedPage } from './layout';

export const PAGE_SIZE = 20;
export const HOME_LATEST = 5;

/** A timestamp as its date in Vietnam (dd/mm/yyyy). */
export function vnDay(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return vnDate(value);
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(value));
}

const storyHref = (code: string, slug: string) => orgHref(code, `/guong-dien-hinh/${encodeURIComponent(slug)}`);
const movementHref = (code: string, id: number) => orgHref(code, `/phong-trao/${id}`);
export const photoHref = (id: number) => `/api/v1/public/story-photos/${id}`;
const documentHref = (id: number) => `/api/v1/public/documents/${id}/document.docx`;

export interface PageResult extends RenderedPage {
  nav: 'home' | 'decisions' | 'stories' | 'consultations' | 'complain' | 'propose' | 'lookup' | null;
  org: PublicOrg | null;
}

const page = (meta: PageMeta, body: SafeHtml, nav: PageResult['nav'], org: PublicOrg | null, status?: number): PageResult => ({ meta, body, nav, org, status });

function revokedBadge(locale: Locale): SafeHtml {
  return html` <span class="ps-badge">${t(locale, 'web.cascade.public.revoked')}</span>`;
}

function decisionItems(locale: Locale, items: PublicDocumentDto[]): SafeHtml {
  return html`<ul class="ps-list" data-testid="ps-decisions">${items.map(
    (d) => html`<li id="van-ban-${d.id}" data-testid="ps-decision"><h3>${d.numberSymbol}: ${d.title}${d.revoked ? revokedBadge(locale) : ''}</h3>
<p class="ps-meta">${t(locale, 'publicSite.decisions.issuedOn', { date: vnDay(d.issuedOn) })}${
      d.hasDocument ? html` · <a href="${documentHref(d.id)}">${t(locale, 'publicSite.decisions.download')}</a>` : ''
    }</p></li>`,
  )}</ul>`;
}

function storyItems(locale: Locale, code: string, items: StorySummary[], level: 'h2' | 'h3'): SafeHtml {
  return html`<ul class="ps-list" data-testid="ps-stories">${items.map((s) => {
    const heading = html`<a href="${storyHref(code, s.slug)}">${s.title}</a>`;
    return html`<li data-testid="ps-story">${s.photo ? html`<img class="ps-thumb" src="${photoHref(s.photo.id)}" alt="" width="96" height="72" loading="lazy">` : ''}${
      level === 'h2' ? html`<h2>${heading}</h2>` : html`<h3>${heading}</h3>`
    }<p class="ps-meta">${s.subjectName}${s.subjectUnit ? html` — ${s.subjectUnit}` : ''}</p><p>${s.summary}</p></li>`;
  })}</ul>`;
}

function movementItems(locale: Locale, code: string, items: MovementRow[]): SafeHtml {
  return html`<ul class="ps-list" data-testid="ps-movements">${items.map(
    (m) => html`<li data-testid="ps-movement"><h3><a href="${movementHref(code, Number(m.id))}">${m.title}</a></h3>
<p class="ps-meta">${t(locale, `publicSite.movements.status.${m.status}`)} · ${t(locale, 'publicSite.movements.period', { from: vnDay(m.starts_on), to: vnDay(m.ends_on) })}</p>${
      m.slogan ? html`<p>${m.slogan}</p>` : ''
    }</li>`,
  )}</ul>`;
}

function verifyForm(locale: Locale, value = ''): SafeHtml {
  return html`<form method="get" action="/verify" data-testid="ps-verify-form"><label for="f-serial">${t(locale, 'publicSite.verify.serial')}</label>
<input id="f-serial" name="serial" value="${value}" required maxlength="60" autocomplete="off" aria-describedby="f-serial-hint">
<p class="ps-hint" id="f-serial-hint">${t(locale, 'publicSite.verify.serialHint')}</p>
<button type="submit">${t(locale, 'publicSite.verify.submit')}</button></form>`;
}

/** A look-up by reference code (a complaint, a good-deed proposal): its address, texts and test id. */
interface LookupKind {
  path: string;
  /** The texts' prefix: `.title`, `.code`, `.codeHint`, `.notFound`. */
  texts: 'publicSite.lookup' | 'publicSite.proposalLookup';
  testid: string;
}

function lookupForm(locale: Locale, k: LookupKind, value = ''): SafeHtml {
  return html`<form method="get" action="${k.path}" data-testid="${k.testid}-form"><label for="f-code">${t(locale, `${k.texts}.code`)}</label>
<input id="f-code" name="code" value="${value}" required maxlength="40" autocomplete="off" aria-describedby="f-code-hint">
<p class="ps-hint" id="f-code-hint">${t(locale, `${k.texts}.codeHint`)}</p>
<button type="submit">${t(locale, 'publicSite.lookup.submit')}</button></form>`;
}

/** The look-up page: the result card (or "not found", 404), then the form again; never indexed once a code is given. */
function codeLookupPage(locale: Locale, k: LookupKind, code: string | null, card: SafeHtml | null, nav: PageResult['nav']): PageResult {
  const found = card ?? (code === null ? html`` : html`<p class="ps-error" role="alert" data-testid="${k.testid}-missing">${t(locale, `${k.texts}.notFound`, { code })}</p>`);
  const title = t(locale, `${k.texts}.title`);
  const body = html`<h1>${title}</h1>${found}${lookupForm(locale, k, card === null && code !== null ? code : '')}`;
  return page({ title, description: t(locale, `${k.texts}.codeHint`), path: code ? `${k.path}/${encodeURIComponent(code)}` : k.path, noindex: code !== null }, body, nav, null, code !== null && card === null ? 404 : 200);
}

export interface HomeData {
  org: PublicOrg;
  movements: MovementRow[];
  consultations: PublicConsultationPage;
  documents: PublicDocumentDto[];
  stories: StorySummary[];
}

export function homePage(locale: Locale, d: HomeData): PageResult {
  const { org } = d;
  const open = d.consultations.items.filter((c) => c.phase === 'OPEN' || c.phase === 'UPCOMING');
  const body = html`<h1>${org.name}</h1>
<p>${t(locale, 'publicSite.home.intro', { org: org.name })}</p>
<section aria-labelledby="h-movements"><h2 id="h-movements">${t(locale, 'publicSite.movements.title')}</h2>${
    d.movements.length === 0 ? html`<p>${t(locale, 'publicSite.movements.empty')}</p>` : movementItems(locale, org.code, d.movements)
  }</section>
<section aria-labelledby="h-consultations"><h2 id="h-consultations">${t(locale, 'publicSite.consultations.title')}</h2>${
    open.length === 0
      ? html`<p>${t(locale, 'web.consultations.public.empty')}</p>`
      : html`<ul class="ps-list" data-testid="ps-consultations">${open.map(
          (c) => html`<li><h3>${c.title}</h3><p class="ps-meta">${t(locale, 'web.consultations.public.period', { from: vnDay(c.startsOn), to: vnDay(c.endsOn), days: c.workingDays })}</p></li>`,
        )}</ul>`
  }<p><a href="${orgHref(org.code, '/lay-y-kien')}">${t(locale, 'publicSite.consultations.more')}</a></p></section>
<section aria-labelledby="h-decisions"><h2 id="h-decisions">${t(locale, 'publicSite.decisions.latest')}</h2>${
    d.documents.length === 0 ? html`<p>${t(locale, 'web.cascade.public.empty')}</p>` : decisionItems(locale, d.documents)
  }<p><a href="${orgHref(org.code, '/quyet-dinh')}">${t(locale, 'publicSite.decisions.all')}</a></p></section>
<section aria-labelledby="h-stories"><h2 id="h-stories">${t(locale, 'publicSite.stories.latest')}</h2>${
    d.stories.length === 0 ? html`<p>${t(locale, 'publicSite.stories.empty')}</p>` : storyItems(locale, org.code, d.stories, 'h3')
  }<p><a href="${orgHref(org.code, '/guong-dien-hinh')}">${t(locale, 'publicSite.stories.all')}</a></p></section>
<section aria-labelledby="h-forms"><h2 id="h-forms">${t(locale, 'publicSite.forms.title')}</h2><ul>
<li><a href="${orgHref(org.code, '/gui-don')}">${t(locale, 'web.cascade.public.complain')}</a></li><li><a href="${orgHref(org.code, '/de-xuat')}">${t(locale, 'web.proposals.public.title')}</a></li><li><a href="/tra-cuu-don">${t(locale, 'web.cascade.public.lookup')}</a></li></ul></section>
<section aria-labelledby="h-verify"><h2 id="h-verify">${t(locale, 'publicSite.verify.title')}</h2>${verifyForm(locale)}</section>`;
  return page(
    { title: t(locale, 'publicSite.home.title', { org: org.name }), description: t(locale, 'publicSite.home.description', { org: org.name }), path: orgHref(org.code), org, imagePath: null },
    body,
    'home',
    org,
  );
}

function pager(locale: Locale, path: string, pageNo: number, total: number): SafeHtml {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pages <= 1) return html``;
  return html`<nav class="ps-pager" aria-label="${t(locale, 'publicSite.pager.label')}">${
    pageNo > 1 ? html`<a href="${path}?page=${pageNo - 1}" rel="prev">${t(locale, 'publicSite.pager.prev')}</a>` : ''
  }<span>${t(locale, 'publicSite.pager.of', { page: pageNo, pages })}</span>${
    pageNo < pages ? html`<a href="${path}?page=${pageNo + 1}" rel="next">${t(locale, 'publicSite.pager.next')}</a>` : ''
  }</nav>`;
}

const withPage = (path: string, pageNo: number) => (pageNo > 1 ? `${path}?page=${pageNo}` : path);

export function decisionsPage(locale: Locale, org: PublicOrg, items: PublicDocumentDto[], total: number, pageNo: number): PageResult {
  const path = orgHref(org.code, '/quyet-dinh');
  const body = html`<h1>${t(locale, 'publicSite.decisions.title')}</h1>${
    items.length === 0 ? html`<p>${t(locale, 'web.cascade.public.empty')}</p>` : decisionItems(locale, items)
  }${pager(locale, path, pageNo, total)}`;
  return page({ title: `${t(locale, 'publicSite.decisions.title')} — ${org.name}`, description: t(locale, 'publicSite.decisions.description', { org: org.name }), path: withPage(path, pageNo), org }, body, 'decisions', org);
}

export function storiesPage(locale: Locale, org: PublicOrg, items: StorySummary[], total: number, pageNo: number): PageResult {
  const path = orgHref(org.code, '/guong-dien-hinh');
  const body = html`<h1>${t(locale, 'publicSite.stories.title')}</h1>${
    items.length === 0 ? html`<p>${t(locale, 'publicSite.stories.empty')}</p>` : storyItems(locale, org.code, items, 'h2')
  }${pager(locale, path, pageNo, total)}`;
  const image = items.find((s) => s.photo)?.photo ?? null;
  return page(
    { title: `${t(locale, 'publicSite.stories.title')} — ${org.name}`, description: t(locale, 'publicSite.stories.description', { org: org.name }), path: withPage(path, pageNo), org, imagePath: image ? photoHref(image.id) : null, imageAlt: image?.altText },
    body,
    'stories',
    org,
  );
}

export function storyPage(locale: Locale, org: PublicOrg, s: StoryPage): PageResult {
  const body = html`<article data-testid="ps-story-page"><h1>${s.title}</h1>
<p class="ps-meta"><strong>${s.subjectName}</strong>${s.subjectUnit ? html` — ${s.subjectUnit}` : ''}</p>
<p class="ps-meta">${t(locale, 'publicSite.stories.publishedOn', { date: vnDay(s.publishedAt) })}</p>
<p><strong>${s.summary}</strong></p>
${paragraphs(s.body)}
${
  s.photos.length > 0
    ? html`<section aria-labelledby="h-photos"><h2 id="h-photos">${t(locale, 'publicSite.stories.photos')}</h2>${s.photos.map(
        (p) => html`<figure><img src="${photoHref(p.id)}" alt="${p.altText}" width="${p.width}" height="${p.height}" loading="lazy">${p.caption ? html`<figcaption>${p.caption}</figcaption>` : ''}</figure>`,
      )}</section>`
    : ''
}
${s.movement ? html`<p><a href="${movementHref(org.code, s.movement.id)}">${t(locale, 'publicSite.stories.movement', { title: s.movement.title })}</a></p>` : ''}
${s.decision ? html`<p>${t(locale, 'publicSite.stories.decision', { number: s.decision.number, date: vnDay(s.decision.signedOn) })}</p>` : ''}
${s.modelName ? html`<p data-testid="ps-story-model">${t(locale, 'publicSite.story.model', { name: s.modelName })}</p>` : ''}
</article>
<p><a href="${orgHref(org.code, '/guong-dien-hinh')}">${t(locale, 'publicSite.stories.back')}</a></p>`;
  const first = s.photos[0] ?? null;
  return page(
    { title: `${s.title} — ${org.name}`, description: s.summary, path: storyHref(org.code, s.slug), ogType: 'article', org, imagePath: first ? photoHref(first.id) : null, imageAlt: first?.altText },
    body,
    'stories',
    org,
  );
}

export function movementPage(locale: Locale, org: PublicOrg, m: MovementRow): PageResult {
  const criteria = Array.isArray(m.criteria) ? m.criteria : [];
  const awards = Array.isArray(m.offered_names) ? m.offered_names : [];
  const body = html`<article data-testid="ps-movement-page"><h1>${m.title}</h1>
<p class="ps-meta">${t(locale, `publicSite.movements.status.${m.status}`)} · ${t(locale, 'publicSite.movements.period', { from: vnDay(m.starts_on), to: vnDay(m.ends_on) })}${
    m.launched_on ? html` · ${t(locale, 'publicSite.movements.launchedOn', { date: vnDay(m.launched_on) })}` : ''
  }</p>
${m.slogan ? html`<h2>${t(locale, 'publicSite.movements.slogan')}</h2><p>${m.slogan}</p>` : ''}
${m.content ? html`<h2>${t(locale, 'publicSite.movements.content')}</h2>${paragraphs(m.content)}` : ''}
${m.participants ? html`<h2>${t(locale, 'publicSite.movements.participants')}</h2><p>${m.participants}</p>` : ''}
${criteria.length > 0 ? html`<h2>${t(locale, 'publicSite.movements.criteria')}</h2><ul>${criteria.map((c) => html`<li>${c.text}</li>`)}</ul>` : ''}
${awards.length > 0 ? html`<h2>${t(locale, 'publicSite.movements.awards')}</h2><ul>${awards.map((a) => html`<li>${a.name}</li>`)}</ul>` : ''}
</article>`;
  const description = m.slogan ?? (m.content.slice(0, 200) || m.title);
  return page({ title: `${m.title} — ${org.name}`, description, path: movementHref(org.code, Number(m.id)), ogType: 'article', org }, body, 'home', org);
}

export function verifyPage(locale: Locale, serial: string, v: VerificationDto | null): PageResult {
  const body = html`<h1>${t(locale, 'publicSite.verify.title')}</h1>${
    v === null
      ? html`<p class="ps-error" role="alert" data-testid="ps-verify-missing">${t(locale, 'publicSite.verify.notFound', { serial })}</p>`
      : html`<div class="ps-card" data-testid="ps-verify-result" data-status="${v.status}"><p>${
          v.status === 'VALID'
            ? html`<span class="ps-badge ps-ok">${t(locale, 'publicSite.verify.valid')}</span>`
            : html`<span class="ps-badge">${v.revokedOn ? t(locale, 'publicSite.verify.revoked', { date: vnDay(v.revokedOn) }) : t(locale, 'publicSite.verify.revokedNoDate')}</span>`
        }</p><dl>
<dt>${t(locale, 'publicSite.verify.serial')}</dt><dd>${v.serial}</dd>
<dt>${t(locale, 'publicSite.verify.recipient')}</dt><dd>${v.recipientName}</dd>
<dt>${t(locale, 'publicSite.verify.award')}</dt><dd>${v.awardName}</dd>
<dt>${t(locale, 'publicSite.verify.decision')}</dt><dd>${t(locale, 'publicSite.verify.decisionLine', { number: v.decisionNumber, date: vnDay(v.decisionDate) })}</dd>
<dt>${t(locale, 'publicSite.verify.issuer')}</dt><dd>${v.issuerName}</dd></dl></div>`
  }<h2>${t(locale, 'publicSite.verify.submit')}</h2>${verifyForm(locale, v === null ? serial : '')}`;
  return page({ title: t(locale, 'publicSite.verify.title'), description: t(locale, 'publicSite.verify.title'), path: `/verify/${encodeURIComponent(serial)}`, noindex: true }, body, null, null, v === null ? 404 : 200);
}

export function lookupPage(locale: Locale, code: string | null, s: PublicComplaintStatus | null): PageResult {
  const card =
    s &&
    html`<div class="ps-card" data-testid="ps-lookup-result" data-status="${s.status}"><dl>
<dt>${t(locale, 'web.complaints.field.reference')}</dt><dd class="ps-code">${s.referenceCode}</dd>
<dt>${t(locale, 'web.complaints.field.kind')}</dt><dd>${t(locale, `web.complaints.kind.${s.kind}`)}</dd>
<dt>${t(locale, 'web.complaints.field.org')}</dt><dd>${s.orgName}</dd>
<dt>${t(locale, 'web.complaints.field.receivedOn')}</dt><dd>${vnDay(s.receivedOn)}</dd>
<dt>${t(locale, 'web.complaints.field.status')}</dt><dd data-testid="ps-lookup-status">${t(locale, `web.complaints.status.${s.status}`)}</dd>
${s.resolveBy ? html`<dt>${t(locale, 'publicSite.lookup.resolveBy')}</dt><dd>${vnDay(s.resolveBy)}</dd>` : ''}
${s.closedOn ? html`<dt>${t(locale, 'publicSite.lookup.closedOn')}</dt><dd>${vnDay(s.closedOn)}</dd>` : ''}
${s.outcome ? html`<dt>${t(locale, 'publicSite.lookup.outcome')}</dt><dd>${t(locale, `web.complaints.outcome.${s.outcome}`)}</dd>` : ''}
</dl></div>`;
  return codeLookupPage(locale, { path: '/tra-cuu-don', texts: 'publicSite.lookup', testid: 'ps-lookup' }, code, card, 'lookup');
}

/** `/tra-cuu-de-xuat/:code`: a good-deed proposal's status and the day it was received — nothing about the proposer or the person proposed. */
export function proposalLookupPage(locale: Locale, code: string | null, s: PublicProposalStatus | null): PageResult {
  const card =
    s &&
    html`<div class="ps-card" data-testid="ps-proposal-lookup-result" data-status="${s.status}"><dl>
<dt>${t(locale, 'publicSite.proposalLookup.code')}</dt><dd class="ps-code">${s.referenceCode}</dd>
<dt>${t(locale, 'web.proposals.field.org')}</dt><dd>${s.orgName}</dd>
<dt>${t(locale, 'web.proposals.field.receivedOn')}</dt><dd>${vnDay(s.receivedOn)}</dd>
<dt>${t(locale, 'web.proposals.field.status')}</dt><dd data-testid="ps-proposal-lookup-status">${t(locale, `web.proposals.status.${s.status}`)}</dd>
</dl></div>`;
  return codeLookupPage(locale, { path: '/tra-cuu-de-xuat', texts: 'publicSite.proposalLookup', testid: 'ps-proposal-lookup' }, code, card, 'propose');
}

export function messagePage(locale: Locale, org: PublicOrg | null, title: string, message: string, status: number, back?: { href: string; label: string }): PageResult {
  const body = html`<h1>${title}</h1><p role="alert" data-testid="ps-message">${message}</p>${back ? html`<p><a href="${back.href}">${back.label}</a></p>` : ''}`;
  return page({ title, description: message, path: org ? orgHref(org.code) : '/', noindex: true, org }, body, null, org, status);
}

export function notFoundPage(locale: Locale, org: PublicOrg | null = null): PageResult {
  return messagePage(locale, org, t(locale, 'publicSite.error.notFoundTitle'), t(locale, 'publicSite.error.notFound'), 404);
}

