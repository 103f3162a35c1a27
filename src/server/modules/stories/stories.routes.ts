import { storyExportRoutes } from './stories-export';
import { Readable } from 'node:stream';

import { defineRoute } from '../../lib/http';
import { idParams, pageOf } from '../../../contracts/common';
import {
  createStoryInput, creditListItemDto, revokeInput, STORY_LIMITS, storyConsentInput, storyCreditInput, storyCreditListQuery, storyDto, storyListQuery, storyListResult, storyPhotoFields,
  storyReasonInput, storyVersionInput, updateStoryInput,
} from '../../../contracts/stories';
import { AppError } from '../../lib/errors';
import { openStored, storeUpload } from '../../lib/files';
import {
  addCredit, addPhoto, checkPhotoTarget, createStory, getStory, listCredits, listStories, publicPhoto, publishStory, readablePhoto, recordConsent, returnStory, revokeCredit, revokePhoto,
  submitStory, updateStory, withdrawStory,
} from './stories.service';
import { reencodePhoto } from './photos';

const TAG = 'stories';

/** A multipart field's value ("altText", "caption") as sent before the file. */
function fieldValue(fields: Record<string, unknown>, name: string): string | undefined {
  const f = fields[name] as { type?: string; value?: unknown } | undefined;
  return f && f.type === 'field' && typeof f.value === 'string' ? f.value : undefined;
}

/** Sends a kept photo inline (an image, never HTML): its type, size and content hash, no sniffing. */
function sendPhoto(reply: { header(name: string, value: string): unknown; send(payload: unknown): unknown }, dataDir: string, p: { mime_type: string; size_bytes: number; sha256: string; stored_path: string }, cache: string) {
  reply.header('content-type', p.mime_type);
  reply.header('content-length', String(p.size_bytes));
  reply.header('x-content-type-options', 'nosniff');
  reply.header('content-disposition', 'inline');
  reply.header('cache-control', cache);
  reply.header('etag', `"${p.sha256}"`);
  return reply.send(openStored(dataDir, p.stored_path));
}

export const storyRoutes = [
  ...storyExportRoutes,
  defineRoute({
    method: 'GET',
    url: '/stories',
    summary: 'Exemplary stories of the organisations in scope, latest change first; q searches title and subject ignoring diacritics; counts per status',
    tag: TAG,
    query: storyListQuery,
    response: storyListResult,
    handler: ({ app, actor, query }) => listStories(app.db, actor, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/stories',
    summary: 'Write a story draft about a member, a unit or a named person (managers of the organisation); the slug comes from the title',
    tag: TAG,
    body: createStoryInput,
    response: storyDto,
    async handler({ app, actor, body, reply }) {
      const id = await createStory(app, actor, body);
      reply.status(201);
      return getStory(app.db, actor, id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/stories/:id',
    summary: 'A story with its photos, credits, consent and — for its managers — anything personal that would stop publication',
    tag: TAG,
    params: idParams,
    response: storyDto,
    handler: ({ app, actor, params }) => getStory(app.db, actor, params.id),
  }),
  ...(
    [
      ['update', updateStoryInput, updateStory, 'Change the subject, text and links of a story not yet published (optimistic version)'],
      ['submit', storyVersionInput, submitStory, 'Send a draft (or a withdrawn story) for review'],
      ['return', storyReasonInput, returnStory, 'Return a story under review to its writers with the reason'],
      ['publish', storyVersionInput, publishStory, 'Publish a reviewed story on the public site: refused without the subject’s consent or with anything personal in it (the error lists what)'],
      ['withdraw', storyReasonInput, withdrawStory, 'Take a published story off the public site with the reason'],
      ['consent', storyConsentInput, recordConsent, 'Record the subject’s consent to publication (date, how it was given, note) before publishing'],
    ] as const
  ).map(([verb, body, action, summary]) =>
    defineRoute({
      method: 'POST',
      url: `/stories/:id/${verb}`,
      summary,
      tag: TAG,
      params: idParams,
      body,
      response: storyDto,
      async handler({ app, actor, params, body: input }) {
        await (action as (a: typeof app, b: typeof actor, id: number, i: typeof input) => Promise<void>)(app, actor, params.id, input);
        return getStory(app.db, actor, params.id);
      },
    }),
  ),
  defineRoute({
    method: 'POST',
    url: '/stories/:id/photos',
    summary: `Add a photo (multipart: altText and optional caption before the file). JPEG or PNG by content, at most 10 MB; re-encoded as JPEG within ${STORY_LIMITS.photoMaxSide} px without any metadata; at most ${STORY_LIMITS.photosMax} per story`,
    tag: TAG,
    params: idParams,
    multipart: true,
    response: storyDto,
    async handler({ app, actor, req, params }) {
      if (!req.isMultipart()) throw new AppError('VALIDATION', 'file.noFile');
      const file = await req.file({ limits: { fileSize: STORY_LIMITS.photoMaxBytes, files: 1, fields: 4 } });
      if (!file) throw new AppError('VALIDATION', 'file.noFile');
      try {
        const fields = storyPhotoFields.parse({ altText: fieldValue(file.fields, 'altText') ?? '', caption: fieldValue(file.fields, 'caption') });
        // Refuse before receiving the bytes when the story cannot take them.
        await checkPhotoTarget(app.db, actor, params.id);
        const upload = await file.toBuffer();
        const photo = await reencodePhoto(upload);
        const stored = await storeUpload(app.config.dataDir, Readable.from(photo.data), { maxBytes: STORY_LIMITS.photoMaxBytes, allowed: ['jpeg'], fileName: 'anh.jpg' });
        await addPhoto(app, actor, params.id, { ...fields, width: photo.width, height: photo.height }, stored);
      } catch (e) {
        file.file.resume();
        if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('PAYLOAD_TOO_LARGE', 'error.PAYLOAD_TOO_LARGE', { maxMb: Math.round(STORY_LIMITS.photoMaxBytes / 1048576) });
        throw e;
      }
      return getStory(app.db, actor, params.id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/story-photos/:id',
    summary: 'A story photo (staff reading the story’s organisation), whatever its status',
    tag: TAG,
    params: idParams,
    produces: 'image/jpeg',
    async handler({ app, actor, params, reply }) {
      return sendPhoto(reply, app.config.dataDir, await readablePhoto(app.db, actor, params.id), 'private, max-age=300');
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/story-photos/:id/revoke',
    summary: 'Remove a photo from its story and the public site with the reason (the row and the file are kept)',
    tag: TAG,
    params: idParams,
    body: revokeInput,
    response: storyDto,
    async handler({ app, actor, params, body }) {
      return getStory(app.db, actor, await revokePhoto(app, actor, params.id, body.reason));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/public/story-photos/:id',
    summary: 'A photo of a published story (no login); 404 for a removed photo or a story not (or no longer) published',
    tag: 'public',
    auth: 'public',
    params: idParams,
    produces: 'image/jpeg',
    async handler({ app, params, reply }) {
      // The bytes behind an id never change: caches may keep them for a week.
      return sendPhoto(reply, app.config.dataDir, await publicPhoto(app.db, params.id), 'public, max-age=604800');
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/stories/:id/credits',
    summary: 'Credit who discovered, wrote or publicised the story: a member in the organisation’s subtree or a name',
    tag: TAG,
    params: idParams,
    body: storyCreditInput,
    response: storyDto,
    async handler({ app, actor, params, body, reply }) {
      await addCredit(app, actor, params.id, body);
      reply.status(201);
      return getStory(app.db, actor, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/story-credits/:id/revoke',
    summary: 'Revoke a credit with the reason (kept in the story’s history)',
    tag: TAG,
    params: idParams,
    body: revokeInput,
    response: storyDto,
    async handler({ app, actor, params, body }) {
      return getStory(app.db, actor, await revokeCredit(app, actor, params.id, body.reason));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/story-credits',
    summary: 'Active credits of stories and models in scope by organisation (subtree), person and year (of publication, or of the credit): who to thank for discovering, writing, fostering and publicising',
    tag: TAG,
    query: storyCreditListQuery,
    response: pageOf(creditListItemDto),
    handler: ({ app, actor, query }) => listCredits(app.db, actor, query),
  }),
];

