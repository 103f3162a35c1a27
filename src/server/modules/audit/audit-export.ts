// "Xuất Excel" of the audit log (issue 10): GET /audit/export.xlsx with the log's filters, its scope
// and order (listAuditEvents, the list's own query), one row per event.
import { auditListQuery } from '../../../contracts/audit';
import { t } from '../../../contracts/messages';
import { listExportRoute, vnDate, vnDayCell, vnTimeOfDay } from '../../lib/list-xlsx';
import { listAuditEvents } from './audit.service';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The top-level fields whose value differs between before and after (all of them for a creation or a removal). */
export function changedFields(before: unknown, after: unknown): string {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k])).join(', ');
}

export const auditExportRoutes = [
  listExportRoute({
    list: '/audit',
    tag: 'audit',
    query: auditListQuery.omit({ page: true, pageSize: true }),
    page: ({ app, actor, query }, paging) => listAuditEvents(app.db, actor, { ...query, ...paging }),
    fileStem: 'nhat-ky',
    titleKey: 'listExport.audit.title',
    orgId: (q) => q.orgId,
    filters: ({ locale, query }) => [
      [t(locale, 'web.audit.field.userId'), query.userId?.toString()],
      [t(locale, 'web.audit.field.from'), query.from && vnDate(query.from)],
      [t(locale, 'web.audit.field.to'), query.to && vnDate(query.to)],
      [t(locale, 'web.audit.field.entityType'), query.entityType],
    ],
    columns: (locale) => {
      const h = (key: string) => t(locale, `listExport.audit.col.${key}`);
      return [
        { header: h('day'), width: 13, value: (a) => vnDayCell(a.occurredAt), type: 'date' },
        { header: h('time'), width: 10, value: (a) => vnTimeOfDay(a.occurredAt, 'seconds') },
        { header: h('actor'), width: 26, value: (a) => a.actorName ?? (a.actorId ? `#${a.actorId}` : t(locale, 'web.common.system')) },
        { header: h('actorId'), width: 12, value: (a) => a.actorId, type: 'int' },
        { header: h('unit'), width: 34, value: (a) => a.orgName },
        { header: h('action'), width: 28, value: (a) => a.action },
        { header: h('entityType'), width: 20, value: (a) => a.entityType },
        { header: h('entityId'), width: 14, value: (a) => a.entityId },
        { header: h('fields'), width: 40, value: (a) => changedFields(a.before, a.after) || null },
        { header: h('event'), width: 12, value: (a) => a.id, type: 'int' },
        { header: h('hash'), width: 20, value: (a) => a.hash },
      ];
    },
  }),
];
