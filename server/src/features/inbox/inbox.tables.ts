import type { InboxActionKind, InboxKind, InboxLang, InboxNote, InboxStatus, ModerationAction } from '@courtdesk/contracts';

/**
 * One comment or private message as received from a platform. Unique on
 * (account_id, kind, external_id): ingesting the same thing twice (poll + webhook, a retried
 * delivery, an overlapping poll window) stores it once.
 */
export interface InboxItemsTable {
  id: string;
  institution_id: string;
  account_id: string;
  platform: string;
  kind: InboxKind;
  external_id: string;
  post_external_id: string | null;
  conversation_id: string | null;
  author_handle: string;
  author_name: string;
  /** The full text as received (bounded by the ingest limit, see `truncated`). */
  text: string;
  text_length: number;
  /** 1 when the platform sent more than we store (the note says so). */
  truncated: number;
  lang: InboxLang;
  created_at: string;
  received_at: string;
  from_account: number;
  status: InboxStatus;
  verdict: ModerationAction | null;
  /** JSON array of category names. */
  categories: string;
  /** JSON array of the classifier's reasons. */
  reasons: string;
  score: number | null;
  note: InboxNote | null;
  pending_action: InboxActionKind | null;
  /** The main category of a removal, frozen when it is hidden/deleted (for the transparency report). */
  removed_category: string | null;
  removed_at: string | null;
  updated_at: string;
}

/**
 * The outbox of platform calls (hide, unhide, delete, reply, auto-reply). Written in the same
 * transaction as the decision; executed outside any transaction by the worker or the request
 * that asked for it; claimed with a conditional update (a lease), retried with backoff.
 */
export interface InboxActionsTable {
  id: string;
  item_id: string;
  institution_id: string;
  account_id: string;
  action: InboxActionKind;
  /** Who asked: null for the system (auto-hide, auto-reply). */
  requested_by: string | null;
  /** Plain-words reason recorded with the action (the classifier's reasons or the officer's). */
  reason: string;
  /** JSON: e.g. { text, lang, replyId } for replies. */
  payload: string;
  status: 'pending' | 'running' | 'done' | 'failed';
  attempts: number;
  run_at: string;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  done_at: string | null;
}

/** Evidence copy of a comment, saved before it is hidden or deleted (art. 3.7; may be needed in a defamation case). */
export interface InboxEvidenceTable {
  id: string;
  item_id: string;
  institution_id: string;
  account_id: string;
  platform: string;
  account_handle: string;
  external_id: string;
  post_external_id: string | null;
  author_handle: string;
  author_name: string;
  text: string;
  created_at: string;
  captured_at: string;
  content_hash: string;
  reason: string;
  captured_by: string | null;
}

/** Every reply sent (officer replies to comments, automatic replies to messages): the log of art. 3.8. */
export interface InboxRepliesTable {
  id: string;
  item_id: string;
  institution_id: string;
  account_id: string;
  kind: 'auto' | 'officer';
  conversation_id: string | null;
  lang: string | null;
  text: string;
  status: 'queued' | 'sent' | 'failed';
  external_id: string | null;
  error: string | null;
  sent_by: string | null;
  created_at: string;
  sent_at: string | null;
}

/** At most one automatic reply per conversation per period: the slot is claimed with a conditional update. */
export interface AutoReplyConversationsTable {
  account_id: string;
  conversation_id: string;
  last_sent_at: string | null;
}

/** The institution's automatic reply (art. 3.8–3.9). No row = glossary defaults, enabled, 24 h. */
export interface AutoReplySettingsTable {
  institution_id: string;
  enabled: number;
  period_hours: number;
  /** JSON AutoReplyTexts. */
  texts: string;
  updated_at: string;
  updated_by: string | null;
}

/** Per-account moderation policy. No row = auto-hide on. */
export interface InboxAccountPoliciesTable {
  account_id: string;
  auto_hide: number;
  updated_at: string;
  updated_by: string | null;
}

/** Where the poller stands per account and kind. */
export interface InboxCursorsTable {
  account_id: string;
  kind: InboxKind;
  since: string | null;
  last_polled_at: string | null;
  last_error: string | null;
}

/** Webhook deliveries: stored before the 2xx answer (nothing lost), unique per platform event id (nothing twice). */
export interface WebhookEventsTable {
  id: string;
  platform: string;
  event_id: string;
  received_at: string;
  payload: string;
  status: 'pending' | 'done' | 'failed';
  attempts: number;
  last_error: string | null;
  processed_at: string | null;
}

/** Per-platform webhook signing secret, sealed with SecretBox (purpose `webhook-secret`). */
export interface WebhookSecretsTable {
  platform: string;
  secret_sealed: string;
  created_at: string;
  created_by: string | null;
}

export interface InboxTables {
  inbox_items: InboxItemsTable;
  inbox_actions: InboxActionsTable;
  inbox_evidence: InboxEvidenceTable;
  inbox_replies: InboxRepliesTable;
  autoreply_conversations: AutoReplyConversationsTable;
  autoreply_settings: AutoReplySettingsTable;
  inbox_account_policies: InboxAccountPoliciesTable;
  inbox_cursors: InboxCursorsTable;
  webhook_events: WebhookEventsTable;
  webhook_secrets: WebhookSecretsTable;
}
