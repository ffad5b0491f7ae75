import type { UsersTable } from '../people/people.tables.js';

/**
 * Whether two-factor authentication is required before the person may use Courtdesk.
 * Required for everyone who can publish, hold admin rights or open the vault: every position
 * except a plain court officer. A court officer who is granted editor access by decision
 * (art. 5.6b) must enrol too — the authority feature passes `hasAccountRights`.
 */
export function twoFactorRequired(user: Pick<UsersTable, 'position'>, hasAccountRights = false): boolean {
  return user.position !== 'court_officer' || hasAccountRights;
}

/** Whether a person may sign in at all: leavers never can. */
export function canSignIn(user: Pick<UsersTable, 'status'>): boolean {
  return user.status === 'active';
}
