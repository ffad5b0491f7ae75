import type { InboxActionKind, InboxStatus, ModerationReason } from '@courtdesk/contracts';
import { ConnectorError } from '../../connectors/connector.js';
import type { Trx } from '../../platform/db/database.js';
import { newId, nowIso } from '../../platform/ids.js';
import { appendAudit } from '../audit/audit.service.js';
import { accountRef, findAccount, withTimeout, type InboxDeps } from './inbox.deps.js';
import type { InboxActionsTable, InboxItemsTable } from './inbox.tables.js';

export const MAX_ATTEMPTS = 5;
const LEASE_MS = 2 * 60_000;

/** The classifier's reasons in one line, for the audit trail and the evidence record. */
export function summariseReasons(item: Pick<InboxItemsTable, 'reasons' | 'categories' | 'verdict'>): string {
  const reasons = JSON.parse(item.reasons) as ModerationReason[];
  if (reasons.length === 0)
    return `Classifier: ${item.verdict ?? 'no verdict'} (${(JSON.parse(item.categories) as string[]).join(', ') || 'no category'}), art. 3.7`;
  const parts = reasons.slice(0, 5).map((r) => `${r.category} “${r.match.slice(0, 60)}” (${r.rule})`);
  return `Classifier (art. 3.7): ${parts.join('; ')}${reasons.length > 5 ? `; +${reasons.length - 5} more` : ''}`;
}

/** A pending action row (pure; for batch inserts). */
export function actionRow(
  item: Pick<InboxItemsTable, 'id' | 'institution_id' | 'account_id'>,
  action: InboxActionKind,
  requestedBy: string | null,
  reason: string,
  payload: Record<string, unknown> = {},
): InboxActionsTable {
  const now = nowIso();
  return {
    id: newId(),
    item_id: item.id,
    institution_id: item.institution_id,
    account_id: item.account_id,
    action,
    requested_by: requestedBy,
    reason: reason.slice(0, 2000),
    payload: JSON.stringify(payload),
    status: 'pending',
    attempts: 0,
    run_at: now,
    locked_until: null,
    last_error: null,
    created_at: now,
    done_at: null,
  };
}

/** Queues a platform call for an item, in the caller's transaction, and marks the item as waiting for it. */
export async function enqueueAction(
  trx: Trx,
  item: Pick<InboxItemsTable, 'id' | 'institution_id' | 'account_id'>,
  action: InboxActionKind,
  requestedBy: string | null,
  reason: string,
  payload: Record<string, unknown> = {},
): Promise<string> {
  const row = actionRow(item, action, requestedBy, reason, payload);
  const { id, created_at: now } = row;
  await trx.insertInto('inbox_actions').values(row).execute();
  if (action !== 'auto_reply' && action !== 'reply')
    await trx.updateTable('inbox_items').set({ pending_action: action, updated_at: now }).where('id', '=', item.id).execute();
  return id;
}

/** Takes the lease on an action that is due (or whose previous runner died); false when someone else has it. */
async function claim(deps: InboxDeps, id: string): Promise<boolean> {
  const now = nowIso();
  const res = await deps.db
    .updateTable('inbox_actions')
    .set((eb) => ({ status: 'running', locked_until: nowIso(new Date(Date.now() + LEASE_MS)), attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', now)]),
        eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now)]),
      ]),
    )
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export type RunOutcome = 'done' | 'retry' | 'failed' | 'skipped';

/**
 * Executes one queued action: lease, platform call OUTSIDE any transaction (with a timeout), then one
 * transaction that records the result on the item, the action and the audit trail. Hides and deletes
 * never run without the evidence copy, which was committed when they were queued.
 */
export async function runAction(deps: InboxDeps, id: string): Promise<RunOutcome> {
  if (!(await claim(deps, id))) return 'skipped';
  const action = await deps.db.selectFrom('inbox_actions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const item = await deps.db.selectFrom('inbox_items').selectAll().where('id', '=', action.item_id).executeTakeFirstOrThrow();
  const account = await findAccount(deps.db, action.account_id);
  let external: string | null = null;
  try {
    if (!account) throw new ConnectorError('The account is no longer in the register.', { retryable: false, code: 'no_account' });
    const connector = deps.connectorFor(account.platform);
    if (!connector) throw new ConnectorError(`No connector for ${account.platform} yet.`, { retryable: false, code: 'no_connector' });
    if (action.action === 'hide' || action.action === 'delete') {
      const evidence = await deps.db.selectFrom('inbox_evidence').select('id').where('item_id', '=', item.id).executeTakeFirst();
      if (!evidence)
        throw new ConnectorError('No evidence copy was saved; refusing to remove the comment.', { retryable: false, code: 'no_evidence' });
    }
    const ref = await accountRef(deps, account);
    const payload = JSON.parse(action.payload) as { text?: string };
    external = await withTimeout(deps.callTimeoutMs, async () => {
      switch (action.action) {
        case 'hide':
          await connector.hideComment(ref, item.external_id, true);
          return null;
        case 'unhide':
          await connector.hideComment(ref, item.external_id, false);
          return null;
        case 'delete':
          await connector.deleteComment(ref, item.external_id);
          return null;
        case 'reply':
          return item.kind === 'comment'
            ? (await connector.replyToComment(ref, item.external_id, payload.text ?? '')).externalId
            : (await connector.sendMessage(ref, item.conversation_id ?? '', payload.text ?? '')).externalId;
        case 'auto_reply':
          return (await connector.sendMessage(ref, item.conversation_id ?? '', payload.text ?? '')).externalId;
      }
    });
  } catch (err) {
    return recordFailure(deps, action, item, err);
  }
  await recordSuccess(deps, action, item, external);
  return 'done';
}

const AFTER: Partial<Record<InboxActionKind, InboxStatus>> = { hide: 'hidden', unhide: 'visible', delete: 'deleted' };
const EVENT: Record<InboxActionKind, string> = {
  hide: 'inbox.comment_hidden',
  unhide: 'inbox.comment_unhidden',
  delete: 'inbox.comment_deleted',
  reply: 'inbox.reply_sent',
  auto_reply: 'inbox.auto_reply_sent',
};

async function recordSuccess(deps: InboxDeps, action: InboxActionsTable, item: InboxItemsTable, external: string | null): Promise<void> {
  const now = nowIso();
  const payload = JSON.parse(action.payload) as { replyId?: string; lang?: string };
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('inbox_actions')
      .set({ status: 'done', done_at: now, locked_until: null, last_error: null })
      .where('id', '=', action.id)
      .execute();
    const status = AFTER[action.action];
    if (status) {
      const categories = JSON.parse(item.categories) as string[];
      const removed = status === 'hidden' || status === 'deleted';
      await trx
        .updateTable('inbox_items')
        .set({
          status,
          pending_action: null,
          note: null,
          updated_at: now,
          removed_at: removed ? (item.removed_at ?? now) : null,
          removed_category: removed ? (item.removed_category ?? categories[0] ?? 'other') : null,
        })
        .where('id', '=', item.id)
        .execute();
    }
    if (payload.replyId)
      await trx
        .updateTable('inbox_replies')
        .set({ status: 'sent', external_id: external, sent_at: now, error: null })
        .where('id', '=', payload.replyId)
        .execute();
    await appendAudit(trx, {
      type: EVENT[action.action] as `${string}.${string}`,
      actorId: action.requested_by,
      institutionId: item.institution_id,
      subjectType: 'inbox_item',
      subjectId: item.id,
      reason: action.reason,
      data: {
        accountId: item.account_id,
        platform: item.platform,
        externalId: item.external_id,
        automatic: action.requested_by === null,
        categories: JSON.parse(item.categories) as string[],
        ...(payload.lang ? { lang: payload.lang } : {}),
        ...(external ? { sentExternalId: external } : {}),
      },
    });
  });
}

async function recordFailure(deps: InboxDeps, action: InboxActionsTable, item: InboxItemsTable, err: unknown): Promise<RunOutcome> {
  const ce = err instanceof ConnectorError ? err : null;
  const timedOut = !!(err && typeof err === 'object' && 'inboxTimeout' in err);
  const message =
    (err instanceof Error ? err.message : String(err)).slice(0, 500) +
    (ce?.opts.platformMessage ? ` — ${ce.opts.platformMessage.slice(0, 300)}` : '');
  const isReply = action.action === 'reply' || action.action === 'auto_reply';
  // A reply that may have gone out is not sent again blindly (it would reach the person twice).
  const uncertainReply = isReply && (timedOut || ce?.opts.maybeApplied === true);
  const retryable = !uncertainReply && (timedOut || (ce ? ce.retryable : true)) && action.attempts < MAX_ATTEMPTS;
  const now = Date.now();
  if (retryable) {
    const backoff = Math.max(ce?.opts.retryAfterMs ?? 0, 2_000 * 2 ** (action.attempts - 1));
    await deps.db
      .updateTable('inbox_actions')
      .set({ status: 'pending', run_at: nowIso(new Date(now + backoff)), locked_until: null, last_error: message })
      .where('id', '=', action.id)
      .execute();
    return 'retry';
  }
  const payload = JSON.parse(action.payload) as { replyId?: string };
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('inbox_actions')
      .set({ status: 'failed', done_at: nowIso(), locked_until: null, last_error: message })
      .where('id', '=', action.id)
      .execute();
    if (!isReply) {
      const back: InboxStatus = action.action === 'unhide' ? 'hidden' : item.status === 'hidden' ? 'hidden' : 'needs_action';
      await trx
        .updateTable('inbox_items')
        .set({ pending_action: null, note: 'action_failed', status: back, updated_at: nowIso() })
        .where('id', '=', item.id)
        .execute();
    }
    if (payload.replyId)
      await trx
        .updateTable('inbox_replies')
        .set({
          status: 'failed',
          error: uncertainReply ? `The platform may have sent it; check before sending again. ${message}` : message,
        })
        .where('id', '=', payload.replyId)
        .execute();
    await appendAudit(trx, {
      type: 'inbox.action_failed',
      actorId: action.requested_by,
      institutionId: item.institution_id,
      subjectType: 'inbox_item',
      subjectId: item.id,
      reason: action.reason,
      data: { action: action.action, attempts: action.attempts, error: message, code: ce?.opts.code ?? (timedOut ? 'timeout' : 'error') },
    });
  });
  return 'failed';
}

/** Runs every due action (bounded), a few at a time; returns how many were attempted. Used by the worker and by tests (`drain`). */
export async function processDueActions(deps: InboxDeps, opts: { limit?: number; concurrency?: number } = {}): Promise<number> {
  const now = nowIso();
  const due = await deps.db
    .selectFrom('inbox_actions')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', now)]),
        eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now)]),
      ]),
    )
    .orderBy('run_at')
    .limit(opts.limit ?? 500)
    .execute();
  const queue = due.map((d) => d.id);
  const workers = Array.from({ length: Math.min(opts.concurrency ?? 8, queue.length) }, async () => {
    for (let id = queue.shift(); id; id = queue.shift()) await runAction(deps, id);
  });
  await Promise.all(workers);
  return due.length;
}
