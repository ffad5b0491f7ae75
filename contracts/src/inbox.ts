import { z } from 'zod';

/**
 * The inbox (art. 3.7–3.9): comments and private messages from every official account of an
 * institution, classified on arrival, hidden/queued/left per the account's policy, with evidence
 * copies, an audit of every action, the automatic reply and a transparency report.
 */

export const InboxKind = z.enum(['comment', 'message']);
export type InboxKind = z.infer<typeof InboxKind>;

/**
 * Where an item stands.
 * - `visible`: left up (classifier said keep, or an officer kept it);
 * - `review`: uncertain, waiting for an officer;
 * - `needs_action`: should be removed but the platform cannot hide it — the officer decides (delete or keep);
 * - `hidden` / `deleted`: done on the platform;
 * - `own`: the court's own comment or message (never moderated, never auto-replied).
 */
export const InboxStatus = z.enum(['visible', 'review', 'needs_action', 'hidden', 'deleted', 'own']);
export type InboxStatus = z.infer<typeof InboxStatus>;

export const ModerationAction = z.enum(['remove', 'review', 'keep']);
export type ModerationAction = z.infer<typeof ModerationAction>;

/** Categories of art. 3.7 used by the classifier. */
export const moderationCategories = ['insult', 'slur', 'threat', 'defamation', 'doxxing', 'spam'] as const;
export const ModerationCategory = z.string().max(40);

/** Language of an item, as identified: Serbian keeps its script (the reply follows it). */
export const InboxLang = z.enum(['sq', 'sr-Latn', 'sr-Cyrl', 'en', 'tr', 'bs', 'und']);
export type InboxLang = z.infer<typeof InboxLang>;

export const ModerationReason = z.object({
  category: z.string(),
  article: z.string(),
  rule: z.string(),
  match: z.string(),
  /** Offsets into the item's text (UTF-16 code units), for highlighting. */
  start: z.number().int(),
  end: z.number().int(),
  explanation: z.string(),
});
export type ModerationReason = z.infer<typeof ModerationReason>;

export const InboxActionKind = z.enum(['hide', 'unhide', 'delete', 'reply', 'auto_reply']);
export type InboxActionKind = z.infer<typeof InboxActionKind>;

/** Why the item is in its state, as a stable code the UI translates (e.g. `platform_cannot_hide`). */
export const InboxNote = z.enum([
  'platform_cannot_hide',
  'platform_cannot_act',
  'auto_hide_off',
  'action_failed',
  'action_pending',
  'truncated',
]);
export type InboxNote = z.infer<typeof InboxNote>;

export const InboxItem = z.object({
  id: z.string(),
  institutionId: z.string(),
  accountId: z.string(),
  accountHandle: z.string(),
  platform: z.string(),
  kind: InboxKind,
  externalId: z.string(),
  postExternalId: z.string().nullable(),
  conversationId: z.string().nullable(),
  authorHandle: z.string(),
  authorName: z.string(),
  /** Shown as plain text only — never as HTML. */
  text: z.string(),
  textLength: z.number().int(),
  lang: InboxLang,
  createdAt: z.string(),
  receivedAt: z.string(),
  status: InboxStatus,
  verdict: ModerationAction.nullable(),
  categories: z.array(z.string()),
  reasons: z.array(ModerationReason),
  score: z.number().nullable(),
  note: InboxNote.nullable(),
  pendingAction: InboxActionKind.nullable(),
  autoReplied: z.boolean(),
  /** Abilities of the person asking, so the UI never re-implements a rule. */
  can: z.object({ hide: z.boolean(), unhide: z.boolean(), delete: z.boolean(), reply: z.boolean(), keep: z.boolean() }),
});
export type InboxItem = z.infer<typeof InboxItem>;

export const InboxListQuery = z.object({
  institutionId: z.string().max(64).optional(),
  accountId: z.string().max(64).optional(),
  platform: z.string().max(20).optional(),
  kind: InboxKind.optional(),
  status: InboxStatus.optional(),
  lang: InboxLang.optional(),
  category: z.string().max(40).optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type InboxListQuery = z.infer<typeof InboxListQuery>;

export const InboxList = z.object({
  items: z.array(InboxItem),
  total: z.number().int(),
  /** Counts per status over the same filters except status (for the tabs). */
  counts: z.record(z.string(), z.number().int()),
});
export type InboxList = z.infer<typeof InboxList>;

export const Evidence = z.object({
  id: z.string(),
  itemId: z.string(),
  platform: z.string(),
  accountHandle: z.string(),
  externalId: z.string(),
  postExternalId: z.string().nullable(),
  authorHandle: z.string(),
  authorName: z.string(),
  text: z.string(),
  createdAt: z.string(),
  capturedAt: z.string(),
  /** SHA-256 of the canonical evidence record (see docs/inbox.md). */
  contentHash: z.string(),
  /** True when the stored copy still matches its hash. */
  intact: z.boolean(),
  reason: z.string(),
});
export type Evidence = z.infer<typeof Evidence>;

export const InboxReply = z.object({
  id: z.string(),
  kind: z.enum(['auto', 'officer']),
  lang: z.string().nullable(),
  text: z.string(),
  status: z.enum(['queued', 'sent', 'failed']),
  error: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type InboxReply = z.infer<typeof InboxReply>;

export const InboxHistoryEntry = z.object({
  at: z.string(),
  type: z.string(),
  actorName: z.string().nullable(),
  reason: z.string().nullable(),
});

export const InboxItemDetail = z.object({
  item: InboxItem,
  evidence: z.array(Evidence),
  replies: z.array(InboxReply),
  history: z.array(InboxHistoryEntry),
});
export type InboxItemDetail = z.infer<typeof InboxItemDetail>;

/** An officer's action. A reason is required to hide or delete what the classifier did not flag, and to unhide or keep. */
export const InboxActionBody = z.object({
  action: z.enum(['hide', 'unhide', 'delete', 'keep']),
  reason: z.string().trim().max(500).optional(),
});
export type InboxActionBody = z.infer<typeof InboxActionBody>;

export const InboxBulkBody = InboxActionBody.extend({
  ids: z.array(z.string().min(1).max(64)).min(1).max(200),
});
export type InboxBulkBody = z.infer<typeof InboxBulkBody>;

export const InboxBulkResult = z.object({
  results: z.array(z.object({ id: z.string(), ok: z.boolean(), code: z.string().nullable(), message: z.string().nullable() })),
});
export type InboxBulkResult = z.infer<typeof InboxBulkResult>;

export const InboxReplyBody = z.object({ text: z.string().trim().min(1).max(2000) });
export type InboxReplyBody = z.infer<typeof InboxReplyBody>;

/** One account as the inbox sees it: what the platform allows and the account's moderation policy. */
export const InboxAccount = z.object({
  id: z.string(),
  institutionId: z.string(),
  platform: z.string(),
  handle: z.string(),
  connected: z.boolean(),
  capabilities: z.object({
    hide: z.boolean(),
    delete: z.boolean(),
    reply: z.boolean(),
    privateMessages: z.boolean(),
    nativeAutoReply: z.boolean(),
    webhook: z.boolean(),
  }),
  policy: z.object({ autoHide: z.boolean() }),
  /** The platform's own instant reply was set up by hand (recorded in the account register). */
  nativeAutoReplyConfigured: z.boolean(),
  lastPolledAt: z.string().nullable(),
  lastError: z.string().nullable(),
  canEditPolicy: z.boolean(),
});
export type InboxAccount = z.infer<typeof InboxAccount>;

export const InboxPolicyBody = z.object({ autoHide: z.boolean() });

/** Languages the automatic reply is kept in. Serbian in both scripts; tr/bs are added by an administrator. */
export const autoReplyLangs = ['sq', 'sr-Latn', 'sr-Cyrl', 'en', 'tr', 'bs'] as const;
export const AutoReplyLang = z.enum(autoReplyLangs);
export type AutoReplyLang = z.infer<typeof AutoReplyLang>;

export const AutoReplyTexts = z.object({
  sq: z.string().trim().min(1).max(1000),
  'sr-Latn': z.string().trim().min(1).max(1000),
  'sr-Cyrl': z.string().trim().min(1).max(1000),
  en: z.string().trim().min(1).max(1000),
  tr: z.string().trim().max(1000).nullable(),
  bs: z.string().trim().max(1000).nullable(),
});
export type AutoReplyTexts = z.infer<typeof AutoReplyTexts>;

export const AutoReplySettings = z.object({
  institutionId: z.string(),
  enabled: z.boolean(),
  /** At most one reply per conversation per this many hours. */
  periodHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30),
  texts: AutoReplyTexts,
  defaults: AutoReplyTexts,
  /** True when the texts are the glossary defaults (never edited). */
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
  canEdit: z.boolean(),
});
export type AutoReplySettings = z.infer<typeof AutoReplySettings>;

export const AutoReplyUpdateBody = z.object({
  institutionId: z.string().min(1).max(64),
  enabled: z.boolean(),
  periodHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30),
  texts: AutoReplyTexts,
});
export type AutoReplyUpdateBody = z.infer<typeof AutoReplyUpdateBody>;

export const AutoReplyLogEntry = z.object({
  id: z.string(),
  accountHandle: z.string(),
  platform: z.string(),
  conversationId: z.string().nullable(),
  lang: z.string().nullable(),
  status: z.enum(['queued', 'sent', 'failed']),
  error: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

export const TransparencyReport = z.object({
  institutionId: z.string(),
  from: z.string(),
  to: z.string(),
  categories: z.array(z.string()),
  /** One row per month (YYYY-MM) with a count per category of comments removed (hidden or deleted) that month. */
  months: z.array(z.object({ month: z.string(), total: z.number().int(), byCategory: z.record(z.string(), z.number().int()) })),
  totals: z.object({
    removed: z.number().int(),
    hidden: z.number().int(),
    deleted: z.number().int(),
    restored: z.number().int(),
    received: z.number().int(),
  }),
});
export type TransparencyReport = z.infer<typeof TransparencyReport>;

export const TransparencyQuery = z.object({
  institutionId: z.string().min(1).max(64),
  months: z.coerce.number().int().min(1).max(36).default(12),
});

/**
 * The webhook payload Courtdesk accepts (the sandbox sends it; a real platform's adapter translates
 * its own format into it). Signed with HMAC-SHA256 over the raw body (header `x-courtdesk-signature: sha256=<hex>`).
 */
export const WebhookComment = z.object({
  externalId: z.string().min(1).max(200),
  postExternalId: z.string().max(200).nullable().optional(),
  authorHandle: z.string().max(200),
  authorName: z.string().max(200).default(''),
  text: z.string().max(200_000),
  createdAt: z.string().max(40),
  fromAccount: z.boolean().default(false),
});
export const WebhookMessage = z.object({
  externalId: z.string().min(1).max(200),
  conversationId: z.string().min(1).max(200),
  senderHandle: z.string().max(200),
  senderName: z.string().max(200).default(''),
  text: z.string().max(200_000),
  createdAt: z.string().max(40),
  fromAccount: z.boolean().default(false),
});
export const WebhookEvent = z.discriminatedUnion('type', [
  z.object({
    id: z.string().min(1).max(200),
    type: z.literal('comment.created'),
    sentAt: z.string().max(40),
    accountExternalId: z.string().min(1).max(200),
    comment: WebhookComment,
  }),
  z.object({
    id: z.string().min(1).max(200),
    type: z.literal('message.created'),
    sentAt: z.string().max(40),
    accountExternalId: z.string().min(1).max(200),
    message: WebhookMessage,
  }),
]);
export type WebhookEvent = z.infer<typeof WebhookEvent>;

export const WebhookAccepted = z.object({ status: z.enum(['accepted', 'duplicate']), id: z.string() });

export const WebhookSecretResponse = z.object({
  platform: z.string(),
  /** Shown once; give it to the platform (or the sandbox). */
  secret: z.string(),
});
