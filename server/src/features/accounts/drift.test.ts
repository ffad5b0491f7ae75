import { describe, expect, it } from 'vitest';
import { compareRoles, type DecidedPerson } from './drift.js';

const decided: DecidedPerson[] = [
  { userId: 'pres', name: 'President', email: 'president@court.test', level: 'admin', byPosition: true },
  { userId: 'ro', name: 'RO', email: 'ro@court.test', level: 'admin', byPosition: false },
  { userId: 'ed', name: 'Editor', email: 'ed@court.test', level: 'editor', byPosition: false },
];
const former = [{ userId: 'gone', name: 'Former RO', email: 'gone@court.test' }];

describe('drift between platform roles and decisions (art. 5.5–5.7)', () => {
  it('finds nothing when the platform matches the decisions (the president need not be on it)', () => {
    const roles = [
      { externalUserId: '1', name: 'RO', email: 'RO@court.test', role: 'admin' as const },
      { externalUserId: 'ed@court.test', name: 'Editor', email: null, role: 'editor' as const },
    ];
    expect(compareRoles(roles, decided, former)).toEqual([]);
  });

  it('flags a stranger, a leaver, a level above the decision and a decision without a role', () => {
    const roles = [
      { externalUserId: '9', name: 'Stranger', email: 'someone@gmail.com', role: 'admin' as const },
      { externalUserId: '8', name: 'Former RO', email: 'gone@court.test', role: 'admin' as const },
      { externalUserId: '7', name: 'Editor', email: 'ed@court.test', role: 'admin' as const },
      { externalUserId: '6', name: 'No email', email: null, role: 'moderator' as const },
    ];
    const kinds = compareRoles(roles, decided, former).map((f) => [f.kind, f.article, f.name]);
    expect(kinds).toEqual([
      ['role_without_decision', '5.5', 'Stranger'],
      ['former_officer_present', '5.7', 'Former RO'],
      ['level_exceeds_decision', '5.6', 'Editor'],
      ['role_without_decision', '5.5', 'No email'],
      ['decision_without_role', '5.5', 'RO'],
    ]);
  });
});
