// "Xuất Excel" of the consultation list (issue 10): GET /consultations/export.xlsx with the list's
// filter, its scope and order (the same listConsultations), one row per published list with its
// feedback counted by status (the feedback itself stays on the consultation's page).
import { consultationListQuery } from '../../../contracts/consultations';
import { t } from '../../../contracts/messages';
import { dayCell, listExportRoute } from '../../lib/list-xlsx';
import { listConsultations } from './consultations.service';

export const consultationExportRoutes = [
  listExportRoute({
    list: '/consultations',
    tag: 'consultations',
    query: consultationListQuery.omit({ page: true, pageSize: true }),
    page: ({ app, actor, query }, paging) => listConsultations(app, actor, { ...query, ...paging }),
    fileStem: 'lay-y-kien',
    titleKey: 'listExport.consultations.title',
    orgId: (q) => q.orgId,
    filters: () => [],
    columns: (locale) => {
      const h = (key: string) => t(locale, `listExport.consultations.col.${key}`);
      return [
        { header: h('title'), width: 50, value: (c) => c.title },
        { header: h('org'), width: 34, value: (c) => c.orgName },
        { header: h('startsOn'), width: 13, value: (c) => dayCell(c.startsOn), type: 'date' },
        { header: h('endsOn'), width: 13, value: (c) => dayCell(c.endsOn), type: 'date' },
        { header: h('workingDays'), width: 12, value: (c) => c.workingDays, type: 'int' },
        { header: h('phase'), width: 16, value: (c) => t(locale, `web.consultations.phase.${c.phase}`) },
        { header: h('items'), width: 12, value: (c) => c.itemCount, type: 'int' },
        { header: h('feedbackNew'), width: 14, value: (c) => c.feedback.NEW, type: 'int' },
        { header: h('feedbackRelevant'), width: 14, value: (c) => c.feedback.RELEVANT, type: 'int' },
        { header: h('feedbackDismissed'), width: 14, value: (c) => c.feedback.DISMISSED, type: 'int' },
        { header: h('withdrawnReason'), width: 36, value: (c) => c.withdrawnReason },
        { header: h('created'), width: 13, value: (c) => dayCell(c.createdAt), type: 'date' },
      ];
    },
  }),
];
