import type { CheckCode, CheckResult, ContentLang } from '@courtdesk/contracts';
import type { ExternalRole } from '../../connectors/connector.js';
import type { InstitutionsTable } from '../institutions/institutions.tables.js';
import type { AccountsTable } from './accounts.tables.js';
import { suggestHandle } from './handles.js';
import { sameLogo } from './perceptual-hash.js';

/**
 * The presentation and authority checks of an official account, each citing its article and saying
 * how to fix it. Pure: everything the checks need is passed in (tested in checks.test.ts).
 */
export interface CheckInput {
  account: AccountsTable;
  institution: InstitutionsTable;
  brandKit: { handle: string | null; logo_hash: string | null } | null;
  /** The account's authorising decision (art. 3.3 or 3.4) exists and has not been revoked. */
  authorised: boolean;
  /** Some Responsible Officer or substitute holds access to the account by a decision in force. */
  hasResponsibleOfficer: boolean;
  /** Roles read from the platform at the last drift check, if any. */
  roles: ExternalRole[] | null;
  /** Findings of the last drift check; null when never checked or the check failed. */
  driftFindings: number | null;
}

/** Domains of the judiciary's official e-mail addresses, besides each institution's own. */
export const OFFICIAL_DOMAINS = ['gjyqesori-rks.org', 'rks-gov.net'];

/** Whether an address is an official e-mail of the institution (its own address or an official domain). */
export function isOfficialEmail(email: string | null, inst: Pick<InstitutionsTable, 'email' | 'website'>): boolean {
  if (!email) return false;
  const e = email.trim().toLowerCase();
  if (inst.email && e === inst.email.toLowerCase()) return true;
  const domain = e.split('@')[1] ?? '';
  const domains = [...OFFICIAL_DOMAINS];
  if (inst.email?.includes('@')) domains.push(inst.email.split('@')[1]!.toLowerCase());
  return domains.some((d) => domain === d || domain.endsWith(`.${d}`));
}

const norm = (s: string) =>
  s
    .normalize('NFC')
    .replace(/[“”"'’]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** Art. 5.2: the legal name, in any official language, or the languages joined by " / " or " | ". */
export function isLegalName(displayName: string, inst: InstitutionsTable): boolean {
  const names = new Set([inst.name_sq, inst.name_sr_latn, inst.name_sr_cyrl, inst.name_en].map(norm));
  const parts = displayName.split(/\s+[/|–-]\s+/).map(norm);
  return parts.length > 0 && parts.every((p) => names.has(p));
}

const HANDLE_ARTICLE: Record<string, string> = { x: '5.2, 5.11', linkedin: '5.2, 5.14', youtube: '5.2, 5.17' };
const LOGO_ARTICLE: Record<string, string> = { x: '5.3–5.4, 5.11', linkedin: '5.3–5.4, 5.14', youtube: '5.3–5.4, 5.17' };
const PIO_EMAIL_ARTICLE: Record<string, string> = { x: '5.9', linkedin: '5.12', youtube: '5.15', sandbox: '5.9, 5.12, 5.15' };
/** Platforms with private messages, where the automatic response of art. 3.8 applies. */
const HAS_MESSAGES = new Set(['facebook', 'instagram', 'x', 'mastodon', 'bluesky', 'sandbox']);
/** Platforms with Facebook's page-admin model (the sandbox exercises every check). */
const FACEBOOK_LIKE = new Set(['facebook', 'sandbox']);

function result(
  code: CheckCode,
  article: string,
  status: CheckResult['status'],
  message: string,
  fix: string | null,
  params: Record<string, string> = {},
): CheckResult {
  return { code, article, status, message, fix: status === 'pass' ? null : fix, params };
}

/** Runs every check that applies to the account's platform and status. */
export function runChecks(i: CheckInput): CheckResult[] {
  const { account: a, institution: inst } = i;
  if (a.status === 'closed') return [];
  const out: CheckResult[] = [authorisationCheck(i)];
  if (a.status !== 'active') return out;
  out.push(
    result(
      'responsible_officer',
      '3.1',
      i.hasResponsibleOfficer ? 'pass' : 'fail',
      i.hasResponsibleOfficer
        ? 'A Responsible Officer is appointed for this account.'
        : 'No Responsible Officer is appointed for this account by a decision in force.',
      'The president issues a decision appointing a Responsible Officer for this account.',
    ),
  );
  const legal = isLegalName(a.display_name, inst);
  out.push(
    result(
      'legal_name',
      '5.2',
      legal ? 'pass' : 'fail',
      legal ? 'The name is the institution’s legal name.' : `The name “${a.display_name}” is not the legal name of the institution.`,
      `Rename the account to “${inst.name_sq}” (or the name in another official language).`,
      { expected: inst.name_sq, actual: a.display_name },
    ),
  );

  const expected = (i.brandKit?.handle ?? suggestHandle(inst)).replace(/^@/, '');
  const handleOk = a.handle.toLowerCase() === expected.toLowerCase();
  out.push(
    result(
      'handle_convention',
      HANDLE_ARTICLE[a.platform] ?? '5.2',
      handleOk ? 'pass' : 'fail',
      handleOk
        ? 'The handle follows the unified convention.'
        : `The handle @${a.handle} does not follow the unified convention (@${expected}).`,
      `Change the handle to @${expected}, or change the convention in the brand kit.`,
      { expected, actual: a.handle },
    ),
  );

  const missing = (['address', 'postal_code', 'phone', 'email', 'website'] as const).filter((f) => !a[f]);
  out.push(
    result(
      'contact_fields',
      '3.6',
      missing.length === 0 ? 'pass' : 'fail',
      missing.length === 0
        ? 'The profile shows address, postal code, phone, e-mail and website.'
        : `The profile lacks: ${missing.join(', ')}.`,
      'Add the institution’s official address, postal code, phone numbers, e-mail and web page to the profile.',
      { missing: missing.join(', ') },
    ),
  );

  out.push(logoCheck(i));

  const languages = JSON.parse(inst.languages) as ContentLang[];
  const description = JSON.parse(a.description) as Partial<Record<ContentLang, string>>;
  const lacking = languages.filter((l) => !description[l]?.trim());
  out.push(
    result(
      'description_languages',
      '3.10–3.11',
      lacking.length === 0 ? 'pass' : 'fail',
      lacking.length === 0
        ? 'The description is given in every official language of the institution.'
        : `The description is missing in: ${lacking.join(', ')}.`,
      'Write the description in each official language of the institution.',
      { missing: lacking.join(', ') },
    ),
  );

  const pioArticle = PIO_EMAIL_ARTICLE[a.platform];
  if (pioArticle) {
    const ok = isOfficialEmail(a.opened_with_email, inst);
    out.push(
      result(
        'opened_with_pio_email',
        pioArticle,
        a.opened_with_email === null ? 'unknown' : ok ? 'pass' : 'fail',
        ok
          ? 'Opened with the official e-mail of the Public Information Office.'
          : a.opened_with_email === null
            ? 'The e-mail the account was opened with is not recorded.'
            : `Opened with ${a.opened_with_email}, not an official address.`,
        'Move the account’s sign-in e-mail to the official address of the Public Information Office, then record it here.',
        { email: a.opened_with_email ?? '' },
      ),
    );
  }
  if (FACEBOOK_LIKE.has(a.platform)) out.push(facebookAdminCheck(i));
  if (HAS_MESSAGES.has(a.platform)) {
    const ok = a.auto_reply_configured === 1;
    out.push(
      result(
        'auto_reply',
        inst.kind === 'council' ? '3.9' : '3.8',
        ok ? 'pass' : 'fail',
        ok ? 'An automatic response to private messages is configured.' : 'No automatic response to private messages is configured.',
        'Turn on the automatic response that directs people to the court’s legal channels (art. 3.8).',
      ),
    );
  }
  if (i.driftFindings !== null) {
    out.push(
      result(
        'drift',
        '5.5–5.7',
        i.driftFindings === 0 ? 'pass' : 'fail',
        i.driftFindings === 0
          ? 'The platform’s admins and editors match the decisions.'
          : `${i.driftFindings} difference(s) between the platform’s roles and the decisions.`,
        'Remove people without a decision from the platform, or record the missing decision.',
        { count: String(i.driftFindings) },
      ),
    );
  }
  return out;
}

function authorisationCheck(i: CheckInput): CheckResult {
  const a = i.account;
  if (a.status === 'requested')
    return result(
      'authorisation',
      '3.3',
      'fail',
      'Waiting for permission from the head of the institution to open the account.',
      'The president approves the request, issuing the decision that permits opening it.',
    );
  if (i.authorised)
    return result('authorisation', a.opened_before_manual ? '3.4' : '3.3', 'pass', 'The account is authorised by a decision.', null);
  if (a.opened_before_manual)
    return result(
      'authorisation',
      '3.4',
      'fail',
      'Opened before the manual and still without a retroactive decision.',
      'The president issues a retroactive decision on this account (art. 3.4).',
    );
  return result(
    'authorisation',
    '3.3',
    'fail',
    'No decision of the head of the institution authorises this account.',
    'Record the decision that permitted opening the account, or close it.',
  );
}

function logoCheck(i: CheckInput): CheckResult {
  const article = LOGO_ARTICLE[i.account.platform] ?? '5.3–5.4';
  const fix = 'Use the institution’s official logo (from the brand kit) as the profile picture, then refresh the profile.';
  if (!i.brandKit?.logo_hash)
    return result(
      'logo',
      article,
      'unknown',
      'No approved logo is in the brand kit to compare with.',
      'Upload the institution’s official logo to the brand kit.',
    );
  if (!i.account.picture_hash)
    return result('logo', article, 'unknown', 'The profile picture has not been read yet.', 'Refresh the profile from the platform.');
  const ok = sameLogo(i.account.picture_hash, i.brandKit.logo_hash);
  return result(
    'logo',
    article,
    ok ? 'pass' : 'fail',
    ok ? 'The profile picture is the approved logo.' : 'The profile picture is not the approved logo.',
    fix,
  );
}

function facebookAdminCheck(i: CheckInput): CheckResult {
  const fix = 'Make sure at least one Responsible Officer with an official e-mail address is an admin of the page.';
  const admins = i.roles?.filter((r) => r.role === 'admin') ?? null;
  const known =
    admins !== null
      ? admins.some((r) => isOfficialEmail(r.email, i.institution))
      : i.account.facebook_admin_official_email === null
        ? null
        : i.account.facebook_admin_official_email === 1;
  if (known === null)
    return result(
      'facebook_admin_official_email',
      '5.1',
      'unknown',
      'Whether an admin uses an official e-mail is not known yet.',
      'Run the drift check to read the page’s admins, or record it here.',
    );
  return result(
    'facebook_admin_official_email',
    '5.1',
    known ? 'pass' : 'fail',
    known ? 'At least one admin uses an official e-mail address.' : 'No admin of the page uses an official e-mail address.',
    fix,
  );
}
