import { z } from 'zod';
import { ErrorBody, InboxAccount, InboxPolicyBody, WebhookSecretResponse, type InboxAccount as InboxAccountT } from '@courtdesk/contracts';
import type { App } from '../../platform/http/types.js';
import { ForbiddenError, NotFoundError } from '../../platform/http/errors.js';
import { nowIso } from '../../platform/ids.js';
import { appendAudit } from '../audit/audit.service.js';
import type { AccountsTable } from '../accounts/accounts.tables.js';
import { requireActor } from '../auth/session.plugin.js';
import { PLATFORMS } from '../webhooks/webhook.routes.js';
import { rotateWebhookSecret } from '../webhooks/webhook.service.js';
import { activeAccounts, capabilitiesOf, createInboxDeps, findAccount, type InboxDeps } from './inbox.deps.js';
import { canModerateAccount, canViewInbox, type InboxActor } from './inbox.policy.js';
import { pollAccount } from './inbox.poll.js';
import { toInboxActor, visibleInstitutionIds } from './inbox.repository.js';
import { wakeInbox } from './inbox.wake.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const Params = z.object({ id: z.string().min(1).max(64) });

/** One account as the inbox sees it: what its platform allows, its policy, the poller's state. */
export async function presentInboxAccount(deps: InboxDeps, a: InboxActor, acc: AccountsTable): Promise<InboxAccountT> {
  const caps = capabilitiesOf(deps, acc.platform);
  const policy = await deps.db.selectFrom('inbox_account_policies').select('auto_hide').where('account_id', '=', acc.id).executeTakeFirst();
  const cursors = await deps.db.selectFrom('inbox_cursors').selectAll().where('account_id', '=', acc.id).execute();
  const last =
    cursors
      .map((c) => c.last_polled_at)
      .filter((x): x is string => !!x)
      .sort()
      .pop() ?? null;
  return {
    id: acc.id,
    institutionId: acc.institution_id,
    platform: acc.platform,
    handle: acc.handle,
    connected: deps.connectorFor(acc.platform) !== null,
    capabilities: {
      hide: caps.hideComment,
      delete: caps.deleteComment,
      reply: caps.replyComment,
      privateMessages: caps.privateMessages,
      nativeAutoReply: caps.nativeAutoReply,
      webhook: caps.commentWebhook,
    },
    policy: { autoHide: (policy?.auto_hide ?? 1) === 1 },
    nativeAutoReplyConfigured: acc.auto_reply_configured === 1,
    lastPolledAt: last,
    lastError: cursors.map((c) => c.last_error).find((e) => !!e) ?? null,
    canEditPolicy: canModerateAccount(a, acc.id),
  };
}

/** The accounts' side of the inbox: capabilities and auto-reply support, per-account policy, poll now, webhook secrets. */
export async function inboxAccountRoutes(app: App): Promise<void> {
  const { db, config } = app.ctx;
  const deps = createInboxDeps(db);
  const tags = ['inbox'];

  app.get(
    '/api/inbox/accounts',
    {
      schema: {
        tags,
        querystring: z.object({ institutionId: z.string().max(64).optional() }),
        response: { 200: z.object({ items: z.array(InboxAccount) }), ...errors },
      },
    },
    async (req) => {
      const a = await toInboxActor(db, requireActor(req));
      let ids = await visibleInstitutionIds(db, a);
      if (req.query.institutionId) ids = ids.filter((id) => id === req.query.institutionId);
      const items = await Promise.all((await activeAccounts(db, ids)).map((acc) => presentInboxAccount(deps, a, acc)));
      return { items };
    },
  );

  app.put(
    '/api/inbox/accounts/:id/policy',
    { schema: { tags, params: Params, body: InboxPolicyBody, response: { 200: InboxAccount, ...errors } } },
    async (req) => {
      const a = await toInboxActor(db, requireActor(req));
      const acc = await findAccount(db, req.params.id);
      if (!acc || !canViewInbox(a, acc.institution_id)) throw new NotFoundError('The account');
      if (!canModerateAccount(a, acc.id))
        throw new ForbiddenError('Changing the moderation policy needs the moderate right on this account.');
      await db.transaction().execute(async (trx) => {
        const v = { account_id: acc.id, auto_hide: req.body.autoHide ? 1 : 0, updated_at: nowIso(), updated_by: a.id };
        await trx
          .insertInto('inbox_account_policies')
          .values(v)
          .onConflict((oc) => oc.column('account_id').doUpdateSet({ auto_hide: v.auto_hide, updated_at: v.updated_at, updated_by: a.id }))
          .execute();
        await appendAudit(trx, {
          type: 'inbox.policy_changed',
          actorId: a.id,
          institutionId: acc.institution_id,
          subjectType: 'account',
          subjectId: acc.id,
          data: { autoHide: req.body.autoHide },
        });
      });
      return presentInboxAccount(deps, a, acc);
    },
  );

  app.post(
    '/api/inbox/accounts/:id/poll',
    {
      schema: {
        tags,
        params: Params,
        response: { 200: z.object({ inserted: z.number(), duplicates: z.number(), errors: z.array(z.string()) }), ...errors },
      },
    },
    async (req) => {
      const a = await toInboxActor(db, requireActor(req));
      const acc = await findAccount(db, req.params.id);
      if (!acc || !canViewInbox(a, acc.institution_id)) throw new NotFoundError('The account');
      if (!canModerateAccount(a, acc.id)) throw new ForbiddenError('Fetching comments needs the moderate right on this account.');
      const r = await pollAccount(deps, acc);
      if (r.actionsQueued) wakeInbox();
      return { inserted: r.inserted, duplicates: r.duplicates, errors: r.errors };
    },
  );

  app.put(
    '/api/inbox/webhook-secrets/:platform',
    { schema: { tags, params: z.object({ platform: z.string().max(20) }), response: { 200: WebhookSecretResponse, ...errors } } },
    async (req) => {
      const actor = requireActor(req);
      if (actor.user.position !== 'sysadmin') throw new ForbiddenError('Only a system administrator may set webhook secrets.');
      if (!(PLATFORMS as readonly string[]).includes(req.params.platform)) throw new NotFoundError('The platform');
      return { platform: req.params.platform, secret: await rotateWebhookSecret(db, config, req.params.platform, actor.user.id) };
    },
  );
}
