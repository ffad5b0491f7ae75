import type { DbOrTrx } from '../../platform/db/database.js';
import { nowIso } from '../../platform/ids.js';
import type { AccessLevel, DecisionRole } from './decisions.tables.js';
import { leadsInstitution } from './leadership.js';

/**
 * The rights API: what a person may do on an official account, computed only from the decisions in
 * force at a moment (art. 3.1, 5.5–5.6) — never from a role toggle. Publishing, inbox, vault and
 * moderation call these functions; nothing else grants access to an account.
 *
 * Levels (art. 5.6): `admin` — publish, moderate, see the vault (art. 5.10/5.13/5.16: the password is for
 * the Responsible Officer and the president only) and manage access; `editor` — publish and moderate.
 * `approve` is president-level approval (overrides, permission to comment on a decision, art. 4.4c).
 *
 * @NOTE The court president holds admin on the institution's accounts by virtue of position
 * (art. 5.6a: "assigned only to the responsible officer and the court president"), so no decision is
 * required for them; `viaDecisionIds` is then empty. For the KJC, its Chair, Deputy Chair and
 * Secretariat Director stand in the president's place.
 */
export type AccountRight = 'publish' | 'moderate' | 'vault' | 'manageAccess' | 'approve';

export interface AccountRights {
  level: 'admin' | 'editor' | null;
  publish: boolean;
  moderate: boolean;
  vault: boolean;
  manageAccess: boolean;
  approve: boolean;
  viaDecisionIds: string[];
}

/** Decision kinds that give a person access to accounts. */
export const GRANT_KINDS = ['ro_appointment', 'substitute_appointment', 'editor_grant'] as const;

/** One person's part in one decision, in force at the moment asked about. */
export interface GrantInForce {
  decisionId: string;
  userId: string;
  role: DecisionRole;
  level: AccessLevel;
  institutionId: string;
  coversAll: boolean;
  accountIds: string[];
  effectFrom: string;
  effectUntil: string | null;
}

const NONE: AccountRights = {
  level: null,
  publish: false,
  moderate: false,
  vault: false,
  manageAccess: false,
  approve: false,
  viaDecisionIds: [],
};

/** What each level allows (art. 5.6). */
export function rightsForLevel(level: AccessLevel | null, president: boolean, via: string[] = []): AccountRights {
  if (!level) return { ...NONE, approve: president, viaDecisionIds: via };
  const admin = level === 'admin';
  return { level, publish: true, moderate: true, vault: admin, manageAccess: admin, approve: president, viaDecisionIds: via };
}

/** Normalises `at` to the stored timestamp format so text comparison orders correctly. */
function moment(at?: string): string {
  return at ? new Date(at).toISOString() : nowIso();
}

/** Whether a person was an active member of staff at `at` (a leaver keeps no right from the day they left). */
function activeAt(u: { status: string; left_at: string | null }, at: string): boolean {
  return u.status === 'active' || (u.left_at !== null && u.left_at > at);
}

/**
 * Every (decision, person) grant in force at `at`, optionally for one person or institution.
 * A grant is in force when `effect_from <= at < effect_until` and no ending (revocation, supersession,
 * departure) for the whole decision or for that person has taken effect.
 */
export async function grantsInForce(
  db: DbOrTrx,
  filter: { userId?: string; institutionId?: string },
  at?: string,
): Promise<GrantInForce[]> {
  const t = moment(at);
  let q = db
    .selectFrom('decisions as d')
    .innerJoin('decision_people as dp', 'dp.decision_id', 'd.id')
    .select(['d.id', 'd.institution_id', 'd.level', 'd.covers_all_accounts', 'd.effect_from', 'd.effect_until', 'dp.user_id', 'dp.role'])
    .where('d.kind', 'in', GRANT_KINDS)
    .where('d.level', 'is not', null)
    .where('d.effect_from', '<=', t)
    .where((eb) => eb.or([eb('d.effect_until', 'is', null), eb('d.effect_until', '>', t)]))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('decision_endings as e')
            .select('e.id')
            .whereRef('e.decision_id', '=', 'd.id')
            .where((e2) => e2.or([e2('e.user_id', 'is', null), e2('e.user_id', '=', e2.ref('dp.user_id'))]))
            .where('e.at', '<=', t),
        ),
      ),
    );
  if (filter.userId) q = q.where('dp.user_id', '=', filter.userId);
  if (filter.institutionId) q = q.where('d.institution_id', '=', filter.institutionId);
  const rows = await q.execute();
  if (rows.length === 0) return [];
  const ids = [...new Set(rows.map((r) => r.id))];
  const links = await db.selectFrom('decision_accounts').select(['decision_id', 'account_id']).where('decision_id', 'in', ids).execute();
  const byDecision = new Map<string, string[]>();
  for (const l of links) byDecision.set(l.decision_id, [...(byDecision.get(l.decision_id) ?? []), l.account_id]);
  return rows.map((r) => ({
    decisionId: r.id,
    userId: r.user_id,
    role: r.role,
    level: r.level as AccessLevel,
    institutionId: r.institution_id,
    coversAll: r.covers_all_accounts === 1,
    accountIds: byDecision.get(r.id) ?? [],
    effectFrom: r.effect_from,
    effectUntil: r.effect_until,
  }));
}

/** The highest level among grants and the president's own (admin beats editor). */
function combine(grants: GrantInForce[], president: boolean): AccountRights {
  const level: AccessLevel | null = president || grants.some((g) => g.level === 'admin') ? 'admin' : grants.length > 0 ? 'editor' : null;
  return rightsForLevel(level, president, [...new Set(grants.map((g) => g.decisionId))].sort());
}

/** What `userId` may do on `accountId` at `at` (default now), and by which decisions. */
export async function rightsOnAccount(db: DbOrTrx, userId: string, accountId: string, at?: string): Promise<AccountRights> {
  const t = moment(at);
  const account = await db.selectFrom('accounts').select(['id', 'institution_id', 'status']).where('id', '=', accountId).executeTakeFirst();
  if (!account || account.status !== 'active') return { ...NONE };
  const user = await db
    .selectFrom('users')
    .select(['id', 'status', 'left_at', 'position', 'institution_id'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user || !activeAt(user, t)) return { ...NONE };
  const president = await isPresidentOf(db, userId, account.institution_id);
  const grants = (await grantsInForce(db, { userId, institutionId: account.institution_id }, t)).filter(
    (g) => g.coversAll || g.accountIds.includes(accountId),
  );
  return combine(grants, president);
}

/** The ids of the active accounts on which `userId` holds `right` at `at` (default now). */
export async function accountsWhereUserHas(db: DbOrTrx, userId: string, right: AccountRight, at?: string): Promise<string[]> {
  const t = moment(at);
  const user = await db
    .selectFrom('users')
    .select(['id', 'status', 'left_at', 'position', 'institution_id'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user || !activeAt(user, t)) return [];
  const accounts = await db.selectFrom('accounts').select(['id', 'institution_id']).where('status', '=', 'active').execute();
  const presided = new Set<string>();
  for (const instId of new Set(accounts.map((a) => a.institution_id))) if (await isPresidentOf(db, userId, instId)) presided.add(instId);
  const grants = await grantsInForce(db, { userId }, t);
  const out: string[] = [];
  for (const a of accounts) {
    const mine = grants.filter((g) => g.institutionId === a.institution_id && (g.coversAll || g.accountIds.includes(a.id)));
    if (combine(mine, presided.has(a.institution_id))[right]) out.push(a.id);
  }
  return out.sort();
}

/**
 * Whether `userId` is, now, the head of `institutionId`: its court president (also for its branches),
 * or for the KJC its Chair, Deputy Chair or Secretariat Director.
 */
export async function isPresidentOf(db: DbOrTrx, userId: string, institutionId: string): Promise<boolean> {
  const user = await db.selectFrom('users').select(['position', 'institution_id', 'status']).where('id', '=', userId).executeTakeFirst();
  if (!user) return false;
  const inst = await db.selectFrom('institutions').select(['id', 'kind', 'parent_id']).where('id', '=', institutionId).executeTakeFirst();
  return inst ? leadsInstitution(user, inst) : false;
}

/** Whether a person holds any access to any account by decision now (used to require 2FA, art. 4.9). */
export async function holdsAnyGrant(db: DbOrTrx, userId: string): Promise<boolean> {
  return (await grantsInForce(db, { userId })).length > 0;
}
