import { defineRoute } from '../../lib/http';
import { idParams } from '../../../contracts/common';
import {
  createReportTemplateInput, previewDto, previewInput, renderQuery, reportTemplateDto, reportTemplateListDto, reportTemplateListQuery, retireReportTemplateInput,
  updateReportTemplateInput,
} from '../../../contracts/report-templates';
import { attachmentHeader } from '../../lib/files';
import { createTemplate, getTemplate, listTemplates, previewLayout, renderTemplate, retireTemplate, updateTemplate } from './report-templates.service';

const TAG = 'report-templates';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const reportTemplateRoutes = [
  defineRoute({
    method: 'GET',
    url: '/report-templates',
    summary: 'Statistical form templates an organisation can use: the built-ins, its own and its superiors’',
    tag: TAG,
    query: reportTemplateListQuery,
    response: reportTemplateListDto,
    handler: ({ app, actor, query }) => listTemplates(app.db, actor, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/report-templates/preview',
    summary: 'The grid of a draft layout for an organisation and year (nothing is saved)',
    tag: TAG,
    body: previewInput,
    response: previewDto,
    handler: ({ app, actor, locale, body }) => previewLayout(app.db, actor, locale, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/report-templates/:id',
    summary: 'One statistical form template with its layout',
    tag: TAG,
    params: idParams,
    response: reportTemplateDto,
    handler: ({ app, actor, params }) => getTemplate(app.db, actor, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/report-templates',
    summary: 'Create a template for an organisation: a copy of a visible template or a new layout',
    tag: TAG,
    body: createReportTemplateInput,
    response: reportTemplateDto,
    handler: ({ app, actor, locale, body }) => createTemplate(app, actor, locale, body),
  }),
  defineRoute({
    method: 'PUT',
    url: '/report-templates/:id',
    summary: 'Save a template’s name and layout (the version the editor saw; 409 when someone saved in between)',
    tag: TAG,
    params: idParams,
    body: updateReportTemplateInput,
    response: reportTemplateDto,
    handler: ({ app, actor, locale, params, body }) => updateTemplate(app, actor, locale, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/report-templates/:id/retire',
    summary: 'Retire a template with a reason (it stays readable; never deleted)',
    tag: TAG,
    params: idParams,
    body: retireReportTemplateInput,
    response: reportTemplateDto,
    handler: ({ app, actor, params, body }) => retireTemplate(app, actor, params.id, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/report-templates/:id/render.xlsx',
    summary: 'The statistical form filled with the figures of an organisation subtree and year, as an .xlsx file',
    tag: TAG,
    params: idParams,
    query: renderQuery,
    produces: XLSX,
    async handler({ app, actor, locale, params, query, reply }) {
      const { file, fileName } = await renderTemplate(app.db, actor, locale, params.id, query);
      return reply.header('content-type', XLSX).header('content-disposition', attachmentHeader(fileName)).send(file);
    },
  }),
];
