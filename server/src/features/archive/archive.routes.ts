import { z } from 'zod';
import { ArchiveEntry, ErrorBody } from '@courtdesk/contracts';
import type { App } from '../../platform/http/types.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { requireActor } from '../auth/session.plugin.js';
import { canViewInstitution } from '../institutions/institutions.policy.js';
import { toPolicyActor } from '../institutions/institutions.repository.js';
import { archiveToCsv, listArchive, type ArchivedContent } from './archive.service.js';
import type { ArchiveEntriesTable } from './archive.tables.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const Query = z.object({
  institutionId: z.string().min(1).max(64),
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
});

function present(r: ArchiveEntriesTable): ArchiveEntry {
  return {
    id: r.id,
    institutionId: r.institution_id,
    postId: r.post_id,
    accountId: r.account_id,
    platform: r.platform,
    kind: r.kind,
    externalId: r.external_id,
    url: r.url,
    contentHash: r.content_hash,
    text: (JSON.parse(r.content) as ArchivedContent).text,
    at: r.at,
  };
}

/** The archive of what went out; export as JSON (full snapshots) or CSV. */
export async function archiveRoutes(app: App): Promise<void> {
  const { db } = app.ctx;
  const tags = ['archive'];
  async function rows(req: { query: z.infer<typeof Query> } & Parameters<typeof requireActor>[0]) {
    const pa = await toPolicyActor(db, requireActor(req));
    if (!canViewInstitution(pa, req.query.institutionId)) throw new NotFoundError('The institution');
    return listArchive(db, [req.query.institutionId], { from: req.query.from, to: req.query.to });
  }

  app.get(
    '/api/archive',
    { schema: { tags, querystring: Query, response: { 200: z.object({ items: z.array(ArchiveEntry) }), ...errors } } },
    async (req) => ({ items: (await rows(req)).map(present) }),
  );

  app.get(
    '/api/archive/export.json',
    { schema: { tags, querystring: Query, response: { 200: z.string(), ...errors } } },
    async (req, reply) => {
      const list = await rows(req);
      const body = {
        institutionId: req.query.institutionId,
        exportedAt: new Date().toISOString(),
        entries: list.map((r) => ({ ...present(r), content: JSON.parse(r.content) as unknown })),
      };
      return reply
        .header('content-disposition', `attachment; filename="archive-${req.query.institutionId}.json"`)
        .type('application/json')
        .send(JSON.stringify(body, null, 2));
    },
  );

  app.get(
    '/api/archive/export.csv',
    { schema: { tags, querystring: Query, response: { 200: z.string(), ...errors } } },
    async (req, reply) => {
      const list = await rows(req);
      return reply
        .header('content-disposition', `attachment; filename="archive-${req.query.institutionId}.csv"`)
        .type('text/csv; charset=utf-8')
        .send('\uFEFF' + archiveToCsv(list));
    },
  );
}
