import { defineRoute } from '../../lib/http';
import { pageOf, pageQuery } from '../../../contracts/common';
import {
  orgTemplatesDto,
  previewTemplateInput,
  saveTemplateInput,
  templateHistoryDto,
  templateKindParams,
  templateOrgParams,
} from '../../../contracts/certificate-templates';
import { t } from '../../../contracts/messages';
import { attachmentHeader } from '../../lib/files';
import { todayInVietnam } from '../imports/xlsx/validate-member-row';
import { orgTemplates, previewPdf, saveTemplate, templateHistory } from './templates.service';

const TAG = 'certificates';
const PDF = 'application/pdf';

export const certificateTemplateRoutes = [
  defineRoute({
    method: 'GET',
    url: '/certificate-templates/:orgId',
    summary: 'The organisation’s certificate templates (Giấy khen and Bằng khen): overrides, the effective look and the defaults',
    tag: TAG,
    params: templateOrgParams,
    response: orgTemplatesDto,
    handler: ({ app, actor, params }) => orgTemplates(app.db, actor, params.orgId),
  }),
  defineRoute({
    method: 'PUT',
    url: '/certificate-templates/:orgId/:kind',
    summary: 'Save a template (empty settings reset to the default): the active one is superseded, never overwritten',
    tag: TAG,
    params: templateKindParams,
    body: saveTemplateInput,
    response: orgTemplatesDto,
    async handler({ app, actor, params, body }) {
      await saveTemplate(app, actor, params.orgId, params.kind, body);
      return orgTemplates(app.db, actor, params.orgId);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/certificate-templates/:orgId/:kind/history',
    summary: 'Every saved version of a template, newest first, with who saved it and when',
    tag: TAG,
    params: templateKindParams,
    query: pageQuery,
    response: pageOf(templateHistoryDto),
    handler: ({ app, actor, params, query }) => templateHistory(app.db, actor, params.orgId, params.kind, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/certificate-templates/:orgId/:kind/preview.pdf',
    summary: 'A sample certificate printed with the saved template',
    tag: TAG,
    params: templateKindParams,
    produces: PDF,
    async handler({ app, actor, locale, params, reply }) {
      const pdf = await previewPdf(app.db, actor, params.orgId, params.kind, undefined, locale, todayInVietnam());
      return reply.header('content-type', PDF).header('content-disposition', attachmentHeader(`${t(locale, 'certificateTemplates.file')} - ${params.kind}.pdf`)).send(pdf);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/certificate-templates/:orgId/:kind/preview',
    summary: 'A sample certificate printed with draft settings (nothing is saved)',
    tag: TAG,
    params: templateKindParams,
    body: previewTemplateInput,
    produces: PDF,
    async handler({ app, actor, locale, params, body, reply }) {
      const pdf = await previewPdf(app.db, actor, params.orgId, params.kind, body.settings, locale, todayInVietnam());
      return reply.header('content-type', PDF).header('content-disposition', attachmentHeader(`${t(locale, 'certificateTemplates.file')} - ${params.kind}.pdf`)).send(pdf);
    },
  }),
];
