import { createHash } from 'node:crypto';
import { ConnectorError, type AccountRef, type RateLimitState } from '../connector.js';
import {
  addQuery,
  fetchText,
  networkError as transportError,
  notFoundError,
  parseJsonOrNull,
  rateLimitedError,
  rateLimitState,
  refusedError,
  safeOrigin,
  serverError,
  untilUnixReset,
  type RestClientOptions,
} from '../http-errors.js';

/** Options of `createBlueskyConnector`; the service (PDS) URL comes from each account's credentials. */
export interface BlueskyConnectorOptions extends RestClientOptions {
  /** Bluesky's video service; default `https://video.bsky.app`. */
  videoServiceUrl?: string;
  /** Wait between polls of a video being processed. Default 1 s. */
  videoPollMs?: number;
  /**
   * Tests and local emulators only: accept `http://127.0.0.1…` service addresses. Off by default, so an
   * address typed by an officer must be https and cannot aim the app password at this machine.
   */
  allowHttpLoopback?: boolean;
}

export interface BlueskyCredentials {
  serviceUrl: string;
  identifier: string;
  appPassword: string;
}

interface Session {
  accessJwt: string;
  refreshJwt: string;
  did: string;
  handle: string;
  /** The DID document: its `#atproto_pds` service is where the account's repository lives. */
  didDoc?: { service?: { id?: string; type?: string; serviceEndpoint?: string }[] };
}

export interface XrpcOptions {
  query?: Record<string, string | string[] | undefined>;
  json?: unknown;
  bytes?: { data: Buffer; mime: string };
  write?: boolean;
  /** Chat calls go through the PDS to the chat service with `atproto-proxy`. */
  proxy?: string;
}

/** Calls that spend the account's write points (the limit that paces publishing). */
const REPO_WRITE = /^com\.atproto\.repo\.(createRecord|putRecord|deleteRecord|applyWrites)$/;

/** Bluesky's own chat service, reached through the user's PDS. */
export const CHAT_PROXY = 'did:web:api.bsky.chat#bsky_chat';

/** XRPC errors: `{ "error": "InvalidRequest", "message": "…" }`. */
interface XrpcError {
  error?: string;
  message?: string;
}

/** Reads and checks the credentials; plain-words `not_connected` when something is missing. */
export function blueskyCredentials(account: AccountRef, allowHttpLoopback = false): BlueskyCredentials {
  const c = account.credentials;
  const serviceUrl = typeof c.serviceUrl === 'string' && c.serviceUrl.trim() ? c.serviceUrl.trim() : 'https://bsky.social';
  const identifier = typeof c.identifier === 'string' ? c.identifier.trim().replace(/^@/, '') : '';
  const appPassword = typeof c.appPassword === 'string' ? c.appPassword.trim() : '';
  if (!identifier || !appPassword) {
    throw new ConnectorError(
      'This Bluesky account is not connected yet: enter its handle and an app password (Settings → Privacy and security → App passwords).',
      {
        retryable: false,
        code: 'not_connected',
      },
    );
  }
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    throw new ConnectorError('The Bluesky service address is not a valid web address (e.g. https://bsky.social).', {
      retryable: false,
      code: 'not_connected',
    });
  }
  if (!safeOrigin(url, allowHttpLoopback)) {
    throw new ConnectorError('The Bluesky service address must start with https://.', { retryable: false, code: 'not_connected' });
  }
  return { serviceUrl: url.origin, identifier, appPassword };
}

/** The PDS from the session's DID document (bsky.social is an entryway; the repository lives on a PDS). */
function pdsOf(s: Session, fallback: string, allowHttpLoopback: boolean): string {
  const endpoint = s.didDoc?.service?.find((x) => x.id === '#atproto_pds' || x.type === 'AtprotoPersonalDataServer')?.serviceEndpoint;
  if (!endpoint) return fallback;
  try {
    const u = new URL(endpoint);
    return safeOrigin(u, allowHttpLoopback) ? u.origin : fallback;
  } catch {
    return fallback;
  }
}

/**
 * A thin XRPC client for one PDS: app-password sessions (created once, refreshed when the access token
 * expires, re-created when the refresh token is gone), timeouts, the `ratelimit-*` headers, and every
 * failure turned into a `ConnectorError` with Bluesky's own words.
 */
export class XrpcClient {
  private readonly fetchFn: typeof fetch;
  readonly timeoutMs: number;
  private readonly sessions = new Map<string, Promise<Session>>();
  private readonly limits = new Map<string, RateLimitState>();
  readonly allowHttpLoopback: boolean;

  constructor(opts: BlueskyConnectorOptions) {
    this.fetchFn = opts.fetch ?? globalThis.fetch;
    this.timeoutMs = opts.timeoutMs ?? 15_000;
    this.allowHttpLoopback = opts.allowHttpLoopback === true;
  }

  /** Write-point budget of the account as last seen (reads share a per-IP budget, kept apart). */
  rateLimit(account: AccountRef): RateLimitState {
    return (
      this.limits.get(`${account.accountId} write`) ?? this.limits.get(`${account.accountId} read`) ?? { remaining: null, resetAt: null }
    );
  }

  /** The account's DID and handle (from its session), and the PDS its repository lives on. */
  async who(account: AccountRef): Promise<{ did: string; handle: string; pds: string }> {
    const s = await this.session(account);
    return { did: s.did, handle: s.handle, pds: pdsOf(s, this.creds(account).serviceUrl, this.allowHttpLoopback) };
  }

  /** A plain request outside the PDS (the video service), with Bluesky's error mapping. */
  async external<T>(
    account: AccountRef,
    url: URL,
    init: { method: string; token: string; bytes?: { data: Buffer; mime: string }; write?: boolean },
  ): Promise<{ status: number; body: T }> {
    if (!safeOrigin(url, this.allowHttpLoopback)) {
      throw new ConnectorError('The Bluesky video service address must start with https://.', { retryable: false, code: 'not_connected' });
    }
    const { res, text } = await fetchText(
      this.fetchFn,
      url,
      {
        method: init.method,
        headers: {
          authorization: `Bearer ${init.token}`,
          accept: 'application/json',
          ...(init.bytes ? { 'content-type': init.bytes.mime } : {}),
        },
        body: init.bytes?.data,
        timeoutMs: this.timeoutMs,
      },
      (err) => networkError(err, init.write === true),
    );
    const body = parseJsonOrNull(text);
    if ((res.status >= 200 && res.status < 300) || res.status === 409) return { status: res.status, body: body as T };
    throw xrpcError(res.status, body as XrpcError | null, res.headers, false);
  }

  async call<T>(account: AccountRef, method: 'GET' | 'POST', nsid: string, opts: XrpcOptions = {}): Promise<T> {
    const creds = this.creds(account);
    let s = await this.session(account);
    const at = (x: Session) => ({ ...creds, serviceUrl: pdsOf(x, creds.serviceUrl, this.allowHttpLoopback) });
    try {
      return await this.raw<T>(account, at(s), method, nsid, opts, s.accessJwt);
    } catch (err) {
      if (!(err instanceof ConnectorError) || err.opts.code !== 'expired_token') throw err;
      s = await this.renew(account, s);
      return this.raw<T>(account, at(s), method, nsid, opts, s.accessJwt);
    }
  }

  private creds(account: AccountRef): BlueskyCredentials {
    return blueskyCredentials(account, this.allowHttpLoopback);
  }

  private key(account: AccountRef): string {
    const c = this.creds(account);
    return `${c.serviceUrl}|${c.identifier}|${createHash('sha256').update(c.appPassword).digest('hex')}`;
  }

  private session(account: AccountRef): Promise<Session> {
    const k = this.key(account);
    let s = this.sessions.get(k);
    if (!s) {
      s = this.createSession(account);
      this.sessions.set(k, s);
      s.catch(() => this.sessions.delete(k));
    }
    return s;
  }

  private async createSession(account: AccountRef): Promise<Session> {
    const creds = this.creds(account);
    try {
      return await this.raw<Session>(account, creds, 'POST', 'com.atproto.server.createSession', {
        json: { identifier: creds.identifier, password: creds.appPassword },
      });
    } catch (err) {
      if (err instanceof ConnectorError && (err.opts.code === 'unauthorized' || err.opts.code === 'expired_token')) {
        throw new ConnectorError('Bluesky refused the handle and app password: create a new app password and connect the account again.', {
          retryable: false,
          code: 'unauthorized',
          platformMessage: err.opts.platformMessage,
        });
      }
      throw err;
    }
  }

  /** Refreshes an expired session; if the refresh token is gone too, signs in again. */
  private async renew(account: AccountRef, old: Session): Promise<Session> {
    const k = this.key(account);
    const creds = { ...this.creds(account), serviceUrl: pdsOf(old, this.creds(account).serviceUrl, this.allowHttpLoopback) };
    const next = this.raw<Session>(account, creds, 'POST', 'com.atproto.server.refreshSession', {}, old.refreshJwt).catch(
      (err: unknown) => {
        if (err instanceof ConnectorError && (!err.retryable || err.opts.code === 'expired_token')) return this.createSession(account);
        throw err;
      },
    );
    this.sessions.set(k, next);
    next.catch(() => this.sessions.delete(k));
    return next;
  }

  private async raw<T>(
    account: AccountRef,
    creds: BlueskyCredentials,
    method: string,
    nsid: string,
    opts: XrpcOptions,
    token?: string,
  ): Promise<T> {
    const url = addQuery(new URL(`/xrpc/${nsid}`, creds.serviceUrl), opts.query);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (opts.proxy) headers['atproto-proxy'] = opts.proxy;
    if (opts.json !== undefined) headers['content-type'] = 'application/json';
    if (opts.bytes) headers['content-type'] = opts.bytes.mime;
    const { res, text } = await fetchText(
      this.fetchFn,
      url,
      {
        method,
        headers,
        body: opts.bytes ? opts.bytes.data : opts.json !== undefined ? JSON.stringify(opts.json) : undefined,
        timeoutMs: this.timeoutMs,
      },
      (err) => networkError(err, opts.write === true),
    );
    this.remember(account, REPO_WRITE.test(nsid) ? 'write' : 'read', res.headers);
    const body = parseJsonOrNull(text);
    if (res.status >= 200 && res.status < 300) return body as T;
    throw xrpcError(res.status, body as XrpcError | null, res.headers, opts.proxy !== undefined);
  }

  private remember(account: AccountRef, kind: 'read' | 'write', h: Headers): void {
    const remaining = h.get('ratelimit-remaining');
    const wait = untilReset(h);
    if (remaining === null && wait === undefined) return;
    this.limits.set(
      `${account.accountId} ${kind}`,
      rateLimitState(remaining, wait === undefined ? null : new Date(Date.now() + wait).toISOString()),
    );
  }
}

/** Milliseconds until `ratelimit-reset` (Unix seconds), against the server's `Date` so clock skew does not matter. */
export function untilReset(h: Headers): number | undefined {
  return untilUnixReset(h, 'ratelimit-reset');
}

export function xrpcError(status: number, body: XrpcError | null, h: Headers, chat: boolean): ConnectorError {
  const platformMessage = [body?.error, body?.message].filter(Boolean).join(': ') || `HTTP ${status}`;
  const name = body?.error ?? '';
  if (status === 429) {
    return rateLimitedError('Bluesky', platformMessage, Math.max(1000, untilReset(h) ?? 5 * 60_000));
  }
  if (status >= 500) {
    return serverError('Bluesky', platformMessage);
  }
  if (name === 'ExpiredToken')
    return new ConnectorError('The Bluesky session expired.', { retryable: true, code: 'expired_token', platformMessage });
  if (chat && (name === 'InvalidToken' || /token scope/i.test(body?.message ?? ''))) {
    return new ConnectorError(
      'The app password does not allow direct messages: create one with “Allow access to your direct messages” ticked.',
      {
        retryable: false,
        code: 'forbidden',
        platformMessage,
      },
    );
  }
  if (status === 401 || name === 'InvalidToken' || name === 'AuthenticationRequired') {
    return new ConnectorError('Bluesky no longer accepts this account’s sign-in: connect the account again.', {
      retryable: false,
      code: 'unauthorized',
      platformMessage,
    });
  }
  if (
    name === 'RecordNotFound' ||
    name === 'NotFound' ||
    status === 404 ||
    /could not locate record|not found/i.test(body?.message ?? '')
  ) {
    return notFoundError('Bluesky', platformMessage);
  }
  if (name === 'InvalidSwap')
    return new ConnectorError('The record changed on Bluesky in the meantime.', { retryable: false, code: 'conflict', platformMessage });
  if (/graphemes|must not be longer/i.test(body?.message ?? '')) {
    return new ConnectorError('The text is longer than Bluesky allows (300 characters as people see them).', {
      retryable: false,
      code: 'text_too_long',
      platformMessage,
    });
  }
  if (status === 413)
    return new ConnectorError('The file is larger than Bluesky accepts.', { retryable: false, code: 'media_too_large', platformMessage });
  if (status === 403)
    return new ConnectorError('Bluesky does not allow this for the account.', { retryable: false, code: 'forbidden', platformMessage });
  return refusedError('Bluesky', platformMessage);
}

/** A timeout or a broken connection. A write whose request may have reached Bluesky is "maybe applied". */
export function networkError(err: unknown, write: boolean): ConnectorError {
  return transportError(err, write, { who: 'Bluesky', outboundGuard: true });
}
