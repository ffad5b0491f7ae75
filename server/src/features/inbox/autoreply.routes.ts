import { z } from 'zod';
import {
  AutoReplyLogEntry,
  AutoReplySettings,
  AutoReplyUpdateBody,
  ErrorBody,
  TransparencyQuery,
  TransparencyReport,
} from '@courtdesk/contracts';
import type { App } from '../../platform/http/types.js';
import { ForbiddenError, NotFoundError } from '../../platform/http/errors.js';
import { requireActor } from '../auth/session.plugin.js';
import { DEFAULT_AUTO_REPLY } from './autoreply.texts.js';
import { loadAutoReply, saveAutoReply, type AutoReplyConfig } from './autoreply.service.js';
import { activeAccounts } from './inbox.deps.js';
import { canEditAutoReply, canViewInbox, type InboxActor } from './inbox.policy.js';
import { transparencyReport } from './inbox.report.js';
import { toInboxActor } from './inbox.repository.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const InstQuery = z.object({ institutionId: z.string().min(1).max(64) });

/** The automatic reply (art. 3.8–3.9), its log, and the transparency report. */
export async function autoReplyRoutes(app: App): Promise<void> {
  const { db } = app.ctx;
  const tags = ['inbox'];

  async function editable(a: InboxActor, institutionId: string): Promise<boolean> {
    const accounts = await activeAccounts(db, [institutionId]);
    return canEditAutoReply(
      a,
      institutionId,
      accounts.map((x) => x.id),
    );
  }
  const present = (c: AutoReplyConfig, canEdit: boolean) => ({ ...c, defaults: DEFAULT_AUTO_REPLY, canEdit });

  app.get(
    '/api/inbox/autoreply',
    { schema: { tags, querystring: InstQuery, response: { 200: AutoReplySettings, ...errors } } },
    async (req) => {
      const a = await toInboxActor(db, requireActor(req));
      if (!canViewInbox(a, req.query.institutionId)) throw new NotFoundError('The institution');
      return present(await loadAutoReply(db, req.query.institutionId), await editable(a, req.query.institutionId));
    },
  );

  app.put(
    '/api/inbox/autoreply',
    { schema: { tags, body: AutoReplyUpdateBody, response: { 200: AutoReplySettings, ...errors } } },
    async (req) => {
      const a = await toInboxActor(db, requireActor(req));
      if (!canViewInbox(a, req.body.institutionId)) throw new NotFoundError('The institution');
      if (!(await editable(a, req.body.institutionId)))
        throw new ForbiddenError(
          'The automatic reply is drafted by the Responsible Officer (art. 3.8), the president or the information officer.',
        );
      return present(await saveAutoReply(db, a.id, req.body), true);
    },
  );

  app.get(
    '/api/inbox/autoreply/log',
    {
      schema: {
        tags,
        querystring: InstQuery.extend({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: z.object({ items: z.array(AutoReplyLogEntry) }), ...errors },
      },
    },
    async (req) => {
      const a = await toInboxActor(db, requireActor(req));
      if (!canViewInbox(a, req.query.institutionId)) throw new NotFoundError('The institution');
      const rows = await db
        .selectFrom('inbox_replies')
        .innerJoin('accounts', 'accounts.id', 'inbox_replies.account_id')
        .select([
          'inbox_replies.id',
          'accounts.handle',
          'accounts.platform',
          'inbox_replies.conversation_id',
          'inbox_replies.lang',
          'inbox_replies.status',
          'inbox_replies.error',
          'inbox_replies.created_at',
          'inbox_replies.sent_at',
        ])
        .where('inbox_replies.institution_id', '=', req.query.institutionId)
        .where('inbox_replies.kind', '=', 'auto')
        .orderBy('inbox_replies.created_at', 'desc')
        .limit(req.query.limit)
        .execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          accountHandle: r.handle,
          platform: r.platform,
          conversationId: r.conversation_id,
          lang: r.lang,
          status: r.status,
          error: r.error,
          createdAt: r.created_at,
          sentAt: r.sent_at,
        })),
      };
    },
  );

  app.get(
    '/api/inbox/report',
    { schema: { tags, querystring: TransparencyQuery, response: { 200: TransparencyReport, ...errors } } },
    async (req) => {
      const a = await toInboxActor(db, requireActor(req));
      if (!canViewInbox(a, req.query.institutionId)) throw new NotFoundError('The institution');
      return transparencyReport(db, req.query.institutionId, req.query.months);
    },
  );
}
