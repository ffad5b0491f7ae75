import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { i18n } from '../../i18n/i18n';
import { anonymous, mockApi, renderApp, signedIn } from '../../test/render';

function fillAndSubmit(email: string, password: string, labels = { email: 'Adresa e e-mailit', password: 'Fjalëkalimi', submit: 'Kyçu' }) {
  fireEvent.change(screen.getByLabelText(new RegExp(`^${labels.email}`)), { target: { value: email } });
  fireEvent.change(screen.getByLabelText(new RegExp(`^${labels.password}`)), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: labels.submit }));
}

const invalidCredentials = {
  status: 401,
  body: { error: { code: 'invalid_credentials', message: 'Invalid email or password' } },
};

describe('SignInPage', () => {
  it('shows the translated message for invalid_credentials, not the server text', async () => {
    const { calls } = mockApi({
      'GET /api/auth/me': { body: anonymous },
      'POST /api/auth/login': invalidCredentials,
    });
    renderApp();
    await screen.findByRole('heading', { name: 'Kyçu' });

    fillAndSubmit('Arta@Example.org ', 'wrong password');

    expect(await screen.findByText('Adresa e e-mailit ose fjalëkalimi nuk është i saktë.')).toBeTruthy();
    expect(screen.queryByText('Invalid email or password')).toBeNull();
    // The body is normalised by the shared LoginBody schema before it is sent.
    const login = calls.find((c) => c.url === '/api/auth/login');
    expect(login?.body).toEqual({ email: 'arta@example.org', password: 'wrong password' });
    // Still on the sign-in screen.
    expect(screen.getByRole('heading', { name: 'Kyçu' })).toBeTruthy();
  });

  it('shows the same error in English when English is chosen', async () => {
    await i18n.changeLanguage('en');
    mockApi({ 'GET /api/auth/me': { body: anonymous }, 'POST /api/auth/login': invalidCredentials });
    renderApp();
    await screen.findByRole('heading', { name: 'Sign in' });
    fillAndSubmit('arta@example.org', 'nope', { email: 'E-mail address', password: 'Password', submit: 'Sign in' });
    expect(await screen.findByText('The e-mail address or password is not correct.')).toBeTruthy();
  });

  it('falls back to the server message for an unknown error code', async () => {
    mockApi({
      'GET /api/auth/me': { body: anonymous },
      'POST /api/auth/login': { status: 400, body: { error: { code: 'weird_case', message: 'Server says no' } } },
    });
    renderApp();
    await screen.findByRole('heading', { name: 'Kyçu' });
    fillAndSubmit('arta@example.org', 'pw');
    expect(await screen.findByText('Server says no')).toBeTruthy();
  });

  it('checks the e-mail address before calling the server', async () => {
    const { calls } = mockApi({ 'GET /api/auth/me': { body: anonymous } });
    renderApp();
    await screen.findByRole('heading', { name: 'Kyçu' });
    fillAndSubmit('not-an-email', 'pw');
    expect(await screen.findByText('Shkruani adresën tuaj të e-mailit, p.sh. emri@institucioni.org.')).toBeTruthy();
    expect(calls.some((c) => c.url === '/api/auth/login')).toBe(false);
  });

  it('goes on to the 2FA code screen when the server asks for it', async () => {
    mockApi({
      'GET /api/auth/me': { body: anonymous },
      'POST /api/auth/login': { body: { ...signedIn(), stage: 'totp' } },
    });
    renderApp();
    await screen.findByRole('heading', { name: 'Kyçu' });
    fillAndSubmit('arta@example.org', 'correct horse battery');
    expect(await screen.findByRole('heading', { name: 'Vërtetimi me dy faktorë' })).toBeTruthy();
    expect(screen.getByLabelText(/Kodi 6-shifror/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Përdor një kod rikuperimi' }));
    await waitFor(() => expect(screen.getByLabelText(/Kodi i rikuperimit/)).toBeTruthy());
  });
});
