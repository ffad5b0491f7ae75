/**
 * Every kind of audit event, in one place. Features add their own event names here
 * (dotted, past tense: `post.approved`, `vault.secret_revealed`).
 */
export const auditEventTypes = [
  // sign-in and sessions
  'auth.login_succeeded',
  'auth.login_failed',
  'auth.locked_out',
  'auth.totp_verified',
  'auth.totp_failed',
  'auth.recovery_code_used',
  'auth.totp_enrolled',
  'auth.totp_disabled',
  'auth.logged_out',
  'auth.logged_out_everywhere',
  'auth.password_changed',
  'auth.preferences_changed',
  // people and institutions
  'person.created',
  'person.invited',
  'person.left',
  'person.sessions_revoked',
  'institution.updated',
  'system.seeded',
  // platform connections (API credentials; the audit keeps field names, never values)
  'account.connection_set',
  'account.connection_removed',
] as const;

export type AuditEventType = (typeof auditEventTypes)[number] | `${string}.${string}`;

/** What a use case hands to `appendAudit`; the chain fields are computed there. */
export interface AuditEventInput {
  type: AuditEventType;
  actorId: string | null;
  institutionId?: string | null;
  subjectType?: string | null;
  subjectId?: string | null;
  reason?: string | null;
  data?: Record<string, unknown>;
  ip?: string | null;
}
