import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import type { MeResponse, SessionUser } from '@courtdesk/contracts';
import { Providers } from '../app/providers';
import { createQueryClient } from '../app/query-client';
import { buildRouteObjects } from '../app/router';

/** A fully signed-in user for tests. */
export const testUser: SessionUser = {
  id: 'u1',
  name: 'Arta Krasniqi',
  email: 'arta@example.org',
  institutionId: 'inst-pr',
  position: 'pio',
  status: 'active',
  locale: 'sq',
  totpEnabled: true,
  twoFactorRequired: true,
  mustChangePassword: false,
};

export const anonymous: MeResponse = { user: null, stage: null, csrfToken: null };
export const signedIn = (user: Partial<SessionUser> = {}): MeResponse => ({
  user: { ...testUser, ...user },
  stage: 'full',
  csrfToken: 'csrf-test-token',
});

type Handler = (init: RequestInit & { url: string }) => { status?: number; body?: unknown } | undefined;

/** Replaces `fetch` with a routing table: `'GET /api/auth/me'` → handler; unknown calls answer 404. */
export function mockApi(routes: Record<string, Handler | { status?: number; body?: unknown }>) {
  const calls: Array<{ method: string; url: string; body: unknown; headers: Record<string, string> }> = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init.method ?? 'GET').toUpperCase();
    const path = url.split('?')[0];
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    calls.push({ method, url, body, headers: (init.headers ?? {}) as Record<string, string> });
    const route = routes[`${method} ${path}`];
    const result = typeof route === 'function' ? route({ ...init, url }) : route;
    const status = result?.status ?? (route ? 200 : 404);
    const payload = result?.body ?? (route ? {} : { error: { code: 'not_found', message: `No mock for ${method} ${path}` } });
    return new Response(JSON.stringify(payload), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock };
}

/** Renders the whole app (auth gate, shell, routes) at `path`. */
export function renderApp(path = '/') {
  const router = createMemoryRouter(buildRouteObjects(), { initialEntries: [path] });
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({
    queries: { ...queryClient.getDefaultOptions().queries, retry: false },
  });
  return {
    queryClient,
    ...render(
      <Providers queryClient={queryClient}>
        <RouterProvider router={router} />
      </Providers>,
    ),
  };
}
