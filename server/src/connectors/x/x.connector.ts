import {
  ConnectorError,
  UnsupportedByPlatformError,
  type AccountRef,
  type Connector,
  type ConnectorManifest,
  type ExternalComment,
  type ExternalMessage,
  type Page,
  type PublishInput,
  type PublishedRef,
} from '../connector.js';
import { composeText, flightKey, pictureBytes, singleFlight } from '../connector-kit.js';
import { XHttp, type XConnectorOptions } from './x.http.js';
import { uploadMedia } from './x.media.js';
import { plainText, weightedLength, withoutLeadingMentions, X_MAX_WEIGHTED } from './x.text.js';
import { TWEET_FIELDS, USER_FIELDS, type XDmEvent, type XList, type XTweet, type XUser } from './x.types.js';
import { validateMedia } from './x.validate.js';
import { memoryLedger, type PublishLedger } from './x.ledger.js';

export const X_MANIFEST: ConnectorManifest = {
  name: 'x',
  displayName: 'X',
  capabilities: {
    textPost: true,
    imagePost: true,
    videoPost: true,
    deletePost: true,
    listComments: true,
    hideComment: true,
    deleteComment: false,
    replyComment: true,
    commentWebhook: false,
    privateMessages: true,
    nativeAutoReply: false,
    readProfile: true,
    editProfile: false,
    listRoles: false,
  },
  limits: { maxTextLength: X_MAX_WEIGHTED, maxImages: 4, maxImageBytes: 5 * 1024 * 1024 },
  notes: [
    'X counts 280 “weighted” characters: every link counts 23, emoji and most non-Latin scripts count 2.',
    'X refuses to post exactly the same text twice from one account.',
    'Replies may be refused unless the commenter mentioned the court; replies can be hidden, not deleted.',
    'Posts and reads cost credits of the court’s X developer account; posts with a link cost more.',
    'Private messages need a paid X access level, and the person must accept messages from the court.',
    'X does not report whether a reply is hidden: Courtdesk shows the hides it made itself.',
  ],
  credentialFields: [{ key: 'accessToken', label: 'X access token (OAuth 2.0, from signing in to X)', secret: true, required: true }],
};

const PAGE = 50;
const MAX_PAGES = 8;
/** How far before a timed-out publish the reconcile looks, and how far back X may call a post a duplicate. */
const RECONCILE_SKEW_MS = 60_000;
const DUPLICATE_WINDOW_MS = 48 * 3600_000;
/** Without a cursor or `since`, listings start a week back (X's recent search window; reads cost credits). */
const FIRST_LISTING_MS = 7 * 24 * 3600_000;

/**
 * X (API v2). X has no idempotency key, so the connector reconciles: it writes down the text it sends
 * for a key (the ledger), and before re-sending (or when asked for the key) looks for that exact text
 * among the account's recent posts, created after the intent and not claimed by another key. X's own
 * refusal of duplicate text backs this up when the intent was lost (in-memory ledger and a restart):
 * a retried publish is answered "duplicate content", and the connector returns the post X already has.
 */
export function createXConnector(opts: XConnectorOptions & { ledger?: PublishLedger } = {}): Connector {
  const http = new XHttp(opts);
  const ledger = opts.ledger ?? memoryLedger();
  const oneFlight = singleFlight<PublishedRef>();
  const deletedHere = new Set<string>();
  const hiddenHere = new Map<string, boolean>();
  const me = new Map<string, XUser>();

  /** Our post with this text from `sinceMs` on, unless another key already owns it; recorded for `key`. */
  async function reconcile(account: AccountRef, key: string, text: string, sinceMs: number): Promise<PublishedRef | null> {
    const found = await findOwnPost(account, text, sinceMs);
    if (!found || (await ledger.claimed(account.accountId)).has(found.externalId)) return null;
    await ledger.complete(account.accountId, key, found);
    return found;
  }

  async function self(account: AccountRef): Promise<XUser> {
    const known = me.get(account.accountId);
    if (known) return known;
    const { body } = await http.call<{ data: XUser }>(account, 'GET', '/2/users/me', {
      query: { 'user.fields': 'description,location,url,profile_image_url,entities' },
    });
    me.set(account.accountId, body.data);
    return body.data;
  }

  /** Pages of a timeline, newest first as X gives them, up to MAX_PAGES. */
  async function timeline(
    account: AccountRef,
    path: string,
    from: { sinceId?: string; startMs?: number },
  ): Promise<{ tweets: XTweet[]; users: XUser[] }> {
    const tweets: XTweet[] = [];
    const users: XUser[] = [];
    let token: string | undefined;
    for (let i = 0; i < MAX_PAGES; i++) {
      const { body } = await http.call<XList<XTweet>>(account, 'GET', path, {
        query: {
          max_results: '100',
          since_id: from.sinceId,
          start_time: from.sinceId || from.startMs === undefined ? undefined : xTime(from.startMs),
          pagination_token: token,
          'tweet.fields': TWEET_FIELDS,
          expansions: 'author_id',
          'user.fields': USER_FIELDS,
        },
      });
      tweets.push(...(body.data ?? []));
      users.push(...(body.includes?.users ?? []));
      token = body.meta?.next_token;
      if (!token) break;
    }
    return { tweets, users };
  }

  /** The court's own top-level post with exactly this text, created from `sinceMs` on. */
  async function findOwnPost(account: AccountRef, text: string, sinceMs: number): Promise<PublishedRef | null> {
    const own = await self(account);
    const { tweets } = await timeline(account, `/2/users/${own.id}/tweets`, { startMs: sinceMs });
    const wanted = normalise(text);
    const hit = tweets.find(
      (t) => !t.referenced_tweets?.some((r) => r.type === 'replied_to') && normalise(plainText(t.text, t.entities?.urls)) === wanted,
    );
    return hit ? refOf(hit.id, hit.created_at) : null;
  }

  async function publishOnce(account: AccountRef, input: PublishInput): Promise<PublishedRef> {
    const text = composeText(input);
    checkLength(text);
    validateMedia(input.media);
    const key = input.idempotencyKey;
    const entry = await ledger.get(account.accountId, key);
    if (entry?.externalId)
      return {
        externalId: entry.externalId,
        url: entry.url ?? refOf(entry.externalId).url,
        publishedAt: entry.publishedAt ?? entry.startedAt,
      };
    if (entry) {
      // An earlier attempt may have reached X: look before posting again.
      const found = await reconcile(account, key, entry.text, Date.parse(entry.startedAt) - RECONCILE_SKEW_MS);
      if (found) return found;
    } else {
      await ledger.begin(account.accountId, key, text, new Date().toISOString());
    }
    const sent = entry?.text ?? text;
    const mediaIds: string[] = [];
    for (const m of input.media) mediaIds.push(await uploadMedia(http, account, m, opts.mediaPollMs ?? 1000));
    try {
      const { body } = await http.call<{ data: { id: string } }>(account, 'POST', '/2/tweets', {
        json: {
          text: sent,
          ...(mediaIds.length ? { media: { media_ids: mediaIds } } : {}),
          ...(opts.replySettings ? { reply_settings: opts.replySettings } : {}),
        },
        write: true,
      });
      const ref = refOf(body.data.id);
      await ledger.complete(account.accountId, key, ref);
      return ref;
    } catch (err) {
      if (!(err instanceof ConnectorError) || err.opts.code !== 'duplicate') throw err;
      // Same text already on X: ours from an attempt whose intent was lost, unless another key made it.
      const found = await reconcile(account, key, sent, Date.now() - DUPLICATE_WINDOW_MS);
      if (found) return found;
      throw err;
    }
  }

  /** Mentions of the court by others plus the court's own replies, oldest first, after `sinceId` or `startMs`. */
  async function commentsAfter(
    account: AccountRef,
    from: { sinceId?: string; startMs?: number },
    since?: string,
  ): Promise<ExternalComment[]> {
    const own = await self(account);
    const [mentions, mine] = await Promise.all([
      timeline(account, `/2/users/${own.id}/mentions`, from),
      timeline(account, `/2/users/${own.id}/tweets`, from),
    ]);
    const users = new Map([...mentions.users, ...mine.users, own].map((u) => [u.id, u]));
    const byId = new Map<string, XTweet>();
    for (const t of mentions.tweets) if (t.author_id !== own.id) byId.set(t.id, t);
    for (const t of mine.tweets) if (t.referenced_tweets?.some((r) => r.type === 'replied_to')) byId.set(t.id, t);
    return [...byId.values()]
      .filter((t) => !since || (t.created_at ?? '') > since)
      .sort((a, b) => compareIds(a.id, b.id))
      .map((t) => toComment(t, own, users, hiddenHere.get(`${account.accountId}/${t.id}`) ?? false));
  }

  async function dmsAfter(account: AccountRef, afterId: string | null, since?: string): Promise<ExternalMessage[]> {
    const own = await self(account);
    const out: XDmEvent[] = [];
    const users = new Map<string, XUser>([[own.id, own]]);
    let token: string | undefined;
    for (let i = 0; i < MAX_PAGES; i++) {
      const { body } = await http.call<XList<XDmEvent>>(account, 'GET', '/2/dm_events', {
        query: {
          event_types: 'MessageCreate',
          'dm_event.fields': 'id,text,sender_id,dm_conversation_id,created_at,event_type',
          expansions: 'sender_id',
          'user.fields': USER_FIELDS,
          max_results: '100',
          pagination_token: token,
        },
      });
      for (const u of body.includes?.users ?? []) users.set(u.id, u);
      const fresh = (body.data ?? []).filter(
        (e) => (!afterId || compareIds(e.id, afterId) > 0) && (!since || (e.created_at ?? '') > since),
      );
      out.push(...fresh);
      token = body.meta?.next_token;
      // Events come newest first: once one is older than where we start, the rest are too.
      if (!token || fresh.length < (body.data ?? []).length) break;
    }
    return out.sort((a, b) => compareIds(a.id, b.id)).map((e) => toMessage(e, own, users));
  }

  return {
    manifest: X_MANIFEST,

    async publish(account, input) {
      return oneFlight(flightKey(account.accountId, input.idempotencyKey), () => publishOnce(account, input));
    },

    async findByIdempotencyKey(account, key) {
      // @NOTE X cannot look a post up by a key: the ledger holds the text sent for it. With the in-memory
      // ledger a restart forgets it (null), and the retried publish is resolved by X's duplicate-text refusal.
      const entry = await ledger.get(account.accountId, key);
      if (!entry) return null;
      if (entry.externalId)
        return {
          externalId: entry.externalId,
          url: entry.url ?? refOf(entry.externalId).url,
          publishedAt: entry.publishedAt ?? entry.startedAt,
        };
      return reconcile(account, key, entry.text, Date.parse(entry.startedAt) - RECONCILE_SKEW_MS);
    },

    async deletePost(account, externalId) {
      const mark = `${account.accountId}/${externalId}`;
      try {
        const { body } = await http.call<{ data?: { deleted?: boolean } }>(
          account,
          'DELETE',
          `/2/tweets/${encodeURIComponent(externalId)}`,
          { write: true },
        );
        if (body.data?.deleted === false && !deletedHere.has(mark)) {
          throw new ConnectorError('The post is not on X (deleted, or never existed).', {
            retryable: false,
            code: 'not_found',
            platformMessage: '{"deleted":false}',
          });
        }
        deletedHere.add(mark);
      } catch (err) {
        // X answers the same for "already deleted" and "never existed"; a second delete from here is fine.
        if (err instanceof ConnectorError && err.opts.code === 'not_found' && deletedHere.has(mark)) return;
        throw err;
      }
    },

    async listComments(account, o): Promise<Page<ExternalComment>> {
      const after = o.cursor ? decodeCursor(o.cursor) : null;
      const from = after
        ? { sinceId: after }
        : { startMs: o.since ? Math.floor(Date.parse(o.since) / 1000) * 1000 : Date.now() - FIRST_LISTING_MS };
      const all = await commentsAfter(account, from, o.since);
      return pageOf(all);
    },

    async hideComment(account, externalId, hidden) {
      const { body } = await http.call<{ data: { hidden: boolean } }>(
        account,
        'PUT',
        `/2/tweets/${encodeURIComponent(externalId)}/hidden`,
        {
          json: { hidden },
          write: true,
        },
      );
      hiddenHere.set(`${account.accountId}/${externalId}`, body.data.hidden);
    },

    async deleteComment(account, externalId) {
      const [own, res] = await Promise.all([
        self(account),
        http.call<{ data?: XTweet; errors?: { detail?: string }[] }>(account, 'GET', `/2/tweets/${encodeURIComponent(externalId)}`, {
          query: { 'tweet.fields': 'author_id' },
        }),
      ]);
      if (!res.body.data) {
        throw new ConnectorError('The reply is no longer on X.', {
          retryable: false,
          code: 'not_found',
          platformMessage: res.body.errors?.[0]?.detail ?? 'Not Found',
        });
      }
      if (res.body.data.author_id !== own.id)
        throw new UnsupportedByPlatformError('X', 'deleting other people’s replies (hide the reply instead, or block the author in X)');
      await http.call(account, 'DELETE', `/2/tweets/${encodeURIComponent(externalId)}`, { write: true });
    },

    async replyToComment(account, externalId, text) {
      checkLength(text);
      const { body } = await http.call<{ data: { id: string } }>(account, 'POST', '/2/tweets', {
        json: { text, reply: { in_reply_to_tweet_id: externalId } },
        write: true,
      });
      return { externalId: body.data.id };
    },

    async listMessages(account, o) {
      const after = o.cursor ? decodeCursor(o.cursor) : null;
      return pageOf(await dmsAfter(account, after, o.since));
    },

    async sendMessage(account, conversationId, text) {
      const { body } = await http.call<{ data: { dm_event_id: string } }>(
        account,
        'POST',
        `/2/dm_conversations/${encodeURIComponent(conversationId)}/messages`,
        { json: { text }, write: true },
      );
      return { externalId: body.data.dm_event_id };
    },

    async getProfile(account) {
      me.delete(account.accountId);
      const u = await self(account);
      return {
        displayName: u.name,
        handle: `@${u.username}`,
        description: plainText(u.description ?? '', u.entities?.description?.urls),
        website: u.entities?.url?.urls?.[0]?.expanded_url ?? u.url ?? null,
        email: null,
        phone: null,
        address: u.location || null,
        picture: await picture(u.profile_image_url),
        autoReplyText: null,
      };
    },

    async listRoles() {
      throw new UnsupportedByPlatformError('X', 'listing who manages an account');
    },

    async rateLimit(account) {
      // Limits are per endpoint on X; publishing is what the queue needs to pace.
      return http.rateLimit(account, 'POST /2/tweets') ?? { remaining: null, resetAt: null };
    },
  };

  async function picture(url: string | undefined): Promise<Buffer | null> {
    // Pictures come from X's CDN over https; plain http only when the API itself is (a local emulator).
    if (!url || !(url.startsWith('https://') || (url.startsWith('http://') && http.baseUrl.startsWith('http://')))) return null;
    // X links the 48-pixel "_normal" picture; the same path with "_400x400" is the large one.
    return pictureBytes(opts.fetch ?? globalThis.fetch, url.replace('_normal.', '_400x400.'), http.timeoutMs);
  }
}

function checkLength(text: string): void {
  const n = weightedLength(text);
  if (n > X_MAX_WEIGHTED) {
    throw new ConnectorError(`The text is too long for X: ${n} of ${X_MAX_WEIGHTED} characters as X counts them.`, {
      retryable: false,
      code: 'text_too_long',
      platformMessage:
        'Your Tweet text is too long. For more information on how Twitter determines text length see https://github.com/twitter/twitter-text.',
    });
  }
}

function normalise(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

function xTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function refOf(id: string, createdAt?: string): PublishedRef {
  return { externalId: id, url: `https://x.com/i/web/status/${id}`, publishedAt: createdAt ?? new Date().toISOString() };
}

export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

function pageOf<T extends { externalId: string }>(all: T[]): Page<T> {
  const items = all.slice(0, PAGE);
  const more = all.length > PAGE;
  return { items, cursor: more ? Buffer.from(items[items.length - 1]!.externalId).toString('base64url') : null };
}

function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^\d+$/.test(id)) throw new ConnectorError('The paging cursor is not valid.', { retryable: false, code: 'invalid' });
  return id;
}

function toComment(t: XTweet, own: XUser, users: Map<string, XUser>, hidden: boolean): ExternalComment {
  const author = users.get(t.author_id ?? '');
  const repliedTo = t.referenced_tweets?.find((r) => r.type === 'replied_to')?.id ?? null;
  return {
    externalId: t.id,
    postExternalId: repliedTo && t.in_reply_to_user_id === own.id ? repliedTo : null,
    authorHandle: `@${author?.username ?? t.author_id ?? 'unknown'}`,
    authorName: author?.name ?? author?.username ?? '',
    text: withoutLeadingMentions(plainText(t.text, t.entities?.urls)),
    createdAt: t.created_at ?? new Date(0).toISOString(),
    hidden,
    fromAccount: t.author_id === own.id,
  };
}

function toMessage(e: XDmEvent, own: XUser, users: Map<string, XUser>): ExternalMessage {
  const sender = users.get(e.sender_id ?? '');
  return {
    externalId: e.id,
    conversationId: e.dm_conversation_id ?? '',
    senderHandle: `@${sender?.username ?? e.sender_id ?? 'unknown'}`,
    senderName: sender?.name ?? '',
    text: e.text ?? '',
    createdAt: e.created_at ?? new Date(0).toISOString(),
    fromAccount: e.sender_id === own.id,
  };
}
