import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { AccountDetail } from '@courtdesk/contracts';
import { mockApi, renderApp, signedIn } from '../../test/render';

const account: AccountDetail = {
  id: 'a1',
  institutionId: 'inst-pz',
  platform: 'sandbox',
  handle: 'gjthprizren',
  displayName: 'Gjykata Themelore në Prizren',
  url: null,
  externalId: 'gjthprizren',
  openedWithEmail: 'info@prizren.test',
  openedAt: '2019-05-14T00:00:00.000Z',
  openedBeforeManual: true,
  authorisingDecisionId: 'd1',
  authorisation: 'authorised',
  status: 'active',
  description: { sq: 'Faqja zyrtare', sr: 'Zvanična stranica' },
  address: 'Sheshi',
  postalCode: '20000',
  phone: '038',
  email: 'info@prizren.test',
  website: 'https://x',
  pictureHash: 'ab',
  autoReplyConfigured: true,
  facebookAdminOfficialEmail: null,
  requestedBy: null,
  requestedAt: null,
  requestNote: null,
  closedAt: null,
  closedReason: null,
  failingChecks: 1,
  updatedAt: '2026-01-01',
  checks: [
    {
      code: 'legal_name',
      article: '5.2',
      status: 'pass',
      message: 'ok',
      fix: null,
      params: { expected: 'Gjykata Themelore në Prizren', actual: 'Gjykata Themelore në Prizren' },
    },
    {
      code: 'description_languages',
      article: '3.10–3.11',
      status: 'fail',
      message: 'The description is missing in: tr, bs.',
      fix: 'Write it',
      params: { missing: 'tr, bs' },
    },
  ],
  holders: [{ id: 'u1', name: 'Milica Jovanović', position: 'pio', level: 'admin', viaPosition: false, decisionIds: ['d2'] }],
  drift: null,
  my: { level: 'admin', publish: true, moderate: true, vault: true, manageAccess: true, approve: false },
  can: { edit: true, approve: false, close: false, checkDrift: true, refreshProfile: true },
};

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
