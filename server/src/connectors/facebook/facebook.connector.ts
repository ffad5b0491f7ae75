import {
  ConnectorError,
  type AccountRef,
  type Connector,
  type ConnectorManifest,
  type ExternalComment,
  type ExternalMessage,
  type ExternalProfile,
  type ExternalRole,
  type PublishedRef,
} from '../connector.js';
import { pictureBytes } from '../connector-kit.js';
import { GraphClient, isoTime, type GraphClientOptions, type GraphPage } from '../meta/graph-client.js';
import { nestedPage } from '../meta/nested-paging.js';
import { listPageMessages, sendPageMessage } from '../meta/page-messages.js';
import { IdempotentPublisher, memoryPublishLedger, type PublishLedger, type RecentPost } from '../meta/publish-ledger.js';

/** What Facebook Pages allow through the Graph API (platform-apis.md §2) and what Courtdesk does with it. */
export const FACEBOOK_MANIFEST: ConnectorManifest = {
  name: 'facebook',
  displayName: 'Facebook',
  capabilities: {
    textPost: true,
    imagePost: true,
    // Graph allows video (resumable upload, Reels); Courtdesk does not upload video yet.
    videoPost: false,
    deletePost: true,
    listComments: true,
    hideComment: true,
    deleteComment: true,
    replyComment: true,
    commentWebhook: true,
    privateMessages: true,
    // Business Suite's instant/away replies have no write API; Courtdesk sends its own reply instead.
    nativeAutoReply: false,
    readProfile: true,
    editProfile: false,
    listRoles: true,
  },
  limits: { maxTextLength: 63_206, maxImages: 10, maxImageBytes: 4 * 1024 * 1024 },
  notes: [
    'Automatic replies to messages only within 24 hours of the person’s last message; Courtdesk cannot start a conversation.',
    'The Page name and the people who manage the Page are changed on Facebook itself; Courtdesk only reads the roles.',
    'Hidden comments stay visible to their author and the author’s friends.',
    'Video is not published through Courtdesk yet: publish it in Meta Business Suite.',
    'The connection needs a Page access token with pages_manage_posts, pages_read_engagement, pages_read_user_content, pages_manage_engagement, pages_messaging and pages_manage_metadata.',
  ],
  credentialFields: [{ key: 'pageAccessToken', label: 'Page access token', secret: true, required: true }],
};

export interface MetaConnectorOptions extends GraphClientOptions {
  ledger?: PublishLedger;
  /** Posts scanned when listing comments by polling (the newest); webhooks carry comments on older ones. */
  maxPostsScanned?: number;
}

interface FbComment {
  id: string;
  message?: string;
  from?: { id: string; name?: string };
  created_time?: string;
  is_hidden?: boolean;
  parent?: { id: string };
}

const COMMENT_FIELDS = 'id,message,from,created_time,is_hidden,parent';
const PAGE_SIZE = 50;

/** The Facebook Pages connector over the Graph API (plain fetch). */
export function createFacebookConnector(opts: MetaConnectorOptions = {}): Connector {
  const graph = new GraphClient('Facebook', 'pageAccessToken', opts);
  const publisher = new IdempotentPublisher(opts.ledger ?? memoryPublishLedger());
  const maxPosts = opts.maxPostsScanned ?? 25;
  const page = (a: AccountRef) => encodeURIComponent(a.externalId);

  const postRef = (id: string, createdAt?: string): PublishedRef => ({
    externalId: id,
    // facebook.com/{page-id}_{post-id} resolves to the post; permalink_url uses opaque pfbid ids.
    url: `https://www.facebook.com/${id}`,
    publishedAt: createdAt ? isoTime(createdAt) : new Date().toISOString(),
  });

  async function recent(a: AccountRef, sinceIso: string): Promise<RecentPost[]> {
    const since = Math.floor(Date.parse(sinceIso) / 1000);
    const res = await graph.get<GraphPage<{ id: string; message?: string; created_time?: string }>>(a, `${page(a)}/published_posts`, {
      fields: 'id,message,created_time',
      since,
      limit: 100,
    });
    return res.data.map((p) => ({ id: p.id, text: p.message ?? '', createdAt: isoTime(p.created_time) }));
  }

  async function create(a: AccountRef, text: string, link: string | undefined, media: { mime: string; bytes: Buffer; altText?: string }[]) {
    if (media.length === 0) {
      const r = await graph.post<{ id: string }>(a, `${page(a)}/feed`, { message: text, link });
      return postRef(r.id);
    }
    if (media.length === 1) {
      const r = await graph.post<{ id: string; post_id?: string }>(a, `${page(a)}/photos`, photoForm(media[0]!, text, true));
      return postRef(r.post_id ?? `${a.externalId}_${r.id}`);
    }
    // Several photos: upload each unpublished, then one post attaching them (as postiz does).
    const ids: string[] = [];
    for (const m of media) ids.push((await graph.post<{ id: string }>(a, `${page(a)}/photos`, photoForm(m, '', false))).id);
    const r = await graph.post<{ id: string }>(a, `${page(a)}/feed`, {
      message: text,
      attached_media: JSON.stringify(ids.map((id) => ({ media_fbid: id }))),
    });
    return postRef(r.id);
  }

  return {
    manifest: FACEBOOK_MANIFEST,

    async publish(a, input) {
      graph.token(a);
      if (input.media.some((m) => m.kind !== 'image'))
        throw new ConnectorError('Courtdesk does not publish video to Facebook yet; publish it in Meta Business Suite.', {
          retryable: false,
          code: 'unsupported',
        });
      return publisher.publish(a.accountId, input.idempotencyKey, input.text, {
        create: () => create(a, input.text, input.link, input.media),
        recent: (s) => recent(a, s),
        refFor: (p) => postRef(p.id, p.createdAt),
      });
    },

    findByIdempotencyKey(a, key) {
      graph.token(a);
      return publisher.find(a.accountId, key, { recent: (s) => recent(a, s), refFor: (p) => postRef(p.id, p.createdAt) });
    },

    async deletePost(a, externalId) {
      try {
        await graph.delete(a, encodeURIComponent(externalId));
      } catch (err) {
        // Graph answers "does not exist" for a post already deleted: a post id of this Page is then gone, as asked.
        if (err instanceof ConnectorError && err.opts.code === 'not_found' && externalId.startsWith(`${a.externalId}_`)) return;
        throw err;
      }
    },

    async listComments(a, { since, cursor }) {
      const res = await nestedPage<FbComment>({
        cursor,
        want: PAGE_SIZE,
        maxParents: maxPosts,
        parents: (after) => graph.get(a, `${page(a)}/feed`, { fields: 'id', limit: 25, after: after ?? undefined }),
        children: (postId, after, limit) =>
          graph.get(a, `${encodeURIComponent(postId)}/comments`, {
            filter: 'stream',
            order: 'chronological',
            fields: COMMENT_FIELDS,
            limit,
            after: after ?? undefined,
          }),
      });
      // The post a comment belongs to is the prefix the Graph comment id does not carry; keep it from the walk.
      const items = res.items.map((c) => toComment(a, c)).filter((c) => !since || c.createdAt > since);
      return { items, cursor: res.cursor };
    },

    async hideComment(a, externalId, hidden) {
      await graph.post(a, encodeURIComponent(externalId), { is_hidden: hidden });
    },

    async deleteComment(a, externalId) {
      await graph.delete(a, encodeURIComponent(externalId));
    },

    async replyToComment(a, externalId, text) {
      const r = await graph.post<{ id: string }>(a, `${encodeURIComponent(externalId)}/comments`, { message: text });
      return { externalId: r.id };
    },

    async listMessages(a, { since, cursor }) {
      const res = await listPageMessages(graph, a, {
        pagePath: page(a),
        platform: 'messenger',
        ours: new Set([a.externalId]),
        want: PAGE_SIZE,
        maxConversations: maxPosts,
        since,
        cursor,
      });
      const items: ExternalMessage[] = res.items
        .map((m) => ({
          externalId: m.id,
          conversationId: m.conversationId,
          senderHandle: m.from?.id ?? '',
          senderName: m.from?.name ?? '',
          text: m.message ?? '',
          createdAt: isoTime(m.created_time),
          fromAccount: m.from?.id === a.externalId,
        }))
        .filter((m) => !since || m.createdAt > since);
      return { items, cursor: res.cursor };
    },

    async sendMessage(a, conversationId, text) {
      // Our conversation id is the person's Page-scoped id (PSID), as in Meta's webhooks: the Send API's recipient.
      return sendPageMessage(graph, a, page(a), conversationId, text);
    },

    async getProfile(a): Promise<ExternalProfile> {
      const p = await graph.get<{
        name?: string;
        username?: string;
        about?: string;
        description?: string;
        emails?: string[];
        phone?: string;
        website?: string;
        single_line_address?: string;
        picture?: { data?: { url?: string } };
      }>(a, page(a), { fields: 'name,username,about,description,emails,phone,website,single_line_address,picture{url}' });
      return {
        displayName: p.name ?? '',
        handle: p.username ? `@${p.username}` : a.handle,
        description: p.about || p.description || '',
        website: p.website ?? null,
        email: p.emails?.[0] ?? null,
        phone: p.phone ?? null,
        address: p.single_line_address ?? null,
        picture: await fetchPicture(p.picture?.data?.url),
        autoReplyText: null,
      };
    },

    async listRoles(a): Promise<ExternalRole[]> {
      const r = await graph.get<GraphPage<{ id: string; name?: string; tasks?: string[]; role?: string }>>(a, `${page(a)}/roles`, {
        fields: 'id,name,tasks',
        limit: 100,
      });
      return r.data.map((u) => ({ externalUserId: u.id, name: u.name ?? '', email: null, role: roleOf(u.tasks ?? [], u.role) }));
    },

    async rateLimit(a) {
      graph.token(a);
      return graph.rateLimit(a);
    },
  };
}

function toComment(a: AccountRef, c: FbComment): ExternalComment {
  return {
    externalId: c.id,
    // A Page comment id is `{post-id}_{comment-id}`; the post's full id is `{page-id}_{post-id}`.
    postExternalId: c.id.includes('_') ? `${a.externalId}_${c.id.split('_')[0]}` : null,
    authorHandle: c.from?.id ?? '',
    authorName: c.from?.name ?? '',
    text: c.message ?? '',
    createdAt: isoTime(c.created_time),
    hidden: c.is_hidden ?? false,
    fromAccount: c.from?.id === a.externalId,
  };
}

function photoForm(m: { mime: string; bytes: Buffer; altText?: string }, caption: string, published: boolean): FormData {
  const f = new FormData();
  f.set('source', new Blob([new Uint8Array(m.bytes)], { type: m.mime }), 'photo');
  if (caption) f.set('caption', caption);
  if (m.altText) f.set('alt_text_custom', m.altText);
  f.set('published', String(published));
  return f;
}

/** Page tasks → our role words (platform-apis.md §2: MANAGE, CREATE_CONTENT, MODERATE, MESSAGING, ADVERTISE, ANALYZE). */
export function roleOf(tasks: string[], legacy?: string): ExternalRole['role'] {
  const t = new Set(tasks.map((x) => x.toUpperCase()));
  if (t.has('MANAGE') || legacy === 'Admin') return 'admin';
  if (t.has('CREATE_CONTENT') || legacy === 'Editor') return 'editor';
  if (t.has('MODERATE') || t.has('MESSAGING') || legacy === 'Moderator') return 'moderator';
  if (t.has('ANALYZE') || t.has('ADVERTISE') || legacy === 'Analyst') return 'analyst';
  return 'other';
}

/** The profile picture's bytes (a public CDN URL); a failure leaves the picture unknown, not the profile. */
export async function fetchPicture(url: string | undefined): Promise<Buffer | null> {
  return url ? pictureBytes(fetch, url, 10_000) : null;
}
