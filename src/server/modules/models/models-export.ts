// "Xuất Excel" of the list of exemplary models and people (issue 10): GET /models/export.xlsx with
// the list's filters, its scope and order (the same listModels), one row per entry.
import { modelListQuery } from '../../../contracts/models';
import { t } from '../../../contracts/messages';
import { dayCell, listExportRoute } from '../../lib/list-xlsx';
import { listModels } from './models.service';

export const modelExportRoutes = [
  listExportRoute({
    list: '/models',
    tag: 'models',
    query: modelListQuery.omit({ page: true, pageSize: true }),
    page: ({ app, actor, query }, paging) => listModels(app.db, actor, { ...query, ...paging }),
    fileStem: 'mo-hinh-dien-hinh',
    titleKey: 'listExport.models.title',
    orgId: (q) => q.orgId,
    filters: ({ locale, query }) => [
      [t(locale, 'listExport.f.stage'), query.stage && t(locale, `web.models.stage.${query.stage}`)],
      [t(locale, 'listExport.f.kind'), query.kind && t(locale, `web.models.kind.${query.kind}`)],
      [t(locale, 'listExport.f.q'), query.q && `“${query.q}”`],
      [t(locale, 'listExport.f.overdue'), query.overdue ? t(locale, 'listExport.yes') : null],
    ],
    columns: (locale) => {
      const h = (key: string) => t(locale, `listExport.models.col.${key}`);
      return [
        { header: h('name'), width: 40, value: (m) => m.name },
        { header: h('kind'), width: 18, value: (m) => t(locale, `web.models.kind.${m.kind}`) },
        { header: h('subject'), width: 30, value: (m) => m.subjectName },
        { header: h('field'), width: 24, value: (m) => m.field },
        { header: h('org'), width: 32, value: (m) => m.orgName },
        { header: h('responsible'), width: 32, value: (m) => m.responsibleOrgName },
        { header: h('movement'), width: 32, value: (m) => m.movementTitle },
        { header: h('stage'), width: 16, value: (m) => t(locale, `web.models.stage.${m.stage}`) },
        { header: h('discovered'), width: 13, value: (m) => dayCell(m.discoveredOn), type: 'date' },
        { header: h('recognised'), width: 13, value: (m) => dayCell(m.recognisedOn), type: 'date' },
        { header: h('decision'), width: 18, value: (m) => m.decisionNumber },
        { header: h('nextCheck'), width: 14, value: (m) => dayCell(m.followUp.nextOn), type: 'date' },
        { header: h('replications'), width: 12, value: (m) => m.activeReplications, type: 'int' },
        { header: h('closed'), width: 13, value: (m) => dayCell(m.closedOn), type: 'date' },
        { header: h('closedReason'), width: 30, value: (m) => m.closedReason },
      ];
    },
  }),
];
