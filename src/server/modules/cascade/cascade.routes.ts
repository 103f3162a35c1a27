import { requestExportRoutes } from './cascade-export';
import { defineRoute } from '../../lib/http';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import { idParams, pageOf } from '../../../contracts/common';
import {
  deliveryList,
  inboxItemDto,
  inboxPage,
  inboxQuery,
  inboxSummary,
  outgoingDocumentDto,
  outgoingQuery,
  publicDocumentPage,
  publicOrgParams,
  publicPageQuery,
  remindInput,
  remindResult,
  requestDto,
  requestListQuery,
  targetDto,
  targetQuery,
} from '../../../contracts/cascade';
import { t } from '../../../contracts/messages';
import { notFound } from '../../lib/errors';
import { orgPolicy } from '../../lib/policy';
import { readableSubtrees } from '../organisations/organisations.repository';
import { findInboxItem, inboxSummary as loadSummary, listInbox, markRead } from './inbox.service';
import { archiveCopy, findOutgoing, listDeliveries, listOutgoing, listPublished, presentOutgoing } from './outgoing.service';
import { complianceSummary, listRequests, listTargets, loadVisibleRequest, presentRequest, vnDate } from './compliance.service';
import { remind } from './reminders';
import { tableWorkbook } from '../imports/xlsx/table-workbook';
import { findPlan, planDocxModel, presentPlan } from '../plans/plans.service';
import { renderPlanDocx } from '../plans/plan-docx';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const vnDateTime = (v: string | null) =>
  v === null ? '' : new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(v));

/** Without an archive copy, the delivered plan is rendered as issued. */
async function renderDelivered(app: AppContext, actor: AuthActor, documentId: number): Promise<{ bytes: Buffer; name: string } | null> {
  const doc = await findOutgoing(app.db, documentId);
  const plan = doc && doc.entity_type === 'plan' ? await findPlan(app.db, Number(doc.entity_id)) : null;
  if (!doc || !plan) return null;
  const bytes: Buffer = await renderPlanDocx(planDocxModel(presentPlan(actor, plan), plan.parent_name));
  return { bytes, name: `kh-${String(doc.number).padStart(2, '0')}-${doc.year}.docx` };
}

export const cascadeRoutes = [
  ...requestExportRoutes,
  // ── Inbox ──────────────────────────────────────────────────────────────────────────────────────
  defineRoute({
    method: 'GET',
    url: '/inbox',
    summary: 'Items addressed to the organisations on which the actor holds a role (not their subtrees), newest first, paged, with the unread count',
    tag: 'cascade',
    query: inboxQuery,
    response: inboxPage,
    async handler({ app, actor, query }) {
      const { page, pageSize, ...f } = query;
      const r = await listInbox(app.db, actor, f, pageSize, (page - 1) * pageSize);
      return { ...r, page, pageSize };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/inbox/summary',
    summary: 'Unread items per kind in the actor’s inboxes (navigation badge, home page)',
    tag: 'cascade',
    response: inboxSummary,
    handler: ({ app, actor }) => loadSummary(app.db, actor),
  }),
  defineRoute({
    method: 'POST',
    url: '/inbox/:id/read',
    summary: 'Mark an item read; the first reader of the recipient unit is the read receipt',
    tag: 'cascade',
    params: idParams,
    response: inboxItemDto,
    handler: ({ app, actor, params }) => markRead(app, actor, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/inbox/:id/document.docx',
    summary: 'The document an inbox item delivered (the archive copy, or the issued plan rendered)',
    tag: 'cascade',
    params: idParams,
    produces: DOCX,
    async handler({ app, actor, params, reply }) {
      const item = await findInboxItem(app.db, actor, params.id);
      if (item.document_id === null) throw notFound();
      const file: { bytes: Buffer; name: string } | null = (await archiveCopy(app.db, Number(item.document_id), false)) ?? (await renderDelivered(app, actor, Number(item.document_id)));
      if (!file) throw notFound();
      return reply.header('content-type', DOCX).header('content-disposition', `attachment; filename="${file.name}"`).send(file.bytes);
    },
  }),

  // ── Outgoing register ──────────────────────────────────────────────────────────────────────────
  defineRoute({
    method: 'GET',
    url: '/outgoing-documents',
    summary: 'Outgoing register (sổ văn bản đi) of the organisations in scope, newest first, paged',
    tag: 'cascade',
    query: outgoingQuery,
    response: pageOf(outgoingDocumentDto),
    async handler({ app, actor, query }) {
      const paths = await readableSubtrees(app.db, actor, query.orgId);
      const r = await listOutgoing(app.db, { paths, year: query.year, docType: query.docType }, query.pageSize, (query.page - 1) * query.pageSize);
      return { ...r, page: query.page, pageSize: query.pageSize };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/outgoing-documents/export.xlsx',
    summary: 'Export exactly the filtered outgoing register to XLSX',
    tag: 'cascade',
    query: outgoingQuery.omit({ page: true, pageSize: true }),
    produces: XLSX,
    async handler({ app, actor, query, reply, locale }) {
      const paths = await readableSubtrees(app.db, actor, query.orgId);
      const { items } = await listOutgoing(app.db, { paths, year: query.year, docType: query.docType }, null, 0);
      const L = locale;
      const c = (k: string, width: number) => ({ header: t(L, `cascade.export.col.${k}`), width });
      const filter = [query.year ? String(query.year) : null, query.docType ?? null].filter(Boolean).join(', ') || t(L, 'cascade.export.all');
      const buffer = await tableWorkbook({
        sheet: t(L, 'cascade.export.outgoing.sheet'),
        title: t(L, 'cascade.export.outgoing.title'),
        lines: [t(L, 'cascade.export.filter', { filter })],
        columns: [c('no', 6), c('numberSymbol', 16), c('issuedOn', 14), c('title', 60), c('issuer', 36), c('deliveries', 14), c('read', 10), c('published', 12)],
        rows: items.map((d, i) => [i + 1, d.numberSymbol, vnDate(d.issuedOn), d.title, d.orgName, d.deliveries, d.read, t(L, d.publishedAt ? 'cascade.export.yes' : 'cascade.export.no')]),
      });
      return reply.header('content-type', XLSX).header('content-disposition', 'attachment; filename="so-van-ban-di.xlsx"').send(buffer);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/outgoing-documents/:id',
    summary: 'One entry of the outgoing register',
    tag: 'cascade',
    params: idParams,
    response: outgoingDocumentDto,
    async handler({ app, actor, params }) {
      const d = await findOutgoing(app.db, params.id);
      if (!d || !orgPolicy.listMembers(actor, { path: d.org_path, status: d.org_status })) throw notFound();
      return presentOutgoing(d);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/outgoing-documents/:id/deliveries',
    summary: 'Where a document was delivered and who read it first (readers of the issuing organisation)',
    tag: 'cascade',
    params: idParams,
    response: deliveryList,
    async handler({ app, actor, params }) {
      const d = await findOutgoing(app.db, params.id);
      if (!d || !orgPolicy.listMembers(actor, { path: d.org_path, status: d.org_status })) throw notFound();
      return listDeliveries(app.db, params.id);
    },
  }),

  // ── Published documents (public) ───────────────────────────────────────────────────────────────
  defineRoute({
    method: 'GET',
    url: '/public/orgs/:code/documents',
    summary: 'Documents an organisation published on its public pages (no login, no personal data)',
    tag: 'public',
    auth: 'public',
    params: publicOrgParams,
    query: publicPageQuery,
    response: publicDocumentPage,
    async handler({ app, params, query }) {
      const r = await listPublished(app.db, params.code, query.pageSize, (query.page - 1) * query.pageSize);
      if (!r) throw notFound();
      return { ...r, page: query.page, pageSize: query.pageSize };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/public/documents/:id/document.docx',
    summary: 'The archive copy of a published document (no login)',
    tag: 'public',
    auth: 'public',
    params: idParams,
    produces: DOCX,
    async handler({ app, params, reply }) {
      const file = await archiveCopy(app.db, params.id, true);
      if (!file) throw notFound();
      return reply.header('content-type', DOCX).header('content-disposition', `attachment; filename="${file.name}"`).send(file.bytes);
    },
  }),

  // ── Requests and compliance ────────────────────────────────────────────────────────────────────
  defineRoute({
    method: 'GET',
    url: '/requests',
    summary: 'Requests to respond issued in the actor’s readable scope, newest first, with their compliance counts',
    tag: 'cascade',
    query: requestListQuery,
    response: pageOf(requestDto),
    async handler({ app, actor, query }) {
      const paths = await readableSubtrees(app.db, actor, query.orgId);
      const r = await listRequests(app.db, actor, paths, query.year, query.pageSize, (query.page - 1) * query.pageSize);
      return { ...r, page: query.page, pageSize: query.pageSize };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/requests/:id',
    summary: 'A request with its compliance summary (a target unit’s officers see their own rows only)',
    tag: 'cascade',
    params: idParams,
    response: requestDto,
    async handler({ app, actor, params }) {
      const { request, visible } = await loadVisibleRequest(app.db, actor, params.id);
      return presentRequest(actor, request, await complianceSummary(app.db, request, visible));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/requests/:id/targets',
    summary: 'The compliance table: each target unit with its status, response, registrations and reminders; filtered and paged',
    tag: 'cascade',
    params: idParams,
    query: targetQuery,
    response: pageOf(targetDto),
    async handler({ app, actor, params, query }) {
      const { request, visible } = await loadVisibleRequest(app.db, actor, params.id);
      const { page, pageSize, ...f } = query;
      const r = await listTargets(app.db, request, visible, f, pageSize, (page - 1) * pageSize);
      return { ...r, page, pageSize };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/requests/:id/targets/export.xlsx',
    summary: 'Export the whole filtered compliance table to XLSX',
    tag: 'cascade',
    params: idParams,
    query: targetQuery.omit({ page: true, pageSize: true }),
    produces: XLSX,
    async handler({ app, actor, params, query, reply, locale }) {
      const { request, visible } = await loadVisibleRequest(app.db, actor, params.id);
      const { items } = await listTargets(app.db, request, visible, query, null, 0);
      const L = locale;
      const c = (k: string, width: number) => ({ header: t(L, `cascade.export.col.${k}`), width });
      const filter = [query.status ? t(L, `cascade.status.${query.status}`) : null, query.q ? `“${query.q}”` : null].filter(Boolean).join(', ') || t(L, 'cascade.export.all');
      const buffer = await tableWorkbook({
        sheet: t(L, 'cascade.export.targets.sheet'),
        title: t(L, 'cascade.export.targets.title', { title: request.title }),
        lines: [t(L, 'cascade.export.issuer', { name: request.issuer_name }), t(L, 'cascade.export.deadline', { deadline: vnDate(request.deadline) }), t(L, 'cascade.export.filter', { filter })],
        columns: [c('no', 6), c('code', 14), c('unit', 48), c('status', 20), c('respondedAt', 14), c('registrations', 12), c('reminders', 12), c('lastReminder', 14)],
        rows: items.map((x, i) => [i + 1, x.orgCode, x.orgName, t(L, `cascade.status.${x.status}`), vnDateTime(x.respondedAt), x.registrations, x.reminderCount, vnDateTime(x.remindedAt)]),
      });
      return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="tinh-hinh-thuc-hien-${request.id}.xlsx"`).send(buffer);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/requests/:id/remind',
    summary: 'Remind target units that have not responded (all by default): inbox item and email to their officers',
    tag: 'cascade',
    params: idParams,
    body: remindInput,
    response: remindResult,
    handler: ({ app, actor, params, body }) => remind(app, actor, params.id, body.orgIds ?? null),
  }),
];
