import { describe, expect, it, vi } from 'vitest';
import { ApiError, api, onUnauthenticated, setCsrfToken, withQuery } from './api';
import { mockApi } from '../test/render';

describe('api client', () => {
  it('sends the CSRF token on writes only, same-origin, as JSON', async () => {
    const { fetchMock } = mockApi({ 'GET /api/x': { body: { ok: 1 } }, 'POST /api/x': { body: { ok: 2 } } });
    setCsrfToken('tok');
    await expect(api.get('/api/x')).resolves.toEqual({ ok: 1 });
    await expect(api.post('/api/x', { a: 1 })).resolves.toEqual({ ok: 2 });

    const [getCall, postCall] = fetchMock.mock.calls;
    const getInit = getCall?.[1] as RequestInit;
    const postInit = postCall?.[1] as RequestInit;
    expect(getInit.credentials).toBe('same-origin');
    expect((getInit.headers as Record<string, string>)['x-csrf-token']).toBeUndefined();
    expect((postInit.headers as Record<string, string>)['x-csrf-token']).toBe('tok');
    expect((postInit.headers as Record<string, string>)['content-type']).toBe('application/json');
    expect(postInit.body).toBe('{"a":1}');
  });

  it('turns an error body into an ApiError with code, message and status', async () => {
    mockApi({ 'POST /api/x': { status: 423, body: { error: { code: 'locked_out', message: 'Locked' } } } });
    const error = await api.post('/api/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'locked_out', message: 'Locked', status: 423 });
  });

  it('reports a non-JSON failure and a network failure in plain codes', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' })),
    );
    await expect(api.get('/api/x')).rejects.toMatchObject({ code: 'http_502', status: 502 });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(api.get('/api/x')).rejects.toMatchObject({ code: 'network_error', status: 0 });
  });

  it('tells listeners when the session is gone (401 unauthenticated), and only then', async () => {
    const listener = vi.fn();
    const stop = onUnauthenticated(listener);
    mockApi({
      'GET /api/a': { status: 401, body: { error: { code: 'unauthenticated', message: '' } } },
      'POST /api/b': { status: 401, body: { error: { code: 'invalid_credentials', message: '' } } },
    });
    await api.get('/api/a').catch(() => undefined);
    await api.post('/api/b').catch(() => undefined);
    stop();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('builds query strings without empty values', () => {
    expect(withQuery('/api/people', { institutionId: 'a b', status: undefined, limit: 20, offset: 0, q: '' })).toBe(
      '/api/people?institutionId=a+b&limit=20&offset=0',
    );
  });
});

describe('errorMessage', () => {
  it('translates known codes, keeps the server text for unknown 4xx codes, and hides 5xx details', async () => {
    const { errorMessage } = await import('./errors');
    const { i18n } = await import('../i18n/i18n');
    const t = i18n.getFixedT('en');
    expect(errorMessage(t, new ApiError('forbidden', 'Nope', 403))).toBe('You do not have the right to do this.');
    expect(errorMessage(t, new ApiError('text_too_long', 'The text is too long', 400))).toBe('The text is too long');
    expect(errorMessage(t, new ApiError('internal', 'TypeError at foo.ts:12', 500))).toMatch(/^Something went wrong/);
    expect(errorMessage(t, new Error('boom'))).toMatch(/^Something went wrong/);
  });
});
