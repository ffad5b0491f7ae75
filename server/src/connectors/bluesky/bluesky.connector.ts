import { guardedFetch } from '../../platform/outbound.js';
import {
  ConnectorError,
  UnsupportedByPlatformError,
  type AccountRef,
  type Connector,
  type ConnectorManifest,
  type PublishInput,
  type PublishedRef,
} from '../connector.js';
import { pictureBytes } from '../connector-kit.js';
import { safeOrigin } from '../http-errors.js';
import { CHAT_PROXY, XrpcClient, type BlueskyConnectorOptions } from './bluesky.http.js';
import { getThreadgate, listComments, listMessages, startMark } from './bluesky.inbox.js';
import { embedFor } from './bluesky.media.js';
import { BLUESKY_MAX_GRAPHEMES, detectFacets, parseAtUri, rkeyFor } from './bluesky.text.js';
import {
  POST,
  THREADGATE,
  type MessageView,
  type PostRecord,
  type PostView,
  type ProfileDetailed,
  type RecordEnvelope,
} from './bluesky.types.js';

export const BLUESKY_MANIFEST: ConnectorManifest = {
  name: 'bluesky',
  displayName: 'Bluesky',
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
  limits: { maxTextLength: BLUESKY_MAX_GRAPHEMES, maxImages: 4, maxImageBytes: 1_000_000 },
  notes: [
    'Posts are at most 300 characters as people see them (emoji and accented letters count once).',
    'Replies by others cannot be deleted on Bluesky: Courtdesk can hide them under the court’s posts (readers can still open hidden replies); the court can also block or mute the author, or report the reply, in Bluesky.',
    'Direct messages need an app password created with “Allow access to your direct messages”.',
    'One video (mp4, up to 100 MB) or up to 4 images of 1 MB per post.',
    'Comments are fetched periodically (Bluesky has no webhooks).',
  ],
  credentialFields: [
    { key: 'serviceUrl', label: 'Service address (https://bsky.social unless the court runs its own)', secret: false, required: false },
    { key: 'identifier', label: 'Handle (e.g. gjykata.bsky.social)', secret: false, required: true },
    { key: 'appPassword', label: 'App password (Settings → Privacy and security → App passwords)', secret: true, required: true },
  ],
};

const MAX_HIDDEN = 300;

/**
 * Bluesky over XRPC with an app password. Each post is written under a record key derived from its
 * idempotency key with "create only if absent" (`putRecord` with `swapRecord: null`), so a retry can
 * never make a second post, and the key finds the post again even after a restart.
 */
export function createBlueskyConnector(given: BlueskyConnectorOptions = {}): Connector {
  // The service address is typed in by an officer: never call this machine or a private network (SSRF).
  const opts = { ...given, fetch: guardedFetch(given.fetch ?? globalThis.fetch, { allowPrivate: given.allowHttpLoopback === true }) };
  const xrpc = new XrpcClient(opts);
  const deletedHere = new Set<string>();

  async function getPost(account: AccountRef, rkey: string): Promise<RecordEnvelope<PostRecord> | null> {
    const { did } = await xrpc.who(account);
    try {
      return await xrpc.call<RecordEnvelope<PostRecord>>(account, 'GET', 'com.atproto.repo.getRecord', {
        query: { repo: did, collection: POST, rkey },
      });
    } catch (err) {
      if (err instanceof ConnectorError && err.opts.code === 'not_found') return null;
      throw err;
    }
  }

  async function refOf(account: AccountRef, r: RecordEnvelope<PostRecord>): Promise<PublishedRef> {
    const { handle } = await xrpc.who(account);
    const rkey = parseAtUri(r.uri)!.rkey;
    return { externalId: rkey, url: `https://bsky.app/profile/${handle}/post/${rkey}`, publishedAt: r.value.createdAt };
  }

  async function publish(account: AccountRef, input: PublishInput): Promise<PublishedRef> {
    const rkey = rkeyFor(input.idempotencyKey);
    const existing = await getPost(account, rkey);
    if (existing) return refOf(account, existing);
    const { did } = await xrpc.who(account);
    const text = input.link && !input.text.includes(input.link) ? `${input.text}\n\n${input.link}` : input.text;
    const facets = detectFacets(text);
    const embed = await embedFor(xrpc, account, input.media, opts);
    const record = {
      $type: POST,
      text,
      createdAt: new Date().toISOString(),
      ...(facets.length ? { facets } : {}),
      ...(embed ? { embed } : {}),
    };
    try {
      // swapRecord: null = "only if there is no record under this key yet".
      await xrpc.call(account, 'POST', 'com.atproto.repo.putRecord', {
        json: { repo: did, collection: POST, rkey, record, swapRecord: null },
        write: true,
      });
    } catch (err) {
      if (!(err instanceof ConnectorError) || err.opts.code !== 'conflict') throw err;
      // A twin request got there first: the post exists, which is what we wanted.
    }
    const stored = await getPost(account, rkey);
    if (!stored)
      throw new ConnectorError('Bluesky accepted the post but does not show it yet; try again shortly.', {
        retryable: true,
        code: 'server_error',
        maybeApplied: true,
      });
    return refOf(account, stored);
  }

  /** Own post by record key, or by the full AT URI of a record in the account's repository. */
  async function ownKey(account: AccountRef, externalId: string): Promise<{ collection: string; rkey: string }> {
    const { did } = await xrpc.who(account);
    const uri = parseAtUri(externalId);
    if (!uri) return { collection: POST, rkey: externalId };
    if (uri.did !== did)
      throw new UnsupportedByPlatformError(
        'Bluesky',
        'deleting other people’s posts or replies (hide the reply, or block, mute or report the author, instead)',
      );
    return { collection: uri.collection, rkey: uri.rkey };
  }

  async function threadPost(account: AccountRef, uri: string): Promise<PostView> {
    if (!parseAtUri(uri))
      throw new ConnectorError('That is not a Bluesky post address.', {
        retryable: false,
        code: 'not_found',
        platformMessage: `Invalid AT URI: ${uri}`,
      });
    const res = await xrpc.call<{ thread: { post?: PostView } }>(account, 'GET', 'app.bsky.feed.getPostThread', {
      query: { uri, depth: '0', parentHeight: '0' },
    });
    if (!res.thread.post)
      throw new ConnectorError('The reply is no longer on Bluesky.', {
        retryable: false,
        code: 'not_found',
        platformMessage: 'Post not found',
      });
    return res.thread.post;
  }

  return {
    manifest: BLUESKY_MANIFEST,
    publish,

    async findByIdempotencyKey(account, key) {
      const r = await getPost(account, rkeyFor(key));
      return r ? refOf(account, r) : null;
    },

    async deletePost(account, externalId) {
      const { did } = await xrpc.who(account);
      const { collection, rkey } = await ownKey(account, externalId);
      const mark = `${account.accountId}/${collection}/${rkey}`;
      // Bluesky deletes silently what is not there; tell "never existed" apart by looking first.
      const exists = await xrpc
        .call(account, 'GET', 'com.atproto.repo.getRecord', { query: { repo: did, collection, rkey } })
        .then(() => true)
        .catch((err: unknown) => {
          if (err instanceof ConnectorError && err.opts.code === 'not_found') return false;
          throw err;
        });
      if (!exists) {
        if (deletedHere.has(mark)) return;
        throw new ConnectorError('The post is not on Bluesky (deleted, or never existed).', {
          retryable: false,
          code: 'not_found',
          platformMessage: `Could not locate record: at://${did}/${collection}/${rkey}`,
        });
      }
      await xrpc.call(account, 'POST', 'com.atproto.repo.deleteRecord', { json: { repo: did, collection, rkey }, write: true });
      deletedHere.add(mark);
    },

    listComments: (account, o) => listComments(xrpc, account, startMark(o)),

    async hideComment(account, externalId, hidden) {
      const { did } = await xrpc.who(account);
      const post = await threadPost(account, externalId);
      const root = parseAtUri(post.record.reply?.root.uri ?? '');
      if (!root || root.did !== did) {
        throw new ConnectorError('Bluesky lets the court hide replies only under its own posts.', {
          retryable: false,
          code: 'forbidden',
          platformMessage: 'Not the author of the thread root',
        });
      }
      if (post.author.did === did)
        throw new ConnectorError('The court’s own replies cannot be hidden.', {
          retryable: false,
          code: 'invalid',
          platformMessage: 'Cannot hide own reply',
        });
      const gate = await getThreadgate(xrpc, account, did, root.rkey);
      const list = new Set(gate?.value.hiddenReplies ?? []);
      if (hidden) list.add(externalId);
      else list.delete(externalId);
      if (list.size > MAX_HIDDEN) {
        throw new ConnectorError('Bluesky hides at most 300 replies per thread.', {
          retryable: false,
          code: 'rejected',
          platformMessage: 'hiddenReplies must not be longer than 300 items',
        });
      }
      const record = gate
        ? { ...gate.value, hiddenReplies: [...list] }
        : { $type: THREADGATE, post: `at://${did}/${POST}/${root.rkey}`, createdAt: new Date().toISOString(), hiddenReplies: [...list] };
      // Read-modify-write: swapRecord makes a concurrent change fail instead of being overwritten.
      await xrpc.call(account, 'POST', 'com.atproto.repo.putRecord', {
        json: { repo: did, collection: THREADGATE, rkey: root.rkey, record, swapRecord: gate?.cid ?? null },
        write: true,
      });
    },

    async deleteComment(account, externalId) {
      const { collection, rkey } = await ownKey(account, externalId);
      const { did } = await xrpc.who(account);
      await xrpc.call(account, 'POST', 'com.atproto.repo.deleteRecord', { json: { repo: did, collection, rkey }, write: true });
    },

    async replyToComment(account, externalId, text) {
      const { did } = await xrpc.who(account);
      const parent = await threadPost(account, externalId);
      const root = parent.record.reply?.root ?? { uri: parent.uri, cid: parent.cid };
      const facets = detectFacets(text);
      const res = await xrpc.call<{ uri: string }>(account, 'POST', 'com.atproto.repo.createRecord', {
        json: {
          repo: did,
          collection: POST,
          record: {
            $type: POST,
            text,
            createdAt: new Date().toISOString(),
            reply: { root, parent: { uri: parent.uri, cid: parent.cid } },
            ...(facets.length ? { facets } : {}),
          },
        },
        write: true,
      });
      return { externalId: res.uri };
    },

    listMessages: (account, o) => listMessages(xrpc, account, startMark(o)),

    async sendMessage(account, conversationId, text) {
      const res = await xrpc.call<MessageView>(account, 'POST', 'chat.bsky.convo.sendMessage', {
        json: { convoId: conversationId, message: { text } },
        proxy: CHAT_PROXY,
        write: true,
      });
      return { externalId: res.id };
    },

    async getProfile(account) {
      const { did } = await xrpc.who(account);
      const p = await xrpc.call<ProfileDetailed>(account, 'GET', 'app.bsky.actor.getProfile', { query: { actor: did } });
      return {
        displayName: p.displayName || p.handle,
        handle: `@${p.handle}`,
        description: p.description ?? '',
        website: p.website ?? null,
        email: null,
        phone: null,
        address: null,
        picture: await picture(p.avatar),
        autoReplyText: null,
      };
    },

    async listRoles() {
      throw new UnsupportedByPlatformError('Bluesky', 'listing who manages an account (a Bluesky account has one login)');
    },

    async rateLimit(account) {
      return xrpc.rateLimit(account);
    },
  };

  async function picture(url: string | undefined): Promise<Buffer | null> {
    if (!url) return null;
    try {
      if (!safeOrigin(new URL(url), xrpc.allowHttpLoopback)) return null;
    } catch {
      return null;
    }
    return pictureBytes(opts.fetch ?? globalThis.fetch, url, xrpc.timeoutMs);
  }
}
