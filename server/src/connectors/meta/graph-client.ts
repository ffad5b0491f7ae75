import { ConnectorError, type AccountRef, type RateLimitState } from '../connector.js';

/**
 * A thin client for Meta's Graph API shared by the Facebook and Instagram connectors: plain `fetch`,
 * the token in the `Authorization` header (never in a URL that might be logged), a deadline on every
 * call, Graph errors mapped to `ConnectorError`, and the usage headers remembered per account.
 */

/** The Graph version we pin (platform-apis.md §1); upgrades are deliberate. */
export const GRAPH_VERSION = 'v25.0';
export const DEFAULT_GRAPH_URL = `https://graph.facebook.com/${GRAPH_VERSION}`;

export interface GraphClientOptions {
  /** e.g. `https://graph.facebook.com/v25.0`; tests point it at the local emulator. */
  graphUrl?: string;
  /** Deadline of one HTTP call. */
  timeoutMs?: number;
}

/** Graph base URL from the environment (COURTDESK_META_GRAPH_URL), else the pinned public one. */
export function graphUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return (env.COURTDESK_META_GRAPH_URL || DEFAULT_GRAPH_URL).replace(/\/+$/, '');
}

type Params = Record<string, string | number | boolean | undefined>;

interface GraphErrorBody {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  is_transient?: boolean;
  fbtrace_id?: string;
}

/** Codes Meta uses for throttling (app, user, page, custom, BUC, IG quota). */
const THROTTLE = new Set([4, 9, 17, 32, 613, 80000, 80001, 80002, 80003, 80004, 80005, 80006, 80007, 80008, 80009, 80014]);

export class GraphClient {
  private readonly base: string;
  private readonly timeoutMs: number;
  private readonly usage = new Map<string, RateLimitState>();

  constructor(
    private readonly platform: 'Facebook' | 'Instagram',
    private readonly tokenKey: string,
    opts: GraphClientOptions = {},
  ) {
    this.base = (opts.graphUrl ?? graphUrlFromEnv()).replace(/\/+$/, '');
    this.timeoutMs = opts.timeoutMs ?? 20_000;
  }

  /** The account's token, or a plain-words `not_connected` error. */
  token(account: AccountRef): string {
    const t = account.credentials[this.tokenKey];
    if (typeof t !== 'string' || !t.trim())
      throw new ConnectorError(
        `This ${this.platform} account is not connected to Courtdesk: an administrator of the account must enter its access token (Accounts → the account → Connection).`,
        { retryable: false, code: 'not_connected' },
      );
    return t.trim();
  }

  get<T>(account: AccountRef, path: string, params: Params = {}): Promise<T> {
    return this.call<T>(account, 'GET', path, params);
  }

  post<T>(account: AccountRef, path: string, params: Params | FormData = {}): Promise<T> {
    return this.call<T>(account, 'POST', path, params);
  }

  delete<T>(account: AccountRef, path: string): Promise<T> {
    return this.call<T>(account, 'DELETE', path, {});
  }

  /** The last usage the platform reported for this account (no call is made). */
  rateLimit(account: AccountRef): RateLimitState {
    const s = this.usage.get(account.accountId);
    if (!s) return { remaining: null, resetAt: null };
    // Once the reset time has passed the budget is whole again, as far as we know.
    if (s.resetAt && Date.parse(s.resetAt) <= Date.now()) return { remaining: 100, resetAt: null };
    return s;
  }

  private async call<T>(account: AccountRef, method: string, path: string, params: Params | FormData): Promise<T> {
    const token = this.token(account);
    const url = new URL(`${this.base}/${path.replace(/^\/+/, '')}`);
    let body: FormData | URLSearchParams | undefined;
    if (params instanceof FormData) body = params;
    else {
      const sp = new URLSearchParams();
      for (const [k, v] of Object.entries(params)) if (v !== undefined) sp.set(k, String(v));
      if (method === 'POST') body = sp;
      else sp.forEach((v, k) => url.searchParams.set(k, v));
    }
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw transportError(this.platform, method, err, this.timeoutMs);
    }
    this.remember(account, res.headers);
    let json: unknown;
    try {
      json = await res.json();
    } catch (err) {
      if (isAbort(err)) throw transportError(this.platform, method, err, this.timeoutMs);
      json = null;
    }
    const error = (json as { error?: GraphErrorBody } | null)?.error;
    if (!res.ok || error) throw mapGraphError(this.platform, res.status, error ?? null, res.headers);
    return json as T;
  }

  private remember(account: AccountRef, headers: Headers): void {
    const u = parseUsage(headers);
    if (u) this.usage.set(account.accountId, u);
  }
}

/** Reads `X-Business-Use-Case-Usage` and `X-App-Usage` (percentages); remaining = percentage points left. */
export function parseUsage(headers: Headers, now = Date.now()): RateLimitState | null {
  let pct: number | null = null;
  let regainMin = 0;
  const buc = safeJson(headers.get('x-business-use-case-usage'));
  if (buc && typeof buc === 'object') {
    for (const entries of Object.values(buc as Record<string, unknown>)) {
      for (const e of Array.isArray(entries) ? (entries as Array<Record<string, number>>) : []) {
        pct = Math.max(pct ?? 0, e.call_count ?? 0, e.total_cputime ?? 0, e.total_time ?? 0);
        regainMin = Math.max(regainMin, e.estimated_time_to_regain_access ?? 0);
      }
    }
  }
  const app = safeJson(headers.get('x-app-usage')) as Record<string, number> | null;
  if (app && typeof app === 'object') pct = Math.max(pct ?? 0, app.call_count ?? 0, app.total_cputime ?? 0, app.total_time ?? 0);
  if (pct === null) return null;
  const remaining = Math.max(0, 100 - Math.min(100, pct));
  const resetAt = regainMin > 0 ? new Date(now + regainMin * 60_000).toISOString() : null;
  return { remaining, resetAt };
}

/**
 * A Graph error (HTTP status + `error` body + headers) in our terms: throttles are retryable with the
 * platform's wait, tokens and permissions are permanent with plain words, 5xx and transient codes retry.
 */
export function mapGraphError(platform: string, status: number, e: GraphErrorBody | null, headers: Headers): ConnectorError {
  const code = e?.code ?? 0;
  const sub = e?.error_subcode;
  const platformMessage = `${e?.message ?? `HTTP ${status}`}${code ? ` (code ${code}${sub ? `, subcode ${sub}` : ''})` : ''}`;
  const err = (message: string, c: string, retryable: boolean, extra: { retryAfterMs?: number } = {}) =>
    new ConnectorError(message, { retryable, code: c, platformMessage, ...extra });
  if (status === 429 || THROTTLE.has(code)) {
    return err(`${platform} is limiting how often this account may call it; Courtdesk will wait and try again.`, 'rate_limited', true, {
      retryAfterMs: retryAfterMs(headers),
    });
  }
  if (code === 190 || code === 102) {
    return sub === 463
      ? err(`The ${platform} access token has expired; an administrator of the account must reconnect it.`, 'token_expired', false)
      : err(
          `The ${platform} connection is no longer valid (the password changed, the app was removed or a role was lost); an administrator must reconnect the account.`,
          'not_connected',
          false,
        );
  }
  if (code === 10 && (sub === 2018278 || sub === 2534022))
    return err(`${platform} only allows a reply within 24 hours of the person's last message.`, 'outside_window', false);
  if (code === 10 || (code >= 200 && code <= 299))
    return err(
      `The ${platform} connection lacks a permission for this; reconnect it with the permission granted.`,
      'permission_missing',
      false,
    );
  if (code === 100 && sub === 33) return err(`${platform} says this object does not exist (or is not ours).`, 'not_found', false);
  if (code === 100 && /too long|at most/i.test(e?.message ?? ''))
    return err(`The text is longer than ${platform} allows.`, 'text_too_long', false);
  if (code === 100) return err(`${platform} refused the request as invalid.`, 'rejected', false);
  if (code === 1 || code === 2 || e?.is_transient || status >= 500)
    return err(
      `${platform} had a problem on its side; Courtdesk will try again.`,
      status === 503 || code === 2 ? 'unavailable' : 'server_error',
      true,
    );
  return err(`${platform} refused the request.`, 'rejected', false);
}

/** Retry-After (seconds), else the BUC `estimated_time_to_regain_access` (minutes), else one minute. */
function retryAfterMs(headers: Headers): number {
  const ra = Number(headers.get('retry-after'));
  if (Number.isFinite(ra) && ra > 0) return ra * 1000;
  const u = parseUsage(headers);
  if (u?.resetAt) return Math.max(1000, Date.parse(u.resetAt) - Date.now());
  return 60_000;
}

function transportError(platform: string, method: string, err: unknown, timeoutMs: number): ConnectorError {
  const write = method !== 'GET';
  if (isAbort(err))
    return new ConnectorError(`${platform} did not answer in time.`, {
      retryable: true,
      code: 'timeout',
      platformMessage: `No answer within ${timeoutMs} ms`,
      maybeApplied: write,
    });
  const cause = (err as { cause?: { code?: string } }).cause?.code;
  return new ConnectorError(`${platform} could not be reached.`, {
    retryable: true,
    code: 'unavailable',
    platformMessage: cause ?? (err instanceof Error ? err.message : String(err)),
    // A refused connection never carried the request; anything else after sending may have been applied.
    maybeApplied: write && cause !== 'ECONNREFUSED' && cause !== 'ENOTFOUND',
  });
}

function isAbort(err: unknown): boolean {
  return err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
}

function safeJson(s: string | null): unknown {
  if (!s) return null;
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}

/** Graph times (`2026-11-25T00:33:37+0000`) as ISO-8601 UTC. */
export function isoTime(t: string | undefined): string {
  if (!t) return new Date().toISOString();
  const d = new Date(t.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(d.getTime()) ? new Date().toISOString() : d.toISOString();
}

/** A `{data, paging}` answer. */
export interface GraphPage<T> {
  data: T[];
  paging?: { cursors?: { before?: string; after?: string }; next?: string };
}

/** Opaque connector cursor ⇄ JSON. */
export function encodeCursor(v: unknown): string {
  return Buffer.from(JSON.stringify(v)).toString('base64url');
}

export function decodeCursor<T>(c: string | null | undefined): T | null {
  if (!c) return null;
  try {
    return JSON.parse(Buffer.from(c, 'base64url').toString('utf8')) as T;
  } catch {
    throw new ConnectorError('The paging cursor is not valid.', { retryable: false, code: 'rejected', platformMessage: 'bad cursor' });
  }
}
