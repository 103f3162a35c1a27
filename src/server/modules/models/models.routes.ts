import { modelExportRoutes } from './models-export';
import type { ZodType } from 'zod';
import { defineRoute } from '../../lib/http';
import { idParams } from '../../../contracts/common';
import {
  createModelInput, creditInput, followUpInput, itemParams, modelDto, modelListQuery, modelPage, moveModelInput, replicationInput, revokeInput, updateModelInput,
} from '../../../contracts/models';
import { addCredit, addFollowUp, addReplication, createModel, getModel, listModels, moveModel, revokeCredit, revokeReplication, updateModel } from './models.service';

const TAG = 'models';

export const modelRoutes = [
  ...modelExportRoutes,
  defineRoute({
    method: 'GET',
    url: '/models',
    summary: 'Exemplary models and people in the reader’s scope (kept or fostered there), paged, with the count per stage and of overdue follow-ups',
    tag: TAG,
    query: modelListQuery,
    response: modelPage,
    handler: ({ app, actor, query }) => listModels(app.db, actor, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/models',
    summary: 'Register a discovered model, exemplary person or collective (managers of the keeping organisation)',
    tag: TAG,
    body: createModelInput,
    response: modelDto,
    async handler({ app, actor, body, reply }) {
      const id = await createModel(app, actor, body);
      reply.status(201);
      return getModel(app.db, actor, id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/models/:id',
    summary: 'An entry with its stage dates, fostering plan, follow-up timeline, replicating units and credits',
    tag: TAG,
    params: idParams,
    response: modelDto,
    handler: ({ app, actor, params }) => getModel(app.db, actor, params.id),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/models/:id',
    summary: 'Change the details and the fostering plan (the whole set, with the version read)',
    tag: TAG,
    params: idParams,
    body: updateModelInput,
    response: modelDto,
    async handler({ app, actor, params, body }) {
      await updateModel(app, actor, params.id, body);
      return getModel(app.db, actor, params.id);
    },
  }),
  ...(
    [
      ['stage', moveModelInput, moveModel, 200, 'Move to the next stage (fostering needs a plan, recognition a date, replication an active unit), close with a reason, or reopen to the stage closed from'],
      ['follow-ups', followUpInput, addFollowUp, 201, 'Record a fostering check-in with the next check-in date'],
      ['replications', replicationInput, addReplication, 201, 'Record a unit that replicates the recognised model, from a date (one active entry per unit)'],
      ['credits', creditInput, addCredit, 201, 'Credit a member in scope, or a person by name, with discovering, fostering or publicising the entry'],
    ] as const
  ).map(([path, body, action, status, summary]) =>
    defineRoute({
      method: 'POST',
      url: `/models/:id/${path}`,
      summary,
      tag: TAG,
      params: idParams,
      // Each verb's own schema; the union is narrowed by the action it is paired with.
      body: body as ZodType<object>,
      response: modelDto,
      async handler({ app, actor, params, body: input, reply }) {
        await (action as (a: typeof app, b: typeof actor, id: number, i: typeof input) => Promise<void>)(app, actor, params.id, input);
        reply.status(status);
        return getModel(app.db, actor, params.id);
      },
    }),
  ),
  ...(
    [
      ['replications', revokeReplication, 'Revoke a replicating unit with the reason (not the last one of a replicated model)'],
      ['credits', revokeCredit, 'Revoke a credit with the reason'],
    ] as const
  ).map(([what, action, summary]) =>
    defineRoute({
      method: 'POST',
      url: `/models/:id/${what}/:itemId/revoke`,
      summary,
      tag: TAG,
      params: itemParams,
      body: revokeInput,
      response: modelDto,
      async handler({ app, actor, params, body }) {
        await action(app, actor, params.id, params.itemId, body.reason);
        return getModel(app.db, actor, params.id);
      },
    }),
  ),
];
