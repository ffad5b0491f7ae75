import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { localeStorageKey } from '../i18n/locale-storage';
import { anonymous, mockApi, renderApp, signedIn } from '../test/render';

describe('LanguageSwitcher', () => {
  it('switches the sign-in screen between Albanian, Serbian and English and remembers the choice', async () => {
    mockApi({ 'GET /api/auth/me': { body: anonymous } });
    renderApp();

    // Albanian is the default.
    expect(await screen.findByRole('heading', { name: 'Kyçu' })).toBeTruthy();
    expect(screen.getByLabelText(/^Fjalëkalimi/)).toBeTruthy();

    fireEvent.click(screen.getByRole('radio', { name: 'Srpski' }));
    expect(await screen.findByRole('heading', { name: 'Prijava' })).toBeTruthy();
    expect(screen.getByLabelText(/^Lozinka/)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Kyçu' })).toBeNull();
    expect(localStorage.getItem(localeStorageKey)).toBe('sr');
    expect(document.documentElement.lang).toBe('sr-Latn');

    fireEvent.click(screen.getByRole('radio', { name: 'English' }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(screen.getByLabelText(/^Password/)).toBeTruthy();
    expect(localStorage.getItem(localeStorageKey)).toBe('en');

    fireEvent.click(screen.getByRole('radio', { name: 'Shqip' }));
    expect(await screen.findByRole('heading', { name: 'Kyçu' })).toBeTruthy();
  });

  it('starts in the language remembered on this device', async () => {
    localStorage.setItem(localeStorageKey, 'en');
    const { i18n } = await import('../i18n/i18n');
    const { readStoredLocale } = await import('../i18n/locale-storage');
    await i18n.changeLanguage(readStoredLocale());
    mockApi({ 'GET /api/auth/me': { body: anonymous } });
    renderApp();
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
  });

  it("applies the signed-in user's saved language and saves a new choice to their profile", async () => {
    const { calls } = mockApi({
      'GET /api/auth/me': { body: signedIn({ locale: 'en' }) },
      'GET /api/institutions/inst-pr': { status: 404, body: { error: { code: 'not_found', message: 'x' } } },
      'PUT /api/me/preferences': { body: { ok: true } },
    });
    renderApp();
    expect(await screen.findByRole('heading', { name: 'Welcome, Arta Krasniqi' })).toBeTruthy();

    fireEvent.click(screen.getByRole('radio', { name: 'Srpski' }));
    expect(await screen.findByRole('heading', { name: 'Dobro došli, Arta Krasniqi' })).toBeTruthy();
    await waitFor(() => {
      const put = calls.find((c) => c.method === 'PUT' && c.url === '/api/me/preferences');
      expect(put?.body).toEqual({ locale: 'sr' });
      expect(put?.headers['x-csrf-token']).toBe('csrf-test-token');
    });
  });
});
