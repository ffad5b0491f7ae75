import { describe, expect, it } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import type { PublicRegister } from '@courtdesk/contracts';
import { anonymous, mockApi, renderApp } from '../../test/render';

const register: PublicRegister = {
  generatedAt: '2026-11-20T10:00:00Z',
  institutions: [
    {
      code: 'bc-prishtine',
      nameSq: 'Gjykata Themelore në Prishtinë',
      nameSrLatn: 'Osnovni sud u Prištini',
      nameSrCyrl: 'Основни суд у Приштини',
      nameEn: 'Basic Court of Prishtina',
      website: null,
      accounts: [
        {
          platform: 'facebook',
          handle: 'gjthprishtine',
          displayName: 'Gjykata Themelore në Prishtinë',
          url: 'https://facebook.com/gjthprishtine',
          openedAt: '2019-05-14',
          verifiedByDecision: true,
        },
      ],
    },
    {
      code: 'appeals',
      nameSq: 'Gjykata e Apelit',
      nameSrLatn: 'Apelacioni sud',
      nameSrCyrl: 'Апелациони суд',
      nameEn: 'Court of Appeals',
      website: null,
      accounts: [
        { platform: 'x', handle: 'gjykataeapelit', displayName: 'Gjykata e Apelit', url: null, openedAt: null, verifiedByDecision: false },
      ],
    },
  ],
};

describe('PublicRegisterPage', () => {
  it('shows the register without signing in, and filters by search', async () => {
    const { calls } = mockApi({ 'GET /api/auth/me': { body: anonymous }, 'GET /public/accounts.json': { body: register } });
    renderApp('/register');
    expect(await screen.findByRole('heading', { name: 'Regjistri publik i llogarive zyrtare' })).toBeTruthy();
    expect((await screen.findByRole('link', { name: '@gjthprishtine' })).getAttribute('href')).toBe('https://facebook.com/gjthprishtine');
    expect(screen.getByText('Konfirmuar me vendim')).toBeTruthy();
    expect(screen.getByText('@gjykataeapelit')).toBeTruthy();
    expect(screen.queryByLabelText('Fjalëkalimi')).toBeNull();

    fireEvent.change(screen.getByLabelText('Kërko sipas gjykatës, emrit ose emrit të përdoruesit'), { target: { value: 'apel' } });
    expect(screen.queryByText('@gjthprishtine')).toBeNull();
    expect(screen.getByText('@gjykataeapelit')).toBeTruthy();
    expect(calls.some((c) => c.url.startsWith('/public/accounts.json'))).toBe(true);
  });
});
