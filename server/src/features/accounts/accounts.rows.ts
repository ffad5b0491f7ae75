import { newId, nowIso } from '../../platform/ids.js';
import type { AccountsTable } from './accounts.tables.js';

/** What every new register row must say; everything else starts empty. */
export type AccountRowInput = Pick<AccountsTable, 'institution_id' | 'platform' | 'handle' | 'display_name'> & Partial<AccountsTable>;

/**
 * A complete `accounts` row with empty defaults: no profile data, no decision, active. The one place
 * that knows every column, used by the register, the demo seeders and the test kits.
 */
export function accountRow(input: AccountRowInput): AccountsTable {
  const now = nowIso();
  return {
    id: newId(),
    url: null,
    external_id: input.platform === 'sandbox' ? input.handle : null,
    opened_with_email: null,
    opened_at: null,
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
    ...input,
  };
}
