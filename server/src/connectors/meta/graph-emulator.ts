import type http from 'node:http';
import crypto from 'node:crypto';
import { closeServer, listenOnLoopback, readBody } from '../emulator-kit.js';

/**
 * A small, in-memory stand-in for Meta's Graph API (graph.facebook.com), used by the Facebook and
 * Instagram connector tests so that no test reaches the internet. It answers on 127.0.0.1 with the
 * real paths (`/v25.0/{page-id}/feed`, `/{ig-user-id}/media_publish`, …), the real error body
 * (`{error:{message,type,code,error_subcode,fbtrace_id}}`), cursor paging (`{data, paging:{cursors,next}}`)
 * and the usage headers, and can inject the faults the contract suite asks for.
 *
 * It mimics only what our connectors use; it is not a general Graph implementation.
 */

export type GraphFault =
  | { kind: 'rate_limited'; retryAfterMs: number }
  | { kind: 'server_error' }
  | { kind: 'outage'; until: number }
  | { kind: 'timeout_after_write'; pathSuffix?: string }
  | { kind: 'permanent'; message: string; code?: number }
  | { kind: 'invalid_token'; subcode?: number };

interface Actor {
  id: string;
  kind: 'page' | 'ig';
  name: string;
  username: string;
  about: string;
  website: string | null;
  phone: string | null;
  emails: string[];
  address: string | null;
  /** For an Instagram account: the linked Facebook Page (messages go through it). */
  pageId: string | null;
  roles: Array<{ id: string; name: string; tasks: string[] }>;
}

interface Obj {
  id: string;
  kind: 'post' | 'photo' | 'ig_media' | 'container';
  ownerId: string;
  authorId: string;
  message: string;
  link: string | null;
  imageUrl: string | null;
  createdAt: number;
  deleted: boolean;
  published: boolean;
  /** Created by the emulator itself (a visitor post, an older post): not counted as the account's publications. */
  seeded: boolean;
  containerOf?: string | null;
}

interface Comment {
  id: string;
  objectId: string;
  parentId: string | null;
  fromId: string;
  fromName: string;
  username: string | null;
  message: string;
  createdAt: number;
  hidden: boolean;
  deleted: boolean;
}

interface Conversation {
  id: string;
  pageId: string;
  platform: 'messenger' | 'instagram';
  participant: { id: string; name: string; username: string | null };
  messages: Array<{ id: string; fromId: string; fromName: string; text: string; createdAt: number }>;
}

interface Budget {
  calls: number;
  windowMs: number;
  start: number;
  used: number;
  /** 'all': every call counts (Pages BUC); 'publish': only publishing calls (Instagram's publishing quota). */
  scope: 'all' | 'publish';
}

class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly subcode?: number,
    readonly type = 'OAuthException',
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const MESSAGING_WINDOW_MS = 24 * 3_600_000;
const FB_MAX_TEXT = 63_206;
const IG_MAX_CAPTION = 2_200;

export class GraphEmulator {
  private server: http.Server | null = null;
  private seq = 1000;
  private readonly tokens = new Map<string, { actorId: string; revoked?: number }>();
  private readonly actors = new Map<string, Actor>();
  private readonly objects = new Map<string, Obj>();
  private readonly comments = new Map<string, Comment>();
  private readonly conversations = new Map<string, Conversation>();
  private readonly faults = new Map<string, GraphFault[]>();
  private readonly outages = new Map<string, number>();
  private readonly budgets = new Map<string, Budget>();
  private readonly hosted = new Map<string, { bytes: Buffer; mime: string }>();
  private currentPath = '/';
  /** Every request seen, for tests that count calls. */
  readonly requests: Array<{ method: string; path: string }> = [];
  url = '';

  /** Starts on 127.0.0.1 with a free port; `graphUrl` is then `${url}/v25.0`. */
  async start(): Promise<this> {
    ({ server: this.server, url: this.url } = await listenOnLoopback((req, res) => void this.handle(req, res)));
    return this;
  }

  get graphUrl(): string {
    return `${this.url}/v25.0`;
  }

  async stop(): Promise<void> {
    await closeServer(this.server);
  }

  private id(): string {
    return String(++this.seq) + String(crypto.randomInt(100000, 999999));
  }

  // ---- what the tests do as "Meta" and "the public" ----

  /** A Facebook Page with its Page access token. */
  createPage(init: Partial<Pick<Actor, 'name' | 'username' | 'about' | 'website'>> = {}): { pageId: string; token: string } {
    const pageId = this.id();
    this.actors.set(pageId, {
      id: pageId,
      kind: 'page',
      name: init.name ?? 'Gjykata Themelore Prishtinë',
      username: init.username ?? `gjthprishtine${pageId.slice(-4)}`,
      about: init.about ?? 'Faqja zyrtare e gjykatës.',
      website: init.website ?? 'https://prishtine.gjyqesori-rks.org',
      phone: '+383 38 200 18 000',
      emails: ['info@gjyqesori-rks.org'],
      address: 'Rruga Agim Ramadani, Prishtinë',
      pageId: null,
      roles: [{ id: this.id(), name: 'Responsible Officer', tasks: ['MANAGE', 'CREATE_CONTENT', 'MODERATE', 'MESSAGING'] }],
    });
    const token = `EAAPage${crypto.randomBytes(12).toString('hex')}`;
    this.tokens.set(token, { actorId: pageId });
    return { pageId, token };
  }

  /** An Instagram professional account linked to a new Page; the token is the Page's. */
  createInstagramAccount(): { igUserId: string; pageId: string; token: string } {
    const { pageId, token } = this.createPage();
    const igUserId = `178414${this.id()}`;
    this.actors.set(igUserId, {
      ...this.actors.get(pageId)!,
      id: igUserId,
      kind: 'ig',
      username: `gjykata_${igUserId.slice(-5)}`,
      pageId,
      roles: [],
    });
    this.tokens.set(token, { actorId: pageId });
    return { igUserId, pageId, token };
  }

  /** Makes a token invalid (password changed, app removed…): every later call answers error 190. */
  revokeToken(token: string, subcode = 460): void {
    const t = this.tokens.get(token);
    if (t) t.revoked = subcode;
  }

  /** A person comments on `objectId` (a post or media), or on a visitor post/older post when null. */
  addComment(
    ownerId: string,
    c: { objectId: string | null; fromId: string; fromName: string; username?: string | null; message: string; parentId?: string },
  ): string {
    let objectId = c.objectId;
    if (!objectId) objectId = this.seededObject(ownerId);
    const id = this.actors.get(ownerId)?.kind === 'ig' ? `1790${this.id()}` : `${objectId.split('_').pop()}_${this.id()}`;
    this.comments.set(id, {
      id,
      objectId,
      parentId: c.parentId ?? null,
      fromId: c.fromId,
      fromName: c.fromName,
      username: c.username ?? null,
      message: c.message,
      createdAt: this.tick(),
      hidden: false,
      deleted: false,
    });
    return id;
  }

  /** A person writes to the Page (or the Instagram account): a conversation inside the messaging window. */
  addMessage(ownerId: string, m: { fromId: string; fromName: string; username?: string | null; text: string }): string {
    const actor = this.actors.get(ownerId)!;
    const pageId = actor.kind === 'ig' ? actor.pageId! : ownerId;
    const platform = actor.kind === 'ig' ? 'instagram' : 'messenger';
    let conv = [...this.conversations.values()].find(
      (x) => x.pageId === pageId && x.platform === platform && x.participant.id === m.fromId,
    );
    if (!conv) {
      conv = {
        id: `t_${this.id()}`,
        pageId,
        platform,
        participant: { id: m.fromId, name: m.fromName, username: m.username ?? null },
        messages: [],
      };
      this.conversations.set(conv.id, conv);
    }
    conv.messages.push({ id: `m_${this.id()}`, fromId: m.fromId, fromName: m.fromName, text: m.text, createdAt: this.tick() });
    return conv.id;
  }

  /** Moves a conversation's last message into the past (to test the 24-hour window). */
  ageConversation(conversationId: string, ms: number): void {
    for (const m of this.conversations.get(conversationId)?.messages ?? []) m.createdAt -= ms;
  }

  /** Live posts/media the account published (not visitor posts, not containers). */
  countPosts(ownerId: string): number {
    return [...this.objects.values()].filter(
      (o) => o.ownerId === ownerId && !o.deleted && o.published && !o.seeded && o.kind !== 'container',
    ).length;
  }

  /** Serves bytes on a URL that the emulator's Instagram "fetches" (Meta needs media on a public URL). */
  hostMedia(bytes: Buffer, mime: string): string {
    const id = this.id();
    this.hosted.set(id, { bytes, mime });
    return `${this.url}/_media/${id}`;
  }

  inject(actorId: string, fault: GraphFault): void {
    if (fault.kind === 'outage') this.outages.set(actorId, fault.until);
    else this.faults.set(actorId, [...(this.faults.get(actorId) ?? []), fault]);
  }

  setBudget(actorId: string, calls: number, windowMs: number, scope: Budget['scope'] = 'all'): void {
    this.budgets.set(actorId, { calls, windowMs, start: Date.now(), used: 0, scope });
  }

  private lastTick = 0;
  /** Strictly increasing times, so ordering and `since` are stable within one millisecond. */
  private tick(): number {
    this.lastTick = Math.max(Date.now(), this.lastTick + 1);
    return this.lastTick;
  }

  private seededObject(ownerId: string): string {
    const actor = this.actors.get(ownerId)!;
    const existing = [...this.objects.values()].find((o) => o.ownerId === ownerId && o.seeded && !o.deleted);
    if (existing) return existing.id;
    const id = actor.kind === 'ig' ? `1790${this.id()}` : `${ownerId}_${this.id()}`;
    this.objects.set(id, {
      id,
      kind: actor.kind === 'ig' ? 'ig_media' : 'post',
      ownerId,
      authorId: actor.kind === 'ig' ? ownerId : `visitor_${this.id()}`,
      message: 'Një postim i vizitorit',
      link: null,
      imageUrl: null,
      createdAt: this.tick() - 60_000,
      deleted: false,
      published: true,
      seeded: true,
    });
    return id;
  }

  // ---- HTTP ----

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', this.url);
    const method = (req.method ?? 'GET').toUpperCase();
    this.requests.push({ method, path: url.pathname });
    const headers: Record<string, string> = {};
    let actorId: string | null = null;
    try {
      const hosted = /^\/_media\/(\w+)$/.exec(url.pathname);
      if (hosted) {
        const m = this.hosted.get(hosted[1]!);
        if (!m) throw new GraphError(404, 100, 'Not found');
        res.writeHead(200, { 'content-type': m.mime }).end(m.bytes);
        return;
      }
      const params = await this.params(req, url, body);
      const token = bearer(req.headers.authorization) ?? params.get('access_token');
      actorId = this.authenticate(token);
      const path = url.pathname
        .replace(/^\/v\d+\.\d+/, '')
        .split('/')
        .filter(Boolean);
      const isWrite = method !== 'GET';
      const isPublish = method === 'POST' && /\/(feed|photos|media_publish)$/.test(url.pathname);
      this.applyFaults(actorId, isWrite, url.pathname, headers);
      this.spendBudget(actorId, isPublish, headers);
      this.currentPath = url.pathname; // read by page() in the same synchronous turn
      const result = this.route(method, path, params, actorId);
      const fault = isWrite
        ? this.takeFault(actorId, (f) => f.kind === 'timeout_after_write' && (!f.pathSuffix || url.pathname.endsWith(f.pathSuffix)))
        : null;
      if (fault) return; // the write is done; the answer never comes (the client times out and the socket closes)
      res.writeHead(200, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(result));
    } catch (err) {
      const e = err instanceof GraphError ? err : new GraphError(500, 1, 'An unknown error has occurred.');
      res.writeHead(e.status, { 'content-type': 'application/json', ...headers, ...e.headers }).end(
        JSON.stringify({
          error: {
            message: e.message,
            type: e.type,
            code: e.code,
            ...(e.subcode ? { error_subcode: e.subcode } : {}),
            ...(e.code === 1 || e.code === 2 ? { is_transient: true } : {}),
            fbtrace_id: crypto.randomBytes(8).toString('base64url'),
          },
        }),
      );
    }
  }

  private async params(req: http.IncomingMessage, url: URL, body: Buffer): Promise<URLSearchParams> {
    const out = new URLSearchParams(url.searchParams);
    const type = req.headers['content-type'] ?? '';
    if (body.length === 0) return out;
    if (type.includes('application/json')) {
      const json = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
      for (const [k, v] of Object.entries(json)) out.set(k, typeof v === 'string' ? v : JSON.stringify(v));
      return out;
    }
    const form = await new Request('http://local/', { method: 'POST', headers: { 'content-type': type }, body }).formData();
    for (const [k, v] of form.entries()) {
      if (typeof v === 'string') out.set(k, v);
      else out.set(k, `upload:${v.size}:${v.type}`);
    }
    return out;
  }

  private authenticate(token: string | null): string {
    const t = token ? this.tokens.get(token) : undefined;
    if (!t) throw new GraphError(400, 190, 'Invalid OAuth access token - Cannot parse access token');
    if (t.revoked)
      throw new GraphError(
        400,
        190,
        'Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.',
        t.revoked,
      );
    return t.actorId;
  }

  private takeFault(actorId: string, pred: (f: GraphFault) => boolean): GraphFault | null {
    for (const id of this.related(actorId)) {
      const list = this.faults.get(id) ?? [];
      const i = list.findIndex(pred);
      if (i >= 0) return list.splice(i, 1)[0]!;
    }
    return null;
  }

  /** A Page token also acts for the Instagram account linked to the Page: faults set on either apply. */
  private related(pageId: string): string[] {
    return [pageId, ...[...this.actors.values()].filter((a) => a.pageId === pageId).map((a) => a.id)];
  }

  private applyFaults(actorId: string, isWrite: boolean, path: string, headers: Record<string, string>): void {
    for (const id of this.related(actorId)) {
      const until = this.outages.get(id);
      if (until && until > Date.now()) throw new GraphError(503, 2, 'Service temporarily unavailable');
    }
    const f = this.takeFault(actorId, (x) => x.kind !== 'timeout_after_write');
    if (!f) return;
    if (f.kind === 'rate_limited') {
      throw new GraphError(429, 32, 'Page request limit reached', undefined, 'OAuthException', {
        'retry-after': String(Math.ceil(f.retryAfterMs / 1000)),
        ...headers,
      });
    }
    if (f.kind === 'server_error') throw new GraphError(500, 1, 'An unknown error has occurred.');
    if (f.kind === 'permanent') throw new GraphError(400, f.code ?? 368, f.message);
    if (f.kind === 'invalid_token') throw new GraphError(400, 190, 'Error validating access token: Session has expired.', f.subcode ?? 463);
    void isWrite;
    void path;
  }

  private spendBudget(actorId: string, isPublish: boolean, headers: Record<string, string>): void {
    for (const id of this.related(actorId)) {
      const b = this.budgets.get(id);
      if (!b) continue;
      const now = Date.now();
      if (now - b.start >= b.windowMs) Object.assign(b, { start: now, used: 0 });
      const counts = b.scope === 'all' || isPublish;
      const over = counts && b.used >= b.calls;
      if (counts && !over) b.used++;
      const pct = Math.min(100, Math.round((b.used / b.calls) * 100));
      const regainMin = pct >= 100 ? Math.max(1, Math.ceil((b.start + b.windowMs - now) / 60_000)) : 0;
      const type = this.actors.get(id)?.kind === 'ig' ? 'instagram' : 'pages';
      headers['x-business-use-case-usage'] = JSON.stringify({
        [id]: [
          {
            type,
            call_count: pct,
            total_cputime: Math.min(pct, 10),
            total_time: Math.min(pct, 10),
            estimated_time_to_regain_access: regainMin,
          },
        ],
      });
      headers['x-app-usage'] = JSON.stringify({ call_count: 1, total_cputime: 1, total_time: 1 });
      if (over) {
        throw type === 'instagram'
          ? new GraphError(400, 9, 'Application request limit reached', 2207042)
          : new GraphError(400, 80001, '(#80001) There have been too many calls to this Page account. Wait a bit and try again.');
      }
    }
  }

  private route(method: string, path: string[], p: URLSearchParams, actorId: string): unknown {
    const [id, edge, ...rest] = path;
    if (!id || rest.length) throw unsupported(method, path.join('/'));
    const actor = this.actors.get(id);
    if (actor) {
      if (!this.related(actorId).includes(id)) throw unsupported(method, id);
      return this.actorRoute(method, actor, edge ?? null, p);
    }
    if (this.conversations.has(id)) return this.conversationRoute(method, this.conversations.get(id)!, edge ?? null, p, actorId);
    const obj = this.objects.get(id);
    if (obj && !obj.deleted && this.related(actorId).includes(obj.ownerId)) return this.objectRoute(method, obj, edge ?? null, p);
    const c = this.comments.get(id);
    if (c && !c.deleted) {
      const parent = this.objects.get(c.objectId);
      if (parent && this.related(actorId).includes(parent.ownerId)) return this.commentRoute(method, c, parent, edge ?? null, p);
    }
    throw unsupported(method, id);
  }

  private actorRoute(method: string, a: Actor, edge: string | null, p: URLSearchParams): unknown {
    const key = `${method} ${edge ?? ''}`;
    switch (key) {
      case 'GET ':
        return a.kind === 'page'
          ? {
              id: a.id,
              name: a.name,
              username: a.username,
              about: a.about,
              description: a.about,
              emails: a.emails,
              phone: a.phone,
              website: a.website,
              single_line_address: a.address,
            }
          : { id: a.id, username: a.username, name: a.name, biography: a.about, website: a.website, media_count: this.countPosts(a.id) };
      case 'POST feed':
        return this.createPost(a, p);
      case 'POST photos':
        return this.createPhoto(a, p);
      case 'GET feed':
      case 'GET published_posts': {
        const list = this.live(a.id, edge === 'feed').filter((o) => o.kind === 'post' || o.kind === 'photo');
        return this.page(
          since(list, p).map((o) => ({ id: o.id, message: o.message, created_time: fbTime(o.createdAt) })),
          p,
        );
      }
      case 'GET media':
        return this.page(
          since(
            this.live(a.id, true).filter((o) => o.kind === 'ig_media'),
            p,
          ).map((o) => ({
            id: o.id,
            caption: o.message,
            timestamp: fbTime(o.createdAt),
            permalink: `https://www.instagram.com/p/${shortcode(o.id)}/`,
          })),
          p,
        );
      case 'POST media':
        return this.createContainer(a, p);
      case 'POST media_publish':
        return this.publishContainer(a, p);
      case 'GET roles':
        if (a.kind !== 'page') throw unsupported(method, `${a.id}/roles`);
        return this.page(
          a.roles.map((r) => ({ id: r.id, name: r.name, tasks: r.tasks })),
          p,
        );
      case 'GET conversations': {
        const platform = p.get('platform') ?? 'messenger';
        const list = [...this.conversations.values()]
          .filter((c) => c.pageId === a.id && c.platform === platform)
          .sort((x, y) => last(y) - last(x))
          .map((c) => ({
            id: c.id,
            updated_time: fbTime(last(c)),
            participants: {
              data: [
                { id: c.participant.id, name: c.participant.name },
                { id: a.id, name: a.name },
              ],
            },
          }));
        return this.page(list, p);
      }
      case 'POST messages':
        return this.sendMessage(a, p);
      default:
        throw unsupported(method, `${a.id}/${edge ?? ''}`);
    }
  }

  private live(ownerId: string, includeSeeded: boolean): Obj[] {
    return [...this.objects.values()]
      .filter((o) => o.ownerId === ownerId && !o.deleted && o.published && (includeSeeded || !o.seeded))
      .sort((x, y) => y.createdAt - x.createdAt);
  }

  private createPost(a: Actor, p: URLSearchParams) {
    if (a.kind !== 'page') throw unsupported('POST', `${a.id}/feed`);
    const message = p.get('message') ?? '';
    const attached = p.get('attached_media');
    if (!message && !p.get('link') && !attached) throw new GraphError(400, 100, '(#100) Missing message or attachment');
    if (message.length > FB_MAX_TEXT) throw new GraphError(400, 100, '(#100) Param message must be at most 63206 characters long.');
    if (attached) {
      for (const m of JSON.parse(attached) as Array<{ media_fbid: string }>)
        if (!this.objects.has(m.media_fbid)) throw new GraphError(400, 100, `(#100) Invalid media_fbid ${m.media_fbid}`);
    }
    const id = `${a.id}_${this.id()}`;
    this.objects.set(id, base(id, 'post', a.id, message, this.tick(), { link: p.get('link') }));
    return { id };
  }

  private createPhoto(a: Actor, p: URLSearchParams) {
    if (a.kind !== 'page') throw unsupported('POST', `${a.id}/photos`);
    if (!p.get('source') && !p.get('url')) throw new GraphError(400, 324, '(#324) Requires upload file');
    const caption = p.get('caption') ?? p.get('message') ?? '';
    if (caption.length > FB_MAX_TEXT) throw new GraphError(400, 100, '(#100) Param caption must be at most 63206 characters long.');
    const photoId = this.id();
    const published = p.get('published') !== 'false';
    this.objects.set(photoId, { ...base(photoId, 'photo', a.id, caption, this.tick()), published: false });
    if (!published) return { id: photoId };
    const postId = `${a.id}_${photoId}`;
    this.objects.set(postId, base(postId, 'photo', a.id, caption, this.tick()));
    return { id: photoId, post_id: postId };
  }

  private createContainer(a: Actor, p: URLSearchParams) {
    if (a.kind !== 'ig') throw unsupported('POST', `${a.id}/media`);
    const caption = p.get('caption') ?? '';
    if (caption.length > IG_MAX_CAPTION) throw new GraphError(400, 100, 'The caption must be at most 2200 characters long.', 2207010);
    const children = p.get('children');
    const imageUrl = p.get('image_url');
    if (p.get('media_type') === 'CAROUSEL') {
      if (!children) throw new GraphError(400, 100, '(#100) The parameter children is required for carousels.');
    } else if (!imageUrl) {
      throw new GraphError(400, 100, '(#100) The parameter image_url is required.', 2207052);
    } else if (!this.reachable(imageUrl)) {
      throw new GraphError(400, 9004, 'Only photo or video can be accepted as media type.', 2207052);
    }
    const id = `1789${this.id()}`;
    this.objects.set(id, {
      ...base(id, 'container', a.id, caption, this.tick()),
      published: false,
      imageUrl,
      containerOf: null,
    });
    return { id };
  }

  private reachable(url: string): boolean {
    const m = /\/_media\/(\w+)$/.exec(url);
    return url.startsWith(this.url) ? !!m && this.hosted.has(m[1]!) : /^https:\/\//.test(url);
  }

  private publishContainer(a: Actor, p: URLSearchParams) {
    const c = this.objects.get(p.get('creation_id') ?? '');
    if (!c || c.kind !== 'container' || c.ownerId !== a.id) throw new GraphError(400, 100, '(#100) Invalid creation_id', 2207027);
    if (c.containerOf) throw new GraphError(400, 9, 'The media has already been published.', 2207001);
    const id = `1790${this.id()}`;
    this.objects.set(id, base(id, 'ig_media', a.id, c.message, this.tick()));
    c.containerOf = id;
    return { id };
  }

  private sendMessage(a: Actor, p: URLSearchParams) {
    const recipient = JSON.parse(p.get('recipient') ?? '{}') as { id?: string };
    const message = JSON.parse(p.get('message') ?? '{}') as { text?: string };
    const platform = p.get('platform') === 'instagram' ? 'instagram' : undefined;
    const conv = [...this.conversations.values()].find(
      (c) => c.pageId === a.id && c.participant.id === recipient.id && (!platform || c.platform === platform),
    );
    if (!conv || !message.text) throw new GraphError(400, 100, '(#100) No matching user found', 2018001);
    const lastFromUser = Math.max(0, ...conv.messages.filter((m) => m.fromId !== a.id).map((m) => m.createdAt));
    if (Date.now() - lastFromUser > MESSAGING_WINDOW_MS)
      throw new GraphError(400, 10, '(#10) This message is sent outside of allowed window.', 2018278);
    const mid = `m_${this.id()}`;
    conv.messages.push({ id: mid, fromId: a.id, fromName: a.name, text: message.text, createdAt: this.tick() });
    return { recipient_id: recipient.id, message_id: mid };
  }

  private conversationRoute(method: string, c: Conversation, edge: string | null, p: URLSearchParams, actorId: string): unknown {
    if (c.pageId !== actorId) throw unsupported(method, c.id);
    if (method === 'GET' && !edge) {
      const page = this.actors.get(c.pageId)!;
      return {
        id: c.id,
        participants: {
          data: [
            { id: c.participant.id, name: c.participant.name, ...(c.participant.username ? { username: c.participant.username } : {}) },
            { id: page.id, name: page.name },
          ],
        },
      };
    }
    if (method === 'GET' && edge === 'messages') {
      const list = [...c.messages]
        .sort((x, y) => y.createdAt - x.createdAt)
        .map((m) => ({
          id: m.id,
          message: m.text,
          created_time: fbTime(m.createdAt),
          from: {
            id: m.fromId,
            name: m.fromName,
            ...(m.fromId === c.participant.id && c.participant.username ? { username: c.participant.username } : {}),
          },
        }));
      return this.page(list, p);
    }
    throw unsupported(method, `${c.id}/${edge ?? ''}`);
  }

  private objectRoute(method: string, o: Obj, edge: string | null, p: URLSearchParams): unknown {
    if (method === 'DELETE' && !edge) {
      if (o.kind === 'container') throw unsupported(method, o.id);
      o.deleted = true;
      return { success: true };
    }
    if (method === 'GET' && !edge) {
      if (o.kind === 'container')
        return {
          id: o.id,
          status_code: o.containerOf ? 'PUBLISHED' : 'FINISHED',
          status: 'Finished: Media has been uploaded and it is ready to be published.',
        };
      if (o.kind === 'ig_media')
        return {
          id: o.id,
          caption: o.message,
          timestamp: fbTime(o.createdAt),
          permalink: `https://www.instagram.com/p/${shortcode(o.id)}/`,
        };
      return { id: o.id, message: o.message, created_time: fbTime(o.createdAt), permalink_url: `https://www.facebook.com/${o.id}` };
    }
    if (method === 'GET' && edge === 'comments') {
      const ig = o.kind === 'ig_media';
      const all = [...this.comments.values()].filter(
        (c) => c.objectId === o.id && !c.deleted && (ig ? !c.parentId : p.get('filter') === 'stream' || !c.parentId),
      );
      all.sort((x, y) => (p.get('order') === 'reverse_chronological' ? y.createdAt - x.createdAt : x.createdAt - y.createdAt));
      return this.page(
        all.map((c) => this.present(c, o, p.get('fields') ?? '')),
        p,
      );
    }
    if (method === 'POST' && edge === 'comments') return this.reply(o, null, p);
    throw unsupported(method, `${o.id}/${edge ?? ''}`);
  }

  private present(c: Comment, o: Obj, fields: string): Record<string, unknown> {
    const owner = this.actors.get(o.ownerId)!;
    const fromOwner = c.fromId === owner.id;
    if (o.kind === 'ig_media') {
      const replies = [...this.comments.values()]
        .filter((r) => r.parentId === c.id && !r.deleted)
        .sort((x, y) => x.createdAt - y.createdAt);
      return {
        id: c.id,
        text: c.message,
        timestamp: fbTime(c.createdAt),
        username: c.username ?? owner.username,
        from: { id: c.fromId, username: c.username ?? owner.username },
        hidden: c.hidden,
        media: { id: o.id },
        ...(fields.includes('replies') && replies.length
          ? {
              replies: {
                data: replies.map((r) => ({
                  id: r.id,
                  text: r.message,
                  timestamp: fbTime(r.createdAt),
                  username: r.username ?? owner.username,
                  from: { id: r.fromId, username: r.username ?? owner.username },
                  hidden: r.hidden,
                  parent_id: c.id,
                })),
              },
            }
          : {}),
      };
    }
    return {
      id: c.id,
      message: c.message,
      from: fromOwner ? { id: owner.id, name: owner.name } : { id: c.fromId, name: c.fromName },
      created_time: fbTime(c.createdAt),
      is_hidden: c.hidden,
      can_hide: !fromOwner,
      can_remove: true,
      ...(c.parentId ? { parent: { id: c.parentId } } : {}),
    };
  }

  private reply(o: Obj, parent: Comment | null, p: URLSearchParams) {
    const message = p.get('message') ?? '';
    if (!message) throw new GraphError(400, 100, '(#100) Missing message');
    const owner = this.actors.get(o.ownerId)!;
    const id = owner.kind === 'ig' ? `1790${this.id()}` : `${o.id.split('_').pop()}_${this.id()}`;
    this.comments.set(id, {
      id,
      objectId: o.id,
      parentId: parent?.id ?? null,
      fromId: owner.id,
      fromName: owner.name,
      username: owner.kind === 'ig' ? owner.username : null,
      message,
      createdAt: this.tick(),
      hidden: false,
      deleted: false,
    });
    return { id };
  }

  private commentRoute(method: string, c: Comment, o: Obj, edge: string | null, p: URLSearchParams): unknown {
    const ig = o.kind === 'ig_media';
    if (method === 'DELETE' && !edge) {
      c.deleted = true;
      return { success: true };
    }
    if (method === 'POST' && !edge) {
      const flag = ig ? p.get('hide') : p.get('is_hidden');
      if (flag !== 'true' && flag !== 'false') throw new GraphError(400, 100, `(#100) Invalid parameter ${ig ? 'hide' : 'is_hidden'}`);
      if (c.fromId === o.ownerId) throw new GraphError(400, 100, '(#100) The owner of the comment cannot hide it.');
      c.hidden = flag === 'true';
      return { success: true };
    }
    if (method === 'POST' && edge === (ig ? 'replies' : 'comments')) {
      if (ig && c.parentId) throw new GraphError(400, 100, '(#100) Replies are allowed on top-level comments only.');
      return this.reply(o, c, p);
    }
    throw unsupported(method, `${c.id}/${edge ?? ''}`);
  }

  /** Cursor paging over a prepared list: `limit`, `after`; `next` only when more remain. */
  private page(list: unknown[], p: URLSearchParams): { data: unknown[]; paging?: unknown } {
    const limit = Math.min(100, Math.max(1, Number(p.get('limit') ?? 25)));
    const start = p.get('after') ? Number(Buffer.from(p.get('after')!, 'base64url').toString()) : 0;
    const data = list.slice(start, start + limit);
    if (data.length === 0) return { data };
    const cur = (n: number) => Buffer.from(String(n)).toString('base64url');
    const paging: Record<string, unknown> = { cursors: { before: cur(start), after: cur(start + data.length) } };
    if (start + data.length < list.length) {
      const next = new URLSearchParams(p);
      next.delete('access_token');
      next.set('after', cur(start + data.length));
      paging.next = `${this.url}${this.currentPath}?${next.toString()}`;
    }
    return { data, paging };
  }
}

function base(id: string, kind: Obj['kind'], ownerId: string, message: string, createdAt: number, extra: Partial<Obj> = {}): Obj {
  return {
    id,
    kind,
    ownerId,
    authorId: ownerId,
    message,
    link: null,
    imageUrl: null,
    createdAt,
    deleted: false,
    published: true,
    seeded: false,
    ...extra,
  };
}

function since<T extends { createdAt: number }>(list: T[], p: URLSearchParams): T[] {
  const s = p.get('since');
  if (!s) return list;
  const t = /^\d+$/.test(s) ? Number(s) * 1000 : Date.parse(s);
  return list.filter((o) => o.createdAt >= t);
}

function last(c: Conversation): number {
  return Math.max(0, ...c.messages.map((m) => m.createdAt));
}

function bearer(h: string | undefined): string | null {
  const m = /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(h ?? '');
  return m?.[1] ?? null;
}

function unsupported(method: string, id: string): GraphError {
  return new GraphError(
    400,
    100,
    `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
    33,
    'GraphMethodException',
  );
}

/** Graph's own time format: `2026-11-25T00:33:37+0000` (millisecond precision kept, which Graph drops). */
function fbTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

function shortcode(id: string): string {
  return Buffer.from(id).toString('base64url').slice(0, 11);
}
