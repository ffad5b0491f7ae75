import type { InboxItem, InboxReply, ModerationReason, Evidence } from '@courtdesk/contracts';
import type { ConnectorCapabilities } from '../../connectors/connector.js';
import { evidenceIntact } from './inbox.evidence.js';
import { canDelete, canHide, canKeep, canReply, canUnhide, type InboxActor } from './inbox.policy.js';
import type { InboxEvidenceTable, InboxItemsTable, InboxRepliesTable } from './inbox.tables.js';

/** Text shown in lists; the detail view carries the full text. */
export const LIST_TEXT_LIMIT = 4_000;

/** An item with the actor's abilities; `full` keeps the whole text (detail view). Text is data — the UI shows it as text only. */
export function presentItem(
  r: InboxItemsTable,
  o: { handle: string; actor: InboxActor; caps: ConnectorCapabilities; autoReplied: boolean; full?: boolean },
): InboxItem {
  const reasons = JSON.parse(r.reasons) as ModerationReason[];
  return {
    id: r.id,
    institutionId: r.institution_id,
    accountId: r.account_id,
    accountHandle: o.handle,
    platform: r.platform,
    kind: r.kind,
    externalId: r.external_id,
    postExternalId: r.post_external_id,
    conversationId: r.conversation_id,
    authorHandle: r.author_handle,
    authorName: r.author_name,
    text: o.full ? r.text : r.text.slice(0, LIST_TEXT_LIMIT),
    textLength: r.text_length,
    lang: r.lang,
    createdAt: r.created_at,
    receivedAt: r.received_at,
    status: r.status,
    verdict: r.verdict,
    categories: JSON.parse(r.categories) as string[],
    reasons: o.full ? reasons : reasons.filter((x) => x.start < LIST_TEXT_LIMIT).slice(0, 20),
    score: r.score,
    note: r.pending_action ? 'action_pending' : r.note,
    pendingAction: r.pending_action,
    autoReplied: o.autoReplied,
    can: {
      hide: canHide(o.actor, r, o.caps),
      unhide: canUnhide(o.actor, r, o.caps),
      delete: canDelete(o.actor, r, o.caps),
      reply: canReply(o.actor, r, o.caps),
      keep: canKeep(o.actor, r),
    },
  };
}

export function presentEvidence(e: InboxEvidenceTable): Evidence {
  return {
    id: e.id,
    itemId: e.item_id,
    platform: e.platform,
    accountHandle: e.account_handle,
    externalId: e.external_id,
    postExternalId: e.post_external_id,
    authorHandle: e.author_handle,
    authorName: e.author_name,
    text: e.text,
    createdAt: e.created_at,
    capturedAt: e.captured_at,
    contentHash: e.content_hash,
    intact: evidenceIntact(e),
    reason: e.reason,
  };
}

export function presentReply(r: InboxRepliesTable): InboxReply {
  return {
    id: r.id,
    kind: r.kind,
    lang: r.lang,
    text: r.text,
    status: r.status,
    error: r.error,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  };
}
