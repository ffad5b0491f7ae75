import { z } from 'zod';
import { ErrorBody } from '@courtdesk/contracts';
import type { App } from '../../platform/http/types.js';
import { AppError, ValidationError } from '../../platform/http/errors.js';
import { safeEqual } from '../../platform/ids.js';
import { wakeInbox } from '../inbox/inbox.wake.js';
import { storeWebhookEvent, webhookSecret } from './webhook.service.js';
import { verifySignature } from './webhook.signature.js';
import { MetaDelivery, metaEvents } from './meta.webhook.js';

/** Meta signs the raw body with the app secret: `X-Hub-Signature-256: sha256=<hex>`. */
export const META_SIGNATURE_HEADER = 'x-hub-signature-256';

const VerifyQuery = z.object({
  'hub.mode': z.string().max(40),
  'hub.verify_token': z.string().max(500),
  'hub.challenge': z.string().max(500),
});
const MetaAccepted = z.object({ status: z.literal('ok'), accepted: z.number(), duplicates: z.number(), ignored: z.number() });
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };

/**
 * The Meta app's webhook secrets: the app secret (HMAC key) and the verify token (subscription
 * handshake). From the environment (COURTDESK_META_APP_SECRET, COURTDESK_META_VERIFY_TOKEN), else the
 * sealed webhook secrets stored for `meta` and `meta-verify`. None configured: everything is refused.
 */
async function metaSecrets(app: App): Promise<{ appSecret: string | null; verifyToken: string | null }> {
  const { db, config } = app.ctx;
  return {
    appSecret: process.env.COURTDESK_META_APP_SECRET || (await webhookSecret(db, config, 'meta')),
    verifyToken: process.env.COURTDESK_META_VERIFY_TOKEN || (await webhookSecret(db, config, 'meta-verify')),
  };
}

/**
 * `GET /api/webhooks/meta` — the subscription handshake: echo `hub.challenge` as text when the verify
 * token matches. `POST /api/webhooks/meta` — deliveries for Pages and Instagram: signature over the raw
 * bytes (401) → JSON (400) → shape (400) → each comment/message stored once by its platform id → 200
 * (Meta retries anything else). Registered inside the webhook plugin, which keeps bodies raw.
 */
export async function metaWebhookRoutes(app: App): Promise<void> {
  app.get(
    '/api/webhooks/meta',
    { schema: { tags: ['webhooks'], querystring: VerifyQuery, response: { 200: z.string(), ...errors } } },
    async (req, reply) => {
      const { verifyToken } = await metaSecrets(app);
      if (!verifyToken) throw new AppError(401, 'webhook_not_configured', 'No Meta verify token is configured.');
      if (req.query['hub.mode'] !== 'subscribe' || !safeEqual(req.query['hub.verify_token'], verifyToken))
        throw new AppError(403, 'verify_token_mismatch', 'The verify token does not match.');
      return reply.type('text/plain').send(req.query['hub.challenge']);
    },
  );

  app.post(
    '/api/webhooks/meta',
    {
      config: { rateLimit: { max: 30_000, timeWindow: '1 minute' } },
      schema: {
        tags: ['webhooks'],
        description: 'Meta (Facebook Pages, Instagram) deliveries, signed with X-Hub-Signature-256 over the raw body.',
        response: { 200: MetaAccepted, ...errors },
      },
    },
    async (req) => {
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const { appSecret } = await metaSecrets(app);
      if (!appSecret) throw new AppError(401, 'webhook_not_configured', 'No Meta app secret is configured.');
      if (!verifySignature(appSecret, raw, req.headers[META_SIGNATURE_HEADER]))
        throw new AppError(401, 'signature_invalid', 'The signature does not match the body.');
      let json: unknown;
      try {
        json = JSON.parse(raw.toString('utf8'));
      } catch {
        throw new AppError(400, 'malformed_json', 'The request body is not valid JSON.');
      }
      const parsed = MetaDelivery.safeParse(json);
      if (!parsed.success)
        throw new ValidationError(
          `The delivery is not valid — ${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
        );
      const { platform, events, ignored } = metaEvents(parsed.data);
      let accepted = 0;
      for (const e of events) if ((await storeWebhookEvent(app.ctx.db, platform, e)) === 'accepted') accepted++;
      if (accepted) wakeInbox();
      return { status: 'ok' as const, accepted, duplicates: events.length - accepted, ignored };
    },
  );
}
