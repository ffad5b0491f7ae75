import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { answering500, closeServer, FaultQueue, listenOnLoopback, readBody, sendJson as send } from '../emulator-kit.js';
import { randomBytes } from 'node:crypto';
import {
  cmp,
  countableLength,
  mentionedUsernames,
  paginate,
  renderContent,
  snowflake,
  type EmuAccount,
  type EmuMedia,
  type EmuNotification,
  type EmuStatus,
} from './mastodon-emulator.state.js';

/** Faults the emulator can inject into the next request(s) of one account. */
export type MastodonFault =
  | { kind: 'rate_limited'; retryAfterMs: number }
  | { kind: 'server_error' }
  | { kind: 'outage'; until: string }
  | { kind: 'timeout_after_write' }
  | { kind: 'permanent'; message: string };

interface Budget {
  limit: number;
  windowMs: number;
  start: number;
  used: number;
}

interface Json {
  [k: string]: unknown;
}

const DEFAULT_LIMIT = 300;
const DEFAULT_WINDOW_MS = 5 * 60_000;
const MAX_CHARS = 500;
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/**
 * A Mastodon instance in memory, on 127.0.0.1 with a random port, for tests: the REST endpoints the
 * connector uses, with Mastodon's JSON shapes, HTML content, Link-header paging, `Idempotency-Key`,
 * `X-RateLimit-*` headers and error bodies (`{"error": "…"}`), plus fault injection.
 */
export class MastodonEmulator {
  readonly accounts = new Map<string, EmuAccount>();
  readonly statuses = new Map<string, EmuStatus>();
  readonly notifications: EmuNotification[] = [];
  readonly media = new Map<string, EmuMedia>();
  /** Every request seen, for assertions (method, path with query, headers). */
  readonly requests: { method: string; path: string; headers: IncomingMessage['headers'] }[] = [];
  private readonly idempotency = new Map<string, string>();
  private readonly faults = new FaultQueue<MastodonFault>();
  private readonly budgets = new Map<string, Budget>();
  private notificationSeq = 1000;
  private server: Server | null = null;
  url = '';

  async start(): Promise<this> {
    ({ server: this.server, url: this.url } = await listenOnLoopback(
      answering500(
        (req, res) => this.handle(req, res),
        (err) => ({ error: String(err) }),
      ),
    ));
    return this;
  }

  async close(): Promise<void> {
    await closeServer(this.server);
  }

  // ---- acting as the public and as the test ----

  createAccount(init: {
    username: string;
    displayName?: string;
    note?: string;
    fields?: { name: string; value: string }[];
    token?: boolean;
  }): EmuAccount {
    const a: EmuAccount = {
      id: snowflake(),
      username: init.username,
      displayName: init.displayName ?? init.username,
      note: init.note ?? '',
      fields: init.fields ?? [],
      token: init.token === false ? null : randomBytes(24).toString('base64url'),
      createdAt: new Date().toISOString(),
    };
    this.accounts.set(a.id, a);
    return a;
  }

  /** The account with this username, created on first use (a member of the public). */
  person(handle: string, displayName: string): EmuAccount {
    const username = handle.replace(/^@/, '').toLowerCase();
    return this.byUsername(username) ?? this.createAccount({ username, displayName, token: false });
  }

  /** Someone posts (a reply, a mention, a direct message); mentioned accounts are notified. */
  postAs(accountId: string, p: { text: string; inReplyToId?: string | null; visibility?: EmuStatus['visibility'] }): EmuStatus {
    const parent = p.inReplyToId ? this.statuses.get(p.inReplyToId) : undefined;
    const s: EmuStatus = {
      id: snowflake(),
      accountId,
      text: p.text,
      visibility: p.visibility ?? 'public',
      inReplyToId: parent?.id ?? null,
      inReplyToAccountId: parent?.accountId ?? null,
      mentionIds: mentionedUsernames(p.text)
        .map((u) => this.byUsername(u)?.id)
        .filter((id): id is string => !!id),
      mediaIds: [],
      createdAt: new Date().toISOString(),
      deletedAt: null,
    };
    this.statuses.set(s.id, s);
    for (const to of new Set(s.mentionIds)) {
      if (to === accountId) continue;
      this.notifications.push({
        id: String(++this.notificationSeq),
        accountId: to,
        type: 'mention',
        fromId: accountId,
        statusId: s.id,
        createdAt: s.createdAt,
      });
    }
    return s;
  }

  /** Live top-level public posts of an account (not replies, not direct messages). */
  countPosts(accountId: string): number {
    return [...this.statuses.values()].filter(
      (s) => s.accountId === accountId && !s.deletedAt && !s.inReplyToId && s.visibility !== 'direct',
    ).length;
  }

  inject(accountId: string, fault: MastodonFault): void {
    this.faults.add(accountId, fault);
  }

  setBudget(accountId: string, limit: number, windowMs: number): void {
    this.budgets.set(accountId, { limit, windowMs, start: Date.now(), used: 0 });
  }

  revokeToken(accountId: string): void {
    const a = this.accounts.get(accountId);
    if (a) a.token = null;
  }

  // ---- HTTP ----

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    this.requests.push({ method: req.method ?? 'GET', path: url.pathname + url.search, headers: req.headers });
    if (url.pathname.startsWith('/avatars/')) {
      res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
      return;
    }
    const body = await readBody(req);
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const me = token ? [...this.accounts.values()].find((a) => a.token === token) : undefined;
    if (!me) return send(res, 401, { error: 'The access token is invalid' });
    const write = req.method !== 'GET';
    const fault = this.faults.take(me.id, write);
    if (fault?.kind === 'outage') {
      req.socket.destroy();
      return;
    }
    const rl = this.spend(me.id);
    if (fault?.kind === 'rate_limited') {
      const reset = Date.now() + fault.retryAfterMs;
      return send(res, 429, { error: 'Too many requests' }, rateHeaders(rl.limit, 0, reset));
    }
    if (rl.remaining < 0) return send(res, 429, { error: 'Too many requests' }, rateHeaders(rl.limit, 0, rl.reset));
    const headers = rateHeaders(rl.limit, rl.remaining, rl.reset);
    if (fault?.kind === 'server_error') {
      res.writeHead(503, { 'content-type': 'text/html', ...headers });
      res.end(
        '<html><head><title>503 Service Temporarily Unavailable</title></head><body><center><h1>503 Service Temporarily Unavailable</h1></center><hr><center>nginx</center></body></html>',
      );
      return;
    }
    if (fault?.kind === 'permanent') return send(res, 422, { error: fault.message }, headers);
    const out = await this.route(req.method ?? 'GET', url, body, req, me);
    // The write happened; the answer is lost (held until the client gives up).
    if (fault?.kind === 'timeout_after_write') return;
    if (out.raw) {
      res.writeHead(out.status, { ...headers, ...out.headers }).end(out.raw);
      return;
    }
    send(res, out.status, out.body, { ...headers, ...out.headers });
  }

  private async route(
    method: string,
    url: URL,
    raw: Buffer,
    req: IncomingMessage,
    me: EmuAccount,
  ): Promise<{ status: number; body?: unknown; headers?: Record<string, string>; raw?: Buffer }> {
    const p = url.pathname;
    const q = url.searchParams;
    let m: RegExpExecArray | null;
    if (method === 'GET' && p === '/api/v1/accounts/verify_credentials') return { status: 200, body: this.renderAccount(me, true) };
    if (method === 'POST' && p === '/api/v1/statuses')
      return this.createStatus(me, await parseParams(raw, req), req.headers['idempotency-key']);
    if ((m = /^\/api\/v1\/statuses\/([^/]+)$/.exec(p))) {
      const s = this.visible(m[1]!, me);
      if (!s) return notFound();
      if (method === 'GET') return { status: 200, body: this.renderStatus(s) };
      if (method === 'DELETE') {
        if (s.accountId !== me.id) return notFound();
        s.deletedAt = new Date().toISOString();
        return { status: 200, body: { ...this.renderStatus(s), text: s.text } };
      }
    }
    if (method === 'GET' && (m = /^\/api\/v1\/statuses\/([^/]+)\/context$/.exec(p))) {
      const s = this.visible(m[1]!, me);
      if (!s) return notFound();
      return { status: 200, body: this.context(s, me) };
    }
    if (method === 'GET' && (m = /^\/api\/v1\/accounts\/([^/]+)\/statuses$/.exec(p))) {
      if (!this.accounts.has(m[1]!)) return notFound();
      const all = [...this.statuses.values()].filter(
        (s) =>
          s.accountId === m![1] &&
          this.canSee(s, me) &&
          !(q.get('exclude_replies') === 'true' && s.inReplyToId && s.inReplyToAccountId !== s.accountId),
      );
      return this.page(url, all, 20, 40, (s) => this.renderStatus(s));
    }
    if (method === 'GET' && p === '/api/v1/notifications') {
      const types = q.getAll('types[]');
      const all = this.notifications.filter(
        (n) => n.accountId === me.id && (!types.length || types.includes(n.type)) && !this.statuses.get(n.statusId)?.deletedAt,
      );
      return this.page(url, all, 40, 80, (n) => ({
        id: n.id,
        type: n.type,
        created_at: n.createdAt,
        account: this.renderAccount(this.accounts.get(n.fromId)!),
        status: this.renderStatus(this.statuses.get(n.statusId)!),
      }));
    }
    if (method === 'POST' && p === '/api/v2/media') return this.upload(me, raw, req);
    if (method === 'GET' && (m = /^\/api\/v1\/media\/([^/]+)$/.exec(p))) {
      const media = this.media.get(m[1]!);
      if (!media || media.accountId !== me.id) return notFound();
      if (media.pollsLeft > 0) {
        media.pollsLeft--;
        return { status: 206, body: this.renderMedia(media, false) };
      }
      return { status: 200, body: this.renderMedia(media, true) };
    }
    return notFound();
  }

  private createStatus(me: EmuAccount, params: Map<string, string[]>, idemHeader: string | string[] | undefined) {
    const idem = typeof idemHeader === 'string' ? `${me.id}:${idemHeader}` : null;
    const prior = idem ? this.idempotency.get(idem) : undefined;
    if (prior && this.statuses.get(prior)) return { status: 200, body: this.renderStatus(this.statuses.get(prior)!) };
    const text = params.get('status')?.[0] ?? '';
    const mediaIds = params.get('media_ids[]') ?? params.get('media_ids') ?? [];
    if (!text.trim() && !mediaIds.length) return unprocessable("Validation failed: Text can't be blank");
    if (countableLength(text) > MAX_CHARS) return unprocessable(`Validation failed: Text character limit of ${MAX_CHARS} exceeded`);
    if (mediaIds.length > 4) return unprocessable('Validation failed: Media attachments exceed the limit of 4');
    if (mediaIds.some((id) => this.media.get(id)?.accountId !== me.id))
      return unprocessable('Validation failed: Media attachments are invalid');
    const replyTo = params.get('in_reply_to_id')?.[0];
    if (replyTo && !this.visible(replyTo, me)) return notFound();
    const visibility = (params.get('visibility')?.[0] ?? 'public') as EmuStatus['visibility'];
    if (!['public', 'unlisted', 'private', 'direct'].includes(visibility))
      return unprocessable('Validation failed: Visibility is not included in the list');
    const s = this.postAs(me.id, { text, inReplyToId: replyTo ?? null, visibility });
    s.mediaIds = mediaIds;
    if (idem) this.idempotency.set(idem, s.id);
    return { status: 200, body: this.renderStatus(s) };
  }

  private async upload(me: EmuAccount, raw: Buffer, req: IncomingMessage) {
    const form = await new Response(raw, { headers: { 'content-type': req.headers['content-type'] ?? '' } }).formData().catch(() => null);
    const file = form?.get('file');
    if (!file || typeof file === 'string') return unprocessable('Validation failed: File content type is invalid');
    const kind = file.type.startsWith('video/') ? 'video' : file.type === 'image/gif' ? 'gifv' : 'image';
    const description = form?.get('description');
    const media: EmuMedia = {
      id: snowflake(),
      accountId: me.id,
      kind,
      description: typeof description === 'string' ? description : null,
      pollsLeft: kind === 'image' ? 0 : 2,
    };
    this.media.set(media.id, media);
    return { status: kind === 'image' ? 200 : 202, body: this.renderMedia(media, kind === 'image') };
  }

  private page<T extends { id: string }>(url: URL, all: T[], def: number, max: number, render: (t: T) => unknown) {
    const { items, link } = paginate(all, url.searchParams, def, max);
    const at = (k: string, v: string) => {
      const u = new URL(url);
      for (const key of ['max_id', 'min_id', 'since_id']) u.searchParams.delete(key);
      u.searchParams.set(k, v);
      return `<${u.toString()}>; rel="${k === 'max_id' ? 'next' : 'prev'}"`;
    };
    const headers: Record<string, string> = {};
    if (link.next && link.prev) headers.link = `${at('max_id', link.next)}, ${at('min_id', link.prev)}`;
    return { status: 200, body: items.map(render), headers };
  }

  private context(s: EmuStatus, me: EmuAccount) {
    const ancestors: EmuStatus[] = [];
    for (
      let p = s.inReplyToId ? this.statuses.get(s.inReplyToId) : undefined;
      p;
      p = p.inReplyToId ? this.statuses.get(p.inReplyToId) : undefined
    ) {
      if (this.canSee(p, me)) ancestors.unshift(p);
    }
    const descendants: EmuStatus[] = [];
    const walk = (id: string) => {
      for (const c of [...this.statuses.values()].filter((x) => x.inReplyToId === id).sort((a, b) => cmp(a.id, b.id))) {
        if (this.canSee(c, me)) descendants.push(c);
        walk(c.id);
      }
    };
    walk(s.id);
    return { ancestors: ancestors.map((x) => this.renderStatus(x)), descendants: descendants.map((x) => this.renderStatus(x)) };
  }

  private canSee(s: EmuStatus, me: EmuAccount): boolean {
    if (s.deletedAt) return false;
    if (s.visibility === 'direct' || s.visibility === 'private') return s.accountId === me.id || s.mentionIds.includes(me.id);
    return true;
  }

  private visible(id: string, me: EmuAccount): EmuStatus | undefined {
    const s = this.statuses.get(id);
    return s && this.canSee(s, me) ? s : undefined;
  }

  private byUsername(username: string): EmuAccount | undefined {
    return [...this.accounts.values()].find((a) => a.username.toLowerCase() === username.toLowerCase());
  }

  private spend(accountId: string): { limit: number; remaining: number; reset: number } {
    const now = Date.now();
    let b = this.budgets.get(accountId);
    if (!b || now >= b.start + b.windowMs) {
      b = { limit: b?.limit ?? DEFAULT_LIMIT, windowMs: b?.windowMs ?? DEFAULT_WINDOW_MS, start: now, used: 0 };
      this.budgets.set(accountId, b);
    }
    b.used++;
    return { limit: b.limit, remaining: b.limit - b.used, reset: b.start + b.windowMs };
  }

  renderAccount(a: EmuAccount, withSource = false): Json {
    const out: Json = {
      id: a.id,
      username: a.username,
      acct: a.username,
      display_name: a.displayName,
      locked: false,
      bot: false,
      created_at: a.createdAt,
      note: a.note ? `<p>${a.note}</p>` : '',
      url: `${this.url}/@${a.username}`,
      avatar: `${this.url}/avatars/${a.id}.png`,
      avatar_static: `${this.url}/avatars/${a.id}.png`,
      header: `${this.url}/headers/original/missing.png`,
      fields: a.fields.map((f) => ({
        name: f.name,
        value: f.value.startsWith('http') ? `<a href="${f.value}" rel="me nofollow noopener">${f.value}</a>` : f.value,
        verified_at: null,
      })),
      emojis: [],
    };
    if (withSource) out.source = { privacy: 'public', sensitive: false, language: 'sq', note: a.note, fields: a.fields };
    return out;
  }

  renderStatus(s: EmuStatus): Json {
    const author = this.accounts.get(s.accountId)!;
    return {
      id: s.id,
      created_at: s.createdAt,
      in_reply_to_id: s.inReplyToId,
      in_reply_to_account_id: s.inReplyToAccountId,
      sensitive: false,
      spoiler_text: '',
      visibility: s.visibility,
      language: 'sq',
      uri: `${this.url}/users/${author.username}/statuses/${s.id}`,
      url: `${this.url}/@${author.username}/${s.id}`,
      replies_count: [...this.statuses.values()].filter((x) => x.inReplyToId === s.id && !x.deletedAt).length,
      content: renderContent(s.text, this.url, (u) => this.byUsername(u)),
      account: this.renderAccount(author),
      media_attachments: s.mediaIds.map((id) => this.renderMedia(this.media.get(id)!, true)),
      mentions: s.mentionIds.map((id) => {
        const a = this.accounts.get(id)!;
        return { id: a.id, username: a.username, acct: a.username, url: `${this.url}/@${a.username}` };
      }),
      tags: [],
      emojis: [],
    };
  }

  private renderMedia(m: EmuMedia, ready: boolean): Json {
    return { id: m.id, type: m.kind, url: ready ? `${this.url}/media/${m.id}` : null, preview_url: null, description: m.description };
  }
}

function rateHeaders(limit: number, remaining: number, resetMs: number): Record<string, string> {
  // Mastodon writes the reset as an ISO time with microseconds.
  const iso = new Date(resetMs).toISOString().replace(/Z$/, '000Z');
  return { 'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': String(Math.max(0, remaining)), 'x-ratelimit-reset': iso };
}

function notFound() {
  return { status: 404, body: { error: 'Record not found' } };
}

function unprocessable(error: string) {
  return { status: 422, body: { error } };
}

/** Mastodon takes JSON, form-encoded or multipart parameters alike. */
async function parseParams(raw: Buffer, req: IncomingMessage): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const add = (k: string, v: string) => out.set(k, [...(out.get(k) ?? []), v]);
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json')) {
    const json = JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown>;
    for (const [k, v] of Object.entries(json)) {
      if (Array.isArray(v)) for (const x of v) add(`${k}[]`, String(x));
      else if (v !== null && v !== undefined) add(k, String(v));
    }
  } else {
    const form = await new Response(raw, { headers: { 'content-type': type } }).formData().catch(() => null);
    for (const [k, v] of form?.entries() ?? []) if (typeof v === 'string') add(k, v);
  }
  return out;
}
