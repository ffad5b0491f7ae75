import { newId, nowIso } from '../../platform/ids.js';
import type { Db } from '../../platform/db/database.js';
import type { AccessLevel, DecisionKind, DecisionRole } from '../decisions/decisions.tables.js';

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
    .values({
      id,
      institution_id: `inst-${opts.institution ?? 'bc-prishtine'}`,
      platform: opts.platform ?? 'sandbox',
      handle,
      display_name: `Account ${handle}`,
      url: null,
      external_id: handle,
      opened_with_email: null,
      opened_at: now,
      opened_before_manual: 0,
      authorising_decision_id: null,
      status: 'active',
      description: '{}',
      address: null,
      postal_code: null,
      phone: null,
      email: null,
      website: null,
      picture_hash: null,
      auto_reply_configured: 0,
      facebook_admin_official_email: null,
      requested_by: null,
      requested_at: null,
      request_note: null,
      closed_at: null,
      closed_reason: null,
      created_at: now,
      updated_at: now,
    })
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
