import {
  ConnectorError,
  UnsupportedByPlatformError,
  type AccountRef,
  type Connector,
  type ConnectorManifest,
  type ExternalComment,
  type ExternalMessage,
  type ExternalProfile,
  type MediaInput,
  type PublishedRef,
} from '../connector.js';
import { fetchPicture, type MetaConnectorOptions } from '../facebook/facebook.connector.js';
import { GraphClient, isoTime, type GraphPage } from '../meta/graph-client.js';
import { nestedPage } from '../meta/nested-paging.js';
import { listPageMessages, sendPageMessage } from '../meta/page-messages.js';
import { IdempotentPublisher, memoryPublishLedger, type RecentPost } from '../meta/publish-ledger.js';

/** What an Instagram professional account allows through the Graph API (platform-apis.md §3). */
export const INSTAGRAM_MANIFEST: ConnectorManifest = {
  name: 'instagram',
  displayName: 'Instagram',
  capabilities: {
    textPost: false,
    imagePost: true,
    // Reels go through a resumable upload; Courtdesk does not upload video yet.
    videoPost: false,
    // Best effort: Meta documents no delete; it is reported to work for accounts connected through Facebook Login.
    deletePost: true,
    listComments: true,
    hideComment: true,
    deleteComment: true,
    replyComment: true,
    commentWebhook: true,
    privateMessages: true,
    nativeAutoReply: false,
    readProfile: true,
    editProfile: false,
    listRoles: false,
  },
  limits: { maxTextLength: 2_200, maxImages: 10, maxImageBytes: 8 * 1024 * 1024 },
  notes: [
    'Instagram needs a photo (JPEG) in every post: text-only posts are not possible.',
    'The bio, name, website, picture and team are edited in Instagram or Meta Business Suite, not through Courtdesk.',
    'Automatic replies to messages only within 24 hours of the person’s last message.',
    'Instagram publishes at most 50 posts per account per 24 hours through the API.',
    'Deleting a post through the API is not guaranteed by Meta; if it fails, delete it in the Instagram app.',
    'Instagram fetches each photo from a public address: Courtdesk must be reachable at its PUBLIC_URL.',
  ],
  credentialFields: [
    { key: 'accessToken', label: 'Access token (Facebook Login, of the linked Page)', secret: true, required: true },
    { key: 'pageId', label: 'Linked Facebook Page id (for messages)', secret: false, required: false },
  ],
};

/** Puts a photo on a public URL for Meta to fetch (Instagram does not accept uploaded bytes for images). */
export type MediaHost = (account: AccountRef, media: MediaInput) => Promise<string>;

export interface InstagramConnectorOptions extends MetaConnectorOptions {
  mediaHost?: MediaHost;
  /** Pause between container status checks. */
  pollIntervalMs?: number;
}

interface IgComment {
  id: string;
  text?: string;
  timestamp?: string;
  username?: string;
  from?: { id: string; username?: string };
  hidden?: boolean;
  replies?: { data: IgComment[] };
}

const PAGE_SIZE = 50;

/** The Instagram professional-account connector (Facebook Login, graph.facebook.com). */
export function createInstagramConnector(opts: InstagramConnectorOptions = {}): Connector {
  const graph = new GraphClient('Instagram', 'accessToken', opts);
  const publisher = new IdempotentPublisher(opts.ledger ?? memoryPublishLedger());
  const maxMedia = opts.maxPostsScanned ?? 25;
  const ig = (a: AccountRef) => encodeURIComponent(a.externalId);

  const pageIdOf = (a: AccountRef): string => {
    const p = a.credentials.pageId;
    if (typeof p !== 'string' || !p.trim())
      throw new ConnectorError(
        'Instagram messages go through the Facebook Page linked to the account: an administrator must enter its Page id in the connection.',
        { retryable: false, code: 'not_connected' },
      );
    return encodeURIComponent(p.trim());
  };

  async function mediaRef(a: AccountRef, id: string, createdAt?: string): Promise<PublishedRef> {
    let permalink = 'https://www.instagram.com/';
    let at = createdAt;
    try {
      const m = await graph.get<{ permalink?: string; timestamp?: string }>(a, encodeURIComponent(id), { fields: 'permalink,timestamp' });
      permalink = m.permalink ?? permalink;
      at = m.timestamp ?? at;
    } catch {
      // The post exists; its link is only a convenience.
    }
    // Instagram links use a shortcode, not the media id: keep the id in the fragment so the link names the post.
    return { externalId: id, url: `${permalink}#${id}`, publishedAt: isoTime(at) };
  }

  async function recent(a: AccountRef, sinceIso: string): Promise<RecentPost[]> {
    const res = await graph.get<GraphPage<{ id: string; caption?: string; timestamp?: string }>>(a, `${ig(a)}/media`, {
      fields: 'id,caption,timestamp',
      since: Math.floor(Date.parse(sinceIso) / 1000),
      limit: 50,
    });
    return res.data.map((m) => ({ id: m.id, text: m.caption ?? '', createdAt: isoTime(m.timestamp) }));
  }

  async function waitFinished(a: AccountRef, containerId: string): Promise<void> {
    for (let i = 0; i < 30; i++) {
      const s = await graph.get<{ status_code?: string; status?: string }>(a, encodeURIComponent(containerId), {
        fields: 'status_code,status',
      });
      if (s.status_code === 'FINISHED' || s.status_code === 'PUBLISHED') return;
      if (s.status_code === 'ERROR' || s.status_code === 'EXPIRED')
        throw new ConnectorError('Instagram could not prepare the photo.', {
          retryable: false,
          code: 'rejected',
          platformMessage: s.status ?? s.status_code,
        });
      await new Promise((r) => setTimeout(r, opts.pollIntervalMs ?? 1000));
    }
    throw new ConnectorError('Instagram is still preparing the photo.', {
      retryable: true,
      code: 'timeout',
      platformMessage: 'IN_PROGRESS',
    });
  }

  async function create(a: AccountRef, caption: string, media: MediaInput[]): Promise<PublishedRef> {
    const host = opts.mediaHost;
    if (!host)
      throw new ConnectorError('Instagram fetches photos from a public address, and Courtdesk has none configured (PUBLIC_URL).', {
        retryable: false,
        code: 'media_host_missing',
      });
    let container: string;
    if (media.length === 1) {
      const m = media[0]!;
      container = (await graph.post<{ id: string }>(a, `${ig(a)}/media`, { image_url: await host(a, m), caption, alt_text: m.altText })).id;
    } else {
      const children: string[] = [];
      for (const m of media)
        children.push((await graph.post<{ id: string }>(a, `${ig(a)}/media`, { image_url: await host(a, m), is_carousel_item: true })).id);
      container = (await graph.post<{ id: string }>(a, `${ig(a)}/media`, { media_type: 'CAROUSEL', children: children.join(','), caption }))
        .id;
    }
    await waitFinished(a, container);
    const published = await graph.post<{ id: string }>(a, `${ig(a)}/media_publish`, { creation_id: container });
    return mediaRef(a, published.id);
  }

  return {
    manifest: INSTAGRAM_MANIFEST,

    async publish(a, input) {
      graph.token(a);
      if (input.media.length === 0) throw new UnsupportedByPlatformError('Instagram', 'a post without a photo');
      if (input.media.some((m) => m.kind !== 'image'))
        throw new ConnectorError('Courtdesk does not publish video to Instagram yet; publish it in the Instagram app.', {
          retryable: false,
          code: 'unsupported',
        });
      if (input.media.some((m) => m.mime !== 'image/jpeg'))
        throw new ConnectorError('Instagram accepts JPEG photos only.', {
          retryable: false,
          code: 'rejected',
          platformMessage: 'Only JPEG images are supported for image_url.',
        });
      const caption = input.link ? `${input.text}\n\n${input.link}` : input.text;
      return publisher.publish(a.accountId, input.idempotencyKey, caption, {
        create: () => create(a, caption, input.media),
        recent: (s) => recent(a, s),
        refFor: (p) => mediaRef(a, p.id, p.createdAt),
      });
    },

    findByIdempotencyKey(a, key) {
      graph.token(a);
      return publisher.find(a.accountId, key, { recent: (s) => recent(a, s), refFor: (p) => mediaRef(a, p.id, p.createdAt) });
    },

    async deletePost(a, externalId) {
      try {
        await graph.delete(a, encodeURIComponent(externalId));
      } catch (err) {
        // "Does not exist" for media we published ourselves: it is already gone.
        if (err instanceof ConnectorError && err.opts.code === 'not_found' && (await publishedHere(a, externalId))) return;
        throw err;
      }
    },

    async listComments(a, { since, cursor }) {
      const res = await nestedPage<IgComment & { mediaId?: string }>({
        cursor,
        want: PAGE_SIZE,
        maxParents: maxMedia,
        parents: (after) => graph.get(a, `${ig(a)}/media`, { fields: 'id', limit: 25, after: after ?? undefined }),
        children: async (mediaId, after, limit) => {
          const r = await graph.get<GraphPage<IgComment>>(a, `${encodeURIComponent(mediaId)}/comments`, {
            fields: 'id,text,timestamp,username,from,hidden,replies{id,text,timestamp,username,from,hidden}',
            limit,
            after: after ?? undefined,
          });
          return { ...r, data: r.data.map((c) => ({ ...c, mediaId })) };
        },
      });
      const items = res.items
        .flatMap((c) => [toComment(a, c, c.mediaId!), ...(c.replies?.data ?? []).map((r) => toComment(a, r, c.mediaId!))])
        .filter((c) => !since || c.createdAt > since);
      return { items, cursor: res.cursor };
    },

    async hideComment(a, externalId, hidden) {
      await graph.post(a, encodeURIComponent(externalId), { hide: hidden });
    },

    async deleteComment(a, externalId) {
      await graph.delete(a, encodeURIComponent(externalId));
    },

    async replyToComment(a, externalId, text) {
      const r = await graph.post<{ id: string }>(a, `${encodeURIComponent(externalId)}/replies`, { message: text });
      return { externalId: r.id };
    },

    async listMessages(a, { since, cursor }) {
      const pageId = pageIdOf(a);
      const ours = new Set([a.externalId, decodeURIComponent(pageId)]);
      const res = await listPageMessages(graph, a, {
        pagePath: pageId,
        platform: 'instagram',
        ours,
        want: PAGE_SIZE,
        maxConversations: maxMedia,
        since,
        cursor,
      });
      const items: ExternalMessage[] = res.items
        .map((m) => ({
          externalId: m.id,
          conversationId: m.conversationId,
          senderHandle: m.from?.username ? `@${m.from.username}` : (m.from?.id ?? ''),
          senderName: m.from?.name ?? m.from?.username ?? '',
          text: m.message ?? '',
          createdAt: isoTime(m.created_time),
          fromAccount: ours.has(m.from?.id ?? ''),
        }))
        .filter((m) => !since || m.createdAt > since);
      return { items, cursor: res.cursor };
    },

    async sendMessage(a, conversationId, text) {
      // Our conversation id is the person's Instagram-scoped id (IGSID), as in Meta's webhooks.
      return sendPageMessage(graph, a, pageIdOf(a), conversationId, text);
    },

    async getProfile(a): Promise<ExternalProfile> {
      const p = await graph.get<{ username?: string; name?: string; biography?: string; website?: string; profile_picture_url?: string }>(
        a,
        ig(a),
        {
          fields: 'username,name,biography,website,profile_picture_url',
        },
      );
      return {
        displayName: p.name ?? p.username ?? '',
        handle: p.username ? `@${p.username}` : a.handle,
        description: p.biography ?? '',
        website: p.website ?? null,
        email: null,
        phone: null,
        address: null,
        picture: await fetchPicture(p.profile_picture_url),
        autoReplyText: null,
      };
    },

    listRoles() {
      return Promise.reject(new UnsupportedByPlatformError('Instagram', 'reading who manages the account (see the linked Facebook Page)'));
    },

    async rateLimit(a) {
      graph.token(a);
      return graph.rateLimit(a);
    },
  };

  async function publishedHere(a: AccountRef, externalId: string): Promise<boolean> {
    return (await publisher.claimedIds(a.accountId)).has(externalId);
  }
}

function toComment(a: AccountRef, c: IgComment, mediaId: string): ExternalComment {
  const username = c.username ?? c.from?.username ?? '';
  return {
    externalId: c.id,
    postExternalId: mediaId,
    authorHandle: username ? `@${username}` : (c.from?.id ?? ''),
    authorName: username,
    text: c.text ?? '',
    createdAt: isoTime(c.timestamp),
    hidden: c.hidden ?? false,
    fromAccount: c.from?.id === a.externalId,
  };
}
