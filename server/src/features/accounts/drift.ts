import type { DriftFinding } from '@courtdesk/contracts';
import type { ExternalRole } from '../../connectors/connector.js';

/**
 * Drift (art. 5.5–5.7): the platform's real admins and editors compared with the decisions in force.
 * Anyone present without a decision, with a higher level than decided, or after leaving is flagged,
 * and so is a decision whose person holds no role on the platform. Pure; people are matched by e-mail
 * (or by the platform user id when that is an e-mail address).
 */
export interface DecidedPerson {
  userId: string;
  name: string;
  email: string;
  level: 'admin' | 'editor';
  /** Holds admin by position (the president, art. 5.6a): no finding when absent from the platform. */
  byPosition: boolean;
}

export interface FormerPerson {
  userId: string;
  name: string;
  email: string;
}

const key = (r: ExternalRole) => (r.email ?? (r.externalUserId.includes('@') ? r.externalUserId : '')).trim().toLowerCase();

export function compareRoles(
  roles: readonly ExternalRole[],
  decided: readonly DecidedPerson[],
  former: readonly FormerPerson[],
): DriftFinding[] {
  const findings: DriftFinding[] = [];
  const seen = new Set<string>();
  const base = (r: ExternalRole) => ({ externalUserId: r.externalUserId, name: r.name, email: r.email, platformRole: r.role });
  for (const r of roles) {
    const email = key(r);
    const person = email ? decided.find((d) => d.email.toLowerCase() === email) : undefined;
    if (person) {
      seen.add(person.userId);
      if (r.role === 'admin' && person.level === 'editor') {
        findings.push({ kind: 'level_exceeds_decision', article: '5.6', ...base(r), decidedLevel: person.level, personId: person.userId });
      }
      continue;
    }
    const gone = email ? former.find((f) => f.email.toLowerCase() === email) : undefined;
    if (gone) findings.push({ kind: 'former_officer_present', article: '5.7', ...base(r), decidedLevel: null, personId: gone.userId });
    else findings.push({ kind: 'role_without_decision', article: '5.5', ...base(r), decidedLevel: null, personId: null });
  }
  for (const d of decided) {
    if (d.byPosition || seen.has(d.userId)) continue;
    findings.push({
      kind: 'decision_without_role',
      article: '5.5',
      externalUserId: null,
      name: d.name,
      email: d.email,
      platformRole: null,
      decidedLevel: d.level,
      personId: d.userId,
    });
  }
  return findings;
}
