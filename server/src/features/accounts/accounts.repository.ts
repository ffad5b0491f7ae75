import type { Account, CheckResult, DriftReport, PersonRef } from '@courtdesk/contracts';
import type { ExternalRole } from '../../connectors/connector.js';
import type { DbOrTrx } from '../../platform/db/database.js';
import { nowIso } from '../../platform/ids.js';
import type { InstitutionsTable } from '../institutions/institutions.tables.js';
import { peopleRefs } from '../decisions/decisions.repository.js';
import { leadsInstitution } from '../decisions/leadership.js';
import { grantsInForce, type GrantInForce } from '../decisions/rights.js';
import type { AccountsTable, BrandKitsTable } from './accounts.tables.js';
import { runChecks } from './checks.js';

/** Everything the checks of many accounts need, loaded in a few queries. */
export interface CheckContext {
  institutions: Map<string, InstitutionsTable>;
  brandKits: Map<string, BrandKitsTable>;
  revokedDecisionIds: Set<string>;
  grants: GrantInForce[];
  latestRoleChecks: Map<string, { checked_at: string; roles: string; findings: string; error: string | null }>;
}

export async function loadCheckContext(db: DbOrTrx, accounts: AccountsTable[]): Promise<CheckContext> {
  const instIds = [...new Set(accounts.map((a) => a.institution_id))];
  const institutions = instIds.length ? await db.selectFrom('institutions').selectAll().where('id', 'in', instIds).execute() : [];
  const kits = instIds.length ? await db.selectFrom('brand_kits').selectAll().where('institution_id', 'in', instIds).execute() : [];
  const decisionIds = accounts.map((a) => a.authorising_decision_id).filter((x): x is string => x !== null);
  const now = nowIso();
  const ended = decisionIds.length
    ? await db
        .selectFrom('decision_endings')
        .select('decision_id')
        .where('decision_id', 'in', decisionIds)
        .where('user_id', 'is', null)
        .where('at', '<=', now)
        .execute()
    : [];
  const grants = await grantsInForce(db, {});
  const accIds = accounts.map((a) => a.id);
  const checks = accIds.length
    ? await db
        .selectFrom('account_role_checks')
        .select(['account_id', 'checked_at', 'roles', 'findings', 'error'])
        .where('account_id', 'in', accIds)
        .orderBy('checked_at')
        .execute()
    : [];
  const latest = new Map<string, (typeof checks)[number]>();
  for (const c of checks) latest.set(c.account_id, c);
  return {
    institutions: new Map(institutions.map((i) => [i.id, i])),
    brandKits: new Map(kits.map((k) => [k.institution_id, k])),
    revokedDecisionIds: new Set(ended.map((e) => e.decision_id)),
    grants,
    latestRoleChecks: latest,
  };
}

export const grantsCovering = (grants: GrantInForce[], a: Pick<AccountsTable, 'id' | 'institution_id'>) =>
  grants.filter((g) => g.institutionId === a.institution_id && (g.coversAll || g.accountIds.includes(a.id)));

/** Runs the checks of one account with a loaded context. */
export function checksFor(a: AccountsTable, c: CheckContext): CheckResult[] {
  const inst = c.institutions.get(a.institution_id);
  if (!inst) return [];
  const last = c.latestRoleChecks.get(a.id);
  const okSnapshot = last && !last.error ? last : null;
  return runChecks({
    account: a,
    institution: inst,
    brandKit: c.brandKits.get(a.institution_id) ?? null,
    authorised: a.authorising_decision_id !== null && !c.revokedDecisionIds.has(a.authorising_decision_id),
    hasResponsibleOfficer: grantsCovering(c.grants, a).some((g) => g.role !== 'editor'),
    roles: okSnapshot ? (JSON.parse(okSnapshot.roles) as ExternalRole[]) : null,
    driftFindings: okSnapshot ? (JSON.parse(okSnapshot.findings) as unknown[]).length : null,
  });
}

export function authorisationOf(a: AccountsTable, c: CheckContext): Account['authorisation'] {
  if (a.status === 'closed') return 'closed';
  if (a.status === 'requested') return 'awaiting_approval';
  if (a.authorising_decision_id && !c.revokedDecisionIds.has(a.authorising_decision_id)) return 'authorised';
  return a.opened_before_manual ? 'lacks_retroactive_decision' : 'lacks_decision';
}

/** Presents accounts for the API, with their authorisation and the number of failing checks. */
export async function presentAccounts(db: DbOrTrx, rows: AccountsTable[], c?: CheckContext): Promise<Account[]> {
  const ctx = c ?? (await loadCheckContext(db, rows));
  const refs = await peopleRefs(
    db,
    rows.map((r) => r.requested_by).filter((x): x is string => x !== null),
  );
  return rows.map((a) => presentAccount(a, ctx, a.requested_by ? (refs.get(a.requested_by) ?? null) : null));
}

export function presentAccount(a: AccountsTable, c: CheckContext, requestedBy: PersonRef | null): Account {
  return {
    id: a.id,
    institutionId: a.institution_id,
    platform: a.platform,
    handle: a.handle,
    displayName: a.display_name,
    url: a.url,
    externalId: a.external_id,
    openedWithEmail: a.opened_with_email,
    openedAt: a.opened_at,
    openedBeforeManual: a.opened_before_manual === 1,
    authorisingDecisionId: a.authorising_decision_id,
    authorisation: authorisationOf(a, c),
    status: a.status,
    description: JSON.parse(a.description) as Account['description'],
    address: a.address,
    postalCode: a.postal_code,
    phone: a.phone,
    email: a.email,
    website: a.website,
    pictureHash: a.picture_hash,
    autoReplyConfigured: a.auto_reply_configured === 1,
    facebookAdminOfficialEmail: a.facebook_admin_official_email === null ? null : a.facebook_admin_official_email === 1,
    requestedBy,
    requestedAt: a.requested_at,
    requestNote: a.request_note,
    closedAt: a.closed_at,
    closedReason: a.closed_reason,
    failingChecks: checksFor(a, c).filter((r) => r.status === 'fail').length,
    updatedAt: a.updated_at,
  };
}

/** Who holds access to the account now: the president(s) by position, and everyone by decision. */
export async function holdersOf(db: DbOrTrx, a: AccountsTable, c: CheckContext) {
  const inst = c.institutions.get(a.institution_id);
  const staff = await db
    .selectFrom('users')
    .select(['id', 'name', 'position', 'institution_id', 'status', 'email'])
    .where('status', '=', 'active')
    .where('position', 'in', ['president', 'kjc_chair', 'kjc_deputy_chair', 'kjc_secretariat_director'])
    .execute();
  const leaders = inst ? staff.filter((u) => leadsInstitution(u, inst)) : [];
  const grants = grantsCovering(c.grants, a);
  const refs = await peopleRefs(
    db,
    grants.map((g) => g.userId),
  );
  const out = new Map<
    string,
    { id: string; name: string; position: PersonRef['position']; level: 'admin' | 'editor'; viaPosition: boolean; decisionIds: string[] }
  >();
  for (const l of leaders)
    out.set(l.id, { id: l.id, name: l.name, position: l.position, level: 'admin', viaPosition: true, decisionIds: [] });
  for (const g of grants) {
    const ref = refs.get(g.userId);
    if (!ref) continue;
    const cur = out.get(g.userId) ?? { ...ref, level: g.level, viaPosition: false, decisionIds: [] };
    cur.level = cur.level === 'admin' || g.level === 'admin' ? 'admin' : 'editor';
    cur.decisionIds.push(g.decisionId);
    out.set(g.userId, cur);
  }
  return [...out.values()];
}

export function latestDrift(c: CheckContext, accountId: string): DriftReport | null {
  const last = c.latestRoleChecks.get(accountId);
  if (!last) return null;
  return {
    checkedAt: last.checked_at,
    roles: JSON.parse(last.roles) as DriftReport['roles'],
    findings: JSON.parse(last.findings) as DriftReport['findings'],
    error: last.error,
  };
}
