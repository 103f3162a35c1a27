import { complaintExportRoutes } from './complaints-export';
import { z } from 'zod';
import { defineRoute } from '../../lib/http';
import { idParams, pageOf } from '../../../contracts/common';
import {
  acceptComplaintInput, assignComplaintInput, closeComplaintInput, complaintAssigneeDto, complaintDocumentFields, complaintDto, complaintListQuery, complaintSummaryDto,
  extendDenunciationInput, linkComplaintInput, publicComplaintInput, publicComplaintResult, publicComplaintStatus, referenceParams, resolveComplaintInput,
  revokeComplaintDocumentInput, secondInstanceInput, staffComplaintInput,
} from '../../../contracts/complaints';
import { publicOrgParams } from '../../../contracts/cascade';
import { LIMITS } from '../../../contracts/limits';
import { AppError, notFound } from '../../lib/errors';
import { sendStoredFile, storeUpload } from '../../lib/files';
import {
  acceptComplaint, assignComplaint, createComplaint, extendDenunciation, getComplaint, linkComplaint, listAssignees, listComplaints, notAcceptComplaint, publicStatus,
  receivePublicComplaint, recordSecondInstance, resolveComplaint, withdrawComplaint,
} from './complaints.service';
import { addComplaintDocument, checkDocumentTarget, loadReadableDocument, revokeComplaintDocument } from './complaint-documents.service';

/** Resolution documents: PDF, Word, JPEG or PNG, recognised by their content. */
const DOCUMENT_KINDS = ['pdf', 'docx', 'jpeg', 'png'] as const;

const TAG = 'complaints';

export const complaintRoutes = [
  ...complaintExportRoutes,
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
      ['assign', assignComplaintInput, assignComplaint, 'Assign an open letter to a handler (a TĐKT officer of the handling organisation or an administrator above it), or null to unassign; the assignee is e-mailed'],
      ['extend', extendDenunciationInput, extendDenunciation, 'Extend a denunciation’s time limit (Luật Tố cáo 2018, Điều 30): once for a complex case, twice for an especially complex one, before it passes, with the reason'],
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
    method: 'GET',
    url: '/complaints/:id/assignees',
    summary: 'Who may be assigned the letter: the handling organisation’s TĐKT officers and the administrators above it (for its handlers)',
    tag: TAG,
    params: idParams,
    response: z.object({ items: z.array(complaintAssigneeDto) }),
    handler: ({ app, actor, params }) => listAssignees(app.db, actor, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/complaints/:id/second-instance',
    summary: 'Record a second-instance complaint about a first-instance one (managers of the organisation above its handler), within the window after the resolution or the passed deadline',
    tag: TAG,
    params: idParams,
    body: secondInstanceInput,
    response: complaintDto,
    async handler({ app, actor, params, body, reply }) {
      const id = await recordSecondInstance(app, actor, params.id, body);
      reply.status(201);
      return getComplaint(app.db, actor, id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/complaints/:id/documents',
    summary: 'Attach a document of the handling (multipart: docType and title before the file; PDF, DOCX, JPEG or PNG by content, at most 10 MB); answers the complaint',
    tag: TAG,
    params: idParams,
    multipart: true,
    response: complaintDto,
    async handler({ app, actor, req, params, reply }) {
      if (!req.isMultipart()) throw new AppError('VALIDATION', 'file.noFile');
      const file = await req.file({ limits: { fileSize: LIMITS.documentMaxBytes, files: 1, fields: 5 } });
      if (!file) throw new AppError('VALIDATION', 'file.noFile');
      const value = (name: string) => (file.fields[name] as { type?: string; value?: unknown } | undefined)?.value;
      try {
        // Refuse before receiving the bytes when the fields or the complaint do not allow them.
        const fields = complaintDocumentFields.parse({ docType: value('docType'), title: value('title') });
        await checkDocumentTarget(app.db, actor, params.id);
        const stored = await storeUpload(app.config.dataDir, file.file, { maxBytes: LIMITS.documentMaxBytes, allowed: DOCUMENT_KINDS, fileName: file.filename });
        await addComplaintDocument(app, actor, params.id, fields, stored);
      } finally {
        file.file.resume();
      }
      reply.status(201);
      return getComplaint(app.db, actor, params.id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/complaint-documents/:id/file',
    summary: 'Download a document of a complaint (readers in scope who may see the complaint), whatever its status',
    tag: TAG,
    params: idParams,
    produces: 'application/octet-stream',
    async handler({ app, actor, params, reply }) {
      return sendStoredFile(reply, app.config.dataDir, await loadReadableDocument(app.db, actor, params.id));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/complaint-documents/:id/revoke',
    summary: 'Withdraw a document of a complaint with the reason (its handlers); the file and its record are kept',
    tag: TAG,
    params: idParams,
    body: revokeComplaintDocumentInput,
    response: complaintDto,
    async handler({ app, actor, params, body }) {
      const complaintId = await revokeComplaintDocument(app, actor, params.id, body.reason);
      return getComplaint(app.db, actor, complaintId);
    },
  }),
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
