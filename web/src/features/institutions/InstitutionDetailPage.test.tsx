import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { Institution } from '@courtdesk/contracts';
import { mockApi, renderApp, signedIn } from '../../test/render';

const prizren: Institution = {
  id: 'inst-pz',
  code: 'GJTHPZ',
  kind: 'basic',
  parentId: null,
  nameSq: 'Gjykata Themelore në Prizren',
  nameSrLatn: 'Osnovni sud u Prizrenu',
  nameSrCyrl: 'Основни суд у Призрену',
  nameEn: 'Basic Court of Prizren',
  seat: 'Prizren',
  languages: ['sq', 'sr', 'tr', 'bs'],
  address: null,
  postalCode: null,
  phone: '+383 29 000 000',
  email: null,
  website: null,
  updatedAt: '2026-11-01T10:00:00Z',
};

function setup(canEdit: boolean, patch?: (body: unknown) => { status?: number; body?: unknown }) {
  return mockApi({
    'GET /api/auth/me': { body: signedIn() },
    'GET /api/institutions/inst-pr': { body: { ...prizren, id: 'inst-pr', canEdit: false } },
    'GET /api/institutions': { body: { items: [prizren] } },
    'GET /api/institutions/inst-pz': { body: { ...prizren, canEdit } },
    'PATCH /api/institutions/inst-pz': (init) => patch?.(JSON.parse(String(init.body))) ?? { body: prizren },
  });
}

describe('InstitutionDetailPage', () => {
  it('shows every official name, and empty contact fields as "not set"', async () => {
    setup(false);
    renderApp('/institutions/inst-pz');
    expect(await screen.findByRole('heading', { level: 1, name: 'Gjykata Themelore në Prizren' })).toBeTruthy();
    expect(screen.getByText('Основни суд у Призрену')).toBeTruthy();
    expect(screen.getByText('Osnovni sud u Prizrenu')).toBeTruthy();
    expect(screen.getByText('Basic Court of Prizren')).toBeTruthy();
    expect(screen.getAllByText('nuk është caktuar — administratori mund ta plotësojë')).toHaveLength(4);
    expect(screen.getByText('Turqisht')).toBeTruthy();
  });

  it('disables editing when the server says canEdit is false', async () => {
    setup(false);
    renderApp('/institutions/inst-pz');
    const edit = await screen.findByRole('button', { name: 'Ndrysho të dhënat e kontaktit' });
    expect((edit as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/vetëm administratori i këtij institucioni/)).toBeTruthy();
  });

  it('validates with the shared schema, then saves only valid details', async () => {
    const sent: unknown[] = [];
    setup(true, (body) => {
      sent.push(body);
      return { body: { ...prizren, postalCode: '20000' } };
    });
    renderApp('/institutions/inst-pz');
    fireEvent.click(await screen.findByRole('button', { name: 'Ndrysho të dhënat e kontaktit' }));

    fireEvent.change(screen.getByLabelText(/^Kodi postar/), { target: { value: '200' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ruaj' }));
    expect(await screen.findByText('Kodi postar i Kosovës ka 5 shifra.')).toBeTruthy();
    expect(sent).toHaveLength(0);

    fireEvent.change(screen.getByLabelText(/^Kodi postar/), { target: { value: '20000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ruaj' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ postalCode: '20000', address: null, email: null, languages: ['sq', 'sr', 'tr', 'bs'] });
    expect(await screen.findByText('20000')).toBeTruthy();
  });
});
