import { OutboundUrlError } from '../platform/outbound.js';
import { ConnectorError, type RateLimitState } from './connector.js';

/**
 * HTTP pieces the REST connectors (X, Mastodon, Bluesky) share: where a token may be sent, the query,
 * one bounded fetch, the body as JSON when it is JSON, network failures and the common status answers
 * as `ConnectorError`s, and rate-limit header arithmetic. Each platform keeps its own status mapping
 * and wording where they differ; only the identical mechanics live here.
 */

/** Error codes of a connection that never carried the request (nothing can have been applied). */
const NEVER_SENT = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'];

export interface NetworkErrorOptions {
  /** Subject of the plain-words message: "X", "Bluesky", "The Mastodon instance". */
  who: string;
  /** Further error codes that mean the request was never sent (Mastodon counts `ECONNABORTED`). */
  alsoNeverSent?: readonly string[];
  /** The fetch is `guardedFetch`: its refusal of a private address is final (`not_connected`). */
  outboundGuard?: boolean;
}

/** A timeout or a broken connection. A write whose request may have reached the platform is "maybe applied". */
export function networkError(err: unknown, write: boolean, o: NetworkErrorOptions): ConnectorError {
  if (o.outboundGuard && err instanceof OutboundUrlError) {
    // Refused before anything was sent: an address on this machine or a private network.
    return new ConnectorError(err.message, { retryable: false, code: 'not_connected', platformMessage: err.message });
  }
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
    return new ConnectorError(`${o.who} did not answer in time.`, {
      retryable: true,
      code: 'timeout',
      platformMessage: e.message ?? 'timeout',
      maybeApplied: write ? true : undefined,
    });
  }
  const code = e?.cause?.code ?? '';
  const neverSent = NEVER_SENT.includes(code) || (o.alsoNeverSent ?? []).includes(code);
  return new ConnectorError(`${o.who} cannot be reached right now.`, {
    retryable: true,
    code: 'unavailable',
    platformMessage: [code, e?.cause?.message ?? e?.message].filter(Boolean).join(' ') || 'network error',
    maybeApplied: write && !neverSent ? true : undefined,
  });
}

/** One request with a deadline and no redirects (a bearer token never follows one); the answer read as text. */
export async function fetchText(
  fetchFn: typeof fetch,
  url: URL,
  init: { method: string; headers: Record<string, string>; body?: RequestInit['body']; timeoutMs: number },
  onNetworkError: (err: unknown) => ConnectorError,
): Promise<{ res: Response; text: string }> {
  try {
    const res = await fetchFn(url, {
      method: init.method,
      headers: init.headers,
      body: init.body,
      redirect: 'error',
      signal: AbortSignal.timeout(init.timeoutMs),
    });
    return { res, text: await res.text() };
  } catch (err) {
    throw onNetworkError(err);
  }
}

/** Adds query parameters to `url`: an array as a repeated key (`types[]=a&types[]=b`), undefined left out. */
export function addQuery(url: URL, query: Record<string, string | string[] | undefined> = {}): URL {
  for (const [k, v] of Object.entries(query)) {
    if (Array.isArray(v)) for (const item of v) url.searchParams.append(k, item);
    else if (v !== undefined) url.searchParams.set(k, v);
  }
  return url;
}

/** The body as JSON; null when empty or not JSON (an HTML page from a proxy). */
export function parseJsonOrNull(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return null;
  }
}

/**
 * Milliseconds until a reset header given in Unix seconds (`x-rate-limit-reset`, `ratelimit-reset`),
 * measured against the server's own `Date` header so a skewed clock never makes Courtdesk retry early.
 */
export function untilUnixReset(h: Headers, header: string): number | undefined {
  const raw = h.get(header);
  const reset = Number(raw);
  if (!raw || !Number.isFinite(reset)) return undefined;
  const date = Date.parse(h.get('date') ?? '');
  return Math.max(0, reset * 1000 - (Number.isNaN(date) ? Date.now() : date));
}

/** A remaining-count header (non-negative, or null when absent or not a number) and the reset time. */
export function rateLimitState(remaining: string | null, resetAt: string | null): RateLimitState {
  return {
    remaining: remaining !== null && Number.isFinite(Number(remaining)) ? Math.max(0, Number(remaining)) : null,
    resetAt,
  };
}

// The answers every REST platform gives alike, in the same words with the platform's name. Mappings
// that differ (401, 403, 422, duplicates, expired sessions) stay with each platform.

/** 429: retryable once the limit resets (`retryAfterMs`); `message` for a platform's own kind of limit. */
export function rateLimitedError(
  who: string,
  platformMessage: string,
  retryAfterMs: number,
  message = `${who} is rate limiting this account; Courtdesk will try again after the limit resets.`,
): ConnectorError {
  return new ConnectorError(message, { retryable: true, code: 'rate_limited', platformMessage, retryAfterMs });
}

/** 5xx: retryable, after the platform's `Retry-After` when it gave one. */
export function serverError(who: string, platformMessage: string, retryAfterMs?: number): ConnectorError {
  return new ConnectorError(`${who} had an internal error; trying again later may work.`, {
    retryable: true,
    code: 'server_error',
    platformMessage,
    retryAfterMs,
  });
}

/** 404: deleted, or never there. */
export function notFoundError(platform: string, platformMessage: string): ConnectorError {
  return new ConnectorError(`It is no longer on ${platform} (deleted, or never existed).`, {
    retryable: false,
    code: 'not_found',
    platformMessage,
  });
}

/** Any other refusal: final, in the platform's own words. */
export function refusedError(platform: string, platformMessage: string): ConnectorError {
  return new ConnectorError(`${platform} refused the request.`, { retryable: false, code: 'rejected', platformMessage });
}

/** Options every REST connector's client takes (X, Mastodon, Bluesky). */
export interface RestClientOptions {
  /** Injected in tests; defaults to Node's global fetch. */
  fetch?: typeof fetch;
  /** Per request; a write that times out is reported as "maybe applied". Default 15 s. */
  timeoutMs?: number;
}

/**
 * Where a token or a picture request may go: https, or plain http to this machine when allowed
 * (tests and local emulators), so an address typed by an officer cannot carry a secret in clear text.
 */
export function safeOrigin(url: URL, allowHttpLoopback: boolean): boolean {
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  return url.protocol === 'https:' || (allowHttpLoopback && url.protocol === 'http:' && loopback);
}
