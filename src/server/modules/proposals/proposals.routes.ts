import { proposalExportRoutes } from './proposals-export';
import { defineRoute } from '../../lib/http';
import { idParams, pageOf } from '../../../contracts/common';
import {
  declineProposalInput, linkProposalPersonInput, memberProposalInput, proposalDto, proposalListQuery, proposalNominationInput, proposalStoryInput, proposalSummaryDto,
  publicProposalInput, publicProposalResult, publicProposalStatus as publicStatusDto,
} from '../../../contracts/proposals';
import { referenceParams } from '../../../contracts/complaints';
import { publicOrgParams } from '../../../contracts/cascade';
import { notFound } from '../../lib/errors';
import {
  declineProposal, getOwnProposal, getProposal, linkProposalPerson, listProposals, proposalIntoNomination, proposalIntoStory, publicProposalStatus, receiveMemberProposal, receivePublicProposal,
} from './proposals.service';

const TAG = 'proposals';

export const proposalRoutes = [
  ...proposalExportRoutes,
  defineRoute({
    method: 'GET',
    url: '/good-deeds',
    summary: '"Good person, good deed" proposals received by the organisations in scope, those to review first; the proposer’s contact only for their managers',
    tag: TAG,
    query: proposalListQuery,
    response: pageOf(proposalSummaryDto),
    handler: ({ app, actor, query }) => listProposals(app.db, actor, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/good-deeds',
    summary: 'A logged-in member proposes a good person or good deed to their CĐCS (their name and contact from their record when left out)',
    tag: TAG,
    body: memberProposalInput,
    response: proposalDto,
    async handler({ app, actor, body, reply }) {
      const id = await receiveMemberProposal(app, actor, body);
      reply.status(201);
      return getOwnProposal(app.db, actor, id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/good-deeds/:id',
    summary: 'A proposal with its story and review; the proposer’s contact only for the managers of the organisation',
    tag: TAG,
    params: idParams,
    response: proposalDto,
    handler: ({ app, actor, params }) => getProposal(app.db, actor, params.id),
  }),
  ...(
    [
      ['link', linkProposalPersonInput, linkProposalPerson, 'Link the member on record the proposal is about (a person of the organisation’s subtree), or unlink with null'],
      ['story', proposalStoryInput, proposalIntoStory, 'Turn the proposal into a story draft; the proposer is credited as its discoverer'],
      ['nominate', proposalNominationInput, proposalIntoNomination, 'Join the proposal to an existing nomination in scope'],
      ['decline', declineProposalInput, declineProposal, 'Decline the proposal with a reason'],
    ] as const
  ).map(([verb, body, action, summary]) =>
    defineRoute({
      method: 'POST',
      url: `/good-deeds/:id/${verb}`,
      summary,
      tag: TAG,
      params: idParams,
      body,
      response: proposalDto,
      async handler({ app, actor, params, body: input }) {
        await (action as (a: typeof app, b: typeof actor, id: number, i: typeof input) => Promise<unknown>)(app, actor, params.id, input);
        return getProposal(app.db, actor, params.id);
      },
    }),
  ),
  defineRoute({
    method: 'POST',
    url: '/public/orgs/:code/good-deeds',
    summary: 'Propose a good person or good deed (no login; name and contact required; at most 3 an hour and 10 a day per address); answers a reference code',
    tag: 'public',
    auth: 'public',
    params: publicOrgParams,
    body: publicProposalInput,
    response: publicProposalResult,
    async handler({ app, params, body, req, reply }) {
      const r = await receivePublicProposal(app, params.code, body, req.ip);
      reply.status(201);
      return r;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/public/good-deeds/:code',
    summary: 'The status of a proposal by its reference code (no login): status only, nothing personal',
    tag: 'public',
    auth: 'public',
    params: referenceParams,
    response: publicStatusDto,
    async handler({ app, params }) {
      const s = await publicProposalStatus(app.db, params.code);
      if (!s) throw notFound();
      return s;
    },
  }),
];
