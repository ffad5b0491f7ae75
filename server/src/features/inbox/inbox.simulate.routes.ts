import { z } from 'zod';
import { ErrorBody } from '@courtdesk/contracts';
import type { App } from '../../platform/http/types.js';
import { ForbiddenError, NotFoundError } from '../../platform/http/errors.js';
import { nowIso } from '../../platform/ids.js';
import { sandbox } from '../../connectors/sandbox/index.js';
import { requireActor } from '../auth/session.plugin.js';
import { canViewInstitution } from '../institutions/institutions.policy.js';
import { toPolicyActor } from '../institutions/institutions.repository.js';
import { rotateWebhookSecret, webhookSecret } from '../webhooks/webhook.service.js';
import { deliver } from './inbox.demo.js';

const Body = z.object({
  accountId: z.string().min(1).max(64),
  kind: z.enum(['comment', 'message']),
  authorHandle: z.string().trim().min(1).max(100),
  authorName: z.string().trim().max(100).default(''),
  text: z.string().min(1).max(20_000),
});

/**
 * Demo mode only: make the built-in sandbox platform receive a comment or private message on one of the
 * institution's sandbox accounts, delivered to Courtdesk by a signed webhook exactly as a platform would.
 * Lets a new user (and the end-to-end tests) try moderation and the automatic reply with their own words.
 */
export async function inboxSimulateRoutes(app: App): Promise<void> {
  const { db, config } = app.ctx;
  app.post(
    '/api/inbox/sandbox/simulate',
    {
      schema: {
        tags: ['inbox'],
        body: Body,
        response: {
          202: z.object({ externalId: z.string(), conversationId: z.string().nullable() }),
          400: ErrorBody,
          401: ErrorBody,
          403: ErrorBody,
          404: ErrorBody,
        },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      if (config.mode !== 'demo') throw new ForbiddenError('Simulated traffic exists only in demo mode.', 'demo_only');
      const pa = await toPolicyActor(db, actor);
      const account = await db
        .selectFrom('accounts')
        .select(['id', 'institution_id', 'platform', 'external_id', 'handle'])
        .where('id', '=', req.body.accountId)
        .executeTakeFirst();
      if (!account || !canViewInstitution(pa, account.institution_id)) throw new NotFoundError('The account');
      if (account.platform !== 'sandbox') throw new ForbiddenError('Only sandbox accounts can receive simulated traffic.', 'not_sandbox');
      const ext = account.external_id ?? account.handle;
      const at = nowIso();
      const t = { handle: req.body.authorHandle, name: req.body.authorName, text: req.body.text };
      const isMessage = req.body.kind === 'message';
      const made = isMessage
        ? await sandbox.addMessage(db, ext, { senderHandle: t.handle, senderName: t.name, text: t.text, createdAt: at })
        : await sandbox.addComment(db, ext, {
            postExternalId: `${ext}-post-1`,
            authorHandle: t.handle,
            authorName: t.name,
            text: t.text,
            createdAt: at,
          });
      const secret = (await webhookSecret(db, config, 'sandbox')) ?? (await rotateWebhookSecret(db, config, 'sandbox', null));
      // Delivered after the answer, as a platform's webhook would arrive.
      setImmediate(() => void deliver(app.ctx, secret, ext, isMessage, made, t, at));
      return reply.status(202).send({
        externalId: made.externalId,
        conversationId: 'conversationId' in made && typeof made.conversationId === 'string' ? made.conversationId : null,
      });
    },
  );
}
