import type { AccountRef, Connector, ConnectorCapabilities, PlatformName } from '../../connectors/connector.js';
import { getConnector } from '../../connectors/index.js';
import { createSandboxConnector } from '../../connectors/sandbox/index.js';
import type { Db, DbOrTrx } from '../../platform/db/database.js';
import type { AccountsTable } from '../accounts/accounts.tables.js';
import { credentialsFor } from '../accounts/connection.service.js';

/**
 * What the inbox's use cases need from the outside world, passed explicitly so tests can swap the
 * connector (a spy, a failing platform) and drain work at a known point.
 */
export interface InboxDeps {
  db: Db;
  connectorFor(platform: string): Connector | null;
  /** Opened credentials of an account (its sealed connection); the sandbox needs none. */
  credentialsFor(account: AccountsTable): Promise<Record<string, unknown>>;
  /** Every platform call is bounded by this timeout. */
  callTimeoutMs: number;
}

const sandboxes = new WeakMap<Db, Connector>();

/** The connector registered for this database; the sandbox bound to this very database. */
export function defaultConnectorFor(db: Db): (platform: string) => Connector | null {
  return (platform) => {
    // The sandbox keeps its state in this database: always the instance bound to it (never another app's).
    if (platform !== 'sandbox') return getConnector(platform as PlatformName, db);
    let c = sandboxes.get(db);
    if (!c) sandboxes.set(db, (c = createSandboxConnector(db)));
    return c;
  };
}

/** The production wiring: credentials are opened from the account's sealed connection (the sandbox needs none). */
export function createInboxDeps(db: Db, overrides: Partial<InboxDeps> = {}): InboxDeps {
  return { db, connectorFor: defaultConnectorFor(db), credentialsFor: (a) => credentialsFor(db, a), callTimeoutMs: 15_000, ...overrides };
}

export async function accountRef(deps: InboxDeps, a: AccountsTable): Promise<AccountRef> {
  return {
    accountId: a.id,
    platform: a.platform as PlatformName,
    externalId: a.external_id ?? a.handle,
    handle: a.handle,
    credentials: await deps.credentialsFor(a),
  };
}

export const NO_CAPABILITIES: ConnectorCapabilities = {
  textPost: false,
  imagePost: false,
  videoPost: false,
  deletePost: false,
  listComments: false,
  hideComment: false,
  deleteComment: false,
  replyComment: false,
  commentWebhook: false,
  privateMessages: false,
  nativeAutoReply: false,
  readProfile: false,
  editProfile: false,
  listRoles: false,
};

export function capabilitiesOf(deps: InboxDeps, platform: string): ConnectorCapabilities {
  return deps.connectorFor(platform)?.manifest.capabilities ?? NO_CAPABILITIES;
}

/** Runs a platform call with a timeout; the call itself is never inside a database transaction. */
export async function withTimeout<T>(ms: number, fn: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      fn(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(Object.assign(new Error(`The platform did not answer within ${ms} ms.`), { inboxTimeout: true })),
          ms,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export function findAccount(db: DbOrTrx, id: string) {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Active accounts, optionally of some institutions only. */
export function activeAccounts(db: DbOrTrx, institutionIds?: readonly string[]) {
  let q = db.selectFrom('accounts').selectAll().where('status', '=', 'active');
  if (institutionIds) {
    if (institutionIds.length === 0) return Promise.resolve([] as AccountsTable[]);
    q = q.where('institution_id', 'in', institutionIds);
  }
  return q.orderBy('institution_id').orderBy('platform').orderBy('handle').execute();
}
