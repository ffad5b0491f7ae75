import type { AccountConnection, ConnectionCheck } from '@courtdesk/contracts';
import { ConnectorError, type AccountRef, type CredentialField, type PlatformName } from '../../connectors/connector.js';
import { getConnector } from '../../connectors/index.js';
import type { Config } from '../../platform/config.js';
import { SecretBox } from '../../platform/crypto.js';
import type { Db, DbOrTrx } from '../../platform/db/database.js';
import { ConflictError, ForbiddenError, ValidationError } from '../../platform/http/errors.js';
import { nowIso } from '../../platform/ids.js';
import { appendAudit } from '../audit/audit.service.js';
import type { AuthorityActor } from '../decisions/decisions.policy.js';
import { rightsOnAccount } from '../decisions/rights.js';
import { findVisibleAccount } from './accounts.service.js';
import { canManageConnection } from './connection.policy.js';

/**
 * Connections: per account, the connector's credential fields sealed with SecretBox. Write-only for
 * people (set, replace, remove; audited without the values); opened only by `credentialsFor`, which
 * every caller of a connector uses to build its `AccountRef`.
 */
const boxes = new WeakMap<Db, SecretBox>();

/**
 * Binds the sealing key to a database (when the connection routes are registered, i.e. when the app is
 * built). Values sealed under SECRET_KEY_PREVIOUS still open; `courtdesk secrets rotate` re-seals them.
 */
export function registerConnectionKey(db: Db, config: Pick<Config, 'secretKey' | 'previousSecretKeys'>): void {
  boxes.set(db, SecretBox.forConfig(config, 'account-connection'));
}

function boxFor(db: Db): SecretBox {
  const b = boxes.get(db);
  if (!b) throw new Error('No sealing key registered for this database (registerConnectionKey).');
  return b;
}

function fieldsOf(db: Db, platform: string): CredentialField[] {
  return getConnector(platform as PlatformName, db)?.manifest.credentialFields ?? [];
}

/**
 * The credentials a connector needs for this account, opened: `{}` for a platform that needs none
 * (the sandbox), for an account not connected, or when the sealed value does not open (fail closed:
 * the connector then says "not connected" in plain words).
 */
export async function credentialsFor(db: Db, account: { id: string; platform: string }): Promise<Record<string, unknown>> {
  if (fieldsOf(db, account.platform).length === 0) return {};
  const row = await db
    .selectFrom('account_connections')
    .select(['sealed', 'platform'])
    .where('account_id', '=', account.id)
    .executeTakeFirst();
  const box = boxes.get(db);
  if (!row || row.platform !== account.platform || !box) return {};
  try {
    const v = JSON.parse(box.open(row.sealed)) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** "Connected, which fields, by whom, when" — never a value. */
export async function connectionStatus(db: Db, aa: AuthorityActor, accountId: string): Promise<AccountConnection> {
  const a = await findVisibleAccount(db, aa, accountId);
  const fields = fieldsOf(db, a.platform);
  const row = await db
    .selectFrom('account_connections')
    .leftJoin('users', 'users.id', 'account_connections.set_by')
    .select(['account_connections.platform', 'field_keys', 'set_by', 'set_at', 'users.name as set_by_name'])
    .where('account_id', '=', a.id)
    .executeTakeFirst();
  const live = row && row.platform === a.platform ? row : null;
  const keys = new Set<string>(live ? (JSON.parse(live.field_keys) as string[]) : []);
  return {
    accountId: a.id,
    platform: a.platform,
    needed: fields.length > 0,
    connected: fields.length > 0 && !!live && fields.every((f) => !f.required || keys.has(f.key)),
    fields: fields.map((f) => ({ key: f.key, label: f.label, secret: f.secret, required: f.required, set: keys.has(f.key) })),
    setBy: live ? { id: live.set_by, name: live.set_by_name ?? '' } : null,
    setAt: live?.set_at ?? null,
    canManage: fields.length > 0 && canManageConnection(await rightsOnAccount(db, aa.id, a.id)),
  };
}

async function authorise(db: DbOrTrx, aa: AuthorityActor, accountId: string) {
  const a = await findVisibleAccount(db, aa, accountId);
  if (!canManageConnection(await rightsOnAccount(db, aa.id, a.id)))
    throw new ForbiddenError(
      'Only those whose decisions in force give them admin level on this account may connect it (art. 5.10, 5.13, 5.16).',
      'connection_forbidden',
    );
  return a;
}

/** Sets or replaces the whole connection: every required field, no unknown one. */
export async function setConnection(db: Db, aa: AuthorityActor, accountId: string, values: Record<string, string>): Promise<void> {
  const a = await authorise(db, aa, accountId);
  const fields = fieldsOf(db, a.platform);
  if (fields.length === 0) throw new ConflictError(`Courtdesk needs no credentials for ${a.platform} accounts.`, 'no_credentials_needed');
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) {
    if (!fields.some((f) => f.key === k)) throw new ValidationError(`Unknown field “${k}” for ${a.platform}.`);
    if (v.trim()) clean[k] = v.trim();
  }
  const missing = fields.filter((f) => f.required && !clean[f.key]);
  if (missing.length) throw new ValidationError(`Missing: ${missing.map((f) => f.label).join(', ')}.`);
  const row = {
    account_id: a.id,
    institution_id: a.institution_id,
    platform: a.platform,
    sealed: boxFor(db).seal(JSON.stringify(clean)),
    field_keys: JSON.stringify(Object.keys(clean).sort()),
    set_by: aa.id,
    set_at: nowIso(),
  };
  await db.transaction().execute(async (trx) => {
    const { account_id: _id, ...rest } = row;
    await trx
      .insertInto('account_connections')
      .values(row)
      .onConflict((oc) => oc.column('account_id').doUpdateSet(rest))
      .execute();
    await appendAudit(trx, {
      type: 'account.connection_set',
      actorId: aa.id,
      institutionId: a.institution_id,
      subjectType: 'account',
      subjectId: a.id,
      data: { platform: a.platform, fields: Object.keys(clean).sort() },
    });
  });
}

/** Removes the connection (the sealed value is deleted); removing nothing is a 409. */
export async function removeConnection(db: Db, aa: AuthorityActor, accountId: string): Promise<void> {
  const a = await authorise(db, aa, accountId);
  await db.transaction().execute(async (trx) => {
    const res = await trx.deleteFrom('account_connections').where('account_id', '=', a.id).executeTakeFirst();
    if (Number(res.numDeletedRows) === 0) throw new ConflictError('This account is not connected.', 'not_connected');
    await appendAudit(trx, {
      type: 'account.connection_removed',
      actorId: aa.id,
      institutionId: a.institution_id,
      subjectType: 'account',
      subjectId: a.id,
      data: { platform: a.platform },
    });
  });
}

/** The `AccountRef` a connector call needs: the register's row plus its opened credentials. */
export async function connectorAccountRef(
  db: Db,
  a: { id: string; platform: string; external_id: string | null; handle: string },
): Promise<AccountRef> {
  return {
    accountId: a.id,
    platform: a.platform as PlatformName,
    externalId: a.external_id ?? a.handle,
    handle: a.handle,
    credentials: await credentialsFor(db, a),
  };
}

/**
 * Tries the stored connection by reading the account's profile through its connector (outside any
 * transaction), so an administrator learns at once whether the token works. Nothing is stored.
 */
export async function checkConnection(db: Db, aa: AuthorityActor, accountId: string): Promise<ConnectionCheck> {
  const a = await authorise(db, aa, accountId);
  const connector = getConnector(a.platform as PlatformName, db);
  if (!connector?.manifest.credentialFields?.length)
    throw new ConflictError(`Courtdesk needs no credentials for ${a.platform} accounts.`, 'no_credentials_needed');
  const checkedAt = nowIso();
  try {
    await withDeadline(connector.getProfile(await connectorAccountRef(db, a)), 15_000);
    return { ok: true, code: null, message: null, checkedAt };
  } catch (err) {
    const e = err instanceof ConnectorError ? err : null;
    const message = e ? [e.message, e.opts.platformMessage].filter(Boolean).join(' — ') : String(err);
    return { ok: false, code: e?.opts.code ?? 'unknown', message: message.slice(0, 500), checkedAt };
  }
}

function withDeadline<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new ConnectorError('The platform did not answer in time.', { retryable: true, code: 'timeout' })),
        ms,
      );
    }),
  ]).finally(() => clearTimeout(timer));
}
