import type { InboxItemsTable } from './inbox.tables.js';
import { canEditInstitution, canViewInstitution, type PolicyActor } from '../institutions/institutions.policy.js';
import type { ConnectorCapabilities } from '../../connectors/connector.js';

/**
 * Who may do what in the inbox. Reading follows the institution (KJC leadership and system
 * administrators have read-only oversight); acting on an account's comments needs the `moderate`
 * right on that account, which only a decision in force (or the presidency) gives — art. 3.1, 3.7.
 */
export interface InboxActor extends PolicyActor {
  /** Accounts on which the actor holds `moderate` now (from rightsOnAccount / accountsWhereUserHas). */
  moderates: ReadonlySet<string>;
}

type Item = Pick<InboxItemsTable, 'institution_id' | 'account_id' | 'kind' | 'status' | 'pending_action'>;

export const canViewInbox = (a: PolicyActor, institutionId: string) => canViewInstitution(a, institutionId);

export function canModerateAccount(a: InboxActor, accountId: string): boolean {
  return a.moderates.has(accountId);
}

function actionable(a: InboxActor, item: Item): boolean {
  return canModerateAccount(a, item.account_id) && item.status !== 'own' && item.pending_action === null;
}

export function canHide(a: InboxActor, item: Item, caps: ConnectorCapabilities): boolean {
  return actionable(a, item) && item.kind === 'comment' && caps.hideComment && ['visible', 'review', 'needs_action'].includes(item.status);
}

export function canUnhide(a: InboxActor, item: Item, caps: ConnectorCapabilities): boolean {
  return actionable(a, item) && item.kind === 'comment' && caps.hideComment && item.status === 'hidden';
}

export function canDelete(a: InboxActor, item: Item, caps: ConnectorCapabilities): boolean {
  return actionable(a, item) && item.kind === 'comment' && caps.deleteComment && item.status !== 'deleted';
}

export function canKeep(a: InboxActor, item: Item): boolean {
  return actionable(a, item) && ['review', 'needs_action'].includes(item.status);
}

export function canReply(a: InboxActor, item: Item, caps: ConnectorCapabilities): boolean {
  if (!canModerateAccount(a, item.account_id) || item.status === 'own' || item.status === 'deleted') return false;
  return item.kind === 'comment' ? caps.replyComment : caps.privateMessages;
}

/**
 * The automatic response is drafted by the Responsible Officer (art. 3.8): anyone who moderates one of
 * the institution's accounts, its president/PIO, or a system administrator.
 */
export function canEditAutoReply(a: InboxActor, institutionId: string, institutionAccountIds: readonly string[]): boolean {
  return (
    canEditInstitution(a, institutionId) ||
    (canViewInstitution(a, institutionId) && institutionAccountIds.some((id) => a.moderates.has(id)))
  );
}
