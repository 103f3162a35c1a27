import { defineRoute } from '../../lib/http';
import { idParams, pageOf } from '../../../contracts/common';
import {
  acceptComplaintInput, closeComplaintInput, complaintDto, complaintListQuery, complaintSummaryDto, linkComplaintInput, publicComplaintInput, publicComplaintResult,
  publicComplaintStatus, referenceParams, resolveComplaintInput, staffComplaintInput,
} from '../../../contracts/complaints';
import { publicOrgParams } from '../../../contracts/cascade';
import { notFound } from '../../lib/errors';
import {
  acceptComplaint, createComplaint, getComplaint, linkComplaint, listComplaints, notAcceptComplaint, publicStatus, receivePublicComplaint, resolveComplaint, withdrawComplaint,
} from './complaints.service';

const TAG = 'complaints';

export const complaintRoutes = [
  defineRoute({
    method: 'GET',
    url: '/complaints',
    summary: 'Complaints, denunciations and petitions about commendation handled by the organisations in scope, open ones first',
    tag: TAG,
    query: complaintListQuery,
    response: pageOf(complaintSummaryDto),
    handler: ({ app, actor, query }) => listComplaints(app.db, actor, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/complaints',
    summary: 'Enter a complaint received by letter, in person or by phone (managers of the organisation); one about a person or unit blocks awarding them while open',
    tag: TAG,
    body: staffComplaintInput,
    response: complaintDto,
    async handler({ app, actor, body, reply }) {
      const id = await createComplaint(app, actor, body);
      reply.status(201);
      return getComplaint(app.db, actor, id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/complaints/:id',
    summary: 'A complaint with its deadlines and history; the writer’s identity only for those who handle it',
    tag: TAG,
    params: idParams,
    response: complaintDto,
    handler: ({ app, actor, params }) => getComplaint(app.db, actor, params.id),
  }),
  ...(
    [
      ['link', linkComplaintInput, linkComplaint, 'Link to the nomination, the decision and whom it is about (a change of subject moves the block on awarding)'],
      ['accept', acceptComplaintInput, acceptComplaint, 'Accept (thụ lý): the case’s flags fix the statutory deadline'],
      ['not-accept', closeComplaintInput, notAcceptComplaint, 'Close without accepting, with the reason'],
      ['resolve', resolveComplaintInput, resolveComplaint, 'Resolve an accepted complaint with the outcome and the resolution; the block on awarding ends that day'],
      ['withdraw', closeComplaintInput, withdrawComplaint, 'Record that the writer withdrew it, with the reason'],
    ] as const
  ).map(([verb, body, action, summary]) =>
    defineRoute({
      method: 'POST',
      url: `/complaints/:id/${verb}`,
      summary,
      tag: TAG,
      params: idParams,
      body,
      response: complaintDto,
      async handler({ app, actor, params, body: input }) {
        await (action as (a: typeof app, b: typeof actor, id: number, i: typeof input) => Promise<void>)(app, actor, params.id, input);
        return getComplaint(app.db, actor, params.id);
      },
    }),
  ),
  defineRoute({
    method: 'POST',
    url: '/public/orgs/:code/complaints',
    summary: 'Send a complaint, denunciation or petition about commendation (no login; name and contact required; at most 3 an hour and 10 a day per address); answers a reference code',
    tag: 'public',
    auth: 'public',
    params: publicOrgParams,
    body: publicComplaintInput,
    response: publicComplaintResult,
    async handler({ app, params, body, req, reply }) {
      const r = await receivePublicComplaint(app, params.code, body, req.ip);
      reply.status(201);
      return r;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/public/complaints/:code',
    summary: 'The status of a complaint by its reference code (no login): dates, status and outcome only',
    tag: 'public',
    auth: 'public',
    params: referenceParams,
    response: publicComplaintStatus,
    async handler({ app, params }) {
      const s = await publicStatus(app.db, params.code);
      if (!s) throw notFound();
      return s;
    },
  }),
];
