import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import crypto from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { z } from 'zod';
import { defineRoute } from '../../lib/http';
import { idParams } from '../../../contracts/common';
import { importJob } from '../../../contracts/imports';
import { LIMITS } from '../../../contracts/limits';
import { AppError, notFound } from '../../lib/errors';
import { ensure, orgPolicy } from '../../lib/policy';
import { findOrg } from '../organisations/organisations.repository';
import { assertXlsxSignature, ImportFileError, memberTemplateBuffer } from './xlsx';
import { findJob, presentJob, type ImportJobRow } from './imports.repository';
import type { FastifyRequest } from 'fastify';
import { commitMemberImport, startMemberImport } from './member-import.service';
import { commitAchievementImport, presentAchievementJob, startAchievementImport } from './achievement-import.service';
import { achievementImportJob } from '../../../contracts/achievements';
import { recordTemplateBuffer } from '../achievements/import-sheets';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import { detectFileKind } from '../../lib/files';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Streams the upload to DATA_DIR/uploads (outside the web root), checking size and content. */
async function storeUpload(app: AppContext, file: NodeJS.ReadableStream & { truncated?: boolean }): Promise<string> {
  const dir = path.join(app.config.dataDir, 'uploads');
  await fsp.mkdir(dir, { recursive: true });
  const target = path.join(dir, `${crypto.randomUUID()}.xlsx`);
  let head: Buffer | null = Buffer.alloc(0);
  const sniff = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      if (head) {
        head = Buffer.concat([head, chunk]);
        if (head.length >= 8) {
          try {
            assertXlsxSignature(head);
          } catch (e) {
            return cb(e as Error);
          }
          head = null;
        }
      }
      cb(null, chunk);
    },
    flush(cb) {
      if (head) {
        try {
          assertXlsxSignature(head);
        } catch (e) {
          return cb(e as Error);
        }
      }
      cb();
    },
  });
  const out = fs.createWriteStream(target, { mode: 0o600 });
  try {
    await pipeline(file, sniff, out);
  } catch (e) {
    // A refusal on the first bytes can come before the file is even opened: wait until it is closed, or it would outlive the rm.
    if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
    await fsp.rm(target, { force: true });
    throw e instanceof ImportFileError ? new AppError('UNSUPPORTED_FILE', e.messageKey) : e;
  }
  if (file.truncated) {
    await fsp.rm(target, { force: true });
    throw new AppError('PAYLOAD_TOO_LARGE', 'error.PAYLOAD_TOO_LARGE', { maxMb: Math.round(LIMITS.importMaxBytes / 1048576) });
  }
  // A ZIP that is no workbook (a Word file, a zip bomb, a directory claiming gigabytes) is refused
  // here, from its central directory, before a job starts inflating it.
  if (detectFileKind(await fsp.readFile(target)) !== 'xlsx') {
    await fsp.rm(target, { force: true });
    throw new AppError('UNSUPPORTED_FILE', 'import.file.corrupt');
  }
  return target;
}

/** A job as the API shows it, whatever its kind. */
const presentAny = (app: AppContext, job: ImportJobRow) => (job.kind === 'achievements' ? presentAchievementJob(app, job) : presentJob(job));
const anyJob = z.union([importJob, achievementImportJob]);

/** The import's unit, visible and managed by the actor. */
async function importTarget(app: AppContext, actor: AuthActor, orgId: number) {
  const org = await findOrg(app.db, orgId);
  if (!org) throw notFound();
  ensure(orgPolicy.read(actor, org));
  if (!orgPolicy.createChild(actor, org)) throw new AppError('FORBIDDEN');
  return org;
}

async function receiveFile(app: AppContext, req: FastifyRequest) {
  if (!req.isMultipart()) throw new AppError('VALIDATION', 'import.upload.noFile');
  const file = await req.file();
  if (!file) throw new AppError('VALIDATION', 'import.upload.noFile');
  const stored = await storeUpload(app, file.file);
  return { stored, fileName: (file.filename || 'tep.xlsx').normalize('NFC').slice(0, 200) };
}

async function loadJob(app: AppContext, actor: AuthActor, id: number) {
  const job = await findJob(app.db, id);
  if (!job) throw notFound();
  const org = await findOrg(app.db, Number(job.org_id));
  // A job is visible to its author and to whoever may import into its unit.
  if (!org || (Number(job.user_id) !== actor.userId && !orgPolicy.createChild(actor, org))) throw notFound();
  return job;
}

export const importRoutes = [
  defineRoute({
    method: 'GET',
    url: '/imports/achievements/template.xlsx',
    summary: 'Records import template: a sheet per kind (Khen thưởng, Xếp loại, Sáng kiến…) with headers and an example row',
    tag: 'imports',
    produces: XLSX_TYPE,
    async handler({ reply, locale }) {
      const buf = await recordTemplateBuffer(locale);
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="mau-nhap-khen-thuong-xep-loai.xlsx"`)
        .send(buf);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/imports/achievements',
    summary: 'Upload a records workbook (.xlsx) for the members and units under a unit: validated in the background; poll the job',
    tag: 'imports',
    query: z.object({ orgId: z.coerce.number().int().positive() }),
    multipart: true,
    response: achievementImportJob,
    async handler({ app, actor, req, query }) {
      const org = await importTarget(app, actor, query.orgId);
      const { stored, fileName } = await receiveFile(app, req);
      const jobId = await startAchievementImport(app, actor, org, fileName, stored);
      return presentAchievementJob(app, (await findJob(app.db, jobId))!);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/imports/members/template.xlsx',
    summary: 'Member import template (Vietnamese headers, a sample row, a guide sheet)',
    tag: 'imports',
    produces: XLSX_TYPE,
    async handler({ reply, locale }) {
      const buf = await memberTemplateBuffer(locale);
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="mau-nhap-doan-vien.xlsx"`)
        .send(buf);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/imports/members',
    summary: 'Upload a member file (.xlsx): validation runs in the background; poll the job',
    tag: 'imports',
    query: z.object({ orgId: z.coerce.number().int().positive() }),
    multipart: true,
    response: importJob,
    async handler({ app, actor, req, query }) {
      const org = await findOrg(app.db, query.orgId);
      if (!org) throw notFound();
      ensure(orgPolicy.read(actor, org));
      if (!orgPolicy.createChild(actor, org)) throw new AppError('FORBIDDEN');
      if (!req.isMultipart()) throw new AppError('VALIDATION', 'import.upload.noFile');
      const file = await req.file();
      if (!file) throw new AppError('VALIDATION', 'import.upload.noFile');
      const stored = await storeUpload(app, file.file);
      const fileName = (file.filename || 'tep.xlsx').normalize('NFC').slice(0, 200);
      const jobId = await startMemberImport(app, actor, org, fileName, stored);
      return presentJob((await findJob(app.db, jobId))!);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/imports/:id',
    summary: 'Import job status, progress, counts and row errors',
    tag: 'imports',
    params: idParams,
    response: anyJob,
    handler: async ({ app, actor, params }) => presentAny(app, await loadJob(app, actor, params.id)),
  }),
  defineRoute({
    method: 'POST',
    url: '/imports/:id/commit',
    summary: 'Confirm a validated import: applied all-or-nothing in one transaction',
    tag: 'imports',
    params: idParams,
    response: anyJob,
    async handler({ app, actor, params }) {
      const job = await loadJob(app, actor, params.id);
      const org = await findOrg(app.db, Number(job.org_id));
      if (!org || !orgPolicy.createChild(actor, org)) throw new AppError('FORBIDDEN');
      if (job.kind === 'achievements') await commitAchievementImport(app, actor, job);
      else await commitMemberImport(app, actor, job);
      return presentAny(app, (await findJob(app.db, params.id))!);
    },
  }),
];
