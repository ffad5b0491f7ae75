import { newId, nowIso } from '../../platform/ids.js';
import type { Db } from '../../platform/db/database.js';
import type { AccessLevel, DecisionKind, DecisionRole } from '../decisions/decisions.tables.js';
import { accountRow } from '../accounts/accounts.rows.js';

/**
 * Builders for publishing tests: a register account on the sandbox platform, and a decision in force
 * appointing people to accounts (rights come only from decisions).
 */
export async function makeAccount(
  db: Db,
  opts: { institution?: string; platform?: string; handle?: string } = {},
): Promise<{ id: string; externalId: string; handle: string }> {
  const id = newId();
  const now = nowIso();
  const handle = opts.handle ?? `acc${id.slice(0, 8)}`;
  await db
    .insertInto('accounts')
    .values(
      accountRow({
        id,
        institution_id: `inst-${opts.institution ?? 'bc-prishtine'}`,
        platform: opts.platform ?? 'sandbox',
        handle,
        display_name: `Account ${handle}`,
        external_id: handle,
        opened_at: now,
        created_at: now,
        updated_at: now,
      }),
    )
    .execute();
  return { id, externalId: handle, handle };
}

export async function appoint(
  db: Db,
  o: {
    issuer: string;
    people: Array<[string, DecisionRole]>;
    accounts: string[];
    level?: AccessLevel;
    kind?: DecisionKind;
    institution?: string;
  },
): Promise<string> {
  const id = newId();
  const from = '2024-01-01T00:00:00.000Z';
  await db
    .insertInto('decisions')
    .values({
      id,
      institution_id: `inst-${o.institution ?? 'bc-prishtine'}`,
      number: `T-${id.slice(0, 8)}`,
      decided_on: from.slice(0, 10),
      kind: o.kind ?? 'ro_appointment',
      issued_by: o.issuer,
      recorded_by: o.issuer,
      level: o.level ?? 'admin',
      covers_all_accounts: 0,
      effect_from: from,
      effect_until: null,
      target_decision_id: null,
      supersedes_decision_id: null,
      editor_request_id: null,
      summary: null,
      file_id: null,
      created_at: nowIso(),
    })
    .execute();
  for (const [u, role] of o.people) await db.insertInto('decision_people').values({ decision_id: id, user_id: u, role }).execute();
  for (const a of o.accounts) await db.insertInto('decision_accounts').values({ decision_id: id, account_id: a }).execute();
  return id;
}
