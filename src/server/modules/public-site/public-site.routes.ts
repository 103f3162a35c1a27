// The public site's routes: plain HTML pages (not the JSON API) registered on the Fastify instance in
// their own scope, so that the form parser and the HTML error pages apply to them only. Each page is
// rendered from the database through the other modules' services; it is sent inside the web client's
// index.html when that is served and the client has the same route (JavaScript then takes over), or
// on its own otherwise. Forms post application/x-www-form-urlencoded to these handlers, which call
// the same services as the JSON API.
import crypto from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Locale } from '../../../contracts/enums';
import { t } from '../../../contracts/messages';
import { publicComplaintInput, referenceParams } from '../../../contracts/complaints';
import { publicFeedbackInput } from '../../../contracts/consultations';
import { publicProposalInput } from '../../../contracts/proposals';
import { serialParams } from '../../../contracts/decisions';
import type { AppContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { requestLocale, zodDetails } from '../../lib/http';
import { isDatabaseUnavailable } from '../../lib/db-errors';
import { listPublished } from '../cascade/outgoing.service';
import { receivePublicComplaint, publicStatus } from '../complaints/complaints.service';
import { listPublicConsultations } from '../consultations/public.service';
import { receiveFeedback } from '../consultations/feedback.service';
import { phaseOf } from '../consultations/consultations.service';
import { verifyCertificate } from '../certificates/certificates.service';
import { publicProposalStatus, receivePublicProposal } from '../proposals/proposals.service';
import { todayInVietnam } from '../imports/xlsx';
import { findPublicOrg, publicMovement, publishedStories, publishedStory, runningMovements, type PublicOrg } from './data';
import { renderFeed, renderRobots, renderSitemap, FEED_ITEMS } from './feed';
import { complaintFields, complaintFormPage, consultationsPage, feedbackFields, feedbackFormPage, pick, proposalFields, proposalFormPage, sentPage, type Errors, type Field, type Values } from './forms';
import { frame, headTags, inSpaDocument, orgHref, SPA_CSP, standaloneDocument, STANDALONE_CSP } from './layout';
import { decisionsPage, homePage, HOME_LATEST, lookupPage, messagePage, movementPage, proposalLookupPage, notFoundPage, PAGE_SIZE, storiesPage, storyPage, verifyPage, type PageResult } from './pages';

/** Largest form post accepted (the longest complaint, every character escaped, fits several times). */
export const FORM_MAX_BYTES = 128 * 1024;
const CACHE_SECONDS = 60;

export interface PublicSiteOptions {
  ctx: AppContext;
  serveWeb: boolean;
  webDist: string;
}

const codeParams = z.object({ code: z.string().trim().min(1).max(50) });
const pageQuery = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) }).catch({ page: 1 });
const slugParams = codeParams.extend({ slug: z.string().min(1).max(200) });
const idParams = codeParams.extend({ id: z.coerce.number().int().positive().max(2 ** 53) });
const itemParams = codeParams.extend({ itemId: z.coerce.number().int().positive().max(2 ** 53) });

export async function publicSiteRoutes(app: FastifyInstance, opts: PublicSiteOptions): Promise<void> {
  const { ctx } = opts;
  const db = ctx.db;
  const base = ctx.config.APP_URL.replace(/\/+$/, '');
  const indexPath = path.join(opts.webDist, 'index.html');
  let index: { mtimeMs: number; text: string } | null = null;

  /** The built web client's index.html, re-read when it changes; null when the client is not served. */
  function indexHtml(): string | null {
    if (!opts.serveWeb) return null;
    try {
      const st = statSync(indexPath);
      if (!index || index.mtimeMs !== st.mtimeMs) index = { mtimeMs: st.mtimeMs, text: readFileSync(indexPath, 'utf8') };
      return index.text;
    } catch {
      return null;
    }
  }

  function securityHeaders(reply: FastifyReply, csp: string) {
    reply
      .header('content-security-policy', csp)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'strict-origin-when-cross-origin')
      .header('x-frame-options', 'DENY')
      .header('vary', 'Cookie');
  }

  /** Sends text with a short public cache and an ETag (304 when the visitor already has it). */
  function sendCached(req: FastifyRequest, reply: FastifyReply, status: number, type: string, text: string, cache: boolean) {
    reply.status(status).header('content-type', type);
    if (!cache || status !== 200) return reply.header('cache-control', 'no-store').send(text);
    const etag = `W/"${crypto.createHash('sha1').update(text).digest('base64url')}"`;
    reply.header('cache-control', `public, max-age=${CACHE_SECONDS}`).header('etag', etag);
    const match = req.headers['if-none-match'];
    if (typeof match === 'string' && match.split(',').some((m) => m.trim() === etag)) return reply.status(304).send();
    return reply.send(text);
  }

  function sendPage(req: FastifyRequest, reply: FastifyReply, locale: Locale, p: PageResult, o: { spa?: boolean; cache?: boolean } = {}) {
    const head = headTags(locale, base, p.meta);
    const body = frame(locale, p.org, p.nav, p.body);
    const shell = o.spa ? indexHtml() : null;
    const inSpa = shell ? inSpaDocument(shell, locale, head, body) : null;
    securityHeaders(reply, inSpa ? SPA_CSP : STANDALONE_CSP);
    return sendCached(req, reply, p.status ?? 200, 'text/html; charset=utf-8', inSpa ?? standaloneDocument(locale, head, body), o.cache ?? true);
  }

  const notFound = (req: FastifyRequest, reply: FastifyReply, locale: Locale, org: PublicOrg | null = null) => sendPage(req, reply, locale, notFoundPage(locale, org), { cache: false });

  /** Forms are taken from this site only: a browser's Origin (or Sec-Fetch-Site) must not name another. */
  function fromThisSite(req: FastifyRequest): boolean {
    if (req.headers['sec-fetch-site'] === 'cross-site') return false;
    const origin = req.headers.origin;
    if (origin === undefined) return true;
    try {
      const host = new URL(origin).host;
      return host === req.headers.host || host === new URL(base).host;
    } catch {
      return false;
    }
  }

  /** The page for an error a service raised while handling a form, or null when it belongs on the form. */
  function serviceErrorPage(locale: Locale, org: PublicOrg, e: unknown, back: string, errors: Errors): PageResult | null {
    if (!(e instanceof AppError)) throw e;
    if (e.code === 'RATE_LIMITED') return messagePage(locale, org, t(locale, 'publicSite.error.rateLimitedTitle'), t(locale, e.messageKey, e.params), 429, { href: orgHref(org.code), label: t(locale, 'publicSite.nav.home') });
    if (e.code === 'NOT_FOUND') return notFoundPage(locale, org);
    if (e.code === 'VALIDATION' || e.code === 'CONFLICT') {
      const d = e.details as { field?: string; fields?: Record<string, string> } | undefined;
      if (d?.fields) Object.assign(errors, d.fields);
      else errors[d?.field ?? '_'] = t(locale, e.messageKey, e.params);
      return null;
    }
    return messagePage(locale, org, t(locale, 'publicSite.error.title'), t(locale, e.messageKey, e.params), e.status, { href: back, label: t(locale, 'publicSite.forms.retry') });
  }

  /**
   * A no-JS form post: from this site only (403 page otherwise), the form's own fields through the
   * contract's schema, then the service. Invalid input or a refusal the visitor can fix answers the
   * form again (400) with the errors and the input kept; a flood answers the 429 page.
   */
  async function formPost<T>(
    req: FastifyRequest,
    reply: FastifyReply,
    locale: Locale,
    org: PublicOrg,
    o: { back: string; fields: Field[]; parse: (v: Values) => z.ZodSafeParseResult<T>; send: (input: T) => Promise<PageResult>; again: (values: Values, errors: Errors) => PageResult },
  ) {
    if (!fromThisSite(req)) return sendPage(req, reply, locale, messagePage(locale, org, t(locale, 'publicSite.error.title'), t(locale, 'publicSite.forms.origin'), 403, { href: o.back, label: t(locale, 'publicSite.forms.retry') }), { cache: false });
    const values = pick(req.body, o.fields);
    const parsed = o.parse(values);
    const errors: Errors = parsed.success ? {} : zodDetails(parsed.error, locale).fields;
    if (parsed.success) {
      try {
        return sendPage(req, reply, locale, await o.send(parsed.data), { cache: false });
      } catch (e) {
        const failed = serviceErrorPage(locale, org, e, o.back, errors);
        if (failed) return sendPage(req, reply, locale, failed, { cache: false });
      }
    }
    return sendPage(req, reply, locale, o.again(values, errors), { cache: false });
  }

  // Forms arrive url-encoded; a larger body is refused before it is read.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_MAX_BYTES }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  app.setErrorHandler((err, req, reply) => {
    const locale = requestLocale(req);
    const e = err as { code?: string; statusCode?: number };
    if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || e.statusCode === 413) {
      return sendPage(req, reply, locale, messagePage(locale, null, t(locale, 'publicSite.error.title'), t(locale, 'publicSite.forms.tooLarge', { kb: FORM_MAX_BYTES / 1024 }), 413), { cache: false });
    }
    if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || e.statusCode === 415) {
      return sendPage(req, reply, locale, messagePage(locale, null, t(locale, 'publicSite.error.title'), t(locale, 'publicSite.forms.unsupported'), 415), { cache: false });
    }
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) return notFound(req, reply, locale);
    if (isDatabaseUnavailable(err)) {
      reply.header('retry-after', '5');
      return sendPage(req, reply, locale, messagePage(locale, null, t(locale, 'publicSite.error.title'), t(locale, 'publicSite.error.internal'), 503), { cache: false });
    }
    req.log.error(err);
    if (process.env.VD_DEBUG_ERRORS) console.error(err);
    return sendPage(req, reply, locale, messagePage(locale, null, t(locale, 'publicSite.error.title'), t(locale, 'publicSite.error.internal'), 500), { cache: false });
  });

  /** The organisation of the path, or the 404 page already sent. */
  async function orgOf(req: FastifyRequest, reply: FastifyReply, locale: Locale): Promise<PublicOrg | null> {
    const p = codeParams.safeParse(req.params);
    const org = p.success ? await findPublicOrg(db, p.data.code) : null;
    if (!org) await notFound(req, reply, locale);
    return org;
  }

  /** A GET page of an organisation's site: the organisation from the path, then the page (null → 404). */
  function orgPage(url: string, render: (req: FastifyRequest, org: PublicOrg, locale: Locale) => Promise<PageResult | null>, o: { spa?: boolean; cache?: boolean } = {}) {
    app.get(url, async (req, reply) => {
      const locale = requestLocale(req);
      const org = await orgOf(req, reply, locale);
      if (!org) return reply;
      const page = await render(req, org, locale);
      if (!page) return notFound(req, reply, locale, org);
      return sendPage(req, reply, locale, page, o);
    });
  }

  orgPage(
    '/cong-khai/:code',
    async (_req, org, locale) => {
      const [movements, consultations, documents, stories] = await Promise.all([
        runningMovements(db, org.id, 10),
        listPublicConsultations(db, org.code, 1, 10),
        listPublished(db, org.code, HOME_LATEST, 0),
        publishedStories(db, org.id, HOME_LATEST, 0),
      ]);
      if (!consultations || !documents) return null;
      return homePage(locale, { org, movements, consultations, documents: documents.items, stories: stories.items });
    },
    { spa: true },
  );

  orgPage('/cong-khai/:code/quyet-dinh', async (req, org, locale) => {
    const { page } = pageQuery.parse(req.query);
    const r = await listPublished(db, org.code, PAGE_SIZE, (page - 1) * PAGE_SIZE);
    return r && decisionsPage(locale, org, r.items, r.total, page);
  });

  orgPage('/cong-khai/:code/guong-dien-hinh', async (req, org, locale) => {
    const { page } = pageQuery.parse(req.query);
    const r = await publishedStories(db, org.id, PAGE_SIZE, (page - 1) * PAGE_SIZE);
    return storiesPage(locale, org, r.items, r.total, page);
  });

  orgPage('/cong-khai/:code/guong-dien-hinh/:slug', async (req, org, locale) => {
    const p = slugParams.safeParse(req.params);
    const story = p.success ? await publishedStory(db, org.id, p.data.slug) : null;
    return story && storyPage(locale, org, story);
  });

  orgPage('/cong-khai/:code/phong-trao/:id', async (req, org, locale) => {
    const p = idParams.safeParse(req.params);
    const m = p.success ? await publicMovement(db, org.id, p.data.id) : null;
    return m && movementPage(locale, org, m);
  });

  orgPage(
    '/cong-khai/:code/lay-y-kien',
    async (_req, org, locale) => {
      const r = await listPublicConsultations(db, org.code, 1, 20);
      return r && consultationsPage(locale, org, r);
    },
    { spa: true },
  );


  /** A proposed awardee of an organisation's published (not withdrawn) list, and whether it takes comments today. */
  async function consultationItem(orgId: number, itemId: number) {
    const r = await db.execute<{ id: number; subject_name: string; status: string; starts_on: string; ends_on: string }>(sql`
      select i.id, n.subject_name, c.status, c.starts_on::text as starts_on, c.ends_on::text as ends_on
      from consultation_item i join consultation c on c.id = i.consultation_id join nomination n on n.id = i.nomination_id
      where i.id = ${itemId} and c.org_id = ${orgId} and c.status = 'OPEN'`);
    const i = r.rows[0];
    return i ? { id: Number(i.id), subjectName: i.subject_name, open: phaseOf(i, todayInVietnam()) === 'OPEN' } : null;
  }

  orgPage(
    '/cong-khai/:code/lay-y-kien/:itemId',
    async (req, org, locale) => {
      const p = itemParams.safeParse(req.params);
      const item = p.success ? await consultationItem(org.id, p.data.itemId) : null;
      return item && feedbackFormPage(locale, org, item, {}, {});
    },
    { cache: false },
  );

  app.post('/cong-khai/:code/lay-y-kien/:itemId', async (req, reply) => {
    const locale = requestLocale(req);
    const p = itemParams.safeParse(req.params);
    const org = await orgOf(req, reply, locale);
    if (!org) return reply;
    const item = p.success ? await consultationItem(org.id, p.data.itemId) : null;
    if (!item) return notFound(req, reply, locale, org);
    return formPost(req, reply, locale, org, {
      back: orgHref(org.code, `/lay-y-kien/${item.id}`),
      fields: feedbackFields(locale),
      parse: (v) => publicFeedbackInput.safeParse(v),
      send: async (input) => {
        await receiveFeedback(ctx, item.id, input, req.ip);
        return messagePage(locale, org, t(locale, 'publicSite.consultations.feedbackTitle'), t(locale, 'web.consultations.public.thanks'), 200, { href: orgHref(org.code, '/lay-y-kien'), label: t(locale, 'web.consultations.public.title') });
      },
      again: (values, errors) => feedbackFormPage(locale, org, item, values, errors, 400),
    });
  });

  /** A public form answered by a reference code (complaint, good-deed proposal): its page, and its no-JS post. */
  function referenceForm<T>(d: {
    path: string;
    nav: 'complain' | 'propose';
    texts: 'web.complaints.public' | 'web.proposals.public';
    page: (locale: Locale, org: PublicOrg, values: Values, errors: Errors, status?: number) => PageResult;
    fields: (locale: Locale) => Field[];
    parse: (v: Values) => z.ZodSafeParseResult<T>;
    receive: (orgCode: string, input: T, address: string) => Promise<{ referenceCode: string }>;
    statusHref?: (referenceCode: string) => string;
    /** The status link's text (the complaint's by default). */
    statusLabel?: 'publicSite.proposalLookup.link';
  }) {
    orgPage(`/cong-khai/:code${d.path}`, async (_req, org, locale) => d.page(locale, org, {}, {}), { spa: true });
    app.post(`/cong-khai/:code${d.path}`, async (req, reply) => {
      const locale = requestLocale(req);
      const org = await orgOf(req, reply, locale);
      if (!org) return reply;
      const back = orgHref(org.code, d.path);
      return formPost(req, reply, locale, org, {
        back,
        fields: d.fields(locale),
        parse: d.parse,
        send: async (input) => {
          const r = await d.receive(org.code, input, req.ip);
          return sentPage(locale, org, {
            title: t(locale, `${d.texts}.sent`),
            codeLabel: t(locale, `${d.texts}.codeLabel`),
            code: r.referenceCode,
            hint: t(locale, `${d.texts}.codeHint`),
            statusHref: d.statusHref?.(r.referenceCode),
            statusLabel: d.statusLabel && t(locale, d.statusLabel),
            againHref: back,
            againLabel: t(locale, `${d.texts}.another`),
            nav: d.nav,
          });
        },
        again: (values, errors) => d.page(locale, org, values, errors, 400),
      });
    });
  }

  referenceForm({
    path: '/gui-don',
    nav: 'complain',
    texts: 'web.complaints.public',
    page: complaintFormPage,
    fields: complaintFields,
    parse: (v) => publicComplaintInput.safeParse({ ...v, address: v.address || undefined, learnedOn: v.learnedOn || undefined }),
    receive: (orgCode, input, address) => receivePublicComplaint(ctx, orgCode, input, address),
    statusHref: (referenceCode) => `/tra-cuu-don/${encodeURIComponent(referenceCode)}`,
  });
  referenceForm({
    path: '/de-xuat',
    nav: 'propose',
    texts: 'web.proposals.public',
    page: proposalFormPage,
    fields: proposalFields,
    parse: (v) => publicProposalInput.safeParse({ ...v, subjectUnit: v.subjectUnit || undefined }),
    receive: (orgCode, input, address) => receivePublicProposal(ctx, orgCode, input, address),
    statusHref: (referenceCode) => `/tra-cuu-de-xuat/${encodeURIComponent(referenceCode)}`,
    statusLabel: 'publicSite.proposalLookup.link',
  });

  /** A look-up by reference code: the empty form, `?code=` redirected to the code's own address, and the code's page (404 when unknown). */
  function codeLookup<S>(path: string, find: (code: string) => Promise<S | null>, render: (locale: Locale, code: string | null, s: S | null) => PageResult) {
    app.get(path, async (req, reply) => {
      const locale = requestLocale(req);
      const q = z.object({ code: z.string().trim().max(40).optional().catch(undefined) }).catch({ code: undefined }).parse(req.query);
      if (q.code) return reply.redirect(`${path}/${encodeURIComponent(q.code.toUpperCase())}`, 303);
      return sendPage(req, reply, locale, render(locale, null, null), { spa: path === '/tra-cuu-don' });
    });
    app.get(`${path}/:code`, async (req, reply) => {
      const locale = requestLocale(req);
      const p = referenceParams.safeParse(req.params);
      const code = String((req.params as { code?: unknown }).code ?? '').slice(0, 40);
      const s = p.success ? await find(p.data.code) : null;
      return sendPage(req, reply, locale, render(locale, code, s), { spa: path === '/tra-cuu-don', cache: false });
    });
  }
  codeLookup('/tra-cuu-don', (code) => publicStatus(db, code), lookupPage);
  // The SPA has no proposal look-up: this page is always sent on its own.
  codeLookup('/tra-cuu-de-xuat', (code) => publicProposalStatus(db, code), proposalLookupPage);

  app.get('/verify', async (req, reply) => {
    const locale = requestLocale(req);
    const q = z.object({ serial: z.string().trim().max(60).optional().catch(undefined) }).catch({ serial: undefined }).parse(req.query);
    if (q.serial) return reply.redirect(`/verify/${encodeURIComponent(q.serial)}`, 303);
    return notFound(req, reply, locale);
  });

  app.get('/verify/:serial', async (req, reply) => {
    const locale = requestLocale(req);
    const p = serialParams.safeParse(req.params);
    const serial = String((req.params as { serial?: unknown }).serial ?? '').slice(0, 60);
    const v = p.success ? await verifyCertificate(db, p.data.serial, locale) : null;
    return sendPage(req, reply, locale, verifyPage(locale, serial, v), { spa: true });
  });

  app.get('/cong-khai/:code/rss.xml', async (req, reply) => {
    const locale = requestLocale(req);
    const org = await orgOf(req, reply, locale);
    if (!org) return reply;
    const [documents, stories, movements] = await Promise.all([listPublished(db, org.code, FEED_ITEMS, 0), publishedStories(db, org.id, FEED_ITEMS, 0), runningMovements(db, org.id, FEED_ITEMS)]);
    const xml = renderFeed(locale, base, org, { documents: documents?.items ?? [], stories: stories.items, movements });
    reply.header('x-content-type-options', 'nosniff');
    return sendCached(req, reply, 200, 'application/rss+xml; charset=utf-8', xml, true);
  });

  app.get('/sitemap.xml', async (req, reply) => sendCached(req, reply, 200, 'application/xml; charset=utf-8', await renderSitemap(db, base), true));
  app.get('/robots.txt', async (req, reply) => sendCached(req, reply, 200, 'text/plain; charset=utf-8', renderRobots(base), true));
}
