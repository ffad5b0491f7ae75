import type { InboxActionBody } from '@courtdesk/contracts';
import { forUpdate } from '../../platform/db/database.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/http/errors.js';
import { newId, nowIso } from '../../platform/ids.js';
import { appendAudit } from '../audit/audit.service.js';
import { captureEvidence } from './inbox.evidence.js';
import { capabilitiesOf, findAccount, type InboxDeps } from './inbox.deps.js';
import { enqueueAction, runAction, summariseReasons } from './inbox.outbox.js';
import { canDelete, canHide, canKeep, canModerateAccount, canReply, canUnhide, canViewInbox, type InboxActor } from './inbox.policy.js';
import type { InboxItemsTable } from './inbox.tables.js';

/**
 * An officer's decision on one item. The decision, the evidence copy (before a hide or delete) and the
 * queued platform call commit together; the platform is then called outside the transaction. If the
 * call fails in a way worth retrying, the worker retries it and the item shows the pending action.
 */
export async function actOnItem(deps: InboxDeps, a: InboxActor, itemId: string, body: InboxActionBody): Promise<InboxItemsTable> {
  const actionId = await deps.db.transaction().execute(async (trx) => {
    const item = await forUpdate(trx, trx.selectFrom('inbox_items').selectAll().where('id', '=', itemId)).executeTakeFirst();
    if (!item || !canViewInbox(a, item.institution_id)) throw new NotFoundError('The item');
    if (!canModerateAccount(a, item.account_id))
      throw new ForbiddenError(
        'Moderating this account needs a decision that makes you its Responsible Officer or editor (art. 3.1, 3.7).',
      );
    if (item.pending_action) throw new ConflictError('An action on this item is still in progress.', 'action_pending');
    const account = await findAccount(trx, item.account_id);
    if (!account) throw new NotFoundError('The account');
    const caps = capabilitiesOf(deps, account.platform);
    const flagged = item.verdict === 'remove' || item.verdict === 'review';
    const officerReason = body.reason?.trim();
    switch (body.action) {
      case 'keep': {
        if (!canKeep(a, item)) throw new ConflictError('Only comments waiting for review or for a decision can be kept.', 'invalid_state');
        const reason = officerReason || 'Reviewed by an officer: no breach of art. 3.7.';
        await trx
          .updateTable('inbox_items')
          .set({ status: 'visible', note: null, updated_at: nowIso() })
          .where('id', '=', item.id)
          .execute();
        await appendAudit(trx, {
          type: 'inbox.comment_kept',
          actorId: a.id,
          institutionId: item.institution_id,
          subjectType: 'inbox_item',
          subjectId: item.id,
          reason,
          data: { accountId: item.account_id, verdict: item.verdict, categories: JSON.parse(item.categories) as string[] },
        });
        return null;
      }
      case 'hide':
      case 'delete': {
        const allowed = body.action === 'hide' ? canHide(a, item, caps) : canDelete(a, item, caps);
        if (!allowed) {
          if (item.kind === 'comment' && item.status !== 'own' && !(body.action === 'hide' ? caps.hideComment : caps.deleteComment)) {
            throw new ConflictError(
              `${account.platform} does not allow this through its API; act on the platform itself.`,
              'unsupported_by_platform',
            );
          }
          throw new ConflictError('This item cannot be changed that way in its current state.', 'invalid_state');
        }
        // Removing speech the classifier did not flag needs the officer's own reason (threat model: the public's speech).
        if (!flagged && !officerReason) throw new ValidationError('Give a reason for removing a comment the classifier did not flag.');
        const reason = officerReason ? `Officer: ${officerReason}` : summariseReasons(item);
        await captureEvidence(trx, item, account.handle, reason, a.id);
        return enqueueAction(trx, item, body.action, a.id, reason);
      }
      case 'unhide': {
        if (!canUnhide(a, item, caps)) throw new ConflictError('Only a hidden comment can be shown again.', 'invalid_state');
        return enqueueAction(trx, item, 'unhide', a.id, officerReason ? `Officer: ${officerReason}` : 'Officer: shown again after review.');
      }
    }
  });
  if (actionId) await runAction(deps, actionId);
  return (await deps.db.selectFrom('inbox_items').selectAll().where('id', '=', itemId).executeTakeFirst())!;
}

/** An officer's reply: to a comment (public) or in a private conversation; logged and audited once sent. */
export async function replyToItem(deps: InboxDeps, a: InboxActor, itemId: string, text: string): Promise<InboxItemsTable> {
  const actionId = await deps.db.transaction().execute(async (trx) => {
    const item = await trx.selectFrom('inbox_items').selectAll().where('id', '=', itemId).executeTakeFirst();
    if (!item || !canViewInbox(a, item.institution_id)) throw new NotFoundError('The item');
    if (!canModerateAccount(a, item.account_id))
      throw new ForbiddenError('Replying for this account needs a decision that makes you its Responsible Officer or editor.');
    const account = await findAccount(trx, item.account_id);
    if (!account) throw new NotFoundError('The account');
    if (!canReply(a, item, capabilitiesOf(deps, account.platform)))
      throw new ConflictError(`${account.platform} does not allow replying to this through its API.`, 'unsupported_by_platform');
    const replyId = newId();
    await trx
      .insertInto('inbox_replies')
      .values({
        id: replyId,
        item_id: item.id,
        institution_id: item.institution_id,
        account_id: item.account_id,
        kind: 'officer',
        conversation_id: item.conversation_id,
        lang: null,
        text,
        status: 'queued',
        external_id: null,
        error: null,
        sent_by: a.id,
        created_at: nowIso(),
        sent_at: null,
      })
      .execute();
    return enqueueAction(trx, item, 'reply', a.id, 'Officer reply', { replyId, text });
  });
  await runAction(deps, actionId);
  return (await deps.db.selectFrom('inbox_items').selectAll().where('id', '=', itemId).executeTakeFirst())!;
}
