import type { Config } from '../../platform/config.js';
import type { Db, DbOrTrx } from '../../platform/db/database.js';
import { SecretBox } from '../../platform/crypto.js';
import { AppError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/http/errors.js';
import { newId, nowIso } from '../../platform/ids.js';
import { appendAudit } from '../audit/audit.service.js';
import { accountsWhereUserHas, rightsOnAccount } from '../decisions/rights.js';
import type { PersonLeftHook } from '../people/people.service.js';
import { leadsInstitution } from '../decisions/leadership.js';
import { matchTotp } from '../auth/totp.js';
import type { UsersTable } from '../people/people.tables.js';
import { canOpenVault, canWriteVault, validReason } from './vault.policy.js';
import type { VaultSecretKind, VaultSecretsTable } from './vault.tables.js';

export interface VaultDeps {
  db: Db;
  config: Config;
}

const vaultBox = (config: Config) => SecretBox.forConfig(config, 'vault');
const totpBox = (config: Config) => SecretBox.forConfig(config, 'totp-secret');

async function loadAccount(db: DbOrTrx, accountId: string) {
  const account = await db
    .selectFrom('accounts')
    .select(['id', 'institution_id', 'handle', 'platform'])
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (!account) throw new NotFoundError('The account');
  return account;
}

/** Current (not retired) secrets of an account, without their values. */
export async function listSecrets(db: DbOrTrx, accountId: string) {
  return db
    .selectFrom('vault_secrets')
    .leftJoin('users', 'users.id', 'vault_secrets.set_by')
    .select(['vault_secrets.id', 'kind', 'label', 'version', 'set_at', 'users.name as set_by_name', 'rotation_due_at', 'rotation_reason'])
    .where('account_id', '=', accountId)
    .where('retired_at', 'is', null)
    .orderBy('kind')
    .execute();
}

/** Stores a new secret, or a new version of one (rotation): the old value is destroyed, its metadata kept. */
export async function storeSecret(
  deps: VaultDeps,
  user: UsersTable,
  accountId: string,
  input: { kind: VaultSecretKind; label: string; value: string },
) {
  const { db, config } = deps;
  const account = await loadAccount(db, accountId);
  if (!canWriteVault(await rightsOnAccount(db, user.id, accountId))) {
    throw new ForbiddenError(
      'Only the Responsible Officer and the court president may keep this account’s secrets (art. 5.10, 5.13, 5.16).',
      'vault_forbidden',
    );
  }
  const sealed = vaultBox(config).seal(input.value);
  return db.transaction().execute(async (trx) => {
    const previous = await trx
      .selectFrom('vault_secrets')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('kind', '=', input.kind)
      .where('label', '=', input.label)
      .where('retired_at', 'is', null)
      .executeTakeFirst();
    const now = nowIso();
    if (previous) {
      await trx.updateTable('vault_secrets').set({ retired_at: now, sealed: '' }).where('id', '=', previous.id).execute();
    }
    const row: VaultSecretsTable = {
      id: newId(),
      account_id: accountId,
      institution_id: account.institution_id,
      kind: input.kind,
      label: input.label,
      sealed,
      version: (previous?.version ?? 0) + 1,
      set_by: user.id,
      set_at: now,
      rotation_due_at: null,
      rotation_reason: null,
      retired_at: null,
    };
    await trx.insertInto('vault_secrets').values(row).execute();
    await appendAudit(trx, {
      type: previous ? 'vault.secret_rotated' : 'vault.secret_stored',
      actorId: user.id,
      institutionId: account.institution_id,
      subjectType: 'account',
      subjectId: accountId,
      data: { secretId: row.id, kind: row.kind, label: row.label, version: row.version },
    });
    return row;
  });
}

/**
 * Opens one secret. Step-up: a fresh TOTP code is required even inside a signed-in session, and a
 * reason; the opening is written to the audit trail before the value leaves the server.
 */
export async function revealSecret(
  deps: VaultDeps,
  user: UsersTable,
  secretId: string,
  input: { code: string; reason: string },
  ip: string | null,
) {
  const { db, config } = deps;
  const secret = await db
    .selectFrom('vault_secrets')
    .selectAll()
    .where('id', '=', secretId)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  if (!secret) throw new NotFoundError('The secret');
  if (!canOpenVault(await rightsOnAccount(db, user.id, secret.account_id))) {
    throw new ForbiddenError(
      'Only the Responsible Officer and the court president may open this account’s secrets (art. 5.10, 5.13, 5.16).',
      'vault_forbidden',
    );
  }
  if (!validReason(input.reason)) throw new ValidationError('Say briefly why you open the secret; it is recorded.');
  const fresh = await db.selectFrom('users').select(['totp_secret', 'totp_last_step']).where('id', '=', user.id).executeTakeFirstOrThrow();
  const step = fresh.totp_secret ? matchTotp(totpBox(config).open(fresh.totp_secret), input.code.replace(/\s/g, '')) : null;
  if (step === null || (fresh.totp_last_step !== null && step <= fresh.totp_last_step)) {
    await db.transaction().execute((trx) =>
      appendAudit(trx, {
        type: 'vault.reveal_refused',
        actorId: user.id,
        institutionId: secret.institution_id,
        subjectType: 'account',
        subjectId: secret.account_id,
        data: { secretId },
        ip,
      }),
    );
    throw new AppError(401, 'invalid_code', 'The two-factor code is wrong, expired or already used. Enter the next code from your app.');
  }
  const value = vaultBox(config).open(secret.sealed);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ totp_last_step: step }).where('id', '=', user.id).execute();
    await appendAudit(trx, {
      type: 'vault.secret_revealed',
      actorId: user.id,
      institutionId: secret.institution_id,
      subjectType: 'account',
      subjectId: secret.account_id,
      reason: input.reason.trim(),
      data: { secretId, kind: secret.kind, label: secret.label, version: secret.version },
      ip,
    });
  });
  return { value, kind: secret.kind, label: secret.label, version: secret.version };
}

/** Marks every current secret of the given accounts as due for rotation (used when someone with access leaves). */
export async function requireRotation(trx: DbOrTrx, accountIds: string[], reason: string): Promise<number> {
  if (accountIds.length === 0) return 0;
  const res = await trx
    .updateTable('vault_secrets')
    .set({ rotation_due_at: nowIso(), rotation_reason: reason })
    .where('account_id', 'in', accountIds)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Every opening of an account's secrets, newest first (from the audit trail). */
export async function openingsOf(db: DbOrTrx, accountId: string, limit = 50) {
  return db
    .selectFrom('audit_events')
    .leftJoin('users', 'users.id', 'audit_events.actor_id')
    .select([
      'audit_events.seq',
      'audit_events.at',
      'audit_events.type',
      'audit_events.reason',
      'audit_events.data',
      'users.name as actor_name',
    ])
    .where('subject_type', '=', 'account')
    .where('subject_id', '=', accountId)
    .where('type', 'like', 'vault.%')
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();
}

/**
 * When someone who could open an account's secrets leaves, every secret of those accounts is marked due
 * for rotation (art. 5.7; the off-boarding checklist asks for the new password), in the same transaction.
 */
export const rotateOnLeave: PersonLeftHook = async (trx, { person, at }) => {
  const justBefore = new Date(Date.parse(at) - 1).toISOString();
  const byDecision = await accountsWhereUserHas(trx, person.id, 'vault', justBefore);
  // A president held admin by position (art. 5.6a); judge leadership as it was before leaving.
  const institutions = await trx.selectFrom('institutions').select(['id', 'kind', 'parent_id']).execute();
  const led = institutions.filter((i) => leadsInstitution({ ...person, status: 'active' }, i)).map((i) => i.id);
  const byPosition = led.length
    ? (await trx.selectFrom('accounts').select('id').where('institution_id', 'in', led).where('status', '=', 'active').execute()).map(
        (a) => a.id,
      )
    : [];
  const accountIds = [...new Set([...byDecision, ...byPosition])];
  const marked = await requireRotation(trx, accountIds, `${person.name} left (${person.status})`);
  if (marked > 0) {
    await appendAudit(trx, {
      type: 'vault.rotation_required',
      actorId: null,
      institutionId: person.institution_id,
      subjectType: 'user',
      subjectId: person.id,
      data: { accounts: accountIds, secrets: marked },
    });
  }
};
