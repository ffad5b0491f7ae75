import type { AccountRef, ExternalComment, ExternalMessage, Page } from '../connector.js';
import { CHAT_PROXY, type XrpcClient } from './bluesky.http.js';
import { parseAtUri, withoutLeadingMentions } from './bluesky.text.js';
import {
  POST,
  THREADGATE,
  type ConvoView,
  type MessageView,
  type Notification,
  type PostRecord,
  type ProfileBasic,
  type RecordEnvelope,
  type Threadgate,
} from './bluesky.types.js';

const PAGE = 50;
const MAX_PAGES = 8;
/** Without a cursor or `since`, listings start a week back. */
const FIRST_LISTING_MS = 7 * 24 * 3600_000;
const COMMENT_REASONS = new Set(['reply', 'mention', 'quote']);

/**
 * Where a listing resumes: the (time, id) of the last item handed out. Bluesky pages newest first by
 * its own cursors, so each listing reads back to this mark and hands out the oldest items first.
 */
interface Mark {
  t: string;
  u: string;
}

export function startMark(opts: { since?: string; cursor?: string | null }): Mark {
  if (opts.cursor) {
    try {
      const m = JSON.parse(Buffer.from(opts.cursor, 'base64url').toString('utf8')) as Partial<Mark>;
      if (typeof m.t === 'string' && typeof m.u === 'string') return { t: m.t, u: m.u };
    } catch {
      // fall through to the start
    }
  }
  if (opts.since) return { t: opts.since, u: '\uffff' };
  return { t: new Date(Date.now() - FIRST_LISTING_MS).toISOString(), u: '' };
}

const after = (t: string, u: string, m: Mark) => t > m.t || (t === m.t && u > m.u);

function pageOf<T>(items: { t: string; u: string; item: T }[]): Page<T> {
  items.sort((a, b) => a.t.localeCompare(b.t) || a.u.localeCompare(b.u));
  const out = items.slice(0, PAGE);
  const last = out[out.length - 1];
  return {
    items: out.map((i) => i.item),
    cursor: items.length > PAGE && last ? Buffer.from(JSON.stringify({ t: last.t, u: last.u })).toString('base64url') : null,
  };
}

/** Replies, mentions and quotes by others (notifications) and the court's own replies (its repository). */
export async function listComments(xrpc: XrpcClient, account: AccountRef, mark: Mark): Promise<Page<ExternalComment>> {
  const me = await xrpc.who(account);
  const found: { t: string; u: string; item: ExternalComment; root: string | null }[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const res = await xrpc.call<{ notifications: Notification[]; cursor?: string }>(
      account,
      'GET',
      'app.bsky.notification.listNotifications',
      {
        query: { limit: '100', cursor },
      },
    );
    let older = false;
    for (const n of res.notifications) {
      if (!after(n.indexedAt, n.uri, mark)) {
        older = true;
        continue;
      }
      if (!COMMENT_REASONS.has(n.reason) || n.author.did === me.did) continue;
      found.push({
        t: n.indexedAt,
        u: n.uri,
        item: toComment(n.uri, n.author, n.record, n.indexedAt, me.did, false),
        root: n.record.reply?.root.uri ?? null,
      });
    }
    cursor = res.cursor;
    if (older || !cursor || !res.notifications.length) break;
  }
  cursor = undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const res: { records: RecordEnvelope<PostRecord>[]; cursor?: string } = await xrpc.call(
      account,
      'GET',
      'com.atproto.repo.listRecords',
      {
        query: { repo: me.did, collection: POST, limit: '100', cursor },
      },
    );
    let older = false;
    for (const r of res.records) {
      if (!after(r.value.createdAt, r.uri, mark)) {
        // Posts published with a derived key sit among old keys; only own replies (time-ordered keys) end the scan.
        if (r.value.reply) older = true;
        continue;
      }
      if (!r.value.reply) continue;
      found.push({
        t: r.value.createdAt,
        u: r.uri,
        item: toComment(r.uri, { did: me.did, handle: me.handle }, r.value, r.value.createdAt, me.did, false),
        root: r.value.reply.root.uri,
      });
    }
    cursor = res.cursor;
    if (older || !cursor || !res.records.length) break;
  }
  await markHidden(xrpc, account, me.did, found);
  return pageOf(found);
}

/** Hidden replies are listed in the thread's threadgate (record key = the root post's key). */
async function markHidden(
  xrpc: XrpcClient,
  account: AccountRef,
  did: string,
  found: { item: ExternalComment; root: string | null }[],
): Promise<void> {
  const roots = new Set(found.map((f) => f.root).filter((r): r is string => !!r && parseAtUri(r)?.did === did));
  const hidden = new Set<string>();
  for (const root of roots) {
    const gate = await getThreadgate(xrpc, account, did, parseAtUri(root)!.rkey);
    for (const uri of gate?.value.hiddenReplies ?? []) hidden.add(uri);
  }
  for (const f of found) f.item.hidden = hidden.has(f.item.externalId);
}

export async function getThreadgate(
  xrpc: XrpcClient,
  account: AccountRef,
  did: string,
  rkey: string,
): Promise<RecordEnvelope<Threadgate> | null> {
  try {
    return await xrpc.call<RecordEnvelope<Threadgate>>(account, 'GET', 'com.atproto.repo.getRecord', {
      query: { repo: did, collection: THREADGATE, rkey },
    });
  } catch (err) {
    if ((err as { opts?: { code?: string } }).opts?.code === 'not_found') return null;
    throw err;
  }
}

function toComment(uri: string, author: ProfileBasic, record: PostRecord, at: string, me: string, hidden: boolean): ExternalComment {
  const parent = record.reply ? parseAtUri(record.reply.parent.uri) : null;
  return {
    externalId: uri,
    // The court's posts are identified by their record key (see publish); comments by their full AT URI.
    postExternalId: parent && parent.did === me && parent.collection === POST ? parent.rkey : null,
    authorHandle: `@${author.handle}`,
    authorName: author.displayName ?? author.handle,
    text: withoutLeadingMentions(record.text),
    createdAt: at,
    hidden,
    fromAccount: author.did === me,
  };
}

/** Direct messages through Bluesky's chat service, oldest first across conversations. */
export async function listMessages(xrpc: XrpcClient, account: AccountRef, mark: Mark): Promise<Page<ExternalMessage>> {
  const me = await xrpc.who(account);
  const found: { t: string; u: string; item: ExternalMessage }[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const res = await xrpc.call<{ convos: ConvoView[]; cursor?: string }>(account, 'GET', 'chat.bsky.convo.listConvos', {
      query: { limit: '100', cursor },
      proxy: CHAT_PROXY,
    });
    for (const c of res.convos) if (c.lastMessage && c.lastMessage.sentAt >= mark.t) await readConvo(xrpc, account, c, me.did, mark, found);
    cursor = res.cursor;
    if (!cursor || !res.convos.length) break;
  }
  return pageOf(found);
}

async function readConvo(
  xrpc: XrpcClient,
  account: AccountRef,
  convo: ConvoView,
  me: string,
  mark: Mark,
  found: { t: string; u: string; item: ExternalMessage }[],
): Promise<void> {
  const members = new Map(convo.members.map((m) => [m.did, m]));
  let cursor: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const res = await xrpc.call<{ messages: MessageView[]; cursor?: string }>(account, 'GET', 'chat.bsky.convo.getMessages', {
      query: { convoId: convo.id, limit: '100', cursor },
      proxy: CHAT_PROXY,
    });
    let older = false;
    for (const m of res.messages) {
      if (m.$type && m.$type !== 'chat.bsky.convo.defs#messageView') continue; // deleted messages
      if (!after(m.sentAt, m.id, mark)) {
        older = true;
        continue;
      }
      const sender = members.get(m.sender.did);
      found.push({
        t: m.sentAt,
        u: m.id,
        item: {
          externalId: m.id,
          conversationId: convo.id,
          senderHandle: `@${sender?.handle ?? m.sender.did}`,
          senderName: sender?.displayName ?? sender?.handle ?? '',
          text: m.text,
          createdAt: m.sentAt,
          fromAccount: m.sender.did === me,
        },
      });
    }
    cursor = res.cursor;
    if (older || !cursor || !res.messages.length) break;
  }
}
