import { z } from 'zod';
import { ErrorBody, WebhookAccepted, WebhookEvent } from '@courtdesk/contracts';
import type { App } from '../../platform/http/types.js';
import { AppError, ConflictError, NotFoundError, ValidationError } from '../../platform/http/errors.js';
import { wakeInbox } from '../inbox/inbox.wake.js';
import { storeWebhookEvent, webhookSecret } from './webhook.service.js';
import { SIGNATURE_HEADER, verifySignature, withinReplayWindow } from './webhook.signature.js';
import { metaWebhookRoutes } from './meta.webhook.routes.js';

export const PLATFORMS = ['sandbox', 'facebook', 'instagram', 'x', 'youtube', 'linkedin', 'mastodon', 'bluesky'] as const;
const Params = z.object({ platform: z.string().min(1).max(20) });
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody };

/** A 100 KB comment, JSON-escaped, fits comfortably. */
const WEBHOOK_BODY_LIMIT = 512 * 1024;

/**
 * `POST /api/webhooks/:platform` — deliveries from platforms (and the sandbox). Order of checks: known
 * platform (404) → a configured secret (401, fail closed) → HMAC-SHA256 over the RAW body bytes,
 * constant-time (401) → JSON (400) → schema (400) → `sentAt` inside the replay window (409
 * `stale_event`) → stored once per event id: 202 `accepted`, or 200 `duplicate` for a delivery seen
 * before (platforms retry; a 2xx stops them). Processing happens after the answer.
 * Registered in its own plugin so its raw-body parser does not touch other routes.
 */
export async function webhookRoutes(app: App): Promise<void> {
  const { db, config } = app.ctx;
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT }, (_req, body, done) => done(null, body));

  app.post(
    '/api/webhooks/:platform',
    {
      bodyLimit: WEBHOOK_BODY_LIMIT,
      // Platforms deliver bursts (a viral post): the signature check is cheap, so the ceiling is high.
      config: { rateLimit: { max: 30_000, timeWindow: '1 minute' } },
      schema: {
        tags: ['webhooks'],
        description: 'Signed platform deliveries; body is the JSON WebhookEvent, signed in the x-courtdesk-signature header.',
        params: Params,
        response: { 200: WebhookAccepted, 202: WebhookAccepted, ...errors },
      },
    },
    async (req, reply) => {
      const platform = req.params.platform;
      if (!(PLATFORMS as readonly string[]).includes(platform)) throw new NotFoundError('The platform');
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const secret = await webhookSecret(db, config, platform);
      if (!secret) throw new AppError(401, 'webhook_not_configured', 'No webhook secret is configured for this platform.');
      if (!verifySignature(secret, raw, req.headers[SIGNATURE_HEADER]))
        throw new AppError(401, 'signature_invalid', 'The signature does not match the body.');
      let json: unknown;
      try {
        json = JSON.parse(raw.toString('utf8'));
      } catch {
        throw new AppError(400, 'malformed_json', 'The request body is not valid JSON.');
      }
      const parsed = WebhookEvent.safeParse(json);
      if (!parsed.success)
        throw new ValidationError(
          `The event is not valid — ${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
        );
      if (!withinReplayWindow(parsed.data.sentAt))
        throw new ConflictError('The event is older than the replay window (or the clocks disagree).', 'stale_event');
      const status = await storeWebhookEvent(db, platform, parsed.data);
      if (status === 'accepted') wakeInbox();
      return reply.status(status === 'accepted' ? 202 : 200).send({ status, id: parsed.data.id });
    },
  );
  // Meta's own format (Facebook Pages, Instagram): same raw-body parser, translated into the events above.
  await app.register(metaWebhookRoutes);
}
