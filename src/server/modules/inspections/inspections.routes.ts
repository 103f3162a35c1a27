import { inspectionExportRoutes } from './inspections-export';
import { defineRoute } from '../../lib/http';
import { idParams, pageOf } from '../../../contracts/common';
import {
  cancelInspectionInput, conductInspectionInput, createInspectionInput, inspectionDto, inspectionListQuery, inspectionSummaryDto, recommendationDoneInput, recommendationDto,
  recommendationListQuery, recommendationWithdrawInput, updateInspectionInput,
} from '../../../contracts/inspections';
import {
  cancelInspection, conductInspection, createInspection, getInspection, listInspections, listRecommendations, recommendationDone, updateInspection, withdrawRecommendation,
} from './inspections.service';

const TAG = 'inspections';

export const inspectionRoutes = [
  ...inspectionExportRoutes,
  defineRoute({
    method: 'GET',
    url: '/inspections',
    summary: 'Inspections and supervisions made by organisations in scope or of units in scope, planned ones first',
    tag: TAG,
    query: inspectionListQuery,
    response: pageOf(inspectionSummaryDto),
    handler: ({ app, actor, query }) => listInspections(app.db, actor, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/inspections',
    summary: 'Plan an inspection or supervision of a unit strictly below the organisation (its managers)',
    tag: TAG,
    body: createInspectionInput,
    response: inspectionDto,
    async handler({ app, actor, body, reply }) {
      const id = await createInspection(app, actor, body);
      reply.status(201);
      return getInspection(app.db, actor, id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/inspections/:id',
    summary: 'An inspection with its findings, conclusion and recommendations (days left or overdue)',
    tag: TAG,
    params: idParams,
    response: inspectionDto,
    handler: ({ app, actor, params }) => getInspection(app.db, actor, params.id),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/inspections/:id',
    summary: 'Change the topic or date of a planned inspection',
    tag: TAG,
    params: idParams,
    body: updateInspectionInput,
    response: inspectionDto,
    async handler({ app, actor, params, body }) {
      await updateInspection(app, actor, params.id, body);
      return getInspection(app.db, actor, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/inspections/:id/conduct',
    summary: 'Record the visit: date, findings, conclusion and the recommendations with their deadlines',
    tag: TAG,
    params: idParams,
    body: conductInspectionInput,
    response: inspectionDto,
    async handler({ app, actor, params, body }) {
      await conductInspection(app, actor, params.id, body);
      return getInspection(app.db, actor, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/inspections/:id/cancel',
    summary: 'Cancel a planned inspection with the reason',
    tag: TAG,
    params: idParams,
    body: cancelInspectionInput,
    response: inspectionDto,
    async handler({ app, actor, params, body }) {
      await cancelInspection(app, actor, params.id, body);
      return getInspection(app.db, actor, params.id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/inspection-recommendations',
    summary: 'Recommendations of the inspections in scope, open ones first by deadline; overdue=true for those past it',
    tag: TAG,
    query: recommendationListQuery,
    response: pageOf(recommendationDto),
    handler: ({ app, actor, query }) => listRecommendations(app.db, actor, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/inspection-recommendations/:id/done',
    summary: 'Record that a recommendation was carried out (date and note)',
    tag: TAG,
    params: idParams,
    body: recommendationDoneInput,
    response: recommendationDto,
    handler: ({ app, actor, params, body }) => recommendationDone(app, actor, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/inspection-recommendations/:id/withdraw',
    summary: 'Withdraw a recommendation with the reason',
    tag: TAG,
    params: idParams,
    body: recommendationWithdrawInput,
    response: recommendationDto,
    handler: ({ app, actor, params, body }) => withdrawRecommendation(app, actor, params.id, body),
  }),
];
