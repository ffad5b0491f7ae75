import type { InboxKind, InboxStatus } from '@courtdesk/contracts';
import type { ExternalComment, ExternalMessage } from '../../connectors/connector.js';
import type { Trx } from '../../platform/db/database.js';
import { newId, nowIso } from '../../platform/ids.js';
import type { AccountsTable } from '../accounts/accounts.tables.js';
import { chooseAutoReply } from './autoreply.texts.js';
import { claimReplySlot, loadAutoReply, type AutoReplyConfig } from './autoreply.service.js';
import { evidenceRow } from './inbox.evidence.js';
import { classifyItem, type ClassifyFn, type Verdict } from './inbox.classify.js';
import { capabilitiesOf, type InboxDeps } from './inbox.deps.js';
import { actionRow, enqueueAction, summariseReasons } from './inbox.outbox.js';
import type { InboxItemsTable } from './inbox.tables.js';

/** Longest text stored per item (characters). Longer ones are kept up to here and marked `truncated`. */
export const MAX_TEXT = 200_000;
const CHUNK = 200;

export interface IngestResult {
  received: number;
  inserted: number;
  duplicates: number;
  actionsQueued: number;
}

type Incoming = { kind: 'comment'; c: ExternalComment } | { kind: 'message'; m: ExternalMessage };

/** Comments from one account, stored once each and acted on per the account's policy. */
export function ingestComments(
  deps: InboxDeps,
  account: AccountsTable,
  comments: ExternalComment[],
  classify?: ClassifyFn,
): Promise<IngestResult> {
  return ingest(
    deps,
    account,
    comments.map((c) => ({ kind: 'comment', c })),
    classify,
  );
}

/** Private messages from one account, stored once each; the automatic reply is queued where due. */
export function ingestMessages(
  deps: InboxDeps,
  account: AccountsTable,
  messages: ExternalMessage[],
  classify?: ClassifyFn,
): Promise<IngestResult> {
  return ingest(
    deps,
    account,
    messages.map((m) => ({ kind: 'message', m })),
    classify,
  );
}

/**
 * Ingests a batch: skips what is already stored (idempotent on account + kind + platform id),
 * classifies the rest outside any transaction (pure CPU), then inserts with ON CONFLICT DO NOTHING
 * — a racing poll and webhook store one row — and, for the rows this call inserted, takes the
 * evidence copy and queues the hide, or queues the automatic reply, in the same transaction.
 */
async function ingest(deps: InboxDeps, account: AccountsTable, incoming: Incoming[], classify?: ClassifyFn): Promise<IngestResult> {
  const result: IngestResult = { received: incoming.length, inserted: 0, duplicates: 0, actionsQueued: 0 };
  if (incoming.length === 0) return result;
  const policy = await deps.db
    .selectFrom('inbox_account_policies')
    .select('auto_hide')
    .where('account_id', '=', account.id)
    .executeTakeFirst();
  const autoHide = (policy?.auto_hide ?? 1) === 1;
  const caps = capabilitiesOf(deps, account.platform);
  const autoReply = await loadAutoReply(deps.db, account.institution_id);
  for (let i = 0; i < incoming.length; i += CHUNK) {
    const chunk = dedupeWithin(incoming.slice(i, i + CHUNK));
    const known = await existingIds(deps, account.id, chunk);
    const fresh = chunk.filter((x) => !known.has(key(x)));
    result.duplicates += incoming.slice(i, i + CHUNK).length - fresh.length;
    if (fresh.length === 0) continue;
    const d: DecideCtx = {
      autoHide,
      canHide: caps.hideComment,
      canDelete: caps.deleteComment,
      canMessage: caps.privateMessages,
      autoReply,
    };
    const rows = fresh.map((x) => plan(toRow(account, x, classify), d));
    await deps.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('inbox_items')
        .values(rows)
        .onConflict((oc) => oc.columns(['account_id', 'kind', 'external_id']).doNothing())
        .returning('id')
        .execute();
      const ids = new Set(inserted.map((r) => r.id));
      result.inserted += ids.size;
      result.duplicates += rows.length - ids.size;
      const mine = rows.filter((r) => ids.has(r.id));
      // Hides planned for the rows this call inserted: evidence first, then the queued call — one transaction.
      const hides = mine.filter((r) => r.pending_action === 'hide');
      if (hides.length) {
        const reasons = hides.map((r) => summariseReasons(r));
        await trx
          .insertInto('inbox_evidence')
          .values(hides.map((r, i) => evidenceRow(r, account.handle, reasons[i]!, null)))
          .execute();
        await trx
          .insertInto('inbox_actions')
          .values(hides.map((r, i) => actionRow(r, 'hide', null, reasons[i]!)))
          .execute();
        result.actionsQueued += hides.length;
      }
      for (const row of mine)
        if (row.kind === 'message' && row.status !== 'own') result.actionsQueued += await queueAutoReply(trx, account, row, d);
    });
  }
  return result;
}

function key(x: Incoming): string {
  return x.kind === 'comment' ? x.c.externalId : x.m.externalId;
}

function dedupeWithin(list: Incoming[]): Incoming[] {
  const seen = new Set<string>();
  return list.filter((x) => (seen.has(key(x)) ? false : (seen.add(key(x)), true)));
}

async function existingIds(deps: InboxDeps, accountId: string, chunk: Incoming[]): Promise<Set<string>> {
  const byKind = new Map<InboxKind, string[]>();
  for (const x of chunk) byKind.set(x.kind, [...(byKind.get(x.kind) ?? []), key(x)]);
  const out = new Set<string>();
  for (const [kind, ids] of byKind) {
    const rows = await deps.db
      .selectFrom('inbox_items')
      .select('external_id')
      .where('account_id', '=', accountId)
      .where('kind', '=', kind)
      .where('external_id', 'in', ids)
      .execute();
    for (const r of rows) out.add(r.external_id);
  }
  return out;
}

/** The court's own words: flagged by the platform, or written under the account's own handle. */
export function isOwn(account: Pick<AccountsTable, 'handle'>, fromAccount: boolean, handle: string): boolean {
  const norm = (h: string) => h.trim().replace(/^@/, '').toLowerCase();
  return fromAccount || norm(handle) === norm(account.handle);
}

function toRow(account: AccountsTable, x: Incoming, classify?: ClassifyFn): InboxItemsTable {
  const now = nowIso();
  const base =
    x.kind === 'comment'
      ? {
          external_id: x.c.externalId,
          post_external_id: x.c.postExternalId,
          conversation_id: null,
          author_handle: x.c.authorHandle,
          author_name: x.c.authorName,
          text: x.c.text,
          created_at: x.c.createdAt,
          from: x.c.fromAccount,
        }
      : {
          external_id: x.m.externalId,
          post_external_id: null,
          conversation_id: x.m.conversationId,
          author_handle: x.m.senderHandle,
          author_name: x.m.senderName,
          text: x.m.text,
          created_at: x.m.createdAt,
          from: x.m.fromAccount,
        };
  const text = clean(typeof base.text === 'string' ? base.text : String(base.text ?? ''));
  const truncated = text.length > MAX_TEXT;
  const stored = truncated ? text.slice(0, MAX_TEXT) : text;
  const own = isOwn(account, base.from, base.author_handle);
  const v: Verdict | null = own ? null : classifyItem(stored, classify);
  const hiddenOnPlatform = x.kind === 'comment' && x.c.hidden;
  const status: InboxStatus = own ? 'own' : hiddenOnPlatform ? 'hidden' : v?.verdict === 'review' ? 'review' : 'visible';
  return {
    id: newId(),
    institution_id: account.institution_id,
    account_id: account.id,
    platform: account.platform,
    kind: x.kind,
    external_id: base.external_id,
    post_external_id: base.post_external_id ?? null,
    conversation_id: base.conversation_id,
    author_handle: clean(String(base.author_handle ?? '')).slice(0, 200),
    author_name: clean(String(base.author_name ?? '')).slice(0, 200),
    text: stored,
    text_length: text.length,
    truncated: truncated ? 1 : 0,
    lang: v?.lang ?? 'und',
    created_at: validIso(base.created_at) ?? now,
    received_at: now,
    from_account: own ? 1 : 0,
    status,
    verdict: v?.verdict ?? null,
    categories: JSON.stringify(v?.categories ?? []),
    reasons: JSON.stringify(v?.reasons ?? []),
    score: v?.score ?? null,
    note: truncated ? 'truncated' : null,
    pending_action: null,
    removed_category: null,
    removed_at: null,
    updated_at: now,
  };
}

// eslint-disable-next-line no-control-regex -- NUL is exactly what must be found: PostgreSQL text cannot hold it.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * PostgreSQL text cannot hold NUL, and the engines store lone surrogates differently: both become
 * U+FFFD (visible), so a hostile byte never makes an item unstorable and both engines keep the same text.
 */
export function clean(s: string): string {
  return s.replace(UNSTORABLE, '\uFFFD');
}

function validIso(s: string): string | null {
  const t = Date.parse(s);
  return Number.isFinite(t) ? new Date(t).toISOString() : null;
}

interface DecideCtx {
  autoHide: boolean;
  canHide: boolean;
  canDelete: boolean;
  canMessage: boolean;
  autoReply: AutoReplyConfig;
}

/** Applies the account's policy to a new comment before it is stored: hide (queued), or why a person must decide. */
function plan(row: InboxItemsTable, d: DecideCtx): InboxItemsTable {
  if (row.kind !== 'comment' || row.status === 'own' || row.status === 'hidden' || row.verdict !== 'remove') return row;
  if (!d.autoHide) return { ...row, status: 'review', note: 'auto_hide_off' };
  // The platform can only delete (or cannot act at all): deletion is irreversible, so a person decides.
  if (!d.canHide) return { ...row, status: 'needs_action', note: d.canDelete ? 'platform_cannot_hide' : 'platform_cannot_act' };
  return { ...row, pending_action: 'hide' };
}

async function queueAutoReply(trx: Trx, account: AccountsTable, row: InboxItemsTable, d: DecideCtx): Promise<number> {
  if (!d.autoReply.enabled || !d.canMessage || !row.conversation_id) return 0;
  if (!(await claimReplySlot(trx, account.id, row.conversation_id, d.autoReply.periodHours))) return 0;
  const { lang, text } = chooseAutoReply(row.text, d.autoReply.texts);
  const replyId = newId();
  await trx
    .insertInto('inbox_replies')
    .values({
      id: replyId,
      item_id: row.id,
      institution_id: row.institution_id,
      account_id: account.id,
      kind: 'auto',
      conversation_id: row.conversation_id,
      lang,
      text,
      status: 'queued',
      external_id: null,
      error: null,
      sent_by: null,
      created_at: nowIso(),
      sent_at: null,
    })
    .execute();
  await enqueueAction(trx, row, 'auto_reply', null, `Automatic response of art. 3.8 in ${lang}`, { replyId, text, lang });
  return 1;
}
