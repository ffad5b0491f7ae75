import multipart from '@fastify/multipart';
import { z } from 'zod';
import { ErrorBody, Media, MEDIA_LIMITS, MediaProvenanceBody } from '@courtdesk/contracts';
import type { App } from '../../platform/http/types.js';
import { NotFoundError, ValidationError } from '../../platform/http/errors.js';
import { requireActor } from '../auth/session.plugin.js';
import { canViewInstitution } from '../institutions/institutions.policy.js';
import { toPolicyActor } from '../institutions/institutions.repository.js';
import { findMediaMeta, MEDIA_META_COLUMNS, PayloadTooLargeError, presentMedia, updateProvenance, uploadMedia } from './media.service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 413: ErrorBody };
const Params = z.object({ id: z.string().min(1).max(64) });
const InstQuery = z.object({ institutionId: z.string().min(1).max(64) });

export async function mediaRoutes(app: App): Promise<void> {
  const { db } = app.ctx;
  const tags = ['media'];
  // Scoped to this plugin; the limit is the largest accepted file (videos), images are checked after sniffing.
  await app.register(multipart, { limits: { fileSize: MEDIA_LIMITS.maxVideoBytes, files: 1, fields: 5 } });

  app.post(
    '/api/media',
    { schema: { tags, querystring: InstQuery, consumes: ['multipart/form-data'], response: { 201: Media, ...errors } } },
    async (req, reply) => {
      const pa = await toPolicyActor(db, requireActor(req));
      if (!canViewInstitution(pa, req.query.institutionId)) throw new NotFoundError('The institution');
      if (!req.isMultipart()) throw new ValidationError('Send the file as multipart/form-data.');
      const file = await req.file();
      if (!file) throw new ValidationError('No file was sent.');
      let bytes: Buffer;
      try {
        bytes = await file.toBuffer();
      } catch {
        throw new PayloadTooLargeError(
          `The file is larger than ${Math.round(MEDIA_LIMITS.maxVideoBytes / 1024 / 1024)} MB, the most Courtdesk accepts.`,
        );
      }
      const row = await uploadMedia(db, pa, req.query.institutionId, { bytes, filename: file.filename || 'file' });
      return reply.status(201).send(presentMedia(row, pa));
    },
  );

  app.get(
    '/api/media',
    { schema: { tags, querystring: InstQuery, response: { 200: z.object({ items: z.array(Media) }), ...errors } } },
    async (req) => {
      const pa = await toPolicyActor(db, requireActor(req));
      if (!canViewInstitution(pa, req.query.institutionId)) throw new NotFoundError('The institution');
      const rows = await db
        .selectFrom('media')
        .select(MEDIA_META_COLUMNS)
        .where('institution_id', '=', req.query.institutionId)
        .orderBy('created_at', 'desc')
        .limit(500)
        .execute();
      return { items: rows.map((r) => presentMedia(r, pa)) };
    },
  );

  app.get('/api/media/:id', { schema: { tags, params: Params, response: { 200: Media, ...errors } } }, async (req) => {
    const pa = await toPolicyActor(db, requireActor(req));
    const m = await findMediaMeta(db, req.params.id);
    if (!m || !canViewInstitution(pa, m.institution_id)) throw new NotFoundError('The photo or video');
    return presentMedia(m, pa);
  });

  app.put(
    '/api/media/:id/provenance',
    { schema: { tags, params: Params, body: MediaProvenanceBody, response: { 200: Media, ...errors } } },
    async (req) => {
      const pa = await toPolicyActor(db, requireActor(req));
      await updateProvenance(db, pa, req.params.id, req.body);
      return presentMedia((await findMediaMeta(db, req.params.id))!, pa);
    },
  );

  for (const which of ['file', 'thumbnail'] as const) {
    app.get(`/api/media/:id/${which}`, { schema: { tags, params: Params, hide: true } }, async (req, reply) => {
      const pa = await toPolicyActor(db, requireActor(req));
      const m = await db
        .selectFrom('media')
        .select(['institution_id', 'mime', 'content', 'thumbnail'])
        .where('id', '=', req.params.id)
        .executeTakeFirst();
      if (!m || !canViewInstitution(pa, m.institution_id)) throw new NotFoundError('The photo or video');
      const body = which === 'file' ? m.content : m.thumbnail;
      if (!body) throw new NotFoundError('The thumbnail');
      return reply
        .type(which === 'file' ? m.mime : 'image/webp')
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=3600')
        .header('content-disposition', 'inline')
        .send(Buffer.from(body));
    });
  }
}
