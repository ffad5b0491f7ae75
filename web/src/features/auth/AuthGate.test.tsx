import { describe, expect, it } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { anonymous, mockApi, renderApp, signedIn } from '../../test/render';

describe('AuthGate', () => {
  it('goes back to sign-in when the server answers 401 unauthenticated', async () => {
    let me = signedIn();
    mockApi({
      'GET /api/auth/me': () => ({ body: me }),
      'GET /api/institutions/inst-pr': { status: 404, body: { error: { code: 'not_found', message: '' } } },
      'GET /api/institutions': () => {
        me = anonymous;
        return { status: 401, body: { error: { code: 'unauthenticated', message: 'Sign in' } } };
      },
    });
    renderApp('/');
    expect(await screen.findByRole('heading', { name: 'Mirë se vini, Arta Krasniqi' })).toBeTruthy();
    fireEvent.click(screen.getAllByRole('link', { name: 'Institucionet' })[0]!);
    expect(await screen.findByRole('heading', { name: 'Kyçu' })).toBeTruthy();
  });

  it('shows the enrolment screen when 2FA must be set up', async () => {
    mockApi({ 'GET /api/auth/me': { body: { ...signedIn({ totpEnabled: false }), stage: 'enrol' } } });
    renderApp('/');
    expect(await screen.findByRole('heading', { name: 'Aktivizoni vërtetimin me dy faktorë' })).toBeTruthy();
  });
});

describe('AuthGate with a server that answers 401 to /api/auth/me', () => {
  it('shows sign-in once, without looping', async () => {
    const { fetchMock } = mockApi({
      'GET /api/auth/me': { status: 401, body: { error: { code: 'unauthenticated', message: '' } } },
    });
    renderApp('/');
    expect(await screen.findByRole('heading', { name: 'Kyçu' })).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fetchMock.mock.calls.length).toBeLessThanOrEqual(2);
  });
});
