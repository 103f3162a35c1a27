import { planExportRoutes, planListPage } from './plans-export';
import { defineRoute } from '../../lib/http';
import { idParams, pageOf } from '../../../contracts/common';
import { createPlanInput, issuePlanInput, planDto, planListQuery, updatePlanInput } from '../../../contracts/plans';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { createPlan, findPlan, issuePlan, planDocxModel, planPolicy, presentPlan, updatePlan } from './plans.service';
import { renderPlanDocx } from './plan-docx';
import { renderPlanPdf } from './plan-pdf';

async function loadPlan(app: AppContext, actor: AuthActor, id: number) {
  const plan = await findPlan(app.db, id);
  if (!plan || !planPolicy.read(actor, plan)) throw notFound();
  return presentPlan(actor, plan);
}

export const planRoutes = [
  ...planExportRoutes,
  defineRoute({
    method: 'GET',
    url: '/plans',
    summary: 'Plans of the organisations in scope, newest first, paged',
    tag: 'plans',
    query: planListQuery,
    response: pageOf(planDto),
    handler: ({ app, actor, query }) => planListPage(app.db, actor, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/plans/:id',
    summary: 'A plan with its sections, basis, signer and recipients',
    tag: 'plans',
    params: idParams,
    response: planDto,
    handler: ({ app, actor, params }) => loadPlan(app, actor, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/plans',
    summary: 'Draft a plan for an organisation and year (managers of the organisation)',
    tag: 'plans',
    body: createPlanInput,
    response: planDto,
    async handler({ app, actor, body }) {
      const id = await createPlan(app, actor, body);
      return loadPlan(app, actor, id);
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/plans/:id',
    summary: 'Edit a draft (optimistic version); an issued plan is locked',
    tag: 'plans',
    params: idParams,
    body: updatePlanInput,
    response: planDto,
    async handler({ app, actor, params, body }) {
      await updatePlan(app, actor, params.id, body);
      return loadPlan(app, actor, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/plans/:id/issue',
    summary: 'Issue a draft: the next number is assigned and recorded in the outgoing register; the plan is delivered to its recipients (inboxes, website, archive copy) and may ask the subordinate units to respond by a deadline',
    tag: 'plans',
    params: idParams,
    body: issuePlanInput,
    response: planDto,
    async handler({ app, actor, params, body }) {
      await issuePlan(app, actor, params.id, body);
      return loadPlan(app, actor, params.id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/plans/:id/document.docx',
    summary: 'The plan as a Word document laid out per Nghị định 30/2020 (a draft carries a "DỰ THẢO" marker)',
    tag: 'plans',
    params: idParams,
    produces: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    async handler({ app, actor, params, reply }) {
      const plan = await findPlan(app.db, params.id);
      if (!plan || !planPolicy.read(actor, plan)) throw notFound();
      const dto = presentPlan(actor, plan);
      const buffer = await renderPlanDocx(planDocxModel(dto, plan.parent_name));
      const name = dto.number === null ? `ke-hoach-du-thao-${dto.id}` : `ke-hoach-${String(dto.number).padStart(2, '0')}-${dto.year}`;
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename="${name}.docx"`)
        .send(buffer);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/plans/:id/document.pdf',
    summary: 'The plan as a PDF with the layout of its Word document (Tinos embedded; a draft carries a "DỰ THẢO" marker)',
    tag: 'plans',
    params: idParams,
    produces: 'application/pdf',
    async handler({ app, actor, params, reply }) {
      const plan = await findPlan(app.db, params.id);
      if (!plan || !planPolicy.read(actor, plan)) throw notFound();
      const dto = presentPlan(actor, plan);
      const buffer = await renderPlanPdf(planDocxModel(dto, plan.parent_name));
      const name = dto.number === null ? `ke-hoach-du-thao-${dto.id}` : `ke-hoach-${String(dto.number).padStart(2, '0')}-${dto.year}`;
      return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${name}.pdf"`).send(buffer);
    },
  }),
];

