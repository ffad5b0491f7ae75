import { guardedFetch } from '../../platform/outbound.js';
import {
  ConnectorError,
  UnsupportedByPlatformError,
  type AccountRef,
  type Connector,
  type ConnectorManifest,
  type ExternalComment,
  type ExternalMessage,
  type ExternalProfile,
  type PublishInput,
  type PublishedRef,
} from '../connector.js';
import { composeText, flightKey, pictureBytes, singleFlight } from '../connector-kit.js';
import { safeOrigin } from '../http-errors.js';
import { decodeFeedCursor, FEED_PAGE, mergedPage, statusIdAt, type FeedSource } from './mastodon.feed.js';
import { MastodonHttp, type MastodonConnectorOptions } from './mastodon.http.js';
import { memoryLedger, type LedgerEntry, type PublishLedger } from './mastodon.ledger.js';
import { uploadMedia } from './mastodon.media.js';
import {
  htmlToText,
  withoutLeadingMentions,
  type MastodonAccount,
  type MastodonContext,
  type MastodonNotification,
  type MastodonStatus,
} from './mastodon.types.js';

export const MASTODON_MANIFEST: ConnectorManifest = {
  name: 'mastodon',
  displayName: 'Mastodon',
  capabilities: {
    textPost: true,
    imagePost: true,
    videoPost: true,
    deletePost: true,
    listComments: true,
    hideComment: false,
    deleteComment: false,
    replyComment: true,
    commentWebhook: false,
    privateMessages: true,
    nativeAutoReply: false,
    readProfile: true,
    editProfile: false,
    listRoles: false,
  },
  // 500 is Mastodon's default; an instance may allow more (it refuses with its own words if less).
  limits: { maxTextLength: 500, maxImages: 4, maxImageBytes: 16 * 1024 * 1024 },
  notes: [
    'Replies by others cannot be hidden or deleted on Mastodon: the court can only block or mute the author, or report the reply to the instance’s moderators (in Mastodon itself).',
    'Private messages are posts with “mentioned people only” visibility; the instance’s administrators can read them.',
    'Comments are the court’s mentions and the replies to its posts; Courtdesk fetches them periodically (Mastodon has no webhooks).',
    'Profile details (name, bio, website, address) are edited in Mastodon.',
  ],
  credentialFields: [
    { key: 'instanceUrl', label: 'Instance address (e.g. https://mastodon.social)', secret: false, required: true },
    { key: 'accessToken', label: 'Access token (Preferences → Development → your application)', secret: true, required: true },
  ],
};

/** How far before a timed-out publish the reconcile looks for the post. */
const RECONCILE_SKEW_MS = 60_000;
const FIRST_LISTING_MS = 7 * 24 * 3600_000;
/** Mastodon keeps an Idempotency-Key for an hour (a little less, to be safe). */
const IDEMPOTENCY_TTL_MS = 55 * 60_000;

/**
 * Mastodon over its REST API. Publishing sends the `Idempotency-Key` header, which the instance honours
 * for an hour, so a retry with the same key returns the same status instead of a second one. Mastodon
 * cannot look a status up by that key, so the connector also writes down the text it sends (the
 * ledger) and, to find a post by its key or before retrying later than that hour, looks for that text
 * among the account's own recent statuses.
 */
export function createMastodonConnector(given: MastodonConnectorOptions & { ledger?: PublishLedger } = {}): Connector {
  // The instance address is typed in by an officer: never call this machine or a private network (SSRF).
  const opts = { ...given, fetch: guardedFetch(given.fetch ?? globalThis.fetch, { allowPrivate: given.allowHttpLoopback === true }) };
  const http = new MastodonHttp(opts);
  const ledger = opts.ledger ?? memoryLedger();
  const oneFlight = singleFlight<PublishedRef>();
  const deletedHere = new Set<string>();
  const me = new Map<string, MastodonAccount>();
  const roots = new Map<string, string>();

  async function self(account: AccountRef): Promise<MastodonAccount> {
    const known = me.get(account.accountId);
    if (known) return known;
    const { body } = await http.call<MastodonAccount>(account, 'GET', '/api/v1/accounts/verify_credentials');
    me.set(account.accountId, body);
    return body;
  }

  async function publishOnce(account: AccountRef, input: PublishInput): Promise<PublishedRef> {
    const images = input.media.filter((m) => m.kind === 'image');
    if (input.media.length > MASTODON_MANIFEST.limits.maxImages) {
      throw new ConnectorError('Mastodon takes at most 4 attachments per post.', {
        retryable: false,
        code: 'too_many_media',
        platformMessage: 'Validation failed: Media attachments exceed the limit of 4',
      });
    }
    if (images.some((m) => m.bytes.length > MASTODON_MANIFEST.limits.maxImageBytes)) {
      throw new ConnectorError('An image is larger than Mastodon accepts (16 MB).', {
        retryable: false,
        code: 'media_too_large',
        platformMessage: 'File size must be less than 16 MB',
      });
    }
    const key = input.idempotencyKey;
    const entry = await ledger.get(account.accountId, key);
    if (entry?.externalId) return storedRef(entry);
    if (entry && Date.now() - Date.parse(entry.startedAt) > IDEMPOTENCY_TTL_MS) {
      // The instance has forgotten the key by now: look for the post before sending it again.
      const found = await reconcile(account, key, entry.text, Date.parse(entry.startedAt));
      if (found) return found;
    }
    if (!entry) await ledger.begin(account.accountId, key, composeText(input), new Date().toISOString());
    const text = entry?.text ?? composeText(input);
    const mediaIds: string[] = [];
    for (const m of input.media) mediaIds.push(await uploadMedia(http, account, m, opts.mediaPollMs ?? 1000));
    const { body } = await http.call<MastodonStatus>(account, 'POST', '/api/v1/statuses', {
      json: { status: text, media_ids: mediaIds, visibility: 'public' },
      idempotencyKey: input.idempotencyKey,
      write: true,
    });
    const ref = refOf(body);
    await ledger.complete(account.accountId, key, ref);
    return ref;
  }

  /** Our top-level status with this text from `startedMs` on, unless another key owns it; recorded for `key`. */
  async function reconcile(account: AccountRef, key: string, text: string, startedMs: number): Promise<PublishedRef | null> {
    const wanted = normalise(text);
    const claimed = await ledger.claimed(account.accountId);
    const match = (await recentOwn(account, startedMs - RECONCILE_SKEW_MS)).find(
      (s) => !s.in_reply_to_id && s.visibility !== 'direct' && !claimed.has(s.id) && normalise(htmlToText(s.content)) === wanted,
    );
    if (!match) return null;
    const ref = refOf(match);
    await ledger.complete(account.accountId, key, ref);
    return ref;
  }

  /** Own statuses created from `sinceMs` on, newest pages first, up to a few pages. */
  async function recentOwn(account: AccountRef, sinceMs: number): Promise<MastodonStatus[]> {
    const own = await self(account);
    const out: MastodonStatus[] = [];
    let minId = statusIdAt(new Date(sinceMs).toISOString());
    for (let i = 0; i < 5; i++) {
      const { body } = await http.call<MastodonStatus[]>(account, 'GET', `/api/v1/accounts/${own.id}/statuses`, {
        query: { min_id: minId, limit: String(FEED_PAGE), exclude_reblogs: 'true' },
      });
      out.push(...body);
      if (body.length < FEED_PAGE) break;
      minId = body.reduce((m, s) => (BigInt(s.id) > BigInt(m) ? s.id : m), minId);
    }
    return out;
  }

  function sources(account: AccountRef, own: MastodonAccount): { mentions: FeedSource; own: FeedSource } {
    return {
      mentions: {
        async fetch(minId) {
          const { body } = await http.call<MastodonNotification[]>(account, 'GET', '/api/v1/notifications', {
            query: { 'types[]': ['mention'], min_id: minId, limit: String(FEED_PAGE) },
          });
          return body.filter((n) => n.status).map((n) => ({ id: n.id, status: n.status! }));
        },
      },
      own: {
        async fetch(minId) {
          const { body } = await http.call<MastodonStatus[]>(account, 'GET', `/api/v1/accounts/${own.id}/statuses`, {
            query: { min_id: minId, limit: String(FEED_PAGE), exclude_reblogs: 'true' },
          });
          return body.map((s) => ({ id: s.id, status: s }));
        },
      },
    };
  }

  /** Where a listing starts: the cursor, or the first item after `since`, or the beginning. */
  async function startCursor(account: AccountRef, opts: { since?: string; cursor?: string | null }): Promise<{ n: string; s: string }> {
    const decoded = opts.cursor ? decodeFeedCursor(opts.cursor) : null;
    if (opts.cursor && !decoded) throw new ConnectorError('The paging cursor is not valid.', { retryable: false, code: 'invalid' });
    if (decoded) return decoded;
    if (!opts.since) return { n: '0', s: '0' };
    return { n: await notificationBefore(account, opts.since), s: statusIdAt(opts.since) };
  }

  /** Notification ids are not time-based: walk back from the newest to the last one at or before `since`. */
  async function notificationBefore(account: AccountRef, since: string): Promise<string> {
    let maxId: string | undefined;
    for (let i = 0; i < 25; i++) {
      const { body } = await http.call<MastodonNotification[]>(account, 'GET', '/api/v1/notifications', {
        query: { 'types[]': ['mention'], max_id: maxId, limit: '80' },
      });
      const older = body.filter((n) => n.created_at <= since).map((n) => n.id);
      if (older.length) return older.reduce((m, id) => (BigInt(id) > BigInt(m) ? id : m));
      if (body.length < 80) return '0';
      maxId = body.reduce((m, n) => (BigInt(n.id) < BigInt(m) ? n.id : m), body[0]!.id);
    }
    return maxId ?? '0';
  }

  /** The first status of a direct-message thread identifies the conversation. */
  async function rootOf(account: AccountRef, s: MastodonStatus): Promise<string> {
    if (!s.in_reply_to_id) return s.id;
    const known = roots.get(s.id) ?? roots.get(s.in_reply_to_id);
    if (known) return known;
    const { body } = await http.call<MastodonContext>(account, 'GET', `/api/v1/statuses/${s.id}/context`);
    const root = body.ancestors[0]?.id ?? s.id;
    roots.set(s.id, root);
    return root;
  }

  async function getStatus(account: AccountRef, id: string): Promise<MastodonStatus> {
    return (await http.call<MastodonStatus>(account, 'GET', `/api/v1/statuses/${encodeURIComponent(id)}`)).body;
  }

  return {
    manifest: MASTODON_MANIFEST,

    async publish(account, input) {
      return oneFlight(flightKey(account.accountId, input.idempotencyKey), () => publishOnce(account, input));
    },

    async findByIdempotencyKey(account, key) {
      // @NOTE With the in-memory ledger a restart forgets the intent (null); the retried publish (same
      // key, within the hour) is then answered by the instance with the status it already created.
      const entry = await ledger.get(account.accountId, key);
      if (!entry) return null;
      if (entry.externalId) return storedRef(entry);
      return reconcile(account, key, entry.text, Date.parse(entry.startedAt));
    },

    async deletePost(account, externalId) {
      try {
        await http.call(account, 'DELETE', `/api/v1/statuses/${encodeURIComponent(externalId)}`, { write: true });
        deletedHere.add(`${account.accountId}/${externalId}`);
      } catch (err) {
        // Mastodon answers 404 both for "already deleted" and "never existed"; a second delete from here is fine.
        if (err instanceof ConnectorError && err.opts.code === 'not_found' && deletedHere.has(`${account.accountId}/${externalId}`)) return;
        throw err;
      }
    },

    async listComments(account, o) {
      const opts = withDefaultSince(o);
      const own = await self(account);
      const start = await startCursor(account, opts);
      return mergedPage(sources(account, own), start, ({ status }, from): ExternalComment | null => {
        if (status.visibility === 'direct') return null;
        if (from === 'own' && !status.in_reply_to_id) return null;
        if (opts.since && status.created_at <= opts.since) return null;
        return toComment(status, own);
      });
    },

    async hideComment() {
      throw new UnsupportedByPlatformError('Mastodon', 'hiding replies (block or mute the author, or report the reply, in Mastodon)');
    },

    async deleteComment(account, externalId) {
      const [status, own] = await Promise.all([getStatus(account, externalId), self(account)]);
      if (status.account.id !== own.id) {
        throw new UnsupportedByPlatformError(
          'Mastodon',
          'deleting other people’s replies (block or mute the author, or report the reply, in Mastodon)',
        );
      }
      await http.call(account, 'DELETE', `/api/v1/statuses/${encodeURIComponent(externalId)}`, { write: true });
    },

    async replyToComment(account, externalId, text) {
      const [parent, own] = await Promise.all([getStatus(account, externalId), self(account)]);
      // Without the @mention the author is not notified: Mastodon clients add it, the API does not.
      const to = parent.account.id === own.id ? '' : `@${parent.account.acct} `;
      const visibility = parent.visibility === 'public' ? 'public' : parent.visibility;
      const { body } = await http.call<MastodonStatus>(account, 'POST', '/api/v1/statuses', {
        json: { status: `${to}${text}`, in_reply_to_id: parent.id, visibility },
        write: true,
      });
      return { externalId: body.id };
    },

    async listMessages(account, o) {
      const opts = withDefaultSince(o);
      const own = await self(account);
      const start = await startCursor(account, opts);
      const page = await mergedPage(sources(account, own), start, ({ status }) =>
        status.visibility === 'direct' && !(opts.since && status.created_at <= opts.since) ? status : null,
      );
      const items: ExternalMessage[] = [];
      for (const s of page.items) items.push(toMessage(s, own, await rootOf(account, s)));
      return { items, cursor: page.cursor };
    },

    async sendMessage(account, conversationId, text) {
      const [root, own] = await Promise.all([getStatus(account, conversationId), self(account)]);
      if (root.visibility !== 'direct') {
        throw new ConnectorError('This Mastodon status is not a private conversation.', {
          retryable: false,
          code: 'not_found',
          platformMessage: 'Record not found',
        });
      }
      const { body: ctx } = await http.call<MastodonContext>(account, 'GET', `/api/v1/statuses/${root.id}/context`);
      const thread = [root, ...ctx.descendants.filter((s) => s.visibility === 'direct')];
      const people = new Map<string, string>();
      for (const s of thread) {
        if (s.account.id !== own.id) people.set(s.account.id, s.account.acct);
        for (const m of s.mentions) if (m.id !== own.id) people.set(m.id, m.acct);
      }
      const last = thread[thread.length - 1]!;
      const mentions = [...people.values()].map((a) => `@${a}`).join(' ');
      const { body } = await http.call<MastodonStatus>(account, 'POST', '/api/v1/statuses', {
        json: { status: `${mentions} ${text}`.trim(), in_reply_to_id: last.id, visibility: 'direct' },
        write: true,
      });
      roots.set(body.id, root.id);
      return { externalId: body.id };
    },

    async getProfile(account) {
      const { body } = await http.call<MastodonAccount>(account, 'GET', '/api/v1/accounts/verify_credentials');
      me.set(account.accountId, body);
      return toProfile(body, await avatar(body));
    },

    async listRoles() {
      throw new UnsupportedByPlatformError('Mastodon', 'listing who manages an account (a Mastodon account has one login)');
    },

    async rateLimit(account) {
      return http.rateLimit(account);
    },
  };

  async function avatar(a: MastodonAccount): Promise<Buffer | null> {
    const src = a.avatar_static ?? a.avatar;
    if (!src || src.includes('/avatars/original/missing.png') || !fetchable(src, http.allowHttpLoopback)) return null;
    // The picture is a nicety; the profile is still worth showing without it.
    return pictureBytes(opts.fetch ?? globalThis.fetch, src, http.timeoutMs);
  }
}

/** Without a cursor or `since`, listings start a week back (as on X and Bluesky). */
function withDefaultSince(o: { since?: string; cursor?: string | null }): { since?: string; cursor?: string | null } {
  return o.cursor || o.since ? o : { since: new Date(Date.now() - FIRST_LISTING_MS).toISOString() };
}

/** Pictures are fetched without credentials, over https only (http to this machine in tests). */
function fetchable(src: string, allowHttpLoopback: boolean): boolean {
  try {
    return safeOrigin(new URL(src), allowHttpLoopback);
  } catch {
    return false;
  }
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function storedRef(e: LedgerEntry): PublishedRef {
  return { externalId: e.externalId!, url: e.url ?? '', publishedAt: e.publishedAt ?? e.startedAt };
}

function refOf(s: MastodonStatus): PublishedRef {
  return { externalId: s.id, url: s.url ?? s.uri, publishedAt: s.created_at };
}

function toComment(s: MastodonStatus, own: MastodonAccount): ExternalComment {
  return {
    externalId: s.id,
    postExternalId: s.in_reply_to_account_id === own.id ? s.in_reply_to_id : null,
    authorHandle: `@${s.account.acct}`,
    authorName: s.account.display_name || s.account.username,
    text: withoutLeadingMentions(htmlToText(s.content)),
    createdAt: s.created_at,
    hidden: false,
    fromAccount: s.account.id === own.id,
  };
}

function toMessage(s: MastodonStatus, own: MastodonAccount, conversationId: string): ExternalMessage {
  return {
    externalId: s.id,
    conversationId,
    senderHandle: `@${s.account.acct}`,
    senderName: s.account.display_name || s.account.username,
    text: withoutLeadingMentions(htmlToText(s.content)),
    createdAt: s.created_at,
    fromAccount: s.account.id === own.id,
  };
}

const FIELD_NAMES = {
  website: /^(web|website|site|homepage|uebfaqja|faqja|sajt|veb)/i,
  email: /^(e-?mail|email|posta|imejl)/i,
  phone: /^(phone|tel|telefon|telephone)/i,
  address: /^(address|adresa|adresë|adresa suda)/i,
};

/** Address, phone, e-mail and website live in the four free profile fields on Mastodon. */
function toProfile(a: MastodonAccount, picture: Buffer | null): ExternalProfile {
  const field = (re: RegExp) => {
    const f = a.fields?.find((x) => re.test(x.name.trim()));
    return f ? htmlToText(f.value) || null : null;
  };
  return {
    displayName: a.display_name || a.username,
    handle: `@${a.acct}`,
    description: htmlToText(a.note),
    website: field(FIELD_NAMES.website),
    email: field(FIELD_NAMES.email),
    phone: field(FIELD_NAMES.phone),
    address: field(FIELD_NAMES.address),
    picture,
    autoReplyText: null,
  };
}
