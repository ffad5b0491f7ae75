import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { mockApi, renderApp, signedIn } from '../../test/render';
import { accountFixture } from './account.fixture';

const account = accountFixture();

describe('AccountDetailPage', () => {
  it('shows each check with its article and how to fix it, in the UI language', async () => {
    mockApi({
      'GET /api/auth/me': { body: signedIn() },
      'GET /api/institutions': { body: { items: [] } },
      'GET /api/accounts/a1': { body: account },
      'GET /api/brand-kits/inst-pz': {
        body: {
          institutionId: 'inst-pz',
          handle: null,
          suggestedHandle: 'gjthprizren',
          logoHash: 'ab',
          hasLogo: true,
          updatedAt: null,
          canEdit: false,
        },
      },
    });
    renderApp('/accounts/a1');
    const table = await screen.findByRole('table', { name: /Kontrollet e paraqitjes/ });
    const failing = within(table).getByText('Përshkrimi në çdo gjuhë zyrtare').closest('tr')!;
    expect(within(failing).getByText('Nuk plotësohet')).toBeTruthy();
    expect(within(failing).getByText('neni 3.10–3.11')).toBeTruthy();
    expect(within(failing).getByText('Mungon në: tr, bs.')).toBeTruthy();
    expect(within(failing).getByText('Shkruani përshkrimin në secilën gjuhë zyrtare të institucionit.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Krahaso rolet me vendimet' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Mirato hapjen' })).toBeNull();
  });
});
