import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { InboxItem } from '@courtdesk/contracts';
import { mockApi, renderApp, signedIn } from '../../test/render';
import { segments } from './HighlightedText';

const item = (i: number, extra: Partial<InboxItem> = {}): InboxItem => ({
  id: `i${i}`,
  institutionId: 'inst-pr',
  accountId: 'a1',
  accountHandle: 'gjthprishtine',
  platform: 'sandbox',
  kind: 'comment',
  externalId: `c${i}`,
  postExternalId: 'p1',
  conversationId: null,
  authorHandle: `author${i}`,
  authorName: `Author ${i}`,
  text: `Comment number ${i}`,
  textLength: 18,
  lang: 'en',
  createdAt: '2026-11-20T10:00:00.000Z',
  receivedAt: '2026-11-20T10:00:01.000Z',
  status: 'review',
  verdict: 'review',
  categories: [],
  reasons: [],
  score: 0.6,
  note: null,
  pendingAction: null,
  autoReplied: false,
  can: { hide: true, unhide: false, delete: true, reply: true, keep: true },
  ...extra,
});

const base = {
  'GET /api/auth/me': { body: signedIn() },
  'GET /api/institutions': { body: { items: [] } },
  'GET /api/institutions/inst-pr': { status: 404, body: { error: { code: 'not_found', message: '' } } },
  'GET /api/inbox/accounts': { body: { items: [] } },
};

describe('inbox', () => {
  it('splits text at the reasons for highlighting, merging overlaps and ignoring out-of-range offsets', () => {
    expect(segments('you are an idiot', [{ start: 11, end: 16, category: 'insult' }])).toEqual([
      { text: 'you are an ', mark: null },
      { text: 'idiot', mark: 'insult' },
    ]);
    expect(
      segments('abcdef', [
        { start: 1, end: 4, category: 'a' },
        { start: 2, end: 5, category: 'b' },
        { start: 50, end: 60, category: 'c' },
      ]).map((s) => s.text),
    ).toEqual(['a', 'bcd', 'e', 'f']);
  });

  it('shows HTML in a comment as text, never as markup, with the matched words highlighted', async () => {
    const html = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2"> idiot';
    mockApi({
      ...base,
      'GET /api/inbox/items': {
        body: {
          items: [
            item(1, {
              text: html,
              reasons: [
                {
                  category: 'insult',
                  article: '3.7',
                  rule: 'insult.x',
                  match: 'idiot',
                  start: html.length - 5,
                  end: html.length,
                  explanation: 'Insult',
                },
              ],
            }),
          ],
          total: 1,
          counts: { review: 1 },
        },
      },
    });
    const { container } = renderApp('/inbox');
    expect(await screen.findByText('idiot')).toBeTruthy();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img[src="x"]')).toBeNull();
    expect(container.textContent).toContain('<script>window.__pwned = 1</script>');
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    expect(container.querySelector('mark')?.textContent).toBe('idiot');
  });

  it('moves with j/k, hides with h and asks for a reason where the classifier did not flag', async () => {
    const { calls } = mockApi({
      ...base,
      'GET /api/inbox/items': {
        body: {
          items: [
            item(1),
            item(2, { verdict: 'keep', status: 'visible', can: { hide: true, unhide: false, delete: true, reply: true, keep: false } }),
          ],
          total: 2,
          counts: {},
        },
      },
      'POST /api/inbox/items/i1/actions': { body: item(1, { status: 'hidden' }) },
      'POST /api/inbox/items/i2/actions': { body: item(2, { status: 'hidden' }) },
    });
    renderApp('/inbox');
    await screen.findByText('Comment number 1');
    fireEvent.keyDown(window, { key: 'h' });
    await waitFor(() => expect(calls.map((c) => `${c.method} ${c.url}`)).toContain('POST /api/inbox/items/i1/actions'));
    expect(calls.find((c) => c.url.endsWith('/i1/actions'))!.body).toEqual({ action: 'hide' });
    fireEvent.keyDown(window, { key: 'j' });
    fireEvent.keyDown(window, { key: 'h' });
    const reason = await screen.findByLabelText(/Pse\?/);
    fireEvent.change(reason, { target: { value: 'Names a witness' } });
    const dialog = reason.closest('section, [role="dialog"]') as HTMLElement;
    fireEvent.click(within(dialog).getByRole('button', { name: 'Fshih' }));
    await waitFor(() => expect(calls.some((c) => c.url.endsWith('/i2/actions'))).toBe(true));
    expect(calls.find((c) => c.url.endsWith('/i2/actions'))!.body).toEqual({ action: 'hide', reason: 'Names a witness' });
  });
});
