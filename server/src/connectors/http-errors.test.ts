import { describe, expect, it } from 'vitest';
import { OutboundUrlError } from '../platform/outbound.js';
import {
  networkError,
  notFoundError,
  rateLimitedError,
  rateLimitState,
  refusedError,
  safeOrigin,
  serverError,
  untilUnixReset,
} from './http-errors.js';

const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' } });
const reset = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET', message: 'socket hang up' } });
const aborted = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNABORTED', message: 'aborted' } });
const timeout = Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' });

describe('networkError', () => {
  it('a timed-out write is retryable and "maybe applied"; a timed-out read is not', () => {
    expect(networkError(timeout, true, { who: 'X' }).opts).toMatchObject({ code: 'timeout', retryable: true, maybeApplied: true });
    expect(networkError(timeout, false, { who: 'X' }).opts.maybeApplied).toBeUndefined();
    expect(networkError(timeout, true, { who: 'Bluesky' }).message).toBe('Bluesky did not answer in time.');
  });

  it('a refused connection never carried the write; a reset one may have', () => {
    expect(networkError(refused, true, { who: 'X' }).opts).toMatchObject({ code: 'unavailable', retryable: true, maybeApplied: undefined });
    expect(networkError(reset, true, { who: 'X' }).opts).toMatchObject({
      code: 'unavailable',
      maybeApplied: true,
      platformMessage: 'ECONNRESET socket hang up',
    });
    expect(networkError(aborted, true, { who: 'X' }).opts.maybeApplied).toBe(true);
    expect(
      networkError(aborted, true, { who: 'The Mastodon instance', alsoNeverSent: ['ECONNABORTED'] }).opts.maybeApplied,
    ).toBeUndefined();
  });

  it('the outbound guard’s refusal is final only where the guard is in use', () => {
    const guard = new OutboundUrlError('The address 10.0.0.1 is on a private network.');
    expect(networkError(guard, true, { who: 'Bluesky', outboundGuard: true }).opts).toMatchObject({
      code: 'not_connected',
      retryable: false,
      platformMessage: guard.message,
    });
    expect(networkError(guard, false, { who: 'X' }).opts).toMatchObject({ code: 'unavailable', retryable: true });
  });
});

describe('rate-limit headers', () => {
  it('measures a Unix-seconds reset against the server’s Date header, never below zero', () => {
    const h = new Headers({ 'ratelimit-reset': '1000', date: new Date(990_000).toUTCString() });
    expect(untilUnixReset(h, 'ratelimit-reset')).toBe(10_000);
    expect(untilUnixReset(new Headers({ 'x-rate-limit-reset': '1', date: new Date(5_000).toUTCString() }), 'x-rate-limit-reset')).toBe(0);
    expect(untilUnixReset(new Headers({ 'ratelimit-reset': 'soon' }), 'ratelimit-reset')).toBeUndefined();
    expect(untilUnixReset(new Headers(), 'ratelimit-reset')).toBeUndefined();
  });

  it('reads the remaining count as a non-negative number, or null', () => {
    expect(rateLimitState('7', null)).toEqual({ remaining: 7, resetAt: null });
    expect(rateLimitState('-2', '2026-01-01T00:00:00.000Z')).toEqual({ remaining: 0, resetAt: '2026-01-01T00:00:00.000Z' });
    expect(rateLimitState('many', null).remaining).toBeNull();
    expect(rateLimitState(null, null).remaining).toBeNull();
  });
});

describe('status errors shared by the REST platforms', () => {
  it('name the platform and keep its own words; only 429 and 5xx are retryable', () => {
    expect(rateLimitedError('Bluesky', 'RateLimitExceeded', 2000)).toMatchObject({
      message: 'Bluesky is rate limiting this account; Courtdesk will try again after the limit resets.',
      opts: { code: 'rate_limited', retryable: true, retryAfterMs: 2000, platformMessage: 'RateLimitExceeded' },
    });
    expect(rateLimitedError('X', 'capped', 1000, 'The cap is reached.').message).toBe('The cap is reached.');
    expect(serverError('The Mastodon instance', 'HTTP 503', 30_000)).toMatchObject({
      message: 'The Mastodon instance had an internal error; trying again later may work.',
      opts: { code: 'server_error', retryable: true, retryAfterMs: 30_000 },
    });
    expect(notFoundError('X', 'Not Found')).toMatchObject({
      message: 'It is no longer on X (deleted, or never existed).',
      opts: { code: 'not_found', retryable: false },
    });
    expect(refusedError('Mastodon', 'Validation failed')).toMatchObject({
      message: 'Mastodon refused the request.',
      opts: { code: 'rejected', retryable: false, platformMessage: 'Validation failed' },
    });
  });
});

describe('safeOrigin', () => {
  it('allows https anywhere, and plain http only to this machine when tests allow it', () => {
    expect(safeOrigin(new URL('https://mastodon.social'), false)).toBe(true);
    expect(safeOrigin(new URL('http://mastodon.social'), true)).toBe(false);
    expect(safeOrigin(new URL('http://127.0.0.1:8080'), false)).toBe(false);
    expect(safeOrigin(new URL('http://127.0.0.1:8080'), true)).toBe(true);
    expect(safeOrigin(new URL('http://[::1]:8080'), true)).toBe(true);
    expect(safeOrigin(new URL('ftp://localhost'), true)).toBe(false);
  });
});
