import { z } from 'zod';
import { defineRoute } from '../../lib/http';
import { idParams } from '../../../contracts/common';
import { evidenceDto, evidenceListQuery, evidenceUploadFields, revokeEvidenceInput } from '../../../contracts/scoring-evidence';
import { LIMITS } from '../../../contracts/limits';
import { AppError } from '../../lib/errors';
import { FILE_KINDS, sendStoredFile, storeUpload } from '../../lib/files';
import { addEvidence, checkUploadTarget, listEvidence, loadReadableEvidence, presentEvidence, revokeEvidence } from './evidence.service';
import { loadReadableSheet } from './sheets.service';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';

async function presentOne(app: AppContext, actor: AuthActor, id: number) {
  const { evidence, sheet } = await loadReadableEvidence(app.db, actor, id);
  return presentEvidence(actor, sheet, evidence);
}

/** A multipart field's value ("criterionCode", "supersedesId") as sent before the file. */
function fieldValue(fields: Record<string, unknown>, name: string): string | undefined {
  const f = fields[name] as { type?: string; value?: unknown } | undefined;
  return f && f.type === 'field' && typeof f.value === 'string' ? f.value : undefined;
}

export const evidenceRoutes = [
  defineRoute({
    method: 'GET',
    url: '/score-sheets/:id/evidence',
    summary: 'Evidence files of a sheet, per criterion (active ones; with includeRevoked=true also superseded and revoked ones)',
    tag: 'scoring',
    params: idParams,
    query: evidenceListQuery,
    response: z.object({ items: z.array(evidenceDto) }),
    async handler({ app, actor, params, query }) {
      const sheet = await loadReadableSheet(app.db, actor, params.id);
      const rows = await listEvidence(app.db, params.id, query.includeRevoked);
      return { items: rows.map((e) => presentEvidence(actor, sheet, e)) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/score-sheets/:id/evidence',
    summary:
      'Attach a file to a criterion of a sheet the unit is still scoring (multipart: criterionCode and optional supersedesId before the file). PDF, DOCX, XLSX, JPEG or PNG by content, at most 10 MB; a replacement supersedes the earlier file',
    tag: 'scoring',
    params: idParams,
    multipart: true,
    response: evidenceDto,
    async handler({ app, actor, req, params }) {
      if (!req.isMultipart()) throw new AppError('VALIDATION', 'file.noFile');
      const file = await req.file({ limits: { fileSize: LIMITS.documentMaxBytes, files: 1, fields: 5 } });
      if (!file) throw new AppError('VALIDATION', 'file.noFile');
      const fields = evidenceUploadFields.parse({ criterionCode: fieldValue(file.fields, 'criterionCode'), supersedesId: fieldValue(file.fields, 'supersedesId') });
      // Refuse before receiving the bytes when the sheet cannot take them.
      try {
        await checkUploadTarget(app.db, actor, params.id, fields.criterionCode);
      } catch (e) {
        file.file.resume();
        throw e;
      }
      const stored = await storeUpload(app.config.dataDir, file.file, { maxBytes: LIMITS.documentMaxBytes, allowed: FILE_KINDS, fileName: file.filename });
      const id = await addEvidence(app, actor, params.id, fields.criterionCode, fields.supersedesId, stored);
      return presentOne(app, actor, id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/score-evidence/:id/file',
    summary: 'Download an evidence file (readers of its sheet), whatever its status',
    tag: 'scoring',
    params: idParams,
    produces: 'application/octet-stream',
    async handler({ app, actor, params, reply }) {
      const { evidence } = await loadReadableEvidence(app.db, actor, params.id);
      return sendStoredFile(reply, app.config.dataDir, evidence);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/score-evidence/:id/revoke',
    summary: 'Withdraw an evidence file with a reason while the sheet is still being scored (the file and its record are kept)',
    tag: 'scoring',
    params: idParams,
    body: revokeEvidenceInput,
    response: evidenceDto,
    async handler({ app, actor, params, body }) {
      await revokeEvidence(app, actor, params.id, body.reason);
      return presentOne(app, actor, params.id);
    },
  }),
];
