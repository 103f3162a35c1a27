import { defineRoute } from '../../lib/http';
import { idParams, pageOf, pageQuery } from '../../../contracts/common';
import {
  addAgendaInput,
  addCouncilMemberInput,
  attendanceInput,
  cancelMeetingInput,
  castBallotsInput,
  changeMethodInput,
  closeItemsInput,
  councilDto,
  councilListQuery,
  councilMemberParams,
  councilSummaryDto,
  countsInput,
  createCouncilInput,
  createMeetingInput,
  declareRelationInput,
  endCouncilInput,
  endCouncilMemberInput,
  meetingDto,
  meetingItemDto,
  meetingItemListQuery,
  meetingListQuery,
  meetingSummaryDto,
  openVotingInput,
  receiptCheckDto,
  receiptCheckInput,
  receiptDto,
  recusalInput,
  updateCouncilInput,
  updateMeetingInput,
  verifyDto,
  waitingNominationDto,
  withdrawItemInput,
  writtenVoteInput,
} from '../../../contracts/councils';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import {
  addCouncilMember,
  createCouncil,
  declareRelation,
  endCouncil,
  endCouncilMember,
  listCouncils,
  loadReadableCouncil,
  presentCouncil,
  updateCouncil,
  waitingNominations,
} from './councils.service';
import {
  addAgenda,
  addManualRecusal,
  cancelMeeting,
  castBallots,
  changeMethod,
  checkReceipt,
  closeMeeting,
  closeVoting,
  createMeeting,
  enterCounts,
  listMeetingItems,
  listMeetings,
  loadReadableMeeting,
  openMeeting,
  openVoting,
  presentMeeting,
  meetingAbilities as presentAbilities,
  recordWrittenVote,
  setAttendance,
  updateMeeting,
  withdrawItem,
} from './meetings.service';
import { verifyMeeting } from './ballot-chain';
import { meetingMinutes } from './minutes.service';
import { attachmentHeader } from '../../lib/files';
import { forbidden } from '../../lib/errors';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
import type { Locale } from '../../../contracts/enums';
import { t } from '../../../contracts/messages';

const TAG = 'councils';

async function councilOut(app: AppContext, actor: AuthActor, id: number) {
  return presentCouncil(app.db, actor, await loadReadableCouncil(app.db, actor, id));
}
async function meetingOut(app: AppContext, actor: AuthActor, id: number) {
  return presentMeeting(app.db, actor, await loadReadableMeeting(app.db, actor, id));
}


function problemText(locale: Locale, problem: string) {
  return t(locale, `councils.verify.${problem}`);
}

export const councilBodyRoutes = [
  // ── Councils ───────────────────────────────────────────────────────────────────────────────
  defineRoute({
    method: 'GET',
    url: '/councils',
    summary: 'Councils (Hội đồng Thi đua – Khen thưởng) of the organisations in scope, and those the user sits on',
    tag: TAG,
    query: councilListQuery,
    response: pageOf(councilSummaryDto),
    handler: ({ app, actor, query }) => listCouncils(app.db, actor, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/councils',
    summary: 'Constitute a council for a term (one active council per organisation)',
    tag: TAG,
    body: createCouncilInput,
    response: councilDto,
    async handler({ app, actor, body, reply }) {
      const id = await createCouncil(app, actor, body);
      reply.status(201);
      return councilOut(app, actor, id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/councils/:id',
    summary: 'A council with its members, their roles and declared relations',
    tag: TAG,
    params: idParams,
    response: councilDto,
    handler: ({ app, actor, params }) => councilOut(app, actor, params.id),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/councils/:id',
    summary: 'Change a council: term, size limit, standing office, regulation, vote rules',
    tag: TAG,
    params: idParams,
    body: updateCouncilInput,
    response: councilDto,
    async handler({ app, actor, params, body }) {
      await updateCouncil(app, actor, params.id, body);
      return councilOut(app, actor, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/councils/:id/end',
    summary: 'End a council’s term with a reason',
    tag: TAG,
    params: idParams,
    body: endCouncilInput,
    response: councilDto,
    async handler({ app, actor, params, body }) {
      await endCouncil(app, actor, params.id, body.reason);
      return councilOut(app, actor, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/councils/:id/members',
    summary: 'Seat a person on the council with a role (size limit and a single chair enforced)',
    tag: TAG,
    params: idParams,
    body: addCouncilMemberInput,
    response: councilDto,
    async handler({ app, actor, params, body }) {
      await addCouncilMember(app, actor, params.id, body);
      return councilOut(app, actor, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/councils/:id/members/:memberId/end',
    summary: 'End a seat with a reason (kept in the history)',
    tag: TAG,
    params: councilMemberParams,
    body: endCouncilMemberInput,
    response: councilDto,
    async handler({ app, actor, params, body }) {
      await endCouncilMember(app, actor, params.id, params.memberId, body.reason, body.leftOn);
      return councilOut(app, actor, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/councils/:id/members/:memberId/relations',
    summary: 'Declare a relation of a member with a person or unit: the member is recused when it is nominated',
    tag: TAG,
    params: councilMemberParams,
    body: declareRelationInput,
    response: councilDto,
    async handler({ app, actor, params, body }) {
      await declareRelation(app, actor, params.id, params.memberId, body);
      return councilOut(app, actor, params.id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/councils/:id/waiting-nominations',
    summary: 'Nominations sent to this council and not yet on an agenda',
    tag: TAG,
    params: idParams,
    query: pageQuery,
    response: pageOf(waitingNominationDto),
    handler: ({ app, actor, locale, params, query }) => waitingNominations(app.db, actor, locale, params.id, query),
  }),
  // ── Meetings ───────────────────────────────────────────────────────────────────────────────
  defineRoute({
    method: 'GET',
    url: '/council-meetings',
    summary: 'Council meetings in scope (or, with mine=true, of the councils the user sits on), open ones first',
    tag: TAG,
    query: meetingListQuery,
    response: pageOf(meetingSummaryDto),
    handler: ({ app, actor, query }) => listMeetings(app.db, actor, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/council-meetings',
    summary: 'Schedule a council meeting',
    tag: TAG,
    body: createMeetingInput,
    response: meetingDto,
    async handler({ app, actor, body, reply }) {
      const id = await createMeeting(app, actor, body);
      reply.status(201);
      return meetingOut(app, actor, id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/council-meetings/:id',
    summary: 'A meeting: attendance, quorum, agenda counts, what the user may do',
    tag: TAG,
    params: idParams,
    response: meetingDto,
    handler: ({ app, actor, params }) => meetingOut(app, actor, params.id),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/council-meetings/:id',
    summary: 'Change a meeting: title, time, place, secretary, presiding member, vote counters, notes',
    tag: TAG,
    params: idParams,
    body: updateMeetingInput,
    response: meetingDto,
    async handler({ app, actor, params, body }) {
      await updateMeeting(app, actor, params.id, body);
      return meetingOut(app, actor, params.id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/council-meetings/:id/items',
    summary: 'The agenda, paginated: nominee, award, rule, recusals, how many voted, sealed result with its working',
    tag: TAG,
    params: idParams,
    query: meetingItemListQuery,
    response: pageOf(meetingItemDto),
    handler: ({ app, actor, locale, params, query }) => listMeetingItems(app.db, actor, locale, params.id, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/council-meetings/:id/agenda',
    summary: 'Put nominations sent to the council on the agenda (or all of them); recusals are computed',
    tag: TAG,
    params: idParams,
    body: addAgendaInput,
    response: meetingDto,
    async handler({ app, actor, params, body }) {
      await addAgenda(app, actor, params.id, body);
      return meetingOut(app, actor, params.id);
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/council-meetings/:id/attendance',
    summary: 'Record members present or absent (with a reason)',
    tag: TAG,
    params: idParams,
    body: attendanceInput,
    response: meetingDto,
    async handler({ app, actor, params, body }) {
      await setAttendance(app, actor, params.id, body.entries);
      return meetingOut(app, actor, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/council-meetings/:id/open',
    summary: 'Start the meeting (every member’s attendance must be recorded)',
    tag: TAG,
    params: idParams,
    response: meetingDto,
    async handler({ app, actor, params }) {
      await openMeeting(app, actor, params.id);
      return meetingOut(app, actor, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/council-meetings/:id/open-voting',
    summary: 'Open voting on pending items (all, or those listed): quorum, consultation and secrecy rules are checked',
    tag: TAG,
    params: idParams,
    body: openVotingInput,
    response: meetingDto,
    async handler({ app, actor, params, body }) {
      await openVoting(app, actor, params.id, body.itemIds);
      return meetingOut(app, actor, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/council-meetings/:id/close-voting',
    summary: 'Close online voting on items (all, or those listed) and seal their tallies',
    tag: TAG,
    params: idParams,
    body: closeItemsInput,
    response: meetingDto,
    async handler({ app, actor, params, body }) {
      await closeVoting(app, actor, params.id, body.itemIds);
      return meetingOut(app, actor, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/council-meetings/:id/close',
    summary: 'Close the meeting: remaining online votes are sealed and the tally chain head is recorded',
    tag: TAG,
    params: idParams,
    response: meetingDto,
    async handler({ app, actor, params }) {
      await closeMeeting(app, actor, params.id);
      return meetingOut(app, actor, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/council-meetings/:id/cancel',
    summary: 'Cancel a meeting with a reason (not once votes were cast)',
    tag: TAG,
    params: idParams,
    body: cancelMeetingInput,
    response: meetingDto,
    async handler({ app, actor, params, body }) {
      await cancelMeeting(app, actor, params.id, body.reason);
      return meetingOut(app, actor, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/council-meetings/:id/ballots',
    summary: 'Cast secret ballots (a present, non-recused member; once per item). Returns a receipt code, shown once',
    tag: TAG,
    params: idParams,
    body: castBallotsInput,
    response: receiptDto,
    async handler({ app, actor, params, body, reply }) {
      const out = await castBallots(app, actor, params.id, body.votes);
      reply.status(201);
      return out;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/council-meetings/:id/receipts/check',
    summary: 'Which items hold ballots cast under a receipt code, and whether they are sealed in the count',
    tag: TAG,
    params: idParams,
    body: receiptCheckInput,
    response: receiptCheckDto,
    handler: ({ app, actor, params, body }) => checkReceipt(app, actor, params.id, body.receipt),
  }),
  defineRoute({
    method: 'GET',
    url: '/council-meetings/:id/verify',
    summary: 'Recompute the tallies from the ballots and check the hash chain',
    tag: TAG,
    params: idParams,
    response: verifyDto,
    async handler({ app, actor, locale, params }) {
      const m = await loadReadableMeeting(app.db, actor, params.id);
      const v = await verifyMeeting(app.db, m.id);
      return { ...v, problems: v.problems.map((p) => ({ ...p, detail: `${problemText(locale, p.problem)}${p.detail ? ` (${p.detail})` : ''}` })) };
    },
  }),
  ...(['meeting', 'count'] as const).map((kind) =>
    defineRoute({
      method: 'GET',
      url: kind === 'meeting' ? '/council-meetings/:id/minutes.docx' : '/council-meetings/:id/count-minutes.docx',
      summary: kind === 'meeting'
        ? 'Biên bản họp (DOCX, Nghị định 30/2020 layout): attendance, recusals, results with their working, public feedback, signatures'
        : 'Biên bản kiểm phiếu (DOCX): per-item counts, shares, results and the ballots root of each sealed tally',
      tag: TAG,
      params: idParams,
      produces: DOCX,
      async handler({ app, actor, locale, params, reply }) {
        const m = await loadReadableMeeting(app.db, actor, params.id);
        if (!presentAbilities(actor, m).includes('meeting.minutes')) throw forbidden();
        const buffer = await meetingMinutes(app.db, m, locale, kind);
        const name = t(locale, kind === 'meeting' ? 'councils.minutes.fileMeeting' : 'councils.minutes.fileCount');
        return reply.header('content-type', DOCX).header('content-disposition', attachmentHeader(`${name} - ${m.title}.docx`)).send(buffer);
      },
    }),
  ),
  // ── Items ──────────────────────────────────────────────────────────────────────────────────
  defineRoute({
    method: 'POST',
    url: '/meeting-items/:id/method',
    summary: 'Choose how an item is voted: secret ballot online or on paper, or show of hands where the rule allows',
    tag: TAG,
    params: idParams,
    body: changeMethodInput,
    response: meetingDto,
    async handler({ app, actor, params, body }) {
      return meetingOut(app, actor, await changeMethod(app, actor, params.id, body.method));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/meeting-items/:id/recusals',
    summary: 'Record a member’s recusal declared at the meeting (before they vote)',
    tag: TAG,
    params: idParams,
    body: recusalInput,
    response: meetingDto,
    async handler({ app, actor, params, body }) {
      return meetingOut(app, actor, await addManualRecusal(app, actor, params.id, body.memberId, body.note));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/meeting-items/:id/withdraw',
    summary: 'Take a pending item off the agenda with a reason',
    tag: TAG,
    params: idParams,
    body: withdrawItemInput,
    response: meetingDto,
    async handler({ app, actor, params, body }) {
      return meetingOut(app, actor, await withdrawItem(app, actor, params.id, body.reason));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/meeting-items/:id/written-votes',
    summary: 'Record the written vote of an absent member (where the rule allows); the receipt goes back to the member',
    tag: TAG,
    params: idParams,
    body: writtenVoteInput,
    response: receiptDto,
    async handler({ app, actor, params, body, reply }) {
      const out = await recordWrittenVote(app, actor, params.id, body.memberId, body.choice);
      reply.status(201);
      return out;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/meeting-items/:id/counts',
    summary: 'Enter the paper-ballot or show-of-hands counts (vote counters or the standing office); the item closes with them',
    tag: TAG,
    params: idParams,
    body: countsInput,
    response: meetingDto,
    async handler({ app, actor, params, body }) {
      return meetingOut(app, actor, await enterCounts(app, actor, params.id, body));
    },
  }),
];

