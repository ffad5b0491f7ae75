import type { Connector, ConnectorCapabilities } from '../../connectors/connector.js';
import { createSandboxConnector } from '../../connectors/sandbox/index.js';
import type { Db } from '../../platform/db/database.js';
import { newId, nowIso } from '../../platform/ids.js';
import type { AccountsTable } from '../accounts/accounts.tables.js';
import { createInboxDeps, type InboxDeps } from './inbox.deps.js';
import { accountRow } from '../accounts/accounts.rows.js';

/** Test helpers for the inbox: deps with a sandbox whose capabilities or calls a test can change. */
export function sandboxDeps(
  db: Db,
  o: { caps?: Partial<ConnectorCapabilities>; wrap?: (c: Connector) => Partial<Connector> } = {},
): InboxDeps & { connector: Connector } {
  const base = createSandboxConnector(db);
  const connector: Connector = {
    ...base,
    ...(o.wrap ? o.wrap(base) : {}),
    manifest: { ...base.manifest, capabilities: { ...base.manifest.capabilities, ...o.caps } },
  };
  return { ...createInboxDeps(db, { connectorFor: (p) => (p === 'sandbox' ? connector : null), callTimeoutMs: 2_000 }), connector };
}

let n = 0;
/** An active sandbox account straight into the register (external id = handle). */
export async function insertInboxAccount(
  db: Db,
  o: { institution?: string; handle?: string; platform?: string } = {},
): Promise<AccountsTable> {
  const now = nowIso();
  const id = newId();
  const handle = o.handle ?? `inbox${++n}${id.slice(0, 6)}`;
  const row: AccountsTable = accountRow({
    id,
    institution_id: `inst-${o.institution ?? 'bc-prishtine'}`,
    platform: o.platform ?? 'sandbox',
    handle,
    display_name: 'Gjykata Themelore',
    external_id: handle,
    opened_at: '2023-01-10T00:00:00.000Z',
    created_at: now,
    updated_at: now,
  });
  await db.insertInto('accounts').values(row).execute();
  return row;
}
