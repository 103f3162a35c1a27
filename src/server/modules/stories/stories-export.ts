// "Xuất Excel" of the story list (issue 10): GET /stories/export.xlsx with the list's filters, its
// scope and order (the same listStories), one row per story (no body: the list shows none).
import { storyListQuery } from '../../../contracts/stories';
import { t } from '../../../contracts/messages';
import { dayCell, listExportRoute } from '../../lib/list-xlsx';
import { listStories } from './stories.service';

export const storyExportRoutes = [
  listExportRoute({
    list: '/stories',
    tag: 'stories',
    query: storyListQuery.omit({ page: true, pageSize: true }),
    page: ({ app, actor, query }, paging) => listStories(app.db, actor, { ...query, ...paging }),
    fileStem: 'guong-dien-hinh',
    titleKey: 'listExport.stories.title',
    orgId: (q) => q.orgId,
    filters: ({ locale, query }) => [
      [t(locale, 'listExport.f.status'), query.status && t(locale, `web.stories.status.${query.status}`)],
      [t(locale, 'listExport.f.q'), query.q && `“${query.q}”`],
    ],
    columns: (locale) => {
      const h = (key: string) => t(locale, `listExport.stories.col.${key}`);
      return [
        { header: h('title'), width: 50, value: (s) => s.title },
        { header: h('subject'), width: 30, value: (s) => s.subjectName },
        { header: h('kind'), width: 12, value: (s) => t(locale, `web.stories.kind.${s.subjectKind}`) },
        { header: h('unit'), width: 32, value: (s) => s.subjectUnit },
        { header: h('org'), width: 34, value: (s) => s.orgName },
        { header: h('status'), width: 14, value: (s) => t(locale, `web.stories.status.${s.status}`) },
        { header: h('consent'), width: 14, value: (s) => t(locale, s.consentRecorded ? 'listExport.yes' : 'listExport.no') },
        { header: h('photos'), width: 10, value: (s) => s.photoCount, type: 'int' },
        { header: h('published'), width: 13, value: (s) => dayCell(s.publishedAt), type: 'date' },
        { header: h('updated'), width: 13, value: (s) => dayCell(s.updatedAt), type: 'date' },
      ];
    },
  }),
];
