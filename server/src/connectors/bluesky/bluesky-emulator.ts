import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { answering500, closeServer, FaultQueue, jsonObject, listenOnLoopback, readBody, sendJson as send } from '../emulator-kit.js';
import { cidOf, graphemes, newDid, pageDesc, tid, type EmuAccount, type EmuConvo, type EmuRecord } from './bluesky-emulator.state.js';

/** Faults the emulator can inject into the next request(s) of one account. */
export type BlueskyFault =
  | { kind: 'rate_limited'; retryAfterMs: number }
  | { kind: 'server_error' }
  | { kind: 'outage'; until: string }
  | { kind: 'timeout_after_write' }
  | { kind: 'permanent'; message: string };

type Out = { status: number; body?: unknown };

const POST = 'app.bsky.feed.post';
const CHAT_PROXY = 'did:web:api.bsky.chat#bsky_chat';
const TID_RE = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;
const WRITES = new Set([
  'com.atproto.repo.createRecord',
  'com.atproto.repo.putRecord',
  'com.atproto.repo.deleteRecord',
  'com.atproto.repo.applyWrites',
]);
const err = (status: number, error: string, message: string): Out => ({ status, body: { error, message } });

/**
 * A Bluesky PDS (with the AppView and chat service behind it) in memory, on 127.0.0.1 with a random
 * port, for tests: app-password sessions, repository records with `swapRecord`, threads,
 * notifications, profiles, chat through `atproto-proxy`, XRPC error bodies, write-point rate limits
 * with `ratelimit-*` headers, and fault injection.
 */
export class BlueskyEmulator {
  readonly accounts = new Map<string, EmuAccount>();
  /** did → collection → rkey → record */
  readonly repos = new Map<string, Map<string, Map<string, EmuRecord>>>();
  readonly convos = new Map<string, EmuConvo>();
  readonly blobs = new Map<string, { mime: string; size: number }>();
  readonly requests: { method: string; nsid: string; headers: IncomingMessage['headers'] }[] = [];
  private readonly access = new Map<string, { did: string; expired: boolean }>();
  private readonly refresh = new Map<string, string>();
  /** Service tokens (getServiceAuth) and video jobs of the video service. */
  private readonly serviceTokens = new Map<string, { did: string; lxm: string; exp: number }>();
  readonly videoJobs = new Map<string, { did: string; polls: number; blob: unknown }>();
  private readonly faults = new FaultQueue<BlueskyFault>();
  private readonly budgets = new Map<string, { limit: number; windowMs: number; start: number; used: number; perCall: boolean }>();
  private server: Server | null = null;
  url = '';
  /** Where sessions say the repository lives (tests point it elsewhere to check the client follows it). */
  pdsUrl: string | null = null;

  async start(): Promise<this> {
    ({ server: this.server, url: this.url } = await listenOnLoopback(
      answering500(
        (req, res) => this.handle(req, res),
        (e) => ({ error: 'InternalServerError', message: String(e) }),
      ),
    ));
    return this;
  }

  async close(): Promise<void> {
    await closeServer(this.server);
  }

  // ---- acting as the public and as the test ----

  createAccount(init: { handle: string; displayName?: string; description?: string; website?: string; chatAllowed?: boolean }): EmuAccount {
    const a: EmuAccount = {
      did: newDid(),
      handle: init.handle,
      appPassword: `${randomBytes(2).toString('hex')}-${randomBytes(2).toString('hex')}-${randomBytes(2).toString('hex')}-${randomBytes(2).toString('hex')}`,
      chatAllowed: init.chatAllowed ?? true,
      displayName: init.displayName ?? '',
      description: init.description ?? '',
      website: init.website ?? null,
    };
    this.accounts.set(a.did, a);
    return a;
  }

  person(handle: string, displayName: string): EmuAccount {
    const h = handle.replace(/^@/, '');
    return [...this.accounts.values()].find((a) => a.handle === h) ?? this.createAccount({ handle: h, displayName });
  }

  /** Someone posts: a reply when `parentUri` is given (joining its thread), with mention facets for `mentions`. */
  post(did: string, p: { text: string; parentUri?: string | null; mentions?: string[] }): EmuRecord {
    const parent = p.parentUri ? this.record(p.parentUri) : undefined;
    const parentRoot = (parent?.value.reply as { root?: { uri: string; cid: string } } | undefined)?.root;
    const facets = (p.mentions ?? []).map((m) => {
      const a = this.accounts.get(m)!;
      const at = Buffer.byteLength(p.text.slice(0, Math.max(0, p.text.indexOf(`@${a.handle}`))), 'utf8');
      return {
        index: { byteStart: at, byteEnd: at + Buffer.byteLength(`@${a.handle}`) },
        features: [{ $type: 'app.bsky.richtext.facet#mention', did: m }],
      };
    });
    const value: Record<string, unknown> = {
      $type: POST,
      text: p.text,
      createdAt: new Date().toISOString(),
      ...(facets.length ? { facets } : {}),
      ...(parent
        ? { reply: { root: parentRoot ?? { uri: parent.uri, cid: parent.cid }, parent: { uri: parent.uri, cid: parent.cid } } }
        : {}),
    };
    return this.put(did, POST, tid(), value);
  }

  /** A direct message from `from` to `to`, in their conversation (created on first message). */
  message(from: string, to: string, text: string): EmuConvo {
    let c = [...this.convos.values()].find((x) => x.members.includes(from) && x.members.includes(to));
    if (!c) {
      c = { id: randomBytes(8).toString('hex'), members: [from, to], messages: [] };
      this.convos.set(c.id, c);
    }
    c.messages.push({ id: tid(), senderDid: from, text, sentAt: new Date().toISOString() });
    return c;
  }

  countPosts(did: string): number {
    return [...(this.repos.get(did)?.get(POST)?.values() ?? [])].filter((r) => !r.value.reply).length;
  }

  record(uri: string): EmuRecord | undefined {
    const m = /^at:\/\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(uri);
    return m ? this.repos.get(m[1]!)?.get(m[2]!)?.get(m[3]!) : undefined;
  }

  inject(did: string, fault: BlueskyFault): void {
    this.faults.add(did, fault);
  }

  /** `calls` writes per window (each write costs one point here; the real PDS: create 3, update 2, delete 1 of 5,000/h). */
  setBudget(did: string, calls: number, windowMs: number): void {
    this.budgets.set(did, { limit: calls, windowMs, start: Math.floor(Date.now() / 1000) * 1000, used: 0, perCall: true });
  }

  expireSessions(did: string): void {
    for (const s of this.access.values()) if (s.did === did) s.expired = true;
  }

  // ---- HTTP ----

  private put(did: string, collection: string, rkey: string, value: Record<string, unknown>): EmuRecord {
    const repo = this.repos.get(did) ?? new Map<string, Map<string, EmuRecord>>();
    this.repos.set(did, repo);
    const col = repo.get(collection) ?? new Map<string, EmuRecord>();
    repo.set(collection, col);
    const r: EmuRecord = {
      uri: `at://${did}/${collection}/${rkey}`,
      cid: cidOf({ value, rkey, at: Date.now() }),
      value,
      indexedAt: new Date().toISOString(),
    };
    col.set(rkey, r);
    return r;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const raw = await readBody(req);
    if (url.pathname.startsWith('/img/')) {
      res.writeHead(200, { 'content-type': 'image/jpeg' }).end(Buffer.from('ffd8ffe000104a464946', 'hex'));
      return;
    }
    const nsid = url.pathname.replace(/^\/xrpc\//, '');
    this.requests.push({ method: req.method ?? 'GET', nsid, headers: req.headers });
    const nowSec = Math.floor(Date.now() / 1000);
    const date = { date: new Date(nowSec * 1000).toUTCString() };
    const json = () => jsonObject(raw);
    if (nsid.startsWith('app.bsky.video.')) return sendOut(res, this.video(req, nsid, url.searchParams, raw), date);
    let did: string | undefined;
    if (nsid === 'com.atproto.server.createSession') {
      const b = json();
      did = [...this.accounts.values()].find((a) => a.handle === b.identifier || a.did === b.identifier)?.did;
    } else {
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
      if (nsid === 'com.atproto.server.refreshSession') did = this.refresh.get(token);
      else {
        const s = this.access.get(token);
        if (!s) return send(res, 401, { error: 'InvalidToken', message: 'Token could not be verified' }, date);
        if (s.expired) return send(res, 400, { error: 'ExpiredToken', message: 'Token has expired' }, date);
        did = s.did;
      }
    }
    const write = WRITES.has(nsid) || nsid === 'chat.bsky.convo.sendMessage';
    const fault = did ? this.faults.take(did, write) : undefined;
    if (fault?.kind === 'outage') {
      req.socket.destroy();
      return;
    }
    const rl = this.spend(did, nsid, json);
    const headers = { ...date, ...rl.headers };
    if (fault?.kind === 'rate_limited') {
      return send(
        res,
        429,
        { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
        { ...headers, 'ratelimit-remaining': '0', 'ratelimit-reset': String(nowSec + Math.ceil(fault.retryAfterMs / 1000)) },
      );
    }
    if (rl.exceeded) return send(res, 429, { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' }, headers);
    if (fault?.kind === 'server_error') return send(res, 502, { error: 'UpstreamFailure', message: 'Upstream Failure' }, headers);
    if (fault?.kind === 'permanent') return send(res, 400, { error: 'InvalidRequest', message: fault.message }, headers);
    const out = await this.route(req, nsid, url.searchParams, raw, json, did);
    if (fault?.kind === 'timeout_after_write') return; // written; the answer never comes
    send(res, out.status, out.body ?? {}, headers);
  }

  private async route(
    req: IncomingMessage,
    nsid: string,
    q: URLSearchParams,
    raw: Buffer,
    json: () => Record<string, unknown>,
    did: string | undefined,
  ): Promise<Out> {
    if (nsid === 'com.atproto.server.createSession') {
      const b = json();
      const a = did ? this.accounts.get(did) : undefined;
      if (!a || a.appPassword !== b.password) return err(401, 'AuthenticationRequired', 'Invalid identifier or password');
      return { status: 200, body: this.session(a) };
    }
    if (nsid === 'com.atproto.server.refreshSession') {
      const a = did ? this.accounts.get(did) : undefined;
      if (!a) return err(400, 'ExpiredToken', 'Token has expired');
      this.refresh.delete(/^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '');
      return { status: 200, body: this.session(a) };
    }
    const me = this.accounts.get(did!)!;
    if (nsid.startsWith('chat.bsky.')) return this.chat(req, nsid, q, json, me);
    switch (nsid) {
      case 'com.atproto.repo.getRecord': {
        const r = this.repos
          .get(q.get('repo') ?? '')
          ?.get(q.get('collection') ?? '')
          ?.get(q.get('rkey') ?? '');
        if (!r) return err(400, 'RecordNotFound', `Could not locate record: at://${q.get('repo')}/${q.get('collection')}/${q.get('rkey')}`);
        return { status: 200, body: { uri: r.uri, cid: r.cid, value: r.value } };
      }
      case 'com.atproto.repo.listRecords': {
        const all = [
          ...(this.repos
            .get(q.get('repo') ?? '')
            ?.get(q.get('collection') ?? '')
            ?.values() ?? []),
        ];
        const page = pageDesc(all, (r) => r.uri.split('/').pop()!, q);
        return {
          status: 200,
          body: {
            records: page.items.map((r) => ({ uri: r.uri, cid: r.cid, value: r.value })),
            ...(page.cursor ? { cursor: page.cursor } : {}),
          },
        };
      }
      case 'com.atproto.repo.putRecord':
      case 'com.atproto.repo.createRecord':
        return this.write(nsid, json(), me);
      case 'com.atproto.repo.deleteRecord': {
        const b = json();
        if (b.repo !== me.did) return err(401, 'AuthRequired', 'Authentication Required');
        this.repos.get(me.did)?.get(String(b.collection))?.delete(String(b.rkey)); // no-op when absent, as on a PDS
        return { status: 200, body: {} };
      }
      case 'com.atproto.repo.uploadBlob': {
        const cid = cidOf(raw.toString('base64'));
        const mime = req.headers['content-type'] ?? 'application/octet-stream';
        this.blobs.set(cid, { mime, size: raw.length });
        return { status: 200, body: { blob: { $type: 'blob', ref: { $link: cid }, mimeType: mime, size: raw.length } } };
      }
      case 'app.bsky.feed.getPostThread': {
        const r = this.record(q.get('uri') ?? '');
        if (!r) return err(400, 'NotFound', `Post not found: ${q.get('uri')}`);
        const depth = Number(q.get('depth') ?? 6);
        const replies =
          depth > 0 ? this.allPosts().filter((x) => (x.value.reply as { parent: { uri: string } } | undefined)?.parent.uri === r.uri) : [];
        return {
          status: 200,
          body: {
            thread: {
              $type: 'app.bsky.feed.defs#threadViewPost',
              post: this.postView(r),
              replies: replies.map((x) => ({ $type: 'app.bsky.feed.defs#threadViewPost', post: this.postView(x) })),
            },
          },
        };
      }
      case 'app.bsky.notification.listNotifications': {
        const page = pageDesc(this.notifications(me), (n) => `${n.indexedAt}|${n.uri}`, q);
        return { status: 200, body: { notifications: page.items, ...(page.cursor ? { cursor: page.cursor } : {}) } };
      }
      case 'com.atproto.server.getServiceAuth': {
        const token = `svc.${randomBytes(16).toString('base64url')}`;
        this.serviceTokens.set(token, { did: me.did, lxm: q.get('lxm') ?? '', exp: Number(q.get('exp') ?? 0) });
        return { status: 200, body: { token } };
      }
      case 'app.bsky.actor.getProfile': {
        const actor = q.get('actor') ?? '';
        const a = [...this.accounts.values()].find((x) => x.did === actor || x.handle === actor);
        if (!a) return err(400, 'InvalidRequest', 'Profile not found');
        return {
          status: 200,
          body: {
            ...this.profile(a),
            description: a.description,
            ...(a.website ? { website: a.website } : {}),
            followersCount: 0,
            followsCount: 0,
            postsCount: this.countPosts(a.did),
          },
        };
      }
      default:
        return err(501, 'MethodNotImplemented', 'Method Not Implemented');
    }
  }

  private write(nsid: string, b: Record<string, unknown>, me: EmuAccount): Out {
    if (b.repo !== me.did && b.repo !== me.handle) return err(401, 'AuthRequired', 'Authentication Required');
    const collection = String(b.collection);
    const rkey = typeof b.rkey === 'string' ? b.rkey : nsid === 'com.atproto.repo.createRecord' ? tid() : '';
    const record = b.record as Record<string, unknown>;
    if (!rkey) return err(400, 'InvalidRequest', 'Input must have the property "rkey"');
    // @NOTE the Bluesky AppView indexes posts only under TID keys; this refusal is the emulator's strictness.
    if (collection === POST && !TID_RE.test(rkey)) return err(400, 'InvalidRequest', `Invalid record key for ${POST}: expected a TID`);
    if (collection === POST) {
      const text = String(record.text ?? '');
      if (graphemes(text) > 300)
        return err(400, 'InvalidRequest', `Invalid ${POST} record: Record/text must not be longer than 300 graphemes`);
      if (Buffer.byteLength(text) > 3000)
        return err(400, 'InvalidRequest', `Invalid ${POST} record: Record/text must not be longer than 3000 characters`);
      const images = (record.embed as { images?: { image: { ref: { $link: string } } }[] } | undefined)?.images ?? [];
      if (images.length > 4)
        return err(400, 'InvalidRequest', `Invalid ${POST} record: Record/embed/images must not have more than 4 elements`);
      if (images.some((i) => (this.blobs.get(i.image.ref.$link)?.size ?? Infinity) > 1_000_000)) {
        return err(400, 'InvalidRequest', `Invalid ${POST} record: Record/embed/images/0/image file too large`);
      }
    }
    const existing = this.repos.get(me.did)?.get(collection)?.get(rkey);
    if ('swapRecord' in b) {
      if (b.swapRecord === null && existing) return err(400, 'InvalidSwap', `Record was at ${existing.cid}`);
      if (typeof b.swapRecord === 'string' && existing?.cid !== b.swapRecord)
        return err(400, 'InvalidSwap', `Record was at ${existing?.cid ?? 'null'}`);
    }
    if (nsid === 'com.atproto.repo.createRecord' && existing) return err(400, 'InvalidRequest', `Record already exists at ${existing.uri}`);
    const r = this.put(me.did, collection, rkey, record);
    return { status: 200, body: { uri: r.uri, cid: r.cid, commit: { cid: cidOf(r), rev: tid() }, validationStatus: 'valid' } };
  }

  private chat(req: IncomingMessage, nsid: string, q: URLSearchParams, json: () => Record<string, unknown>, me: EmuAccount): Out {
    if (req.headers['atproto-proxy'] !== CHAT_PROXY) return err(501, 'MethodNotImplemented', 'Method Not Implemented');
    if (!me.chatAllowed) return err(400, 'InvalidToken', 'Bad token scope');
    const view = (c: EmuConvo, m: EmuConvo['messages'][number]) => ({
      $type: 'chat.bsky.convo.defs#messageView',
      id: m.id,
      rev: m.id,
      text: m.text,
      sender: { did: m.senderDid },
      sentAt: m.sentAt,
    });
    const mine = (id: string) => {
      const c = this.convos.get(id);
      return c && c.members.includes(me.did) ? c : undefined;
    };
    if (nsid === 'chat.bsky.convo.listConvos') {
      const all = [...this.convos.values()].filter((c) => c.members.includes(me.did));
      const page = pageDesc(all, (c) => `${c.messages[c.messages.length - 1]?.sentAt ?? ''}|${c.id}`, q);
      return {
        status: 200,
        body: {
          convos: page.items.map((c) => ({
            id: c.id,
            rev: c.messages[c.messages.length - 1]?.id ?? '',
            members: c.members.map((d) => this.profile(this.accounts.get(d)!)),
            lastMessage: c.messages.length ? view(c, c.messages[c.messages.length - 1]!) : undefined,
            muted: false,
            unreadCount: 0,
          })),
          ...(page.cursor ? { cursor: page.cursor } : {}),
        },
      };
    }
    if (nsid === 'chat.bsky.convo.getMessages') {
      const c = mine(q.get('convoId') ?? '');
      if (!c) return err(400, 'InvalidConvo', 'Convo not found');
      const page = pageDesc(c.messages, (m) => m.id, q);
      return { status: 200, body: { messages: page.items.map((m) => view(c, m)), ...(page.cursor ? { cursor: page.cursor } : {}) } };
    }
    if (nsid === 'chat.bsky.convo.sendMessage') {
      const b = json() as { convoId?: string; message?: { text?: string } };
      const c = mine(String(b.convoId));
      if (!c) return err(400, 'InvalidConvo', 'Convo not found');
      const m = { id: tid(), senderDid: me.did, text: String(b.message?.text ?? ''), sentAt: new Date().toISOString() };
      c.messages.push(m);
      return { status: 200, body: view(c, m) };
    }
    return err(501, 'MethodNotImplemented', 'Method Not Implemented');
  }

  /** Bluesky's video service (video.bsky.app): upload with a service token, then poll the job. */
  private video(req: IncomingMessage, nsid: string, q: URLSearchParams, raw: Buffer): Out {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const svc = this.serviceTokens.get(token);
    if (!svc || svc.lxm !== 'com.atproto.repo.uploadBlob' || svc.exp * 1000 < Date.now())
      return err(401, 'Unauthorized', 'Invalid service token');
    if (nsid === 'app.bsky.video.uploadVideo') {
      if (q.get('did') !== svc.did) return err(400, 'InvalidRequest', 'did does not match the token');
      if (raw.length > 100 * 1024 * 1024) return err(400, 'InvalidRequest', 'Video too large');
      const jobId = `job_${cidOf(raw.toString('base64')).slice(-12)}`;
      const cid = cidOf(`video:${raw.toString('base64')}`);
      this.blobs.set(cid, { mime: 'video/mp4', size: raw.length });
      const prior = this.videoJobs.get(jobId);
      if (prior)
        return {
          status: 409,
          body: { jobId, did: svc.did, state: 'JOB_STATE_COMPLETED', error: 'already_exists', message: 'Video already processed' },
        };
      this.videoJobs.set(jobId, {
        did: svc.did,
        polls: 2,
        blob: { $type: 'blob', ref: { $link: cid }, mimeType: 'video/mp4', size: raw.length },
      });
      return { status: 200, body: { jobId, did: svc.did, state: 'JOB_STATE_CREATED' } };
    }
    if (nsid === 'app.bsky.video.getJobStatus') {
      const job = this.videoJobs.get(q.get('jobId') ?? '');
      if (!job || job.did !== svc.did) return err(400, 'InvalidRequest', 'Job not found');
      const done = job.polls-- <= 0;
      return {
        status: 200,
        body: {
          jobStatus: {
            jobId: q.get('jobId'),
            did: job.did,
            state: done ? 'JOB_STATE_COMPLETED' : 'JOB_STATE_ENCODING',
            progress: done ? 100 : 50,
            ...(done ? { blob: job.blob } : {}),
          },
        },
      };
    }
    return err(501, 'MethodNotImplemented', 'Method Not Implemented');
  }

  private session(a: EmuAccount) {
    const accessJwt = `acc.${randomBytes(16).toString('base64url')}`;
    const refreshJwt = `ref.${randomBytes(16).toString('base64url')}`;
    this.access.set(accessJwt, { did: a.did, expired: false });
    this.refresh.set(refreshJwt, a.did);
    return {
      accessJwt,
      refreshJwt,
      handle: a.handle,
      did: a.did,
      didDoc: { id: a.did, service: [{ id: '#atproto_pds', type: 'AtprotoPersonalDataServer', serviceEndpoint: this.pdsUrl ?? this.url }] },
      active: true,
    };
  }

  private allPosts(): EmuRecord[] {
    return [...this.repos.values()].flatMap((r) => [...(r.get(POST)?.values() ?? [])]);
  }

  private notifications(me: EmuAccount) {
    const out: Record<string, unknown>[] = [];
    for (const r of this.allPosts()) {
      const author = r.uri.split('/')[2]!;
      if (author === me.did) continue;
      const parent = (r.value.reply as { parent: { uri: string } } | undefined)?.parent.uri;
      const mentions = ((r.value.facets as { features: { did?: string }[] }[] | undefined) ?? []).some((f) =>
        f.features.some((x) => x.did === me.did),
      );
      const reason = parent?.startsWith(`at://${me.did}/`) ? 'reply' : mentions ? 'mention' : null;
      if (!reason) continue;
      out.push({
        uri: r.uri,
        cid: r.cid,
        author: this.profile(this.accounts.get(author)!),
        reason,
        record: r.value,
        isRead: false,
        indexedAt: r.indexedAt,
        labels: [],
      });
    }
    return out as { uri: string; indexedAt: string }[];
  }

  private postView(r: EmuRecord) {
    return {
      uri: r.uri,
      cid: r.cid,
      author: this.profile(this.accounts.get(r.uri.split('/')[2]!)!),
      record: r.value,
      replyCount: 0,
      indexedAt: r.indexedAt,
      labels: [],
    };
  }

  private profile(a: EmuAccount) {
    return {
      did: a.did,
      handle: a.handle,
      displayName: a.displayName,
      avatar: `${this.url}/img/avatar/plain/${a.did}/bafkreiavatar@jpeg`,
      labels: [],
    };
  }

  /** Writes spend the account's write points; reads show the per-IP budget (3,000 per 5 minutes). */
  private spend(
    did: string | undefined,
    nsid: string,
    json: () => Record<string, unknown>,
  ): { headers: Record<string, string>; exceeded: boolean } {
    const now = Date.now();
    if (!did || !WRITES.has(nsid)) {
      const reset = Math.floor(now / 300_000) * 300 + 300;
      return {
        headers: {
          'ratelimit-limit': '3000',
          'ratelimit-remaining': '2999',
          'ratelimit-reset': String(reset),
          'ratelimit-policy': '3000;w=300',
        },
        exceeded: false,
      };
    }
    let b = this.budgets.get(did);
    if (!b || now >= b.start + b.windowMs) {
      b = {
        limit: b?.limit ?? 5000,
        windowMs: b?.windowMs ?? 3_600_000,
        start: Math.floor(now / 1000) * 1000,
        used: 0,
        perCall: b?.perCall ?? false,
      };
      this.budgets.set(did, b);
    }
    const body = json();
    const points = b.perCall ? 1 : nsid.endsWith('deleteRecord') ? 1 : nsid.endsWith('putRecord') && body.swapRecord !== null ? 2 : 3;
    b.used += points;
    const headers = {
      'ratelimit-limit': String(b.limit),
      'ratelimit-remaining': String(Math.max(0, b.limit - b.used)),
      'ratelimit-reset': String(Math.ceil((b.start + b.windowMs) / 1000)),
      'ratelimit-policy': `${b.limit};w=${Math.round(b.windowMs / 1000)}`,
    };
    return { headers, exceeded: b.used > b.limit };
  }
}

function sendOut(res: ServerResponse, out: Out, headers: Record<string, string>): void {
  send(res, out.status, out.body ?? {}, headers);
}
