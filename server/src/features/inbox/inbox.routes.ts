import { z } from 'zod';
import {
  ErrorBody,
  InboxActionBody,
  InboxBulkBody,
  InboxBulkResult,
  InboxItem,
  InboxItemDetail,
  InboxList,
  InboxListQuery,
  InboxReplyBody,
} from '@courtdesk/contracts';
import type { App } from '../../platform/http/types.js';
import { AppError, NotFoundError } from '../../platform/http/errors.js';
import { requireActor } from '../auth/session.plugin.js';
import { webhookRoutes } from '../webhooks/webhook.routes.js';
import { inboxAccountRoutes } from './inbox.accounts.routes.js';
import { autoReplyRoutes } from './autoreply.routes.js';
import { capabilitiesOf, createInboxDeps, type InboxDeps } from './inbox.deps.js';
import { canViewInbox, type InboxActor } from './inbox.policy.js';
import { presentEvidence, presentItem, presentReply } from './inbox.presenter.js';
import { accountHandles, autoRepliedItems, findItem, listItems, toInboxActor, visibleInstitutionIds } from './inbox.repository.js';
import { actOnItem, replyToItem } from './inbox.service.js';
import type { InboxItemsTable } from './inbox.tables.js';

export const inboxErrors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const Params = z.object({ id: z.string().min(1).max(64) });

/** Presents rows for one actor: account handles, abilities, whether an automatic reply went out. */
export async function presentRows(deps: InboxDeps, a: InboxActor, rows: InboxItemsTable[], full = false): Promise<InboxItem[]> {
  const handles = await accountHandles(
    deps.db,
    rows.map((r) => r.account_id),
  );
  const replied = await autoRepliedItems(
    deps.db,
    rows.filter((r) => r.kind === 'message').map((r) => r.id),
  );
  return rows.map((r) =>
    presentItem(r, {
      handle: handles.get(r.account_id) ?? '',
      actor: a,
      caps: capabilitiesOf(deps, r.platform),
      autoReplied: replied.has(r.id),
      full,
    }),
  );
}

/** The inbox (issue 6): one list of comments and messages across the institution's accounts, and the officer's actions. */
export async function inboxRoutes(app: App): Promise<void> {
  const { db } = app.ctx;
  const deps = createInboxDeps(db);
  const tags = ['inbox'];
  await app.register(webhookRoutes);
  await app.register(inboxAccountRoutes);
  await app.register(autoReplyRoutes);

  app.get(
    '/api/inbox/items',
    { schema: { tags, querystring: InboxListQuery, response: { 200: InboxList, ...inboxErrors } } },
    async (req) => {
      const a = await toInboxActor(db, requireActor(req));
      let ids = await visibleInstitutionIds(db, a);
      if (req.query.institutionId) ids = ids.filter((id) => id === req.query.institutionId);
      const { rows, total, counts } = await listItems(db, ids, req.query);
      return { items: await presentRows(deps, a, rows), total, counts };
    },
  );

  app.get('/api/inbox/items/:id', { schema: { tags, params: Params, response: { 200: InboxItemDetail, ...inboxErrors } } }, async (req) => {
    const a = await toInboxActor(db, requireActor(req));
    const row = await findItem(db, req.params.id);
    if (!row || !canViewInbox(a, row.institution_id)) throw new NotFoundError('The item');
    const [item] = await presentRows(deps, a, [row], true);
    const evidence = await db.selectFrom('inbox_evidence').selectAll().where('item_id', '=', row.id).orderBy('captured_at').execute();
    const replies = await db.selectFrom('inbox_replies').selectAll().where('item_id', '=', row.id).orderBy('created_at').execute();
    const history = await db
      .selectFrom('audit_events')
      .leftJoin('users', 'users.id', 'audit_events.actor_id')
      .select(['audit_events.at', 'audit_events.type', 'audit_events.reason', 'users.name'])
      .where('subject_type', '=', 'inbox_item')
      .where('subject_id', '=', row.id)
      .orderBy('seq')
      .execute();
    return {
      item: item!,
      evidence: evidence.map(presentEvidence),
      replies: replies.map(presentReply),
      history: history.map((h) => ({ at: h.at, type: h.type, actorName: h.name, reason: h.reason })),
    };
  });

  app.post(
    '/api/inbox/items/:id/actions',
    { schema: { tags, params: Params, body: InboxActionBody, response: { 200: InboxItem, ...inboxErrors } } },
    async (req) => {
      const a = await toInboxActor(db, requireActor(req));
      const row = await actOnItem(deps, a, req.params.id, req.body);
      return (await presentRows(deps, a, [row]))[0]!;
    },
  );

  app.post(
    '/api/inbox/items/:id/reply',
    { schema: { tags, params: Params, body: InboxReplyBody, response: { 200: InboxItem, ...inboxErrors } } },
    async (req) => {
      const a = await toInboxActor(db, requireActor(req));
      const row = await replyToItem(deps, a, req.params.id, req.body.text);
      return (await presentRows(deps, a, [row]))[0]!;
    },
  );

  app.post(
    '/api/inbox/bulk',
    { schema: { tags, body: InboxBulkBody, response: { 200: InboxBulkResult, ...inboxErrors } } },
    async (req) => {
      const a = await toInboxActor(db, requireActor(req));
      const results: InboxBulkResult['results'] = [];
      for (const id of [...new Set(req.body.ids)]) {
        try {
          await actOnItem(deps, a, id, { action: req.body.action, reason: req.body.reason });
          results.push({ id, ok: true, code: null, message: null });
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          results.push({ id, ok: false, code: err.code, message: err.message });
        }
      }
      return { results };
    },
  );
}
