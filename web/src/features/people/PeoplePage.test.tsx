import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Person } from '@courtdesk/contracts';
import { mockApi, renderApp, signedIn } from '../../test/render';

const person = (i: number, extra: Partial<Person> = {}): Person => ({
  id: `p${i}`,
  institutionId: 'inst-pr',
  name: `Person ${i}`,
  email: `p${i}@example.org`,
  position: 'court_officer',
  status: 'active',
  leftAt: null,
  leftReason: null,
  locale: 'sq',
  totpEnabled: false,
  createdAt: '2026-01-01T00:00:00Z',
  ...extra,
});

describe('PeoplePage', () => {
  it('lists people with status badges, pages through them, and keeps leavers listed', async () => {
    const { calls } = mockApi({
      'GET /api/auth/me': { body: signedIn() },
      'GET /api/institutions': { body: { items: [] } },
      'GET /api/institutions/inst-pr': { status: 404, body: { error: { code: 'not_found', message: '' } } },
      'GET /api/people': ({ url }) => {
        const offset = Number(new URL(url, 'http://x').searchParams.get('offset'));
        const items = offset === 0 ? [person(1), person(2, { status: 'dismissed', leftAt: '2026-10-01' })] : [person(21)];
        return { body: { items, total: 21 } };
      },
    });
    renderApp('/people');
    expect(await screen.findByText('Person 1')).toBeTruthy();
    const table = screen.getByRole('table');
    expect(within(table).getByText('I/e shkarkuar')).toBeTruthy();
    expect(within(table).getByText('Aktiv(e)')).toBeTruthy();
    // Only active people can be marked as leaving.
    expect(screen.getAllByRole('button', { name: /^Shëno .* si të dorëhequr/ })).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: 'Faqja 2' }));
    expect(await screen.findByText('Person 21')).toBeTruthy();
    expect(calls.some((c) => c.url.includes('offset=20') && c.url.includes('limit=20'))).toBe(true);
  });

  it('asks for confirmation, says what will happen, then marks the person as resigned', async () => {
    const { calls } = mockApi({
      'GET /api/auth/me': { body: signedIn() },
      'GET /api/institutions': { body: { items: [] } },
      'GET /api/institutions/inst-pr': { status: 404, body: { error: { code: 'not_found', message: '' } } },
      'GET /api/people': { body: { items: [person(1)], total: 1 } },
      'POST /api/people/p1/leave': { body: { ok: true } },
    });
    renderApp('/people');
    fireEvent.click(await screen.findByRole('button', { name: /^Shëno Person 1/ }));

    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/çkyçet menjëherë/)).toBeTruthy();
    expect(within(dialog).getByText(/revokohen/)).toBeTruthy();
    expect(within(dialog).getByText(/heqjes së qasjes pas largimit/)).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Shëno si të dorëhequr' }));
    await waitFor(() => {
      const post = calls.find((c) => c.method === 'POST' && c.url === '/api/people/p1/leave');
      expect(post?.body).toEqual({ status: 'resigned' });
    });
  });

  it('shows the temporary password once after an invitation', async () => {
    mockApi({
      'GET /api/auth/me': { body: signedIn() },
      'GET /api/institutions': { body: { items: [] } },
      'GET /api/institutions/inst-pr': { status: 404, body: { error: { code: 'not_found', message: '' } } },
      'GET /api/people': { body: { items: [], total: 0 } },
      'POST /api/people': { body: { person: person(9, { name: 'Drita Berisha' }), temporaryPassword: 'tmp-Secret-123' } },
    });
    renderApp('/people');
    expect(await screen.findByText('Ende nuk ka persona')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Fto një person' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/^Emri i plotë/), { target: { value: 'Drita Berisha' } });
    fireEvent.change(within(dialog).getByLabelText(/^Adresa e e-mailit/), { target: { value: 'drita@example.org' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Fto' }));
    expect(await within(dialog).findByText('tmp-Secret-123')).toBeTruthy();
    expect(within(dialog).getByText('Drita Berisha u ftua')).toBeTruthy();
  });
});
