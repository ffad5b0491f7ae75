import { z } from 'zod';
import { ErrorBody } from '@courtdesk/contracts';
import { mediaLinkKey, verifyMediaLink } from '../../connectors/meta/media-link.js';
import type { App } from '../../platform/http/types.js';
import { NotFoundError } from '../../platform/http/errors.js';

const Params = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) });
const Query = z.object({ exp: z.coerce.number().int(), sig: z.string().min(1).max(100) });

/**
 * `GET /public/connector-media/:sha256` — a photo being published, for the platform that fetches it
 * (Instagram). Only with a valid, unexpired signature (connectors/meta/media-link.ts); anything else is 404.
 */
export async function mediaLinkRoutes(app: App): Promise<void> {
  const { db, config } = app.ctx;
  const key = mediaLinkKey(config.secretKey);
  app.get(
    '/public/connector-media/:sha256',
    {
      schema: {
        tags: ['publishing'],
        params: Params,
        querystring: Query,
        response: { 200: z.unknown().describe('The photo bytes'), 400: ErrorBody, 404: ErrorBody },
        hide: true,
      },
    },
    async (req, reply) => {
      const { sha256 } = req.params;
      if (!verifyMediaLink(key, sha256, req.query.exp, req.query.sig)) throw new NotFoundError('The photo');
      const m = await db.selectFrom('media').select(['mime', 'content']).where('sha256', '=', sha256).executeTakeFirst();
      if (!m) throw new NotFoundError('The photo');
      return reply
        .type(m.mime)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=600')
        .send(Buffer.from(m.content));
    },
  );
}
