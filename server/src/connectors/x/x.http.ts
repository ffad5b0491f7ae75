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
  serverError,
  untilUnixReset,
  type RestClientOptions,
} from '../http-errors.js';

/** Options of `createXConnector`. */
export interface XConnectorOptions extends RestClientOptions {
  /** API host; default `https://api.x.com` (tests point it at the emulator). */
  baseUrl?: string;
  /** Wait between polls of a video still processing, when X gives no `check_after_secs`. Default 1 s. */
  mediaPollMs?: number;
  /** Who may reply to the court's posts (X `reply_settings`); absent = everyone. */
  replySettings?: 'following' | 'mentionedUsers' | 'subscribers' | 'verified';
}

export interface CallOptions {
  query?: Record<string, string | undefined>;
  json?: unknown;
  form?: FormData;
  write?: boolean;
}

export interface XResponse<T> {
  status: number;
  body: T;
}

/** X's problem bodies: `{ title, detail, type, status }`, sometimes with `errors: [{ message }]`. */
export interface XProblem {
  title?: string;
  detail?: string;
  type?: string;
  errors?: { message?: string; detail?: string; title?: string; type?: string }[];
}

/** The user's OAuth 2 access token; `not_connected` in plain words when missing. */
export function xToken(account: AccountRef): string {
  const t = account.credentials.accessToken;
  if (typeof t !== 'string' || !t.trim()) {
    throw new ConnectorError('This X account is not connected yet: sign in to X from the account page to give Courtdesk access.', {
      retryable: false,
      code: 'not_connected',
    });
  }
  return t.trim();
}

/**
 * A thin X API v2 client: bearer token, timeout, JSON, the per-endpoint `x-rate-limit-*` headers
 * remembered per account, and every failure turned into a `ConnectorError` with X's own words.
 */
export class XHttp {
  private readonly fetchFn: typeof fetch;
  readonly timeoutMs: number;
  readonly baseUrl: string;
  private readonly limits = new Map<string, RateLimitState>();

  constructor(opts: XConnectorOptions) {
    this.fetchFn = opts.fetch ?? globalThis.fetch;
    this.timeoutMs = opts.timeoutMs ?? 15_000;
    this.baseUrl = (opts.baseUrl ?? 'https://api.x.com').replace(/\/+$/, '');
  }

  /** The limit of one endpoint (e.g. `POST /2/tweets`) as last seen for the account. */
  rateLimit(account: AccountRef, endpoint: string): RateLimitState | undefined {
    return this.limits.get(`${account.accountId} ${endpoint}`);
  }

  async call<T>(account: AccountRef, method: string, path: string, opts: CallOptions = {}): Promise<XResponse<T>> {
    const token = xToken(account);
    const url = addQuery(new URL(this.baseUrl + path), opts.query);
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
    if (opts.json !== undefined) headers['content-type'] = 'application/json';
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
    this.remember(account, `${method} ${endpointOf(path)}`, res.headers);
    const body = parseJsonOrNull(text);
    if (res.status >= 200 && res.status < 300) return { status: res.status, body: body as T };
    throw xError(res.status, body as XProblem | null, res.headers);
  }

  private remember(account: AccountRef, endpoint: string, h: Headers): void {
    const remaining = h.get('x-rate-limit-remaining');
    const waitMs = untilReset(h);
    if (remaining === null && waitMs === undefined) return;
    const state = rateLimitState(remaining, waitMs === undefined ? null : new Date(Date.now() + waitMs).toISOString());
    this.limits.set(`${account.accountId} ${endpoint}`, state);
  }
}

/** `/2/tweets/123/hidden` → `/2/tweets/:id/hidden`: X counts limits per endpoint, not per object. */
export function endpointOf(path: string): string {
  const [, version = '', rest = path] = /^(\/\d+)(\/.*)$/.exec(path) ?? [];
  return version + rest.replace(/\/\d+(?=\/|$)/g, '/:id').replace(/\/dm_conversations\/[^/]+\/messages/, '/dm_conversations/:id/messages');
}

/**
 * Milliseconds until `x-rate-limit-reset` (Unix seconds), measured against X's own `Date` header so
 * a skewed server clock does not make Courtdesk retry early; our clock when the header is missing.
 */
export function untilReset(h: Headers): number | undefined {
  return untilUnixReset(h, 'x-rate-limit-reset');
}

export function platformWords(status: number, p: XProblem | null): string {
  const inner = p?.errors
    ?.map((e) => e.message ?? e.detail)
    .filter(Boolean)
    .join(' ');
  return inner || p?.detail || p?.title || `HTTP ${status}`;
}

export function xError(status: number, p: XProblem | null, h: Headers): ConnectorError {
  const platformMessage = platformWords(status, p);
  if (status === 429) {
    const capped = p?.type?.endsWith('usage-capped') ?? false;
    return rateLimitedError(
      'X',
      platformMessage,
      // Without the headers (a tier mismatch) wait five minutes, as mixpost does.
      Math.max(1000, untilReset(h) ?? 5 * 60_000),
      capped ? 'The X usage cap of Courtdesk’s developer account is reached; posting resumes when the cap resets.' : undefined,
    );
  }
  if (status >= 500) {
    return serverError('X', platformMessage);
  }
  if (status === 401) {
    return new ConnectorError('X no longer accepts this account’s sign-in: connect the account to X again.', {
      retryable: false,
      code: 'unauthorized',
      platformMessage,
    });
  }
  if (status === 402) {
    return new ConnectorError('The X developer account has no credits left; an administrator must top it up.', {
      retryable: false,
      code: 'out_of_credits',
      platformMessage,
    });
  }
  if (status === 403 && /duplicate content/i.test(platformMessage)) {
    return new ConnectorError('X refuses to post the same text twice from one account.', {
      retryable: false,
      code: 'duplicate',
      platformMessage,
    });
  }
  if (status === 403) {
    return new ConnectorError('X does not allow this for the account or for Courtdesk’s access level.', {
      retryable: false,
      code: 'forbidden',
      platformMessage,
    });
  }
  if (status === 404) return notFoundError('X', platformMessage);
  return refusedError('X', platformMessage);
}

/** A timeout or a broken connection. A write whose request may have reached X is "maybe applied". */
export function networkError(err: unknown, write: boolean): ConnectorError {
  return transportError(err, write, { who: 'X' });
}
