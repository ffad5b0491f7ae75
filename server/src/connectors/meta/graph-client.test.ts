import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../connector.js';
import { isoTime, mapGraphError, parseUsage } from './graph-client.js';
import { nestedPage } from './nested-paging.js';

const h = (o: Record<string, string> = {}) => new Headers(o);

describe('Graph errors in our terms', () => {
  it.each([
    [429, { code: 32, message: 'Page request limit reached' }, 'rate_limited', true],
    [400, { code: 4, message: 'Application request limit reached' }, 'rate_limited', true],
    [400, { code: 17, message: 'User request limit reached' }, 'rate_limited', true],
    [400, { code: 613, message: 'Calls to this api have exceeded the rate limit.' }, 'rate_limited', true],
    [400, { code: 80001, message: 'There have been too many calls to this Page account.' }, 'rate_limited', true],
    [400, { code: 9, error_subcode: 2207042, message: 'Application request limit reached' }, 'rate_limited', true],
    [500, { code: 1, message: 'An unknown error has occurred.' }, 'server_error', true],
    [503, { code: 2, message: 'Service temporarily unavailable' }, 'unavailable', true],
    [502, null, 'server_error', true],
    [400, { code: 190, error_subcode: 460, message: 'Error validating access token' }, 'not_connected', false],
    [400, { code: 190, message: 'Invalid OAuth access token' }, 'not_connected', false],
    [400, { code: 190, error_subcode: 463, message: 'Session has expired' }, 'token_expired', false],
    [403, { code: 200, message: '(#200) Requires pages_manage_posts permission' }, 'permission_missing', false],
    [400, { code: 10, error_subcode: 2018278, message: 'outside of allowed window' }, 'outside_window', false],
    [400, { code: 100, error_subcode: 33, message: 'Unsupported get request.' }, 'not_found', false],
    [400, { code: 100, message: '(#100) Param message must be at most 63206 characters long.' }, 'text_too_long', false],
    [400, { code: 100, message: '(#100) Invalid parameter' }, 'rejected', false],
    [400, { code: 368, message: 'The action attempted has been deemed abusive' }, 'rejected', false],
    [200, { code: 506, message: 'Duplicate status message' }, 'rejected', false],
  ] as const)('HTTP %i %j → %s (retryable %s)', (status, body, code, retryable) => {
    const err = mapGraphError('Facebook', status, body, h());
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err.opts.code).toBe(code);
    expect(err.retryable).toBe(retryable);
    expect(err.opts.platformMessage).toContain(body?.message ?? `HTTP ${status}`);
  });

  it('waits as long as Retry-After says, else as long as the usage header says, else a minute', () => {
    expect(mapGraphError('Facebook', 429, { code: 32 }, h({ 'retry-after': '7' })).opts.retryAfterMs).toBe(7000);
    const buc = JSON.stringify({
      '1': [{ type: 'pages', call_count: 100, total_cputime: 3, total_time: 4, estimated_time_to_regain_access: 5 }],
    });
    const ms = mapGraphError('Facebook', 400, { code: 80001 }, h({ 'x-business-use-case-usage': buc })).opts.retryAfterMs!;
    expect(ms).toBeGreaterThan(4.9 * 60_000);
    expect(ms).toBeLessThanOrEqual(5 * 60_000);
    expect(mapGraphError('Facebook', 400, { code: 4 }, h()).opts.retryAfterMs).toBe(60_000);
  });

  it('reads usage headers as percentage points left and the time to regain access', () => {
    const now = Date.parse('2026-11-25T00:00:00Z');
    const buc = JSON.stringify({ '1': [{ call_count: 40, total_cputime: 95, total_time: 10, estimated_time_to_regain_access: 0 }] });
    expect(parseUsage(h({ 'x-business-use-case-usage': buc }), now)).toEqual({ remaining: 5, resetAt: null });
    const full = JSON.stringify({ '1': [{ call_count: 100, estimated_time_to_regain_access: 2 }] });
    expect(parseUsage(h({ 'x-business-use-case-usage': full }), now)).toEqual({ remaining: 0, resetAt: '2026-11-25T00:02:00.000Z' });
    expect(parseUsage(h({ 'x-app-usage': '{"call_count":12}' }), now)).toEqual({ remaining: 88, resetAt: null });
    expect(parseUsage(h(), now)).toBeNull();
  });

  it('reads Graph times with a +0000 offset', () => {
    expect(isoTime('2026-11-25T00:33:37+0000')).toBe('2026-11-25T00:33:37.000Z');
    expect(isoTime('2026-11-25T02:33:37+0200')).toBe('2026-11-25T00:33:37.000Z');
  });
});

describe('paging over posts and their comments', () => {
  // Three posts with 3, 0 and 4 comments; pages of 2 parents and 2 children.
  const posts = ['p1', 'p2', 'p3'];
  const comments: Record<string, string[]> = { p1: ['a', 'b', 'c'], p2: [], p3: ['d', 'e', 'f', 'g'] };
  const slice = <T>(list: T[], after: string | null, limit: number) => {
    const start = after ? Number(after) : 0;
    const data = list.slice(start, start + limit);
    const end = start + data.length;
    return { data, paging: { cursors: { after: String(end) }, ...(end < list.length ? { next: 'more' } : {}) } };
  };
  const walk =
    (want: number, maxParents = 100) =>
    async (cursor: string | null) =>
      nestedPage<string>({
        cursor,
        want,
        maxParents,
        parents: async (after) =>
          slice(
            posts.map((id) => ({ id })),
            after,
            2,
          ),
        children: async (p, after, limit) => slice(comments[p]!, after, Math.min(limit, 2)),
      });

  it('returns every comment exactly once across pages and ends with a null cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r: { items: string[]; cursor: string | null } = await walk(3)(cursor);
      seen.push(...r.items);
      cursor = r.cursor;
      pages++;
    } while (cursor && pages < 20);
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(cursor).toBeNull();
  });

  it('stops after the newest posts it is allowed to scan', async () => {
    const r = await walk(50, 1)(null);
    expect(r.items).toEqual(['a', 'b', 'c']);
    expect(r.cursor).toBeNull();
  });

  it('refuses a cursor it did not make', async () => {
    await expect(walk(3)('%%%not-a-cursor')).rejects.toBeInstanceOf(ConnectorError);
  });
});
