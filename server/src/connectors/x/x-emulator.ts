import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { answering500, closeServer, FaultQueue, jsonObject, listenOnLoopback, readBody, sendJson as send } from '../emulator-kit.js';
import { weightedLength } from './x.text.js';
import {
  cmp,
  paginate,
  renderTweet,
  renderUser,
  snowflake,
  xNow,
  type EmuDm,
  type EmuMedia,
  type EmuTweet,
  type EmuUser,
} from './x-emulator.state.js';

/** Faults the emulator can inject into the next request(s) of one user. */
export type XFault =
  | { kind: 'rate_limited'; retryAfterMs: number }
  | { kind: 'server_error' }
  | { kind: 'outage'; until: string }
  | { kind: 'timeout_after_write' }
  | { kind: 'permanent'; message: string }
  | { kind: 'usage_capped' }
  | { kind: 'out_of_credits' };

export interface XEmulatorOptions {
  /**
   * X refuses a post whose text equals one of the author's posts (403 "duplicate content"). On by
   * default; the shared contract suite posts one text under several keys, so its run turns it off.
   */
  rejectDuplicateText?: boolean;
}

interface Window {
  limit: number;
  windowMs: number;
  start: number;
  used: number;
}

type Out = { status: number; body?: unknown };

/** Per-user limits from the reference (per 15 minutes); others 900. */
const LIMITS: Record<string, number> = {
  'POST /2/tweets': 100,
  'DELETE /2/tweets/:id': 50,
  'PUT /2/tweets/:id/hidden': 50,
  'POST /2/dm_conversations/:id/messages': 15,
  'GET /2/dm_events': 15,
  'POST /2/media/upload': 500,
  'GET /2/users/:id/mentions': 300,
};
const WINDOW_MS = 15 * 60_000;

const problem = (status: number, title: string, detail: string, type = 'about:blank'): Out => ({
  status,
  body: { title, detail, type, status },
});
const notFoundTweet = (id: string) => ({
  value: id,
  detail: `Could not find tweet with id: [${id}].`,
  title: 'Not Found Error',
  resource_type: 'tweet',
  parameter: 'id',
  resource_id: id,
  type: 'https://api.twitter.com/2/problems/resource-not-found',
});
/** 404 for a tweet id that is not there (or deleted), as X answers a DELETE or PUT on it. */
const tweetMissing = (id: string): Out =>
  problem(404, 'Not Found Error', `Could not find tweet with id: [${id}].`, 'https://api.twitter.com/2/problems/resource-not-found');
const invalid = (message: string): Out => ({
  status: 400,
  body: {
    errors: [{ message }],
    title: 'Invalid Request',
    detail: 'One or more parameters to your request was invalid.',
    type: 'https://api.twitter.com/2/problems/invalid-request',
  },
});

/**
 * X API v2 in memory, on 127.0.0.1 with a random port, for tests: the endpoints the connector uses,
 * with X's JSON shapes (t.co links, escaped text, `data`/`includes`/`meta`, 200 answers carrying
 * `errors`), its problem bodies, per-endpoint `x-rate-limit-*` headers and fault injection.
 */
export class XEmulator {
  readonly users = new Map<string, EmuUser>();
  readonly tweets = new Map<string, EmuTweet>();
  readonly dms: EmuDm[] = [];
  readonly media = new Map<string, EmuMedia>();
  readonly requests: { method: string; path: string; body: string }[] = [];
  private readonly faults = new FaultQueue<XFault>();
  private readonly windows = new Map<string, Window>();
  private readonly budgets = new Map<string, { limit: number; windowMs: number }>();
  private server: Server | null = null;
  url = '';

  constructor(private readonly opts: XEmulatorOptions = {}) {}

  async start(): Promise<this> {
    ({ server: this.server, url: this.url } = await listenOnLoopback(
      answering500(
        (req, res) => this.handle(req, res),
        (err) => ({ title: 'Internal Error', detail: String(err) }),
      ),
    ));
    return this;
  }

  async close(): Promise<void> {
    await closeServer(this.server);
  }

  // ---- acting as the public and as the test ----

  createUser(init: { username: string; name?: string; description?: string; location?: string; url?: string; token?: boolean }): EmuUser {
    const u: EmuUser = {
      id: snowflake(),
      username: init.username,
      name: init.name ?? init.username,
      description: init.description ?? '',
      location: init.location ?? '',
      url: init.url ?? '',
      token: init.token === false ? null : randomBytes(24).toString('base64url'),
    };
    this.users.set(u.id, u);
    return u;
  }

  person(handle: string, name: string): EmuUser {
    const username = handle.replace(/^@/, '');
    return this.byUsername(username) ?? this.createUser({ username, name, token: false });
  }

  /** Someone posts; a reply joins the parent's conversation and starts with "@author " as on X. */
  postAs(userId: string, p: { text: string; replyTo?: string | null; replySettings?: string }): EmuTweet {
    const parent = p.replyTo ? this.tweets.get(p.replyTo) : undefined;
    const prefix = parent && parent.authorId !== userId ? `@${this.users.get(parent.authorId)!.username} ` : '';
    const id = snowflake();
    const t: EmuTweet = {
      id,
      authorId: userId,
      text: prefix && !p.text.startsWith(prefix) ? prefix + p.text : p.text,
      createdAt: xNow(),
      conversationId: parent?.conversationId ?? id,
      inReplyToUserId: parent?.authorId ?? null,
      repliedToId: parent?.id ?? null,
      mediaKeys: [],
      replySettings: p.replySettings ?? 'everyone',
      deleted: false,
      hidden: false,
    };
    this.tweets.set(id, t);
    return t;
  }

  /** A direct message; the one-to-one conversation id is "smaller-larger" of the two user ids. */
  dm(senderId: string, recipientId: string, text: string): EmuDm {
    const [a, b] = [senderId, recipientId].sort(cmp);
    const d: EmuDm = { id: snowflake(), conversationId: `${a}-${b}`, senderId, text, createdAt: xNow() };
    this.dms.push(d);
    return d;
  }

  countPosts(userId: string): number {
    return [...this.tweets.values()].filter((t) => t.authorId === userId && !t.deleted && !t.repliedToId).length;
  }

  inject(userId: string, fault: XFault): void {
    this.faults.add(userId, fault);
  }

  setBudget(userId: string, limit: number, windowMs: number): void {
    this.budgets.set(userId, { limit, windowMs });
    for (const k of [...this.windows.keys()]) if (k.startsWith(`${userId} `)) this.windows.delete(k);
  }

  revokeToken(userId: string): void {
    const u = this.users.get(userId);
    if (u) u.token = null;
  }

  // ---- HTTP ----

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const raw = await readBody(req);
    const method = req.method ?? 'GET';
    this.requests.push({ method, path: url.pathname + url.search, body: raw.toString('utf8') });
    if (url.pathname.startsWith('/profile_images/')) {
      res.writeHead(200, { 'content-type': 'image/jpeg' }).end(Buffer.from('ffd8ffe000104a464946', 'hex'));
      return;
    }
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const me = token ? [...this.users.values()].find((u) => u.token === token) : undefined;
    const nowSec = Math.floor(Date.now() / 1000);
    const date = { date: new Date(nowSec * 1000).toUTCString() };
    if (!me) return send(res, 401, problem(401, 'Unauthorized', 'Unauthorized').body, date);
    const write = method !== 'GET';
    const fault = this.faults.take(me.id, write);
    if (fault?.kind === 'outage') {
      req.socket.destroy();
      return;
    }
    const endpoint = `${method} /2${url.pathname
      .slice(2)
      .replace(/\/\d+(?=\/|$)/g, '/:id')
      .replace(/\/dm_conversations\/[^/]+\//, '/dm_conversations/:id/')}`;
    const w = this.spend(me.id, endpoint);
    const resetSec = Math.ceil((w.start + w.windowMs) / 1000);
    const headers = {
      ...date,
      'x-rate-limit-limit': String(w.limit),
      'x-rate-limit-remaining': String(Math.max(0, w.limit - w.used)),
      'x-rate-limit-reset': String(resetSec),
    };
    if (fault?.kind === 'rate_limited') {
      const h = { ...headers, 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(nowSec + Math.ceil(fault.retryAfterMs / 1000)) };
      return send(res, 429, problem(429, 'Too Many Requests', 'Too Many Requests').body, h);
    }
    if (w.used > w.limit) return send(res, 429, problem(429, 'Too Many Requests', 'Too Many Requests').body, headers);
    if (fault?.kind === 'usage_capped') {
      return send(
        res,
        429,
        {
          title: 'UsageCapExceeded',
          detail: 'Usage cap exceeded: Monthly product cap',
          type: 'https://api.twitter.com/2/problems/usage-capped',
          period: 'Monthly',
          scope: 'Product',
        },
        date,
      );
    }
    if (fault?.kind === 'out_of_credits')
      return send(
        res,
        402,
        problem(402, 'CreditsDepleted', 'Your enrolled account does not have any credits to fulfill this request.').body,
        headers,
      );
    if (fault?.kind === 'server_error') return send(res, 503, problem(503, 'Service Unavailable', 'Service Unavailable').body, headers);
    if (fault?.kind === 'permanent') return send(res, 403, problem(403, 'Forbidden', fault.message).body, headers);
    const out = await this.route(method, url, raw, req, me);
    if (fault?.kind === 'timeout_after_write') return; // written; the answer never comes
    send(res, out.status, out.body, headers);
  }

  private async route(method: string, url: URL, raw: Buffer, req: IncomingMessage, me: EmuUser): Promise<Out> {
    const p = url.pathname;
    const q = url.searchParams;
    const json = () => jsonObject(raw);
    let m: RegExpExecArray | null;
    if (method === 'GET' && p === '/2/users/me') return { status: 200, body: { data: renderUser(me, this.url, true) } };
    if (method === 'POST' && p === '/2/tweets') return this.createTweet(me, json());
    if ((m = /^\/2\/tweets\/(\d+)$/.exec(p))) {
      const t = this.tweets.get(m[1]!);
      if (method === 'GET')
        return t && !t.deleted
          ? { status: 200, body: { data: this.render(t) } }
          : { status: 200, body: { errors: [notFoundTweet(m[1]!)] } };
      if (method === 'DELETE') {
        if (!t || t.deleted) return tweetMissing(m[1]!);
        if (t.authorId !== me.id) return problem(403, 'Forbidden', 'You are not allowed to delete this Tweet.');
        t.deleted = true;
        return { status: 200, body: { data: { deleted: true } } };
      }
    }
    if (method === 'PUT' && (m = /^\/2\/tweets\/(\d+)\/hidden$/.exec(p))) {
      const t = this.tweets.get(m[1]!);
      if (!t || t.deleted) return tweetMissing(m[1]!);
      const root = this.tweets.get(t.conversationId);
      if (!root || root.authorId !== me.id || t.authorId === me.id || t.id === root.id) {
        return problem(403, 'Forbidden', 'You can only hide or unhide replies to conversations you started.');
      }
      t.hidden = json().hidden === true;
      return { status: 200, body: { data: { hidden: t.hidden } } };
    }
    if (method === 'GET' && (m = /^\/2\/users\/(\d+)\/(tweets|mentions)$/.exec(p))) {
      const user = this.users.get(m[1]!);
      if (!user)
        return {
          status: 200,
          body: { errors: [{ ...notFoundTweet(m[1]!), resource_type: 'user', detail: `Could not find user with id: [${m[1]}].` }] },
        };
      const mentionRe = new RegExp(`(^|[^\\w])@${user.username}\\b`, 'i');
      const all = [...this.tweets.values()].filter(
        (t) => !t.deleted && (m![2] === 'tweets' ? t.authorId === user.id : t.authorId !== user.id && mentionRe.test(t.text)),
      );
      return this.list(all, q, { min: 5, max: 100, def: 10 });
    }
    if (method === 'GET' && p === '/2/dm_events') {
      const mine = this.dms.filter((d) => d.conversationId.split('-').includes(me.id));
      const page = paginate(mine, q, { min: 1, max: 100, def: 100 });
      if ('error' in page) return invalid(page.error);
      const users = new Set(page.items.map((d) => d.senderId));
      return {
        status: 200,
        body: {
          ...(page.items.length
            ? {
                data: page.items.map((d) => ({
                  id: d.id,
                  event_type: 'MessageCreate',
                  text: d.text,
                  sender_id: d.senderId,
                  dm_conversation_id: d.conversationId,
                  created_at: d.createdAt,
                })),
                includes: { users: [...users].map((id) => renderUser(this.users.get(id)!, this.url)) },
              }
            : {}),
          meta: page.meta,
        },
      };
    }
    if (method === 'POST' && (m = /^\/2\/dm_conversations\/([^/]+)\/messages$/.exec(p))) {
      const ids = m[1]!.split('-');
      const other = ids.find((id) => id !== me.id);
      if (ids.length !== 2 || !ids.includes(me.id) || !other || !this.dms.some((d) => d.conversationId === m![1])) {
        return problem(403, 'Forbidden', 'You are not permitted to send messages to this conversation.');
      }
      const d = this.dm(me.id, other, String(json().text ?? ''));
      return { status: 201, body: { data: { dm_conversation_id: d.conversationId, dm_event_id: d.id } } };
    }
    return this.mediaRoute(method, url, raw, req, me);
  }

  private createTweet(me: EmuUser, body: Record<string, unknown>): Out {
    const text = typeof body.text === 'string' ? body.text : '';
    const mediaIds = ((body.media as { media_ids?: string[] } | undefined)?.media_ids ?? []).map(String);
    const replyTo = (body.reply as { in_reply_to_tweet_id?: string } | undefined)?.in_reply_to_tweet_id;
    const replySettings = typeof body.reply_settings === 'string' ? body.reply_settings : 'everyone';
    if (!text && !mediaIds.length) return invalid('You must specify a text or media.');
    if (weightedLength(text) > 280) {
      return invalid(
        'Your Tweet text is too long. For more information on how Twitter determines text length see https://github.com/twitter/twitter-text.',
      );
    }
    if (!['everyone', 'following', 'mentionedUsers', 'subscribers', 'verified'].includes(replySettings))
      return invalid('reply_settings is not one of the allowed values');
    if (mediaIds.some((id) => this.media.get(id)?.userId !== me.id)) return invalid('Your media IDs are invalid.');
    let parent: EmuTweet | undefined;
    if (replyTo) {
      parent = this.tweets.get(String(replyTo));
      if (!parent || parent.deleted)
        return problem(403, 'Forbidden', 'You attempted to reply to a Tweet that is deleted or not visible to you.');
      // Self-serve rule (Feb 2026): a reply is accepted only if the author "summoned" the account.
      // @NOTE the wording of X's refusal is not documented; this text is the emulator's.
      const summoned = parent.authorId === me.id || new RegExp(`(^|[^\\w])@${me.username}\\b`, 'i').test(parent.text);
      if (!summoned)
        return problem(
          403,
          'Forbidden',
          'Reply to this conversation is not allowed because you have not been mentioned or otherwise engaged by the author of the post you are replying to.',
        );
    }
    if (this.opts.rejectDuplicateText !== false && !replyTo) {
      const dup = [...this.tweets.values()].some((t) => t.authorId === me.id && !t.deleted && t.text === text);
      if (dup) return problem(403, 'Forbidden', 'You are not allowed to create a Tweet with duplicate content.');
    }
    const t = this.postAs(me.id, { text, replyTo: parent?.id ?? null, replySettings });
    t.mediaKeys = mediaIds.map((id) => `3_${id}`);
    return { status: 201, body: { data: { id: t.id, text: this.render(t).text, edit_history_tweet_ids: [t.id] } } };
  }

  private async mediaRoute(method: string, url: URL, raw: Buffer, req: IncomingMessage, me: EmuUser): Promise<Out> {
    const p = url.pathname;
    let m: RegExpExecArray | null;
    const form = async () => new Response(raw, { headers: { 'content-type': req.headers['content-type'] ?? '' } }).formData();
    if (method === 'POST' && p === '/2/media/upload') {
      const f = await form();
      const file = f.get('media');
      if (!file || typeof file === 'string') return invalid('media is required');
      return this.newMedia(me, String(f.get('media_category') ?? 'tweet_image'), file.size, file.size, 0);
    }
    if (method === 'POST' && p === '/2/media/upload/initialize') {
      const b = JSON.parse(raw.toString('utf8')) as { total_bytes?: number; media_category?: string };
      return this.newMedia(me, b.media_category ?? 'tweet_video', 0, Number(b.total_bytes ?? 0), 2);
    }
    if ((m = /^\/2\/media\/upload\/(\d+)\/(append|finalize)$/.exec(p)) && method === 'POST') {
      const media = this.media.get(m[1]!);
      if (!media || media.userId !== me.id) return invalid('Invalid media id');
      if (m[2] === 'append') {
        const file = (await form()).get('media');
        media.bytes += file && typeof file !== 'string' ? file.size : 0;
        return { status: 200, body: { data: { expires_at: Date.now() + 86_400_000 } } };
      }
      if (media.bytes !== media.totalBytes) return invalid(`File size mismatch: received ${media.bytes} of ${media.totalBytes} bytes`);
      return {
        status: 200,
        body: { data: { id: media.id, media_key: `7_${media.id}`, processing_info: { state: 'pending', check_after_secs: 0 } } },
      };
    }
    if (method === 'GET' && p === '/2/media/upload' && url.searchParams.get('command') === 'STATUS') {
      const media = this.media.get(url.searchParams.get('media_id') ?? '');
      if (!media || media.userId !== me.id) return invalid('Invalid media id');
      const state = media.polls-- > 0 ? 'in_progress' : 'succeeded';
      return {
        status: 200,
        body: {
          data: {
            id: media.id,
            processing_info: { state, ...(state === 'in_progress' ? { check_after_secs: 0, progress_percent: 50 } : {}) },
          },
        },
      };
    }
    if (method === 'POST' && p === '/2/media/metadata') {
      const b = JSON.parse(raw.toString('utf8')) as { id?: string; metadata?: { alt_text?: { text?: string } } };
      const media = this.media.get(String(b.id));
      if (!media || media.userId !== me.id) return invalid('Invalid media id');
      media.altText = b.metadata?.alt_text?.text ?? null;
      return { status: 200, body: { data: { id: media.id, associated_metadata: b.metadata } } };
    }
    return problem(404, 'Not Found Error', `No route for ${method} ${p}`);
  }

  private newMedia(me: EmuUser, category: string, bytes: number, totalBytes: number, polls: number): Out {
    const media: EmuMedia = { id: snowflake(), userId: me.id, category, bytes, totalBytes, polls, altText: null };
    this.media.set(media.id, media);
    return { status: 200, body: { data: { id: media.id, media_key: `3_${media.id}`, expires_after_secs: 86400, size: totalBytes } } };
  }

  private list(all: EmuTweet[], q: URLSearchParams, range: { min: number; max: number; def: number }): Out {
    const page = paginate(all, q, range);
    if ('error' in page) return invalid(page.error);
    if (!page.items.length) return { status: 200, body: { meta: page.meta } };
    const authors = new Set(page.items.map((t) => t.authorId));
    return {
      status: 200,
      body: {
        data: page.items.map((t) => this.render(t)),
        includes: { users: [...authors].map((id) => renderUser(this.users.get(id)!, this.url)) },
        meta: page.meta,
      },
    };
  }

  private render(t: EmuTweet) {
    return renderTweet(t, (u) => this.byUsername(u));
  }

  private byUsername(username: string): EmuUser | undefined {
    return [...this.users.values()].find((u) => u.username.toLowerCase() === username.toLowerCase());
  }

  private spend(userId: string, endpoint: string): Window {
    const key = `${userId} ${endpoint}`;
    const now = Date.now();
    let w = this.windows.get(key);
    if (!w || now >= w.start + w.windowMs) {
      const b = this.budgets.get(userId);
      // Windows start on a whole second, as X's reset is given in whole seconds.
      w = { limit: b?.limit ?? LIMITS[endpoint] ?? 900, windowMs: b?.windowMs ?? WINDOW_MS, start: Math.floor(now / 1000) * 1000, used: 0 };
      this.windows.set(key, w);
    }
    w.used++;
    return w;
  }
}
