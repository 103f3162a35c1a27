import { ceremonyExportRoutes } from './ceremonies-export';
import { defineRoute } from '../../lib/http';
import { idParams, pageOf } from '../../../contracts/common';
import {
  arrangeRecipientsInput,
  cancelCeremonyInput,
  ceremonyDecisionDto,
  ceremonyDto,
  ceremonyListQuery,
  ceremonySummaryDto,
  createCeremonyInput,
  decisionOptionsQuery,
  recordAttendanceInput,
  setCeremonyDecisionsInput,
  updateCeremonyInput,
  versionInput,
} from '../../../contracts/ceremonies';
import { attachmentHeader } from '../../lib/files';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import type { Locale } from '../../../contracts/enums';
import { z } from 'zod';
import {
  arrangeRecipients,
  cancelCeremony,
  createCeremony,
  decisionOptions,
  listCeremonies,
  loadReadableCeremony,
  markHeld,
  presentCeremony,
  recordAttendance,
  setCeremonyDecisions,
  updateCeremony,
} from './ceremonies.service';
import { ceremonyDocModel, ceremonyWorkbook } from './ceremony-documents';
import { programmeDocx, recipientsListDocx } from './documents/ceremony-docx';

const TAG = 'ceremonies';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function ceremonyOut(app: AppContext, actor: AuthActor, locale: Locale, id: number) {
  return presentCeremony(app.db, actor, locale, await loadReadableCeremony(app.db, actor, id));
}

/** Printouts are named after the ceremony's date: "Danh sách nhận khen thưởng 2027-01-15.docx". */
async function loadForPrint(app: AppContext, actor: AuthActor, id: number) {
  const c = await loadReadableCeremony(app.db, actor, id);
  // The official printouts are in Vietnamese, whatever the reader's language.
  return { c, dto: await presentCeremony(app.db, actor, 'vi', c) };
}

export const ceremonyRoutes = [
  ...ceremonyExportRoutes,
  defineRoute({
    method: 'GET',
    url: '/ceremonies',
    summary: 'Award ceremonies of the organisations in scope, newest first',
    tag: TAG,
    query: ceremonyListQuery,
    response: pageOf(ceremonySummaryDto),
    handler: ({ app, actor, query }) => listCeremonies(app.db, actor, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/ceremonies/decision-options',
    summary: 'Signed decisions a ceremony of the organisation may present: its own or its ancestors’, with active lines in its subtree',
    tag: TAG,
    query: decisionOptionsQuery,
    response: z.array(ceremonyDecisionDto),
    handler: ({ app, actor, query }) => decisionOptions(app.db, actor, query.orgId, query.q),
  }),
  defineRoute({
    method: 'POST',
    url: '/ceremonies',
    summary: 'Plan a ceremony of an organisation, optionally with the signed decisions it presents (recipients grouped automatically)',
    tag: TAG,
    body: createCeremonyInput,
    response: ceremonyDto,
    async handler({ app, actor, locale, body, reply }) {
      const id = await createCeremony(app, actor, body);
      reply.status(201);
      return ceremonyOut(app, actor, locale, id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/ceremonies/:id',
    summary: 'A ceremony with its programme, decisions and recipients in call order',
    tag: TAG,
    params: idParams,
    response: ceremonyDto,
    handler: ({ app, actor, locale, params }) => ceremonyOut(app, actor, locale, params.id),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/ceremonies/:id',
    summary: 'Edit a planned ceremony: title, date and time, place, programme (running order), note',
    tag: TAG,
    params: idParams,
    body: updateCeremonyInput,
    response: ceremonyDto,
    async handler({ app, actor, locale, params, body }) {
      await updateCeremony(app, actor, params.id, body);
      return ceremonyOut(app, actor, locale, params.id);
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/ceremonies/:id/decisions',
    summary: 'Set the signed decisions presented; recipients are recomputed, keeping the place and attendance of lines that stay',
    tag: TAG,
    params: idParams,
    body: setCeremonyDecisionsInput,
    response: ceremonyDto,
    async handler({ app, actor, locale, params, body }) {
      await setCeremonyDecisions(app, actor, params.id, body);
      return ceremonyOut(app, actor, locale, params.id);
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/ceremonies/:id/recipients',
    summary: 'Arrange the call order: regroup automatically by a group size, or give the order and groups by hand; set the presenter of each group',
    tag: TAG,
    params: idParams,
    body: arrangeRecipientsInput,
    response: ceremonyDto,
    async handler({ app, actor, locale, params, body }) {
      await arrangeRecipients(app, actor, params.id, body);
      return ceremonyOut(app, actor, locale, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/ceremonies/:id/attendance',
    summary: 'Record who received in person, by a representative (named) or was absent, for many recipients at once',
    tag: TAG,
    params: idParams,
    body: recordAttendanceInput,
    response: ceremonyDto,
    async handler({ app, actor, locale, params, body }) {
      await recordAttendance(app, actor, params.id, body);
      return ceremonyOut(app, actor, locale, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/ceremonies/:id/held',
    summary: 'Mark the ceremony held (attendance can still be corrected)',
    tag: TAG,
    params: idParams,
    body: versionInput,
    response: ceremonyDto,
    async handler({ app, actor, locale, params, body }) {
      await markHeld(app, actor, params.id, body.version);
      return ceremonyOut(app, actor, locale, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/ceremonies/:id/cancel',
    summary: 'Cancel a planned ceremony with a reason (kept, not deleted)',
    tag: TAG,
    params: idParams,
    body: cancelCeremonyInput,
    response: ceremonyDto,
    async handler({ app, actor, locale, params, body }) {
      await cancelCeremony(app, actor, params.id, body);
      return ceremonyOut(app, actor, locale, params.id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/ceremonies/:id/recipients.docx',
    summary: 'Danh sách nhận khen thưởng: the recipients by group with the presenter and a column to sign on receipt (DOCX)',
    tag: TAG,
    params: idParams,
    produces: DOCX,
    async handler({ app, actor, params, reply }) {
      const { c, dto } = await loadForPrint(app, actor, params.id);
      const buffer = await recipientsListDocx(ceremonyDocModel(c, dto));
      return reply.header('content-type', DOCX).header('content-disposition', attachmentHeader(`Danh sách nhận khen thưởng ${c.held_date}.docx`)).send(buffer);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/ceremonies/:id/programme.docx',
    summary: 'Chương trình buổi lễ: the running order, then the call order by group with the presenters (DOCX)',
    tag: TAG,
    params: idParams,
    produces: DOCX,
    async handler({ app, actor, params, reply }) {
      const { c, dto } = await loadForPrint(app, actor, params.id);
      const buffer = await programmeDocx(ceremonyDocModel(c, dto));
      return reply.header('content-type', DOCX).header('content-disposition', attachmentHeader(`Chương trình buổi lễ ${c.held_date}.docx`)).send(buffer);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/ceremonies/:id/recipients.xlsx',
    summary: 'The recipients with their attendance (XLSX)',
    tag: TAG,
    params: idParams,
    produces: XLSX,
    async handler({ app, actor, locale, params, reply }) {
      const c = await loadReadableCeremony(app.db, actor, params.id);
      const dto = await presentCeremony(app.db, actor, locale, c);
      const buffer = await ceremonyWorkbook(c, dto, locale);
      return reply.header('content-type', XLSX).header('content-disposition', attachmentHeader(`Điểm danh nhận khen thưởng ${c.held_date}.xlsx`)).send(buffer);
    },
  }),
];
