import type { Connector, ExternalProfile, ExternalRole, PlatformName } from '../../connectors/connector.js';
import { getConnector } from '../../connectors/index.js';
import type { Db, DbOrTrx } from '../../platform/db/database.js';
import { ConflictError, ForbiddenError } from '../../platform/http/errors.js';
import { newId, nowIso } from '../../platform/ids.js';
import { appendAudit } from '../audit/audit.service.js';
import { canCheckPlatform, type AuthorityActor } from '../decisions/decisions.policy.js';
import { leadsInstitution } from '../decisions/leadership.js';
import { grantsInForce } from '../decisions/rights.js';
import { findVisibleAccount } from './accounts.service.js';
import { connectorAccountRef } from './connection.service.js';
import type { AccountsTable } from './accounts.tables.js';
import { compareRoles, type DecidedPerson } from './drift.js';
import { dHash } from './perceptual-hash.js';

/**
 * Reading the platform: the public profile (for the presentation checks) and who holds a role (drift).
 * The connector is called outside any transaction; the result is then written in one.
 */
export type ConnectorResolver = (db: Db, platform: string) => Connector | null;

/** Which connector serves a platform; tests and the sandbox wiring replace it. */
export const platformAccess: { connectorFor: ConnectorResolver } = {
  connectorFor: (db, platform) => getConnector(platform as PlatformName, db),
};

async function connectorOrThrow(db: Db, aa: AuthorityActor, id: string, capability: 'readProfile' | 'listRoles') {
  const a = await findVisibleAccount(db, aa, id);
  if (!canCheckPlatform(aa, a.institution_id))
    throw new ForbiddenError('Reading the platform is for the head of the institution, its Responsible Officers and administrators.');
  if (a.status !== 'active') throw new ConflictError('Only an open account can be read from its platform.', 'not_active');
  const connector = platformAccess.connectorFor(db, a.platform);
  if (!connector || !connector.manifest.capabilities[capability]) {
    throw new ConflictError(
      `Courtdesk cannot read ${capability === 'listRoles' ? 'the roles' : 'the profile'} of ${a.platform} accounts through the platform’s API; keep the register up to date by hand.`,
      'unsupported_by_platform',
    );
  }
  return { a, connector };
}

/** Reads the public profile from the platform and updates the register's copy (and the picture's hash). */
export async function refreshProfile(db: Db, aa: AuthorityActor, id: string): Promise<AccountsTable> {
  const { a, connector } = await connectorOrThrow(db, aa, id, 'readProfile');
  const p: ExternalProfile = await connector.getProfile(await connectorAccountRef(db, a));
  const pictureHash = p.picture ? await dHash(p.picture) : null;
  return db.transaction().execute(async (trx) => {
    const set: Partial<AccountsTable> = {
      display_name: p.displayName || a.display_name,
      website: p.website,
      email: p.email,
      phone: p.phone,
      address: p.address,
      picture_hash: pictureHash,
      auto_reply_configured: p.autoReplyText?.trim() ? 1 : a.auto_reply_configured,
      updated_at: nowIso(),
    };
    // A single description on the platform is kept under the first language that is still empty.
    if (p.description && !Object.values(JSON.parse(a.description) as Record<string, string>).includes(p.description)) {
      const desc = JSON.parse(a.description) as Record<string, string>;
      if (Object.keys(desc).length === 0) set.description = JSON.stringify({ sq: p.description });
    }
    await trx.updateTable('accounts').set(set).where('id', '=', a.id).execute();
    await appendAudit(trx, {
      type: 'account.profile_refreshed',
      actorId: aa.id,
      institutionId: a.institution_id,
      subjectType: 'account',
      subjectId: a.id,
      data: { pictureHash, displayName: set.display_name },
    });
    return { ...a, ...set };
  });
}

/** What the decisions say about an account now: every person with access and their level. */
export async function decidedPeople(
  db: DbOrTrx,
  a: AccountsTable,
): Promise<{ decided: DecidedPerson[]; former: Array<{ userId: string; name: string; email: string }> }> {
  const grants = (await grantsInForce(db, { institutionId: a.institution_id })).filter((g) => g.coversAll || g.accountIds.includes(a.id));
  const inst = await db
    .selectFrom('institutions')
    .select(['id', 'kind', 'parent_id'])
    .where('id', '=', a.institution_id)
    .executeTakeFirstOrThrow();
  const users = await db.selectFrom('users').select(['id', 'name', 'email', 'position', 'status', 'institution_id']).execute();
  const decided = new Map<string, DecidedPerson>();
  for (const u of users)
    if (leadsInstitution(u, inst)) decided.set(u.id, { userId: u.id, name: u.name, email: u.email, level: 'admin', byPosition: true });
  for (const g of grants) {
    const u = users.find((x) => x.id === g.userId);
    if (!u || u.status !== 'active') continue;
    const cur = decided.get(u.id);
    decided.set(u.id, {
      userId: u.id,
      name: u.name,
      email: u.email,
      level: cur?.level === 'admin' || g.level === 'admin' ? 'admin' : 'editor',
      byPosition: cur?.byPosition ?? false,
    });
  }
  const former = users.filter((u) => u.status !== 'active').map((u) => ({ userId: u.id, name: u.name, email: u.email }));
  return { decided: [...decided.values()], former };
}

/** Reads the platform's admins and editors and compares them with the decisions; keeps a snapshot. */
export async function checkDrift(db: Db, aa: AuthorityActor | null, id: string, actorless?: AccountsTable) {
  let a: AccountsTable;
  let connector: Connector;
  if (aa) ({ a, connector } = await connectorOrThrow(db, aa, id, 'listRoles'));
  else {
    a = actorless!;
    const c = platformAccess.connectorFor(db, a.platform);
    if (!c?.manifest.capabilities.listRoles) return null;
    connector = c;
  }
  let roles: ExternalRole[] = [];
  let error: string | null = null;
  try {
    roles = await connector.listRoles(await connectorAccountRef(db, a));
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  const { decided, former } = await decidedPeople(db, a);
  const findings = error ? [] : compareRoles(roles, decided, former);
  const row = {
    id: newId(),
    account_id: a.id,
    checked_at: nowIso(),
    roles: JSON.stringify(roles),
    findings: JSON.stringify(findings),
    error,
    checked_by: aa?.id ?? null,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('account_role_checks').values(row).execute();
    await appendAudit(trx, {
      type: 'account.drift_checked',
      actorId: aa?.id ?? null,
      institutionId: a.institution_id,
      subjectType: 'account',
      subjectId: a.id,
      data: { findings: findings.length, kinds: findings.map((f) => f.kind), error },
    });
  });
  return {
    checkedAt: row.checked_at,
    roles: roles.map((r) => ({ externalUserId: r.externalUserId, name: r.name, email: r.email, role: r.role })),
    findings,
    error,
  };
}
