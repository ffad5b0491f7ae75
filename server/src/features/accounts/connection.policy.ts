import type { AccountRights } from '../decisions/rights.js';

/**
 * Connecting an account to its platform's API (a token the system uses; nobody reads it back) is
 * for those whose decisions in force give them admin level on that account — the same people who
 * keep its passwords in the vault (art. 5.10, 5.13, 5.16).
 */
export function canManageConnection(rights: Pick<AccountRights, 'level'>): boolean {
  return rights.level === 'admin';
}
