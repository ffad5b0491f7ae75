import { describe, expect, it } from 'vitest';
import type { InstitutionsTable } from '../institutions/institutions.tables.js';
import type { AccountsTable } from './accounts.tables.js';
import { isLegalName, isOfficialEmail, runChecks, type CheckInput } from './checks.js';

const inst: InstitutionsTable = {
  id: 'i',
  code: 'bc-prishtine',
  kind: 'basic',
  parent_id: null,
  name_sq: 'Gjykata Themelore në Prishtinë',
  name_sr_latn: 'Osnovni sud u Prištini',
  name_sr_cyrl: 'Основни суд у Приштини',
  name_en: 'Basic Court of Prishtina',
  seat: 'Prishtinë',
  languages: '["sq","sr","tr"]',
  address: 'Rr. Agim Ramadani',
  postal_code: '10000',
  phone: '038 200 00 000',
  email: 'info.prishtine@gjyqesori-rks.org',
  website: 'https://prishtine.gjyqesori-rks.org',
  sort_order: 0,
  updated_at: '',
};

const good: AccountsTable = {
  id: 'a',
  institution_id: 'i',
  platform: 'sandbox',
  handle: 'gjthprishtine',
  display_name: 'Gjykata Themelore në Prishtinë',
  url: null,
  external_id: 'gjthprishtine',
  opened_with_email: 'pio.prishtine@gjyqesori-rks.org',
  opened_at: null,
  opened_before_manual: 0,
  authorising_decision_id: 'd',
  status: 'active',
  description: JSON.stringify({ sq: 'Faqja zyrtare', sr: 'Zvanična stranica', tr: 'Resmi sayfa' }),
  address: 'Rr. Agim Ramadani',
  postal_code: '10000',
  phone: '038 200 00 000',
  email: 'info.prishtine@gjyqesori-rks.org',
  website: 'https://prishtine.gjyqesori-rks.org',
  picture_hash: 'ffff0000ffff0000',
  auto_reply_configured: 1,
  facebook_admin_official_email: 1,
  requested_by: null,
  requested_at: null,
  request_note: null,
  closed_at: null,
  closed_reason: null,
  created_at: '',
  updated_at: '',
};

const input = (a: Partial<AccountsTable> = {}, o: Partial<CheckInput> = {}): CheckInput => ({
  account: { ...good, ...a },
  institution: inst,
  brandKit: { handle: null, logo_hash: 'ffff0000ffff0001' },
  authorised: true,
  hasResponsibleOfficer: true,
  roles: null,
  driftFindings: 0,
  ...o,
});
const failing = (i: CheckInput) =>
  runChecks(i)
    .filter((c) => c.status === 'fail')
    .map((c) => `${c.code} ${c.article}`);

describe('presentation checks', () => {
  it('passes an account that follows every rule', () => {
    expect(failing(input())).toEqual([]);
    expect(runChecks(input()).every((c) => c.status === 'pass')).toBe(true);
  });

  it('names the article and how to fix each failure', () => {
    const checks = runChecks(
      input(
        {
          display_name: 'Gjykata Prishtina',
          handle: 'court_pr',
          address: null,
          phone: null,
          picture_hash: '0000ffff0000ffff',
          description: '{"sq":"x"}',
          opened_with_email: 'court.pr@gmail.com',
          auto_reply_configured: 0,
          facebook_admin_official_email: 0,
        },
        { authorised: false, hasResponsibleOfficer: false, driftFindings: 2 },
      ),
    );
    const fails = checks.filter((c) => c.status === 'fail');
    expect(fails.map((c) => `${c.code} ${c.article}`)).toEqual([
      'authorisation 3.3',
      'responsible_officer 3.1',
      'legal_name 5.2',
      'handle_convention 5.2',
      'contact_fields 3.6',
      'logo 5.3–5.4',
      'description_languages 3.10–3.11',
      'opened_with_pio_email 5.9, 5.12, 5.15',
      'facebook_admin_official_email 5.1',
      'auto_reply 3.8',
      'drift 5.5–5.7',
    ]);
    for (const f of fails) expect(f.fix).toBeTruthy();
    expect(fails.find((f) => f.code === 'handle_convention')!.fix).toContain('@gjthprishtine');
    expect(fails.find((f) => f.code === 'description_languages')!.params.missing).toBe('sr, tr');
    expect(fails.find((f) => f.code === 'contact_fields')!.params.missing).toBe('address, phone');
  });

  it('applies platform articles: X cites 5.9 and 5.11, YouTube has no auto-reply, Facebook no PIO e-mail', () => {
    const x = runChecks(input({ platform: 'x', opened_with_email: 'a@gmail.com' }));
    expect(x.find((c) => c.code === 'opened_with_pio_email')).toMatchObject({ article: '5.9', status: 'fail' });
    expect(x.find((c) => c.code === 'handle_convention')!.article).toBe('5.2, 5.11');
    expect(runChecks(input({ platform: 'youtube' })).some((c) => c.code === 'auto_reply')).toBe(false);
    expect(runChecks(input({ platform: 'facebook' })).some((c) => c.code === 'opened_with_pio_email')).toBe(false);
  });

  it('uses the brand kit’s handle over the suggestion, and reads Facebook admins from the platform', () => {
    expect(failing(input({ handle: 'gjthprishtina' }, { brandKit: { handle: 'gjthprishtina', logo_hash: 'ffff0000ffff0000' } }))).toEqual(
      [],
    );
    const roles = [{ externalUserId: '1', name: 'A', email: 'someone@gmail.com', role: 'admin' as const }];
    expect(failing(input({}, { roles }))).toEqual(['facebook_admin_official_email 5.1']);
  });

  it('shows a pre-manual account as lacking its retroactive decision (3.4) and a request as awaiting approval (3.3)', () => {
    expect(failing(input({ opened_before_manual: 1, authorising_decision_id: null }, { authorised: false }))).toContain(
      'authorisation 3.4',
    );
    const req = runChecks(input({ status: 'requested' }));
    expect(req.map((c) => `${c.code} ${c.article} ${c.status}`)).toEqual(['authorisation 3.3 fail']);
    expect(runChecks(input({ status: 'closed' }))).toEqual([]);
  });

  it('knows legal names and official e-mail addresses', () => {
    expect(isLegalName('Gjykata Themelore në Prishtinë / Osnovni sud u Prištini', inst)).toBe(true);
    expect(isLegalName('basic court of prishtina', inst)).toBe(true);
    expect(isLegalName('Gjykata Themelore Prishtinë', inst)).toBe(false);
    expect(isOfficialEmail('kgjk@rks-gov.net', inst)).toBe(true);
    expect(isOfficialEmail('pio@prishtine.gjyqesori-rks.org', inst)).toBe(true);
    expect(isOfficialEmail('gjyqesori-rks.org@gmail.com', inst)).toBe(false);
  });
});
