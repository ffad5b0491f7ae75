import type { Position } from '@courtdesk/contracts';
import { RuleViolationError, ValidationError } from '../../platform/http/errors.js';
import type { AccessLevel, DecisionKind, DecisionRole } from './decisions.tables.js';

/**
 * The manual's rules on decisions as pure functions (tested in decisions.rules.test.ts). Each refusal
 * names its article; the use case calls these before anything is written.
 */

/** The role a decision's people take, by kind. */
export function roleForKind(kind: DecisionKind): DecisionRole | null {
  switch (kind) {
    case 'ro_appointment':
      return 'responsible_officer';
    case 'substitute_appointment':
      return 'substitute';
    case 'editor_grant':
      return 'editor';
    case 'account_opening':
    case 'retroactive':
    case 'revocation':
      return null;
  }
}

/** Whether the kind gives people access to accounts. */
export const isGrantKind = (kind: DecisionKind) => roleForKind(kind) !== null;

/**
 * The level a decision gives, checked against art. 5.6: admin is "assigned only to the responsible
 * officer and the court president"; editor goes to a court officer only through the two-step request.
 */
export function levelFor(kind: DecisionKind, requested: AccessLevel | undefined, fromEditorRequest: boolean): AccessLevel | null {
  if (!isGrantKind(kind)) {
    if (requested) throw new ValidationError('Only appointments and editor grants carry an access level (art. 5.5).');
    return null;
  }
  if (kind === 'editor_grant') {
    if (requested === 'admin') {
      throw new RuleViolationError(
        'The admin level is assigned only to the Responsible Officer and the court president; a court officer can be given the editor level (art. 5.6a).',
        '5.6a',
        'admin_only_for_ro',
      );
    }
    if (!fromEditorRequest) {
      throw new RuleViolationError(
        'The editor level is granted only on the Responsible Officer’s recommendation and with the president’s consent: start an editor request (art. 5.6b).',
        '5.6b',
        'editor_needs_recommendation',
      );
    }
    return 'editor';
  }
  // Art. 5.5: the decision appointing a Responsible Officer (or substitutes) determines the level; admin by default.
  return requested ?? 'admin';
}

/** Art. 3.1–3.2: how many people each kind names. */
export function checkPeopleCount(kind: DecisionKind, count: number): void {
  if (kind === 'substitute_appointment' && count < 2) {
    throw new RuleViolationError(
      'Responsibility is transferred to two or more substitute responsible officers: name at least two (art. 3.2).',
      '3.2',
      'two_substitutes',
    );
  }
  if (isGrantKind(kind) && count < 1) throw new ValidationError('Name the person the decision appoints (art. 3.1).');
  if (!isGrantKind(kind) && count > 0) throw new ValidationError('This kind of decision does not appoint anyone; leave the people empty.');
}

/** Who may be appointed: staff of the institution; never an administrator account or leadership (they hold admin by position). */
export function checkAppointee(p: { name: string; position: Position; status: string; sameInstitution: boolean }): void {
  if (p.status !== 'active')
    throw new RuleViolationError(`${p.name} has left the institution and cannot be appointed (art. 5.7).`, '5.7', 'appointee_left');
  if (!p.sameInstitution)
    throw new RuleViolationError(
      `${p.name} does not work at this institution; a decision appoints the institution’s own officers (art. 3.1).`,
      '3.1',
      'appointee_elsewhere',
    );
  if (p.position === 'sysadmin')
    throw new RuleViolationError(
      'A system administrator account cannot be appointed Responsible Officer (art. 3.1).',
      '3.1',
      'appointee_sysadmin',
    );
}

/** Start of a day given as YYYY-MM-DD, or a full timestamp, as stored ISO text. */
export function toMoment(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00.000Z` : new Date(value).toISOString();
}

/** Effective period of a grant; only retroactive decisions may take effect before they were issued (art. 3.4). */
export function periodFor(
  kind: DecisionKind,
  decidedOn: string,
  effectFrom: string | undefined,
  effectUntil: string | null | undefined,
  today: string,
): { from: string; until: string | null } {
  if (decidedOn > today) throw new ValidationError('The decision date is in the future; record a decision once it is signed.');
  const from = toMoment(effectFrom ?? decidedOn);
  const until = effectUntil ? toMoment(effectUntil) : null;
  if (until !== null && until <= from) throw new ValidationError('The decision must end after it takes effect.');
  if (kind !== 'retroactive' && from < toMoment(decidedOn)) {
    throw new RuleViolationError(
      'Only a retroactive decision on an account opened before the manual may take effect before it was issued (art. 3.4); this one is back-dated.',
      '3.4',
      'back_dated',
    );
  }
  return { from, until };
}

/** One person's access by one decision, over a period (end = until or the first ending). */
export interface GrantPeriod {
  decisionId: string;
  number: string;
  userId: string;
  level: AccessLevel;
  from: string;
  end: string | null;
  coversAll: boolean;
  accountIds: readonly string[];
}

export function periodsOverlap(a: { from: string; end: string | null }, b: { from: string; end: string | null }): boolean {
  return (a.end === null || b.from < a.end) && (b.end === null || a.from < b.end);
}

export function scopesIntersect(
  a: { coversAll: boolean; accountIds: readonly string[] },
  b: { coversAll: boolean; accountIds: readonly string[] },
): boolean {
  return a.coversAll || b.coversAll || a.accountIds.some((id) => b.accountIds.includes(id));
}

/**
 * The first existing grant that the new one would overlap or contradict (same person, intersecting
 * accounts, overlapping period). Two decisions must never both speak for one person on one account at
 * one time: the earlier one is revoked or superseded instead (art. 5.5).
 */
export function findConflict(next: Omit<GrantPeriod, 'decisionId' | 'number'>, existing: readonly GrantPeriod[]): GrantPeriod | null {
  return existing.find((g) => g.userId === next.userId && scopesIntersect(g, next) && periodsOverlap(g, next)) ?? null;
}
