import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { AccountConnection } from '@courtdesk/contracts';
import { mockApi, renderApp, signedIn } from '../../test/render';
import { accountFixture } from './account.fixture';

const account = accountFixture({ platform: 'facebook' });

const base: AccountConnection = {
  accountId: 'a1',
  platform: 'facebook',
  needed: true,
  connected: false,
  fields: [{ key: 'pageAccessToken', label: 'Page access token', secret: true, required: true, set: false }],
  setBy: null,
  setAt: null,
  canManage: true,
};

function routes(connection: AccountConnection, put?: (init: RequestInit) => { body: unknown }) {
  return {
    'GET /api/auth/me': { body: signedIn() },
    'GET /api/institutions': { body: { items: [] } },
    'GET /api/accounts/a1': { body: account },
    'GET /api/brand-kits/inst-pz': {
      body: {
        institutionId: 'inst-pz',
        handle: null,
        suggestedHandle: 'x',
        logoHash: null,
        hasLogo: false,
        updatedAt: null,
        canEdit: false,
      },
    },
    'GET /api/accounts/a1/connection': { body: connection },
    ...(put ? { 'PUT /api/accounts/a1/connection': put } : {}),
  };
}

describe('ConnectionCard', () => {
  it('lets an admin connect the account with a token that is sent once and never shown', async () => {
    const connected: AccountConnection = {
      ...base,
      connected: true,
      fields: [{ ...base.fields[0]!, set: true }],
      setBy: { id: 'u1', name: 'Milica Jovanović' },
      setAt: '2026-11-20T10:00:00.000Z',
    };
    const { calls } = mockApi(routes(base, () => ({ body: connected })));
    renderApp('/accounts/a1');
    expect(await screen.findByText('E palidhur')).toBeTruthy();
    const save = screen.getByRole('button', { name: 'Lidhe' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText(/Tokeni i qasjes i faqes/), { target: { value: 'EAA-secret-token' } });
    fireEvent.click(save);
    expect(await screen.findByText('E lidhur')).toBeTruthy();
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.body).toEqual({ values: { pageAccessToken: 'EAA-secret-token' } });
    await waitFor(() => expect((screen.getByLabelText(/Tokeni i qasjes i faqes/) as HTMLInputElement).value).toBe(''));
    expect(screen.getByText(/Vendosur nga Milica Jovanović/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Hiq lidhjen' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Kontrollo lidhjen' })).toBeTruthy();
  });

  it('shows only the status to someone without admin level, and nothing for the sandbox', async () => {
    mockApi(routes({ ...base, canManage: false }));
    renderApp('/accounts/a1');
    expect(await screen.findByText('E palidhur')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Lidhe' })).toBeNull();
    expect(screen.getByText(/vetëm ata që kanë nivel administratori/)).toBeTruthy();
  });

  it('tries the connection and says in plain words that it does not work', async () => {
    const connected: AccountConnection = {
      ...base,
      connected: true,
      fields: [{ ...base.fields[0]!, set: true }],
      setBy: { id: 'u1', name: 'M' },
      setAt: '2026-11-20T10:00:00.000Z',
    };
    mockApi({
      ...routes(connected),
      'POST /api/accounts/a1/connection/check': {
        body: {
          ok: false,
          code: 'token_expired',
          message: 'The Facebook access token has expired.',
          checkedAt: '2026-11-25T00:00:00.000Z',
        },
      },
    });
    renderApp('/accounts/a1');
    fireEvent.click(await screen.findByRole('button', { name: 'Kontrollo lidhjen' }));
    expect(await screen.findByText('Lidhja nuk funksionon: The Facebook access token has expired.')).toBeTruthy();
  });
});
