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
  type RestClientOptions,
} from '../http-errors.js';

/** Options of `createMastodonConnector`; the instance URL comes from each account's credentials. */
export interface MastodonConnectorOptions extends RestClientOptions {
  /** How long to wait between polls of a media attachment still processing. Default 1 s. */
  mediaPollMs?: number;
  /**
   * Tests and local emulators only: accept `http://127.0.0.1…` instance addresses. Off by default, so an
   * address typed by an officer must be https and cannot aim the server's token at this machine.
   */
  allowHttpLoopback?: boolean;
}

export interface MastodonCredentials {
  instanceUrl: string;
  accessToken: string;
}

export interface CallOptions {
  query?: Record<string, string | string[] | undefined>;
  json?: unknown;
  form?: FormData;
  idempotencyKey?: string;
  /** The call changes something on the platform (a timeout then means "maybe applied"). */
  write?: boolean;
}

export interface MastodonResponse<T> {
  status: number;
  body: T;
  headers: Headers;
}

/** Reads and checks `instanceUrl` and `accessToken`; plain-words `not_connected` when missing. */
export function mastodonCredentials(account: AccountRef, allowHttpLoopback = false): MastodonCredentials {
  const { instanceUrl, accessToken } = account.credentials;
  if (typeof instanceUrl !== 'string' || !instanceUrl.trim() || typeof accessToken !== 'string' || !accessToken.trim()) {
    throw new ConnectorError('This Mastodon account is not connected yet: enter the instance address and an access token.', {
      retryable: false,
      code: 'not_connected',
    });
  }
  let url: URL;
  try {
    url = new URL(instanceUrl.trim());
  } catch {
    throw new ConnectorError('The Mastodon instance address is not a valid web address (e.g. https://mastodon.social).', {
      retryable: false,
      code: 'not_connected',
    });
  }
  // A bearer token is never sent in clear text, except to this machine (tests, a local emulator).
  if (!safeOrigin(url, allowHttpLoopback)) {
    throw new ConnectorError('The Mastodon instance address must start with https://.', { retryable: false, code: 'not_connected' });
  }
  return { instanceUrl: url.origin, accessToken: accessToken.trim() };
}

/**
 * A thin Mastodon REST client: bearer token, timeout, JSON, the `X-RateLimit-*` headers remembered
 * per account, and every failure turned into a `ConnectorError` with Mastodon's own words.
 */
export class MastodonHttp {
  private readonly fetchFn: typeof fetch;
  readonly timeoutMs: number;
  private readonly limits = new Map<string, RateLimitState>();
  readonly allowHttpLoopback: boolean;

  constructor(opts: MastodonConnectorOptions) {
    this.fetchFn = opts.fetch ?? globalThis.fetch;
    this.timeoutMs = opts.timeoutMs ?? 15_000;
    this.allowHttpLoopback = opts.allowHttpLoopback === true;
  }

  rateLimit(account: AccountRef): RateLimitState {
    return this.limits.get(account.accountId) ?? { remaining: null, resetAt: null };
  }

  async call<T>(account: AccountRef, method: string, path: string, opts: CallOptions = {}): Promise<MastodonResponse<T>> {
    const creds = mastodonCredentials(account, this.allowHttpLoopback);
    const url = addQuery(new URL(path, creds.instanceUrl), opts.query);
    const headers: Record<string, string> = { authorization: `Bearer ${creds.accessToken}`, accept: 'application/json' };
    if (opts.json !== undefined) headers['content-type'] = 'application/json';
    if (opts.idempotencyKey) headers['idempotency-key'] = headerSafe(opts.idempotencyKey);
    const { res, text } = await fetchText(
      this.fetchFn,
      url,
      {
        method,
        headers,
        body: opts.form ?? (opts.json !== undefined ? JSON.stringify(opts.json) : undefined),
        timeoutMs: this.timeoutMs,
      },
      (err) => networkError(err, opts.write === true),
    );
    this.remember(account, res.headers);
    const body = parseJsonOrNull(text);
    if (res.status >= 200 && res.status < 300) return { status: res.status, body: body as T, headers: res.headers };
    throw mastodonError(res.status, body, text, res.headers);
  }

  private remember(account: AccountRef, h: Headers): void {
    const remaining = h.get('x-ratelimit-remaining');
    const reset = h.get('x-ratelimit-reset');
    if (remaining === null && reset === null) return;
    const resetMs = reset ? Date.parse(reset) : NaN;
    this.limits.set(account.accountId, rateLimitState(remaining, Number.isNaN(resetMs) ? null : new Date(resetMs).toISOString()));
  }
}

/** A header carries printable ASCII only; other keys are sent as their SHA-256 (still one per key). */
function headerSafe(key: string): string {
  return /^[\x21-\x7e]{1,200}$/.test(key) ? key : createHash('sha256').update(key).digest('hex');
}

/** Mastodon answers errors as `{ "error": "…", "error_description"?: "…" }`; proxies answer HTML. */
function platformWords(status: number, body: unknown, text: string): string {
  if (body && typeof body === 'object') {
    const b = body as { error?: unknown; error_description?: unknown };
    const parts = [b.error, b.error_description].filter((p): p is string => typeof p === 'string' && p.length > 0);
    if (parts.length) return parts.join(': ');
  }
  const title = /<title>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
  return title || `HTTP ${status}`;
}

/** Milliseconds until the ISO `X-RateLimit-Reset`, rounded up to whole seconds (never retry early). */
export function retryAfterFrom(h: Headers): number | undefined {
  const retryAfter = h.get('retry-after');
  if (retryAfter && /^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
  const reset = h.get('x-ratelimit-reset');
  const at = reset ? Date.parse(reset) : NaN;
  if (Number.isNaN(at)) return undefined;
  return Math.max(1000, Math.ceil((at - Date.now()) / 1000) * 1000);
}

export function mastodonError(status: number, body: unknown, text: string, h: Headers): ConnectorError {
  const platformMessage = platformWords(status, body, text);
  if (status === 429) {
    return rateLimitedError('Mastodon', platformMessage, retryAfterFrom(h) ?? 5 * 60_000);
  }
  if (status >= 500) {
    return serverError('The Mastodon instance', platformMessage, retryAfterFrom(h));
  }
  if (status === 401) {
    return new ConnectorError('Mastodon no longer accepts this account’s access token: connect the account again.', {
      retryable: false,
      code: 'unauthorized',
      platformMessage,
    });
  }
  if (status === 403) {
    return new ConnectorError('Mastodon does not allow this for the account (missing permission or blocked).', {
      retryable: false,
      code: 'forbidden',
      platformMessage,
    });
  }
  if (status === 404) {
    return notFoundError('Mastodon', platformMessage);
  }
  if (status === 422 && /character limit/i.test(platformMessage)) {
    return new ConnectorError('The text is longer than this Mastodon instance allows.', {
      retryable: false,
      code: 'text_too_long',
      platformMessage,
    });
  }
  return refusedError('Mastodon', platformMessage);
}

/** A timeout or a broken connection. A write whose request may have reached the instance is "maybe applied". */
export function networkError(err: unknown, write: boolean): ConnectorError {
  // An aborted connection (ECONNABORTED) never reached the instance either.
  return transportError(err, write, { who: 'The Mastodon instance', alsoNeverSent: ['ECONNABORTED'], outboundGuard: true });
}
