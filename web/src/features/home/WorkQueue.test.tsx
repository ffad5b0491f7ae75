import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { PostSummary } from '@courtdesk/contracts';
import { mockApi, renderApp, signedIn } from '../../test/render';
import { dueThisWeek } from './WorkQueue';

const post = (o: Partial<PostSummary>): PostSummary => ({
  id: 'p',
  institutionId: 'inst-pr',
  status: 'review',
  excerpt: 'Njoftim',
  langs: ['sq', 'sr'],
  scheduledAt: null,
  publishedAt: null,
  targets: [{ accountId: 'a1', platform: 'sandbox', handle: 'gjthprishtine', status: 'pending' }],
  createdBy: 'u2',
  updatedAt: '2026-11-20T09:00:00.000Z',
  ...o,
});

describe('home work queue', () => {
  it('keeps only posts due in the next seven days, soonest first', () => {
    const now = Date.parse('2026-11-25T10:00:00Z');
    const items = [
      post({ id: 'late', scheduledAt: '2026-12-10T10:00:00Z' }),
      post({ id: 'b', scheduledAt: '2026-11-28T10:00:00Z' }),
      post({ id: 'a', scheduledAt: '2026-11-25T12:00:00Z' }),
      post({ id: 'none', scheduledAt: null }),
    ];
    expect(dueThisWeek(items, now).map((p) => p.id)).toEqual(['a', 'b']);
  });

  it('shows posts waiting for my approval with links, and plain empty states', async () => {
    const { calls } = mockApi({
      'GET /api/auth/me': { body: signedIn({ locale: 'en' }) },
      'GET /api/posts': ({ url }) =>
        url.includes('awaitingMe=true')
          ? { body: { items: [post({ id: 'p1', excerpt: 'Seanca e rastit P.nr. 12/2026 shtyhet' })] } }
          : { body: { items: [] } },
    });
    renderApp('/');
    const card = (await screen.findByText('Waiting for your approval')).closest('section')!;
    const link = await within(card as HTMLElement).findByRole('link', { name: /Seanca e rastit/ });
    expect(link.getAttribute('href')).toBe('/posts/p1');
    expect(await screen.findByText('Nothing is scheduled for the coming week.')).toBeTruthy();
    expect(await screen.findByText('No post failed to publish.')).toBeTruthy();
    expect(calls.some((c) => c.url.includes('status=failed'))).toBe(true);
  });

  it('says so in plain words when the list cannot be loaded', async () => {
    mockApi({
      'GET /api/auth/me': { body: signedIn({ locale: 'en' }) },
      'GET /api/posts': { status: 500, body: { error: { code: 'internal', message: 'Database is down' } } },
    });
    renderApp('/');
    expect((await screen.findAllByText(/Database is down|went wrong/i)).length).toBeGreaterThan(0);
  });
});
