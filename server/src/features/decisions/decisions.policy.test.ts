import { describe, expect, it } from 'vitest';
import type { Position } from '@courtdesk/contracts';
import {
  canApproveAccount,
  canCheckPlatform,
  canCloseAccount,
  canCompleteOffboarding,
  canConsentEditor,
  canEditAccount,
  canEditBrandKit,
  canIssueDecision,
  canRecommendEditor,
  canRegisterAccount,
  canRequestAccount,
  canViewAuthority,
  canViewOffboarding,
  type AuthorityActor,
} from './decisions.policy.js';
import { leadsInstitution } from './leadership.js';

/**
 * The authorization matrix: roles × actions × institutions, without a database. Each row is a role;
 * each string lists, per institution (own court, its branch, another court, the KJC), the actions
 * allowed, as letters. A change of rule shows up here as a one-letter diff.
 */
const OWN = 'court';
const BRANCH = 'court-branch';
const OTHER = 'other';
const KJC = 'kjc';
const places = [OWN, BRANCH, OTHER, KJC] as const;

function actor(position: Position, institutionId: string, opts: { ro?: string[] } = {}): AuthorityActor {
  const homeIds = institutionId === OWN ? [OWN, BRANCH] : [institutionId];
  const insts = [
    { id: OWN, kind: 'basic' as const, parent_id: null },
    { id: BRANCH, kind: 'branch' as const, parent_id: OWN },
    { id: OTHER, kind: 'basic' as const, parent_id: null },
    { id: KJC, kind: 'council' as const, parent_id: null },
  ];
  const leads = insts.filter((i) => leadsInstitution({ position, institution_id: institutionId, status: 'active' }, i)).map((i) => i.id);
  return { id: 'u', institutionId, position, homeIds, leads, roOf: opts.ro ?? [] };
}

const actions: Record<string, (a: AuthorityActor, inst: string) => boolean> = {
  v: canViewAuthority,
  i: canIssueDecision,
  r: canRecommendEditor,
  c: canConsentEditor,
  q: canRequestAccount,
  a: canApproveAccount,
  g: canRegisterAccount,
  e: (a, inst) => canEditAccount(a, inst, false),
  E: (a, inst) => canEditAccount(a, inst, true),
  x: canCloseAccount,
  p: canCheckPlatform,
  b: canEditBrandKit,
  o: canViewOffboarding,
  O: canCompleteOffboarding,
};

const roles: Array<[string, AuthorityActor, Record<(typeof places)[number], string>]> = [
  ['court president', actor('president', OWN), { [OWN]: 'vicqagExpboO', [BRANCH]: 'vicqagExpboO', [OTHER]: '', [KJC]: '' }],
  ['PIO appointed RO', actor('pio', OWN, { ro: [OWN] }), { [OWN]: 'vrqgEpboO', [BRANCH]: 'vqEbo', [OTHER]: '', [KJC]: '' }],
  ['PIO without decision', actor('pio', OWN), { [OWN]: 'vqEbo', [BRANCH]: 'vqEbo', [OTHER]: '', [KJC]: '' }],
  ['court officer', actor('court_officer', OWN), { [OWN]: 'vE', [BRANCH]: 'vE', [OTHER]: '', [KJC]: '' }],
  ['KJC chair', actor('kjc_chair', KJC), { [OWN]: 'vo', [BRANCH]: 'vo', [OTHER]: 'vo', [KJC]: 'vicqagExpboO' }],
  ['KJC PIO', actor('pio', KJC), { [OWN]: '', [BRANCH]: '', [OTHER]: '', [KJC]: 'vqEbo' }],
  ['system administrator', actor('sysadmin', KJC), { [OWN]: 'vigeEpbo', [BRANCH]: 'vigeEpbo', [OTHER]: 'vigeEpbo', [KJC]: 'vigeEpbo' }],
];

describe('authority policy matrix (roles × actions × institutions)', () => {
  for (const [name, a, expected] of roles) {
    it(`${name}`, () => {
      const got = Object.fromEntries(
        places.map((p) => [
          p,
          Object.entries(actions)
            .filter(([, fn]) => fn(a, p))
            .map(([k]) => k)
            .join(''),
        ]),
      );
      expect(got).toEqual(expected);
    });
  }

  it('never lets anyone act on an institution they cannot see', () => {
    for (const [, a] of roles) {
      for (const p of places) {
        if (canViewAuthority(a, p)) continue;
        for (const [k, fn] of Object.entries(actions)) expect({ k, p, ok: fn(a, p) }).toEqual({ k, p, ok: false });
      }
    }
  });

  it('treats a leaver as nobody’s leadership', () => {
    expect(
      leadsInstitution({ position: 'president', institution_id: OWN, status: 'resigned' }, { id: OWN, kind: 'basic', parent_id: null }),
    ).toBe(false);
  });
});
