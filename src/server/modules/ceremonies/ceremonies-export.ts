// "Xuất Excel" of the ceremony list (issue 10): GET /ceremonies/export.xlsx with the list's filters,
// its scope and order (the same listCeremonies), one row per ceremony with its recipients counted.
import { ceremonyListQuery } from '../../../contracts/ceremonies';
import { t } from '../../../contracts/messages';
import { listExportRoute, vnDayCell, vnTimeOfDay } from '../../lib/list-xlsx';
import { listCeremonies } from './ceremonies.service';

export const ceremonyExportRoutes = [
  listExportRoute({
    list: '/ceremonies',
    tag: 'ceremonies',
    query: ceremonyListQuery.omit({ page: true, pageSize: true }),
    page: ({ app, actor, query }, paging) => listCeremonies(app.db, actor, { ...query, ...paging }),
    fileStem: 'le-trao-tang',
    titleKey: 'listExport.ceremonies.title',
    orgId: (q) => q.orgId,
    filters: ({ locale, query }) => [[t(locale, 'listExport.f.status'), query.status && t(locale, `web.ceremonies.status.${query.status}`)]],
    columns: (locale) => {
      const h = (key: string) => t(locale, `listExport.ceremonies.col.${key}`);
      return [
        { header: h('title'), width: 44, value: (c) => c.title },
        { header: h('day'), width: 13, value: (c) => vnDayCell(c.heldAt), type: 'date' },
        { header: h('time'), width: 8, value: (c) => vnTimeOfDay(c.heldAt) },
        { header: h('place'), width: 30, value: (c) => c.place },
        { header: h('org'), width: 34, value: (c) => c.orgName },
        { header: h('status'), width: 16, value: (c) => t(locale, `web.ceremonies.status.${c.status}`) },
        { header: h('recipients'), width: 12, value: (c) => c.counts.total, type: 'int' },
        { header: h('groups'), width: 10, value: (c) => c.counts.groups, type: 'int' },
        { header: h('received'), width: 12, value: (c) => c.counts.received, type: 'int' },
        { header: h('proxy'), width: 12, value: (c) => c.counts.proxy, type: 'int' },
        { header: h('absent'), width: 12, value: (c) => c.counts.absent, type: 'int' },
        { header: h('pending'), width: 12, value: (c) => c.counts.pending, type: 'int' },
        { header: h('revoked'), width: 12, value: (c) => c.counts.revoked, type: 'int' },
        { header: h('cancelledReason'), width: 36, value: (c) => c.cancelledReason },
      ];
    },
  }),
];
